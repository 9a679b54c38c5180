"""bot/transport.py: the SDK's CloudAdapter with kept clients behaves as it does with the SDK's per-turn ones.

Most tests run the same activities through two adapters, `CloudAdapter.process` on each: the SDK's own
(`ConfigurationBotFrameworkAuthentication`, what bot/app.py used before) and the reusing one, against fake
Bot Connectors on loopback, and compare what reaches the Connector and what the bot sees.

With credentials, Microsoft is faked over real HTTP too: a server in a thread answers as
login.botframework.com (the OpenID metadata and signing keys incoming tokens are checked against) and as
login.microsoftonline.com (Entra's tenant discovery and token endpoint, for MSAL, which issues the bot's own
token), and requests to those two hosts are routed to it. Everything else, token validation and MSAL
included, is the real SDK.
"""

from __future__ import annotations

import asyncio
import copy
import datetime
import decimal
import itertools
import json
import re
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import jwt
import pytest
import requests
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from botbuilder.core import ActivityHandler, CardFactory, CloudAdapterBase, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import (
    ActionTypes,
    Activity,
    ActivityImportance,
    ActivityTypes,
    Attachment,
    CardAction,
    CardImage,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
    DeliveryModes,
    EndOfConversationCodes,
    Entity,
    ErrorResponseException,
    HeroCard,
    InputHints,
    Mention,
    RoleTypes,
    SemanticAction,
    TextHighlight,
)
from botframework.connector import models as connector_models
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import given, settings
from hypothesis import strategies as st
from jwt.algorithms import RSAAlgorithm
from msrest import Serializer
from msrest.exceptions import ClientRequestError
from msrest.universal_http import requests as msrest_requests
from requests.adapters import HTTPAdapter

from bot import cards, transport
from bot.app import SdkConfig, build
from bot.cards import Reply
from bot.config import Settings
from bot.notifier import Notifier
from bot.transport import (
    ActivitySerializer,
    BackgroundOpenIdMetadata,
    KeptTokenCredentials,
    ReusingBotFrameworkAuthentication,
    ShallowCopyCloudAdapter,
)
from tests.conftest import fixed_clock
from tests.fakes import activities
from tests.fakes.connector import DROP, FakeConnector
from tests.test_notifier import FakeTime

APP_ID = "00000000-0000-0000-0000-00000000b07a"
OTHER_APP_ID = "00000000-0000-0000-0000-0000000bad1d"
TENANT_ID = "00000000-0000-0000-0000-0000000000aa"
BOT_FRAMEWORK = "https://api.botframework.com"  # the issuer of channel tokens, and the replies' audience
LOGIN_BOT_FRAMEWORK = "login.botframework.com"
LOGIN_ENTRA = "login.microsoftonline.com"


# --- the two adapters and a bot -------------------------------------------------------------------


class EchoBot(ActivityHandler):
    """Answers a message with its text; notes which clients each turn was given."""

    def __init__(self) -> None:
        self.connector_clients: list[Any] = []
        self.user_token_clients: list[Any] = []

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        state = turn_context.turn_state
        self.connector_clients.append(state[turn_context.adapter.BOT_CONNECTOR_CLIENT_KEY])
        self.user_token_clients.append(state[CloudAdapterBase.USER_TOKEN_CLIENT_KEY])
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


@dataclass
class Served:
    """An adapter behind POST /api/messages, as `adapter.process(request, bot)`."""

    adapter: CloudAdapter
    client: TestClient
    turn_errors: list[Exception] = field(default_factory=list)

    @property
    def transport(self) -> ReusingBotFrameworkAuthentication:
        auth = self.adapter.bot_framework_authentication
        assert isinstance(auth, ReusingBotFrameworkAuthentication)
        return auth

    async def post(self, activity: dict[str, Any], authorization: str | None = None) -> int:
        headers = {"Authorization": authorization} if authorization is not None else {}
        response = await self.client.post("/api/messages", json=activity, headers=headers)
        await response.read()
        return response.status


def sdk_authentication(settings: Settings) -> ConfigurationBotFrameworkAuthentication:
    return ConfigurationBotFrameworkAuthentication(SdkConfig(settings))


def reusing_authentication(settings: Settings) -> ReusingBotFrameworkAuthentication:
    return ReusingBotFrameworkAuthentication(SdkConfig(settings))


KINDS = {"sdk": sdk_authentication, "reusing": reusing_authentication}


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., Any]]:
    """serve(kind, settings, bot) -> Served; everything is closed after the test."""
    started: list[Served] = []

    async def start(
        kind: str, settings: Settings, bot: ActivityHandler, *, record_errors: bool = True
    ) -> Served:
        # The SDK's adapter, or the one bot/app.py uses with the reusing authentication.
        adapter = (ShallowCopyCloudAdapter if kind == "reusing" else CloudAdapter)(KINDS[kind](settings))
        app = web.Application()

        async def messages(request: web.Request) -> web.StreamResponse:
            return await adapter.process(request, bot) or web.Response(status=201)

        app.router.add_post("/api/messages", messages)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        served = Served(adapter, client)
        if record_errors:

            async def on_turn_error(_: TurnContext, error: Exception) -> None:
                served.turn_errors.append(error)

            adapter.on_turn_error = on_turn_error
        started.append(served)
        return served

    yield start
    for served in started:
        await served.client.close()
        if isinstance(served.adapter.bot_framework_authentication, ReusingBotFrameworkAuthentication):
            await served.adapter.bot_framework_authentication.close()


