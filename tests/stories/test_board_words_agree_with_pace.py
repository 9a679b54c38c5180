"""The follow-up's words agree with the figures beside them.

What a board member means:
- Once the plan's year is over a goal short of its target is "inte nått", so the heading over those goals
  is not "Mål som ligger efter" and the branches named are those that did not reach it, not those "som
  ligger efter" (nothing is left to catch up with).
- A branch that reported a goal done ("klart") and later "inte klart" has still done it (done stays done,
  as `status` says): the board is not told that it "reported nothing done" on it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import LEE, MEGAN, District


async def test_after_the_year_the_follow_up_says_not_reached_in_swedish(district: District) -> None:
    district.clock.now = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)
    follow_up = await district.say(MEGAN, "uppföljning")
    assert "Mål som inte nåddes under 2026\n" in follow_up, follow_up
    assert "Mål som ligger efter" not in follow_up and "ligger efter:" not in follow_up
    goal_3 = next(row for row in follow_up.splitlines() if row.startswith("Mål 3: "))
    assert goal_3.endswith(
        "inte nått · partiföreningar som inte nådde målet: Härnösand (Lee Gu), Sundsvall (Kim Berg), "
        "Timrå (Sam Ek)"
    ), goal_3


async def test_after_the_year_the_follow_up_says_not_reached_in_english(district: District) -> None:
    district.clock.now = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)
    follow_up = await district.say(MEGAN, "follow-up", locale="en-US")
    assert "Goals not reached in 2026\n" in follow_up and "Goals behind" not in follow_up
    goal_3 = next(row for row in follow_up.splitlines() if row.startswith("Goal 3: "))
    assert "not reached · branches that did not reach it: Härnösand (Lee Gu)" in goal_3, goal_3
    assert "branches behind" not in follow_up


async def test_during_the_year_the_follow_up_names_the_branches_behind(district: District) -> None:
    follow_up = await district.say(MEGAN, "uppföljning")
    assert "Mål som ligger efter\n" in follow_up
    assert "efter · partiföreningar som ligger efter: Härnösand (Lee Gu)" in follow_up


async def _done_then_not_done(district: District) -> None:
    """Goal 1 every branch's; Härnösand reports it done in August, "inte klart" in November."""
    assert (await district.say(MEGAN, "mål 1 föreningar ja")).startswith("Rättade mål 1")
    assert (await district.say(LEE, "rapportera 1 klart 2026-08-10")).startswith("Sparat")
    assert (await district.say(LEE, "rapportera 1 inte klart")).startswith("Sparat")


async def test_done_then_not_done_is_not_nothing_done_in_swedish(district: District) -> None:
    await _done_then_not_done(district)
    follow_up = await district.say(MEGAN, "uppföljning")
    harnosand = next(row for row in follow_up.splitlines() if row.startswith("Härnösand: "))
    assert "inget gjorts" not in harnosand and "mål 1" in harnosand, harnosand
    assert harnosand == "Härnösand: rapporterat på mål 1 · inte rapporterat på mål 3"


async def test_done_then_not_done_is_not_nothing_done_in_english(district: District) -> None:
    await _done_then_not_done(district)
    follow_up = await district.say(MEGAN, "follow-up", locale="en-US")
    harnosand = next(row for row in follow_up.splitlines() if row.startswith("Härnösand: "))
    assert "nothing done" not in harnosand and "goal 1" in harnosand, harnosand
