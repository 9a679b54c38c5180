"""Exactly once, proven on real server processes that are killed at the worst moments.

Each test runs `python -m bot` as a subprocess (its own process group, a scratch cwd so no .env is read, a
SQLite file or the session's PostgreSQL database) and drives it over HTTP with Teams-shaped activities:
the bot is installed in a team channel, the admin (Megan, named in ADMINS) chats with it once in
personal chat (so a board notice can reach her), makes herself a board member with `roll styrelse @Megan`,
sets up `schema 1 och 15 kl 18` in the channel and writes the text of the first slot with `skriv N ...`.
`posta N` then posts that slot now. The fake Bot Connector (tests/fakes/connector.py) runs in this
process on loopback; its `created` list is what Teams would show as new threads in the channel.

A server is killed with SIGKILL (no cleanup, no goodbye) between claiming a slot and sending it, after
sending it but before the answer, and after confirming it; then restarted on the same database. Two
servers race for one slot; two servers recover the same dead claim at once (the board is told once); the
Connector throttles; the bot comes back after a slot was due; the connection is lost after the Connector
took the post (the notifier must not send a new thread again: it cannot know Teams did not create it).

Every wait polls the database or the connector against a deadline; every process group is killed in
teardown.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import make_url, text
from sqlmodel import select

from bot.db.engine import Database
from bot.db.models import PromptPost
from bot.db.prompts import PromptRepository
from bot.i18n import translator
from bot.services.prompting import SlotStatus
from tests.fakes import activities
from tests.fakes.connector import CreateMode, FakeConnector

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not hasattr(os, "killpg"),
    reason="needs SIGKILL and process groups (POSIX)",
)

REPO_ROOT = Path(__file__).resolve().parents[2]
ADMIN_AAD = "aad-megan"  # the aadObjectId tests/fakes/activities.py gives Megan
ADMIN_TEAMS_ID = "29:user-megan"
ADMIN_NAME = "Megan Bowen"
PERSONAL_CHAT = "a:personal-megan"
START_TIMEOUT = 20.0
WAIT = 10.0  # the longest any one condition is waited for
LEASE_SECONDS = 2  # a claim's lease in the servers: a dead process's claim is seen within seconds
REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=20)
SV = translator("sv")
# What a server logs as its scheduler starts, just before start-up recovery (schedules/scheduler.py).
RECOVERY_STARTS = "Scheduler started"  # the servers run in the default language

# Settings the servers must not inherit from the developer's environment (pydantic-settings ignores case).
BOT_SETTINGS = {
    "microsoftappid",
    "microsoftapppassword",
    "microsoftapptype",
    "microsoftapptenantid",
    "microsoft_app_id",
    "microsoft_app_password",
    "microsoft_app_type",
    "microsoft_app_tenant_id",
    "host",
    "port",
    "database_url",
    "district",
    "timezone",
    "language",
    "admins",
    "post_grace_hours",
    "max_request_bytes",
}


# --- server processes ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class BotProcess:
    """One `python -m bot` in its own process group, its output in a file."""

    name: str
    url: str
    popen: subprocess.Popen[bytes]
    log_path: Path

    def running(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole group and reap it: nothing runs on, no cleanup handler gets a chance."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=10)

    def log(self, max_chars: int = 4000) -> str:
        try:
            output = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            return f"<cannot read {self.log_path}: {exc}>"
        return output if len(output) <= max_chars else "...\n" + output[-max_chars:]


@dataclass
class Bots:
    """Starts servers on one database and kills every one of them at the end."""

    workdir: Path
    database_url: str
    started: list[BotProcess] = field(default_factory=list)

    def spawn(self, name: str, port: int | None = None) -> BotProcess:
        """A server started, not waited for."""
        port = port or _free_port()
        env = {key: value for key, value in os.environ.items() if key.lower() not in BOT_SETTINGS}
        env.update(
            HOST="127.0.0.1",
            PORT=str(port),
            DATABASE_URL=self.database_url,
            ADMINS=ADMIN_AAD,
            PYTHONUNBUFFERED="1",
            CLAIM_LEASE_SECONDS=str(LEASE_SECONDS),
            PYTHONPATH=os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p),
        )
        log_path = self.workdir / f"{name}-{len(self.started)}.log"
        with open(log_path, "wb") as log:  # the child keeps its own descriptor
            popen = subprocess.Popen(
                [sys.executable, "-m", "bot"],
                cwd=self.workdir,  # a scratch directory: no developer's .env is read
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as a whole
            )
        process = BotProcess(name, f"http://127.0.0.1:{port}", popen, log_path)
        self.started.append(process)
        return process

    async def healthy(self, process: BotProcess) -> bool:
        """Wait until GET /healthz answers 200 (start-up, recovery included, has finished); False if the
        server exited because its port was taken."""
        deadline = time.monotonic() + START_TIMEOUT
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
            while process.running() and time.monotonic() < deadline:
                with contextlib.suppress(aiohttp.ClientError, asyncio.TimeoutError):
                    async with session.get(f"{process.url}/healthz") as response:
                        if response.status == 200:
                            return True
                await asyncio.sleep(0.05)
        if process.running():
            process.kill()
            pytest.fail(f"{process.name} was not healthy within {START_TIMEOUT:.0f} s:\n{process.log()}")
        if "address already in use" not in process.log().lower():
            pytest.fail(f"{process.name} exited with {process.popen.returncode}:\n{process.log()}")
        return False

    async def start(self, name: str = "bot") -> BotProcess:
        """A healthy server (the free port can be taken before the child binds it: three tries)."""
        for _ in range(3):
            process = self.spawn(name)
            if await self.healthy(process):
                return process
        pytest.fail(f"{name} found no free port in three tries")

    def kill_all(self) -> None:
        for process in self.started:
            process.kill()

    def logs(self) -> str:
        return "\n".join(f"--- {p.name} ({p.log_path.name}) ---\n{p.log()}" for p in self.started)


# --- the database, read from the test -----------------------------------------------------------------


class Db:
    """Reads (and, for the late-start test, writes) the servers' database from the test process."""

    def __init__(self, url: str) -> None:
        self.database = Database(url)
        self.prompts = PromptRepository(self.database)

    def _scalar(self, sql: str, **params: Any) -> Any:
        with self.database.read() as session:
            return session.execute(text(sql), params).scalar()

    async def scalar(self, sql: str, **params: Any) -> Any:
        return await asyncio.to_thread(self._scalar, sql, **params)

    async def status(self, slot_id: int) -> str | None:
        return await self.scalar("SELECT status FROM occurrence WHERE id = :id", id=slot_id)

    async def outcome(self, slot_id: int) -> str | None:
        return await self.scalar("SELECT outcome FROM prompt_post WHERE occurrence_id = :id", id=slot_id)

    async def message_id(self, slot_id: int) -> str | None:
        return await self.scalar("SELECT message_id FROM prompt_post WHERE occurrence_id = :id", id=slot_id)

    async def first_planned_slot(self) -> int:
        slot = await self.scalar(
            "SELECT id FROM occurrence WHERE status = 'planned' ORDER BY due_at, id LIMIT 1"
        )
        assert slot is not None, "the schedule laid out no planned slot"
        return int(slot)

    async def schedule_id(self) -> int:
        found = await self.scalar("SELECT id FROM prompt_schedule WHERE active ORDER BY id DESC LIMIT 1")
        assert found is not None, "no schedule was set up"
        return int(found)

    async def admin_person_id(self) -> int:
        found = await self.scalar("SELECT id FROM person WHERE aad_object_id = :aad", aad=ADMIN_AAD)
        assert found is not None
        return int(found)

    def _lapse_claim(self, slot_id: int) -> None:
        with self.database.write() as session:
            post = session.exec(select(PromptPost).where(PromptPost.occurrence_id == slot_id)).one()
            post.held_until = datetime.now(UTC) - timedelta(seconds=1)

    async def lapse_claim(self, slot_id: int) -> None:
        """As if the claim's lease ran out (the server stayed down that long)."""
        await asyncio.to_thread(self._lapse_claim, slot_id)

    def close(self) -> None:
        self.database.dispose()


