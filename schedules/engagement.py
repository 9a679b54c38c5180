"""The board's monthly digest of engagement: which of last month's prompts started a discussion, which not.

A daily job (armed by PromptScheduler at DIGEST_HOUR in the district's zone). For each district that posted
prompts in the previous calendar month (the district's local dates), every board member gets the digest once
(`ReminderSent` kind "engagement", period "2026-11", claimed before sending as every reminder is). A board
member who has no personal chat yet gets it on a later day, once they have written to the bot. What counts as
a discussion is bot/services/engagement.py's rule; the counts are those so far (replies count for
COUNTING_DAYS after a post), and where the team has not let the bot read its channels, the digest says so.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.cards.prompts import engagement_digest
from bot.db.checkins import CheckInRepository
from bot.db.engagement import EngagementRepository
from bot.db.people import PeopleRepository
from bot.db.prompts import PostRecord, PromptRepository
from bot.i18n import Translator, translator
from bot.notifier import ConversationGone, Notifier, SendFailed, SendUncertain
from bot.services.clock import Clock
from bot.services.people import Role

log = logging.getLogger(__name__)

DIGEST_KIND = "engagement"
DIGEST_HOUR = 10  # as the quarter's reminders: a quiet morning hour, far from the DST hours
DIGEST_MINUTE = 5


def previous_month(today: date) -> date:
    """The first day of the month before `today`'s."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def month_key(first: date) -> str:
    return f"{first.year}-{first.month:02d}"


class EngagementDigest:
    def __init__(
        self,
        *,
        prompts: PromptRepository,
        engagement: EngagementRepository,
        people: PeopleRepository,
        checkins: CheckInRepository,
        notifier: Notifier,
        clock: Clock,
        timezone: str,
        t: Translator,
    ) -> None:
        self.prompts = prompts
        self.engagement = engagement
        self.people = people
        self.checkins = checkins
        self.notifier = notifier
        self.clock = clock
        self.zone = ZoneInfo(timezone)
        self.t = t

    async def run(self) -> int:
        """Send last month's digest to the board members who have not had it; how many were sent."""
        month = previous_month(self.clock().astimezone(self.zone).date())
        districts = sorted(
            {schedule.district for schedule in await asyncio.to_thread(self.prompts.schedules)}
        )
        sent = 0
        for district in districts:
            try:
                sent += await self._district(district, month)
            except Exception:  # noqa: BLE001 - one district's trouble must not keep the others waiting
                log.exception("the engagement digest for %s failed", district)
        return sent

    def _posts(self, district: str, month: date) -> list[PostRecord]:
        return [
            post
            for post in self.prompts.posts(district, limit=200)
            if post.outcome == "sent"
            and post.sent_at is not None
            and post.sent_at.astimezone(self.zone).date().replace(day=1) == month
        ][::-1]  # oldest first

    async def _district(self, district: str, month: date) -> int:
        posts = await asyncio.to_thread(self._posts, district, month)
        if not posts:
            return 0
        period = month_key(month)
        board = await asyncio.to_thread(self.people.members, district, Role.BOARD)
        already = await asyncio.to_thread(self.checkins.reminded, district, DIGEST_KIND, period)
        pending = sorted({m.person_id for m in board} - already)
        chats = await asyncio.to_thread(self.people.personal_chats, pending)
        if not chats:
            return 0
        reads = await asyncio.to_thread(self.engagement.reads_channels, district)
        languages = await asyncio.to_thread(self.people.languages, list(chats), self.t.language)
        digests = {  # each board member's in their own language, as every message the bot starts
            language: engagement_digest(
                translator(language), posts, month=month, zone=self.zone, reads_replies=reads
            )
            for language in set(languages.values())
        }
        sent = 0
        now = self.clock()
        for person_id, reference in chats.items():
            claimed = await asyncio.to_thread(
                self.checkins.mark_reminded, district, DIGEST_KIND, period, person_id, now=now
            )
            if not claimed:
                continue
            try:
                await self.notifier.send(reference, digests[languages[person_id]])
                sent += 1
            except (ConversationGone, SendFailed, SendUncertain) as exc:
                log.warning("could not send the engagement digest to person %s: %s", person_id, exc)
        return sent
