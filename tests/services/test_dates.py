"""The one reader of dates and periods (bot/services/dates.py) against a model written here from what people
mean, over every kind of day: year edges, leap days, ISO years with a week 53.

What a chair or board member means, looking back from today (a check-in reports what happened; a follow-up
starts from a day that has passed):
- "12/3" is 12 March (day first, as Swedes write, whatever language the bot speaks with them); a day without
  a year is the latest such day not after today: "12/12" written on 3 January is last December's.
- "i går" is yesterday, "i förrgår" the day before; "i tisdags" / "last Tuesday" the latest Tuesday before
  today (a week ago when today is a Tuesday); "i helgen" the latest Saturday, today included.
- "förra veckan" is the Monday of last week (a check-in stores that day and says so); "vecka 11" the Monday
  of the latest week 11, as Swedish calendars number weeks (ISO 8601), from this ISO year or the last.
- "den 3:e" the latest 3rd; "i maj" the latest 1 May; "Q3" the latest 1 July; "i våras" the latest 1 March.
- With the plan's year, a phrase whose latest occurrence is wholly before it means the plan year's own
  (not yet happened, so a check-in refuses it as future), and a week 1 begun in December is stored as
  1 January of the plan's year.
- "31/11", "30 feb", "vecka 54", and "29/2" with no 29 February this year or last are no dates.

The model walks the calendar day by day (no ISO arithmetic of the reader's), so it is independent of it.
"""

from __future__ import annotations

import calendar
import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.services.checkins import CheckInError, CheckInProblem, day_of
from bot.services.dates import DateError, Span, day_first, find, next_day, read_whole, reported_day
from bot.services.goals import Period, Target, TargetKind
from bot.services.progress import period_bounds
from bot.services.schedule_rules import Holidays, occurrences, parse_rule

PROPERTIES = settings(max_examples=300, deadline=None)

# Any day, and days near a year's edge, where the readers used to disagree: 2020 and 2026 have a week 53,
# 2024 and 2028 a 29 February.
years = st.integers(2019, 2036)
edges = st.builds(lambda year, offset: date(year, 1, 1) + timedelta(days=offset), years, st.integers(-10, 10))
todays = st.one_of(st.dates(date(2019, 1, 1), date(2036, 12, 31)), edges)


def _days_back(today: date, count: int = 800) -> list[date]:
    return [today - timedelta(days=n) for n in range(count)]


def _latest_day(today: date, day: int, month: int) -> date | None:
    """The latest day with that day and month, up to today, this year or last."""
    for each in _days_back(today, 800):
        if (each.day, each.month) == (day, month) and each.year >= today.year - 1:
            return each
    return None


def _read(text: str, today: date, year: int | None = None) -> Span:
    found = read_whole(text.split(), today, year)
    assert found is not None, text
    return found


@PROPERTIES
@given(today=todays, day=st.integers(1, 31), month=st.integers(1, 12))
def test_a_day_and_month_is_the_latest_such_day(today: date, day: int, month: int) -> None:
    expected = _latest_day(today, day, month)
    for written in (f"{day}/{month}", f"{day:02}/{month:02}"):
        if expected is None:
            try:
                found = _read(written, today)
            except DateError:
                continue
            # No such day this year or last (29/2): only a future one this year, refused by the callers.
            assert found.first > today and (found.first.day, found.first.month) == (day, month)
        else:
            assert _read(written, today) == Span.day(expected), written


@PROPERTIES
@given(today=todays, day=st.integers(1, 28), month=st.integers(1, 12))
def test_day_month_words_and_iso_agree(today: date, day: int, month: int) -> None:
    """ "12/3", "12 mars", "12:e mars", "March 12", "12th of March" are one day; with a year, that year's."""
    sv = ("januari februari mars april maj juni juli augusti september oktober november december").split()
    en = "January February March April May June July August September October November December".split()
    short = _read(f"{day}/{month}", today)
    for written in (f"{day} {sv[month - 1]}", f"{day}:e {sv[month - 1]}", f"{en[month - 1]} {day}"):
        assert _read(written, today) == short, written
    assert _read(f"{day}th of {en[month - 1]}", today) == short
    assert _read(f"{today.year - 1}-{month:02}-{day:02}", today) == Span.day(date(today.year - 1, month, day))
    assert _read(f"{day}/{month} {today.year - 1}", today) == Span.day(date(today.year - 1, month, day))


