"""What the bot keeps between turns, and what drops it (bot/db/engine.py: Database, ReadCache, write_now).

A change committed through a Database drops at once what was read from the tables it changed, and only
that: a check-in drops progress, not who is who. What another process (a second Database on the same
database) changes is seen once the kept answer's time runs out. Every test here runs on a SQLite file and
on PostgreSQL (tests/db/conftest.py) unless it says SQLite.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import bindparam, delete, text, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import col, select

from bot.db import engine as engine_module
from bot.db import migrate
from bot.db.checkins import PROGRESS_TABLES, AlreadyStored, CheckInRepository
from bot.db.districts import DistrictRepository
from bot.db.engine import MISSING, UNTRACKED, Database, Prepared, ReadCache
from bot.db.models import CheckIn, Person, Role
from bot.db.people import ROLES_TTL_SECONDS, PeopleRepository
from bot.db.repository import Repository
from bot.services.people import ConversationInfo, PersonInfo
from bot.services.plan_import import SAMPLE_DISTRICT, ensure_sample_plan
from bot.services.roles import Role as RoleKind
from tests.conftest import NOW, fixed_clock

CHAIR = PersonInfo("29:chair", "aad-adele", "Adele Vance")
CHAT = ConversationInfo("a:adele", "personal", "t", None, None, {})
TODAY = NOW.date()


class Clock:
    """A monotonic clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sample(repository: Repository) -> Repository:
    from zoneinfo import ZoneInfo

    assert ensure_sample_plan(repository, fixed_clock, ZoneInfo("Europe/Stockholm"))
    PeopleRepository(repository.db).grant(CHAIR, SAMPLE_DISTRICT, RoleKind.CHAIR, branch="Sundsvall", now=NOW)
    return repository


@pytest.fixture
def people(sample: Repository, clock: Clock) -> PeopleRepository:
    return PeopleRepository(sample.db, monotonic=clock)


@pytest.fixture
def checkins(sample: Repository, clock: Clock) -> CheckInRepository:
    return CheckInRepository(sample.db, monotonic=clock)


def goal_6(sample: Repository) -> int:
    plan = sample.plan(SAMPLE_DISTRICT)
    assert plan is not None
    goal = plan.goal(6)
    assert goal is not None
    return goal.id


def check_in(sample: Repository, checkins: CheckInRepository, **changes: Any) -> dict[str, Any]:
    """The arguments of a check-in by CHAIR for their branch on goal 6, today, with `changes`."""
    [branch] = checkins.chair_of(CHAIR, SAMPLE_DISTRICT)
    return {
        "district": SAMPLE_DISTRICT,
        "goal_id": goal_6(sample),
        "branch_id": branch.id,
        "reporter": CHAIR,
        "value": 1,
        "happened_on": TODAY,
        "area": None,
        "comment": "möte",
        "now": NOW,
    } | changes


def report(checkins: CheckInRepository, sample: Repository, *, comment: str = "möte") -> int:
    return checkins.add(**check_in(sample, checkins, comment=comment)).id


def renaming(database: Database) -> Prepared:
    """A person's name changed in a transaction begun on the driver (write_now's), by id."""
    return Prepared(
        database, update(Person).where(col(Person.id) == bindparam("id")).values(name=bindparam("name"))
    )


def name_of(database: Database, person: int) -> str:
    with database.read() as session:
        found = session.get(Person, person)
        assert found is not None
        return found.name


@contextmanager
def writing_in_a_thread(db: Database) -> Iterator[threading.Event]:
    """Another thread of this process in a write transaction, until the event given is set or the block
    ends."""
    holding, release = threading.Event(), threading.Event()

    def write() -> None:
        with db.write():
            holding.set()
            release.wait()

    writer = threading.Thread(target=write)
    writer.start()
    holding.wait()
    try:
        yield release
    finally:
        release.set()
        writer.join()


def counting(read: Callable[[], Any]) -> tuple[Callable[[], Any], list[int]]:
    reads: list[int] = []

    def counted() -> Any:
        reads.append(1)
        return read()

    return counted, reads


