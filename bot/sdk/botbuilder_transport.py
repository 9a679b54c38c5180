"""The Bot Framework transport: what botbuilder rebuilds on every turn, kept across turns.

botbuilder 4.17.1's CloudAdapter builds new app credentials and a new ConnectorClient for every turn
(DESIGN.md, "Facts"). With credentials, MSAL's token cache then starts empty, so every reply first asks
Microsoft Entra for a token, synchronously on the event loop, and every reply opens a new TLS connection.
Through the SDK's public factory interfaces (ServiceClientCredentialsFactory, ConnectorFactory,
BotFrameworkAuthentication) this module keeps, and nothing else:

- the credentials per (app id, OAuth scope, login endpoint, authority validation), their token fetched and
  renewed before it expires in a worker thread (KeptTokenCredentials);
- the user token client per app id (the bot signs no one in, but CloudAdapter builds one every turn);
- the connector clients per (app id, service URL, audience), so a client's requests.Session keeps its
  connection; each reads a gateway's error page (text/html, text/plain) as an error answer without a body,
  i.e. ErrorResponseException with the status and Retry-After, where msrest raised DeserializationError.

Authentication stays the SDK's, on every request. (A turn's replies are retried by bot/notifier.py's
RetryingTurn.)
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from logging import Logger
from typing import Any, TypeVar

import jwt
from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import Activity
from botframework.connector import AsyncBfPipeline
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    AuthenticationConstants,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from msrest.authentication import Authentication
from msrest.exceptions import DeserializationError
from msrest.pipeline import AsyncPipeline, Request, Response
from msrest.pipeline.universal import RawDeserializer

log = logging.getLogger(__name__)
V = TypeVar("V")

MAX_KEPT = 64  # clients kept; without credentials any request may name any serviceUrl (loopback only)
RENEW_BEFORE = 4 * 60.0  # renew the token in a worker thread with this little left (MSAL's cache: 5 min)
MIN_TOKEN_LEFT = 60.0  # with less left, a send fetches a token itself, as the SDK always does


async def _kept(
    cache: OrderedDict[Any, asyncio.Future[Any]], key: Any, make: Callable[[], Awaitable[V]]
) -> V:
    """make() once per key however many turns ask at once; the least recently used dropped past MAX_KEPT.
    A failure is not kept: the next turn makes it again (and meets the same refusal: "Invalid app_id")."""
    made = cache.get(key)
    if made is None or made.get_loop() is not asyncio.get_running_loop():
        made = cache[key] = asyncio.ensure_future(make())

        def forget_failure(done: asyncio.Future[Any]) -> None:
            if (done.cancelled() or done.exception() is not None) and cache.get(key) is done:
                del cache[key]

        made.add_done_callback(forget_failure)
        while len(cache) > MAX_KEPT:
            cache.popitem(last=False)
    cache.move_to_end(key)
    return await asyncio.shield(made)  # type: ignore[no-any-return]


class KeptTokenCredentials(AppCredentials):  # type: ignore[misc]
    """The SDK's credentials (MSAL) with their token kept, and renewed in a worker thread before it expires.

    msrest signs each request on the event loop (`signed_session` -> `get_access_token`, MSAL's synchronous
    HTTP when its cache has no usable token). Here a send gets the kept token; only when none is usable (the
    first fetch failed, or renewals kept failing) does it fetch one itself, exactly as the SDK does.
    """

    def __init__(self, inner: AppCredentials, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(inner.microsoft_app_id, inner.tenant, inner.oauth_scope)
        self.oauth_endpoint = inner.oauth_endpoint
        self.inner = inner
        self._clock = clock
        self._kept: tuple[str, float] | None = None  # (token, when it expires), replaced as a whole
        self._renewal: asyncio.Future[str] | None = None

    def get_access_token(self, force_refresh: bool = False) -> str:
        kept, now = self._kept, self._clock()
        if kept is None or force_refresh or now >= kept[1] - MIN_TOKEN_LEFT:
            return self.fetch()
        if now >= kept[1] - RENEW_BEFORE and (self._renewal is None or self._renewal.done()):
            try:
                loop = asyncio.get_running_loop()  # msrest signs on the event loop
            except RuntimeError:
                return self.fetch()
            self._renewal = loop.create_task(asyncio.to_thread(self.fetch))
            self._renewal.add_done_callback(_log_failure)
        return kept[0]

    def fetch(self) -> str:
        """A token from the SDK's credentials, kept for its lifetime (exp - iat, not the local clock)."""
        started, token = self._clock(), self.inner.get_access_token()
        try:
            claims = jwt.decode(token, options={"verify_signature": False})
            self._kept = (token, started + float(claims["exp"]) - float(claims["iat"]))
        except (jwt.PyJWTError, KeyError, TypeError, ValueError):
            self._kept = None  # a token that does not say when it expires is not kept
        return token  # type: ignore[no-any-return]


def _log_failure(done: asyncio.Future[Any]) -> None:
    if not done.cancelled() and done.exception() is not None:
        log.warning("could not renew the Bot Framework token: %r", done.exception())


