"""An upgrade from the previous release keeps every row: a database that release filled through its own
code (tests/fixtures/release-0003/, made by populate.py there at schema 0003) is upgraded to head, and then
answered from by today's code. SQLite: the default, and the database a district runs on its own.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from bot.db import migrate
from bot.db.checkins import CheckInRepository
from bot.db.engine import Database
from bot.db.people import DistrictRepository, PeopleRepository
from bot.db.repository import Repository
from bot.services.people import ConversationInfo, PersonInfo, Role

RELEASE = Path(__file__).parents[1] / "fixtures" / "release-0003" / "release.db"
DISTRICT = "Vänsterpartiet Västernorrland"
TEAM = "19:team-vasternorrland@thread.tacv2"
ANNA = PersonInfo("29:anna", "aad-anna", "Anna Andersson")


def rows(path: Path) -> dict[str, set[tuple[object, ...]]]:
    """Every row of every table (but Alembic's), by the columns the release had."""
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name != "alembic_version"
        ]
        return {table: set(connection.execute(f'SELECT * FROM "{table}"')) for table in tables}


def test_upgrading_the_previous_release_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    shutil.copy(RELEASE, path)
    before = rows(path)
    assert all(
        before[table] for table in ("goal", "person", "role", "checkin", "checkin_revision", "prompt_post")
    )
    db = Database(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(db) == "0003"
        migrate.upgrade(db)
        assert (
            migrate.current_revision(db)
            == ScriptDirectory.from_config(migrate.alembic_config(db)).get_current_head()
        )
        after = rows(path)
        for table, old in before.items():
            # New columns come last; the release's columns keep their values, row for row.
            width = len(next(iter(old))) if old else 0
            assert {row[:width] for row in after[table]} == old, table
        assert "change_counter" not in after  # counted changes for caches that are gone (0006, 0009)
    finally:
        db.dispose()


def test_the_upgraded_database_serves_the_same_district(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    shutil.copy(RELEASE, path)
    db = Database(f"sqlite:///{path}")
    try:
        migrate.upgrade(db)
        districts = DistrictRepository(db)
        # The team the bot was in is linked to the district, and Anna's personal chat knows her district.
        [team] = districts.teams()
        assert (team.team_id, team.district) == (TEAM, DISTRICT)
        assert districts.belongs(ANNA) == [DISTRICT]
        channel = ConversationInfo(f"{TEAM};messageid=1", "channel", "tenant-1", TEAM, None, {})
        assert districts.scope(channel, None, admin=False).district == DISTRICT
        personal = ConversationInfo("a:29:anna", "personal", "tenant-1", None, None, {})
        assert districts.scope(personal, ANNA, admin=False).district == DISTRICT
        # Roles, the plan and the check-ins (the corrected value, the withdrawal) are as they were.
        # (she was named responsible for a goal too, which reads as a role of its own)
        assert PeopleRepository(db).roles(ANNA, DISTRICT) == {Role.MEMBER, Role.BOARD, Role.RESPONSIBLE}
        plan = Repository(db).plan(DISTRICT)
        assert plan is not None and len(plan.goals) == 24
        latest = CheckInRepository(db).latest(plan.goals[0].id, year=2026)
        assert [(c.value, c.comment) for c in latest] == [(4, "Fyra möten")]
        assert CheckInRepository(db).latest(plan.goals[1].id, year=2026) == []
    finally:
        db.dispose()