def test_a_check_in_drops_progress_at_once_but_keeps_who_is_who(
    sample: Repository, people: PeopleRepository, checkins: CheckInRepository, clock: Clock
) -> None:
    districts = DistrictRepository(sample.db, monotonic=clock)
    kept = ReadCache(sample.db, seconds=1.0, monotonic=clock)
    goal = goal_6(sample)

    def progress() -> int:
        return len(checkins.progress_reports(SAMPLE_DISTRICT, year=2026, today=TODAY).get(goal, []))

    read_progress, progress_reads = counting(progress)
    scope_reads: list[int] = []
    scope = districts._scope

    def counted_scope(*args: Any, **kwargs: Any) -> Any:
        scope_reads.append(1)
        return scope(*args, **kwargs)

    districts._scope = counted_scope  # type: ignore[method-assign]
    assert kept.get("progress", read_progress, tables=PROGRESS_TABLES) == 0
    assert districts.scope(CHAT, CHAIR, admin=False).district == SAMPLE_DISTRICT
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}
    [branch] = checkins.reporter(CHAIR, SAMPLE_DISTRICT).chairs

    report(checkins, sample)

    # Progress is read again at once, at the same instant, and shows the check-in...
    assert kept.peek("progress") is MISSING
    assert kept.get("progress", read_progress, tables=PROGRESS_TABLES) == 1
    assert len(progress_reads) == 2
    # ... while who the sender is, their roles, the branches and the district they speak for stay kept.
    assert people.kept_roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}
    kept_reporter = checkins.kept_reporter(CHAIR, SAMPLE_DISTRICT)
    assert kept_reporter is not None and kept_reporter.chairs == (branch,)
    assert checkins.kept_branches(SAMPLE_DISTRICT) is not None
    assert districts.kept_scope(CHAT, CHAIR, admin=False) == districts.scope(CHAT, CHAIR, admin=False)
    assert len(scope_reads) == 1


def test_a_role_change_is_seen_at_once(
    sample: Repository, people: PeopleRepository, checkins: CheckInRepository
) -> None:
    granter = PeopleRepository(sample.db)  # another repository on the same Database: any code of this process
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}
    assert [b.name for b in checkins.chair_of(CHAIR, SAMPLE_DISTRICT)] == ["Sundsvall"]

    assert granter.revoke(CHAIR, SAMPLE_DISTRICT, RoleKind.CHAIR) == 1
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER}
    assert checkins.chair_of(CHAIR, SAMPLE_DISTRICT) == []

    granter.grant(CHAIR, SAMPLE_DISTRICT, RoleKind.BOARD, now=NOW)
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.BOARD}


def test_what_another_process_changes_is_seen_once_the_time_runs_out(
    sample: Repository, people: PeopleRepository, checkins: CheckInRepository, other: Database, clock: Clock
) -> None:
    kept = ReadCache(sample.db, seconds=1.0, monotonic=clock)
    goal = goal_6(sample)

    def progress() -> int:
        return len(checkins.progress_reports(SAMPLE_DISTRICT, year=2026, today=TODAY).get(goal, []))

    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}
    assert kept.get("progress", progress, tables=PROGRESS_TABLES) == 0

    # Another process revokes the role and stores a check-in (as the CLI or a replica would).
    elsewhere = CheckInRepository(other)
    report(elsewhere, Repository(other))
    PeopleRepository(other).revoke(CHAIR, SAMPLE_DISTRICT, RoleKind.CHAIR)

    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}  # not yet
    assert kept.get("progress", progress, tables=PROGRESS_TABLES) == 0
    clock.now += ROLES_TTL_SECONDS
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER}
    assert checkins.chair_of(CHAIR, SAMPLE_DISTRICT) == []
    assert kept.get("progress", progress, tables=PROGRESS_TABLES) == 1


