"""The follow-up's new reports show a metric goal's latest reading as `status` and `mål N` show it, through
the real server (the sample district of tests/stories/conftest.py; goal 12 followers from 1 500 to 2 000).

What a board member means: "Mål 12 · distriktet: 1 rapport, senast 1 550" says where the goal stands now.
When the only report made since the last follow-up is a reading for an earlier day (Megan read 1 550 on
10 November and reported it late, after the 1 600 of 15 November), the goal's latest reading is still
1 600, and `status` says 1 600: the follow-up must say the same, not the newest of the new reports alone.
"""

from __future__ import annotations

from datetime import timedelta

from bot.services.goals import Target, TargetKind
from tests.conftest import NOW, Clock
from tests.stories.conftest import ANNA, KIM, MEGAN, District, branch_meetings


async def _a_late_reading(district: District, clock: Clock) -> None:
    clock.now = NOW - timedelta(days=7)  # 15 November
    await district.say(MEGAN, "rapportera 12 1600")
    await district.say(ANNA, "uppföljning")
    clock.now = NOW  # 22 November
    await district.say(MEGAN, "rapportera 12 1550 10/11")


async def test_the_latest_reading_is_the_goals_in_swedish(district: District) -> None:
    await _a_late_reading(district, district.clock)
    answer = await district.say(ANNA, "uppföljning")
    assert "Mål 12 · distriktet: 1 rapport, senast 1 600" in answer.replace("\xa0", " ")
    assert "Framsteg: ▰▰▱▱▱▱▱▱▱▱ 1 600 följare (från 1 500, mål 2 000)" in (
        await district.say(ANNA, "mål 12")
    ).replace("\xa0", " ")
    assert ("12. ▰▰▱▱▱▱▱▱▱▱ 1 600 följare (från 1 500") in (await district.say(ANNA, "status")).replace(
        "\xa0", " "
    )


async def test_the_latest_reading_is_the_goals_in_english(district: District) -> None:
    await _a_late_reading(district, district.clock)
    answer = await district.say(ANNA, "follow-up", locale="en-US")
    assert "Goal 12 · the district: 1 report, latest 1,600" in answer
    assert "1,600 followers (from 1,500, target 2,000)" in await district.say(ANNA, "goal 12", locale="en-US")
    assert "12. ▰▰▱▱▱▱▱▱▱▱ 1,600 followers (from 1,500" in await district.say(ANNA, "status", locale="en-US")


async def test_a_branchs_latest_reading_is_its_own(district: District) -> None:
    """Goal 4 made every branch's number (members, from 100 to 200): Sundsvall's latest is Sundsvall's own
    latest reading, as `status Sundsvall` shows it, also when the new report is for an earlier day."""
    district.clock.now = NOW - timedelta(days=7)
    members = Target(TargetKind.METRIC, baseline=100, goal_value=200, unit="medlemmar", unit_en="members")
    branch_meetings(district, members, now=district.clock.now)
    await district.say(KIM, "rapportera 4 150")
    await district.say(ANNA, "uppföljning")
    district.clock.now = NOW
    await district.say(KIM, "rapportera 4 140 10/11")
    swedish = (await district.say(ANNA, "uppföljning")).replace("\xa0", " ")
    assert "Mål 4 · Sundsvall: 1 rapport, senast 150" in swedish
    assert "4. ▰▰▰▰▰▱▱▱▱▱ 150 medlemmar (från 100" in (await district.say(ANNA, "status Sundsvall")).replace(
        "\xa0", " "
    )
    english = await district.say(ANNA, "follow-up since 14/11", locale="en-US")
    assert "Goal 4 · Sundsvall: 2 reports, latest 150" in english
