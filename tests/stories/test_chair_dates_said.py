"""A chair's check-in names its day as people say it, in Swedish and English, through the real server; the
day stored is the one the chair meant, or nothing is stored and the answer says why. Each story sets the
clock (Sweden's time) itself. The sample plan for 2026, goal 4 every branch's: a members' meeting a quarter.

What a chair means:
- A weekday alone ("möte onsdag", "had a meeting wednesday") is the latest such day, today included: a
  check-in tells what has happened. "i onsdags" is the latest before today (on a Wednesday a week ago, as
  Swedes say it). "på onsdag", "i onsdag", "nästa onsdag", "next Wednesday" are ahead: refused as not yet
  happened, never stored as today.
- "30.9" in a sentence is 30 September, as Swedes write a date; so are "30.9.2026", "30.9.26", "30/9",
  "12/3-26". Not a date: a time ("kl 18.30", "kl 10.10"), an amount ("2.5 timmar"), a range ("3-4
  personer"): those stay in the comment. "31.9" is refused; "30-9" alone is asked about
  (test_chair_dates_everyday.py).
- Ordinal words and named days: "andra oktober", "den tredje mars", "the 2nd of October", "1:a advent",
  "midsommarafton", "på Lucia", "Christmas Eve": the latest such day that has come (in the plan's year;
  one still to come this year is refused as not yet happened). "Lucia" alone is as often a name.
- Two days in one report ("2 möten 3/3 och 10/3"): the chair reports what happened on both, in one count.
  Stored on the first when they count in the same period of the goal (a quarter here), and the answer says
  so; days in different quarters would count the whole in one of them, so nothing is stored and the chair
  is asked for one line per day. A day still to come beside one that has passed ("nästa på onsdag") is the
  next meeting, kept in the comment.
- Shorter and other orders of the same day: "förrgår", "day before yesterday"; "förra veckans onsdag",
  "last week Wednesday"; "förra onsdagen" (as "i onsdags"), "förrförra onsdagen" (the one before). A part
  of a month ("i slutet av oktober", "late October") is the day in the middle of the days a pause reads
  for it (20-31 October: the 25th), all its words read, the answer naming it (test_dates_parts_said.py).
- "11/20", which only an American month-first day can be, is refused saying the day comes first: 20/11.
- A hint that writes the report for the chair ("Menade du rapportera 4 1 möte …?") writes the day read, as
  2026-11-18, so that sending it later stores the same day.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, LEE, MEGAN, District, shown

FRIDAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # Friday 20 November 2026


def _stored(district: District) -> list[tuple[str, str | None]]:
    return [(c.happened_on.isoformat(), c.comment) for c in district.reports()]


async def _report(district: District, text: str, locale: str) -> str:
    verb = "rapportera" if locale == "sv-SE" else "report"
    return await district.say(KIM, f"{verb} 4 1 {text}", locale=locale)


@pytest.mark.parametrize(
    ("now", "written", "day", "locale"),
    [
        (FRIDAY, "möte onsdag", "2026-11-18", "sv-SE"),
        (FRIDAY, "Möte ONSDAG", "2026-11-18", "sv-SE"),
        (FRIDAY, "had a meeting wednesday", "2026-11-18", "en-US"),
        (FRIDAY, "meeting on Wednesday", "2026-11-18", "en-US"),
        (FRIDAY, "möte fredag", "2026-11-20", "sv-SE"),  # today is Friday
        (FRIDAY, "möte i onsdags", "2026-11-18", "sv-SE"),
        (FRIDAY, "möte i fredags", "2026-11-13", "sv-SE"),  # "i fredags" on a Friday: a week ago
        (FRIDAY, "meeting last friday", "2026-11-13", "en-US"),
        # 00:30 on Wednesday in Sweden is still Tuesday in UTC: "onsdag" is today, Sweden's
        (datetime(2026, 11, 17, 23, 30, tzinfo=UTC), "möte onsdag", "2026-11-18", "sv-SE"),
    ],
)
async def test_a_weekday_is_the_latest_that_has_come(
    meetings: District, now: datetime, written: str, day: str, locale: str
) -> None:
    meetings.clock.now = now
    answer = await _report(meetings, written, locale)
    assert [d for d, _ in _stored(meetings)] == [day], answer
    assert f"{int(day[8:])} no" in answer.lower(), answer  # the answer names the day: "18 nov"


@pytest.mark.parametrize(
    ("written", "locale", "refusal"),
    [
        ("möte på onsdag", "sv-SE", "25 nov. 2026 har inte hänt än; rapportera det efteråt."),
        ("möte på onsdag kväll", "sv-SE", "25 nov. 2026 har inte hänt än"),  # the evening ahead, too
        ("möte i onsdag kväll", "sv-SE", "25 nov. 2026 har inte hänt än"),
        ("möte i onsdag", "sv-SE", "25 nov. 2026 har inte hänt än"),
        ("möte nästa fredag", "sv-SE", "27 nov. 2026 har inte hänt än"),
        ("möte onsdag nästa vecka", "sv-SE", "25 nov. 2026 har inte hänt än"),
        ("meeting next wednesday", "en-US", "25 Nov 2026 has not happened yet; report it afterwards."),
        ("möte imorgon", "sv-SE", "21 nov. 2026 har inte hänt än"),
    ],
)
async def test_a_day_ahead_is_refused_not_stored_as_today(
    meetings: District, written: str, locale: str, refusal: str
) -> None:
    meetings.clock.now = FRIDAY
    answer = await _report(meetings, written, locale)
    assert answer.startswith(refusal), answer
    assert meetings.reports() == []


@pytest.mark.parametrize(
    ("written", "day", "comment"),
    [
        ("vi hade möte 30.9 med 12 pers", "2026-09-30", "vi hade möte med 12 pers"),
        ("möte 30.9.2026", "2026-09-30", None),
        ("möte 30.9.26", "2026-09-30", None),
        ("möte 30/9", "2026-09-30", None),
        ("möte 12/3-26", "2026-03-12", None),
        ("möte 12/3 2026", "2026-03-12", None),
        ("möte 12/3-2026", "2026-03-12", None),
        # Not dates: a time, an amount, a range; the report is today's and keeps them
        ("möte kl 18.30", "2026-11-20", "kl 18.30"),
        ("möte kl. 10.10", "2026-11-20", "kl. 10.10"),
        ("möte i 2.5 timmar", "2026-11-20", "i 2.5 timmar"),
        ("möte 3-4 personer", "2026-11-20", "3-4 personer"),
    ],
)
async def test_a_day_with_dots_or_a_short_year_is_read_where_it_is_a_date(
    meetings: District, written: str, day: str, comment: str
) -> None:
    meetings.clock.now = FRIDAY
    answer = await _report(meetings, written, "sv-SE")
    assert _stored(meetings) == [(day, comment)], answer


async def test_a_dotted_day_that_cannot_be_is_refused(meetings: District) -> None:
    meetings.clock.now = FRIDAY
    answer = await _report(meetings, "möte 31.9", "sv-SE")
    assert answer.startswith("”31.9” är inte ett datum."), answer
    answer = await _report(meetings, "meeting 31.9", "en-US")
    assert answer.startswith("“31.9” is not a date."), answer
    assert meetings.reports() == []


@pytest.mark.parametrize(
    ("written", "day", "locale"),
    [
        ("möte andra oktober", "2026-10-02", "sv-SE"),
        ("möte den tredje mars", "2026-03-03", "sv-SE"),
        ("möte 1:a oktober", "2026-10-01", "sv-SE"),
        ("möte den 2:a", "2026-11-02", "sv-SE"),
        ("möte den tjugoförsta oktober", "2026-10-21", "sv-SE"),
        ("meeting first of March", "2026-03-01", "en-US"),
        ("meeting the 2nd of October", "2026-10-02", "en-US"),
        ("meeting on the second of October", "2026-10-02", "en-US"),
        ("meeting October twenty-first", "2026-10-21", "en-US"),
        ("meeting March 12th", "2026-03-12", "en-US"),
        ("möte mars 12", "2026-03-12", "sv-SE"),
        ("möte 12 mars", "2026-03-12", "sv-SE"),
    ],
)
async def test_a_day_of_the_month_in_words(meetings: District, written: str, day: str, locale: str) -> None:
    meetings.clock.now = FRIDAY
    answer = await _report(meetings, written, locale)
    assert [d for d, _ in _stored(meetings)] == [day], answer


@pytest.mark.parametrize(
    ("written", "day", "locale"),
    [
        ("möte 1:a advent", "2026-11-29", "sv-SE"),
        ("möte första advent", "2026-11-29", "sv-SE"),
        ("möte 3:e advent", "2026-12-13", "sv-SE"),
        ("möte midsommarafton", "2026-06-19", "sv-SE"),
        ("möte julafton", "2026-12-24", "sv-SE"),
        ("möte nyårsafton", "2026-12-31", "sv-SE"),  # today
        ("möte trettondagen", "2026-01-06", "sv-SE"),
        ("möte valborg", "2026-04-30", "sv-SE"),
        ("möte nationaldagen", "2026-06-06", "sv-SE"),
        ("möte påskafton", "2026-04-04", "sv-SE"),
        ("möte påskdagen", "2026-04-05", "sv-SE"),
        ("luciafika på Lucia", "2026-12-13", "sv-SE"),
        ("möte luciadagen", "2026-12-13", "sv-SE"),
        ("meeting on Christmas Eve", "2026-12-24", "en-US"),
        ("meeting on Midsummer Eve", "2026-06-19", "en-US"),
        ("meeting the first Sunday of Advent", "2026-11-29", "en-US"),
        ("meeting on Easter Sunday", "2026-04-05", "en-US"),
    ],
)
async def test_a_day_swedes_name(meetings: District, written: str, day: str, locale: str) -> None:
    meetings.clock.now = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)
    answer = await _report(meetings, written, locale)
    assert [d for d, _ in _stored(meetings)] == [day], answer


async def test_a_named_day_still_to_come_in_the_plans_year_is_refused(meetings: District) -> None:
    """In November 2026 last year's Christmas Eve is before the plan's year, this year's still to come."""
    meetings.clock.now = FRIDAY
    answer = await _report(meetings, "julfest julafton", "sv-SE")
    assert answer.startswith("24 dec. 2026 har inte hänt än"), answer
    answer = await _report(meetings, "meeting 1st advent", "en-US")
    assert answer.startswith("29 Nov 2026 has not happened yet"), answer
    assert meetings.reports() == []


