"""A number to move that every branch has ("varje partiförening ökar sina följare till 2 000"): each
branch's own reading is its own progress, and the district's figure counts the branches that reached it,
as for every other goal each branch does.

What a board member means: Sundsvall at 2 000 has reached it, Härnösand at 1 600 has not, Timrå has told
nothing: "1 av 3 partiföreningar har nått sitt mål". Before, the district's line showed whichever
branch's reading was latest ("1 600 (från 1 500, mål 2 000)"), a number no branch's own status agreed
with once another branch reported.
"""

from __future__ import annotations

from tests.stories.conftest import KIM, LEE, MEGAN, NOA, District
from tests.stories.test_goal_progress import line


async def _readings(district: District) -> None:
    assert (await district.say(MEGAN, "mål 12 föreningar ja")).startswith("Rättade mål 12")
    assert (await district.say(KIM, "rapportera 12 2000 följare")).startswith("Sparat")
    assert (await district.say(LEE, "rapportera 12 1600 följare")).startswith("Sparat")


async def test_each_branch_has_its_own_number_and_the_district_counts_branches_in_swedish(
    district: District,
) -> None:
    await _readings(district)
    district_line = "▰▰▰▱▱▱▱▱▱▱ 1 av 3 partiföreningar har nått sitt mål · efter"
    assert line(await district.say(NOA, "status"), 12).endswith(district_line)
    sundsvall = "▰▰▰▰▰▰▰▰▰▰ 2\xa0000 följare (från 1\xa0500, mål 2\xa0000) · klart"
    assert line(await district.say(KIM, "status"), 12).endswith(sundsvall)
    harnosand = "▰▰▱▱▱▱▱▱▱▱ 1\xa0600 följare (från 1\xa0500, mål 2\xa0000) · efter"
    assert line(await district.say(NOA, "status Härnösand"), 12).endswith(harnosand)
    goal = await district.say(KIM, "mål 12")
    assert f"Framsteg: {district_line}\nSundsvall: {sundsvall}\n" in goal, goal
    moved = (
        "Mål 12: 0 av 3 partiföreningar har nått sitt mål → 1 av 3 partiföreningar har nått sitt mål · efter"
    )
    assert moved in await district.say(MEGAN, "uppföljning")


async def test_each_branch_has_its_own_number_and_the_district_counts_branches_in_english(
    district: District,
) -> None:
    await _readings(district)
    status = await district.say(NOA, "status", locale="en-US")
    assert line(status, 12).endswith("1 of 3 branches has reached its target · behind")
    kims = await district.say(KIM, "status", locale="en-US")
    assert line(kims, 12).endswith("2,000 followers (from 1,500, target 2,000) · done")
    goal = await district.say(LEE, "goal 12", locale="en-US")
    assert "Härnösand: ▰▰▱▱▱▱▱▱▱▱ 1,600 followers (from 1,500, target 2,000) · behind" in goal, goal
