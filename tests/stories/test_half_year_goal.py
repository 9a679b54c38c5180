"""A goal per half-year ("två medlemsmöten per termin"), as the board corrects goal 6 to: `status`, `mål 6`
and the follow-up name the half-years the same way ("1 av 2 halvår klara"), not "uppnådda" in one place
and "halvår klara" in another.

What a board member means: two meetings a half-year; the spring's two meetings make the first half-year
met, so one of the year's two half-years is met, and this half-year (the autumn) has one of two.
"""

from __future__ import annotations

from tests.stories.conftest import MEGAN, NOA, District
from tests.stories.test_goal_progress import line


async def _half_years(district: District) -> None:
    assert (await district.say(MEGAN, "mål 6 mål 2 per halvår")).startswith("Rättade mål 6")
    for day in ("2026-03-10", "2026-05-20", "2026-09-15"):
        assert (await district.say(MEGAN, f"rapportera 6 1 {day} ordförandemöte")).startswith("Sparat")


async def test_half_years_read_the_same_in_status_and_the_follow_up_in_swedish(district: District) -> None:
    await _half_years(district)
    said = "▰▰▰▰▰▱▱▱▱▱ 1 av 2 halvår klara i år · i fas · 1 av 2 ordförandemöten det här halvåret"
    assert line(await district.say(NOA, "status"), 6).endswith(said)
    assert f"Framsteg: {said}" in await district.say(NOA, "mål 6")
    assert "Mål 6: 0 av 2 halvår klara → 1 av 2 halvår klara · i fas" in await district.say(
        MEGAN, "uppföljning"
    )


async def test_half_years_read_the_same_in_status_and_the_follow_up_in_english(district: District) -> None:
    await _half_years(district)
    said = "▰▰▰▰▰▱▱▱▱▱ 1 of 2 half-years met this year · on pace · 1 of 2 chairs' meetings this half-year"
    assert line(await district.say(NOA, "status", locale="en-US"), 6).endswith(said)
    assert f"Progress: {said}" in await district.say(NOA, "goal 6", locale="en-US")
    follow_up = await district.say(MEGAN, "follow-up", locale="en-US")
    assert "Goal 6: 0 of 2 half-years met → 1 of 2 half-years met · on pace" in follow_up
