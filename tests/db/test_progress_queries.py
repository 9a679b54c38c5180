"""What `status` reads: every standing check-in of the year (`CheckInRepository.reports`), from which the
progress service computes the figures. Corrections, withdrawals, branches, periods and other districts are
read as they stand. Every test runs on SQLite and on PostgreSQL (tests/db/conftest.py).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.db.checkins import CheckInRepository, StoredCheckIn
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.goals import Period, Plan, Target, TargetKind
from bot.services.people import PersonInfo, Role
from bot.services.plan import GoalDraft, PlanDraft, SectionDraft
from bot.services.progress import Pace, plan_standing
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
            checkins.reports(DISTRICT, year=YEAR),
            today=date(YEAR, 7, 1),
            branches=3,
            responsible={},
        )
        if s.goal.id == followers
    ]
    assert standing.progress.latest == 1900.0


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
    stored = checkins.reports(DISTRICT, year=YEAR)
    assert sorted((r.branch_id, r.value) for r in stored[members]) == [
        (sundsvall.id, 300.0),
        (sundsvall.id, 420.0),
        (harnosand.id, 500.0),
    ]

    def latest(branch_id: int | None) -> float | None:
        standings = plan_standing(plan, stored, today=today, branches=3, responsible={}, branch_id=branch_id)
        return next(s.progress.latest for s in standings if s.goal.id == members)

    # The district has no reading of its own: it counts the branches that reached the number.
    assert (latest(None), latest(sundsvall.id), latest(harnosand.id)) == (None, 420.0, 500.0)


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
    stored = checkins.reports(DISTRICT, year=YEAR)
    [standing] = [
        s
        for s in plan_standing(plan, stored, today=today, branches=3, responsible={})
        if s.goal.id == circles
    ]
    period = standing.progress.period
    assert period is not None
    # The district's figure counts branches: Sundsvall (4) and Härnösand (5) met May's three, Timrå not.
    assert (period.done, period.wanted) == (2.0, 3.0)


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
    stored = checkins.reports(DISTRICT, year=YEAR)
    assert each_branch not in stored  # last year's
    standings = {
        s.goal.id: s.progress for s in plan_standing(plan, stored, today=today, branches=3, responsible={})
    }
    assert standings[conference].year.pace is Pace.DONE
    assert standings[each_branch].year.done == 0
    assert other_plan.goals[5].id not in stored
    assert checkins.reports("Nowhere", year=YEAR) == {}