@PROPERTIES
@given(today=todays)
def test_days_counted_back(today: date) -> None:
    for written, back in (("i går", 1), ("igår", 1), ("yesterday", 1), ("i förrgår", 2), ("i dag", 0)):
        assert _read(written, today) == Span.day(today - timedelta(days=back)), written
    assert _read("för 3 dagar sedan", today) == Span.day(today - timedelta(days=3))
    assert _read("i morgon", today) == Span.day(today + timedelta(days=1))  # refused by the callers
    assert _read("2 weeks ago", today) == Span.day(today - timedelta(days=14))


WEEKDAYS = [
    ("måndags", "Monday"),
    ("tisdags", "Tuesday"),
    ("onsdags", "Wednesday"),
    ("torsdags", "Thursday"),
    ("fredags", "Friday"),
    ("lördags", "Saturday"),
    ("söndags", "Sunday"),
]


@PROPERTIES
@given(today=todays, weekday=st.integers(0, 6))
def test_a_weekday_gone_is_the_latest_before_today(today: date, weekday: int) -> None:
    before = next(d for d in _days_back(today)[1:] if d.weekday() == weekday)
    sv, en = WEEKDAYS[weekday]
    assert _read(f"i {sv}", today) == Span.day(before)
    assert _read(f"last {en}", today) == Span.day(before)
    upto = next(d for d in _days_back(today) if d.weekday() == weekday)
    assert _read(f"on {en}", today) == Span.day(upto)


@PROPERTIES
@given(today=todays)
def test_weeks_and_weekends(today: date) -> None:
    mondays = [d for d in _days_back(today, 22) if d.weekday() == 0]
    this_monday, last_monday = mondays[0], mondays[1]
    assert _read("förra veckan", today).first == last_monday
    assert _read("förrförra veckan", today).first == mondays[2]
    assert _read("the week before last", today).first == mondays[2]
    assert _read("last week", today).first == last_monday
    assert _read("i veckan", today).first == this_monday
    saturday = next(d for d in _days_back(today) if d.weekday() == 5)
    assert _read("i helgen", today).first == saturday


def _latest_week(today: date, number: int) -> date | None:
    """The latest Monday up to today whose week (as a calendar prints it) is `number`, in this ISO year
    or the last."""
    for each in _days_back(today, 800):
        if each.weekday() == 0 and each.isocalendar()[1] == number:
            iso_year = each.isocalendar()[0]
            return each if iso_year >= today.isocalendar()[0] - 1 else None
    return None


@PROPERTIES
@given(today=todays, number=st.integers(1, 53))
def test_a_week_number_is_the_monday_of_the_latest_such_week(today: date, number: int) -> None:
    expected = _latest_week(today, number)
    for written in (f"vecka {number}", f"v. {number}", f"v{number}", f"week {number}", f"w{number}"):
        if expected is None:  # a week 53 in neither year: none, or this year's still to come
            try:
                found = _read(written, today).first
            except DateError:
                continue
            assert found > today and found.isocalendar()[:2] == (today.isocalendar()[0], number)
        else:
            assert _read(written, today).first == expected, written


@PROPERTIES
@given(today=todays, number=st.integers(1, 52), more=st.integers(1, 3), form=st.integers(0, 4))
def test_weeks_from_one_to_another_are_both_whole(today: date, number: int, more: int, form: int) -> None:
    """ "vecka 44-45": from week 44's Monday to week 45's Sunday, the latest such weeks begun ("52-1" runs
    into the next year)."""
    last = (number + more - 1) % 52 + 1
    written = (
        f"vecka {number}-{last}",
        f"v{number}–{last}",
        f"veckorna {number} och {last}",
        f"weeks {number} to {last}",
        f"v. {number} - {last}",
    )[form]
    first = _latest_week(today, number)
    if first is None:
        return
    found = _read(written, today)
    ends = [d for d in (first + timedelta(days=n) for n in range(7, 7 * (more + 1) + 7)) if d.weekday() == 6]
    assert found.first == first, written
    assert found.last in ends and found.last.isocalendar()[1] == last, written


