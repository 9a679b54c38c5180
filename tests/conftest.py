"""Shared fixtures: settings on a fresh SQLite file (a copy of one migrated once per worker), a fixed clock,
the repository with the sample plan.

`postgres_url` is a throwaway PostgreSQL server for the session (tests/postgres.py); tests/db/ runs the
database layer on both SQLite and PostgreSQL (tests/db/conftest.py).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.app import make_sdk
from bot.config import Settings
from bot.db import migrate
from bot.db.engine import Database
from bot.db.repository import Repository
from bot.sdk import Sdk
from bot.services.plan_import import ensure_sample_plan
from tests.fakes.connector import FakeConnector
from tests.postgres import postgres_server

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--bot-sdk",
        choices=("botbuilder", "agents"),
        default="botbuilder",
        help="the SDK the app runs on in these tests (BOT_SDK; bot/sdk)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # For the bot servers tests start as processes (tests/fakes/processes.py, tests/e2e): their BOT_SDK.
    os.environ["TEST_BOT_SDK"] = str(config.getoption("--bot-sdk"))


@pytest.fixture
def bot_sdk(request: pytest.FixtureRequest) -> str:
    """The SDK under test (--bot-sdk): every test that builds the app through `settings` runs on it."""
    return str(request.config.getoption("--bot-sdk"))


@pytest.fixture
def botbuilder_only(bot_sdk: str) -> None:
    """For tests of the botbuilder adapter itself (bot/sdk/botbuilder.py, its transport)."""
    if bot_sdk != "botbuilder":
        pytest.skip("tests the botbuilder adapter itself")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """End-to-end tests run last: the browser they drive must not share the thread with asyncio tests."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


class Clock:
    """A clock the test moves by hand (set `.now`); starts at NOW.

    Inside `whole_process()` the process's own clock reads the same time (time-machine), for a library that
    reads it itself: APScheduler 3 takes no clock, and decides from its own whether a timer fired or missed.
    """

    def __init__(self, now: datetime = NOW) -> None:
        self._now = now
        self._traveller: time_machine.Coordinates | None = None

    @property
    def now(self) -> datetime:
        return self._now

    @now.setter
    def now(self, value: datetime) -> None:
        self._now = value
        if self._traveller is not None:
            self._traveller.move_to(value)

    def __call__(self) -> datetime:
        return self._now

    @contextmanager
    def whole_process(self) -> Iterator[None]:
        with time_machine.travel(self._now, tick=False) as traveller:
            self._traveller = traveller
            try:
                yield
            finally:
                self._traveller = None


def fixed_clock() -> datetime:
    return NOW


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read a developer's .env or environment."""
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
        "BOT_SDK",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the newest schema, migrated once per worker. Each test's database starts as a
    copy: running every migration for each test cost minutes of the suite (tests/db upgrades from nothing
    and from a previous release)."""
    path = tmp_path_factory.mktemp("schema") / "bot.db"
    db = Database(f"sqlite:///{path}")
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def settings(tmp_path: Path, clean_env: None, bot_sdk: str, schema: Path) -> Settings:
    with closing(sqlite3.connect(schema)) as empty, closing(sqlite3.connect(tmp_path / "bot.db")) as copy:
        empty.backup(copy)
    return Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=f"sqlite:///{tmp_path / 'bot.db'}", bot_sdk=bot_sdk
    )


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL database for the session: started here, or TEST_DATABASE_URL_PG; skipped if absent."""
    with postgres_server() as url:
        yield url.render_as_string(hide_password=False)


@pytest.fixture
async def sdks() -> AsyncIterator[Callable[[Settings], Sdk]]:
    """bot.app.make_sdk, each SDK made closed after the test: the Agents SDK's keeps clients across turns."""
    made: list[Sdk] = []

    def make(settings: Settings) -> Sdk:
        made.append(make_sdk(settings))
        return made[-1]

    yield make
    for sdk in made:
        close = getattr(sdk, "close", None)
        if close is not None:
            await close()


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    """An in-process fake Bot Connector on loopback, recording what the bot sends."""
    fake = await FakeConnector().start()
    yield fake
    await fake.close()


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
    """A repository holding the project's sample plan for the default district, as this year's plan."""
    assert ensure_sample_plan(repository, fixed_clock, ZoneInfo("Europe/Stockholm"))
    return repository


def seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed plan {path} is absent (../shared/seeds sits beside the checkout in CI)")
    return path.read_text(encoding="utf-8")


VASTERNORRLAND = "000_0851f27eaf082ef9.txt"
SKANE = "004_5fc3239f6e1f9f03.txt"


def every_branch(repository: Repository, district: str, number: int) -> None:
    """Make goal `number` of the district's plan every branch's own (as an imported plan may say): the
    sample plan's goals are nearly all the district's, and chairs report only for their branch."""
    from sqlmodel import col, select

    from bot.db.models import District, Goal

    with repository.db.write() as session:
        goal = session.exec(
            select(Goal)
            .join(District, col(District.id) == col(Goal.district_id))
            .where(District.name == district, Goal.number == number)
        ).one()
        goal.applies_to_branches = True
