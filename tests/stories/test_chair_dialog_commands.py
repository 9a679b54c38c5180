"""A chair mid-way through the question-at-a-time check-in (a chat that shows no cards) writes something
that is no answer: a command, a greeting, or a way of saying "leave it".

Goal 4 is every branch's own here (a members' meeting a quarter). The clock is set to Sunday 22 November
2026, 10:00 UTC. Kim chairs Sundsvall.

What a chair means:
- A command typed mid-report ("status", "mål 6", "hjälp", "mina rapporter") is the command: they get its
  answer, and the report waits where it was, its question asked again with how to leave it. Never a value
  stored from it, nor "”status” is not a number".
- "stop", "sluta", "glöm det", "never mind", "ångra", and "nej" to a question that wants a goal or a day,
  leave the report: nothing is stored, and they are told so.
- A one-line report written mid-way ("rapportera 4 1") is that report: it is stored, and the one being asked
  about is set aside, said so, so that nothing is reported twice.
- Answers given ahead are taken: "4 2" to "which goal?" is goal 4 and two; "2 i går" to "how many?" is two,
  yesterday; the next question is the one still open. "👍" to "any comment?" is none.
- To "Any comment?", a command as commands are written ("status", "mina rapporter") is the command, not a
  comment; "nej tack", "ingen" and "no thanks" are no comment; a sentence is a comment, whatever its first
  word.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import KIM, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def _chat(district: District, text: str, *, locale: str = "sv-SE") -> str:
    return await district.say(KIM, text, locale=locale, channel="test")


async def test_a_command_mid_report_is_answered_and_the_report_waits(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await _chat(meetings, "rapportera")
    assert (await _chat(meetings, "4")).startswith("Mål 4:")
    status = await _chat(meetings, "status")
    assert status.startswith("Så går det för Sundsvall, 22 nov. 2026")
    assert status.endswith(
        "Rapporten är inte klar: Vad vill du rapportera? Hur många medlemsmöten, t.ex. 1 Eller skriv avbryt "
        "för att sluta."
    )
    goal = await _chat(meetings, "mål 6")
    assert goal.startswith("Mål 6") and "Rapporten är inte klar" in goal
    mine = await _chat(meetings, "mina rapporter")
    assert mine.startswith("Du har inte rapporterat något än.") and "Rapporten är inte klar" in mine
    greeted = await _chat(meetings, "hej!")
    assert "Rapporten är inte klar: Vad vill du rapportera?" in greeted
    assert (await _chat(meetings, "2")).startswith("När hände det?")  # the report went on where it was
    assert "Rapporten är inte klar: När hände det?" in await _chat(meetings, "hjälp")
    assert (await _chat(meetings, "i går")).startswith("Någon kommentar?")
    commented = await _chat(meetings, "status")
    assert commented.startswith("Så går det för Sundsvall") and "Någon kommentar?" in commented
    assert not meetings.reports()  # nothing stored from any of it
    stored = await _chat(meetings, "nej tack")
    assert stored.startswith("Sparat #1: mål 4, 2 medlemsmöten för Sundsvall, 21 nov. 2026.")
    [report] = meetings.reports()
    assert (report.value, report.comment) == (2, None)


async def test_in_english_too(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await _chat(meetings, "report", locale="en-US")
    await _chat(meetings, "4", locale="en-US")
    helped = await _chat(meetings, "help", locale="en-US")
    assert helped.startswith("This is what I can do")
    assert helped.endswith(
        "Your report is not finished: What do you report? How many members' meetings, e.g. 1 Or write cancel "
        "to stop it."
    )
    assert "Your report is not finished" in await _chat(meetings, "my reports", locale="en-US")
    await _chat(meetings, "1", locale="en-US")
    await _chat(meetings, "today", locale="en-US")
    assert "Any comment?" in await _chat(meetings, "goal 4", locale="en-US")
    stored = await _chat(meetings, "no thanks", locale="en-US")
    assert stored.startswith("Stored #1: goal 4, 1 members' meeting for Sundsvall, 22 Nov 2026.")


async def test_ways_of_saying_leave_it_store_nothing(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    for locale, start, leave in (
        ("sv-SE", ["rapportera"], "stopp"),
        ("sv-SE", ["rapportera"], "nej"),
        ("sv-SE", ["rapportera", "4"], "Glöm det!"),
        ("sv-SE", ["rapportera", "4", "2"], "nej"),
        ("sv-SE", ["rapportera", "4", "2", "i går"], "ångra"),
        ("en-US", ["report"], "never mind"),
        ("en-US", ["report", "4"], "stop"),
        ("en-US", ["report", "4", "2"], "no"),
        ("en-US", ["report", "4", "2", "today"], "cancel"),
    ):
        for said in start:
            await _chat(meetings, said, locale=locale)
        left = await _chat(meetings, leave, locale=locale)
        assert left in ("Avbrutet. Inget sparades.", "Cancelled; nothing was stored."), (leave, left)
    assert not meetings.reports()


async def test_a_one_line_report_mid_way_stands_in_for_the_one_asked_about(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    for said in ("rapportera", "4", "2"):
        await _chat(meetings, said)
    line = await _chat(meetings, "rapportera 4 1 i går")
    assert line.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026.")
    assert line.endswith("Rapporten som jag frågade dig om är avbruten, och inget av den sparades.")
    assert (await _chat(meetings, "i går")).startswith("Jag känner inte till")  # no longer an answer
    assert (
        await _chat(meetings, "avbryt")
        == "Det finns inget att avbryta: jag väntar inte på något svar från dig."
    )
    for said in ("report", "4"):
        await _chat(meetings, said, locale="en-US")
    line = await _chat(meetings, "report 4 1", locale="en-US")
    assert line.startswith("Stored #2: goal 4, 1 members' meeting for Sundsvall, 22 Nov 2026.")
    assert line.endswith("The report I was asking you about is set aside; nothing of it was stored.")
    assert [r.value for r in meetings.reports()] == [1, 1]
    assert await meetings.say(KIM, "cancel", locale="en-US") == (
        "There is nothing to cancel: I am not waiting for an answer from you."
    )


async def test_a_comment_that_begins_with_a_command_word_is_a_comment(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    for said in ("rapportera", "4", "1", "idag"):
        await _chat(meetings, said)
    stored = await _chat(meetings, "visa filmen om facket nästa gång")
    assert stored.startswith("Sparat #1")
    [report] = meetings.reports()
    assert report.comment == "visa filmen om facket nästa gång"


async def test_answers_given_ahead_are_taken(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await _chat(meetings, "rapportera")
    assert (await _chat(meetings, "4 2")).endswith(
        "När hände det? Skriv ett datum som 12/3 eller 12 mars, eller idag."
    )
    assert (await _chat(meetings, "i går")).startswith("Någon kommentar?")
    assert (await _chat(meetings, "👍")).startswith(
        "Sparat #1: mål 4, 2 medlemsmöten för Sundsvall, 21 nov. 2026."
    )
    await _chat(meetings, "report", locale="en-US")
    await _chat(meetings, "4", locale="en-US")
    assert (await _chat(meetings, "one on Friday", locale="en-US")).startswith("Any comment?")
    assert (await _chat(meetings, "no", locale="en-US")).startswith(
        "Stored #2: goal 4, 1 members' meeting for Sundsvall, 20 Nov 2026."
    )
    await _chat(meetings, "report", locale="en-US")
    asked = await _chat(meetings, "4 many", locale="en-US")
    assert asked.endswith("“many” is not a number.")
    assert (await _chat(meetings, "3 today", locale="en-US")).startswith("Any comment?")
    assert [(r.value, r.comment) for r in meetings.reports()] == [(2, None), (1, None)]
