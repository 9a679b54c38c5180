"""The bot on the Microsoft 365 Agents SDK (BOT_SDK=agents; `pip install '.[agents]'`): the only module that
imports `microsoft_agents`.

Microsoft's migration guide for Python ("bf-migration-python") keeps the Azure Bot registration and maps
botbuilder's CloudAdapter, TurnContext and proactive calls to `microsoft_agents.hosting.aiohttp.CloudAdapter`
and `microsoft_agents.hosting.core`; this adapter uses only those (1.9.0), and the connection settings of
`microsoft_agents.authentication.msal` built from the bot's own MicrosoftApp* settings.

Known issues of the successor that this adapter guards against (tests/test_sdk.py checks that the first nine
are still so, and fails when the SDK changes, so the guard can be revisited; any upgrade fails its pin test):
- Its Teams layer (`microsoft-agents-hosting-teams`: TeamsActivityHandler, TeamsInfo) is being reworked in
  2026, towards the Teams SDK (`microsoft-teams-apps`): the adapter depends on none of it. Teams'
  channelData, mentions, installations, invokes and reactions are read from the activity's JSON (bot/sdk,
  Incoming), and a new channel thread is the core `create_conversation` with channelData, as on botbuilder.
- JwtTokenValidator checks the token's issuer only when VALIDATE_ISSUER is set (off by default, "for
  backward compatibility"), and fetches keys from an address the unverified issuer chooses: issuers are
  checked here first, and VALIDATE_ISSUER is set.
- It does not check that the signing key is endorsed for the activity's channel (botbuilder does): checked
  here, as botbuilder 4.17.1 does it (a key listing no endorsements passes; tests/test_auth.py).
- The `serviceurl` claim is compared with the activity's serviceUrl only by host, and a mismatch is merely
  logged unless an OutboundHostValidator is enabled: here the claim must equal the serviceUrl (as botbuilder
  requires), or the request gets 401, so no reply goes anywhere the token did not name.
- PyJWT accepts a token without `exp` (it never expires); the SDK does not require one: refused here.
- The adapter's default on_turn_error sends the exception's text to the user: removed; bot/teams.py answers
  a failed turn with an apology and logs the rest.
- Without credentials, `create_conversation` and `continue_conversation` build claims naming the (empty) app
  id, which the SDK reads as "not anonymous" and asks MSAL for a token for no app: the adapter hands it an
  anonymous identity instead (local development on loopback only; bot/config.py).
- `create_conversation` leaves its connector client (an aiohttp session) open when the Connector refuses the
  thread, and its create activity has no recipient, so its `get_conversation_reference` fails validation:
  the adapter closes the client and builds the thread's reference from the activity's JSON.
- Every activity it sends gets `id = None` (set, for pydantic), and `send_to_conversation` writes the set
  fields without dropping None (only `reply_to_activity` does): every proactive send carried `"id": null`
  (and `"locale": null`), which the Agents Playground refuses (400 "Invalid input": its schema's fields are
  optional, not nullable). The bot's activities (to_activity) are written without nulls, as on botbuilder.
- A send's error answer is `aiohttp.ClientResponseError` (status and headers: Retry-After; a 2xx whose body
  is no JSON too) and an unreadable success is pydantic's ValidationError: `_neutral` turns them, and
  aiohttp's connection errors, into bot/sdk's errors for the notifier's retries.
- Every turn makes a new connector client and user token client, each its own aiohttp session and a new
  TCP/TLS connection: through the SDK's public ChannelServiceClientFactoryBase, _Clients keeps its clients
  across turns (re-made before their token expires, at most MAX_KEPT, closed when dropped).
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import jwt
import pydantic
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    Attachment,
    ConversationParameters,
    ConversationReference,
    InvokeResponse,
    RoleTypes,
)
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentAuthConfiguration,
    ClaimsIdentity,
    RestChannelServiceClientFactory,
    TurnContext,
)
from microsoft_agents.hosting.core.authorization import AuthTypes
from microsoft_agents.hosting.core.authorization._entra_issuers import BOTFRAMEWORK_JWKS_URIS
from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator

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

CARD = "application/vnd.microsoft.card.adaptive"
# The audience of the Bot Connector's tokens (AuthenticationConstants.AGENTS_SDK_SCOPE).
CONNECTOR_AUDIENCE = "https://api.botframework.com"


class _Outgoing(Activity):  # type: ignore[misc]
    """An activity the bot sends, written without JSON nulls, as botbuilder writes it (see the module's
    docstring: the SDK's proactive sends carried `"id": null`)."""

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        return super().model_dump(**{**kwargs, "exclude_none": True})  # type: ignore[no-any-return]


def to_activity(message: Message) -> Activity:
    """A Message as the Agents SDK's Activity: plain text, and the card (if any) as an attachment."""
    fields: dict[str, Any] = {"type": ActivityTypes.message, "text": message.text, "text_format": "plain"}
    if message.card is not None:
        fields["attachments"] = [Attachment(content_type=CARD, content=message.card)]
    return _Outgoing(**fields)


def _neutral(exc: BaseException) -> BaseException:
    """The Agents SDK's (aiohttp's, pydantic's) error for a send, as bot/sdk's; anything else as it is."""
    if isinstance(exc, aiohttp.ClientResponseError):
        if 200 <= exc.status < 300:  # taken, but the answer is no JSON (aiohttp's ContentTypeError)
            return Unreadable(str(exc))
        return Refused(exc.status, retry_after(exc.headers))
    if isinstance(exc, aiohttp.ClientConnectorError):  # no connection made: nothing was sent
        return Unreachable(str(exc), maybe_sent=False)
    if isinstance(exc, aiohttp.ClientError | asyncio.TimeoutError):
        return Unreachable(str(exc) or type(exc).__name__, maybe_sent=True)
    if isinstance(exc, pydantic.ValidationError | json.JSONDecodeError):  # a success answer, unreadable
        return Unreadable(str(exc))
    return exc


_SEND_ERRORS = (aiohttp.ClientError, asyncio.TimeoutError, pydantic.ValidationError, json.JSONDecodeError)


class AgentsTurn:
    """The Agents SDK's TurnContext as bot/sdk's Turn."""

    def __init__(self, context: TurnContext, activity: Incoming) -> None:
        self.context = context
        self.activity = activity
        self.state: dict[str, Any] = {}

    async def send(self, message: Message) -> str | None:
        try:
            response = await self.context.send_activity(to_activity(message))
        except _SEND_ERRORS as exc:
            raise _neutral(exc) from exc
        return response.id if response is not None else None

    def answer_invoke(self, answer: InvokeAnswer) -> None:
        self.context.turn_state[CloudAdapter.INVOKE_RESPONSE_KEY] = Activity(
            type=ActivityTypes.invoke_response,
            value=InvokeResponse(status=answer.status, body=answer.body).model_dump(mode="json"),
        )


class _Anonymous(ClaimsIdentity):  # type: ignore[misc]
    """No credentials (local development): nothing is signed, whatever claims the adapter adds (it adds the
    service URL to a new conversation's, which would make the SDK's own anonymous identity ask MSAL)."""

    @property
    def allow_anonymous(self) -> bool:
        return True


# The connector clients made within one create_thread (see _Clients).
_OPENED: contextvars.ContextVar[list[Any] | None] = contextvars.ContextVar("opened", default=None)

MAX_KEPT = 64  # clients kept; without credentials any request may name any serviceUrl (loopback only)
RENEW_BEFORE = 4 * 60.0  # re-make a client with this little left on its token (MSAL renews from 5 min)


def _token_deadline(client: Any, now: float) -> float:
    """When the token fixed in the client's session headers must no longer be used: its `exp`, but no later
    than its lifetime (exp - iat, if given) from now, whatever the local clock says; no token, no deadline."""
    header = str(getattr(getattr(client, "client", None), "headers", {}).get("Authorization", ""))
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return float("inf")
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
        if "iat" not in claims:
            return float(claims["exp"])
        return min(float(claims["exp"]), now + float(claims["exp"]) - float(claims["iat"]))
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return now  # a token that does not say when it expires is used once, as the SDK does


class _Kept:
    """A client the SDK made, and the turns using it: closed once dropped and no turn uses it any more."""

    def __init__(self, client: Any, deadline: float) -> None:
        self.client, self.deadline, self.users, self.dropped = client, deadline, 0, False
        self.loop = asyncio.get_running_loop()

    async def release(self) -> None:
        self.users -= 1
        if self.dropped and self.users == 0:
            await self.client.close()

    async def drop(self) -> None:
        self.dropped = True
        if self.users == 0:
            await self.client.close()


class _Lease:
    """One turn's use of a kept client: all of it is the client's, but the adapter closing it at the end of
    the turn only ends this turn's use."""

    def __init__(self, kept: _Kept) -> None:
        self._kept, self._open = kept, True
        kept.users += 1

    def __getattr__(self, name: str) -> Any:
        return getattr(self._kept.client, name)

    async def close(self) -> None:
        if self._open:
            self._open = False
            await self._kept.release()


class _Clients(RestChannelServiceClientFactory):  # type: ignore[misc]
    """The SDK's client factory, its clients kept across turns: each holds an aiohttp session (a connection
    kept alive) and the token the SDK fetched for it, fixed in the session's headers, so a client is re-made
    (with MSAL's renewed token) before that token expires. Connector clients are kept per (app id, service
    URL, audience, scopes, anonymous or not), user token clients per (app id, anonymous or not): the bot signs
    no one in. Agentic and Copilot Studio requests get the SDK's clients as they are, one per turn.

    Also notes the connector clients it hands out while a new thread is created, so that one the SDK leaves
    open when the Connector refuses the thread is closed (create_conversation registers its clean-up only
    after the create succeeded)."""

    def __init__(self, *args: Any, clock: Callable[[], float] = time.time, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clock = clock
        self.kept: OrderedDict[Any, _Kept] = OrderedDict()

    async def _lease(self, key: Any, make: Callable[[], Awaitable[Any]]) -> _Lease:
        loop, kept = asyncio.get_running_loop(), self.kept.get(key)
        if kept is not None and kept.loop is loop and self._clock() < kept.deadline - RENEW_BEFORE:
            self.kept.move_to_end(key)
            return _Lease(kept)
        client = await make()  # turns missing at once each make one; the last one made is kept
        made = _Kept(client, _token_deadline(client, self._clock()))
        replaced, self.kept[key] = self.kept.pop(key, None), made
        lease = _Lease(made)  # before any await: a dropped client closes only once no turn uses it
        dropped = [replaced] if replaced is not None else []
        while len(self.kept) > MAX_KEPT:
            dropped.append(self.kept.popitem(last=False)[1])
        for old in dropped:
            if old.loop is loop:
                await old.drop()
        return lease

    async def create_connector_client(
        self,
        context: TurnContext | None,
        claims_identity: ClaimsIdentity,
        service_url: str,
        audience: str,
        scopes: list[str] | None = None,
        use_anonymous: bool = False,
    ) -> Any:
        def make() -> Awaitable[Any]:
            return super(_Clients, self).create_connector_client(
                context, claims_identity, service_url, audience, scopes, use_anonymous
            )

        activity = context.activity if context is not None else None
        if activity is not None and (
            activity.is_agentic_request()
            or (activity.recipient is not None and activity.recipient.role == RoleTypes.connector_user)
        ):
            client = await make()
        else:
            scope = tuple(scopes or claims_identity.get_token_scope() or ())
            key = ("connector", claims_identity.get_app_id(), service_url, audience, scope, use_anonymous)
            client = await self._lease(key, make)
        opened = _OPENED.get()
        if opened is not None:
            opened.append(client)
        return client

    async def create_user_token_client(
        self, context: TurnContext, claims_identity: ClaimsIdentity, use_anonymous: bool = False
    ) -> Any:
        def make() -> Awaitable[Any]:
            return super(_Clients, self).create_user_token_client(context, claims_identity, use_anonymous)

        if context.activity.is_agentic_request():
            return await make()
        return await self._lease(("user token", claims_identity.get_app_id(), use_anonymous), make)

    async def close(self) -> None:
        """Close every kept client (at shutdown)."""
        while self.kept:
            kept = self.kept.popitem()[1]
            if kept.loop is asyncio.get_running_loop():
                await kept.drop()


class _Adapter(CloudAdapter):  # type: ignore[misc]
    def create_claims_identity(self, agent_app_id: str = "") -> ClaimsIdentity:
        if not agent_app_id:  # local development: nothing to sign (see the module's docstring)
            return _Anonymous({}, authentication_type="anonymous")
        return super().create_claims_identity(agent_app_id)  # type: ignore[no-any-return]


class AgentsOutbound:
    """Proactive sends and new threads through the CloudAdapter; one attempt each (the notifier retries)."""

    def __init__(self, adapter: _Adapter, app_id: str) -> None:
        self._adapter = adapter
        self._app_id = app_id

    async def send(self, reference: dict[str, Any], message: Message) -> str:
        outcome: list[str] = []
        errors: list[BaseException] = []

        async def callback(context: TurnContext) -> None:
            try:
                activity = to_activity(message)
                # As for a reply, but a new message in the conversation, not an answer to the made-up
                # continuation activity.
                response = await context.send_activity(activity)
            except Exception as exc:  # noqa: BLE001 - handed to the caller below, not swallowed
                errors.append(exc)
            else:
                outcome.append(response.id if response is not None and response.id else "")

        try:
            continuation = ConversationReference.model_validate(reference).get_continuation_activity()
        except pydantic.ValidationError as exc:
            raise ValueError(f"not a conversation reference: {exc}") from exc
        continuation.id = None
        await self._adapter.continue_conversation(self._app_id, continuation, callback)
        if errors:
            raise _neutral(errors[0]) from errors[0]
        if not outcome:
            raise RuntimeError("the adapter did not run the proactive turn")
        return outcome[0]

    async def create_thread(
        self, channel_reference: dict[str, Any], message: Message, *, channel_id: str, tenant_id: str | None
    ) -> dict[str, Any]:
        channel = ConversationReference.model_validate(channel_reference)
        created: list[dict[str, Any]] = []

        async def callback(context: TurnContext) -> None:
            # Not the activity's get_conversation_reference: the SDK's create activity has no recipient,
            # which its ConversationReference requires (a ValidationError). The notifier adds the bot.
            data = context.activity.model_dump(by_alias=True, exclude_none=True, mode="json")
            created.append(Incoming(data).reference())

        channel_data: dict[str, Any] = {"channel": {"id": channel_id}}
        if tenant_id:
            channel_data["tenant"] = {"id": tenant_id}
        parameters = ConversationParameters.model_validate(
            {
                "isGroup": True,
                "channelData": channel_data,
                "activity": to_activity(message),
                "tenantId": tenant_id,
            }
        )
        opened = _OPENED.set([])
        try:
            await self._adapter.create_conversation(
                self._app_id,
                str(channel.channel_id or "msteams"),
                channel.service_url,
                CONNECTOR_AUDIENCE,
                parameters,
                callback,
            )
        except _SEND_ERRORS as exc:
            raise _neutral(exc) from exc
        finally:
            # A refused create leaves the connector client the SDK made for it open (its aiohttp session).
            for client in _OPENED.get() or []:
                await client.close()
            _OPENED.reset(opened)
        if not created:
            raise RuntimeError("the adapter did not run the create-conversation turn")
        return created[0]


class AgentsSdk:
    name: SdkName = "agents"

    def __init__(self, settings: SdkSettings) -> None:
        self._app_id = settings.app_id
        # The SDK logs each reply (with its conversation id) at INFO, and without an app id warns on every
        # turn: the bot writes one line per turn itself (bot.turns), so the SDK's from WARNING on, and the
        # expected local-development warning not at all.
        logging.getLogger("microsoft_agents").setLevel(logging.WARNING)
        if not settings.app_id:
            logging.getLogger("microsoft_agents.hosting.core.connector.client.user_token_client").setLevel(
                logging.ERROR
            )
        if settings.app_id:
            auth_type = AuthTypes.user_managed_identity if settings.app_type == "UserAssignedMSI" else None
            self.configuration = AgentAuthConfiguration(
                auth_type=auth_type,
                client_id=settings.app_id,
                client_secret=settings.app_password or None,
                # MultiTenant apps take tokens from any tenant: MSAL's "botframework.com" tenant.
                tenant_id=settings.tenant_id or "botframework.com",
                validate_issuer=True,
            )
        else:
            self.configuration = AgentAuthConfiguration(anonymous_allowed=True)
        self._validator = JwtTokenValidator(self.configuration)
        self._issuers = {issuer.lower() for issuer in self.configuration.ISSUERS}
        self._key_clients: dict[str, jwt.PyJWKClient] = {}
        connections = MsalConnectionManager(
            connections_configurations={"SERVICE_CONNECTION": self.configuration}
        )
        self.clients = _Clients(connections)
        self.adapter = _Adapter(channel_service_client_factory=self.clients)
        self.adapter.on_turn_error = None  # errors reach bot/teams.py's handling, not the user's chat
        self.outbound = AgentsOutbound(self.adapter, settings.app_id)

    async def close(self) -> None:
        """At shutdown: the clients kept across turns."""
        await self.clients.close()

    async def authenticate(
        self, header: str, *, channel_id: str | None, service_url: str | None, checked: Any = None
    ) -> Any:
        if not self._app_id:
            return ClaimsIdentity({}, authentication_type="anonymous")
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            log.info("refused a request without a valid token: no bearer token")
            return Refusal("unauthorized")
        token = token.strip()
        # The token was checked before the body was read (bot/app.py): only the checks that need the
        # activity are left, not the signature again.
        same = isinstance(checked, ClaimsIdentity) and checked.security_token == token
        identity = checked if same else await self._validated(token)
        if isinstance(identity, Refusal):
            return identity
        claims = identity.claims
        try:
            if channel_id is not None and not await self._endorsed(token, channel_id, str(claims["iss"])):
                log.warning("refused a token signed with a key not endorsed for %s", channel_id)
                return Refusal("unauthorized")
        except (OSError, jwt.PyJWKClientConnectionError):
            raise  # the signing keys could not be fetched: our failure, not the caller's
        except Exception as exc:  # noqa: BLE001 - any other failure to read the key is a refusal
            log.warning("refused a request with an invalid token: %s: %s", type(exc).__name__, exc)
            return Refusal("unauthorized")
        if service_url is not None and claims.get("serviceurl") != service_url:
            log.warning("refused a token whose serviceurl claim names another service")
            return Refusal("unauthorized")
        return identity

    async def _validated(self, token: str) -> ClaimsIdentity | Refusal:
        """The SDK's check of the token (signature, audience, lifetime), after ours of its issuer and
        expiry."""
        try:
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as exc:
            log.info("refused a request with an invalid token: %s", type(exc).__name__)
            return Refusal("unauthorized")
        if str(unverified.get("iss", "")).lower() not in self._issuers:
            # Refused before the SDK fetches keys from an address the token's issuer chooses.
            log.warning("refused a token from issuer %r", unverified.get("iss"))
            return Refusal("unauthorized")
        try:
            identity: ClaimsIdentity = await self._validator.validate_token(token)
        except (OSError, jwt.PyJWKClientConnectionError):
            raise  # the signing keys could not be fetched: our failure, not the caller's
        except Exception as exc:  # noqa: BLE001 - any other failure to validate the token is a refusal
            log.warning("refused a request with an invalid token: %s: %s", type(exc).__name__, exc)
            return Refusal("unauthorized")
        if "exp" not in identity.claims:
            log.warning("refused a token without an expiry")
            return Refusal("unauthorized")
        return identity

    async def _endorsed(self, token: str, channel_id: str, issuer: str) -> bool:
        """Whether the Bot Framework key that signed `token` is endorsed for `channel_id` (as botbuilder
        checks; the Agents SDK does not). Tokens of other issuers (Entra ID) have no endorsements."""
        uri = BOTFRAMEWORK_JWKS_URIS.get(issuer)
        if uri is None:
            return True
        client = self._key_clients.get(uri)
        if client is None:
            client = self._key_clients[uri] = jwt.PyJWKClient(uri)
        kid = jwt.get_unverified_header(token).get("kid")
        if not isinstance(kid, str):
            return False
        key = await asyncio.to_thread(client.get_signing_key, kid)  # cached by PyJWKClient
        endorsements = getattr(key, "_jwk_data", {}).get("endorsements")
        # As botbuilder 4.17.1: a key that lists no endorsements is not checked (tests/test_auth.py).
        return not isinstance(endorsements, list) or not endorsements or channel_id in endorsements

    async def process(self, identity: Any, body: dict[str, Any], on_turn: OnTurn) -> InvokeAnswer | None:
        try:
            activity = Activity.model_validate(body)
        except (pydantic.ValidationError, RecursionError, TypeError, ValueError) as exc:
            raise BadActivity(type(exc).__name__) from exc

        async def callback(context: TurnContext) -> None:
            await on_turn(AgentsTurn(context, Incoming(body)))

        invoke = await self.adapter.process_activity(identity, activity, callback)
        if invoke is not None:
            return InvokeAnswer(int(invoke.status), invoke.body)
        return None


def make(settings: SdkSettings) -> AgentsSdk:
    return AgentsSdk(settings)
