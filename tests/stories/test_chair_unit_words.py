"""A chair names what the number counts in the words that come naturally, not the plan's exact word.

Goal 4 is every branch's own here (a members' meeting a quarter, "medlemsmöte", "members' meeting"). The
clock is set to Sunday 22 November 2026, 10:00 UTC. Kim chairs Sundsvall.

What a chair means: "rapportera 4 två möten", "4 1 mötet", "report 4 two meetings": two (one) of what the
goal counts. A word right after the value that is the unit, an inflection of it or the last part of its
compound ("möte", "möten", "mötet" for "medlemsmöte"; "meetings" for "members' meeting") says what the value
counts, which the goal already says: it is no comment, nor is it repeated in the bot's hints. What follows
it ("i Folkets hus") is the comment.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import KIM, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_the_units_last_part_and_its_forms_are_no_comment(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera 4 två möten")).startswith(
        "Sparat #1: mål 4, 2 medlemsmöten för Sundsvall, 22 nov. 2026."
    )
    assert (await meetings.say(KIM, "rapportera 4 1 mötet i Folkets hus i går")).startswith(
        "Sparat #2: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026."
    )
    assert (await meetings.say(KIM, "report 4 two meetings 20/11", locale="en-US")).startswith(
        "Stored #3: goal 4, 2 members' meetings for Sundsvall, 20 Nov 2026."
    )
    assert (await meetings.say(KIM, "report 4 1 Meeting, at the library 19/11", locale="en-US")).startswith(
        "Stored #4: goal 4, 1 members' meeting for Sundsvall, 19 Nov 2026."
    )
    assert [(r.value, r.comment) for r in meetings.reports()] == [
        (2, None),
        (1, "i Folkets hus"),
        (2, None),
        (1, "at the library"),
    ]


async def test_the_same_report_again_is_offered_without_the_unit_as_a_comment(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "rapportera 4 2 möten")
    assert (await meetings.say(KIM, "rapportera 4 2 mötena")).endswith(
        "Om det hände två gånger, skriv: rapportera 4 2 2026-11-22 ja"
    )
    assert (await meetings.say(KIM, "report 4 2 meetings", locale="en-US")).endswith(
        "If it happened twice, write: report 4 2 2026-11-22 yes"
    )
    assert [(r.value, r.comment) for r in meetings.reports()] == [(2, None)]
