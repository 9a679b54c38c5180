"""When a channel's discussion prompt is posted: a rule a board member types in chat, and its fire times.

Framework-free: no botbuilder, no aiohttp, no SQL. `parse_rule` reads "1 och 15 kl 18" or "första och tredje
tisdagen kl 19" (Swedish first, English too) into a `ScheduleRule`; `ScheduleRule.trigger` is the APScheduler
CronTrigger the scheduler runs; `occurrences` lists the fire times that very trigger produces, so what the bot
shows a board member is what it will do. User-facing wording is not here: a `RuleError` carries a
`RuleProblem` code and the offending fragment, and the message catalogue words them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

import holidays as public_holidays
from apscheduler.triggers.cron import CronTrigger

from bot.i18n import fold_letters

LAST = -1  # the weekday ordinal for "sista" / "last"
_MAX_ORDINAL = 5  # a month has at most five of any weekday

# Hours a rule refuses (RuleError NIGHT_TIME), because the scheduler cannot keep them:
# - 02: Europe/Stockholm (like all of the EU) changes clocks at 01:00 UTC. On the last Sunday of March 02:00
#   CET jumps to 03:00 CEST, so 02:00-02:59 never happens; on the last Sunday of October 03:00 CEST falls
#   back to 02:00 CET, so 02:00-02:59 happens twice. APScheduler's cron triggers run on wall-clock time, so
#   a prompt at 02:xx would be missed or posted twice on those days.
# - 00: APScheduler 3.11's CronTrigger skips a 00:xx fire time on the first matching day after the spring
#   change. When its search steps from a day before the change to a day after it, `_increment_field_value`
#   adds the wall-clock difference as UTC time; the 23-hour day makes that land at 01:00, not 00:00, past
#   the fire time, so it goes on to the next matching day (agronholm/apscheduler#529, #606; checked with
#   3.11.3: "1 kl 0" from 20 March 2026 fires next on 1 May, not 1 April). Other hours are not affected
#   (checked for every day and weekday rule around four changes). tests/services/test_schedule_rules.py
#   pins the bug, so an APScheduler that fixes it shows up as a failing test and 00 can come back.
NIGHT_HOURS = (0, 2)

# Month shapes (length, weekday of the 1st) that exist: enough to know what every month has.
_MONTH_SHAPES = [(length, first) for length in (28, 29, 30, 31) for first in range(7)]
_CRON_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", LAST: "last"}
_CRON_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class RuleProblem(StrEnum):
    EMPTY = "empty"  # nothing typed
    NO_DAYS = "no_days"  # a time but no day ("kl 18")
    NO_TIME = "no_time"  # days but no time ("1 och 15"), or "kl" with nothing after it
    BAD_DAY = "bad_day"  # a day of the month outside 1..31 ("32")
    BAD_ORDINAL = "bad_ordinal"  # a weekday ordinal outside 1..5 ("6:e tisdagen")
    BAD_TIME = "bad_time"  # not a time of day ("25:61", "13pm", "kl sju")
    NIGHT_TIME = "night_time"  # 00:xx or 02:xx, hours the scheduler cannot keep (see NIGHT_HOURS)
    MIXED = "mixed"  # days of the month and weekdays in one rule ("1 och första tisdagen")
    NO_WEEKDAY = "no_weekday"  # a word ordinal with no weekday after it ("första kl 19")
    NO_ORDINAL = "no_ordinal"  # a weekday without which one of the month ("tisdagar kl 19")
    MANY_TIMES = "many_times"  # more than one time of day ("kl 18 och kl 19"): one rule, one time
    UNKNOWN_WORD = "unknown_word"  # a word or sign the parser does not know ("blåsdag")
    BAD_CYCLE = "bad_cycle"  # every Nth week outside 1..4 ("var femte tisdag")


class RuleError(ValueError):
    """A rule the parser cannot use: `code` says why, `detail` is the fragment at fault (may be empty)."""

    def __init__(self, code: RuleProblem, detail: str = "") -> None:
        # Both in args, so the error pickles and compares like any exception.
        super().__init__(code, detail)
        self.code = RuleProblem(code)
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.code}: {self.detail!r}" if self.detail else str(self.code)


class Holidays(StrEnum):
    """What a rule does on a Swedish public holiday (or julafton, midsommarafton, nyårsafton)."""

    SKIP = "skip"  # no prompt that day (the default: nobody wants one on juldagen)
    MOVE = "move"  # posted on the next weekday that is not a holiday instead
    KEEP = "keep"  # posted anyway ("även helgdagar")


MAX_CYCLE_WEEKS = 4  # "var fjärde torsdag"; a longer cycle is not "at least twice a month" material


@dataclass(frozen=True)
class ScheduleRule:
    """Days of the month, weekdays of the month, or weekdays every Nth week, at one local time. Checked and
    normalised on creation.

    `days_of_month` is sorted and unique, each 1..31. `weekdays` holds (ordinal, weekday) pairs, ordinal 1..5
    or LAST (-1), weekday 0=Monday..6=Sunday, unique and in month order (first before last). `week_days` are
    weekdays posted every `every_weeks` weeks (1..4), counted from the week of `anchor` (the day the rule
    was set; None until then: the week of the first post). A rule has exactly one of the three (RuleError
    MIXED, NO_DAYS); its hour is never 00 or 02 (NIGHT_TIME, see NIGHT_HOURS). `holidays` says what
    happens on a Swedish public holiday.
    """

    days_of_month: tuple[int, ...] = ()
    weekdays: tuple[tuple[int, int], ...] = ()
    hour: int = 18
    minute: int = 0
    week_days: tuple[int, ...] = ()
    every_weeks: int = 0
    anchor: date | None = None
    holidays: Holidays = Holidays.SKIP

    def __post_init__(self) -> None:
        days = tuple(sorted({_whole(day, RuleProblem.BAD_DAY) for day in self.days_of_month}))
        for day in days:
            if not 1 <= day <= 31:
                raise RuleError(RuleProblem.BAD_DAY, str(day))
        pairs = set()
        for pair in self.weekdays:
            ordinal, weekday = (_whole(value, RuleProblem.BAD_ORDINAL) for value in pair)
            if not (1 <= ordinal <= _MAX_ORDINAL or ordinal == LAST) or not 0 <= weekday <= 6:
                raise RuleError(RuleProblem.BAD_ORDINAL, f"{ordinal} {weekday}")
            pairs.add((ordinal, weekday))
        weekdays = tuple(sorted(pairs, key=_month_order))
        week_days = tuple(sorted({_whole(day, RuleProblem.BAD_DAY) for day in self.week_days}))
        if any(not 0 <= day <= 6 for day in week_days):
            raise RuleError(RuleProblem.BAD_DAY, str(week_days))
        every = _whole(self.every_weeks, RuleProblem.BAD_CYCLE)
        if week_days and not 1 <= every <= MAX_CYCLE_WEEKS:
            raise RuleError(RuleProblem.BAD_CYCLE, str(every))
        if sum(bool(kind) for kind in (days, weekdays, week_days)) > 1:
            raise RuleError(RuleProblem.MIXED)
        if not days and not weekdays and not week_days:
            raise RuleError(RuleProblem.NO_DAYS)
        hour = _whole(self.hour, RuleProblem.BAD_TIME)
        minute = _whole(self.minute, RuleProblem.BAD_TIME)
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise RuleError(RuleProblem.BAD_TIME, f"{hour}:{minute:02d}")
        if hour in NIGHT_HOURS:
            raise RuleError(RuleProblem.NIGHT_TIME, f"{hour:02d}:{minute:02d}")
        # Frozen: normalising (lists from JSON to tuples, sorting) has to go around __setattr__.
        object.__setattr__(self, "days_of_month", days)
        object.__setattr__(self, "weekdays", weekdays)
        object.__setattr__(self, "week_days", week_days)
        object.__setattr__(self, "every_weeks", every if week_days else 0)
        object.__setattr__(self, "holidays", Holidays(self.holidays))

    def cron_day(self) -> str:
        """The CronTrigger `day` expression: "1,15", "1st tue,3rd tue", "last fri"."""
        if self.days_of_month:
            return ",".join(str(day) for day in self.days_of_month)
        return ",".join(f"{_CRON_ORDINALS[o]} {_CRON_WEEKDAYS[w]}" for o, w in self.weekdays)

    def trigger(self, zone: ZoneInfo) -> CronTrigger:
        """The calendar trigger of the rule's days (every week, for a weekly rule; `occurrences` keeps every
        Nth). Always with an explicit zone: cron triggers run on wall-clock time, and without one APScheduler
        falls back to the host's zone (UTC in a container)."""
        if self.week_days:
            days = ",".join(_CRON_WEEKDAYS[day] for day in self.week_days)
            return CronTrigger(day_of_week=days, hour=self.hour, minute=self.minute, timezone=zone)
        return CronTrigger(day=self.cron_day(), hour=self.hour, minute=self.minute, timezone=zone)

    def per_month(self) -> int:
        """How many posts every month gets: the fewest any month has. Days 29-31 and 5th weekdays only come
        in some months, and a 4th and a last of the same weekday are one day in a month with four of it.
        Every Nth week: a 28-day February holds 28 // (7 N) of each cycle. Holidays are not counted."""
        if self.week_days:
            return len(self.week_days) * (28 // (7 * self.every_weeks))
        return min(len(self._days_in(length, first)) for length, first in _MONTH_SHAPES)

    def skips_some_months(self) -> bool:
        """True when some month lacks one of the rule's days: a day 29-31 or a 5th weekday."""
        return any(day > 28 for day in self.days_of_month) or any(o == _MAX_ORDINAL for o, _ in self.weekdays)

    def _days_in(self, length: int, first_weekday: int) -> set[int]:
        """The days this rule picks in a month of `length` days whose 1st is `first_weekday`."""
        days = {day for day in self.days_of_month if day <= length}
        for ordinal, weekday in self.weekdays:
            first_hit = (weekday - first_weekday) % 7 + 1
            day = first_hit + 7 * ((length - first_hit) // 7 if ordinal == LAST else ordinal - 1)
            if day <= length:
                days.add(day)
        return days

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: {"days_of_month": [1, 15], "weekdays": [[1, 1]], "hour": 18, "minute": 0,
        "week_days": [], "every_weeks": 0, "anchor": null, "holidays": "skip"}."""
        return {
            "days_of_month": list(self.days_of_month),
            "weekdays": [list(pair) for pair in self.weekdays],
            "hour": self.hour,
            "minute": self.minute,
            "week_days": list(self.week_days),
            "every_weeks": self.every_weeks,
            "anchor": self.anchor.isoformat() if self.anchor else None,
            "holidays": self.holidays.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScheduleRule:
        """The rule `to_dict` wrote. Raises ValueError (a RuleError when a value is out of range)."""
        try:
            anchor = data.get("anchor")
            return cls(
                days_of_month=tuple(data.get("days_of_month", ())),
                weekdays=tuple(tuple(pair) for pair in data.get("weekdays", ())),
                hour=data["hour"],
                minute=data["minute"],
                week_days=tuple(data.get("week_days", ())),
                every_weeks=data.get("every_weeks", 0),
                anchor=date.fromisoformat(anchor) if anchor else None,
                # Rules stored before holidays were known skip them too: nobody asked for juldagen.
                holidays=Holidays(data.get("holidays", Holidays.SKIP)),
            )
        except RuleError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ValueError(f"not a stored schedule rule: {data!r}") from error


@dataclass(frozen=True)
class NewTime:
    """Only a time, perhaps with what happens on holidays ("kl 20", "at 8pm"): a board member changing the
    hour of the channel's schedule, whose days stay as they are."""

    hour: int
    minute: int
    holidays: Holidays | None = None

    def applied_to(self, rule: ScheduleRule) -> ScheduleRule:
        """`rule` at this time; its days, weeks and (unless named) holidays unchanged."""
        return replace(rule, hour=self.hour, minute=self.minute, holidays=self.holidays or rule.holidays)


def same_weeks(rule: ScheduleRule, current: ScheduleRule | None, today: date) -> ScheduleRule:
    """A weekly rule counted from the weeks the channel posts in already, when its schedule has the same
    cycle: "varannan tisdag kl 20" after "varannan tisdag kl 19" changes the hour, not the weeks (and
    "varannan torsdag" posts in the Tuesdays' weeks). Otherwise, or for a new schedule, from today's week."""
    if not rule.week_days or rule.anchor is not None:
        return rule
    if current is not None and current.anchor is not None and current.every_weeks == rule.every_weeks:
        return replace(rule, anchor=_week_of(_first_day_on_or_after(current, current.anchor)))
    return replace(rule, anchor=today)


def _whole(value: object, problem: RuleProblem) -> int:
    # bool is an int in Python, and a stored "18" or 18.0 is a sign of corrupt data: refuse both.
    if type(value) is not int:
        raise RuleError(problem, repr(value))
    return value


def _month_order(pair: tuple[int, int]) -> tuple[int, int]:
    ordinal, weekday = pair
    return (_MAX_ORDINAL + 1 if ordinal == LAST else ordinal, weekday)


# --- parsing ---------------------------------------------------------------------------------------------

# Digits are ASCII only, so int() never sees other scripts' digits; a letter run is one word; any other
# non-space character is a token of its own.
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|\S")
_MAX_DIGITS = 6  # longer numbers are out of every range; int() of thousands of digits even raises

_ORDINAL_WORDS = {
    "forsta": 1,
    "andra": 2,
    "tredje": 3,
    "fjarde": 4,
    "femte": 5,
    "sista": LAST,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "last": LAST,
}
# Suffixes written straight after a number: 1:a 3:e (Swedish, also 1a 3e) and 1st 2nd 3rd 4th.
_ORDINAL_SUFFIXES = {"a", "e", "st", "nd", "rd", "th"}
_SWEDISH_WEEKDAYS = ("mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag")
_SWEDISH_ENDINGS = ("", "en", "ar", "arna")  # tisdag, tisdagen, tisdagar, tisdagarna
_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBREVIATIONS = {
    **{name: day for day, name in enumerate(_CRON_WEEKDAYS)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
    # Swedish calendar abbreviations (with å/ä/ö folded): mån tis ons tor/tors fre lör sön.
    "man": 0,
    "tis": 1,
    "ons": 2,
    "tor": 3,
    "tors": 3,
    "fre": 4,
    "lor": 5,
    "son": 6,
}
_WEEKDAY_WORDS = {
    **{stem + end: day for day, stem in enumerate(_SWEDISH_WEEKDAYS) for end in _SWEDISH_ENDINGS},
    **{name + end: day for day, name in enumerate(_ENGLISH_WEEKDAYS) for end in ("", "s")},
    **_WEEKDAY_ABBREVIATIONS,
}
_TIME_MARKERS = {"kl", "klockan", "at", "@"}
# Words that carry no meaning for the rule: articles, "och"/"and", "i månaden"/"of the month".
_FILLERS = {
    "och",
    "samt",
    "and",
    "den",
    "the",
    "on",
    "pa",
    "i",
    "in",
    "of",
    "per",
    "varje",
    "every",
    "each",
    "manad",
    "manaden",
    "manader",
    "month",
    "months",
    "dag",
    "dagen",
    "day",
    "days",
}
# Every Nth week: "varannan tisdag", "var tredje torsdag", "every other tuesday", "every 2nd friday",
# "varje onsdag" / "every wednesday" (a weekday with no ordinal after one of these).
_CYCLE_WORDS = {"varannan": 2, "varannat": 2}
_CYCLE_LEADS = {"var", "varje", "every", "each"}  # then an ordinal word or "other"; or a weekday straight on
# The week a cycle counts may be named before its weekday: "varannan vecka på tisdag", "every other week on".
_CYCLE_WEEK = {"vecka", "veckan", "week"}
_CYCLE_ORDINALS = {"andra": 2, "tredje": 3, "fjarde": 4, "other": 2, "second": 2, "third": 3, "fourth": 4}
# What happens on a public holiday, said anywhere in the rule next to "helgdagar" / "holidays".
_HOLIDAY_NOUNS = {"helgdag", "helgdagar", "helgdagarna", "helgdagen", "holiday", "holidays"}
_HOLIDAY_POLICIES = {
    **dict.fromkeys(("utom", "ej", "inte", "hoppa", "hoppas", "except", "not", "no", "skip"), Holidays.SKIP),
    **dict.fromkeys(("flytta", "flyttas", "move", "moved"), Holidays.MOVE),
    **dict.fromkeys(("aven", "ocksa", "inklusive", "including", "even", "also"), Holidays.KEEP),
}
_HOLIDAY_FILLERS = {"over", "till", "to", "nasta", "next", "vardag", "weekday", "vid", "pa", "on", "med"}

# Punctuation a chat message may hold anywhere. Anything else ("-", "/", "*") is refused: "1-15" is a range
# and "1/3" a date, and reading either as two days would schedule the wrong thing.
_TOLERATED = set(",;.:!?()[]\"'`´’‘“”«»&+")


@dataclass(frozen=True)
class _Token:
    text: str  # as typed (NFC)
    key: str  # case-folded, diacritics removed: what words are looked up by
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return self.text.isascii() and self.text.isdigit()

    @property
    def value(self) -> int:
        """A number's value; 10**_MAX_DIGITS stands for anything longer (out of every range anyway)."""
        return int(self.text) if len(self.text) <= _MAX_DIGITS else 10**_MAX_DIGITS


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(), fold_letters(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass
class _Ordinal:
    value: int
    start: int
    end: int
    numeric: bool  # 1:a / 1st (may still turn out a day of the month), not första / first


@dataclass
class _Parser:
    text: str
    tokens: list[_Token]
    days: list[int] = field(default_factory=list)
    weekdays: list[tuple[int, int]] = field(default_factory=list)
    weekday_fragment: str = ""
    pending: list[_Ordinal] = field(default_factory=list)  # ordinals still waiting for their weekday
    time: tuple[int, int] | None = None
    cycle: int | None = None  # every Nth week, for the weekdays that follow
    week_days: list[int] = field(default_factory=list)
    holiday_noun: bool = False
    holiday_words: list[_Token] = field(default_factory=list)  # policy and filler words around the noun
    time_only: bool = False  # a time without days is a NewTime, not a problem

    def fragment(self, start: int, end: int) -> str:
        return self.text[start:end]

    def token(self, index: int) -> _Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def adjacent(self, index: int) -> _Token | None:
        """The token at `index` if it is written straight after the one before it (no space)."""
        tok, before = self.token(index), self.token(index - 1)
        return tok if tok is not None and before is not None and tok.start == before.end else None

    def run(self) -> ScheduleRule | NewTime:
        index = 0
        while index < len(self.tokens):
            index = self.step(index)
        self.flush()
        if sum(bool(kind) for kind in (self.days, self.weekdays, self.week_days)) > 1:
            raise RuleError(RuleProblem.MIXED, self.weekday_fragment)
        no_days = not self.days and not self.weekdays and not self.week_days
        if no_days and not (self.time_only and self.time is not None):
            raise RuleError(RuleProblem.NO_DAYS)
        if self.time is None:
            raise RuleError(RuleProblem.NO_TIME)
        policy: Holidays | None = None
        for tok in self.holiday_words:
            if not self.holiday_noun:  # "flytta" alone says nothing a rule can use
                raise RuleError(RuleProblem.UNKNOWN_WORD, tok.text)
            policy = _HOLIDAY_POLICIES.get(tok.key, policy or Holidays.SKIP)
        hour, minute = self.time
        if no_days:
            return NewTime(hour, minute, policy)
        return ScheduleRule(
            tuple(self.days),
            tuple(self.weekdays),
            hour,
            minute,
            week_days=tuple(self.week_days),
            every_weeks=self.cycle or 0,
            holidays=policy or Holidays.SKIP,
        )

    def step(self, index: int) -> int:
        """Reads what starts at `index`; returns where the next thing starts."""
        tok = self.tokens[index]
        if tok.is_number:
            return self.number(index)
        if tok.key in _TIME_MARKERS:
            return self.marked_time(index)
        if tok.key in _HOLIDAY_NOUNS:
            self.holiday_noun = True
            return index + 1
        if tok.key in _HOLIDAY_POLICIES or (tok.key in _HOLIDAY_FILLERS and self.holiday_phrase(index)):
            self.holiday_words.append(tok)
            return index + 1
        cycle = self.cycle_at(index)
        if cycle is not None:
            self.cycle, end = cycle
            week = self.token(end)
            return end + 1 if week is not None and week.key in _CYCLE_WEEK else end
        if tok.key in _ORDINAL_WORDS:
            self.pending.append(_Ordinal(_ORDINAL_WORDS[tok.key], tok.start, tok.end, numeric=False))
        elif tok.key in _WEEKDAY_WORDS:
            self.weekday(tok)
        elif tok.key not in _FILLERS and tok.text not in _TOLERATED:
            raise RuleError(RuleProblem.UNKNOWN_WORD, tok.text)
        return index + 1

    def number(self, index: int) -> int:
        """A time ("18:00", "6pm"), an ordinal ("1:a", "3rd") or a plain day of the month ("15")."""
        after_time = self.time_at(index, marked=False)
        if after_time is not None:
            return after_time
        tok = self.tokens[index]
        end = None
        if (after := self.adjacent(index + 1)) is not None and after.key in _ORDINAL_SUFFIXES:
            end = index + 2  # 1a, 3e, 1st, 15th
        elif after is not None and after.text == ":":
            suffix = self.adjacent(index + 2)
            end = index + 3 if suffix is not None and suffix.key in _ORDINAL_SUFFIXES else None  # 1:a, 15:e
        if end is not None:
            self.pending.append(_Ordinal(tok.value, tok.start, self.tokens[end - 1].end, numeric=True))
            return end
        # A plain number is a day of the month: ordinals before it had no weekday.
        self.flush()
        self.day(tok.value, tok.text)
        return index + 1

    def day(self, value: int, fragment: str) -> None:
        if not 1 <= value <= 31:
            raise RuleError(RuleProblem.BAD_DAY, fragment)
        self.days.append(value)

    def holiday_phrase(self, index: int) -> bool:
        """Whether a word such as "till" or "vardag" belongs to a phrase about holidays."""
        near = (self.token(i) for i in range(index - 3, index + 4) if i != index)
        return any(t is not None and (t.key in _HOLIDAY_NOUNS or t.key in _HOLIDAY_POLICIES) for t in near)

    def cycle_at(self, index: int) -> tuple[int, int] | None:
        """ "varannan", "var tredje", "every other", "every 2nd", "varje" before a weekday: (N, end)."""
        tok, following = self.tokens[index], self.token(index + 1)
        if tok.key in _CYCLE_WORDS:
            return _CYCLE_WORDS[tok.key], index + 1
        if tok.key not in _CYCLE_LEADS or following is None:
            return None
        if following.key in _CYCLE_ORDINALS:
            return _CYCLE_ORDINALS[following.key], index + 2
        weekday_after = (day := self.token(index + 3)) is not None and day.key in _WEEKDAY_WORDS
        if following.is_number and weekday_after and (suffix := self.adjacent(index + 2)) is not None:
            if suffix.key in _ORDINAL_SUFFIXES:  # "every 2nd tuesday"
                if not 1 <= following.value <= MAX_CYCLE_WEEKS:
                    raise RuleError(RuleProblem.BAD_CYCLE, f"{tok.text} {following.text}{suffix.text}")
                return following.value, index + 3
        if following.key in _WEEKDAY_WORDS:
            return 1, index + 1
        if following.key in ("femte", "fifth", "sjatte", "sixth"):
            raise RuleError(RuleProblem.BAD_CYCLE, f"{tok.text} {following.text}")
        return None

    def weekday(self, tok: _Token) -> None:
        if not self.pending and self.cycle is not None:
            self.week_days.append(_WEEKDAY_WORDS[tok.key])
            if not self.weekday_fragment:
                self.weekday_fragment = tok.text
            return
        if not self.pending:
            raise RuleError(RuleProblem.NO_ORDINAL, tok.text)
        for ordinal in self.pending:
            if not (1 <= ordinal.value <= _MAX_ORDINAL or ordinal.value == LAST):
                raise RuleError(
                    RuleProblem.BAD_ORDINAL, f"{self.fragment(ordinal.start, ordinal.end)} {tok.text}"
                )
            self.weekdays.append((ordinal.value, _WEEKDAY_WORDS[tok.key]))
        if not self.weekday_fragment:
            self.weekday_fragment = self.fragment(self.pending[0].start, tok.end)
        self.pending.clear()

    def flush(self) -> None:
        """Ordinals no weekday claimed: 1:a / 1st are days of the month, första / first need a weekday."""
        for ordinal in self.pending:
            fragment = self.fragment(ordinal.start, ordinal.end)
            if not ordinal.numeric:
                raise RuleError(RuleProblem.NO_WEEKDAY, fragment)
            self.day(ordinal.value, fragment)
        self.pending.clear()

    def marked_time(self, index: int) -> int:
        """ "kl 18", "kl. 18.00", "klockan 7", "at 6:30 pm": the marker, then a time that must be there."""
        marker = self.tokens[index]
        index += 1
        while (tok := self.token(index)) is not None and tok.text in (".", ":"):
            index += 1
        tok = self.token(index)
        if tok is None:
            raise RuleError(RuleProblem.NO_TIME, marker.text)
        if not tok.is_number:
            raise RuleError(RuleProblem.BAD_TIME, tok.text)
        end = self.time_at(index, marked=True)
        assert end is not None  # a marked time is always read (or refused)
        return end

    def time_at(self, index: int, *, marked: bool) -> int | None:
        """Reads a time at the number at `index`: returns where it ends, or None when there is none.

        After a marker a bare hour is a time; without one only "18:00" / "18.00" / "6pm" / "6 pm" are, since
        a bare number is a day of the month.
        """
        hour_tok = self.tokens[index]
        end, minute_tok, second_tok = index + 1, self.part_after(index, (":", ".")), None
        if minute_tok is not None:
            end = index + 3
            # "18:00:00" as clocks show it: seconds are tolerated when they are zero.
            second_tok = self.part_after(end - 1, (":",))
            if second_tok is not None:
                end += 2
        half = self.meridiem(end)
        if half is not None:
            pm, end = half
        if not marked and minute_tok is None and half is None:
            return None
        fragment = self.fragment(hour_tok.start, self.tokens[end - 1].end)
        hour, minute = hour_tok.value, minute_tok.value if minute_tok is not None else 0
        if len(hour_tok.text) > 2 or any(
            part is not None and len(part.text) != 2 for part in (minute_tok, second_tok)
        ):
            raise RuleError(RuleProblem.BAD_TIME, fragment)
        if second_tok is not None and second_tok.value != 0:
            raise RuleError(RuleProblem.BAD_TIME, fragment)
        if half is not None:
            if not 1 <= hour <= 12:
                raise RuleError(RuleProblem.BAD_TIME, fragment)
            hour = hour % 12 + (12 if pm else 0)
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise RuleError(RuleProblem.BAD_TIME, fragment)
        if hour in NIGHT_HOURS:
            raise RuleError(RuleProblem.NIGHT_TIME, fragment)
        if self.time is not None:
            raise RuleError(RuleProblem.MANY_TIMES, fragment)
        self.time = (hour, minute)
        return end

    def part_after(self, index: int, separators: tuple[str, ...]) -> _Token | None:
        """The number written straight after the token at `index` and a separator ("18:30"), else None."""
        separator, digits = self.adjacent(index + 1), self.adjacent(index + 2)
        if separator is not None and separator.text in separators and digits is not None and digits.is_number:
            return digits
        return None

    def meridiem(self, index: int) -> tuple[bool, int] | None:
        """ "am"/"pm" (or "a.m."/"p.m.") at `index`: (is pm, where it ends), else None."""
        tok = self.token(index)
        if tok is None:
            return None
        if tok.key in ("am", "pm"):
            return tok.key == "pm", index + 1
        dot, m = self.adjacent(index + 1), self.adjacent(index + 2)
        if tok.key in ("a", "p") and dot is not None and dot.text == "." and m is not None and m.key == "m":
            end = index + 3
            closing = self.adjacent(end)
            return tok.key == "p", end + 1 if closing is not None and closing.text == "." else end
        return None


def parse_rule(text: str) -> ScheduleRule:
    """The rule a board member typed: "1 och 15 kl 18", "första och tredje tisdagen kl 19.30",
    "sista fredagen i månaden kl 12", "1st and 15th at 6pm", "last friday at 12:00".

    Case, å/ä/ö (also typed as a/a/o), extra spaces and ordinary punctuation do not matter. A rule has days
    of the month (1..31, as "15", "15:e" or "15th") or ordinal weekdays ("första", "1:a", "2nd", "sista",
    "last" before a weekday name), not both, and exactly one time ("kl"/"klockan"/"at" then an hour, or
    "18:00", "18.00", "6pm" anywhere), outside the NIGHT_HOURS. Raises RuleError, never anything else.
    """
    rule = _parse(text, time_only=False)
    assert isinstance(rule, ScheduleRule)
    return rule


def parse_change(text: str) -> ScheduleRule | NewTime:
    """A rule as `parse_rule` reads it, or only a new time for the channel's schedule ("kl 20", "at 8pm")."""
    return _parse(text, time_only=True)


def _parse(text: str, *, time_only: bool) -> ScheduleRule | NewTime:
    text = unicodedata.normalize("NFC", text)
    tokens = _tokens(text)
    if not any(tok.text not in _TOLERATED for tok in tokens):
        raise RuleError(RuleProblem.EMPTY)
    return _Parser(text, tokens, time_only=time_only).run()


# --- fire times ------------------------------------------------------------------------------------------


def occurrences(
    rule: ScheduleRule,
    zone: ZoneInfo,
    *,
    after: datetime,
    until: datetime | None = None,
    limit: int = 100,
) -> list[datetime]:
    """The rule's fire times strictly after `after`, up to `until` (inclusive) and at most `limit`, in UTC.

    The days come from the rule's CronTrigger, called the way APScheduler 3 calls it
    (`get_next_fire_time(previous_fire_time, now)`); a weekly rule keeps every `every_weeks`th week from its
    anchor, and Swedish public holidays are skipped, moved to the next weekday or kept as the rule says.
    `after` and `until` must be timezone-aware.
    """
    if after.tzinfo is None or (until is not None and until.tzinfo is None):
        raise ValueError("occurrences needs timezone-aware datetimes")
    trigger = rule.trigger(zone)
    times: list[datetime] = []
    fire: datetime | None = trigger.get_next_fire_time(None, after)
    # The trigger returns `after` itself when that is a fire time; callers pass the last post (or now) and
    # want what comes next, so `after` is left out.
    while fire is not None and fire <= after:
        fire = trigger.get_next_fire_time(fire, fire)
    first_week = _week_of(_first_day_on_or_after(rule, rule.anchor)) if rule.anchor else None
    while fire is not None and len(times) < limit and (until is None or fire <= until):
        day = fire.astimezone(zone).date()
        first_week = first_week or _week_of(day)
        if ((_week_of(day) - first_week).days // 7) % max(rule.every_weeks, 1) == 0:  # not an off week
            when = _on_a_working_day(rule, day, zone)
            if when is not None and when > after and (until is None or when <= until) and when not in times:
                times.append(when)
        following = trigger.get_next_fire_time(fire, fire)
        if following is not None and following <= fire:  # never seen; would otherwise loop forever
            raise RuntimeError(f"trigger {trigger} went back from {fire} to {following}")
        fire = following
    return sorted(times)[:limit]


def is_holiday(day: date) -> bool:
    """A Swedish public holiday, or julafton, midsommarafton or nyårsafton (the `holidays` library)."""
    return day in _swedish_holidays(day.year)


def holidays_skipped(rule: ScheduleRule, zone: ZoneInfo, *, after: datetime, until: datetime) -> list[date]:
    """The days the rule would post on but does not, being holidays (a rule that skips them)."""
    if rule.holidays is not Holidays.SKIP:
        return []
    every = occurrences(replace(rule, holidays=Holidays.KEEP), zone, after=after, until=until)
    return [day for day in (instant.astimezone(zone).date() for instant in every) if is_holiday(day)]


def holiday_name(day: date, language: str) -> str:
    """The holiday's name as a sentence has it: "julafton", "Kristi himmelfärdsdag", "Christmas Eve"."""
    name = str(_swedish_holidays(day.year, "sv" if language == "sv" else "en_US").get(day, ""))
    if language == "sv" and not name.startswith("Kristi"):  # Swedish writes its days in lower case
        return name[:1].lower() + name[1:]
    return name


@functools.cache
def _swedish_holidays(year: int, language: str = "sv") -> public_holidays.HolidayBase:
    return public_holidays.country_holidays(
        "SE", years=year, categories=("public", "de_facto"), language=language
    )


def _week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _first_day_on_or_after(rule: ScheduleRule, day: date) -> date:
    """A weekly rule counts its weeks from its first day on or after the day it was set."""
    while rule.week_days and day.weekday() not in rule.week_days:
        day += timedelta(days=1)
    return day


def _on_a_working_day(rule: ScheduleRule, day: date, zone: ZoneInfo) -> datetime | None:
    """The fire time for `day` as the rule treats holidays: None to skip it, or the same local time on the
    day it is posted (the next weekday that is no holiday, when the rule moves them)."""
    if is_holiday(day):
        if rule.holidays is Holidays.SKIP:
            return None
        if rule.holidays is Holidays.MOVE:
            day += timedelta(days=1)
            while day.weekday() >= 5 or is_holiday(day):
                day += timedelta(days=1)
    local = datetime(day.year, day.month, day.day, rule.hour, rule.minute, tzinfo=zone)
    return local.astimezone(UTC)
