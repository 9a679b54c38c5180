"""The board's desk for scheduled discussion prompts: what the chat commands call.

Lays out slots from a schedule's rule, shares them out in the rota, and keeps the scheduler in step
after every change. Knows nothing of Teams; SQL stays in bot.db.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.cards import Reply
from bot.db.people import PeopleRepository
from bot.db.prompts import PromptRepository
from bot.services.clock import Clock
from bot.services.people import PersonInfo, Role
from bot.services.prompt_bank import load_seed_bank
from bot.services.prompting import (
    HORIZON,
    Outcome,
    PromptSlot,
    Schedule,
    ScheduleChange,
    Setup,
    SlotStatus,
    local_day,
    next_owners,
    plan_change,
)
from bot.services.schedule_rules import ScheduleRule, occurrences


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
        self.post_now: Callable[[int, dict[str, Any], Callable[[Outcome], Reply]], None] | None = None

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
        of people no longer on the board; re-arm jobs. The slots handed over, with their new owners."""
        handed = await asyncio.to_thread(self._plan_ahead)
        if self.on_change is not None:
            await self.on_change()
        return handed

    def _plan_ahead(self) -> list[PromptSlot]:
        now = self.clock()
        handed: list[PromptSlot] = []
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
            self.prompts.add_slots(schedule.id, due, now=now)
            handed += self._share_out(schedule, now)
        return handed

    def _share_out(self, schedule: Schedule, now: datetime) -> list[PromptSlot]:
        """Owners in turn for the coming slots that have none, or whose owner left the board (only board
        members take turns); the slots that had an owner before, as they are now."""
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
        handed = {slot.id for slot in open_slots if slot.owner_id is not None}
        return [slot for slot in self.prompts.slots(schedule_id=schedule.id, after=now) if slot.id in handed]

    def upcoming(self, district: str, *, limit: int = 10) -> list[PromptSlot]:
        """The coming slots: not those posted (early), cancelled or otherwise settled."""
        coming = [SlotStatus.PLANNED, SlotStatus.PAUSED, SlotStatus.SKIPPED, SlotStatus.POSTING]
        return self.prompts.slots(district=district, after=self.clock(), statuses=coming, limit=limit)

    def slot_in(self, district: str, slot_id: int) -> PromptSlot | None:
        """A slot of this district's, or None (a number from another district is as good as unknown)."""
        if self.prompts.district_of_slot(slot_id) != district:
            return None
        return self.prompts.slot(slot_id)

    async def swap(self, first: int, second: int) -> None:
        await asyncio.to_thread(self.prompts.swap_owners, first, second, now=self.clock())

    async def assign(self, slot_id: int, person: PersonInfo, district: str) -> bool:
        """Give a slot to a board member; False (and nothing changed) for anyone else."""
        now = self.clock()
        if Role.BOARD not in await asyncio.to_thread(self.people.roles, person, district):
            return False
        person_id = await asyncio.to_thread(self.people.person_id, person, now=now)
        await asyncio.to_thread(self.prompts.set_owners, {slot_id: person_id}, now=now)
        return True

    async def skip(self, slot_id: int) -> bool:
        skipped = await asyncio.to_thread(
            self.prompts.set_status,
            slot_id,
            SlotStatus.SKIPPED,
            now=self.clock(),
            only_from=SlotStatus.PLANNED,
        )
        if skipped and self.on_change is not None:
            await self.on_change()
        return skipped

    async def pause(self, schedule: Schedule, starts_on: date, ends_on: date) -> int:
        changed = await asyncio.to_thread(
            self.prompts.add_pause,
            schedule.id,
            starts_on,
            ends_on,
            zone_name=schedule.timezone,
            now=self.clock(),
        )
        await self.plan_ahead()
        return changed

    async def write(self, slot_id: int, text: str, by: PersonInfo) -> None:
        now = self.clock()
        person_id = await asyncio.to_thread(self.people.person_id, by, now=now)
        await asyncio.to_thread(self.prompts.set_text, slot_id, text, by=person_id, now=now)

    async def approve(self, slot_id: int, by: PersonInfo) -> None:
        now = self.clock()
        person_id = await asyncio.to_thread(self.people.person_id, by, now=now)
        await asyncio.to_thread(self.prompts.approve, slot_id, by=person_id, now=now)

    async def stop(self, conversation_id: str) -> bool:
        stopped = await asyncio.to_thread(self.prompts.stop_schedule, conversation_id, now=self.clock())
        if self.on_change is not None:
            await self.on_change()
        return stopped
