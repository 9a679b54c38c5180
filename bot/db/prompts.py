"""Schedules, slots, the prompt bank and post records (all SQL for scheduled prompts lives here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.db.engagement import engagement_of
from bot.db.engine import Database
from bot.db.models import (
    BankPromptRow,
    Conversation,
    District,
    Occurrence,
    Person,
    PromptPost,
    PromptSchedule,
    ReminderSent,
    SchedulePause,
)
from bot.services.engagement import Engagement
from bot.services.people import channel_of
from bot.services.prompt_bank import Area, BankPrompt, Record, SeedPrompt, parse_day
from bot.services.prompting import Pause, PromptSlot, Schedule, ScheduleChange, SlotStatus, local_day
from bot.services.schedule_rules import ScheduleRule


class NotFound(LookupError):
    pass


@dataclass(frozen=True)
class Claim:
    """What a process that won the claim on a slot is to post."""

    slot: PromptSlot
    schedule: Schedule
    text: str
    source: str  # owner | bank
    bank_prompt_id: int | None


@dataclass(frozen=True)
class PostRecord:
    slot_id: int
    schedule_id: int
    district: str
    due_at: datetime
    claimed_at: datetime
    outcome: str
    source: str
    message_id: str | None
    sent_at: datetime | None
    writer_name: str | None = None  # who wrote an owner's text (None: from the bank, or forgotten)
    engagement: Engagement = Engagement()
    bank_prompt_id: int | None = None


class PromptRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- schedules ------------------------------------------------------------------------------

    def create_schedule(
        self,
        *,
        district: str,
        conversation_id: str,
        rule: ScheduleRule,
        rule_text: str,
        timezone: str,
        created_by: int | None,
        now: datetime,
        change: ScheduleChange | None = None,
    ) -> int:
        """A new schedule for a channel, replacing its current one: approval, reminders and pauses carry
        over, and its coming slots go where `change` says (ScheduleChange). Nothing is deleted."""
        with self.db.write() as session:
            district_row = session.exec(select(District).where(District.name == district)).one()
            conversation = _channel_row(session, conversation_id, now)
            olds = session.exec(
                select(PromptSchedule).where(
                    PromptSchedule.conversation_id == conversation.id, col(PromptSchedule.active).is_(True)
                )
            ).all()
            row = PromptSchedule(
                district_id=district_row.id or 0,
                conversation_id=conversation.id or 0,
                rule=rule.to_dict(),
                rule_text=rule_text[:200],
                timezone=timezone,
                created_by=created_by,
                created_at=now,
                updated_at=now,
            )
            for old in olds:
                row.approval_required, row.reminder_days = old.approval_required, old.reminder_days
            session.add(row)
            session.flush()
            zone = ZoneInfo(timezone)
            for old in olds:
                old.active = False
                old.updated_at = now
                pauses = session.exec(select(SchedulePause).where(SchedulePause.schedule_id == old.id)).all()
                for pause in pauses:
                    session.add(
                        SchedulePause(
                            schedule_id=row.id or 0,
                            starts_on=pause.starts_on,
                            ends_on=pause.ends_on,
                            created_at=now,
                        )
                    )
                paused = [Pause(pause.starts_on, pause.ends_on) for pause in pauses]
                homes = {**change.kept, **change.moved} if change else {}
                for slot in _coming_slots(session, old.id or 0, now, skipped=True):
                    new_time = homes.get(slot.id or 0)
                    if slot.status == SlotStatus.SKIPPED.value:  # skipped it stays, on its day if it has one
                        if new_time is not None:
                            slot.schedule_id, slot.due_at = row.id or 0, new_time
                    elif new_time is not None:
                        slot.schedule_id, slot.due_at = row.id or 0, new_time
                        covered = any(p.covers(local_day(new_time, zone)) for p in paused)
                        slot.status = (SlotStatus.PAUSED if covered else SlotStatus.PLANNED).value
                    else:  # a written text stays with its slot, set aside; nothing written: cancelled
                        slot.status = (SlotStatus.SKIPPED if slot.text else SlotStatus.CANCELLED).value
                    slot.updated_at = now
            return row.id or 0

    def channel_schedule(self, conversation_id: str) -> Schedule | None:
        """The active schedule of the channel a conversation (or thread) belongs to."""
        with self.db.read() as session:
            found = session.exec(
                select(PromptSchedule, Conversation, District)
                .join(Conversation, col(Conversation.id) == col(PromptSchedule.conversation_id))
                .join(District, col(District.id) == col(PromptSchedule.district_id))
                .where(
                    Conversation.conversation_id == channel_of(conversation_id),
                    col(PromptSchedule.active).is_(True),
                )
            ).first()
            return _schedule(*found) if found else None

    def set_approval(self, schedule_id: int, required: bool) -> None:
        """Whether texts need a second board member's approval, for one channel's schedule."""
        with self.db.write() as session:
            row = session.get(PromptSchedule, schedule_id)
            if row is not None:
                row.approval_required = required

    def stop_schedule(self, conversation_id: str, *, now: datetime) -> bool:
        with self.db.write() as session:
            stopped = False
            for row in session.exec(
                select(PromptSchedule)
                .join(Conversation, col(Conversation.id) == col(PromptSchedule.conversation_id))
                .where(
                    Conversation.conversation_id == channel_of(conversation_id),
                    col(PromptSchedule.active).is_(True),
                )
            ):
                row.active = False
                row.updated_at = now
                _drop_future_slots(session, row.id or 0, now)
                stopped = True
            return stopped

    def schedules(self, district: str | None = None) -> list[Schedule]:
        """Active schedules whose channel the bot can still post to."""
        with self.db.read() as session:
            query = (
                select(PromptSchedule, Conversation, District)
                .join(Conversation, col(Conversation.id) == col(PromptSchedule.conversation_id))
                .join(District, col(District.id) == col(PromptSchedule.district_id))
                .where(col(PromptSchedule.active).is_(True), col(Conversation.active).is_(True))
                .order_by(col(PromptSchedule.id))
            )
            if district is not None:
                query = query.where(District.name == district)
            return [
                _schedule(row, conversation, district_row)
                for row, conversation, district_row in session.exec(query)
            ]

    def schedule(self, schedule_id: int) -> Schedule | None:
        with self.db.read() as session:
            found = session.exec(
                select(PromptSchedule, Conversation, District)
                .join(Conversation, col(Conversation.id) == col(PromptSchedule.conversation_id))
                .join(District, col(District.id) == col(PromptSchedule.district_id))
                .where(PromptSchedule.id == schedule_id)
            ).first()
            return _schedule(*found) if found else None

    def add_pause(
        self, schedule_id: int, starts_on: date, ends_on: date, *, zone_name: str, now: datetime
    ) -> tuple[Pause, bool, int]:
        """Pause a period; slots in it are set aside (and none are planned there). A pause overlapping or
        next to one already there joins it: one break, lifted at once. The pause now in force, whether it
        joined another, and how many slots were set aside."""
        with self.db.write() as session:
            day = timedelta(days=1)
            joined = [
                row
                for row in session.exec(select(SchedulePause).where(SchedulePause.schedule_id == schedule_id))
                if row.starts_on <= ends_on + day and starts_on <= row.ends_on + day
            ]
            starts_on = min([starts_on, *(row.starts_on for row in joined)])
            ends_on = max([ends_on, *(row.ends_on for row in joined)])
            for row in joined:
                session.delete(row)
            session.add(
                SchedulePause(schedule_id=schedule_id, starts_on=starts_on, ends_on=ends_on, created_at=now)
            )
            pause = Pause(starts_on, ends_on)
            zone = ZoneInfo(zone_name)
            changed = 0
            for slot in session.exec(
                select(Occurrence).where(
                    Occurrence.schedule_id == schedule_id, Occurrence.status == SlotStatus.PLANNED.value
                )
            ):
                if pause.covers(slot.due_at.astimezone(zone).date()):
                    slot.status = SlotStatus.PAUSED.value
                    slot.updated_at = now
                    changed += 1
            return pause, bool(joined), changed

    def lift_pause(
        self, schedule_id: int, *, today: date, zone_name: str, now: datetime
    ) -> tuple[Pause, int] | None:
        """End the pause in force today (from today), or drop the next one; its coming slots are planned
        again with their texts. The pause as it was, and how many slots came back; None without one."""
        with self.db.write() as session:
            rows = session.exec(
                select(SchedulePause)
                .where(SchedulePause.schedule_id == schedule_id, col(SchedulePause.ends_on) >= today)
                .order_by(col(SchedulePause.starts_on))
            ).all()
            if not rows:
                return None
            row = rows[0]
            lifted = Pause(row.starts_on, row.ends_on)
            if row.starts_on < today:
                row.ends_on = today - timedelta(days=1)
            else:
                session.delete(row)
            session.flush()
            remaining = [
                Pause(r.starts_on, r.ends_on)
                for r in session.exec(select(SchedulePause).where(SchedulePause.schedule_id == schedule_id))
            ]
            zone = ZoneInfo(zone_name)
            back = 0
            for slot in session.exec(
                select(Occurrence).where(
                    Occurrence.schedule_id == schedule_id,
                    Occurrence.status == SlotStatus.PAUSED.value,
                    col(Occurrence.due_at) > now,
                )
            ):
                if not any(p.covers(local_day(slot.due_at, zone)) for p in remaining):
                    slot.status = SlotStatus.PLANNED.value
                    slot.updated_at = now
                    back += 1
            return lifted, back

    def pauses(self, schedule_id: int) -> list[Pause]:
        with self.db.read() as session:
            return [
                Pause(row.starts_on, row.ends_on)
                for row in session.exec(
                    select(SchedulePause)
                    .where(SchedulePause.schedule_id == schedule_id)
                    .order_by(col(SchedulePause.starts_on))
                )
            ]

    # --- slots ----------------------------------------------------------------------------------

    def add_slots(
        self, schedule_id: int, due: Iterable[tuple[datetime, SlotStatus]], *, now: datetime
    ) -> int:
        """Lay out slots (idempotent: a slot that exists is left as it is). How many were new. A day whose
        prompt already went out in this channel under an earlier schedule (today's, before the hour
        changed; one posted early with `posta`) gets no second one."""
        with self.db.write() as session:
            schedule = session.get(PromptSchedule, schedule_id)
            assert schedule is not None
            zone = ZoneInfo(schedule.timezone)
            existing = set(
                session.exec(select(Occurrence.due_at).where(Occurrence.schedule_id == schedule_id)).all()
            )
            went_out = _days_out(session, schedule.conversation_id, zone, since=now)
            added = 0
            for due_at, status in due:
                if due_at in existing or local_day(due_at, zone) in went_out:
                    continue
                session.add(
                    Occurrence(
                        schedule_id=schedule_id,
                        due_at=due_at,
                        status=status.value,
                        created_at=now,
                        updated_at=now,
                    )
                )
                added += 1
            return added

    def days_out(self, conversation_id: str, zone: ZoneInfo, *, since: datetime) -> set[date]:
        """The days from `since` on whose prompt in this channel already went out (or may have)."""
        with self.db.read() as session:
            row = session.exec(
                select(Conversation).where(Conversation.conversation_id == conversation_id)
            ).first()
            return _days_out(session, row.id or 0, zone, since=since) if row is not None else set()

    def slots(
        self,
        *,
        schedule_id: int | None = None,
        district: str | None = None,
        after: datetime | None = None,
        statuses: Sequence[SlotStatus] | None = None,
        limit: int = 50,
        replaced_too: bool = False,
    ) -> list[PromptSlot]:
        """Slots, the earliest first; of a `district`, those of its current schedules (`replaced_too`: of
        the schedules a change replaced as well)."""
        with self.db.read() as session:
            query = (
                select(Occurrence, Person)
                .join(Person, col(Person.id) == col(Occurrence.owner_id), isouter=True)
                .join(PromptSchedule, col(PromptSchedule.id) == col(Occurrence.schedule_id))
                .order_by(col(Occurrence.due_at), col(Occurrence.id))
                .limit(limit)
            )
            if schedule_id is not None:
                query = query.where(Occurrence.schedule_id == schedule_id)
            if district is not None:
                query = query.join(District, col(District.id) == col(PromptSchedule.district_id)).where(
                    District.name == district
                )
                if not replaced_too:
                    query = query.where(col(PromptSchedule.active).is_(True))
            if after is not None:
                query = query.where(col(Occurrence.due_at) > after)
            if statuses is not None:
                query = query.where(col(Occurrence.status).in_([s.value for s in statuses]))
            return [_slot(session, row, person) for row, person in session.exec(query)]

    def slot(self, slot_id: int) -> PromptSlot | None:
        with self.db.read() as session:
            found = session.exec(
                select(Occurrence, Person)
                .join(Person, col(Person.id) == col(Occurrence.owner_id), isouter=True)
                .where(Occurrence.id == slot_id)
            ).first()
            return _slot(session, *found) if found else None

    def district_of_slot(self, slot_id: int) -> str | None:
        with self.db.read() as session:
            return session.exec(
                select(District.name)
                .join(PromptSchedule, col(PromptSchedule.district_id) == col(District.id))
                .join(Occurrence, col(Occurrence.schedule_id) == col(PromptSchedule.id))
                .where(Occurrence.id == slot_id)
            ).first()

    def last_turns(self, district: str, *, until: datetime, count: int) -> list[int]:
        """Whose turns came last in the district's rota by `until`, oldest first (at most `count`): the
        owners of the latest slots due by then in any of its channels, posted or meant to be (a cancelled or
        paused slot was nobody's turn)."""
        with self.db.read() as session:
            owners = session.exec(
                select(Occurrence.owner_id)
                .join(PromptSchedule, col(PromptSchedule.id) == col(Occurrence.schedule_id))
                .join(District, col(District.id) == col(PromptSchedule.district_id))
                .where(
                    District.name == district,
                    col(Occurrence.owner_id).is_not(None),
                    col(Occurrence.due_at) <= until,
                    col(Occurrence.status).not_in([SlotStatus.CANCELLED.value, SlotStatus.PAUSED.value]),
                )
                .order_by(col(Occurrence.due_at).desc(), col(Occurrence.id).desc())
                .limit(count)
            ).all()
            return [owner for owner in reversed(owners) if owner is not None]

    def set_owners(self, owners: dict[int, int | None], *, now: datetime, by_hand: bool = False) -> None:
        """New owners (None: nobody), given by the board `by_hand` or dealt in the rota; a new owner has not
        been reminded yet."""
        with self.db.write() as session:
            for slot_id, person_id in owners.items():
                row = _occurrence(session, slot_id)
                if row.owner_id != person_id:
                    row.reminded_at = row.told_at = None
                    if by_hand:  # given away: remembered, lest a later deal hand it back (see deal_turns)
                        row.given_by = row.owner_id
                row.owner_id = person_id
                row.by_hand = by_hand and person_id is not None
                row.updated_at = now

    def swap_owners(self, first: int, second: int, *, now: datetime) -> None:
        with self.db.write() as session:
            a, b = _occurrence(session, first), _occurrence(session, second)
            if a.owner_id != b.owner_id:
                a.reminded_at = b.reminded_at = a.told_at = b.told_at = None
                a.given_by, b.given_by = a.owner_id, b.owner_id  # each gave theirs away for the other's
            a.owner_id, b.owner_id = b.owner_id, a.owner_id
            a.by_hand, b.by_hand = a.owner_id is not None, b.owner_id is not None  # as the board decided
            a.updated_at = b.updated_at = now

    def set_status(
        self, slot_id: int, status: SlotStatus, *, now: datetime, only_from: SlotStatus | None = None
    ) -> bool:
        """Change a slot's status; with `only_from`, only if it still has that status."""
        with self.db.write() as session:
            row = _occurrence(session, slot_id)
            if only_from is not None and row.status != only_from.value:
                return False
            row.status = status.value
            row.updated_at = now
            return True

    def set_text(self, slot_id: int, text: str, *, by: int, now: datetime) -> None:
        """The owner's (or a board member's) text for a slot; a new text needs approving again."""
        with self.db.write() as session:
            row = _occurrence(session, slot_id)
            row.text = text
            row.text_by = by
            row.text_at = now
            row.approved_by = None
            row.updated_at = now

    def clear_texts(self, slot_ids: Sequence[int], *, now: datetime) -> None:
        """Take the texts off these slots (their writers were sent them): they wait for a new one."""
        with self.db.write() as session:
            for slot_id in slot_ids:
                row = _occurrence(session, slot_id)
                row.text = row.text_by = row.text_at = row.approved_by = None
                row.updated_at = now

    def approve(self, slot_id: int, *, by: int, now: datetime) -> None:
        with self.db.write() as session:
            row = _occurrence(session, slot_id)
            row.approved_by = by
            row.updated_at = now

    def reminders_due(self, now: datetime) -> list[tuple[PromptSlot, Schedule]]:
        """Planned slots with an owner and no text (or, where texts need approval, none approved) within
        their reminder days, not reminded yet. Days on the calendar of the schedule's zone: three days
        before a Tuesday prompt is the Saturday, at whatever hour, also over a change to or from summer
        time."""
        result: list[tuple[PromptSlot, Schedule]] = []
        for schedule in self.schedules():
            last_day = local_day(now, schedule.zone) + timedelta(days=schedule.reminder_days + 1)
            window_end = datetime(last_day.year, last_day.month, last_day.day, tzinfo=schedule.zone)
            # an approved text has a text; an unapproved one, where approval is asked, is not posted
            waiting = Occurrence.approved_by if schedule.approval_required else Occurrence.text
            with self.db.read() as session:
                rows = session.exec(
                    select(Occurrence, Person)
                    .join(Person, col(Person.id) == col(Occurrence.owner_id))
                    .where(
                        Occurrence.schedule_id == schedule.id,
                        Occurrence.status == SlotStatus.PLANNED.value,
                        col(waiting).is_(None),
                        col(Occurrence.reminded_at).is_(None),
                        col(Occurrence.due_at) > now,
                        col(Occurrence.due_at) < window_end,
                    )
                    .order_by(col(Occurrence.due_at))
                ).all()
            result.extend((_slot(session, row, person), schedule) for row, person in rows)
        return result

    def mark_told(self, slot_ids: Sequence[int], *, now: datetime) -> None:
        """Their owners were told these turns are theirs."""
        with self.db.write() as session:
            for slot_id in slot_ids:
                _occurrence(session, slot_id).told_at = now

    def mark_reminded(self, slot_id: int, *, now: datetime) -> None:
        with self.db.write() as session:
            _occurrence(session, slot_id).reminded_at = now

    def approvals_held(self, now: datetime) -> list[tuple[PromptSlot, Schedule]]:
        """Texts the board was asked to approve (the slot reminded), still not approved and not yet due:
        those a board member held back by a snooze is to be asked about once it ends."""
        result: list[tuple[PromptSlot, Schedule]] = []
        for schedule in self.schedules():
            if not schedule.approval_required:
                continue
            with self.db.read() as session:
                rows = session.exec(
                    select(Occurrence, Person)
                    .join(Person, col(Person.id) == col(Occurrence.owner_id), isouter=True)
                    .where(
                        Occurrence.schedule_id == schedule.id,
                        Occurrence.status == SlotStatus.PLANNED.value,
                        col(Occurrence.text).is_not(None),
                        col(Occurrence.approved_by).is_(None),
                        col(Occurrence.reminded_at).is_not(None),
                        col(Occurrence.due_at) > now,
                    )
                    .order_by(col(Occurrence.due_at))
                ).all()
                result.extend((_slot(session, row, person), schedule) for row, person in rows)
        return result

    def approval_asked(
        self, slot_id: int, people: Iterable[int], *, now: datetime, anew: bool = False
    ) -> set[int]:
        """Record that these people were asked to approve the slot's text; those not asked before (`anew`:
        its text changed, so whoever was asked before is asked again). Each is asked once."""
        period = f"approval {slot_id}"
        with self.db.write() as session:
            district_id = session.exec(
                select(PromptSchedule.district_id)
                .join(Occurrence, col(Occurrence.schedule_id) == col(PromptSchedule.id))
                .where(Occurrence.id == slot_id)
            ).one()
            rows = session.exec(
                select(ReminderSent).where(ReminderSent.kind == "approval", ReminderSent.period == period)
            ).all()
            if anew:
                for row in rows:
                    session.delete(row)
            asked = set() if anew else {row.person_id for row in rows}
            new = set(people) - asked
            for person_id in sorted(new):
                session.add(
                    ReminderSent(
                        district_id=district_id,
                        kind="approval",
                        period=period,
                        person_id=person_id,
                        sent_at=now,
                    )
                )
            return new

    # --- posting: claim, confirm ----------------------------------------------------------------

    def claim(
        self,
        slot_id: int,
        *,
        claimer: str,
        text: str,
        source: str,
        bank_prompt_id: int | None,
        now: datetime,
        held_until: datetime,
    ) -> bool:
        """Claim a planned slot for posting, held until `held_until` unless renewed. True for exactly one
        caller, across processes.

        The slot's status is checked and changed, and the post record inserted, in one write transaction
        (BEGIN IMMEDIATE on SQLite, serialised writers on PostgreSQL); the post record's unique slot id is
        the last guard should two transactions ever interleave.
        """
        try:
            with self.db.write() as session:
                row = _occurrence(session, slot_id)
                if row.status != SlotStatus.PLANNED.value:
                    return False
                row.status = SlotStatus.POSTING.value
                row.updated_at = now
                session.add(
                    PromptPost(
                        occurrence_id=slot_id,
                        claimed_at=now,
                        claimed_by=claimer[:100],
                        held_until=held_until,
                        source=source,
                        bank_prompt_id=bank_prompt_id,
                        text=text,
                    )
                )
                if bank_prompt_id is not None:
                    bank = session.get(BankPromptRow, bank_prompt_id)
                    if bank is not None:
                        bank.last_used_at = now
            return True
        except IntegrityError:
            return False

    def confirm(self, slot_id: int, *, message_id: str, thread_id: str, now: datetime) -> None:
        with self.db.write() as session:
            post = _post(session, slot_id)
            post.outcome = "sent"
            post.message_id = message_id[:300]
            post.thread_id = thread_id[:500]
            post.sent_at = now
            row = _occurrence(session, slot_id)
            row.status = SlotStatus.POSTED.value
            row.updated_at = now

    def fail(self, slot_id: int, *, status: SlotStatus, outcome: str, detail: str, now: datetime) -> bool:
        """A claimed slot that did not get posted: record why (and never try it again).

        False, changing nothing, when the claim is no longer being sent (confirmed, or already settled by
        another process): two processes recovering at once must not both report the same claim.
        """
        with self.db.write() as session:
            post = session.exec(select(PromptPost).where(PromptPost.occurrence_id == slot_id)).first()
            if post is not None:
                if post.outcome != "sending":
                    return False
                post.outcome = outcome
                post.detail = detail[:500]
            row = _occurrence(session, slot_id)
            row.status = status.value
            row.updated_at = now
            return True

    def release(self, slot_id: int, *, now: datetime) -> None:
        """A claim certainly not posted (Teams answered with an error) given up: the slot is planned again,
        and its claim removed so that it can be claimed at its time."""
        with self.db.write() as session:
            post = session.exec(
                select(PromptPost).where(PromptPost.occurrence_id == slot_id, PromptPost.outcome == "sending")
            ).first()
            if post is None:
                return
            session.delete(post)
            row = _occurrence(session, slot_id)
            row.status = SlotStatus.PLANNED.value
            row.updated_at = now

    def renew(self, slot_id: int, *, claimer: str, held_until: datetime) -> None:
        """The claimer is still sending: extend its lease."""
        with self.db.write() as session:
            post = session.exec(
                select(PromptPost).where(
                    PromptPost.occurrence_id == slot_id,
                    PromptPost.outcome == "sending",
                    PromptPost.claimed_by == claimer[:100],
                )
            ).first()
            if post is not None:
                post.held_until = held_until

    def lapsed_claims(self, now: datetime) -> list[int]:
        """Slots claimed and never confirmed whose lease ran out: the process died while posting them."""
        with self.db.read() as session:
            return list(
                session.exec(
                    select(PromptPost.occurrence_id).where(
                        PromptPost.outcome == "sending",
                        or_(col(PromptPost.held_until).is_(None), col(PromptPost.held_until) < now),
                    )
                ).all()
            )

    def posts(self, district: str, *, channel: str | None = None, limit: int = 20) -> list[PostRecord]:
        """The district's posts, newest first; only those in `channel` (a channel or thread id) if given."""
        with self.db.read() as session:
            query = (
                select(PromptPost, Occurrence, District)
                .join(Occurrence, col(Occurrence.id) == col(PromptPost.occurrence_id))
                .join(PromptSchedule, col(PromptSchedule.id) == col(Occurrence.schedule_id))
                .join(District, col(District.id) == col(PromptSchedule.district_id))
                .where(District.name == district)
                .order_by(col(PromptPost.claimed_at).desc())
                .limit(limit)
            )
            if channel is not None:
                query = query.join(
                    Conversation, col(Conversation.id) == col(PromptSchedule.conversation_id)
                ).where(Conversation.conversation_id == channel_of(channel))
            rows = session.exec(query).all()
            return [
                PostRecord(
                    slot_id=occurrence.id or 0,
                    schedule_id=occurrence.schedule_id,
                    district=district_row.name,
                    due_at=occurrence.due_at,
                    claimed_at=post.claimed_at,
                    outcome=post.outcome,
                    source=post.source,
                    message_id=post.message_id,
                    sent_at=post.sent_at,
                    writer_name=_name(session, occurrence.text_by) if post.source == "owner" else None,
                    engagement=engagement_of(post),
                    bank_prompt_id=post.bank_prompt_id,
                )
                for post, occurrence, district_row in rows
            ]

    # --- the prompt bank ------------------------------------------------------------------------

    def seed_bank(self, district: str, seeds: Sequence[SeedPrompt], *, now: datetime) -> int:
        """Add the project's starting prompts the district does not have yet (matched by key)."""
        with self.db.write() as session:
            district_row = session.exec(select(District).where(District.name == district)).first()
            if district_row is None:
                return 0
            have = set(
                session.exec(
                    select(BankPromptRow.key).where(BankPromptRow.district_id == district_row.id)
                ).all()
            )
            added = 0
            for seed in seeds:
                if seed.key in have:
                    continue
                session.add(
                    BankPromptRow(
                        district_id=district_row.id or 0,
                        key=seed.key,
                        area=seed.area.value if seed.area else None,
                        day=f"{seed.day[0]:02d}-{seed.day[1]:02d}" if seed.day else None,
                        text=seed.text,
                        text_en=seed.text_en,
                        created_at=now,
                    )
                )
                added += 1
            return added

    def bank(self, district: str) -> list[BankPrompt]:
        """The district's active bank prompts, oldest first."""
        with self.db.read() as session:
            rows = session.exec(
                select(BankPromptRow)
                .join(District, col(District.id) == col(BankPromptRow.district_id))
                .where(District.name == district, col(BankPromptRow.active).is_(True))
                .order_by(col(BankPromptRow.id))
            ).all()
            return [
                BankPrompt(
                    id=row.id or 0,
                    text=row.text,
                    text_en=row.text_en,
                    area=Area(row.area) if row.area else None,
                    day=parse_day(row.day) if row.day else None,
                    last_used=row.last_used_at,
                )
                for row in rows
            ]

    def bank_records(self, district: str) -> dict[int, Record]:
        """How each of the district's bank prompts did when posted: posts, and those that started a
        discussion (bot/services/engagement.py)."""
        with self.db.read() as session:
            rows = session.exec(
                select(PromptPost)
                .join(BankPromptRow, col(BankPromptRow.id) == col(PromptPost.bank_prompt_id))
                .join(District, col(District.id) == col(BankPromptRow.district_id))
                .where(District.name == district, PromptPost.outcome == "sent")
            ).all()
            records: dict[int, Record] = {}
            for row in rows:
                before = records.get(row.bank_prompt_id or 0, Record())
                started = engagement_of(row).started_discussion
                records[row.bank_prompt_id or 0] = Record(before.posts + 1, before.discussions + started)
            return records

    def add_bank_prompt(
        self, district: str, text: str, *, area: Area | None, by: int | None, now: datetime
    ) -> int:
        with self.db.write() as session:
            district_row = session.exec(select(District).where(District.name == district)).one()
            row = BankPromptRow(
                district_id=district_row.id or 0,
                area=area.value if area else None,
                text=text,
                created_by=by,
                created_at=now,
            )
            session.add(row)
            session.flush()
            return row.id or 0

    def retire_bank_prompt(self, district: str, prompt_id: int) -> bool:
        with self.db.write() as session:
            row = session.exec(
                select(BankPromptRow)
                .join(District, col(District.id) == col(BankPromptRow.district_id))
                .where(
                    BankPromptRow.id == prompt_id,
                    District.name == district,
                    col(BankPromptRow.active).is_(True),
                )
            ).first()
            if row is None:
                return False
            row.active = False
            return True


def _schedule(row: PromptSchedule, conversation: Conversation, district: District) -> Schedule:
    return Schedule(
        id=row.id or 0,
        district=district.name,
        conversation_id=conversation.conversation_id,
        channel_reference=conversation.reference,
        rule=ScheduleRule.from_dict(row.rule),
        rule_text=row.rule_text,
        timezone=row.timezone,
        reminder_days=row.reminder_days,
        approval_required=row.approval_required,
        general=conversation.channel_id is not None and conversation.channel_id == conversation.team_id,
    )


def _slot(session: Session, row: Occurrence, owner: Person | None) -> PromptSlot:
    writer = owner if row.text_by is not None and row.text_by == row.owner_id else None
    if writer is None and row.text_by is not None:
        writer = session.get(Person, row.text_by)
    return PromptSlot(
        id=row.id or 0,
        schedule_id=row.schedule_id,
        due_at=row.due_at,
        status=SlotStatus(row.status),
        owner_id=row.owner_id,
        owner_name=owner.name if owner else None,
        text=row.text,
        text_by=row.text_by,
        writer_name=writer.name if writer else None,
        approved_by=row.approved_by,
        by_hand=row.by_hand,
        given_by=row.given_by,
        reminded=row.reminded_at is not None,
        told=row.told_at is not None,
    )


def _name(session: Session, person_id: int | None) -> str | None:
    person = session.get(Person, person_id) if person_id is not None else None
    return person.name if person else None


def _occurrence(session: Session, slot_id: int) -> Occurrence:
    row = session.get(Occurrence, slot_id)
    if row is None:
        raise NotFound(slot_id)
    return row


def _post(session: Session, slot_id: int) -> PromptPost:
    row = session.exec(select(PromptPost).where(PromptPost.occurrence_id == slot_id)).first()
    if row is None:
        raise NotFound(slot_id)
    return row


def _coming_slots(
    session: Session, schedule_id: int, now: datetime, *, skipped: bool = False
) -> list[Occurrence]:
    """The slots still to come: planned or paused, and (`skipped`) those the board skipped."""
    statuses = [SlotStatus.PLANNED, SlotStatus.PAUSED, *([SlotStatus.SKIPPED] if skipped else [])]
    return list(
        session.exec(
            select(Occurrence).where(
                Occurrence.schedule_id == schedule_id,
                col(Occurrence.due_at) > now,
                col(Occurrence.status).in_([status.value for status in statuses]),
            )
        ).all()
    )


def _drop_future_slots(session: Session, schedule_id: int, now: datetime) -> None:
    """A stopped schedule's coming slots are cancelled, not deleted: texts stay, numbers are not reused."""
    for slot in _coming_slots(session, schedule_id, now):
        slot.status = SlotStatus.CANCELLED.value
        slot.updated_at = now


def _channel_row(session: Session, conversation_id: str, now: datetime) -> Conversation:
    """The channel's own conversation row, made from a thread's when the bot has not stored it yet.

    A message in a channel arrives in a thread ("<channel>;messageid=..."); a schedule belongs to the
    channel, so that every thread of it shares one schedule.
    """
    channel_id = channel_of(conversation_id)
    row = session.exec(select(Conversation).where(Conversation.conversation_id == channel_id)).first()
    if row is not None:
        return row
    thread = session.exec(select(Conversation).where(Conversation.conversation_id == conversation_id)).one()
    reference = dict(thread.reference)
    reference["conversation"] = {**reference.get("conversation", {}), "id": channel_id}
    row = Conversation(
        conversation_id=channel_id,
        kind=thread.kind,
        tenant_id=thread.tenant_id,
        team_id=thread.team_id,
        channel_id=thread.channel_id,
        district_id=thread.district_id,
        reference=reference,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return row


def _days_out(session: Session, conversation: int, zone: ZoneInfo, *, since: datetime) -> set[date]:
    """The days (local) from about `since` on whose prompt in the channel (under any of its schedules, old
    ones too) was posted, at its time or early, or may have been: a new rule or hour adds none on them."""
    out = [SlotStatus.POSTED.value, SlotStatus.POSTING.value, SlotStatus.UNCERTAIN.value]
    schedules = select(PromptSchedule.id).where(PromptSchedule.conversation_id == conversation)
    found = session.exec(
        select(Occurrence.due_at).where(
            col(Occurrence.schedule_id).in_(schedules),
            col(Occurrence.status).in_(out),
            col(Occurrence.due_at) >= since - timedelta(days=1),
        )
    ).all()
    return {local_day(due_at, zone) for due_at in found}
