"""The Agents SDK adapter's clients kept across turns (bot/sdk/agents.py, _Clients).

What a chair means: a reply comes as fast on the hundredth message as on the first, and never stops coming
because the bot kept using a token Microsoft no longer takes. So the connector client the SDK makes for a turn
(an aiohttp session, its connection and the token fixed in its headers) serves the next turns too, and is
made anew, with a new token, before that token expires.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import jwt
import pytest
from aiohttp.test_utils import TestClient, TestServer

pytest.importorskip("microsoft_agents.hosting.core", reason="the agents extra is not installed")

from microsoft_agents.activity import Activity  # noqa: E402
from microsoft_agents.hosting.core import ClaimsIdentity  # noqa: E402

from bot.app import create_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.sdk import agents  # noqa: E402
from tests.conftest import fixed_clock  # noqa: E402
from tests.fakes import activities  # noqa: E402
from tests.fakes.connector import FakeConnector  # noqa: E402

LIFETIME = 3600.0
IDENTITY = {"aud": "app-id", "appid": "app-id"}


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[TestClient]:
    """The real app on the Agents SDK, without credentials (local development)."""
    client = TestClient(
        TestServer(create_app(settings.model_copy(update={"bot_sdk": "agents"}), clock=fixed_clock))
    )
    await client.start_server()
    yield client
    await client.close()


@pytest.mark.parametrize(("first", "second"), [("hjälp", "mål"), ("help", "goals")])
async def test_two_turns_replies_come_on_one_connection(
    app: TestClient, connector: FakeConnector, first: str, second: str
) -> None:
    for text in (first, second):
        response = await app.post(
            "/api/messages", json=activities.personal_message(text, service_url=connector.url)
        )
        assert response.status in (200, 201)
    assert len(connector.posted) >= 2
    assert connector.connections() == 1


class Tokens:
    """A stand-in for Entra behind the SDK's token provider: a new token, valid LIFETIME from the clock's
    now, for every request (the SDK's factory asks once per client it makes)."""

    def __init__(self, clock: list[float], *, expires: bool = True) -> None:
        self.clock, self.issued, self.expires = clock, 0, expires

    def get_token_provider(self, claims_identity: Any, service_url: str) -> Tokens:
        return self

    async def get_access_token(
        self, resource_url: str, scopes: list[str], force_refresh: bool = False
    ) -> str:
        await asyncio.sleep(0)  # as MSAL's provider, which asks in a worker thread: other turns run meanwhile
        self.issued += 1
        now = self.clock[0]
        claims = {"iat": now, "exp": now + LIFETIME, "n": self.issued} if self.expires else {"n": self.issued}
        return jwt.encode(claims, "a stand-in secret of thirty-two bytes", algorithm="HS256")


async def send(client: Any, text: str) -> None:
    await client.conversations.send_to_conversation("a:personal-megan", Activity(type="message", text=text))


async def test_a_client_is_made_anew_before_its_token_expires(connector: FakeConnector) -> None:
    clock = [1_000_000.0]
    tokens = Tokens(clock)
    clients = agents._Clients(tokens, clock=lambda: clock[0])
    identity = ClaimsIdentity(IDENTITY, True)

    async def turn(text: str) -> Any:
        client = await clients.create_connector_client(
            None, identity, connector.url, agents.CONNECTOR_AUDIENCE
        )
        await send(client, text)
        await client.close()  # as the adapter does at the end of every turn
        return client

    first, second = await turn("1"), await turn("2")
    assert first.client is second.client and not first.client.closed
    assert (tokens.issued, connector.connections()) == (1, 1)

    # A turn still sending when the token nears its end keeps its client until it is done.
    clock[0] += LIFETIME - agents.RENEW_BEFORE - 1
    busy = await clients.create_connector_client(None, identity, connector.url, agents.CONNECTOR_AUDIENCE)
    clock[0] += 2
    third = await turn("3")
    assert third.client is not busy.client and tokens.issued == 2
    assert not busy.client.closed
    await send(busy, "still mine")
    await busy.close()
    assert busy.client.closed
    assert connector.connections() == 2
    authorizations = [posted.authorization for posted in connector.posted]
    assert authorizations[0] == authorizations[1] == authorizations[3] != authorizations[2]

    await clients.close()  # at shutdown
    assert third.client.closed


async def test_turns_at_once_each_send_though_every_client_is_made_anew(connector: FakeConnector) -> None:
    """A token that does not say when it expires is used for one turn: many turns at once, each replaced by
    the next, still all send, and every client ends closed."""
    tokens = Tokens([1_000_000.0], expires=False)
    clients = agents._Clients(tokens, clock=lambda: 1_000_000.0)
    identity = ClaimsIdentity(IDENTITY, True)

    async def turn(number: int) -> Any:
        client = await clients.create_connector_client(
            None, identity, connector.url, agents.CONNECTOR_AUDIENCE
        )
        await asyncio.sleep(0)
        await send(client, str(number))
        await client.close()
        return client

    made = await asyncio.gather(*(turn(n) for n in range(20)))
    assert len(connector.posted) == 20 and tokens.issued == 20
    await clients.close()
    assert all(client.client.closed for client in made)


async def test_the_user_token_client_is_kept_per_app_id(connector: FakeConnector) -> None:
    clock = [1_000_000.0]
    tokens = Tokens(clock)
    clients = agents._Clients(tokens, clock=lambda: clock[0])
    context: Any = type("Context", (), {"activity": Activity(type="message")})()
    made = [await clients.create_user_token_client(context, ClaimsIdentity(IDENTITY, True)) for _ in range(3)]
    assert tokens.issued == 1 and len({id(client.client) for client in made}) == 1
    other = await clients.create_user_token_client(context, ClaimsIdentity({"aud": "other-app"}, True))
    assert other.client is not made[0].client
    for client in [*made, other]:
        await client.close()
    await clients.close()
    assert made[0].client.closed and other.client.closed


async def test_the_least_recently_used_client_is_dropped_and_closed(
    connector: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(agents, "MAX_KEPT", 2)
    clients = agents._Clients(Tokens([1_000_000.0]), clock=lambda: 1_000_000.0)
    identity = ClaimsIdentity(IDENTITY, True)
    made = []
    for url in ("https://a.example/", "https://b.example/", "https://a.example/", "https://c.example/"):
        client = await clients.create_connector_client(None, identity, url, agents.CONNECTOR_AUDIENCE)
        await client.close()
        made.append(client)
    a, b, _, c = made
    assert len(clients.kept) == 2 and b.client.closed  # b was used least recently
    assert not a.client.closed and not c.client.closed
    await clients.close()
    assert a.client.closed and c.client.closed
