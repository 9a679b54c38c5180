"""Shared fixtures: settings on a fresh SQLite file, a fixed clock, the repository with the sample plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import Settings
from bot.db import migrate
from bot.db.engine import Database
from bot.db.repository import Repository
from bot.services.plan import load_sample_plan
from bot.services.plan_import import SAMPLE_DISTRICT

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def fixed_clock() -> datetime:
    return NOW


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    # Tests never read a developer's .env or environment.
    for name in (
        "MicrosoftAppId",
        "MicrosoftAppPassword",
        "MicrosoftAppType",
        "MicrosoftAppTenantId",
        "HOST",
        "PORT",
        "DATABASE_URL",
        "DISTRICT",
        "TIMEZONE",
        "LANGUAGE",
    ):
        monkeypatch.delenv(name, raising=False)
    return Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'bot.db'}")  # type: ignore[call-arg]


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    db = Database(settings.database_url)
    migrate.upgrade(db)
    yield db
    db.dispose()


@pytest.fixture
def repository(database: Database) -> Repository:
    return Repository(database)


@pytest.fixture
def sample_repository(repository: Repository) -> Repository:
    """A repository holding the project's sample plan for the default district."""
    repository.save_plan(SAMPLE_DISTRICT, load_sample_plan(), now=NOW)
    return repository


def seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed plan {path} is absent (../shared/seeds sits beside the checkout in CI)")
    return path.read_text(encoding="utf-8")


VASTERNORRLAND = "000_0851f27eaf082ef9.txt"
SKANE = "004_5fc3239f6e1f9f03.txt"