# --- fixtures -----------------------------------------------------------------------------------------


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector(clock=time.monotonic).start()
    yield fake
    await fake.close()  # releases held requests first, so the server can shut down


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bot.db'}"


@pytest.fixture
def bots(tmp_path: Path, database_url: str) -> Iterator[Bots]:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    started = Bots(workdir, database_url)
    try:
        yield started
    finally:
        started.kill_all()


@pytest.fixture
def db(database_url: str) -> Iterator[Db]:
    handle = Db(database_url)
    yield handle
    handle.close()


# --- driving the bot ----------------------------------------------------------------------------------


async def send(bot: BotProcess, activity: dict[str, Any]) -> int:
    async with (
        aiohttp.ClientSession(timeout=REQUEST_TIMEOUT) as session,
        session.post(f"{bot.url}/api/messages", json=activity) as response,
    ):
        return response.status


def in_channel(words: str, connector: FakeConnector) -> dict[str, Any]:
    return activities.channel_mention(words, service_url=connector.url)


def replies_to(connector: FakeConnector, activity: dict[str, Any]) -> list[str]:
    """The texts of the bot's answers to one activity (a reply's path ends with the activity's id)."""
    return [
        p.body.get("text") or json.dumps(p.body.get("attachments"), ensure_ascii=False)
        for p in connector.posted
        if p.path.endswith(f"/activities/{activity['id']}")
    ]


