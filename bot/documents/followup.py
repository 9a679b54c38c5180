"""The board's follow-up as a Word document for the meeting's papers: the card's sections in full, then
every goal's standing in a table."""

from __future__ import annotations

from bot.cards import day
from bot.cards.followup import sections, title
from bot.cards.goals import pace_word, plan_title, progress_line
from bot.documents import bullets, document, table, to_bytes
from bot.i18n import Translator
from bot.services.followup import FollowUp


def filename(follow_up: FollowUp) -> str:
    return f"uppfoljning-{follow_up.today.isoformat()}.docx"


def render(t: Translator, follow_up: FollowUp) -> bytes:
    plan = follow_up.plan
    doc = document(title(t, follow_up), language=t.language)
    doc.add_paragraph(
        t._("{district}: what has happened from {since} to {today}.").format(
            district=plan_title(t, plan),
            since=day(t, follow_up.since.astimezone(follow_up.zone).date()),
            today=day(t, follow_up.today),
        )
    )
    for name, lines in sections(t, follow_up):
        doc.add_heading(name, level=1)
        bullets(doc, lines)
    doc.add_heading(t._("Every goal today"), level=1)
    table(
        doc,
        [t._("Goal"), t._("Section"), t._("Progress"), t._("Pace")],
        [
            [
                str(s.goal.number),
                s.goal.section_in(t.language),
                progress_line(t, s.goal, s.progress),
                pace_word(t, s.progress.pace),
            ]
            for s in follow_up.standings
        ],
    )
    return to_bytes(doc)
