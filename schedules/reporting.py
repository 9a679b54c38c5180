"""End-of-quarter reminders to report, and the board's digest of who has and who has not.

A daily job (`ReportReminders.run`, armed by PromptScheduler at REMINDER_HOUR in the district's zone). Once
today (the district's local date) is within `days` of the end of the current quarter, for each district
whose plan is this year's:

- Each branch's chairs are reminded, in a personal chat, of the goals that apply to branches on which their
  branch has no standing (not withdrawn) check-in that happened in this quarter. People named responsible
  for the district's own goals are reminded of those without a district check-in (one for no branch) in
  the quarter; a goal every branch does is its branches' to report, so not asked of them (nor listed as
  theirs not reported in the digest, while its branches' reports stand in it).
  A person who is both gets one message with both parts.
- Then every board member gets the digest: per branch reported / not reported (which goals), the
  responsible people's goals, where those goals stand (from Progress, as status shows them), whom the
  bot could not reach, and who was not reminded because they snoozed.

Who has reported what is decided in bot/services/report_gaps.py (the board's follow-up reads the same).
Rules (product decisions):
- Reminders are about quarters only; there are no monthly or weekly reminders.
- Each reminder and each digest goes out once per person and quarter (`ReminderSent`, claimed before
  sending, as posts are: a process dying in between loses that reminder rather than sending it twice).
  Someone with no personal chat stored is not claimed: a later day of the window reaches them once they
  have written to the bot, and the reminder window bounds those attempts. A send Teams refused (the chat
  is gone, a refusal, the notifier's retries of 429/503 ran out) was not sent: its claim is taken back,
  so a later day of the window tries again, and escalation never counts it as a reminder; a gone chat is
  forgotten. Only a send that may have arrived (SendUncertain) keeps its claim without being sent.
- "Not reachable" in the digest means this run: no personal chat stored, or the send failed. Logs name
  people by their database id only.
- A plan for another year than today's gets no reminders (check-ins outside the plan's year are refused).
- Nudges people don't mute (issue 24): no reminders on a Swedish public holiday, nor on a day the district
  paused its prompts (the summer pause), nor to someone who snoozed them (`påminn mig inte före 15/8`);
  none of these is claimed, so a later day of the window reaches them (a snooze set after the reminder
  came takes it back: bot/services/nudges.py). The board may choose escalation
  (`eskalera på`): a branch still not reported a week after its chair's reminder is named to the board,
  once a quarter; the chair is not reminded again.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.cards import Reply
from bot.cards import reminders as cards
from bot.db.checkins import CheckInRepository
from bot.db.people import PeopleRepository
from bot.db.prompts import PromptRepository
from bot.db.repository import Repository
from bot.i18n import Translator, translator
from bot.notifier import ConversationGone, Notifier, SendFailed, SendUncertain
from bot.services.clock import Clock
from bot.services.goals import Plan
from bot.services.people import Role
from bot.services.progress import Progress
from bot.services.prompting import not_snoozed
from bot.services.report_gaps import REMINDER_KIND, Gaps, Quarter, find_gaps, reminder_due, reminders
from bot.services.schedule_rules import is_holiday

log = logging.getLogger(__name__)

DIGEST_KIND = "digest"  # ReminderSent.kind of the board's digest
ESCALATION_KIND = "escalation"  # ReminderSent.kind of the board's notice of branches still not reported
# Local time of the daily check: a quiet morning hour, far from 00:00 and the DST hours 02:00-03:00.
REMINDER_HOUR = 10


@dataclass
class RunResult:
    """What one run did, over every district."""

    reminded: int = 0
    digests: int = 0
    unreachable: int = 0  # people with something to be told who could not be reached


class ReportReminders:
    """The daily job: remind who has not reported near the quarter's end, then tell the board."""

    def __init__(
        self,
        *,
        repository: Repository,
        people: PeopleRepository,
        checkins: CheckInRepository,
        notifier: Notifier,
        clock: Clock,
        timezone: str,
        days: int,
        t: Translator,
        prompts: PromptRepository | None = None,
    ) -> None:
        self.prompts = prompts  # the district's pauses (the summer's): no reminders then
        self.repository = repository
        self.people = people
        self.checkins = checkins
        self.notifier = notifier
        self.clock = clock
        self.zone = ZoneInfo(timezone)
        self.days = days
        self.t = t
        # Where the goals stand, as status and `mål N` say it: the bot's posts count for the posts goal.
        self.progress = Progress(repository, checkins, self.zone, prompts=prompts)

    async def run(self) -> RunResult:
        now = self.clock()
        result = RunResult()
        today = now.astimezone(self.zone).date()
        quarter = reminder_due(today, self.days)
        if quarter is None or is_holiday(today):
            return result  # a public holiday: a later day of the window reminds
        for district in await asyncio.to_thread(self.checkins.districts_with_plan):
            try:
                if await asyncio.to_thread(self._paused, district, today):
                    log.info("no report reminders for %s today: its prompts are paused", district)
                    continue
                await self._district(district, quarter, now, result)
            except Exception:  # noqa: BLE001 - one district's trouble must not keep the others waiting
                log.exception("report reminders for %s failed", district)
        return result

    async def _district(self, district: str, quarter: Quarter, now: datetime, result: RunResult) -> None:
        plan = await asyncio.to_thread(self.repository.plan, district)
        if plan is None or not plan.goals:
            return
        if plan.year is not None and plan.year != quarter.year:
            log.info("no report reminders for %s: its plan is for %s", district, plan.year)
            return
        gaps = await asyncio.to_thread(self._gaps, district, plan, quarter)
        if not gaps.branches and not gaps.responsible:
            return  # nobody reports on anything: no reminders, nothing for the board to read
        unreachable, snoozed = await self._remind(district, plan, gaps, now, result)
        await self._digest(district, plan, gaps, unreachable, snoozed, now, result)
        days = await asyncio.to_thread(self.checkins.escalation, district)
        if days is not None:
            await self._escalate(district, gaps, days, now, result)

    def _paused(self, district: str, today: date) -> bool:
        """Whether the district paused its prompts over today (the summer pause): no reminders either."""
        if self.prompts is None:
            return False
        return any(
            pause.covers(today)
            for schedule in self.prompts.schedules(district)
            for pause in self.prompts.pauses(schedule.id)
        )

    def _gaps(self, district: str, plan: Plan, quarter: Quarter) -> Gaps:
        return find_gaps(
            plan,
            self.progress.reports(plan, year=quarter.year),
            branches=self.checkins.branches(district),
            responsible=self.checkins.responsible(district),
            quarter=quarter,
        )

    async def _remind(
        self, district: str, plan: Plan, gaps: Gaps, now: datetime, result: RunResult
    ) -> tuple[list[int], list[int]]:
        """Send the reminders not sent yet this quarter; who could not be reached, and who snoozed theirs."""
        due = reminders(gaps)
        if not due:
            return [], []
        period = gaps.quarter.key
        already = await asyncio.to_thread(self.checkins.reminded, district, REMINDER_KIND, period)
        pending = [person_id for person_id in due if person_id not in already]
        # Who snoozed their reminders: not claimed, so a later day of the window reaches them.
        quiet = await asyncio.to_thread(self.people.quiet, pending)
        today = now.astimezone(self.zone).date()
        awake = not_snoozed(set(pending), quiet, today)
        snoozed = [person_id for person_id in pending if person_id not in awake]
        pending = [person_id for person_id in pending if person_id in awake]
        chats = await asyncio.to_thread(self.people.personal_chats, pending)
        languages = await asyncio.to_thread(self.people.languages, pending, self.t.language)
        unreachable = []
        for person_id in pending:
            reference = chats.get(person_id)
            if reference is None:
                # Not claimed: once they write to the bot, a later day of the window reaches them.
                log.info("cannot remind person %s in %s: no personal chat", person_id, district)
                unreachable.append(person_id)
                continue
            claimed = await asyncio.to_thread(
                self.checkins.mark_reminded, district, REMINDER_KIND, period, person_id, now=now
            )
            if not claimed:
                continue  # another process sent it a moment ago
            t = translator(languages[person_id])
            user = reference.get("user")
            teams_id = user.get("id") if isinstance(user, dict) else None
            reply = cards.reminder(
                t,
                due[person_id],
                ends=gaps.quarter.ends,
                areas=plan.areas_in(t.language),
                one_tap=cards.OneTap(gaps.quarter.key, teams_id) if isinstance(teams_id, str) else None,
                earlier=gaps.earlier,
            )
            if await self._send(reference, reply, person_id, now, claim=(district, REMINDER_KIND, period)):
                result.reminded += 1
            else:
                unreachable.append(person_id)
        result.unreachable += len(unreachable)
        return unreachable, snoozed

    async def _digest(
        self,
        district: str,
        plan: Plan,
        gaps: Gaps,
        unreachable: list[int],
        snoozed: list[int],
        now: datetime,
        result: RunResult,
    ) -> None:
        """The digest to each board member who has not had it this quarter; it names whom the reminders did
        not reach, and who snoozed theirs (not reminded today, so the board does not count on it)."""
        period = gaps.quarter.key
        members = await asyncio.to_thread(self.people.members, district)
        board = sorted({m.person_id for m in members if m.role is Role.BOARD})
        already = await asyncio.to_thread(self.checkins.reminded, district, DIGEST_KIND, period)
        pending = [person_id for person_id in board if person_id not in already]
        if not pending:
            return
        chats = await asyncio.to_thread(self.people.personal_chats, pending)
        missing_chat = [person_id for person_id in pending if person_id not in chats]
        for person_id in missing_chat:
            log.info("cannot send the digest to person %s in %s: no personal chat", person_id, district)
        if not chats:
            log.warning("no board member of %s can be reached for the digest", district)
            result.unreachable += len(missing_chat)
            return
        names = {m.person_id: m.name for m in members}
        names.update({p.person_id: p.name for p in gaps.responsible})
        not_reached = [names.get(person_id, "?") for person_id in [*unreachable, *missing_chat]]
        standings = await asyncio.to_thread(self.progress.standings, plan, now=now)
        languages = await asyncio.to_thread(self.people.languages, pending, self.t.language)
        reminded = set(reminders(gaps)) - {*unreachable, *snoozed}  # this run or earlier this quarter
        digests = {
            language: cards.digest(
                translator(language),
                gaps,
                reminded=len(reminded),
                unreachable=sorted(set(not_reached), key=str.casefold),
                snoozed=sorted({names.get(person_id, "?") for person_id in snoozed}, key=str.casefold),
                standings=standings,
            )
            for language in set(languages.values())
        }
        result.unreachable += len(missing_chat)
        for person_id in pending:
            reference = chats.get(person_id)
            if reference is None:
                continue
            claimed = await asyncio.to_thread(
                self.checkins.mark_reminded, district, DIGEST_KIND, period, person_id, now=now
            )
            digest = digests[languages[person_id]]
            if claimed and await self._send(
                reference, digest, person_id, now, claim=(district, DIGEST_KIND, period)
            ):
                result.digests += 1

    async def _escalate(self, district: str, gaps: Gaps, days: int, now: datetime, result: RunResult) -> None:
        """The board's choice: branches still not reported `days` after their chairs' reminder are named to
        the board, once a quarter, instead of the chairs being reminded again."""
        period = gaps.quarter.key
        reminded = await asyncio.to_thread(self.checkins.reminded_at, district, REMINDER_KIND, period)
        overdue = [
            branch
            for branch in gaps.branches
            if branch.missing
            and any(c in reminded and reminded[c] <= now - timedelta(days=days) for c in branch.chair_ids)
        ]
        if not overdue:
            return
        members = await asyncio.to_thread(self.people.members, district, Role.BOARD)
        already = await asyncio.to_thread(self.checkins.reminded, district, ESCALATION_KIND, period)
        pending = sorted({m.person_id for m in members} - already)
        chats = await asyncio.to_thread(self.people.personal_chats, pending)
        languages = await asyncio.to_thread(self.people.languages, list(chats), self.t.language)
        for person_id, reference in chats.items():
            notice = cards.escalation(translator(languages[person_id]), overdue, days=days)
            claimed = await asyncio.to_thread(
                self.checkins.mark_reminded, district, ESCALATION_KIND, period, person_id, now=now
            )
            if claimed and await self._send(
                reference, notice, person_id, now, claim=(district, ESCALATION_KIND, period)
            ):
                result.digests += 1

    async def _send(
        self,
        reference: dict[str, object],
        reply: Reply,
        person_id: int,
        now: datetime,
        *,
        claim: tuple[str, str, str],
    ) -> bool:
        """Send what `claim` (district, kind, period) claimed for the person; the notifier retries what Teams
        asks to be retried. A failure is logged by person id; a refused send gives its claim back."""
        district, kind, period = claim
        what = {REMINDER_KIND: "reminder"}.get(kind, kind)
        try:
            await self.notifier.send(reference, reply)
        except ConversationGone as exc:
            log.warning("could not send the %s to person %s: their chat is gone", what, person_id)
            await asyncio.to_thread(self.repository.forget_conversation, exc.conversation_id, now=now)
        except SendUncertain:
            log.warning("the %s to person %s may not have arrived; it is not sent again", what, person_id)
            return False
        except SendFailed as exc:
            log.warning("could not send the %s to person %s: %s", what, person_id, exc.status)
        else:
            return True
        await asyncio.to_thread(self.checkins.unmark_reminded, kind, period, person_id, district=district)
        return False