async def test_two_days_in_the_same_quarter_are_one_report_on_the_first(meetings: District) -> None:
    meetings.clock.now = FRIDAY
    answer = await meetings.say(KIM, "rapportera 4 2 möten 3/3 och 10/3")
    assert answer.startswith("Sparat #1: mål 4, 2 medlemsmöten för Sundsvall, 3 mars 2026."), answer
    assert answer.endswith(
        "Du skrev flera dagar (3 mars 2026 och 10 mars 2026); rapporten sparades på den första, "
        "eftersom de räknas i samma period. Vill du i stället spara den på 10 mars 2026 skriver du: "
        "ändra 1 2 2026-03-10"
    ), answer
    answer = await meetings.say(LEE, "report 4 2 meetings March 3 and March 10", locale="en-US")
    assert answer.startswith("Stored #2: goal 4, 2 members' meetings for Härnösand, 3 Mar 2026."), answer
    assert answer.endswith(
        "You wrote more than one day (3 Mar 2026 and 10 Mar 2026); it is stored on the first, as they "
        "count in the same period. To store it on 10 Mar 2026 instead, write: correct 2 2 2026-03-10"
    ), answer
    # The days were read and the answer names both, so they are no comment; the day can be corrected
    assert _stored(meetings) == [("2026-03-03", None), ("2026-03-03", None)]
    corrected = await meetings.say(KIM, "ändra 1 2 2026-03-10")
    assert corrected.startswith("Rättat #1: mål 4, nu 2 medlemsmöten för Sundsvall, 10 mars 2026."), corrected


