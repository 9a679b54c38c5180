"""The board's desk for scheduled discussion prompts: what the chat commands call, one method per command.

Lays out slots from a schedule's rule, shares them out in the rota, and keeps the scheduler in step after
every change. Every method is plain code that a turn runs off the event loop in one call (issue 16): it
reads and writes through the repositories and returns what the command shows; one that only reads does
it in one snapshot (one moment of the database). Knows nothing of Teams; SQL stays in bot.db.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.cards import Notice, Reply
from bot.cards import prompts as cards
from bot.db.people import PeopleRepository
from bot.db.prompts import PostRecord, PromptRepository
from bot.i18n import NEXT_PROMPT, OWN_TEXT, OWN_TURN, Translator, fold, without_genitive
from bot.services.clock import Clock
from bot.services.people import PersonInfo, Role, named_in
from bot.services.prompt_bank import Area, BankPrompt, Record, choose_prompt, load_seed_bank
from bot.services.prompting import (
    HORIZON,
    MAX_PROMPT_LENGTH,
    Dealt,
    Outcome,
    Pause,
    PauseError,
    PromptSlot,
    Schedule,
    ScheduleChange,
    SetAside,
    Setup,
    SlotStatus,
    deal_turns,
    local_day,
    not_snoozed,
    pause_period,
    plan_change,
)
from bot.services.schedule_rules import NewTime, ScheduleRule, holidays_skipped, occurrences, same_weeks

if TYPE_CHECKING:
    from bot.services.engagement import EngagementCounter

_SLOT = re.compile(r"^#?(\d{1,9})[.!?,;:]*$")  # "hoppa 2!", "visa 2?": a sentence's stop is no part of it
# The slots a command may change (its owner, text, approval; skip it, post it), and those it may show.
OPEN = frozenset({SlotStatus.PLANNED})
SHOWN = frozenset({SlotStatus.PLANNED, SlotStatus.PAUSED, SlotStatus.SKIPPED})
# Slots that are nobody's turn: cancelled, or paused (a turn again if the pause is lifted).
_NO_TURN = frozenset({SlotStatus.CANCELLED, SlotStatus.PAUSED})
# A slot that went out, or may have: its turn was taken.
_WENT_OUT = frozenset({SlotStatus.POSTED, SlotStatus.POSTING, SlotStatus.UNCERTAIN})


@dataclass(frozen=True)
class Coming:
    slots: list[PromptSlot]
    schedules: dict[int, Schedule]
    next_due: dict[int, datetime | None]
    here: Schedule | None = None  # the channel's schedule, when asked in a channel
    me: int | None = None  # who asked, on the board: their own turns come first in the hints


@dataclass(frozen=True)
class NotOpen:
    """Why what was written names no slot the command may act on, and which slots are open."""

    written: str  # the number as written
    slot: PromptSlot | None = None  # the slot it names, if any
    no_number: bool = False  # not a number at all
    elsewhere: bool = False  # a slot of another channel's schedule, asked in a channel
    none_yours: bool = False  # "min tur", and the asker has no open turn coming
    no_text: bool = False  # with `none_yours`: "min text", and no coming prompt has the asker's text either
    none_theirs: bool = False  # "jag tar Adeles tur", and the one named (`written`) has none coming
    on_day: date | None = None  # "jag tar den 15:e", and no prompt is coming that day
    past: bool = False  # the slot's time has passed (a skip of it is no longer taken back)
    open_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class NoTarget:
    """Why a command about one schedule has none: none in this channel, none at all, or several."""

    in_channel: bool
    schedules: tuple[Schedule, ...] = ()


@dataclass(frozen=True)
class Found:
    """A slot a command acts on, or why not; and its schedule, named where the reader needs it (in a
    personal chat, with prompts in more than one channel)."""

    slot: PromptSlot | None = None
    missing: NotOpen | None = None
    named: Schedule | None = None


@dataclass(frozen=True)
class Moving:
    """ "Flytta 12 till torsdag": the open prompt meant (the one named, else the next), and the next open
    one of someone else's to swap it with; or why the prompt named is not open."""

    slot: PromptSlot | None = None
    partner: PromptSlot | None = None
    missing: NotOpen | None = None


@dataclass(frozen=True)
class Swapped:
    missing: NotOpen | None = None
    first: PromptSlot | None = None
    second: PromptSlot | None = None
    done: bool = False  # False with both slots: the same slot, or the same owner (nothing to trade)
    # "byt med @namn": who has no open turn coming to swap (None: both had one), the asker's if they have
    no_turn: PersonInfo | None = None
    mine: PromptSlot | None = None
    named: tuple[PersonInfo, ...] | None = None  # written without @: the board members the name fits (not 1)


@dataclass(frozen=True)
class Assigned:
    missing: NotOpen | None = None
    slot: PromptSlot | None = None
    done: bool = False  # False with a slot: the person is not on the board
    named: tuple[PersonInfo, ...] | None = None  # written without @: the board members the name fits (not 1)
    open_ids: tuple[int, ...] = ()  # with `named`, for an example that works
    to: PersonInfo | None = None  # whom the name written without @ named
    not_theirs: bool = False  # "jag tar Adeles tur den 1 december": that day's turn is not `to`'s
    already: bool = False  # taking a turn that is the taker's already
    # "jag tar den 15:e" with prompts in two channels that day: which is meant is asked, not guessed
    choices: tuple[tuple[PromptSlot, Schedule], ...] = ()


@dataclass(frozen=True)
class Erased:
    missing: NotOpen | None = None
    slot: PromptSlot | None = None  # as it was, with its text
    done: bool = False  # False with a slot: it had no text
    colleagues: bool = False  # the text was another board member's, who is sent it
    owner_told: bool = False  # the turn is someone's who neither wrote the text nor took it off


@dataclass(frozen=True)
class Skipped:
    found: Found
    set_aside: SetAside | None = None


@dataclass(frozen=True)
class Unskipped:
    """`hoppa inte 12`: the skipped prompt planned again (`done`), or why not."""

    found: Found
    done: bool = False
    not_skipped: bool = False  # planned already
    too_late: bool = False  # its time has passed
    stopped: bool = False  # its schedule was changed or stopped since: its day is no longer in it
    paused: bool = False  # a pause covers its day


@dataclass(frozen=True)
class Written:
    missing: NotOpen | None = None
    slot: PromptSlot | None = None
    saved: bool = False  # False with a slot: no text, or too long (nothing written)
    replaced: str | None = None  # the writer of the text it replaced ("" no longer known), if someone else
    approval_required: bool = False
    told: str | None = None  # the owner told that a colleague wrote their turn ("" no longer known)


@dataclass(frozen=True)
class Approved:
    missing: NotOpen | None = None
    slot: PromptSlot | None = None
    own: bool = False  # the writer of the text asked: someone else approves it
    done: bool = False


@dataclass(frozen=True)
class Paused:
    """`paus`: the pauses listed, one lifted, or a period paused (or asked first), or why not."""

    target: Schedule | NoTarget
    today: date | None = None  # the schedule's local date, for listing pauses and saying what has passed
    pauses: list[Pause] | None = None  # listed
    lifted: tuple[Pause, int] | None = None
    lifting: bool = False  # "paus slut": `lifted` says what (None: no pause to lift)
    problem: PauseError | None = None
    period: Pause | None = None
    set_aside: SetAside | None = None
    dealt: tuple[tuple[PromptSlot, str], ...] = ()  # lifting a pause: turns dealt anew


@dataclass(frozen=True)
class Preview:
    found: Found
    schedule: Schedule | None = None
    bank_choice: BankPrompt | None = None  # the bank prompt an unwritten slot would get


@dataclass(frozen=True)
class History:
    posts: list[PostRecord]  # a page of them, newest first
    named: dict[int, Schedule] | None  # each post's schedule, when posts are in more than one channel
    reads_replies: bool
    total: int = 0  # the posts in all


@dataclass(frozen=True)
class PostTarget:
    """`posta`: the slot to post now, or why none (none planned, or planned in several channels: then the
    next planned in each, with its channel, for the answer to name)."""

    found: Found
    none_planned: bool = False
    several: tuple[Found, ...] = ()
    unapproved: bool = False  # its text waits for approval: posted now, the bank's prompt goes in its place


