"""A service call reads in one snapshot (Database.snapshot): the figures of one answer come from one moment
of the database, even while another process stores something, and nothing is written inside one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import func, select

from bot.db.engine import Database
from bot.db.models import District


def _districts(db: Database) -> int:
    with db.read() as session:
        return session.exec(select(func.count()).select_from(District)).one()


def _add(db: Database, name: str) -> None:
    with db.write() as session:
        now = datetime(2026, 11, 22, tzinfo=UTC)
        session.add(District(name=name, created_at=now, updated_at=now))


def test_reads_in_a_snapshot_see_one_moment(database: Database, database_url: str) -> None:
    _add(database, "Västernorrland")
    other = Database(database_url)  # another server process, on its own connections
    try:
        with database.snapshot():
            before = _districts(database)
            _add(other, "Jämtland")
            assert _districts(database) == before == 1
        assert _districts(database) == 2
    finally:
        other.dispose()


def test_nothing_is_written_inside_a_snapshot(database: Database) -> None:
    with database.snapshot(), pytest.raises(RuntimeError, match="snapshot"):
        _add(database, "Västernorrland")
    assert _districts(database) == 0


def test_a_snapshot_inside_a_snapshot_is_the_same_one(database: Database) -> None:
    with database.snapshot():
        with database.read() as outer, database.snapshot(), database.read() as inner:
            assert inner is outer
    with database.read() as first, database.read() as second:
        assert first is not second  # outside a snapshot each read is its own
