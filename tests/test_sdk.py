"""The SDK boundary (bot/sdk): only the adapters import an SDK, and the Microsoft 365 Agents SDK still has the
known issues bot/sdk/agents.py guards against. When one of these tests fails after an upgrade, the SDK
changed: re-read the adapter's docstring and drop (or keep) the guard it names."""

from __future__ import annotations

import ast
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.sdk import Incoming, InvokeAnswer, Sdk, Turn
from bot.services.people import PersonInfo, Role
from tests.conftest import NOW, every_branch, fixed_clock
from tests.fakes import activities
from tests.fakes.connector import FakeConnector

MEGAN = PersonInfo("29:user-megan", "aad-megan", "Megan Bowen")  # who tests/fakes/activities.py writes as
DISTRICT = "Vänsterpartiet Västernorrland"
ROOT = Path(__file__).resolve().parents[1]
SDK_PACKAGES = ("botbuilder", "botframework", "msrest", "microsoft_agents")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_adapters_import_an_sdk() -> None:
    importing = {
        str(path.relative_to(ROOT))
        for package in ("bot", "dialogs", "schedules")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and _imports(path) & set(SDK_PACKAGES)
    }
    assert importing == {"bot/sdk/botbuilder.py", "bot/sdk/agents.py"}


def test_only_the_adapters_tests_import_an_sdk() -> None:
    """The behaviour tests drive the bot through its own turn or the real server (tests/fakes/turns.py),
    so that they run the same on either SDK."""
    importing = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests").rglob("*.py")
        if "node_modules" not in path.parts and _imports(path) & set(SDK_PACKAGES)
    }
    # The adapters' own tests: the SDK's token checks and key caches, both SDKs' transport, and this file.
    assert importing == {
        "tests/test_auth.py",
        "tests/test_transport.py",
        "tests/test_agents_clients.py",
        "tests/test_sdk.py",
    }


def test_the_agents_adapter_uses_no_teams_layer() -> None:
    """Its Teams layer is being reworked in 2026: the adapter reads Teams' JSON itself."""
    source = (ROOT / "bot" / "sdk" / "agents.py").read_text(encoding="utf-8")
    assert "hosting.teams" not in source and "hosting.msteams" not in source
    assert {n for n in _imports(ROOT / "bot" / "sdk" / "agents.py") if n.startswith("microsoft")} == {
        "microsoft_agents"
    }


# --- what a turn carries, on the SDK under test (--bot-sdk) ------------------------------------------


