"""Adaptive Cards as plain dicts, each rendered together with its plain-text fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

CARD_VERSION = "1.5"  # Teams renders Adaptive Cards up to 1.5

Card = dict[str, Any]


@dataclass(frozen=True)
class Reply:
    """What the bot answers: text for every channel, and a card where the channel shows cards."""

    text: str
    card: Card | None = field(default=None, compare=False)
    # Instead of this reply, bot/teams.py begins the check-in dialog (a channel without cards).
    opens_check_in_dialog: bool = False
    # The sender's data was erased: bot/teams.py forgets what it remembers of them too.
    forgot_sender: bool = False


# Adaptive Card markdown (and Teams) would otherwise interpret these: emphasis, code, links ("[x](y)"
# needs the brackets), and "<" which would start an <at> mention or HTML.
_INLINE = re.compile(r"([\\`*_\[\]<>~])")
# Only at the start of a line: headings, quotes, bullet and numbered lists.
_LINE_START = re.compile(r"^(\s*)(?:([#+-])|(\d+)\.)", re.MULTILINE)


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
