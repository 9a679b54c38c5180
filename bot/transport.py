"""The Bot Framework transport: the SDK's authentication and Connector clients, built once, not per turn.

botbuilder 4.17.1's CloudAdapter builds, on every turn (incoming or proactive), a new ConnectorClient, a new
UserTokenClient (a TokenApiClient) and new MicrosoftAppCredentials for them. Each msrest client configuration
builds a `ClientRetryPolicy`, whose `[i for i in range(999) if i not in safe_codes]` alone costs about 5 ms;
each client also gets its own requests.Session (a new TCP connection per turn, left for the garbage
collector), and each new MicrosoftAppCredentials a new MSAL application with an empty token cache, so with
credentials set every reply first asks Microsoft Entra for a token, synchronously, on the event loop.
That is most of the SDK's per-turn cost (the echo bot's ~90 activities/s on one core; DESIGN.md).

This module keeps the SDK doing all of the protocol and security work and only reuses what it builds:

- Authentication is the SDK's: `ConfigurationBotFrameworkAuthentication` (JwtTokenValidation) checks every
  incoming request exactly as before (401 without a valid token when an app id is set; the token's
  `serviceurl` claim must match the activity's serviceUrl) and runs on every turn, before any reuse.
- Connector clients are the SDK's (`_ConnectorFactoryImpl.create`: same credentials, configuration, user
  agent, msrest pipeline and retry policy), kept per (app id, service URL, audience). Replies are still
  REST calls to the Bot Connector with the SDK's `Authorization: Bearer` header; 429/503 answers still
  raise `ErrorResponseException` (an msrest HttpOperationError) once, and an unreachable Connector
  `ClientRequestError`. Every kept client (replies and proactive sends) reads an error answer whose body
  is neither JSON nor XML (a gateway's 502 page, a text/plain 503) as one without a body, so it too raises
  ErrorResponseException, where msrest raised DeserializationError (ErrorAnswerDeserializer). The replies
  of incoming turns (POSTs) go out on one shared aiohttp connection pool instead of requests in a worker
  thread (FastPostSender, which mirrors what requests/urllib3 did for a POST); proactive sends
  (bot/notifier.py) keep the SDK's requests-based sender as it is.
- The JSON body of an outgoing Activity is the one msrest's serializer builds, built without walking and
  copying card content value by value (ActivitySerializer; anything unusual is still msrest's).
- A turn's replies (`reply_to_activity`, `send_to_conversation` on the kept turn clients) are built and sent
  without msrest's pipeline: the same URL, headers (the SDK credentials' Authorization), body and outcomes
  (LeanConversationsOperations; anything unusual goes through msrest's pipeline as before).
- Outgoing activities are copied shallowly, not deeply, before they are addressed (ShallowCopyTurnContext,
  made by ShallowCopyCloudAdapter, the adapter bot/app.py uses): addressing only sets top-level attributes.
- Credentials are the SDK's (MicrosoftAppCredentials and friends), kept per (app id, OAuth scope, login
  endpoint, authority validation), with their token fetched and renewed in a worker thread.
- The signing keys that incoming tokens are checked against (OpenID metadata) are fetched in a worker
  thread instead of on the event loop, and parsed once per key instead of once per request.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import logging
import os
import ssl
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine, Hashable
from copy import copy, deepcopy
from enum import Enum
from logging import Logger
from typing import Any, Generic, TypeVar
from urllib.parse import quote, urljoin, urlparse

import aiohttp
import jwt
import requests
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    DeliveryModes,
    ErrorResponseException,
    ResourceResponse,
)
from botframework.connector import AsyncBfPipeline
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from botframework.connector.auth.jwt_token_extractor import (
    JwtTokenExtractor,
    _OpenIdConfig,
    _OpenIdMetadata,
)
from botframework.connector.skills import BotFrameworkClient
from jwt.algorithms import RSAAlgorithm
from msrest.authentication import Authentication
from msrest.exceptions import ClientRequestError, DeserializationError
from msrest.pipeline import AsyncHTTPSender, Request, Response
from msrest.pipeline.requests import RequestsContext
from msrest.pipeline.universal import RawDeserializer
from msrest.serialization import Deserializer, Model, Serializer, full_restapi_key_transformer
from msrest.universal_http import ClientRequest
from msrest.universal_http.async_requests import AsyncRequestsClientResponse
from requests.structures import CaseInsensitiveDict
from requests.utils import get_encoding_from_headers, get_environ_proxies
from yarl import URL

log = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# How many connector clients are kept. A Teams bot talks to a handful of service URLs (one per region); the
# bound matters without credentials, where any request may name any serviceUrl (local development only:
# the server refuses to listen beyond loopback then).
MAX_CLIENTS = 64

# The token is renewed in a worker thread once it has less than this left. MSAL hands out its cached token
# until 5 minutes before it expires, so from here on a fetch really gets a new one.
RENEW_BEFORE = 4 * 60.0
# With less than this left the kept token is not used: the next send fetches one itself, as the SDK does.
MIN_TOKEN_LEFT = 60.0
# How long the first turn waits for the first token, fetched in a worker thread; past that, the send fetches.
PREFETCH_TIMEOUT = 30.0

# The SDK's rules for signing keys (jwt_token_extractor._OpenIdMetadata): refresh after a day, and on an
# unknown key id at most once an hour. Keys up to a day old are used as they are; between one day and one
# day plus STALE_GRACE they are still used while fresh ones are fetched in the background; older, a request
# waits for the fetch (in a worker thread) as the SDK's does.
KEYS_MAX_AGE = 24 * 3600.0
KEYS_STALE_GRACE = 3600.0
KEYS_UNKNOWN_KID_INTERVAL = 3600.0
# A background key refresh that failed is not tried again sooner than this.
KEYS_RETRY_AFTER = 60.0
# Neither the metadata document nor the keys take long; without a timeout a hung fetch would hold every
# request that waits for it.
KEYS_FETCH_TIMEOUT = 10.0


class _Kept(Generic[K, V]):
    """What was made per key, least recently used dropped past `size`, each made once however many turns
    ask for it at the same time (32 concurrent first turns build one client and fetch one token).

    Only touched from the event loop's thread, so no lock is needed. A failure is not kept: the next turn
    asking makes it again, and meets the same refusal (e.g. the SDK's "Invalid app_id").
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._making: dict[K, asyncio.Future[V]] = {}

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def values(self) -> list[V]:
        return list(self._items.values())

    async def get_or_make(self, key: K, make: Callable[[], Coroutine[Any, Any, V]]) -> V:
        value = self.get(key)
        if value is not None:
            return value
        loop = asyncio.get_running_loop()
        making = self._making.get(key)
        if making is None or making.get_loop() is not loop:
            making = self._making[key] = loop.create_task(make())
            making.add_done_callback(lambda done: self._made(key, done))
        # Shielded: a turn that is cancelled while waiting does not cancel the making for the others.
        return await asyncio.shield(making)

    def _made(self, key: K, done: asyncio.Future[V]) -> None:
        if self._making.get(key) is done:
            del self._making[key]
        if done.cancelled() or done.exception() is not None:
            return
        self._items[key] = done.result()
        while len(self._items) > self._size:
            # An evicted client may still be in use by a running turn; it keeps working and is collected
            # when that turn ends.
            self._items.popitem(last=False)


def app_id_of(claims_identity: ClaimsIdentity) -> str | None:
    """The bot's app id in a turn's claims, the way the SDK reads it (_BuiltinBotFrameworkAuthentication)."""
    app_id = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    if app_id is None:
        app_id = claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
    return app_id


class _SignedHeaders:
    """What AppCredentials.signed_session signs in place of a requests.Session: only its headers.

    msrest's AsyncRequestsCredentialsPolicy hands the credentials `request.context.session`; the SDK's
    AppCredentials then sets `headers["Authorization"] = "Bearer <token>"` on it (or removes it when there is
    no app id). The fast sender sends exactly those headers, as requests would merge a session's headers.
    """

    __slots__ = ("headers",)

    def __init__(self) -> None:
        self.headers: dict[str, str] = {}


class HttpPool:
    """One aiohttp ClientSession, i.e. one keep-alive connection pool, for all fast connector clients.

    Made on first use in the running event loop (a new loop, as in tests, gets a new one). No cookies are
    kept: the SDK's clients started every turn with an empty cookie jar, and a shared jar would carry
    state from one conversation's reply to another's. The CA bundle is the one requests uses
    (REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE, else certifi's), so the fast path trusts what the SDK's does.
    It does not read the environment per request (aiohttp's trust_env costs two thread hops per request);
    a service URL that the environment sends through a proxy keeps the SDK's sender (`_mirrors_requests`).
    """

    def __init__(self, *, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ssl: ssl.SSLContext | None = None
        self.sleep = sleep  # the wait between connection attempts (tests replace it)

    def session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._session
        if session is None or session.closed or self._loop is not loop:
            if self._ssl is None:
                bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
                self._ssl = ssl.create_default_context(cafile=bundle or requests.certs.where())
            session = self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(ssl=self._ssl),
                cookie_jar=aiohttp.DummyCookieJar(),
            )
            self._loop = loop
        return session

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None and not session.closed and self._loop is asyncio.get_running_loop():
            await session.close()


def _connect_delays(config: Any) -> list[float]:
    """The waits between connection attempts msrest's ClientRetryPolicy gives a POST.

    urllib3's Retry (total=3, connect=3, backoff_factor=0.8 in msrest) retries a POST only when the
    connection could not be made (never on a status, never once the request may have been sent, as POST is
    not in its allowed methods), waiting 0, then backoff_factor * 2 ** (n - 1): 0, 1.6 and 3.2 s.
    """
    policy = config.retry_policy.policy
    tries = min(x for x in (policy.total, policy.connect) if isinstance(x, int))
    factor = float(policy.backoff_factor or 0)
    limit = float(getattr(policy, "backoff_max", 120))
    return [0.0 if n == 1 else min(limit, factor * 2 ** (n - 1)) for n in range(1, tries + 1)]


def _as_requests_response(response: aiohttp.ClientResponse, body: bytes) -> requests.Response:
    """The answer as a requests.Response, what msrest and bot/notifier.py read from the SDK's sender.

    `HttpOperationError.response` (status_code, case-insensitive headers such as Retry-After), `.reason`,
    `.text`, `raise_for_status()`: all the same objects as before. Repeated headers are joined with ", ", as
    urllib3 does.
    """
    converted = requests.Response()
    converted.status_code = response.status
    headers: CaseInsensitiveDict[str] = CaseInsensitiveDict()
    for name in response.headers:
        if name not in headers:
            headers[name] = ", ".join(response.headers.getall(name))
    converted.headers = headers
    converted._content = body
    converted.reason = response.reason or ""
    converted.url = str(response.url)
    converted.encoding = get_encoding_from_headers(headers)
    return converted


class FastPostSender(AsyncHTTPSender):  # type: ignore[misc]
    """Sends a connector client's POSTs (replies, new conversations) on the shared aiohttp pool.

    The SDK's sender runs each request with requests in a worker thread: about 0.7 ms of CPU per reply
    here, against about 0.2 ms with aiohttp on the event loop. Everything above the sender is the SDK's
    pipeline, unchanged (user agent, the credentials' Authorization header, response deserialisation,
    logging), and the answer comes back as a requests.Response wrapped the way msrest wraps it, so a non-2xx
    status raises the same ErrorResponseException with the same `.response`. What requests/urllib3 did for
    a POST under msrest's retry policy is done here too: connection failures (nothing sent) are retried with
    the same waits; anything once the request may have gone out is not retried and is raised, like every
    failure, as msrest's ClientRequestError; timeouts are the configuration's (100 s to connect, 100 s
    between reads). Redirects are not followed: the Bot Connector API does not redirect, and a reply carries
    a bearer token. LeanConversationsOperations sends a turn's replies with `request`, the same way.
    """

    def __init__(self, pool: HttpPool, config: Any) -> None:
        self._pool = pool
        self._delays = _connect_delays(config)
        timeout = config.connection.timeout
        self._timeout = aiohttp.ClientTimeout(total=None, sock_connect=timeout, sock_read=timeout)

    async def __aenter__(self) -> FastPostSender:
        return self

    async def __aexit__(self, *exc_details: object) -> None:
        return None  # the pool outlives any one client; HttpPool.close() ends it

    def build_context(self) -> RequestsContext:
        return RequestsContext(session=_SignedHeaders())

    async def send(self, request: Request, **kwargs: Any) -> Response:
        http_request: ClientRequest = request.http_request
        signed: _SignedHeaders = request.context.session  # type: ignore[union-attr]
        # As requests merges them: the session's (signed) headers, then the request's own.
        headers = {**signed.headers, **http_request.headers}
        headers.pop("Content-Length", None)  # aiohttp counts the encoded body itself
        data = http_request.data
        body = data.encode("utf-8") if isinstance(data, str) else data
        response, content = await self.request(http_request.method, http_request.url, headers, body)
        answer = AsyncRequestsClientResponse(http_request, _as_requests_response(response, content))
        return Response(request, answer)

    async def request(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[aiohttp.ClientResponse, bytes]:
        """Send one request on the pool, retrying only while not connected; the answer and its whole body."""
        session = self._pool.session()
        attempt = 0
        while True:
            try:
                async with session.request(
                    method,
                    # As msrest quoted it: yarl would otherwise unquote %3A, %40, %3B, %3D in conversation
                    # ids ("19:...@thread.tacv2;messageid=..."), which requests sends as they are.
                    URL(url, encoded=True),
                    data=body,
                    headers=headers,
                    allow_redirects=False,
                    timeout=self._timeout,
                ) as response:
                    content = await response.read()
                break
            except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
                # Not connected: nothing was sent, so trying again cannot post twice.
                if attempt >= len(self._delays):
                    raise _request_error(exc) from exc
                delay = self._delays[attempt]
                attempt += 1
                if delay:
                    await self._pool.sleep(delay)
            except (aiohttp.ClientError, TimeoutError) as exc:
                raise _request_error(exc) from exc
        return response, content


def _request_error(exc: BaseException) -> ClientRequestError:
    # The message msrest's raise_with_traceback gives a requests error.
    return ClientRequestError(f"Error occurred in request., {type(exc).__name__}: {exc}", exc)


class _PostsOnPool:
    """A connector client's pipeline: POSTs through FastPostSender, everything else through the SDK's own.

    GET/PUT/DELETE keep requests and urllib3's full retry policy (status and read retries for idempotent
    methods) untouched; so do file uploads and any configuration the fast path does not mirror.
    """

    def __init__(self, fast: Any, original: Any) -> None:
        self._fast = fast
        self._original = original

    async def __aenter__(self) -> _PostsOnPool:
        await self._original.__aenter__()
        return self

    async def __aexit__(self, *exc_details: object) -> None:
        await self._original.__aexit__(*exc_details)

    async def run(self, request: ClientRequest, **kwargs: Any) -> Response:
        if request.method == "POST" and not request.files and isinstance(request.data, str | bytes | None):
            return await self._fast.run(request, **kwargs)
        return await self._original.run(request, **kwargs)


# --- replies: the two operations of a turn's replies, sent without msrest's pipeline ------------------------

# The statuses the SDK's operations accept as sent, and the Content-Types of an answer read here directly:
# these msrest reads as UTF-8 JSON too; any other answer is read by msrest's own code.
_SENT_STATUSES = frozenset({200, 201, 202})
_JSON_ANSWERS = frozenset({"application/json; charset=utf-8", "application/json"})
# json.dumps's encoder without its check for circular references (ClientRequest.add_content's json.dumps
# gives the same text): a body ActivitySerializer built is a tree, as it recursed through all of it.
_BODY_ENCODER = json.JSONEncoder(check_circular=False)


class LeanConversationsOperations(ConversationsOperations):  # type: ignore[misc]
    """The SDK's async ConversationsOperations for a kept turn client, with `reply_to_activity` and
    `send_to_conversation` (a turn's replies) built and sent directly: the same request, the same outcomes.

    For each reply msrest formats the URL twice, serializes and validates the path parameters, builds a
    ClientRequest, runs four policies around the sender (user agent, the credentials' `signed_session`, its
    raw deserializer, the HTTP logger), turns the answer into a requests.Response and builds the
    ResourceResponse with its Deserializer. Here, with the SDK's objects and functions wherever they decide
    something:

    - the URL is format_url's: `urljoin(base_url.rstrip("/") + "/", "v3/conversations/<id>/activities/<id>")`,
      each id quoted as msrest's `Serializer.url` quotes a str (`quote(id, safe="")`);
    - the headers are what FastPostSender sends for msrest's request, in the same order: the credentials'
      own (AppCredentials.signed_session on _SignedHeaders: `Authorization: Bearer <get_access_token()>`,
      none without an app id or for an anonymous skill), Accept, Content-Type, x-ms-conversation-id for a
      reply, and the client's User-Agent (its configuration's UserAgentPolicy, as the pipeline has it);
    - the body is ActivitySerializer's, encoded as msrest's ClientRequest encodes it (json.dumps, UTF-8);
    - it is sent by the client's FastPostSender: the same pool, connection retries and ClientRequestError;
    - an answer of 200, 201 or 202 that is a UTF-8 JSON object holding just a string `id` becomes
      `ResourceResponse(id=...)`, which is what msrest's Deserializer makes of it. Every other answer is
      handed to msrest's own code, as its pipeline (with ErrorAnswerDeserializer) would: the body read by
      RawDeserializer (DeserializationError for a 2xx body it cannot read; an unreadable error body reads
      as none), then ErrorResponseException for a status other than 200, 201 and 202 (the same
      `.response`, `.error` and message), or the Deserializer's ResourceResponse.

    A call the lean path does not mirror is the SDK's operation, unchanged: custom headers, `raw`,
    per-operation configuration, ids that are not non-empty strs, an activity ActivitySerializer leaves to
    msrest, HTTP logging switched on. Clients whose configuration it does not mirror keep the SDK's
    operations altogether (`fits`).
    """

    def __init__(self, operations: ConversationsOperations, sender: FastPostSender) -> None:
        super().__init__(
            operations._client, operations.config, operations._serialize, operations._deserialize
        )
        config = operations.config
        self._sender = sender
        # format_url joins: urljoin(base_url.rstrip("/") + "/", the operation's path without its first "/").
        self._base = config.base_url.rstrip("/") + "/"
        self._conversations = urljoin(self._base, "v3/conversations/")
        # The pipeline's (AsyncBfPipeline, built from the same configuration when the client was prepared).
        self._user_agent = config.user_agent_policy
        self._logger = config.http_logger_policy
        self._credentials = config.credentials

    @staticmethod
    def fits(client: ConnectorClient) -> bool:
        """Whether the lean path mirrors what msrest does for this client (see send_posts_on)."""
        operations = client.conversations
        config = client.config
        base_url = config.base_url
        credentials = config.credentials
        deserializer = operations._deserialize
        if type(operations) is not ConversationsOperations or not isinstance(
            operations._serialize, ActivitySerializer
        ):
            return False
        if (
            type(deserializer) is not Deserializer
            or deserializer.dependencies.get("ResourceResponse") is not ResourceResponse
        ):
            return False
        # A base URL with braces would be formatted too; one without scheme or host is joined differently.
        parsed = urlparse(base_url) if isinstance(base_url, str) else None
        if (
            parsed is None
            or "{" in base_url
            or "}" in base_url
            or parsed.scheme not in ("http", "https")
            or not parsed.netloc
        ):
            return False
        # No credentials: the pipeline has no credentials policy. Others must sign as AppCredentials does.
        return not credentials or (
            isinstance(credentials, AppCredentials)
            and type(credentials).signed_session is AppCredentials.signed_session
        )

    async def reply_to_activity(
        self,
        conversation_id: Any,
        activity_id: Any,
        activity: Any,
        *,
        custom_headers: Any = None,
        raw: bool = False,
        **operation_config: Any,
    ) -> Any:
        if self._mirrors((conversation_id, activity_id), custom_headers, raw, operation_config):
            body = self._serialize.fast_body(activity)
            if body is not None:
                url = self._url(quote(conversation_id, safe=""), "activities", quote(activity_id, safe=""))
                headers = {
                    "Accept": "application/json",
                    "Content-Type": "application/json; charset=utf-8",
                    "x-ms-conversation-id": conversation_id,
                }
                return await self._post(url, headers, body)
        return await super().reply_to_activity(
            conversation_id, activity_id, activity, custom_headers=custom_headers, raw=raw, **operation_config
        )

    # The SDK's operations read their URL template from the method (`self.reply_to_activity.metadata`).
    reply_to_activity.metadata = ConversationsOperations.reply_to_activity.metadata  # type: ignore[attr-defined]

    async def send_to_conversation(
        self,
        conversation_id: Any,
        activity: Any,
        *,
        custom_headers: Any = None,
        raw: bool = False,
        **operation_config: Any,
    ) -> Any:
        if self._mirrors((conversation_id,), custom_headers, raw, operation_config):
            body = self._serialize.fast_body(activity)
            if body is not None:
                url = self._url(quote(conversation_id, safe=""), "activities")
                headers = {"Accept": "application/json", "Content-Type": "application/json; charset=utf-8"}
                return await self._post(url, headers, body)
        return await super().send_to_conversation(
            conversation_id, activity, custom_headers=custom_headers, raw=raw, **operation_config
        )

    send_to_conversation.metadata = ConversationsOperations.send_to_conversation.metadata  # type: ignore[attr-defined]

    def _mirrors(self, ids: tuple[Any, ...], custom_headers: Any, raw: bool, operation_config: Any) -> bool:
        """Whether the lean path sends what msrest would for a call with these ids (non-empty strs) and
        options (custom headers, raw, per-operation configuration: none), with HTTP logging off."""
        return (
            all(type(name) is str and name for name in ids)
            and not (custom_headers or raw or operation_config)
            and not self._logger.enable_http_logger
        )

    def _url(self, *segments: str) -> str:
        """format_url's URL for `v3/conversations/` followed by `segments` (ids quoted as Serializer.url
        quotes them). urljoin resolves dot segments and empty segments of the base's path, and then appends
        the segments as they are: so the URL is the one joined for `v3/conversations/`, followed by the
        segments, unless a segment is itself "." or ".." (then urljoin, as msrest)."""
        if "." in segments or ".." in segments:
            return urljoin(self._base, "v3/conversations/" + "/".join(segments))
        return self._conversations + "/".join(segments)

    async def _post(self, url: str, headers: dict[str, str], body: dict[str, Any]) -> Any:
        signed = _SignedHeaders()
        if self._credentials:
            self._credentials.signed_session(signed)
        headers = {**signed.headers, **headers, "User-Agent": self._user_agent.user_agent}
        data = self._serialize.encode(body)
        response, content = await self._sender.request("POST", url, headers, data)
        if response.status in _SENT_STATUSES:
            content_types = response.headers.getall("Content-Type", ())
            if len(content_types) == 1 and content_types[0] in _JSON_ANSWERS:
                try:
                    answer = json.loads(content.decode("utf-8"))
                except ValueError:  # not UTF-8, not JSON, or a BOM: msrest's reading below
                    answer = None
                if type(answer) is dict and len(answer) == 1 and type(answer.get("id")) is str:
                    return ResourceResponse(id=answer["id"])
        return self._msrest_outcome(url, response, content)

    def _msrest_outcome(self, url: str, response: aiohttp.ClientResponse, content: bytes) -> Any:
        """What msrest's pipeline and the SDK's operation make of this answer (the response as FastPostSender
        hands it to msrest, ErrorAnswerDeserializer's reading, then the operation's own code)."""
        answer = AsyncRequestsClientResponse(
            ClientRequest("POST", url), _as_requests_response(response, content)
        )
        answer.context = {  # type: ignore[attr-defined]
            RawDeserializer.CONTEXT_NAME: ErrorAnswerDeserializer.read(
                answer.text(), answer.headers, response.status
            )
        }
        if answer.status_code not in _SENT_STATUSES:
            raise ErrorResponseException(self._deserialize, answer)
        return self._deserialize("ResourceResponse", answer)


class ErrorAnswerDeserializer(RawDeserializer):  # type: ignore[misc]
    """msrest's RawDeserializer, reading an error answer whose body it cannot parse as an answer without one.

    RawDeserializer parses the body of every answer by its Content-Type before the operation looks at the
    status, and raises DeserializationError for a body that is not JSON or XML (a text/plain 503, a
    gateway's text/html 502 or 504, broken JSON): the operation never gets to raise ErrorResponseException,
    so the status and headers (Retry-After) are lost to whoever handles Connector errors (bot/notifier.py's
    retries, bot/app.py's turn error handler). Here, for a status outside 2xx, such a body reads as no body
    (None, what RawDeserializer makes of an empty one): the operation raises ErrorResponseException with the
    answer as `.response`, an empty ErrorResponse as `.error` and "Operation returned an invalid status code
    '<reason>'", exactly as for the same status without a body. Readable bodies read as before.

    A 2xx answer whose body cannot be read still raises DeserializationError: the Connector (or something
    in between) says it took the request, so it must not be sent again (bot/notifier.py: SendUncertain).
    """

    @classmethod
    def read(cls, body: Any, headers: Any, status: int | None) -> Any:
        """RawDeserializer's reading of an answer, None for an error answer's unreadable body."""
        try:
            return cls.deserialize_from_http_generics(body, headers)
        except DeserializationError:
            if status is None or 200 <= status < 300:
                raise
            return None

    def on_response(self, request: Request, response: Response, **kwargs: Any) -> None:
        if kwargs.get("stream", True):  # as RawDeserializer: a streamed answer is not read here
            return
        answer = response.http_response
        response.context[self.CONTEXT_NAME] = self.read(answer.text(), answer.headers, answer.status_code)


def read_error_answers(client: ConnectorClient) -> None:
    """Make a connector client's msrest pipelines read answers with ErrorAnswerDeserializer; once, when it is
    made (ReusingConnectorFactory: every kept client, for replies and proactive sends alike)."""
    _read_error_answers(client.config.pipeline)


def _read_error_answers(pipeline: Any) -> None:
    if isinstance(pipeline, _PostsOnPool):
        _read_error_answers(pipeline._fast)
        _read_error_answers(pipeline._original)
        return
    # msrest's AsyncPipeline runs each SansIO policy (RawDeserializer is one) in a runner holding `_policy`.
    for runner in getattr(pipeline, "_impl_policies", ()):
        if type(getattr(runner, "_policy", None)) is RawDeserializer:
            runner._policy = ErrorAnswerDeserializer()


def _mirrors_requests(config: Any) -> bool:
    """Whether the fast path sends what the SDK's requests sender would with this configuration: no client
    certificate, no custom CA or hooks, and no proxy (configured, or from HTTP(S)_PROXY for this URL)."""
    connection = config.connection
    return (
        connection.verify is True
        and connection.cert is None
        and not config.proxies()
        and not (config.proxies.use_env_settings and get_environ_proxies(config.base_url))
        and not config.hooks
        and bool(config.redirect_policy)  # a sender told not to follow redirects: keep requests
    )


def send_posts_on(pool: HttpPool) -> Callable[[ConnectorClient], None]:
    """Make a connector client's POSTs go through `pool` (see FastPostSender); once, when it is made."""

    def prepare(client: ConnectorClient) -> None:
        config = client.config
        if not _mirrors_requests(config):
            return
        config.sender = FastPostSender(pool, config)
        # The SDK's pipeline for a custom sender (as for streaming): user agent, credentials, deserializer,
        # logger, in the order of msrest's default pipeline.
        fast = AsyncBfPipeline(config)
        _read_error_answers(fast)  # as the lean path reads answers, and ReusingConnectorFactory's clients
        config.pipeline = _PostsOnPool(fast, config.pipeline)
        if LeanConversationsOperations.fits(client):
            client.conversations = LeanConversationsOperations(client.conversations, config.sender)

    return prepare


# --- outgoing activities: msrest's JSON, built directly ---------------------------------------------------

# What msrest's serialize_object copies unchanged: exactly these types (it dispatches on type(), not
# isinstance), and dicts and lists of them with str keys.
_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})

