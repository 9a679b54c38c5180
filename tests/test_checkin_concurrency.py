"""50 chairs sending 20 check-ins each at once through the HTTP endpoint: every one stored exactly once.

The real app (create_app on a database file) and the in-process fake Bot Connector, once on SQLite (WAL,
BEGIN IMMEDIATE, busy timeout) and once on PostgreSQL (the advisory write lock), as tests/db does. Each chair
has a branch and a personal chat of their own; the 1000 messages are sent interleaved, 50 in flight.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func
from sqlmodel import col, select

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.db.models import Branch, CheckIn, Person
from bot.services.people import PersonInfo, Role
from tests.conftest import NOW, fixed_clock
from tests.fakes.activities import BOT_ID, BOT_NAME, TENANT
from tests.fakes.connector import FakeConnector
from tests.postgres import reset_schema

DISTRICT = "Vänsterpartiet Västernorrland"
CHAIRS = 50
PER_CHAIR = 20
IN_FLIGHT = 50


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(settings: Settings, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if request.param == "sqlite":
        return settings.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'concurrency.db'}"})
    url = str(request.getfixturevalue("postgres_url"))  # skipped (or, under CI, failed) without PostgreSQL
    reset_schema(url)
    return settings.model_copy(update={"database_url": url})


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()  # migrates and loads the sample plan (goal 6: a meeting per quarter)
    yield client
    await client.close()


def chair(number: int) -> PersonInfo:
    return PersonInfo(f"29:chair-{number:02d}", f"aad-chair-{number:02d}", f"Ordförande {number:02d}")


def report(number: int, meeting: int, service_url: str) -> dict[str, Any]:
    """Chair `number`'s `meeting`th check-in, as Teams sends a personal message."""
    person = chair(number)
    return {
        "type": "message",
        "id": f"1700000000{number:02d}{meeting:03d}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-22T10:00:00.000Z",
        "locale": "sv-SE",
        "from": {"id": person.teams_user_id, "name": person.name, "aadObjectId": person.aad_object_id},
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "conversation": {
            "id": f"a:personal-chair-{number:02d}",
            "conversationType": "personal",
            "tenantId": TENANT,
        },
        "channelData": {"tenant": {"id": TENANT}},
        "text": f"rapportera 3 1 möte {meeting} ja",  # goal 3 is every branch's; "ja": alike on purpose
    }


async def test_1000_check_ins_from_50_chairs_at_once_are_each_stored_once(
    client: TestClient, connector: FakeConnector
) -> None:
    components = client.app[COMPONENTS]
    for number in range(CHAIRS):
        components.people.grant(chair(number), DISTRICT, Role.CHAIR, branch=f"Förening {number:02d}", now=NOW)

    # Interleaved: every chair's first message, then every chair's second, ...
    messages = [report(n, m, connector.url) for m in range(1, PER_CHAIR + 1) for n in range(CHAIRS)]
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def send(activity: dict[str, Any]) -> int:
        async with gate:
            response = await client.post("/api/messages", json=activity)
            await response.read()
            return response.status

    started = time.monotonic()
    statuses = await asyncio.gather(*(send(activity) for activity in messages))
    replies = await connector.wait_for(CHAIRS * PER_CHAIR, within=60)
    elapsed = time.monotonic() - started
    print(f"\n{len(messages)} check-ins on {components.database.engine.dialect.name}: {elapsed:.1f} s")

    assert all(status in (200, 201) for status in statuses), Counter(statuses)
    assert all(status < 500 for status in connector.statuses())

    # Stored: 1000 rows, each (chair, meeting) once, each for the chair's own branch.
    with components.database.read() as session:
        assert session.exec(select(func.count()).select_from(CheckIn)).one() == CHAIRS * PER_CHAIR
        rows = session.exec(
            select(CheckIn.id, Person.aad_object_id, CheckIn.comment, Branch.name)
            .join(Person, col(Person.id) == col(CheckIn.reporter_id))
            .join(Branch, col(Branch.id) == col(CheckIn.branch_id))
        ).all()
    seen = Counter((aad, comment, branch) for _, aad, comment, branch in rows)
    expected = {
        (f"aad-chair-{n:02d}", f"möte {m}", f"Förening {n:02d}")
        for n in range(CHAIRS)
        for m in range(1, PER_CHAIR + 1)
    }
    assert set(seen) == expected and set(seen.values()) == {1}

    # Answered: every message once, in its chair's chat, each confirming a different stored row.
    assert len(replies) == CHAIRS * PER_CHAIR
    per_chat = Counter(reply.conversation_id for reply in replies)
    assert per_chat == {f"a:personal-chair-{n:02d}": PER_CHAIR for n in range(CHAIRS)}
    texts = [reply.body.get("text") or "" for reply in replies]
    assert all(text.startswith("Sparat #") for text in texts), [
        t for t in texts if not t.startswith("Sparat #")
    ]
    confirmed = [int(match[1]) for text in texts if (match := re.match(r"Sparat #(\d+)", text))]
    assert sorted(confirmed) == sorted(row_id for row_id, *_ in rows)
