"""Who is told of a change to a report, who finds a report without its number, and a report made on the
wrong goal or branch.

Goal 4 is every branch's own here (a members' meeting a quarter); goal 6 the district's (a chairs' meeting a
quarter). The clock is set to Sunday 22 November 2026, 10:00 UTC. Kim chairs Sundsvall and names Noa deputy;
Megan and Anna are on the board; Johannes, a member, is named responsible for goal 6.

What they expect:
- A branch's reports are its chair's and deputies' alike, so when the board (or anyone from outside the
  branch) corrects or withdraws one, everyone who reports for the branch is told, not only whoever made it:
  Kim hears of the board's change to Noa's report, and the notice says whose report it was. A district
  goal's reports are its responsible people's: Johannes hears when the board changes a report on goal 6
  that someone else made. A change from within the branch tells only whoever made the report.
- Someone responsible for a goal is handled as a chair: `ångra`, `undo`, "nej, det var 2", `mina rapporter`
  find the reports on their goal, whoever made them (they may change them), and a report written as a
  sentence is read as one.
- "oops fel mål", "det var fel förening", "wrong goal": a correction changes a report's value and day, not
  its goal or branch, so the bot names the report with the lines that move it (withdraw, then report anew);
  it offers a line for another branch only to the board, which may report for any. "fel datum, det var i
  fredags" is answered with the line that moves it to that day.
- Every answer about a changed report says whom it counts for, as the stored one does ("för Sundsvall").
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from bot.app import SCHEDULER
from tests.fakes.chat import reply_text
from tests.stories.conftest import ANNA, JOHANNES, KIM, MEGAN, NOA, District, Someone

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def _told(district: District, who: Someone, since: int) -> list[str]:
    """What the bot started in `who`'s personal chat after the first `since` posts (not answers)."""
    await asyncio.gather(*district.client.app[SCHEDULER].background)
    return [
        reply_text(p.body)
        for p in district.connector.posted[since:]
        if p.conversation_id == f"a:personal-{who.teams_id}" and "replyToId" not in p.body
    ]


