"""The proactive notifier: the one place scheduled work sends through; and a turn's replies retried.

It posts a Reply into a stored conversation, or starts a new thread in a channel, paced to Teams' rate limits
and retried the way Teams asks (bot/sdk's RetryPolicy, by which a turn's replies are retried too). It knows
no SDK: it sends through an SDK adapter's Outbound (bot/sdk), whose errors say what the Connector answered.

Facts it is built on (DESIGN.md, "Facts that shape the design"):
- Neither SDK retries: an error answer from the Bot Connector is raised once (bot/sdk.Refused, with the
  status and Retry-After), whatever the body (the adapters read a gateway's HTML or text/plain error page as
  its status). A success status whose body cannot be read (an HTML page from a proxy, broken JSON) is
  bot/sdk.Unreadable: the message was probably taken, but there is no id, so it is SendUncertain, never sent
  again. An unreachable Connector is bot/sdk.Unreachable (botbuilder's requests/urllib3 has by then itself
  tried to connect three more times, about 5 s of backoff, so connection errors get few retries here).
- No send is idempotent: a connection lost after the request was sent (closed unanswered, read timeout)
  may come after Teams posted the message or created the thread, and a retry would post it twice. Only a
  failure to connect, or an answer that refuses it (429, 503, ...), proves it was not taken; anything
  else is raised as SendUncertain ("may not have arrived"), logged and never sent again: exactly once
  for every message the bot starts (notices, reminders, digests, new threads), at the cost of one that
  may be lost. (A turn's replies, bot/sdk's RetryingTurn, are retried only on an answered status too.)
- Teams' limits per bot per conversation: 7 sends / 1 s, 8 / 2 s, 60 / 30 s, 1800 / hour; per app about
  50 requests / s. Teams asks bots to retry 412, 429, 502, 504 with exponential backoff and jitter,
  honouring Retry-After.
"""

from __future__ import annotations

import asyncio
import logging
import random as _random
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.cards import Reply, message_of
from bot.sdk import Outbound, Refused, RetryPolicy, Unreachable, Unreadable
from bot.services.people import channel_of

log = logging.getLogger(__name__)

T = TypeVar("T")

# Teams' answers that mean "the bot is no longer in that team, channel or chat".
GONE_STATUSES = frozenset({403, 404})

# Conversation types a new thread cannot be started in.
_NOT_CHANNELS = frozenset({"personal", "groupChat"})
# A wait that ends within this of its slot counts as on time (float sums of delays are inexact).
_EPSILON = 1e-6


class ConversationGone(Exception):
    """The Connector answered 403/404: the bot was removed from that team, channel or chat."""

    def __init__(self, conversation_id: str, status: int) -> None:
        super().__init__(f"the Bot Connector answered {status} for conversation {conversation_id}")
        self.conversation_id = conversation_id
        self.status = status


class SendFailed(Exception):
    """Retries ran out, or the Connector refused the message for another reason; `status` is the last one."""

    def __init__(self, message: str, *, status: int | None, conversation_id: str) -> None:
        super().__init__(message)
        self.status = status
        self.conversation_id = conversation_id


class SendUncertain(SendFailed):
    """The Connector may have taken the message, and whether it did is unknown: the connection was lost after
    the request was sent, or a success answer could not be read (no message id). Not retried."""


@dataclass(frozen=True)
class Sent:
    """A delivered message; `reference` is where it now lives (a new thread's reference can be replied to)."""

    message_id: str
    conversation_id: str
    reference: dict[str, Any]


@dataclass(frozen=True)
class Window:
    """At most `limit` sends in any `seconds` long stretch."""

    limit: int
    seconds: float


@dataclass(frozen=True)
class RateLimits:
    per_conversation: tuple[Window, ...]
    overall: tuple[Window, ...]


TEAMS_LIMITS = RateLimits(
    per_conversation=(Window(7, 1.0), Window(8, 2.0), Window(60, 30.0), Window(1800, 3600.0)),
    # About 50 per second per app (DESIGN.md). Paced at exactly 50, a send that reaches Teams a few ms
    # late lands in the next second's window and gets a 429, whose Retry-After costs a second or more:
    # 5 % under the limit loses less time than it saves.
    overall=(Window(50, 1.05),),
)