@PROPERTIES
@given(
    today=todays,
    written=st.one_of(
        st.builds("vecka {}".format, st.integers(1, 53)),
        st.builds("vecka {}-{}".format, st.integers(1, 50), st.integers(2, 52)),
        st.sampled_from(["förra veckan", "i veckan", "förra månaden", "i våras", "Q3", "28/3-2/4"]),
    ),
    period=st.sampled_from(list(Period)),
)
def test_a_period_is_stored_only_on_a_day_counting_where_all_its_days_do(
    today: date, written: str, period: Period
) -> None:
    """A check-in about a week or more happened on one of its days that have passed (in the plan's year):
    stored on its first when they all count in one period of the goal, else the chair is asked which day
    (SPLIT_SPAN) rather than have the count moved into one of the periods."""
    try:
        span = _read(written, today, today.year)
    except (DateError, AssertionError):  # "vecka 53" in a year without one; "vecka 9-3" is none
        return
    days = [span.first + timedelta(days=n) for n in range((span.last - span.first).days + 1)]
    passed = [d for d in days if d <= today and d.year == today.year] if span.first <= today else []
    target = Target(TargetKind.COUNT, 1, period, "möte")
    try:
        stored = day_of(span, target, today, today.year)
    except CheckInError as error:
        assert error.code is CheckInProblem.SPLIT_SPAN
        assert len({period_bounds(period, d) for d in passed}) > 1, written
        return
    assert all(period_bounds(period, d) == period_bounds(period, stored) for d in passed), written
    assert stored == (passed[0] if passed else span.first), written


@PROPERTIES
@given(today=todays, number=st.sampled_from([0, 54, 60, 99]))
def test_a_week_that_no_year_has_is_no_date(today: date, number: int) -> None:
    with pytest.raises(DateError):
        _read(f"vecka {number}", today)


@PROPERTIES
@given(today=todays, day=st.integers(1, 31))
def test_the_nth_is_the_latest_such_day(today: date, day: int) -> None:
    expected = next((d for d in _days_back(today, 100) if d.day == day), None)
    assert expected is not None
    assert _read(f"den {day}:e", today) == Span.day(expected)
    assert _read(f"den {day}", today) == Span.day(expected)


SV_MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()
EN_MONTHS = "January February March April May June July August September October November December".split()


@PROPERTIES
@given(today=todays, month=st.integers(1, 12))
def test_months_quarters_and_seasons_begin_on_their_latest_first_day(today: date, month: int) -> None:
    first = next(d for d in _days_back(today, 400) if d.day == 1 and d.month == month)
    assert _read(f"i {SV_MONTHS[month - 1]}", today).first == first
    month_ago = next(d for d in _days_back(today, 70) if d.day == 1 and d.month != today.month)
    assert _read("förra månaden", today).first == month_ago
    quarter = (month - 1) // 3 + 1
    quarter_first = next(d for d in _days_back(today, 400) if d.day == 1 and d.month == 3 * quarter - 2)
    assert _read(f"Q{quarter}", today).first == quarter_first
    assert _read(f"kvartal {quarter}", today).first == quarter_first
    spring = next(d for d in _days_back(today, 400) if (d.day, d.month) == (1, 3))
    assert _read("i våras", today).first == spring


@PROPERTIES
@given(today=todays, offset=st.sampled_from([-1, 0, 1]), day=st.integers(1, 31), month=st.integers(1, 12))
@example(today=date(2025, 1, 1), offset=0, day=29, month=2)  # the latest 29/2 was the year before the plan's
def test_with_the_plans_year_a_day_is_never_before_it(today: date, offset: int, day: int, month: int) -> None:
    """A check-in on the plan of last year, this year or next: the latest day, unless that is before the
    plan's year; then the plan year's (not yet happened), or for 29/2 when the plan's year has none, the
    latest there was (refused as before the plan's year)."""
    year = today.year + offset
    latest = _latest_day(today, day, month)
    try:
        found = _read(f"{day}/{month}", today, year).first
    except DateError:
        assert latest is None
        return
    if latest is not None and latest.year >= year:
        assert found == latest
    elif (day, month) == (29, 2) and not calendar.isleap(year):
        assert found == latest
    else:
        assert found.year == year and found > today