@dataclass
class Seen:
    method: str
    path: str
    content_type: str | None
    user_agent: str | None
    authorization: str | None
    body: Any
    raw: bytes  # the body as sent, byte for byte


@dataclass
class Tap:
    """A Bot Connector that records whole requests (method, path, the headers that matter, body)."""

    seen: list[Seen] = field(default_factory=list)
    _server: TestServer | None = None
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def url(self) -> str:
        assert self._server is not None
        return str(self._server.make_url("/"))

    async def start(self, port: int | None = None) -> Tap:
        async def anything(request: web.Request) -> web.Response:
            raw = await request.read()
            self.seen.append(
                Seen(
                    request.method,
                    request.raw_path,  # as sent: percent-encoding included
                    request.headers.get("Content-Type"),
                    request.headers.get("User-Agent"),
                    request.headers.get("Authorization"),
                    json.loads(raw) if raw else None,
                    raw,
                )
            )
            return web.json_response({"id": f"reply-{next(self._ids)}"})

        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", anything)
        self._server = TestServer(app, host="127.0.0.1", port=port)
        await self._server.start_server()
        return self

    async def close(self) -> None:
        if self._server is not None:
            await self._server.close()


@pytest.fixture
async def tap() -> AsyncIterator[Tap]:
    recorder = await Tap().start()
    yield recorder
    await recorder.close()


def local(tmp_path: Path, name: str) -> Settings:
    """Local-development settings (no app id) on their own database."""
    return Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / name}.db")  # type: ignore[call-arg]


# --- the same replies -------------------------------------------------------------------------------


