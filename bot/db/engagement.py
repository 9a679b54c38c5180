"""Engagement of the bot's posts: reaction and reply counts, the repliers' salted hashes, channel consent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.db.engine import Database
from bot.db.models import ChannelReading, CountedActivity, District, PostReplier, PromptPost, Team
from bot.services.engagement import Engagement, new_salt, replier_hash
from bot.services.people import channel_of


def engagement_of(post: PromptPost) -> Engagement:
    """A post's engagement as every view shows it (`historik`, the digest, the bank, the year's report)."""
    return Engagement(post.reactions, post.replies, post.repliers)


class EngagementRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_reactions(
        self, conversation_id: str, message_id: str, change: int, *, activity_id: str, since: datetime
    ) -> bool:
        try:
            with self.db.write() as session:
                post = _post(session, conversation_id, message_id, since)
                if post is None:
                    return False
                if _counted_before(session, post, activity_id):
                    return True
                post.reactions = max(0, post.reactions + change)
                return True
        except IntegrityError:  # this very activity counted by another process a moment ago
            return True

    def add_reply(
        self, conversation_id: str, root: str, user_id: str, *, activity_id: str, since: datetime
    ) -> bool:
        try:
            return self._add_reply(conversation_id, root, user_id, activity_id, since)
        except IntegrityError:  # this reply, or the same person's, counted by another process a moment ago
            return self._add_reply(conversation_id, root, user_id, activity_id, since)

    def _add_reply(
        self, conversation_id: str, root: str, user_id: str, activity_id: str, since: datetime
    ) -> bool:
        with self.db.write() as session:
            post = _post(session, conversation_id, root, since)
            if post is None:
                return False
            if _counted_before(session, post, activity_id):
                return True
            if post.salt is None:
                post.salt = new_salt()
            post.replies += 1
            hashed = replier_hash(post.salt, user_id)
            known = session.exec(
                select(PostReplier.id).where(PostReplier.post_id == post.id, PostReplier.hash == hashed)
            ).first()
            if known is None:
                session.add(PostReplier(post_id=post.id or 0, hash=hashed))
                post.repliers += 1
            return True

    # --- consent ----------------------------------------------------------------------------------

    def note_reading(self, team_id: str, *, now: datetime) -> None:
        """A channel message not addressed to the bot arrived from this team: it has the consent."""
        try:
            with self.db.write() as session:
                if session.exec(select(ChannelReading).where(ChannelReading.team_id == team_id)).first():
                    return
                session.add(ChannelReading(team_id=team_id[:300], since=now))
        except IntegrityError:
            pass  # noted by another turn at the same moment

    def reads_channels(self, district: str) -> bool:
        """Whether any of the district's teams gave the consent (replies are counted there)."""
        with self.db.read() as session:
            found = session.exec(
                select(func.count())
                .select_from(ChannelReading)
                .join(Team, col(Team.team_id) == col(ChannelReading.team_id))
                .join(District, col(District.id) == col(Team.district_id))
                .where(District.name == district)
            ).one()
            return found > 0

    # --- retention ------------------------------------------------------------------------------

    def forget_past_counting(self, *, since: datetime) -> int:
        """The hashes of posts past their counting window: deleted, and their salts with them."""
        with self.db.write() as session:
            old = select(PromptPost.id).where(col(PromptPost.sent_at) < since)
            result = session.execute(delete(PostReplier).where(col(PostReplier.post_id).in_(old)))
            session.execute(delete(CountedActivity).where(col(CountedActivity.post_id).in_(old)))
            session.execute(
                update(PromptPost)
                .where(col(PromptPost.sent_at) < since, col(PromptPost.salt).is_not(None))
                .values(salt=None)
            )
            return int(getattr(result, "rowcount", 0) or 0)


def _post(session: Session, conversation_id: str, message_id: str, since: datetime) -> PromptPost | None:
    """The bot's post with this Teams message id in this conversation's channel, if still counting."""
    channel = channel_of(conversation_id)
    for post in session.exec(
        select(PromptPost).where(
            PromptPost.message_id == message_id[:300],
            PromptPost.outcome == "sent",
            col(PromptPost.sent_at) >= since,
        )
    ).all():
        if post.thread_id and channel_of(post.thread_id) == channel:
            return post
    return None


def _counted_before(session: Session, post: PromptPost, activity_id: str) -> bool:
    """Whether this activity was already counted on the post; if not, it is noted as counted now (in the
    same transaction: two processes given the same activity at once meet at the unique key)."""
    if not activity_id:
        return False  # nothing names the activity for good (the terminal chat): counted as it comes
    key = activity_id[:300]
    counted = select(CountedActivity.id).where(
        CountedActivity.post_id == post.id, CountedActivity.activity_id == key
    )
    if session.exec(counted).first():
        return True
    session.add(CountedActivity(post_id=post.id or 0, activity_id=key))
    session.flush()
    return False
