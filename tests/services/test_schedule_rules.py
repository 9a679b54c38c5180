"""Schedule rules: what board members type, the errors they get, a year of fire times across both DST changes.

Every expected date below was worked out by hand from a 2027 calendar, none computed by the code under test.
2027 in Europe/Stockholm: CET (UTC+1) until Sunday 28 March 01:00 UTC, CEST (UTC+2) until Sunday 31 October
01:00 UTC, then CET again.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger

from bot.services.schedule_rules import (
    LAST,
    Holidays,
    NewTime,
    RuleError,
    RuleProblem,
    ScheduleRule,
    occurrences,
    parse_change,
    parse_rule,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NEW_YEAR_2027 = datetime(2027, 1, 1, tzinfo=STOCKHOLM)  # local midnight: nothing on 1 January is missed
END_OF_2027 = datetime(2027, 12, 31, 23, 59, tzinfo=STOCKHOLM)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def days(*values: int, hour: int = 18, minute: int = 0) -> ScheduleRule:
    return ScheduleRule(days_of_month=values, hour=hour, minute=minute)


def nth(*pairs: tuple[int, int], hour: int = 19, minute: int = 0) -> ScheduleRule:
    return ScheduleRule(weekdays=pairs, hour=hour, minute=minute)


def utc(month: int, day: int, hour: int, minute: int = 0, year: int = 2027) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def calendar(text: str) -> ScheduleRule:
    """The rule as typed, posting on public holidays too: the calendar and DST tests are about days."""
    return replace(parse_rule(text), holidays=Holidays.KEEP)


def year_2027(rule: ScheduleRule) -> list[datetime]:
    """The calendar of the rule in 2027, public holidays included (their own tests are below)."""
    return occurrences(
        replace(rule, holidays=Holidays.KEEP), STOCKHOLM, after=NEW_YEAR_2027, until=END_OF_2027
    )


# --- parsing -----------------------------------------------------------------------------------------------

PARSED = [
    # days of the month
    ("1 och 15 kl 18", days(1, 15)),
    ("1, 15 kl 18:30", days(1, 15, minute=30)),
    ("den 1:a och 15:e kl. 18.00", days(1, 15)),
    ("1 och 15 klockan 18", days(1, 15)),
    ("5 15 25 kl 12", days(5, 15, 25, hour=12)),
    ("1 and 15 at 18", days(1, 15)),
    ("1st and 15th at 6pm", days(1, 15)),
    ("on the 1st and 15th at 18:00", days(1, 15)),
    ("15 och 1 kl 18", days(1, 15)),  # sorted
    ("1 och 1 och 15 kl 18", days(1, 15)),  # unique
    ("den 1a och 15e kl 18", days(1, 15)),
    ("1:a och 15:e varje månad kl 18", days(1, 15)),
    ("kl 18 den 1 och 15", days(1, 15)),  # the time may come first
    ("1 och 15 18:00", days(1, 15)),  # a clock time needs no "kl"
    ("1 och 15 kl18", days(1, 15)),
    ("31 kl 18", days(31)),
    ("  1   OCH 15  KL   18 !", days(1, 15)),
    # ordinal weekdays
    ("första och tredje tisdagen kl 19", nth((1, TUE), (3, TUE))),
    ("1:a och 3:e tisdagen kl 19", nth((1, TUE), (3, TUE))),
    ("andra tisdagen och sista torsdagen kl 19.30", nth((2, TUE), (LAST, THU), minute=30)),
    ("sista fredagen i månaden kl 12", nth((LAST, FRI), hour=12)),
    ("första måndagen kl 19", nth((1, MON))),
    ("first and third tuesday at 19", nth((1, TUE), (3, TUE))),
    ("last friday at 12:00", nth((LAST, FRI), hour=12)),
    ("2nd wednesday at 7pm", nth((2, WED))),
    ("Första och Tredje TISDAGEN kl 19", nth((1, TUE), (3, TUE))),
    ("forsta och tredje tisdagen kl 19", nth((1, TUE), (3, TUE))),  # å/ä/ö typed without dots
    ("fjärde onsdagen kl 19", nth((4, WED))),
    ("femte lördagen kl 10", nth((5, SAT), hour=10)),
    ("andra söndagen kl 10", nth((2, SUN), hour=10)),
    ("första tisdagar kl 19", nth((1, TUE))),
    ("första tisdag kl 19", nth((1, TUE))),
    ("sista fredag i varje månad kl 12", nth((LAST, FRI), hour=12)),
    ("second and fourth thursdays at 19", nth((2, THU), (4, THU))),
    ("the fifth sunday of the month at 10", nth((5, SUN), hour=10)),
    ("last fri at 12", nth((LAST, FRI), hour=12)),
    ("1st tue and 3rd thu at 19", nth((1, TUE), (3, THU))),
    ("första mån kl 19", nth((1, MON))),
    ("sista fre kl 12", nth((LAST, FRI), hour=12)),
    ("sista torsdagen och andra tisdagen kl 19", nth((2, TUE), (LAST, THU))),  # month order
    # times
    ("1 kl 18", days(1)),
    ("1 kl. 18.00", days(1)),
    ("1 kl 18:30", days(1, minute=30)),
    ("1 klockan 7", days(1, hour=7)),
    ("1 at 18", days(1)),
    ("1 at 6pm", days(1)),
    ("1 at 6 pm", days(1)),
    ("1 at 6:30 pm", days(1, minute=30)),
    ("1 at 6 p.m.", days(1)),
    ("1 at 11am", days(1, hour=11)),
    ("1 at 12pm", days(1, hour=12)),
    ("1 at 1:30 am", days(1, hour=1, minute=30)),
    ("1 18:00", days(1)),
    ("1 kl 18:00:00", days(1)),
    ("1 kl 1:59", days(1, hour=1, minute=59)),
    ("1 kl 3", days(1, hour=3)),
    ("1 kl 23:59", days(1, hour=23, minute=59)),
    ("1 kl 08.05", days(1, hour=8, minute=5)),
    ("1 @ 18", days(1)),
]


@pytest.mark.parametrize(("text", "rule"), PARSED, ids=[text for text, _ in PARSED])
def test_parse_rule(text: str, rule: ScheduleRule) -> None:
    assert parse_rule(text) == rule


ERRORS = [
    ("", RuleProblem.EMPTY, ""),
    ("   ", RuleProblem.EMPTY, ""),
    (" , . ! ", RuleProblem.EMPTY, ""),
    ("kl 18", RuleProblem.NO_DAYS, ""),
    ("i månaden kl 18", RuleProblem.NO_DAYS, ""),
    ("och", RuleProblem.NO_DAYS, ""),
    ("1 och 15", RuleProblem.NO_TIME, ""),
    ("första tisdagen", RuleProblem.NO_TIME, ""),
    ("1 och 15 kl", RuleProblem.NO_TIME, "kl"),
    ("32 kl 18", RuleProblem.BAD_DAY, "32"),
    ("0 kl 18", RuleProblem.BAD_DAY, "0"),
    ("den 32:a kl 18", RuleProblem.BAD_DAY, "32:a"),
    ("1 och 99999999999 kl 18", RuleProblem.BAD_DAY, "99999999999"),
    ("6:e tisdagen kl 19", RuleProblem.BAD_ORDINAL, "6:e tisdagen"),
    ("1:a och 15:e tisdagen kl 19", RuleProblem.BAD_ORDINAL, "15:e tisdagen"),
    ("1 kl 25:61", RuleProblem.BAD_TIME, "25:61"),
    ("1 kl 24", RuleProblem.BAD_TIME, "24"),
    ("1 kl 18:60", RuleProblem.BAD_TIME, "18:60"),
    ("1 kl 18:5", RuleProblem.BAD_TIME, "18:5"),
    ("1 kl 1800", RuleProblem.BAD_TIME, "1800"),
    ("1 kl 18:00:30", RuleProblem.BAD_TIME, "18:00:30"),
    ("1 at 13pm", RuleProblem.BAD_TIME, "13pm"),
    ("1 at 0am", RuleProblem.BAD_TIME, "0am"),
    ("1 kl sju", RuleProblem.BAD_TIME, "sju"),
    ("1 kl 2", RuleProblem.NIGHT_TIME, "2"),
    ("1 kl 02:30", RuleProblem.NIGHT_TIME, "02:30"),
    ("1 kl 2.59", RuleProblem.NIGHT_TIME, "2.59"),
    ("1 at 2am", RuleProblem.NIGHT_TIME, "2am"),
    ("1 kl 0", RuleProblem.NIGHT_TIME, "0"),
    ("1 kl 00:30", RuleProblem.NIGHT_TIME, "00:30"),
    ("1 at 12am", RuleProblem.NIGHT_TIME, "12am"),
    ("1 och första tisdagen kl 19", RuleProblem.MIXED, "första tisdagen"),
    ("första tisdagen och 15 kl 19", RuleProblem.MIXED, "första tisdagen"),
    ("1:a tisdagen och den 15:e kl 19", RuleProblem.MIXED, "1:a tisdagen"),
    ("första kl 19", RuleProblem.NO_WEEKDAY, "första"),
    ("första tisdagen och tredje kl 19", RuleProblem.NO_WEEKDAY, "tredje"),
    ("sista dagen i månaden kl 18", RuleProblem.NO_WEEKDAY, "sista"),
    ("tisdagar kl 19", RuleProblem.NO_ORDINAL, "tisdagar"),
    ("var femte tisdag kl 19", RuleProblem.BAD_CYCLE, "var femte"),
    ("första tisdagen och torsdagen kl 19", RuleProblem.NO_ORDINAL, "torsdagen"),
    ("1 kl 18 och kl 19", RuleProblem.MANY_TIMES, "19"),
    ("1 18:00 19:00", RuleProblem.MANY_TIMES, "19:00"),
    ("blåsdag kl 18", RuleProblem.UNKNOWN_WORD, "blåsdag"),
    ("1 och 15 kl 18 tack", RuleProblem.UNKNOWN_WORD, "tack"),
    ("varannan kl 19", RuleProblem.NO_DAYS, ""),
    ("1-15 kl 18", RuleProblem.UNKNOWN_WORD, "-"),  # a range, not two days
    ("1/3 kl 18", RuleProblem.UNKNOWN_WORD, "/"),  # a date, not two days
    ("1 kl 18 🎉", RuleProblem.UNKNOWN_WORD, "🎉"),
]


@pytest.mark.parametrize(("text", "code", "detail"), ERRORS, ids=[text or "(empty)" for text, _, _ in ERRORS])
def test_parse_rule_errors(text: str, code: RuleProblem, detail: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule(text)
    assert (caught.value.code, caught.value.detail) == (code, detail)


def test_every_problem_has_an_example() -> None:
    assert {code for _, code, _ in ERRORS} == set(RuleProblem)


def test_rule_error_is_a_value_error_that_pickles() -> None:
    error = RuleError(RuleProblem.BAD_DAY, "32")
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.detail) == (RuleProblem.BAD_DAY, "32")
    assert "bad_day" in str(error) and "32" in str(error)


# --- the rule itself ---------------------------------------------------------------------------------------


def test_cron_day() -> None:
    assert days(1, 15).cron_day() == "1,15"
    assert nth((1, TUE), (3, TUE)).cron_day() == "1st tue,3rd tue"
    assert nth((LAST, FRI)).cron_day() == "last fri"
    assert nth((2, TUE), (LAST, THU)).cron_day() == "2nd tue,last thu"
    assert nth((5, SUN), (4, SAT)).cron_day() == "4th sat,5th sun"


def test_trigger_has_the_rule_and_an_explicit_zone() -> None:
    trigger = parse_rule("1 och 15 kl 18:30").trigger(STOCKHOLM)
    assert isinstance(trigger, CronTrigger)
    assert trigger.timezone == STOCKHOLM
    fields = {f.name: str(f) for f in trigger.fields}
    assert (fields["day"], fields["hour"], fields["minute"], fields["second"]) == ("1,15", "18", "30", "0")


def test_per_month_and_skipped_months() -> None:
    assert days(1, 15).per_month() == 2
    assert not days(1, 15).skips_some_months()
    assert nth((1, TUE)).per_month() == 1
    assert nth((1, TUE), (3, TUE)).per_month() == 2
    assert nth((2, TUE), (LAST, THU)).per_month() == 2
    assert days(31).per_month() == 0 and days(31).skips_some_months()
    assert days(29).skips_some_months()  # February, three years in four
    assert not days(28).skips_some_months()
    assert days(1, 15, 30).per_month() == 2
    assert nth((5, TUE)).per_month() == 0 and nth((5, TUE)).skips_some_months()
    assert nth((1, TUE), (5, TUE)).per_month() == 1
    assert not nth((LAST, FRI)).skips_some_months()
    # A month with four Tuesdays has its 4th and its last Tuesday on the same day: one post, not two.
    assert nth((4, TUE), (LAST, TUE)).per_month() == 1


def test_round_trip_through_json() -> None:
    for rule in (days(1, 15, minute=30), nth((2, TUE), (LAST, THU), hour=7), days(31, hour=1)):
        stored = json.loads(json.dumps(rule.to_dict()))
        assert ScheduleRule.from_dict(stored) == rule
    weekly = ScheduleRule(week_days=(TUE,), every_weeks=2, anchor=date(2027, 3, 3), holidays=Holidays.MOVE)
    assert ScheduleRule.from_dict(json.loads(json.dumps(weekly.to_dict()))) == weekly
    monthly = {"week_days": [], "every_weeks": 0, "anchor": None, "holidays": "skip"}
    assert (
        days(1, 15).to_dict() == {"days_of_month": [1, 15], "weekdays": [], "hour": 18, "minute": 0} | monthly
    )
    assert (
        nth((LAST, FRI), hour=12).to_dict()
        == {
            "days_of_month": [],
            "weekdays": [[-1, 4]],
            "hour": 12,
            "minute": 0,
        }
        | monthly
    )
    # A rule stored before holidays and weekly rules existed skips holidays like a new one.
    assert ScheduleRule.from_dict({"days_of_month": [1], "weekdays": [], "hour": 18, "minute": 0}) == days(1)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"days_of_month": [1], "hour": 18},
        {"days_of_month": [1], "hour": "18", "minute": 0},
        {"days_of_month": [True], "hour": 18, "minute": 0},
        {"weekdays": [[1, 2, 3]], "hour": 18, "minute": 0},
        {"weekdays": [1], "hour": 18, "minute": 0},
        {"days_of_month": [32], "hour": 18, "minute": 0},
        {"days_of_month": [1], "hour": 2, "minute": 0},
        {"days_of_month": [1], "weekdays": [[1, 1]], "hour": 18, "minute": 0},
        {"days_of_month": [], "weekdays": [], "hour": 18, "minute": 0},
    ],
)
def test_from_dict_refuses_what_is_not_a_rule(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        ScheduleRule.from_dict(data)


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({}, RuleProblem.NO_DAYS),
        ({"days_of_month": (0,)}, RuleProblem.BAD_DAY),
        ({"weekdays": ((6, TUE),)}, RuleProblem.BAD_ORDINAL),
        ({"weekdays": ((0, TUE),)}, RuleProblem.BAD_ORDINAL),
        ({"weekdays": ((1, 7),)}, RuleProblem.BAD_ORDINAL),
        ({"days_of_month": (1,), "hour": 24}, RuleProblem.BAD_TIME),
        ({"days_of_month": (1,), "minute": -1}, RuleProblem.BAD_TIME),
        ({"days_of_month": (1,), "hour": 2}, RuleProblem.NIGHT_TIME),
        ({"days_of_month": (1,), "hour": 0, "minute": 30}, RuleProblem.NIGHT_TIME),
        ({"days_of_month": (1,), "weekdays": ((1, TUE),)}, RuleProblem.MIXED),
    ],
)
def test_a_rule_checks_itself(kwargs: dict[str, object], code: RuleProblem) -> None:
    with pytest.raises(RuleError) as caught:
        ScheduleRule(**kwargs)  # type: ignore[arg-type]
    assert caught.value.code is code


def test_a_rule_normalises_its_days() -> None:
    assert ScheduleRule(days_of_month=(15, 1, 15)).days_of_month == (1, 15)
    assert ScheduleRule(weekdays=((LAST, THU), (2, TUE), (2, TUE))).weekdays == ((2, TUE), (LAST, THU))


# --- a year of fire times across both DST changes ---------------------------------------------------------


def test_first_and_fifteenth_at_18_in_2027() -> None:
    # 18:00 CET = 17:00 UTC until 28 March; 18:00 CEST = 16:00 UTC until 31 October; then 17:00 UTC again.
    assert year_2027(parse_rule("1 och 15 kl 18")) == [
        utc(1, 1, 17),
        utc(1, 15, 17),
        utc(2, 1, 17),
        utc(2, 15, 17),
        utc(3, 1, 17),
        utc(3, 15, 17),
        utc(4, 1, 16),
        utc(4, 15, 16),
        utc(5, 1, 16),
        utc(5, 15, 16),
        utc(6, 1, 16),
        utc(6, 15, 16),
        utc(7, 1, 16),
        utc(7, 15, 16),
        utc(8, 1, 16),
        utc(8, 15, 16),
        utc(9, 1, 16),
        utc(9, 15, 16),
        utc(10, 1, 16),
        utc(10, 15, 16),
        utc(11, 1, 17),
        utc(11, 15, 17),
        utc(12, 1, 17),
        utc(12, 15, 17),
    ]


def test_first_and_third_tuesday_at_19_in_2027() -> None:
    # Tuesdays of 2027, read off the calendar: 1 January is a Friday, so the first Tuesday is the 5th.
    assert year_2027(parse_rule("första och tredje tisdagen kl 19")) == [
        utc(1, 5, 18),
        utc(1, 19, 18),
        utc(2, 2, 18),
        utc(2, 16, 18),
        utc(3, 2, 18),
        utc(3, 16, 18),
        utc(4, 6, 17),
        utc(4, 20, 17),
        utc(5, 4, 17),
        utc(5, 18, 17),
        utc(6, 1, 17),
        utc(6, 15, 17),
        utc(7, 6, 17),
        utc(7, 20, 17),
        utc(8, 3, 17),
        utc(8, 17, 17),
        utc(9, 7, 17),
        utc(9, 21, 17),
        utc(10, 5, 17),
        utc(10, 19, 17),
        utc(11, 2, 18),
        utc(11, 16, 18),
        utc(12, 7, 18),
        utc(12, 21, 18),
    ]


def test_last_friday_at_12_in_2027() -> None:
    # 26 March and 29 October are the last Fridays before each change: still CET, still CEST.
    assert year_2027(parse_rule("sista fredagen kl 12")) == [
        utc(1, 29, 11),
        utc(2, 26, 11),
        utc(3, 26, 11),
        utc(4, 30, 10),
        utc(5, 28, 10),
        utc(6, 25, 10),
        utc(7, 30, 10),
        utc(8, 27, 10),
        utc(9, 24, 10),
        utc(10, 29, 10),
        utc(11, 26, 11),
        utc(12, 31, 11),
    ]


def test_last_sunday_is_the_dst_day_in_march_and_october() -> None:
    rule = calendar("sista söndagen kl 10")
    # 28 March: the clocks went forward at 02:00, so 10:00 is CEST (08:00 UTC).
    march = occurrences(
        rule, STOCKHOLM, after=datetime(2027, 3, 1, tzinfo=STOCKHOLM), until=datetime(2027, 4, 1, tzinfo=UTC)
    )
    assert march == [utc(3, 28, 8)]
    # 31 October: the clocks went back at 03:00, so 10:00 is CET (09:00 UTC).
    october = occurrences(rule, STOCKHOLM, after=datetime(2027, 10, 1, tzinfo=STOCKHOLM), limit=2)
    assert october == [utc(10, 31, 9), utc(11, 28, 9)]
    assert year_2027(rule) == [
        utc(1, 31, 9),
        utc(2, 28, 9),
        utc(3, 28, 8),
        utc(4, 25, 8),
        utc(5, 30, 8),
        utc(6, 27, 8),
        utc(7, 25, 8),
        utc(8, 29, 8),
        utc(9, 26, 8),
        utc(10, 31, 9),
        utc(11, 28, 9),
        utc(12, 26, 9),
    ]


def test_hours_right_beside_the_dst_changes() -> None:
    # 01:30 and 03:00 exist exactly once on both DST Sundays; only 02:xx is skipped or repeated.
    early = calendar("sista söndagen kl 1:30")
    assert occurrences(early, STOCKHOLM, after=datetime(2027, 3, 1, tzinfo=UTC), limit=1) == [
        utc(3, 28, 0, 30)
    ]
    assert occurrences(early, STOCKHOLM, after=datetime(2027, 10, 1, tzinfo=UTC), limit=2) == [
        utc(10, 30, 23, 30),  # 01:30 CEST on 31 October is still the 30th in UTC
        utc(11, 28, 0, 30),
    ]
    late = calendar("sista söndagen kl 3")
    assert occurrences(late, STOCKHOLM, after=datetime(2027, 3, 1, tzinfo=UTC), limit=1) == [utc(3, 28, 1)]
    assert occurrences(late, STOCKHOLM, after=datetime(2027, 10, 1, tzinfo=UTC), limit=2) == [
        utc(10, 31, 2),  # 03:00 CET, after the repeated hour
        utc(11, 28, 2),
    ]


def test_apscheduler_still_skips_midnight_after_the_spring_change() -> None:
    """Why NIGHT_HOURS holds 00: APScheduler 3.11's CronTrigger misses 1 April 2026 00:00 (CEST) when it
    starts looking before the change on 29 March. If this fails, APScheduler fixed it and 00 can come back."""
    trigger = CronTrigger(day="1", hour=0, minute=0, timezone=STOCKHOLM)
    start = datetime(2026, 3, 20, tzinfo=STOCKHOLM)
    assert trigger.get_next_fire_time(None, start) == datetime(2026, 5, 1, tzinfo=STOCKHOLM)
    # 01:00, the hour the search lands on, is kept: only 00:xx is lost.
    trigger = CronTrigger(day="1", hour=1, minute=0, timezone=STOCKHOLM)
    assert trigger.get_next_fire_time(None, start) == datetime(2026, 4, 1, 1, tzinfo=STOCKHOLM)


def test_the_31st_skips_shorter_months() -> None:
    rule = calendar("31 kl 18")
    assert rule.skips_some_months()
    assert year_2027(rule) == [
        utc(1, 31, 17),
        utc(3, 31, 16),
        utc(5, 31, 16),
        utc(7, 31, 16),
        utc(8, 31, 16),
        utc(10, 31, 17),  # the DST day itself: 18:00 is CET again
        utc(12, 31, 17),
    ]


def test_the_29th_comes_back_in_a_leap_february() -> None:
    rule = calendar("29 kl 18")
    times = occurrences(
        rule, STOCKHOLM, after=datetime(2027, 1, 1, tzinfo=UTC), until=utc(3, 1, 0, year=2028)
    )
    assert [(t.year, t.month) for t in times] == [(2027, m) for m in (1, *range(3, 13))] + [
        (2028, 1),
        (2028, 2),
    ]
    assert times[-1] == utc(2, 29, 17, year=2028)


def test_fifth_tuesday_in_2027() -> None:
    assert year_2027(calendar("femte tisdagen kl 19")) == [
        utc(3, 30, 17),  # two days after the change to summer time
        utc(6, 29, 17),
        utc(8, 31, 17),
        utc(11, 30, 18),
    ]


# --- occurrences' window -----------------------------------------------------------------------------------


def test_strictly_after_and_until_inclusive() -> None:
    rule = calendar("1 och 15 kl 18")
    on_a_fire_time = utc(1, 15, 17)
    assert occurrences(rule, STOCKHOLM, after=on_a_fire_time, limit=1) == [utc(2, 1, 17)]
    assert occurrences(rule, STOCKHOLM, after=on_a_fire_time - timedelta(microseconds=1), limit=1) == [
        on_a_fire_time
    ]
    assert occurrences(rule, STOCKHOLM, after=NEW_YEAR_2027, until=utc(2, 1, 17)) == [
        utc(1, 1, 17),
        utc(1, 15, 17),
        utc(2, 1, 17),
    ]
    assert occurrences(rule, STOCKHOLM, after=NEW_YEAR_2027, until=utc(1, 1, 16)) == []


def test_limit_and_any_aware_after() -> None:
    rule = calendar("1 och 15 kl 18")
    assert len(occurrences(rule, STOCKHOLM, after=NEW_YEAR_2027)) == 100
    assert occurrences(rule, STOCKHOLM, after=NEW_YEAR_2027, limit=0) == []
    utc_minus_5 = timezone(timedelta(hours=-5))
    # 1 January 12:00 at UTC-5 is 17:00 UTC, the 18:00 post itself: strictly after means the 15th.
    assert occurrences(rule, STOCKHOLM, after=datetime(2027, 1, 1, 12, tzinfo=utc_minus_5), limit=1) == [
        utc(1, 15, 17)
    ]
    assert occurrences(rule, STOCKHOLM, after=datetime(2027, 1, 1, 11, tzinfo=utc_minus_5), limit=1) == [
        utc(1, 1, 17)
    ]
    assert all(t.tzinfo is UTC for t in occurrences(rule, STOCKHOLM, after=NEW_YEAR_2027, limit=3))


def test_naive_datetimes_are_refused() -> None:
    rule = parse_rule("1 kl 18")
    with pytest.raises(ValueError, match="aware"):
        occurrences(rule, STOCKHOLM, after=datetime(2027, 1, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match="aware"):
        occurrences(rule, STOCKHOLM, after=NEW_YEAR_2027, until=datetime(2027, 2, 1))  # noqa: DTZ001


# --- Swedish public holidays and every Nth week ----------------------------------------------------------
# 2027 by hand: nyårsdagen Fri 1 Jan, trettondedag jul Wed 6 Jan, första maj Sat 1 May, nationaldagen Sun
# 6 June, midsommarafton Fri 25 June, julafton Fri 24 Dec, juldagen Sat 25 Dec, nyårsafton Fri 31 Dec.


def test_by_default_no_prompt_falls_on_a_public_holiday() -> None:
    times = occurrences(parse_rule("1 och 15 kl 18"), STOCKHOLM, after=NEW_YEAR_2027, until=END_OF_2027)
    local_days = [t.astimezone(STOCKHOLM).date() for t in times]
    assert date(2027, 1, 1) not in local_days and date(2027, 5, 1) not in local_days
    assert len(times) == 22 and times[0] == utc(1, 15, 17)


def test_holidays_can_move_to_the_next_weekday_or_be_kept() -> None:
    moved = parse_rule("1, 24 och 25 kl 18 helgdagar flyttas till nästa vardag")
    assert moved.holidays is Holidays.MOVE
    december = occurrences(moved, STOCKHOLM, after=datetime(2027, 12, 2, tzinfo=UTC), limit=3)
    # julafton and juldagen both move to Monday 27 December (once); 1 January 2028 (Sat) to Monday 3 January.
    assert december == [utc(12, 27, 17), utc(1, 3, 17, year=2028), utc(1, 24, 17, year=2028)]
    kept = parse_rule("1 och 15 kl 18, även helgdagar")
    assert kept.holidays is Holidays.KEEP
    assert occurrences(kept, STOCKHOLM, after=datetime(2026, 12, 31, tzinfo=UTC), limit=1) == [utc(1, 1, 17)]
    assert parse_rule("first and third tuesday at 19 except holidays").holidays is Holidays.SKIP
    assert parse_rule("1 and 15 at 18 move holidays").holidays is Holidays.MOVE
    assert parse_rule("1 and 15 at 18 including holidays").holidays is Holidays.KEEP
    with pytest.raises(RuleError) as caught:
        parse_rule("1 och 15 kl 18 flytta")  # to what? a policy word needs "helgdagar"
    assert caught.value.code is RuleProblem.UNKNOWN_WORD


@pytest.mark.parametrize(
    ("text", "days", "every"),
    [
        ("varannan tisdag kl 19", (TUE,), 2),
        ("var tredje torsdag kl 18", (THU,), 3),
        ("var fjärde onsdag kl 18", (WED,), 4),
        ("varje måndag och torsdag kl 18", (MON, THU), 1),
        ("every other tuesday at 7pm", (TUE,), 2),
        ("every 2nd friday at 12", (FRI,), 2),
        ("every wednesday at 18", (WED,), 1),
        # the week named before its day, as people also say it
        ("varannan vecka på tisdag kl 19", (TUE,), 2),
        ("var tredje vecka på torsdag kl 18", (THU,), 3),
        ("every other week on Tuesday at 7pm", (TUE,), 2),
    ],
)
def test_every_nth_week_is_a_rule_like_the_others(text: str, days: tuple[int, ...], every: int) -> None:
    rule = parse_rule(text)
    assert (rule.week_days, rule.every_weeks, rule.days_of_month, rule.weekdays) == (days, every, (), ())
    assert ScheduleRule.from_dict(json.loads(json.dumps(rule.to_dict()))) == rule


def test_every_other_tuesday_counts_from_the_day_it_was_set_across_dst() -> None:
    # Set on Wednesday 3 March 2027: the first Tuesday after is 9 March, then every other one.
    rule = replace(parse_rule("varannan tisdag kl 19"), anchor=date(2027, 3, 3))
    for after in (datetime(2027, 3, 3, tzinfo=UTC), datetime(2027, 3, 20, tzinfo=UTC)):  # any day later too
        times = occurrences(rule, STOCKHOLM, after=after, until=datetime(2027, 4, 30, tzinfo=UTC))
        expected = [utc(3, 9, 18), utc(3, 23, 18), utc(4, 6, 17), utc(4, 20, 17)]  # CEST from 28 March
        assert times == [t for t in expected if t > after]
    assert rule.per_month() == 2 and parse_rule("var tredje torsdag kl 18").per_month() == 1


def test_only_a_time_is_a_new_time_for_the_channels_schedule() -> None:
    """ "kl 20" changes the hour of the schedule there is; a rule with days is a rule; the night hours and
    a time without days where none is kept are refused as before."""
    assert parse_change("kl 20.30") == NewTime(20, 30)
    assert parse_change("at 8pm") == NewTime(20, 0)
    assert parse_change("kl 19 även helgdagar") == NewTime(19, 0, Holidays.KEEP)
    assert parse_change("1 och 15 kl 18") == parse_rule("1 och 15 kl 18")
    with pytest.raises(RuleError) as night:
        parse_change("kl 2.30")
    assert night.value.code is RuleProblem.NIGHT_TIME
    with pytest.raises(RuleError) as no_days:
        parse_rule("kl 20")
    assert no_days.value.code is RuleProblem.NO_DAYS
    weekly = NewTime(20, 0).applied_to(parse_rule("varannan tisdag kl 19"))
    assert (weekly.week_days, weekly.every_weeks, weekly.hour) == ((1,), 2, 20)