def test_what_another_process_changes_in_who_is_who_is_seen_when_the_counts_are_looked_at(
    sample: Repository, people: PeopleRepository, checkins: CheckInRepository, other: Database, clock: Clock
) -> None:
    # While this process looks at the database's change counts (Database.watch, twice a second when it
    # serves), who is who stays kept however long nothing changes, and a change elsewhere reaches it at
    # the next look, not after the kept answer's time.
    sample.db.watch()
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}
    [branch] = checkins.chair_of(CHAIR, SAMPLE_DISTRICT)
    reads: list[tuple[Any, ...]] = []
    original = people._read_roles

    def read_roles(*args: Any) -> Any:
        reads.append(args)
        return original(*args)

    people._read_roles = read_roles  # type: ignore[method-assign,assignment]

    clock.now += 10 * ROLES_TTL_SECONDS
    sample.db.watch()
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}
    assert reads == []  # still kept: nothing changed

    # A check-in elsewhere (when the reporter was last seen, the row) is not a change to who is who.
    report(CheckInRepository(other), Repository(other))
    sample.db.watch()
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}
    assert reads == []

    PeopleRepository(other).revoke(CHAIR, SAMPLE_DISTRICT, RoleKind.CHAIR)
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}  # not looked yet
    sample.db.watch()
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER}
    assert checkins.chair_of(CHAIR, SAMPLE_DISTRICT) == []
    assert len(reads) == 1

    # Once nobody looks at the counts any more, kept answers run out after their time again.
    sample.db._watched_at -= 2 * ROLES_TTL_SECONDS
    clock.now += ROLES_TTL_SECONDS
    PeopleRepository(other).grant(CHAIR, SAMPLE_DISTRICT, RoleKind.CHAIR, branch=branch.name, now=NOW)
    assert people.roles(CHAIR, SAMPLE_DISTRICT) == {RoleKind.MEMBER, RoleKind.CHAIR}


def test_the_database_counts_changes_to_who_is_who(database: Database) -> None:
    from bot.db import migrate as migrations

    migrations.upgrade(database)

    def counts() -> dict[str, int]:
        with database.engine.connect() as connection:
            return dict(connection.execute(text("SELECT table_name, changes FROM change_counter")).all())

    before = counts()
    people = PeopleRepository(database)
    person = people.person_id(CHAIR, now=NOW)  # a new person
    after = counts()
    assert after["person"] > before["person"] and after["role"] == before["role"]
    with database.write() as session:  # seen again: not counted
        session.execute(update(Person).where(col(Person.id) == person).values(last_seen_at=NOW))
    assert counts() == after
    with database.write() as session:  # renamed: counted
        session.execute(update(Person).where(col(Person.id) == person).values(name="Adele V."))
    assert counts()["person"] > after["person"]
    with database.write() as session:
        session.execute(delete(Person).where(col(Person.id) == person))
    assert counts()["person"] > after["person"] + 1


def test_changes_touch_the_tables_they_change(database: Database) -> None:
    def stamps(*tables: str) -> list[int]:
        return [database.stamp(frozenset({table})) for table in tables]

    people = PeopleRepository(database)
    before = stamps("person", "role", "checkin", "goal")
    people.person_id(CHAIR, now=NOW)  # an ORM insert
    after = stamps("person", "role", "checkin", "goal")
    assert after[0] > before[0] and after[1:] == before[1:]

    with database.write_connection() as connection:  # Core, and what nobody reads
        before = stamps("person", "role")
        connection.execute(update(Person).values(last_seen_at=NOW).execution_options(**{UNTRACKED: True}))
    assert stamps("person", "role") == before
    with database.write_connection() as connection:
        connection.execute(update(Person).values(name="Adele"))
    assert stamps("person", "role")[0] > before[0] and stamps("role")[0] == before[1]

    # A failed transaction touches nothing.
    before = stamps("person")
    with pytest.raises(RuntimeError), database.write_connection() as connection:
        connection.execute(update(Person).values(name="Adele V."))
        raise RuntimeError
    assert stamps("person") == before

    # A DELETE touches what the database deletes or changes with it; SQL as text touches everything.
    before = stamps("person", "role", "checkin", "membership", "goal")
    with database.write_connection() as connection:
        connection.execute(delete(Person).where(col(Person.id) == -1))
    after = stamps("person", "role", "checkin", "membership", "goal")
    assert all(a > b for a, b in zip(after[:4], before[:4], strict=True)) and after[4] == before[4]
    with database.write_connection() as connection:
        connection.execute(text("UPDATE goal SET number = number WHERE id = -1"))
    assert stamps("goal")[0] > before[4]


