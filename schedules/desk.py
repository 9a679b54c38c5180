"""The board's desk for scheduled discussion prompts: what the chat commands call.

Lays out slots from a schedule's rule, shares them out in the rota, and keeps the scheduler in step
after every change. Knows nothing of Teams; SQL stays in bot.db.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from bot.cards import Notice, Reply
from bot.cards import prompts as cards
from bot.db.people import PeopleRepository
from bot.db.prompts import PromptRepository
from bot.services.clock import Clock
from bot.services.people import PersonInfo, Role
from bot.services.prompt_bank import load_seed_bank
from bot.services.prompting import (
    HORIZON,
    Outcome,
    Pause,
    PromptSlot,
    Schedule,
    ScheduleChange,
    SetAside,
    Setup,
    SlotStatus,
    local_day,
    next_owners,
    plan_change,
)
from bot.services.schedule_rules import ScheduleRule, occurrences


@dataclass(frozen=True)
class Coming:
    slots: list[PromptSlot]
    schedules: dict[int, Schedule]
    next_due: dict[int, datetime | None]


@dataclass(frozen=True)
class Planned:
    """What plan_ahead_now did: the slots handed over (before, after, their schedule), how many laid out."""

    handed: list[tuple[PromptSlot, PromptSlot, Schedule]]
    laid_out: int


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
        # Set by the scheduler: re-reads the slots and (re)arms a job for each planned one.
        self.on_change: Callable[[], Awaitable[None]] | None = None
        # Set by the scheduler: posts a slot now (the same path as at its time) in the background, then
        # sends the answer for its outcome into the conversation of the given reference.
        self.post_now: (
            Callable[[int, dict[str, Any], Callable[[Outcome], Reply], PersonInfo | None], None] | None
        ) = None
        # Set by the scheduler: a notice to these people in their personal chats, sent in the background
        # (a turn does not wait for Teams), each in their own language.
        self.tell: Callable[[set[int], Notice], None] | None = None
        # Set by the scheduler: a turn's answer that takes longer than Teams waits (reading a large plan),
        # sent into the conversation of the given reference when it is ready.
        self.answer_later: Callable[[dict[str, Any], Awaitable[Reply]], None] | None = None

    async def set_up(
        self,
        *,
        district: str,
        conversation_id: str,
        rule: ScheduleRule,
        rule_text: str,
        by: PersonInfo,
        confirmed: bool = False,
    ) -> Setup:
        """A new schedule for a channel (replacing its old one), with slots laid out and owners assigned.

        The old schedule's coming slots keep their day at the new time, or, written, move to the nearest
        new day; unless `confirmed`, a change that moves or sets aside written texts is only described."""
        now = self.clock()
        if rule.week_days and rule.anchor is None:  # every other week counts from today, for good
            rule = replace(rule, anchor=local_day(now, ZoneInfo(self.timezone)))
        current = await asyncio.to_thread(self.prompts.channel_schedule, conversation_id)
        change: ScheduleChange | None = None
        written: tuple[PromptSlot, ...] = ()
        if current is not None:
            coming = await asyncio.to_thread(
                self.prompts.slots,
                schedule_id=current.id,
                after=now,
                statuses=[SlotStatus.PLANNED, SlotStatus.PAUSED],
                limit=1000,
            )
            instants = occurrences(rule, current.zone, after=now, until=now + HORIZON)
            change = plan_change(coming, instants, current.zone)
            written = tuple(s for s in coming if s.id in change.moved or s.id in change.parked)
            if change.touches_texts and not confirmed:
                return Setup(current, coming[:6], change, written, applied=False)
        schedule_id = await asyncio.to_thread(
            self._create, district, conversation_id, rule, rule_text, by, now, change
        )
        schedule = await asyncio.to_thread(self.prompts.schedule, schedule_id)
        assert schedule is not None
        if change is not None:
            actor = await asyncio.to_thread(self.people.person_id, by, now=now)
            for slot in written:
                moved_to = change.moved.get(slot.id)
                notice = partial(
                    cards.text_moved, slot=slot, schedule=schedule, moved_to=moved_to, actor=by.name
                )
                self._tell_about(slot, actor, notice)
        await self.plan_ahead()
        upcoming = await asyncio.to_thread(self.prompts.slots, schedule_id=schedule_id, after=now, limit=6)
        pauses = await asyncio.to_thread(self.prompts.pauses, schedule_id)
        return Setup(schedule, upcoming, change, written, pauses=tuple(pauses))

    def _create(
        self,
        district: str,
        conversation_id: str,
        rule: ScheduleRule,
        rule_text: str,
        by: PersonInfo,
        now: datetime,
        change: ScheduleChange | None,
    ) -> int:
        person_id = self.people.person_id(by, now=now)
        self.prompts.seed_bank(district, load_seed_bank(), now=now)
        return self.prompts.create_schedule(
            district=district,
            conversation_id=conversation_id,
            rule=rule,
            rule_text=rule_text,
            timezone=self.timezone,
            created_by=person_id,
            now=now,
            change=change,
        )

    async def plan_ahead(self) -> list[PromptSlot]:
        """Lay out every schedule's slots over the horizon and give owners to the new ones and to those
        of people no longer on the board, who are told; re-arm jobs. The slots handed over, as they are."""
        return await self.planned(await asyncio.to_thread(self.plan_ahead_now), rearm=True)

    async def planned(self, planned: Planned, *, rearm: bool = False) -> list[PromptSlot]:
        """After `plan_ahead_now` (in a worker thread): tell the new owners; re-arm jobs when slots were laid
        out (an owner is no part of a job), or always with `rearm`. The slots handed over, as they are."""
        by_owner: dict[int, list[tuple[PromptSlot, Schedule, str | None]]] = {}
        for before, after, schedule in planned.handed:
            if after.owner_id is not None:
                by_owner.setdefault(after.owner_id, []).append((after, schedule, before.owner_name))
        for owner, theirs in by_owner.items():  # one message each, however many slots they take over
            self._tell({owner}, partial(cards.handed_over, slots=theirs))
        if self.on_change is not None and (rearm or planned.laid_out):
            await self.on_change()
        return [after for _, after, _ in planned.handed]

    def plan_ahead_now(self) -> Planned:
        """plan_ahead's storage work, in a worker thread (a role change does it in its own call)."""
        now = self.clock()
        handed: list[tuple[PromptSlot, PromptSlot, Schedule]] = []
        laid_out = 0
        for schedule in self.prompts.schedules():
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
            laid_out += self.prompts.add_slots(schedule.id, due, now=now)
            handed += [(before, after, schedule) for before, after in self._share_out(schedule, now)]
        return Planned(handed, laid_out)

    def _share_out(self, schedule: Schedule, now: datetime) -> list[tuple[PromptSlot, PromptSlot]]:
        """Owners in turn for the coming slots that have none, or whose owner left the board (only board
        members take turns); the slots that had an owner before, as they were and as they are now."""
        board = sorted({member.person_id for member in self.people.members(schedule.district, Role.BOARD)})
        coming = self.prompts.slots(schedule_id=schedule.id, after=now, statuses=[SlotStatus.PLANNED])
        open_slots = [slot for slot in coming if slot.owner_id not in board]
        if not open_slots:
            return []
        # Nobody on the board: no owner, and the bank steps in.
        owners: list[int | None] = (
            list(next_owners(board, self.prompts.last_owner(schedule.id), len(open_slots)))
            if board
            else [None] * len(open_slots)
        )
        self.prompts.set_owners(
            {slot.id: owner for slot, owner in zip(open_slots, owners, strict=True)}, now=now
        )
        before = {slot.id: slot for slot in open_slots if slot.owner_id is not None}
        return [
            (before[slot.id], slot)
            for slot in self.prompts.slots(schedule_id=schedule.id, after=now)
            if slot.id in before
        ]

    def upcoming(self, district: str, *, limit: int = 10) -> list[PromptSlot]:
        """The coming slots: not those posted (early), cancelled or otherwise settled."""
        coming = [SlotStatus.PLANNED, SlotStatus.PAUSED, SlotStatus.SKIPPED, SlotStatus.POSTING]
        return self.prompts.slots(district=district, after=self.clock(), statuses=coming, limit=limit)

    async def coming(self, district: str, here: Schedule | None) -> Coming:
        """The coming slots of `here` (a channel's schedule), or of every schedule of the district; and,
        for a schedule with none coming (all posted early, or set aside), when its next one is due."""
        schedules = (
            {here.id: here}
            if here is not None
            else {s.id: s for s in await asyncio.to_thread(self.prompts.schedules, district)}
        )
        slots = [
            slot
            for slot in await asyncio.to_thread(self.upcoming, district, limit=200)
            if slot.schedule_id in schedules
        ]
        next_due = {
            schedule.id: await asyncio.to_thread(self._next_due, schedule)
            for schedule in schedules.values()
            if not any(slot.schedule_id == schedule.id for slot in slots)
        }
        return Coming(slots, schedules, next_due)

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

    async def set_approval(self, schedule: Schedule, required: bool) -> list[PromptSlot]:
        """Approval on or off for one channel's schedule; the written texts that now wait for it."""
        await asyncio.to_thread(self.prompts.set_approval, schedule.id, required)
        if not required:
            return []
        coming = await asyncio.to_thread(
            self.prompts.slots, schedule_id=schedule.id, after=self.clock(), statuses=[SlotStatus.PLANNED]
        )
        return [slot for slot in coming if slot.text and slot.approved_by is None]

    def slot_in(self, district: str, slot_id: int) -> PromptSlot | None:
        """A slot of this district's, or None (a number from another district is as good as unknown)."""
        if self.prompts.district_of_slot(slot_id) != district:
            return None
        return self.prompts.slot(slot_id)

    async def swap(self, first: PromptSlot, second: PromptSlot, by: PersonInfo) -> None:
        """Swap two slots' owners; each new owner is told (unless they did it)."""
        now = self.clock()
        await asyncio.to_thread(self.prompts.swap_owners, first.id, second.id, now=now)
        actor = await asyncio.to_thread(self.people.person_id, by, now=now)
        for slot, owner in ((first, second.owner_id), (second, first.owner_id)):
            await self._tell_new_owner(slot.id, owner, actor, by)

    async def assign(self, slot_id: int, person: PersonInfo, district: str, by: PersonInfo) -> bool:
        """Give a slot to a board member, who is told; False (and nothing changed) for anyone else."""
        now = self.clock()
        if Role.BOARD not in await asyncio.to_thread(self.people.roles, person, district):
            return False
        person_id = await asyncio.to_thread(self.people.person_id, person, now=now)
        await asyncio.to_thread(self.prompts.set_owners, {slot_id: person_id}, now=now)
        actor = await asyncio.to_thread(self.people.person_id, by, now=now)
        await self._tell_new_owner(slot_id, person_id, actor, by)
        return True

    async def _tell_new_owner(self, slot_id: int, owner: int | None, actor: int, by: PersonInfo) -> None:
        slot = await asyncio.to_thread(self.prompts.slot, slot_id)
        schedule = await asyncio.to_thread(self.prompts.schedule, slot.schedule_id) if slot else None
        if slot is None or schedule is None or owner is None or owner == actor:
            return
        self._tell({owner}, lambda t: cards.given(t, slot, schedule, actor=by.name))

    async def skip(self, slot: PromptSlot, by: PersonInfo, *, confirmed: bool) -> SetAside:
        """Skip a planned slot. A written text is set aside only once the board member has said yes; its
        owner and writer are told."""
        schedule = await asyncio.to_thread(self.prompts.schedule, slot.schedule_id)
        assert schedule is not None
        written = (slot,) if slot.text else ()
        if written and not confirmed:
            return SetAside(schedule, written, applied=False)
        now = self.clock()
        skipped = await asyncio.to_thread(
            self.prompts.set_status, slot.id, SlotStatus.SKIPPED, now=now, only_from=SlotStatus.PLANNED
        )
        if skipped:
            await self._set_aside(
                written, schedule, by, partial(cards.skipped, schedule=schedule, actor=by.name)
            )
        if skipped and self.on_change is not None:
            await self.on_change()
        return SetAside(schedule, written, applied=skipped, changed=int(skipped))

    async def pause(self, schedule: Schedule, pause: Pause, by: PersonInfo, *, confirmed: bool) -> SetAside:
        """Pause a period; written texts in it wait (asked first), and their owners and writers are told."""
        coming = await asyncio.to_thread(
            self.prompts.slots,
            schedule_id=schedule.id,
            after=self.clock(),
            statuses=[SlotStatus.PLANNED],
            limit=1000,
        )
        written = tuple(s for s in coming if s.text and pause.covers(local_day(s.due_at, schedule.zone)))
        if written and not confirmed:
            return SetAside(schedule, written, applied=False)
        pause, joined, changed = await asyncio.to_thread(
            self.prompts.add_pause,
            schedule.id,
            pause.starts_on,
            pause.ends_on,
            zone_name=schedule.timezone,
            now=self.clock(),
        )
        await self._set_aside(
            written, schedule, by, partial(cards.paused, schedule=schedule, pause=pause, actor=by.name)
        )
        await self.plan_ahead()
        return SetAside(schedule, written, applied=True, changed=changed, pause=pause, joined=joined)

    async def resume(self, schedule: Schedule) -> tuple[Pause, int] | None:
        """Lift the pause in force (from today) or the next one; its slots come back with their texts."""
        now = self.clock()
        lifted = await asyncio.to_thread(
            self.prompts.lift_pause,
            schedule.id,
            today=local_day(now, schedule.zone),
            zone_name=schedule.timezone,
            now=now,
        )
        await self.plan_ahead()
        return lifted

    async def stop(self, schedule: Schedule, by: PersonInfo, *, confirmed: bool) -> SetAside:
        """Stop a channel's schedule. Written texts are set aside only once the board member said yes;
        their owners and writers are told (with the text, which is not posted)."""
        coming = await asyncio.to_thread(
            self.prompts.slots,
            schedule_id=schedule.id,
            after=self.clock(),
            statuses=[SlotStatus.PLANNED, SlotStatus.PAUSED],
            limit=1000,
        )
        written = tuple(s for s in coming if s.text)
        if written and not confirmed:
            return SetAside(schedule, written, applied=False)
        stopped = await asyncio.to_thread(
            self.prompts.stop_schedule, schedule.conversation_id, now=self.clock()
        )
        await self._set_aside(written, schedule, by, partial(cards.stopped, schedule=schedule, actor=by.name))
        if self.on_change is not None:
            await self.on_change()
        return SetAside(schedule, written, applied=stopped)

    async def _set_aside(
        self,
        written: tuple[PromptSlot, ...],
        schedule: Schedule,
        by: PersonInfo,
        notice: Callable[..., Reply],
    ) -> None:
        actor = await asyncio.to_thread(self.people.person_id, by, now=self.clock())
        for slot in written:
            self._tell_about(slot, actor, partial(notice, slot=slot))

    def _tell_about(self, slot: PromptSlot, actor: int | None, notice: Notice) -> None:
        """Tell a slot's owner and the writer of its text (not whoever did it) what happened to it."""
        self._tell({p for p in (slot.owner_id, slot.text_by) if p is not None and p != actor}, notice)

    def _tell(self, people: set[int], notice: Notice) -> None:
        if people and self.tell is not None:
            self.tell(people, notice)

    async def write(self, slot_id: int, text: str, by: PersonInfo) -> str | None:
        """A slot's text, by `by`. Replacing someone else's text loses nothing: its writer is sent it.
        The name of that writer, if so."""
        now = self.clock()
        person_id = await asyncio.to_thread(self.people.person_id, by, now=now)
        before = await asyncio.to_thread(self.prompts.slot, slot_id)
        await asyncio.to_thread(self.prompts.set_text, slot_id, text, by=person_id, now=now)
        if before is None or not before.text or before.text_by in (None, person_id):
            return None
        schedule = await asyncio.to_thread(self.prompts.schedule, before.schedule_id)
        assert schedule is not None and before.text_by is not None
        self._tell({before.text_by}, partial(cards.replaced, slot=before, schedule=schedule, actor=by.name))
        return before.writer_name or ""

    async def approve(self, slot_id: int, by: PersonInfo) -> None:
        now = self.clock()
        person_id = await asyncio.to_thread(self.people.person_id, by, now=now)
        await asyncio.to_thread(self.prompts.approve, slot_id, by=person_id, now=now)