# How a field of a model is serialized (ActivitySerializer._fields), from its msrest type.
_STR, _BOOL, _INT, _FLOAT, _OBJECT, _ISO, _STR_LIST, _MODEL, _MODEL_LIST, _OTHER = range(10)
_KINDS = {
    "str": _STR,
    "bool": _BOOL,
    "int": _INT,
    "float": _FLOAT,
    "object": _OBJECT,
    "iso-8601": _ISO,
    "[str]": _STR_LIST,
}
_EXACT = {_BOOL: bool, _INT: int, _FLOAT: float}


class _Unusual(Exception):
    """Something ActivitySerializer's fast path does not handle: msrest serializes the whole body."""


_UNUSUAL = _Unusual()


def _plain_json(value: Any) -> bool:
    """Whether `value` is made only of dict (with str keys), list, str, int, float, bool and None, each of
    exactly that type: what msrest's serialize_object returns as an equal copy, so the value itself can go
    into the body. Anything else (tuples, dict or str subclasses and enums, other keys, datetimes, models)
    msrest converts: such content is left to it.

    One call per dict or list, not per value: scalars are checked in the loop over their container.
    """
    kind = type(value)
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                return False
            kind = type(item)
            if kind not in _JSON_SCALARS and not ((kind is dict or kind is list) and _plain_json(item)):
                return False
        return True
    if kind is list:
        for item in value:
            kind = type(item)
            if kind not in _JSON_SCALARS and not ((kind is dict or kind is list) and _plain_json(item)):
                return False
        return True
    return kind in _JSON_SCALARS


