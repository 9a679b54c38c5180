"""The real server over HTTP: Teams-shaped activities in, replies read from a fake Bot Connector."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.engine import make_url

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.sdk import RetryingTurn
from tests.conftest import fixed_clock
from tests.fakes import activities
from tests.fakes.connector import FakeConnector


async def _client(settings: Settings) -> TestClient:
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[TestClient]:
    client = await _client(settings)
    yield client
    await client.close()


async def _no_wait(_: float) -> None:
    pass


async def post(client: TestClient, activity: dict[str, Any]) -> int:
    response = await client.post("/api/messages", json=activity)
    return response.status


async def test_healthz_answers_when_the_database_does(client: TestClient) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


async def test_healthz_answers_503_once_the_database_file_is_replaced(
    client: TestClient, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    assert (await client.get("/healthz")).status == 200
    path = Path(make_url(settings.database_url).database or "")
    path.with_name("new.db").write_bytes(b"")
    os.replace(path.with_name("new.db"), path)
    response = await client.get("/healthz")
    assert response.status == 503
    assert await response.json() == {"status": "database unavailable"}
    assert "was replaced while the bot was running" in caplog.text


async def test_a_personal_message_is_answered_through_the_connector(
    client: TestClient, connector: FakeConnector
) -> None:
    assert await post(client, activities.personal_message("mål", service_url=connector.url)) in (200, 201)
    [reply] = await connector.wait_for(1)
    assert reply.conversation_id == "a:personal-megan"
    assert reply.path.startswith("/v3/conversations/a:personal-megan/activities/activity-")
    card = reply.body["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert "Zetkin" in str(card["content"])
    assert reply.authorization is None  # no app id: local development, nothing to sign with


async def test_a_channel_post_that_mentions_the_bot_is_answered_in_the_thread(
    client: TestClient, connector: FakeConnector
) -> None:
    activity = activities.channel_mention("mål 6", service_url=connector.url)
    assert await post(client, activity) in (200, 201)
    [reply] = await connector.wait_for(1)
    assert reply.conversation_id == activity["conversation"]["id"]
    assert "Mål 6" in str(reply.body["attachments"][0]["content"])


async def test_an_english_teams_client_gets_english(client: TestClient, connector: FakeConnector) -> None:
    await post(client, activities.personal_message("help", service_url=connector.url, locale="en-US"))
    [reply] = await connector.wait_for(1)
    assert "This is what I can do" in str(reply.body["attachments"][0]["content"])


async def test_installing_the_bot_in_a_team_stores_where_it_can_post(
    client: TestClient, connector: FakeConnector
) -> None:
    assert await post(client, activities.installed_in_team(service_url=connector.url)) in (200, 201)
    [conversation] = client.app[COMPONENTS].repository.conversations()
    assert conversation.kind == "channel" and conversation.team_id == "19:general@thread.tacv2"
    assert conversation.reference["serviceUrl"] == connector.url


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[]", "application/json", 400),
        (b'{"type": "message"}', "application/json", 400),
        (b'{"type": "message", "text": "hej"}', "text/plain", 415),
        (b"", "application/json", 400),
    ],
)
async def test_broken_requests_get_a_clear_4xx_and_no_reply(
    client: TestClient, connector: FakeConnector, body: bytes, content_type: str, status: int
) -> None:
    response = await client.post("/api/messages", data=body, headers={"Content-Type": content_type})
    assert response.status == status
    assert "error" in await response.json()
    assert connector.posted == []


@pytest.mark.parametrize(
    "changes",
    [
        {"entities": "not a list"},
        {"entities": ["not an entity"]},
        {"entities": 5},
        {"from": "29:user-megan"},
        {"from": ["29:user-megan"]},
        {"recipient": 5},
        {"attachments": "a file"},
        {"attachments": [1]},
        {"timestamp": "yesterday"},
        {"timestamp": 1700000000},
        {"membersAdded": "28:bot-app-id"},
        {"membersAdded": {"id": "28:bot-app-id"}},
        {"membersAdded": ["28:bot-app-id"]},
        {"conversation": {"id": "a:personal-megan", "isGroup": "maybe"}},
    ],
    ids=lambda changes: next(iter(changes)) + ":" + type(next(iter(changes.values()))).__name__,
)
async def test_an_activity_with_a_field_of_the_wrong_type_gets_400_and_no_reply(
    client: TestClient, connector: FakeConnector, changes: dict[str, Any]
) -> None:
    activity = {**activities.personal_message("hjälp", service_url=connector.url), **changes}
    response = await client.post(
        "/api/messages", data=json.dumps(activity), headers={"Content-Type": "application/json"}
    )
    assert response.status == 400
    assert "error" in await response.json()
    assert connector.received == []


@pytest.mark.parametrize("field", ["value", "channelData", "entities", "conversation"])
async def test_json_nested_too_deeply_to_read_gets_400(
    client: TestClient, connector: FakeConnector, field: str
) -> None:
    activity = activities.personal_message("hjälp", service_url=connector.url)
    activity.pop(field, None)
    deep = "[" * 5000 + "]" * 5000 if field == "entities" else '{"a":' * 5000 + "1" + "}" * 5000
    body = json.dumps(activity)[:-1] + f', "{field}": {deep}}}'
    response = await client.post("/api/messages", data=body, headers={"Content-Type": "application/json"})
    assert response.status == 400
    assert connector.received == []


@pytest.mark.parametrize("field", ["value", "channelData", "conversation"])
async def test_deep_json_that_can_be_read_gets_no_5xx(
    client: TestClient, connector: FakeConnector, field: str
) -> None:
    # Just under what Python's JSON reader takes: the SDK reads it; whatever the turn makes of it, the
    # request is not answered with a server error.
    activity = activities.personal_message("hjälp", service_url=connector.url)
    deep = '{"a":' * 980 + "1" + "}" * 980
    if field == "conversation":
        body = json.dumps(activity).replace('"conversationType"', f'"deep": {deep}, "conversationType"')
    else:
        activity.pop(field, None)
        body = json.dumps(activity)[:-1] + f', "{field}": {deep}}}'
    response = await client.post("/api/messages", data=body, headers={"Content-Type": "application/json"})
    assert response.status < 500


async def test_a_body_over_the_limit_is_refused_with_413(
    client: TestClient, connector: FakeConnector
) -> None:
    activity = activities.personal_message("x" * 300_000, service_url=connector.url)
    assert await post(client, activity) == 413
    assert connector.posted == []


async def test_with_credentials_a_request_without_a_token_gets_401(
    settings: Settings, connector: FakeConnector
) -> None:
    secured = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=settings.database_url,
        MicrosoftAppId="00000000-0000-0000-0000-00000000b07a",
        MicrosoftAppPassword="secret",
        MicrosoftAppTenantId="00000000-0000-0000-0000-0000000000aa",
    )
    client = await _client(secured)
    try:
        activity = activities.personal_message("mål", service_url=connector.url)
        assert await post(client, activity) == 401
        response = await client.post(
            "/api/messages", json=activity, headers={"Authorization": "Bearer not-a-real-token"}
        )
        assert response.status == 401
    finally:
        await client.close()
    assert connector.posted == []


async def test_activities_from_other_tenants_are_ignored_and_logged(
    settings: Settings, connector: FakeConnector, caplog: pytest.LogCaptureFixture
) -> None:
    restricted = settings.model_copy(update={"allowed_tenants": ["our-tenant"]})
    client = await _client(restricted)
    try:
        foreign = activities.personal_message("mål", service_url=connector.url)  # tenant "tenant-1"
        assert await post(client, foreign) in (200, 201)
        assert connector.posted == []
        assert client.app[COMPONENTS].repository.conversations() == []
        assert "ignoring a message activity from tenant tenant-1" in caplog.text

        ours = activities.personal_message("mål", service_url=connector.url)
        ours["conversation"]["tenantId"] = ours["channelData"]["tenant"]["id"] = "our-tenant"
        assert await post(client, ours) in (200, 201)
        await connector.wait_for(1)
    finally:
        await client.close()


@pytest.mark.parametrize(
    ("status", "content_type"), [(503, "text/plain; charset=utf-8"), (502, "text/html"), (504, "text/html")]
)
async def test_a_reply_refused_with_a_page_is_logged_as_the_connectors_failure(
    client: TestClient,
    connector: FakeConnector,
    caplog: pytest.LogCaptureFixture,
    status: int,
    content_type: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A gateway's answer that is not JSON still raises the Connector's error with its status (the SDK
    # adapters), so it is retried (bot/sdk, RetryingTurn); when every attempt meets it, the turn's
    # error handling logs it and sends nothing more (an apology would meet the same).
    monkeypatch.setattr(RetryingTurn, "sleep", staticmethod(_no_wait))
    attempts = RetryingTurn.retry.attempts
    connector.failures.extend([(status, {"Content-Type": content_type})] * attempts)
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert connector.statuses() == [status] * attempts  # the reply, retried; no apology
    assert connector.posted == []
    assert "could not reply through the Bot Connector" in caplog.text
    assert f"the Bot Connector answered {status}" in caplog.text
    assert "unhandled error in a turn" not in caplog.text


async def test_a_reply_taken_with_an_unreadable_answer_is_not_followed_by_an_apology(
    client: TestClient, connector: FakeConnector, caplog: pytest.LogCaptureFixture
) -> None:
    # The Connector took the reply (a 2xx), but a proxy's page replaced its answer: the SDK cannot read it.
    connector.failures.append((200, {"Content-Type": "text/html"}))
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert connector.statuses() == [200]
    assert len(connector.posted) == 1  # the reply, and nothing after it
    assert "the Bot Connector took a reply but its answer could not be read" in caplog.text
    assert "unhandled error in a turn" not in caplog.text