async def command(bot: BotProcess, connector: FakeConnector, activity: dict[str, Any]) -> str:
    """Send one activity and return the bot's answer (it is sent before the HTTP request completes)."""
    status = await send(bot, activity)
    assert status in (200, 201), f"{activity.get('text')!r} got HTTP {status}:\n{bot.log()}"
    await eventually(lambda: bool(replies_to(connector, activity)), f"an answer to {activity.get('text')!r}")
    return replies_to(connector, activity)[-1]


def told_after(connector: FakeConnector, activity: dict[str, Any], before: int) -> list[str]:
    """What the bot sent into an activity's conversation on its own (not as a reply) since `before`."""
    return [
        p.body.get("text") or ""
        for p in connector.posted[before:]
        if p.conversation_id == activity["conversation"]["id"] and p.path.endswith("/activities")
    ]


async def post_now(bot: BotProcess, connector: FakeConnector, slot_id: int) -> str:
    """`posta N ja` (yes: it may be weeks ahead): answered at once, then the outcome is told in the same
    conversation; returns that."""
    activity = in_channel(f"posta {slot_id} ja", connector)
    before = len(connector.posted)
    assert await command(bot, connector, activity) == SV._("Posting #{id} …").format(id=slot_id)
    await eventually(lambda: bool(told_after(connector, activity, before)), f"the outcome of #{slot_id}")
    return told_after(connector, activity, before)[-1]


def make_admin_a_board_member(connector: FakeConnector) -> dict[str, Any]:
    """`roll styrelse @Megan Bowen` in the channel, with Teams' mention entity for Megan herself."""
    activity = in_channel(f"roll styrelse <at>{ADMIN_NAME}</at>", connector)
    activity["entities"].append(
        {
            "type": "mention",
            "text": f"<at>{ADMIN_NAME}</at>",
            "mentioned": {"id": ADMIN_TEAMS_ID, "name": ADMIN_NAME},
        }
    )
    return activity


async def eventually(
    condition: Callable[[], bool | Awaitable[bool]], what: str, within: float = WAIT, bots: Bots | None = None
) -> None:
    deadline = time.monotonic() + within
    while True:
        result = condition()
        if not isinstance(result, bool):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            logs = f"\n{bots.logs()}" if bots is not None else ""
            raise AssertionError(f"timed out after {within:.0f} s waiting for {what}{logs}")
        await asyncio.sleep(0.05)


async def has_status(db: Db, slot_id: int, status: SlotStatus) -> bool:
    return await db.status(slot_id) == status.value


@dataclass(frozen=True)
class Slot:
    id: int
    text: str


