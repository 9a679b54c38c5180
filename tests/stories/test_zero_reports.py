"""A report of 0: "we did nothing this period".

Goal 4 is every branch's own here (one members' meeting a quarter). The clock is set to Sunday 22 November
2026, 10:00 UTC. Kim chairs Sundsvall; Megan is on the board.

What a chair means by `rapportera 4 0 inget möte`: the branch held no meeting this quarter, and says so. It
is a report: the branch has answered, so no reminder asks it again for the quarter. It adds nothing toward
the goal: status and `mål 4` still say 0 of 1 this quarter, behind. The answer says both, so the chair is
not left wondering whether a 0 "counts". The board's follow-up says the branch reported nothing done on
goal 4, not merely "reported", beside the 0 of 1 it shows for the goal, so no view says it was done.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import KIM, MEGAN, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_a_zero_is_a_report_of_nothing_done_and_every_view_says_so(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    stored = await meetings.say(KIM, "rapportera 4 0 inget möte")
    assert stored.splitlines() == [
        "Sparat #1: mål 4, 0 medlemsmöten för Sundsvall, 22 nov. 2026. Ändra med: ändra 1 VÄRDE",
        "0 betyder att inget gjordes: Sundsvall har rapporterat för perioden, så ingen påminnelse frågar "
        "efter det, och det bidrar inte till mål 4.",
    ]
    english = await meetings.say(KIM, "report 4 0 yesterday", locale="en-US")
    assert english.splitlines()[1] == (
        "0 says nothing was done: Sundsvall has reported for the period, so no reminder asks for it, and it "
        "adds nothing toward goal 4."
    )
    status = await meetings.say(KIM, "status")
    assert "4. ▱▱▱▱▱▱▱▱▱▱ 0 av 4 kvartal klara i år · efter · 0 av 1 medlemsmöte det här kvartalet" in status
    follow_up = (await meetings.say(MEGAN, "uppföljning")).splitlines()
    assert "Sundsvall: rapporterat att inget gjorts på mål 4 · inte rapporterat på mål 3" in follow_up
    assert "Härnösand: inte rapporterat på mål 3, 4" in follow_up
    english = (await meetings.say(MEGAN, "follow-up", locale="en-US")).splitlines()
    assert "Sundsvall: reported nothing done on goal 4 · not reported on goal 3" in english
    # A meeting reported later in the quarter makes it a report of something done.
    assert (await meetings.say(KIM, "rapportera 4 1 i dag")).startswith("Sparat #3")
    follow_up = (await meetings.say(MEGAN, "uppföljning")).splitlines()
    assert "Sundsvall: rapporterat på mål 4 · inte rapporterat på mål 3" in follow_up


async def test_not_done_on_a_done_goal_is_not_called_a_zero(district: District) -> None:
    """ "inte klart" is the answer a done/not-done goal asks for, not a count: no word about 0."""
    district.clock.now = SUNDAY
    answer = await district.say(MEGAN, "rapportera 1 inte klart")
    assert answer.startswith("Sparat #1: mål 1, inte klart")
    assert len(answer.splitlines()) == 1