class PromptDesk:
    def __init__(
        self,
        prompts: PromptRepository,
        people: PeopleRepository,
        clock: Clock,
        *,
        timezone: str,
    ) -> None:
        self.prompts = prompts
        self.people = people
        self.clock = clock
        self.timezone = timezone
        # Set by the scheduler: re-reads the slots and (re)arms a job for each planned one. Called in the
        # worker thread that made the change; the scheduler changes its jobs on the event loop.
        self.on_change: Callable[[], None] | None = None
        # Set by the scheduler: posts a slot now (the same path as at its time) in the background, then
        # sends the answer for its outcome into the conversation of the given reference.
        self.post_now: (
            Callable[[int, dict[str, Any], Callable[[Outcome], Reply], PersonInfo | None], None] | None
        ) = None
        # Set by the scheduler: a notice to these people in their personal chats, sent in the background
        # (a turn does not wait for Teams), each in their own language. May be called from any thread.
        self.tell: Callable[[set[int], Notice], None] | None = None
        # Set by the scheduler: a turn's answer that takes longer than Teams waits (reading a large plan),
        # sent into the conversation of the given reference when it is ready.
        self.answer_later: Callable[[dict[str, Any], Awaitable[Reply]], None] | None = None

    # --- what the commands call, each in one worker thread ------------------------------------------

    def show(self, district: str, channel: str | None, person: PersonInfo | None = None) -> Coming:
        """The coming slots: of this channel's schedule in a channel, of every channel's elsewhere; and
        which of them are the asker's, if they are on the board (an administrator has no turns)."""
        with self.prompts.db.snapshot():
            coming = self.coming(district, self._here(channel))
            if person is None or Role.BOARD not in self.people.roles(person, district):
                return coming
            return replace(coming, me=self.people.find_id(person))

    def stop_here(self, channel: str | None, by: PersonInfo, *, confirmed: bool) -> SetAside | None:
        """Stop the schedule of the channel this is written in; None if there is none."""
        here = self._here(channel)
        return None if here is None else self.stop(here, by, confirmed=confirmed)

    def swap_numbers(
        self, district: str, channel: str | None, first: str, second: str, by: PersonInfo
    ) -> Swapped:
        """Swap the owners of the slots two numbers name, if that trades anything."""
        here = self._here(channel)
        slots = []
        for written in (first, second):
            slot = self._find(district, here, written)
            if isinstance(slot, NotOpen):
                return Swapped(slot)
            slots.append(slot)
        one, other = slots
        if one.id == other.id or one.owner_id == other.owner_id:
            return Swapped(first=one, second=other)
        self.swap(one, other, by)
        return Swapped(first=one, second=other, done=True)

    def swap_with(self, district: str, channel: str | None, by: PersonInfo, person: PersonInfo) -> Swapped:
        """ "Byt med @Anna": the asker's next open turn (of this channel, in a channel) and the person's
        next one change hands, as `byt` with their two numbers would."""
        coming = self._open_turns(district, self._here(channel))
        mine, theirs = (_next_of(coming, self.people.find_id(who)) for who in (by, person))
        if mine is None or theirs is None or mine.owner_id == theirs.owner_id:
            return Swapped(no_turn=by if mine is None else person, mine=mine)
        self.swap(mine, theirs, by)
        return Swapped(first=mine, second=theirs, done=True)

    def swap_with_named(self, district: str, channel: str | None, by: PersonInfo, written: str) -> Swapped:
        """ "Byt min tur med Anna": `swap_with` the board member the words name, if they name one."""
        named = self._named_on_board(district, written, by)
        if len(named) != 1:
            return Swapped(named=tuple(named))
        return self.swap_with(district, channel, by, named[0])

    def assign_named(self, district: str, channel: str | None, written: str, by: PersonInfo) -> Assigned:
        """ "Ge min tur till Lars", "ge 12 Lars": `assign_number` to the board member the words name."""
        named = self._named_on_board(district, written, by, others=False)
        if len(named) != 1:
            return Assigned(named=tuple(named), open_ids=self._open_ids(district, self._here(channel)))
        name = set(fold(named[0].name).split())
        rest = " ".join(word for word in written.split() if fold(word) not in name)
        return replace(self.assign_number(district, channel, rest, named[0], by), to=named[0])

    def take(
        self,
        district: str,
        channel: str | None,
        by: PersonInfo,
        *,
        number: str | None = None,
        day: date | None = None,
        name: str = "",
    ) -> Assigned:
        """ "Jag tar tur 3", "jag tar den 15:e", "jag tar Adeles tur (den 15 december)": the turn the number
        or the day names, else the named board member's next open one, given to `by` (as `ge` gives it);
        its owner is told whether or not they had been reminded of it. A name with a number or a day says
        whose turn the taker believes it is: if it is someone else's, nothing changes and the answer says
        whose it is. The name as written, genitive and all ("Adeles", "SSU:s", "Lars's", "Jonas'"): as
        written first (Jonas), then without the genitive (Adele)."""
        here = self._here(channel)
        owner = None
        if name:
            named = self._named_on_board(district, name, by) or self._named_on_board(
                district, without_genitive(name), by
            )
            if not named:  # "jag tar Lars tur" from Lars himself: his own turn, said to be his already
                named = [
                    p
                    for p in self._named_on_board(district, name, by, others=False)
                    or self._named_on_board(district, without_genitive(name), by, others=False)
                    if _same_person(p, by)
                ]
            if len(named) != 1:
                return Assigned(named=tuple(named), open_ids=self._open_ids(district, here))
            owner = named[0]
        open_turns = self._open_turns(district, here)
        open_ids = tuple(s.id for s in open_turns)[:8]
        if number is not None:
            found = self._find(district, here, number)
            if isinstance(found, NotOpen):
                return Assigned(found)
            theirs: PromptSlot | None = found
        elif day is not None:
            on_day = [s for s in self._shown(district, here) if self._local_day(s) == day]
            if owner is not None:  # "Adeles tur den 15 december" in a district with two channels that day
                on_day = [s for s in on_day if s.owner_id == self.people.find_id(owner)] or on_day
            if not on_day:
                return Assigned(NotOpen(str(day), on_day=day, open_ids=open_ids))
            if len(on_day) > 1:  # two channels post that day: which one is the taker's to say
                choices = []
                for slot in on_day:
                    schedule = self.prompts.schedule(slot.schedule_id)
                    assert schedule is not None
                    choices.append((slot, schedule))
                return Assigned(choices=tuple(choices), to=owner)
            theirs = on_day[0]
            if theirs.status not in OPEN:
                return Assigned(NotOpen(str(theirs.id), theirs, open_ids=open_ids))
        else:
            assert owner is not None
            theirs = _next_of(open_turns, self.people.find_id(owner))
            if theirs is None and _same_person(owner, by):
                return Assigned(NotOpen(owner.name, none_yours=True, open_ids=open_ids))
            if theirs is None:
                return Assigned(NotOpen(owner.name, none_theirs=True, open_ids=open_ids), to=owner)
        assert theirs is not None
        me = self.people.find_id(by)
        if me is not None and theirs.owner_id == me:
            return Assigned(slot=theirs, to=by, already=True)
        if owner is not None and theirs.owner_id != self.people.find_id(owner):
            return Assigned(slot=theirs, to=owner, not_theirs=True)
        done = self.assign(theirs.id, by, district, by, tell_former=False)
        if done and theirs.owner_id is not None:  # told always: someone else now writes their turn
            schedule = self.prompts.schedule(theirs.schedule_id)
            assert schedule is not None
            self._tell({theirs.owner_id}, partial(cards.taken, slot=theirs, schedule=schedule, actor=by.name))
        return Assigned(slot=theirs, done=done, to=owner)

    def _shown(self, district: str, here: Schedule | None) -> list[PromptSlot]:
        """The coming slots a list shows (planned, skipped, paused): of `here`, or of the district."""
        return [s for s in self.coming(district, here).slots if s.status in SHOWN]

    def _local_day(self, slot: PromptSlot) -> date | None:
        schedule = self.prompts.schedule(slot.schedule_id)
        return local_day(slot.due_at, schedule.zone) if schedule is not None else None

    def erase_number(self, district: str, channel: str | None, written: str, by: PersonInfo) -> Erased:
        """Take a text off a coming prompt ("radera min text", "radera 12"). The board has no chair: any
        board member may take any text off, as any may write over it, and its writer is sent it (as when
        it is written over), so no one's words are lost. The prompt then waits for a text as if none had
        been written; its owner, if someone else, is told."""
        slot = self._find(district, self._here(channel), written, by=by)
        if isinstance(slot, NotOpen):
            return Erased(slot)
        now = self.clock()
        me = self.people.person_id(by, now=now)
        if not slot.text:
            return Erased(slot=slot)
        self.prompts.clear_texts([slot.id], now=now)
        schedule = self.prompts.schedule(slot.schedule_id)
        assert schedule is not None
        self._tell_about(slot, me, partial(cards.erased, slot=slot, schedule=schedule, actor=by.name))
        self._changed()
        owner_told = slot.owner_id not in (None, me, slot.text_by)
        return Erased(slot=slot, done=True, colleagues=slot.text_by not in (None, me), owner_told=owner_told)

    def _named_on_board(
        self, district: str, written: str, by: PersonInfo, *, others: bool = True
    ) -> list[PersonInfo]:
        """The board members `written` names without @ (besides the asker, when `others`)."""
        board = self.people.with_role(district, Role.BOARD)
        if others:
            board = [p for p in board if not _same_person(p, by)]
        return named_in(written, board)

    def assign_number(
        self, district: str, channel: str | None, written: str, person: PersonInfo, by: PersonInfo
    ) -> Assigned:
        slot = self._find(district, self._here(channel), written, by=by)
        if isinstance(slot, NotOpen):
            return Assigned(slot)
        return Assigned(slot=slot, done=self.assign(slot.id, person, district, by))

    def skip_number(
        self, district: str, channel: str | None, written: str, by: PersonInfo, *, confirmed: bool
    ) -> Skipped:
        found = self._found(district, channel, written, by=by)
        if found.slot is None:
            return Skipped(found)
        return Skipped(found, self.skip(found.slot, by, confirmed=confirmed))

    def unskip_number(self, district: str, channel: str | None, written: str, by: PersonInfo) -> Unskipped:
        """A prompt skipped by mistake, planned again with its owner and the text kept on it (a skip moved
        no one else's turn, so taking it back moves none either); its owner and writer are told."""
        found = self._found(district, channel, written, open_to=frozenset({SlotStatus.SKIPPED}), by=by)
        if found.slot is None:  # not skipped: said so, if it is planned
            found = self._found(
                district, channel, written, open_to=frozenset({SlotStatus.SKIPPED, *OPEN}), by=by
            )
        slot = found.slot
        if slot is None:
            return Unskipped(found)
        if slot.status is not SlotStatus.SKIPPED:
            return Unskipped(found, not_skipped=True)
        now = self.clock()
        schedule = self.prompts.schedule(slot.schedule_id)
        if slot.due_at <= now:
            return Unskipped(found, too_late=True)
        if schedule is None or slot.schedule_id not in {s.id for s in self.prompts.schedules(district)}:
            return Unskipped(found, stopped=True)
        if any(p.covers(local_day(slot.due_at, schedule.zone)) for p in self.prompts.pauses(schedule.id)):
            return Unskipped(found, paused=True)
        if not self.prompts.set_status(slot.id, SlotStatus.PLANNED, now=now, only_from=SlotStatus.SKIPPED):
            return Unskipped(found, not_skipped=True)
        actor = self.people.person_id(by, now=now)
        self._tell_about(slot, actor, partial(cards.unskipped, slot=slot, schedule=schedule, actor=by.name))
        self._changed()
        return Unskipped(found, done=True)

    def pause_here(
        self, district: str, channel: str | None, args: str, by: PersonInfo, *, confirmed: bool, end: bool
    ) -> Paused:
        """`paus` with `args`: none lists the pauses, `end` lifts one, two dates pause the period."""
        target = self._target(district, channel)
        if isinstance(target, NoTarget):
            return Paused(target)
        today = local_day(self.clock(), target.zone)
        if not args.split():
            return Paused(target, today, pauses=self.prompts.pauses(target.id))
        if end:
            return self._resumed(target, today, by)
        try:
            period = pause_period(args, today)
        except PauseError as error:
            return Paused(target, today, problem=error)
        return Paused(
            target, today, period=period, set_aside=self.pause(target, period, by, confirmed=confirmed)
        )

    def resume_here(self, district: str, channel: str | None, by: PersonInfo | None = None) -> Paused:
        target = self._target(district, channel)
        if isinstance(target, NoTarget):
            return Paused(target)
        return self._resumed(target, local_day(self.clock(), target.zone), by)

    def write_number(
        self, district: str, channel: str | None, written: str, text: str, by: PersonInfo
    ) -> Written:
        """A slot's text; nothing is written without a text, or with one longer than a prompt may be."""
        slot = self._find(district, self._here(channel), written, by=by)
        if isinstance(slot, NotOpen):
            return Written(slot)
        if not text or len(text) > MAX_PROMPT_LENGTH:
            return Written(slot=slot)
        replaced, told = self.write(slot.id, text, by)
        schedule = self.prompts.schedule(slot.schedule_id)
        required = schedule is not None and schedule.approval_required
        return Written(slot=slot, saved=True, replaced=replaced, approval_required=required, told=told)

    def swap_choices(
        self, district: str, channel: str | None, written: str
    ) -> tuple[PromptSlot | NotOpen, list[PromptSlot]]:
        """A slot, and the planned slots of its schedule that it could be swapped with (someone else's)."""
        with self.prompts.db.snapshot():
            slot = self._find(district, self._here(channel), written)
            if isinstance(slot, NotOpen):
                return slot, []
            others = [
                s
                for s in self.upcoming(district, limit=20)
                if s.schedule_id == slot.schedule_id
                and s.status is SlotStatus.PLANNED
                and s.owner_id not in (None, slot.owner_id)
            ][:6]
            return slot, others

    def approve_number(self, district: str, channel: str | None, written: str, by: PersonInfo) -> Approved:
        """Approve a slot's text; not its own writer's."""
        slot = self._find(district, self._here(channel), written)
        if isinstance(slot, NotOpen):
            return Approved(slot)
        if not slot.text:
            return Approved(slot=slot)
        now = self.clock()
        me = self.people.person_id(by, now=now)
        if slot.text_by == me:
            return Approved(slot=slot, own=True)
        self.prompts.approve(slot.id, by=me, now=now)
        return Approved(slot=slot, done=True)

    def approval_here(
        self, district: str, channel: str | None, required: bool
    ) -> tuple[Schedule | NoTarget, list[PromptSlot]]:
        """Approval on or off for one schedule; the written texts that now wait for it."""
        target = self._target(district, channel)
        if isinstance(target, NoTarget):
            return target, []
        return target, self.set_approval(target, required)

    def history(
        self,
        district: str,
        channel: str | None,
        counter: EngagementCounter | None,
        *,
        page: int = 1,
        per_page: int = 20,
    ) -> History:
        """What was posted (in this channel, asked in a channel), a page at a time, newest first, and
        whether replies are counted (the district's team lets the bot read its channels)."""
        with self.prompts.db.snapshot():
            here = self._here(channel)
            every = self.prompts.posts(district, channel=channel if here else None, limit=100_000)
            posts = every[(page - 1) * per_page : page * per_page]
            schedules = {post.schedule_id: self.prompts.schedule(post.schedule_id) for post in posts}
            named = {sid: s for sid, s in schedules.items() if s is not None}
            several = here is None and len({s.conversation_id for s in named.values()}) > 1
            reads = bool(posts) and counter is not None and counter.store.reads_channels(district)
            return History(posts, named if several else None, reads, len(every))

    def preview_number(
        self, district: str, channel: str | None, written: str, by: PersonInfo | None = None
    ) -> Preview:
        """A slot as it would be posted now: its text, or the bank prompt it would get ("min tur": the
        asker's next)."""
        with self.prompts.db.snapshot():
            found = self._found(district, channel, written, open_to=SHOWN, by=by)
            if found.slot is None:
                return Preview(found)
            slot = found.slot
            schedule = self.prompts.schedule(slot.schedule_id)
            assert schedule is not None
            if slot.text:
                return Preview(found, schedule)
            choice = choose_prompt(
                self.prompts.bank(district),
                local_day(slot.due_at, schedule.zone),
                records=self.prompts.bank_records(district),
            )
            return Preview(found, schedule, choice)

    def post_target(
        self, district: str, channel: str | None, written: str, by: PersonInfo | None = None
    ) -> PostTarget:
        """The slot a number names ("min tur": `by`'s next), or without one the next planned (of this
        channel's schedule)."""
        with self.prompts.db.snapshot():
            if written:
                return self._unapproved(PostTarget(self._found(district, channel, written, by=by)))
            here = self._here(channel)
            planned = [
                s
                for s in self.upcoming(district, limit=50)
                if s.status is SlotStatus.PLANNED and (here is None or s.schedule_id == here.id)
            ]
            if not planned:
                return PostTarget(Found(), none_planned=True)
            if here is None and len({s.schedule_id for s in planned}) > 1:
                nexts = {s.schedule_id: s for s in reversed(planned)}  # each channel's first
                firsts = sorted(nexts.values(), key=lambda s: (s.due_at, s.id))
                return PostTarget(
                    Found(), several=tuple(Found(s, named=self._named(district, channel, s)) for s in firsts)
                )
            found = Found(planned[0], named=self._named(district, channel, planned[0]))
            return self._unapproved(PostTarget(found))

    def _unapproved(self, target: PostTarget) -> PostTarget:
        slot = target.found.slot
        schedule = self.prompts.schedule(slot.schedule_id) if slot else None
        if slot is None or schedule is None or not slot.text or slot.ready(schedule.approval_required):
            return target
        return replace(target, unapproved=True)

    def bank(self, district: str) -> tuple[list[BankPrompt], dict[int, Record]]:
        """The district's bank prompts, oldest first, and how each did when posted."""
        with self.prompts.db.snapshot():
            prompts = self.prompts.bank(district)
            return prompts, (self.prompts.bank_records(district) if prompts else {})

    def add_to_bank(self, district: str, text: str, *, area: Area | None, by: PersonInfo) -> int:
        now = self.clock()
        person_id = self.people.person_id(by, now=now)
        return self.prompts.add_bank_prompt(district, text, area=area, by=person_id, now=now)

    def retire_from_bank(self, district: str, number: int) -> bool:
        return self.prompts.retire_bank_prompt(district, number)

    # --- finding what a command acts on ----------------------------------------------------------------

    def _here(self, channel: str | None) -> Schedule | None:
        """In a channel, the schedule of that channel (the slots a command there acts on); None elsewhere."""
        return self.prompts.channel_schedule(channel) if channel is not None else None

    def _find(
        self,
        district: str,
        here: Schedule | None,
        written: str,
        *,
        open_to: frozenset[SlotStatus] = OPEN,
        by: PersonInfo | None = None,
    ) -> PromptSlot | NotOpen:
        """The slot a number names (or, `by` writing "min tur", their next open one), if the command can
        act on it; otherwise why not, and which are open."""
        own = " ".join(fold(written).split())
        # "min tur", "min text": among the prompts the command acts on (`hoppa inte min tur`: a skipped one)
        named = by is not None and (own in OWN_TEXT or own in OWN_TURN)
        turns = [s for s in self._shown(district, here) if s.status in open_to] if named else []
        open_turns = [s for s in turns if s.status in OPEN]
        if by is not None and own in OWN_TEXT:
            # "min text": the next prompt whose text they wrote, on whoever's turn; else their own turn's
            me = self.people.find_id(by)
            mine = next((s for s in turns if s.text and s.text_by == me), None)
            mine = mine or _next_of(turns, me)
            open_ids = tuple(s.id for s in open_turns)[:8]
            return mine or NotOpen(written, none_yours=True, no_text=True, open_ids=open_ids)
        if by is not None and own in OWN_TURN:
            mine = _next_of(turns, self.people.find_id(by))
            return mine or NotOpen(written, none_yours=True, open_ids=tuple(s.id for s in open_turns)[:8])
        if " ".join(fold(written).split()) in NEXT_PROMPT:  # "visa nästa inlägg": the first still to go out
            open_ids = self._open_ids(district, here)
            written = str(open_ids[0]) if open_ids else written
        match = _SLOT.match(written.strip())
        if not match:  # with the open ones, for an example that works
            return NotOpen(written, no_number=True, open_ids=self._open_ids(district, here))
        slot = self.slot_in(district, int(match.group(1)))
        if slot is not None and here is not None and slot.schedule_id != here.id:
            theirs = self.prompts.schedule(slot.schedule_id)
            if theirs is None or theirs.conversation_id != here.conversation_id:  # not an earlier one here
                return NotOpen(match.group(1), slot, elsewhere=True)
        if slot is not None and slot.status in open_to:
            return slot
        past = slot is not None and slot.due_at <= self.clock()
        return NotOpen(match.group(1), slot, open_ids=self._open_ids(district, here), past=past)

    def _open_ids(self, district: str, here: Schedule | None) -> tuple[int, ...]:
        return tuple(s.id for s in self.coming(district, here).slots if s.status is SlotStatus.PLANNED)

    def moving(self, district: str, channel: str | None, written: str, by: PersonInfo) -> Moving:
        """What "flytta" can suggest instead for the prompt `written` names ("12", "min tur"; nothing:
        the next open one): a swap with another owner's turn (swapping two of one person's changes
        nothing), or a skip. A number that names no open prompt is refused, as every command refuses it."""
        with self.prompts.db.snapshot():
            here = self._here(channel)
            found = self._find(district, here, written, by=by)
            if isinstance(found, NotOpen) and not found.no_number:
                return Moving(missing=found)
            turns = self._open_turns(district, here)
            slot = found if isinstance(found, PromptSlot) else next(iter(turns), None)
            if slot is None:
                return Moving()
            partner = next((s for s in turns if s.owner_id != slot.owner_id), None)
            return Moving(slot, partner)

    def open_numbers(self, district: str, channel: str | None) -> tuple[int, ...]:
        """The numbers of the planned prompts a command written here acts on, the next first: for examples
        in hints that work for whoever reads them."""
        with self.prompts.db.snapshot():
            return self._open_ids(district, self._here(channel))

    def bank_numbers(self, district: str) -> tuple[int, ...]:
        """The numbers of the bank's prompts, oldest first (for an example that works)."""
        return tuple(prompt.id for prompt in self.prompts.bank(district))

    def _open_turns(self, district: str, here: Schedule | None) -> list[PromptSlot]:
        """The coming slots still to be posted: of `here` (a channel's schedule), or of the district."""
        coming = self.upcoming(district, limit=200)
        return [
            s for s in coming if s.status is SlotStatus.PLANNED and (here is None or s.schedule_id == here.id)
        ]

    def _found(
        self,
        district: str,
        channel: str | None,
        written: str,
        *,
        open_to: frozenset[SlotStatus] = OPEN,
        by: PersonInfo | None = None,
    ) -> Found:
        slot = self._find(district, self._here(channel), written, open_to=open_to, by=by)
        if isinstance(slot, NotOpen):
            return Found(missing=slot)
        return Found(slot, named=self._named(district, channel, slot))

    def _named(self, district: str, channel: str | None, slot: PromptSlot) -> Schedule | None:
        """The slot's schedule, where the reader needs its channel named: in a personal chat, with more
        than one channel."""
        if channel is not None:
            return None
        schedules = self.prompts.schedules(district)
        mine = next((s for s in schedules if s.id == slot.schedule_id), None)
        return mine if len(schedules) > 1 else None

    def _target(self, district: str, channel: str | None) -> Schedule | NoTarget:
        """The one schedule a command acts on: the channel's in a channel; elsewhere the district's only one
        (with several, the answer is to write it in the channel it is for)."""
        if channel is not None:
            here = self._here(channel)
            return here if here is not None else NoTarget(in_channel=True)
        schedules = self.prompts.schedules(district)
        if len(schedules) == 1:
            return schedules[0]
        return NoTarget(in_channel=False, schedules=tuple(schedules))

    # --- the changes ---------------------------------------------------------------------------------

    def set_up(
        self,
        *,
        district: str,
        conversation_id: str,
        rule: ScheduleRule | NewTime,
        rule_text: str,
        by: PersonInfo,
        confirmed: bool = False,
    ) -> Setup | None:
        """A new schedule for a channel (replacing its old one), with slots laid out and owners assigned;
        a NewTime changes only the hour of the channel's schedule (None: it has none).

        The old schedule's coming slots keep their day at the new time, or, written, move to the nearest
        new day; unless `confirmed`, a change that moves or sets aside written texts is only described."""
        now = self.clock()
        current = self.prompts.channel_schedule(conversation_id)
        if isinstance(rule, NewTime):
            if current is None:
                return None
            rule = rule.applied_to(current.rule)
        rule = same_weeks(rule, current.rule if current else None, local_day(now, ZoneInfo(self.timezone)))
        change: ScheduleChange | None = None
        coming: list[PromptSlot] = []
        written: tuple[PromptSlot, ...] = ()
        if current is not None:
            coming = self.prompts.slots(
                schedule_id=current.id,
                after=now,
                statuses=[SlotStatus.PLANNED, SlotStatus.PAUSED, SlotStatus.SKIPPED],
                limit=1000,
            )
            zone, today = current.zone, local_day(now, current.zone)
            went_out = self.prompts.days_out(current.conversation_id, zone, since=now)
            instants = [  # a day whose prompt already went out (today's; one posted early) gets no other
                instant
                for instant in occurrences(rule, zone, after=now, until=now + HORIZON)
                if local_day(instant, zone) not in went_out
            ]
            # the new hour has passed today: today's prompt keeps its time rather than leave the day
            midnight = datetime.combine(today, time(0), zone) - timedelta(seconds=1)
            if occurrences(rule, zone, after=midnight, until=now):
                instants.extend(s.due_at for s in coming if local_day(s.due_at, zone) == today)
            change = plan_change(coming, instants, current.zone, self.prompts.pauses(current.id))
            written = tuple(s for s in coming if s.id in change.moved or s.id in change.parked)
        person_id = self.people.person_id(by, now=now)
        # owners already reminded (or told) of a turn at its old time: told the new one, if it stays theirs
        retimed = [
            slot
            for slot in coming
            if change is not None
            and change.kept.get(slot.id, slot.due_at) != slot.due_at
            and (slot.reminded or slot.told)
            and slot.owner_id not in (None, person_id)
        ]
        if current is not None and change is not None and change.touches_texts and not confirmed:
            return Setup(
                current, coming[:6], change, written, applied=False, actor=person_id, coming_total=len(coming)
            )
        self.prompts.seed_bank(district, load_seed_bank(), now=now)
        schedule_id = self.prompts.create_schedule(
            district=district,
            conversation_id=conversation_id,
            rule=rule,
            rule_text=rule_text,
            timezone=self.timezone,
            created_by=person_id,
            now=now,
            change=change,
        )
        schedule = self.prompts.schedule(schedule_id)
        assert schedule is not None
        if change is not None:
            for slot in written:
                moved_to = change.moved.get(slot.id)
                notice = partial(
                    cards.text_moved, slot=slot, schedule=schedule, moved_to=moved_to, actor=by.name
                )
                self._tell_about(slot, person_id, notice)
        how = "rule" if current is not None else "new"
        why = partial(cards.changed_by, change=how, actor=by.name, schedule=schedule)
        dealt = self._schedule_changed(schedule.district, person_id, why)
        for was in retimed:
            now_at = self.prompts.slot(was.id)
            if was.owner_id is not None and now_at is not None and now_at.owner_id == was.owner_id:
                notice = partial(
                    cards.time_changed, slot=now_at, schedule=schedule, was=was.due_at, actor=by.name
                )
                self._tell({was.owner_id}, notice)
        upcoming = self.prompts.slots(schedule_id=schedule_id, after=now, limit=6)
        pauses = self.prompts.pauses(schedule_id)
        shown_until = upcoming[-1].due_at if len(upcoming) == 6 else now + HORIZON
        holidays = holidays_skipped(schedule.rule, schedule.zone, after=now, until=shown_until)
        return Setup(
            schedule,
            upcoming,
            change,
            written,
            pauses=tuple(pauses),
            actor=person_id,
            dealt=dealt,
            holidays=tuple(holidays),
            few=_short_of_holidays(schedule, now) if schedule.rule.per_month() >= 2 else (),
            coming_total=len(self.prompts.slots(schedule_id=schedule_id, after=now, limit=1000)),
        )

    async def plan_ahead(self) -> list[PromptSlot]:
        """`lay_out`, off the event loop: the scheduler's daily job and start-up."""
        return await asyncio.to_thread(self.lay_out)

    def lay_out(
        self,
        *,
        changed: str | None = None,
        board: bool = False,
        why: Callable[[Translator], str] | None = None,
    ) -> list[PromptSlot]:
        """Lay out every schedule's slots over the horizon and give owners to the new ones and to those
        of people no longer on the board, who are told; re-arm jobs. After a change to the `changed`
        district's schedules (or, `board`, to its board; `why`: who changed what), its coming turns are
        dealt again (see _share_out), and whoever was told or reminded a turn is theirs is told it no longer
        is. The slots handed over, as they are."""
        now = self.clock()
        schedules = {schedule.id: schedule for schedule in self.prompts.schedules()}
        for schedule in schedules.values():
            pauses = self.prompts.pauses(schedule.id)
            zone = schedule.zone
            due = [
                (
                    instant,
                    SlotStatus.PAUSED
                    if any(p.covers(local_day(instant, zone)) for p in pauses)
                    else SlotStatus.PLANNED,
                )
                for instant in occurrences(schedule.rule, zone, after=now, until=now + HORIZON)
            ]
            self.prompts.add_slots(schedule.id, due, now=now)
        handed: list[tuple[PromptSlot, PromptSlot, Schedule]] = []
        taken: dict[int, list[tuple[PromptSlot, Schedule, str | None]]] = {}
        for district in dict.fromkeys(schedule.district for schedule in schedules.values()):
            again = district == changed
            left, dealt_away = self._share_out(district, now, again=again, board_changed=again and board)
            handed.extend((before, after, schedules[after.schedule_id]) for before, after in left)
            for before, after in dealt_away:
                assert before.owner_id is not None
                taken.setdefault(before.owner_id, []).append(
                    (before, schedules[after.schedule_id], after.owner_name)
                )
        by_owner: dict[int, list[tuple[PromptSlot, Schedule, str | None]]] = {}
        for before, after, schedule in handed:
            if after.owner_id is not None:
                by_owner.setdefault(after.owner_id, []).append((after, schedule, before.owner_name))
        for owner, theirs in by_owner.items():  # one message each, however many slots they take over
            self._tell({owner}, partial(cards.handed_over, slots=theirs))
        self.prompts.mark_told([after.id for _, after, _ in handed if after.owner_id is not None], now=now)
        for owner, theirs in taken.items():  # dealt away only after a change (`changed`), told `why`
            assert why is not None
            self._tell({owner}, partial(cards.dealt_away, slots=theirs, why=why))
        self._changed()
        return [after for _, after, _ in handed]

    def board_left(
        self, district: str, people: set[int], *, names: Sequence[str] = (), by: str | None = None
    ) -> Dealt:
        """These people left the district's board: their texts for coming prompts are taken off and sent
        back to them, then their turns go to others (lay_out). A post goes out under its writer's name:
        the members would read it as the board's word from someone who has left it. Nothing is lost: the
        writer has the text; an owner still on the board is asked for a new one (else the bank steps in)."""
        now = self.clock()
        board = {member.person_id for member in self.people.members(district, Role.BOARD)}
        waiting = [SlotStatus.PLANNED, SlotStatus.PAUSED]
        coming = self.prompts.slots(district=district, after=now, statuses=waiting, limit=1000)
        gone = [slot for slot in coming if slot.text and slot.text_by in people]
        theirs_before = {slot.id for slot in coming if slot.owner_id in people}
        self.prompts.clear_texts([slot.id for slot in gone], now=now)
        writers: dict[int, list[tuple[PromptSlot, Schedule]]] = {}
        for slot in gone:
            schedule = self.prompts.schedule(slot.schedule_id)
            assert slot.text_by is not None and schedule is not None
            writers.setdefault(slot.text_by, []).append((slot, schedule))
            if slot.owner_id in board and slot.owner_id != slot.text_by:
                self._tell({slot.owner_id}, partial(cards.text_withdrawn, slot=slot, schedule=schedule))
        for writer, theirs in writers.items():  # one message each, with all their texts
            self._tell({writer}, partial(cards.text_returned, slots=theirs))
        why = partial(cards.board_changed_by, left=names, actor=by)
        dealt = self._deal_again(district, why, board=True)
        handed = tuple(slot for slot, _ in dealt if slot.id in theirs_before)  # their owners were told
        moved = tuple((slot, was) for slot, was in dealt if slot.id not in theirs_before)
        self._tell_dealt(moved, why=why)
        return Dealt(handed, tuple(gone), moved)

    def board_joined(
        self, district: str, *, names: Sequence[str] = (), by: str | None = None
    ) -> tuple[tuple[PromptSlot, str], ...]:
        """New board members (`names`, added `by` someone) join the rota: having waited longest, they take
        the next turns nobody holds (see _share_out), and the rest go on in order after them. The turns
        that changed hands, whose new owners are told who joined and who added them."""
        why = partial(cards.board_changed_by, joined=names, actor=by)
        dealt = self._deal_again(district, why, board=True)
        self._tell_dealt(dealt, why=why)
        return dealt

    def _tell_dealt(
        self, dealt: Sequence[tuple[PromptSlot, str]], *, why: Callable[[Translator], str]
    ) -> None:
        """One message to each new owner of turns a change to the board or a schedule (`why`: whose, which)
        dealt them, naming every one."""
        theirs: dict[int, list[tuple[PromptSlot, Schedule, str | None]]] = {}
        for slot, was in dealt:
            schedule = self.prompts.schedule(slot.schedule_id)
            if slot.owner_id is not None and schedule is not None:
                theirs.setdefault(slot.owner_id, []).append((slot, schedule, was))
        for owner, slots in theirs.items():
            self._tell({owner}, partial(cards.dealt_to_you, slots=slots, why=why))

    def touched_by(self, person: PersonInfo) -> tuple[int, list[PromptSlot]]:
        """The coming slots a person owns, wrote or approved, before `glöm mig` erases them (see
        `forgotten`); with their id (0: not known)."""
        person_id = self.people.find_id(person) or 0
        waiting = [SlotStatus.PLANNED, SlotStatus.PAUSED]
        coming = self.prompts.slots(after=self.clock(), statuses=waiting, limit=1000)
        return person_id, [s for s in coming if person_id in (s.owner_id, s.text_by, s.approved_by)]

    def forgotten(self, person_id: int, touched: Sequence[PromptSlot]) -> None:
        """After `glöm mig`: the forgotten person's coming turns go to others in the rota, and whoever is
        left with a prompt whose text or approval went with them is told (without the person's name)."""
        self.lay_out()
        schedules = {schedule.id: schedule for schedule in self.prompts.schedules()}
        taken: dict[int, list[tuple[PromptSlot, Schedule, str | None]]] = {}
        for before in touched:
            slot = self.prompts.slot(before.id)
            schedule = schedules.get(before.schedule_id)
            if slot is None or schedule is None or slot.owner_id is None:
                continue
            if before.owner_id == person_id:
                taken.setdefault(slot.owner_id, []).append((slot, schedule, None))
            elif before.text_by == person_id:
                self._tell({slot.owner_id}, partial(cards.text_gone, slot=slot, schedule=schedule))
            elif before.approved_by == person_id and schedule.approval_required and slot.text:
                people = {p for p in (slot.owner_id, slot.text_by) if p is not None}
                self._tell(people, partial(cards.approval_gone, slot=slot, schedule=schedule))
        for owner, theirs in taken.items():
            self._tell({owner}, partial(cards.handed_over, slots=theirs))

    def _schedule_changed(
        self, district: str, actor: int | None, why: Callable[[Translator], str]
    ) -> tuple[tuple[PromptSlot, str], ...]:
        """After a pause, a stop or a new rule (`why`: who did which, as the notice says it): the turns
        dealt anew, each new owner told (a turn given is news to whoever holds it), except the `actor` who
        made the change and reads them in its answer."""
        dealt = self._deal_again(district, why)
        self._tell_dealt([(slot, was) for slot, was in dealt if slot.owner_id != actor], why=why)
        return dealt

    def _deal_again(
        self, district: str, why: Callable[[Translator], str], *, board: bool = False
    ) -> tuple[tuple[PromptSlot, str], ...]:
        """`lay_out` after a change to the district's schedules (or `board`; `why`: who changed what); the
        coming turns it gave someone else, each slot as it is now and whose it was, so that whoever made
        the change reads it. Their new owners are told (by the caller, or read it in their answer): a later
        deal that takes one away tells them."""
        now = self.clock()
        planned = [SlotStatus.PLANNED]
        coming = partial(self.prompts.slots, district=district, after=now, statuses=planned, limit=1000)
        before = {slot.id: slot.owner_name for slot in coming()}
        self.lay_out(changed=district, board=board, why=why)
        dealt = tuple(
            (slot, was)
            for slot in coming()
            if (was := before.get(slot.id)) is not None and was != slot.owner_name
        )
        self.prompts.mark_told([slot.id for slot, _ in dealt if slot.owner_id is not None], now=now)
        return dealt

    def _share_out(
        self, district: str, now: datetime, *, again: bool, board_changed: bool = False
    ) -> tuple[list[tuple[PromptSlot, PromptSlot]], list[tuple[PromptSlot, PromptSlot]]]:
        """Owners in turn for the district's coming slots (one rota for its board, whichever channel) that
        have none; `again`, after a change to the schedules or the board, for every coming slot without a
        text that the board did not give by hand, so that the turns still go round in order (deal_turns).
        A board member leaving is always such a change: handing only their turns on would give them all
        to whoever is due then, back to back, while others wait. A slot whose owner left keeps its
        writer's text, and becomes the writer's turn (it is posted under their name). After a change to
        the board, a turn whose owner was already reminded stays theirs: they may be writing it. The slots
        whose owner left, and those dealt away from a board member who was already reminded to write them
        or told they are theirs; each as it was and as it is now."""
        board = sorted({member.person_id for member in self.people.members(district, Role.BOARD)})
        coming = [
            slot
            for slot in self.prompts.slots(district=district, after=now, limit=1000)
            if slot.status is SlotStatus.PLANNED
            or (slot.status not in _NO_TURN and slot.owner_id in board)  # posted early, skipped: a turn
        ]
        # posted early under a schedule changed since: still the turn it was, on its day
        early = self.prompts.slots(
            district=district, after=now, statuses=list(_WENT_OUT), limit=1000, replaced_too=True
        )
        seen = {slot.id for slot in coming}
        coming.extend(slot for slot in early if slot.id not in seen and slot.owner_id in board)
        coming.sort(key=lambda slot: (slot.due_at, slot.id))
        if any(slot.owner_id is not None and slot.owner_id not in board for slot in coming):
            again = board_changed = True

        def holder(slot: PromptSlot) -> int | None:
            if slot.owner_id not in board:
                return slot.text_by if slot.text and slot.text_by in board else None
            keeps = slot.text or slot.by_hand or slot.status is not SlotStatus.PLANNED
            return slot.owner_id if not again or keeps or (board_changed and slot.reminded) else None

        held = [holder(slot) for slot in coming]
        # Who is due is whoever waited longest since their last turn: the past turns are dealt as held, so a
        # turn the board gave away by hand is made up, not skipped for a round.
        past = self.prompts.last_turns(district, until=now, count=2 * len(board))
        gave = [None] * len(past) + [slot.given_by for slot in coming]
        owners = deal_turns(board, None, [*past, *held], gave)[len(past) :]
        new = {slot.id: owner for slot, owner in zip(coming, owners, strict=True) if owner != slot.owner_id}
        if not new:
            return [], []
        self.prompts.set_owners(new, now=now)
        before = {slot.id: slot for slot in coming if slot.id in new}
        left: list[tuple[PromptSlot, PromptSlot]] = []
        away: list[tuple[PromptSlot, PromptSlot]] = []
        for slot in self.prompts.slots(district=district, after=now, limit=1000):
            was = before.get(slot.id)
            if was is None or was.owner_id is None:
                continue
            if was.owner_id not in board:
                left.append((was, slot))
            elif was.reminded or was.told:  # told it is no longer theirs, lest they write it for nothing
                away.append((was, slot))
        return left, away

    def upcoming(self, district: str, *, limit: int = 10) -> list[PromptSlot]:
        """The coming slots: not those posted (early), cancelled or otherwise settled."""
        coming = [SlotStatus.PLANNED, SlotStatus.PAUSED, SlotStatus.SKIPPED, SlotStatus.POSTING]
        return self.prompts.slots(district=district, after=self.clock(), statuses=coming, limit=limit)

    def coming(self, district: str, here: Schedule | None) -> Coming:
        """The coming slots of `here` (a channel's schedule), or of every schedule of the district; and,
        for a schedule with none coming (all posted early, or set aside), when its next one is due."""
        schedules = (
            {here.id: here} if here is not None else {s.id: s for s in self.prompts.schedules(district)}
        )
        slots = [slot for slot in self.upcoming(district, limit=200) if slot.schedule_id in schedules]
        next_due = {
            schedule.id: self._next_due(schedule)
            for schedule in schedules.values()
            if not any(slot.schedule_id == schedule.id for slot in slots)
        }
        return Coming(slots, schedules, next_due, here)

    def _next_due(self, schedule: Schedule) -> datetime | None:
        """The first time after every slot laid out so far, outside the pauses, within a year."""
        now = self.clock()
        laid_out = self.prompts.slots(schedule_id=schedule.id, after=now, limit=1000)
        after = max([now, *(slot.due_at for slot in laid_out)])
        pauses = self.prompts.pauses(schedule.id)
        for instant in occurrences(
            schedule.rule, schedule.zone, after=after, until=now + timedelta(days=366)
        ):
            if not any(p.covers(local_day(instant, schedule.zone)) for p in pauses):
                return instant
        return None

    def set_approval(self, schedule: Schedule, required: bool) -> list[PromptSlot]:
        """Approval on or off for one channel's schedule; the written texts that now wait for it."""
        self.prompts.set_approval(schedule.id, required)
        if not required:
            return []
        coming = self.prompts.slots(
            schedule_id=schedule.id, after=self.clock(), statuses=[SlotStatus.PLANNED]
        )
        return [slot for slot in coming if slot.text and slot.approved_by is None]

    def slot_in(self, district: str, slot_id: int) -> PromptSlot | None:
        """A slot of this district's, or None (a number from another district is as good as unknown)."""
        if self.prompts.district_of_slot(slot_id) != district:
            return None
        return self.prompts.slot(slot_id)

    def swap(self, first: PromptSlot, second: PromptSlot, by: PersonInfo) -> None:
        """Swap two slots' owners; each new owner is told (unless they did it), and the writer of a text,
        which stays with its slot, that it is now posted on someone else's turn."""
        now = self.clock()
        self.prompts.swap_owners(first.id, second.id, now=now)
        actor = self.people.person_id(by, now=now)
        for slot, owner, was in ((first, second.owner_id, second), (second, first.owner_id, first)):
            if slot.owner_id is None:  # an unowned prompt taken: given, not traded
                self._tell_new_owner(slot.id, owner, actor, by)
            else:
                other = None if slot.owner_id == actor else slot.owner_name or ""
                self._tell_swapped(slot.id, was.id, owner, other, actor, by)
            if slot.text_by is not None and slot.text_by not in (actor, owner):
                schedule = self.prompts.schedule(slot.schedule_id)
                assert schedule is not None
                new_owner = (second if slot is first else first).owner_name or ""
                notice = partial(
                    cards.text_stays, slot=slot, schedule=schedule, actor=by.name, owner=new_owner
                )
                self._tell({slot.text_by}, notice)

    def assign(
        self, slot_id: int, person: PersonInfo, district: str, by: PersonInfo, *, tell_former: bool = True
    ) -> bool:
        """Give a slot to a board member, who is told; False (and nothing changed) for anyone else.
        `tell_former=False`: the caller tells the former owner itself."""
        now = self.clock()
        if Role.BOARD not in self.people.roles(person, district):
            return False
        person_id = self.people.person_id(person, now=now)
        before = self.prompts.slot(slot_id)
        self.prompts.set_owners({slot_id: person_id}, now=now, by_hand=True)
        actor = self.people.person_id(by, now=now)
        self._tell_new_owner(slot_id, person_id, actor, by)
        # reminded, told it is theirs, or their own text on it: each is told what became of it
        told = before is not None and (
            before.reminded or before.told or (bool(before.text) and before.text_by == before.owner_id)
        )
        if tell_former and before is not None and told and before.owner_id not in (None, person_id, actor):
            # reminded to write it, or told it is theirs: told it no longer is, lest they write it for nothing
            schedule = self.prompts.schedule(before.schedule_id)
            assert schedule is not None and before.owner_id is not None
            notice = partial(cards.given_away, schedule=schedule, actor=by.name, owner=person.name)
            self._tell({before.owner_id}, partial(notice, slot=before))
        return True

    def _tell_swapped(
        self, got: int, gave: int, owner: int | None, other: str | None, actor: int, by: PersonInfo
    ) -> None:
        """Tell `owner` (unless they swapped) they traded `gave` for `got` with `other` (None: the actor)."""
        mine, theirs = self.prompts.slot(got), self.prompts.slot(gave)
        if mine is None or theirs is None or owner is None or owner == actor:
            return
        schedule, was_schedule = (
            self.prompts.schedule(mine.schedule_id),
            self.prompts.schedule(theirs.schedule_id),
        )
        if schedule is None or was_schedule is None:
            return
        self._tell(
            {owner},
            lambda t: cards.swapped(t, (mine, schedule), (theirs, was_schedule), actor=by.name, other=other),
        )

    def _tell_new_owner(self, slot_id: int, owner: int | None, actor: int, by: PersonInfo) -> None:
        slot = self.prompts.slot(slot_id)
        schedule = self.prompts.schedule(slot.schedule_id) if slot else None
        if slot is None or schedule is None or owner is None or owner == actor:
            return
        self._tell({owner}, lambda t: cards.given(t, slot, schedule, actor=by.name))

    def skip(self, slot: PromptSlot, by: PersonInfo, *, confirmed: bool) -> SetAside:
        """Skip a planned slot. A written text is set aside only once the board member has said yes; its
        owner and writer are told."""
        schedule = self.prompts.schedule(slot.schedule_id)
        assert schedule is not None
        written = (slot,) if slot.text else ()
        now = self.clock()
        actor = self.people.person_id(by, now=now)
        if written and not confirmed:
            return SetAside(schedule, written, applied=False, actor=actor)
        skipped = self.prompts.set_status(slot.id, SlotStatus.SKIPPED, now=now, only_from=SlotStatus.PLANNED)
        few: tuple[tuple[date, int], ...] = ()
        if skipped:
            self._set_aside(written, actor, partial(cards.skipped, schedule=schedule, actor=by.name))
            self._changed()
            few = self._few_left(schedule, local_day(slot.due_at, schedule.zone).replace(day=1))
        return SetAside(schedule, written, applied=skipped, changed=int(skipped), actor=actor, few=few)

    def pause(self, schedule: Schedule, pause: Pause, by: PersonInfo, *, confirmed: bool) -> SetAside:
        """Pause a period; written texts in it wait (asked first), and their owners and writers are told."""
        covering = next((p for p in self.prompts.pauses(schedule.id) if p.covers_all(pause)), None)
        if covering is not None:  # the same pause written again, or one within it
            return SetAside(schedule, (), applied=True, pause=covering, already=True)
        coming = self.prompts.slots(
            schedule_id=schedule.id, after=self.clock(), statuses=[SlotStatus.PLANNED], limit=1000
        )
        written = tuple(s for s in coming if s.text and pause.covers(local_day(s.due_at, schedule.zone)))
        actor = self.people.person_id(by, now=self.clock())
        if written and not confirmed:
            return SetAside(schedule, written, applied=False, pause=pause, actor=actor)
        pause, joined, changed = self.prompts.add_pause(
            schedule.id, pause.starts_on, pause.ends_on, zone_name=schedule.timezone, now=self.clock()
        )
        self._set_aside(written, actor, partial(cards.paused, schedule=schedule, pause=pause, actor=by.name))
        # a pause that takes no planned prompt (next summer, say) changes nobody's turn
        why = partial(cards.changed_by, change="pause", actor=by.name, schedule=schedule, pause=pause)
        dealt = self._schedule_changed(schedule.district, actor, why) if changed else ()
        return SetAside(
            schedule,
            written,
            applied=True,
            changed=changed,
            pause=pause,
            joined=joined,
            actor=actor,
            dealt=dealt,
            few=self._few_in(schedule, pause),
        )

    def _few_left(self, schedule: Schedule, month: date) -> tuple[tuple[date, int], ...]:
        """The month of a skipped prompt, if the skip leaves it fewer than the plan's two, and how many are
        left: the board member is warned."""
        return tuple((month, left) for month, _, left in self._left_in(schedule, [month]) if left < 2)

    def _few_in(self, schedule: Schedule, pause: Pause) -> tuple[tuple[date, int], ...]:
        """The months in which `pause` takes a prompt and leaves fewer than the plan's two (the rule, less
        the channel's pauses and the prompts skipped), and how many are left."""
        months = [pause.starts_on.replace(day=1)]
        while _next_month(months[-1]) <= pause.ends_on:
            months.append(_next_month(months[-1]))
        return tuple(
            (month, left)
            for month, due, left in self._left_in(schedule, months)
            if left < 2 and any(pause.covers(local_day(at, schedule.zone)) for at in due)
        )

    def _left_in(self, schedule: Schedule, months: Sequence[date]) -> list[tuple[date, list[datetime], int]]:
        """For each month (its first day): the rule's times in it less the prompts skipped, and how many of
        those no pause of the channel takes."""
        zone, pauses = schedule.zone, self.prompts.pauses(schedule.id)
        skipped = self.prompts.slots(schedule_id=schedule.id, statuses=[SlotStatus.SKIPPED], limit=1000)
        skipped_at = {slot.due_at for slot in skipped}
        found = []
        for month in months:
            due = [at for at in _due_in(schedule, month) if at not in skipped_at]
            left = sum(1 for at in due if not any(p.covers(local_day(at, zone)) for p in pauses))
            found.append((month, due, left))
        return found

    def resume(
        self, schedule: Schedule, by: PersonInfo | None = None
    ) -> tuple[tuple[Pause, int] | None, tuple[tuple[PromptSlot, str], ...]]:
        """Lift the pause in force (from today) or the next one; its slots come back with their texts. What
        was lifted, and the turns dealt anew (see _deal_again)."""
        now = self.clock()
        lifted = self.prompts.lift_pause(
            schedule.id, today=local_day(now, schedule.zone), zone_name=schedule.timezone, now=now
        )
        why = partial(cards.changed_by, change="resume", actor=by.name if by else None, schedule=schedule)
        return lifted, self._schedule_changed(schedule.district, None, why)

    def _resumed(self, target: Schedule, today: date, by: PersonInfo | None) -> Paused:
        lifted, dealt = self.resume(target, by)
        return Paused(target, today, lifted=lifted, lifting=True, dealt=dealt)

    def stop(self, schedule: Schedule, by: PersonInfo, *, confirmed: bool) -> SetAside:
        """Stop a channel's schedule. Written texts are set aside only once the board member said yes;
        their owners and writers are told (with the text, which is not posted)."""
        coming = self.prompts.slots(
            schedule_id=schedule.id,
            after=self.clock(),
            statuses=[SlotStatus.PLANNED, SlotStatus.PAUSED],
            limit=1000,
        )
        written = tuple(s for s in coming if s.text)
        actor = self.people.person_id(by, now=self.clock())
        if written and not confirmed:
            return SetAside(schedule, written, applied=False, actor=actor)
        stopped = self.prompts.stop_schedule(schedule.conversation_id, now=self.clock())
        self._set_aside(written, actor, partial(cards.stopped, schedule=schedule, actor=by.name))
        why = partial(cards.changed_by, change="stop", actor=by.name, schedule=schedule)
        # the other channels' turns close the gap
        dealt = self._schedule_changed(schedule.district, actor, why)
        return SetAside(schedule, written, applied=stopped, actor=actor, dealt=dealt)

    def write(self, slot_id: int, text: str, by: PersonInfo) -> tuple[str | None, str | None]:
        """A slot's text, by `by`. Replacing someone else's text loses nothing: its writer is sent it. The
        owner of a turn a colleague writes is told, lest they write it too or not know whose name is on
        it. The name of the writer replaced, if any, and of the owner told, if any ("" no longer known)."""
        now = self.clock()
        person_id = self.people.person_id(by, now=now)
        before = self.prompts.slot(slot_id)
        self.prompts.set_text(slot_id, text, by=person_id, now=now)
        if before is None:
            return None, None
        schedule = self.prompts.schedule(before.schedule_id)
        assert schedule is not None
        replaced = None
        if before.text and before.text_by not in (None, person_id):
            notice = partial(cards.replaced, slot=before, schedule=schedule, actor=by.name)
            self._tell({before.text_by}, notice)
            replaced = before.writer_name or ""
        told = None
        owner = before.owner_id
        # Told once: not for a rewrite of one's own text for them, nor when it was their own text replaced.
        if owner is not None and owner != person_id and before.text_by not in (person_id, owner):
            self._tell({owner}, partial(cards.written_for, slot=before, schedule=schedule, writer=by.name))
            told = before.owner_name or ""
        after = self.prompts.slot(slot_id)
        if schedule.approval_required and before.reminded and after is not None:
            # written after the reminder days began: the board is asked now, as the reminder would have
            board = {member.person_id for member in self.people.members(schedule.district, Role.BOARD)}
            others = board - {person_id}
            awake = not_snoozed(others, self.people.quiet(sorted(others)), local_day(now, schedule.zone))
            # a new text for everyone: who snoozed is asked once the snooze ends (schedules/poster.py)
            asked = self.prompts.approval_asked(slot_id, awake, now=now, anew=True)
            self._tell(asked, partial(cards.approval_wanted, slot=after, schedule=schedule))
        return replaced, told

    def _set_aside(self, written: tuple[PromptSlot, ...], actor: int, notice: Callable[..., Reply]) -> None:
        for slot in written:
            self._tell_about(slot, actor, partial(notice, slot=slot))

    def _tell_about(self, slot: PromptSlot, actor: int | None, notice: Notice) -> None:
        """Tell a slot's owner and the writer of its text (not whoever did it) what happened to it."""
        self._tell({p for p in (slot.owner_id, slot.text_by) if p is not None and p != actor}, notice)

    def _tell(self, people: set[int], notice: Notice) -> None:
        if people and self.tell is not None:
            self.tell(people, notice)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()


