"""What the bot needs of a Bot Framework SDK, in the SDK's absence: one adapter module per SDK implements it.

`BOT_SDK=botbuilder` (the default, bot/sdk/botbuilder.py) or `BOT_SDK=agents` (the Microsoft 365 Agents SDK,
bot/sdk/agents.py, the `agents` extra). An adapter reads a request's token and activity, runs a turn (an
`Incoming` activity plus a way to answer: `Turn`), and sends messages later (`Outbound`: into a stored
conversation, or as a new thread in a channel). Nothing outside bot/sdk/ imports an SDK; everything the
rest of the bot reads or stores is plain JSON, as Teams writes it (camelCase keys), so a conversation
reference stored under one SDK is used by the other.
"""

from __future__ import annotations

import html
import importlib
import math
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Literal, Protocol

SDKS = ("botbuilder", "agents")
SdkName = Literal["botbuilder", "agents"]


@dataclass(frozen=True)
class Message:
    """What the bot sends: a text, shown as written (`textFormat: plain`), and optionally an Adaptive Card
    beside it (the text is then what notifications and previews show)."""

    text: str
    card: dict[str, Any] | None = None


@dataclass
class InvokeAnswer:
    """The HTTP answer to an `invoke` activity (e.g. `adaptiveCard/action`), given while the turn runs."""

    status: int
    body: Any = None


class ConnectorError(Exception):
    """The Bot Connector did not take a message. Raised by adapters in place of their SDK's errors."""


class Refused(ConnectorError):
    """The Connector answered with an error status; `retry_after` in seconds when it said (Retry-After)."""

    def __init__(self, status: int | None, retry_after: float | None = None, detail: str = "") -> None:
        super().__init__(f"the Bot Connector answered {status}{': ' + detail if detail else ''}")
        self.status = status
        self.retry_after = retry_after


class Unreachable(ConnectorError):
    """No answer. `maybe_sent`: the connection failed after the request may have been sent (lost, read
    timeout), so the Connector may have taken it; False only when nothing can have been sent."""

    def __init__(self, detail: str, *, maybe_sent: bool) -> None:
        super().__init__(detail)
        self.maybe_sent = maybe_sent


class Unreadable(ConnectorError):
    """A success status whose answer could not be read (a proxy's page): taken, but no message id."""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list_of_dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@dataclass
class Incoming:
    """An activity as Teams sent it (its JSON, camelCase), read the same whichever SDK received it.

    For the other helpers' needs too: `name`/`value` of an `invoke` (`adaptiveCard/action`), the
    `reactions_added`/`reply_to_id` of a `messageReaction`, the person's `locale`, the text's
    `text_format` (Teams sends "xml" for HTML it flattened)."""

    data: dict[str, Any]

    @property
    def type(self) -> str | None:
        return _str(self.data.get("type"))

    @property
    def id(self) -> str | None:
        return _str(self.data.get("id"))

    @property
    def name(self) -> str | None:
        return _str(self.data.get("name"))

    @property
    def text(self) -> str | None:
        return _str(self.data.get("text"))

    @property
    def text_format(self) -> str | None:
        return _str(self.data.get("textFormat"))

    @property
    def value(self) -> Any:
        return self.data.get("value")

    @property
    def locale(self) -> str | None:
        return _str(self.data.get("locale"))

    @property
    def channel_id(self) -> str | None:
        return _str(self.data.get("channelId"))

    @property
    def service_url(self) -> str | None:
        return _str(self.data.get("serviceUrl"))

    @property
    def reply_to_id(self) -> str | None:
        return _str(self.data.get("replyToId"))

    @property
    def action(self) -> str | None:
        return _str(self.data.get("action"))

    @property
    def conversation(self) -> dict[str, Any]:
        return _dict(self.data.get("conversation"))

    @property
    def sender(self) -> dict[str, Any] | None:
        account = self.data.get("from")
        return account if isinstance(account, dict) else None

    @property
    def recipient(self) -> dict[str, Any] | None:
        account = self.data.get("recipient")
        return account if isinstance(account, dict) else None

    @property
    def channel_data(self) -> dict[str, Any]:
        return _dict(self.data.get("channelData"))

    @property
    def entities(self) -> list[dict[str, Any]]:
        return _list_of_dicts(self.data.get("entities"))

    @property
    def attachments(self) -> list[dict[str, Any]]:
        return _list_of_dicts(self.data.get("attachments"))

    @property
    def members_added(self) -> list[dict[str, Any]]:
        return _list_of_dicts(self.data.get("membersAdded"))

    @property
    def members_removed(self) -> list[dict[str, Any]]:
        return _list_of_dicts(self.data.get("membersRemoved"))

    @property
    def reactions_added(self) -> list[dict[str, Any]]:
        return _list_of_dicts(self.data.get("reactionsAdded"))

    @property
    def reactions_removed(self) -> list[dict[str, Any]]:
        return _list_of_dicts(self.data.get("reactionsRemoved"))

    def reference(self) -> dict[str, Any]:
        """Where to answer later: the conversation reference both SDKs make of an activity
        (botbuilder's TurnContext.get_conversation_reference, the Agents SDK's
        Activity.get_conversation_reference), as JSON. The tenant is written in both SDKs' spellings:
        botbuilder's model reads `tenantID`, the Agents SDK's `tenantId`."""
        reference: dict[str, Any] = {
            "activityId": self.id if self.type != "conversationUpdate" else None,
            "user": self.sender,
            "bot": self.recipient,
            "conversation": dict(self.conversation),
            "channelId": self.channel_id,
            "locale": self.locale,
            "serviceUrl": self.service_url,
        }
        tenant = _str(self.conversation.get("tenantId")) or _str(self.conversation.get("tenantID"))
        if tenant:
            reference["conversation"]["tenantId"] = reference["conversation"]["tenantID"] = tenant
        return {key: value for key, value in reference.items() if value is not None}

    def text_without_mention_of(self, account_id: str) -> str:
        """The text with mentions of `account_id` removed as botbuilder's TurnContext.remove_mention_text
        does (the entity's own text, `<at>Name</at>`, whatever name the user shortened it to)."""
        text = self.text or ""
        for entity in self.entities:
            if str(entity.get("type") or "").lower() != "mention":
                continue
            mentioned = _dict(entity.get("mentioned"))
            if mentioned.get("id") != account_id:
                continue
            written = _str(entity.get("text")) or _str(mentioned.get("name")) or ""
            match = re.match(r"<at(.*)>(.*?)</at>", html.escape(written), re.IGNORECASE)
            if match and match.group(2):
                text = text.replace(match.group(2), "")
                text = re.sub(r"<at></at>", "", text)
        return text


