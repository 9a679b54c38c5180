"""bot/transport.py's reply path: ShallowCopyTurnContext and LeanConversationsOperations.

Turns run through ShallowCopyCloudAdapter and through the SDK's CloudAdapter, and must behave the same: what
reaches the Connector, what the caller's activity looks like afterwards, expect_replies, invoke responses.
The lean reply operations are compared with msrest's pipeline on the same kept client (the SDK's
`ConversationsOperations` methods, called on it): against a local server recording the request as it
arrived (method, path, every header, body bytes), and for every kind of answer.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from botbuilder.core import ActivityHandler, CardFactory, InvokeResponse, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    DeliveryModes,
    ErrorResponseException,
    ResourceResponse,
    SuggestedActions,
)
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.auth import AuthenticationConstants, MicrosoftAppCredentials
from botframework.connector.auth._connector_factory_impl import USER_AGENT
from hypothesis import given, settings
from hypothesis import strategies as st
from msrest.authentication import BasicTokenAuthentication
from msrest.exceptions import ClientRequestError, DeserializationError
from msrest.serialization import Model

from bot import transport
from bot.app import ADAPTER, SdkConfig, create_app
from bot.config import Settings
from bot.transport import (
    HttpPool,
    KeptTokenCredentials,
    LeanConversationsOperations,
    ReusingBotFrameworkAuthentication,
    ShallowCopyCloudAdapter,
    ShallowCopyTurnContext,
)
from tests.fakes import activities

APP_ID = "00000000-0000-0000-0000-00000000b07a"
CARD: dict[str, Any] = {
    "type": "AdaptiveCard",
    "version": "1.5",
    "body": [
        {"type": "TextBlock", "text": "Mål 6 ✓", "wrap": True},
        {"type": "FactSet", "facts": [{"title": "Klart", "value": "3 av 4"}]},
    ],
    "actions": [{"type": "Action.Submit", "title": "Nästa", "data": {"msteams": {"type": "imBack"}}}],
}


# --- a Bot Connector that records requests as they arrived ------------------------------------------


@dataclass
class Arrived:
    method: str
    path: str  # as sent, percent-encoding included
    headers: list[tuple[str, str]]  # every header as sent, in order
    body: bytes


@dataclass
class Answer:
    """An answer given byte for byte: `headers` are all of its headers but Content-Length."""

    status: int = 200
    body: bytes = b'{"id": "1:reply"}'
    headers: list[tuple[str, str]] = field(
        default_factory=lambda: [("Content-Type", "application/json; charset=utf-8")]
    )


@dataclass
class Recorder:
    """An HTTP/1.1 server (keep-alive) that records each request as it arrived and answers `answers` in
    turn, then Answer(): written by hand, so an answer's headers are exactly the given ones."""

    arrived: list[Arrived] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/"

    async def start(self) -> Recorder:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *lines = head.decode("latin-1").split("\r\n")[:-2]
                method, path, _ = request_line.split(" ")
                headers = [(name, value.strip()) for name, value in (line.split(":", 1) for line in lines)]
                length = int(dict((k.lower(), v) for k, v in headers).get("content-length", "0"))
                self.arrived.append(Arrived(method, path, headers, await reader.readexactly(length)))
                answer = self.answers.pop(0) if self.answers else Answer()
                reason = HTTPStatus(answer.status).phrase
                lines = [f"HTTP/1.1 {answer.status} {reason}"]
                lines += [f"{name}: {value}" for name, value in answer.headers]
                lines.append(f"Content-Length: {len(answer.body)}")
                writer.write("\r\n".join(lines).encode("latin-1") + b"\r\n\r\n" + answer.body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()


@pytest.fixture
async def recorder() -> AsyncIterator[Recorder]:
    started = await Recorder().start()
    yield started
    await started.close()


@pytest.fixture
async def pool() -> AsyncIterator[HttpPool]:
    kept = HttpPool()

    async def no_wait(_: float) -> None:
        return None

    kept.sleep = no_wait  # connection retries without their waits
    yield kept
    await kept.close()


class FixedTokenCredentials(MicrosoftAppCredentials):
    """The SDK's credentials, with MSAL's token fetch replaced by a fixed token."""

    def __init__(self, app_id: str = APP_ID) -> None:
        super().__init__(app_id, "secret", oauth_scope="https://api.botframework.com")

    def get_access_token(self, force_refresh: bool = False) -> str:
        return "the-token"


def kept_client(base_url: str, credentials: Any, pool: HttpPool) -> ConnectorClient:
    """A connector client as ReusingConnectorFactory keeps it for turns (the SDK's factory's client)."""
    client = ConnectorClient(credentials, base_url=base_url)
    client.config.add_user_agent(USER_AGENT)
    transport.serialize_activities_directly(client)
    transport.send_posts_on(pool)(client)
    transport.read_error_answers(client)
    return client


def reply(text: str = "Svar", *, conversation_id: str = "a:personal-megan", card: bool = True) -> Activity:
    activity = MessageFactory.attachment(CardFactory.adaptive_card(copy.deepcopy(CARD))) if card else None
    activity = activity or MessageFactory.text(text)
    activity.text = text
    activity.input_hint = "acceptingInput"
    activity.conversation = ConversationAccount(id=conversation_id, conversation_type="personal")
    activity.from_property = ChannelAccount(id="28:bot", name="Boten")
    activity.recipient = ChannelAccount(id="29:user", name="Megan")
    activity.service_url = "https://smba.trafficmanager.net/emea/"
    activity.channel_id = "msteams"
    return activity


class PipelineCalls:
    """Counts the requests that went through the client's msrest pipeline."""

    def __init__(self, client: ConnectorClient) -> None:
        self.count = 0
        pipeline = client.config.pipeline
        run = pipeline.run

        async def counting(request: Any, **kwargs: Any) -> Any:
            self.count += 1
            return await run(request, **kwargs)

        pipeline.run = counting


def outcome_of(result: Any) -> tuple[Any, ...]:
    """What a caller can see of an operation's result or exception."""
    if isinstance(result, ErrorResponseException):
        response = result.response
        headers = {k: v for k, v in response.headers.items() if k.lower() != "date"}
        error = result.error.serialize() if isinstance(result.error, Model) else repr(result.error)
        return (
            type(result),
            str(result),
            result.message,
            error,
            response.status_code,
            response.reason,
            response.text,
            response.url,
            headers,
            response.encoding,
        )
    if isinstance(result, BaseException):
        return type(result), str(result)
    if isinstance(result, Model):
        return type(result), vars(result)
    return (result,)


async def lean_and_msrest(
    client: ConnectorClient, recorder: Recorder, operation: str, *args: Any, answer: Answer | None = None
) -> tuple[tuple[Any, ...], tuple[Any, ...], list[Arrived], list[Arrived]]:
    """The same operation (each given `answer`) on the lean path and through msrest's pipeline, as the SDK's
    ConversationsOperations method on the same client: (outcome, outcome, requests, requests)."""
    lean = getattr(client.conversations, operation)
    sdk = functools.partial(getattr(ConversationsOperations, operation), client.conversations)
    seen: list[tuple[Any, ...]] = []
    requests: list[list[Arrived]] = []
    for send in (lean, sdk):
        recorder.arrived.clear()
        recorder.answers[:] = [answer] if answer is not None else []
        try:
            result: Any = await send(*args)
        except Exception as exc:  # noqa: BLE001 - compared
            result = exc
        seen.append(outcome_of(result))
        requests.append(list(recorder.arrived))
    return seen[0], seen[1], requests[0], requests[1]


# --- the lean path sends what msrest's pipeline sends ----------------------------------------------

CONVERSATION_IDS = [
    "a:personal-megan",
    "19:general@thread.tacv2;messageid=1700000000000",
    "29:1a b+c/d?e#f%20g",
    "åäö ✓ 🎉",
    "..",
    ".",
]
CREDENTIALS: dict[str, Callable[[], Any]] = {
    "none": lambda: MicrosoftAppCredentials(None, None),
    "anonymous skill": lambda: MicrosoftAppCredentials(AuthenticationConstants.ANONYMOUS_SKILL_APP_ID, ""),
    "app id": FixedTokenCredentials,
    "kept token": lambda: KeptTokenCredentials(FixedTokenCredentials()),
}


@pytest.mark.parametrize("credentials", CREDENTIALS)
@pytest.mark.parametrize("conversation_id", CONVERSATION_IDS)
async def test_a_reply_is_the_request_msrest_sends(
    recorder: Recorder, pool: HttpPool, credentials: str, conversation_id: str
) -> None:
    client = kept_client(recorder.url + "emea/", CREDENTIALS[credentials](), pool)
    assert type(client.conversations) is LeanConversationsOperations
    calls = PipelineCalls(client)
    for reply_to in ("1700000000001", "f:1;x=y/z", ".."):
        lean, sdk, lean_sent, sdk_sent = await lean_and_msrest(
            client,
            recorder,
            "reply_to_activity",
            conversation_id,
            reply_to,
            reply(conversation_id=conversation_id),
        )
        assert lean == sdk
        assert lean_sent == sdk_sent and len(lean_sent) == 1
    lean, sdk, lean_sent, sdk_sent = await lean_and_msrest(
        client, recorder, "send_to_conversation", conversation_id, reply(conversation_id=conversation_id)
    )
    assert lean == sdk
    assert lean_sent == sdk_sent and len(lean_sent) == 1
    assert calls.count == 4  # msrest's pipeline ran only for the msrest calls

    headers = dict(lean_sent[0].headers)
    expected_authorization = "Bearer the-token" if credentials in ("app id", "kept token") else None
    assert headers.get("Authorization") == expected_authorization
    assert headers["User-Agent"] == client.config.user_agent
    assert json.loads(lean_sent[0].body)["attachments"][0]["content"] == CARD


async def test_a_card_sent_again_is_sent_as_msrest_sends_it(recorder: Recorder, pool: HttpPool) -> None:
    """A card Services.kept shares between turns is the same object each time: its text is encoded once."""
    client = kept_client(recorder.url, FixedTokenCredentials(), pool)
    shared, other = copy.deepcopy(CARD), copy.deepcopy(CARD)
    other["body"] = [{"type": "TextBlock", "text": 'Ett annat kort \u00e5\u00e4\u00f6 "citat"'}]
    cards = [[shared], [shared], [other, shared], [shared, shared], [other], [shared]]
    for number, contents in enumerate(cards):
        activity = reply(f"Svar {number}", conversation_id=f"a:personal-{number % 2}")
        activity.attachments = [CardFactory.adaptive_card(content) for content in contents]
        lean, sdk, lean_sent, sdk_sent = await lean_and_msrest(
            client, recorder, "reply_to_activity", activity.conversation.id, "1", activity
        )
        assert lean == sdk
        assert lean_sent == sdk_sent and len(lean_sent) == 1
        sent = json.loads(lean_sent[0].body)["attachments"]
        assert [attachment["content"] for attachment in sent] == contents
        assert all(
            attachment.content is content
            for attachment, content in zip(activity.attachments, contents, strict=True)
        )


def test_the_lean_paths_are_installed_only_where_they_mirror_msrest() -> None:
    lean_pool = HttpPool()
    for base_url in ("https://smba.trafficmanager.net/emea/", "http://127.0.0.1:3978"):
        client = kept_client(base_url, FixedTokenCredentials(), lean_pool)
        assert type(client.conversations) is LeanConversationsOperations
    # Braces in the base URL (format_url would fill them in), no scheme, other credentials: msrest's.
    for base_url, credentials in [
        ("https://smba.trafficmanager.net/{region}/", FixedTokenCredentials()),
        ("smba.trafficmanager.net/emea/", FixedTokenCredentials()),
        ("https://smba.trafficmanager.net/emea/", BasicTokenAuthentication({"access_token": "t"})),
    ]:
        client = kept_client(base_url, credentials, lean_pool)
        assert type(client.conversations) is ConversationsOperations
    # Proactive clients (not prepared for the pool) keep the SDK's operations.
    client = ConnectorClient(FixedTokenCredentials(), base_url="https://smba.trafficmanager.net/emea/")
    transport.serialize_activities_directly(client)
    assert type(client.conversations) is ConversationsOperations


BASE_URLS = [
    "https://smba.trafficmanager.net/emea/",
    "https://smba.trafficmanager.net/amer",
    "http://127.0.0.1:3978",
    "http://h/a//b/",
    "http://h/a/./b/../c/",
    "http://h/../x/",
    "http://h/p;params/?q=1#frag",
    "https://h:8443/emea/?x",
    "http://[::1]:80/a",
]
CLIENTS = {url: kept_client(url, MicrosoftAppCredentials(None, None), HttpPool()) for url in BASE_URLS}
ids = st.text(min_size=1, max_size=12) | st.sampled_from([".", "..", "...", "%2E", "a/../b", "19:x@t;m=1"])


@settings(max_examples=300, deadline=None)
@given(base_url=st.sampled_from(BASE_URLS), conversation_id=ids, activity_id=ids)
def test_the_url_is_format_urls(base_url: str, conversation_id: str, activity_id: str) -> None:
    client = CLIENTS[base_url]
    operations = client.conversations
    assert isinstance(operations, LeanConversationsOperations)
    serializer, service = operations._serialize, operations._client

    def msrest_url(template: str, **path: str) -> str:
        # The operation's format_url, then ServiceClient._request's.
        quoted = {name: serializer.url(name, value, "str") for name, value in path.items()}
        return str(service.format_url(service.format_url(template, **quoted)))

    reply_to = transport.quote(conversation_id, safe=""), "activities", transport.quote(activity_id, safe="")
    assert operations._url(*reply_to) == msrest_url(
        ConversationsOperations.reply_to_activity.metadata["url"],
        conversationId=conversation_id,
        activityId=activity_id,
    )
    assert operations._url(transport.quote(conversation_id, safe=""), "activities") == msrest_url(
        ConversationsOperations.send_to_conversation.metadata["url"], conversationId=conversation_id
    )


# --- the same outcomes --------------------------------------------------------------------------------

JSON = [("Content-Type", "application/json; charset=utf-8")]
ANSWERS = {
    "429 with Retry-After": Answer(429, b"", [("Retry-After", "7")]),
    "503": Answer(503, b"Service Unavailable", [("Content-Type", "text/plain; charset=utf-8")]),
    "502 from a gateway": Answer(
        502, b"<html><h1>502 Bad Gateway</h1></html>", [("Content-Type", "text/html")]
    ),
    "504 from a gateway": Answer(
        504, b"<html>Gateway Timeout</html>", [("Content-Type", "text/html"), ("Retry-After", "3")]
    ),
    "503 with XML that is not": Answer(503, b"<oops", [("Content-Type", "application/xml")]),
    "503 without a body": Answer(503, b"", []),
    "404 with an error body": Answer(
        404, b'{"error": {"code": "ConversationNotFound", "message": "Conversation not found."}}', JSON
    ),
    "403 with an error body without a charset": Answer(
        403,
        b'{"error": {"code": "BotNotInConversationRoster", "message": "The bot is not part"}}',
        [("Content-Type", "application/json")],
    ),
    "400 with broken JSON": Answer(400, b'{"error": ', JSON),
    "200 with broken JSON": Answer(200, b'{"id": ', JSON),
    "200 with an HTML page": Answer(200, b"<html>proxy</html>", [("Content-Type", "text/html")]),
    "200 without a content type": Answer(200, b'{"id": "x"}', []),
    "200 with two content types": Answer(200, b'{"id": "x"}', JSON + JSON),
    "200 in capitals": Answer(200, b'{"id": "x"}', [("Content-Type", "Application/JSON; charset=UTF-8")]),
    "200 without a body": Answer(200, b"", JSON),
    "201 with more than an id": Answer(201, b'{"id": "x", "activityId": "y"}', JSON),
    "202 with a null id": Answer(202, b'{"id": null}', JSON),
    "200 with a number for an id": Answer(200, b'{"id": 5}', JSON),
    "200 with a list": Answer(200, b'[{"id": "x"}]', JSON),
    "200 with a BOM": Answer(200, b'\xef\xbb\xbf{"id": "x"}', JSON),
    "200 in Latin-1": Answer(
        200, b'{"id": "\xe5"}', [("Content-Type", "application/json; charset=iso-8859-1")]
    ),
    "200 not UTF-8": Answer(200, b'{"id": "\xe5"}', JSON),
    "200 in another JSON type": Answer(200, b'{"id": "x"}', [("Content-Type", "application/vnd.api+json")]),
    "204": Answer(204, b"", []),
    "200": Answer(200, b'{"id": "1:x;messageid=2"}', JSON),
    "201": Answer(201, b'{"id": "1:x;messageid=2"}', JSON),
    "202 without a charset": Answer(202, b'{"id": "\xc3\xa5"}', [("Content-Type", "application/json")]),
}


@pytest.mark.parametrize("name", ANSWERS)
async def test_every_answer_has_msrests_outcome(recorder: Recorder, pool: HttpPool, name: str) -> None:
    client = kept_client(recorder.url, FixedTokenCredentials(), pool)
    calls = PipelineCalls(client)
    for operation, args in [
        ("reply_to_activity", ("a:personal-megan", "1700000000001", reply())),
        ("send_to_conversation", ("a:personal-megan", reply())),
    ]:
        lean, sdk, lean_sent, sdk_sent = await lean_and_msrest(
            client, recorder, operation, *args, answer=ANSWERS[name]
        )
        assert lean == sdk
        assert lean_sent == sdk_sent and len(lean_sent) == 1
    assert calls.count == 2  # the msrest calls only: the lean path read every answer without the pipeline
    expected = {
        "429 with Retry-After": ErrorResponseException,
        # An error answer's body that cannot be read reads as none (ErrorAnswerDeserializer), as in msrest's
        # pipeline of every kept client: the status still raises ErrorResponseException.
        "503": ErrorResponseException,
        "502 from a gateway": ErrorResponseException,
        "504 from a gateway": ErrorResponseException,
        "503 with XML that is not": ErrorResponseException,
        "400 with broken JSON": ErrorResponseException,
        "503 without a body": ErrorResponseException,
        "404 with an error body": ErrorResponseException,
        "204": ErrorResponseException,
        # A success whose body cannot be read stays msrest's DeserializationError (the reply was taken).
        "200 with broken JSON": DeserializationError,
        "200 with an HTML page": DeserializationError,
        "200": ResourceResponse,
    }
    if name in expected:
        assert lean[0] is expected[name]
    answer = ANSWERS[name]
    if expected.get(name) is ErrorResponseException:
        # Read as an answer without a body: the status, the headers and the text as they came.
        assert lean[4] == answer.status and lean[6] == answer.body.decode()
        assert lean[8] == dict(answer.headers) | {"Content-Length": str(len(answer.body))}
        if answer.status >= 400 and not answer.body.startswith(b"{"):
            reason = HTTPStatus(answer.status).phrase
            assert lean[2] == f"Operation returned an invalid status code '{reason}'"
            assert lean[3] == {}  # an empty ErrorResponse, as for an answer without a body
    if name == "404 with an error body":
        assert lean[2] == "(ConversationNotFound) Conversation not found."
    if name == "429 with Retry-After":
        assert lean[4] == 429 and lean[8]["Retry-After"] == "7"


async def test_an_unreachable_connector_raises_what_msrest_raises(pool: HttpPool) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = kept_client(f"http://127.0.0.1:{port}/", FixedTokenCredentials(), pool)
    lean, sdk, _, _ = await lean_and_msrest(
        client, Recorder(), "reply_to_activity", "a:personal-megan", "1", reply()
    )
    assert lean == sdk
    assert lean[0] is ClientRequestError


async def test_what_the_lean_path_does_not_mirror_goes_through_msrest(
    recorder: Recorder, pool: HttpPool
) -> None:
    client = kept_client(recorder.url, FixedTokenCredentials(), pool)
    calls = PipelineCalls(client)
    operations = client.conversations
    unusual = reply()
    unusual.suggested_actions = SuggestedActions(actions=[{"type": "imBack", "title": "Ja", "value": "ja"}])
    await operations.reply_to_activity("a:c", "1", reply(), custom_headers={"X-Extra": "1"})
    await operations.reply_to_activity("a:c", "1", unusual)
    client.config.enable_http_logger = True
    await operations.send_to_conversation("a:c", reply())
    client.config.enable_http_logger = False
    with pytest.raises(Exception) as refused:  # noqa: PT011 - whatever msrest raises
        await operations.reply_to_activity(None, "1", reply())
    assert calls.count == 3
    assert dict(recorder.arrived[0].headers)["X-Extra"] == "1"
    assert json.loads(recorder.arrived[1].body)["suggestedActions"]["actions"][0]["title"] == "Ja"
    assert type(refused.value).__name__ == "ValidationError"
    # The unusual activity was serialized from a copy: its dicts are still dicts (msrest makes CardActions).
    assert unusual.suggested_actions.actions == [{"type": "imBack", "title": "Ja", "value": "ja"}]
    await operations.reply_to_activity("a:c", "1", reply())
    assert calls.count == 3


# --- turns: ShallowCopyCloudAdapter against the SDK's CloudAdapter -------------------------------------


class KeepingBot(ActivityHandler):
    """Replies with a card activity it keeps (and a snapshot of it), and notes what it saw."""

    def __init__(self) -> None:
        self.sent: list[Activity] = []
        self.snapshots: list[Activity] = []
        self.outgoing: list[Activity] = []
        self.responded: list[bool] = []
        self.contexts: list[type] = []

    async def on_turn(self, turn_context: TurnContext) -> None:
        self.contexts.append(type(turn_context))

        async def note(_: TurnContext, sent: list[Activity], next_send: Callable[[], Awaitable[Any]]) -> Any:
            self.outgoing.extend(sent)
            return await next_send()

        turn_context.on_send_activities(note)
        await super().on_turn(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        if turn_context.activity.text == "trace":
            await turn_context.send_activity(Activity(type=ActivityTypes.trace, name="t", value={"a": 1}))
            self.responded.append(turn_context.responded)
            return
        activity = MessageFactory.attachment(CardFactory.adaptive_card(copy.deepcopy(CARD)), text="Kort")
        activity.channel_data = {"notification": {"alert": True}}
        unusual = MessageFactory.text("Förslag")
        if "mål" in turn_context.activity.text:  # "kort": the text only (the SDK cannot buffer dicts there)
            unusual.suggested_actions = SuggestedActions(
                actions=[{"type": "imBack", "title": "Ja", "value": "ja"}]
            )
        self.sent += [activity, unusual]
        self.snapshots += [copy.deepcopy(activity), copy.deepcopy(unusual)]
        await turn_context.send_activities([activity, unusual])
        self.responded.append(turn_context.responded)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        return InvokeResponse(
            status=200, body={"statusCode": 200, "value": {"answer": turn_context.activity.name}}
        )


@dataclass
class Served:
    adapter: CloudAdapter
    bot: KeepingBot
    client: TestClient
    errors: list[Exception]

    async def post(self, activity: dict[str, Any]) -> tuple[int, Any]:
        response = await self.client.post("/api/messages", json=activity)
        text = await response.text()
        return response.status, json.loads(text) if text else None


@pytest.fixture
async def serve(tmp_path: Path, clean_env: None) -> AsyncIterator[Callable[[str], Awaitable[Served]]]:
    started: list[Served] = []

    async def start(kind: str) -> Served:
        settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / kind}.db")  # type: ignore[call-arg]
        adapter: CloudAdapter
        if kind == "sdk":
            adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(SdkConfig(settings)))
        else:
            adapter = ShallowCopyCloudAdapter(ReusingBotFrameworkAuthentication(SdkConfig(settings)))
        bot = KeepingBot()
        errors: list[Exception] = []

        async def on_error(_: TurnContext, error: Exception) -> None:
            errors.append(error)

        adapter.on_turn_error = on_error
        app = web.Application()

        async def messages(request: web.Request) -> web.StreamResponse:
            return await adapter.process(request, bot) or web.Response(status=201)

        app.router.add_post("/api/messages", messages)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        served = Served(adapter, bot, client, errors)
        started.append(served)
        return served

    yield start
    for served in started:
        await served.client.close()
        authentication = served.adapter.bot_framework_authentication
        if isinstance(authentication, ReusingBotFrameworkAuthentication):
            await authentication.close()


