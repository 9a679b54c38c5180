"""Days listed with a glued comma and a part of a month in a chair's check-in, and the holidays in a board
member's pause, through the real server (bot/services/dates.py), in Swedish and English, the clock set
explicitly. The sample plan for 2026, goal 4 every branch's: a members' meeting a quarter.

What they mean, written down before reading the replies:
- "2 möten 3,10 mars", "2 meetings 3rd,10th March": two meetings, on the 3rd and the 10th, as "3, 10 mars"
  with its space; it was stored as one report of March (the 1st). Stored on the first day, the answer
  naming both; nothing of the days left in the comment.
- "möte i mitten av november", "meeting mid-November": some day in the middle of the month, which a
  pause reads as the 10th to the 20th; a check-in is stored on the 15th (it was the 1st), and the answer
  says that the words were read as that day and how to correct it. "i början av mars", "early March": the
  5th (of 1-10 March); "i slutet av oktober", "end of October": the 25th (of 20-31 October). "i slutet av
  månaden" written on the 7th lies ahead: refused as not yet happened, never stored as today.
- "paus under semestern", "pause during the summer holidays" in May: the summer holidays, midsommarafton
  (19 June 2026) to 15 August, as "till efter semestern" ends; the answer says how the words were read.
  "paus över helgerna", "pause over the holidays" in December: julafton to trettondagen.
- "paus till efter helgerna" in May: which holidays? Christmas is months away (Easter or Ascension may be
  meant), so nothing is paused and the answer says what it understood and what to write instead, with an
  example; so does "paus under semestern" in December.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World
from tests.stories.conftest import KIM, LEE, District

world = stories.world

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # Monday 7 December 2026
IN_MAY = datetime(2026, 5, 12, 9, 0, tzinfo=UTC)  # Tuesday 12 May 2026


def _stored(district: District) -> list[tuple[str, float, str | None]]:
    return [(c.happened_on.isoformat(), c.value, c.comment) for c in district.reports()]


@pytest.mark.parametrize(
    ("who", "line", "locale", "days"),
    [
        (KIM, "rapportera 4 2 möten 3,10 mars", "sv-SE", "(3 mars 2026 och 10 mars 2026)"),
        (KIM, "rapportera 4 3 möten 3,10,17 mars", "sv-SE", "(3 mars 2026, 10 mars 2026 och 17 mars 2026)"),
        (KIM, "rapportera 4 2 möten 3/3,10/3", "sv-SE", "(3 mars 2026 och 10 mars 2026)"),
        (LEE, "report 4 2 meetings 3rd,10th March", "en-US", "(3 Mar 2026 and 10 Mar 2026)"),
    ],
)
async def test_days_listed_with_a_glued_comma(
    meetings: District, who: object, line: str, locale: str, days: str
) -> None:
    meetings.clock.now = MONDAY
    answer = await meetings.say(who, line, locale=locale)  # type: ignore[arg-type]
    assert [(day, comment) for day, _, comment in _stored(meetings)] == [("2026-03-03", None)], answer
    assert days in answer, answer


@pytest.mark.parametrize(
    ("who", "line", "locale", "day", "note"),
    [
        (
            KIM,
            "rapportera 4 1 möte i mitten av november",
            "sv-SE",
            "2026-11-15",
            "”i mitten av november” läses som 15 nov. 2026. Var det en annan dag skriver du: ändra 1 1 DAG",
        ),
        (KIM, "rapportera 4 1 möte mitten av november", "sv-SE", "2026-11-15", "”mitten av november” läses"),
        (KIM, "rapportera 4 1 möte i början av mars", "sv-SE", "2026-03-05", "läses som 5 mars 2026"),
        (KIM, "rapportera 4 1 möte slutet av oktober", "sv-SE", "2026-10-25", "läses som 25 okt. 2026"),
        (
            LEE,
            "report 4 1 meeting mid-November",
            "en-US",
            "2026-11-15",
            "“mid-November” is read as 15 Nov 2026. If it was another day, write: correct 1 1 DAY",
        ),
        (LEE, "report 4 1 meeting early March", "en-US", "2026-03-05", "is read as 5 Mar 2026"),
        (LEE, "report 4 1 meeting at the end of October", "en-US", "2026-10-25", "is read as 25 Oct 2026"),
    ],
)
async def test_a_part_of_a_month_is_stored_on_its_middle_and_said(
    meetings: District, who: object, line: str, locale: str, day: str, note: str
) -> None:
    meetings.clock.now = MONDAY
    answer = await meetings.say(who, line, locale=locale)  # type: ignore[arg-type]
    assert _stored(meetings) == [(day, 1.0, None)], answer
    assert note in answer, answer


async def test_a_part_of_this_month_still_to_come_is_refused(meetings: District) -> None:
    meetings.clock.now = MONDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möte i slutet av månaden")
    assert "25 dec. 2026 har inte hänt än" in answer, answer
    answer = await meetings.say(LEE, "report 4 1 meeting at the end of the month", locale="en-US")
    assert "25 Dec 2026" in answer and "Stored" not in answer, answer
    assert meetings.reports() == []


async def test_a_day_written_plainly_says_nothing_of_how_it_was_read(meetings: District) -> None:
    meetings.clock.now = MONDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möte 15/11")
    assert "läses som" not in answer, answer


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("paus under semestern", "Paus 19 juni–15 aug. 2026:"),
        ("paus över semestern", "Paus 19 juni–15 aug. 2026:"),
        ("paus under sommarlovet", "Paus 19 juni–15 aug. 2026:"),
        ("paus i sommaruppehållet", "Paus 19 juni–15 aug. 2026:"),
        ("paus över sommaren", "Paus 1 juni–31 aug. 2026:"),  # the season, as before
        ("paus under julen", "Paus 24 dec. 2026–6 jan. 2027:"),  # named: any time of year
    ],
)
async def test_a_pause_during_the_summer_holidays_in_swedish(world: World, words: str, meant: str) -> None:
    world.clock.now = IN_MAY
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, words, channel=GENERAL)
    assert answer.startswith(meant), answer


async def test_a_pause_during_the_holidays_says_how_it_was_read(world: World) -> None:
    world.clock.now = IN_MAY
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, "paus under semestern", channel=GENERAL)
    assert "”under semestern” läses som 19 juni–15 aug. 2026. Menade du andra dagar" in answer, answer
    await world.say(MEGAN, "paus slut", channel=GENERAL)
    answer = await world.say(ADELE, "pause during the summer holidays", channel=GENERAL, locale="en-US")
    assert answer.startswith("Paused 19 Jun–15 Aug 2026"), answer
    world.clock.now = MONDAY
    answer = await world.say(ADELE, "pause over the holidays", channel=GENERAL, locale="en-US")
    assert answer.startswith("Paused 24 Dec 2026–6 Jan 2027"), answer
    assert "“over the holidays” is read as 24 Dec 2026–6 Jan 2027" in answer, answer


@pytest.mark.parametrize(
    ("now", "words", "locale", "answer_starts"),
    [
        (
            IN_MAY,
            "paus till efter helgerna",
            None,
            "”till efter helgerna”: vilka helger? Julhelgerna (24 dec. 2026–6 jan. 2027) är flera månader "
            "bort, så inget pausades. Skriv dagarna, t.ex. paus till 26/5, eller paus 24/12 6/1 för "
            "julhelgerna.",
        ),
        (IN_MAY, "paus över helgerna", None, "”över helgerna”: vilka helger?"),
        (IN_MAY, "pausa efter helgerna", None, "”efter helgerna”: vilka helger?"),
        (
            datetime(2026, 9, 15, 9, 0, tzinfo=UTC),
            "pause until after the holidays",
            "en-US",
            "“until after the holidays”: which holidays? The Christmas holidays (24 Dec 2026–6 Jan 2027) are "
            "months away, so nothing was paused. Write the days, e.g. pause until 29/9, or pause 24/12 6/1 "
            "for the Christmas holidays.",
        ),
        (
            MONDAY,
            "paus under semestern",
            None,
            "”under semestern”: sommarsemestern (25 juni–15 aug. 2027) är flera månader bort, så inget "
            "pausades. Skriv dagarna, t.ex. paus till 21/12, eller paus 25/6 15/8 för sommarsemestern.",
        ),
        (
            MONDAY,
            "pause during the summer holidays",
            "en-US",
            "“during the summer holidays”: the summer holidays (25 Jun–15 Aug 2027) are months away",
        ),
    ],
)
async def test_the_holidays_out_of_season_say_what_to_write(
    world: World, now: datetime, words: str, locale: str | None, answer_starts: str
) -> None:
    world.clock.now = now
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, words, channel=GENERAL, locale=locale)
    assert answer.startswith(answer_starts), answer
    assert "Paus" not in answer.split(":")[0], answer
    if "till 26/5" in answer_starts:  # the example works as written
        answer = await world.say(MEGAN, "paus till 26/5", channel=GENERAL)
        assert answer.startswith("Pausat från i dag, 12 maj, till 26 maj 2026."), answer