class Turn(Protocol):
    """One incoming activity and how to answer it, on either SDK."""

    activity: Incoming
    state: dict[str, Any]  # what the bot keeps for the length of the turn

    async def send(self, message: Message) -> str | None:
        """Reply in the turn's conversation; the new message's id. One attempt: bot/teams.py answers through
        bot/notifier.py's RetryingTurn, which retries within the turn's deadline."""

    def answer_invoke(self, answer: InvokeAnswer) -> None:
        """The HTTP answer to this `invoke` activity (ignored for any other type)."""


class Outbound(Protocol):
    """Messages the bot starts: into a stored conversation, or a new thread in a channel. One attempt each;
    the notifier (bot/notifier.py) paces and retries. Errors are ConnectorError's subclasses."""

    async def send(self, reference: dict[str, Any], message: Message) -> str:
        """Post `message` in the conversation `reference` (stored JSON) names; the message's id."""

    async def create_thread(
        self, channel_reference: dict[str, Any], message: Message, *, channel_id: str, tenant_id: str | None
    ) -> dict[str, Any]:
        """Start a thread in channel `channel_id` with `message`; the new thread's reference as the SDK
        returns it (its conversation id names the thread: `<channel>;messageid=<id>`)."""


OnTurn = Callable[[Turn], Awaitable[None]]


class BadActivity(ValueError):
    """The body is JSON but no activity the SDK can read (a field of the wrong type)."""


@dataclass
class Refusal:
    """Why a request's token was refused (401)."""

    reason: str


class Sdk(Protocol):
    """An SDK's adapter: authentication, turns in, messages out."""

    name: SdkName
    outbound: Outbound

    async def authenticate(
        self, header: str, *, channel_id: str | None, service_url: str | None, checked: Any = None
    ) -> Any:
        """The SDK's check of `header` (before the body is read: both None); an identity, or a Refusal.
        `checked`: what the call before the body returned, so that an SDK that can need not check the
        token's signature again, only what needs the activity."""

    async def process(self, identity: Any, body: dict[str, Any], on_turn: OnTurn) -> InvokeAnswer | None:
        """Run a turn for `body` (raises BadActivity if the SDK cannot read it); an invoke's answer."""


@dataclass
class SdkSettings:
    """What an adapter is made from (bot/config.py's Settings, without the rest of the bot)."""

    app_id: str
    app_password: str
    app_type: str
    tenant_id: str


def load(name: str, settings: SdkSettings) -> Sdk:
    """The adapter for `name` (BOT_SDK); the Agents SDK's needs the `agents` extra."""
    if name not in SDKS:
        raise ValueError(f"BOT_SDK must be one of {', '.join(SDKS)}, not {name!r}")
    try:
        module = importlib.import_module(f"bot.sdk.{name}")
    except ImportError as exc:
        raise RuntimeError(f"BOT_SDK={name} needs its packages: pip install '.[agents]' ({exc})") from exc
    sdk: Sdk = module.make(settings)
    return sdk


def retry_after(headers: Any) -> float | None:
    """Retry-After from an answer's headers, in seconds: delta-seconds or an HTTP date.

    A date is measured against the answer's own Date header when there is one, so the bot's clock being
    off does not matter.
    """
    if headers is None:
        return None
    value = headers.get("Retry-After")
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        seconds = float(value)
    except ValueError:
        when = _http_date(value)
        if when is None:
            return None
        now = _http_date(headers.get("Date")) or datetime.now(UTC)
        seconds = (when - now).total_seconds()
    if math.isnan(seconds):
        return None
    return max(0.0, seconds)


def _http_date(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
