"""Schema upgrades through Alembic, run at start-up and by `python -m bot db upgrade`. Alembic is imported
only here, when an upgrade runs: `serve` runs it in a child process, so that the server does not keep it in
memory (about 11 MB of a budget of 150)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.db.engine import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def upgrade(db: Database, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision`; a no-op when it is already there."""
    from alembic import command

    config = alembic_config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
