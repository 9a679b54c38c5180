"""Cards with a link that expires: an export, a document, the dashboard."""

from __future__ import annotations

from bot.cards import Reply, card, heading, paragraph
from bot.i18n import Translator


def download(t: Translator, url: str, *, filters: str, count: int, minutes: int, until: str) -> Reply:
    """A link that expires: what it holds, until when it works, and a button to download."""
    title = t._("Check-ins as a spreadsheet")
    what = t.ngettext("{filters}: {count} check-in.", "{filters}: {count} check-ins.", count).format(
        filters=filters, count=count
    )
    note = t._(
        "The link works for {minutes} minutes, until {time}. Anyone who has it can download the file: "
        "do not pass it on."
    ).format(minutes=minutes, time=until)
    return link_card(title, what, note, url, button=t._("Download CSV"))


def link_card(title: str, what: str, note: str, url: str, *, button: str) -> Reply:
    """What the link holds, the note on how long it works, and a button that opens it."""
    text = f"{title}\n{what}\n{url}\n{note}"
    return Reply(
        text,
        card(
            [heading(title), paragraph(what), paragraph(note, subtle=True)],
            fallback=text,
            actions=[{"type": "Action.OpenUrl", "title": button, "url": url}],
        ),
    )