async def set_up(bot: BotProcess, connector: FakeConnector, db: Db) -> Slot:
    """Install, chat once in personal chat, become a board member, set up a schedule, write slot one."""
    status = await send(bot, activities.installed_in_team(service_url=connector.url))
    assert status in (200, 201)
    await command(bot, connector, activities.personal_message("hjälp", service_url=connector.url))
    answer = await command(bot, connector, make_admin_a_board_member(connector))
    assert ADMIN_NAME in answer, answer
    await command(bot, connector, in_channel("schema 1 och 15 kl 18", connector))
    slot_id = await db.first_planned_slot()
    prompt = f"Fault injection {uuid.uuid4().hex}: what should we ask the region for?"
    answer = await command(bot, connector, in_channel(f"skriv {slot_id} {prompt}", connector))
    assert SV._("Saved the text for #{id}; it will be posted at its time.").format(id=slot_id) in answer
    return Slot(slot_id, prompt)


def threads_with(connector: FakeConnector, prompt: str) -> list[str]:
    """The new channel threads (create conversation) that carry this prompt."""
    return [
        created.conversation_id
        for created in connector.created
        if prompt in json.dumps(created.parameters, ensure_ascii=False)
    ]


def notices(connector: FakeConnector) -> list[str]:
    """Proactive messages in Megan's personal chat (not replies: those name the activity they answer)."""
    return [
        p.body.get("text") or ""
        for p in connector.posted
        if p.path == f"/v3/conversations/{PERSONAL_CHAT}/activities"
    ]


def may_be_missing(slot_id: int) -> str:
    return SV._(
        "The prompt for #{id} may be missing: I stopped while posting it. "
        "Please check the channel; I will not post it again."
    ).format(id=slot_id)


def posted_answer(slot_id: int) -> str:
    return SV._("#{id} is posted.").format(id=slot_id)


def not_posted_answer(slot_id: int) -> str:
    return SV._("#{id} was not posted: it is already posted, skipped or paused.").format(id=slot_id)


def uncertain_answer(slot_id: int) -> str:
    return SV._(
        "#{id} may have been posted, but Teams did not confirm it; please check the channel. "
        "I will not post it again."
    ).format(id=slot_id)


async def post_now_in_background(
    bot: BotProcess, connector: FakeConnector, slot_id: int
) -> asyncio.Task[int]:
    """`posta N`, sent without waiting for anything (the Connector may hold the post); returns its task."""
    return asyncio.create_task(send(bot, in_channel(f"posta {slot_id} ja", connector)))


