"""The database handle: its engine, read and write transactions, and the one column type whose meaning
depends on the engine (UTCDateTime: instants read back the same on SQLite and PostgreSQL)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, DateTime, Engine, create_engine, event, text
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session

log = logging.getLogger(__name__)

# How long a SQLite writer waits for another writer before giving up (ms).
SQLITE_BUSY_TIMEOUT_MS = 10_000
# The PostgreSQL advisory lock that queues writers the way BEGIN IMMEDIATE does on SQLite (any constant).
POSTGRES_WRITE_LOCK = 0x626F74_7772697465  # "bot write"


class DatabaseUnavailable(Exception):
    """The database cannot be opened; the message is one line for whoever starts the bot."""


class StorageGone(Exception):
    """The SQLite file the server opened was removed or replaced under it: a write would land in a file
    nobody will read again (an unlinked inode keeps taking writes), so nothing is written."""


class Database:
    """Owns the engine. `read()` for queries, `write()` for changes (one transaction, committed on exit),
    `snapshot()` around a service call's reads (one transaction for them all).

    A SQLite file is known by its device and inode when it is first opened; every write and health check
    compares them with the path's (os.stat), so a file removed or replaced under the running server stops
    it confirming writes instead of letting them go to the old, unlinked file (issue 17).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        parsed = make_url(url)
        name = parsed.database or ""
        in_memory = name in ("", ":memory:") or "mode=memory" in str(parsed)
        on_file = parsed.get_backend_name() == "sqlite" and not in_memory
        self._file = Path(name).expanduser() if on_file else None
        self._identity: tuple[int, int] | None = None
        self._told: str | None = None
        self._lock = threading.Lock()
        if self._file is not None:
            event.listen(self.engine, "connect", self._opened)
        # SQLite writes begin with BEGIN IMMEDIATE (see make_engine): two writers queue on the busy timeout
        # instead of one failing with "database is locked" when it upgrades its read lock.
        self._write_engine = self.engine.execution_options(sqlite_immediate=True)
        self._snapshot: ContextVar[Session | None] = ContextVar("snapshot", default=None)
        # SQLite's read transaction sees one moment anyway; PostgreSQL's default sees each statement's own.
        postgres = self.engine.dialect.name == "postgresql"
        self._snapshot_engine = (
            self.engine.execution_options(isolation_level="REPEATABLE READ") if postgres else self.engine
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction; inside `snapshot()`, the snapshot's."""
        shared = self._snapshot.get()
        if shared is not None:
            yield shared
            return
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def rows(self) -> Iterator[Connection]:
        """`read()` for plain rows: the ORM adds nothing to a read of columns."""
        with self.read() as session:
            yield session.connection()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction for a service call's reads: every `read()` inside shares it, so the figures
        of one answer come from one moment of the database, for one BEGIN. Nothing is written inside (a
        write would not be seen by the reads after it)."""
        if self._snapshot.get() is not None:
            yield
            return
        with Session(self._snapshot_engine, expire_on_commit=False) as session:
            token = self._snapshot.set(session)
            try:
                yield
            finally:
                self._snapshot.reset(token)

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self._snapshot.get() is not None:
            raise RuntimeError("a write inside a snapshot: the snapshot's reads would not see it")
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            if self.engine.dialect.name == "postgresql":
                _queue_writer(session.connection())
            self.require_file()
            yield session
            self.require_file()  # replaced during the transaction: roll back rather than commit to it

    def _opened(self, _dbapi_connection: Any, _record: Any) -> None:
        """The first connection fixes which file this is (the file exists once SQLite opened it)."""
        with self._lock:
            if self._identity is None and self._file is not None:
                try:
                    found = os.stat(self._file)
                except OSError:
                    return
                self._identity = (found.st_dev, found.st_ino)

    def file_problem(self) -> str | None:
        """Why the SQLite file opened at start-up is no longer the one at its path, or None."""
        if self._file is None or self._identity is None:
            return None
        try:
            found = os.stat(self._file)
        except FileNotFoundError:
            problem = f"the database file {self._file} was removed while the bot was running"
        except OSError as exc:
            problem = f"the database file {self._file} cannot be checked: {exc.strerror}"
        else:
            if (found.st_dev, found.st_ino) == self._identity:
                return None
            problem = f"the database file {self._file} was replaced while the bot was running"
        if self._told != problem:
            self._told = problem
            log.error("%s; refusing to write until the bot is restarted", problem)
        return problem

    def require_file(self) -> None:
        problem = self.file_problem()
        if problem is not None:
            raise StorageGone(problem)

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
    """The engine for `url`; on SQLite, a file in WAL mode with a busy timeout."""
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
        # Hand transaction control to the begin event below (pysqlite's own BEGIN is deferred only).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not in_memory:
            # WAL: readers never wait for the writer. synchronous=NORMAL, the usual setting with WAL: a
            # commit survives the process crashing; a power cut may lose the last commits, never the file.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _queue_writer(connection: Connection) -> None:
    # The repositories read, then insert or update (get-or-create). SQLite runs one writer at a time; under
    # PostgreSQL's READ COMMITTED two writers would both miss a row and both insert it (a unique violation).
    # Queue them the same way, for the same time, until commit.
    connection.execute(text(f"SET LOCAL lock_timeout = {SQLITE_BUSY_TIMEOUT_MS}"))
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_WRITE_LOCK})


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant stored in UTC.

    SQLite has no time zone type and hands back naive values; this type refuses naive input and always
    returns aware UTC datetimes, so the same code is right on SQLite and PostgreSQL.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; store timezone-aware instants only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        """On SQLite, process_bind_param and then SQLite's DATETIME text in one step: the text SQLAlchemy
        stores ('2026-11-22 10:00:00.000000'), made in C. It is three of a check-in's parameters.
        SQLAlchemy would have this left alone, to keep the inner type's own conversion; this replaces that
        with the same text, which tests/db/test_repository.py checks against it for any instant."""
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        def sqlite_text(value: datetime | None) -> str | None:
            utc = self.process_bind_param(value, dialect)
            return None if utc is None else utc.isoformat(" ", "microseconds")

        return sqlite_text

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any] | None:
        """On SQLite, its DATETIME text read as the aware UTC instant in one step, in C: every `status` reads
        the year's check-ins. tests/db/test_repository.py checks it against SQLAlchemy's own reading."""
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)

        def utc_instant(value: str | None) -> datetime | None:
            if value is None:
                return None
            read = datetime.fromisoformat(value)
            return read.replace(tzinfo=UTC) if read.tzinfo is None else read.astimezone(UTC)

        return utc_instant

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
