"""Reading a check-in from separate fields (the card form, the chat dialog) by the one-line form's rules.

Framework-free. Each field is read by the same functions the one-line parser uses, and the result meets the
same `check`, so every path raises the same CheckInError codes for the same mistakes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from bot.cards.checkin_form import Entries
from bot.services import dates
from bot.services.checkins import (
    CheckInDraft,
    CheckInError,
    CheckInProblem,
    check,
    date_error,
    day_of,
    leading_area,
    leading_value,
    parse_goal_number,
    read_value,
    unit_words,
)

# The one-line parser's readers for a value, a priority area and a date; shared rather than rewritten.
# (Candidates for public names in bot.services.checkins.)
from bot.services.goals import Goal, Plan, Target, TargetKind


def read_goal(plan: Plan, text: str) -> Goal:
    """The goal a number names."""
    number, rest = parse_goal_number(text)
    if rest:
        raise CheckInError(CheckInProblem.NO_GOAL, text[:20])
    goal = plan.goal(number)
    if goal is None:
        raise CheckInError(CheckInProblem.UNKNOWN_GOAL, str(number))
    return goal


def read_amount(text: str, target: Target, areas: Mapping[str, str]) -> tuple[float, str | None]:
    """The value for the goal's kind of target; a per-area goal wants its area after it, as in one line."""
    words = text.split()
    if not words:
        raise CheckInError(CheckInProblem.NO_VALUE)
    if not (target.kind is TargetKind.COUNT and target.per_area):
        return read_value(text, target), None
    value, used = leading_value(words, target)
    used += unit_words(words[used:], target)  # "1 webbinarium feminism"
    area, taken = leading_area(words[used:], areas)
    if used + taken != len(words):
        raise CheckInError(CheckInProblem.NOT_A_NUMBER, text[:20])
    return value, area


def read_day(text: str, target: Target, today: date, year: int | None = None) -> date:
    """When it happened: empty means today; otherwise one date as the one-line form writes it (`year`: the
    plan's), a period as `day_of` stores it for the goal's `target`."""
    words = text.split()
    if not words:
        return today
    try:
        found = dates.read_whole(words, today, year, reported=True)
    except dates.DateError as error:
        raise date_error(error) from None
    if found is None:
        raise CheckInError(CheckInProblem.BAD_DATE, text[:20])
    return day_of(found, target, today, year)


def read_entries(plan: Plan, entries: Entries, *, today: date) -> tuple[Goal, CheckInDraft]:
    """A whole check-in from its fields, or the first CheckInError, in the one-line form's order."""
    goal = read_goal(plan, entries.goal)
    value, area = read_amount(entries.value, goal.target, plan.area_names())
    happened_on = read_day(entries.day, goal.target, today, plan.year)
    comment = entries.comment.strip() or None
    check(value=value, happened_on=happened_on, comment=comment, today=today, year=plan.year)
    branch = entries.branch.strip() or None
    # "mitten av november" in the day field is read as the 15th: the answer says so, as the one-line form's
    loosely = entries.day.strip() if dates.read_loosely(entries.day.split()) else None
    return goal, CheckInDraft(
        goal.number, value, happened_on, area, comment, entries.submission, branch=branch, loosely=loosely
    )
