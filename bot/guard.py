"""What a request must pass before the SDK reads it: size, nesting, valid text, and where replies may go.

Framework-free checks used by bot/app.py `_messages` (issue 17, "hostile input"):
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

import ipaddress
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

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
