"""Posting a slot's prompt, exactly once, and telling people what happened.

The one path every post takes (at its time, late after a restart, or "post now"): claim the slot in the
database, send through the notifier, confirm with the Teams message id. A claim is never sent twice: a
process that dies between claim and confirmation leaves a claim whose lease runs out, and any running
server then tells the board it "may be missing", not a second post. The lease, not the claimer's pid or
host, says whether it lives: in a container, a restarted bot is PID 1 on the same hostname again.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from bot.cards import Notice, Reply
from bot.cards import prompts as cards
from bot.db.people import PeopleRepository
from bot.db.prompts import PromptRepository
from bot.db.repository import Repository
from bot.i18n import N_, Translator, translator
from bot.notifier import ConversationGone, Notifier, SendFailed, SendUncertain, Sent
from bot.services.clock import Clock
from bot.services.people import PersonInfo, Role
from bot.services.prompt_bank import choose_prompt
from bot.services.prompting import Outcome, PromptSlot, Schedule, SlotStatus, local_day, not_snoozed
from bot.services.schedule_rules import is_holiday

log = logging.getLogger(__name__)

# How often a post refused with a server error is tried in all (at its time and later, within its grace).
MAX_LATER_TRIES = 5
# A slot still planned this long after its time lost its timer: its own job claims it within moments.
TIMER_SLACK = timedelta(minutes=1)
# Owners are reminded in the day, in the district's zone: the daily job runs at 09:00, and a bot started in
# the night leaves its reminders to that job rather than wake anyone.
REMINDER_HOURS = range(8, 21)


def this_process() -> str:
    """Who claims, for the record: host, pid and a start-up id (the pid and host may come back)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class PromptPoster:
    def __init__(
        self,
        *,
        prompts: PromptRepository,
        people: PeopleRepository,
        repository: Repository,
        notifier: Notifier,
        clock: Clock,
        grace: timedelta,
        t: Translator,
        lease: timedelta = timedelta(minutes=2),
        retry_later: timedelta = timedelta(minutes=1),
    ) -> None:
        self.prompts = prompts
        self.people = people
        self.repository = repository
        self.notifier = notifier
        self.clock = clock
        self.grace = grace
        self.t = t
        self.claimer = this_process()
        self.lease = lease  # how long a claim lives without renewal
        # A post Teams refused with a server error (500, or a 502-504 that outlasted the notifier's own
        # retries) certainly did not arrive: it is tried again after this, doubling, within its grace.
        self.retry_later = retry_later

    async def post(self, slot_id: int, *, early: bool = False, by: PersonInfo | None = None) -> Outcome:
        """Post the slot's prompt if it is still planned; `early` is "post now" ahead of its time, by
        `by` (told of the outcome in their own conversation; the text's writer and owner are told here)."""
        slot = await asyncio.to_thread(self.prompts.slot, slot_id)
        schedule = await asyncio.to_thread(self.prompts.schedule, slot.schedule_id) if slot else None
        if slot is None or schedule is None or slot.status is not SlotStatus.PLANNED:
            return Outcome.NOT_PLANNED
        now = self.clock()
        if not early and now - slot.due_at > self.grace:
            if await asyncio.to_thread(
                self.prompts.set_status, slot.id, SlotStatus.MISSED, now=now, only_from=SlotStatus.PLANNED
            ):
                await self.tell_board(schedule.district, lambda t: self._missed(t, slot, schedule))
                await self._text_back(slot, schedule)
            return Outcome.MISSED

        text, bank_id = await asyncio.to_thread(self._text_for, slot, schedule)
        if text is None:
            if await asyncio.to_thread(
                self.prompts.set_status, slot.id, SlotStatus.FAILED, now=now, only_from=SlotStatus.PLANNED
            ):
                await self.tell_board(
                    schedule.district,
                    lambda t: Reply(
                        t._(
                            "Nothing to post for {which}: no text was written and the bank is empty. "
                            "Add prompts to it with: bank add AREA: TEXT"
                        ).format(which=cards.which(t, slot, schedule))
                    ),
                )
            return Outcome.NOTHING_TO_POST

        source = "bank" if bank_id is not None else "owner"
        claimed = await asyncio.to_thread(
            self.prompts.claim,
            slot.id,
            claimer=self.claimer,
            text=text,
            source=source,
            bank_prompt_id=bank_id,
            now=now,
            held_until=now + self.lease,
        )
        if not claimed:
            return Outcome.NOT_PLANNED
        post = cards.prompt_post(self.t, text, slot=slot, from_bank=bank_id is not None)
        renewing = asyncio.create_task(self._hold(slot.id))
        try:
            sent = await self._start_thread(slot, schedule, post)
        except ConversationGone:
            await asyncio.to_thread(self.repository.forget_conversation, schedule.conversation_id, now=now)
            gone = N_(
                "I could not post {which}: I am no longer in that channel. "
                "Add me again and set up the schedule anew."
            )
            return await self._not_posted(slot, schedule, Outcome.GONE, "bot removed", gone, now)
        except SendUncertain as exc:
            broke = N_(
                "The prompt for {which} may be missing: I sent it, but could not tell whether Teams took "
                "it. Please check the channel; I will not post it again."
            )
            return await self._not_posted(slot, schedule, Outcome.UNCERTAIN, str(exc), broke, now)
        except SendFailed as exc:
            if early:  # certainly not in the channel: it stays planned for its time, nobody else need know
                log.warning("Teams refused the early post of slot %s (%s); it stays planned", slot.id, exc)
                await asyncio.to_thread(self.prompts.release, slot.id, now=now)
                return Outcome.NOT_NOW
            refused = N_("Teams would not take the prompt for {which}; it was not posted.")
            return await self._not_posted(slot, schedule, Outcome.FAILED, str(exc), refused, now)
        finally:
            renewing.cancel()
        await asyncio.to_thread(
            self.prompts.confirm,
            slot.id,
            message_id=sent.message_id,
            thread_id=sent.conversation_id,
            now=self.clock(),
        )
        log.info("posted slot %s of schedule %s (%s)", slot.id, schedule.id, source)
        sent_at = self.clock()
        if not early and sent_at - slot.due_at > TIMER_SLACK:
            # After a restart, or after Teams refused it at first: the owner and board read when, and why.
            down = now - slot.due_at > TIMER_SLACK
            await self.tell_board(
                schedule.district, lambda t: self._late(t, slot, schedule, sent_at, down), also=slot.owner_id
            )
        if early or (bank_id is not None and slot.text):
            # Posted now by someone, or a written text set aside (not approved): the board, owner and writer
            # read who did what; a bank post in place of nothing written is told below.
            await self._tell_posted(slot, schedule, from_bank=bank_id is not None, early=early, by=by)
        elif bank_id is not None:
            if slot.owner_id is not None:  # the owner reads of their own turn, the board whose it was
                await self.tell(
                    {slot.owner_id},
                    lambda t: Reply(
                        t._(
                            "No text was written for your prompt #{id} ({when}, {channel}), so I posted one "
                            "from the bank."
                        ).format(
                            id=slot.id,
                            when=cards.when(t, slot.due_at, schedule.zone),
                            channel=cards.channel_name(t, schedule),
                        )
                    ),
                )
            await self.tell_board(
                schedule.district,
                lambda t: Reply(
                    t._(
                        "No text was written for #{id} ({when}, {channel}), so I posted a prompt from the "
                        "bank. Owner: {owner}."
                    ).format(
                        id=slot.id,
                        when=cards.when(t, slot.due_at, schedule.zone),
                        channel=cards.channel_name(t, schedule),
                        owner=slot.owner_name or t._("nobody yet"),
                    )
                ),
                but=slot.owner_id,
            )
        return Outcome.POSTED

    async def _tell_posted(
        self, slot: PromptSlot, schedule: Schedule, *, from_bank: bool, early: bool, by: PersonInfo | None
    ) -> None:
        """Who posted which prompt, whose turn it was and whose name signs it, to the board, the owner and
        the writer, each in their own words (cards.posted). Whoever posted it now has the answer to their
        command, unless their own text was set aside: they get it back."""
        actor = await asyncio.to_thread(self.people.find_id, by) if early and by else None
        members = await asyncio.to_thread(self.people.members, schedule.district, Role.BOARD)
        people = {member.person_id for member in members} | {p for p in (slot.owner_id, slot.text_by) if p}
        if not (from_bank and slot.text and slot.text_by == actor):
            people.discard(actor or 0)
        for person in sorted(people):
            notice = partial(
                cards.posted,
                slot=slot,
                schedule=schedule,
                reader=person,
                actor=(by.name if by else "") if early else None,
                actor_id=actor,
                from_bank=from_bank,
            )
            await self.tell({person}, notice)

    async def _start_thread(self, slot: PromptSlot, schedule: Schedule, post: Reply) -> Sent:
        """The notifier's new thread; a server error answered (not a lost connection: SendUncertain) is
        tried again later, while the post is still within its grace period, the claim held meanwhile."""
        wait = self.retry_later
        for attempt in range(1, MAX_LATER_TRIES + 1):
            try:
                return await self.notifier.start_thread(schedule.channel_reference, post)
            except SendUncertain:
                raise
            except SendFailed as exc:
                later = self.clock() + wait
                if (
                    exc.status is None
                    or exc.status < 500
                    or attempt == MAX_LATER_TRIES
                    or later > slot.due_at + self.grace
                ):
                    raise
                log.warning(
                    "Teams answered %s for the post of slot %s; trying again in %.0f s (try %d of %d)",
                    exc.status,
                    slot.id,
                    wait.total_seconds(),
                    attempt + 1,
                    MAX_LATER_TRIES,
                )
            await asyncio.sleep(wait.total_seconds())
            wait *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    async def _not_posted(
        self, slot: PromptSlot, schedule: Schedule, outcome: Outcome, detail: str, notice: str, now: datetime
    ) -> Outcome:
        """Record why a claimed slot was not posted (it is never tried again) and tell the board."""
        status = SlotStatus.UNCERTAIN if outcome is Outcome.UNCERTAIN else SlotStatus.FAILED
        await asyncio.to_thread(
            self.prompts.fail, slot.id, status=status, outcome=outcome.value, detail=detail, now=now
        )
        await self.tell_board(
            schedule.district, lambda t: Reply(t._(notice).format(which=cards.which(t, slot, schedule)))
        )
        if outcome is not Outcome.UNCERTAIN:  # certainly not in the channel
            await self._text_back(slot, schedule)
        return outcome

    async def _text_back(self, slot: PromptSlot, schedule: Schedule) -> None:
        """A written text that was not posted goes back to its writer, kept (the board was told why)."""
        if slot.text and slot.text_by is not None:
            await self.tell({slot.text_by}, partial(cards.text_not_posted, slot=slot, schedule=schedule))

    def _text_for(self, slot: PromptSlot, schedule: Schedule) -> tuple[str | None, int | None]:
        if slot.ready(schedule.approval_required):
            return slot.text, None
        choice = choose_prompt(
            self.prompts.bank(schedule.district),
            local_day(slot.due_at, schedule.zone),
            records=self.prompts.bank_records(schedule.district),
        )
        if choice is None:
            return None, None
        return (choice.text_en if self.t.language == "en" and choice.text_en else choice.text), choice.id

    async def _hold(self, slot_id: int) -> None:
        """Renew the claim's lease while its post is being sent (retries may take minutes)."""
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            try:
                await asyncio.to_thread(
                    self.prompts.renew, slot_id, claimer=self.claimer, held_until=self.clock() + self.lease
                )
            except Exception:  # noqa: BLE001 - the next round tries again; the lease has slack for it
                log.warning("could not renew the claim on #%s", slot_id, exc_info=True)

    async def recover(self) -> None:
        """At start-up: lapsed claims become "may be missing"; overdue slots post late or miss."""
        await self.settle_lapsed_claims()
        await self._overdue(due_by=self.clock())

    async def keep_up(self) -> None:
        """Every half lease, on whichever server runs: lapsed claims, and slots whose timer never fired (the
        server was suspended past a post's grace, so APScheduler dropped the job), as after a restart."""
        await self.settle_lapsed_claims()
        await self._overdue(due_by=self.clock() - TIMER_SLACK)

    async def _overdue(self, *, due_by: datetime) -> None:
        """Planned slots due by `due_by` post late, or miss and the board is told (`post` decides which)."""
        overdue = await asyncio.to_thread(
            self.prompts.slots, statuses=[SlotStatus.PLANNED], after=due_by - timedelta(days=366), limit=500
        )
        for slot in overdue:
            if slot.due_at <= due_by:
                await self.post(slot.id)

    async def settle_lapsed_claims(self) -> None:
        """Claims whose lease ran out (their process died) become "may be missing"; the board is told once."""
        now = self.clock()
        for slot_id in await asyncio.to_thread(self.prompts.lapsed_claims, now):
            settled = await asyncio.to_thread(
                self.prompts.fail,
                slot_id,
                status=SlotStatus.UNCERTAIN,
                outcome="uncertain",
                detail="the process posting it stopped before Teams confirmed it",
                now=now,
            )
            if not settled:
                continue  # another process recovering at the same time reported it
            slot = await asyncio.to_thread(self.prompts.slot, slot_id)
            schedule = await asyncio.to_thread(self.prompts.schedule, slot.schedule_id) if slot else None
            if slot and schedule:
                await self.tell_board(
                    schedule.district, partial(self._may_be_missing, slot=slot, schedule=schedule)
                )

    async def remind_owners(self) -> int:
        """Remind each owner once, in a personal chat and their language, of a slot without a text within
        its reminder days; for a text written but not approved where approval is asked, ask the board
        instead (_ask_approval). How many slots were reminded of."""
        now = self.clock()
        held = await asyncio.to_thread(self.prompts.approvals_held, now)
        due = await asyncio.to_thread(self.prompts.reminders_due, now)
        owners = [slot.owner_id for slot, _ in due if slot.owner_id]
        chats = await asyncio.to_thread(self.people.personal_chats, owners)
        languages = await asyncio.to_thread(self.people.languages, owners, self.t.language)
        quiet = await asyncio.to_thread(self.people.quiet, owners)
        sent = 0
        for slot, schedule in due:
            reference = chats.get(slot.owner_id or 0)
            today = local_day(now, schedule.zone)
            if now.astimezone(schedule.zone).hour not in REMINDER_HOURS:
                continue  # the night: the morning's job reminds them
            if is_holiday(today) and (local_day(slot.due_at, schedule.zone) - today).days > 1:
                continue  # a public holiday: tomorrow still reminds in time
            if slot.text:  # written, not approved: the board is asked, not the owner to write it
                await self._ask_approval(slot, schedule, first=True)
                await asyncio.to_thread(self.prompts.mark_reminded, slot.id, now=now)
                sent += 1
                continue
            if reference is None or not not_snoozed({slot.owner_id or 0}, quiet, today):
                continue  # snoozed: not marked reminded, so a later day of the window reminds them
            user = reference.get("user")
            person = user.get("id") if isinstance(user, dict) else None
            reminder = cards.owner_reminder(
                translator(languages.get(slot.owner_id or 0, self.t.language)),
                slot,
                schedule,
                person=person if isinstance(person, str) else None,
            )
            try:
                await self.notifier.send(reference, reminder)
            except SendUncertain:
                # It may have arrived: counted as sent, so the next round does not remind them twice.
                log.warning("the reminder for slot %s may not have arrived; it is not sent again", slot.id)
            except (ConversationGone, SendFailed) as exc:
                log.warning("could not remind the owner of slot %s: %s", slot.id, exc)
                continue
            await asyncio.to_thread(self.prompts.mark_reminded, slot.id, now=now)
            sent += 1
        for slot, schedule in held:  # asked before: whoever a snooze held back is asked once it has ended
            if now.astimezone(schedule.zone).hour in REMINDER_HOURS:
                sent += await self._ask_approval(slot, schedule, first=False) > 0
        return sent

    async def _ask_approval(self, slot: PromptSlot, schedule: Schedule, *, first: bool) -> int:
        """A written text nobody approved, days before its time: the rest of the board is asked to approve
        it (its writer may not), and `first` the writer told it still waits, lest the bank's prompt go out
        in its place with nobody having known. A member who snoozed reminders is not asked, as with any
        reminder, until the snooze has ended: then once, if the text still waits. How many were asked."""
        members = await asyncio.to_thread(self.people.members, schedule.district, Role.BOARD)
        others = {member.person_id for member in members} - {slot.text_by}
        quiet = await asyncio.to_thread(self.people.quiet, sorted(others))
        now = self.clock()
        awake = not_snoozed(others, quiet, local_day(now, schedule.zone))
        new = await asyncio.to_thread(self.prompts.approval_asked, slot.id, awake, now=now)
        asked = await self.tell(new, partial(cards.approval_wanted, slot=slot, schedule=schedule))
        if first and slot.text_by is not None:
            all_snoozed = bool(others) and not awake
            notice = partial(
                cards.approval_pending, slot=slot, schedule=schedule, asked=asked > 0, snoozed=all_snoozed
            )
            await self.tell({slot.text_by}, notice)
        return asked

    async def tell_board(
        self, district: str, notice: Notice, *, also: int | None = None, but: int | None = None
    ) -> None:
        """A notice to each board member (and `also`, e.g. the owner; not `but`, told otherwise) reachable
        in a personal chat."""
        members = await asyncio.to_thread(self.people.members, district, Role.BOARD)
        people = ({member.person_id for member in members} | ({also} if also else set())) - {but}
        if not await self.tell(people, notice):
            log.warning("no board member of %s can be reached to tell: %s", district, notice(self.t).text)

    async def tell(self, people: Iterable[int], notice: Notice) -> int:
        """A notice to each of these people reachable in a personal chat, in each one's language; how
        many it was sent to."""
        chats = await asyncio.to_thread(self.people.personal_chats, sorted(set(people)))
        languages = await asyncio.to_thread(self.people.languages, list(chats), self.t.language)
        sent = 0
        for person_id, reference in chats.items():
            try:
                await self.notifier.send(reference, notice(translator(languages[person_id])))
                sent += 1
            except (ConversationGone, SendFailed) as exc:
                log.warning("could not tell someone in a personal chat: %s", exc)
        return sent

    def _may_be_missing(self, t: Translator, slot: PromptSlot, schedule: Schedule) -> Reply:
        return Reply(
            t._(
                "The prompt for {which} may be missing: I stopped while posting it. "
                "Please check the channel; I will not post it again."
            ).format(which=cards.which(t, slot, schedule))
        )

    def _late(
        self, t: Translator, slot: PromptSlot, schedule: Schedule, posted_at: datetime, down: bool
    ) -> Reply:
        """`down`: the bot was not running at the time; else Teams refused it then and took it later."""
        if down:
            late = t._("{which} was posted late, {when}: I was not running when it was due.")
        else:
            late = t._("{which} was posted late, {when}: Teams did not take it at first, so I tried again.")
        return Reply(
            late.format(which=cards.which(t, slot, schedule), when=cards.when(t, posted_at, schedule.zone))
        )

    def _missed(self, t: Translator, slot: PromptSlot, schedule: Schedule) -> Reply:
        return Reply(
            t._("I was not running when {which} was due, and it is now too late, so it was skipped.").format(
                which=cards.which(t, slot, schedule)
            )
        )
