"""A date-like word in a chair's check-in is read as the day the chair meant, or asked about; it never
silently becomes today. Through the real server, in Swedish and English, each story setting the clock
(Sweden's time) itself; the sample plan for 2026, goal 4 every branch's (a members' meeting a quarter, or a
month where the story says so).

What a chair means (on Wednesday 18 November 2026 unless the story says otherwise):
- "meeting 11/20 with the board", "möte 11/13 kl 18": a day written month first, as Americans do, in the
  middle of a sentence too. Nobody else writes a second number above 12, so it is asked about with the day
  written first (it was stored as today). A share with a word that counts ("3/15 people") stays a comment.
- "vecka 45", "v. 45", "v45", "week 45": that week, stored on its Monday (2 November). "vecka 44-45",
  "v44–45", "veckorna 44 och 45", "weeks 44 to 45": the two weeks, 26 October to 8 November, stored on the
  first day when they count in one period of the goal (a quarter here).
- A week or more whose days count in different periods of the goal ("vecka 44", 26 October to 1 November,
  for a goal per month; "v. 40", 28 September to 4 October, for a goal per quarter) would move the count
  into one of them, so nothing is stored and the chair is asked for the day, as two days in different
  periods are; a report is not moved to such a week either. Only the days that have passed count: "i
  veckan" on Wednesday 4 November is 2-4 November.
- A part of this week ("i början av veckan", "tidigare i veckan") or an earlier part of this month
  ("earlier this month") is this week or month; a part of a month with a day of its own ("i början av
  månaden", "mid may", "mitten av maj") is the day in the middle of the days a pause reads for it (1-10
  November: the 5th; 10-20 May: the 15th), named in the answer; "i slutet av månaden", "at the end of the
  month" on the 18th lie ahead (20-30 November), refused as not yet happened.
- "tisdags" (without "i"), "i tisdagskväll", "i tisdags kväll", "förrgår kväll", "ig år", "igar",
  "yday", "ons", "lör", "tis 17/11", "Tuesday, November 3", "i okt", "okt", "in Oct", "kv 3", "kv. 3",
  "sista oktober", "the last of October": the day or period as written, every word of it taken out of the
  comment; so is "igårkväll🎉" with its emoji, "tisdagen den 3 november", "3:dje nov" (3 November, not
  the month), "tisdag kväll", "last Wednesday evening", "this past weekend", "Weds", and a day's or a
  week's own: "gårdagens möte", "tisdagens möte", "förra veckans möte", "yesterday's meeting". "i julas"
  written in January is the Christmas just gone, from Christmas Eve; "i mellandagarna" 27-30 December.
  "för en månad sedan" is that day last month; "fre-sön", "Fri - Sun" the latest such days, stored on the
  first.
- "häromdagen", "för ett par dagar sedan", "a couple of days ago", "the other day", "veckan innan", "the
  day before" say that it was some day, not which: asked about, nothing stored.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.goals import Period, Target, TargetKind
from tests.conftest import NOW
from tests.stories.conftest import KIM, LEE, SAM, District, branch_meetings, shown

WEDNESDAY = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


def _stored(district: District) -> list[tuple[str, str | None]]:
    return [(c.happened_on.isoformat(), c.comment) for c in district.reports()]


async def _report(district: District, text: str, locale: str) -> str:
    verb = "rapportera" if locale == "sv-SE" else "report"
    return await district.say(KIM, f"{verb} 4 1 {text}", locale=locale)


@pytest.fixture
def monthly(district: District) -> District:
    """Goal 4 every branch's, one members' meeting a month."""
    target = Target(TargetKind.COUNT, 1, Period.MONTH, "medlemsmöte", unit_en="members' meeting")
    return branch_meetings(district, target, now=NOW)


async def test_a_day_written_month_first_inside_a_sentence_is_asked_about(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, "meeting 11/20 with the board", "en-US")
    american = "“11/20” is not a date: the day comes first. Write 20/11 for 20 November."
    assert answer.startswith(american), answer
    answer = await _report(meetings, "möte 11/13 kl 18 med styrelsen", "sv-SE")
    assert answer.startswith(
        "”11/13” är inte ett datum: dagen skrivs först. Menar du 13 november skriver du 13/11."
    ), answer
    assert meetings.reports() == []
    # A share with what it counts is no day: today's report keeps it
    answer = await _report(meetings, "meeting, 3/15 people came", "en-US")
    assert answer.startswith("Stored #1: goal 4, 1 members' meeting for Sundsvall, 18 Nov 2026."), answer
    assert _stored(meetings) == [("2026-11-18", "3/15 people came")]


@pytest.mark.parametrize(
    ("written", "locale", "day"),
    [
        ("möte vecka 45", "sv-SE", "2026-11-02"),
        ("möte v. 45", "sv-SE", "2026-11-02"),
        ("möte v45", "sv-SE", "2026-11-02"),
        ("meeting week 45", "en-US", "2026-11-02"),
        ("möte vecka 44-45", "sv-SE", "2026-10-26"),
        ("möte v44–45", "sv-SE", "2026-10-26"),
        ("möte veckorna 44 och 45", "sv-SE", "2026-10-26"),
        ("meeting weeks 44 to 45", "en-US", "2026-10-26"),
        ("meeting weeks 44-45", "en-US", "2026-10-26"),
    ],
)
async def test_weeks_by_number_are_stored_on_their_first_day(
    meetings: District, written: str, locale: str, day: str
) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, written, locale)
    assert _stored(meetings) == [(day, None)], answer  # "möte", "meeting": what the goal counts


async def test_a_week_in_two_periods_of_the_goal_is_asked_about(monthly: District) -> None:
    monthly.clock.now = WEDNESDAY
    answer = await _report(monthly, "möte vecka 44", "sv-SE")
    assert answer.startswith(
        "Dagarna du skrev (26 okt. 2026–1 nov. 2026) räknas i olika perioder; inget sparades. "
        "Skriv vilken dag det hände, som 12/3 eller 12 mars. Mål 4 räknar: minst 1 medlemsmöte per månad."
    ), answer
    answer = await monthly.say(LEE, "report 4 1 meeting weeks 44-45", locale="en-US")
    assert answer.startswith(
        "The days you wrote (26 Oct 2026 to 8 Nov 2026) count in different periods; nothing was stored. "
        "Write the day it happened, as 12/3 or 12 March."
    ), answer
    form = {"form": "checkin", "goal": "4", "value": "1", "comment": "", "submission": "f1", "date": "v. 44"}
    assert shown(await monthly.tap(KIM, form)).startswith("Dagarna du skrev (26 okt. 2026–1 nov. 2026)")
    assert monthly.reports() == []
    # A week within one month is that week's Monday; the hint writes the week as its days, read again
    stored = await _report(monthly, "möte vecka 45", "sv-SE")
    assert stored.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 2 nov. 2026."), stored
    # Nor is a report moved to such a week
    moved = await monthly.say(KIM, "ändra 1 vecka 44")
    assert moved.startswith("Dagarna du skrev (26 okt. 2026–1 nov. 2026) räknas i olika perioder"), moved
    assert _stored(monthly) == [("2026-11-02", None)]
    hint = await monthly.say(LEE, "mål 4: 1 möte vecka 44")
    assert hint == "Menade du rapportera 4 1 möte 26/10-1/11 2026? Inget sparades.", hint
    assert (await monthly.say(LEE, "rapportera 4 1 möte 26/10-1/11 2026")).startswith("Dagarna du skrev")
    # Only days that have passed count: on Wednesday 4 November "i veckan" is 2-4 November
    monthly.clock.now = datetime(2026, 11, 4, 10, 0, tzinfo=UTC)
    stored = await monthly.say(LEE, "report 4 1 meeting this week", locale="en-US")
    assert stored.startswith("Stored #2: goal 4, 1 members' meeting for Härnösand, 2 Nov 2026."), stored
    # "förra veckan" then is 26 October to 1 November: two months
    answer = await _report(monthly, "möte förra veckan", "sv-SE")
    assert answer.startswith("Dagarna du skrev (26 okt. 2026–1 nov. 2026)"), answer


async def test_a_week_across_two_quarters_is_asked_about(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, "möte v. 40", "sv-SE")
    assert answer.startswith("Dagarna du skrev (28 sep. 2026–4 okt. 2026) räknas i olika perioder"), answer
    answer = await _report(meetings, "camp 28/9-4/10", "en-US")
    assert answer.startswith("The days you wrote (28 Sep 2026 to 4 Oct 2026) count in different periods"), (
        answer
    )
    assert meetings.reports() == []


@pytest.mark.parametrize(
    ("written", "locale", "day", "comment"),
    [
        ("möte i början av månaden", "sv-SE", "2026-11-05", None),
        ("meeting earlier this month", "en-US", "2026-11-01", None),
        ("möte i början av veckan", "sv-SE", "2026-11-16", None),
        ("möte tidigare i veckan", "sv-SE", "2026-11-16", None),
        ("meeting earlier this week", "en-US", "2026-11-16", None),
        ("meeting mid may", "en-US", "2026-05-15", None),
        ("möte mitten av maj", "sv-SE", "2026-05-15", None),
        ("möte tisdags", "sv-SE", "2026-11-17", None),
        ("möte i tisdagskväll", "sv-SE", "2026-11-17", None),
        ("möte i tisdags kväll", "sv-SE", "2026-11-17", None),
        ("möte förrgår kväll", "sv-SE", "2026-11-16", None),
        ("möte ig år", "sv-SE", "2026-11-17", None),
        ("möte igar", "sv-SE", "2026-11-17", None),
        ("meeting yday", "en-US", "2026-11-17", None),
        ("möte ons", "sv-SE", "2026-11-18", None),
        ("möte lör", "sv-SE", "2026-11-14", None),
        ("möte, tis 17/11", "sv-SE", "2026-11-17", None),
        ("meeting Tuesday, November 3", "en-US", "2026-11-03", None),
        ("möte i okt", "sv-SE", "2026-10-01", None),
        ("möte okt", "sv-SE", "2026-10-01", None),
        ("meeting in Oct", "en-US", "2026-10-01", None),
        ("möte kv 3", "sv-SE", "2026-07-01", None),
        ("möte kv. 3", "sv-SE", "2026-07-01", None),
        ("möte sista oktober", "sv-SE", "2026-10-31", None),
        ("meeting the last of October", "en-US", "2026-10-31", None),
        ("möte igårkväll🎉", "sv-SE", "2026-11-17", None),  # an emoji stuck to the day
        ("möte (v45)", "sv-SE", "2026-11-02", None),
        ("möte tisdagen den 3 november", "sv-SE", "2026-11-03", None),
        ("meeting last evening", "en-US", "2026-11-17", None),
        ("möte förra onsdagen kväll", "sv-SE", "2026-11-11", None),
        ("möte i 4.5 % av tiden", "sv-SE", "2026-11-18", "i 4.5 % av tiden"),
        ("möte 3:dje nov", "sv-SE", "2026-11-03", None),  # not November's first day
        ("möte tisdag kväll", "sv-SE", "2026-11-17", None),
        ("meeting last Wednesday evening", "en-US", "2026-11-11", None),
        ("meeting this past Tuesday", "en-US", "2026-11-17", None),
        ("meeting this past weekend", "en-US", "2026-11-14", None),
        ("meeting Weds", "en-US", "2026-11-18", None),
        ("fri entré", "sv-SE", "2026-11-18", "fri entré"),  # "fri" is free, not Friday
        # A day's or a week's own: "gårdagens möte" is yesterday's meeting
        ("gårdagens möte", "sv-SE", "2026-11-17", None),
        ("tisdagens möte", "sv-SE", "2026-11-17", None),
        ("förra veckans möte", "sv-SE", "2026-11-09", None),
        ("förra månadens möte", "sv-SE", "2026-10-01", None),
        ("helgens möte", "sv-SE", "2026-11-14", None),
        ("yesterday's meeting", "en-US", "2026-11-17", None),
        ("Tuesday's meeting", "en-US", "2026-11-17", None),
        ("last week's meeting", "en-US", "2026-11-09", None),
        ("meetings on Tuesdays", "en-US", "2026-11-18", "on Tuesdays"),
        # Counted back in months; a weekend from its first day; other ways of the same
        ("möte för en månad sedan", "sv-SE", "2026-10-18", None),
        ("meeting 2 months ago", "en-US", "2026-09-18", None),
        ("läger fre-sön", "sv-SE", "2026-11-13", "läger"),
        ("camp Fri - Sun", "en-US", "2026-11-13", "camp"),
        ("möte 3e", "sv-SE", "2026-11-03", None),
        ("möte 2026/11/03", "sv-SE", "2026-11-03", None),
        ("möte i lördags förmiddag", "sv-SE", "2026-11-14", None),
        ("we sat down", "en-US", "2026-11-18", "we sat down"),
        # Words that are no day stay in the comment: "i mån av tid", "min son", "Jan", "we sat"
        ("möte i mån av tid", "sv-SE", "2026-11-18", "i mån av tid"),
        ("möte med min son", "sv-SE", "2026-11-18", "med min son"),
        ("meeting with Jan", "en-US", "2026-11-18", "with Jan"),
        ("Christmas party", "en-US", "2026-11-18", "Christmas party"),
    ],
)
async def test_more_ways_of_writing_a_day(
    meetings: District, written: str, locale: str, day: str, comment: str
) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, written, locale)
    assert _stored(meetings) == [(day, comment)], answer


async def test_christmas_just_gone_in_january(meetings: District) -> None:
    meetings.clock.now = datetime(2027, 1, 4, 10, 0, tzinfo=UTC)
    stored = await _report(meetings, "julfika i julas", "sv-SE")
    assert stored.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 24 dec. 2026."), stored
    stored = await meetings.say(LEE, "report 4 1 party at Christmas", locale="en-US")
    assert stored.startswith("Stored #2: goal 4, 1 members' meeting for Härnösand, 24 Dec 2026."), stored
    stored = await meetings.say(SAM, "rapportera 4 1 möte i mellandagarna")  # 27-30 December
    assert stored.startswith("Sparat #3: mål 4, 1 medlemsmöte för Timrå, 27 dec. 2026."), stored
    assert _stored(meetings) == [("2026-12-24", "julfika"), ("2026-12-24", "party"), ("2026-12-27", None)]


async def test_christmas_gone_before_the_plans_year_is_outside_it(meetings: District) -> None:
    """In November 2026 "i julas" is Christmas 2025, before the plan's year, not this year's to come."""
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, "julfika i julas", "sv-SE")
    assert answer.startswith("24 dec. 2025 ligger utanför planens år: planen gäller 2026"), answer
    answer = await _report(meetings, "julfika i jul", "sv-SE")  # the coming one
    assert answer.startswith("24 dec. 2026 har inte hänt än"), answer
    assert meetings.reports() == []


@pytest.mark.parametrize(
    ("written", "locale", "refusal"),
    [
        ("möte häromdagen", "sv-SE", "”häromdagen” är inte ett datum. Skriv dagen som 12/3 eller 12 mars."),
        ("möte för ett par dagar sedan", "sv-SE", "”för ett par dagar sedan” är inte ett datum."),
        ("meeting a couple of days ago", "en-US", "“a couple of days ago” is not a date."),
        ("möte veckan innan", "sv-SE", "”veckan innan” är inte ett datum."),
        ("meeting the day before", "en-US", "“the day before” is not a date."),
        ("meeting the other day", "en-US", "“the other day” is not a date. Write the day as 12/3"),
    ],
)
async def test_some_day_is_asked_about_not_stored_as_today(
    meetings: District, written: str, locale: str, refusal: str
) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, written, locale)
    assert answer.startswith(refusal), answer
    assert meetings.reports() == []


async def test_a_hint_writes_a_period_with_its_year(meetings: District) -> None:
    """ "förra året" in November 2026 is 2025: the suggested line keeps the year, so that sending it is
    refused as outside the plan's year, not stored in 2026 as "1/1-31/12" alone would be."""
    meetings.clock.now = WEDNESDAY
    hint = await meetings.say(KIM, "vi hade 3 möten förra året för mål 4")
    assert hint.startswith("Menade du rapportera 4 3 möten 1/1-31/12 2025?"), hint
    answer = await meetings.say(KIM, "rapportera 4 3 möten 1/1-31/12 2025")
    assert answer.startswith("1 jan. 2025 ligger utanför planens år"), answer
    assert meetings.reports() == []
