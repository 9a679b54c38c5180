"""The database handle: its engines, read and write transactions, SQLite tuned for a busy bot, and what
changed when (for ReadCache)."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import logging
import math
import threading
import time
import weakref
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql import Select
from sqlalchemy.sql.dml import Delete, UpdateBase
from sqlmodel import Session

T = TypeVar("T")
log = logging.getLogger(__name__)

# How long a SQLite writer waits for another writer before giving up (ms).
SQLITE_BUSY_TIMEOUT_MS = 10_000
# How many commits through a Database go between checkpoints of a SQLite WAL (SQLite's own default is a
# checkpoint once the WAL holds 1000 pages; a check-in writes about 8).
CHECKPOINT_COMMITS = 100
# How many frames (pages) the WAL may hold before a checkpoint makes sure that it is started over
# (Database._checkpoint): 16 MB of 4 kB pages, several rounds of CHECKPOINT_COMMITS.
WAL_RESTART_FRAMES = 4000
# How many commits may come while a checkpoint copies the WAL before the next writers wait for it to end
# (Database._after_commit). On a disk slower than the stream of check-ins, the WAL then holds at most
# WAL_RESTART_FRAMES and CHECKPOINT_COMMITS + 2 x this commits of some 8-12 frames (36-45 MB), not all
# that came while the disk synced, and check-ins go at the disk's pace. The benchmark makes 560 commits a
# second on this machine's disk; a checkpoint there never took long enough for 250.
CHECKPOINT_LAG_COMMITS = 250
# The tables whose changes the database counts (migrations 0006, 0008): what another process (a replica,
# the CLI) changes in them is seen once this one looks at the counts (Database.watch, every WATCH_SECONDS
# while it serves), rather than when each kept answer read from them runs out.
WATCHED_TABLES = frozenset(
    {"district", "branch", "role", "person", "goal", "goal_responsible", "dialog_state"}
)
WATCH_SECONDS = 0.5
# The PostgreSQL advisory lock that queues writers the way BEGIN IMMEDIATE does on SQLite (any constant).
POSTGRES_WRITE_LOCK = 0x626F74_7772697465  # "bot write"


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


# What ReadCache.peek answers when it keeps nothing good for the key.
MISSING: Any = _Missing()


class ReadCache:
    """Answers computed from the database, kept until this process commits a change to a table they are
    read from, and for at most `seconds` besides, so that what another process (a replica, the CLI) writes
    is seen after that long. Answers read only from WATCHED_TABLES are kept past that for as long as this
    process looks at the database's change counts (Database.watch, at most `seconds` ago): then what
    another process changes in them reaches them as this process's own changes do.

    For what many turns read and few change, such as a district's progress or who someone is. Each answer
    names the tables it is read from (`tables`, for the cache or per `get`); by default all of them, so
    that any change drops it. Keep only values nobody mutates (frozen dataclasses, tuples, frozensets).
    """

    def __init__(
        self,
        db: Database,
        *,
        seconds: float,
        monotonic: Callable[[], float] = time.monotonic,
        size: int = 256,
        tables: Iterable[str] | None = None,
    ) -> None:
        self.db = db
        self.seconds = seconds
        self._monotonic = monotonic
        self._size = size
        self._tables = frozenset(tables) if tables is not None else None
        # key: (generation stamp, computed at, answer, tables read from, read only from WATCHED_TABLES)
        self._kept: dict[Hashable, tuple[int, float, Any, frozenset[str] | None, bool]] = {}
        self._guard = threading.Lock()
        self._locks: dict[Hashable, tuple[threading.Lock, list[int]]] = {}  # per key: lock, [waiting]

    def get(
        self, key: Hashable, compute: Callable[[], T], *, tables: Iterable[str] | None | _Missing = MISSING
    ) -> T:
        """The answer kept for `key`, or `compute()`'s, kept from now on. It is read from `tables` (None:
        from any table), by default the cache's."""
        kept = self.peek(key)
        if kept is not MISSING:
            return cast(T, kept)
        if isinstance(tables, _Missing):
            read_from = self._tables
        else:
            read_from = None if tables is None else frozenset(tables)
        # One computation of a key at a time: when an answer many turns share runs out (every `seconds`,
        # or after a change), they would otherwise all compute it at once. The others wait, then find it.
        with self._computing(key):
            kept = self.peek(key)
            if kept is not MISSING:
                return cast(T, kept)
            # The stamp before computing: a change committed meanwhile makes the answer old at once.
            stamp, now = self.db.stamp(read_from), self._monotonic()
            value = compute()
            if len(self._kept) >= self._size:
                self._kept.clear()
            watched = read_from is not None and read_from <= WATCHED_TABLES
            self._kept[key] = (stamp, now, value, read_from, watched)
            return value

    @contextmanager
    def _computing(self, key: Hashable) -> Iterator[None]:
        """Hold `key`'s lock (one per key, so a computation that reads another key never waits on itself)."""
        with self._guard:
            lock, waiting = self._locks.setdefault(key, (threading.Lock(), [0]))
            waiting[0] += 1
        try:
            with lock:
                yield
        finally:
            with self._guard:
                waiting[0] -= 1
                if not waiting[0]:
                    del self._locks[key]

    def peek(self, key: Hashable) -> Any:
        """The answer kept for `key` if it is still good, else MISSING; reads nothing (for the event loop)."""
        kept = self._kept.get(key)
        if kept is None or self.db.stamp(kept[3]) != kept[0]:
            return MISSING
        if self._monotonic() - kept[1] >= self.seconds and not (
            kept[4] and self.db.watched_within(self.seconds)
        ):
            return MISSING
        return kept[2]


