"""A loopback stand-in for Microsoft Entra and the Bot Framework's login service, reached by their real names.

The SDKs fetch `https://login.microsoftonline.com/...` (MSAL: the tenant's OpenID configuration, then a
client-credentials token) and `https://login.botframework.com/v1/.well-known/...` (the OpenID metadata and
the signing keys incoming tokens are checked against). MSAL only takes an https authority and, for any host
but Microsoft's own, first asks login.microsoftonline.com's instance discovery about it, so the names stay
and the route changes: every server gets `HTTPS_PROXY` pointing at `Proxy` here (a CONNECT proxy that only
tunnels to these two names, into this TLS server on loopback) and `REQUESTS_CA_BUNDLE` / `SSL_CERT_FILE`
naming this run's own certificate authority; `NO_PROXY` keeps the Bot Connector's loopback address direct.
Nothing in an SDK or in the bot is patched.

`Entra.channel_token(service_url)` signs what the Bot Connector sends a bot (RS256, issuer
https://api.botframework.com, audience the app id, the `serviceurl` claim), with the key the metadata
publishes (endorsed for msteams). `issued` holds every access token handed out, so the fake Connector can
refuse a reply whose bearer token did not come from here.
"""

from __future__ import annotations

import asyncio
import datetime
import ssl
import time
import uuid
from pathlib import Path

import jwt
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from jwt.algorithms import RSAAlgorithm

LOGIN = "login.microsoftonline.com"
BOTFRAMEWORK = "login.botframework.com"
APP_ID = "00000000-0000-4000-8000-0000000000b0"
APP_PASSWORD = "bench-client-secret"
TENANT = "00000000-0000-4000-8000-000000000001"
KEY_ID = "bench-key-1"
CHANNEL_ISSUER = "https://api.botframework.com"


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _certificate(subject: str, key: rsa.RSAPrivateKey, issuer: x509.Name | None, signer, names=()):  # type: ignore[no-untyped-def]
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer or name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=issuer is None, path_length=None), critical=True)
    )
    if names:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False
        )
    return builder.sign(signer, hashes.SHA256())


