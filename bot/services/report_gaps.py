"""Who has not reported for a quarter: the rules the quarter's reminders, the board's digest and the follow-up
share, so that what the board reads as not reported is what the chairs were reminded of. Framework-free.

- The period is the calendar quarter, whatever a goal's own period: a goal counted per month or per week
  (or per year) is still "not reported" when nothing was reported on it this quarter.
- Only goals every branch does concern branches; a branch has reported a goal when a standing (not
  withdrawn) check-in for that branch, by its chair or deputy, happened (`happened_on`) in the quarter, as
  progress counts it, not when it was typed. A report on a district goal, even "för Sundsvall", is the
  district's. A goal reached for the year earlier (reported done, its one person appointed, a yearly count
  met, as `status` judges it: each priority area, the people the board named responsible) is not asked
  about again: there is nothing left to report, and the board reads it as done for the year, not reported.
- A report of 0 ("we did nothing this period") is a report: the branch has answered and is not reminded;
  where every report of the quarter on a goal is 0, the board reads "reported nothing done" for it, unless
  the goal was reached for the year before (an "inte klart" after "klart": done stays done).
- People named responsible for district goals have reported those with a district check-in in the quarter;
  a goal every branch does is its branches' to report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from bot.services.goals import Goal, Period, Plan, TargetKind
from bot.services.progress import (
    Pace,
    Report,
    goal_progress,
    period_bounds,
    quarter_key,
    reports_for,
)

if TYPE_CHECKING:
    from bot.db.checkins import BranchInfo

REMINDER_KIND = "report"  # ReminderSent.kind of a reminder to report (chairs and responsible people)


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1-4
    starts: date  # inclusive
    ends: date  # inclusive

    @property
    def key(self) -> str:
        """The period as reminders are recorded: "2027-Q2"."""
        return quarter_key(self.starts)

    @classmethod
    def of(cls, today: date) -> Quarter:
        starts, ends = period_bounds(Period.QUARTER, today)
        return cls(today.year, (today.month - 1) // 3 + 1, starts, ends)


def reminder_due(today: date, days: int) -> Quarter | None:
    """The quarter to remind about today: `today` is at most `days` days before its last day (0: never)."""
    if days <= 0:
        return None
    quarter = Quarter.of(today)
    return quarter if (quarter.ends - today).days <= days else None


@dataclass(frozen=True)
class BranchGap:
    """A branch and the goals that apply to it without a report from it this quarter."""

    branch_id: int
    name: str
    chair_ids: tuple[int, ...]
    missing: tuple[Goal, ...]
    nothing: tuple[Goal, ...] = ()  # reported this quarter, but only 0s: nothing was done (`_nothing`)
    reached: tuple[Goal, ...] = ()  # not reported this quarter, but reached for the year before it

    @property
    def reported(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class PersonGap:
    """Someone named responsible for goals, and those of them without a district report this quarter."""

    person_id: int
    name: str
    goals: tuple[Goal, ...]
    missing: tuple[Goal, ...]
    reached: tuple[Goal, ...] = ()  # not reported this quarter, but reached for the year before it

    @property
    def reported(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Gaps:
    quarter: Quarter
    branch_goals: tuple[Goal, ...]  # the goals that apply to branches
    branches: tuple[BranchGap, ...]  # every branch, by name (empty when no goal applies to branches)
    responsible: tuple[PersonGap, ...]  # by name
    # (goal id, branch id or None for the district) -> the day of the latest report before the quarter, for
    # the goals missing: a reminder says so, lest "no report this quarter" read as "your report was lost".
    earlier: Mapping[tuple[int, int | None], date] = field(default_factory=dict)


@dataclass(frozen=True)
class Reminder:
    """What one person is reminded of: their branches' missing goals, and their own."""

    branches: tuple[BranchGap, ...]  # branches they chair that have goals missing
    own: tuple[Goal, ...]  # goals they are responsible for, without a district report
    chairs_several: bool  # they chair more than one branch, so a report names the branch


def _reported(goal: Goal, reports: Sequence[Report], branch_id: int | None, quarter: Quarter) -> bool:
    """Whether `branch_id` (None: the district) has a report on the goal that covers this quarter: one that
    counts for them as progress counts it (a district goal reported "för Sundsvall" is the district's)."""
    return any(quarter.starts <= r.on <= quarter.ends for r in reports_for(goal, reports, branch_id))


def _reached(
    plan: Plan,
    goal: Goal,
    reports: Sequence[Report],
    branch_id: int | None,
    quarter: Quarter,
    people_named: int = 0,
) -> bool:
    """Whether the goal was reached for the year without a report this quarter (done, its people appointed
    or named responsible, a yearly count or a figure reached), as `status` reads it: the plan's priority
    areas (one opinion piece is not one in each area) and its changed targets included. Nothing is left to
    report, and nobody did report it: the board reads it as reached, not as reported."""
    if _reported(goal, reports, branch_id, quarter):
        return False
    standing = goal_progress(
        plan, goal, reports, today=quarter.ends, branches=0, people_named=people_named, branch_id=branch_id
    )
    return standing.pace is Pace.DONE


