"""How the whole plan stands: each goal's progress, from the same rules everywhere (cards, reminders,
digests, exports all read it from here). Framework-free."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.services.goals import Goal, Plan
from bot.services.progress import GoalProgress, Report, progress


@dataclass(frozen=True)
class GoalStanding:
    goal: Goal
    progress: GoalProgress


def plan_standing(
    plan: Plan,
    reports: Mapping[int, Sequence[Report]],
    *,
    today: date,
    branches: int,
    responsible: Mapping[int, int],
    branch_id: int | None = None,
) -> list[GoalStanding]:
    """Every goal's progress; with `branch_id`, as that one branch has done (for `status BRANCH`)."""
    year = plan.year or today.year
    standings = []
    for goal in plan.goals:
        goal_reports = reports.get(goal.id, ())
        if branch_id is not None:
            goal_reports = [r for r in goal_reports if r.branch_id == branch_id]
        standings.append(
            GoalStanding(
                goal,
                progress(
                    goal.target,
                    goal_reports,
                    today=today,
                    year=year,
                    areas=plan.priority_areas,
                    branches=1 if branch_id is not None and goal.applies_to_branches else branches,
                    applies_to_branches=goal.applies_to_branches,
                    people_named=responsible.get(goal.id, 0),
                ),
            )
        )
    return standings
