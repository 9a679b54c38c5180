"""bot/sdk/botbuilder.py's transport in the real app: credentials and connector clients kept across turns.

With credentials, Microsoft is faked over real HTTP: a server in a thread answers as login.botframework.com
(the OpenID metadata and signing keys incoming tokens are checked against) and as login.microsoftonline.com
(Entra's tenant discovery and token endpoint, for MSAL, which issues the bot's own token), and requests to
those two hosts are routed to it. Everything else, token validation and MSAL included, is the real SDK.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import jwt
import pytest
import requests
from aiohttp.test_utils import TestClient, TestServer
from botbuilder.schema import Activity, ErrorResponseException
from botframework.connector.auth import ClaimsIdentity, MicrosoftAppCredentials
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from requests.adapters import HTTPAdapter

from bot.app import SDK, create_app, sdk_settings
from bot.config import Settings
from bot.sdk.botbuilder import (
    BotbuilderSdk,
    KeptTokenCredentials,
    ReusingBotFrameworkAuthentication,
    SdkConfig,
)
from tests.conftest import fixed_clock
from tests.fakes import activities
from tests.fakes.connector import FakeConnector

pytestmark = pytest.mark.usefixtures("botbuilder_only")  # the botbuilder adapter's own transport

APP_ID = "00000000-0000-0000-0000-00000000b07a"
TENANT_ID = "00000000-0000-0000-0000-0000000000aa"
BOT_FRAMEWORK = "https://api.botframework.com"  # the issuer of channel tokens, and the replies' audience
LOGIN_BOT_FRAMEWORK = "login.botframework.com"
LOGIN_ENTRA = "login.microsoftonline.com"


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

    def entra_calls_on_the_loop(self) -> list[str]:
        return [path for host, path, on_loop in self.calls if host == LOGIN_ENTRA and on_loop]


@pytest.fixture
def microsoft(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeMicrosoft]:
    signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    fake = FakeMicrosoft(signing_key).start()
    public = json.loads(RSAAlgorithm.to_jwk(signing_key.public_key()))
    fake.keys = [{**public, "kid": fake.kid, "use": "sig", "endorsements": ["msteams"]}]
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


def _secured(settings: Settings) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=settings.database_url,
        MicrosoftAppId=APP_ID,
        MicrosoftAppPassword="secret",
        MicrosoftAppType="SingleTenant",
        MicrosoftAppTenantId=TENANT_ID,
    )


def _channel_token(fake: FakeMicrosoft, service_url: str) -> str:
    now = int(time.time())
    claims = {
        "serviceurl": service_url,
        "nbf": now - 60,
        "exp": now + 3600,
        "iss": BOT_FRAMEWORK,
        "aud": APP_ID,
    }
    return "Bearer " + jwt.encode(claims, fake.signing_key, algorithm="RS256", headers={"kid": fake.kid})


async def _client(settings: Settings) -> TestClient:
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[TestClient]:
    """The real app without credentials (local development)."""
    client = await _client(settings)
    yield client
    await client.close()


@pytest.fixture
async def secured(settings: Settings, microsoft: FakeMicrosoft) -> AsyncIterator[TestClient]:
    """The real app with an app id and password, Microsoft faked."""
    client = await _client(_secured(settings))
    yield client
    await client.close()


async def post(client: TestClient, activity: dict[str, Any], authorization: str | None = None) -> int:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = await client.post("/api/messages", json=activity, headers=headers)
    await response.read()
    return response.status


def authentication(client: TestClient) -> ReusingBotFrameworkAuthentication:
    sdk = client.app[SDK]
    assert isinstance(sdk, BotbuilderSdk)
    auth = sdk.authentication
    assert isinstance(auth, ReusingBotFrameworkAuthentication)
    return auth


async def test_one_connector_client_per_service_url_is_kept_across_turns(
    app: TestClient, connector: FakeConnector
) -> None:
    other = await FakeConnector().start()
    try:
        for text in ("hjälp", "mål", "hjälp"):
            assert await post(app, activities.personal_message(text, service_url=connector.url)) in (200, 201)
        assert len(authentication(app).clients) == 1
        for text in ("hjälp", "mål"):
            assert await post(app, activities.personal_message(text, service_url=other.url)) in (200, 201)
        kept = [await made for made in authentication(app).clients.values()]
        assert len(kept) == 2
        assert sorted(c.config.base_url for c in kept) == sorted([connector.url, other.url])
        # Each reply went to its own turn's Connector.
        assert (len(connector.posted), len(other.posted)) == (3, 2)
    finally:
        await other.close()


async def test_with_credentials_the_token_is_fetched_once_and_never_on_the_event_loop(
    secured: TestClient, connector: FakeConnector, microsoft: FakeMicrosoft
) -> None:
    for text in ("hjälp", "mål", "hjälp"):
        activity = activities.personal_message(text, service_url=connector.url)
        assert await post(secured, activity, _channel_token(microsoft, connector.url)) in (200, 201)

    assert len(connector.posted) == 3
    # Every reply is signed with the one token Entra issued for the Bot Framework audience.
    assert [p.authorization for p in connector.posted] == [f"Bearer {microsoft.issued[0]}"] * 3
    assert microsoft.token_requests() == 1
    assert microsoft.entra_calls_on_the_loop() == []
    assert len(authentication(secured).clients) == 1


async def test_with_credentials_a_token_for_another_service_gets_401_and_builds_nothing(
    secured: TestClient, connector: FakeConnector, microsoft: FakeMicrosoft
) -> None:
    activity = activities.personal_message("hjälp", service_url=connector.url)
    token = _channel_token(microsoft, "https://smba.trafficmanager.net/emea/")
    assert await post(secured, activity, token) == 401
    assert connector.received == []
    assert len(authentication(secured).clients) == 0


async def test_concurrent_first_turns_build_one_client_and_fetch_one_token(
    secured: TestClient, connector: FakeConnector, microsoft: FakeMicrosoft
) -> None:
    token = _channel_token(microsoft, connector.url)
    turns = [activities.personal_message("hjälp", service_url=connector.url) for _ in range(8)]
    statuses = await asyncio.gather(*(post(secured, turn, token) for turn in turns))
    assert set(statuses) <= {200, 201}
    assert len(connector.posted) == 8
    assert len(authentication(secured).clients) == 1
    assert len(authentication(secured).user_token_clients) == 1  # CloudAdapter asks for one every turn
    assert microsoft.token_requests() == 1


async def test_a_token_near_its_end_is_renewed_in_the_background(
    secured: TestClient, connector: FakeConnector, microsoft: FakeMicrosoft
) -> None:
    # Shorter-lived than RENEW_BEFORE: each use starts a renewal, which MSAL (5 minutes' margin) fetches.
    microsoft.token_lifetime = 200
    for text in ("hjälp", "mål"):
        activity = activities.personal_message(text, service_url=connector.url)
        assert await post(secured, activity, _channel_token(microsoft, connector.url)) in (200, 201)
        for made in authentication(secured).credentials_factory.credentials.values():
            kept = await made
            if isinstance(kept, KeptTokenCredentials) and kept._renewal is not None:
                await kept._renewal

    # The first reply used the token fetched ahead of it; the second the one renewed in the background.
    assert [p.authorization for p in connector.posted] == [f"Bearer {t}" for t in microsoft.issued[:2]]
    assert microsoft.token_requests() == 3
    assert microsoft.entra_calls_on_the_loop() == []


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

    await asyncio.to_thread(kept.fetch)
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
    kept = KeptTokenCredentials(StubCredentials(jwt_tokens=False))
    await asyncio.to_thread(kept.fetch)
    assert [kept.get_access_token(), kept.get_access_token()] == ["opaque-2", "opaque-3"]


@pytest.mark.parametrize(
    ("status", "content_type"),
    [(503, "text/plain; charset=utf-8"), (502, "text/html"), (504, "text/html"), (429, "text/plain")],
)
async def test_an_error_page_is_read_as_the_connectors_status_with_retry_after(
    settings: Settings, connector: FakeConnector, status: int, content_type: str
) -> None:
    auth = ReusingBotFrameworkAuthentication(SdkConfig(sdk_settings(settings)))
    factory = auth.create_connector_factory(ClaimsIdentity({}, True))  # no app id: local development
    client = await factory.create(connector.url, auth.get_originating_audience())
    connector.failures.append((status, {"Content-Type": content_type, "Retry-After": "3"}))
    with pytest.raises(ErrorResponseException) as raised:
        await client.conversations.send_to_conversation(
            "a:personal-megan", Activity(type="message", text="hej")
        )
    assert raised.value.response.status_code == status
    assert raised.value.response.headers["Retry-After"] == "3"
    assert client is await factory.create(connector.url, auth.get_originating_audience())  # kept
