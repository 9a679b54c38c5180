"""Databases for the bot, made through the bot's own migrations and repositories before it starts.

`prepare`: the schema, the sample plan as this year's (as a first start loads it), and the load's senders as
chairs of one branch. `ten_years`: that, plus 50 branches whose chairs have reported every week for ten
years, each check-in stored with CheckInRepository.add as the `rapportera` command stores it.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

from bench.load import sender_aad
from bot.db import migrate
from bot.db.checkins import CheckInRepository
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.clock import utc_now
from bot.services.goals import TargetKind
from bot.services.people import PersonInfo, Role
from bot.services.plan_import import SAMPLE_DISTRICT, ensure_sample_plan

ZONE = "Europe/Stockholm"
BRANCH = "Sundsvall"


def sender(index: int) -> PersonInfo:
    """Sender `index` of the load (bench/load.py) as the bot knows people."""
    return PersonInfo(f"29:bench-{index}", sender_aad(index), f"Bench User {index}")


def prepare(url: str, chairs: int) -> Database:
    from zoneinfo import ZoneInfo

    db = Database(url)
    migrate.upgrade(db)
    ensure_sample_plan(Repository(db), utc_now, ZoneInfo(ZONE))
    people = PeopleRepository(db)
    for index in range(chairs):
        people.grant(sender(index), SAMPLE_DISTRICT, Role.CHAIR, branch=BRANCH, now=utc_now())
    return db


def ten_years(url: str, *, branches: int = 50, per_year: int = 52, seed: int = 2026) -> tuple[int, float]:
    """(check-ins stored, seconds it took): `per_year` a year from each branch's chair, over ten years; and
    the load's sender 0 chair of BRANCH, as `prepare` makes it."""
    started = time.perf_counter()
    db = prepare(url, 1)
    try:
        people, checkins = PeopleRepository(db), CheckInRepository(db)
        chairs = []
        for number in range(branches):
            chair = PersonInfo(f"29:chair-{number}", f"aad-chair-{number}", f"Ordförande {number}")
            people.grant(chair, SAMPLE_DISTRICT, Role.CHAIR, branch=f"Förening {number:02d}", now=utc_now())
            chairs.append(chair)
        branch_ids = {b.name: b.id for b in checkins.branches(SAMPLE_DISTRICT)}
        plan = Repository(db).plan(SAMPLE_DISTRICT)
        assert plan is not None
        goals = [g for g in plan.goals if g.applies_to_branches] or list(plan.goals)
        areas: list[str | None] = [*plan.priority_areas] or [None]
        rnd = random.Random(seed)
        today = utc_now().date()
        stored = 0
        for number, chair in enumerate(chairs):
            for week in range(10 * per_year):
                goal = rnd.choice(goals)
                happened_on = today - timedelta(days=int(week * 365 / per_year) + rnd.randrange(3))
                kind = goal.target.kind
                value = {TargetKind.METRIC: float(rnd.randrange(1400, 2200)), TargetKind.DONE: 1.0}.get(
                    kind, float(rnd.randrange(1, 4))
                )
                checkins.add(
                    district=SAMPLE_DISTRICT,
                    goal_id=goal.id,
                    branch_id=branch_ids[f"Förening {number:02d}"],
                    reporter=chair,
                    value=value,
                    happened_on=happened_on,
                    area=rnd.choice(areas) if goal.target.per_area else None,
                    comment=rnd.choice((None, "möte", "studiecirkel")),
                    now=datetime.combine(happened_on, datetime.min.time(), UTC) + timedelta(hours=18),
                )
                stored += 1
    finally:
        db.dispose()
    return stored, time.perf_counter() - started
