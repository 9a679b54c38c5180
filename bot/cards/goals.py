"""Cards for the plan's goals and how far they have come: the list, one goal, search results, the status of
every goal (bars and pace), and one's own reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.cards import Reply, card, day, facts, heading, number, paragraph, say
from bot.db.checkins import StoredCheckIn
from bot.i18n import N_, Translator, genitive
from bot.services.goals import Goal, Period, Plan, Target, TargetKind, named_in_plan
from bot.services.progress import GoalInFull, GoalProgress, GoalStanding, Measure, Pace

BAR_WIDTH = 10


def bar(fraction: float) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * BAR_WIDTH)
    return "\u25b0" * filled + "\u25b1" * (BAR_WIDTH - filled)


def pace_word(t: Translator, pace: Pace) -> str:
    return {
        Pace.DONE: t._("done"),
        Pace.AHEAD: t._("ahead"),
        Pace.ON_PACE: t._("on pace"),
        Pace.BEHIND: t._("behind"),
        Pace.NOT_MEASURED: t._("not measured"),
    }[pace]


def this_period(t: Translator, period: Period | None) -> str:
    return {
        Period.WEEK: t._("this week"),
        Period.MONTH: t._("this month"),
        Period.QUARTER: t._("this quarter"),
        Period.YEAR: t._("this year"),
        None: t._("this year"),
    }[period]


def _measure(t: Translator, measure: Measure, span: str) -> str:
    return t._("{bar} {done} of {wanted} {span} · {pace}").format(
        bar=bar(measure.fraction),
        done=number(t, measure.done),
        wanted=number(t, measure.wanted),
        span=span,
        pace=pace_word(t, measure.pace),
    )


def progress_line(t: Translator, goal: Goal, standing: GoalProgress) -> str:
    """One line: where the goal stands this year (and this period, where it has one)."""
    kind = goal.target.kind
    year = standing.year
    if kind is TargetKind.METRIC:
        return t._("{bar} {value} (from {baseline}, target {goal}) · {pace}").format(
            bar=bar(year.fraction),
            value=number(t, year.done),
            baseline=number(t, year.baseline if year.baseline is not None else year.done),
            goal=number(t, year.wanted),
            pace=pace_word(t, year.pace),
        )
    if kind is TargetKind.PEOPLE:
        return t._("{bar} {done} of {wanted} named · {pace}").format(
            bar=bar(year.fraction),
            done=number(t, year.done),
            wanted=number(t, year.wanted),
            pace=pace_word(t, year.pace),
        )
    if kind is TargetKind.DONE:
        return (
            t._("done") if year.pace is Pace.DONE else t._("not done yet") + f" · {pace_word(t, year.pace)}"
        )
    if standing.period is not None:
        return _measure(t, standing.period, this_period(t, goal.target.period))
    return _measure(t, year, t._("this year"))


def progress_rows(t: Translator, goal: Goal, standing: GoalProgress) -> list[tuple[str, str]]:
    rows = [(t._("Progress"), progress_line(t, goal, standing))]
    if standing.period is not None:
        rows.append((t._("This year"), _measure(t, standing.year, t._("this year"))))
    return rows


def check_in_line(t: Translator, check_in: StoredCheckIn) -> str:
    who = check_in.branch or t._("the district")
    parts = [day(t, check_in.happened_on), who, number(t, check_in.value)]
    if check_in.area:
        parts.append(check_in.area)
    if check_in.comment:
        parts.append(check_in.comment)
    return " · ".join(parts)


def status(
    t: Translator, plan: Plan, standings: Sequence[GoalStanding], *, branch: str | None, today: date
) -> Reply:
    plan_year = plan.year
    if plan_year is not None and today.year < plan_year:
        title = t._("The plan is for {year} and begins on 1 January").format(year=plan_year)
    elif plan_year is not None and today.year > plan_year:  # the year is over: its final result
        if branch:
            title = t._("How {branch} did in {year}").format(branch=branch, year=plan_year)
        else:
            title = t._("How the plan went in {year}").format(year=plan_year)
    elif branch:
        title = t._("How {branch} stands, {day}").format(branch=branch, day=day(t, today))
    else:
        title = t._("How the plan stands, {day}").format(day=day(t, today))
    body = [heading(title, size="Large")]
    lines = [title]
    section = None
    rows: list[tuple[str, str]] = []
    for standing in standings:
        goal = standing.goal
        if goal.section_in(t.language) != section:
            if rows:
                body.append(facts(rows))
                rows = []
            section = goal.section_in(t.language)
            body.append(heading(section))
            lines += ["", section]
        line = progress_line(t, goal, standing.progress)
        year = standing.progress.year
        if standing.progress.period is not None:
            line += " \u2502 " + t._("{done} of {wanted} this year").format(
                done=number(t, year.done), wanted=number(t, year.wanted)
            )
        rows.append((str(goal.number), line))
        lines.append(f"{goal.number:>3}. {line}")
    if rows:
        body.append(facts(rows))
    hint = t._("Write goals 6 for one goal in full; report progress with: report 6 1 COMMENT")
    body.append(paragraph(hint, subtle=True))
    text = "\n".join([*lines, "", hint])
    return Reply(text, card(body, fallback=text))


def mine(t: Translator, check_ins: Sequence[StoredCheckIn]) -> Reply:
    if not check_ins:
        return Reply(t._("You have not reported anything yet. Report with: report 6 1 COMMENT"))
    title = t._("Your latest reports")
    rows = []
    for check_in in check_ins:
        line = (
            t._("goal {number}").format(number=check_in.goal_number or "?")
            + " · "
            + check_in_line(t, check_in)
        )
        if check_in.withdrawn:
            line += " · " + t._("withdrawn")
        rows.append((f"#{check_in.id}", line))
    hint = t._("Correct with: correct 15 VALUE [COMMENT] · withdraw with: withdraw 15")
    text = "\n".join([title, *(f"{k} {v}" for k, v in rows), "", hint])
    return Reply(text, card([heading(title), facts(rows), paragraph(hint, subtle=True)], fallback=text))


def goal_list(t: Translator, plan: Plan) -> Reply:
    language = t.language
    title = plan.title or plan.district
    if language != "sv":  # the plan's title is Swedish ("... verksamhetsplan 2026")
        title = (
            t._("{whose} plan {year}").format(whose=genitive(t, plan.district), year=plan.year or "").strip()
        )
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
        (t._("Responsible"), ", ".join(responsible) or _doer(t, goal.text) or t._("Nobody named yet")),
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


# Who the plan's own wording makes responsible (bot/services/goals.py, named_in_plan), in the reader's words.
_DOERS = {
    "distriktsstyrelsen": N_("The district board"),
    "distriktsstyrelsens ledamöter": N_("The district board's members"),
    "distriktet": N_("The district"),
    "partiföreningarna": N_("The branches"),
    "partiföreningar": N_("The branches"),
    "styrelsen": N_("The board"),
}


def _doer(t: Translator, text: str) -> str | None:
    who = named_in_plan(text)
    if who is None:
        return None
    words = who.lower().removeprefix("alla ").removeprefix("representanter från ")
    doer = t._(_DOERS[words]) if words in _DOERS else who
    if who.lower().startswith("representanter från "):
        return t._("Representatives of {body}").format(body=doer[0].lower() + doer[1:])
    return doer


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
        unit = target.unit_in(t.language)
        what = f" {unit}" if unit else ""
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
            unit=f" {target.unit_in(t.language)}" if target.unit_in(t.language) else "",
        )
    return t._("done once it has been carried out")