async def test_one_day_written_twice_is_that_day(meetings: District) -> None:
    meetings.clock.now = FRIDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möte i onsdags 18/11")
    assert (
        answer == "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 18 nov. 2026. Ändra med: ändra 1 VÄRDE"
    ), answer
    answer = await meetings.say(LEE, "report 4 1 meeting on Wednesday, November 18th", locale="en-US")
    assert answer.startswith("Stored #2: goal 4, 1 members' meeting for Härnösand, 18 Nov 2026."), answer
    assert _stored(meetings) == [("2026-11-18", None), ("2026-11-18", None)]


async def test_two_days_in_different_quarters_are_refused(meetings: District) -> None:
    meetings.clock.now = FRIDAY
    answer = await meetings.say(KIM, "rapportera 4 2 möten 28/3 och 2/4")
    assert answer.startswith(
        "Du skrev dagar som räknas i olika perioder (28 mars 2026 och 2 apr. 2026); inget sparades. "
        "Rapportera varje dag på en egen rad. Mål 4 räknar: minst 1 medlemsmöte per kvartal."
    ), answer
    answer = await meetings.say(KIM, "report 4 2 meetings in March and in April", locale="en-US")
    assert answer.startswith(
        "You wrote days that count in different periods (1 Mar 2026 and 1 Apr 2026); nothing was stored."
    ), answer
    assert meetings.reports() == []