def test_a_read_cache_names_what_each_answer_is_read_from(database: Database) -> None:
    clock = Clock()
    kept = ReadCache(database, seconds=1.0, monotonic=clock, tables={"role"})
    answers = iter(range(10))
    assert kept.get("roles", lambda: next(answers)) == 0  # the cache's tables
    assert kept.get("everything", lambda: next(answers), tables=None) == 1
    assert kept.get("nothing", lambda: next(answers), tables=()) == 2
    PeopleRepository(database).person_id(CHAIR, now=NOW)  # person: neither roles nor nothing
    assert kept.peek("roles") == 0 and kept.peek("nothing") == 2
    assert kept.peek("everything") is MISSING
    clock.now += 1.0
    assert kept.peek("nothing") is MISSING


def test_an_answer_many_ask_for_at_once_is_computed_once(database: Database) -> None:
    kept = ReadCache(database, seconds=60.0)
    askers = 8
    together = threading.Barrier(askers)
    computed: list[int] = []
    answers: list[int] = []

    def compute() -> int:
        computed.append(1)
        time.sleep(0.2)  # long enough for the other askers to come in: they must wait, not compute
        # A computation may read another key of the same cache without waiting on itself.
        return kept.get("inner", lambda: 40) + 2

    def ask() -> None:
        together.wait()
        answers.append(kept.get("status", compute))

    threads = [threading.Thread(target=ask) for _ in range(askers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert answers == [42] * askers
    assert computed == [1]


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_a_check_in_stored_on_the_event_loop_is_the_same_as_one_stored_in_a_thread(
    sample: Repository, checkins: CheckInRepository
) -> None:
    kwargs = check_in(sample, checkins, happened_on=date(2026, 10, 15))
    in_thread = checkins.add(**kwargs)
    assert await checkins.add_soon(**kwargs | {"comment": "not yet"}) is None  # until its connection is open:
    await checkins.writers_done()  # in a worker thread, the first time
    on_loop = await checkins.add_soon(**kwargs)
    assert on_loop is not None and on_loop.id == in_thread.id + 1
    assert {**vars(on_loop), "id": 0} == {**vars(in_thread), "id": 0}
    assert on_loop.branch == "Sundsvall" and on_loop.goal_number == 6
    # Read back as the ORM reads it: the same values, times in UTC.
    assert [{**vars(c), "id": 0} for c in checkins.mine(CHAIR, SAMPLE_DISTRICT)] == [
        {**vars(in_thread), "id": 0}
    ] * 2
    with sample.db.read() as session:
        row = session.get(CheckIn, on_loop.id)
        person = session.exec(select(Person).where(Person.aad_object_id == CHAIR.aad_object_id)).one()
    assert row is not None and row.created_at == NOW and row.happened_on == date(2026, 10, 15)
    assert person.last_seen_at == NOW


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_nothing_is_stored_on_the_event_loop_that_would_wait(
    sample: Repository, checkins: CheckInRepository, database_url: str
) -> None:
    await checkins.writers_done()
    kwargs = check_in(sample, checkins, comment=None)

    async def add_soon(**changes: Any) -> Any:
        return await checkins.add_soon(**kwargs | changes)

    # Someone not kept (nothing is read on the event loop), or whose name changed (stored the long way).
    assert await add_soon(reporter=PersonInfo("29:x", "aad-x", "X")) is None
    assert await add_soon(reporter=PersonInfo(CHAIR.teams_user_id, CHAIR.aad_object_id, "Adele V.")) is None
    # Another thread of this process writing.
    with writing_in_a_thread(sample.db):
        assert await add_soon() is None
    # Another process holding SQLite's write lock: no waiting for it.
    path = database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path, isolation_level=None) as elsewhere:
        elsewhere.execute("BEGIN IMMEDIATE")
        try:
            assert await add_soon() is None
        finally:
            elsewhere.execute("ROLLBACK")
    assert await add_soon() is not None
    assert len(checkins.mine(CHAIR, SAMPLE_DISTRICT)) == 1


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_on_postgresql_every_check_in_is_stored_in_a_thread(
    sample: Repository, checkins: CheckInRepository
) -> None:
    checkins.reporter(CHAIR, SAMPLE_DISTRICT)
    assert await checkins.add_soon(**check_in(sample, checkins)) is None


def test_a_reporter_forgotten_elsewhere_is_remembered_again(
    sample: Repository, checkins: CheckInRepository, other: Database
) -> None:
    [branch] = checkins.chair_of(CHAIR, SAMPLE_DISTRICT)  # kept: they are known, with their branch
    with other.write() as session:  # `glöm mig` in another process
        session.exec(delete(Person).where(col(Person.aad_object_id) == CHAIR.aad_object_id))  # type: ignore[call-overload]
    stored = checkins.add(
        district=SAMPLE_DISTRICT,
        goal_id=goal_6(sample),
        branch_id=branch.id,
        reporter=CHAIR,
        value=1,
        happened_on=TODAY,
        area=None,
        comment=None,
        now=NOW + timedelta(minutes=1),
    )
    assert stored.reporter == CHAIR.name
    with sample.db.read() as session:
        person = session.exec(select(Person).where(Person.aad_object_id == CHAIR.aad_object_id)).one()
        assert person.created_at == NOW + timedelta(minutes=1)
        assert session.exec(select(Role).where(Role.person_id == person.id)).all() == []


def test_the_wal_is_checkpointed_in_a_thread_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "CHECKPOINT_COMMITS", 3)
    database = Database(f"sqlite:///{tmp_path / 'wal.db'}")
    try:
        migrate.upgrade(database)
        done: list[str] = []
        checkpoint = database._checkpoint

        def spy() -> None:
            done.append(threading.current_thread().name)
            checkpoint()

        monkeypatch.setattr(database, "_checkpoint", spy)
        people = PeopleRepository(database)
        for n in range(3):
            people.person_id(PersonInfo(f"29:{n}", f"aad-{n}", f"P{n}"), now=NOW)
        checkpointer = database._checkpointer
        if checkpointer is not None:
            checkpointer.join()
        assert done == ["checkpoint"]
        # The writer's own connection never checkpoints in a commit.
        with database._writer_engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    finally:
        database.dispose()


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_writers_wait_for_a_checkpoint_that_falls_behind(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A disk that syncs slower than the writes come: the checkpoint in its thread has not ended after
    # CHECKPOINT_LAG_COMMITS commits. The next writes wait for it (on the event loop, without a worker
    # thread waiting for the lock), rather than grow the WAL by all that comes until it ends.
    monkeypatch.setattr(engine_module, "CHECKPOINT_COMMITS", 2)
    monkeypatch.setattr(engine_module, "CHECKPOINT_LAG_COMMITS", 3)
    disk_synced = threading.Event()
    checkpoint_now = database._checkpoint_now

    def on_a_slow_disk() -> int:
        disk_synced.wait(10)
        return checkpoint_now()

    monkeypatch.setattr(database, "_checkpoint_now", on_a_slow_disk)
    person = PeopleRepository(database).person_id(CHAIR, now=NOW)
    await database.writers_done()
    rename = renaming(database)

    def write_now(name: str) -> bool:
        with database.write_now() as connection:
            if connection is not None:
                rename.run(connection, {"id": person, "name": name})
            return connection is not None

    assert write_now("1")  # the second commit, with the person's: the checkpoint starts
    assert database._checkpointer is not None
    assert write_now("2") and write_now("3") and write_now("4")  # three commits while it copies
    assert not write_now("5")  # held up, on the event loop

    def write_in_a_thread() -> None:
        with database.write_connection() as connection:
            connection.execute(update(Person).where(Person.id == person).values(name="in a thread"))

    in_a_thread = asyncio.ensure_future(asyncio.to_thread(write_in_a_thread))  # and in a thread
    waiting = asyncio.ensure_future(database.writers_done())
    await asyncio.sleep(0.1)
    assert not waiting.done() and not in_a_thread.done() and name_of(database, person) == "4"
    disk_synced.set()
    await asyncio.wait_for(asyncio.gather(waiting, in_a_thread), 5)
    assert name_of(database, person) == "in a thread"
    assert write_now("5") and name_of(database, person) == "5"


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("slower", [0, 0.05], ids=["this disk", "a slow disk"])
async def test_the_wal_starts_over_while_check_ins_keep_coming(
    sample: Repository, checkins: CheckInRepository, monkeypatch: pytest.MonkeyPatch, slower: float
) -> None:
    # SQLite starts a WAL over only when a write begins with all of it copied into the database file. A
    # checkpoint in its own thread while the writers go on seldom sees that: without more, the WAL would
    # grow by every check-in (in the benchmark, to 150 MB in ten seconds). And on a disk that syncs slowly,
    # by every check-in that comes while a checkpoint syncs it (on a CI machine, to 41 MB).
    monkeypatch.setattr(engine_module, "CHECKPOINT_COMMITS", 20)
    monkeypatch.setattr(engine_module, "WAL_RESTART_FRAMES", 300)
    monkeypatch.setattr(engine_module, "CHECKPOINT_LAG_COMMITS", 40)
    checkpoint_now = Database._checkpoint_now

    def on_a_slow_disk(database: Database) -> int:
        time.sleep(slower)
        return checkpoint_now(database)

    monkeypatch.setattr(Database, "_checkpoint_now", on_a_slow_disk)
    kwargs = check_in(sample, checkins)
    await checkins.writers_done()
    wal = Path(f"{sample.db.engine.url.database}-wal")

    def round_of_the_wal() -> bytes:
        # The WAL header's checkpoint sequence number (bytes 12-16) counts the times the WAL started over.
        with wal.open("rb") as header:
            return header.read(16)[12:]

    rounds = {round_of_the_wal()}
    sizes = []
    for _ in range(2000):  # as the event loop stores them: on the loop when it can, else after waiting
        if await checkins.add_soon(**kwargs) is None:
            await checkins.writers_done()
            assert await checkins.add_soon(**kwargs) is not None
        rounds.add(round_of_the_wal())
        sizes.append(wal.stat().st_size)  # noqa: ASYNC240 - the file between two writes is what is measured
    # 2,000 check-ins write about 14,000 frames (4 kB pages with a header of 24 bytes) in as many commits.
    # A round holds 300 frames, and the commits that came during the checkpoint before the one that found
    # it that long, before that one started, and during it: at most 40, 20 and 40, then writers wait.
    # Without the second checkpoint the WAL does not start over on this disk and grows to 57 MB; without
    # the wait for a checkpoint that falls behind, it grows by whatever comes while the disk syncs.
    assert len(rounds) > 5, len(rounds)
    assert max(sizes) < (300 + (40 + 20 + 40 + 2) * 10) * (4096 + 24), max(sizes)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_write_on_the_event_loop_is_all_or_nothing(database: Database) -> None:
    # write_now's transaction is the driver's own (no SQLAlchemy transaction around it): what it changes
    # is touched when it commits, and a failure inside rolls all of it back and lets the next one begin.
    rename = renaming(database)
    person = PeopleRepository(database).person_id(CHAIR, now=NOW)
    database.wait_for_writers()

    before = database.stamp(frozenset({"person"}))
    with pytest.raises(RuntimeError), database.write_now() as connection:
        assert connection is not None
        assert rename.run(connection, {"id": person, "name": "Halfway"}).rowcount == 1
        raise RuntimeError
    assert name_of(database, person) == CHAIR.name and database.stamp(frozenset({"person"})) == before

    with database.write_now() as connection:
        assert connection is not None
        rename.run(connection, {"id": person, "name": "Adele V."})
        # SQLAlchemy's execute would begin a second transaction: refused, not run outside this one.
        with pytest.raises(OperationalError):
            connection.execute(update(Person).values(name="Elsewhere"))
    assert name_of(database, person) == "Adele V." and database.stamp(frozenset({"person"})) > before
    with database.write_now() as connection:  # the lock was given back
        assert connection is not None


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_a_turn_waits_for_the_writer_on_the_event_loop(database: Database) -> None:
    # No worker thread waits for the lock (one would hold it while it waits for the busy loop's GIL):
    # the turn awaits it, and is woken when the thread writing gives it back.
    await database.writers_done()  # the first time: opens write_now's connection, in a thread
    with writing_in_a_thread(database) as release:
        with database.write_now() as connection:
            assert connection is None  # taken
        waiting = asyncio.ensure_future(database.writers_done())
        await asyncio.sleep(0.05)
        assert not waiting.done()
        release.set()
        await asyncio.wait_for(waiting, 5)
    with database.write_now() as connection:
        assert connection is not None
    await asyncio.wait_for(database.writers_done(), 5)  # free: at once


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_check_ins_that_come_together_are_committed_together(
    sample: Repository, checkins: CheckInRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Group commit: those that reach the store in the same pass of the event loop share one transaction,
    # and each is answered with its own row once that is committed.
    await checkins.writers_done()
    commits: list[int] = []
    after_commit = sample.db._after_commit

    def counted() -> None:
        after_commit()
        commits.append(1)

    monkeypatch.setattr(sample.db, "_after_commit", counted)
    kwargs = check_in(sample, checkins)
    together = await asyncio.gather(*(checkins.add_soon(**kwargs | {"value": n}) for n in range(1, 6)))
    assert len(commits) == 1
    assert [(stored.value, stored.branch) for stored in together if stored] == [
        (n, "Sundsvall") for n in range(1, 6)
    ]
    assert sorted(c.id for c in checkins.mine(CHAIR, SAMPLE_DISTRICT)) == [s.id for s in together if s]
    # One after the other: each its own.
    assert await checkins.add_soon(**kwargs) and await checkins.add_soon(**kwargs)
    assert len(commits) == 3


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_a_group_with_a_failing_write_is_written_by_none_of_them(database: Database) -> None:
    # One failure rolls the shared transaction back: every one of them is told None and writes the other
    # way, alone (where a failure is only the failing one's). A write whose caller gave up is left out.
    rename = renaming(database)
    person = PeopleRepository(database).person_id(CHAIR, now=NOW)
    await database.writers_done()

    def renamed(name: str) -> Callable[[Any], int]:
        return lambda connection: int(rename.run(connection, {"id": person, "name": name}).rowcount)

    def failing(_connection: Any) -> int:
        raise RuntimeError("a constraint")

    answers = await asyncio.gather(
        database.write_soon(renamed("A")), database.write_soon(failing), database.write_soon(renamed("B"))
    )
    assert answers == [None, None, None] and name_of(database, person) == CHAIR.name
    assert await database.write_soon(renamed("C")) == 1 and name_of(database, person) == "C"

    first = asyncio.ensure_future(database.write_soon(renamed("D")))
    gave_up = asyncio.ensure_future(database.write_soon(renamed("E")))
    await asyncio.sleep(0)  # both are waiting for their shared transaction, which has not begun
    gave_up.cancel()
    assert await first == 1
    with pytest.raises(asyncio.CancelledError):
        await gave_up
    assert name_of(database, person) == "D"


async def test_a_form_is_stored_once_however_often_it_is_sent(
    sample: Repository, checkins: CheckInRepository
) -> None:
    kwargs = check_in(sample, checkins, submission="form-token-1")
    first = checkins.add(**kwargs)
    with pytest.raises(AlreadyStored) as repeat:
        checkins.add(**kwargs)
    assert repeat.value.checkin_id == first.id
    await checkins.writers_done()
    assert await checkins.add_soon(**kwargs) is None  # on the event loop too; `add` then tells which
    # Someone the bot has not met yet is stored the long way: the same rule.
    stranger = PersonInfo("29:new", "aad-new", "Ny")
    with pytest.raises(AlreadyStored):
        checkins.add(**kwargs | {"reporter": stranger, "branch_id": None})
    assert [c.id for c in checkins.mine(CHAIR, SAMPLE_DISTRICT)] == [first.id]
    assert checkins.mine(stranger, SAMPLE_DISTRICT) == []
    # And the database itself refuses a second row for it, whatever writes it.
    with pytest.raises(IntegrityError), sample.db.write() as session:
        row = session.get(CheckIn, first.id)
        assert row is not None
        session.add(CheckIn(**{**row.model_dump(exclude={"id"}), "comment": "again"}))
