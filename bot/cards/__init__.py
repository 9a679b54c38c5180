"""Adaptive Cards as plain dicts, each rendered together with its plain-text fallback, and the numbers and
days they show in the reader's language."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from babel.lists import format_list
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
    # A question whose answer is the conversation's next message: the state bot/teams.py keeps for it
    # until then (dialogs/host.py).
    waits: dict[str, Any] | None = field(default=None, compare=False)
    # The sender's data was erased: bot/teams.py forgets what it remembers of them too.
    forgot_sender: bool = False
    # Nothing is sent (a message the bot only counts, never answers).
    quiet: bool = False
    # Answering a card button (Action.Execute): the tapped card stays as it was, this is said beside it.
    keeps_card: bool = False

    def as_card(self) -> Card:
        """The card to show in place of a tapped one: this reply's card, or its text as one."""
        return self.card or card(
            [paragraph(line) for line in self.text.split("\n") if line], fallback=self.text
        )


SILENCE = Reply("", quiet=True)


# A message the bot starts to one person, written once their language is known.
Notice = Callable[["Translator"], Reply]


# Channels whose clients render Adaptive Cards; everything else (the terminal chat, tests) gets text.
CARD_CHANNELS = frozenset({"msteams", "emulator", "webchat", "directline"})


def message_of(reply: Reply, channel_id: str | None) -> Message:
    """What is sent for `reply` in a channel: its card beside the preview text where cards are shown, else
    its text. Either way the text is plain (bot/sdk.Message): what a user wrote and the bot repeats (a name,
    a comment, a prompt) cannot become a link, a heading or a mention; cards show text in TextRuns, never
    read as markdown."""
    if reply.card is not None and channel_id in CARD_CHANNELS:
        return Message(reply.preview, card=reply.card)
    return Message(reply.text)


# Text goes into cards as TextRuns of a RichTextBlock, which Adaptive Cards never read as markdown: what a
# user or the plan wrote is shown as written, with no escapes (Teams mobile shows a markdown escape such as
# "\\#" literally) and no way to smuggle in a link or a mention. TextBlock and FactSet read markdown.


def _run(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextRun", "text": text, **style}


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
    return {"type": "RichTextBlock", "inlines": [_run(text, weight="Bolder", size=size)]}


def paragraph(text: str, *, subtle: bool = False, color: str | None = None) -> dict[str, Any]:
    style: dict[str, Any] = {"isSubtle": True} if subtle else {}
    if color:
        style["color"] = color
    block: dict[str, Any] = {"type": "RichTextBlock", "inlines": [_run(text, **style)]}
    if subtle:
        block["spacing"] = "Small"
    return block


def facts(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Label and value, one line each (a FactSet would read them as markdown)."""
    return {
        "type": "Container",
        "items": [
            {
                "type": "RichTextBlock",
                "inlines": [_run(k, weight="Bolder"), _run(f"  {v}")],
                "spacing": "None",
            }
            for k, v in pairs
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


def page_note(
    t: Translator, *, shown: int, total: int, page: int, per_page: int, next_page: str
) -> str | None:
    """Under a cut list: "Showing 11–20 of 43. Next: `next_page`"; None when the whole list is shown."""
    if total <= shown and page == 1:
        return None
    first = (page - 1) * per_page + 1
    last = first + shown - 1
    note = t._("Showing {first}–{last} of {total}.").format(first=first, last=last, total=total)
    if last < total:
        note += " " + t._("Next: {command}").format(command=next_page)
    return note


def no_such_page(
    t: Translator, *, page: int, counted: str, total: int, per_page: int, command: Callable[[int], str]
) -> str:
    """Past a list's last page: "There is no page 3: 13 reports, on 2 pages. Write: `command(2)`", where
    `counted` says how many there are ("13 reports", its plural from that count) and "pages" has its own."""
    pages = max(1, -(-total // per_page))
    on = t.ngettext("on {pages} page", "on {pages} pages", pages).format(pages=pages)
    return t._("There is no page {page}: {counted}, {on}. Write: {command}").format(
        page=page, counted=counted, on=on, command=command(pages)
    )


def listed(t: Translator, items: Sequence[str], *, either: bool = False) -> str:
    """Names in a sentence as the reader writes them: "Timrå, Kramfors och Sollefteå" ("eller" with
    `either`: "ask one of them")."""
    return format_list(list(items), style="or" if either else "standard", locale=t.language) if items else ""


def number(t: Translator, value: float) -> str:
    return _number(t.language, value)


def day(t: Translator, value: date) -> str:
    return _day(t.language, value)


def clock(t: Translator, instant: datetime, zone: tzinfo) -> str:
    """A time of day as the reader writes it, in the zone: "18.00" in Swedish, "18:00" in English."""
    local = instant.astimezone(zone)
    return f"{local:%H.%M}" if t.language == "sv" else f"{local:%H:%M}"


def day_of_year(t: Translator, month_day: tuple[int, int]) -> str:
    """A day that comes back every year, (3, 8): "8 mars", "8 Mar"."""
    return format_date(date(2000, *month_day), "d MMM", locale=t.language)


def day_first(t: Translator, written: str, rewritten: str, month_day: tuple[int, int]) -> str:
    """Why "11/20" is no date to the bot: the day comes first, and how to write it."""
    return t._("“{written}” is not a date: the day comes first. Write {rewritten} for {day}.").format(
        written=written,
        rewritten=rewritten,
        day=format_date(date(2000, *month_day), "d MMMM", locale=t.language),
    )


def day_or_time(t: Translator, written: str, rewritten: str, month_day: tuple[int, int]) -> str:
    """Why "3-11" in a sentence is asked about: a day, or a time ("9-11"), and how to write either."""
    return t._("Is “{written}” a day? Write {rewritten} for {day}, or at {written} for a time.").format(
        written=written,
        rewritten=rewritten,
        day=format_date(date(2000, *month_day), "d MMMM", locale=t.language),
    )


# Babel takes about 20 µs a call; the same few numbers and days come up in every confirmation and card.
@functools.lru_cache(maxsize=4096, typed=True)
def _number(language: str, value: float) -> str:
    return format_decimal(value, locale=language)


@functools.lru_cache(maxsize=4096)
def _day(language: str, value: date) -> str:
    return format_date(value, "d MMM y", locale=language)