def _short_of_holidays(schedule: Schedule, now: datetime) -> tuple[tuple[date, int], ...]:
    """The whole months of the year ahead in which the rule, its holidays skipped (or moved), posts fewer
    than the plan's two prompts, and how many it posts ("1 och 15 kl 18": 1 January and 1 May)."""
    month = _next_month(local_day(now, schedule.zone))
    few = []
    for _ in range(12):
        count = len(_due_in(schedule, month))
        if count < 2:
            few.append((month, count))
        month = _next_month(month)
    return tuple(few)


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _due_in(schedule: Schedule, month: date) -> list[datetime]:
    """The rule's fire times in the calendar month (its first day `month`), holidays as the rule says."""
    zone = schedule.zone
    start = datetime.combine(month, time(), zone) - timedelta(microseconds=1)
    end = datetime.combine(_next_month(month), time(), zone) - timedelta(microseconds=1)
    return occurrences(schedule.rule, zone, after=start, until=end)


def _same_person(one: PersonInfo, other: PersonInfo) -> bool:
    if one.aad_object_id and other.aad_object_id:
        return one.aad_object_id == other.aad_object_id
    return one.teams_user_id == other.teams_user_id


def _next_of(slots: Sequence[PromptSlot], person_id: int | None) -> PromptSlot | None:
    """The first of these slots that is this person's turn."""
    return next((slot for slot in slots if person_id is not None and slot.owner_id == person_id), None)