@PROPERTIES
@given(today=todays, number=st.integers(1, 53))
def test_the_day_a_week_is_stored_on_is_in_the_plans_year_where_the_week_reaches_it(
    today: date, number: int
) -> None:
    try:
        span = _read(f"vecka {number}", today, today.year)
    except DateError:
        return
    stored = reported_day(span, today.year)
    assert span.first <= stored <= span.last
    assert stored == max(span.first, date(today.year, 1, 1)) or span.last.year < today.year


@PROPERTIES
@given(today=todays, day=st.integers(1, 31), month=st.integers(1, 12))
def test_a_dotted_day_reads_as_the_slashed_one_where_it_is_meant_as_a_date(
    today: date, day: int, month: int
) -> None:
    try:
        slashed = _read(f"{day}/{month}", today)
    except DateError:
        with pytest.raises(DateError):
            _read(f"{day}.{month}", today)
        return
    assert _read(f"{day}.{month}.", today) == slashed
    assert _read(f"den {day}.{month}", today) == slashed
    assert find(f"i {day}.{month} timmar".split(), today) is None  # a decimal in a sentence


@pytest.mark.parametrize("written", ["31/11", "30 feb", "31 april", "0/3", "12/13", "2027-02-30", "vecka 0"])
def test_impossible_days_are_no_dates(written: str) -> None:
    with pytest.raises(DateError) as raised:
        _read(written, date(2027, 6, 1))
    assert raised.value.text == written


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("möte i går med styrelsen", ("i går", date(2027, 5, 31))),
        ("meeting on March 12 with the board", ("on March 12", date(2027, 3, 12))),
        ("2/3 av medlemmarna kom den 3:e", ("2/3", date(2027, 3, 2))),
        # Ahead: the next Tuesday, for a check-in to refuse as not yet come (it once went unread and the
        # report was stored as today's).
        ("vi ses på tisdag", ("på tisdag", date(2027, 6, 8))),
        ("we joined the march", None),
        ("we may first meet at our first march", None),
        ("möte med Lucia Ek", None),
        ("möte kl 18.30 i 2.5 timmar, 3-4 personer", None),
        ("betyg 4.5 av 5, punkt 3.2, budget 2.5 mkr", None),
        ("möte 30.9 med 12 pers", ("30.9", date(2026, 9, 30))),
    ],
)
def test_a_date_is_found_inside_a_sentence(text: str, found: tuple[str, date] | None) -> None:
    words = text.split()
    result = find(words, date(2027, 6, 1))
    if found is None:
        assert result is None
    else:
        assert result is not None
        span, at, taken = result
        assert (" ".join(words[at : at + taken]), span.first) == found


@PROPERTIES
@given(anchor=todays, weekday=st.integers(0, 6), every=st.integers(2, 4))
def test_every_other_weekday_keeps_its_step_over_new_year(anchor: date, weekday: int, every: int) -> None:
    """A board's "varannan tisdag kl 19" ("var tredje", "var fjärde") counts weeks on the calendar, not by
    week numbers: a year with a week 53 does not put two posts a week apart or three weeks apart."""
    words = {2: "varannan", 3: "var tredje", 4: "var fjärde"}[every]
    day = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"][weekday]
    rule = replace(parse_rule(f"{words} {day} kl 19"), anchor=anchor, holidays=Holidays.KEEP)
    zone = ZoneInfo("Europe/Stockholm")
    start = datetime(anchor.year, anchor.month, anchor.day, tzinfo=UTC)
    times = occurrences(rule, zone, after=start, until=start + timedelta(days=500), limit=40)
    days = [t.astimezone(zone).date() for t in times]
    assert all(d.weekday() == weekday for d in days)
    assert {(b - a).days for a, b in itertools.pairwise(days)} == {7 * every}


