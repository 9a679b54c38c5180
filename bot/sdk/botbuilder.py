"""The bot on botbuilder-python 4.17.1 (BOT_SDK=botbuilder, the default): the only module that imports
botbuilder or msrest. Its adapter (turns in, replies, new threads and proactive sends out, authentication)
first, then its transport: what botbuilder rebuilds on every turn, kept across turns.

Facts it is built on (DESIGN.md, "Facts that shape the design", and the SDK 4.17.1 source):
- CloudAdapter.process answers 401 only for the SDK's PermissionError and lets its other refusals of a token
  escape as 500s (not a JWT, no issuer, an unknown kid, ...): `authenticate` reads the token itself, through
  the SDK's BotFrameworkAuthentication, and refuses them all. PyJWT checks `exp` only when a token has one,
  and the SDK does not ask for it: a token without one is refused here.
- `Activity().deserialize` raises msrest's DeserializationError for a field of the wrong type (`from` a
  string), which the SDK would let escape as a 500: it is BadActivity (400) here.
- The SDK does not retry a send: a non-2xx answer is raised once as ErrorResponseException (an msrest
  HttpOperationError) whose `.response` is the requests.Response (status, Retry-After); an unreachable
  Connector raises ClientRequestError after urllib3 itself tried to connect three more times; a success
  whose body cannot be read raises DeserializationError. `_neutral` turns them into bot/sdk's errors.
- `continue_conversation` returns nothing: the message id is the ResourceResponse of `send_activity`,
  captured inside the callback, which also catches a send's error (the pipeline would hand it to
  on_turn_error).
- `TeamsInfo.send_message_to_teams_channel` fails with CloudAdapter when the app id is empty ("service_url is
  required"); `create_conversation` with ConversationParameters(is_group=True, channel_data={"channel":
  {"id": ...}}) works, and the callback's conversation reference is the new thread's.
- The model spells a conversation's tenant `tenantID` (Teams: `tenantId`); stored references carry both.
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
from botbuilder.core import CardFactory, MessageFactory, TurnContext, serializer_helper
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ConversationParameters,
    ConversationReference,
    InvokeResponse,
    TextFormatTypes,
)
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
from msrest.exceptions import ClientRequestError, DeserializationError, HttpOperationError
from msrest.pipeline import AsyncPipeline, Request, Response
from msrest.pipeline.universal import RawDeserializer
from msrest.serialization import Model
from requests.exceptions import ConnectionError as RequestsConnectionError
from requests.exceptions import ConnectTimeout
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError

from bot.sdk import (
    BadActivity,
    Incoming,
    InvokeAnswer,
    Message,
    OnTurn,
    Refusal,
    Refused,
    SdkName,
    SdkSettings,
    Unreachable,
    Unreadable,
    retry_after,
)

log = logging.getLogger(__name__)
V = TypeVar("V")


class SdkConfig:
    """The attribute names ConfigurationBotFrameworkAuthentication reads."""

    def __init__(self, settings: SdkSettings) -> None:
        self.APP_ID = settings.app_id
        self.APP_PASSWORD = settings.app_password
        # Without credentials (local development) only the SDK's MultiTenant mode accepts unsigned requests.
        self.APP_TYPE = settings.app_type if settings.app_id else "MultiTenant"
        self.APP_TENANTID = settings.tenant_id


def to_activity(message: Message) -> Activity:
    """A Message as botbuilder's Activity: plain text, and the card (if any) as an attachment."""
    if message.card is not None:
        activity = MessageFactory.attachment(CardFactory.adaptive_card(message.card), text=message.text)
    else:
        activity = MessageFactory.text(message.text)
    activity.text_format = TextFormatTypes.plain
    return activity


def _neutral(exc: Exception) -> Exception:
    """botbuilder's (msrest's) error for a send, as bot/sdk's; anything else as it is."""
    if isinstance(exc, HttpOperationError):
        response = getattr(exc, "response", None)
        status = getattr(response, "status_code", None)
        return Refused(
            status if isinstance(status, int) else None, retry_after(getattr(response, "headers", None))
        )
    if isinstance(exc, ClientRequestError):
        return Unreachable(str(exc), maybe_sent=_maybe_sent(exc))
    if isinstance(exc, DeserializationError):
        return Unreadable(str(exc))
    return exc


