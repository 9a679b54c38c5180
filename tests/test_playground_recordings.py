"""Activities recorded from the Microsoft 365 Agents Playground, replayed against the real server.

The recordings (tests/fixtures/playground/) are exactly what the Playground POSTed to a bot; only their
serviceUrl is pointed at the in-process fake Bot Connector.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from tests.conftest import fixed_clock
from tests.fakes.connector import FakeConnector

RECORDINGS = Path(__file__).parent / "fixtures" / "playground"


def recording(name: str, service_url: str) -> dict[str, Any]:
    activity = json.loads((RECORDINGS / f"{name}.json").read_text(encoding="utf-8"))
    activity["serviceUrl"] = service_url
    return activity


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


async def replay(client: TestClient, connector: FakeConnector, *names: str) -> None:
    for name in names:
        response = await client.post("/api/messages", json=recording(name, connector.url))
        assert response.status in (200, 201), name


async def test_opening_personal_chat_stores_it_and_welcomes_once(
    client: TestClient, connector: FakeConnector
) -> None:
    await replay(client, connector, "personal_install", "personal_conversation_update")
    [welcome] = await connector.wait_for(1)
    assert "Skriv hjälp" in welcome.body["text"]  # a conversationUpdate has no locale: the default, sv
    [conversation] = client.app[COMPONENTS].repository.conversations()
    assert conversation.kind == "personal"


async def test_goals_in_personal_chat(client: TestClient, connector: FakeConnector) -> None:
    await replay(client, connector, "personal_message")
    [reply] = await connector.wait_for(1)
    assert "Zetkin" in json.dumps(reply.body["attachments"][0]["content"], ensure_ascii=False)


@pytest.mark.parametrize(
    "name", ["channel_mention_message", "channel_thread_reply_mention", "group_mention_message"]
)
async def test_mentions_in_channels_and_group_chats_are_answered(
    client: TestClient, connector: FakeConnector, name: str
) -> None:
    activity = recording(name, connector.url)
    await replay(client, connector, name)
    [reply] = await connector.wait_for(1)
    assert reply.conversation_id == activity["conversation"]["id"]
    assert reply.body["attachments"] or reply.body["text"]


async def test_a_mention_of_someone_else_stays_in_the_text(
    client: TestClient, connector: FakeConnector
) -> None:
    await replay(client, connector, "channel_mention_bot_and_user")
    [reply] = await connector.wait_for(1)
    # "ansvarig @Megan Bowen" names someone responsible: the board's to do, so this member is told who can.
    assert reply.body["text"].startswith("Det kan bara styrelsen och administratörer göra")  # sv command


@pytest.mark.parametrize("name", ["channel_install", "group_install", "channel_conversation_update"])
async def test_installs_store_a_reference(client: TestClient, connector: FakeConnector, name: str) -> None:
    await replay(client, connector, name)
    [conversation] = client.app[COMPONENTS].repository.conversations()
    assert conversation.reference["serviceUrl"] == connector.url


async def test_a_card_submit_without_a_command_gets_a_hint(
    client: TestClient, connector: FakeConnector
) -> None:
    await replay(client, connector, "personal_card_submit")
    [reply] = await connector.wait_for(1)
    assert reply.body["text"] == "Write help to see what I can do."
