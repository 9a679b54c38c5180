"""The in-process scheduler: APScheduler 3, rebuilt from the database at start-up.

Schedules and slots live in the bot's own tables; APScheduler only holds timers. Each planned slot gets a
date job at its time (explicit time zone), and two daily cron jobs lay out new slots and remind owners;
a third (schedules/reporting.py) reminds who has not reported as a quarter ends, and tells the board;
a fourth deletes personal data past its retention (bot/services/privacy.py).
Several processes may run these timers on one database: the claim in PromptRepository makes sure a slot
is posted once (DESIGN.md: "posted exactly once" is a database fact, not a scheduler one).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.cards import Notice, Reply
from bot.db.prompts import PromptRepository
from bot.notifier import ConversationGone, SendFailed
from bot.services.clock import Clock
from bot.services.people import PersonInfo
from bot.services.privacy import RETENTION_HOUR, RETENTION_MINUTE
from bot.services.prompt_desk import PromptDesk
from bot.services.prompting import HORIZON, Outcome, PromptSlot, SlotStatus
from schedules.engagement import DIGEST_HOUR, DIGEST_MINUTE, EngagementDigest
from schedules.poster import PromptPoster
from schedules.reporting import REMINDER_HOUR, ReportReminders

log = logging.getLogger(__name__)

POST_JOB = "post:"


class PromptScheduler:
    def __init__(
        self,
        *,
        prompts: PromptRepository,
        desk: PromptDesk,
        poster: PromptPoster,
        clock: Clock,
        timezone: str,
        grace: timedelta,
        reporting: ReportReminders | None = None,
        retention: Callable[[], object] | None = None,
        engagement: EngagementDigest | None = None,
    ) -> None:
        self.prompts = prompts
        self.engagement = engagement
        self.reporting = reporting
        self.retention = retention
        self.desk = desk
        self.poster = poster
        self.clock = clock
        self.grace = grace
        self.scheduler = AsyncIOScheduler(timezone=timezone)
        self.background: set[asyncio.Task[Any]] = set()  # "post now" and notices at work
        self.timezone = timezone
        self.zone = ZoneInfo(timezone)
        # The event loop the timers and background work run on; the desk's changes come from worker threads.
        self.loop: asyncio.AbstractEventLoop | None = None
        with contextlib.suppress(RuntimeError):  # built outside a loop: start() names it
            self.loop = asyncio.get_running_loop()
        desk.on_change = self.rearm
        desk.post_now = self.post_next
        desk.tell = self.tell
        desk.answer_later = self.answer_later

    async def start(self) -> None:
        """Recover from whatever happened while the bot was down, then arm the timers."""
        self.loop = asyncio.get_running_loop()
        self.scheduler.start()
        # Daily work at quiet hours, well away from 02:00-03:00 (DST skips or repeats it).
        self.scheduler.add_job(
            self.desk.plan_ahead,
            CronTrigger(hour=4, minute=0, timezone=self.timezone),
            id="plan-ahead",
            replace_existing=True,
            misfire_grace_time=3600,
            coalesce=True,
        )
        self.scheduler.add_job(
            self.poster.remind_owners,
            CronTrigger(hour=9, minute=0, timezone=self.timezone),
            id="remind-owners",
            replace_existing=True,
            misfire_grace_time=6 * 3600,
            coalesce=True,
        )
        if self.reporting is not None:
            # Near each quarter's end: reminders to report and the board's digest (each once per person).
            # Not run at start-up: a day missed while down is caught by the next days of the window.
            self.scheduler.add_job(
                self.reporting.run,
                CronTrigger(hour=REMINDER_HOUR, minute=0, timezone=self.timezone),
                id="report-reminders",
                replace_existing=True,
                misfire_grace_time=6 * 3600,
                coalesce=True,
            )
        if self.engagement is not None:
            # Last month's prompts, which started a discussion and which not: to the board, once a month.
            self.scheduler.add_job(
                self.engagement.run,
                CronTrigger(hour=DIGEST_HOUR, minute=DIGEST_MINUTE, timezone=self.timezone),
                id="engagement-digest",
                replace_existing=True,
                misfire_grace_time=6 * 3600,
                coalesce=True,
            )
        if self.retention is not None:
            # Personal data past its retention (RETENTION_MONTHS after the plan year): once a day, quietly.
            self.scheduler.add_job(
                self.run_retention,
                CronTrigger(hour=RETENTION_HOUR, minute=RETENTION_MINUTE, timezone=self.timezone),
                id="retention",
                replace_existing=True,
                misfire_grace_time=6 * 3600,
                coalesce=True,
            )
        # Claims of a process that died mid-post, and slots a suspended server's timers missed, seen by
        # whichever server runs, within about a lease.
        self.scheduler.add_job(
            self.poster.keep_up,
            IntervalTrigger(seconds=max(self.poster.lease.total_seconds() / 2, 1), timezone=self.timezone),
            id="keep-up",
            replace_existing=True,
            coalesce=True,
        )
        await self.poster.recover()
        await self.desk.plan_ahead()  # also re-arms the jobs
        await self.poster.remind_owners()

    def rearm(self) -> None:
        """One date job per planned slot within the horizon; none for anything else. Reads the slots where
        it is called (a worker thread, after a change); the jobs change on the event loop."""
        now = self.clock()
        planned = self.prompts.slots(statuses=[SlotStatus.PLANNED], after=now - self.grace, limit=1000)
        self._on_loop(self._arm, planned, now)

    def _arm(self, planned: list[PromptSlot], now: datetime) -> None:
        wanted = {f"{POST_JOB}{slot.id}": slot for slot in planned if slot.due_at <= now + HORIZON}
        for job in self.scheduler.get_jobs():
            if job.id.startswith(POST_JOB) and job.id not in wanted:
                job.remove()
        for job_id, slot in wanted.items():
            # The instant is the same in any zone; shown in the district's, as every trigger here is.
            run_at = max(slot.due_at, now).astimezone(self.zone)
            self.scheduler.add_job(
                self.poster.post,
                DateTrigger(run_date=run_at, timezone=self.timezone),
                args=[slot.id],
                id=job_id,
                replace_existing=True,
                # The default grace is one second: a busy loop or a GC pause would silently skip a post.
                misfire_grace_time=int(self.grace.total_seconds()),
                coalesce=True,
            )

    async def run_retention(self) -> None:
        """The retention job: a database write, kept off the event loop."""
        if self.retention is not None:
            await asyncio.to_thread(self.retention)

    def post_next(
        self,
        slot_id: int,
        reference: dict[str, Any],
        answer: Callable[[Outcome], Reply],
        by: PersonInfo | None = None,
    ) -> None:
        """Post a slot now, ahead of its time ("post now"), in the background: a turn must not wait for
        Teams (it redelivers after about 15 s). The asker is told the outcome in the same conversation."""
        self._in_background(self._post_and_tell(slot_id, reference, answer, by))

    def tell(self, people: set[int], notice: Notice) -> None:
        """Notices to people from a turn, sent in the background (the turn does not wait for Teams); the
        desk calls this from the worker thread that made the change."""
        self._on_loop(lambda: self._in_background(self.poster.tell(people, notice)))

    def answer_later(self, reference: dict[str, Any], answer: Awaitable[Reply]) -> None:
        """A turn's answer that is not ready within the turn, sent into its conversation when it is."""
        self._in_background(self._answer(reference, answer))

    async def _answer(self, reference: dict[str, Any], answer: Awaitable[Reply]) -> None:
        reply = await answer
        try:
            await self.poster.notifier.send(reference, reply)
        except (ConversationGone, SendFailed) as exc:
            log.warning("could not send an answer that came after its turn: %s", exc)

    def _on_loop(self, work: Callable[..., None], *args: Any) -> None:
        """`work(*args)` on the event loop: now if called there (or before start-up), else next in line.
        A worker thread's call comes before the loop sees the thread's result (both are queued in order)."""
        loop = self.loop
        try:
            here = asyncio.get_running_loop() is loop
        except RuntimeError:
            here = False
        if loop is None or here:
            work(*args)
        else:
            loop.call_soon_threadsafe(work, *args)

    def _in_background(self, work: Coroutine[Any, Any, object]) -> None:
        task = asyncio.create_task(work)
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    async def _post_and_tell(
        self,
        slot_id: int,
        reference: dict[str, Any],
        answer: Callable[[Outcome], Reply],
        by: PersonInfo | None,
    ) -> None:
        outcome = await self.poster.post(slot_id, early=True, by=by)
        if outcome is Outcome.NOT_NOW:  # planned again: its timer too
            await asyncio.to_thread(self.rearm)
        try:
            await self.poster.notifier.send(reference, answer(outcome))
        except (ConversationGone, SendFailed) as exc:
            log.warning("could not tell the outcome of posting #%s (%s): %s", slot_id, outcome.value, exc)

    async def drain(self, seconds: float = 5.0) -> None:
        """Give the work under way in the background (a notice, a post) a few seconds to finish before
        `shutdown` cancels it: at a restart, a notice half sent would otherwise never arrive."""
        if self.background:
            await asyncio.wait(set(self.background), timeout=seconds)

    def shutdown(self) -> None:
        for task in self.background:
            task.cancel()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