class Prepared:
    """A Core statement compiled once for a database, run straight on the driver's cursor.

    For the few statements a busy turn runs every time (storing a check-in, and what its reply names):
    SQLAlchemy's execute costs about 40 µs a statement, several times what the statement itself costs.
    Nothing else changes: it runs in the connection's transaction (`Database.write_connection`, or the
    driver's own in `write_now`), each value is converted by its column's type as SQLAlchemy would (time
    zones, SQLite's formats for dates), driver errors come as SQLAlchemy's, and what an INSERT, UPDATE or
    DELETE changes is touched when the transaction commits (UNTRACKED honoured), like what any statement
    changes (Database). A SELECT's rows come as the driver gives them: for columns it needs no conversion
    of (numbers, text).
    """

    def __init__(self, db: Database, statement: UpdateBase | Select[*tuple[Any, ...]]) -> None:
        dialect = db.engine.dialect
        compiled = statement.compile(dialect=dialect)
        if compiled.escaped_bind_names:
            raise ValueError("bound parameter names that need escaping")
        self.sql = compiled.string
        self._positional = dialect.positional
        names = list(compiled.positiontup or ()) if dialect.positional else list(compiled.binds)
        self._convert = [
            (name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names
        ]
        # Values the statement itself gives (a literal compared with, as in `kind == "chair"`).
        self._given = {name: bind.value for name, bind in compiled.binds.items() if not bind.required}
        self._error = dialect.loaded_dbapi.Error
        options = statement.get_execution_options()
        untracked = options.get(UNTRACKED)
        self.changes = (
            _dml_changes(statement) if isinstance(statement, UpdateBase) and not untracked else frozenset()
        )

    def run(self, connection: Connection, params: Mapping[str, Any]) -> Any:
        """Run with these values (by bound parameter name); the driver's cursor (rowcount, fetchall)."""
        if self._given:
            params = {**self._given, **params}
        arguments: Any
        if self._positional:
            arguments = [
                convert(params[name]) if convert else params[name] for name, convert in self._convert
            ]
        else:
            arguments = {
                name: convert(params[name]) if convert else params[name] for name, convert in self._convert
            }
        driver: Any = connection.connection.driver_connection
        try:
            cursor = driver.execute(self.sql, arguments)
        except self._error as error:
            raise DBAPIError.instance(self.sql, arguments, error, self._error) from error
        if self.changes:
            connection.info.setdefault(_TOUCHED, set()).update(self.changes)
        return cursor


@dataclass(frozen=True)
class _Soon(Generic[T]):
    """A write waiting for its turn in a shared transaction (Database.write_soon)."""

    work: Callable[[Connection], T]
    answer: asyncio.Future[T | None]


class _WriteLock:
    """This process's turn to write to a SQLite file (reentrant), which also wakes whoever awaits it on an
    event loop (`free`) when it is given back: a turn that found it taken waits without a worker thread.

    A worker thread waiting for the lock would take it as soon as it is free and then, to give it back,
    wait for the GIL held by the busy event loop: meanwhile every check-in on the loop finds the lock
    taken and goes to a thread too, which keeps the lock taken longer still."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._guard = threading.Lock()
        self._waiting: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return self._lock.acquire(blocking, timeout)

    def release(self) -> None:
        self._lock.release()
        if self._waiting:
            with self._guard:
                waiting, self._waiting = self._waiting, []
            for loop, future in waiting:
                loop.call_soon_threadsafe(_done, future)

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()

    async def free(self) -> None:
        """Until the lock is free (maybe taken again by then: try, and wait again or write otherwise)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._guard:
            self._waiting.append((loop, future))
        if self._lock.acquire(blocking=False):  # free already: giving it back wakes this waiter too
            self.release()
        await future


def _done(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class DatabaseUnavailable(Exception):
    """The database cannot be opened; the message is one line for whoever starts the bot."""


class Database:
    """Owns the engines. `read()` for queries, `write()` for changes (one transaction, committed on exit);
    `write_connection()` and `write_now()` for Core statements.

    It also tells ReadCache what changed: every INSERT, UPDATE and DELETE that runs on its engine (ORM or
    Core, through `write()` or not) names its table, and when the transaction commits each table it
    touched gets a new generation. A DELETE touches too the tables whose rows the database removes or
    changes with it (ON DELETE CASCADE / SET NULL); SQL given as text, and schema changes, touch every
    table. A statement run with the execution option UNTRACKED touches nothing: only for columns no cached
    answer reads (a person's last_seen_at).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        # Generations come from one counter, so "the newest of these tables' generations" changes exactly
        # when one of them was written. `generation` is the newest of all (changed by any write).
        self._writes = itertools.count(1)
        self._bump_lock = threading.Lock()
        self._generations: dict[str, int] = {}
        self._everything = 0  # the generation of the last change that touched every table
        self.generation = 0
        self._committed = threading.local()
        self.engine = make_engine(url)
        # SQLite: writes take turns on one connection of their own (they queue on self._writer anyway).
        # A connection's page cache is thrown away whenever another connection changed the database, so
        # with writes spread over the pool each one read the tables' pages again (a third of a check-in's
        # cost); the writer's own commits keep its cache good.
        sqlite_file = _is_sqlite_file(url)
        self._writer_engine = make_engine(url, writer=True) if sqlite_file else self.engine
        # And write_now's, which must not wait (no busy timeout): one more connection, so that no write
        # has to change the busy timeout (each statement costs the event loop the GIL, see write_now).
        self._now_engine = make_engine(url, writer=True, wait=False) if sqlite_file else self.engine
        for engine in {self.engine, self._writer_engine, self._now_engine}:
            _track_changes(self, engine)
        # Writes on SQLite start with BEGIN IMMEDIATE (see _sqlite_begin), so two writers queue on the
        # busy timeout instead of failing later with "database is locked" on lock upgrade.
        self._write_engine = self._writer_engine.execution_options(sqlite_immediate=True)
        self._writer: AbstractContextManager[Any] = (
            _WriteLock() if self.engine.dialect.name == "sqlite" else nullcontext()
        )
        # SQLite files: writes may run on the event loop when nothing has to wait (write_now), and the WAL
        # is checkpointed in a thread every CHECKPOINT_COMMITS commits through this handle.
        self._now = sqlite_file
        # write_now's connection, kept open (opening one costs more than the write): wait_for_writers opens
        # it, and it is used only by whoever holds self._writer.
        self._now_connection: Connection | None = None
        self._driver_error: type[Exception] = self.engine.dialect.loaded_dbapi.Error
        self._commits = 0
        self._checkpointer: threading.Thread | None = None
        # Cleared while a checkpoint that fell CHECKPOINT_LAG_COMMITS behind ends: writers wait for it.
        self._caught_up = threading.Event()
        self._caught_up.set()
        self._checkpoint_guard = threading.Lock()
        # The writes waiting on each event loop for their shared transaction (write_soon).
        self._soon: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, list[_Soon[Any]]] = (
            weakref.WeakKeyDictionary()
        )
        # The change counts last seen (Database.watch), and when (time.monotonic).
        self._counts: dict[str, int] | None = None
        self._watched_at = -math.inf

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def stamp(self, tables: frozenset[str] | None) -> int:
        """The newest generation of these tables (None: of all), for ReadCache to compare."""
        if tables is None:
            return self.generation
        generations, newest = self._generations, self._everything
        for table in tables:
            generation = generations.get(table, 0)
            if generation > newest:
                newest = generation
        return newest

    def touched(self, tables: Collection[str]) -> None:
        """Give these tables a new generation (EVERYTHING among them: every table)."""
        if not tables:
            return
        with self._bump_lock:
            generation = next(self._writes)
            if EVERYTHING in tables:
                self._everything = generation
            for table in tables:
                self._generations[table] = generation
            self.generation = generation

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
        self._keep_pace()
        with self._writer:
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                if self.engine.dialect.name == "postgresql":
                    _queue_writer(session.connection())
                yield session
            self._after_commit()

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """`write()` for Core statements only: the same queueing and transaction, without an ORM session."""
        self._keep_pace()
        with self._writer:
            with self._write_engine.begin() as connection:
                if self.engine.dialect.name == "postgresql":
                    _queue_writer(connection)
                yield connection
            self._after_commit()

    @property
    def writes_now(self) -> bool:
        """Whether write_now can ever begin a transaction (SQLite files), rather than always None (until
        wait_for_writers first ran, it is None too)."""
        return self._now

    @contextmanager
    def write_now(self) -> Iterator[Connection | None]:
        """`write_connection()` begun at once, or None (then write the other way, in a worker thread) if
        that would mean waiting: another thread of this process or another process is writing, or the
        database is not a SQLite file.

        For a small write on the event loop, which must never wait: for SQLite, running it there costs
        far less than a worker thread, whose every statement gives up the GIL and waits to get it back
        from the busy loop. Nothing in it waits for a lock (it holds SQLite's write lock before the first
        statement) nor for the disk (no checkpoint in the commit, and no sync but the WAL header's once
        per round of the WAL, when SQLite starts it over after a checkpoint).

        The transaction is the driver's own: BEGIN IMMEDIATE and COMMIT on the sqlite3 connection, as the
        begin event does for every other transaction, without SQLAlchemy's transaction around them (which
        cost a check-in more than its two statements). Run statements in it with Prepared only: SQLAlchemy's
        execute would begin a second transaction, which SQLite refuses.
        """
        connection = self._begin_now()
        if connection is None:
            yield None
            return
        driver: Any = connection.connection.driver_connection
        try:
            try:
                yield connection
                # Touched before the commit, then again after it, as the commit event does (_after_commit).
                tables = connection.info.pop(_TOUCHED, None)
                if tables:
                    self.touched(tables)
                    self._committed.tables = tables
                _on_driver(driver, "COMMIT", self._driver_error)
            except BaseException:
                connection.info.pop(_TOUCHED, None)
                self._committed.tables = None
                if driver.in_transaction:
                    driver.rollback()
                raise
            self._after_commit()
        finally:
            cast(Any, self._writer).release()

    async def write_soon(self, work: Callable[[Connection], T]) -> T | None:
        """write_now, shared with the others that ask in the same pass of the event loop: all of them run
        in one transaction, each `work` in turn, and each is answered once that is committed (group
        commit). A commit writes each page changed once, however many rows changed it, and its work is
        done once: a check-in in a group of four costs SQLite a third of one stored alone.

        None (for every one of them) if write_now gives None, or if the transaction fails: then write the
        other way (alone, in a worker thread), where a failure is the failing write's own. A write whose
        caller gave up (cancelled) before its turn is left out.
        """
        loop = asyncio.get_running_loop()
        waiting = self._soon.get(loop)
        if waiting is None:
            waiting = self._soon[loop] = []
            loop.call_soon(self._write_waiting, loop)
        soon: _Soon[T] = _Soon(work, loop.create_future())
        waiting.append(soon)
        return await soon.answer

    def _write_waiting(self, loop: asyncio.AbstractEventLoop) -> None:
        """The transaction of the writes waiting on `loop` (write_soon)."""
        waiting = [soon for soon in self._soon.pop(loop, []) if not soon.answer.cancelled()]
        answers: list[Any] = [None] * len(waiting)
        try:
            with self.write_now() as connection:
                if connection is not None:
                    answers = [soon.work(connection) for soon in waiting]
        except Exception:  # noqa: BLE001 - each is written again alone, where its error is its own
            # Not logged as a failure: written alone, the failing one fails again and is logged as its own.
            log.debug("%d writes failed together; each is written alone", len(waiting), exc_info=True)
            answers = [None] * len(waiting)
        for soon, answer in zip(waiting, answers, strict=True):
            if not soon.answer.cancelled():
                soon.answer.set_result(answer)

    def wait_for_writers(self) -> None:
        """Wait (in a worker thread) until no other thread of this process is writing, nor a checkpoint that
        fell behind copying: then write_now is likely to begin at once. Waits at most SQLite's busy timeout
        for each, as a writer would. The first time, opens write_now's connection (opening a file is no
        work for the event loop)."""
        if not self._now:
            return
        self._keep_pace()
        writer = cast(Any, self._writer)
        if writer.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
            try:
                if self._now_connection is None:
                    self._now_connection = self._now_engine.connect()
            finally:
                writer.release()

    async def writers_done(self) -> None:
        """`wait_for_writers` awaited on the event loop, with no worker thread waiting for the lock (see
        _WriteLock), but the first time, to open write_now's connection. A checkpoint that fell behind is
        awaited in a worker thread (_keep_pace), which does not take the lock."""
        if not self._now:
            return
        if self._now_connection is None:
            await asyncio.to_thread(self.wait_for_writers)
            return
        if not self._caught_up.is_set():
            await asyncio.to_thread(self._keep_pace)
        with contextlib.suppress(TimeoutError):  # then write the other way, waiting in a thread
            await asyncio.wait_for(cast(_WriteLock, self._writer).free(), SQLITE_BUSY_TIMEOUT_MS / 1000)

    def _begin_now(self) -> Connection | None:
        """write_now's connection with SQLite's write lock taken, at once or not at all (BEGIN IMMEDIATE
        with no busy timeout)."""
        writer = cast(Any, self._writer)
        connection = self._now_connection
        if connection is None or not self._caught_up.is_set() or not writer.acquire(blocking=False):
            return None
        if connection.invalidated or connection.closed:  # after a driver error: wait_for_writers reopens it
            self._now_connection = None
            writer.release()
            return None
        try:
            _on_driver(connection.connection.driver_connection, "BEGIN IMMEDIATE", self._driver_error)
            return connection
        except OperationalError:  # locked by another process: the caller writes in a thread, waiting
            writer.release()
            return None
        except BaseException:
            writer.release()
            raise

    def _after_commit(self) -> None:
        """Touch again what the transaction that just committed in this thread touched. The commit event
        touched it just before the commit (so that a commit outside write() counts too), but an answer
        computed between that and the commit may have read the rows as they were: it is outdated here.
        And now and then, checkpoint the WAL."""
        tables = getattr(self._committed, "tables", None)
        if tables:
            self._committed.tables = None
            self.touched(tables)
        if self._now:
            self._commits += 1
            with self._checkpoint_guard:
                if self._checkpointer is None:
                    if self._commits >= CHECKPOINT_COMMITS:
                        self._commits = 0
                        self._checkpointer = threading.Thread(
                            target=self._checkpoint, name="checkpoint", daemon=True
                        )
                        self._checkpointer.start()
                elif self._commits >= CHECKPOINT_LAG_COMMITS:
                    # The disk is slower than the writers: the WAL would grow by whatever comes until the
                    # checkpoint ends. The next writers wait for it (_keep_pace, write_now gives None).
                    if self._caught_up.is_set():
                        log.info("The disk is slower than the writes: they wait for the WAL checkpoint")
                    self._caught_up.clear()

    def _keep_pace(self) -> None:
        """Wait (in a worker thread) while a checkpoint that fell behind ends (_after_commit); at most
        SQLite's busy timeout, then write all the same: a slow disk holds writers up, never refuses them."""
        if not self._caught_up.is_set():
            self._caught_up.wait(SQLITE_BUSY_TIMEOUT_MS / 1000)

    def _checkpoint(self) -> None:
        """Copy the WAL into the database file (SQLite's PASSIVE checkpoint: no waiting for readers or
        writers), on a connection of the pool: what the writer's connection no longer does itself.

        SQLite starts the WAL over only when a write begins with all of it copied. Under a steady stream
        of check-ins that is seldom so, as they go on while the checkpoint syncs the disk: the WAL would
        grow without end. So once it holds WAL_RESTART_FRAMES, the checkpoint is done again, quickly (only
        what came meanwhile is left), while this process's writers wait (a check-in on the event loop
        awaits it: writers_done), and the next write starts the WAL over."""
        try:
            if self._checkpoint_now() >= WAL_RESTART_FRAMES:
                with self._writer:
                    self._checkpoint_now()
        except Exception:  # noqa: BLE001 - the next one checkpoints what this one could not
            log.warning("WAL checkpoint failed", exc_info=True)
        finally:
            with self._checkpoint_guard:
                self._checkpointer = None
                self._caught_up.set()

    def _checkpoint_now(self) -> int:
        """A PASSIVE checkpoint; how many frames the WAL holds."""
        connection = self.engine.raw_connection()
        try:
            _busy, frames, _copied = (
                cast(Any, connection.driver_connection).execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            )
            return int(frames)
        finally:
            connection.close()

    def watch(self) -> None:
        """Look at the database's change counts (migration 0006) and touch the tables whose count moved since
        the last look: what another process changed in them is then seen as this process's own changes
        are. Run in a worker thread every WATCH_SECONDS while serving (bot/app.py)."""
        started = time.monotonic()  # what was committed before this is seen by it
        with self.engine.connect() as connection:
            counts = {str(table): int(changes) for table, changes in connection.execute(_COUNTS)}
        if self._counts is not None:
            self.touched({table for table, changes in counts.items() if self._counts.get(table) != changes})
        self._counts = counts
        self._watched_at = started

    def watched_within(self, seconds: float) -> bool:
        """Whether `watch` looked at the change counts less than `seconds` ago."""
        return time.monotonic() - self._watched_at < seconds

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
        checkpointer = self._checkpointer
        if checkpointer is not None:
            checkpointer.join(timeout=10)
        if self._now_connection is not None:
            with self._writer:
                self._now_connection.close()
                self._now_connection = None
        for engine in {self.engine, self._writer_engine, self._now_engine}:
            engine.dispose()