async def test_the_chair_is_told_when_the_board_changes_the_deputys_report(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert (await meetings.say(NOA, "rapportera 4 1 i går")).startswith("Sparat #1")
    before = len(meetings.connector.posted)
    assert (await meetings.say(MEGAN, "ändra 1 2")).startswith("Rättat #1")
    assert await _told(meetings, KIM, before) == [
        "Megan Bowen har rättat rapport #1 på mål 4 för Sundsvall: nu 2 medlemsmöten, 21 nov. 2026; tidigare "
        "1 medlemsmöte, "
        "21 nov. 2026. Den rapporterades av Noa Holm. Rapporterna du svarar för: mina rapporter"
    ]
    assert (await _told(meetings, NOA, before))[0].startswith("Megan Bowen har rättat din rapport #1")
    before = len(meetings.connector.posted)
    assert (await meetings.say(MEGAN, "ångra 1")).startswith("Rapport #1")
    assert await _told(meetings, KIM, before) == [
        "Megan Bowen har dragit tillbaka rapport #1 på mål 4 för Sundsvall (2 medlemsmöten, 21 nov. 2026); "
        "den räknas "
        "inte längre. Den rapporterades av Noa Holm. Rapporterna du svarar för: mina rapporter"
    ]
    # from within the branch: only whoever made it hears of it
    assert (await meetings.say(KIM, "rapportera 4 1 i förrgår")).startswith("Sparat #2")
    before = len(meetings.connector.posted)
    assert (await meetings.say(NOA, "ändra 2 3")).startswith("Rättat #2")
    assert len(await _told(meetings, KIM, before)) == 1
    assert await _told(meetings, NOA, before) == []


async def test_the_chair_is_told_in_english_and_the_responsible_of_a_district_goal(
    district: District,
) -> None:
    district.clock.now = SUNDAY
    await district.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    await district.say(KIM, "help", locale="en-US")  # Kim's Teams speaks English
    assert (await district.say(NOA, "report 3 1 yesterday", locale="en-US")).startswith("Stored #1")
    before = len(district.connector.posted)
    assert (await district.say(ANNA, "withdraw 1", locale="en-US")).startswith("Withdrew #1")
    assert await _told(district, KIM, before) == [
        "Anna Lind withdrew report #1 on goal 3 for Sundsvall (1 person, 21 Nov 2026); it no longer counts. "
        "It was reported by Noa Holm. The reports you answer for: my reports"
    ]
    await district.say(MEGAN, "ansvarig 6 @Johannes Ström", mentions=((JOHANNES, "Johannes Ström"),))
    await district.say(JOHANNES, "hjälp")  # the bot may write to him once he has written to it
    assert (await district.say(MEGAN, "rapportera 6 1 i går")).startswith("Sparat #2")
    before = len(district.connector.posted)
    assert (await district.say(ANNA, "ändra 2 2")).startswith("Rättat #2")
    assert await _told(district, JOHANNES, before) == [
        "Anna Lind har rättat rapport #2 på mål 6 för distriktet: nu 2 ordförandemöten, 21 nov. 2026; "
        "tidigare 1 ordförandemöte, 21 nov. "
        "2026. Den rapporterades av Megan Bowen. Rapporterna du svarar för: mina rapporter"
    ]


async def test_the_responsible_finds_their_goals_reports_as_a_chair_does(district: District) -> None:
    district.clock.now = SUNDAY
    assert (await district.say(MEGAN, "rapportera 6 1 i går")).startswith("Sparat #1")
    await district.say(MEGAN, "ansvarig 6 @Johannes Ström", mentions=((JOHANNES, "Johannes Ström"),))
    assert await district.say(JOHANNES, "ångra") == (
        "Den senaste rapporten är #1: mål 6, 1 ordförandemöte för distriktet, 21 nov. 2026. Den "
        "rapporterades av Megan "
        "Bowen. "
        "Dra tillbaka den med: ångra 1"
    )
    assert await district.say(JOHANNES, "undo", locale="en-US") == (
        "The latest report is #1: goal 6, 1 chairs' meeting for the district, 21 Nov 2026. It was reported "
        "by Megan Bowen. "
        "To withdraw it, write: withdraw 1"
    )
    assert (await district.say(JOHANNES, "nej, det var 2")).endswith("Ändra den med: ändra 1 2")
    assert (await district.say(JOHANNES, "no, it was 2", locale="en-US")).endswith(
        "To correct it, write: correct 1 2"
    )
    mine = (await district.say(JOHANNES, "mina rapporter")).splitlines()
    assert mine[:2] == [
        "Dina senaste rapporter och de på mål 6",
        "#1 mål 6 · 21 nov. 2026 · distriktet · 1 ordförandemöte · av Megan Bowen",
    ]
    assert (await district.say(JOHANNES, "my reports", locale="en-US")).startswith(
        "Your latest reports and those on goal 6\n#1 goal 6"
    )
    assert (await district.say(JOHANNES, "vi hade ett ordförandemöte i går för mål 6")).startswith(
        "Menade du rapportera 6 ett ordförandemöte 2026-11-21?"
    )
    assert (await district.say(JOHANNES, "ändra 1 2")).startswith("Rättat #1: mål 6, nu 2")
    # a member answers for no report: the same words are no command to them
    assert "ändra" not in await district.say(NOA, "nej, det var 2")
    assert [(c.value, c.withdrawn) for c in district.reports()] == [(2, False)]


async def test_a_report_on_the_wrong_goal_or_branch_is_withdrawn_and_made_anew(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera 4 1 i går")).startswith("Sparat #1")
    assert await meetings.say(KIM, "oops fel mål") == (
        "Den senaste rapporten är #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. En rapport kan inte "
        "flyttas "
        "till ett annat mål: dra tillbaka den (ångra 1) och rapportera den sedan på nytt: "
        "rapportera MÅL 1 för Sundsvall 2026-11-21"
    )
    assert (await meetings.say(KIM, "fel mål, skulle vara mål 3")).endswith(
        "rapportera 3 1 för Sundsvall 2026-11-21"
    )
    assert await meetings.say(KIM, "wrong goal", locale="en-US") == (
        "The latest report is #1: goal 4, 1 members' meeting for Sundsvall, 21 Nov 2026. A report cannot be "
        "moved to "
        "another goal: withdraw it (withdraw 1), then report it anew: report GOAL 1 for Sundsvall 2026-11-21"
    )
    assert await meetings.say(KIM, "det var fel förening") == (
        "Den senaste rapporten är #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. En rapport kan inte "
        "flyttas "
        "till en annan partiförening: dra tillbaka den (ångra 1); den föreningens ordförande eller en "
        "ersättare rapporterar den där."
    )
    # a wrong day is corrected in place: the line moves it
    assert (await meetings.say(KIM, "fel datum, det var i fredags")).endswith(
        "Flytta den till en annan dag med: ändra 1 2026-11-20"
    )
    assert (await meetings.say(KIM, "wrong date", locale="en-US")).endswith(
        "To move it to another day, write: correct 1 DATE"
    )
    assert (await meetings.say(MEGAN, "rapportera 4 1 för Sundsvall i förrgår")).startswith("Sparat #2")
    assert await meetings.say(MEGAN, "wrong branch, should be Timrå", locale="en-US") == (
        "The latest report is #2: goal 4, 1 members' meeting for Sundsvall, 20 Nov 2026. A report cannot be "
        "moved to another "
        "branch: withdraw it (withdraw 2), then report it anew: report 4 1 for Timrå 2026-11-20"
    )
    # the lines work as shown
    assert (await meetings.say(MEGAN, "withdraw 2", locale="en-US")).startswith("Withdrew #2")
    assert (await meetings.say(MEGAN, "report 4 1 for Timrå 2026-11-20", locale="en-US")).startswith(
        "Stored #3: goal 4, 1 members' meeting for Timrå, 20 Nov 2026."
    )
    assert [(c.goal_number, c.branch, c.withdrawn) for c in meetings.reports()] == [
        (4, "Sundsvall", False),
        (4, "Sundsvall", True),
        (4, "Timrå", False),
    ]


async def test_a_chair_may_not_change_the_districts_report_made_in_their_branch(meetings: District) -> None:
    """The board reports the chairs' meeting (goal 6, the district's) "för Sundsvall", where it was held. A
    chair may not report a district goal, so Kim may not correct or withdraw that report either, nor is it
    offered to him as his branch's; he is told who may. Johannes, responsible for goal 6, may."""
    meetings.clock.now = SUNDAY
    assert (await meetings.say(MEGAN, "rapportera 6 1 för Sundsvall i går")).startswith("Sparat #1")
    refused = (
        "Rapport #1 är distriktets rapport på mål 6: bara styrelsen och de som är ansvariga för mål 6 kan "
        "ändra den. Berätta för någon i styrelsen vad som ska ändras."
    )
    assert await meetings.say(KIM, "ändra 1 3") == refused
    assert await meetings.say(KIM, "ångra 1") == refused
    assert (await meetings.say(KIM, "withdraw 1", locale="en-US")).startswith(
        "#1 is the district's report on goal 6: only the board and the people responsible for goal 6"
    )
    assert await meetings.say(KIM, "ångra") == "Jag hittar ingen rapport som du kan ändra; se mina rapporter."
    await meetings.say(MEGAN, "ansvarig 6 @Johannes Ström", mentions=((JOHANNES, "Johannes Ström"),))
    assert (await meetings.say(JOHANNES, "ändra 1 2")).startswith(
        "Rättat #1: mål 6, nu 2 ordförandemöten för distriktet (i Sundsvall), 21 nov. 2026."
    )
    assert [(c.value, c.withdrawn) for c in meetings.reports()] == [(2, False)]