class _EncodedContents:
    """The last card contents sent, as the objects themselves (held, so their ids stay theirs) and their
    JSON text. A card is sent again when it comes from Services.kept (the goal list, a goal, status: the
    same for everyone until something is stored), and such a card is never changed (ReadCache's rule), so
    what was checked and encoded for it holds. Contents built for one turn pass through once."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._kept: OrderedDict[int, tuple[Any, str]] = OrderedDict()

    def known(self, content: Any) -> bool:
        """Whether `content` (this object) was checked plain JSON and encoded before."""
        kept = self._kept.get(id(content))
        return kept is not None and kept[0] is content

    def encoded(self, content: dict[str, Any]) -> str:
        """json.dumps(content), from before if this object was encoded before."""
        kept = self._kept.get(id(content))
        if kept is None or kept[0] is not content:
            kept = (content, _BODY_ENCODER.encode(content))
            self._kept[id(content)] = kept
            if len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return kept[1]


class ActivitySerializer(Serializer):  # type: ignore[misc]
    """msrest's Serializer, building the JSON body of an Activity directly: the same dict, in the same order.

    msrest's `body(activity, "Activity")` first runs its Deserializer over the model (to turn dicts given for
    models into models), validates it, and then serializes every field through `serialize_data`, walking
    card content (plain dicts and lists in an `object` field) value by value and copying it: 0.6 to 1 ms of
    CPU for the `mål` card (24 goals), against about 15 µs here. For an Activity made of what the bot and
    the SDK put in one, each of those steps is known to change nothing or to make an equal copy, and the body
    is built from a field table per model class (msrest's `_attribute_map`, read once):

    - keys are the attribute map's (camelCase), in its order; fields that are None are left out;
    - `str` fields hold a str, or a str enum (msrest sends its value); `bool`, `int`, `float` fields hold
      exactly that type; `iso-8601` fields a datetime, formatted by msrest's own `serialize_iso`;
    - model fields (and lists of models, None items kept as null) hold models, serialized by their own class's
      table, as msrest serializes any model by its own attribute map whatever the declared type;
    - `object` fields (card content, channelData, value) hold plain JSON (`_plain_json`), which msrest would
      copy unchanged: the value itself goes into the body, not copied (the body is encoded to JSON straight
      away, in the same call); checking it is a type test per value, against msrest's several calls. A
      model there (a HeroCard as an attachment's content) is serialized as a model, as msrest does.

    Anything else (a dict where a model belongs, an int in a `str` field, a tuple or a datetime inside card
    content, a model class with validation rules, flattened keys or XML, keyword arguments, any other body
    type) makes the fast path give up, and msrest's own `body` serializes a deep copy of the activity as
    before (its deserializer pass may replace values inside it). The fast path reads the activity only.
    """

    def __init__(self, classes: dict[str, type] | None = None) -> None:
        super().__init__(classes)
        # Per model class: (the attribute map the table was read from, its length, the table or None if the
        # class is not one the fast path handles). Rebuilt if the map changes (e.g. msrest's
        # enable_additional_properties_sending adds an entry to it).
        self._tables: dict[type, tuple[dict[str, Any], int, tuple[tuple[str, str, int], ...] | None]] = {}
        self._contents = _EncodedContents()
        # Stands in for an attachment's content in `encode` until its text is put in: no text sent has it.
        self._marker = f"bot-content-{uuid.uuid4().hex}-"

    def encode(self, body: dict[str, Any]) -> bytes:
        """A body fast_body built, as msrest's ClientRequest encodes it (json.dumps, UTF-8). The content of
        an attachment sent before (the very same object: the cards Services.kept shares between turns, which
        nobody changes) is encoded once, and its text reused."""
        spliced: list[tuple[str, str]] = []
        for attachment in body.get("attachments") or ():
            content = attachment.get("content") if type(attachment) is dict else None
            if type(content) is dict:
                marker = f"{self._marker}{len(spliced)}"
                spliced.append((json.dumps(marker), self._contents.encoded(content)))
                attachment["content"] = marker  # the body is fast_body's own: nobody else holds it
        text = _BODY_ENCODER.encode(body)
        for marker, encoded in spliced:
            text = text.replace(marker, encoded, 1)
        return text.encode("utf-8")

    @classmethod
    def replacing(cls, serializer: Serializer) -> ActivitySerializer:
        """One with the same models and settings as `serializer` (a ConnectorClient's)."""
        fast = cls(serializer.dependencies)
        fast.key_transformer = serializer.key_transformer
        fast.client_side_validation = serializer.client_side_validation
        return fast

    def body(self, data: Any, data_type: str, **kwargs: Any) -> Any:
        if data_type == "Activity" and not kwargs:
            built = self.fast_body(data)
            if built is not None:
                return built
            # msrest's deserializer pass may replace values inside the activity (lists, dicts given for
            # models), and ShallowCopyTurnContext shares everything below the top level with the caller's
            # activity: msrest gets a copy of its own, as it did from the SDK's TurnContext.
            data = deepcopy(data)
        return super().body(data, data_type, **kwargs)

    def fast_body(self, data: Any) -> dict[str, Any] | None:
        """The body msrest would build for `data`, or None where this leaves it to msrest."""
        if not isinstance(data, Model) or self.key_transformer is not full_restapi_key_transformer:
            return None
        try:
            return self._model(data)
        except (_Unusual, RecursionError):
            return None

    def _model(self, obj: Model) -> dict[str, Any]:
        cls = type(obj)
        attribute_map = cls._attribute_map
        kept = self._tables.get(cls)
        if kept is None or kept[0] is not attribute_map or kept[1] != len(attribute_map):
            kept = self._tables[cls] = (attribute_map, len(attribute_map), self._fields(cls))
        fields = kept[2]
        if fields is None:
            raise _UNUSUAL
        built: dict[str, Any] = {}
        for attr, key, kind in fields:
            try:
                value = getattr(obj, attr)
            except AttributeError:
                raise _UNUSUAL from None
            if value is None:
                continue
            value_type = type(value)
            if kind == _STR:
                if value_type is not str:
                    # msrest's serialize_unicode sends an enum's value.
                    if not isinstance(value, Enum) or type(value.value) is not str:
                        raise _UNUSUAL
                    value = value.value
            elif kind == _OBJECT:
                if value_type is dict or value_type is list:
                    if not self._contents.known(value) and not _plain_json(value):
                        raise _UNUSUAL
                elif isinstance(value, Model):  # e.g. a HeroCard as an attachment's content
                    value = self._model(value)
                elif value_type not in _JSON_SCALARS:
                    raise _UNUSUAL
            elif kind == _MODEL:
                if not isinstance(value, Model):
                    raise _UNUSUAL
                value = self._model(value)
            elif kind == _MODEL_LIST:
                if value_type is not list:
                    raise _UNUSUAL
                items: list[Any] = []
                for item in value:
                    if item is None:
                        items.append(None)
                    elif isinstance(item, Model):
                        items.append(self._model(item))
                    else:
                        raise _UNUSUAL
                value = items
            elif kind == _BOOL or kind == _INT or kind == _FLOAT:
                if value_type is not _EXACT[kind]:  # msrest would convert (bool(), int(), float())
                    raise _UNUSUAL
            elif kind == _ISO:
                if value_type is not datetime.datetime:
                    raise _UNUSUAL
                try:
                    value = Serializer.serialize_iso(value)
                except Exception:  # noqa: BLE001 - msrest raises its own error for it
                    raise _UNUSUAL from None
            elif kind == _STR_LIST:
                if value_type is not list or not all(item is None or type(item) is str for item in value):
                    raise _UNUSUAL
            else:
                raise _UNUSUAL
            built[key] = value
        return built

    def _fields(self, cls: type) -> tuple[tuple[str, str, int], ...] | None:
        """(attribute, JSON key, kind) per field of a model class, or None if msrest does more for it than
        the fast path mirrors: validation rules (msrest checks them), XML, additional properties sent
        inline, flattened ("a.b") or repeated keys."""
        if getattr(cls, "_validation", None) or not issubclass(cls, Model) or cls.is_xml_model():
            return None
        fields: list[tuple[str, str, int]] = []
        for attr, description in cls._attribute_map.items():
            keys, _ = full_restapi_key_transformer(attr, description.copy(), None)
            if len(keys) != 1 or not keys[0] or any(keys[0] == key for _, key, _ in fields):
                return None
            fields.append((attr, keys[0], self._kind(description.get("type"))))
        return tuple(fields)

    def _kind(self, data_type: Any) -> int:
        if not isinstance(data_type, str) or not data_type:
            return _OTHER
        kind = _KINDS.get(data_type)
        if kind is not None:
            return kind
        listed = data_type.startswith("[") and data_type.endswith("]")
        name = data_type[1:-1] if listed else data_type
        if not name or name[0] in "[{" or name in self.basic_types.values() or name in self.serialize_type:
            return _OTHER
        known = self.dependencies.get(name)
        # A model, or a name msrest does not know (then it serializes a model value by the value's own
        # class too); an enum is msrest's serialize_enum: left to msrest.
        if known is not None and not (isinstance(known, type) and issubclass(known, Model)):
            return _OTHER
        return _MODEL_LIST if listed else _MODEL


def serialize_activities_directly(client: ConnectorClient) -> None:
    """Make a connector client build Activity bodies with ActivitySerializer (see there); once, when made."""
    operations = client.conversations
    if type(operations._serialize) is Serializer:
        operations._serialize = ActivitySerializer.replacing(operations._serialize)


# --- turns: outgoing activities copied shallowly --------------------------------------------------------


class ShallowCopyTurnContext(TurnContext):  # type: ignore[misc]
    """The SDK's TurnContext, copying each outgoing activity shallowly instead of deeply.

    `TurnContext.send_activities` deep-copies every activity it is given (card content included: about 350
    objects for the `mål` card, a sixth of a turn's CPU) only so that addressing it
    (`apply_conversation_reference`, the validator, the adapter's `activity.id = None`) does not change the
    caller's activity. All of those set top-level attributes of the activity, so a shallow copy gives the same
    guarantee; nothing on the way out changes anything below (ActivitySerializer reads only, and hands msrest
    a deep copy when it leaves an activity to msrest's Serializer, whose pass may replace nested values with
    equal ones). Everything else is the SDK's 4.17.1 code as it is: handlers, expect_replies buffering,
    invoke responses, the responded flag.
    """

    async def send_activities(self, activities: list[Activity]) -> list[ResourceResponse]:
        sent_non_trace_activity = False
        ref = TurnContext.get_conversation_reference(self.activity)

        def activity_validator(activity: Activity) -> Activity:
            if not getattr(activity, "type", None):
                activity.type = ActivityTypes.message
            if activity.type != ActivityTypes.trace:
                nonlocal sent_non_trace_activity
                sent_non_trace_activity = True
            if not activity.input_hint:
                activity.input_hint = "acceptingInput"
            activity.id = None
            return activity

        # The one change: copy(act), where the SDK has deepcopy(act).
        output = [
            activity_validator(TurnContext.apply_conversation_reference(copy(act), ref)) for act in activities
        ]

        # send activities through adapter
        async def logic() -> list[ResourceResponse]:
            nonlocal sent_non_trace_activity

            if self.activity.delivery_mode == DeliveryModes.expect_replies:
                responses = []
                for activity in output:
                    self.buffered_reply_activities.append(activity)
                    # Ensure the TurnState has the InvokeResponseKey, since this activity
                    # is not being sent through the adapter, where it would be added to TurnState.
                    if activity.type == ActivityTypes.invoke_response:
                        self.turn_state[TurnContext._INVOKE_RESPONSE_KEY] = activity

                    responses.append(ResourceResponse())

                if sent_non_trace_activity:
                    self.responded = True

                return responses

            responses = await self.adapter.send_activities(self, output)
            if sent_non_trace_activity:
                self.responded = True
            return responses  # type: ignore[no-any-return]

        return await self._emit(self._on_send_activities, output, logic())  # type: ignore[no-any-return]


class ShallowCopyCloudAdapter(CloudAdapter):  # type: ignore[misc]
    """The SDK's CloudAdapter, running every turn (incoming, proactive, new conversation) in a
    ShallowCopyTurnContext: the same turn state, set by the SDK's own `_create_turn_context`."""

    def _create_turn_context(self, activity: Activity, *args: Any, **kwargs: Any) -> TurnContext:
        context = super()._create_turn_context(activity, *args, **kwargs)
        shallow = ShallowCopyTurnContext(self, activity)
        shallow.turn_state.update(context.turn_state)
        return shallow


class ReusingConnectorFactory(ConnectorFactory):
    """The SDK's connector factory for one turn, handing out the connector client kept for its key.

    Why reuse is safe: a ConnectorClient holds no per-turn state, only its base URL (the service URL), its
    credentials and its msrest configuration and pipeline. The credentials, and so the bearer token, are
    determined by the app id and the audience (the OAuth scope the token is for), and those are part of the
    key together with the service URL. A kept client is handed only to turns naming the same service URL,
    which for an incoming activity the SDK has just checked against the token's `serviceurl` claim, so no
    token goes anywhere the SDK would not have sent it on that turn. The app id comes from the turn's claims
    as the SDK takes it; an app id the credentials factory refuses ("Invalid app_id") raises every time, as
    nothing is kept for it.
    """

    def __init__(
        self,
        inner: ConnectorFactory,
        app_id: str | None,
        default_audience: str,
        clients: _Kept[tuple[str | None, str, str], ConnectorClient],
        prepare: Callable[[ConnectorClient], None] | None = None,
    ) -> None:
        self._inner = inner
        self._app_id = app_id
        self._default_audience = default_audience
        self._clients = clients
        self._prepare = prepare

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        # The SDK's factory uses the originating audience when none is given: the same client either way.
        key = (self._app_id, service_url, audience or self._default_audience)

        async def make() -> ConnectorClient:
            client = await self._inner.create(service_url, audience)  # type: ignore[arg-type]
            serialize_activities_directly(client)  # replies and proactive sends alike
            if self._prepare is not None:
                self._prepare(client)
            read_error_answers(client)  # replies and proactive sends alike
            return client

        return await self._clients.get_or_make(key, make)


class ReusingCredentialsFactory(ServiceClientCredentialsFactory):
    """The SDK's credentials factory, keeping the credentials it makes.

    Why reuse is safe: credentials are a pure function of (app id, OAuth scope, login endpoint, authority
    validation) and the configured secret, which does not change while the process runs; the SDK itself
    keeps one credentials object per connector client. Keeping them also keeps MSAL's token cache: the
    SDK's per-turn credentials asked Microsoft Entra for a new token for every reply. Which app ids are
    valid is still decided by the inner factory on every miss, so nothing is kept for a refused one.
    """

    def __init__(self, inner: ServiceClientCredentialsFactory) -> None:
        self._inner = inner
        # Few keys (one app id; the Connector's audience, and a skill's if any): effectively never evicted.
        self.credentials: _Kept[tuple[str, str, str, bool], Authentication] = _Kept(MAX_CLIENTS)

    async def is_valid_app_id(self, app_id: str) -> bool:
        return await self._inner.is_valid_app_id(app_id)

    async def is_authentication_disabled(self) -> bool:
        return await self._inner.is_authentication_disabled()

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        key = (app_id, oauth_scope, login_endpoint, validate_authority)

        async def make() -> Authentication:
            credentials = await self._inner.create_credentials(
                app_id, oauth_scope, login_endpoint, validate_authority
            )
            if isinstance(credentials, AppCredentials) and credentials.microsoft_app_id:
                # Not MicrosoftAppCredentials.empty() (no app id: nothing is signed, nothing to fetch).
                kept = KeptTokenCredentials(credentials)
                await kept.prefetch()
                return kept
            return credentials

        return await self.credentials.get_or_make(key, make)


def _token_lifetime(token: str) -> float | None:
    """How long an access token lives, from its own claims (iat to exp); None if it does not say.

    The claims are read without checking the signature: the token is the one Entra just gave us over TLS, and
    the lifetime only decides when to ask for a new one. Measuring from iat rather than trusting exp against
    the local clock keeps a skewed clock from using a token the Connector already considers expired.
    """
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    expires, issued = claims.get("exp"), claims.get("iat")
    if not isinstance(expires, int | float):
        return None
    if isinstance(issued, int | float) and issued <= expires:
        return float(expires - issued)
    return float(expires) - time.time()


class KeptTokenCredentials(AppCredentials):
    """The SDK's credentials with their access token kept, and renewed in a worker thread before it expires.

    Sending signs each request on the event loop (msrest's AsyncRequestsCredentialsPolicy calls
    `signed_session`, which calls `get_access_token`, which is MSAL's synchronous HTTP when its cache has no
    usable token). Here the token comes from the inner credentials' own `get_access_token` (the SDK's
    MicrosoftAppCredentials, i.e. MSAL) and is kept until shortly before it expires; a worker thread fetches
    the next one in time. Only when no usable token is kept (the first fetch failed, or renewal kept
    failing) does a send fetch one itself, on the loop, exactly as the SDK always does.
    Header handling (`signed_session`, no token for an anonymous app id) is AppCredentials', unchanged.
    """

    def __init__(self, inner: AppCredentials, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(
            app_id=inner.microsoft_app_id, channel_auth_tenant=inner.tenant, oauth_scope=inner.oauth_scope
        )
        self.oauth_endpoint = inner.oauth_endpoint
        self.inner = inner
        self._clock = clock
        # (token, when it stops being used), replaced as a whole so threads never see half of an update.
        self._kept: tuple[str, float] | None = None
        self._renewal: asyncio.Future[str] | None = None

    def get_access_token(self, force_refresh: bool = False) -> str:
        kept = self._kept
        now = self._clock()
        if kept is not None and not force_refresh:
            token, expires = kept
            if now < expires - RENEW_BEFORE:
                return token
            if now < expires - MIN_TOKEN_LEFT:
                self._renew_in_background()
                return token
        return self._fetch()

    async def prefetch(self) -> None:
        """Fetch the first token in a worker thread; a failure is left for the first send to meet, as ever."""
        fetch = asyncio.ensure_future(asyncio.to_thread(self._fetch))
        fetch.add_done_callback(_log_renewal)
        try:
            await asyncio.wait_for(asyncio.shield(fetch), PREFETCH_TIMEOUT)
        except TimeoutError:
            log.warning(
                "no Bot Framework token after %.0f s; the first reply will ask itself", PREFETCH_TIMEOUT
            )
        except Exception:  # noqa: BLE001 - logged by _log_renewal; the send fetches (and fails) itself
            pass

    def _fetch(self) -> str:
        # No lock: MSAL's application is thread-safe, and a send that must fetch on the loop should never
        # wait for a worker's fetch that may hang (MSAL sets no timeout).
        started = self._clock()
        token = self.inner.get_access_token()
        lifetime = _token_lifetime(token)
        if lifetime is not None:
            self._kept = (token, started + lifetime)
        return token

    def _renew_in_background(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._fetch()  # no event loop to block: renew here
            return
        renewal = self._renewal
        if renewal is not None and not renewal.done() and renewal.get_loop() is loop:
            return
        self._renewal = renewal = asyncio.ensure_future(asyncio.to_thread(self._fetch))
        renewal.add_done_callback(_log_renewal)


def _log_renewal(renewal: asyncio.Future[str]) -> None:
    if not renewal.cancelled() and renewal.exception() is not None:
        log.warning("could not fetch the Bot Framework token: %r", renewal.exception())


class BackgroundOpenIdMetadata(_OpenIdMetadata):
    """The SDK's signing-key cache for one OpenID metadata URL, fetching in a worker thread.

    The SDK's `_OpenIdMetadata` fetches the metadata document and the keys with synchronous `requests.get` on
    the event loop (the first request after start and then once a day stall every turn in flight), and
    parses the JWK of the token's key on every request. Here the fetch runs in a worker thread, at most one
    at a time, and each key is parsed once per fetch. The keys, and what a token is checked against (issuer,
    audience, service URL, endorsements, signature, expiry), stay the SDK's. Differences, all bounded:
    keys past their day are used for at most KEYS_STALE_GRACE more while new ones are fetched in the
    background; and a token naming an unknown key id triggers a refresh at most once an hour, which is what
    the SDK's code intends (its lookup raises before it gets there), so a rotated key is picked up.
    """

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self._fetched_at: float | None = None  # time.monotonic() of the last successful fetch
        self._attempted_at: float | None = None
        # The keys and their parsed form, replaced together so a lookup never mixes two fetches.
        self._keyset: tuple[list[dict[str, Any]], dict[str | None, _OpenIdConfig]] = ([], {})
        self._refresh_task: asyncio.Future[None] | None = None

    async def get(self, key_id: str) -> _OpenIdConfig | None:
        now = time.monotonic()
        age = None if self._fetched_at is None else now - self._fetched_at
        if age is None or age > KEYS_MAX_AGE + KEYS_STALE_GRACE:
            await self._refresh()
        elif age > KEYS_MAX_AGE:
            self._refresh_in_background(now)
        keys, parsed = self._keyset
        if keys and key_id not in parsed and not any(key.get("kid") == key_id for key in keys):
            fetched_at = self._fetched_at
            if fetched_at is None or now - fetched_at > KEYS_UNKNOWN_KID_INTERVAL:
                try:
                    await self._refresh()
                except Exception:  # noqa: BLE001 - logged by _log_key_refresh; refused below as before
                    pass
        return self._find(key_id)

    def _find(self, key_id: str | None) -> _OpenIdConfig | None:
        keys, parsed = self._keyset
        if not keys:
            return None
        config = parsed.get(key_id)
        if config is None:
            # The SDK's lookup (_OpenIdMetadata._find): an IndexError for a key id it does not have.
            key = [x for x in keys if x["kid"] == key_id][0]
            config = _OpenIdConfig(RSAAlgorithm.from_jwk(json.dumps(key)), key.get("endorsements", []))
            parsed[key_id] = config
        return config

    async def _refresh(self) -> None:
        """Fetch now (in a worker thread), or join the fetch already running; raise if it fails."""
        loop = asyncio.get_running_loop()
        task = self._refresh_task
        if task is None or task.done() or task.get_loop() is not loop:
            self._attempted_at = time.monotonic()
            task = self._refresh_task = asyncio.ensure_future(asyncio.to_thread(self._fetch))
            task.add_done_callback(_log_key_refresh)
        await asyncio.shield(task)

    def _refresh_in_background(self, now: float) -> None:
        task = self._refresh_task
        if task is not None and not task.done():
            return
        if self._attempted_at is not None and now - self._attempted_at < KEYS_RETRY_AFTER:
            return
        self._attempted_at = now
        self._refresh_task = task = asyncio.ensure_future(asyncio.to_thread(self._fetch))
        task.add_done_callback(_log_key_refresh)

    def _fetch(self) -> None:
        """The SDK's `_OpenIdMetadata._refresh`, with a timeout, run in a worker thread."""
        response = requests.get(self.url, timeout=KEYS_FETCH_TIMEOUT)
        response.raise_for_status()
        keys_url = response.json()["jwks_uri"]
        response_keys = requests.get(keys_url, timeout=KEYS_FETCH_TIMEOUT)
        response_keys.raise_for_status()
        keys = response_keys.json()["keys"]
        self._keyset = (keys, {})
        self.keys = keys  # the SDK's attribute, for anyone who reads it
        self._fetched_at = time.monotonic()


def _log_key_refresh(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("could not fetch the Bot Framework signing keys: %s", task.exception())


class _MetadataCache(dict[str, _OpenIdMetadata]):
    """JwtTokenExtractor's class-wide metadata cache, creating BackgroundOpenIdMetadata on a miss.

    JwtTokenExtractor.get_open_id_metadata is `metadataCache.get(url, None)`, then a new _OpenIdMetadata on a
    miss; answering the miss here makes every metadata URL the SDK uses (channel, emulator, government,
    enterprise, skills) fetch in the background, without patching the SDK's code.
    """

    def get(self, url: str, default: Any = None) -> _OpenIdMetadata:  # type: ignore[override]
        metadata = super().get(url)
        if metadata is None:
            metadata = self.setdefault(url, BackgroundOpenIdMetadata(url))
        return metadata


def install_background_key_refresh() -> None:
    """Make the SDK's JWT validation fetch signing keys off the event loop (idempotent; process-wide, as the
    SDK's cache is)."""
    if not isinstance(JwtTokenExtractor.metadataCache, _MetadataCache):
        JwtTokenExtractor.metadataCache = _MetadataCache()


class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication):
    """ConfigurationBotFrameworkAuthentication, with the connector clients, user token clients and credentials
    it creates kept instead of rebuilt per turn (see ReusingConnectorFactory and ReusingCredentialsFactory).

    Every request is still authenticated by the SDK; only what it builds afterwards is reused. Clients for
    incoming turns (replies) send their POSTs on one aiohttp pool (FastPostSender). Clients for proactive
    sends (bot/notifier.py: continue_conversation, create_conversation) are the SDK's as they are: the
    notifier's retries read requests/urllib3's exceptions to tell "not connected, safe to retry" from "maybe
    sent", and proactive traffic is paced to Teams' limits, so it gains nothing from the faster sender.
    All kept clients build Activity bodies with ActivitySerializer (the same JSON as msrest's), and read an
    error answer they cannot parse as one without a body (ErrorAnswerDeserializer: ErrorResponseException,
    not DeserializationError).
    Call `close()` (an aiohttp on_cleanup handler) when the application stops.
    """

    def __init__(self, configuration: Any, *, logger: Logger | None = None, max_clients: int = MAX_CLIENTS):
        install_background_key_refresh()
        self.credentials_factory = ReusingCredentialsFactory(
            ConfigurationServiceClientCredentialFactory(configuration, logger=logger)
        )
        self._inner = ConfigurationBotFrameworkAuthentication(
            configuration, credentials_factory=self.credentials_factory, logger=logger
        )
        self.pool = HttpPool()
        self._on_pool = send_posts_on(self.pool)
        # Per (app id, service URL, audience): replies in incoming turns, and proactive sends.
        self.turn_clients: _Kept[tuple[str | None, str, str], ConnectorClient] = _Kept(max_clients)
        self.proactive_clients: _Kept[tuple[str | None, str, str], ConnectorClient] = _Kept(max_clients)
        # UserTokenClient (OAuth sign-in): one per app id, i.e. the SDK's per app id + its fixed OAuth scope.
        self.user_token_clients: _Kept[str | None, UserTokenClient] = _Kept(max_clients)

    async def close(self, _: object = None) -> None:
        """Close the shared HTTP pool; usable as an aiohttp on_cleanup handler."""
        await self.pool.close()

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        # The SDK validates the token (and its serviceurl claim) here on every request; this raises
        # PermissionError (401) exactly as without reuse.
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = ReusingConnectorFactory(
                result.connector_factory,
                app_id_of(result.claims_identity),
                self.get_originating_audience(),
                self.turn_clients,
                self._on_pool,
            )
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        # Streaming (Direct Line ASE) replaces the connector factory with one bound to its socket: unchanged.
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        # Proactive sends and new conversations (bot/notifier.py): kept, with the SDK's own sender.
        return ReusingConnectorFactory(
            self._inner.create_connector_factory(claims_identity),
            app_id_of(claims_identity),
            self.get_originating_audience(),
            self.proactive_clients,
        )

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        # The SDK builds one on every turn (another msrest client and retry policy); the bot uses it only for
        # OAuth sign-in, and it holds nothing but the app id, its credentials and the OAuth endpoint.
        return await self.user_token_clients.get_or_make(
            app_id_of(claims_identity), lambda: self._inner.create_user_token_client(claims_identity)
        )

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)
