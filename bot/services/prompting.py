"""Scheduled discussion prompts as the board sees them: schedules, rota slots, texts. Framework-free."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from bot.services import dates
from bot.services.schedule_rules import ScheduleRule

# How far ahead slots are laid out (and shared out in the rota), so owners know their turn in good time.
HORIZON = timedelta(days=62)
# A prompt's text may be this long; Teams' own limit per message is far higher, readers' patience is not.
MAX_PROMPT_LENGTH = 2000


class SlotStatus(StrEnum):
    PLANNED = "planned"  # will be posted at its time
    SKIPPED = "skipped"  # a board member skipped it
    PAUSED = "paused"  # falls in a pause (summer, a campaign)
    POSTING = "posting"  # claimed by a process that is sending it now
    POSTED = "posted"  # in the channel; the post record has the Teams message id
    MISSED = "missed"  # the bot was down past the grace period: skipped, the board was told
    UNCERTAIN = "uncertain"  # a crash between claim and confirmation: may be missing, never sent twice
    FAILED = "failed"  # Teams refused it, or there was nothing to post
    CANCELLED = "cancelled"  # its day left the schedule with nothing written (kept: numbers are never reused)


class Outcome(StrEnum):
    """How an attempt to post a slot ended."""

    POSTED = "posted"
    NOT_PLANNED = "not_planned"  # skipped, paused, already posted, or taken by another process
    MISSED = "missed"  # past the grace period
    NOTHING_TO_POST = "nothing_to_post"  # no text and an empty bank
    GONE = "gone"  # the bot is no longer in the channel
    FAILED = "failed"  # Teams would not take it
    NOT_NOW = "not_now"  # "post now" that Teams would not take: still planned for its time
    UNCERTAIN = "uncertain"  # the connection was lost after sending: may be in the channel, never re-sent


@dataclass(frozen=True)
class Schedule:
    id: int
    district: str
    conversation_id: str  # the channel's Teams conversation id
    channel_reference: dict[str, Any]
    rule: ScheduleRule
    rule_text: str
    timezone: str
    reminder_days: int
    approval_required: bool
    general: bool = False  # the team's General channel (its id is the team's): the one channel with a name

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class PromptSlot:
    """One time a prompt is due, with its owner in the rota and the text they wrote."""

    id: int
    schedule_id: int
    due_at: datetime
    status: SlotStatus
    owner_id: int | None = None
    owner_name: str | None = None
    text: str | None = None
    text_by: int | None = None
    writer_name: str | None = None  # who wrote the text (the owner, or a board member for them)
    approved_by: int | None = None
    by_hand: bool = False  # given or swapped by the board (ge/byt): stays with its owner (see _share_out)
    given_by: int | None = None  # who gave it away by hand: a later deal does not hand it back to them
    reminded: bool = False  # its owner was reminded to write it
    told: bool = False  # its owner was told it is now theirs (dealt anew)

    def ready(self, approval_required: bool) -> bool:
        """Whether the owner's text will be posted: written, and approved where the schedule asks that."""
        return bool(self.text) and (self.approved_by is not None or not approval_required)


@dataclass(frozen=True)
class Pause:
    starts_on: date
    ends_on: date

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def covers_all(self, other: Pause) -> bool:
        return self.covers(other.starts_on) and self.covers(other.ends_on)


class PauseProblem(StrEnum):
    NOT_TWO_DATES = "not_two_dates"  # no period ("i helgerna", "snart")
    NOT_A_DATE = "not_a_date"  # looks like a date, is none ("31/2", "2027-13-01")
    PAST = "past"  # the pause would start before today
    BACKWARDS = "backwards"  # ends before it starts
    TOO_LONG = "too_long"  # longer than a year: stopping the schedule is what that means
    HOLIDAYS_FAR = "holidays_far"  # holidays named out of season ("efter helgerna" in May): which?
    AFTER_FAR = "after_far"  # "till efter nyår" in May: most of a year, meant?


class PauseError(ValueError):
    """`holidays` with HOLIDAYS_FAR: the next such holidays (their first and last day) and whether they are
    the summer's, for the answer's example."""

    def __init__(
        self, code: PauseProblem, detail: str = "", holidays: tuple[bool, Pause] | None = None
    ) -> None:
        super().__init__(code, detail)
        self.code = PauseProblem(code)
        self.detail = detail
        self.holidays = holidays


MAX_PAUSE = timedelta(days=366)


