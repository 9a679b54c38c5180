"""What stays in a report's comment is only what the chair added: the words read as the day(s), the unit and
the branch are read, so they are no comment.

What a chair means: "rapportera 4 2 möten 3/3 och 10/3" is "we held two members' meetings, one on 3 March
and one on 10 March": the value is the total (2), the days say when. Both days fall in the same quarter, so
one report of 2 on the first day counts as two on their days would; the answer says it is stored on 3 March
and names both days, so nothing of "3/3 och 10/3" needs to stay in the comment. "1 möte 3/3 och 10/3" may be
one in all or one each day: the value written is stored, and the answer shows how to make it 2.
"Sundsvall i går" leading the comment says whose it is as "för Sundsvall" does; "i Sundsvall" (where it
was held) is the chair's own.

Kim chairs Sundsvall, Lee Härnösand; goal 4 is every branch's own, one members' meeting a quarter.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import KIM, LEE, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_two_days_are_read_and_not_kept_in_the_comment_in_swedish(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert await meetings.say(KIM, "rapportera 4 2 möten 3/3 och 10/3") == (
        "Sparat #1: mål 4, 2 medlemsmöten för Sundsvall, 3 mars 2026. Ändra med: ändra 1 VÄRDE\n"
        "Du skrev flera dagar (3 mars 2026 och 10 mars 2026); rapporten sparades på den första, eftersom de "
        "räknas i samma period. Vill du i stället spara den på 10 mars 2026 skriver du: ändra 1 2 2026-03-10"
    )
    assert meetings.reports()[-1].comment is None
    await meetings.say(KIM, "rapportera 4 3 möten, den 3/3 och den 10/3 bra uppslutning")
    assert meetings.reports()[-1].comment == "bra uppslutning"
    assert (await meetings.say(KIM, "rapportera 4 1 möte 5/3 och 12/3")).endswith(
        "ändra 3 1 2026-03-12\nRäknas varje dag för sig blir det 2 medlemsmöten: ändra 3 2"
    )
    await meetings.say(KIM, "rapportera 4 2 möten (4/3 + 11/3)")
    assert meetings.reports()[-1].comment is None
    await meetings.say(KIM, "rapportera 4 1 i förrgår medlemsmöte med 12 deltagare")
    assert meetings.reports()[-1].comment == "med 12 deltagare"
    await meetings.say(KIM, "rapportera 4 1 möte, bra uppslutning, i måndags")
    assert meetings.reports()[-1].comment == "bra uppslutning"


async def test_two_days_are_read_and_not_kept_in_the_comment_in_english(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    en = "en-US"
    answer = await meetings.say(KIM, "report 4 2 meetings on March 3 and March 10, good turnout", locale=en)
    assert answer.startswith("Stored #1: goal 4, 2 members' meetings for Sundsvall, 3 Mar 2026.")
    assert "You wrote more than one day (3 Mar 2026 and 10 Mar 2026)" in answer
    assert meetings.reports()[-1].comment == "good turnout"
    assert (await meetings.say(KIM, "report 4 1 meeting 5 March and 12 March", locale=en)).endswith(
        "correct 2 1 2026-03-12\nIf there was one on each day, that makes 2 members' meetings: correct 2 2"
    )


async def test_a_branch_named_first_is_whose_it_is_not_a_comment(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert await meetings.say(KIM, "rapportera 4 1 Sundsvall i går") == (
        "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Ändra med: ändra 1 VÄRDE"
    )
    assert meetings.reports()[-1].comment is None
    await meetings.say(KIM, "rapportera 4 1 möte i Sundsvall i förrgår")
    assert meetings.reports()[-1].comment == "i Sundsvall"  # where it was held: the chair's words
    # Lee writing another branch's name is asked to leave it to that branch, not stored for Härnösand
    assert (await meetings.say(LEE, "rapportera 4 1 Sundsvall i går")).startswith(
        "Du kan bara rapportera för din egen partiförening (Härnösand)"
    )
    assert await meetings.say(LEE, "report 4 1 Härnösand, yesterday", locale="en-US") == (
        "Stored #3: goal 4, 1 members' meeting for Härnösand, 21 Nov 2026. Correct it with: correct 3 VALUE"
    )
    assert meetings.reports()[-1].comment is None
