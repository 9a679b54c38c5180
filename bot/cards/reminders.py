"""Cards for the end-of-quarter reminder to report, and the board's digest of who has and who has not."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from bot.cards import Reply, card, day, facts, heading, number, paragraph
from bot.cards.goals import progress_line, value_word
from bot.i18n import Translator
from bot.services.goals import Goal, TargetKind
from bot.services.progress import GoalStanding
from bot.services.report_gaps import Quarter

if TYPE_CHECKING:  # the job's results; imported for types only, so cards never depend on schedules/
    from bot.db.checkins import StoredCheckIn
    from bot.services.report_gaps import BranchGap, Gaps, Reminder


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


# One-tap answers (Adaptive Card Action.Execute, Universal Actions): each button's data names this form, and
# carries the card's state, so that a tap can store its answer and redraw the whole card.
ANSWER_FORM = "reminder"
QUARTER, FOR, ITEMS, BRANCH, GOAL, VALUE, SUBMISSION = (
    "quarter",
    "for",
    "items",
    "branch",
    "goal",
    "value",
    "submission",
)


@dataclass(frozen=True)
class OneTap:
    """Whom a reminder's buttons are for (their Teams id) and which quarter they answer for."""

    quarter: str  # e.g. "2026-Q4"
    person: str


@dataclass(frozen=True)
class Item:
    """A goal a branch has not reported on, as the card's buttons answer it; `token` stores it once."""

    branch: str
    number: int
    token: str


def likely_answers(t: Translator, goal: Goal) -> list[tuple[str, str]]:
    """The answers a chair most likely gives, as (label, value); none where a tap cannot say it (a reading
    of a metric, or a count per priority area)."""
    kind = goal.target.kind
    if kind is TargetKind.DONE:
        return [(t._("Yes, done"), "1"), (t._("Not yet"), "0")]
    if kind is TargetKind.METRIC or goal.target.per_area:
        return []
    return [(t._("Yes, once"), "1"), (t._("Not yet"), "0")]


def answer_buttons(t: Translator, goal: Goal, item: Item, state: dict[str, Any]) -> dict[str, Any] | None:
    """An ActionSet of Action.Execute buttons for one goal, or None where no tap can answer it."""
    answers = likely_answers(t, goal)
    if not answers:
        return None
    return {
        "type": "ActionSet",
        "actions": [
            {
                "type": "Action.Execute",
                "title": label,
                "verb": ANSWER_FORM,
                "data": {
                    **state,
                    BRANCH: item.branch,
                    GOAL: item.number,
                    VALUE: value,
                    SUBMISSION: item.token,
                },
            }
            for label, value in answers
        ],
    }


def new_items(what: Reminder) -> list[Item]:
    return [
        Item(branch.name, goal.number or 0, secrets.token_urlsafe(16))
        for branch in what.branches
        for goal in branch.missing
    ]


def reminder(
    t: Translator,
    what: Reminder,
    *,
    ends: date,
    areas: Sequence[str],
    one_tap: OneTap | None = None,
    earlier: Mapping[tuple[int, int | None], date] | None = None,
) -> Reply:
    """A personal reminder: the goals without a report this quarter, per branch and their own, each with the
    day of its latest report before the quarter (`earlier`, Gaps.earlier); with `one_tap`, each branch goal
    a tap can answer gets its likely answers as buttons."""
    title = t._("Time to report: the quarter ends {day}").format(day=day(t, ends))
    intro = t._("These goals have no report yet this quarter. Please report on them before it ends.")
    sections: list[tuple[str, Sequence[Goal], str, int | None]] = [
        (
            t._("For {branch}").format(branch=branch.name),
            branch.missing,
            example(t, branch.missing[0], areas, branch=branch.name if what.chairs_several else None),
            branch.branch_id,
        )
        for branch in what.branches
    ]
    if what.own:
        sections.append((t._("Your goals, for the district"), what.own, example(t, what.own[0], areas), None))
    items = new_items(what) if one_tap else []
    state = _state(one_tap, items) if one_tap else {}
    body = [heading(title, size="Large"), paragraph(intro)]
    lines = [title, intro]
    for index, (section, goals, command, whose) in enumerate(sections):
        rows = [
            (str(goal.number), _with_earlier(t, goal, (earlier or {}).get((goal.id, whose))))
            for goal in goals
        ]
        hint = t._("Report with: {example}").format(example=command)
        body.append(heading(section))
        branch = what.branches[index].name if index < len(what.branches) else None
        for goal, row in zip(goals, rows, strict=True):
            item = next((i for i in items if i.branch == branch and i.number == goal.number), None)
            buttons = answer_buttons(t, goal, item, state) if item else None
            body.append(facts([row]))
            if buttons:
                body.append(buttons)
        body.append(paragraph(hint, subtle=True))
        lines += ["", section, *(f"{number:>3}. {text}" for number, text in rows), hint]
    snooze = t._("I remind you once a quarter. To have no reminders before a day: snooze until {day}").format(
        day=day(t, snooze_example(ends))
    )
    body.append(paragraph(snooze, subtle=True))
    lines += ["", snooze]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def _with_earlier(t: Translator, goal: Goal, latest: date | None) -> str:
    text = goal.text_in(t.language)
    if latest is None:
        return text
    return t._("{goal} (latest report: {day}, before this quarter)").format(goal=text, day=day(t, latest))


def snooze_example(ends: date) -> date:
    """A day to snooze until that skips the next quarter's reminder: the first day of the quarter after it."""
    return Quarter.of(Quarter.of(ends + timedelta(days=1)).ends + timedelta(days=1)).starts


