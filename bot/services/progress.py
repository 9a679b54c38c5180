"""Progress against a goal's target: what has been done, what "on pace" means today, and whether we are.

Framework-free: no botbuilder, no aiohttp, no SQL. The caller loads the goal's check-ins as `Report`s and
passes `today` (a local date), the plan year and what it knows about the district (priority areas, number of
branches, people named); `progress` answers with a `Measure` for the current period and one for the year.
`Progress`, at the end, is that caller for every command: it reads the plan and its check-ins through the
repositories.

Rules (product decisions; the tests hold them with hand-computed numbers):

Which reports count
- Only reports whose `on` falls in the plan `year` (1 January to 31 December) count, and for the period
  Measure only those inside the current period as well. A week that straddles New Year is still the whole
  ISO week (Monday to Sunday) but only its days inside the plan year can hold reports.
- `today` before the plan year: nothing is expected yet (elapsed 0) and the period is the year's first.
  `today` after it: the whole year is expected (elapsed 1) and the period is the year's last.
- Values are the caller's to validate, but nothing here crashes on them: for counts a negative (or NaN)
  value is 0 and an infinite one is the largest float; NaN metric readings are skipped.

Elapsed fraction of a span at `today` = (days from its start through today, inclusive) / (days in the span);
0 before the span, 1 after it. Sums are exact (fractions), so a whole number expected "by now" is whole.

COUNT (at least `count` per period)
- done = the sum of the values. Wanted per period = count; per year = count x periods_in_year (52 or 53
  ISO weeks, 12, 4, 1). A COUNT without a stated period is a YEAR target, and a YEAR target has no period
  Measure (it would equal the year's).
- Each branch does it (`applies_to_branches` and `branches` > 0): wanted x branches, and each branch's
  reports count only up to its own share of the span's wanted (5 meetings in one branch do not cover
  another branch's 0). District-wide reports (branch_id None) belong to no branch and are ignored here.
  With `branches` == 0 the goal is measured as the district's own.
- Per priority area (`per_area`): wanted x the number of areas (no areas known: 1 area, which every report
  counts toward), and each area's reports count only up to its share. Reports without an area, or naming
  an area that is not one of `areas` (compared case-insensitively), count toward no area and are ignored.
  Both together: the share is per branch and area.
- The share is that of the span measured: for the year Measure a branch or area may reach its year share
  in any of the year's periods. Without branches or areas the year's done is the plain sum, so periods
  ahead of time count toward the year.
- Pace: DONE when done >= wanted; otherwise AHEAD when done >= expected_by_now + 1 (a whole unit ahead);
  ON_PACE when done >= floor(expected_by_now) (every whole unit that should have happened has happened, so
  0 is on pace on a quarter's first day and behind on its last); else BEHIND. expected_by_now = wanted x
  elapsed fraction of the span.

PEOPLE (N people named responsible)
- done = `people_named`, wanted = count, year Measure only. People are to be named in the first quarter:
  DONE when reached, else BEHIND after 31 March (and after the year), else ON_PACE. expected_by_now is what
  must be there not to be behind: 0 through 31 March, wanted after it.

METRIC (a number moved from `baseline` to `goal_value`)
- done = the latest reading in the year (by `on`, then `reported_at`, then the order given), or the
  baseline when there is none; wanted = goal_value; `latest` = that reading (None without one).
- Progress is measured from the baseline: expected_by_now = baseline + (goal - baseline) x elapsed fraction
  of the year; fraction = (done - baseline) / (goal - baseline) clamped to [0, 1]. A goal below the baseline
  is a decrease target and everything is mirrored ("reached" means at or below the goal).
- Pace: DONE when reached; AHEAD when the reading is at least expected + 10 % of |goal - baseline| on the
  goal's side; ON_PACE when at least expected - 1 % of it; else BEHIND.
- Without a baseline the first reading of the year is the baseline and the pace is counted from that
  reading's day to the year's end; with no baseline and no reading, or no goal_value, NOT_MEASURED.

DONE (done or not done)
- done = 1 when any report in the year has a value >= 1, else 0; wanted 1; year Measure only. DONE when
  done; BEHIND from 1 October (the last quarter) when not; ON_PACE before. expected_by_now: 0 before
  1 October, 1 from it.
"""