class SlidingWindows:
    """Send times per key, enough to tell when the next send fits every window.

    Each key keeps at most the largest window's limit of times; a key with no send within the longest
    window is dropped, so memory follows the conversations active in the last hour.
    """

    def __init__(self, windows: tuple[Window, ...]) -> None:
        self._windows = windows
        self._span = max(w.seconds for w in windows)
        self._depth = max(w.limit for w in windows)
        self._times: OrderedDict[str, deque[float]] = OrderedDict()  # least recently used first

    def __len__(self) -> int:
        return len(self._times)

    def ready_at(self, key: str, now: float) -> float:
        """The earliest time from `now` on at which one more send under `key` stays within every window."""
        times = self._times.get(key)
        ready = now
        if times:
            for window in self._windows:
                if len(times) >= window.limit:
                    # The limit-th most recent send must have left the window (windows are half-open).
                    ready = max(ready, times[-window.limit] + window.seconds)
        return ready

    def record(self, key: str, at: float) -> None:
        times = self._times.get(key)
        if times is None:
            times = self._times[key] = deque(maxlen=self._depth)
        times.append(at)
        self._times.move_to_end(key)
        while self._times:
            oldest = next(iter(self._times.values()))
            if oldest[-1] > at - self._span:
                break
            self._times.popitem(last=False)


