"""Cards for the end-of-quarter reminder to report, and the board's digest of who has and who has not."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from bot.cards import Reply, card, day, facts, heading, paragraph
from bot.cards.goals import progress_line
from bot.i18n import Translator
from bot.services.goals import Goal, TargetKind
from bot.services.progress import GoalStanding

if TYPE_CHECKING:  # the job's results; imported for types only, so cards never depend on schedules/
    from schedules.reporting import Gaps, Reminder


def example(t: Translator, goal: Goal, areas: Sequence[str], *, branch: str | None = None) -> str:
    """A report command for the goal, as the chair or responsible person would type it."""
    kind = goal.target.kind
    if kind is TargetKind.DONE:
        value = t._("done")
    elif kind is TargetKind.METRIC:
        value = t._("VALUE")
    else:
        value = "1"
        if kind is TargetKind.COUNT and goal.target.per_area:
            value += " " + (areas[0] if areas else t._("AREA"))
    if branch:
        return t._("report {number} {value} for {branch} COMMENT").format(
            number=goal.number, value=value, branch=branch
        )
    return t._("report {number} {value} COMMENT").format(number=goal.number, value=value)


def numbers(goals: Sequence[Goal]) -> str:
    return ", ".join(str(goal.number) for goal in goals)


def reminder(t: Translator, what: Reminder, *, ends: date, areas: Sequence[str]) -> Reply:
    """A personal reminder: the goals without a report this quarter, per branch and their own."""
    title = t._("Time to report: the quarter ends {day}").format(day=day(t, ends))
    intro = t._("These goals have no report yet this quarter. Please report on them before it ends.")
    sections: list[tuple[str, Sequence[Goal], str]] = [
        (
            t._("For {branch}").format(branch=branch.name),
            branch.missing,
            example(t, branch.missing[0], areas, branch=branch.name if what.chairs_several else None),
        )
        for branch in what.branches
    ]
    if what.own:
        sections.append((t._("Your goals, for the district"), what.own, example(t, what.own[0], areas)))
    body = [heading(title, size="Large"), paragraph(intro)]
    lines = [title, intro]
    for section, goals, command in sections:
        rows = [(str(goal.number), goal.text_in(t.language)) for goal in goals]
        hint = t._("Report with: {example}").format(example=command)
        body += [heading(section), facts(rows), paragraph(hint, subtle=True)]
        lines += ["", section, *(f"{number:>3}. {text}" for number, text in rows), hint]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def standing(t: Translator, goals: Sequence[Goal], missing: Sequence[Goal]) -> str:
    """Where goals stand, e.g. "reported on goal 2 · not reported on goals 1, 3"."""
    reported = [goal for goal in goals if goal not in missing]
    parts = []
    if reported:
        parts.append(
            t.ngettext("reported on goal {numbers}", "reported on goals {numbers}", len(reported)).format(
                numbers=numbers(reported)
            )
        )
    if missing:
        parts.append(
            t.ngettext(
                "not reported on goal {numbers}", "not reported on goals {numbers}", len(missing)
            ).format(numbers=numbers(missing))
        )
    return " · ".join(parts)


def digest(
    t: Translator, gaps: Gaps, *, unreachable: Sequence[str], standings: Sequence[GoalStanding] = ()
) -> Reply:
    """The board's digest: each branch and responsible person, reported or not, and who is unreachable."""
    title = t._("Who has reported this quarter")
    intro = t._(
        "The quarter ends {day}. I have reminded those who have not reported yet in a personal chat."
    ).format(day=day(t, gaps.quarter.ends))
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    if gaps.branches:
        rows = []
        for branch in gaps.branches:
            status = standing(t, gaps.branch_goals, branch.missing)
            if not branch.chair_ids:
                status += " · " + t._("no chair to remind")
            rows.append((branch.name, status))
        sections.append((t._("Branches"), rows))
    if gaps.responsible:
        rows = [(person.name, standing(t, person.goals, person.missing)) for person in gaps.responsible]
        sections.append((t._("Responsible for goals"), rows))
    asked = {goal.id for goal in gaps.branch_goals} | {g.id for p in gaps.responsible for g in p.goals}
    standing_rows = [
        (str(s.goal.number), progress_line(t, s.goal, s.progress)) for s in standings if s.goal.id in asked
    ]
    if standing_rows:
        sections.append((t._("Where these goals stand"), standing_rows))
    body = [heading(title, size="Large"), paragraph(intro)]
    lines = [title, intro]
    for section, rows in sections:
        body += [heading(section), facts(rows)]
        lines += ["", section, *(f"{name}: {status}" for name, status in rows)]
    if unreachable:
        note = t._("Not reachable (no personal chat with me, or Teams refused the message): {names}").format(
            names=", ".join(unreachable)
        )
        body.append(paragraph(note))
        lines += ["", note]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))
