"""The queries behind `status` and the reminders: the database aggregates, and the figures are the same.

`CheckInRepository.progress_reports` and `quarter_reports` hand the services a few rows per goal and
branch, computed in SQL; `reports` hands them every standing check-in. Whatever the day, the district or a
branch, `plan_standing` and `find_gaps` must come out the same from both. Every test runs on SQLite and on
PostgreSQL (tests/db/conftest.py).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from bot.db.checkins import CheckInRepository, StoredCheckIn
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.goals import Plan
from bot.services.people import PersonInfo
from bot.services.plan import GoalDraft, Period, PlanDraft, SectionDraft, Target, TargetKind
from bot.services.progress import Pace
from bot.services.roles import Role
from bot.services.status import plan_standing
from schedules.reporting import Quarter, find_gaps
from tests.conftest import NOW

DISTRICT = "Vänsterpartiet Västernorrland"
OTHER = "Vänsterpartiet Skåne"
YEAR = 2026
AREAS = ("Feminism", "Antirasism", "Miljö och klimat")
BRANCHES = ("Sundsvall", "Härnösand", "Kramfors")
REPORTER = PersonInfo("29:lee", "aad-lee", "Lee Gu")

GOALS = (
    GoalDraft("Veckomöte", Target(TargetKind.COUNT, count=1, period=Period.WEEK), applies_to_branches=True),
    GoalDraft("Medlemsbrev", Target(TargetKind.COUNT, count=2, period=Period.MONTH)),
    GoalDraft("Ordförandemöte", Target(TargetKind.COUNT, count=1, period=Period.QUARTER)),
    GoalDraft("Debattartiklar", Target(TargetKind.COUNT, count=2, period=Period.YEAR, per_area=True)),
    GoalDraft(
        "Studiecirkel", Target(TargetKind.COUNT, count=3, period=Period.MONTH), applies_to_branches=True
    ),
    GoalDraft("Höstkonferens"),
    GoalDraft("Cirkel i varje förening", applies_to_branches=True),
    GoalDraft("Följare", Target(TargetKind.METRIC, baseline=1500.0, goal_value=2000.0)),
    GoalDraft("Medlemmar", Target(TargetKind.METRIC, goal_value=900.0), applies_to_branches=True),
    GoalDraft("Ansvariga", Target(TargetKind.PEOPLE, count=2)),
)

# Days that cut the year differently: a week across New Year, across a month and a quarter, quarter ends,
# and days before and after the plan year.
DAYS = (
    date(YEAR - 1, 12, 20),
    date(YEAR, 1, 1),
    date(YEAR, 1, 4),
    date(YEAR, 3, 31),
    date(YEAR, 5, 14),
    date(YEAR, 6, 30),
    date(YEAR, 7, 1),
    date(YEAR, 9, 30),
    date(YEAR, 11, 22),
    date(YEAR, 12, 31),
    date(YEAR + 1, 2, 1),
)


def plan_draft(year: int = YEAR) -> PlanDraft:
    return PlanDraft(
        title=f"Verksamhetsplan {year}",
        year=year,
        sections=(SectionDraft("Allt", GOALS),),
        priority_areas=AREAS,
    )


@pytest.fixture
def plan(repository: Repository) -> Plan:
    repository.save_plan(DISTRICT, plan_draft(), now=NOW)
    people = PeopleRepository(repository.db)
    for number, branch in enumerate(BRANCHES):
        chair = PersonInfo(f"29:chair{number}", f"aad-chair{number}", f"Chair {number}")
        people.grant(chair, DISTRICT, Role.CHAIR, branch=branch, now=NOW)
    found = repository.plan(DISTRICT)
    assert found is not None
    return found


@pytest.fixture
def checkins(repository: Repository) -> CheckInRepository:
    return CheckInRepository(repository.db)


def value_for(target: Target, rnd: random.Random) -> float:
    match target.kind:
        case TargetKind.METRIC:
            return float(rnd.randrange(1400, 2100))
        case TargetKind.DONE:
            return float(rnd.random() < 0.3)
        case _:
            return float(rnd.randrange(0, 4))


def fill(plan: Plan, checkins: CheckInRepository, *, count: int, seed: int = 7) -> list[StoredCheckIn]:
    """`count` check-ins on every goal, branch (or none) and area, over the year and a little beyond."""
    rnd = random.Random(seed)
    branches = [None, *(branch.id for branch in checkins.branches(DISTRICT))]
    stored = []
    for n in range(count):
        goal = rnd.choice(plan.goals)
        day = date(YEAR - 1, 12, 25) + timedelta(days=rnd.randrange(380))
        area = rnd.choice((None, *AREAS, " feminism ", "Okänt område")) if goal.target.per_area else None
        stored.append(
            checkins.add(
                district=DISTRICT,
                goal_id=goal.id,
                branch_id=rnd.choice(branches),
                reporter=REPORTER,
                value=value_for(goal.target, rnd),
                happened_on=day,
                area=area,
                comment=None,
                now=NOW + timedelta(seconds=n),
            )
        )
    # Corrections (some several times, some moved to another day) and withdrawals.
    for check_in in rnd.sample(stored, count // 5):
        goal = next(g for g in plan.goals if g.id == check_in.goal_id)
        for n in range(rnd.randrange(1, 4)):
            day = check_in.happened_on + timedelta(days=rnd.randrange(-40, 40))
            checkins.correct(
                check_in.id,
                by=REPORTER,
                value=value_for(goal.target, rnd),
                happened_on=day,
                comment=None,
                now=NOW + timedelta(hours=1, seconds=n),
            )
    for check_in in rnd.sample(stored, count // 8):
        checkins.withdraw(check_in.id, by=REPORTER, now=NOW + timedelta(hours=2))
    return stored


def assert_same_progress(plan: Plan, checkins: CheckInRepository, today: date) -> None:
    """Status for the district and for each branch, from the database's sums and from every check-in."""
    year = plan.year or today.year
    every = checkins.reports(DISTRICT, year=year)
    few = checkins.progress_reports(DISTRICT, year=year, today=today)
    branches = checkins.branches(DISTRICT)
    responsible = {plan.goals[-1].id: 1}
    for branch_id in (None, *(branch.id for branch in branches)):
        expected = plan_standing(
            plan, every, today=today, branches=len(branches), responsible=responsible, branch_id=branch_id
        )
        got = plan_standing(
            plan, few, today=today, branches=len(branches), responsible=responsible, branch_id=branch_id
        )
        assert got == expected, (today, branch_id)