async def test_replies_leave_the_callers_activities_as_they_were(
    serve: Callable[[str], Awaitable[Served]], recorder: Recorder
) -> None:
    incoming = activities.channel_mention("mål", service_url=recorder.url)
    arrived: dict[str, list[tuple[str, Any]]] = {}
    for kind in ("sdk", "shallow"):
        served = await serve(kind)
        recorder.arrived.clear()
        assert await served.post(incoming) == (201, None)
        assert served.errors == []
        arrived[kind] = [(a.path, json.loads(a.body)) for a in recorder.arrived]
        bot = served.bot
        # The caller's activities: unchanged, not addressed, nothing inside them replaced.
        assert bot.sent == bot.snapshots
        for activity in bot.sent:
            assert (
                activity.conversation is None
                and activity.reply_to_id is None
                and activity.from_property is None
            )
        assert type(bot.sent[1].suggested_actions.actions[0]) is dict
        # What was sent: copies, addressed as replies to the incoming activity.
        assert len(bot.outgoing) == 2
        for sent, original in zip(bot.outgoing, bot.sent, strict=True):
            assert sent is not original
            assert sent.conversation.id == incoming["conversation"]["id"]
            assert sent.reply_to_id == incoming["id"]
            assert (
                sent.recipient.id == incoming["from"]["id"]
                and sent.from_property.id == incoming["recipient"]["id"]
            )
            assert sent.service_url == recorder.url and sent.channel_id == "msteams"
            assert sent.input_hint == "acceptingInput" and sent.id is None
        assert bot.responded == [True]
        expected_context = TurnContext if kind == "sdk" else ShallowCopyTurnContext
        assert bot.contexts == [expected_context]
    assert arrived["shallow"] == arrived["sdk"]
    assert len(arrived["sdk"]) == 2