def pause_period(text: str, today: date) -> Pause:
    """The pause a board member means by a period ("15/6 15/8", "v. 28-32", "juli-augusti", "i sommar",
    "över julen"), read ahead by the one date reader (`dates.read_period_ahead`), both ends included. A
    month, season or weeks named while under way is paused from today; a day written out that has passed
    is refused, not quietly shortened; so is a period that is no period, ends before it starts or is longer
    than a year. Holidays named without a day when none are close ahead ("till efter helgerna" in May) are
    asked about (HOLIDAYS_FAR), naming the next such holidays' days; so is a pause "till efter" a named day
    months away ("till efter nyår" in May, AFTER_FAR), naming the days it would be."""
    try:
        span = dates.read_period_ahead(text.split(), today)
    except dates.DateError as error:
        raise PauseError(PauseProblem.NOT_A_DATE, error.text or text.strip()) from None
    if span is None and (named := dates.holidays_named(text.split(), today)) is not None:
        summer, holidays = named  # "efter helgerna" in May: Christmas is far off, Easter or Ascension meant?
        pause = Pause(holidays.first, holidays.last)
        raise PauseError(PauseProblem.HOLIDAYS_FAR, text.strip(), (summer, pause))
    if span is None and (far := dates.far_after(text.split(), today)) is not None:
        raise PauseError(PauseProblem.AFTER_FAR, text.strip(), (False, Pause(far.first, far.last)))
    if span is None:
        raise PauseError(PauseProblem.NOT_TWO_DATES)
    if span.last < span.first:
        raise PauseError(PauseProblem.BACKWARDS)
    if span.first < today:
        raise PauseError(PauseProblem.PAST, span.first.isoformat())
    if span.last - span.first > MAX_PAUSE:
        raise PauseError(PauseProblem.TOO_LONG)
    return Pause(span.first, span.last)


def not_snoozed(people: set[int], quiet: dict[int, date], today: date) -> set[int]:
    """Those of `people` reminders may go to today: not snoozed (`quiet`: who snoozed until which day)."""
    return {person for person in people if quiet.get(person, today) <= today}


def next_owners(board: Sequence[int], last_owner: int | None, count: int) -> list[int]:
    """The next `count` owners in the rota: board members in turn, continuing after `last_owner`."""
    if not board or count <= 0:
        return []
    members = list(board)
    start = (members.index(last_owner) + 1) % len(members) if last_owner in members else 0
    return [members[(start + i) % len(members)] for i in range(count)]


def deal_turns(
    board: Sequence[int],
    last_owner: int | None,
    held: Sequence[int | None],
    gave: Sequence[int | None] = (),
) -> list[int | None]:
    """The owners of a district's coming turns, in the order they are due. `held[i]` is whoever keeps turn
    i (a text is written for it, it is posted already, or the rota stands as it is), None for a turn to
    deal. The board means: turns go round the board in order, continuing after `last_owner` (whose turn
    came last), so a new or changed schedule neither restarts the rota nor skips anyone, and nobody has a
    second turn before everyone had one. A held turn counts as its owner's; whoever holds one within the
    round is not dealt another before it (if all do, whoever holds theirs latest). `gave[i]`: who gave
    turn i away; it is not dealt back to them (they could not take that day) while anyone else can have
    it: it goes to the next in the rota. Without a board, nobody's."""
    if not board:
        return list(held)
    queue = next_owners(board, last_owner, len(board))  # who is due, longest waiting first
    owners: list[int | None] = []
    for index, owner in enumerate(held):
        if owner is None:
            ahead = held[index + 1 : index + len(queue)]
            before = owners[-1] if owners else last_owner  # not whoever had the turn before
            giver = gave[index] if index < len(gave) else None
            candidates = [m for m in queue if m not in (before, giver)] or [m for m in queue if m != giver]
            candidates = candidates or queue
            owner = max(
                candidates,
                key=lambda m: (ahead.index(m) if m in ahead else len(queue), -candidates.index(m)),
            )
        if owner in queue:
            queue.remove(owner)
            queue.append(owner)
        owners.append(owner)
    return owners


