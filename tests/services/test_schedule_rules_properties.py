"""Properties of schedule rules: the parser never fails any other way than RuleError, rules written out in
chat read back as themselves, and the scheduler's fire times agree with a plain calendar walk in Stockholm."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.schedule_rules import LAST, NIGHT_HOURS, RuleError, ScheduleRule, occurrences, parse_rule

FAST = settings(max_examples=300, deadline=None)
STOCKHOLM = ZoneInfo("Europe/Stockholm")

# Pieces of real rules, so arbitrary text often gets deep into the parser instead of stopping at a word.
FRAGMENTS = [
    " ",
    "  ",
    ",",
    ".",
    ":",
    "-",
    "!",
    "\t",
    "\n",
    "0",
    "1",
    "2",
    "5",
    "15",
    "18",
    "24",
    "31",
    "32",
    "99",
    "00",
    "30",
    "59",
    "60",
    "1800",
    ":a",
    ":e",
    "st",
    "th",
    "a",
    "e",
    "am",
    "pm",
    "p.m.",
    "kl",
    "kl.",
    "klockan",
    "at",
    "@",
    "och",
    "and",
    "den",
    "the",
    "on",
    "i månaden",
    "varje",
    "första",
    "tredje",
    "sista",
    "last",
    "first",
    "femte",
    "tisdagen",
    "Tisdagar",
    "fredag",
    "SÖNDAGEN",
    "tuesday",
    "fri",
    "mån",
    "blåsdag",
    "ß",
    "²",
    "١",
    "🎉",
]

ORDINALS = [1, 2, 3, 4, 5, LAST]
DAY_HOURS = [h for h in range(24) if h not in NIGHT_HOURS]


def _text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=60),
        st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join),
        st.lists(st.sampled_from(FRAGMENTS), max_size=10).map(" ".join),
    )


@FAST
@given(_text())
def test_parse_rule_only_raises_rule_error(text: str) -> None:
    try:
        rule = parse_rule(text)
    except RuleError:
        return
    assert bool(rule.days_of_month) != bool(rule.weekdays)
    assert all(1 <= day <= 31 for day in rule.days_of_month)
    assert list(rule.days_of_month) == sorted(set(rule.days_of_month))
    assert all(ordinal in ORDINALS and 0 <= weekday <= 6 for ordinal, weekday in rule.weekdays)
    assert 0 <= rule.hour <= 23 and rule.hour not in NIGHT_HOURS
    assert 0 <= rule.minute <= 59


@st.composite
def rules(draw: st.DrawFn) -> ScheduleRule:
    hour, minute = draw(st.sampled_from(DAY_HOURS)), draw(st.integers(0, 59))
    if draw(st.booleans()):
        return ScheduleRule(
            days_of_month=tuple(draw(st.sets(st.integers(1, 31), min_size=1, max_size=5))),
            hour=hour,
            minute=minute,
        )
    pairs = st.tuples(st.sampled_from(ORDINALS), st.integers(0, 6))
    return ScheduleRule(
        weekdays=tuple(draw(st.sets(pairs, min_size=1, max_size=4))), hour=hour, minute=minute
    )


# --- writing a rule out as a board member would -----------------------------------------------------------

SV_ORDINALS = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde", 5: "femte", LAST: "sista"}
SV_NUMBERED = {1: "1:a", 2: "2:a", 3: "3:e", 4: "4:e", 5: "5:e", LAST: "sista"}
EN_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", LAST: "last"}
SV_WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _english_suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _written(rule: ScheduleRule, swedish: bool, style: int) -> str:
    h, m = rule.hour, rule.minute
    if swedish:
        times = [f"kl {h}:{m:02d}", f"kl. {h:02d}.{m:02d}", f"klockan {h}:{m:02d}", f"{h:02d}:{m:02d}"]
        joiner = [" och ", ", ", " "][style % 3]
        if rule.days_of_month:
            days = [
                f"{d}:{'a' if d % 10 in (1, 2) and d not in (11, 12) else 'e'}" for d in rule.days_of_month
            ]
            when = "den " + joiner.join(days) if style % 2 else joiner.join(map(str, rule.days_of_month))
        else:
            names = SV_ORDINALS if style % 2 else SV_NUMBERED
            ending = ["en", "ar", ""][style % 3]
            when = (
                " och ".join(f"{names[o]} {SV_WEEKDAYS[w]}{ending}" for o, w in rule.weekdays) + " i månaden"
            )
    else:
        twelve = f"{(h % 12) or 12}:{m:02d} {'pm' if h >= 12 else 'am'}"
        times = [f"at {h}:{m:02d}", f"at {twelve}", f"{h:02d}:{m:02d}", f"at {twelve.replace(' ', '')}"]
        if rule.days_of_month:
            when = "on the " + " and ".join(f"{d}{_english_suffix(d)}" for d in rule.days_of_month)
        else:
            when = ", ".join(f"{EN_ORDINALS[o]} {EN_WEEKDAYS[w].upper()}" for o, w in rule.weekdays)
    time = times[style % len(times)]
    return f"{time} {when}" if style >= 4 else f"{when} {time}"


@FAST
@given(rules(), st.booleans(), st.integers(0, 7))
def test_a_rule_written_out_reads_back(rule: ScheduleRule, swedish: bool, style: int) -> None:
    assert parse_rule(_written(rule, swedish, style)) == rule
    assert ScheduleRule.from_dict(rule.to_dict()) == rule


# --- fire times --------------------------------------------------------------------------------------------


def _picks(rule: ScheduleRule, day: date) -> bool:
    """Whether the rule posts on `day`, by plain calendar arithmetic (no APScheduler), skipping Swedish
    public holidays (and the three eves) as a rule does unless told otherwise."""
    if day in holidays.country_holidays("SE", years=day.year, categories=("public", "de_facto")):
        return False
    if day.day in rule.days_of_month:
        return True
    length = calendar.monthrange(day.year, day.month)[1]
    for ordinal, weekday in rule.weekdays:
        if day.weekday() != weekday:
            continue
        if ordinal == LAST and day.day + 7 > length:
            return True
        if ordinal != LAST and (day.day - 1) // 7 + 1 == ordinal:
            return True
    return False


def _calendar_walk(rule: ScheduleRule, after: datetime, count: int) -> list[datetime]:
    found: list[datetime] = []
    day = after.astimezone(STOCKHOLM).date()
    while len(found) < count:
        if _picks(rule, day):
            local = datetime(day.year, day.month, day.day, rule.hour, rule.minute, tzinfo=STOCKHOLM)
            if local > after:
                found.append(local.astimezone(UTC))
        day += timedelta(days=1)
    return found


AFTER = st.datetimes(
    min_value=datetime(2026, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive; timezones= makes them aware
    max_value=datetime(2031, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)


@settings(max_examples=100, deadline=None)  # twelve posts per example, up to years of the calendar each
@given(rules(), AFTER)
def test_occurrences_are_the_rules_local_times(rule: ScheduleRule, after: datetime) -> None:
    times = occurrences(rule, STOCKHOLM, after=after, limit=12)
    assert len(times) == 12
    assert all(t.tzinfo is UTC for t in times)
    assert times[0] > after
    assert all(earlier < later for earlier, later in zip(times, times[1:], strict=False))
    for t in times:
        local = t.astimezone(STOCKHOLM)
        assert (local.hour, local.minute, local.second) == (rule.hour, rule.minute, 0)
        assert local.hour not in NIGHT_HOURS
        assert _picks(rule, local.date())
    assert times == _calendar_walk(rule, after, 12)


@settings(max_examples=100, deadline=None)  # a window of months per example: fewer examples, same reach
@given(rules(), AFTER, st.integers(1, 200))
def test_until_and_limit_cut_the_same_sequence(rule: ScheduleRule, after: datetime, days: int) -> None:
    until = after + timedelta(days=days)
    window = occurrences(rule, STOCKHOLM, after=after, until=until, limit=1000)
    assert all(after < t <= until for t in window)
    unbounded = occurrences(rule, STOCKHOLM, after=after, limit=len(window) + 1)
    assert unbounded[: len(window)] == window and unbounded[-1] > until
