"""The bot on botbuilder-python 4.17.1 (BOT_SDK=botbuilder, the default): the only module, with its
transport (bot/sdk/botbuilder_transport.py), that imports botbuilder or msrest.

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

import logging
from typing import Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext, serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ConversationParameters,
    ConversationReference,
    InvokeResponse,
    TextFormatTypes,
)
from msrest.exceptions import ClientRequestError, DeserializationError, HttpOperationError
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
from bot.sdk.botbuilder_transport import ReusingBotFrameworkAuthentication

log = logging.getLogger(__name__)


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
        # The SDK's authentication, its connector clients and credentials kept across turns
        # (bot/sdk/botbuilder_transport.py).
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
