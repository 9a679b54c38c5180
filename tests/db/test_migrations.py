"""Alembic migrations: an empty database reaches head, and the schema matches the models.

The migration tests run on SQLite and PostgreSQL (`database_url`, see tests/db/conftest.py); the last two
test SQLite-only tuning and run once.
"""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from bot.db import migrate
from bot.db.engine import Database


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