def assert_same_gaps(plan: Plan, checkins: CheckInRepository, today: date) -> None:
    quarter = Quarter.of(today)
    every = checkins.reports(DISTRICT, year=quarter.year)
    few = checkins.quarter_reports(DISTRICT, starts=quarter.starts, ends=quarter.ends)
    branches = checkins.branches(DISTRICT)
    responsible = {goal.id: [(1, "Isaiah Langer")] for goal in plan.goals}
    expected = find_gaps(plan, every, branches=branches, responsible=responsible, quarter=quarter)
    assert find_gaps(plan, few, branches=branches, responsible=responsible, quarter=quarter) == expected


def test_status_is_the_same_from_the_databases_sums_on_any_day(
    plan: Plan, checkins: CheckInRepository
) -> None:
    fill(plan, checkins, count=400)
    for today in DAYS:
        assert_same_progress(plan, checkins, today)
    # And the rows are few: per goal, branch and area at most two sums or three readings.
    few = checkins.progress_reports(DISTRICT, year=YEAR, today=date(YEAR, 11, 22))
    assert sum(map(len, few.values())) < sum(map(len, checkins.reports(DISTRICT, year=YEAR).values())) / 2


def test_reminders_see_the_same_gaps_from_the_latest_reports(plan: Plan, checkins: CheckInRepository) -> None:
    fill(plan, checkins, count=250, seed=11)
    for today in (date(YEAR, 3, 25), date(YEAR, 6, 30), date(YEAR, 9, 28), date(YEAR, 12, 31)):
        assert_same_gaps(plan, checkins, today)


def goal(plan: Plan, number: int) -> int:
    found = plan.goal(number)
    assert found is not None
    return found.id


def report(
    checkins: CheckInRepository,
    goal_id: int,
    value: float,
    day: date,
    branch_id: int | None = None,
    n: int = 0,
) -> StoredCheckIn:
    return checkins.add(
        district=DISTRICT,
        goal_id=goal_id,
        branch_id=branch_id,
        reporter=REPORTER,
        value=value,
        happened_on=day,
        area=None,
        comment=None,
        now=NOW + timedelta(minutes=n),
    )


def test_a_reading_corrected_many_times_counts_as_it_is_now(plan: Plan, checkins: CheckInRepository) -> None:
    followers = goal(plan, 8)
    first = report(checkins, followers, 1600, date(YEAR, 3, 1))
    latest = report(checkins, followers, 1700, date(YEAR, 6, 1), n=1)
    for n, value in enumerate((1750.0, 1800.0, 1900.0)):
        checkins.correct(
            latest.id, by=REPORTER, value=value, happened_on=date(YEAR, 6, 2), comment=None, now=NOW
        )
        checkins.correct(
            first.id, by=REPORTER, value=1500.0 + n, happened_on=date(YEAR, 2, 1), comment=None, now=NOW
        )
    [standing] = [
        s
        for s in plan_standing(
            plan,
            checkins.progress_reports(DISTRICT, year=YEAR, today=date(YEAR, 7, 1)),
            today=date(YEAR, 7, 1),
            branches=3,
            responsible={},
        )
        if s.goal.id == followers
    ]
    assert standing.progress.latest == 1900.0
    assert_same_progress(plan, checkins, date(YEAR, 7, 1))


