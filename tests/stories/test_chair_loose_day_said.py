"""A loose day ("mitten av november", "end of last week") in the check-in form's date field and in the
question-at-a-time check-in (dialogs/), through the real server, in Swedish and English, the clock set to
Sunday 22 November 2026. Goal 4 is every branch's own (a members' meeting a quarter); Kim chairs Sundsvall.

What a chair means, written down before reading the replies: in the form or the chat, "mitten av
november" answering "När hände det?" is the 15th, as in the one-line report, and the answer says how it was
read and how to correct it ("”mitten av november” läses som 15 nov. 2026. Var det en annan dag skriver du:
ändra 1 1 DAG"), as the one-line report's does; before, the form and the chat stored the 15th without
saying so. A day written out ("12/11") gets no such note.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, LEE, District, shown

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
FORM = {"form": "checkin", "goal": "4", "value": "1", "comment": ""}


@pytest.mark.parametrize(
    ("written", "locale", "day", "note"),
    [
        (
            "mitten av november",
            "sv-SE",
            "2026-11-15",
            "”mitten av november” läses som 15 nov. 2026. Var det en annan dag skriver du: ändra 1 1 DAG",
        ),
        ("i början av november", "sv-SE", "2026-11-05", "”i början av november” läses som 5 nov. 2026."),
        ("i slutet av förra veckan", "sv-SE", "2026-11-13", "”i slutet av förra veckan” läses som 13 nov."),
        (
            "mid-November",
            "en-US",
            "2026-11-15",
            "“mid-November” is read as 15 Nov 2026. If it was another day, write: correct 1 1 DAY",
        ),
        ("at the end of last week", "en-US", "2026-11-13", "“at the end of last week” is read as 13 Nov"),
    ],
)
async def test_the_form_says_how_a_loose_day_was_read(
    meetings: District, written: str, locale: str, day: str, note: str
) -> None:
    meetings.clock.now = SUNDAY
    answer = shown(await meetings.tap(KIM, {**FORM, "submission": "formone", "date": written}, locale=locale))
    assert [c.happened_on.isoformat() for c in meetings.reports()] == [day], answer
    assert note in answer, answer


async def test_the_form_says_nothing_of_a_day_written_out(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    answer = shown(await meetings.tap(KIM, {**FORM, "submission": "formtwo", "date": "12/11"}))
    assert "läses som" not in answer and "12 nov. 2026" in answer, answer


async def test_the_chat_says_how_a_loose_day_was_read(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "rapportera", channel="test")
    await meetings.say(KIM, "4", channel="test")
    assert (await meetings.say(KIM, "1", channel="test")).startswith("När hände det?")
    await meetings.say(KIM, "mitten av november", channel="test")
    stored = await meetings.say(KIM, "nej tack", channel="test")
    assert stored.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 15 nov. 2026."), stored
    assert "”mitten av november” läses som 15 nov. 2026. Var det en annan dag skriver du: ändra 1 1" in stored


async def test_the_chat_says_it_in_english(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(LEE, "report", channel="test", locale="en-US")
    await meetings.say(LEE, "4", channel="test", locale="en-US")
    await meetings.say(LEE, "1", channel="test", locale="en-US")
    await meetings.say(LEE, "at the end of last week", channel="test", locale="en-US")
    stored = await meetings.say(LEE, "no", channel="test", locale="en-US")
    assert "13 Nov 2026" in stored and "“at the end of last week” is read as 13 Nov 2026." in stored, stored
