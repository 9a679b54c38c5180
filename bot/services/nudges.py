"""Nudges people don't mute: snoozing reminders, and the board's choice to escalate. Framework-free.

`påminn mig inte före 15/8` / `snooze until Aug 15`:
What a member means: "leave me alone until then", and, as a snooze does, "then remind me again". Until that
day (the district's local date) no reminder goes to them: neither the quarter's reminder to report nor the
reminder of their turn to write a prompt. A reminder held back is sent on a later day of its window, if the
window is still open then; otherwise it is not sent at all. Snoozing the quarter's reminder to report after
it came (`påminn mig om en vecka`, answering it) takes it back: on that day, still in the quarter, it comes
again with what is still not reported.
The day itself is written as people write it: 15/8, 15/8 2027, 2027-08-15, 15 augusti, Aug 15, named days
and weeks ("jul", "Lucia", "v. 50"), the middle or start of a month ("mitten av december", "mid-December":
the 15th; "början av januari": the 1st; the end of one names no day and is asked about), and days
counted from today as reports count back from it: i morgon, i övermorgon, måndag, nästa vecka, om 2 veckor,
en vecka (tomorrow, Monday, next week, in 2 weeks, for a week). A day without a year is the next such day
("15/1" written in December is next January, as a pause reads it); a day written with a year that has
passed is refused, and so is one more than a year ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.i18n import NUMBER_WORDS, fold
from bot.services.dates import MONTH_NUMBERS, WEEKDAY_NUMBERS, next_day, read_ahead
from bot.services.people import PersonInfo
from bot.services.report_gaps import REMINDER_KIND, Quarter

if TYPE_CHECKING:
    from bot.db.checkins import CheckInRepository
    from bot.db.people import PeopleRepository

MAX_AHEAD = timedelta(days=366)
# `eskalera på` / `escalate on`: a branch not reported this long after its chair's reminder is named to the
# board, instead of the chair being reminded again (schedules/reporting.py).
ESCALATE_AFTER_DAYS = 7
# Words around the date that say nothing more: "mig inte före", "me until", "till den".
_FILLER = frozenset(
    {"mig", "me", "inte", "not", "fore", "forran", "till", "tills", "until", "before", "den", "the", "pa"}
)
_OFF = frozenset({"igen", "again", "off", "av", "nu", "now"})
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SHORT = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")
_NUMBER = re.compile(r"\d{1,2}")
_YEAR = re.compile(r"\d{4}")
# Days counted forward from today, folded: "i morgon" is tomorrow.
_AHEAD = {"i morgon": 1, "imorgon": 1, "tomorrow": 1, "i overmorgon": 2, "overmorgon": 2}
_NEXT_WEEK = frozenset({"nasta vecka", "next week"})
# "om 2 veckor", "in 2 weeks", and as long a snooze: "en vecka", "for a week", "1 week".
# "om 2 veckor", "for two weeks", "på tre dagar" (folded; "på" is filler)
_COUNTS = NUMBER_WORDS | {"en": 1, "a": 1}
_IN = re.compile(
    r"(?:(?:om|in|for|i) )?(\d{1,3}|" + "|".join(_COUNTS) + r") (dag|dagar|vecka|veckor|day|days|week|weeks)"
)
# "i december", "in December", "under december": no reminders that month, so none before the next one's first
_DURING = frozenset({"i", "in", "under", "during", "hela", "all", "over"})


class SnoozeProblem(StrEnum):
    NO_DATE = "no_date"  # nothing that reads as a day
    PAST = "past"  # the day has passed (or is today)
    TOO_FAR = "too_far"  # more than a year ahead


class SnoozeError(ValueError):
    def __init__(self, problem: SnoozeProblem, day: date | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.day = day


@dataclass(frozen=True)
class Snooze:
    """What `påminn` showed or did: no reminders to the sender before `until` (None: as usual); `changed`
    when it was set or lifted now; `problem` when the day could not be read (nothing changed); `again` when
    the quarter's reminder to report, already sent, comes again from `until`."""

    until: date | None = None
    changed: bool = False
    problem: SnoozeError | None = None
    again: bool = False


def snooze(
    people: PeopleRepository,
    checkins: CheckInRepository,
    person: PersonInfo,
    wish: str,
    *,
    today: date,
    now: datetime,
) -> Snooze:
    """`påminn` with what was written after it: nothing (or "mig") shows the snooze, "igen" / "off" lifts it,
    a day sets it."""
    if not wish or wish.strip().lower() in ("mig", "me"):
        until = people.quiet_until(person)
        return Snooze(until if until is not None and until > today else None)
    if wants_reminders_again(wish):
        people.set_quiet(person, None, now=now)
        return Snooze(changed=True)
    try:
        until = parse_until(wish, today)
    except SnoozeError as error:
        return Snooze(problem=error)
    people.set_quiet(person, until, now=now)  # before the reminder is taken back: no run sends it sooner
    quarter = Quarter.of(today)
    person_id = people.find_id(person)
    again = (
        until <= quarter.ends
        and person_id is not None
        and checkins.unmark_reminded(REMINDER_KIND, quarter.key, person_id) > 0
    )
    return Snooze(until, changed=True, again=again)