from __future__ import annotations

import calendar
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, assert_never

from bot.services.goals import Goal, Period, Plan, Target, TargetKind

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from bot.db.checkins import CheckInRepository, StoredCheckIn
    from bot.db.repository import Repository


@dataclass(frozen=True)
class Report:
    """One stored check-in, as progress needs it."""

    value: float  # a count (>= 0), a metric reading, or 1/0 for done/not done
    on: date  # the day it happened (local date)
    branch_id: int | None  # None: reported for the whole district
    area: str | None = None  # for per-area goals: which priority area it counts for
    reported_at: datetime | None = None  # aware; tie-break for "latest" metric readings


class Pace(StrEnum):
    DONE = "done"
    AHEAD = "ahead"
    ON_PACE = "on_pace"
    BEHIND = "behind"
    NOT_MEASURED = "not_measured"


@dataclass(frozen=True)
class Measure:
    """Progress over one span (the current period, or the plan year)."""

    done: float
    wanted: float
    expected_by_now: float  # what "on pace" means at `today`
    pace: Pace
    starts: date  # inclusive
    ends: date  # inclusive
    baseline: float | None = None  # METRIC: where progress is measured from; None for counts

    @property
    def fraction(self) -> float:
        """How far along, in [0, 1]: done / wanted for counts, the way from baseline to goal for metrics."""
        if self.baseline is None:
            if self.wanted <= 0:
                return 0.0
            return _clamp01(self.done / self.wanted)
        if self.wanted == self.baseline:
            # Nothing to move: it is reached or it is not.
            return 1.0 if self.done >= self.wanted else 0.0
        return _clamp01((self.done - self.baseline) / (self.wanted - self.baseline))


@dataclass(frozen=True)
class GoalProgress:
    period: Measure | None  # the current period; None for METRIC, PEOPLE, DONE and COUNT per YEAR
    year: Measure
    latest: float | None = None  # METRIC: the latest reading


def _clamp01(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, value))


# --- calendar ------------------------------------------------------------------------------------------


def period_bounds(period: Period, today: date) -> tuple[date, date]:
    """The calendar period holding `today`, both ends inclusive.

    WEEK is the ISO week (Monday to Sunday, so it may cross New Year); QUARTER is Jan-Mar, Apr-Jun,
    Jul-Sep or Oct-Dec.
    """
    match period:
        case Period.WEEK:
            monday = today - timedelta(days=today.weekday())
            return monday, monday + timedelta(days=6)
        case Period.MONTH:
            last = calendar.monthrange(today.year, today.month)[1]
            return today.replace(day=1), today.replace(day=last)
        case Period.QUARTER:
            first_month = 3 * ((today.month - 1) // 3) + 1
            last_month = first_month + 2
            last = calendar.monthrange(today.year, last_month)[1]
            return date(today.year, first_month, 1), date(today.year, last_month, last)
        case Period.YEAR:
            return date(today.year, 1, 1), date(today.year, 12, 31)
        case _:
            assert_never(period)


def periods_in_year(period: Period, year: int) -> int:
    """How many periods the plan year holds: 52 or 53 ISO weeks, 12 months, 4 quarters, 1 year."""
    match period:
        case Period.WEEK:
            # 28 December is always in the ISO year's last week.
            return date(year, 12, 28).isocalendar().week
        case Period.MONTH:
            return 12
        case Period.QUARTER:
            return 4
        case Period.YEAR:
            return 1
        case _:
            assert_never(period)


def _elapsed(starts: date, ends: date, today: date, year: int) -> Fraction:
    """Elapsed fraction of a span at `today`, counting today; outside the plan year it is all or nothing."""
    if today < date(year, 1, 1) or today < starts:
        return Fraction(0)
    if today > date(year, 12, 31) or today > ends:
        return Fraction(1)
    return Fraction((today - starts).days + 1, (ends - starts).days + 1)


# --- counts --------------------------------------------------------------------------------------------

_LARGEST = Fraction(sys.float_info.max)


def _amount(value: float) -> Fraction:
    """A count's value as an exact fraction: negative and NaN count as nothing, infinity as the most."""
    if isinstance(value, int):  # ints (bools too) may be beyond any float; they are exact as they are
        return Fraction(max(value, 0))
    if math.isnan(value) or value <= 0:
        return Fraction(0)
    if math.isinf(value):
        return _LARGEST
    return Fraction(value)


def _as_float(value: Fraction) -> float:
    try:
        return float(value)
    except OverflowError:  # a sum of huge values: more than a float holds
        return math.inf


def _area_key(area: str) -> str:
    return " ".join(area.split()).casefold()


@dataclass(frozen=True)
class _Scope:
    """Who shares a count goal: the buckets whose contributions are capped at their share."""

    per_branch: bool
    per_area: bool
    areas: frozenset[str]  # normalised; empty means one area that every report counts toward
    multiplier: int  # branches x areas

    def bucket(self, report: Report) -> tuple[int | None, str | None] | None:
        """Which share a report counts toward, or None when it counts toward none."""
        branch: int | None = None
        area: str | None = None
        if self.per_branch:
            if report.branch_id is None:
                return None
            branch = report.branch_id
        if self.per_area and self.areas:
            if report.area is None or _area_key(report.area) not in self.areas:
                return None
            area = _area_key(report.area)
        return branch, area

    @property
    def capped(self) -> bool:
        return self.per_branch or self.per_area


def _scope(target: Target, areas: Sequence[str], branches: int, applies_to_branches: bool) -> _Scope:
    per_branch = applies_to_branches and branches > 0
    known = frozenset(_area_key(a) for a in areas if a.strip())
    multiplier = (branches if per_branch else 1) * (max(len(known), 1) if target.per_area else 1)
    return _Scope(per_branch, target.per_area, known, multiplier)


def _count_measure(
    reports: Sequence[Report],
    *,
    share: int,
    scope: _Scope,
    starts: date,
    ends: date,
    today: date,
    year: int,
) -> Measure:
    sums: dict[tuple[int | None, str | None], Fraction] = {}
    for report in reports:
        if report.on.year != year or not starts <= report.on <= ends:
            continue
        key = scope.bucket(report)
        if key is not None:
            sums[key] = sums.get(key, Fraction(0)) + _amount(report.value)
    cap = Fraction(share)
    exact = sum((min(cap, s) if scope.capped else s for s in sums.values()), Fraction(0))
    done = _as_float(exact)
    wanted = share * scope.multiplier
    expected = wanted * _elapsed(starts, ends, today, year)
    # Pace judges the done the user sees (the float) against the exact expectation.
    if done >= wanted:
        pace = Pace.DONE
    elif done >= expected + 1:
        pace = Pace.AHEAD
    elif done >= math.floor(expected):
        pace = Pace.ON_PACE
    else:
        pace = Pace.BEHIND
    return Measure(done, float(wanted), float(expected), pace, starts, ends)


def _count_progress(
    target: Target, reports: Sequence[Report], today: date, year: int, scope: _Scope
) -> GoalProgress:
    count = 1 if target.count is None else max(target.count, 0)  # no number: once per period
    period = target.period or Period.YEAR
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    year_measure = _count_measure(
        reports,
        share=count * periods_in_year(period, year),
        scope=scope,
        starts=year_start,
        ends=year_end,
        today=today,
        year=year,
    )
    if period is Period.YEAR:
        return GoalProgress(period=None, year=year_measure)
    # Outside the plan year the current period is the year's first or last.
    starts, ends = period_bounds(period, min(max(today, year_start), year_end))
    period_measure = _count_measure(
        reports, share=count, scope=scope, starts=starts, ends=ends, today=today, year=year
    )
    return GoalProgress(period=period_measure, year=year_measure)


# --- metrics -------------------------------------------------------------------------------------------

_EARLIEST = datetime.min.replace(tzinfo=UTC)


def _reading_order(indexed: tuple[int, Report]) -> tuple[date, datetime, int]:
    index, report = indexed
    at = report.reported_at
    if at is None:
        at = _EARLIEST
    elif at.tzinfo is None:
        at = at.replace(tzinfo=UTC)  # the contract says aware; a naive one is read as UTC, not a crash
    return report.on, at, index


def _reading(value: float) -> float:
    try:
        return float(value)
    except OverflowError:  # an int beyond any float
        return math.inf if value > 0 else -math.inf


def _metric_progress(target: Target, reports: Sequence[Report], today: date, year: int) -> GoalProgress:
    starts, ends = date(year, 1, 1), date(year, 12, 31)
    readings = sorted(
        ((i, r) for i, r in enumerate(reports) if r.on.year == year and not math.isnan(_reading(r.value))),
        key=_reading_order,
    )
    latest = _reading(readings[-1][1].value) if readings else None
    baseline = None if target.baseline is None else _reading(target.baseline)
    counted_from = starts
    if baseline is None and readings:
        first = readings[0][1]
        baseline, counted_from = _reading(first.value), first.on
    goal = None if target.goal_value is None else _reading(target.goal_value)
    if goal is None or baseline is None:
        done = latest if latest is not None else (baseline if baseline is not None else 0.0)
        wanted = 0.0 if goal is None else goal
        return GoalProgress(
            period=None,
            year=Measure(done, wanted, done, Pace.NOT_MEASURED, starts, ends),
            latest=latest,
        )
    done = latest if latest is not None else baseline
    elapsed = _elapsed(counted_from, ends, today, year)
    expected = goal if elapsed == 1 else baseline + (goal - baseline) * float(elapsed)
    # Measure along the way from baseline to goal, so a decrease target reads like an increase.
    toward = 1.0 if goal >= baseline else -1.0
    way = abs(goal - baseline)
    made = toward * (done - baseline)
    due = way * float(elapsed)
    if toward * (done - goal) >= 0:
        pace = Pace.DONE
    elif made >= due + 0.10 * way:
        pace = Pace.AHEAD
    elif made >= due - 0.01 * way:
        pace = Pace.ON_PACE
    else:
        pace = Pace.BEHIND
    return GoalProgress(
        period=None,
        year=Measure(done, goal, expected, pace, starts, ends, baseline=baseline),
        latest=latest,
    )


# --- people and done -----------------------------------------------------------------------------------


def _people_progress(target: Target, today: date, year: int, people_named: int) -> GoalProgress:
    starts, ends = date(year, 1, 1), date(year, 12, 31)
    wanted = 1 if target.count is None else max(target.count, 0)
    done = max(people_named, 0)
    # People are named at the start of the year: the first quarter is the time to do it.
    late = today > date(year, 3, 31)
    pace = Pace.DONE if done >= wanted else Pace.BEHIND if late else Pace.ON_PACE
    expected = wanted if late else 0
    return GoalProgress(
        period=None, year=Measure(float(done), float(wanted), float(expected), pace, starts, ends)
    )


def _done_progress(reports: Sequence[Report], today: date, year: int) -> GoalProgress:
    starts, ends = date(year, 1, 1), date(year, 12, 31)
    done = any(r.on.year == year and r.value >= 1 for r in reports)
    # Something still not done when the last quarter starts is worth a warning.
    late = today >= date(year, 10, 1)
    pace = Pace.DONE if done else Pace.BEHIND if late else Pace.ON_PACE
    return GoalProgress(
        period=None,
        year=Measure(float(done), 1.0, 1.0 if late else 0.0, pace, starts, ends),
    )


# --- entry point ---------------------------------------------------------------------------------------


def progress(
    target: Target,
    reports: Sequence[Report],
    *,
    today: date,
    year: int,
    areas: Sequence[str] = (),
    branches: int = 0,
    applies_to_branches: bool = False,
    people_named: int = 0,
) -> GoalProgress:
    """A goal's progress at `today` in plan year `year`, by the rules in this module's docstring.

    `reports` are the goal's check-ins (any year; only the plan year's count). `areas` are the plan's
    priority areas, `branches` how many branches the district has, `applies_to_branches` whether each
    branch is to do the goal, `people_named` how many people the board has named responsible (PEOPLE).
    """
    match target.kind:
        case TargetKind.COUNT:
            scope = _scope(target, areas, branches, applies_to_branches)
            return _count_progress(target, reports, today, year, scope)
        case TargetKind.PEOPLE:
            return _people_progress(target, today, year, people_named)
        case TargetKind.METRIC:
            return _metric_progress(target, reports, today, year)
        case TargetKind.DONE:
            return _done_progress(reports, today, year)
        case _:
            assert_never(target.kind)


# --- the whole plan, and the service the commands call ----------------------------------------------


@dataclass(frozen=True)
class GoalStanding:
    goal: Goal
    progress: GoalProgress


@dataclass(frozen=True)
class GoalInFull:
    """One goal as `goals 6` shows it: its progress, who is responsible and the latest reports."""

    goal: Goal
    progress: GoalProgress
    responsible: list[str]
    latest: list[StoredCheckIn]


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
    return [
        GoalStanding(
            goal,
            goal_progress(
                plan,
                goal,
                reports.get(goal.id, ()),
                today=today,
                branches=branches,
                people_named=responsible.get(goal.id, 0),
                branch_id=branch_id,
            ),
        )
        for goal in plan.goals
    ]


def goal_progress(
    plan: Plan,
    goal: Goal,
    reports: Sequence[Report],
    *,
    today: date,
    branches: int,
    people_named: int,
    branch_id: int | None = None,
) -> GoalProgress:
    """One goal of the plan's progress from its reports; with `branch_id`, as that one branch has done."""
    if branch_id is not None:
        reports = [r for r in reports if r.branch_id == branch_id]
    return progress(
        goal.target,
        reports,
        today=today,
        year=plan.year or today.year,
        areas=plan.priority_areas,
        branches=1 if branch_id is not None and goal.applies_to_branches else branches,
        applies_to_branches=goal.applies_to_branches,
        people_named=people_named,
    )


class Progress:
    """A district's plan and how far it has come, read from the repositories; called from worker threads."""

    def __init__(self, plans: Repository, checkins: CheckInRepository, zone: ZoneInfo) -> None:
        self.plans = plans
        self.checkins = checkins
        self.zone = zone

    def today(self, now: datetime) -> date:
        return now.astimezone(self.zone).date()

    def plan(self, district: str) -> Plan | None:
        return self.plans.plan(district)

    def standings(self, plan: Plan, *, now: datetime, branch_id: int | None = None) -> list[GoalStanding]:
        """Every goal's progress for the plan's district (or one branch), as of `now`."""
        today = self.today(now)
        named = self.checkins.responsible(plan.district)
        return plan_standing(
            plan,
            self.checkins.reports(plan.district, year=plan.year or today.year),
            today=today,
            branches=len(self.checkins.branches(plan.district)),
            responsible={goal_id: len(people) for goal_id, people in named.items()},
            branch_id=branch_id,
        )

    def goal(self, plan: Plan, goal: Goal, *, now: datetime) -> GoalInFull:
        """One goal's progress, the people responsible for it and its latest reports."""
        today = self.today(now)
        named = self.checkins.responsible(plan.district).get(goal.id, [])
        reports = self.checkins.reports(plan.district, year=plan.year or today.year, goal_id=goal.id)
        standing = goal_progress(
            plan,
            goal,
            reports.get(goal.id, ()),
            today=today,
            branches=len(self.checkins.branches(plan.district)),
            people_named=len(named),
        )
        return GoalInFull(goal, standing, [name for _, name in named], self.checkins.latest(goal.id))