async def test_an_invoke_is_answered_with_the_turns_invoke_answer(
    settings: Settings, connector: FakeConnector, sdks: Callable[[Settings], Sdk]
) -> None:
    """Adaptive Cards' Action.Execute: `adaptiveCard/action`, answered in the HTTP response (issue 24)."""
    sdk = sdks(settings)
    seen: list[Incoming] = []

    async def on_turn(turn: Turn) -> None:
        seen.append(turn.activity)
        turn.answer_invoke(
            InvokeAnswer(200, {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive"})
        )

    body = {
        **activities.personal_message("", service_url=connector.url, locale="en-GB"),
        "type": "invoke",
        "name": "adaptiveCard/action",
        "value": {"action": {"type": "Action.Execute", "verb": "report", "data": {"goal": 6}}},
    }
    identity = await sdk.authenticate("", channel_id="msteams", service_url=connector.url)
    answer = await sdk.process(identity, body, on_turn)
    assert answer == InvokeAnswer(200, {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive"})
    [activity] = seen
    assert (activity.type, activity.name, activity.locale) == ("invoke", "adaptiveCard/action", "en-GB")
    assert activity.value["action"]["verb"] == "report"


async def test_a_reaction_reaches_the_bot_with_the_post_it_names(
    settings: Settings, connector: FakeConnector, sdks: Callable[[Settings], Sdk]
) -> None:
    sdk = sdks(settings)
    seen: list[Incoming] = []

    async def on_turn(turn: Turn) -> None:
        seen.append(turn.activity)

    body = {
        **activities.channel_mention("", service_url=connector.url),
        "type": "messageReaction",
        "replyToId": "1700000000123",
        "reactionsAdded": [{"type": "like"}],
    }
    del body["text"], body["entities"]
    identity = await sdk.authenticate("", channel_id="msteams", service_url=connector.url)
    assert await sdk.process(identity, body, on_turn) is None
    [activity] = seen
    assert activity.reply_to_id == "1700000000123" and activity.reactions_added == [{"type": "like"}]
    assert connector.received == []


async def test_a_dialog_runs_through_the_server_on_the_sdk(
    settings: Settings, connector: FakeConnector
) -> None:
    """The check-in asked step by step (a channel without cards), through the real server: its state
    between messages is the bot's, whichever SDK carries the turns."""
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    try:
        client.app[COMPONENTS].people.grant(MEGAN, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
        every_branch(client.app[COMPONENTS].repository, DISTRICT, 6)  # a goal the chair reports
        script = [
            ("report", "Which goal are you reporting on?"),
            ("6", "Goal 6: "),
            ("many", "“many” is not a number."),
            ("1", "When did it happen?"),
            ("today", "Any comment?"),
            ("no", "Stored #1: goal 6, 1 for Sundsvall"),
        ]
        for said, expected in script:
            body = activities.personal_message(said, service_url=connector.url, locale="en-US")
            body["channelId"] = "test"  # no cards: the dialog asks one question at a time
            before = len(connector.posted)
            assert (await client.post("/api/messages", json=body)).status in (200, 201)
            [reply] = (await connector.wait_for(before + 1))[before:]
            assert expected in reply.body["text"], (said, reply.body["text"])
    finally:
        await client.close()


# --- the successor's known issues (bot/sdk/agents.py's docstring) --------------------------------------

agents = pytest.importorskip("microsoft_agents.hosting.core", reason="the agents extra is not installed")


def test_the_pinned_release_is_the_one_checked() -> None:
    assert metadata.version("microsoft-agents-hosting-core") == "1.9.0"
    assert metadata.version("microsoft-agents-hosting-aiohttp") == "1.9.0"


def test_issuer_validation_is_still_opt_in() -> None:
    from microsoft_agents.hosting.core import AgentAuthConfiguration

    assert AgentAuthConfiguration(client_id="app", tenant_id="t").VALIDATE_ISSUER is False


def test_a_serviceurl_claim_for_another_host_is_still_only_logged() -> None:
    from microsoft_agents.activity import Activity
    from microsoft_agents.hosting.aiohttp import CloudAdapter
    from microsoft_agents.hosting.core import ClaimsIdentity, RestChannelServiceClientFactory

    adapter = CloudAdapter(channel_service_client_factory=RestChannelServiceClientFactory(None))  # type: ignore[arg-type]
    identity = ClaimsIdentity({"serviceurl": "https://smba.trafficmanager.net/emea/"}, "Bearer")
    activity = Activity(type="message", service_url="https://evil.example.com/")
    assert adapter._validate_service_url(identity, activity) is True


async def test_the_default_turn_error_handler_still_tells_the_user_the_exception() -> None:
    from microsoft_agents.hosting.aiohttp import CloudAdapter
    from microsoft_agents.hosting.core import RestChannelServiceClientFactory

    adapter = CloudAdapter(channel_service_client_factory=RestChannelServiceClientFactory(None))  # type: ignore[arg-type]
    sent: list[Any] = []

    class Context:
        async def send_activity(self, activity: Any) -> None:
            sent.append(activity)

        async def send_trace_activity(self, *_: Any) -> None:
            pass

    assert adapter.on_turn_error is not None
    await adapter.on_turn_error(Context(), RuntimeError("the database password is hunter2"))  # type: ignore[arg-type]
    assert "hunter2" in sent[0].text


def test_a_new_conversations_claims_still_are_not_anonymous_without_an_app_id() -> None:
    from microsoft_agents.hosting.aiohttp import CloudAdapter
    from microsoft_agents.hosting.core import RestChannelServiceClientFactory

    adapter = CloudAdapter(channel_service_client_factory=RestChannelServiceClientFactory(None))  # type: ignore[arg-type]
    assert adapter.create_claims_identity("").allow_anonymous is False


def test_the_create_activity_still_has_no_recipient_for_a_reference() -> None:
    import pydantic
    from microsoft_agents.activity import ConversationParameters, ConversationResourceResponse
    from microsoft_agents.hosting.aiohttp import CloudAdapter
    from microsoft_agents.hosting.core import RestChannelServiceClientFactory

    adapter = CloudAdapter(channel_service_client_factory=RestChannelServiceClientFactory(None))  # type: ignore[arg-type]
    created = adapter._create_create_activity(
        ConversationResourceResponse(id="19:c;messageid=1", activity_id="1"),
        "msteams",
        "https://smba.trafficmanager.net/emea/",
        ConversationParameters.model_validate({"isGroup": True, "channelData": {"channel": {"id": "19:c"}}}),
    )
    with pytest.raises(pydantic.ValidationError):
        created.get_conversation_reference()


async def test_the_sdks_proactive_send_still_writes_a_null_id(connector: FakeConnector) -> None:
    """Its send_activities sets each activity's id to None and send_to_conversation writes it: `"id": null`,
    which the Agents Playground (and tests/fakes/connector.py) refuse. The adapter's activities go through."""
    import aiohttp
    from microsoft_agents.activity import Activity, ConversationReference

    from bot.sdk import Message, SdkSettings
    from bot.sdk.agents import AgentsSdk, to_activity

    sdk = AgentsSdk(SdkSettings(app_id="", app_password="", app_type="SingleTenant", tenant_id=""))
    reference = Incoming(activities.channel_mention("", service_url=connector.url)).reference()
    continuation = ConversationReference.model_validate(reference).get_continuation_activity()
    continuation.id = None
    answers: list[int] = []

    async def callback(context: Any) -> None:
        for activity in (Activity(type="message", text="the SDK's"), to_activity(Message("ours"))):
            try:
                await context.send_activity(activity)
                answers.append(201)
            except aiohttp.ClientResponseError as exc:
                answers.append(exc.status)

    try:
        await sdk.adapter.continue_conversation("", continuation, callback)
    finally:
        await sdk.close()
    assert answers == [400, 201]


async def test_the_sdks_token_check_still_takes_a_token_without_an_expiry() -> None:
    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa
    from microsoft_agents.hosting.core import AgentAuthConfiguration
    from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    issuer = "https://api.botframework.com"
    token = jwt.encode({"iss": issuer, "aud": "app"}, key, algorithm="RS256", headers={"kid": "k"})

    class Keys:
        async def get_signing_key(self, uri: str, header: dict[str, Any]) -> Any:
            return key.public_key()

    validator = JwtTokenValidator(AgentAuthConfiguration(client_id="app", tenant_id="t"))
    validator._jwk_client_manager = Keys()  # type: ignore[assignment]
    identity = await validator.validate_token(token)
    assert "exp" not in identity.claims


def test_the_sdks_token_check_still_knows_no_channel() -> None:
    """So it cannot check that the signing key is endorsed for the activity's channel."""
    import inspect

    from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator

    assert list(inspect.signature(JwtTokenValidator.validate_token).parameters) == ["self", "token"]


def test_the_agents_adapter_turns_it_all_off() -> None:
    """The guards themselves: issuers checked, the error handler replaced, anonymous without an app id."""
    from bot.sdk import SdkSettings
    from bot.sdk.agents import AgentsSdk

    secured = AgentsSdk(
        SdkSettings(app_id="app", app_password="secret", app_type="SingleTenant", tenant_id="t")
    )
    assert secured.configuration.VALIDATE_ISSUER is True
    assert secured.adapter.on_turn_error is None
    local = AgentsSdk(SdkSettings(app_id="", app_password="", app_type="SingleTenant", tenant_id=""))
    assert local.adapter.create_claims_identity("").allow_anonymous is True


async def test_a_send_into_a_thread_is_the_same_json_on_both_sdks(
    settings: Settings, connector: FakeConnector, sdks: Callable[[Settings], Sdk]
) -> None:
    """What a board member sees after `post 3` in a schedule's thread: "#3 is posted." in that thread, on
    either SDK. So both send the same message there: a new message in the thread (no reply to the command),
    from the bot to whom the reference names, with no field written as null (the Agents Playground answers
    400 to `"id": null`, which the Agents SDK sent for every proactive message)."""
    from bot.sdk import Message

    thread = Incoming(activities.channel_mention("post 3", service_url=connector.url)).reference()
    for name in ("botbuilder", "agents"):
        sdk = sdks(settings.model_copy(update={"bot_sdk": name}))
        await sdk.outbound.send(thread, Message("#3 is posted."))

    botbuilder, agents = connector.posted
    assert botbuilder.path == agents.path == f"/v3/conversations/{thread['conversation']['id']}/activities"

    def tenant_spelled_once(body: dict[str, Any]) -> dict[str, Any]:
        # Each SDK's model writes the tenant in its own spelling (the reference holds both).
        conversation = dict(body["conversation"])
        tenant = conversation.pop("tenantID", None) or conversation.pop("tenantId", None)
        return {**body, "conversation": {**conversation, "tenant": tenant}}

    assert tenant_spelled_once(agents.body) == tenant_spelled_once(botbuilder.body)
    assert "replyToId" not in agents.body and None not in agents.body.values()