async def test_the_next_meeting_beside_the_one_reported_stays_in_the_comment(meetings: District) -> None:
    meetings.clock.now = FRIDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möte i går, nästa på onsdag")
    assert answer.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 19 nov. 2026."), answer
    assert "flera dagar" not in answer
    english = "report 4 1 met yesterday, the next meeting is next Tuesday"
    answer = await meetings.say(LEE, english, locale="en-US")
    assert answer.startswith("Stored #2: goal 4, 1 members' meeting for Härnösand, 19 Nov 2026."), answer
    assert _stored(meetings) == [
        ("2026-11-19", "nästa på onsdag"),
        ("2026-11-19", "met, the next meeting is next Tuesday"),
    ]


async def test_a_hint_writes_the_day_the_chair_meant(meetings: District) -> None:
    """ "mål 4: 1 möte onsdag" was answered "Menade du rapportera 4 1 möte onsdag?", which sent that day
    stored today; a long sentence lost its day to the hint's length. The hint now writes the day read."""
    meetings.clock.now = FRIDAY
    hint = await meetings.say(KIM, "mål 4: 1 möte onsdag")
    assert hint == "Menade du rapportera 4 1 möte 2026-11-18? Inget sparades.", hint
    sentence = "we had 1 meeting with the youth league and the board on wednesday for goal 4"
    hint = await meetings.say(LEE, sentence, locale="en-US")
    assert hint.startswith("Did you mean report 4 1 meeting with the youth "), hint
    assert hint.endswith(" 2026-11-18? Write help to see everything I can do."), hint
    # Sent the next week, the line still means that Wednesday.
    meetings.clock.now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    stored = await meetings.say(KIM, "rapportera 4 1 möte 2026-11-18")
    assert stored.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 18 nov. 2026."), stored
    gap = await meetings.say(KIM, "vi hade möte i onsdags för mål 4")
    assert gap.endswith("rapportera 4 VÄRDE möte 2026-11-25"), gap


