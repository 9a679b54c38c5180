"""Chairs and the board write when something happened, in Swedish and English, through the real server;
every phrase is read by bot/services/dates.py, and every answer names the day it stored or refused.

What they mean (the sample plan for 2026; goal 4 every branch's, a members' meeting a quarter; Kim chairs
Sundsvall, Lee Härnösand):
- On New Year's Day, "i går" / "yesterday" is 31 December, the plan's year, and counts for its last quarter;
  just after midnight too (the day is Sweden's, not UTC's).
- Around New Year the weeks are the calendar's: on 3 January 2027 "v. 53" is the week begun 28 December
  2026 and "week 52" the one begun 21 December. The board's "uppföljning sedan vecka 50" in January is last
  December's week 50 (the follow-up used to read it as this year's and refuse it as not yet happened),
  "sedan Q4" last October, "sedan i våras" last March.
- "i förrgår", "i helgen", "den 3:e", "för 3 dagar sedan", "i går kväll", "last Tuesday", "the 3rd",
  "2 days ago": the latest such day up to today (Sunday 22 November 2026).
- A day that cannot be ("30 feb", "31/11") is refused with how to write one; a future day ("2026-12-24",
  "i morgon", "next week") is refused as not yet happened, not stored as today; nothing is stored.
- "3/12" is 3 December for an English writer too; the answer names the day it read.
- "12.3" is 12 March where it cannot be a decimal: after "den", or alone in the form's date field.
- The form's date field reads the same words: "i går" there is yesterday, not today.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, LEE, MEGAN, District, shown
from tests.stories.test_goal_progress import line


def _days(district: District) -> list[str]:
    return [c.happened_on.isoformat() for c in district.reports()]


async def test_yesterday_on_new_years_day_is_the_plans_last_day(meetings: District) -> None:
    meetings.clock.now = datetime(2027, 1, 1, 9, 0, tzinfo=UTC)
    stored = await meetings.say(KIM, "rapportera 4 1 medlemsmöte i går")
    assert stored.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 31 dec. 2026."), stored
    english = await meetings.say(LEE, "report 4 1 members' meeting yesterday", locale="en-US")
    assert english.startswith("Stored #2: goal 4, 1 members' meeting for Härnösand, 31 Dec 2026."), english
    assert _days(meetings) == ["2026-12-31", "2026-12-31"]
    # Both count for the fourth quarter, the year's only one met, as each chair's status shows.
    assert line(await meetings.say(KIM, "status"), 4).endswith("1 av 4 kvartal klara · inte nått")
    assert line(await meetings.say(LEE, "status", locale="en-US"), 4).endswith(
        "1 of 4 quarters met · not reached"
    )


async def test_just_after_midnight_yesterday_is_by_swedish_time(meetings: District) -> None:
    """At 00:30 on New Year's Day in Sweden it is still 31 December in UTC: "i går" is 31 December."""
    meetings.clock.now = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert "31 dec. 2026" in await meetings.say(KIM, "rapportera 4 1 nyårsmöte i går")
    assert "1 Jan 2027 is outside the plan's year" in await meetings.say(
        LEE, "report 4 1 meeting today", locale="en-US"
    )
    assert _days(meetings) == ["2026-12-31"]


async def test_weeks_at_the_year_edge_are_the_calendars(meetings: District) -> None:
    meetings.clock.now = datetime(2027, 1, 3, 12, 0, tzinfo=UTC)  # Sunday, week 53 of 2026
    assert "28 dec. 2026" in await meetings.say(KIM, "rapportera 4 1 möte v. 53")
    assert "21 Dec 2026" in await meetings.say(LEE, "report 4 1 meeting in week 52", locale="en-US")
    assert _days(meetings) == ["2026-12-28", "2026-12-21"]