async def abandon(task: asyncio.Task[int]) -> None:
    """The request to a killed server fails; that is expected."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, aiohttp.ClientError, asyncio.TimeoutError):
        await task


async def posting_again_is_refused(bot: BotProcess, connector: FakeConnector, slot: Slot) -> None:
    answer = await post_now(bot, connector, slot.id)
    assert answer == not_posted_answer(slot.id), answer


# --- the tests ----------------------------------------------------------------------------------------


async def test_killed_between_claim_and_send_is_never_sent_and_the_board_is_told(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.create_mode = CreateMode.HANG_BEFORE_RECORDING

    request = await post_now_in_background(bot, connector, slot.id)
    await eventually(lambda: has_status(db, slot.id, SlotStatus.POSTING), "the claim", bots=bots)
    await eventually(lambda: connector.held == 1, "the create request to reach the Connector", bots=bots)
    bot.kill()
    await abandon(request)

    connector.create_mode = CreateMode.ANSWER
    notices_before = len(notices(connector))
    # Restarted at once, as a container is: same host, and in the image the same pid. The claim is still
    # within its lease at start-up; the running server sees it lapse.
    restarted = await bots.start("restarted")

    await eventually(lambda: has_status(db, slot.id, SlotStatus.UNCERTAIN), "the lapsed claim", bots=bots)
    assert await db.outcome(slot.id) == "uncertain"
    await eventually(lambda: may_be_missing(slot.id) in notices(connector)[notices_before:], "the notice")
    assert notices(connector).count(may_be_missing(slot.id)) == 1
    await posting_again_is_refused(restarted, connector, slot)
    assert connector.created == []
    assert connector.create_requests == 1  # only the one the dead process sent, never answered


async def test_killed_after_the_connector_took_it_is_posted_exactly_once(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.create_mode = CreateMode.HANG_AFTER_RECORDING

    request = await post_now_in_background(bot, connector, slot.id)
    await eventually(lambda: len(threads_with(connector, slot.text)) == 1, "the thread", bots=bots)
    assert await db.status(slot.id) == SlotStatus.POSTING.value
    bot.kill()
    await abandon(request)
    await db.lapse_claim(slot.id)  # down for longer than the lease: start-up settles it

    connector.create_mode = CreateMode.ANSWER
    restarted = await bots.start("restarted")

    assert await db.status(slot.id) == SlotStatus.UNCERTAIN.value
    await eventually(lambda: may_be_missing(slot.id) in notices(connector), "the notice")
    assert notices(connector).count(may_be_missing(slot.id)) == 1, "the board was told more than once"
    await posting_again_is_refused(restarted, connector, slot)
    assert len(threads_with(connector, slot.text)) == 1
    assert connector.create_requests == 1


async def test_killed_after_confirming_is_not_posted_again(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)

    answer = await post_now(bot, connector, slot.id)
    assert answer == posted_answer(slot.id)
    [thread] = threads_with(connector, slot.text)
    bot.kill()

    restarted = await bots.start("restarted")

    await posting_again_is_refused(restarted, connector, slot)
    assert threads_with(connector, slot.text) == [thread]
    assert connector.create_requests == 1
    assert await db.status(slot.id) == SlotStatus.POSTED.value
    assert await db.outcome(slot.id) == "sent"
    assert await db.message_id(slot.id) == connector.created[0].activity_id
    assert may_be_missing(slot.id) not in notices(connector)


@contextlib.contextmanager
def sqlite_write_lock(db: Db) -> Iterator[None]:
    """Hold the SQLite database's write lock (readers go on; writers wait on their busy timeout)."""
    assert db.database.is_sqlite
    connection = sqlite3.connect(make_url(db.database.url).database or "", isolation_level=None, timeout=10)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield
        connection.execute("ROLLBACK")
    finally:
        connection.close()


