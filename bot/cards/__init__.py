"""Adaptive Cards as plain dicts, each rendered together with its plain-text fallback, and the numbers and
days they show in the reader's language."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from babel.numbers import format_decimal

from bot.sdk import Message

if TYPE_CHECKING:
    from bot.i18n import Translator

CARD_VERSION = "1.5"  # Teams renders Adaptive Cards up to 1.5

Card = dict[str, Any]


@dataclass(frozen=True)
class Reply:
    """What the bot answers: text for every channel, and a card where the channel shows cards."""

    text: str
    card: Card | None = field(default=None, compare=False)
    # The message's own text beside a card: what Teams shows in notifications, the activity feed and thread
    # previews, which do not show cards. None: the text's first line (a card's title).
    summary: str | None = field(default=None, compare=False)

    @property
    def preview(self) -> str:
        return self.summary if self.summary is not None else self.text.split("\n", 1)[0]

    # Instead of this reply, bot/teams.py begins the check-in dialog (a channel without cards).
    opens_check_in_dialog: bool = False
    # The sender's data was erased: bot/teams.py forgets what it remembers of them too.
    forgot_sender: bool = False
    # Nothing to answer (a message of emoji alone): bot/teams.py sends nothing.
    silent: bool = False


# Adaptive Card markdown (and Teams) would otherwise interpret these: emphasis, code, links ("[x](y)"
# needs the brackets), and "<" which would start an <at> mention or HTML.
_INLINE = re.compile(r"([\\`*_\[\]<>~])")
# Only at the start of a line: headings, quotes, bullet and numbered lists.
_LINE_START = re.compile(r"^(\s*)(?:([#+-])|(\d+)\.)", re.MULTILINE)


# Channels whose clients render Adaptive Cards; everything else (the terminal chat, tests) gets text.
CARD_CHANNELS = frozenset({"msteams", "emulator", "webchat", "directline"})


def message_of(reply: Reply, channel_id: str | None) -> Message:
    """What is sent for `reply` in a channel: its card beside the preview text where cards are shown, else
    its text. Either way the text is plain (bot/sdk.Message): what a user wrote and the bot repeats (a name,
    a comment, a prompt) cannot become a link, a heading or a mention; cards escape what they show instead
    (`escape`)."""
    if reply.card is not None and channel_id in CARD_CHANNELS:
        return Message(reply.preview, card=reply.card)
    return Message(reply.text)


def escape(text: str) -> str:
    """Text shown as-is in a card: no markdown, links or mentions can be smuggled in."""
    inline = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\.", inline)


def card(body: list[dict[str, Any]], *, fallback: str, actions: list[dict[str, Any]] | None = None) -> Card:
    result: Card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "fallbackText": fallback,
        "msteams": {"width": "Full"},
        "body": body,
    }
    if actions:
        result["actions"] = actions
    return result


def heading(text: str, *, size: str = "Medium") -> dict[str, Any]:
    return {"type": "TextBlock", "text": escape(text), "weight": "Bolder", "size": size, "wrap": True}


def paragraph(text: str, *, subtle: bool = False, markdown_safe: bool = False) -> dict[str, Any]:
    block: dict[str, Any] = {
        "type": "TextBlock",
        "text": text if markdown_safe else escape(text),
        "wrap": True,
    }
    if subtle:
        block["isSubtle"] = True
        block["spacing"] = "Small"
    return block


def facts(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"type": "FactSet", "facts": [{"title": escape(k), "value": escape(v)} for k, v in pairs]}


def say(label: str, command: str) -> dict[str, Any]:
    """A button that sends `command` as if the user had typed it (Teams imBack)."""
    return {
        "type": "Action.Submit",
        "title": label,
        "data": {"msteams": {"type": "imBack", "value": command}},
    }


# --- numbers and days as the reader writes them ---------------------------------------------------------


def number(t: Translator, value: float) -> str:
    return _number(t.language, value)


def day(t: Translator, value: date) -> str:
    return _day(t.language, value)


# Babel takes about 20 µs a call; the same few numbers and days come up in every confirmation and card.
@functools.lru_cache(maxsize=4096, typed=True)
def _number(language: str, value: float) -> str:
    return format_decimal(value, locale=language)


@functools.lru_cache(maxsize=4096)
def _day(language: str, value: date) -> str:
    return format_date(value, "d MMM y", locale=language)
