"""Progress against targets: the hand-computed examples the product rules were written from, calendar
periods, and the edges (no reports, reports outside the year, values nobody validated)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from bot.services.goals import Period, Target, TargetKind
from bot.services.progress import (
    GoalProgress,
    Measure,
    Pace,
    Report,
    period_bounds,
    periods_in_year,
    progress,
    week_number,
)

CHAIRS_MEETING = Target(TargetKind.COUNT, count=1, period=Period.QUARTER, unit="ordförandemöte")
TWICE_A_MONTH = Target(TargetKind.COUNT, count=2, period=Period.MONTH, unit="inlägg")
FOLLOWERS = Target(TargetKind.METRIC, baseline=1500.0, goal_value=2000.0, unit="följare")
PER_AREA = Target(TargetKind.COUNT, count=1, period=Period.YEAR, unit="debattartikel", per_area=True)
AREAS = ("Facklig politik", "Feminism", "Antirasism", "Miljö och klimat")
THREE_PEOPLE = Target(TargetKind.PEOPLE, count=3, unit="personer")
DONE_GOAL = Target(TargetKind.DONE)


def district(value: float, on: date, area: str | None = None, reported_at: datetime | None = None) -> Report:
    """A check-in reported for the whole district."""
    return Report(value, on, None, area=area, reported_at=reported_at)


def period_of(result: GoalProgress) -> Measure:
    assert result.period is not None
    return result.period


# --- "minst ett ordförandemöte i kvartalet": COUNT 1 per QUARTER, 2023 ---------------------------------


def test_chairs_meeting_year_by_end_of_june() -> None:
    reports = [district(1, date(2023, 2, 14)), district(1, date(2023, 5, 9))]
    result = progress(CHAIRS_MEETING, reports, today=date(2023, 6, 30), year=2023)
    # Q1 and Q2 are over and met: 2 of 4 quarters; due by now is Q1's 1 and Q2's 1.
    assert (result.year.done, result.year.wanted, result.year.expected_by_now) == (2, 4, 2)
    assert (result.periods_met, result.periods) == (2, 4)
    assert result.year.pace is Pace.ON_PACE
    assert result.year.fraction == 0.5
    assert (result.year.starts, result.year.ends) == (date(2023, 1, 1), date(2023, 12, 31))


def test_chairs_meeting_quarter_with_a_meeting_in_may_is_done() -> None:
    reports = [district(1, date(2023, 2, 14)), district(1, date(2023, 5, 9))]
    quarter = period_of(progress(CHAIRS_MEETING, reports, today=date(2023, 6, 30), year=2023))
    assert (quarter.starts, quarter.ends) == (date(2023, 4, 1), date(2023, 6, 30))
    assert (quarter.done, quarter.wanted) == (1, 1)
    assert quarter.pace is Pace.DONE
    assert quarter.fraction == 1.0


def test_chairs_meeting_q3_on_pace_until_three_quarters_in() -> None:
    reports = [district(1, date(2023, 2, 14)), district(1, date(2023, 5, 9))]
    first = progress(CHAIRS_MEETING, reports, today=date(2023, 7, 1), year=2023)
    assert (period_of(first).starts, period_of(first).ends) == (date(2023, 7, 1), date(2023, 9, 30))
    assert (period_of(first).done, period_of(first).expected_by_now) == (0, 0)
    assert first.pace is Pace.ON_PACE
    # Q3 has 92 days: the meeting falls due once 1 x elapsed + 1/4 >= 1, i.e. from day 69 (7 September).
    assert progress(CHAIRS_MEETING, reports, today=date(2023, 9, 6), year=2023).pace is Pace.ON_PACE
    late = progress(CHAIRS_MEETING, reports, today=date(2023, 9, 7), year=2023)
    assert (period_of(late).expected_by_now, late.pace) == (1, Pace.BEHIND)


def test_chairs_meeting_31_march_vs_1_april() -> None:
    reports = [district(1, date(2023, 3, 31))]
    march = period_of(progress(CHAIRS_MEETING, reports, today=date(2023, 3, 31), year=2023))
    assert (march.starts, march.ends, march.done, march.pace) == (
        date(2023, 1, 1),
        date(2023, 3, 31),
        1,
        Pace.DONE,
    )
    april = period_of(progress(CHAIRS_MEETING, reports, today=date(2023, 4, 1), year=2023))
    assert (april.starts, april.ends, april.done, april.pace) == (
        date(2023, 4, 1),
        date(2023, 6, 30),
        0,
        Pace.ON_PACE,
    )


# --- "från 1500 till 2000" följare: METRIC ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("reading", "pace"),
    [(1650.0, Pace.BEHIND), (1950.0, Pace.ON_PACE), (2000.0, Pace.DONE), (2100.0, Pace.DONE)],
)
def test_followers_on_15_november(reading: float, pace: Pace) -> None:
    result = progress(FOLLOWERS, [district(reading, date(2023, 11, 15))], today=date(2023, 11, 15), year=2023)
    # 1 Jan - 15 Nov is 319 of 365 days; the way falls due a twelfth at a time, each three quarters into
    # its share: floor(12 x 319/365 + 1/4) = 10 twelfths, so expected 1500 + 500 x 10/12 = 1916.67.
    assert result.year.expected_by_now == pytest.approx(1500 + 500 * 10 / 12)
    # 1650: 150 made < 416.7 - 5 due; 1950: 450 >= 411.7 but < 466.7 (ahead).
    assert result.year.pace is pace
    assert result.latest == reading
    assert result.year.done == reading
    assert result.year.wanted == 2000
    assert result.period is None


def test_followers_fraction_is_measured_from_the_baseline() -> None:
    result = progress(FOLLOWERS, [district(1650.0, date(2023, 11, 15))], today=date(2023, 11, 15), year=2023)
    assert result.year.fraction == pytest.approx(150 / 500)  # 0.3, not 1650/2000
    assert result.year.baseline == 1500


def test_followers_ahead_needs_ten_percent_of_the_way() -> None:
    # 30 June 2023, 181 of 365 days: floor(12 x 181/365 + 1/4) = 6 twelfths due, expected 1500 + 250 =
    # 1750; ahead from 1800, on pace from 1745.
    at = date(2023, 6, 30)
    assert progress(FOLLOWERS, [district(1800, at)], today=at, year=2023).year.pace is Pace.AHEAD
    assert progress(FOLLOWERS, [district(1790, at)], today=at, year=2023).year.pace is Pace.ON_PACE
    assert progress(FOLLOWERS, [district(1745, at)], today=at, year=2023).year.pace is Pace.ON_PACE
    assert progress(FOLLOWERS, [district(1744, at)], today=at, year=2023).year.pace is Pace.BEHIND


def test_followers_without_readings_is_the_baseline() -> None:
    """Nobody has read the followers this year: the figure is the baseline, and where the page stands is
    not known, so it is "ingen mätning än" and never behind: on 1 January, on 5 January, in March, and
    once the year is over (its result was never read)."""
    early = progress(FOLLOWERS, [], today=date(2023, 1, 1), year=2023)
    assert (early.year.done, early.latest, early.year.pace) == (1500, None, Pace.NO_READING)
    assert early.year.fraction == 0.0
    for today in (date(2023, 1, 5), date(2023, 3, 1), date(2023, 12, 31), date(2024, 2, 1)):
        assert progress(FOLLOWERS, [], today=today, year=2023).year.pace is Pace.NO_READING, today
    # before the year nothing is due: not begun, as every goal
    assert progress(FOLLOWERS, [], today=date(2022, 12, 1), year=2023).year.pace is Pace.NOT_BEGUN


def test_followers_read_at_the_baseline_in_the_first_days_are_on_pace() -> None:
    """1 500 read on 5 January is where the year starts (no twelfth of the way is due before 23 January),
    not behind; still 1 500 on 1 March, two twelfths (83) were due: behind."""
    for at in (date(2023, 1, 1), date(2023, 1, 5), date(2023, 1, 22)):
        assert progress(FOLLOWERS, [district(1500, at)], today=at, year=2023).year.pace is Pace.ON_PACE, at
    assert (
        progress(FOLLOWERS, [district(1500, date(2023, 1, 23))], today=date(2023, 1, 23), year=2023).year.pace
        is Pace.BEHIND
    )
    late = progress(FOLLOWERS, [district(1500, date(2023, 1, 5))], today=date(2023, 3, 1), year=2023)
    assert late.year.expected_by_now == pytest.approx(1500 + 500 * 2 / 12)
    assert late.year.pace is Pace.BEHIND


def test_latest_reading_by_day_then_reported_at_then_order() -> None:
    morning = datetime(2023, 11, 15, 8, tzinfo=UTC)
    evening = datetime(2023, 11, 15, 18, tzinfo=UTC)
    reports = [
        district(1900, date(2023, 11, 15), reported_at=evening),
        district(1700, date(2023, 11, 15), reported_at=morning),
        district(1800, date(2023, 11, 14), reported_at=datetime(2023, 11, 16, tzinfo=UTC)),
        district(2500, date(2024, 1, 2)),  # next year: not this plan's
    ]
    assert progress(FOLLOWERS, reports, today=date(2023, 11, 20), year=2023).latest == 1900
    # Aware times in different zones compare as instants: 19:00 +02:00 is before 18:00 UTC.
    plus_two = timezone(timedelta(hours=2))
    reports.append(
        district(1600, date(2023, 11, 15), reported_at=datetime(2023, 11, 15, 19, tzinfo=plus_two))
    )
    assert progress(FOLLOWERS, reports, today=date(2023, 11, 20), year=2023).latest == 1900
    # Same day, no times: the one given last.
    same_day = [district(1700, date(2023, 5, 1)), district(1750, date(2023, 5, 1))]
    assert progress(FOLLOWERS, same_day, today=date(2023, 5, 1), year=2023).latest == 1750


def test_decrease_target_is_mirrored() -> None:
    # From 40 % to 20 % (lower is better): on 30 June six twelfths due, expected 40 - 20 x 6/12 = 30.
    target = Target(TargetKind.METRIC, baseline=40.0, goal_value=20.0, unit="%")
    at = date(2023, 6, 30)
    result = progress(target, [district(30.0, at)], today=at, year=2023)
    assert result.year.expected_by_now == pytest.approx(30)
    assert result.year.pace is Pace.ON_PACE
    assert result.year.fraction == pytest.approx(0.5)
    assert progress(target, [district(35.0, at)], today=at, year=2023).year.pace is Pace.BEHIND
    assert progress(target, [district(27.0, at)], today=at, year=2023).year.pace is Pace.AHEAD
    assert progress(target, [district(19.0, at)], today=at, year=2023).year.pace is Pace.DONE
    assert progress(target, [district(45.0, at)], today=at, year=2023).year.fraction == 0.0


def test_metric_without_baseline_counts_from_its_first_reading() -> None:
    target = Target(TargetKind.METRIC, goal_value=500.0, unit="medlemmar")
    assert progress(target, [], today=date(2023, 6, 1), year=2023).year.pace is Pace.NOT_MEASURED
    # First reading 300 on 1 July; on 1 July 1 of 184 days to 31 Dec has passed: nothing due yet.
    first = progress(target, [district(300, date(2023, 7, 1))], today=date(2023, 7, 1), year=2023)
    assert first.year.baseline == 300
    assert first.year.expected_by_now == pytest.approx(300)
    assert first.year.pace is Pace.ON_PACE
    reports = [district(300, date(2023, 7, 1)), district(400, date(2023, 10, 1))]
    # 1 Oct: 93 of 184 days -> floor(12 x 93/184 + 1/4) = 6 twelfths, expected 400.
    result = progress(target, reports, today=date(2023, 10, 1), year=2023)
    assert result.year.expected_by_now == pytest.approx(300 + 200 * 6 / 12)
    assert result.year.pace is Pace.ON_PACE
    assert result.year.fraction == pytest.approx(0.5)


def test_metric_without_goal_is_not_measured() -> None:
    target = Target(TargetKind.METRIC, baseline=10.0)
    result = progress(target, [district(12, date(2023, 3, 1))], today=date(2023, 6, 1), year=2023)
    assert result.year.pace is Pace.NOT_MEASURED
    assert result.latest == 12
    assert 0 <= result.year.fraction <= 1


# --- "minst två gånger i månaden": COUNT 2 per MONTH ------------------------------------------------------


def test_twice_a_month_one_by_15_march_is_on_pace() -> None:
    reports = [district(1, date(2023, 1, d)) for d in (3, 4)] + [
        district(1, date(2023, 2, d)) for d in (3, 4)
    ]
    reports.append(district(1, date(2023, 3, 3)))
    result = progress(TWICE_A_MONTH, reports, today=date(2023, 3, 15), year=2023)
    # floor(2 x 15/31 + 1/4) = floor(1.22) = 1 due in March; 1 done.
    assert (period_of(result).done, period_of(result).wanted, period_of(result).expected_by_now) == (1, 2, 1)
    assert (result.pace, result.periods_met) == (Pace.ON_PACE, 2)


def test_twice_a_month_one_by_31_march_is_behind() -> None:
    reports = [district(1, date(2023, 3, 3))]
    march = period_of(progress(TWICE_A_MONTH, reports, today=date(2023, 3, 31), year=2023))
    # 2 x 31/31 = 2 exactly: floor 2 > 1.
    assert march.expected_by_now == 2.0
    assert march.pace is Pace.BEHIND


def test_twice_a_month_three_in_march_are_two_and_earlier_months_missed_are_behind() -> None:
    reports = [district(1, date(2023, 3, d)) for d in (3, 10, 17)]
    result = progress(TWICE_A_MONTH, reports, today=date(2023, 3, 20), year=2023)
    assert (period_of(result).done, period_of(result).pace) == (2, Pace.DONE)
    # The year counts March up to its 2: January and February are over and not met.
    assert (result.year.done, result.year.wanted, result.periods_met) == (2, 24, 1)
    assert result.pace is Pace.BEHIND


def test_ahead_is_a_whole_unit_ahead_of_a_yearly_count() -> None:
    twice = Target(TargetKind.COUNT, count=4, period=Period.YEAR)
    # 10 March: 4 x 69/365 = 0.76 expected; 2 done is at least a whole unit ahead.
    result = progress(twice, [district(2, date(2023, 3, 1))], today=date(2023, 3, 10), year=2023)
    assert (result.year.done, result.pace) == (2, Pace.AHEAD)
    single = progress(CHAIRS_MEETING, [district(1, date(2023, 4, 2))], today=date(2023, 4, 2), year=2023)
    # A per-period goal is never ahead: Q1 was missed.
    assert (period_of(single).pace, single.pace) == (Pace.DONE, Pace.BEHIND)


# --- per priority area ----------------------------------------------------------------------------------


def test_per_area_double_in_one_area_does_not_count_twice() -> None:
    reports = [
        district(1, date(2023, 2, 1), area="Feminism"),
        district(1, date(2023, 4, 1), area="Feminism"),
        district(1, date(2023, 5, 1), area="Antirasism"),
    ]
    result = progress(PER_AREA, reports, today=date(2023, 6, 30), year=2023, areas=AREAS)
    # 4 areas x 1 = 4 wanted; expected 4 x 181/365 = 1.98 -> floor 1 <= 2 < 2.98.
    assert result.period is None
    assert (result.year.done, result.year.wanted, result.year.pace) == (2, 4, Pace.ON_PACE)


def test_per_area_ignores_reports_without_a_known_area() -> None:
    reports = [
        district(1, date(2023, 2, 1)),
        district(1, date(2023, 2, 2), area="Bostadspolitik"),
        district(1, date(2023, 2, 3), area="  miljö OCH klimat "),
    ]
    result = progress(PER_AREA, reports, today=date(2023, 6, 30), year=2023, areas=AREAS)
    assert result.year.done == 1


def test_per_area_without_areas_is_one_area() -> None:
    reports = [district(1, date(2023, 2, 1)), district(1, date(2023, 3, 1), area="Feminism")]
    result = progress(PER_AREA, reports, today=date(2023, 6, 30), year=2023)
    assert (result.year.done, result.year.wanted, result.year.pace) == (1, 1, Pace.DONE)


def test_per_area_without_a_period_is_a_year_target() -> None:
    target = Target(TargetKind.COUNT, count=1, per_area=True)
    reports = [district(1, date(2023, 9, 1), area="Feminism")]
    result = progress(target, reports, today=date(2023, 9, 1), year=2023, areas=AREAS)
    assert result.period is None
    assert (result.year.done, result.year.wanted) == (1, 4)


def test_per_area_per_quarter_caps_each_area_in_the_period() -> None:
    target = Target(TargetKind.COUNT, count=1, period=Period.QUARTER, per_area=True)
    reports = [
        district(3, date(2023, 5, 1), area="Feminism"),
        district(1, date(2023, 5, 2), area="Antirasism"),
    ]
    result = progress(target, reports, today=date(2023, 5, 15), year=2023, areas=AREAS)
    assert (period_of(result).done, period_of(result).wanted) == (2, 4)
    # The year: each quarter counts each area up to 1, so Feminism's 3 are one.
    assert (result.year.done, result.year.wanted) == (2, 16)


# --- goals each branch does ------------------------------------------------------------------------------


def test_every_branch_goal_counts_the_branches_that_reached_their_share() -> None:
    reports = [
        Report(1, date(2023, 4, 5), 1),
        Report(1, date(2023, 5, 5), 1),  # branch 1: two in Q2, one quarter met
        Report(1, date(2023, 6, 5), 2),  # branch 2: Q2 met; branch 3: nothing
    ]
    result = progress(
        CHAIRS_MEETING, reports, today=date(2023, 6, 30), year=2023, branches=3, applies_to_branches=True
    )
    assert result.in_branches
    assert (period_of(result).done, period_of(result).wanted) == (2, 3)
    assert (result.year.done, result.year.wanted) == (0, 3)  # none has met every quarter
    assert result.pace is Pace.BEHIND  # Q1 is over and no branch met it


def test_every_branch_goal_ignores_district_reports_and_needs_branches() -> None:
    reports = [Report(1, date(2023, 4, 5), 1), district(1, date(2023, 4, 6))]
    result = progress(
        CHAIRS_MEETING, reports, today=date(2023, 4, 30), year=2023, branches=3, applies_to_branches=True
    )
    assert (period_of(result).done, period_of(result).wanted) == (1, 3)
    # No branches known: the district's own goal; both reports count, capped at the quarter's 1.
    result = progress(CHAIRS_MEETING, reports, today=date(2023, 4, 30), year=2023, applies_to_branches=True)
    assert (period_of(result).done, period_of(result).wanted) == (1, 1)
    # branches without applies_to_branches changes nothing.
    result = progress(CHAIRS_MEETING, reports, today=date(2023, 4, 30), year=2023, branches=3)
    assert (period_of(result).done, period_of(result).wanted) == (1, 1)


def test_branches_and_areas_together() -> None:
    reports = [
        Report(2, date(2023, 3, 1), 1, area="Feminism"),
        Report(1, date(2023, 3, 2), 1, area="Antirasism"),
        Report(1, date(2023, 3, 3), 2, area="Feminism"),
    ]
    kwargs = {"today": date(2023, 3, 3), "year": 2023, "areas": AREAS}
    result = progress(PER_AREA, reports, branches=2, applies_to_branches=True, **kwargs)  # type: ignore[arg-type]
    assert (result.year.done, result.year.wanted) == (0, 2)  # neither branch has all four areas
    one = progress(PER_AREA, [r for r in reports if r.branch_id == 1], **kwargs)  # type: ignore[arg-type]
    assert (one.year.done, one.year.wanted) == (2, 4)


# --- people and done ------------------------------------------------------------------------------------


def test_people_named_in_the_first_quarter() -> None:
    on_31_march = progress(THREE_PEOPLE, [], today=date(2023, 3, 31), year=2023, people_named=2)
    assert (on_31_march.year.done, on_31_march.year.wanted, on_31_march.year.pace) == (2, 3, Pace.ON_PACE)
    assert on_31_march.period is None
    assert on_31_march.year.expected_by_now == 0
    on_1_april = progress(THREE_PEOPLE, [], today=date(2023, 4, 1), year=2023, people_named=2)
    assert (on_1_april.year.pace, on_1_april.year.expected_by_now) == (Pace.BEHIND, 3)
    named = progress(THREE_PEOPLE, [], today=date(2023, 1, 5), year=2023, people_named=3)
    assert named.year.pace is Pace.DONE
    assert named.year.fraction == 1.0


def test_done_goal() -> None:
    assert progress(DONE_GOAL, [], today=date(2023, 9, 30), year=2023).year.pace is Pace.ON_PACE
    late = progress(DONE_GOAL, [], today=date(2023, 10, 1), year=2023)
    assert (late.year.done, late.year.wanted, late.year.pace) == (0, 1, Pace.BEHIND)
    reports = [district(0, date(2023, 3, 1)), district(1, date(2023, 11, 2))]
    done = progress(DONE_GOAL, reports, today=date(2023, 12, 1), year=2023)
    assert (done.year.done, done.year.pace, done.year.fraction) == (1, Pace.DONE, 1.0)
    last_year = progress(DONE_GOAL, [district(1, date(2022, 12, 31))], today=date(2023, 5, 1), year=2023)
    assert last_year.year.done == 0


# --- the plan year's edges ------------------------------------------------------------------------------


def test_reports_outside_the_year_do_not_count() -> None:
    reports = [district(1, date(2022, 12, 31)), district(1, date(2024, 1, 1)), district(1, date(2023, 1, 1))]
    result = progress(CHAIRS_MEETING, reports, today=date(2023, 6, 30), year=2023)
    assert result.year.done == 1


def test_today_before_the_year_expects_nothing() -> None:
    result = progress(CHAIRS_MEETING, [], today=date(2022, 12, 31), year=2023)
    assert result.year.expected_by_now == 0
    assert result.year.pace is Pace.NOT_BEGUN
    # Before the year no period is the current one: the year's figure says it.
    assert result.period is None and result.periods_met == 0
    # Three people appointed before the year are appointed.
    early = progress(THREE_PEOPLE, [], today=date(2022, 12, 1), year=2023, people_named=3)
    assert early.pace is Pace.DONE
    # 1 January is day 1 of 90 in Q1: nothing falls due yet.
    assert progress(CHAIRS_MEETING, [], today=date(2023, 1, 1), year=2023).year.expected_by_now == 0


def test_today_after_the_year_expects_everything() -> None:
    """After the year everything was due; short of the goal is the final result: not reached, not behind."""
    reports = [district(1, date(2023, d, 1)) for d in (1, 4, 7)]
    result = progress(CHAIRS_MEETING, reports, today=date(2024, 1, 1), year=2023)
    assert (result.year.done, result.year.expected_by_now, result.year.pace) == (3, 4, Pace.NOT_REACHED)
    # After it neither: the periods met are the result (Q2's meeting was in April, Q3's in July).
    assert (result.period, result.periods_met, result.periods) == (None, 3, 4)
    on_31_dec = progress(CHAIRS_MEETING, reports, today=date(2023, 12, 31), year=2023)
    assert on_31_dec.year.expected_by_now == 4.0
    assert progress(DONE_GOAL, [], today=date(2024, 2, 1), year=2023).year.pace is Pace.NOT_REACHED


def test_leap_year_fraction() -> None:
    # 2024 has 366 days: 29 Feb is day 60; February (29 days) is over on its last day.
    result = progress(TWICE_A_MONTH, [], today=date(2024, 2, 29), year=2024)
    assert result.year.expected_by_now == 4  # January's 2 and February's 2
    assert (period_of(result).starts, period_of(result).ends) == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_of(result).expected_by_now == 2.0
    metric = progress(FOLLOWERS, [], today=date(2024, 7, 1), year=2024)
    assert metric.year.expected_by_now == pytest.approx(1500 + 500 * 183 / 366)
    # A done goal falls due three quarters into the year: 1 October in a leap year too (275/366 >= 3/4).
    assert progress(DONE_GOAL, [], today=date(2024, 9, 30), year=2024).pace is Pace.ON_PACE
    assert progress(DONE_GOAL, [], today=date(2024, 10, 1), year=2024).pace is Pace.BEHIND


def test_week_53_of_2020_holds_its_days_in_the_year() -> None:
    """Week 53 runs into January, but only its days in the plan's year count toward the plan: for the plan
    it is 28-31 December, and on 31 December its post is due in full (it can no longer be made later)."""
    weekly = Target(TargetKind.COUNT, count=1, period=Period.WEEK, unit="inlägg")
    reports = [district(1, date(2021, 1, 2))]
    result = progress(weekly, reports, today=date(2020, 12, 31), year=2020)
    week = period_of(result)
    assert (week.starts, week.ends) == (date(2020, 12, 28), date(2020, 12, 31))
    assert week.done == 0  # 2 January 2021 is the next plan year's
    assert week.expected_by_now == 1  # 4 of 4 days
    assert week.pace is Pace.BEHIND
    early = period_of(progress(weekly, reports, today=date(2020, 12, 29), year=2020))
    assert (early.expected_by_now, early.pace) == (0, Pace.ON_PACE)  # 2 of 4 days: floor(2/4 + 1/4) = 0
    assert result.year.wanted == 53
    # week 1 of 2026 began on 29 December 2025: for the plan of 2026 it is 1-4 January
    first = period_of(progress(weekly, [], today=date(2026, 1, 2), year=2026))
    assert (first.starts, first.ends) == (date(2026, 1, 1), date(2026, 1, 4))


def test_days_in_the_iso_weeks_of_another_year_count_in_the_plans_first_or_last_week() -> None:
    """2025 has 52 weeks and 29-31 December 2025 are in week 1 of 2026, but held in 2025: for the plan of
    2025 they count in its last week, week 52, 22-31 December (they counted for no week). 1-3 January 2027
    are in week 53 of 2026: for the plan of 2027 they count in its week 1, 1-10 January."""
    weekly = Target(TargetKind.COUNT, count=1, period=Period.WEEK, unit="inlägg")
    last = progress(weekly, [district(1, date(2025, 12, 30))], today=date(2025, 12, 31), year=2025)
    week = period_of(last)
    assert (week.starts, week.ends, week.done, week.pace) == (
        date(2025, 12, 22),
        date(2025, 12, 31),
        1,
        Pace.DONE,
    )
    assert last.periods_met == 1 and last.periods == 52
    sunday = period_of(progress(weekly, [], today=date(2025, 12, 28), year=2025))
    assert (sunday.expected_by_now, sunday.pace) == (0, Pace.ON_PACE)  # 7 of 10 days
    first = period_of(progress(weekly, [district(1, date(2027, 1, 2))], today=date(2027, 1, 3), year=2027))
    assert (first.starts, first.ends, first.done) == (date(2027, 1, 1), date(2027, 1, 10), 1)
    assert [week_number(starts) for starts in (date(2027, 1, 1), date(2025, 12, 22), date(2026, 12, 28))] == [
        1,
        52,
        53,
    ]


# --- values nobody validated ----------------------------------------------------------------------------


def test_no_reports() -> None:
    result = progress(CHAIRS_MEETING, [], today=date(2023, 5, 1), year=2023)
    assert (result.year.done, result.year.fraction, period_of(result).done) == (0, 0, 0)


def test_negative_values_count_as_nothing() -> None:
    reports = [
        district(-5, date(2023, 5, 1)),
        district(1, date(2023, 5, 2)),
        district(math.nan, date(2023, 5, 3)),
    ]
    result = progress(CHAIRS_MEETING, reports, today=date(2023, 5, 10), year=2023)
    assert result.year.done == 1


@pytest.mark.parametrize("value", [1e308, math.inf, 10**400, -math.inf])
def test_huge_values_do_not_crash(value: float) -> None:
    reports = [district(value, date(2023, 5, 1)), district(value, date(2023, 5, 2))]
    for target in (CHAIRS_MEETING, PER_AREA, FOLLOWERS, DONE_GOAL, TWICE_A_MONTH):
        result = progress(target, reports, today=date(2023, 5, 10), year=2023, areas=AREAS)
        assert 0 <= result.year.fraction <= 1
    # A quarter counts up to its one meeting, however large the value.
    assert progress(CHAIRS_MEETING, reports, today=date(2023, 5, 10), year=2023).year.done == (
        0 if value < 0 else 1
    )


def test_odd_targets_do_not_crash() -> None:
    no_count = Target(TargetKind.COUNT, period=Period.MONTH)  # "varje månad": once
    assert progress(no_count, [], today=date(2023, 5, 1), year=2023).year.wanted == 12
    zero = Target(TargetKind.COUNT, count=0, period=Period.MONTH)
    result = progress(zero, [], today=date(2023, 5, 1), year=2023)
    assert (result.year.wanted, result.year.fraction, result.year.pace) == (0, 0, Pace.DONE)
    same = Target(TargetKind.METRIC, baseline=10.0, goal_value=10.0)
    kept = progress(same, [district(10, date(2023, 5, 1))], today=date(2023, 5, 1), year=2023)
    assert (kept.year.pace, kept.year.fraction) == (Pace.DONE, 1.0)
    naive = district(1800, date(2023, 5, 1), reported_at=datetime(2023, 5, 1, 12))  # noqa: DTZ001
    aware = district(1700, date(2023, 5, 1), reported_at=datetime(2023, 5, 1, 11, tzinfo=UTC))
    assert progress(FOLLOWERS, [naive, aware], today=date(2023, 5, 1), year=2023).latest == 1800


# --- calendar tables ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "today", "bounds"),
    [
        (Period.WEEK, date(2023, 6, 14), (date(2023, 6, 12), date(2023, 6, 18))),
        (Period.WEEK, date(2023, 6, 12), (date(2023, 6, 12), date(2023, 6, 18))),
        (Period.WEEK, date(2023, 6, 18), (date(2023, 6, 12), date(2023, 6, 18))),
        (Period.WEEK, date(2023, 1, 1), (date(2022, 12, 26), date(2023, 1, 1))),
        (Period.WEEK, date(2020, 12, 31), (date(2020, 12, 28), date(2021, 1, 3))),
        (Period.WEEK, date(2021, 1, 3), (date(2020, 12, 28), date(2021, 1, 3))),
        (Period.WEEK, date(2024, 12, 31), (date(2024, 12, 30), date(2025, 1, 5))),
        (Period.MONTH, date(2023, 2, 14), (date(2023, 2, 1), date(2023, 2, 28))),
        (Period.MONTH, date(2024, 2, 29), (date(2024, 2, 1), date(2024, 2, 29))),
        (Period.MONTH, date(2023, 12, 31), (date(2023, 12, 1), date(2023, 12, 31))),
        (Period.MONTH, date(2023, 4, 1), (date(2023, 4, 1), date(2023, 4, 30))),
        (Period.QUARTER, date(2023, 1, 1), (date(2023, 1, 1), date(2023, 3, 31))),
        (Period.QUARTER, date(2023, 3, 31), (date(2023, 1, 1), date(2023, 3, 31))),
        (Period.QUARTER, date(2023, 4, 1), (date(2023, 4, 1), date(2023, 6, 30))),
        (Period.QUARTER, date(2023, 8, 15), (date(2023, 7, 1), date(2023, 9, 30))),
        (Period.QUARTER, date(2023, 12, 31), (date(2023, 10, 1), date(2023, 12, 31))),
        (Period.YEAR, date(2023, 12, 31), (date(2023, 1, 1), date(2023, 12, 31))),
        (Period.YEAR, date(2024, 1, 1), (date(2024, 1, 1), date(2024, 12, 31))),
    ],
)
def test_period_bounds(period: Period, today: date, bounds: tuple[date, date]) -> None:
    assert period_bounds(period, today) == bounds


@pytest.mark.parametrize(
    ("period", "year", "count"),
    [
        (Period.WEEK, 2020, 53),
        (Period.WEEK, 2015, 53),
        (Period.WEEK, 2026, 53),
        (Period.WEEK, 2021, 52),
        (Period.WEEK, 2023, 52),
        (Period.WEEK, 2024, 52),
        (Period.MONTH, 2023, 12),
        (Period.QUARTER, 2023, 4),
        (Period.YEAR, 2023, 1),
    ],
)
def test_periods_in_year(period: Period, year: int, count: int) -> None:
    assert periods_in_year(period, year) == count


# --- targets read from plans since issue 18 ---------------------------------------------------------------


def test_two_meetings_per_term_is_four_a_year_and_the_term_is_half_the_year() -> None:
    """ "Minst två medlemsträffar per termin": a board means two each spring and two each autumn."""
    per_term = Target(TargetKind.COUNT, count=2, period=Period.HALF_YEAR, unit="medlemsträffar")
    result = progress(per_term, [district(2, date(2025, 3, 1))], today=date(2025, 8, 15), year=2025)
    term = period_of(result)
    assert (term.starts, term.ends) == (date(2025, 7, 1), date(2025, 12, 31))
    assert term.done == 0 and term.wanted == 2
    assert result.year.done == 2 and result.year.wanted == 4
    assert periods_in_year(Period.HALF_YEAR, 2025) == 2


def test_a_rise_of_ten_percent_is_measured_from_the_first_reading_without_a_baseline() -> None:
    """ "Öka antalet medlemmar med 10 procent": from 400 members the goal is 440."""
    rise = Target(TargetKind.METRIC, unit="medlemmar", change_percent=10.0)
    reports = [district(400, date(2025, 1, 10)), district(440, date(2025, 6, 1))]
    result = progress(rise, reports, today=date(2025, 6, 2), year=2025)
    assert result.year.wanted == pytest.approx(440) and result.year.pace is Pace.DONE
    with_baseline = Target(TargetKind.METRIC, unit="medlemmar", baseline=500.0, change_percent=-10.0)
    result = progress(with_baseline, [], today=date(2025, 6, 2), year=2025)
    assert result.year.wanted == pytest.approx(450)


def test_a_rise_by_a_number_is_measured_from_the_first_reading_without_a_baseline() -> None:
    """ "Öka medlemsantalet med 20": 20 more members than the year starts with, whatever that is: from 230
    members the goal is 250; "minska med 5" from a baseline of 40 is 35."""
    rise = Target(TargetKind.METRIC, unit="medlemmar", change_by=20.0)
    reports = [district(230, date(2025, 1, 10)), district(245, date(2025, 6, 1))]
    result = progress(rise, reports, today=date(2025, 6, 2), year=2025)
    assert result.year.wanted == pytest.approx(250) and result.year.pace is not Pace.DONE
    fewer = Target(TargetKind.METRIC, unit="utträden", baseline=40.0, change_by=-5.0)
    assert progress(fewer, [], today=date(2025, 6, 2), year=2025).year.wanted == pytest.approx(35)


def test_money_raised_is_the_sum_of_what_is_reported() -> None:
    """ "Samla in 50 000 kronor": each report is an amount raised; the year adds them up."""
    money = Target(TargetKind.COUNT, count=50_000, period=Period.YEAR, unit="kronor")
    reports = [district(20_000, date(2025, 3, 1)), district(35_000, date(2025, 9, 1))]
    result = progress(money, reports, today=date(2025, 10, 1), year=2025)
    assert result.year.done == 55_000 and result.year.pace is Pace.DONE


def test_money_from_two_reporters_on_one_day_adds_up_and_each_period_is_still_met_on_its_own() -> None:
    """Two people who each report money raised on one day raised two sums, not one event told twice; and
    "10 000 kronor per halvår" is not met in the autumn by what the spring raised beyond its share."""
    money = Target(TargetKind.COUNT, count=10_000, period=Period.HALF_YEAR, unit="kronor")
    same_day = [
        Report(6_000, date(2025, 3, 1), None, reported_at=datetime(2025, 3, 1, 10, tzinfo=UTC)),
        Report(9_000, date(2025, 3, 1), None, reported_at=datetime(2025, 3, 1, 11, tzinfo=UTC)),
        Report(4_000, date(2025, 3, 1), 1),
    ]
    spring = progress(money, same_day, today=date(2025, 5, 1), year=2025)
    assert period_of(spring).done == 19_000 and period_of(spring).pace is Pace.DONE
    autumn = progress(money, same_day, today=date(2025, 11, 1), year=2025)
    assert period_of(autumn).done == 0 and autumn.pace is Pace.BEHIND
    assert autumn.year.done == 19_000 and autumn.periods_met == 1


def test_a_branch_added_during_the_year_is_measured_from_its_first_day() -> None:
    """Kramfors (branch 4) was added on 5 May, with three branches there all year. One meeting a month:
    its year is May to December; in January it was none of the district's branches; a yearly "done" is
    due three quarters into its own year; people are appointed in its first quarter."""
    monthly = Target(TargetKind.COUNT, count=1, period=Period.MONTH, unit="möte")
    begun = {4: date(2026, 5, 5)}
    kramfors = [Report(1.0, date(2026, 5, 20), 4)]
    own = progress(monthly, kramfors, today=date(2026, 6, 2), year=2026, since=date(2026, 5, 5))
    assert (own.periods_met, own.periods, own.pace) == (1, 8, Pace.ON_PACE)
    everyone = [*kramfors, *(Report(1.0, date(2026, 1, 10), b) for b in (1, 2, 3))]
    district_wide = {"year": 2026, "branches": 4, "applies_to_branches": True, "begun": begun}
    january = progress(monthly, everyone, today=date(2026, 1, 31), **district_wide)
    assert period_of(january).done == period_of(january).wanted == 3
    june = progress(monthly, everyone, today=date(2026, 6, 2), **district_wide)
    assert period_of(june).wanted == 4
    late = date(2026, 8, 1)  # its year from 1 August is three quarters over in late November
    assert progress(DONE_GOAL, [], today=date(2026, 10, 22), year=2026, since=late).pace is Pace.ON_PACE
    assert progress(DONE_GOAL, [], today=date(2026, 10, 22), year=2026).pace is Pace.BEHIND
    person = Target(TargetKind.PEOPLE, count=1)
    assert progress(person, [], today=date(2026, 9, 1), year=2026, since=late).pace is Pace.ON_PACE
    assert progress(person, [], today=date(2026, 10, 1), year=2026, since=late).pace is Pace.BEHIND


def test_a_count_changed_mid_year_leaves_the_ended_periods_as_they_were() -> None:
    """One chairs' meeting a quarter until 10 July, two since: the first two quarters had their one each
    and stay met; a change of what is counted (yearly instead of quarterly) is the plan read anew."""
    twice = Target(TargetKind.COUNT, count=2, period=Period.QUARTER, unit="ordförandemöte")
    meetings = [district(1.0, date(2026, 2, 10)), district(1.0, date(2026, 5, 10))]
    earlier = [(date(2026, 7, 10), CHAIRS_MEETING)]
    result = progress(twice, meetings, today=date(2026, 7, 20), year=2026, earlier=earlier)
    assert (result.periods_met, result.pace, result.year.wanted) == (2, Pace.ON_PACE, 1 + 1 + 2 + 2)
    assert progress(twice, meetings, today=date(2026, 7, 20), year=2026).periods_met == 0
    yearly = [(date(2026, 7, 10), Target(TargetKind.COUNT, count=4, period=Period.YEAR))]
    assert progress(twice, meetings, today=date(2026, 7, 20), year=2026, earlier=yearly).periods_met == 0
