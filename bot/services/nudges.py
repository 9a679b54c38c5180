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
en vecka (tomorrow, Monday, next week, in 2 weeks, for a week), a month ("januari": its first day; "i
december": the day after it) and the day after a holiday ("efter nyår" 2 January, "efter trettondagen" 7
January, "efter jul" 27 December, "efter påsk"). All of it is read by bot/services/dates.py (`read_ahead`),
the one reader of dates; only the words around the day ("mig inte före") are this command's.
A day without a year is the next such day ("15/1" written in December is next January, as a pause reads
it); a day written with a year that has passed is refused, and so is one more than a year ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.i18n import fold
from bot.services.dates import read_ahead
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
    day = read_ahead(words, today)
    if day is None:
        raise SnoozeError(SnoozeProblem.NO_DATE)
    if day <= today:
        raise SnoozeError(SnoozeProblem.PAST, day)
    if day - today > MAX_AHEAD:
        raise SnoozeError(SnoozeProblem.TOO_FAR, day)
    return day