async def test_expect_replies_are_still_buffered(
    serve: Callable[[str], Awaitable[Served]], recorder: Recorder
) -> None:
    incoming = activities.personal_message("kort", service_url=recorder.url)
    incoming["deliveryMode"] = DeliveryModes.expect_replies
    answers = {}
    for kind in ("sdk", "shallow"):
        served = await serve(kind)
        # The adapter's answer itself: CloudAdapter.process cannot write it (serializer_helper is given the
        # dict ExpectedReplies.serialize() made, in SDK 4.17.1), and bot/app.py answers the same way.
        invoke = await served.adapter.process_activity(
            "", Activity().deserialize(incoming), served.bot.on_turn
        )
        answers[kind] = (invoke.status, invoke.body)
        assert served.errors == []
        assert served.bot.sent == served.bot.snapshots
        assert served.bot.responded == [True]
    assert recorder.arrived == []  # nothing went to the Connector
    status, body = answers["shallow"]
    assert (status, body) == answers["sdk"]
    assert status == 200
    assert [a.get("text") for a in body["activities"]] == ["Kort", "Förslag"]
    assert all(a["replyToId"] == incoming["id"] for a in body["activities"])


async def test_invoke_responses_still_work(
    serve: Callable[[str], Awaitable[Served]], recorder: Recorder
) -> None:
    incoming = activities.personal_message("", service_url=recorder.url)
    incoming.update(type="invoke", name="composeExtension/query", value={"q": 1})
    del incoming["text"]
    answers = {}
    for kind in ("sdk", "shallow"):
        served = await serve(kind)
        # As bot/app.py runs a turn (process_activity); CloudAdapter.process cannot write a dict body.
        invoke = await served.adapter.process_activity(
            "", Activity().deserialize(incoming), served.bot.on_turn
        )
        answers[kind] = (invoke.status, invoke.body)
        assert served.errors == []
    assert (
        answers["shallow"]
        == answers["sdk"]
        == (200, {"statusCode": 200, "value": {"answer": "composeExtension/query"}})
    )
    assert recorder.arrived == []  # the answer is the HTTP response, nothing goes to the Connector


async def test_a_trace_alone_does_not_count_as_responding(
    serve: Callable[[str], Awaitable[Served]], recorder: Recorder
) -> None:
    for kind in ("sdk", "shallow"):
        served = await serve(kind)
        assert await served.post(activities.personal_message("trace", service_url=recorder.url)) == (
            201,
            None,
        )
        assert served.bot.responded == [False]
    assert recorder.arrived == []  # a trace is not sent outside the emulator


def test_the_app_runs_its_turns_on_the_shallow_copying_adapter(settings: Settings) -> None:
    adapter = create_app(settings)[ADAPTER]
    assert type(adapter) is ShallowCopyCloudAdapter
    assert isinstance(adapter.bot_framework_authentication, ReusingBotFrameworkAuthentication)