def _nothing(
    plan: Plan, goal: Goal, reports: Sequence[Report], branch_id: int | None, quarter: Quarter
) -> bool:
    """Whether what `branch_id` reported on the goal this quarter is only 0s. A chair who reports 0 means
    "we did nothing this period": the branch has answered (it is not reminded), and the board is told it
    reported nothing done, not merely that it reported. A reading of 0 (members, followers) is a reading."""
    if goal.target.kind is TargetKind.METRIC:
        return False
    mine = reports_for(goal, reports, branch_id)
    theirs = [r for r in mine if quarter.starts <= r.on <= quarter.ends]
    if not theirs or any(r.value != 0 for r in theirs):
        return False
    # A goal done earlier stays done ("inte klart" after "klart"): the board is not told nothing was done.
    standing = goal_progress(
        plan, goal, reports, today=quarter.ends, branches=0, people_named=0, branch_id=branch_id
    )
    return standing.pace is not Pace.DONE


def find_gaps(
    plan: Plan,
    reports: Mapping[int, Sequence[Report]],
    *,
    branches: Sequence[BranchInfo],
    responsible: Mapping[int, Sequence[tuple[int, str]]],
    quarter: Quarter,
) -> Gaps:
    """Which goals are missing for whom this quarter.

    `reports`: the standing check-ins of the quarter's year by goal id (withdrawn ones left out);
    `responsible`: goal id -> the people named for it (id, name).
    Goals no longer in the plan are ignored.
    """
    branch_goals = tuple(goal for goal in plan.goals if goal.applies_to_branches)

    def gap(branch: BranchInfo) -> BranchGap:
        def of(goal: Goal) -> Sequence[Report]:
            return reports.get(goal.id, ())

        reached = tuple(g for g in branch_goals if _reached(plan, g, of(g), branch.id, quarter))
        return BranchGap(
            branch.id,
            branch.name,
            branch.chair_ids,
            tuple(
                g for g in branch_goals if g not in reached and not _reported(g, of(g), branch.id, quarter)
            ),
            tuple(g for g in branch_goals if _nothing(plan, g, of(g), branch.id, quarter)),
            reached,
        )

    branch_gaps = tuple(
        gap(branch) for branch in sorted(branches, key=lambda b: (b.name.casefold(), b.id)) if branch_goals
    )
    theirs: dict[int, list[Goal]] = defaultdict(list)
    names: dict[int, str] = {}
    for goal in plan.goals:
        if (
            goal.applies_to_branches
        ):  # the branches report it (their chairs are reminded), not for the district
            continue
        for person_id, name in responsible.get(goal.id, ()):
            if goal not in theirs[person_id]:
                theirs[person_id].append(goal)
            names[person_id] = name

    def person(person_id: int, goals: Sequence[Goal]) -> PersonGap:
        reached = tuple(
            g
            for g in goals
            if _reached(plan, g, reports.get(g.id, ()), None, quarter, len(responsible.get(g.id, ())))
        )
        missing = tuple(
            g for g in goals if g not in reached and not _reported(g, reports.get(g.id, ()), None, quarter)
        )
        return PersonGap(person_id, names[person_id], tuple(goals), missing, reached)

    people = tuple(
        person(person_id, goals)
        for person_id, goals in sorted(theirs.items(), key=lambda item: (names[item[0]].casefold(), item[0]))
    )
    earlier = {
        (goal.id, whose): max(days)
        for whose, missing in [
            *((b.branch_id, b.missing) for b in branch_gaps),
            *((None, p.missing) for p in people),
        ]
        for goal in missing
        if (
            days := [
                r.on for r in reports_for(goal, reports.get(goal.id, ()), whose) if r.on < quarter.starts
            ]
        )
    }
    return Gaps(quarter, branch_goals, branch_gaps, people, earlier)


def reminders(gaps: Gaps) -> dict[int, Reminder]:
    """Person id -> what to remind them of; only people with something missing."""
    chaired: dict[int, int] = defaultdict(int)
    branches: dict[int, list[BranchGap]] = defaultdict(list)
    for branch in gaps.branches:
        for chair in branch.chair_ids:
            chaired[chair] += 1
            if branch.missing:
                branches[chair].append(branch)
    own = {person.person_id: person.missing for person in gaps.responsible if person.missing}
    return {
        person_id: Reminder(
            tuple(branches.get(person_id, ())), own.get(person_id, ()), chaired.get(person_id, 0) > 1
        )
        for person_id in sorted(set(branches) | set(own))
    }
