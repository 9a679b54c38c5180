"""Did a prompt start a discussion? Engagement of the bot's posts, as counts. Framework-free.

What the board means (issue 24): the plan asks for posts "i syfte att skapa diskussion". A post started a
discussion when at least two people replied in its thread (a discussion needs two voices), or, where the
bot cannot read replies, when at least three reactions showed people took it up.

- Reactions: Teams sends the bot a `messageReaction` for every reaction added to or removed from its own
  post, consent or not. Counted per post, added minus removed, never below nought.
- Replies: only with the team's resource-specific consent (ChannelMessage.Read.Group) does the bot receive
  channel messages that do not @mention it. A reply in a prompt's thread (conversation id
  "<channel>;messageid=<the post's id>") counts once; the people replying are counted once each, through a
  salted hash of their Teams id per post (never their name, never the text), kept only while the post's
  replies are counted: COUNTING_DAYS after it was posted. After that only the numbers stay.
- A team has the consent once such a message arrived; until then the bot says replies are not counted.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.db.engagement import EngagementRepository

COUNTING_DAYS = 30  # replies and reactions counted this long after a post; people's hashes kept as long
DISCUSSION_PEOPLE = 2
DISCUSSION_REACTIONS = 3
SALT_BYTES = 16
_THREAD = ";messageid="


@dataclass(frozen=True)
class Engagement:
    reactions: int = 0
    replies: int = 0
    people: int = 0

    @property
    def started_discussion(self) -> bool:
        return self.people >= DISCUSSION_PEOPLE or self.reactions >= DISCUSSION_REACTIONS


def thread_root(conversation_id: str) -> str | None:
    """The id of the message a channel thread's conversation id names ("19:x@thread.tacv2;messageid=17")."""
    _, found, root = conversation_id.partition(_THREAD)
    return root or None if found else None


def new_salt() -> str:
    return secrets.token_hex(SALT_BYTES)


def replier_hash(salt: str, user_id: str) -> str:
    """Who replied, as only this post can tell: HMAC-SHA256 of the Teams id, keyed by the post's salt."""
    return hmac.new(bytes.fromhex(salt), user_id.encode("utf-8"), hashlib.sha256).hexdigest()


def counting_since(now: datetime) -> datetime:
    """Posts sent before this are past counting: their reactions and replies are final."""
    return now - timedelta(days=COUNTING_DAYS)


@dataclass(frozen=True)
class PostsTally:
    """The bot's posts for a posts goal in the plan's year: this month (None when today is not in that
    year: no month of it is "this month"), the year's, and how many of the year's started a discussion;
    `reads_replies` says whether replies could count."""

    month: int | None
    year: int
    discussions: int
    reads_replies: bool
    plan_year: int


def tally(
    posts: Sequence[tuple[date, Engagement]], today: date, *, year: int, reads_replies: bool
) -> PostsTally:
    """Posts (their local day and engagement) counted for the plan year `year` up to `today`, and for
    `today`'s month when today is in that year."""
    this_year = [(day, engagement) for day, engagement in posts if day.year == year and day <= today]
    return PostsTally(
        month=sum(1 for day, _ in this_year if day.month == today.month) if today.year == year else None,
        year=len(this_year),
        discussions=sum(1 for _, engagement in this_year if engagement.started_discussion),
        reads_replies=reads_replies,
        plan_year=year,
    )


class EngagementCounter:
    """Counts reactions and replies on the bot's posts (bot/db/engagement.py stores them)."""

    def __init__(self, store: EngagementRepository) -> None:
        self.store = store

    def reacted(
        self,
        conversation_id: str,
        message_id: str,
        *,
        added: int,
        removed: int,
        activity_id: str,
        now: datetime,
    ) -> bool:
        """A reaction to a message in a channel; True if it was a prompt's post (and counted, once per
        `activity_id`: Teams redelivering it, to this process or another, changes nothing)."""
        if not message_id or (added == 0 and removed == 0):
            return False
        return self.store.add_reactions(
            conversation_id, message_id, added - removed, activity_id=activity_id, since=counting_since(now)
        )

    def overheard(
        self, conversation_id: str, team_id: str | None, user_id: str, *, activity_id: str, now: datetime
    ) -> bool:
        """A channel message not addressed to the bot: it shows the team lets the bot read its channels
        (so replies are counted there), and it is counted if it replies in a prompt's thread (`replied`)."""
        if team_id:
            self.store.note_reading(team_id, now=now)
        return self.replied(conversation_id, user_id, activity_id=activity_id, now=now)

    def replied(self, conversation_id: str, user_id: str, *, activity_id: str, now: datetime) -> bool:
        """A message in a channel thread; True if the thread is a prompt's post (and the reply counted, once
        per `activity_id`)."""
        root = thread_root(conversation_id)
        if root is None or not user_id:
            return False
        return self.store.add_reply(
            conversation_id, root, user_id, activity_id=activity_id, since=counting_since(now)
        )
