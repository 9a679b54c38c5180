"""What the bot needs of a Bot Framework SDK, in the SDK's absence: one adapter module per SDK implements it.

`BOT_SDK=botbuilder` (the default, bot/sdk/botbuilder.py) or `BOT_SDK=agents` (the Microsoft 365 Agents SDK,
bot/sdk/agents.py, the `agents` extra). An adapter reads a request's token and activity, runs a turn (an
`Incoming` activity plus a way to answer: `Turn`), and sends messages later (`Outbound`: into a stored
conversation, or as a new thread in a channel). Nothing outside bot/sdk/ imports an SDK; everything the
rest of the bot reads or stores is plain JSON, as Teams writes it (camelCase keys), so a conversation
reference stored under one SDK is used by the other. Neither SDK retries a send: a turn's replies are
retried here the way Teams asks (RetryingTurn; bot/notifier.py retries what the bot starts by the same
RetryPolicy).

`endpoint` is /api/messages, the same for both SDKs: what a request must pass before an SDK reads it
(issue 17, "hostile input"):
- JSON nested deeper than MAX_DEPTH is refused before it is parsed: no activity field needs more, and
  Python's recursive readers (json, msrest's deserializer) would otherwise fail with RecursionError or
  spend time and memory on it.
- A string holding a lone UTF-16 surrogate ("\\ud800") or NUL cannot be stored (SQLite/PostgreSQL text,
  UTF-8 logs): refused with 400 before the turn.
- A field of the wrong type (`from` a string, `entities` a number, a `timestamp` that is no date) is refused
  with 400 the same on either SDK (`wrong_type`).
- Without credentials (local development), replies go only to loopback or to the Bot Framework / Teams
  service hosts: the SDK would send them to whatever `serviceUrl` a request names (DESIGN.md, "Facts").
"""

from __future__ import annotations

import asyncio
import html
import importlib
import ipaddress
import json
import logging
import math
import random as _random
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from aiohttp import web

log = logging.getLogger(__name__)

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
        RetryingTurn (below), which retries within the turn's deadline."""

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

    async def close(self) -> None:
        """Close what the adapter keeps across turns (connections), at shutdown."""


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


MAX_DEPTH = 64

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
# Escapes that may produce a NUL or a lone surrogate; only then are the parsed strings walked.
_SUSPECT_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Hosts the Bot Connector answers on (public cloud, US government clouds); Teams' is smba.trafficmanager.net.
SERVICE_HOSTS = ("smba.trafficmanager.net",)
# Not any *.trafficmanager.net: anyone can make an Azure Traffic Manager profile under it.
SERVICE_DOMAINS = (".botframework.com", ".botframework.us", ".botframework.azure.us")


