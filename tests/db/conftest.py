"""The database layer runs on both backends: every test here that uses `database_url` (directly or through
`settings`, `database`, `repository`) runs once on a fresh SQLite file (id `sqlite`) and once on an empty
PostgreSQL database (id `postgresql`, see tests/postgres.py). Tests of SQLite-only behaviour take
`tmp_path` instead and run once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.db.engine import Database
from tests.postgres import reset_schema

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """The URL of an empty database (no tables) on the test's backend."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'bot.db'}"
    # Asked for only here, so a run of the SQLite tests alone never starts PostgreSQL.
    url = str(request.getfixturevalue("postgres_url"))
    reset_schema(url)
    return url


@pytest.fixture
def settings(settings: Settings, database_url: str) -> Settings:
    return settings.model_copy(update={"database_url": database_url})


@pytest.fixture
def other(database: Database) -> Iterator[Database]:
    """A second handle on the same database: another process, as far as caches go."""
    second = Database(database.url)
    yield second
    second.dispose()