def _maybe_sent(exc: ClientRequestError) -> bool:
    """Whether the request may have reached the Connector before the connection failed.

    msrest raises ClientRequestError while handling the requests exception (its `__context__`), which
    wraps urllib3's. Only a failure to connect (refused, unresolvable, connect timeout: urllib3's
    ConnectTimeoutError and its subclass NewConnectionError) proves nothing was sent.
    """
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, ConnectTimeout | ConnectTimeoutError):
            return False
        if isinstance(error, MaxRetryError) and error.reason is not None:
            error = error.reason
        elif (
            isinstance(error, RequestsConnectionError)
            and error.args
            and isinstance(error.args[0], BaseException)
        ):
            error = error.args[0]
        else:
            error = error.__cause__ or error.__context__
    return True


class BotbuilderTurn:
    """A botbuilder TurnContext as bot/sdk's Turn."""

    def __init__(self, context: TurnContext, activity: Incoming) -> None:
        self.context = context
        self.activity = activity
        self.state: dict[str, Any] = {}

    async def send(self, message: Message) -> str | None:
        try:
            response = await self.context.send_activity(to_activity(message))
        except (HttpOperationError, ClientRequestError, DeserializationError) as exc:
            raise _neutral(exc) from exc
        return response.id if response is not None else None

    def answer_invoke(self, answer: InvokeAnswer) -> None:
        # As the SDK's ActivityHandler answers an invoke: an invokeResponse activity in the turn state.
        self.context.turn_state[CloudAdapter._INVOKE_RESPONSE_KEY] = Activity(
            type=ActivityTypes.invoke_response, value=InvokeResponse(status=answer.status, body=answer.body)
        )


class BotbuilderOutbound:
    """Proactive sends and new threads through the CloudAdapter; one attempt each (the notifier retries)."""

    def __init__(self, adapter: CloudAdapter, app_id: str) -> None:
        # app_id: the bot's MicrosoftAppId. Empty works only without credentials (the SDK then signs
        # nothing); with credentials the SDK refuses any other id ("Invalid app_id").
        self._adapter = adapter
        self._app_id = app_id
        # The OAuth scope replies use (https://api.botframework.com in the public cloud).
        self._audience: str = adapter.bot_framework_authentication.get_originating_audience()

    async def send(self, reference: dict[str, Any], message: Message) -> str:
        outcome: list[str] = []
        errors: list[Exception] = []

        async def callback(context: TurnContext) -> None:
            # The continuation activity carries a made-up id; without it the message is posted to
            # .../activities as a new message instead of as a reply to an activity that never existed.
            context.activity.id = None
            try:
                response = await context.send_activity(to_activity(message))
            except Exception as exc:  # noqa: BLE001 - handed to the caller below, not swallowed
                errors.append(exc)
            else:
                outcome.append(response.id if response is not None and response.id else "")

        await self._adapter.continue_conversation(
            ConversationReference.deserialize(reference), callback, self._app_id
        )
        if errors:
            raise _neutral(errors[0]) from errors[0]
        if not outcome:
            raise RuntimeError("the adapter did not run the proactive turn")
        return outcome[0]

    async def create_thread(
        self, channel_reference: dict[str, Any], message: Message, *, channel_id: str, tenant_id: str | None
    ) -> dict[str, Any]:
        channel = ConversationReference.deserialize(channel_reference)
        created: list[ConversationReference] = []

        async def callback(context: TurnContext) -> None:
            created.append(TurnContext.get_conversation_reference(context.activity))

        channel_data: dict[str, Any] = {"channel": {"id": channel_id}}
        if tenant_id:
            channel_data["tenant"] = {"id": tenant_id}
        parameters = ConversationParameters(
            is_group=True, channel_data=channel_data, activity=to_activity(message), tenant_id=tenant_id
        )
        # The Connector call happens before the pipeline runs, so its errors reach us directly.
        try:
            await self._adapter.create_conversation(
                self._app_id,
                callback,
                parameters,
                channel.channel_id or "msteams",
                channel.service_url,
                self._audience,
            )
        except (HttpOperationError, ClientRequestError, DeserializationError) as exc:
            raise _neutral(exc) from exc
        if not created:
            raise RuntimeError("the adapter did not run the create-conversation turn")
        thread: dict[str, Any] = created[0].serialize()
        return thread