def too_deep(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON text `raw` nests arrays and objects deeper than `limit` (strings skipped)."""
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    if len(brackets) <= 2 * limit:
        return False
    depth = 0
    for byte in brackets:
        if byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def bad_text(raw: bytes, parsed: Any) -> bool:
    """Whether any string (or key) in `parsed`, read from `raw`, holds NUL or a lone surrogate."""
    if not _SUSPECT_ESCAPE.search(raw):
        return False  # both can only come from \\u escapes: raw NUL bytes are invalid JSON
    pending = [parsed]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if "\x00" in value or _LONE_SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


# Fields an activity carries as text: msrest would turn an object or a number there into its repr.
_TEXT_FIELDS = (
    "type", "id", "text", "locale", "textFormat", "channelId", "name", "replyToId", "serviceUrl", "action"
)  # fmt: skip
_ACCOUNTS = ("from", "recipient", "conversation")
_LISTS_OF_OBJECTS = (
    "entities",
    "attachments",
    "membersAdded",
    "membersRemoved",
    "reactionsAdded",
    "reactionsRemoved",
)
_TIMES = ("timestamp", "localTimestamp", "expiration")


def wrong_type(body: dict[str, Any]) -> str | None:
    """The first field of the activity `body` whose JSON type no activity has (absent or null is fine):
    text that is not a string, an account that is no object, a list of something other than objects, a
    time that is no ISO 8601 date, an `isGroup` that is no boolean. The same on either SDK: botbuilder's
    msrest fails on some and reads others as their repr, the Agents SDK's pydantic reads others as
    something else (a number as a Unix time)."""
    for name in _TEXT_FIELDS:
        if name in body and body[name] is not None and not isinstance(body[name], str):
            return name
    for account in _ACCOUNTS:
        value = body.get(account)
        if value is None:
            continue
        if not isinstance(value, dict):
            return account
        for name in ("id", "name", "aadObjectId", "tenantId", "conversationType"):
            if value.get(name) is not None and not isinstance(value[name], str):
                return f"{account}.{name}"
    for name in _LISTS_OF_OBJECTS:
        value = body.get(name)
        if value is not None and not (isinstance(value, list) and all(isinstance(i, dict) for i in value)):
            return name
    for name in _TIMES:
        if body.get(name) is not None and not _is_time(body[name]):
            return name
    conversation = body.get("conversation")
    if isinstance(conversation, dict) and conversation.get("isGroup") not in (None, True, False):
        return "conversation.isGroup"
    return None


def _is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def known_service_url(url: str) -> bool:
    """Whether `url` points at loopback or at a Bot Framework / Teams service host (https)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    if not host:
        return False
    if host == "localhost" or _is_loopback(host):
        return parts.scheme in ("http", "https")
    if parts.scheme != "https":
        return False
    return host in SERVICE_HOSTS or host.endswith(SERVICE_DOMAINS)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint(
    sdk: Sdk, on_turn: OnTurn, *, has_credentials: bool, max_request_bytes: int
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """/api/messages: the request checked, its token and activity read by `sdk`, a turn run by `on_turn`."""

    async def messages(request: web.Request) -> web.StreamResponse:
        # The SDKs answer a wrong content type or broken JSON with a 500 (botbuilder) or a 400 that says
        # little (the Agents SDK); check them first, the same for both.
        if request.content_type != "application/json":
            return _problem(415, "expected Content-Type: application/json")
        if request.content_length is not None and request.content_length > max_request_bytes:
            return _problem(413, "the body is too large")
        header = request.headers.get("Authorization", "")
        checked = None
        if has_credentials:
            # Refuse before reading: the token's signature, issuer, audience and lifetime are checked
            # before the body is read. The checks that need the activity (the token's serviceurl claim
            # equal to its serviceUrl; botbuilder: the key endorsed for its channelId) follow once it is
            # parsed, still before the SDK reads it as an activity.
            checked = await sdk.authenticate(header, channel_id=None, service_url=None)
            if isinstance(checked, Refusal):
                return _problem(401, "unauthorized")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _problem(413, "the body is too large")
        if too_deep(raw):
            return _problem(400, "the body is nested too deeply")
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested too deeply
            return _problem(400, "the body is not valid JSON")
        if bad_text(raw, body):
            return _problem(400, "the body holds NUL or a lone surrogate")
        missing = _missing_fields(body)
        if missing:
            return _problem(400, f"not an activity: missing {', '.join(missing)}")
        if (field := wrong_type(body)) is not None:
            log.info("refused a malformed activity: %s", field)
            return _problem(400, f"not an activity: {field} has the wrong type")
        channel_id = body.get("channelId")
        identity = await sdk.authenticate(
            header,
            channel_id=channel_id if isinstance(channel_id, str) else None,
            service_url=body["serviceUrl"],
            checked=checked,
        )
        if isinstance(identity, Refusal):
            return _problem(401, "unauthorized")
        if not has_credentials and not known_service_url(body["serviceUrl"]):
            # Unauthenticated (local development): the SDK would post the reply to any serviceUrl.
            log.warning("refused an activity whose replies would go to %s", body["serviceUrl"])
            return _problem(403, "replies may go only to loopback or the Bot Framework service")
        try:
            invoke = await sdk.process(identity, body, on_turn)
        except BadActivity as exc:
            # A field of the wrong type (`from` a string, `entities` a number, a `timestamp` that is no
            # date): the SDK cannot read it as an activity, and would let that escape as a 500.
            log.info("refused a malformed activity: %s", exc)
            return _problem(400, "not an activity: a field has the wrong type")
        if invoke:
            return web.json_response(invoke.body, status=invoke.status)
        return web.Response(status=201)

    return messages


def _missing_fields(body: Any) -> list[str]:
    if not isinstance(body, dict):
        return ["an object"]
    missing = [
        name for name in ("type", "serviceUrl") if not isinstance(body.get(name), str) or not body[name]
    ]
    conversation = body.get("conversation")
    if not isinstance(conversation, dict) or not conversation.get("id"):
        missing.append("conversation.id")
    return missing


def _problem(status: int, detail: str) -> web.Response:
    return web.json_response({"error": detail}, status=status)


# --- replies retried the way Teams asks (neither SDK retries; bot/notifier.py paces on these rules too) ---

# Answers worth another try: the ones Teams names, and 503 (unavailable), as passing as 502.
RETRY_STATUSES = frozenset({412, 429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with equal jitter, Retry-After honoured; see `Notifier._deliver`."""

    attempts: int = 6  # requests per message in all, the first included
    connection_attempts: int = 3  # of those, how many may fail to reach the Connector (each is ~5 s already)
    base_delay: float = 1.0  # the backoff step before the second attempt; doubles each time
    max_delay: float = 60.0  # no single wait is longer; a Retry-After beyond it gives up instead
    statuses: frozenset[int] = RETRY_STATUSES

    def backoff(self, retry: int, random: Callable[[], float]) -> float:
        """Equal jitter: half of the step for certain, the other half at random.

        Unlike full jitter (anything from 0 to the step) a retry never comes back at once, and a fan-out
        that failed together still spreads out.
        """
        step = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return step / 2 + random() * step / 2

    def after(self, retry_after: float, retry: int, random: Callable[[], float]) -> float:
        """Never sooner than Retry-After; up to half a step more at random, so senders spread out."""
        step = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return min(self.max_delay, retry_after + random() * step / 2)


# A turn's replies: a few quick retries (at most 0.5 + 1 + 2 s of backoff), and no reply waited for past
# the deadline, counted from the turn's start: Teams gives up on a turn after 10-15 s and may send it again.
REPLY_RETRY = RetryPolicy(attempts=4, base_delay=0.5, max_delay=4.0)
REPLY_DEADLINE = 12.0


class ReplyTimeout(Unreachable):
    """No answer from the Bot Connector before the turn's deadline: the user got nothing."""


class RetryingTurn:
    """A turn (bot/sdk.Turn) whose replies are retried on a passing failure (REPLY_RETRY, the notifier's
    rules) and given up at the turn's deadline, counted from when it was made (the turn's start)."""

    retry: RetryPolicy = REPLY_RETRY
    deadline: float = REPLY_DEADLINE
    sleep: Callable[[float], Awaitable[None]] = staticmethod(asyncio.sleep)
    random: Callable[[], float] = staticmethod(_random.random)

    def __init__(self, turn: Turn) -> None:
        self.turn = turn
        self.activity: Incoming = turn.activity
        self.state = turn.state
        self._loop = asyncio.get_running_loop()
        self._deadline = self._loop.time() + self.deadline

    def answer_invoke(self, answer: InvokeAnswer) -> None:
        self.turn.answer_invoke(answer)

    async def send(self, message: Message) -> str | None:
        loop, policy, deadline = self._loop, self.retry, self._deadline
        for number in range(1, policy.attempts + 1):
            try:
                return await asyncio.wait_for(self.turn.send(message), max(0.0, deadline - loop.time()))
            except TimeoutError as exc:
                log.error(
                    "gave up on a reply: no answer from the Bot Connector in time; the user got nothing"
                )
                raise ReplyTimeout(
                    f"no answer from the Bot Connector within {self.deadline:.0f} s", maybe_sent=True
                ) from exc
            except Refused as exc:
                status, retry_after = exc.status, exc.retry_after
                if status not in policy.statuses or number == policy.attempts:
                    raise
                if retry_after is None:
                    delay = policy.backoff(number, self.random)
                else:
                    delay = policy.after(retry_after, number, self.random)
                if (retry_after or 0.0) > policy.max_delay or loop.time() + delay >= deadline:
                    log.warning("a reply got status %s; no time left to try again", status)
                    raise
                log.warning(
                    "a reply got status %s; retry %d of %d in %.2f s",
                    status,
                    number,
                    policy.attempts - 1,
                    delay,
                )
                await self.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover
