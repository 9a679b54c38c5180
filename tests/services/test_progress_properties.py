"""Properties of progress: fractions stay in [0, 1], capping never invents progress, more check-ins never
mean less done, and a count is DONE exactly when done reaches wanted."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.services.goals import Goal, Period, Plan, Target, TargetKind
from bot.services.progress import (
    GoalProgress,
    Pace,
    Report,
    goal_progress,
    period_bounds,
    periods_in_year,
    progress,
)

FAST = settings(max_examples=300, deadline=None)
AREAS = ("Facklig politik", "Feminism", "Antirasism", "Miljö och klimat")
# 2020: leap year with ISO week 53; 2023: plain; 2024: leap year, 52 weeks, ends mid-week.
YEARS = (2020, 2023, 2024)

# Mostly the counts people report, and now and then the values nobody validated.
values = st.one_of(
    st.integers(min_value=0, max_value=5),
    st.floats(min_value=-10, max_value=10, allow_nan=False),
    st.sampled_from([0.5, 0.1, -1.0, 1e300]),
)


@dataclass(frozen=True)
class Case:
    year: int
    today: date
    reports: list[Report]
    extra: Report


def _days(year: int) -> st.SearchStrategy[date]:
    # The plan year and a few weeks either side, so reports outside it and `today` outside it both happen.
    return st.dates(min_value=date(year - 1, 11, 15), max_value=date(year + 1, 2, 15))


def _reports(year: int) -> st.SearchStrategy[Report]:
    return st.builds(
        Report,
        value=values,
        on=_days(year),
        branch_id=st.one_of(st.none(), st.integers(min_value=1, max_value=4)),
        area=st.one_of(st.none(), st.sampled_from([*AREAS, "Okänt område"])),
    )


@st.composite
def cases(draw: st.DrawFn) -> Case:
    year = draw(st.sampled_from(YEARS))
    return Case(
        year=year,
        today=draw(_days(year)),
        reports=draw(st.lists(_reports(year), max_size=12)),
        extra=draw(_reports(year)),
    )


count_targets = st.builds(
    Target,
    kind=st.just(TargetKind.COUNT),
    count=st.integers(min_value=1, max_value=6),
    period=st.sampled_from(list(Period)),
    per_area=st.booleans(),
)
metric_targets = st.builds(
    Target,
    kind=st.just(TargetKind.METRIC),
    baseline=st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6)),
    goal_value=st.floats(min_value=-1e6, max_value=1e6),
)
any_targets = st.one_of(
    count_targets,
    metric_targets,
    st.builds(Target, kind=st.just(TargetKind.PEOPLE), count=st.integers(min_value=1, max_value=5)),
    st.just(Target(TargetKind.DONE)),
)
contexts = st.fixed_dictionaries(
    {
        "areas": st.sampled_from([(), AREAS, AREAS[:2]]),
        "branches": st.integers(min_value=0, max_value=4),
        "applies_to_branches": st.booleans(),
        "people_named": st.integers(min_value=-1, max_value=6),
    }
)


def _non_negative_sum(items: list[Report]) -> float:
    return math.fsum(max(r.value, 0) for r in items)


@FAST
@given(any_targets, cases(), contexts)
def test_fraction_is_always_between_0_and_1(target: Target, case: Case, context: dict[str, Any]) -> None:
    result = progress(target, case.reports, today=case.today, year=case.year, **context)
    for measure in (result.year, result.period):
        if measure is not None:
            assert 0.0 <= measure.fraction <= 1.0


@FAST
@given(count_targets, cases(), contexts)
def test_done_never_exceeds_the_sum_of_non_negative_values(
    target: Target, case: Case, context: dict[str, Any]
) -> None:
    result = progress(target, case.reports, today=case.today, year=case.year, **context)
    in_year = [r for r in case.reports if r.on.year == case.year]
    assert 0 <= result.year.done <= _non_negative_sum(in_year)
    if result.period is not None:
        starts, ends = result.period.starts, result.period.ends
        in_period = [r for r in in_year if starts <= r.on <= ends]
        assert 0 <= result.period.done <= _non_negative_sum(in_period)


@FAST
@given(count_targets, cases(), contexts)
def test_adding_a_report_never_lowers_done(target: Target, case: Case, context: dict[str, Any]) -> None:
    before = progress(target, case.reports, today=case.today, year=case.year, **context)
    after = progress(target, [*case.reports, case.extra], today=case.today, year=case.year, **context)
    assert after.year.done >= before.year.done
    if before.period is not None:
        assert after.period is not None
        assert after.period.done >= before.period.done


@FAST
@given(count_targets, cases(), contexts)
def test_count_pace_is_done_exactly_when_done_reaches_wanted(
    target: Target, case: Case, context: dict[str, Any]
) -> None:
    result = progress(target, case.reports, today=case.today, year=case.year, **context)
    for measure in (result.year, result.period):
        if measure is not None:
            assert (measure.pace is Pace.DONE) == (measure.done >= measure.wanted)
            assert measure.pace is not Pace.NOT_MEASURED
            assert 0 <= measure.expected_by_now <= measure.wanted


@FAST
@given(count_targets, cases(), contexts)
def test_the_period_is_the_one_holding_today_within_the_year(
    target: Target, case: Case, context: dict[str, Any]
) -> None:
    result = progress(target, case.reports, today=case.today, year=case.year, **context)
    assert target.period is not None
    # Outside the plan year no period is the current one.
    within = date(case.year, 1, 1) <= case.today <= date(case.year, 12, 31)
    assert (result.period is None) == (target.period is Period.YEAR or not within)
    if result.period is not None:
        day = case.today
        # The period holding the day (its days in the year), but the year's first and last weeks also hold
        # the year's days in the ISO weeks of the year before and after (29-31 December 2025 in week 52).
        starts, ends = period_bounds(target.period, day)
        first, last = date(case.year, 1, 1), date(case.year, 12, 31)
        held = (max(starts, first), min(ends, last))
        if (result.period.starts, result.period.ends) != held:
            assert target.period is Period.WEEK
            assert result.period.starts <= day <= result.period.ends
            assert first == result.period.starts or result.period.ends == last
    if result.in_branches:
        # Every branch, and a branch that reported this year and is gone since (ids 1-4 here).
        assert context["branches"] <= result.year.wanted <= max(context["branches"], 4)
    else:
        wanted_per_share = target.count * periods_in_year(target.period, case.year)  # type: ignore[operator]
        assert result.year.wanted % wanted_per_share == 0


@FAST
@given(st.sampled_from(list(Period)), st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_period_bounds_hold_the_day_and_tile_the_calendar(period: Period, today: date) -> None:
    starts, ends = period_bounds(period, today)
    assert starts <= today <= ends
    # The day after a period ends starts the next one, and the day before it starts ends the previous one.
    assert period_bounds(period, ends + timedelta(days=1))[0] == ends + timedelta(days=1)
    assert period_bounds(period, starts - timedelta(days=1))[1] == starts - timedelta(days=1)
    if period is Period.WEEK:
        assert starts.isoweekday() == 1
        assert (ends - starts).days == 6
    else:
        assert starts.year == ends.year == today.year
        assert starts.day == 1
    assert periods_in_year(period, today.year) in {1, 2, 4, 12, 52, 53}


# --- the rules a board relies on (issue 19) ------------------------------------------------------------

_RANK = {Pace.BEHIND: 0, Pace.NOT_REACHED: 0, Pace.NOT_BEGUN: 1, Pace.ON_PACE: 1, Pace.AHEAD: 2, Pace.DONE: 3}
BRANCHES = 4  # the branch ids the reports use are 1-4


@FAST
@given(count_targets, cases(), contexts)
def test_the_year_never_counts_more_than_its_periods_allow(
    target: Target, case: Case, context: dict[str, Any]
) -> None:
    result = progress(target, case.reports, today=case.today, year=case.year, **context)
    assert result.year.done <= result.year.wanted
    if result.period is not None:
        assert result.period.done <= result.period.wanted
    if result.periods is not None and result.periods_met is not None:
        per_period = result.year.wanted / result.periods
        assert 0 <= result.periods_met <= result.periods
        # Each period counts up to its own target: met periods are in the year, unmet ones add less.
        assert result.periods_met * per_period <= result.year.done
        if result.periods_met < result.periods:  # an unmet period adds less than its target
            assert result.year.done < result.year.wanted
        assert (result.pace is Pace.DONE) == (result.periods_met == result.periods)


@FAST
@given(count_targets, cases(), contexts)
def test_what_was_reported_is_never_less_than_the_year_counts(
    target: Target, case: Case, context: dict[str, Any]
) -> None:
    """ "100 of 100 (110 reported)": the reports in all, each event once, are at least the capped figure;
    reports of one day by two branches (one event) add no more than the larger of them."""
    result = progress(target, case.reports, today=case.today, year=case.year, **context)
    reported = result.year.reported
    if reported is None:
        return
    assert reported >= result.year.done or math.isclose(reported, result.year.done)
    if result.period is not None and result.period.reported is not None:
        assert result.period.reported <= reported or math.isclose(result.period.reported, reported)
    if not target.is_amount:
        in_year = [r for r in case.reports if r.on.year == case.year]
        assert reported <= sum(max(r.value, 0) for r in in_year if not math.isnan(r.value)) + 1e-6


@FAST
@given(count_targets, cases(), contexts, st.integers(min_value=1, max_value=5))
def test_pace_never_worsens_as_more_is_done(
    target: Target, case: Case, context: dict[str, Any], value: int
) -> None:
    context = {**context, "branches": BRANCHES}
    more = Report(value, case.extra.on, case.extra.branch_id, case.extra.area)
    before = progress(target, case.reports, today=case.today, year=case.year, **context)
    after = progress(target, [*case.reports, more], today=case.today, year=case.year, **context)
    assert _RANK[after.pace] >= _RANK[before.pace]
    assert after.year.done >= before.year.done


@FAST
@given(any_targets, cases(), st.sampled_from([(), AREAS]), st.integers(min_value=1, max_value=BRANCHES))
def test_a_branchs_report_never_changes_another_branchs_figure(
    target: Target, case: Case, areas: tuple[str, ...], branch: int
) -> None:
    plan = Plan(1, "D", None, case.year, (Goal(1, 1, "S", None, "g", None, target, True),), areas)
    goal = plan.goals[0]
    others = Report(case.extra.value, case.extra.on, branch % BRANCHES + 1, case.extra.area)

    def seen(reports: list[Report]) -> GoalProgress:
        return goal_progress(
            plan, goal, reports, today=case.today, branches=BRANCHES, people_named=0, branch_id=branch
        )

    assert seen(case.reports) == seen([*case.reports, others])


# --- what stands side by side on a goal's line says the same thing ------------------------------------


@FAST
@given(any_targets, cases(), contexts, st.sampled_from(["sv", "en"]))
def test_the_bar_and_the_pace_stand_beside_the_years_figure(
    target: Target, case: Case, context: dict[str, Any], language: str
) -> None:
    """A board member reads the bar, the figure after it and the word after that as one statement about
    the year: the bar is as full as that figure says ("1 av 4 kvartal klara i år" a quarter, whatever this
    quarter holds), and the pace word follows it, before any figure of the current period."""
    from bot.cards.goals import bar, pace_word, progress_line, year_figure
    from bot.i18n import translator

    plan = Plan(1, "D", None, case.year, (Goal(1, 1, "S", None, "g", None, target, False),), AREAS)
    context = {**context, "applies_to_branches": False}
    reports = [r for r in case.reports if abs(r.value) <= 1e6]  # the bot refuses absurd numbers
    result = progress(target, reports, today=case.today, year=case.year, **context)
    if result.periods_met is not None and result.periods:
        assert result.fraction == result.periods_met / result.periods
    else:
        assert result.fraction == result.year.fraction
    t = translator(language)
    line = progress_line(t, plan.goals[0], result)
    pace = pace_word(t, result.pace)
    if target.kind is TargetKind.DONE:
        return  # in words: "inte klart · i fas", "klart"
    figure = year_figure(t, plan.goals[0], result)
    assert line.startswith(f"{bar(result.fraction)} {figure} · {pace}"), line


@FAST
@given(metric_targets, cases(), st.integers(min_value=0, max_value=4))
def test_a_number_nobody_read_this_year_is_never_behind(target: Target, case: Case, branches: int) -> None:
    """ "2 000 följare" with no reading in the plan's year: not known, so never "efter" (nor "inte nått"
    once the year is over), for the district or any branch; "inte påbörjat" before the year."""
    unread = [r for r in case.reports if r.on.year != case.year]
    for applies in (False, True):
        result = progress(
            target, unread, today=case.today, year=case.year, branches=branches, applies_to_branches=applies
        )
        known = (Pace.NO_READING, Pace.NOT_MEASURED, Pace.NOT_BEGUN, Pace.DONE)  # DONE: the start is the goal
        assert result.pace in known, result.pace


@FAST
@given(
    metric_targets,
    st.sampled_from(YEARS),
    st.integers(min_value=0, max_value=21),
    st.integers(min_value=0, max_value=400),
)
@example(Target(TargetKind.METRIC, baseline=5e-324, goal_value=0.0), 2026, 0, 0)  # a way that rounds to 0
def test_the_starting_value_read_in_the_first_days_is_on_pace(
    target: Target, year: int, day: int, later: int
) -> None:
    """The baseline read on any of the first 22 days of the year is where the year starts: on pace (no
    twelfth of the way falls due before three quarters of January have passed); read later it may be
    behind, never ahead."""
    if target.baseline is None or target.goal_value is None or target.goal_value == target.baseline:
        return
    on = date(year, 1, 1) + timedelta(days=day)
    early = progress(target, [Report(target.baseline, on, None)], today=on, year=year)
    assert early.pace is Pace.ON_PACE, (target, on)
    today = on + timedelta(days=later)
    assert (
        progress(target, [Report(target.baseline, on, None)], today=today, year=year).pace is not Pace.AHEAD
    )
