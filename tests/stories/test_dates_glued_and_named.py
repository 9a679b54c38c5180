"""Ranges written with a dash and no spaces, Lucia where a date is asked for, a snooze until the middle of a
month and a pause for the rest of a month or from Christmas to New Year, read by the one date reader
(bot/services/dates.py) through the real server, in Swedish and English, the clock set to each day.

What a chair or a board member means (written before the bot's answer was read):
- "3 nov-5 nov", "3 nov–5 nov", "3 november-5 november", "Nov 3-Nov 5", "3rd Nov-5th Nov": the three days
  3-5 November, as "3 nov till 5 nov" is, stored on the first (the first two were read as all of November,
  the others as no day). "28 okt-2 nov", "Oct 28-Nov 2": 28 October to 2 November, in one quarter.
- "30-9 till 2-10", "30-9–2-10": 30 September to 2 October, one range (read as 30 September alone), which
  reaches over two quarters and is asked about as "30/9 till 2/10" is.
- "Lucia" in the form's date field, in a correction's day or in a snooze: 13 December; in a sentence it is
  as often someone's name ("möte med Lucia") and stays the comment.
- "tredje till femte november": 3-5 November (stored on the 5th); "3 nov — 5 nov", "from Nov 3rd through 5th"
  the same.
- "påminn mig inte före mitten av december", "snooze until mid-December": before the 15th (it was asked);
  "till början av nästa månad", "until the start of next month": the 1st of the next month.
- "paus resten av november" on 20 November: from today to 30 November; "pause for the rest of the month"
  the same; "paus jul till nyår", "pause from Christmas to New Year": Christmas Eve to New Year's Day, 24
  December to 1 January; "paus mitten av december till mitten av januari": the 15th to the 15th (each got
  the hint, the last was read as two whole months); "paus mellan jul och nyår": the days between, 27-30
  December, as "i mellandagarna" (it was read as Christmas Eve to New Year's Day).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World
from tests.stories.conftest import KIM, District, shown

world = stories.world
WEDNESDAY = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
AFTER_LUCIA = datetime(2026, 12, 15, 10, 0, tzinfo=UTC)


def _stored(district: District) -> list[tuple[str, str | None]]:
    return [(c.happened_on.isoformat(), c.comment) for c in district.reports()]


@pytest.mark.parametrize(
    ("written", "locale", "answer_start", "day"),
    [
        ("möte 3 nov-5 nov", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 nov.", "2026-11-03"),
        ("möte 3 nov–5 nov", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 nov.", "2026-11-03"),
        (
            "möte 3 november-5 november",
            "sv-SE",
            "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 nov.",
            "2026-11-03",
        ),
        (
            "möte 28 okt-2 nov",
            "sv-SE",
            "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 28 okt.",
            "2026-10-28",
        ),
        (
            "meeting Nov 3-Nov 5",
            "en-US",
            "Stored #1: goal 4, 1 members' meeting for Sundsvall, 3 Nov",
            "2026-11-03",
        ),
        (
            "meeting 3rd Nov-5th Nov",
            "en-US",
            "Stored #1: goal 4, 1 members' meeting for Sundsvall, 3 Nov",
            "2026-11-03",
        ),
        (
            "meeting Oct 28-Nov 2",
            "en-US",
            "Stored #1: goal 4, 1 members' meeting for Sundsvall, 28 Oct",
            "2026-10-28",
        ),
        (
            "möte tredje till femte november",
            "sv-SE",
            "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 nov.",
            "2026-11-03",
        ),
        (
            "möte 3 nov — 5 nov",
            "sv-SE",
            "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 nov.",
            "2026-11-03",
        ),
        (
            "meeting from Nov 3rd through 5th",
            "en-US",
            "Stored #1: goal 4, 1 members' meeting for Sundsvall, 3 Nov",
            "2026-11-03",
        ),
    ],
)
async def test_a_range_with_a_dash_and_no_spaces_is_its_days(
    meetings: District, written: str, locale: str, answer_start: str, day: str
) -> None:
    meetings.clock.now = WEDNESDAY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 {written}", locale=locale)
    assert answer.startswith(answer_start), answer
    assert _stored(meetings) == [(day, None)]


@pytest.mark.parametrize(
    ("written", "locale", "asked"),
    [
        ("möte 30-9 till 2-10", "sv-SE", "Dagarna du skrev (30 sep. 2026–2 okt. 2026) räknas i olika"),
        ("möte 30-9–2-10", "sv-SE", "Dagarna du skrev (30 sep. 2026–2 okt. 2026) räknas i olika"),
        ("meeting 30-9 to 2-10", "en-US", "The days you wrote (30 Sep 2026 to 2 Oct 2026) count in"),
    ],
)
async def test_two_hyphened_days_joined_are_one_range(
    meetings: District, written: str, locale: str, asked: str
) -> None:
    meetings.clock.now = WEDNESDAY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 {written}", locale=locale)
    assert answer.startswith(asked), answer
    assert meetings.reports() == []


async def test_lucia_where_a_date_is_asked_for(meetings: District) -> None:
    meetings.clock.now = AFTER_LUCIA
    form = {"form": "checkin", "goal": "4", "value": "1", "comment": "", "submission": "f1", "date": "Lucia"}
    tapped = shown(await meetings.tap(KIM, form))
    assert tapped.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 13 dec."), tapped
    answer = await meetings.say(KIM, "rapportera 4 1 möte med Lucia")  # a name: the comment, today
    assert answer.startswith("Sparat #2: mål 4, 1 medlemsmöte för Sundsvall, 15 dec."), answer
    moved = await meetings.say(KIM, "ändra 2 lucia")
    assert moved.startswith("Flyttade #2 till 13 dec. 2026 (det stod 15 dec. 2026)"), moved
    assert _stored(meetings) == [("2026-12-13", None), ("2026-12-13", "med Lucia")]
    snoozed = await meetings.say(KIM, "snooze until Lucia", locale="en-US")
    assert "13 Dec 2027" in snoozed, snoozed  # this year's has passed


async def test_a_snooze_before_lucia_and_the_middle_of_a_month(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(KIM, "påminn mig inte före Lucia")
    assert "före 13 dec. 2026" in answer, answer
    answer = await meetings.say(KIM, "påminn mig inte före i mitten av januari")
    assert "före 15 jan. 2027" in answer, answer
    answer = await meetings.say(KIM, "snooze until the middle of December", locale="en-US")
    assert "before 15 Dec 2026" in answer, answer
    answer = await meetings.say(KIM, "snooze until early January", locale="en-US")
    assert "before 1 Jan 2027" in answer, answer
    answer = await meetings.say(KIM, "påminn mig inte före början av nästa månad")
    assert "före 1 dec. 2026" in answer, answer
    answer = await meetings.say(KIM, "snooze until mid Jan", locale="en-US")
    assert "before 15 Jan 2027" in answer, answer


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("paus resten av november", "Pausat från i dag, 20 nov., till 30 nov. 2026."),
        ("paus under resten av året", "Pausat från i dag, 20 nov., till 31 dec. 2026."),
        ("paus jul till nyår", "Paus 24 dec. 2026–1 jan. 2027:"),
        ("paus från jul till nyår", "Paus 24 dec. 2026–1 jan. 2027:"),
        ("paus jul-nyår", "Paus 24 dec. 2026–1 jan. 2027:"),
        ("paus mitten av december till mitten av januari", "Paus 15 dec. 2026–15 jan. 2027:"),
        ("paus 30-11 till 2-12", "Paus 30 nov.–2 dec. 2026:"),
        ("paus mellan jul och nyår", "Paus 27–30 dec. 2026:"),
        ("paus mitten av dec - mitten av jan", "Paus 15 dec. 2026–15 jan. 2027:"),
    ],
)
async def test_a_pause_in_swedish(world: World, words: str, meant: str) -> None:
    world.clock.now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, words, channel=GENERAL)
    assert answer.startswith(meant), answer


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("pause the rest of November", "Paused from today, 20 Nov, to 30 Nov 2026."),
        ("pause for the rest of the month", "Paused from today, 20 Nov, to 30 Nov 2026."),
        ("pause Christmas to New Year", "Paused 24 Dec 2026–1 Jan 2027:"),
        ("pause from Christmas to New Year's Day", "Paused 24 Dec 2026–1 Jan 2027:"),
        ("pause mid-December to mid-January", "Paused 15 Dec 2026–15 Jan 2027:"),
        ("pause Dec 3-Dec 5", "Paused 3–5 Dec 2026:"),
    ],
)
async def test_a_pause_in_english(world: World, words: str, meant: str) -> None:
    world.clock.now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    answer = await world.say(ADELE, words, channel=GENERAL, locale="en-US")
    assert answer.startswith(meant), answer