def escalation(checkins: CheckInRepository, district: str, on: bool | None, *, now: datetime) -> int | None:
    """`eskalera på` (`on`), `av` (not `on`) or, `on` None, as it is: the days after a chair's reminder when
    a branch not reported is named to the board (None: off, chairs are reminded as usual)."""
    if on is None:
        return checkins.escalation(district)
    days = ESCALATE_AFTER_DAYS if on else None
    checkins.set_escalation(district, days, now=now)
    return days


def wants_reminders_again(text: str) -> bool:
    """`påminn mig igen` / `snooze off`: reminders as usual from now."""
    words = [fold(word) for word in text.split()]
    return bool(words) and words[-1] in _OFF and all(w in _FILLER or w in _OFF for w in words)


def parse_until(text: str, today: date) -> date:
    """The day reminders may come again (no reminder before it), or SnoozeError."""
    words = [word for word in text.replace(",", " ").split() if fold(word) not in _FILLER]
    day = _read_day(words, today)
    if day is None:
        raise SnoozeError(SnoozeProblem.NO_DATE)
    if day <= today:
        raise SnoozeError(SnoozeProblem.PAST, day)
    if day - today > MAX_AHEAD:
        raise SnoozeError(SnoozeProblem.TOO_FAR, day)
    return day


def _ahead(words: list[str], today: date) -> date | None:
    """A day counted forward from today ("i morgon", "måndag", "nästa vecka", "om 2 veckor")."""
    phrase = " ".join(fold(word).rstrip(".") for word in words)
    if phrase in _AHEAD:
        return today + timedelta(days=_AHEAD[phrase])
    if phrase in WEEKDAY_NUMBERS:  # the coming one: "måndag" said on a Monday is a week ahead
        return today + timedelta(days=(WEEKDAY_NUMBERS[phrase] - today.weekday() - 1) % 7 + 1)
    if phrase in _NEXT_WEEK:  # its Monday
        return today + timedelta(days=7 - today.weekday())
    if counted := _IN.fullmatch(phrase):
        count = int(counted[1]) if counted[1].isdigit() else _COUNTS[counted[1]]
        return today + timedelta(days=count * (1 if counted[2].startswith(("dag", "day")) else 7))
    return None


def _on(day: int, month: int, year: str | None, today: date) -> date:
    """That day of the year written, or without one the next such day (bot/services/dates.py)."""
    return date(int(year), month, day) if year else next_day(day, month, today)


def _month(words: list[str], today: date) -> date | None:
    """ "januari" (after "före", "till"): that month's first day, the next one; "i december": the first day
    after the month, this one or the next such."""
    folded = [fold(word).rstrip(".") for word in words]
    during = len(folded) == 2 and folded[0] in _DURING
    if not folded or folded[-1] not in MONTH_NUMBERS or len(folded) > (2 if during else 1):
        return None
    month = MONTH_NUMBERS[folded[-1]]
    if not during:
        return next_day(1, month, today)
    year = today.year if month >= today.month else today.year + 1
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def _read_day(words: list[str], today: date) -> date | None:
    if (ahead := _ahead(words, today)) is not None:
        return ahead
    if (named := read_ahead(words, today)) is not None:  # "jul" (Christmas, not July), "v. 50", "15.12"
        return named
    if (month := _month(words, today)) is not None:
        return month
    try:
        if len(words) == 1 and (iso := _ISO.fullmatch(words[0])):
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if words and (short := _SHORT.fullmatch(words[0])):
            year = short[3] or (words[1] if len(words) == 2 and _YEAR.fullmatch(words[1]) else None)
            if len(words) > (2 if year and not short[3] else 1):
                return None
            return _on(int(short[1]), int(short[2]), year, today)
        if len(words) in (2, 3):
            first, second = fold(words[0]).rstrip("."), fold(words[1]).rstrip(".")
            year = words[2] if len(words) == 3 and _YEAR.fullmatch(words[2]) else None
            if len(words) == 3 and year is None:
                return None
            if _NUMBER.fullmatch(first) and second in MONTH_NUMBERS:  # 15 augusti
                return _on(int(first), MONTH_NUMBERS[second], year, today)
            if first in MONTH_NUMBERS and _NUMBER.fullmatch(second):  # Aug 15
                return _on(int(second), MONTH_NUMBERS[first], year, today)
    except ValueError:
        return None
    return None
