"""Adaptive Cards as plain dicts, each rendered together with its plain-text fallback, and the numbers and
days they show in the reader's language."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from babel.dates import format_date, format_interval, get_timezone, get_timezone_location
from babel.numbers import format_decimal

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


# Text is shown as written through RichTextBlock's TextRuns, which Adaptive Cards never read as markdown: a
# name, comment or prompt cannot become a link, a heading or a mention, and no escape (Teams mobile shows
# "\#" as it stands) is needed. TextBlock and FactSet would read markdown.


def _run(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextRun", "text": text, **style}


def heading(text: str, *, size: str = "Medium") -> dict[str, Any]:
    return {"type": "RichTextBlock", "inlines": [_run(text, weight="Bolder", size=size)]}


def paragraph(text: str, *, subtle: bool = False, color: str | None = None) -> dict[str, Any]:
    """A paragraph; `color` is an Adaptive Cards colour such as "Attention" (a problem to fix)."""
    style: dict[str, Any] = {"color": color} if color else {}
    if not subtle:
        return {"type": "RichTextBlock", "inlines": [_run(text, **style)]}
    return {"type": "RichTextBlock", "inlines": [_run(text, isSubtle=True, **style)], "spacing": "Small"}


def facts(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Label and value, a line each (a FactSet would read them as markdown)."""
    return {
        "type": "Container",
        "items": [
            {"type": "RichTextBlock", "inlines": [_run(label, weight="Bolder"), _run(f"  {value}")]}
            for label, value in pairs
        ],
    }


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


def zone_name(t: Translator, zone: str) -> str:
    """A time zone as people call it: "svensk tid", "Swedish time"; another by its country ("Finlandtid")."""
    if zone == "Europe/Stockholm":
        return t._("Swedish time")
    return str(get_timezone_location(get_timezone(zone), locale=t.language))


def day_of_year(t: Translator, month_day: tuple[int, int]) -> str:
    """A day that comes back every year, (3, 8): "8 mars", "8 Mar"."""
    return format_date(date(2000, *month_day), "d MMM", locale=t.language)


def days(t: Translator, first: date, last: date) -> str:
    """A period of days, both included: "20 dec. 2026–10 jan. 2027", "15 juni–15 aug. 2027"."""
    return format_interval(first, last, "yMMMd", locale=t.language)


# Babel takes about 20 µs a call; the same few numbers and days come up in every confirmation and card.
@functools.lru_cache(maxsize=4096, typed=True)
def _number(language: str, value: float) -> str:
    return format_decimal(value, locale=language)


@functools.lru_cache(maxsize=4096)
def _day(language: str, value: date) -> str:
    return format_date(value, "d MMM y", locale=language)
