"""The fault suite: the real server process (`python -m bot`) against hostile requests and a flaky Teams.

One server (tests/fakes/processes.py) and the in-process fake Bot Connector (tests/fakes/connector.py),
driven through each fault in turn: hostile bodies, a forged log line, a turn's reply answered 429/503,
500, dropped or held past the turn's deadline, and a scheduled post answered 500, 429/503, or dropped
after Teams took it; last, the database file replaced under the server. Each fault's row counts the
requests the Connector saw (tries), those it failed, what arrived, what the bot would not send again
because it may have arrived, and what was lost (the user got nothing; the bot logged it).
The table is printed at the end, and the expected rows are asserted.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import make_url

from bot.services.prompting import SlotStatus
from tests.fakes import activities
from tests.fakes.connector import DROP, HANG, CreateMode, FakeConnector, Received
from tests.fakes.processes import (
    REQUEST_TIMEOUT,
    BotProcess,
    Bots,
    Db,
    eventually,
    post_now,
    posted_answer,
    send,
    set_up,
    uncertain_answer,
)
from tests.test_hostile import hostile_bodies

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not hasattr(os, "killpg"),
    reason="needs SIGKILL and process groups (POSIX)",
)

HOSTILE_ROUNDS = 20
# Requests in the real process's memory check (test_hostile.py measures growth per request with tracemalloc).
HOSTILE_LOAD = 20_000


@dataclass
class Row:
    fault: str
    tries: int
    failed: int
    arrived: int
    not_resent: int  # may have arrived: never sent again
    lost: int  # certainly not arrived, and not tried again: logged

    def cells(self) -> list[str]:
        return [
            self.fault,
            *(str(n) for n in (self.tries, self.failed, self.arrived, self.not_resent, self.lost)),
        ]


def table(rows: list[Row]) -> str:
    head = ["fault", "tries", "failed", "arrived", "not resent", "lost"]
    lines = [head, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = [" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in lines]
    out.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(out)


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector(clock=time.monotonic).start()
    yield fake
    await fake.close()


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bot.db'}"


@pytest.fixture
def bots(tmp_path: Path, database_url: str) -> Iterator[Bots]:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    started = Bots(workdir, database_url, env={"POST_RETRY_SECONDS": "0.3"})
    try:
        yield started
    finally:
        started.kill_all()


@pytest.fixture
def db(database_url: str) -> Iterator[Db]:
    handle = Db(database_url)
    yield handle
    handle.close()


def _to(connector: FakeConnector, start: int, suffix: str) -> list[Received]:
    return [r for r in connector.received[start:] if r.path.endswith(suffix)]


def _row(fault: str, seen: list[Received], *, not_resent: int = 0) -> Row:
    arrived = sum(1 for r in seen if 200 <= r.status < 300)
    return Row(
        fault, len(seen), len(seen) - arrived, arrived, not_resent, int(not arrived and not not_resent)
    )


def _rss(bot: BotProcess) -> int:
    """The server's resident set size in bytes (Linux /proc)."""
    for line in Path(f"/proc/{bot.popen.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


async def _flood(bot: BotProcess, bodies: list[bytes], count: int, senders: int = 16) -> int:
    """Send `count` requests cycling through `bodies` from `senders` connections; how many got a 4xx."""
    refused = 0
    headers = {"Content-Type": "application/json"}

    async def sender(session: aiohttp.ClientSession, start: int) -> None:
        nonlocal refused
        for index in range(start, count, senders):
            async with session.post(
                f"{bot.url}/api/messages", data=bodies[index % len(bodies)], headers=headers
            ) as response:
                await response.read()
                refused += 400 <= response.status < 500

    async with aiohttp.ClientSession(timeout=REQUEST_TIMEOUT) as session:
        await asyncio.gather(*(sender(session, start) for start in range(senders)))
    return refused


async def _reply_fault(
    bot: BotProcess, connector: FakeConnector, fault: str, failures: list[tuple[int, dict[str, str]]]
) -> Row:
    """A personal message whose reply meets `failures`; the row once the bot has finished the turn."""
    connector.failures.extend(failures)
    activity = activities.personal_message("hjälp", service_url=connector.url)
    start = len(connector.received)
    status = await send(bot, activity)  # the turn (and its reply's tries) is over when this returns
    assert status in (200, 201), bot.log()
    connector.failures.clear()
    return _row(fault, _to(connector, start, f"/activities/{activity['id']}"))


async def _post_fault(
    bot: BotProcess, connector: FakeConnector, db: Db, fault: str, slot_id: int, *, expected: str
) -> Row:
    start = len(connector.received)
    answer = await post_now(bot, connector, slot_id)
    assert answer == expected, f"{answer}\n{bot.log()}"
    connector.failures.clear()
    seen = _to(connector, start, "/v3/conversations")
    uncertain = await db.status(slot_id) == SlotStatus.UNCERTAIN.value
    return _row(fault, seen, not_resent=int(uncertain))


async def test_the_server_under_hostile_requests_and_a_flaky_connector(
    bots: Bots, connector: FakeConnector, db: Db, capsys: pytest.CaptureFixture[str]
) -> None:
    bot = await bots.start()
    first = await set_up(bot, connector, db)
    rows: list[Row] = []

    # Hostile bodies: each refused with a 4xx, nothing sent to the Connector, the server unharmed.
    statuses: list[int] = []
    before = len(connector.received)
    async with aiohttp.ClientSession(timeout=REQUEST_TIMEOUT) as session:
        for _ in range(HOSTILE_ROUNDS):
            for _kind, body in hostile_bodies(connector.url):
                async with session.post(
                    f"{bot.url}/api/messages", data=body, headers={"Content-Type": "application/json"}
                ) as response:
                    statuses.append(response.status)
        async with session.get(f"{bot.url}/healthz") as response:
            assert response.status == 200
    refused = sum(1 for status in statuses if 400 <= status < 500)
    rows.append(Row("hostile bodies (4xx expected)", len(statuses), len(statuses) - refused, 0, 0, 0))
    assert refused == len(statuses), sorted(set(statuses))
    assert len(connector.received) == before

    # Memory under hostile load: the server's resident size after HOSTILE_LOAD refused requests (mostly
    # broken and mistyped bodies, the kinds a parser could keep) is within a few MB of before.
    kinds = [body for _kind, body in hostile_bodies(connector.url)]
    rss_before = _rss(bot)
    refused = await _flood(bot, kinds, HOSTILE_LOAD)
    grown = _rss(bot) - rss_before
    rows.append(
        Row(f"hostile load, RSS +{grown / 2**20:.1f} MB", HOSTILE_LOAD, HOSTILE_LOAD - refused, 0, 0, 0)
    )
    assert refused == HOSTILE_LOAD
    assert grown < 8 * 2**20, f"grew {grown / 2**20:.1f} MB"

    # A forged log line: request data with a newline stays on its record's line.
    forged = activities.personal_message("hjälp", service_url=connector.url)
    forged["id"] = "1\n2026-01-01 00:00:00,000 WARNING bot.app: FORGED"
    assert await send(bot, forged) == 201
    await eventually(lambda: "FORGED" in bot.log(10**7), "the forged id in the log")
    assert not any(line.startswith("2026-01-01") for line in bot.log(10**7).splitlines())

    # A turn's reply.
    rows.append(await _reply_fault(bot, connector, "reply: 429, 503, then taken", [(429, {}), (503, {})]))
    rows.append(await _reply_fault(bot, connector, "reply: 500", [(500, {})]))
    rows.append(await _reply_fault(bot, connector, "reply: connection dropped", [(DROP, {})]))
    rows[-1].not_resent, rows[-1].lost = 1, 0  # sent, no answer: may have arrived
    rows.append(await _reply_fault(bot, connector, "reply: Connector hangs past the turn", [(HANG, {})]))
    connector.release()
    rows[-1].not_resent, rows[-1].lost = 1, 0

    # Scheduled posts (`posta N`, the path a slot takes at its time).
    connector.failing_path = "/v3/conversations"
    connector.failures.append((500, {}))
    rows.append(
        await _post_fault(
            bot, connector, db, "post: 500, later again", first.id, expected=posted_answer(first.id)
        )
    )
    second = await db.first_planned_slot()
    connector.failures.extend([(429, {"Retry-After": "0"}), (503, {})])
    rows.append(
        await _post_fault(bot, connector, db, "post: 429, 503", second, expected=posted_answer(second))
    )
    third = await db.first_planned_slot()
    connector.create_mode = CreateMode.DROP_AFTER_RECORDING
    rows.append(
        await _post_fault(
            bot, connector, db, "post: dropped after Teams took it", third, expected=uncertain_answer(third)
        )
    )
    connector.create_mode = CreateMode.ANSWER
    connector.failing_path = None

    with capsys.disabled():
        print("\n\nFault suite against `python -m bot`:\n" + table(rows) + "\n")

    log = bot.log(10**7)
    assert "Traceback" not in log, log
    expected = {
        "reply: 429, 503, then taken": (3, 2, 1, 0, 0),
        "reply: 500": (1, 1, 0, 0, 1),
        "reply: connection dropped": (1, 1, 0, 1, 0),
        "reply: Connector hangs past the turn": (1, 1, 0, 1, 0),
        "post: 500, later again": (2, 1, 1, 0, 0),
        "post: 429, 503": (3, 2, 1, 0, 0),
        "post: dropped after Teams took it": (1, 0, 1, 1, 0),  # taken, but the bot cannot know
    }
    got: dict[str, Any] = {r.fault: (r.tries, r.failed, r.arrived, r.not_resent, r.lost) for r in rows}
    for fault, counts in expected.items():
        assert got[fault] == counts, f"{fault}: {got[fault]} != {counts}\n{table(rows)}"

    # Last, as it leaves the server unable to write: the database file replaced under it.
    path = Path(make_url(bots.database_url).database or "")
    path.with_name("replacement.db").write_bytes(b"")
    os.replace(path.with_name("replacement.db"), path)
    async with aiohttp.ClientSession(timeout=REQUEST_TIMEOUT) as session:
        async with session.get(f"{bot.url}/healthz") as response:
            assert response.status == 503
    await eventually(lambda: "was replaced while the bot was running" in bot.log(10**7), "the reason logged")
