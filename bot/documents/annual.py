"""The year's report (verksamhetsberättelse) as a Word draft, laid out like the plan: a heading per section
and goal; under each goal what the plan said, the result in words and numbers, the reporters' comments as
material and a marked place for the board's own words; then every goal in one table and the year's
discussion prompts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date

from bot.cards import day, number
from bot.cards.goals import beyond_target, describe_target, pace_word, plan_title, year_figure
from bot.cards.prompts import engagement_text, replies_not_counted
from bot.documents import bullets, document, placeholder, table, to_bytes
from bot.i18n import Translator
from bot.services.followup import AnnualReport, Comment, GoalYear, subject_of
from bot.services.goals import Period, TargetKind
from bot.services.progress import Measure, Pace, week_number
from bot.services.prompt_bank import Area

if TYPE_CHECKING:
    from docx.document import Document


def filename(report: AnnualReport) -> str:
    return f"verksamhetsberattelse-{report.year}.docx"


def render(t: Translator, report: AnnualReport) -> bytes:
    plan = report.plan
    doc = document(t._("Annual report {year}: draft").format(year=report.year), language=t.language)
    doc.add_paragraph(
        t._(
            "{district}. How the board carried out the plan for {year}, goal by goal, as the bot's reports "
            "stood on {day}. Edit the text, replace the marked places with the board's own words, and "
            "delete this paragraph."
        ).format(district=plan_title(t, plan), year=report.year, day=day(t, report.today))
    )
    placeholder(doc, t._("[The board's introduction]"))
    for section, goals in plan.by_section(t.language):
        doc.add_heading(section, level=1)
        for goal in goals:
            found = next(g for g in report.goals if g.goal.id == goal.id)
            _goal(doc, t, found, report)
    doc.add_heading(t._("Every goal"), level=1)
    table(
        doc,
        [t._("Goal"), t._("Section"), t._("Result"), t._("Pace")],
        [
            [
                str(g.goal.number),
                g.goal.section_in(t.language),
                year_figure(t, g.goal, g.progress),
                pace_word(t, g.progress.pace),
            ]
            for g in report.goals
        ],
    )
    doc.add_heading(t._("Discussion prompts"), level=1)
    count = len(report.prompts)
    doc.add_paragraph(
        t.ngettext(
            "The bot posted {count} discussion prompt in {year}.",
            "The bot posted {count} discussion prompts in {year}.",
            count,
        ).format(count=count, year=report.year)
    )
    subjects = report.subjects()
    bullets(
        doc, [f"{subject(t, name)}: {times}" for name, times in sorted(subjects.items(), key=lambda i: -i[1])]
    )
    if report.prompts:
        _engagement(doc, t, report)
    placeholder(doc, t._("[The board's words about the discussions]"))
    return to_bytes(doc)


def _engagement(doc: Document, t: Translator, report: AnnualReport) -> None:
    """Whether each prompt started a discussion, in `historik`'s words (bot/cards/prompts.py)."""
    started = report.discussions()
    doc.add_paragraph(
        t.ngettext(
            "{started} of them started a discussion: at least two people replied in its thread, or it "
            "got at least three reactions.",
            "{started} of them started a discussion: at least two people replied in their threads, or they "
            "got at least three reactions.",
            started,
        ).format(started=started)
    )
    if not report.reads_replies:
        doc.add_paragraph(replies_not_counted(t))
    table(
        doc,
        [t._("Prompt"), t._("Posted"), t._("Subject"), t._("Engagement")],
        [
            [
                f"#{p.slot_id}",
                day(t, p.sent_at.astimezone(report.zone).date()),
                subject(t, subject_of(p)),
                engagement_text(t, p.engagement, reads_replies=report.reads_replies),
            ]
            for p in report.prompts
        ],
    )


def _goal(doc: Document, t: Translator, found: GoalYear, report: AnnualReport) -> None:
    goal = found.goal
    doc.add_heading(t._("Goal {number}").format(number=goal.number), level=2)
    doc.add_paragraph(t._("The plan: {text}").format(text=goal.text_in(t.language)))
    doc.add_paragraph(t._("Done when: {target}").format(target=describe_target(t, goal.target, report.plan)))
    lines = [result(t, found)]
    if found.periods:
        shares = ", ".join(
            f"{period_label(t, goal.target.period, m.starts)}: {_share(t, m)}" for m in found.periods
        )
        if found.progress.in_branches:
            lines.append(t._("Period by period, the branches that met it: {periods}").format(periods=shares))
        else:
            lines.append(t._("Period by period: {periods}").format(periods=shares))
    if found.responsible:
        lines.append(
            t.ngettext("Responsible: {names}", "Responsible: {names}", len(found.responsible)).format(
                names=", ".join(found.responsible)
            )
        )
    bullets(doc, lines)
    if found.branches:
        table(
            doc,
            [t._("Branch"), t._("Result"), t._("Pace")],
            [[name, year_figure(t, goal, own), pace_word(t, own.pace)] for name, own in found.branches],
        )
    if found.comments:
        doc.add_paragraph(t._("From the reports (material to edit):"))
        bullets(doc, [comment_line(t, c) for c in found.comments])
    placeholder(doc, t._("[The board's words about goal {number}]").format(number=goal.number))


def result(t: Translator, found: GoalYear) -> str:
    """The year's result as `status` writes the year's figure and pace (bot/cards/goals.py `year_figure`)."""
    goal, progress = found.goal, found.progress
    if goal.target.kind is TargetKind.DONE and not progress.in_branches and progress.pace is Pace.DONE:
        return t._("Result: {figure}").format(figure=t._("done"))
    return t._("Result: {figure} · {pace}").format(
        figure=year_figure(t, goal, progress), pace=pace_word(t, progress.pace)
    )


def _share(t: Translator, measure: Measure) -> str:
    """A period's figure, with what was reported beyond its target ("2 of 2 (5 reported)")."""
    shown = t._("{done} of {wanted}").format(done=number(t, measure.done), wanted=number(t, measure.wanted))
    return shown + beyond_target(t, measure)


def period_label(t: Translator, period: Period | None, starts: date) -> str:
    if period is Period.QUARTER:
        return t._("Q{number}").format(number=(starts.month - 1) // 3 + 1)
    if period is Period.MONTH:
        return format_date(starts, "LLL", locale=t.language)
    if period is Period.WEEK:
        return t._("week {number}").format(number=week_number(starts))
    return str(starts.year)


def comment_line(t: Translator, comment: Comment) -> str:
    """A reporter's comment, with their name only where they may be named (bot/services/followup.py)."""
    if comment.by:
        who = f"{comment.branch}, {comment.by}" if comment.branch else comment.by
    elif comment.branch:
        who = t._("a chair in {branch}").format(branch=comment.branch)
    else:
        who = t._("the district")
    return f"{day(t, comment.on)} ({who}): {comment.text}"


def subject(t: Translator, name: str) -> str:
    """A prompt's subject in words: a priority area, a yearly day, or the board's own text."""
    areas = {
        Area.FACKLIG_POLITISK.value: t._("trade union politics"),
        Area.FEMINISTISK.value: t._("feminism"),
        Area.ANTIRASISTISK.value: t._("anti-racism"),
        Area.MILJO_OCH_KLIMAT.value: t._("environment and climate"),
    }
    if name in areas:
        return areas[name]
    if name.startswith("day:"):
        month, day_of_month = (int(part) for part in name[4:].split("-"))
        return t._("the day of {day}").format(
            day=format_date(date(2000, month, day_of_month), "d MMMM", locale=t.language)
        )
    if name == "own":
        return t._("texts the board wrote")
    return name