class BotbuilderSdk:
    name: SdkName = "botbuilder"

    def __init__(self, settings: SdkSettings) -> None:
        # The SDK's authentication, its connector clients and credentials kept across turns (below).
        self.authentication = ReusingBotFrameworkAuthentication(SdkConfig(settings))
        self.adapter = CloudAdapter(self.authentication)
        self.outbound = BotbuilderOutbound(self.adapter, settings.app_id)

    async def authenticate(
        self, header: str, *, channel_id: str | None, service_url: str | None, checked: Any = None
    ) -> Any:
        # `checked` is not used: the SDK checks the token and the activity's claims in one call.
        try:
            authenticated = await self.authentication.authenticate_request(
                Activity(channel_id=channel_id, service_url=service_url), header
            )
        except PermissionError as exc:
            log.info("refused a request without a valid token: %s", exc)
            return Refusal("unauthorized")
        except OSError:
            raise  # the signing keys could not be fetched: our failure, not the caller's
        except Exception as exc:  # noqa: BLE001 - any other failure to validate the token is a refusal too
            log.warning("refused a request with an invalid token: %s: %s", type(exc).__name__, exc)
            return Refusal("unauthorized")
        claims = authenticated.claims_identity.claims if authenticated.claims_identity else {}
        if claims and "exp" not in claims:
            log.warning("refused a token without an expiry")
            return Refusal("unauthorized")
        return authenticated

    async def process(self, identity: Any, body: dict[str, Any], on_turn: OnTurn) -> InvokeAnswer | None:
        try:
            activity = Activity().deserialize(body)
        except (DeserializationError, RecursionError, TypeError, ValueError, AttributeError) as exc:
            raise BadActivity(type(exc).__name__) from exc

        async def callback(context: TurnContext) -> None:
            # The bot reads the request's JSON, as Teams sent it, not the SDK's model of it.
            await on_turn(BotbuilderTurn(context, Incoming(body)))

        invoke = await self.adapter.process_activity(identity, activity, callback)
        if invoke:
            # The SDK's own answers carry its models; the bot's (InvokeAnswer) plain JSON.
            answer = serializer_helper(invoke.body) if isinstance(invoke.body, Model) else invoke.body
            return InvokeAnswer(invoke.status, answer)
        return None

    async def close(self) -> None:
        """Nothing to close: the kept connector clients' requests sessions end with the process."""


def make(settings: SdkSettings) -> BotbuilderSdk:
    return BotbuilderSdk(settings)


# --- the transport: what botbuilder rebuilds on every turn, kept across turns -------------------------
# botbuilder 4.17.1's CloudAdapter builds new app credentials and a new ConnectorClient for every turn
# (DESIGN.md, "Facts"). With credentials, MSAL's token cache then starts empty, so every reply first asks
# Microsoft Entra for a token, synchronously on the event loop, and every reply opens a new TLS connection.
# Through the SDK's public factory interfaces (ServiceClientCredentialsFactory, ConnectorFactory,
# BotFrameworkAuthentication) this module keeps, and nothing else:
#
# - the credentials per (app id, OAuth scope, login endpoint, authority validation), their token fetched and
#   renewed before it expires in a worker thread (KeptTokenCredentials);
# - the user token client per app id (the bot signs no one in, but CloudAdapter builds one every turn);
# - the connector clients per (app id, service URL, audience), so a client's requests.Session keeps its
#   connection; each reads a gateway's error page (text/html, text/plain) as an error answer without a body,
#   i.e. ErrorResponseException with the status and Retry-After, where msrest raised DeserializationError.
#
# Authentication stays the SDK's, on every request. (A turn's replies are retried by bot/notifier.py's
# RetryingTurn.)

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
