"""A turn's replies against the real app and the fake Bot Connector: retried on a passing failure, given up
at the turn's deadline (bot/sdk, RetryingTurn), on either SDK."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func
from sqlmodel import select

from bot.app import COMPONENTS, SDK, create_app
from bot.config import Settings
from bot.db.models import CheckIn
from bot.sdk import Message, Refused, RetryingTurn
from bot.services.people import PersonInfo, Role
from tests.conftest import NOW, fixed_clock
from tests.fakes import activities
from tests.fakes.connector import HANG, FakeConnector

DISTRICT = "Vänsterpartiet Västernorrland"
MEGAN = PersonInfo("29:user-megan", "aad-megan", "Megan Bowen")  # who tests/fakes/activities.py writes as


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


@pytest.fixture
def sleeps(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits between a reply's attempts, recorded instead of slept; jitter fixed at its middle."""
    waited: list[float] = []

    async def sleep(delay: float) -> None:
        waited.append(delay)

    monkeypatch.setattr(RetryingTurn, "sleep", staticmethod(sleep))
    monkeypatch.setattr(RetryingTurn, "random", staticmethod(lambda: 0.5))
    return waited


async def post(client: TestClient, activity: dict[str, Any]) -> int:
    response = await client.post("/api/messages", json=activity)
    await response.read()
    return response.status


def stored_checkins(client: TestClient) -> int:
    with client.app[COMPONENTS].database.read() as session:
        return int(session.exec(select(func.count()).select_from(CheckIn)).one())


async def test_a_check_in_whose_confirmation_first_gets_503_is_stored_once_and_the_confirmation_arrives(
    client: TestClient, connector: FakeConnector, sleeps: list[float]
) -> None:
    client.app[COMPONENTS].people.grant(MEGAN, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
    connector.failures.append((503, {}))
    message = activities.personal_message("rapportera 3 1 Zetkin i Sundsvall", service_url=connector.url)
    assert await post(client, message) in (200, 201)

    assert connector.statuses() == [503, 200]
    [confirmation] = connector.posted
    assert (confirmation.body.get("text") or "").startswith("Sparat #")
    assert stored_checkins(client) == 1
    assert len(sleeps) == 1 and 0.25 <= sleeps[0] <= 0.5  # equal jitter on the first 0.5 s step


@pytest.mark.parametrize("status", [412, 429, 502, 503, 504])
async def test_a_reply_that_meets_a_passing_failure_is_retried(
    client: TestClient, connector: FakeConnector, sleeps: list[float], status: int
) -> None:
    connector.failures.extend([(status, {}), (status, {})])
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert connector.statuses() == [status, status, 200]
    assert len(connector.posted) == 1
    assert sleeps == [0.375, 0.75]  # 0.5 s, then 1 s steps, half certain and half (here: half) at random


async def test_retry_after_is_honoured(
    client: TestClient, connector: FakeConnector, sleeps: list[float]
) -> None:
    connector.failures.append((429, {"Retry-After": "2"}))
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert connector.statuses() == [429, 200]
    assert len(sleeps) == 1 and 2.0 <= sleeps[0] <= 2.25


async def test_a_retry_after_beyond_the_turns_patience_is_not_waited_for(
    client: TestClient, connector: FakeConnector, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    connector.failures.append((429, {"Retry-After": "30"}))
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert connector.statuses() == [429]  # no retry, and no apology into the same throttle
    assert sleeps == []
    assert "could not reply through the Bot Connector" in caplog.text


@pytest.mark.parametrize("status", [400, 403, 404, 500])
async def test_other_refusals_are_not_retried(
    client: TestClient, connector: FakeConnector, sleeps: list[float], status: int
) -> None:
    connector.failures.append((status, {}))
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert connector.statuses() == [status]
    assert sleeps == []


async def test_retries_are_few_and_end_with_the_connectors_error_logged(
    client: TestClient, connector: FakeConnector, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    connector.failures.extend([(503, {})] * 10)
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert connector.statuses() == [503] * 4
    assert sum(sleeps) < 4  # bounded: well within the turn's deadline
    assert "could not reply through the Bot Connector" in caplog.text
    assert "unhandled error in a turn" not in caplog.text


async def test_a_hanging_connector_is_given_up_on_at_the_turns_deadline_and_the_log_says_so(
    client: TestClient,
    connector: FakeConnector,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(RetryingTurn, "deadline", 2.0)
    connector.failures.append((HANG, {}))
    started = time.monotonic()
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert time.monotonic() - started < 5  # the request was answered; Teams waits 10-15 s
    assert connector.posted == []
    # Nothing more was sent: the one request is still unanswered (botbuilder's, in a worker thread) or was
    # abandoned when the turn gave up (the Agents SDK's, on the event loop).
    assert len(connector.received) == 1 and connector.held <= 1
    assert "no answer from the Bot Connector in time; the user got nothing" in caplog.text
    assert "unhandled error in a turn" not in caplog.text
    connector.release()


async def test_proactive_sends_are_not_retried_by_the_adapter(
    client: TestClient, connector: FakeConnector
) -> None:
    # The notifier paces and retries those itself (tests/test_notifier.py); the adapter adds no attempts.
    connector.failures.append((503, {}))
    reference = {
        "serviceUrl": connector.url,
        "channelId": "msteams",
        "conversation": {"id": "a:personal-megan"},
        "bot": {"id": activities.BOT_ID},
    }
    with pytest.raises(Refused) as refused:
        await client.app[SDK].outbound.send(reference, Message("hej"))
    assert refused.value.status == 503
    assert connector.statuses() == [503]


async def test_a_gateways_error_page_is_retried_like_the_connectors_own_error(
    client: TestClient, connector: FakeConnector, sleeps: list[float]
) -> None:
    # The adapters read the page as the status it came with, so the retry rules apply to it too.
    connector.failures.append((502, {"Content-Type": "text/html"}))
    assert await post(client, activities.personal_message("hjälp", service_url=connector.url)) in (200, 201)
    assert connector.statuses() == [502, 200]
    assert len(connector.posted) == 1