@pytest.mark.parametrize(
    ("written", "locale", "answer_starts"),
    [
        ("möte i förrgår", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 18 nov. 2026."),
        # A range of days is stored on its first (a period, as "förra veckan" is)
        ("utbildning 1/10-15/10", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 1 okt. 2026."),
        ("läger 3–5 mars", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 mars 2026."),
        ("camp 3-5/3", "en-US", "Stored #1: goal 4, 1 members' meeting for Sundsvall, 3 Mar 2026."),
        ("läger 5-3/3", "sv-SE", "”5-3/3” är inte ett datum."),
        (
            "möte förra månaden",
            "sv-SE",
            "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 1 okt. 2026.",
        ),  # its first day
        ("möte v. 12", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 16 mars 2026."),  # its Monday
        ("möte vecka 12", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 16 mars 2026."),
        ("möte I GÅR", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 19 nov. 2026."),
        ("möte 🎉 igår", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 19 nov. 2026."),
        ("meeting yesterday", "en-US", "Stored #1: goal 4, 1 members' meeting for Sundsvall, 19 Nov 2026."),
        ("meeting last month", "en-US", "Stored #1: goal 4, 1 members' meeting for Sundsvall, 1 Oct 2026."),
        # Lucia alone is someone's name, "our first march" a demonstration: today's reports
        ("möte med Lucia Ek", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 20 nov. 2026."),
        ("our first march", "en-US", "Stored #1: goal 4, 1 members' meeting for Sundsvall, 20 Nov 2026."),
        ("möte 12/12 2025", "sv-SE", "12 dec. 2025 ligger utanför planens år: planen gäller 2026"),
        ("meeting 24/12 2025", "en-US", "24 Dec 2025 is outside the plan's year: the plan is for 2026"),
    ],
)
async def test_other_ways_of_writing_a_day(
    meetings: District, written: str, locale: str, answer_starts: str
) -> None:
    meetings.clock.now = FRIDAY
    answer = await _report(meetings, written, locale)
    assert answer.startswith(answer_starts), answer


async def test_the_forms_date_field_reads_the_same_words(meetings: District) -> None:
    meetings.clock.now = FRIDAY
    form = {"form": "checkin", "goal": "4", "value": "1", "comment": ""}
    for token, written, locale, starts in (
        ("formone", "onsdag", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 18 nov. 2026."),
        ("formtwo", "30.9", "sv-SE", "Sparat #2: mål 4, 1 medlemsmöte för Sundsvall, 30 sep. 2026."),
        (
            "formthree",
            "midsommarafton",
            "sv-SE",
            "Sparat #3: mål 4, 1 medlemsmöte för Sundsvall, 19 juni 2026.",
        ),
        (
            "formfour",
            "the 2nd of October",
            "en-US",
            "Stored #4: goal 4, 1 members' meeting for Sundsvall, 2 Oct 2026.",
        ),
        ("formfive", "på onsdag", "sv-SE", "25 nov. 2026 har inte hänt än"),
        ("formsix", "next Wednesday", "en-US", "25 Nov 2026 has not happened yet"),
    ):
        data = {**form, "submission": token, "date": written}
        answer = shown(await meetings.tap(KIM, data, locale=locale))
        assert answer.startswith(starts), (written, answer)
    assert [d for d, _ in _stored(meetings)] == ["2026-11-18", "2026-09-30", "2026-06-19", "2026-10-02"]


async def test_the_boards_follow_up_reads_the_same_words(meetings: District) -> None:
    meetings.clock.now = FRIDAY
    for asked, locale, starts in (
        ("uppföljning sedan onsdag", "sv-SE", "Uppföljning sedan 18 nov. 2026\n"),
        ("uppföljning sedan 30.9", "sv-SE", "Uppföljning sedan 30 sep. 2026\n"),
        ("uppföljning sedan midsommar", "sv-SE", "Uppföljning sedan 19 juni 2026\n"),
        ("follow-up since the first of October", "en-US", "Follow-up since 1 Oct 2026\n"),
        ("follow-up since next Wednesday", "en-US", "next Wednesday (25 Nov 2026) has not happened yet"),
    ):
        answer = await meetings.say(MEGAN, asked, locale=locale)
        assert answer.startswith(starts), (asked, answer)


async def test_a_mistyped_report_is_suggested_with_the_day_read(meetings: District) -> None:
    meetings.clock.now = FRIDAY
    hint = await meetings.say(KIM, "rapporetra 4 1 möte i onsdags")
    assert hint == (
        "Jag känner inte till kommandot ”rapporetra”. Menade du rapportera 4 1 möte 2026-11-18? "
        "Skriv hjälp för att se allt jag kan göra."
    ), hint
    hint = await meetings.say(LEE, "reprot 4 1 meeting yesterday", locale="en-US")
    assert "Did you mean report 4 1 meeting 2026-11-19?" in hint, hint
    assert meetings.reports() == []


SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)  # Sunday 22 November 2026


@pytest.mark.parametrize(
    ("written", "locale", "day", "comment"),
    [
        # The little word left out, as people write in a hurry: "förrgår" is "i förrgår".
        ("möte förrgår", "sv-SE", "2026-11-20", None),
        ("möte i förrgår", "sv-SE", "2026-11-20", None),
        ("meeting day before yesterday", "en-US", "2026-11-20", None),
        ("meeting the day before yesterday", "en-US", "2026-11-20", None),
        ("möte igårkväll", "sv-SE", "2026-11-21", None),
        # A weekday of an earlier week, in the other word orders people use.
        ("möte förra veckans onsdag", "sv-SE", "2026-11-11", None),
        ("möte onsdagen förra veckan", "sv-SE", "2026-11-11", None),
        ("möte förrförra onsdagen", "sv-SE", "2026-11-11", None),
        ("möte förra onsdagen", "sv-SE", "2026-11-18", None),
        ("möte förrförra veckans torsdag", "sv-SE", "2026-11-05", None),
        ("meeting last week Wednesday", "en-US", "2026-11-11", None),
        ("meeting last week's Wednesday", "en-US", "2026-11-11", None),
        ("meeting Wednesday last week", "en-US", "2026-11-11", None),
        ("meeting Thursday the week before last", "en-US", "2026-11-05", None),
        # A part of a month is the middle of its days (1-10, 10-20, 20-31); the words all go.
        ("möte i slutet av oktober", "sv-SE", "2026-10-25", None),
        ("möte i mitten av oktober med styrelsen", "sv-SE", "2026-10-15", "med styrelsen"),
        ("möte i början på oktober", "sv-SE", "2026-10-05", None),
        ("möte i slutet av förra veckan", "sv-SE", "2026-11-13", None),  # last week's Friday
        ("meeting early October", "en-US", "2026-10-05", None),
        ("meeting in mid-October", "en-US", "2026-10-15", None),
        ("meeting late October", "en-US", "2026-10-25", None),
        ("meeting mid-May", "en-US", "2026-05-15", None),
        ("meeting at the end of October", "en-US", "2026-10-25", None),
        # ...but "the end of the meeting" is no date.
        ("pratade i slutet av mötet", "sv-SE", "2026-11-22", "pratade i slutet av mötet"),
    ],
)
async def test_shorter_and_other_orders_of_the_same_day(
    meetings: District, written: str, locale: str, day: str, comment: str
) -> None:
    """What a chair means on Sunday 22 November: "förrgår" (without "i") is Friday, as "i förrgår";
    "förra veckans onsdag" and "last week Wednesday" last week's Wednesday (11th), as "onsdag förra
    veckan"; "förra onsdagen" the latest Wednesday before today (18th), "förrförra onsdagen" the one before
    (11th); "i slutet av oktober", "late October" the 25th, the middle of 20-31 October, with all the words
    read; "i slutet av förra veckan" last week's Friday (13th), where its work ends (it was the Monday)."""
    meetings.clock.now = SUNDAY
    answer = await _report(meetings, written, locale)
    assert _stored(meetings) == [(day, comment)], answer


async def test_a_part_of_a_month_leaves_no_fragment_in_the_suggested_line(meetings: District) -> None:
    """A hint that writes the report for the chair writes the day read, not the words around it: "i slutet
    av oktober" as the day it is read as, the 25th, so that the report stores the same day."""
    meetings.clock.now = SUNDAY
    hint = await meetings.say(KIM, "mål 4: 1 möte i slutet av oktober")
    assert hint == "Menade du rapportera 4 1 möte 2026-10-25? Inget sparades.", hint
    hint = await meetings.say(LEE, "goal 4: 1 meeting at the end of October", locale="en-US")
    assert hint.startswith("Did you mean report 4 1 meeting 2026-10-25?"), hint
    assert meetings.reports() == []
    # The same report twice is asked about with the line that stores it anyway: the day, not its words.
    for _ in range(2):
        again = await _report(meetings, "möte i slutet av oktober", "sv-SE")
    assert again.endswith("rapportera 4 1 2026-10-25 ja"), again
    for _ in range(2):
        again = await meetings.say(LEE, "report 4 1 meeting late October", locale="en-US")
    assert again.endswith("report 4 1 2026-10-25 yes"), again


async def test_a_day_written_month_first_is_answered_with_the_day_first(meetings: District) -> None:
    """An American writes 20 November as "11/20". The bot reads days day first, one meaning per phrase, so
    it does not guess: the answer says plainly that the day comes first and how to write that day, in the
    writer's language, wherever a day is asked for (the one-line report, the form, the follow-up)."""
    meetings.clock.now = SUNDAY
    american = "“11/20” is not a date: the day comes first. Write 20/11 for 20 November."
    answer = await _report(meetings, "11/20", "en-US")
    assert answer.startswith(american), answer
    answer = await _report(meetings, "möte 11/20/2026", "sv-SE")
    assert answer.startswith(
        "”11/20/2026” är inte ett datum: dagen skrivs först. Menar du 20 november skriver du 20/11/2026."
    ), answer
    form = {"form": "checkin", "goal": "4", "value": "1", "comment": "", "submission": "us", "date": "11/20"}
    answer = shown(await meetings.tap(LEE, form, locale="en-US"))
    assert answer.startswith(american), answer
    answer = await meetings.say(MEGAN, "follow-up since 10/31", locale="en-US")
    assert answer == "“10/31” is not a date: the day comes first. Write 31/10 for 31 October.", answer
    answer = await meetings.say(MEGAN, "uppföljning sedan 10/31")
    assert answer == "”10/31” är inte ett datum: dagen skrivs först. Menar du 31 oktober skriver du 31/10.", (
        answer
    )
    # No day either way ("2/30", "13/40") is answered as before
    answer = await _report(meetings, "2/30", "en-US")
    assert answer.startswith("“2/30” is not a date. Write the day as 12/3 or 12 March."), answer
    assert meetings.reports() == []
