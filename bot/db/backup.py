"""`python -m bot backup FILE`: a consistent copy of the SQLite database while the bot keeps running.

SQLite's online backup API copies the database page by page inside one read transaction, so the copy is
the database as it was at one moment, WAL content included, whatever the server writes meanwhile
(https://www.sqlite.org/backup.html). The copy is written beside the target and renamed into place only
once it is complete and passes an integrity check, so a failed backup never leaves a half file.
PostgreSQL has its own tools for this (pg_dump); the command says so instead of copying.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.db.engine import Database


class BackupError(Exception):
    """Why no backup was made, in one line for the person running the command."""


@dataclass(frozen=True)
class Backup:
    path: Path
    bytes: int


def backup(db: Database, target: Path) -> Backup:
    if not db.is_sqlite:
        raise BackupError(
            "The database is PostgreSQL: back it up with its own tools, e.g. pg_dump --format=custom."
        )
    target = target.expanduser()
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name.")
    if not target.parent.is_dir():
        raise BackupError(f"There is no directory {target.parent}.")
    partial = target.with_name(f".{target.name}.partial")
    source = db.engine.raw_connection()
    try:
        copy = sqlite3.connect(partial)
        try:
            source.driver_connection.backup(copy)  # type: ignore[union-attr]
            (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
            if verdict != "ok":
                raise BackupError(f"The copy failed its integrity check: {verdict}")
        finally:
            copy.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"Could not write the backup to {target}: {exc}") from exc
    finally:
        source.close()
        partial.unlink(missing_ok=True)
    return Backup(target, target.stat().st_size)