async def test_the_boards_follow_up_in_january_looks_back_at_december(meetings: District) -> None:
    meetings.clock.now = datetime(2027, 1, 8, 10, 0, tzinfo=UTC)
    for asked, since in (
        ("uppföljning sedan vecka 50", "7 dec. 2026"),
        ("uppföljning sedan v. 50", "7 dec. 2026"),
        ("uppföljning sedan Q4", "1 okt. 2026"),
        ("uppföljning sedan i våras", "1 mars 2026"),
        ("uppföljning sedan 12/12", "12 dec. 2026"),
    ):
        answer = await meetings.say(MEGAN, asked)
        assert answer.startswith(f"Uppföljning sedan {since}\n"), (asked, answer)
    for asked, since in (
        ("follow-up since week 50", "7 Dec 2026"),
        ("follow-up since last spring", "1 Mar 2026"),
    ):
        answer = await meetings.say(MEGAN, asked, locale="en-US")
        assert answer.startswith(f"Follow-up since {since}\n"), (asked, answer)


@pytest.mark.parametrize(
    ("written", "day", "locale"),
    [
        ("i förrgår", "2026-11-20", "sv-SE"),
        ("i helgen", "2026-11-21", "sv-SE"),
        ("den 3:e", "2026-11-03", "sv-SE"),
        ("för 3 dagar sedan", "2026-11-19", "sv-SE"),
        ("i går kväll", "2026-11-21", "sv-SE"),
        ("i tisdags", "2026-11-17", "sv-SE"),
        ("last Tuesday", "2026-11-17", "en-US"),
        ("on the 3rd", "2026-11-03", "en-US"),
        ("2 days ago", "2026-11-20", "en-US"),
        ("12th of March", "2026-03-12", "en-US"),
        ("i maj", "2026-05-01", "sv-SE"),
        ("maj", "2026-05-01", "sv-SE"),
        ("in May", "2026-05-01", "en-US"),
    ],
)
async def test_a_day_as_chairs_write_it_is_stored_and_named(
    meetings: District, written: str, day: str, locale: str
) -> None:
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 möte {written}", locale=locale)
    assert _days(meetings) == [day], answer
    shown_day = f"{int(day[8:])} " if locale == "sv-SE" else f"{int(day[8:])} "
    assert shown_day in answer and day[:4] in answer, answer
    assert meetings.reports()[0].comment is None  # "möte" is what the goal counts


async def test_days_that_cannot_be_or_have_not_come_are_refused(meetings: District) -> None:
    answer = await meetings.say(KIM, "rapportera 4 1 möte 30 feb")
    assert answer.startswith("”30 feb” är inte ett datum. Skriv dagen som 12/3 eller 12 mars."), answer
    answer = await meetings.say(KIM, "report 4 1 meeting 31/11", locale="en-US")
    assert answer.startswith("“31/11” is not a date. Write the day as 12/3 or 12 March."), answer
    answer = await meetings.say(KIM, "rapportera 4 1 julfest 2026-12-24")
    assert answer.startswith("24 dec. 2026 har inte hänt än; rapportera det efteråt."), answer
    answer = await meetings.say(KIM, "rapportera 4 1 medlemsmöte i morgon")  # not a report of today
    assert answer.startswith("23 nov. 2026 har inte hänt än; rapportera det efteråt."), answer
    answer = await meetings.say(KIM, "report 4 1 meeting next week", locale="en-US")
    assert answer.startswith("23 Nov 2026 has not happened yet; report it afterwards."), answer
    # "12/12" in November: this year's is still to come; last year's is before the plan's year.
    answer = await meetings.say(KIM, "rapportera 4 1 12/12")
    assert answer.startswith("12 dec. 2026 har inte hänt än"), answer
    assert meetings.reports() == []


async def test_an_english_writers_3_12_is_the_3rd_of_december_and_the_answer_says_so(
    meetings: District,
) -> None:
    """Day first for everyone (one meaning per phrase); an English writer whose day-first reading is still
    to come or far off is asked which was meant (tests/stories/test_dates_listed_glued_and_breaks.py), and
    a follow-up names the day read."""
    answer = await meetings.say(KIM, "report 4 1 meeting 3/12", locale="en-US")
    assert answer.startswith("Is “3/12” 3 Dec 2026 (day first, as the bot reads it) or 12 Mar 2026"), answer
    answer = await meetings.say(MEGAN, "follow-up since 3/12", locale="en-US")
    assert answer.startswith("3/12 (3 Dec 2026) has not happened yet; give a day that has passed."), answer
    assert meetings.reports() == []


