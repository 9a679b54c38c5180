"""Storing a check-in: one transaction, committed when `add` returns, each form or message stored once. Every
test runs on a SQLite file and on PostgreSQL (tests/db/conftest.py); `other` is a second process's handle."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from bot.db.checkins import AlreadyStored, CheckInRepository
from bot.db.engine import Database
from bot.db.models import CheckIn, Person, Role
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.checkins import delivery_token
from bot.services.people import PersonInfo
from bot.services.people import Role as RoleKind
from bot.services.plan_import import SAMPLE_DISTRICT, ensure_sample_plan
from tests.conftest import NOW, fixed_clock

CHAIR = PersonInfo("29:chair", "aad-adele", "Adele Vance")


@pytest.fixture
def sample(repository: Repository) -> Repository:
    assert ensure_sample_plan(repository, fixed_clock, ZoneInfo("Europe/Stockholm"))
    PeopleRepository(repository.db).grant(CHAIR, SAMPLE_DISTRICT, RoleKind.CHAIR, branch="Sundsvall", now=NOW)
    return repository


@pytest.fixture
def checkins(sample: Repository) -> CheckInRepository:
    return CheckInRepository(sample.db)


def check_in(sample: Repository, checkins: CheckInRepository, **changes: Any) -> dict[str, Any]:
    """The arguments of a check-in by CHAIR for their branch on goal 6, today, with `changes`."""
    plan = sample.plan(SAMPLE_DISTRICT)
    goal = plan.goal(6) if plan else None
    assert goal is not None
    [branch] = checkins.chair_of(CHAIR, SAMPLE_DISTRICT)
    return {
        "district": SAMPLE_DISTRICT,
        "goal_id": goal.id,
        "branch_id": branch.id,
        "reporter": CHAIR,
        "value": 1,
        "happened_on": NOW.date(),
        "area": None,
        "comment": "möte",
        "now": NOW,
    } | changes


def test_a_stored_check_in_is_committed_when_add_returns(
    sample: Repository, checkins: CheckInRepository, other: Database
) -> None:
    stored = checkins.add(**check_in(sample, checkins))
    assert (stored.branch, stored.reporter, stored.goal_number) == ("Sundsvall", CHAIR.name, 6)
    assert CheckInRepository(other).get(stored.id) == stored  # another process sees it at once


def test_a_form_is_stored_once_however_often_it_is_sent(
    sample: Repository, checkins: CheckInRepository
) -> None:
    kwargs = check_in(sample, checkins, submission="form-token-1")
    first = checkins.add(**kwargs)
    with pytest.raises(AlreadyStored) as repeat:
        checkins.add(**kwargs)
    assert repeat.value.checkin_id == first.id
    # Someone the bot has not met yet: the same rule, and nothing of them is stored.
    stranger = PersonInfo("29:new", "aad-new", "Ny")
    with pytest.raises(AlreadyStored):
        checkins.add(**kwargs | {"reporter": stranger, "branch_id": None})
    assert [c.id for c in checkins.mine(CHAIR, SAMPLE_DISTRICT)] == [first.id]
    assert PeopleRepository(sample.db).find_id(stranger) is None
    # And the database itself refuses a second row for it, whatever writes it.
    with pytest.raises(IntegrityError), sample.db.write() as session:
        row = session.get(CheckIn, first.id)
        assert row is not None
        session.add(CheckIn(**{**row.model_dump(exclude={"id"}), "comment": "again"}))


def test_a_message_delivered_again_to_another_process_is_stored_once(
    sample: Repository, checkins: CheckInRepository, other: Database
) -> None:
    token = delivery_token("a:chair", "1700000000001")
    first = checkins.add(**check_in(sample, checkins, submission=token))
    with pytest.raises(AlreadyStored) as repeat:
        CheckInRepository(other).add(**check_in(sample, checkins, submission=token))
    assert repeat.value.checkin_id == first.id
    assert len(checkins.mine(CHAIR, SAMPLE_DISTRICT)) == 1
    # Another message, or the same id in another conversation, is another check-in.
    assert (
        len({token, delivery_token("a:chair", "1700000000002"), delivery_token("a:other", "1700000000001")})
        == 3
    )
    assert len(token) <= 32


def test_a_reporter_forgotten_elsewhere_is_remembered_again(
    sample: Repository, checkins: CheckInRepository, other: Database
) -> None:
    kwargs = check_in(sample, checkins, now=NOW + timedelta(minutes=1))
    with other.write() as session:  # `glöm mig` in another process
        session.exec(delete(Person).where(col(Person.aad_object_id) == CHAIR.aad_object_id))  # type: ignore[call-overload]
    stored = checkins.add(**kwargs)
    assert stored.reporter == CHAIR.name
    with sample.db.read() as session:
        person = session.exec(select(Person).where(Person.aad_object_id == CHAIR.aad_object_id)).one()
        assert person.created_at == NOW + timedelta(minutes=1)
        assert session.exec(select(Role).where(Role.person_id == person.id)).all() == []