@PROPERTIES
@given(today=todays, day=st.integers(1, 31), month=st.integers(1, 12))
def test_a_snooze_day_without_a_year_is_the_next_such_day(today: date, day: int, month: int) -> None:
    """What lies ahead reads forward: "påminn mig inte före 15/1" in December is next January."""
    ahead = next(
        (d for d in (today + timedelta(days=n) for n in range(800)) if (d.day, d.month) == (day, month)), None
    )
    if ahead is None or ahead.year > today.year + 1:
        with pytest.raises(ValueError):
            next_day(day, month, today)
    else:
        assert next_day(day, month, today) == ahead


@pytest.mark.parametrize(
    ("written", "first", "last"),
    [
        # Sunday 22 November 2026
        ("v.46", date(2026, 11, 9), date(2026, 11, 15)),  # no space after the dot, as often as with one
        ("v.46 2026", date(2026, 11, 9), date(2026, 11, 15)),
        ("för två veckor sen", date(2026, 11, 8), date(2026, 11, 8)),  # "sen", as "sedan" is said
        ("tisdag förra veckan", date(2026, 11, 10), date(2026, 11, 10)),  # not the week's Monday
        ("i tisdags förra veckan", date(2026, 11, 10), date(2026, 11, 10)),
        ("Tuesday last week", date(2026, 11, 10), date(2026, 11, 10)),
        ("last week on Tuesday", date(2026, 11, 10), date(2026, 11, 10)),
        ("last Tue", date(2026, 11, 17), date(2026, 11, 17)),
        ("on Thu", date(2026, 11, 19), date(2026, 11, 19)),
        ("förra helgen", date(2026, 11, 14), date(2026, 11, 15)),  # on a Sunday: the weekend before
    ],
)
def test_more_ways_chairs_write_a_day(written: str, first: date, last: date) -> None:
    assert _read(written, date(2026, 11, 22)) == Span(first, last)


def test_last_weekend_on_a_weekday_is_the_latest() -> None:
    assert _read("förra helgen", date(2026, 11, 25)) == Span(date(2026, 11, 21), date(2026, 11, 22))


@PROPERTIES
@given(today=todays, month=st.integers(1, 12), part=st.integers(0, 11))
def test_a_part_of_a_month_is_the_month(today: date, month: int, part: int) -> None:
    """ "i slutet av oktober", "late October": October, as "i oktober" is; every word belongs to it ("mid
    may" in lower case too)."""
    sv, en = SV_MONTHS[month - 1], EN_MONTHS[month - 1]
    written = (
        f"i början av {sv}",
        f"i mitten av {sv}",
        f"i slutet av {sv}",
        f"i början på {sv}",
        f"early {en}",
        f"mid {en}",
        f"late {en}",
        f"in mid-{en}",
        f"at the end of {en}",
        f"in the middle of {en}",
        f"mid {en.lower()}",
        f"tidigare i {sv}",
    )[part]
    assert _read(written, today) == _read(f"i {sv}", today), written


@PROPERTIES
@given(today=todays, part=st.integers(0, 5))
def test_a_part_of_this_month_or_week_is_this_one(today: date, part: int) -> None:
    """ "i slutet av månaden", "earlier this week": this month, this week, as "i månaden", "i veckan"."""
    written, meant = (
        ("i slutet av månaden", "i månaden"),
        ("i början av månaden", "i månaden"),
        ("at the end of the month", "this month"),
        ("earlier this month", "this month"),
        ("i början av veckan", "i veckan"),
        ("tidigare i veckan", "i veckan"),
    )[part]
    assert _read(written, today) == _read(meant, today), written


@pytest.mark.parametrize(
    ("written", "meant"),
    [("11/20", ("20/11", (11, 20))), ("10/31/2026", ("31/10/2026", (10, 31))), ("2/29,", ("29/2", (2, 29)))],
)
def test_a_day_written_month_first_is_told_day_first(
    written: str, meant: tuple[str, tuple[int, int]]
) -> None:
    assert day_first(written) == meant


@pytest.mark.parametrize("written", ["20/11", "12/3", "2/30", "13/20", "11/32", "möte"])
def test_a_day_that_can_be_read_or_is_none_either_way_is_not_turned(written: str) -> None:
    assert day_first(written) is None