def test_a_withdrawn_latest_reading_gives_way_to_the_one_before(
    plan: Plan, checkins: CheckInRepository
) -> None:
    members = goal(plan, 9)
    [sundsvall, harnosand, _] = sorted(checkins.branches(DISTRICT), key=lambda b: b.name != "Sundsvall")
    report(checkins, members, 300, date(YEAR, 2, 1), sundsvall.id)
    report(checkins, members, 420, date(YEAR, 4, 1), sundsvall.id, n=1)
    newest = report(checkins, members, 999, date(YEAR, 5, 1), sundsvall.id, n=2)
    report(checkins, members, 500, date(YEAR, 4, 15), harnosand.id, n=3)
    checkins.withdraw(newest.id, by=REPORTER, now=NOW)
    today = date(YEAR, 5, 20)
    few = checkins.progress_reports(DISTRICT, year=YEAR, today=today)
    # Per branch the first and the latest standing reading: Sundsvall 300 and 420, Härnösand 500.
    assert sorted((r.branch_id, r.value) for r in few[members]) == [
        (sundsvall.id, 300.0),
        (sundsvall.id, 420.0),
        (harnosand.id, 500.0),
    ]

    def latest(branch_id: int | None) -> float | None:
        standings = plan_standing(plan, few, today=today, branches=3, responsible={}, branch_id=branch_id)
        return next(s.progress.latest for s in standings if s.goal.id == members)

    assert (latest(None), latest(sundsvall.id), latest(harnosand.id)) == (500.0, 420.0, 500.0)
    assert_same_progress(plan, checkins, today)


def test_counts_per_branch_sum_in_the_period_and_the_year(plan: Plan, checkins: CheckInRepository) -> None:
    circles = goal(plan, 5)  # three a month in each branch
    sundsvall, harnosand = (b.id for b in checkins.branches(DISTRICT) if b.name in ("Sundsvall", "Härnösand"))
    for n, (value, day, branch_id) in enumerate(
        (
            (2, date(YEAR, 5, 3), sundsvall),
            (2, date(YEAR, 5, 20), sundsvall),
            (1, date(YEAR, 4, 30), sundsvall),
            (5, date(YEAR, 5, 10), harnosand),
            (1, date(YEAR + 1, 1, 2), harnosand),  # next year: not counted
            (4, date(YEAR, 5, 11), None),  # the district's own: no branch's share
        )
    ):
        report(checkins, circles, value, day, branch_id, n=n)
    withdrawn = report(checkins, circles, 3, date(YEAR, 5, 12), harnosand, n=9)
    checkins.withdraw(withdrawn.id, by=REPORTER, now=NOW)
    today = date(YEAR, 5, 25)
    few = checkins.progress_reports(DISTRICT, year=YEAR, today=today)
    assert sorted((r.branch_id or 0, r.on, r.value) for r in few[circles]) == sorted(
        [
            (sundsvall, date(YEAR, 5, 1), 4.0),  # May
            (sundsvall, date(YEAR, 1, 1), 1.0),  # the rest of the year
            (harnosand, date(YEAR, 5, 1), 5.0),
            (0, date(YEAR, 5, 1), 4.0),
        ]
    )
    [standing] = [
        s for s in plan_standing(plan, few, today=today, branches=3, responsible={}) if s.goal.id == circles
    ]
    period = standing.progress.period
    assert period is not None
    assert (period.done, period.wanted) == (3.0 + 3.0, 9.0)  # each branch up to its three
    assert_same_progress(plan, checkins, today)


def test_done_goals_and_other_districts(
    plan: Plan, checkins: CheckInRepository, repository: Repository
) -> None:
    conference, each_branch = goal(plan, 6), goal(plan, 7)
    sundsvall = next(b.id for b in checkins.branches(DISTRICT) if b.name == "Sundsvall")
    report(checkins, conference, 0, date(YEAR, 3, 1))
    report(checkins, conference, 1, date(YEAR, 4, 1), n=1)
    report(checkins, conference, 0, date(YEAR, 5, 1), n=2)  # "not done" afterwards does not undo it
    report(checkins, each_branch, 1, date(YEAR - 1, 11, 1), sundsvall, n=3)  # last year's
    repository.save_plan(OTHER, plan_draft(), now=NOW)
    other_plan = repository.plan(OTHER)
    assert other_plan is not None
    checkins.add(
        district=OTHER,
        goal_id=other_plan.goals[5].id,
        branch_id=None,
        reporter=REPORTER,
        value=1,
        happened_on=date(YEAR, 2, 1),
        area=None,
        comment=None,
        now=NOW,
    )
    today = date(YEAR, 6, 1)
    few = checkins.progress_reports(DISTRICT, year=YEAR, today=today)
    assert [(r.value, r.on) for r in few[conference]] == [(1.0, date(YEAR, 4, 1))]
    assert each_branch not in few
    standings = {
        s.goal.id: s.progress for s in plan_standing(plan, few, today=today, branches=3, responsible={})
    }
    assert standings[conference].year.pace is Pace.DONE
    assert standings[each_branch].year.done == 0
    assert other_plan.goals[5].id not in few
    assert checkins.progress_reports("Nowhere", year=YEAR, today=today) == {}
    assert_same_progress(plan, checkins, today)
    assert_same_gaps(plan, checkins, date(YEAR, 6, 20))