def _is_sqlite_file(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and not _in_memory(parsed.database or "", str(parsed))


def _in_memory(database: str, url: str) -> bool:
    return database in ("", ":memory:") or "mode=memory" in url


def make_engine(url: str, *, writer: bool = False, wait: bool = True) -> Engine:
    """The engine for `url`; on SQLite with `writer`, one of a single connection (Database's writes), and
    without `wait` one whose BEGIN IMMEDIATE fails at once when another connection is writing."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    database = parsed.database or ""
    in_memory = _in_memory(database, str(parsed))
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if in_memory or writer:
        # In memory: one shared connection, or every connection would see its own empty database.
        kwargs["poolclass"] = StaticPool
    if not in_memory:
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
            # WAL: readers never wait for the writer. synchronous=NORMAL, the usual setting with WAL: a
            # commit is written to the WAL before it returns (so it survives the process crashing) but not
            # synced, so a power cut or an OS crash may lose the last commits (never corrupts the file);
            # the WAL is synced at each checkpoint. FULL would sync every commit (a disk flush per
            # check-in) to survive power cuts too.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            if writer:
                # Checkpoints (copying the WAL into the database file, and syncing both) happen in a thread
                # of their own (Database._checkpoint), not in a commit: a write on the event loop
                # (Database.write_now) must not wait for the disk.
                cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS if wait else 0}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        statement = "BEGIN IMMEDIATE" if immediate else "BEGIN"
        # On the driver's connection: every transaction but write_now's begins here, and SQLAlchemy's
        # execute costs more than the statement.
        _on_driver(connection.connection.driver_connection, statement, connection.dialect.loaded_dbapi.Error)

    return engine


def _on_driver(driver: Any, statement: str, error_class: type[Exception]) -> None:
    """A statement without parameters on the driver's connection; its errors as SQLAlchemy's, as they would
    be from exec_driver_sql (OperationalError for a lock not got)."""
    try:
        driver.execute(statement)
    except error_class as error:
        raise DBAPIError.instance(statement, None, error, error_class) from error


# The execution option that keeps a statement from touching its table (see Database).
UNTRACKED = "untracked"
# Stands for every table in Database.touched.
EVERYTHING = "*"
# The first words of SQL given as text that change no table.
_READS = frozenset({"select", "pragma", "begin", "commit", "rollback", "savepoint", "release", "set", "show"})


def _queue_writer(connection: Connection) -> None:
    # The repository reads, then inserts or updates (get-or-create). SQLite runs one writer at a time;
    # under PostgreSQL's READ COMMITTED two writers would both miss a row and both insert it (a unique
    # violation). Queue them the same way, for the same time, until commit.
    connection.execute(text(f"SET LOCAL lock_timeout = {SQLITE_BUSY_TIMEOUT_MS}"))
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_WRITE_LOCK})


# What Database.watch reads (migration 0006).
_COUNTS = text("SELECT table_name, changes FROM change_counter")
# Where a connection collects the tables its transaction changed, until it commits.
_TOUCHED = "bot.touched"


def _track_changes(db: Database, engine: Engine) -> None:
    """Listen on the engine for what each transaction changes, and touch it when it commits."""
    touched_key = _TOUCHED

    @event.listens_for(engine, "after_cursor_execute")
    def _executed(
        connection: Connection, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool
    ) -> None:
        tables = _changed_by(statement, context)
        if tables:
            connection.info.setdefault(touched_key, set()).update(tables)

    @event.listens_for(engine, "commit")
    def _commit(connection: Connection) -> None:
        tables = connection.info.pop(touched_key, None)
        if tables:
            db.touched(tables)
            db._committed.tables = tables  # touched again after the commit (Database._after_commit)

    @event.listens_for(engine, "rollback")
    def _rollback(connection: Connection) -> None:
        connection.info.pop(touched_key, None)


def _changed_by(statement: str, context: Any) -> frozenset[str]:
    """The tables a statement that just ran changed."""
    if context.is_crud:
        if context.execution_options.get(UNTRACKED):
            return frozenset()
        return _dml_changes(context.compiled.compile_state.statement)
    if context.isddl:
        return _ALL
    if context.is_text:
        words = statement.split(None, 1)
        if words and words[0].lower() in _READS:
            return frozenset()
        return _ALL
    return frozenset()  # a SELECT built by SQLAlchemy


_ALL = frozenset({EVERYTHING})


def _dml_changes(statement: UpdateBase) -> frozenset[str]:
    """The tables an INSERT, UPDATE or DELETE changes."""
    table = statement.table  # type: ignore[attr-defined]
    if not isinstance(table, Table):
        return _ALL
    return _deleted_with(table) if isinstance(statement, Delete) else frozenset({table.name})


@functools.cache
def _deleted_with(table: Table) -> frozenset[str]:
    """`table` and every table a DELETE from it changes too, through ON DELETE CASCADE or SET NULL."""
    changed = {table.name}
    deleted, pending = {table.name}, [table]
    while pending:
        parent = pending.pop()
        for child in parent.metadata.tables.values():
            for key in child.foreign_keys:
                action = (key.ondelete or "").upper()
                if key.column.table is not parent or action not in ("CASCADE", "SET NULL"):
                    continue
                changed.add(child.name)
                if action == "CASCADE" and child.name not in deleted:
                    deleted.add(child.name)
                    pending.append(child)
    return frozenset(changed)
