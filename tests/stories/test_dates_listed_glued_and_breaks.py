"""Days listed, periods glued with a dash, the holidays and a part of a month, in check-ins and pauses,
through the real server (bot/services/dates.py), in Swedish and English, the clock set explicitly.

What a chair or a board member means, written down before reading the replies:
- "2 möten 3 och 10 mars", "den 3 och 10 mars", "3, 10 och 17 november", "3 & 10 nov", "on 3 and 10
  March", "November 3 and 10", "on the 3rd and 10th of November": separate days, one meeting on each,
  not the days from the 3rd to the 10th ("3-10 mars", "mellan 3 och 10 mars" are those). The check-in is
  one report, as for "3/3 och 10/3": stored on the first day when the days count in the same period of
  the goal, the answer naming every day and how to move it to another; refused, to be reported one line
  per day, when they count in different periods (a chair expects the count to land where each meeting
  was). Nothing of the days is left in the comment.
- "3/10" from a Swede is 3 October. From an English writer it may be 10 March: when the day-first reading
  is yet to come or more than six weeks back ("11/3" on 22 November: 11 March; "3/3 and 3/10": 3 October),
  the bot asks which, naming both days, and stores nothing; a day-first reading close behind ("3/11":
  3 November) is stored and named in the answer, to be corrected.
- "jul-nyår", "jul–nyår", "julafton-trettondagen", "Christmas-New Year" in a check-in: as "jul till nyår",
  Christmas Eve to New Year's Day, as a pause already read it.
- A pause "efter helgerna", "till efter helgerna", "after the holidays", "until after the holidays",
  written in December: from today to trettondagen (6 January), the Christmas holidays' last day; "efter
  semestern", "efter sommarlovet", "until after the summer holidays", written in spring or summer: from today
  to 15 August, when most are back. The answer names both days, so the board can correct it. In a
  check-in "möte efter helgerna" names no day: it is asked for, as "häromdagen" is.
- A pause "mitten av december", "mid-December", "in the middle of December": about the 10th to the 20th,
  not all December; "början av januari" the 1st to the 10th, "slutet av december" the 20th to the 31st.
  The answer names the days.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World
from tests.stories.conftest import KIM, District

world = stories.world

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
IN_JANUARY = datetime(2027, 1, 8, 10, 0, tzinfo=UTC)


def _stored(district: District) -> list[tuple[str, float, str | None]]:
    return [(c.happened_on.isoformat(), c.value, c.comment) for c in district.reports()]


@pytest.mark.parametrize(
    ("written", "locale", "first", "days"),
    [
        ("2 möten 3 och 10 nov", "sv-SE", "3 nov. 2026", "(3 nov. 2026 och 10 nov. 2026)"),
        ("2 möten den 3 och 10 november", "sv-SE", "3 nov. 2026", "(3 nov. 2026 och 10 nov. 2026)"),
        ("2 möten 3:e och 10:e november", "sv-SE", "3 nov. 2026", "(3 nov. 2026 och 10 nov. 2026)"),
        ("2 möten 3, 10 november", "sv-SE", "3 nov. 2026", "(3 nov. 2026 och 10 nov. 2026)"),
        ("2 möten 3 & 10 nov", "sv-SE", "3 nov. 2026", "(3 nov. 2026 och 10 nov. 2026)"),
        ("2 möten tredje och femte november", "sv-SE", "3 nov. 2026", "(3 nov. 2026 och 5 nov. 2026)"),
        ("2 möten 3 och 10 november 2026", "sv-SE", "3 nov. 2026", "(3 nov. 2026 och 10 nov. 2026)"),
        (
            "3 möten 3, 10 och 17 november",
            "sv-SE",
            "3 nov. 2026",
            "(3 nov. 2026, 10 nov. 2026 och 17 nov. 2026)",
        ),
        ("2 meetings on 3 and 10 November", "en-US", "3 Nov 2026", "(3 Nov 2026 and 10 Nov 2026)"),
        ("2 meetings November 3 and 10", "en-US", "3 Nov 2026", "(3 Nov 2026 and 10 Nov 2026)"),
        ("2 meetings Nov 3, 10 and 17", "en-US", "3 Nov 2026", "(3 Nov 2026, 10 Nov 2026, and 17 Nov 2026)"),
        (
            "2 meetings on the 3rd and 10th of November",
            "en-US",
            "3 Nov 2026",
            "(3 Nov 2026 and 10 Nov 2026)",
        ),
    ],
)
async def test_days_listed_before_their_month_are_each_a_day(
    meetings: District, written: str, locale: str, first: str, days: str
) -> None:
    meetings.clock.now = SUNDAY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 {written}", locale=locale)
    assert first in answer.splitlines()[0], answer
    assert days in answer, answer
    assert [(day, comment) for day, _value, comment in _stored(meetings)] == [("2026-11-03", None)]


@pytest.mark.parametrize(
    ("written", "locale", "refusal"),
    [
        ("2 möten 3 och 10 mars", "sv-SE", "Du skrev flera dagar (3 mars 2026 och 10 mars 2026)"),
        ("2 möten den 3 och 10 mars", "sv-SE", "Du skrev flera dagar (3 mars 2026 och 10 mars 2026)"),
        ("2 meetings on 3 and 10 March", "en-US", "You wrote more than one day (3 Mar 2026 and 10 Mar 2026)"),
    ],
)
async def test_two_days_of_march_are_not_the_days_between(
    meetings: District, written: str, locale: str, refusal: str
) -> None:
    meetings.clock.now = SUNDAY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 {written}", locale=locale)
    assert refusal in answer, answer
    assert _stored(meetings) == [("2026-03-03", 2.0, None)]


async def test_days_in_two_quarters_are_reported_one_by_one(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    answer = await meetings.say(KIM, "rapportera 4 2 möten 30 och 31 mars och 2 april")
    assert not answer.startswith("Sparat"), answer
    assert meetings.reports() == []
    ranged = await meetings.say(KIM, "rapportera 4 2 möten mellan 3 och 10 mars")  # the days between
    assert ranged.startswith("Sparat #1: mål 4, 2 medlemsmöten för Sundsvall, 3 mars 2026."), ranged
    assert "flera dagar" not in ranged, ranged


@pytest.mark.parametrize(
    ("written", "asked"),
    [
        ("2 meetings 3/3 and 3/10", "“3/10” 3 Oct 2026 (day first, as the bot reads it) or 10 Mar 2026"),
        ("1 meeting on 3/10", "“3/10” 3 Oct 2026 (day first, as the bot reads it) or 10 Mar 2026"),
        ("1 meeting 11/3", "“11/3” 11 Mar 2026 (day first, as the bot reads it) or 3 Nov 2026"),
        ("1 meeting 11/12", "“11/12” 11 Dec 2026 (day first, as the bot reads it) or 12 Nov 2026"),
        ("1 meeting 3/10/2026", "“3/10/2026” 3 Oct 2026 (day first, as the bot reads it) or 10 Mar 2026"),
    ],
)
async def test_an_english_writer_is_asked_which_day_a_far_off_slash_is(
    meetings: District, written: str, asked: str
) -> None:
    meetings.clock.now = SUNDAY
    answer = await meetings.say(KIM, f"report 4 {written}", locale="en-US")
    assert answer.startswith("Is " + asked), answer
    assert "Nothing was stored" in answer, answer
    assert meetings.reports() == []


async def test_a_slash_close_behind_or_from_a_swede_is_day_first(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    near = await meetings.say(KIM, "report 4 1 meeting 3/11", locale="en-US")
    assert near.startswith("Stored #1: goal 4, 1 members' meeting for Sundsvall, 3 Nov 2026."), near
    swede = await meetings.say(KIM, "rapportera 4 1 möte 3/10")
    assert swede.startswith("Sparat #2: mål 4, 1 medlemsmöte för Sundsvall, 3 okt. 2026."), swede
    answer = await meetings.say(KIM, "report 4 1 meeting 10 Mar", locale="en-US")  # as the question says
    assert answer.startswith("Stored #3: goal 4, 1 members' meeting for Sundsvall, 10 Mar 2026."), answer
    far = await meetings.say(KIM, "rapportera 4 1 möte 11/3")  # a Swede writes the day first, far off or not
    assert far.startswith("Sparat #4: mål 4, 1 medlemsmöte för Sundsvall, 11 mars 2026."), far


@pytest.mark.parametrize(
    ("written", "locale"),
    [
        ("julinsamling jul-nyår", "sv-SE"),
        ("julinsamling jul–nyår", "sv-SE"),
        ("insamling julafton-nyårsdagen", "sv-SE"),
        ("Christmas collection Christmas-New Year", "en-US"),
    ],
)
async def test_christmas_glued_to_new_year_is_the_days_between(
    meetings: District, written: str, locale: str
) -> None:
    meetings.clock.now = IN_JANUARY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 {written}", locale=locale)
    sv = "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 24 dec. 2026."
    stored = sv if locale == "sv-SE" else "Stored #1:"
    assert answer.startswith(stored), answer
    assert [day for day, _value, _comment in _stored(meetings)] == ["2026-12-24"]
    assert all("ny" not in (comment or "").lower() for _d, _v, comment in _stored(meetings))


@pytest.mark.parametrize(
    ("written", "locale"),
    [
        ("möte efter helgerna", "sv-SE"),
        ("möte efter semestern", "sv-SE"),
        ("meeting after the holidays", "en-US"),
    ],
)
async def test_a_check_in_after_the_holidays_is_asked_for_the_day(
    meetings: District, written: str, locale: str
) -> None:
    meetings.clock.now = IN_JANUARY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 {written}", locale=locale)
    assert not answer.startswith(("Sparat", "Stored")), answer
    assert written.split(maxsplit=1)[1] in answer, answer
    assert meetings.reports() == []


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("paus efter helgerna", "Pausat från i dag, 1 dec., till 6 jan. 2027."),
        ("paus till efter helgerna", "Pausat från i dag, 1 dec., till 6 jan. 2027."),
        ("paus till efter julhelgerna", "Pausat från i dag, 1 dec., till 6 jan. 2027."),
        ("paus mitten av december", "Paus 10–20 dec. 2026:"),
        ("paus i mitten av december", "Paus 10–20 dec. 2026:"),
        ("paus mitten av januari", "Paus 10–20 jan. 2027:"),
        ("paus i början av januari", "Paus 1–10 jan. 2027:"),
        ("paus slutet av december", "Paus 20–31 dec. 2026:"),
        ("paus jul-nyår", "Paus 24 dec. 2026–1 jan. 2027:"),
        ("paus jul–nyår", "Paus 24 dec. 2026–1 jan. 2027:"),
        ("paus hela december", "Pausat från i dag, 1 dec., till 31 dec. 2026."),
    ],
)
async def test_a_pause_in_december_in_swedish(world: World, words: str, meant: str) -> None:
    world.clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, words, channel=GENERAL)
    assert answer.startswith(meant), answer


@pytest.mark.parametrize(
    ("words", "note"),
    [
        (
            "paus efter helgerna",
            "”efter helgerna” läses som 1 dec. 2026–6 jan. 2027. Menade du andra dagar skriver du dem: "
            "paus 1/12 6/1",
        ),
        ("paus mitten av december", "”mitten av december” läses som 10–20 dec. 2026."),
        ("paus över helgerna", "”över helgerna” läses som 24 dec. 2026–6 jan. 2027."),
        ("paus till efter nyår", "”till efter nyår” läses som 1 dec. 2026–1 jan. 2027."),
        ("pause mid-December", "“mid-December” is read as 10–20 Dec 2026. If you meant other days"),
        ("pause until after Christmas", "“until after Christmas” is read as 1–26 Dec 2026."),
    ],
)
async def test_a_pause_read_loosely_says_how(world: World, words: str, note: str) -> None:
    world.clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    locale = "en-US" if words.startswith("pause") else None
    answer = await world.say(MEGAN, words, channel=GENERAL, locale=locale)
    assert note in answer, answer
    plain = await world.say(MEGAN, "paus 20/12 6/1" if locale is None else "pause 20/12 6/1", channel=GENERAL)
    assert "läses som" not in plain and "read as" not in plain, plain  # days written out need no note


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("pause after the holidays", "Paused from today, 1 Dec, to 6 Jan 2027."),
        ("pause until after the holidays", "Paused from today, 1 Dec, to 6 Jan 2027."),
        ("pause mid-December", "Paused 10–20 Dec 2026:"),
        ("pause mid December", "Paused 10–20 Dec 2026:"),
        ("pause in the middle of December", "Paused 10–20 Dec 2026:"),
        ("pause Christmas-New Year", "Paused 24 Dec 2026–1 Jan 2027:"),
    ],
)
async def test_a_pause_in_december_in_english(world: World, words: str, meant: str) -> None:
    world.clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    answer = await world.say(ADELE, words, channel=GENERAL, locale="en-US")
    assert answer.startswith(meant), answer


async def test_a_pause_after_the_summer_holidays(world: World) -> None:
    world.clock.now = datetime(2027, 6, 21, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, "paus till efter semestern", channel=GENERAL)
    assert answer.startswith("Pausat från i dag, 21 juni, till 15 aug. 2027."), answer
    assert (await world.say(MEGAN, "paus slut", channel=GENERAL)).startswith("Pausen 21 juni–15 aug. 2027")
    answer = await world.say(MEGAN, "paus efter sommarlovet", channel=GENERAL)
    assert answer.startswith("Pausat från i dag, 21 juni, till 15 aug. 2027."), answer
    await world.say(MEGAN, "paus slut", channel=GENERAL)
    answer = await world.say(ADELE, "pause until after the summer holidays", channel=GENERAL, locale="en-US")
    assert answer.startswith("Paused from today, 21 Jun, to 15 Aug 2027."), answer
    await world.say(ADELE, "pause end", channel=GENERAL, locale="en-US")
    answer = await world.say(ADELE, "pause after the holidays", channel=GENERAL, locale="en-US")  # in summer
    assert answer.startswith("Paused from today, 21 Jun, to 15 Aug 2027."), answer


async def test_the_holidays_far_off_are_asked(world: World) -> None:
    """Out of season the holidays are asked about, the answer naming the ones it would have read and what to
    write instead (test_dates_holidays_said.py)."""
    world.clock.now = datetime(2027, 4, 2, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, "paus efter helgerna", channel=GENERAL)  # Easter's?
    assert answer.startswith("”efter helgerna”: vilka helger?"), answer
    world.clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    answer = await world.say(MEGAN, "paus efter semestern", channel=GENERAL)
    assert answer.startswith("”efter semestern”: sommarsemestern (25 juni–15 aug. 2027) är flera"), answer