def _state(one_tap: OneTap, items: Sequence[Item]) -> dict[str, Any]:
    return {
        "form": ANSWER_FORM,
        QUARTER: one_tap.quarter,
        FOR: one_tap.person,
        ITEMS: [[item.branch, item.number, item.token] for item in items],
    }


def answered(
    t: Translator,
    goals: Sequence[Goal],
    one_tap: OneTap,
    items: Sequence[Item],
    stored: Mapping[str, StoredCheckIn],
) -> Reply:
    """The reminder after a tap: each goal's stored answer, and the buttons of those not answered yet."""
    title = t._("Your reports this quarter")
    state = _state(one_tap, items)
    body: list[dict[str, Any]] = [heading(title, size="Large")]
    lines = [title]
    by_number = {goal.number: goal for goal in goals}
    for item in items:
        goal = by_number.get(item.number)
        label = f"{item.branch} \u00b7 {item.number}. {goal.text_in(t.language) if goal else ''}".rstrip()
        body.append(paragraph(label))
        found = stored.get(item.token)
        if found is not None:
            done = stored_text(t, found, goal)
            body.append({**paragraph(done, subtle=True), "color": "Good"})
            lines += [label, done]
            continue
        buttons = answer_buttons(t, goal, item, state) if goal else None
        if buttons:
            body.append(buttons)
        lines.append(label)
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def stored_text(t: Translator, stored: StoredCheckIn, goal: Goal | None) -> str:
    """What a tap stored, its value as the goal reads it ("done", never 1)."""
    value = value_word(t, goal.target, stored.value) if goal else number(t, stored.value)
    return t._("Stored #{id}: {value}, {day}").format(
        id=stored.id, value=value, day=day(t, stored.happened_on)
    )


def standing(
    t: Translator,
    goals: Sequence[Goal],
    missing: Sequence[Goal],
    nothing: Sequence[Goal] = (),
    reached: Sequence[Goal] = (),
) -> str:
    """Where goals stand, e.g. "reported on goal 2 · reported nothing done on goal 4 · goal 5 done for the
    year · not reported on goals 1, 3" (`nothing`: reported with only 0s; `reached`: not reported this
    quarter, but reached for the year before it)."""
    reported = [goal for goal in goals if goal not in missing and goal not in nothing and goal not in reached]
    parts = []
    if reported:
        parts.append(
            t.ngettext("reported on goal {numbers}", "reported on goals {numbers}", len(reported)).format(
                numbers=numbers(reported)
            )
        )
    if nothing:
        parts.append(
            t.ngettext(
                "reported nothing done on goal {numbers}",
                "reported nothing done on goals {numbers}",
                len(nothing),
            ).format(numbers=numbers(nothing))
        )
    if reached:
        parts.append(
            t.ngettext(
                "goal {numbers} done for the year", "goals {numbers} done for the year", len(reached)
            ).format(numbers=numbers(reached))
        )
    if missing:
        parts.append(
            t.ngettext(
                "not reported on goal {numbers}", "not reported on goals {numbers}", len(missing)
            ).format(numbers=numbers(missing))
        )
    return " · ".join(parts)


def branch_row(t: Translator, gaps: Gaps, branch: BranchGap) -> tuple[str, str]:
    """A branch and where it stands for the quarter, as the digest and the follow-up both say it."""
    status = standing(t, gaps.branch_goals, branch.missing, branch.nothing, branch.reached)
    if branch.missing and not branch.chair_ids:
        status += " · " + t._("no chair to remind")
    return branch.name, status


def digest(
    t: Translator,
    gaps: Gaps,
    *,
    reminded: int,
    unreachable: Sequence[str],
    snoozed: Sequence[str] = (),
    standings: Sequence[GoalStanding] = (),
) -> Reply:
    """The board's digest: each branch and responsible person, reported or not, who is unreachable, and who
    was not reminded since they snoozed reminders. It says that reminders went out only if `reminded` people
    (this run or earlier this quarter) had one."""
    title = t._("Who has reported this quarter")
    if reminded:
        intro = t._(
            "The quarter ends {day}. I have reminded those who have not reported yet in a personal chat."
        )
    elif any(branch.missing for branch in gaps.branches) or any(p.missing for p in gaps.responsible):
        intro = t._("The quarter ends {day}. I have reminded nobody this time (see below why).")
    else:
        intro = t._("The quarter ends {day}. Everyone has reported, so I have reminded nobody.")
    intro = intro.format(day=day(t, gaps.quarter.ends))
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    if gaps.branches:
        sections.append((t._("Branches"), [branch_row(t, gaps, branch) for branch in gaps.branches]))
    if gaps.responsible:
        rows = [
            (person.name, standing(t, person.goals, person.missing, reached=person.reached))
            for person in gaps.responsible
        ]
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
    if snoozed:
        note = t._("Not reminded, at their own wish (snoozed): {names}").format(names=", ".join(snoozed))
        body.append(paragraph(note))
        lines += ["", note]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def escalation(t: Translator, branches: Sequence[BranchGap], *, days: int) -> Reply:
    """The board's notice: branches still without a report `days` after their chair was reminded."""
    title = t.ngettext(
        "Not reported {days} day after the reminder",
        "Not reported {days} days after the reminder",
        days,
    ).format(days=days)
    intro = t._("I will not remind their chairs again; perhaps someone on the board can ask them.")
    rows = [
        (
            branch.name,
            t.ngettext("goal {numbers}", "goals {numbers}", len(branch.missing)).format(
                numbers=numbers(branch.missing)
            ),
        )
        for branch in branches
    ]
    text = "\n".join([title, intro, "", *(f"{name}: {goals}" for name, goals in rows)])
    return Reply(text, card([heading(title, size="Large"), paragraph(intro), facts(rows)], fallback=text))
