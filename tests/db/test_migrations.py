"""Alembic migrations: an empty database reaches head, and the schema matches the models.

The migration tests run on SQLite and PostgreSQL (`database_url`, see tests/db/conftest.py); the last two
test SQLite-only tuning and run once.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from bot.db import migrate
from bot.db.checkins import CheckInRepository
from bot.db.dialogs import DialogStates
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.people import PersonInfo, Role
from bot.services.plan_import import SAMPLE_DISTRICT, ensure_sample_plan
from tests.conftest import NOW, fixed_clock


def test_an_empty_database_upgrades_to_head(database_url: str) -> None:
    db = Database(database_url)
    try:
        assert migrate.current_revision(db) is None
        migrate.upgrade(db)
        head = ScriptDirectory.from_config(migrate.alembic_config(db)).get_current_head()
        assert migrate.current_revision(db) == head
        tables = set(inspect(db.engine).get_table_names())
        assert {"district", "section", "goal", "person", "conversation"} <= tables
        migrate.upgrade(db)  # running it again at start-up is a no-op
        assert migrate.current_revision(db) == head
    finally:
        db.dispose()


def test_the_migrations_describe_exactly_the_models(database_url: str) -> None:
    db = Database(database_url)
    try:
        migrate.upgrade(db)
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
        assert diff == [], "the models changed without a migration: write one in bot/db/migrations/versions/"
    finally:
        db.dispose()


def test_downgrade_to_base_and_back(database_url: str) -> None:
    from alembic import command

    db = Database(database_url)
    try:
        migrate.upgrade(db)
        config = migrate.alembic_config(db)
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert "goal" not in inspect(db.engine).get_table_names()
        migrate.upgrade(db)
        assert "goal" in inspect(db.engine).get_table_names()
    finally:
        db.dispose()


def columns_of(db: Database) -> dict[str, list[str]]:
    """Every table but Alembic's, with its columns."""
    with db.engine.connect() as connection:
        found = inspect(connection)
        return {
            table: [column["name"] for column in found.get_columns(table)]
            for table in found.get_table_names()
            if table != "alembic_version"
        }


def snapshot(db: Database, columns: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Every row of every table but Alembic's, as text; with `columns`, only those tables and columns
    (what a later migration adds left out)."""
    tables = columns or columns_of(db)
    with db.engine.connect() as connection:
        return {
            table: sorted(
                repr(tuple(row))
                for row in connection.execute(
                    text(f'SELECT {", ".join(f"{chr(34)}{name}{chr(34)}" for name in names)} FROM "{table}"')
                )
            )
            for table, names in tables.items()
        }


def triggers(db: Database) -> list[str]:
    query = (
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        if db.is_sqlite
        else "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    )
    with db.engine.connect() as connection:
        return list(connection.execute(text(query)).scalars())


def test_dropping_the_change_counters_keeps_every_row(database_url: str) -> None:
    db = Database(database_url)
    try:
        migrate.upgrade(db, "0008")  # the previous release's schema, filled by its kind of use
        # Today's repositories read the columns of today (0011, 0025 and 0028 added one each): lent for the
        # filling.
        with db.engine.begin() as connection:
            connection.execute(text("ALTER TABLE district ADD COLUMN example BOOLEAN NOT NULL DEFAULT false"))
            connection.execute(text("ALTER TABLE goal ADD COLUMN responsible_in_plan VARCHAR(200)"))
            connection.execute(text("ALTER TABLE checkin ADD COLUMN first_branch_id INTEGER"))
        repository = Repository(db)
        assert ensure_sample_plan(repository, fixed_clock, ZoneInfo("Europe/Stockholm"))
        chair = PersonInfo("29:chair", "aad-adele", "Adele Vance")
        PeopleRepository(db).grant(chair, SAMPLE_DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
        with db.engine.connect() as connection:  # the goal's id as that schema holds it
            goal_id = connection.execute(text("SELECT id FROM goal WHERE number = 6")).scalar_one()
        checkins = CheckInRepository(db)
        [branch] = checkins.chair_of(chair, SAMPLE_DISTRICT)
        stored = checkins.add(
            district=SAMPLE_DISTRICT,
            goal_id=goal_id,
            branch_id=branch.id,
            reporter=chair,
            value=1,
            happened_on=NOW.date(),
            area=None,
            comment="möte",
            now=NOW,
            submission="form-token-1",
        )
        DialogStates(db).write("msteams/conversations/a:1", "{}", expected=None, now=NOW)
        with db.engine.begin() as connection:
            connection.execute(text("ALTER TABLE district DROP COLUMN example"))
            connection.execute(text("ALTER TABLE goal DROP COLUMN responsible_in_plan"))
            connection.execute(text("ALTER TABLE checkin DROP COLUMN first_branch_id"))
        before = snapshot(db)
        assert triggers(db) and before["change_counter"]

        kept = columns_of(db)
        del kept["change_counter"]
        migrate.upgrade(db)
        after = snapshot(db, kept)  # tables and columns added by later migrations left out
        del before["change_counter"]
        added = set(after) - set(before)  # tables of later releases start empty
        assert {table: after[table] for table in added} == dict.fromkeys(added, [])
        assert {table: rows for table, rows in after.items() if table not in added} == before
        assert triggers(db) == []
        assert checkins.get(stored.id) == stored
    finally:
        db.dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'wal.db'}")
    try:
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        db.dispose()


def test_the_database_folder_is_created(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'nested' / 'dir' / 'bot.db'}")
    try:
        migrate.upgrade(db)
        assert (tmp_path / "nested" / "dir" / "bot.db").exists()
    finally:
        db.dispose()
