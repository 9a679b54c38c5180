"""A report's day corrected alone: `ändra N DATUM` moves it, keeping its value and comment.

Goal 4 is every branch's own here (one members' meeting a quarter). The clock is set to Sunday 22 November
2026, 10:00 UTC. Kim chairs Sundsvall.

What a chair means: `ändra 1 2026-11-19`, `ändra 1 i förrgår`, `correct 1 yesterday` (the report's number,
then a day and nothing else) says the meeting happened that day, not on the day reported; the value and the
comment stay as they were. The answer says it moved the report, to which day and from which, and that the
value and comment are unchanged. A day that has not come, or lies outside the plan's year, is refused as a
report on it would be. `ändra 1 2 [DAY] [COMMENT]` still sets a new value (and day, and comment).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.stories.conftest import KIM, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_a_day_alone_moves_the_report_and_keeps_its_value_and_comment(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera 4 1 i går medlemsmöte på biblioteket")).startswith(
        "Sparat #1"
    )
    assert await meetings.say(KIM, "ändra 1 2026-11-19") == (
        "Flyttade #1 till 19 nov. 2026 (det stod 21 nov. 2026): mål 4, 1 medlemsmöte för Sundsvall; värdet "
        "och "
        "kommentaren är "
        "oförändrade."
    )
    [moved] = meetings.reports()
    assert (moved.happened_on, moved.value, moved.comment) == (
        date(2026, 11, 19),
        1.0,
        "på biblioteket",  # the goal's own unit (medlemsmöte) is no comment
    )
    assert (await meetings.say(KIM, "ändra 1 i förrgår")).startswith("Flyttade #1 till 20 nov. 2026")
    assert (await meetings.say(KIM, "ändra 1 datum 12/11")).startswith("Flyttade #1 till 12 nov. 2026")
    english = await meetings.say(KIM, "correct 1 yesterday", locale="en-US")
    assert english == (
        "Moved #1 to 21 Nov 2026 (it said 12 Nov 2026): goal 4, 1 members' meeting for Sundsvall; the value "
        "and comment are "
        "unchanged."
    )
    assert (await meetings.say(KIM, "ändra 1 i morgon")).startswith("23 nov. 2026 har inte hänt än")
    assert meetings.reports()[0].happened_on == date(2026, 11, 21)


async def test_a_new_value_with_or_without_a_day_is_still_a_correction(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera 4 1 i går")).startswith("Sparat #1")
    assert await meetings.say(KIM, "ändra 1 2 19/11 två möten") == (
        "Rättat #1: mål 4, nu 2 medlemsmöten för Sundsvall, 19 nov. 2026."
    )
    assert (
        await meetings.say(KIM, "correct 1 3", locale="en-US")
        == "Corrected #1: goal 4, now 3 members' meetings for Sundsvall, 19 Nov 2026."
    )
    [changed] = meetings.reports()
    assert (changed.value, changed.happened_on, changed.comment) == (3.0, date(2026, 11, 19), "två möten")
