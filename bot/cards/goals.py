"""Cards for the plan's goals: the list, one goal, search results."""

from __future__ import annotations

from bot.cards import Reply, card, facts, heading, paragraph, say
from bot.cards.progress import check_in_line, number, progress_rows
from bot.i18n import Translator
from bot.services.goals import Goal, Period, Plan, Target, TargetKind, named_in_plan
from bot.services.progress import GoalInFull


def goal_list(t: Translator, plan: Plan) -> Reply:
    language = t.language
    title = plan.title or plan.district
    count = t.ngettext("{count} goal", "{count} goals", len(plan.goals)).format(count=len(plan.goals))
    hint = t._("Write \u201cgoals 6\u201d to see one goal in full, or \u201csearch WORD\u201d to find goals.")
    body = [heading(title, size="Large"), paragraph(count, subtle=True)]
    lines = [f"{title} ({count})"]
    for section, goals in plan.by_section(language):
        body.append(heading(section))
        body.append(facts([(str(goal.number), goal.text_in(language)) for goal in goals]))
        lines.append("")
        lines.append(section)
        lines.extend(f"{goal.number:>3}. {goal.text_in(language)}" for goal in goals)
    body.append(paragraph(hint, subtle=True))
    lines += ["", hint]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def goal_detail(
    t: Translator,
    plan: Plan,
    found: GoalInFull,
) -> Reply:
    goal, standing, responsible = found.goal, found.progress, found.responsible
    language = t.language
    title = t._("Goal {number}").format(number=goal.number)
    rows = [
        (t._("Section"), goal.section_in(language)),
        (t._("Done when"), describe_target(t, goal.target, plan)),
        (t._("Responsible"), ", ".join(responsible) or named_in_plan(goal.text) or t._("Nobody named yet")),
        *progress_rows(t, goal, standing),
    ]
    for check_in in found.latest:
        rows.append((t._("Reported"), check_in_line(t, check_in)))
    if goal.applies_to_branches:
        rows.insert(1, (t._("Applies to"), t._("every branch")))
    body = [heading(title, size="Large"), paragraph(goal.text_in(language)), facts(rows)]
    text = "\n".join([f"{title}: {goal.text_in(language)}", *(f"{k}: {v}" for k, v in rows)])
    actions = []
    if plan.goal(goal.number + 1):
        actions.append(say(t._("Next goal"), t._("goals {number}").format(number=goal.number + 1)))
    actions.append(say(t._("All goals"), t._("goals")))
    return Reply(text, card(body, fallback=text, actions=actions))


def search_results(t: Translator, query: str, hits: list[Goal]) -> Reply:
    language = t.language
    if not hits:
        text = t._(
            "No goal mentions \u201c{query}\u201d. Try another word, or write goals to see them all."
        ).format(query=query)
        return Reply(text)
    title = t.ngettext(
        "{count} goal mentions \u201c{query}\u201d", "{count} goals mention \u201c{query}\u201d", len(hits)
    ).format(count=len(hits), query=query)
    body = [heading(title), facts([(str(goal.number), goal.text_in(language)) for goal in hits])]
    text = "\n".join([title, *(f"{goal.number:>3}. {goal.text_in(language)}" for goal in hits)])
    return Reply(text, card(body, fallback=text))


def _per_period(t: Translator, period: Period | None) -> str:
    return {
        Period.WEEK: t._("per week"),
        Period.MONTH: t._("per month"),
        Period.QUARTER: t._("per quarter"),
        Period.YEAR: t._("per year"),
        None: t._("during the plan year"),
    }[period]


def describe_target(t: Translator, target: Target, plan: Plan) -> str:
    """What counts as done, in words."""
    if target.kind is TargetKind.COUNT:
        what = f" {target.unit}" if target.unit else ""
        text = t._("at least {count}{what} {period}").format(
            count=target.count, what=what, period=_per_period(t, target.period)
        )
        if target.per_area:
            areas = len(plan.priority_areas)
            text += " " + (
                t.ngettext(
                    "in each of the {count} priority area", "in each of the {count} priority areas", areas
                ).format(count=areas)
                if areas
                else t._("in each priority area")
            )
        return text
    if target.kind is TargetKind.PEOPLE:
        return t.ngettext(
            "{count} person named responsible", "{count} people named responsible", target.count or 0
        ).format(count=target.count)
    if target.kind is TargetKind.METRIC:
        return t._("from {baseline} to {goal}{unit}").format(
            baseline=number(t, target.baseline or 0),
            goal=number(t, target.goal_value or 0),
            unit=f" {target.unit}" if target.unit else "",
        )
    return t._("done once it has been carried out")