class Entra:
    """The token service and key publisher (an aiohttp app served over TLS) plus the CONNECT proxy."""

    def __init__(self, folder: Path) -> None:
        self.signing_key = _key()
        ca_key, tls_key = _key(), _key()
        ca = _certificate("bench CA", ca_key, None, ca_key)
        leaf = _certificate(LOGIN, tls_key, ca.subject, ca_key, names=(LOGIN, BOTFRAMEWORK))
        self.ca_file = folder / "bench-ca.pem"
        self.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        chain, key_file = folder / "login.pem", folder / "login.key"
        chain.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            tls_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        self._tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._tls.load_cert_chain(chain, key_file)
        self.issued: set[str] = set()
        self.token_requests = 0
        self.metadata_requests = 0
        self._tls_port = 0
        self.proxy_port = 0
        self._runner: web.AppRunner | None = None
        self._proxy: asyncio.Server | None = None

    def environment(self) -> dict[str, str]:
        """What a server process needs to reach this stand-in by the real names."""
        return {
            "HTTPS_PROXY": f"http://127.0.0.1:{self.proxy_port}",
            "https_proxy": f"http://127.0.0.1:{self.proxy_port}",
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
            "REQUESTS_CA_BUNDLE": str(self.ca_file),
            "SSL_CERT_FILE": str(self.ca_file),
        }

    def channel_token(self, service_url: str, lifetime: float = 3600.0, *, forged: bool = False) -> str:
        """A token as the Bot Connector signs it for a request to the bot; `forged`: the same, signed with
        another key under the published key's id (every server must refuse it)."""
        now = int(time.time())
        claims = {
            "iss": CHANNEL_ISSUER,
            "aud": APP_ID,
            "serviceurl": service_url,
            "nbf": now - 60,
            "iat": now - 60,
            "exp": now + int(lifetime),
        }
        key = _key() if forged else self.signing_key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KEY_ID})

    def user_token(
        self,
        object_id: str,
        *,
        now: float,
        tenant: str = TENANT,
        audience: str = APP_ID,
        lifetime: float = 3600.0,
        forged: bool = False,
    ) -> str:
        """An access token for a signed-in user, as Entra issues one to a Teams tab for this app
        (`authentication.getAuthToken()`, v2.0); `now` in seconds since the epoch (the bot's clock)."""
        claims = {
            "iss": f"https://{LOGIN}/{tenant}/v2.0",
            "aud": audience,
            "tid": tenant,
            "oid": object_id,
            "scp": "access_as_user",
            "ver": "2.0",
            "nbf": int(now) - 60,
            "iat": int(now) - 60,
            "exp": int(now + lifetime),
        }
        key = _key() if forged else self.signing_key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KEY_ID})

    def jwk(self) -> dict[str, object]:
        key = RSAAlgorithm.to_jwk(self.signing_key.public_key(), as_dict=True)
        return key | {"kid": KEY_ID, "use": "sig", "kty": "RSA", "endorsements": ["msteams"]}

    async def start(self) -> Entra:
        app = web.Application()
        app.router.add_get("/v1/.well-known/openidconfiguration", self._bot_metadata)
        app.router.add_get("/v1/.well-known/keys", self._keys)
        app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", self._tenant_metadata)
        app.router.add_get("/{tenant}/discovery/v2.0/keys", self._keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, ssl_context=self._tls)
        await site.start()
        self._tls_port = self._runner.addresses[0][1]
        self._proxy = await asyncio.start_server(self._tunnel, "127.0.0.1", 0)
        self.proxy_port = self._proxy.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        if self._proxy is not None:
            self._proxy.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _tunnel(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """HTTP CONNECT to one of the two names: a byte pipe into the TLS server; anything else: 403."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            method, target, *_ = head.split(b"\r\n", 1)[0].decode().split()
            if method != "CONNECT" or target.rsplit(":", 1)[0] not in (LOGIN, BOTFRAMEWORK):
                writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                return
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self._tls_port)
            writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        except (OSError, ValueError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # a client that went away, or the stand-in closing
        finally:
            writer.close()

    async def _bot_metadata(self, _: web.Request) -> web.Response:
        self.metadata_requests += 1
        return web.json_response(
            {
                "issuer": CHANNEL_ISSUER,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": f"https://{BOTFRAMEWORK}/v1/.well-known/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _keys(self, _: web.Request) -> web.Response:
        self.metadata_requests += 1
        return web.json_response({"keys": [self.jwk()]})

    async def _tenant_metadata(self, request: web.Request) -> web.Response:
        self.metadata_requests += 1
        base = f"https://{LOGIN}/{request.match_info['tenant']}"
        return web.json_response(
            {
                "issuer": f"{base}/v2.0",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_types_supported": ["code", "token"],
                "token_endpoint_auth_methods_supported": ["client_secret_post"],
            }
        )

    async def _token(self, request: web.Request) -> web.Response:
        """Client credentials: the app's id and secret in, a bearer token for the Bot Connector out."""
        self.token_requests += 1
        form = await request.post()
        if form.get("client_id") != APP_ID or form.get("client_secret") != APP_PASSWORD:
            return web.json_response({"error": "invalid_client"}, status=401)
        now = int(time.time())
        token = jwt.encode(
            {
                "aud": CHANNEL_ISSUER,
                "iss": f"https://sts.windows.net/{request.match_info['tenant']}/",
                "appid": APP_ID,
                "tid": request.match_info["tenant"],
                "nbf": now,
                "exp": now + 3600,
                "jti": uuid.uuid4().hex,
            },
            self.signing_key,
            algorithm="RS256",
            headers={"kid": KEY_ID},
        )
        self.issued.add(token)
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token}
        )


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (OSError, asyncio.CancelledError):
        pass
    finally:
        writer.close()