class ReusingCredentialsFactory(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """The SDK's credentials factory, its credentials kept: they depend only on the key and the configured
    secret. Which app ids are valid is still the inner factory's decision, on every miss."""

    def __init__(self, inner: ServiceClientCredentialsFactory) -> None:
        self._inner = inner
        self.credentials: OrderedDict[Any, asyncio.Future[Any]] = OrderedDict()

    async def is_valid_app_id(self, app_id: str) -> bool:
        return await self._inner.is_valid_app_id(app_id)  # type: ignore[no-any-return]

    async def is_authentication_disabled(self) -> bool:
        return await self._inner.is_authentication_disabled()  # type: ignore[no-any-return]

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        async def make() -> Authentication:
            made = await self._inner.create_credentials(
                app_id, oauth_scope, login_endpoint, validate_authority
            )
            if not isinstance(made, AppCredentials) or not made.microsoft_app_id:
                return made  # no app id: nothing is signed, nothing to fetch
            kept = KeptTokenCredentials(made)
            try:
                await asyncio.to_thread(kept.fetch)  # the first token, off the event loop
            except Exception as exc:  # noqa: BLE001 - the first send fetches (and fails) itself, as ever
                log.warning("could not fetch the Bot Framework token: %r", exc)
            return kept

        key = (app_id, oauth_scope, login_endpoint, validate_authority)
        return await _kept(self.credentials, key, make)


class ErrorAnswerDeserializer(RawDeserializer):  # type: ignore[misc]
    """msrest's RawDeserializer, reading an error answer's unreadable body (a gateway's HTML 502, a
    text/plain 503) as no body: the operation then raises ErrorResponseException with the status and headers
    (Retry-After), as for the same status without a body. An unreadable 2xx body still raises
    DeserializationError: the Connector took the request, so it must not be sent again."""

    def on_response(self, request: Request, response: Response, **kwargs: Any) -> None:
        if kwargs.get("stream", True):  # as RawDeserializer: a streamed answer is not read here
            return
        answer = response.http_response
        try:
            body = self.deserialize_from_http_generics(answer.text(), answer.headers)
        except DeserializationError:
            if 200 <= answer.status_code < 300:
                raise
            body = None
        response.context[self.CONTEXT_NAME] = body


class _ReadsErrorPages(AsyncPipeline):  # type: ignore[misc]
    def __init__(self, policies: list[Any], sender: Any = None) -> None:
        swapped = [ErrorAnswerDeserializer() if type(p) is RawDeserializer else p for p in policies]
        super().__init__(swapped, sender)


class ErrorReadingPipeline(AsyncBfPipeline, _ReadsErrorPages):  # type: ignore[misc]
    """The SDK's connector pipeline (AsyncBfPipeline: the same policies and sender as a ConnectorClient's
    default), with ErrorAnswerDeserializer in place of RawDeserializer."""


class ReusingConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    """The SDK's connector factory for one turn, handing out the client kept for (app id, service URL,
    audience). A client holds no per-turn state: only the service URL, the credentials (fixed by app id and
    audience) and its configuration. An incoming turn's service URL was just checked by the SDK against the
    token's `serviceurl` claim, so no token goes anywhere the SDK would not have sent it."""

    def __init__(self, inner: ConnectorFactory, app_id: str | None, audience: str, clients: Any) -> None:
        self._inner, self._app_id, self._audience, self._clients = inner, app_id, audience, clients

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        async def make() -> ConnectorClient:
            client = await self._inner.create(service_url, audience)
            client.config.pipeline = ErrorReadingPipeline(client.config)
            return client

        return await _kept(self._clients, (self._app_id, service_url, audience or self._audience), make)


class ReusingBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication):  # type: ignore[misc]
    """The SDK's authentication from configuration, with its credentials and connector clients kept."""

    def __init__(self, configuration: Any, *, logger: Logger | None = None) -> None:
        self.credentials_factory = ReusingCredentialsFactory(
            ConfigurationServiceClientCredentialFactory(configuration, logger=logger)
        )
        super().__init__(configuration, credentials_factory=self.credentials_factory, logger=logger)
        self.clients: OrderedDict[Any, asyncio.Future[Any]] = OrderedDict()
        self.user_token_clients: OrderedDict[Any, asyncio.Future[Any]] = OrderedDict()

    def _reusing(self, inner: ConnectorFactory, claims: ClaimsIdentity) -> ReusingConnectorFactory:
        # The bot's app id in the claims, read as the SDK reads it (_BuiltinBotFrameworkAuthentication).
        app_id = claims.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM) or claims.get_claim_value(
            AuthenticationConstants.APP_ID_CLAIM
        )
        return ReusingConnectorFactory(inner, app_id, self.get_originating_audience(), self.clients)

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        result = await super().authenticate_request(activity, auth_header)  # the SDK's checks, every time
        if result.connector_factory is not None:
            result.connector_factory = self._reusing(result.connector_factory, result.claims_identity)
        return result

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        # CloudAdapter makes one for every turn (the bot signs no one in, yet each costs a new msrest
        # configuration and requests session); the app id's client is the same every time.
        app_id = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)

        async def make() -> UserTokenClient:
            return await super(ReusingBotFrameworkAuthentication, self).create_user_token_client(
                claims_identity
            )

        return await _kept(self.user_token_clients, app_id, make)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        # Proactive sends and new conversations (bot/notifier.py).
        return self._reusing(super().create_connector_factory(claims_identity), claims_identity)
