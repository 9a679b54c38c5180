"""The check-in form: an Adaptive Card asking for the goal, the value, the date and a comment.

A submit comes back as an `adaptiveCard/action` invoke (Action.Execute) whose data holds the action's data
plus every input by its id (a form sent as Action.Submit before, as a message with that `value`):
{"form": "checkin", "submission": "...", "goal": "6", "value": "1", "date": "2026-11-22",
"comment": "..."}. `submission` is the form's own token: a form sent twice (a double click, or the button
pressed again later) stores one check-in.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.cards import Reply, card, heading, number, paragraph
from bot.cards.goals import unit_word
from bot.i18n import Translator
from bot.services.checkins import MAX_COMMENT_LENGTH, SUBMISSION_LENGTH
from bot.services.goals import Goal, Plan, TargetKind

FORM = "checkin"  # the Submit action's data says {"form": FORM}: that is how a submit is told apart
GOAL, VALUE, DAY, COMMENT, BRANCH = "goal", "value", "date", "comment", "branch"  # the inputs' ids
SUBMISSION = "submission"
# "1 or 1 100?" asked on a card: its buttons say {"form": READING_FORM, READING: ..., PICK: ...}.
READING_FORM, READING, PICK = "checkin-reading", "reading", "pick"
# A repeated report's question answers with the form's data and {CONFIRM: YES or NO}.
CONFIRM, YES, NO = "confirm", "yes", "no"
_TOKEN = re.compile(rf"[A-Za-z0-9_-]{{1,{SUBMISSION_LENGTH}}}")  # as secrets.token_urlsafe writes them

MAX_VALUE_LENGTH = 100
# A value echoed back into the form after a mistake: Teams' client keeps the comment to 500 characters,
# but a hand-made submit could carry more, and a card must stay well under Teams' ~28 KB message limit.
MAX_ECHO_LENGTH = 2000


@dataclass(frozen=True)
class Entries:
    """What was filled in, as written: read by the check-in rules, put back in the form after a mistake."""

    goal: str = ""
    value: str = ""
    day: str = ""
    comment: str = ""
    submission: str | None = None  # the form's token (None: a new form, or a token not made here)
    branch: str = ""  # chosen by those who must name one (CheckInDesk.opening's `branches`)

    @classmethod
    def from_submit(cls, data: Mapping[str, Any]) -> Entries:
        def field(key: str) -> str:
            found = data.get(key)
            return str(found).strip() if isinstance(found, str | int | float) else ""

        token = data.get(SUBMISSION)
        submission = token if isinstance(token, str) and _TOKEN.fullmatch(token) else None
        return cls(field(GOAL), field(VALUE), field(DAY), field(COMMENT), submission, field(BRANCH)[:60])


def is_token(value: object) -> bool:
    """Whether a value is a submission token as a card of the bot's carries it."""
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


def is_submit(value: object) -> bool:
    """Whether a message's `value` is this form's submit."""
    return isinstance(value, dict) and value.get("form") == FORM


def value_hint(t: Translator, goal: Goal | None, plan: Plan) -> str:
    """What kind of value fits the goal's target; generic while the goal is not chosen yet."""
    if goal is None:
        return t._("A number, or done / not done")
    target = goal.target
    if target.kind is TargetKind.DONE:
        return t._("done or not done")
    if target.kind is TargetKind.METRIC:
        if target.baseline is not None:
            return t._("The number now (it was {baseline} at the start)").format(
                baseline=number(t, target.baseline)
            )
        return t._("The number now")
    if target.kind is TargetKind.PEOPLE:
        return t._("How many people, e.g. 1")
    unit = unit_word(t, target, 2)  # "how many" asks in the plural: "Hur många medlemsmöten"
    if target.per_area and plan.priority_areas:
        area = plan.area_in(plan.priority_areas[0], t.language)
        if unit:
            return t._("How many {unit}, then the priority area, e.g. 1 {area}").format(unit=unit, area=area)
        return t._("How many, then the priority area, e.g. 1 {area}").format(area=area)
    if unit:
        return t._("How many {unit}, e.g. 1").format(unit=unit)
    return t._("How many, e.g. 1")


def branch_goals_first(goals: Sequence[Goal]) -> list[Goal]:
    """The goals a branch chair most likely reports on (those that apply to branches) first, then the rest."""
    return sorted(goals, key=lambda goal: not goal.applies_to_branches)


