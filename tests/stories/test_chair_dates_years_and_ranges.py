"""A year written after a day, a day with a hyphen that cannot be a time, and a range written as two whole
days, read as meant. Through the real server, in Swedish and English; the clock set to Wednesday 18
November 2026, 10:00 UTC; the sample plan for 2026 (goal 6 the district's, a chairs' meeting a quarter;
goal 4 every branch's, a members' meeting a quarter).

What a board member or chair means (written before the bot's answer was read):
- "3 nov '25", "3 Nov ’25", "nov -25", "3/11 '25", "30.9 -25": the year 2025, written as Swedes shorten
  it, so refused as outside the plan's year as "3 nov 2025" is (each was stored as 3 November 2026: the
  year written was dropped, and a report of last year's meeting counted this year).
- "30-9": 30 September; no hour is 30, so it is no time and can only be a day (it was asked "a day or a
  time?"); "25-30 personer" still counts people.
  ("möte", "meeting" are the goal's own word: no comment.)
- "3/11 till 5/11", "från 3/11 till 5/11", "Nov 3 to Nov 5", "mellan 3/11 och 5/11", "3.11 till 5.11",
  "3/11 t.o.m. 5/11", "3 November 2026 to 5 November 2026": the three days 3-5 November, as "3 till 5
  november" is, stored on the first as they count in one quarter (they were read as two days); "30/9 till
  2/10", "Sep 30 to Oct 2" reach over two quarters and are asked about, as other ranges are. "3/11 och
  5/11" alone stays two days.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, LEE, MEGAN, District

WEDNESDAY = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


def _stored(district: District) -> list[tuple[str, str | None]]:
    return [(c.happened_on.isoformat(), c.comment) for c in district.reports()]


def _verb(locale: str) -> str:
    return "rapportera" if locale == "sv-SE" else "report"


@pytest.mark.parametrize(
    ("written", "locale", "shown"),
    [
        ("möte 3 nov '25", "sv-SE", "3 nov. 2025 ligger utanför planens år: planen gäller 2026;"),
        ("meeting 3 Nov ’25", "en-US", "3 Nov 2025 is outside the plan's year: the plan is for 2026;"),
        ("möte nov -25", "sv-SE", "1 nov. 2025 ligger utanför planens år"),
        ("meeting 3/11 '25", "en-US", "3 Nov 2025 is outside the plan's year"),
        ("möte 30.9 -25", "sv-SE", "30 sep. 2025 ligger utanför planens år"),
        ("möte 30-9 '25", "sv-SE", "30 sep. 2025 ligger utanför planens år"),
    ],
)
async def test_a_year_of_two_digits_is_read_not_dropped(
    meetings: District, written: str, locale: str, shown: str
) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(MEGAN, f"{_verb(locale)} 6 1 {written}", locale=locale)
    assert answer.startswith(shown), answer
    assert meetings.reports() == []


@pytest.mark.parametrize(
    ("written", "locale", "answer_start", "stored"),
    [
        (
            "möte 30-9",
            "sv-SE",
            "Sparat #1: mål 6, 1 ordförandemöte för distriktet, 30 sep. 2026.",
            ("2026-09-30", None),
        ),
        (
            "meeting 28-10",
            "en-US",
            "Stored #1: goal 6, 1 chairs' meeting for the district, 28 Oct 2026.",
            ("2026-10-28", None),
        ),
        (
            "möte, 25-30 personer",
            "sv-SE",
            "Sparat #1: mål 6, 1 ordförandemöte för distriktet, 18 nov.",
            ("2026-11-18", "25-30 personer"),
        ),
    ],
)
async def test_a_hyphened_day_no_hour_has_is_a_day(
    meetings: District, written: str, locale: str, answer_start: str, stored: tuple[str, str]
) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(MEGAN, f"{_verb(locale)} 6 1 {written}", locale=locale)
    assert answer.startswith(answer_start), answer
    assert _stored(meetings) == [stored]


@pytest.mark.parametrize(
    ("written", "locale"),
    [
        ("möte 3/11 till 5/11", "sv-SE"),
        ("möte från 3/11 till 5/11", "sv-SE"),
        ("möte mellan 3/11 och 5/11", "sv-SE"),
        ("möte 3 nov till 5 nov", "sv-SE"),
        ("möte 3.11 till 5.11", "sv-SE"),
        ("möte 3/11 t.o.m. 5/11", "sv-SE"),
        ("meeting 3 November 2026 to 5 November 2026", "en-US"),
        ("meeting Nov 3 to Nov 5", "en-US"),
        ("meeting from 3/11 to 5/11", "en-US"),
        ("meeting from the 3rd of November to the 5th of November", "en-US"),
    ],
)
async def test_two_whole_days_joined_are_a_range(meetings: District, written: str, locale: str) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(KIM, f"{_verb(locale)} 4 1 {written}", locale=locale)
    stored = (
        "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 nov."
        if locale == "sv-SE"
        else "Stored #1: goal 4, 1 members' meeting for Sundsvall, 3 Nov"
    )
    assert answer.startswith(stored), answer
    assert _stored(meetings) == [("2026-11-03", None)]


async def test_a_range_over_two_quarters_is_asked_about(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möte 30/9 till 2/10")
    assert answer.startswith(
        "Dagarna du skrev (30 sep. 2026–2 okt. 2026) räknas i olika perioder; inget sparades."
    ), answer
    answer = await meetings.say(KIM, "report 4 1 meeting Sep 30 to Oct 2", locale="en-US")
    assert answer.startswith(
        "The days you wrote (30 Sep 2026 to 2 Oct 2026) count in different periods; nothing was stored."
    ), answer
    assert meetings.reports() == []


async def test_two_days_with_and_stay_two_days(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möten 3/11 och 5/11")
    assert "Du skrev flera dagar (3 nov. 2026 och 5 nov. 2026)" in answer, answer
    answer = await meetings.say(LEE, "report 4 1 meetings 3/11 and 5/11", locale="en-US")
    assert "(3 Nov 2026 and 5 Nov 2026)" in answer, answer