class Notifier:
    """Sends Replies proactively through an SDK adapter's Outbound; one per app: it holds the pacing state."""

    def __init__(
        self,
        outbound: Outbound,
        *,
        limits: RateLimits = TEAMS_LIMITS,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - frozen, so one shared default is safe
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        random: Callable[[], float] = _random.random,
    ) -> None:
        self._outbound = outbound
        self._retry = retry
        self._monotonic = monotonic
        self._sleep = sleep
        self._random = random
        self._per_conversation = SlidingWindows(limits.per_conversation)
        self._overall = SlidingWindows(limits.overall)

    async def send(self, reference: dict[str, Any], reply: Reply) -> Sent:
        """Post `reply` into an existing conversation: a personal chat, a group chat or a channel thread."""
        conversation_id = _conversation_id(reference)
        message = message_of(reply, _str(reference.get("channelId")))
        message_id = await self._deliver(conversation_id, lambda: self._outbound.send(reference, message))
        where = dict(reference)
        where["activityId"] = message_id
        return Sent(message_id=message_id, conversation_id=conversation_id, reference=where)

    async def start_thread(self, channel_reference: dict[str, Any], reply: Reply) -> Sent:
        """Start a new thread with `reply` in the channel `channel_reference` points at (or a thread of)."""
        conversation_id = _conversation_id(channel_reference)
        conversation = channel_reference["conversation"]
        kind = conversation.get("conversationType")
        if kind in _NOT_CHANNELS:
            raise ValueError(f"{conversation_id} is a {kind}, not a channel")
        if not channel_reference.get("serviceUrl"):
            raise ValueError(f"the reference to {conversation_id} has no serviceUrl")
        tenant_id = _str(conversation.get("tenantId")) or _str(conversation.get("tenantID"))
        message = message_of(reply, _str(channel_reference.get("channelId")) or "msteams")
        created = await self._deliver(
            conversation_id,
            lambda: self._outbound.create_thread(
                channel_reference, message, channel_id=channel_of(conversation_id), tenant_id=tenant_id
            ),
        )
        # The SDK builds the thread's reference from the create answer alone; complete it from the
        # channel's, so a later send() addresses the thread like any stored reference.
        thread = {key: value for key, value in created.items() if key not in ("user", "bot", "locale")}
        for key in ("bot", "locale"):
            if channel_reference.get(key) is not None:
                thread[key] = channel_reference[key]
        thread_conversation = dict(thread.get("conversation") or {})
        thread_conversation["isGroup"] = True
        thread_conversation["conversationType"] = kind or "channel"
        tenant = _str(thread_conversation.get("tenantId")) or _str(thread_conversation.get("tenantID"))
        if tenant or tenant_id:
            thread_conversation["tenantId"] = thread_conversation["tenantID"] = tenant or tenant_id
        thread["conversation"] = thread_conversation
        thread_id = thread_conversation["id"]
        message_id = _thread_message_id(thread_id) or _str(thread.get("activityId")) or ""
        thread["activityId"] = message_id
        return Sent(message_id=message_id, conversation_id=thread_id, reference=thread)

    async def _deliver(self, conversation_id: str, attempt: Callable[[], Awaitable[T]]) -> T:
        """Run `attempt` paced and retried; raise ConversationGone or SendFailed when it cannot succeed.

        A connection lost once the request may have been sent raises SendUncertain instead of trying
        again. A success answer that cannot be read raises SendUncertain too: the Connector said it took
        the message, but there is no id (for a new thread, not even the thread), so it can be neither
        reported as Sent nor sent again.
        """
        policy = self._retry
        connection_failures = 0
        number = 0
        while True:
            number += 1
            await self._pace(conversation_id)
            retry_after: float | None = None
            try:
                return await attempt()
            except Unreadable as exc:
                log.warning(
                    "a message to %s may not have arrived: the Connector's answer could not be read; it is"
                    " not sent again",
                    conversation_id,
                )
                raise SendUncertain(
                    f"the Connector's answer could not be read: {exc}",
                    status=None,
                    conversation_id=conversation_id,
                ) from exc
            except Refused as exc:
                status = exc.status
                if status in GONE_STATUSES:
                    log.info("conversation %s is gone: the Connector answered %s", conversation_id, status)
                    raise ConversationGone(conversation_id, status) from exc
                if status not in policy.statuses:
                    log.warning("gave up on %s: the Connector answered %s", conversation_id, status)
                    raise SendFailed(
                        f"the Connector answered {status}", status=status, conversation_id=conversation_id
                    ) from exc
                last: int | None = status
                retry_after = exc.retry_after
                error: Exception = exc
            except Unreachable as exc:
                if exc.maybe_sent:
                    log.warning(
                        "a message to %s may not have arrived: the connection was lost after it was sent;"
                        " it is not sent again",
                        conversation_id,
                    )
                    raise SendUncertain(
                        "the connection was lost after the request was sent",
                        status=None,
                        conversation_id=conversation_id,
                    ) from exc
                connection_failures += 1
                last, error = None, exc
                if connection_failures >= policy.connection_attempts:
                    log.warning(
                        "gave up on %s: the Connector could not be reached (%d times)",
                        conversation_id,
                        connection_failures,
                    )
                    raise SendFailed(
                        "the Connector could not be reached", status=None, conversation_id=conversation_id
                    ) from exc
            if number >= policy.attempts:
                log.warning("gave up on %s after %d attempts: last status %s", conversation_id, number, last)
                raise SendFailed(
                    f"no success in {number} attempts (last status {last})",
                    status=last,
                    conversation_id=conversation_id,
                ) from error
            if retry_after is not None and retry_after > policy.max_delay:
                log.warning(
                    "gave up on %s: status %s asks for a wait of %.0f s (more than %.0f s)",
                    conversation_id,
                    last,
                    retry_after,
                    policy.max_delay,
                )
                raise SendFailed(
                    f"status {last} asks for a wait of {retry_after:.0f} s",
                    status=last,
                    conversation_id=conversation_id,
                ) from error
            if retry_after is None:
                delay = policy.backoff(number, self._random)
            else:
                delay = policy.after(retry_after, number, self._random)
            log.warning(
                "sending to %s: %s, retry %d of %d in %.2f s",
                conversation_id,
                f"status {last}" if last is not None else "no connection",
                number,
                policy.attempts - 1,
                delay,
            )
            await self._sleep(delay)

    async def _pace(self, conversation_id: str) -> None:
        """Wait until one more request fits the conversation's and the app's windows, then count it.

        Checking and counting happen with no await in between, so concurrent senders cannot both take the
        last slot; a sender that has to wait checks again when it wakes.
        """
        key = channel_of(conversation_id)  # a channel's threads count against the channel
        while True:
            now = self._monotonic()
            ready = max(self._per_conversation.ready_at(key, now), self._overall.ready_at("", now))
            if ready <= now + _EPSILON:
                at = max(now, ready)
                self._per_conversation.record(key, at)
                self._overall.record("", at)
                return
            await self._sleep(ready - now)


def _thread_message_id(conversation_id: str) -> str | None:
    _, _, rest = conversation_id.partition(";messageid=")
    return rest or None


def _conversation_id(reference: dict[str, Any]) -> str:
    conversation = reference.get("conversation")
    conversation_id = conversation.get("id") if isinstance(conversation, dict) else None
    if not isinstance(conversation_id, str) or not conversation_id:
        raise ValueError("the conversation reference has no conversation id")
    return conversation_id


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None