def form(
    t: Translator,
    plan: Plan,
    *,
    goals: Sequence[Goal],
    today: date,
    entries: Entries | None = None,
    problem: str | None = None,
    branches: Sequence[str] = (),
) -> Reply:
    """The form, empty (the date today), or filled in again with what was sent and what was wrong with it.
    The goal is chosen among `goals`, those the sender may report, and the branch among `branches` where
    they must name one (CheckInDesk.opening)."""
    entries = entries or Entries()
    chosen = next((goal for goal in goals if str(goal.number) == entries.goal), None)
    title = t._("Report progress")
    body: list[dict[str, Any]] = [heading(title)]
    if problem:
        body.append(paragraph(problem, color="Attention"))
    goal_input: dict[str, Any] = {
        "type": "Input.ChoiceSet",
        "id": GOAL,
        "label": t._("Goal"),
        "style": "compact",
        "wrap": True,
        "isRequired": True,
        "errorMessage": t._("Choose a goal."),
        "choices": [
            # Choice titles are plain text in Teams: no markdown escaping.
            {"title": f"{goal.number}. {goal.text_in(t.language)}", "value": str(goal.number)}
            for goal in branch_goals_first(goals)
        ],
    }
    if chosen is not None:
        goal_input["value"] = str(chosen.number)
    day_input: dict[str, Any] = {
        "type": "Input.Date",
        "id": DAY,
        "label": t._("Date"),
        "value": entries.day if _is_iso_date(entries.day) else today.isoformat(),
        "max": today.isoformat(),
    }
    if plan.year is not None and plan.year <= today.year:
        day_input["min"] = date(plan.year, 1, 1).isoformat()
    body.append(goal_input)
    if branches:  # the board's report on a goal every branch has counts for the branch it names
        branch_input: dict[str, Any] = {
            "type": "Input.ChoiceSet",
            "id": BRANCH,
            "label": t._("Branch (for a goal every branch has)"),
            "style": "compact",
            "choices": [{"title": name, "value": name} for name in branches],
        }
        if entries.branch in branches:
            branch_input["value"] = entries.branch
        body.append(branch_input)
    body += [
        {
            "type": "Input.Text",
            "id": VALUE,
            "label": t._("Value"),
            "placeholder": value_hint(t, chosen, plan),
            "isRequired": True,
            "errorMessage": t._("Write a value."),
            "maxLength": MAX_VALUE_LENGTH,
            "value": entries.value[:MAX_ECHO_LENGTH],
        },
        day_input,
        {
            "type": "Input.Text",
            "id": COMMENT,
            "label": t._("Comment (optional)"),
            "isMultiline": True,
            "maxLength": MAX_COMMENT_LENGTH,
            "value": entries.comment[:MAX_ECHO_LENGTH],
        },
    ]
    # Filled in again after a mistake, it keeps its token: the check-in is still the one not yet stored.
    submission = entries.submission or secrets.token_urlsafe(16)
    # Action.Execute (Universal Actions, card 1.4+): Teams sends an adaptiveCard/action invoke, and the
    # answer replaces the form: with what was stored, or the form again with what was wrong.
    actions = [
        {
            "type": "Action.Execute",
            "title": t._("Report"),
            "verb": FORM,
            "data": {"form": FORM, SUBMISSION: submission},
        }
    ]
    text = problem or title
    return Reply(text, card(body, fallback=text, actions=actions))


def confirm_repeat(
    t: Translator, answer: str, entries: Entries, *, happened_on: date, ask: str, stores: str
) -> Reply:
    """A report sent from the form that is asked about (like one stored before, or a count far beyond the
    goal's target): `answer` says why, `ask` is the question, `stores` what Yes does. Stored on Ja (once,
    however often it is tapped: the form's token), nothing on Nej. The buttons carry what was filled in,
    the day as the date it was."""
    sent = {
        "form": FORM,
        SUBMISSION: entries.submission,
        GOAL: entries.goal,
        VALUE: entries.value,
        DAY: happened_on.isoformat(),
        COMMENT: entries.comment[:MAX_ECHO_LENGTH],
    }
    actions = [
        {"type": "Action.Execute", "title": title, "verb": FORM, "data": data}
        for title, data in (
            (t._("Yes, store it"), {**sent, CONFIRM: YES}),
            (t._("No"), {"form": FORM, CONFIRM: NO}),
        )
    ]
    text = f"{answer} {ask} {stores}"
    body = [paragraph(answer), paragraph(ask)]
    return Reply(text, card(body, fallback=text, actions=actions))


def reading_question(t: Translator, question: str, reading: dict[str, str], choices: list[str]) -> Reply:
    """ "1 or 1 100?" with a button for each reading and one to cancel; `reading` is what the buttons carry
    back (the command and its words, and the submission token that stores it once)."""
    picks = [("alone", choices[0]), ("joined", choices[1]), ("cancel", t._("Cancel"))]
    actions = [
        {
            "type": "Action.Execute",
            "title": title,
            "verb": READING_FORM,
            "data": {"form": READING_FORM, READING: reading, PICK: pick},
        }
        for pick, title in picks
    ]
    return Reply(question, card([paragraph(question)], fallback=question, actions=actions))


def _is_iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