async def test_a_dotted_day_is_a_date_only_where_it_cannot_be_a_decimal(meetings: District) -> None:
    assert "12 mars 2026" in await meetings.say(KIM, "rapportera 4 1 möte den 12.3")
    assert "22 nov. 2026" in await meetings.say(LEE, "rapportera 4 1 möte i 2.5 timmar")
    assert [(c.happened_on.isoformat(), c.comment) for c in meetings.reports()] == [
        ("2026-03-12", None),
        ("2026-11-22", "i 2.5 timmar"),
    ]


async def test_the_forms_date_field_reads_the_same_words(meetings: District) -> None:
    meetings.clock.now = datetime(2027, 1, 1, 9, 0, tzinfo=UTC)
    form = {"form": "checkin", "goal": "4", "value": "1", "comment": ""}
    answer = shown(await meetings.tap(KIM, {**form, "submission": "formone", "date": "i går"}))
    assert answer.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 31 dec. 2026."), answer
    answer = shown(
        await meetings.tap(LEE, {**form, "submission": "formtwo", "date": "v. 53"}, locale="en-US")
    )
    assert answer.startswith("Stored #2: goal 4, 1 members' meeting for Härnösand, 28 Dec 2026."), answer


async def test_the_boards_follow_up_since_a_day_of_the_month(meetings: District) -> None:
    for asked, locale, since in (
        ("uppföljning sedan den 3", "sv-SE", "Uppföljning sedan 3 nov. 2026\n"),
        ("uppföljning sedan mötet den 3:e", "sv-SE", "Uppföljning sedan 3 nov. 2026\n"),
        ("follow-up since the meeting on the 3rd", "en-US", "Follow-up since 3 Nov 2026\n"),
    ):
        answer = await meetings.say(MEGAN, asked, locale=locale)
        assert answer.startswith(since), (asked, answer)


async def test_status_since_a_day_points_the_board_to_the_follow_up_that_works(meetings: District) -> None:
    """ "status sedan förra mötet", "status Q3": status is how the plan stands today, so a day there was
    answered as an unknown branch. The board is shown the follow-up with the same words, which works; a
    chair (who may not take a follow-up) is told to write status alone."""
    hint = await meetings.say(MEGAN, "status sedan förra mötet")
    assert hint == (
        "Status visar hur planen står i dag. Vill du se vad som har hänt sedan dess skriver du: "
        "uppföljning sedan förra mötet"
    )
    assert (await meetings.say(MEGAN, hint.rsplit(": ", 1)[1])).startswith("Uppföljning sedan 1 jan. 2026\n")
    hint = await meetings.say(MEGAN, "status Q3", locale="en-US")
    assert hint.endswith("write: follow-up Q3"), hint
    assert (await meetings.say(MEGAN, "follow-up Q3", locale="en-US")).startswith(
        "Follow-up since 1 Jul 2026\n"
    )
    assert await meetings.say(KIM, "status vecka 11") == (
        "Status visar hur planen står i dag, vilken dag du än skriver: skriv bara status."
    )
    assert (await meetings.say(KIM, "status Sundsvall")).startswith("Så går det för Sundsvall")


async def test_a_week_written_without_a_space_and_a_day_of_last_week(meetings: District) -> None:
    """ "v.46" (no space) is week 46, as "v. 46" is: it once made the bot answer "something went wrong".
    "tisdag förra veckan" is that Tuesday, not the week's Monday. On Sunday 22 November 2026."""
    stored = await meetings.say(KIM, "rapportera 4 1 möte v.46")
    assert stored.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 9 nov. 2026."), stored
    stored = await meetings.say(KIM, "rapportera 4 1 tisdag förra veckan")
    assert stored.startswith("Sparat #2: mål 4, 1 medlemsmöte för Sundsvall, 10 nov. 2026."), stored
    english = await meetings.say(LEE, "report 4 1 meeting last Tue", locale="en-US")
    assert english.startswith("Stored #3: goal 4, 1 members' meeting for Härnösand, 17 Nov 2026."), english
    assert "Follow-up" in await meetings.say(MEGAN, "follow-up since w.46", locale="en-US")