def local_day(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


@dataclass(frozen=True)
class ScheduleChange:
    """What a new rule does to a channel's coming slots. A slot keeps its number, owner and text: it stays
    on its day at the new time, or, written, moves to the nearest free day; nothing written is dropped."""

    kept: dict[int, datetime]  # slot -> its new time on the same day
    moved: dict[int, datetime]  # a written slot whose day is gone -> the nearest free day's time
    parked: tuple[int, ...]  # written, and no free day within the horizon: kept, not posted
    dropped: tuple[int, ...]  # nothing written and its day is gone

    @property
    def touches_texts(self) -> bool:
        return bool(self.moved or self.parked)


def plan_change(
    slots: Sequence[PromptSlot],
    instants: Sequence[datetime],
    zone: ZoneInfo,
    pauses: Sequence[Pause] = (),
) -> ScheduleChange:
    """Fit the coming `slots` of a schedule onto the `instants` of its new rule (see ScheduleChange). A
    skipped slot keeps its day, still skipped, so that no other prompt is posted on a day the board skipped;
    one whose day is gone stays as it was. A written text moves only to a day outside the schedule's
    `pauses`: moved into one, it would silently not be posted."""
    free = {local_day(instant, zone): instant for instant in sorted(instants, reverse=True)}
    kept: dict[int, datetime] = {}
    homeless: list[PromptSlot] = []
    for slot in sorted(slots, key=lambda s: (s.due_at, s.id)):
        day = local_day(slot.due_at, zone)
        if day in free:
            kept[slot.id] = free.pop(day)
        elif slot.status is not SlotStatus.SKIPPED:
            homeless.append(slot)
    moved: dict[int, datetime] = {}
    parked: list[int] = []
    dropped: list[int] = []
    for slot in homeless:
        open_days = [d for d in free if not any(p.covers(d) for p in pauses)]
        if not slot.text:
            dropped.append(slot.id)
        elif not open_days:
            parked.append(slot.id)
        else:
            day = local_day(slot.due_at, zone)
            nearest = min(open_days, key=lambda d: (abs((d - day).days), d < day))  # a tie goes forward
            moved[slot.id] = free.pop(nearest)
    return ScheduleChange(kept, moved, tuple(parked), tuple(dropped))


@dataclass(frozen=True)
class Setup:
    """A channel's schedule as set up (or, not applied, as it stands), and its coming slots."""

    schedule: Schedule
    upcoming: list[PromptSlot]
    change: ScheduleChange | None = None  # what happened to the channel's coming slots (or would)
    written: tuple[PromptSlot, ...] = ()  # the written slots the change moves or sets aside
    applied: bool = True  # False: written texts would move, and the board has not said yes
    pauses: tuple[Pause, ...] = ()  # the schedule's pauses (a summer break is offered where there is none)
    actor: int | None = None  # who changed it: not told of the texts set aside, but shown their own
    dealt: tuple[tuple[PromptSlot, str], ...] = ()  # coming turns now someone else's: each slot, whose it was
    holidays: tuple[date, ...] = ()  # days the rule skips, being holidays, as far as the upcoming list goes
    # Months of the year ahead that the rule's skipped holidays leave with fewer than the plan's two
    few: tuple[tuple[date, int], ...] = ()  # (the month's first day, how many)
    coming_total: int = 0  # the schedule's slots laid out ahead, of which `upcoming` are the first


@dataclass(frozen=True)
class Dealt:
    """What a board member leaving changed: the slots handed over from people no longer on the board (as
    they are now), the texts of writers no longer on the board taken off their slots (as they were), and
    the other coming turns dealt anew so that the rota stays even (each slot, whose it was)."""

    handed: tuple[PromptSlot, ...] = ()
    returned: tuple[PromptSlot, ...] = ()
    moved: tuple[tuple[PromptSlot, str], ...] = ()


@dataclass(frozen=True)
class SetAside:
    """What skipping a slot, stopping a schedule or pausing it does to texts already written: the written
    slots it sets aside (kept, not posted), and whether it was done (False: asked first)."""

    schedule: Schedule
    written: tuple[PromptSlot, ...]
    applied: bool
    changed: int = 0  # how many slots it set aside in all, written or not
    pause: Pause | None = None  # a pause: the one now in force (joined with those it overlapped)
    joined: bool = False
    actor: int | None = None  # who did it: not told (they know), but shown their own texts
    dealt: tuple[tuple[PromptSlot, str], ...] = ()  # coming turns now someone else's: each slot, whose it was
    # A pause: the months it touches where the channel gets fewer prompts than the plan's two a month
    few: tuple[tuple[date, int], ...] = ()  # (the month's first day, how many)
    already: bool = False  # a pause the channel's pauses already cover: nothing changed
