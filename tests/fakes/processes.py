"""Real server processes for tests: `python -m bot` started, driven over HTTP and killed, and its database
read from the test (tests/schedules/test_exactly_once_processes.py, tests/test_faults.py).

Each server runs as a subprocess in its own process group, in a scratch cwd so no .env is read, on a
SQLite file or the session's PostgreSQL database; the fake Bot Connector (tests/fakes/connector.py) runs
in the test's process on loopback. Every wait polls against a deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import text
from sqlmodel import select

from bot.db.engine import Database
from bot.db.models import PromptPost
from bot.db.prompts import PromptRepository
from bot.i18n import translator
from bot.services.prompting import SlotStatus
from tests.fakes import activities
from tests.fakes.connector import FakeConnector

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
    "post_retry_seconds",
    "claim_lease_seconds",
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
    env: dict[str, str] = field(default_factory=dict)  # more settings for every server started

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
            BOT_SDK=os.environ.get("TEST_BOT_SDK", "botbuilder"),  # pytest --bot-sdk (tests/conftest.py)
            PYTHONPATH=os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p),
        )
        env.update(self.env)
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
    answer = await command(bot, connector, activity)
    assert answer == SV._("Posting #{id} …").format(id=slot_id), answer
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
    """How the board's notice of a slot that may be missing begins: the slot, then its day, channel, turn."""
    said = SV._(
        "The prompt for {which} may be missing: I stopped while posting it. "
        "Please check the channel; I will not post it again."
    )
    return said.split("{which}")[0] + f"#{slot_id} ("


def told(notices: list[str], start: str) -> int:
    """How many of the notices begin so."""
    return sum(notice.startswith(start) for notice in notices)


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
    """`posta N ja`, sent without waiting for anything (the Connector may hold the post); returns its task."""
    return asyncio.create_task(send(bot, in_channel(f"posta {slot_id} ja", connector)))


async def abandon(task: asyncio.Task[int]) -> None:
    """The request to a killed server fails; that is expected."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, aiohttp.ClientError, asyncio.TimeoutError):
        await task


async def posting_again_is_refused(
    bot: BotProcess, connector: FakeConnector, slot: Slot, status: SlotStatus
) -> None:
    """`posta N ja` again is refused at once, saying why (nothing is tried in the background)."""
    answer = await command(bot, connector, in_channel(f"posta {slot.id} ja", connector))
    why = {
        SlotStatus.POSTED: "#{id} is already posted.",
        SlotStatus.UNCERTAIN: (
            "#{id} may have been posted, but Teams did not confirm it; I will not post it again."
        ),
    }[status]
    assert answer.startswith(SV._(why).format(id=slot.id)), answer
