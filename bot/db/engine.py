"""The database handle: one engine, read and write transactions, SQLite tuned for a busy bot."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

T = TypeVar("T")

# How long a SQLite writer waits for another writer before giving up (ms).
SQLITE_BUSY_TIMEOUT_MS = 10_000
# The PostgreSQL advisory lock that queues writers the way BEGIN IMMEDIATE does on SQLite (any constant).
POSTGRES_WRITE_LOCK = 0x626F74_7772697465  # "bot write"


class ReadCache:
    """Answers computed from the database, kept until this process writes anything to it and for at most
    `seconds` besides, so that what another process (a replica, the CLI) writes is seen after that long.

    For what many turns read and few change, such as a district's progress. Keep only values nobody
    mutates (frozen dataclasses, tuples).
    """

    def __init__(
        self,
        db: Database,
        *,
        seconds: float,
        monotonic: Callable[[], float] = time.monotonic,
        size: int = 256,
    ) -> None:
        self.db = db
        self.seconds = seconds
        self._monotonic = monotonic
        self._size = size
        self._kept: dict[Hashable, tuple[int, float, Any]] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        generation, now = self.db.generation, self._monotonic()  # before computing: a write meanwhile wins
        kept = self._kept.get(key)
        if kept is not None and kept[0] == generation and now - kept[1] < self.seconds:
            return cast(T, kept[2])
        value = compute()
        if len(self._kept) >= self._size:
            self._kept.clear()
        self._kept[key] = (generation, now, value)
        return value


class DatabaseUnavailable(Exception):
    """The database cannot be opened; the message is one line for whoever starts the bot."""


class Database:
    """Owns the engine. `read()` for queries, `write()` for changes (one transaction, committed on exit)."""

    def __init__(self, url: str) -> None:
        self.url = url
        # Bumped by every write committed through this handle: what ReadCache keeps is good until then.
        self._writes = itertools.count(1)
        self.generation = 0
        self.engine = make_engine(url)
        # Writes on SQLite start with BEGIN IMMEDIATE (see _sqlite_begin), so two writers queue on the
        # busy timeout instead of failing later with "database is locked" on lock upgrade.
        self._write_engine = self.engine.execution_options(sqlite_immediate=True)
        self._writer: AbstractContextManager[Any] = (
            threading.RLock() if self.engine.dialect.name == "sqlite" else nullcontext()
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        # SQLite: this process's writers queue on a lock here, and the next one goes the moment the last
        # commits. Left to SQLite, a writer finding the database locked sleeps in its busy handler (1, 2,
        # 5, ... 100 ms at a time) however soon the lock is free: under load, turns wait for nothing.
        # The busy timeout still queues writers of other processes (the CLI, a second server).
        with self._writer, Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            if self.engine.dialect.name == "postgresql":
                # The repository reads, then inserts or updates (get-or-create). SQLite runs one writer at a
                # time; under PostgreSQL's READ COMMITTED two writers would both miss a row and both insert
                # it (a unique violation). Queue them the same way, for the same time, until commit.
                session.execute(text(f"SET LOCAL lock_timeout = {SQLITE_BUSY_TIMEOUT_MS}"))
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_WRITE_LOCK})
            yield session
        self.generation = next(self._writes)

    def check(self) -> None:
        """Connect once, so a wrong DATABASE_URL or an unreadable file is one clear line at start-up."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise DatabaseUnavailable(f"Cannot open the database {self.safe_url}: {reason}") from exc

    @property
    def safe_url(self) -> str:
        """The URL without its password, for messages and logs."""
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or "mode=memory" in str(parsed)
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if in_memory:
        # One shared connection, or every connection would see its own empty database.
        kwargs["poolclass"] = StaticPool
    else:
        folder = Path(database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            problem = f"Cannot create the database's directory {folder}: {exc.strerror}"
            raise DatabaseUnavailable(problem) from exc
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's begin event (pysqlite's own BEGIN is deferred only).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