async def test_the_district_bot_gives_the_same_replies_through_either_adapter(
    serve: Callable[..., Any], tap: Tap, tmp_path: Path, clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = [
        activities.bot_added_to_personal_chat(service_url=tap.url),
        activities.personal_message("hjälp", service_url=tap.url),
        activities.personal_message("mål", service_url=tap.url),
        activities.personal_message("help", service_url=tap.url, locale="en-US"),
        activities.installed_in_team(service_url=tap.url),
        activities.channel_mention("mål 6", service_url=tap.url),
    ]
    outcomes: dict[str, tuple[list[int], list[Seen]]] = {}
    # Activity bodies serialized by msrest's own Serializer.body, per adapter.
    by_msrest: list[str] = []
    msrest_body = Serializer.body

    def counting(self: Serializer, data: Any, data_type: str, **kwargs: Any) -> Any:
        if data_type == "Activity":
            by_msrest.append(data_type)
        return msrest_body(self, data, data_type, **kwargs)

    monkeypatch.setattr(Serializer, "body", counting)
    msrest_bodies: dict[str, int] = {}
    for kind in KINDS:
        settings = local(tmp_path, kind)
        components = build(settings, clock=fixed_clock)
        await asyncio.to_thread(components.start)
        try:
            served = await serve(kind, settings, components.bot)
            tap.seen.clear()
            by_msrest.clear()
            statuses = [await served.post(activity) for activity in sent]
            outcomes[kind] = (statuses, list(tap.seen))
            msrest_bodies[kind] = len(by_msrest)
            assert served.turn_errors == []
        finally:
            components.stop()

    statuses, seen = outcomes["reusing"]
    assert (statuses, seen) == outcomes["sdk"]  # the bodies byte for byte, too
    # The SDK's adapter had msrest serialize every reply; the reusing one built them all itself.
    assert msrest_bodies == {"sdk": len(seen), "reusing": 0}
    assert len(seen) >= 4  # the messages were answered, not just accepted
    assert all(s.method == "POST" and s.authorization is None for s in seen)  # no app id: nothing signed
    assert all(s.content_type == "application/json; charset=utf-8" for s in seen)
    assert all("Microsoft-BotFramework/3.1 (BotBuilder Python/" in (s.user_agent or "") for s in seen)


# --- reuse ----------------------------------------------------------------------------------------


async def test_one_client_per_service_url_is_kept_across_turns(
    serve: Callable[..., Any], settings: Settings, connector: FakeConnector
) -> None:
    other = await FakeConnector().start()
    try:
        bot = EchoBot()
        served = await serve("reusing", settings, bot)
        for text in ("ett", "två", "tre"):
            assert await served.post(activities.personal_message(text, service_url=connector.url)) == 201
        for text in ("fyra", "fem"):
            assert await served.post(activities.personal_message(text, service_url=other.url)) == 201

        first, second = bot.connector_clients[0], bot.connector_clients[3]
        assert first is not second
        assert bot.connector_clients == [first, first, first, second, second]
        assert first.config.base_url == connector.url and second.config.base_url == other.url
        assert len(served.transport.turn_clients) == 2
        assert len({id(c) for c in bot.user_token_clients}) == 1
        # Each reply went to its own turn's Connector.
        assert connector.texts() == ["Echo: ett", "Echo: två", "Echo: tre"]
        assert other.texts() == ["Echo: fyra", "Echo: fem"]
    finally:
        await other.close()


async def test_a_turn_builds_no_client_and_no_retry_policy(
    serve: Callable[..., Any], settings: Settings, connector: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    original = msrest_requests.ClientRetryPolicy.__init__

    def counting(self: Any) -> None:
        built.append("ClientRetryPolicy")
        original(self)

    monkeypatch.setattr(msrest_requests.ClientRetryPolicy, "__init__", counting)
    per_turn: dict[str, float] = {}
    for kind in KINDS:
        served = await serve(kind, settings, EchoBot())
        assert await served.post(activities.personal_message("först", service_url=connector.url)) == 201
        built.clear()
        for n in range(5):
            assert await served.post(activities.personal_message(f"{n}", service_url=connector.url)) == 201
        per_turn[kind] = len(built) / 5

    assert per_turn["sdk"] >= 2  # a ConnectorClient and a TokenApiClient, every turn
    assert per_turn["reusing"] == 0


async def test_proactive_sends_reuse_their_client_too(
    settings: Settings, connector: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    transport_ = reusing_authentication(settings)
    notifier = Notifier(ShallowCopyCloudAdapter(transport_), settings.microsoft_app_id)
    built: list[object] = []
    original = msrest_requests.ClientRetryPolicy.__init__

    def counting(self: Any) -> None:
        built.append(self)
        original(self)

    monkeypatch.setattr(msrest_requests.ClientRetryPolicy, "__init__", counting)
    chat = _reference(connector)
    await notifier.send(chat, Reply("ett"))
    built.clear()
    await notifier.send(chat, Reply("två"))
    await notifier.send(chat, Reply("tre"))
    assert built == []
    assert connector.texts() == ["ett", "två", "tre"]
    assert len(transport_.proactive_clients) == 1
    await transport_.close()


# --- failures surface as before ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "headers"), [(429, {"Retry-After": "7"}), (503, {}), (502, {"Retry-After": "1"})]
)
async def test_a_refused_reply_raises_what_the_sdk_raises(
    serve: Callable[..., Any],
    settings: Settings,
    connector: FakeConnector,
    status: int,
    headers: dict[str, str],
) -> None:
    errors: dict[str, Exception] = {}
    for kind in KINDS:
        served = await serve(kind, settings, EchoBot())
        connector.failures.append((status, headers))
        assert await served.post(activities.personal_message("hej", service_url=connector.url)) == 201
        [errors[kind]] = served.turn_errors

    sdk, reusing = errors["sdk"], errors["reusing"]
    assert type(reusing) is type(sdk) is ErrorResponseException
    assert str(reusing) == str(sdk)
    assert reusing.response.status_code == sdk.response.status_code == status  # type: ignore[attr-defined]
    for name in ("Retry-After", "retry-after", "Content-Type"):
        assert reusing.response.headers.get(name) == sdk.response.headers.get(name)  # type: ignore[attr-defined]
    assert connector.statuses() == [status, status]  # once each: the SDK does not retry a reply


async def test_a_dropped_connection_is_not_sent_again(
    serve: Callable[..., Any], settings: Settings, connector: FakeConnector
) -> None:
    """The request may have arrived: like requests/urllib3 for a POST, no second try."""
    for kind in KINDS:
        served = await serve(kind, settings, EchoBot())
        connector.failures.append((DROP, {}))
        await served.post(activities.personal_message("hej", service_url=connector.url))
        [error] = served.turn_errors
        assert type(error) is ClientRequestError, kind
    assert connector.statuses() == [DROP, DROP]
    assert connector.posted == []


def test_the_waits_between_connection_attempts_are_msrests() -> None:
    # msrest's ClientRetryPolicy: urllib3 Retry(total=3, connect=3, backoff_factor=0.8).
    config = msrest_requests.RequestHTTPSenderConfiguration()
    assert transport._connect_delays(config) == [0.0, 1.6, 3.2]


async def test_a_connector_not_listening_yet_is_tried_again_like_requests_does(
    serve: Callable[..., Any], settings: Settings
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    late = Tap()
    served = await serve("reusing", settings, EchoBot())
    waits: list[float] = []

    async def sleep(delay: float) -> None:
        waits.append(delay)
        if late._server is None:  # the Connector comes up during the second wait
            await late.start(port)

    served.transport.pool.sleep = sleep
    try:
        url = f"http://127.0.0.1:{port}/"
        assert await served.post(activities.personal_message("hej", service_url=url)) == 201
        assert served.turn_errors == []
        assert waits == [1.6]  # tries 1 and 2 at once, the third after the second wait: delivered
        assert [seen.body["text"] for seen in late.seen] == ["Echo: hej"]
    finally:
        await late.close()


async def test_a_connector_never_listening_fails_after_four_tries(
    serve: Callable[..., Any], settings: Settings
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    served = await serve("reusing", settings, EchoBot())
    waits: list[float] = []

    async def sleep(delay: float) -> None:
        waits.append(delay)

    served.transport.pool.sleep = sleep
    await served.post(activities.personal_message("hej", service_url=f"http://127.0.0.1:{port}/"))
    [error] = served.turn_errors
    assert type(error) is ClientRequestError
    assert waits == [1.6, 3.2]


async def test_throttled_then_unavailable_proactive_sends_are_retried_as_before(
    settings: Settings, connector: FakeConnector
) -> None:
    """tests/test_notifier.py's scenario, with the reusing adapter under the notifier."""
    clock = FakeTime()
    connector.clock = clock.monotonic
    transport_ = reusing_authentication(settings)
    notifier = Notifier(
        ShallowCopyCloudAdapter(transport_),
        settings.microsoft_app_id,
        monotonic=clock.monotonic,
        sleep=clock.sleep,
        random=lambda: 0.5,
    )
    connector.failures.extend([(429, {"Retry-After": "2"}), (503, {})])

    sent = await notifier.send(_reference(connector), Reply("Påminnelse"))

    assert connector.statuses() == [429, 503, 200]
    assert len(connector.posted) == 1 and sent.message_id == "reply-1"
    first, second = clock.sleeps
    assert first >= 2.0  # Retry-After was read from the 429
    assert 1.0 <= second <= 2.0
    await transport_.close()


# --- with credentials ------------------------------------------------------------------------------


@dataclass
class FakeMicrosoft:
    """login.botframework.com and login.microsoftonline.com on loopback, in a thread of their own."""

    signing_key: rsa.RSAPrivateKey
    kid: str = "teams-key"
    token_lifetime: int = 3600
    issued: list[str] = field(default_factory=list)
    # (host, path, whether it was called from the event loop's thread) for each request to "Microsoft".
    calls: list[tuple[str, str, bool]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)
    _httpd: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return int(self._httpd.server_address[1])

    def documents(self, path: str) -> tuple[int, dict[str, Any]]:
        if path == "/v1/.well-known/openidconfiguration":
            return 200, {
                "issuer": BOT_FRAMEWORK,
                "jwks_uri": f"https://{LOGIN_BOT_FRAMEWORK}/v1/.well-known/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        if path == "/v1/.well-known/keys":
            return 200, {"keys": self.keys}
        tenant = path.split("/")[1]
        if path.endswith("/v2.0/.well-known/openid-configuration"):
            base = f"https://{LOGIN_ENTRA}/{tenant}"
            return 200, {
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "issuer": f"{base}/v2.0",
            }
        if path.endswith("/oauth2/v2.0/token"):
            now = int(time.time())
            claims = {
                "aud": BOT_FRAMEWORK,
                "iat": now,
                "exp": now + self.token_lifetime,
                "n": len(self.issued),
            }
            token = jwt.encode(claims, "entra-signs-its-own-tokens-32bytes", algorithm="HS256")
            self.issued.append(token)
            return 200, {"token_type": "Bearer", "expires_in": self.token_lifetime, "access_token": token}
        return 404, {}

    def start(self) -> FakeMicrosoft:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                status, document = fake.documents(self.path.split("?")[0])
                body = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer  # noqa: N815 - the names http.server calls

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def close(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def token_requests(self) -> int:
        return sum(1 for _, path, _ in self.calls if path.endswith("/token"))


@pytest.fixture
def microsoft(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeMicrosoft]:
    signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    fake = FakeMicrosoft(signing_key).start()
    fake.keys = [_jwk(signing_key, fake.kid)]
    original = HTTPAdapter.send
    loop_thread = threading.current_thread()

    def send(self: HTTPAdapter, request: Any, **kwargs: Any) -> Any:
        parts = urlsplit(request.url)
        if parts.hostname in (LOGIN_BOT_FRAMEWORK, LOGIN_ENTRA):
            fake.calls.append((parts.hostname, parts.path, threading.current_thread() is loop_thread))
            request.url = urlunsplit(("http", f"127.0.0.1:{fake.port}", parts.path, parts.query, ""))
        return original(self, request, **kwargs)

    monkeypatch.setattr(HTTPAdapter, "send", send)
    # Signing keys are cached per metadata URL for the whole process: each test starts without any.
    monkeypatch.setattr(JwtTokenExtractor, "metadataCache", {})
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    yield fake
    fake.close()


def _jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    public = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
    return {**public, "kid": kid, "use": "sig", "endorsements": ["msteams"]}


def _secured(settings: Settings) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=settings.database_url,
        MicrosoftAppId=APP_ID,
        MicrosoftAppPassword="secret",
        MicrosoftAppType="SingleTenant",
        MicrosoftAppTenantId=TENANT_ID,
    )


def _channel_token(fake: FakeMicrosoft, service_url: str, **changes: Any) -> str:
    now = int(time.time())
    claims = {
        "serviceurl": service_url,
        "nbf": now - 60,
        "exp": now + 3600,
        "iss": BOT_FRAMEWORK,
        "aud": APP_ID,
    }
    claims.update(changes)
    return "Bearer " + jwt.encode(claims, fake.signing_key, algorithm="RS256", headers={"kid": fake.kid})


@pytest.mark.parametrize("kind", KINDS)
async def test_with_credentials_a_request_without_a_token_gets_401(
    serve: Callable[..., Any],
    settings: Settings,
    connector: FakeConnector,
    microsoft: FakeMicrosoft,
    kind: str,
) -> None:
    served = await serve(kind, _secured(settings), EchoBot())
    assert await served.post(activities.personal_message("hej", service_url=connector.url)) == 401
    assert connector.received == []


@pytest.mark.parametrize(
    "changes", [{"aud": OTHER_APP_ID}, {"serviceurl": "https://smba.trafficmanager.net/emea/"}, {"iss": "x"}]
)
@pytest.mark.parametrize("kind", KINDS)
async def test_with_credentials_a_token_for_another_app_or_service_gets_401(
    serve: Callable[..., Any],
    settings: Settings,
    connector: FakeConnector,
    microsoft: FakeMicrosoft,
    kind: str,
    changes: dict[str, str],
) -> None:
    served = await serve(kind, _secured(settings), EchoBot())
    activity = activities.personal_message("hej", service_url=connector.url)
    assert await served.post(activity, _channel_token(microsoft, connector.url, **changes)) == 401
    assert connector.received == []


@pytest.mark.parametrize("kind", KINDS)
async def test_with_credentials_replies_carry_the_bots_token(
    serve: Callable[..., Any],
    settings: Settings,
    connector: FakeConnector,
    microsoft: FakeMicrosoft,
    kind: str,
) -> None:
    served = await serve(kind, _secured(settings), EchoBot())
    for text in ("ett", "två", "tre"):
        activity = activities.personal_message(text, service_url=connector.url)
        assert await served.post(activity, _channel_token(microsoft, connector.url)) == 201
    assert served.turn_errors == []

    assert connector.texts() == ["Echo: ett", "Echo: två", "Echo: tre"]
    # Every reply is signed with a token Entra issued for the Bot Framework audience.
    assert {p.authorization for p in connector.posted} <= {f"Bearer {token}" for token in microsoft.issued}
    assert all(p.authorization for p in connector.posted)
    on_loop = [(host, path) for host, path, loop in microsoft.calls if loop]
    if kind == "sdk":
        # The SDK's per-turn credentials ask Entra for a token for every reply, on the event loop.
        assert microsoft.token_requests() == 3
        assert on_loop
    else:
        assert microsoft.token_requests() == 1
        assert on_loop == []  # keys and the token were fetched in worker threads


async def test_concurrent_first_turns_build_one_client_and_fetch_one_token(
    serve: Callable[..., Any], settings: Settings, connector: FakeConnector, microsoft: FakeMicrosoft
) -> None:
    bot = EchoBot()
    served = await serve("reusing", _secured(settings), bot)
    turns = [activities.personal_message(f"{n}", service_url=connector.url) for n in range(16)]
    token = _channel_token(microsoft, connector.url)
    statuses = await asyncio.gather(*(served.post(turn, token) for turn in turns))
    assert statuses == [201] * 16
    assert len({id(client) for client in bot.connector_clients}) == 1
    assert microsoft.token_requests() == 1
    assert len(connector.posted) == 16


async def test_a_token_near_its_end_is_renewed_without_holding_up_replies(
    serve: Callable[..., Any], settings: Settings, connector: FakeConnector, microsoft: FakeMicrosoft
) -> None:
    # Shorter-lived than RENEW_BEFORE: each use starts a renewal, which MSAL (5 minutes' margin) fetches.
    microsoft.token_lifetime = 200
    served = await serve("reusing", _secured(settings), EchoBot())
    for text in ("ett", "två"):
        activity = activities.personal_message(text, service_url=connector.url)
        assert await served.post(activity, _channel_token(microsoft, connector.url)) == 201
        await _renewals(served.transport)

    # The first reply used the token fetched ahead of it; the second the one renewed in the background.
    assert [p.authorization for p in connector.posted] == [f"Bearer {t}" for t in microsoft.issued[:2]]
    assert microsoft.token_requests() == 3
    assert [loop for _, _, loop in microsoft.calls] == [False] * len(microsoft.calls)


async def _renewals(auth: ReusingBotFrameworkAuthentication) -> None:
    for credentials in auth.credentials_factory.credentials.values():
        if isinstance(credentials, KeptTokenCredentials) and credentials._renewal is not None:
            await credentials._renewal


# --- the kept token and the kept signing keys, in detail ---------------------------------------------


class StubCredentials(MicrosoftAppCredentials):
    """The SDK's credentials with the token fetch replaced: tokens in turn, each lasting `lifetime`."""

    def __init__(self, lifetime: int = 3600, *, jwt_tokens: bool = True) -> None:
        super().__init__(APP_ID, "secret", TENANT_ID, BOT_FRAMEWORK)
        self.lifetime = lifetime
        self.jwt_tokens = jwt_tokens
        self.fetched_on_loop: list[bool] = []

    def get_access_token(self, force_refresh: bool = False) -> str:
        self.fetched_on_loop.append(threading.current_thread() is threading.main_thread())
        n = len(self.fetched_on_loop)
        if not self.jwt_tokens:
            return f"opaque-{n}"
        return jwt.encode({"iat": 1000, "exp": 1000 + self.lifetime, "n": n}, "k" * 32, algorithm="HS256")


async def test_the_token_is_kept_and_renewed_in_a_worker_thread() -> None:
    now = [0.0]
    inner = StubCredentials(lifetime=3600)
    kept = KeptTokenCredentials(inner, clock=lambda: now[0])

    await kept.prefetch()
    first = kept.get_access_token()
    assert inner.fetched_on_loop == [False]
    session = kept.signed_session(requests.Session())
    assert session.headers["Authorization"] == f"Bearer {first}"

    now[0] = 3600 - 200  # less than RENEW_BEFORE left: still used, a new one is fetched in the background
    assert kept.get_access_token() == first
    assert kept._renewal is not None
    await kept._renewal
    second = kept.get_access_token()
    assert second != first
    assert inner.fetched_on_loop == [False, False]

    now[0] = 2 * 3600  # nothing usable kept (renewal never ran): fetched there and then, as the SDK does
    third = kept.get_access_token()
    assert third not in (first, second)
    assert inner.fetched_on_loop == [False, False, True]


async def test_a_token_that_does_not_say_when_it_expires_is_not_kept() -> None:
    inner = StubCredentials(jwt_tokens=False)
    kept = KeptTokenCredentials(inner)
    await kept.prefetch()
    assert [kept.get_access_token(), kept.get_access_token()] == ["opaque-2", "opaque-3"]


@pytest.fixture
def metadata(microsoft: FakeMicrosoft) -> BackgroundOpenIdMetadata:
    return BackgroundOpenIdMetadata(f"https://{LOGIN_BOT_FRAMEWORK}/v1/.well-known/openidconfiguration")


def _key_fetches(fake: FakeMicrosoft) -> int:
    return sum(1 for _, path, _ in fake.calls if path == "/v1/.well-known/keys")


async def test_signing_keys_are_fetched_in_a_worker_thread_and_parsed_once(
    metadata: BackgroundOpenIdMetadata, microsoft: FakeMicrosoft
) -> None:
    first = await metadata.get(microsoft.kid)
    again = await metadata.get(microsoft.kid)
    assert first is again  # parsed once
    assert first is not None and first.endorsements == ["msteams"]
    assert _key_fetches(microsoft) == 1
    assert [loop for _, _, loop in microsoft.calls] == [False, False]


async def test_day_old_keys_are_used_while_new_ones_are_fetched(
    metadata: BackgroundOpenIdMetadata, microsoft: FakeMicrosoft
) -> None:
    old = await metadata.get(microsoft.kid)
    _age(metadata, transport.KEYS_MAX_AGE + 60)  # past its day, within the grace
    assert await metadata.get(microsoft.kid) is old  # answered without waiting
    assert metadata._refresh_task is not None and not metadata._refresh_task.done()
    await metadata._refresh_task
    assert _key_fetches(microsoft) == 2
    assert await metadata.get(microsoft.kid) is not old  # the new fetch's keys

    _age(metadata, transport.KEYS_MAX_AGE + transport.KEYS_STALE_GRACE + 60)  # far too old: waits
    await metadata.get(microsoft.kid)
    assert _key_fetches(microsoft) == 3
    assert metadata._refresh_task.done()


async def test_an_unknown_key_id_refreshes_the_keys_at_most_once_an_hour(
    metadata: BackgroundOpenIdMetadata, microsoft: FakeMicrosoft
) -> None:
    await metadata.get(microsoft.kid)
    rotated = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    microsoft.keys = [*microsoft.keys, _jwk(rotated, "rotated-key")]

    with pytest.raises(IndexError):  # the SDK's lookup for a key it does not have; fetched under an hour ago
        await metadata.get("rotated-key")
    assert _key_fetches(microsoft) == 1

    _age(metadata, transport.KEYS_UNKNOWN_KID_INTERVAL + 60)
    assert await metadata.get("rotated-key") is not None
    assert _key_fetches(microsoft) == 2


# --- outgoing activity bodies: ActivitySerializer against msrest's Serializer ---------------------------

MODELS = {name: kind for name, kind in vars(connector_models).items() if isinstance(kind, type)}
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _msrest_json(activity: Activity, *, copied: bool = True) -> str:
    """The body msrest's serializer builds, as msrest's ClientRequest encodes it (json.dumps)."""
    # A copy: msrest's body() rewrites parts of the activity it is given (its deserializer pass).
    return json.dumps(Serializer(MODELS).body(copy.deepcopy(activity) if copied else activity, "Activity"))


def _fast_json(activity: Activity) -> tuple[bool, str]:
    """(whether the fast path built it, the body ActivitySerializer gives, encoded the same way)."""
    serializer = ActivitySerializer(MODELS)
    return serializer.fast_body(activity) is not None, json.dumps(serializer.body(activity, "Activity"))


def _outcome(serialize: Callable[[], str]) -> tuple[str, str]:
    try:
        return "body", serialize()
    except Exception as exc:  # noqa: BLE001 - compared: both serializers must fail alike
        return "error", type(exc).__name__


def _reply(activity: Activity, *, replying_to: dict[str, Any] | None = None) -> Activity:
    """`activity` addressed as TurnContext addresses a reply: accounts, conversation, replyToId, locale."""
    incoming = Activity().deserialize(replying_to or activities.personal_message("hej", service_url=SERVICE))
    activity.input_hint = activity.input_hint or InputHints.accepting_input
    return TurnContext.apply_conversation_reference(
        activity, TurnContext.get_conversation_reference(incoming)
    )


SERVICE = "https://smba.trafficmanager.net/emea/"

NESTED_CARD: dict[str, Any] = {
    "type": "AdaptiveCard",
    "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
    "version": "1.5",
    "fallbackText": "Mål 6: Distriktet samlar partiföreningarnas ordförande ✓ 🎉",
    "body": [
        {
            "type": "TextBlock",
            "text": "Verksamhetsplan 2026",
            "size": "Large",
            "wrap": True,
            "isSubtle": False,
        },
        {
            "type": "Container",
            "style": None,
            "items": [
                {
                    "type": "ColumnSet",
                    "columns": [
                        {"type": "Column", "width": "auto", "items": [{"type": "TextBlock", "text": "1."}]},
                        {
                            "type": "Column",
                            "width": 1,
                            "items": [{"type": "TextBlock", "text": "Zetkin — åäö"}],
                        },
                    ],
                },
                {
                    "type": "FactSet",
                    "facts": [{"title": "Klart", "value": "3 av 4"}, {"title": "", "value": ""}],
                },
            ],
        },
        {"type": "Container", "items": [], "selectAction": None},
    ],
    "actions": [
        {"type": "Action.Submit", "title": "Nästa", "data": {"msteams": {"type": "imBack", "value": "mål 7"}}}
    ],
    "numbers": [0, -1, 2**70, 0.5, -2.5e-9, 1e300, True, False, None],
    "empty": {"list": [], "dict": {}, "text": ""},
    "escapes": '"quoted" \\ back\nslash\t<at>x</at> \u2028 \x00',
}


def _hero() -> Attachment:
    return CardFactory.hero_card(
        HeroCard(
            title="Mål",
            subtitle="Västernorrland",
            images=[CardImage(url="https://example.invalid/a.png", alt="bild")],
            buttons=[CardAction(type=ActionTypes.im_back, title="Visa", value="mål 6")],
            tap=CardAction(type=ActionTypes.open_url, value="https://example.invalid/"),
        )
    )


def _usual() -> dict[str, Activity]:
    """Activities as the bot and the SDK make them: the fast path builds each of them itself."""
    teams_channel = activities.channel_mention("mål 6", service_url=SERVICE)
    everything = _reply(MessageFactory.text("Allt", speak="Allt", input_hint=InputHints.expecting_input))
    everything.summary = "sammanfattning"
    everything.importance = ActivityImportance.high
    everything.delivery_mode = DeliveryModes.notification
    everything.listen_for = ["ja", "nej"]
    everything.text_highlights = [TextHighlight(text="Allt", occurrence=1)]
    everything.members_added = [
        ChannelAccount(id="29:a", name="A"),
        ChannelAccount(id="29:b", role=RoleTypes.user),
    ]
    everything.relates_to = ConversationReference(
        activity_id="1", user=ChannelAccount(id="29:a"), channel_id="x"
    )
    everything.value = {"answer": 42, "list": [1, "två", None]}
    everything.name, everything.label, everything.value_type = "namn", "etikett", "typ"
    everything.code = EndOfConversationCodes.completed_successfully
    everything.history_disclosed, everything.topic_name, everything.caller_id = (
        False,
        "ämne",
        "urn:botframework",
    )
    everything.local_timezone = "Europe/Stockholm"
    return {
        "text": _reply(MessageFactory.text("Hej där! Det här är ditt mål ✓")),
        "text (plain Activity, no reply to)": Activity(type="message", text="hej", locale="en-US"),
        "markdown": _reply(
            Activity(type=ActivityTypes.message, text="**Mål** _6_\n\n- ett\n- två", text_format="markdown")
        ),
        "adaptive card": _reply(MessageFactory.attachment(CardFactory.adaptive_card(NESTED_CARD))),
        "the goals card": _reply(
            MessageFactory.attachment(
                CardFactory.adaptive_card(
                    cards.card(
                        [cards.heading("Plan", size="Large"), cards.facts([("1", "Zetkin"), ("2", "Sms")])],
                        fallback="Plan\n1. Zetkin\n2. Sms",
                        actions=[cards.say("Nästa", "mål 2")],
                    )
                )
            )
        ),
        "attachments": _reply(
            MessageFactory.carousel(
                [
                    CardFactory.adaptive_card({"type": "AdaptiveCard", "body": []}),
                    _hero(),
                    Attachment(
                        content_type="application/pdf", content_url="https://x.invalid/a.pdf", name="a.pdf"
                    ),
                    Attachment(content_type="image/png", thumbnail_url="https://x.invalid/t.png"),
                ],
                text="Tre bilagor",
            )
        ),
        "entities (a mention)": _reply(
            Activity(
                type="message",
                text="<at>Megan Bowen</at> har rapporterat",
                entities=[
                    Mention(
                        mentioned=ChannelAccount(id="29:user-megan", name="Megan Bowen"),
                        text="<at>Megan Bowen</at>",
                        type="mention",
                    ),
                    Entity(type="clientInfo"),
                ],
            ),
            replying_to=teams_channel,
        ),
        "channelData": _reply(
            Activity(
                type="message",
                text="notis",
                channel_data={
                    "notification": {"alert": True},
                    "tenant": {"id": "t"},
                    "empty": None,
                    "n": 1.25,
                },
            )
        ),
        "accounts": Activity(
            type="message",
            text="hej",
            from_property=ChannelAccount(id="28:bot", name="Distriktsboten", role=RoleTypes.bot),
            recipient=ChannelAccount(id="29:u", name="Megan", aad_object_id="aad-1", properties={"x": [1]}),
            conversation=ConversationAccount(
                id="19:general@thread.tacv2;messageid=1",
                is_group=True,
                conversation_type="channel",
                name="Allmänt",
                tenant_id="tenant-1",
            ),
            service_url=SERVICE,
            channel_id="msteams",
        ),
        "timestamps": Activity(
            type="message",
            timestamp=datetime.datetime(2026, 11, 22, 10, 0, tzinfo=datetime.UTC),
            local_timestamp=datetime.datetime(2026, 11, 22, 11, 0, 0, 123456, tzinfo=STOCKHOLM),
            expiration=datetime.datetime(2026, 6, 30, 23, 59, 59, 1000, tzinfo=STOCKHOLM),
        ),
        "suggested actions": _reply(
            MessageFactory.suggested_actions(
                [
                    CardAction(type=ActionTypes.im_back, title="Ja", value="ja"),
                    CardAction(
                        type=ActionTypes.open_url,
                        title="Öppna",
                        value="https://example.invalid/",
                        image="https://example.invalid/i.png",
                        channel_data={"k": "v"},
                    ),
                ],
                text="Vill du fortsätta?",
            )
        ),
        "replyToId and locale": _reply(
            MessageFactory.text("svar"),
            replying_to=activities.personal_message("x", service_url=SERVICE, locale="de"),
        ),
        "typing": _reply(Activity(type=ActivityTypes.typing)),
        # msrest takes it for UTC (and logs a warning): so does the fast path, with msrest's own formatting.
        "a naive timestamp": Activity(type="message", timestamp=datetime.datetime(2026, 1, 1, 12)),  # noqa: DTZ001
        "every field": everything,
    }


USUAL = _usual()


@pytest.mark.parametrize("name", USUAL)
def test_an_activity_body_is_msrests_byte_for_byte(name: str) -> None:
    activity = USUAL[name]
    expected = _msrest_json(activity)
    before = copy.deepcopy(activity)
    fast, body = _fast_json(activity)
    assert fast  # built without msrest
    assert body == expected
    assert activity == before  # only read


def _unusual() -> dict[str, Activity]:
    """What msrest converts rather than copies: the fast path leaves each of these to msrest."""
    weird_content = {
        "tuple": (1, 2),
        "when": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        "decimal": decimal.Decimal("1.5"),
        1: "int key",
        "ordered": OrderedDict(a=1),
        "model": ChannelAccount(id="29:x"),
        "enum": DeliveryModes.normal,
    }
    return {
        "odd card content": Activity(
            type="message", attachments=[Attachment(content_type="x", content=weird_content)]
        ),
        "a tuple as channelData": Activity(type="message", channel_data=("a", "b")),
        "an account as a dict": Activity(
            type="message", from_property={"id": "29:x", "name": "X", "extra": 1}
        ),
        "attachments as dicts": Activity(
            type="message", attachments=[{"contentType": "x", "content": {"a": 1}}]
        ),
        "an int for a bool": Activity(type="message", history_disclosed=1),
        "an int for a str": Activity(type=5),
        "a string timestamp": Activity(type="message", timestamp="2026-01-01T12:00:00+02:00"),
        "a dict of entities": Activity(
            type="message", semantic_action=SemanticAction(id="s", entities={"e": Entity()})
        ),
        "an enum model in content": Activity(type="message", value={"type": ActivityTypes.message}),
        "a tuple of strings": Activity(type="message", listen_for=("ja",)),
    }


@pytest.mark.parametrize("name", list(_unusual()))
def test_what_msrest_would_convert_is_left_to_msrest(name: str) -> None:
    activity = _unusual()[name]
    expected = _outcome(lambda: _msrest_json(activity))
    serializer = ActivitySerializer(MODELS)
    assert serializer.fast_body(activity) is None
    assert _outcome(lambda: json.dumps(serializer.body(activity, "Activity"))) == expected


def test_the_kept_clients_build_activity_bodies_themselves_and_nothing_else() -> None:
    client = ConnectorClient(MicrosoftAppCredentials.empty(), base_url=SERVICE)
    transport.serialize_activities_directly(client)
    transport.serialize_activities_directly(client)  # once is enough; a second time changes nothing
    fast = client.conversations._serialize
    assert type(fast) is ActivitySerializer
    assert fast.dependencies == client._serialize.dependencies
    parameters = ConversationParameters(is_group=True, channel_data={"channel": {"id": "19:c"}})
    assert fast.body(parameters, "ConversationParameters") == client._serialize.body(
        parameters, "ConversationParameters"
    )


# JSON as json.loads gives it, and Adaptive Card content is: NaN and infinities included (json.dumps writes
# them, the same way for both).
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=30,
)
# What a careless card builder might put in instead: msrest converts these.
odd_values = st.recursive(
    json_values
    | st.tuples(st.integers())
    | st.datetimes(timezones=st.just(datetime.UTC))
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.sampled_from([ActionTypes.im_back, RoleTypes.user])
    | st.builds(ChannelAccount, id=st.text(max_size=5)),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=3) | st.integers() | st.booleans(), children, max_size=3)
        | st.dictionaries(st.text(max_size=3), children, max_size=3).map(OrderedDict)
    ),
    max_leaves=12,
)
PROPERTIES = settings(max_examples=150, deadline=None)


@PROPERTIES
@given(content=st.dictionaries(st.text(), json_values, max_size=6), data=json_values)
def test_any_json_card_content_gives_msrests_body(content: dict[str, Any], data: Any) -> None:
    activity = _reply(MessageFactory.attachment(CardFactory.adaptive_card(content)))
    activity.channel_data = {"notification": {"alert": True}, "data": data}
    activity.value = data
    fast, body = _fast_json(activity)
    assert fast
    assert body == _msrest_json(activity)


@PROPERTIES
@given(content=st.dictionaries(st.text(max_size=4), odd_values, max_size=4))
def test_any_card_content_gives_what_msrest_gives(content: dict[str, Any]) -> None:
    activity = _reply(MessageFactory.attachment(CardFactory.adaptive_card(content)))
    serializer = ActivitySerializer(MODELS)
    outcome = _outcome(lambda: json.dumps(serializer.body(activity, "Activity")))
    # msrest writes str() of some values, and a model's shows its address; ActivitySerializer hands msrest a
    # deep copy (as the SDK's TurnContext did), whose models have addresses of their own.
    assert _addressless(outcome) == _addressless(_outcome(lambda: _msrest_json(activity, copied=False)))


def _addressless(outcome: tuple[str, str]) -> tuple[str, str]:
    return outcome[0], re.sub(r" object at 0x[0-9a-f]+>", " object>", outcome[1])


# --- helpers ------------------------------------------------------------------------------------------


def _age(metadata: BackgroundOpenIdMetadata, seconds: float) -> None:
    """Make the last fetch of the keys (and the last attempt) `seconds` older than it is."""
    assert metadata._fetched_at is not None and metadata._attempted_at is not None
    metadata._fetched_at -= seconds
    metadata._attempted_at -= seconds


def _reference(connector: FakeConnector) -> dict[str, Any]:
    activity = Activity().deserialize(activities.personal_message("x", service_url=connector.url))
    return TurnContext.get_conversation_reference(activity).serialize()
