"""With app credentials, /api/messages takes only a valid Bot Framework token: real signed JWTs.

The tokens are signed with RSA test keys that the SDK is made to trust without any network: a real HTTP
server in this process serves login.botframework.com's two documents (the OpenID configuration and its
JWKS, with the keys' channel endorsements), and `ChannelValidation.open_id_metadata_endpoint`, the SDK's
own override of the metadata URL, points at it. Everything after the fetch (issuer, key id, endorsements,
algorithm, signature, lifetime, audience, serviceurl) is the SDK's validation, unpatched. The server runs
in a thread because the SDK fetches the documents with blocking `requests.get` from inside the event loop.

The one other patch is on the way out: getting the bot's own token for the reply would call Entra ID, so
`MicrosoftAppCredentials.get_access_token` answers a fixed token, which the fake Connector then sees.

A refused request gets 401 and has no side effect: nothing is sent to the Connector, no row is written.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from aiohttp.test_utils import TestClient, TestServer
from botframework.connector.auth import ChannelValidation, MicrosoftAppCredentials
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from sqlalchemy import func, inspect, select, table

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.db.engine import Database
from tests.conftest import fixed_clock
from tests.fakes import activities
from tests.fakes.connector import FakeConnector

APP_ID = "00000000-0000-0000-0000-00000000b07a"
OTHER_APP_ID = "00000000-0000-0000-0000-0000000bad1d"
TENANT_ID = "00000000-0000-0000-0000-0000000000aa"
# The issuer of every token the Bot Framework Service (and so Teams) sends to a bot.
BOT_FRAMEWORK = "https://api.botframework.com"
# What the patched Entra ID "gives" the bot to sign its replies with.
OUTBOUND_TOKEN = "outbound-token-for-the-connector"
# The SDK's clock skew for channel tokens (ChannelValidation: clock_tolerance=5 * 60).
SKEW = 5 * 60

METADATA_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"


# --- keys and the documents that publish them ----------------------------------------------------


@dataclass(frozen=True)
class Key:
    kid: str
    private: rsa.RSAPrivateKey
    endorsements: tuple[str, ...] = ()

    def jwk(self) -> dict[str, Any]:
        """The public key as login.botframework.com publishes it."""
        public = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
        return {**public, "kid": self.kid, "use": "sig", "endorsements": list(self.endorsements)}

    def public_pem(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


@dataclass(frozen=True)
class Keys:
    teams: Key  # published, endorsed for msteams: what Teams signs with
    webchat: Key  # published, endorsed for webchat only
    bare: Key  # published without any endorsements
    rogue: rsa.RSAPrivateKey  # never published


def _rsa() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def keys() -> Keys:
    return Keys(
        teams=Key("teams-key", _rsa(), ("msteams", "webchat", "skype")),
        webchat=Key("webchat-key", _rsa(), ("webchat",)),
        bare=Key("bare-key", _rsa()),
        rogue=_rsa(),
    )


@dataclass
class TrustServer:
    """login.botframework.com's OpenID configuration and JWKS, over real HTTP on loopback."""

    keys: list[dict[str, Any]]
    requested: list[str] = field(default_factory=list)
    _httpd: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def metadata_url(self) -> str:
        return self.base_url + METADATA_PATH

    def documents(self) -> dict[str, dict[str, Any]]:
        return {
            METADATA_PATH: {
                "issuer": BOT_FRAMEWORK,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": self.base_url + KEYS_PATH,
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            },
            KEYS_PATH: {"keys": self.keys},
        }

    def start(self) -> TrustServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                server.requested.append(self.path)
                document = server.documents().get(self.path)
                body = json.dumps(document).encode() if document is not None else b"{}"
                self.send_response(200 if document is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def close(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()


@pytest.fixture(scope="module")
def trust_server(keys: Keys) -> Iterator[TrustServer]:
    server = TrustServer([keys.teams.jwk(), keys.webchat.jwk(), keys.bare.jwk()]).start()
    yield server
    server.close()


@pytest.fixture
def trusted(trust_server: TrustServer, monkeypatch: pytest.MonkeyPatch, bot_sdk: str) -> TrustServer:
    """The SDK trusts the test keys (and nothing it would have to fetch from the internet)."""
    if bot_sdk == "agents":
        _trust_on_agents(trust_server, monkeypatch)
    # The SDK's override of TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL for channel (Teams) tokens.
    monkeypatch.setattr(ChannelValidation, "open_id_metadata_endpoint", trust_server.metadata_url)
    # The fetched keys are cached per metadata URL for a day, process-wide: each test fetches afresh.
    monkeypatch.setattr(JwtTokenExtractor, "metadataCache", {})
    monkeypatch.setattr(
        MicrosoftAppCredentials, "get_access_token", lambda self, force_refresh=False: OUTBOUND_TOKEN
    )
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    trust_server.requested.clear()
    return trust_server


def _trust_on_agents(trust_server: TrustServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same for the Agents SDK: its Bot Framework issuer's JWKS address, a fresh key cache, and a fixed
    token for the replies (MSAL would ask Entra ID)."""
    from microsoft_agents.authentication.msal import MsalAuth
    from microsoft_agents.hosting.core.authorization import _entra_issuers
    from microsoft_agents.hosting.core.authorization.jwt import jwt_token_validator

    monkeypatch.setitem(
        _entra_issuers.BOTFRAMEWORK_JWKS_URIS, BOT_FRAMEWORK, trust_server.base_url + KEYS_PATH
    )
    monkeypatch.setattr(
        jwt_token_validator.JwtTokenValidator, "_jwk_client_manager", jwt_token_validator._JwkClientManager()
    )

    async def fixed_token(
        self: Any, resource_url: str, scopes: list[str], force_refresh: bool = False
    ) -> str:
        return OUTBOUND_TOKEN

    monkeypatch.setattr(MsalAuth, "get_access_token", fixed_token)


# --- tokens ------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _compact(header: dict[str, Any], claims: dict[str, Any], sign: Callable[[bytes], bytes]) -> str:
    """A JWT put together by hand, for what PyJWT refuses to make (alg none, HMAC keyed with a PEM)."""
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
    return f"{signing_input}.{_b64(sign(signing_input.encode('ascii')))}"


@dataclass(frozen=True)
class Minter:
    """Makes tokens shaped like the Bot Framework Service's for one activity's serviceUrl."""

    keys: Keys
    service_url: str

    def claims(self, **changes: Any) -> dict[str, Any]:
        """A Teams channel token's claims; a change to None leaves that claim out."""
        now = int(time.time())
        claims = {
            "serviceurl": self.service_url,
            "nbf": now - 60,
            "exp": now + 3600,
            "iss": BOT_FRAMEWORK,
            "aud": APP_ID,
        }
        claims.update(changes)
        return {name: value for name, value in claims.items() if value is not None}

    def token(
        self,
        key: Key | None = None,
        *,
        private: rsa.RSAPrivateKey | None = None,
        kid: str | None = "",
        algorithm: str = "RS256",
        **changes: Any,
    ) -> str:
        """Signed with `key` (the Teams key by default), or `private` under `kid`; kid=None: no kid."""
        key = key or self.keys.teams
        kid = key.kid if kid == "" else kid
        headers = {"kid": kid} if kid is not None else {}
        return jwt.encode(
            self.claims(**changes), private or key.private, algorithm=algorithm, headers=headers
        )


# What a request carries in its Authorization header (None: no header), and why it must be refused.
Case = Callable[[Minter], str | None]

REFUSED: dict[str, Case] = {
    "no Authorization header": lambda m: None,
    "an empty Authorization header": lambda m: "",
    "Basic instead of Bearer": lambda m: "Basic " + _b64(f"{APP_ID}:secret".encode()),
    "a valid token under another scheme": lambda m: "Token " + m.token(),
    "not a JWT": lambda m: "Bearer not-a-jwt",
    "three parts of garbage": lambda m: "Bearer aaaa.bbbb.cccc",
    "audience is another app": lambda m: "Bearer " + m.token(aud=OTHER_APP_ID),
    "no audience": lambda m: "Bearer " + m.token(aud=None),
    "issuer is not the Bot Framework": lambda m: "Bearer " + m.token(iss="https://evil.example.com"),
    "no issuer": lambda m: "Bearer " + m.token(iss=None),
    "expired beyond the clock skew": lambda m: (
        "Bearer " + m.token(exp=int(time.time()) - SKEW - 120, nbf=int(time.time()) - 7200)
    ),
    "not valid yet beyond the clock skew": lambda m: "Bearer " + m.token(nbf=int(time.time()) + SKEW + 120),
    "signed by another key under the trusted kid": lambda m: (
        "Bearer " + m.token(private=m.keys.rogue, kid=m.keys.teams.kid)
    ),
    "signed by an unknown key": lambda m: "Bearer " + m.token(private=m.keys.rogue, kid="rogue-key"),
    "no kid": lambda m: "Bearer " + m.token(kid=None),
    "a key not endorsed for msteams": lambda m: "Bearer " + m.token(m.keys.webchat),
    "serviceurl is another service": lambda m: (
        "Bearer " + m.token(serviceurl="https://smba.trafficmanager.net/emea/")
    ),
    "no serviceurl": lambda m: "Bearer " + m.token(serviceurl=None),
    "alg none": lambda m: (
        "Bearer "
        + _compact({"alg": "none", "typ": "JWT", "kid": m.keys.teams.kid}, m.claims(), lambda _: b"")
    ),
    "HS256 keyed with the trusted public key": lambda m: (
        "Bearer "
        + _compact(
            {"alg": "HS256", "typ": "JWT", "kid": m.keys.teams.kid},
            m.claims(),
            lambda data: hmac.new(m.keys.teams.public_pem(), data, hashlib.sha256).digest(),
        )
    ),
    "HS256 keyed with the app password": lambda m: (
        "Bearer "
        + _compact(
            {"alg": "HS256", "typ": "JWT", "kid": m.keys.teams.kid},
            m.claims(),
            lambda data: hmac.new(b"secret", data, hashlib.sha256).digest(),
        )
    ),
}


# --- the server --------------------------------------------------------------------------------


@pytest.fixture
async def client(settings: Settings, trusted: TrustServer) -> AsyncIterator[TestClient]:
    secured = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=settings.database_url,
        bot_sdk=settings.bot_sdk,
        MicrosoftAppId=APP_ID,
        MicrosoftAppPassword="secret",
        MicrosoftAppType="SingleTenant",
        MicrosoftAppTenantId=TENANT_ID,
    )
    client = TestClient(TestServer(create_app(secured, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


def _rows(database: Database) -> dict[str, int]:
    """How many rows each table holds: a refused request must not change any of them."""
    with database.read() as session:
        names = inspect(session.get_bind()).get_table_names()
        return {
            name: session.execute(select(func.count()).select_from(table(name))).scalar_one()
            for name in names
        }


async def _post(client: TestClient, activity: dict[str, Any], authorization: str | None) -> int:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = await client.post("/api/messages", json=activity, headers=headers)
    await response.read()
    return response.status


def _teams_message(connector: FakeConnector) -> dict[str, Any]:
    return activities.personal_message("mål", service_url=connector.url)


# --- accepted ----------------------------------------------------------------------------------


async def test_a_valid_teams_token_is_accepted_and_answered(
    client: TestClient, connector: FakeConnector, trusted: TrustServer, keys: Keys
) -> None:
    database = client.app[COMPONENTS].database
    before = _rows(database)
    activity = _teams_message(connector)
    token = Minter(keys, connector.url).token()

    assert await _post(client, activity, f"Bearer {token}") in (200, 201)

    [reply] = await connector.wait_for(1)
    assert reply.conversation_id == activity["conversation"]["id"]
    assert reply.body["replyToId"] == activity["id"]
    assert reply.authorization == f"Bearer {OUTBOUND_TOKEN}"  # the reply is signed as the bot
    assert [c.conversation_id for c in client.app[COMPONENTS].repository.conversations()] == [
        activity["conversation"]["id"]
    ]
    assert _rows(database) != before  # so the refusals' "nothing changed" below can fail
    # The keys came from the test's documents, not from login.botframework.com.
    # (botbuilder reads the OpenID configuration for the keys' address; the Agents SDK knows it.)
    assert KEYS_PATH in trusted.requested and set(trusted.requested) <= {METADATA_PATH, KEYS_PATH}


async def test_on_the_agents_sdk_the_signature_is_checked_once_a_request(
    client: TestClient, connector: FakeConnector, trusted: TrustServer, keys: Keys, bot_sdk: str
) -> None:
    """Once before the body is read; after it only what needs the activity (its channel's key endorsement,
    the serviceurl claim): not the signature again (bench/: each check costs about a tenth of a turn)."""
    if bot_sdk != "agents":
        pytest.skip("botbuilder checks the token and the activity's claims in one call of its own")
    from microsoft_agents.hosting.core.authorization.jwt.jwt_token_validator import JwtTokenValidator

    checks: list[str] = []
    validate = JwtTokenValidator.validate_token

    async def counted(self: Any, token: str) -> Any:
        checks.append(token)
        return await validate(self, token)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(JwtTokenValidator, "validate_token", counted)
        token = Minter(keys, connector.url).token()
        assert await _post(client, _teams_message(connector), f"Bearer {token}") in (200, 201)
        await connector.wait_for(1)
        assert checks == [token]
        # A token naming another service is still refused, after the one check.
        other = Minter(keys, "https://smba.example.invalid/").token()
        assert await _post(client, _teams_message(connector), f"Bearer {other}") == 401
        assert checks == [token, other]


async def test_a_token_within_the_clock_skew_is_accepted(
    client: TestClient, connector: FakeConnector, keys: Keys
) -> None:
    now = int(time.time())
    token = Minter(keys, connector.url).token(exp=now - SKEW + 60, nbf=now + SKEW - 60)
    assert await _post(client, _teams_message(connector), f"Bearer {token}") in (200, 201)
    await connector.wait_for(1)


async def test_a_key_endorsed_for_webchat_is_accepted_from_webchat(
    client: TestClient, connector: FakeConnector, keys: Keys
) -> None:
    """The control for the endorsement refusal: the same key and token shape pass on their own channel."""
    activity = {**_teams_message(connector), "channelId": "webchat"}
    token = Minter(keys, connector.url).token(keys.webchat)
    assert await _post(client, activity, f"Bearer {token}") in (200, 201)
    await connector.wait_for(1)


# --- refused -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(REFUSED.values()), ids=list(REFUSED))
async def test_a_request_without_a_valid_token_is_refused_with_401_and_no_side_effect(
    client: TestClient, connector: FakeConnector, keys: Keys, case: Case
) -> None:
    database = client.app[COMPONENTS].database
    before = _rows(database)
    activity = _teams_message(connector)

    assert await _post(client, activity, case(Minter(keys, connector.url))) == 401

    assert connector.posted == []
    assert connector.received == []
    assert client.app[COMPONENTS].repository.conversations(active_only=False) == []
    assert _rows(database) == before


async def test_after_a_refusal_the_same_activity_with_a_valid_token_is_answered(
    client: TestClient, connector: FakeConnector, keys: Keys
) -> None:
    """A refusal leaves nothing behind that changes the next request (e.g. its id as already seen)."""
    activity = _teams_message(connector)
    minter = Minter(keys, connector.url)
    assert await _post(client, activity, "Bearer " + minter.token(aud=OTHER_APP_ID)) == 401
    assert await _post(client, activity, "Bearer " + minter.token()) in (200, 201)
    [reply] = await connector.wait_for(1)
    assert reply.body["replyToId"] == activity["id"]


# --- what the SDK lets through -----------------------------------------------------------------


async def test_a_token_without_an_expiry_is_refused(
    client: TestClient, connector: FakeConnector, keys: Keys
) -> None:
    token = Minter(keys, connector.url).token(exp=None)
    assert await _post(client, _teams_message(connector), f"Bearer {token}") == 401
    assert connector.posted == []


@pytest.mark.xfail(
    strict=True,
    reason="SDK 4.17.1 checks endorsements only when the key lists some (jwt_token_extractor.py)",
)
async def test_a_key_with_no_endorsements_is_refused_for_msteams(
    client: TestClient, connector: FakeConnector, keys: Keys
) -> None:
    token = Minter(keys, connector.url).token(keys.bare)
    assert await _post(client, _teams_message(connector), f"Bearer {token}") == 401
    assert connector.posted == []
