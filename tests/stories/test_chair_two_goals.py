"""A chair reports two goals in one message.

Goal 4 is every branch's own here (a members' meeting a quarter), as is goal 3 (a contact person, appointed).
The clock is set to Sunday 22 November 2026, 10:00 UTC. Kim chairs Sundsvall; Megan is on the board.

What a chair means by "rapportera 4 1 och 3 1" or "report 4 1, 3 1": both goals were done. Storing the
first with "och 3 1" as its comment would leave goal 3 unreported while the chair believes it counted. So
nothing is stored, and the answer gives the two lines to send, each with the day the message named. A
comment that only has a number in it ("och 3 deltagare", "10 deltagare") is a comment.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import KIM, MEGAN, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_two_goals_in_one_message_are_asked_for_one_at_a_time(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert await meetings.say(KIM, "rapportera 4 1 möte i går och mål 3 1") == (
        "Ett mål i taget, så inget sparades. Skriv dem var för sig:\n"
        "rapportera 4 1 2026-11-21\n"
        "rapportera mål 3 1 2026-11-21"
    )
    assert await meetings.say(KIM, "report 4 1, 3 1", locale="en-US") == (
        "One goal at a time, so nothing was stored. Write each on its own:\nreport 4 1\nreport 3 1"
    )
    assert await meetings.say(MEGAN, "rapportera 8 klart + 20 1") == (
        "Ett mål i taget, så inget sparades. Skriv dem var för sig:\nrapportera 8 klart\nrapportera 20 1"
    )
    assert not meetings.reports()
    for line in ("rapportera 4 1 2026-11-21", "rapportera mål 3 1 2026-11-21"):
        assert (await meetings.say(KIM, line)).startswith("Sparat #")
    assert [(r.goal_number, r.comment) for r in meetings.reports()] == [(4, None), (3, None)]


async def test_a_number_in_a_comment_is_no_second_goal(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera 4 1 och 3 deltagare")).startswith("Sparat #1")
    english = await meetings.say(KIM, "report 4 1 20/11 10 people came", locale="en-US")
    assert english.startswith("Stored #2")
    assert [r.comment for r in meetings.reports()] == ["och 3 deltagare", "10 people came"]
