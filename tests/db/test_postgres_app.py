"""The real server on PostgreSQL: DATABASE_URL points at it, a Teams message goes in, the answer comes out.

tests/test_http.py drives the same app on SQLite.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import text

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from tests.conftest import fixed_clock
from tests.fakes import activities
from tests.fakes.connector import FakeConnector
from tests.postgres import reset_schema


@pytest.fixture
async def client(
    postgres_url: str, clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[TestClient]:
    reset_schema(postgres_url)
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()  # creates the schema and loads the sample plan
    yield client
    await client.close()


async def test_a_personal_message_is_answered_from_postgresql(
    client: TestClient, connector: FakeConnector
) -> None:
    database = client.app[COMPONENTS].database
    assert database.engine.dialect.name == "postgresql"
    assert (await client.get("/healthz")).status == 200

    response = await client.post(
        "/api/messages", json=activities.personal_message("mål", service_url=connector.url)
    )
    assert response.status in (200, 201)
    [reply] = await connector.wait_for(1)
    assert reply.conversation_id == "a:personal-megan"
    card = reply.body["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert "Zetkin" in str(card["content"])

    # The turn was stored in PostgreSQL: who wrote, and where the bot can post to them later.
    with database.read() as session:
        stored = session.execute(
            text(
                "SELECT c.kind, p.name FROM conversation c JOIN person p ON p.id = c.person_id"
                " WHERE c.conversation_id = 'a:personal-megan'"
            )
        ).one()
    assert tuple(stored) == ("personal", "Megan Bowen")