async def test_two_processes_recovering_at_once_tell_the_board_once(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.create_mode = CreateMode.HANG_BEFORE_RECORDING
    request = await post_now_in_background(bot, connector, slot.id)
    await eventually(lambda: connector.held == 1, "the create request to reach the Connector", bots=bots)
    bot.kill()
    await abandon(request)
    await db.lapse_claim(slot.id)
    connector.create_mode = CreateMode.ANSWER

    # Hold SQLite's write lock while both start: each reads the open claims, then queues for the lock to
    # settle the claim, so both have seen it before either has settled it.
    with sqlite_write_lock(db):
        both = [bots.spawn("first"), bots.spawn("second")]
        await eventually(
            lambda: all(RECOVERY_STARTS in p.log() for p in both), "both to start recovering", bots=bots
        )
        await asyncio.sleep(0.3)  # reading the claims takes milliseconds; the busy timeout is 10 s
    assert all([await bots.healthy(p) for p in both]), bots.logs()

    assert await db.status(slot.id) == SlotStatus.UNCERTAIN.value
    assert notices(connector).count(may_be_missing(slot.id)) == 1, "the board was told more than once"
    assert connector.created == []


@pytest.fixture(params=["sqlite", "postgresql"])
def race_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Like tests/db/conftest.py: a fresh SQLite file, or the session's PostgreSQL database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'race.db'}"
    from tests.postgres import reset_schema

    url = str(request.getfixturevalue("postgres_url"))  # skipped (or failed under CI) without PostgreSQL
    reset_schema(url)
    return url


async def test_two_processes_racing_for_one_slot_post_it_once(
    race_database_url: str, tmp_path: Path, connector: FakeConnector
) -> None:
    workdir = tmp_path / "race"
    workdir.mkdir()
    bots = Bots(workdir, race_database_url)
    db = Db(race_database_url)
    try:
        first = await bots.start("first")
        slot = await set_up(first, connector, db)
        second = await bots.start("second")

        posts = [in_channel(f"posta {slot.id} ja", connector) for _ in range(2)]
        before = len(connector.posted)
        statuses = await asyncio.gather(send(first, posts[0]), send(second, posts[1]))

        assert all(status in (200, 201) for status in statuses), statuses
        both = "both outcomes"
        await eventually(lambda: len(told_after(connector, posts[0], before)) == 2, both, bots=bots)
        answers = sorted(told_after(connector, posts[0], before))
        assert answers == sorted([posted_answer(slot.id), not_posted_answer(slot.id)]), answers
        assert len(threads_with(connector, slot.text)) == 1
        assert connector.create_requests == 1
        assert await db.status(slot.id) == SlotStatus.POSTED.value
    finally:
        bots.kill_all()
        db.close()


async def test_throttling_and_an_outage_are_retried_and_posted_once(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.failing_path = "/v3/conversations"  # the new thread's requests, not the answers in chat
    connector.failures.extend([(429, {"Retry-After": "1"}), (503, {})])
    start = len(connector.received)

    answer = await post_now(bot, connector, slot.id)

    assert answer == posted_answer(slot.id)
    attempts = [r for r in connector.received[start:] if r.path == "/v3/conversations"]
    assert [r.status for r in attempts] == [429, 503, 201]
    assert attempts[1].at is not None and attempts[0].at is not None
    assert attempts[1].at - attempts[0].at >= 1.0  # Retry-After was honoured
    assert len(threads_with(connector, slot.text)) == 1
    assert await db.status(slot.id) == SlotStatus.POSTED.value
    assert await db.outcome(slot.id) == "sent"


async def test_after_downtime_a_slot_within_grace_is_posted_late_and_one_past_it_is_missed(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    await set_up(bot, connector, db)
    bot.kill()

    # While no server runs: one slot was due an hour ago, one seven hours ago (the grace is six hours).
    now = datetime.now(UTC)
    schedule_id, writer = await db.schedule_id(), await db.admin_person_id()
    late, too_late = now - timedelta(hours=1), now - timedelta(hours=7)
    await asyncio.to_thread(
        db.prompts.add_slots,
        schedule_id,
        [(late, SlotStatus.PLANNED), (too_late, SlotStatus.PLANNED)],
        now=now,
    )
    ids = {
        due: int(
            await db.scalar(
                "SELECT id FROM occurrence WHERE schedule_id = :s AND status = 'planned'"
                " ORDER BY due_at LIMIT 1 OFFSET :n",
                s=schedule_id,
                n=n,
            )
        )
        for n, due in enumerate((too_late, late))
    }
    texts = {due: f"Late start {uuid.uuid4().hex}" for due in ids}
    for due, slot_id in ids.items():
        await asyncio.to_thread(db.prompts.set_text, slot_id, texts[due], by=writer, now=now)
    created_before = len(connector.created)

    await bots.start("restarted")  # healthy only once start-up recovery has run

    assert await db.status(ids[late]) == SlotStatus.POSTED.value
    assert await db.status(ids[too_late]) == SlotStatus.MISSED.value
    assert len(threads_with(connector, texts[late])) == 1
    assert threads_with(connector, texts[too_late]) == []
    assert len(connector.created) == created_before + 1
    missed = SV._(
        "I was not running when #{id} was due ({when}) and it is now too late, so it was skipped."
    ).split("{when}")[0]
    await eventually(
        lambda: any(n.startswith(missed.format(id=ids[too_late])) for n in notices(connector)),
        "the notice of the missed slot",
    )
    assert not any(n.startswith(missed.format(id=ids[late])) for n in notices(connector))


async def test_a_connection_lost_after_the_connector_took_it_is_not_sent_again(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.create_mode = CreateMode.DROP_AFTER_RECORDING

    answer = await post_now(bot, connector, slot.id)

    assert answer == uncertain_answer(slot.id), answer
    assert len(threads_with(connector, slot.text)) == 1, "the notifier sent the new thread again"
    assert connector.create_requests == 1
    assert await db.status(slot.id) == SlotStatus.UNCERTAIN.value
    broke = SV._(
        "The prompt for #{id} may be missing: I sent it, but could not tell whether Teams took it. "
        "Please check the channel; I will not post it again."
    ).format(id=slot.id)
    await eventually(lambda: broke in notices(connector), "the notice")
