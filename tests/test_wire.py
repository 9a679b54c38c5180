"""bot/wire.py: incoming activities and conversation references built directly are exactly msrest's.

Every comparison is against what the SDK and msrest give for the same input: the Activity field by field
(types, nested models in their attribute order, additional_properties, datetimes with their tzinfo), or the
same error; the conversation reference as the same JSON bytes.
"""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from botbuilder.core import TurnContext
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationAccount,
    Entity,
    Mention,
    RoleTypes,
)
from botbuilder.schema.teams import TeamsChannelAccount
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msrest.serialization import Model

from bench.load import personal_message as bench_message
from bot import wire
from bot.teams import conversation_of
from bot.wire import DESERIALIZER, REFERENCES, activity_from_json, conversation_reference_json
from tests.fakes import activities

PROPERTIES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SERVICE = "https://smba.trafficmanager.net/emea/"
RECORDINGS = Path(__file__).parent / "fixtures" / "playground"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def _state(value: Any, *, unordered: bool = False) -> Any:
    """A value as comparable data: exact types, models as their class and attributes in order, datetimes
    with their offset, zone name and tzinfo class. `unordered` for additional_properties, which msrest
    fills in set order."""
    if isinstance(value, Model):
        return (
            type(value),
            tuple(
                (name, _state(item, unordered=name == "additional_properties"))
                for name, item in vars(value).items()
            ),
        )
    if isinstance(value, datetime.datetime):
        return ("datetime", value.isoformat(), value.utcoffset(), value.tzname(), type(value.tzinfo))
    if type(value) is dict:
        items = [(key, _state(item)) for key, item in value.items()]
        return ("dict", tuple(sorted(items, key=repr) if unordered else items))
    if type(value) is list:
        return ("list", tuple(_state(item) for item in value))
    if type(value) is float:
        return ("float", repr(value))
    return (type(value), value)


def _outcome(make: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", _state(make())
    except Exception as exc:  # noqa: BLE001 - the same error is the expected outcome
        return "error", (type(exc), str(exc))


def _msrest(body: Any) -> Any:
    return Activity().deserialize(copy.deepcopy(body))


def assert_same_activity(body: Any, *, fast: bool = True) -> None:
    """activity_from_json(body) is msrest's Activity (or error); with `fast`, without falling back."""
    expected = _outcome(lambda: _msrest(body))
    assert _outcome(lambda: activity_from_json(copy.deepcopy(body))) == expected
    built = DESERIALIZER.fast(copy.deepcopy(body))
    if fast:
        assert built is not None, "the fast path gave up"
    if built is not None:
        assert ("ok", _state(built)) == expected


def _reference_bytes(make: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", json.dumps(make())
    except Exception as exc:  # noqa: BLE001 - the same error is the expected outcome
        return "error", (type(exc), str(exc))


def assert_same_reference(activity: Any, *, fast: bool = True) -> None:
    expected = _reference_bytes(lambda: TurnContext.get_conversation_reference(activity).serialize())
    assert _reference_bytes(lambda: conversation_reference_json(activity)) == expected
    written = REFERENCES.fast(activity)
    if fast:
        assert written is not None, "the fast path gave up"
    if written is not None:
        assert ("ok", json.dumps(written)) == expected


# --- the corpus: what Teams, the Playground, the fakes and the bench send ------------------------------


def channel_message_with_mentions() -> dict[str, Any]:
    return {
        "text": "<at>Distriktsboten</at> ansvar mål 2 <at>Adele Vance</at>",
        "textFormat": "plain",
        "attachments": [
            {
                "contentType": "text/html",
                "content": "<div><at>Distriktsboten</at> ansvar mål 2 <at>Adele Vance</at></div>",
            }
        ],
        "type": "message",
        "timestamp": "2026-11-22T10:00:00.1234567Z",
        "localTimestamp": "2026-11-22T11:00:00.1234567+01:00",
        "id": "1700000000001",
        "channelId": "msteams",
        "serviceUrl": SERVICE,
        "from": {
            "id": "29:1abc",
            "name": "Megan Bowen",
            "aadObjectId": "aad-megan",
        },
        "conversation": {
            "isGroup": True,
            "conversationType": "channel",
            "tenantId": TENANT,
            "id": "19:general@thread.tacv2;messageid=1700000000000",
        },
        "recipient": {"id": "28:bot-app-id", "name": "Distriktsboten"},
        "entities": [
            {
                "mentioned": {"id": "28:bot-app-id", "name": "Distriktsboten"},
                "text": "<at>Distriktsboten</at>",
                "type": "mention",
            },
            {
                "mentioned": {"id": "29:1adele", "name": "Adele Vance", "userRole": "user"},
                "text": "<at>Adele Vance</at>",
                "type": "mention",
            },
            {
                "locale": "sv-SE",
                "country": "SE",
                "platform": "Windows",
                "timezone": "Europe/Stockholm",
                "type": "clientInfo",
            },
        ],
        "channelData": {
            "teamsChannelId": "19:general@thread.tacv2",
            "teamsTeamId": "19:team@thread.tacv2",
            "channel": {"id": "19:general@thread.tacv2", "name": "Allmänt"},
            "team": {"id": "19:team@thread.tacv2", "name": "Distriktet", "aadGroupId": "group-1"},
            "tenant": {"id": TENANT},
        },
        "locale": "sv-SE",
        "localTimezone": "Europe/Stockholm",
    }


def card_submit() -> dict[str, Any]:
    body = activities.personal_message("", service_url=SERVICE)
    del body["text"]
    body["value"] = {"action": "report", "goal": "2", "progress": 40, "done": False, "note": None, "tags": []}
    body["replyToId"] = "1700000000002"
    return body


def members_added() -> dict[str, Any]:
    return {
        "membersAdded": [{"id": "28:bot-app-id"}, {"id": "29:1abc", "aadObjectId": "aad-megan"}],
        "type": "conversationUpdate",
        "timestamp": "2026-11-22T10:00:00.000Z",
        "id": "f:1234",
        "channelId": "msteams",
        "serviceUrl": SERVICE,
        "from": {"id": "29:1abc", "aadObjectId": "aad-megan"},
        "conversation": {
            "isGroup": True,
            "conversationType": "channel",
            "tenantId": TENANT,
            "id": "19:general@thread.tacv2",
        },
        "recipient": {"id": "28:bot-app-id", "name": "Distriktsboten"},
        "channelData": {
            "team": {"aadGroupId": "group-1", "name": "Distriktet", "id": "19:general@thread.tacv2"},
            "eventType": "teamMemberAdded",
            "tenant": {"id": TENANT},
        },
    }


def members_removed() -> dict[str, Any]:
    body = members_added()
    body["membersRemoved"] = body.pop("membersAdded")
    body["channelData"]["eventType"] = "teamMemberRemoved"
    return body


def installation_update() -> dict[str, Any]:
    return {
        "action": "add",
        "type": "installationUpdate",
        "timestamp": "2026-11-22T10:00:00.5Z",
        "id": "f:5678",
        "channelId": "msteams",
        "serviceUrl": SERVICE,
        "from": {"id": "29:1abc", "aadObjectId": "aad-megan"},
        "conversation": {"conversationType": "personal", "tenantId": TENANT, "id": "a:1personal"},
        "recipient": {"id": "28:bot-app-id", "name": "Distriktsboten"},
        "entities": [{"locale": "sv-SE", "platform": "Web", "type": "clientInfo"}],
        "channelData": {
            "settings": {"selectedChannel": {"id": "19:x"}},
            "source": {"name": "message"},
            "tenant": {"id": TENANT},
        },
        "locale": "sv-SE",
    }


def message_reaction() -> dict[str, Any]:
    body = activities.channel_mention("", service_url=SERVICE)
    for key in ("text", "entities"):
        body.pop(key)
    body.update(
        type="messageReaction",
        reactionsAdded=[{"type": "like"}, {"type": "heart", "extra": 1}],
        reactionsRemoved=[{"type": "laugh"}],
        replyToId="1700000000000",
    )
    return body


def invoke() -> dict[str, Any]:
    body = activities.personal_message("", service_url=SERVICE)
    del body["text"]
    body.update(
        type="invoke",
        name="adaptiveCard/action",
        value={
            "action": {"type": "Action.Execute", "verb": "report", "data": {"goal": 1}},
            "trigger": "manual",
        },
        localTimestamp="2026-11-22T05:00:00.000-05:00",
        relatesTo={"activityId": "1", "user": {"id": "u"}, "conversation": {"id": "c", "isGroup": False}},
        suggestedActions={"to": ["u"], "actions": [{"type": "imBack", "title": "t", "value": "v"}]},
        textHighlights=[{"text": "x", "occurrence": 1}],
        listenFor=["yes", "no"],
        semanticAction={"id": "s", "state": "start", "entities": {"a": {"type": "t", "x": 1}}},
        historyDisclosed=False,
        expiration="2026-11-23T10:00:00Z",
    )
    return body


def corpus() -> list[tuple[str, dict[str, Any]]]:
    bodies = [
        ("fake personal message", activities.personal_message("mål", service_url=SERVICE)),
        ("fake channel mention", activities.channel_mention("mål", service_url=SERVICE)),
        ("fake installed in team", activities.installed_in_team(service_url=SERVICE)),
        ("fake added to personal chat", activities.bot_added_to_personal_chat(service_url=SERVICE)),
        ("bench personal message", {**bench_message(7, SERVICE), "id": "bench-7-1", "text": "mål"}),
        ("channel message with mentions", channel_message_with_mentions()),
        ("card submit", card_submit()),
        ("members added", members_added()),
        ("members removed", members_removed()),
        ("installation update", installation_update()),
        ("message reaction", message_reaction()),
        ("invoke", invoke()),
    ]
    for path in sorted(RECORDINGS.glob("*.json")):
        bodies.append((f"playground {path.stem}", json.loads(path.read_text(encoding="utf-8"))))
    return bodies


CORPUS = corpus()


@pytest.mark.parametrize(("name", "body"), CORPUS, ids=[name for name, _ in CORPUS])
def test_the_corpus_is_built_as_msrest_builds_it(name: str, body: dict[str, Any]) -> None:
    assert_same_activity(body)


@pytest.mark.parametrize(("name", "body"), CORPUS, ids=[name for name, _ in CORPUS])
def test_the_corpus_gives_the_sdks_conversation_reference(name: str, body: dict[str, Any]) -> None:
    assert_same_reference(_msrest(body))
    assert_same_reference(activity_from_json(copy.deepcopy(body)))


@pytest.mark.parametrize(("name", "body"), CORPUS, ids=[name for name, _ in CORPUS])
def test_the_stored_reference_is_byte_for_byte_as_before(name: str, body: dict[str, Any]) -> None:
    activity = activity_from_json(copy.deepcopy(body))
    before = TurnContext.get_conversation_reference(_msrest(body)).serialize()
    before.pop("activityId", None)
    info = conversation_of(activity)
    if info.tenant_id:
        before.setdefault("conversation", {})["tenantID"] = info.tenant_id
    assert json.dumps(info.reference) == json.dumps(before)


def test_values_are_shared_and_copied_as_msrest_does() -> None:
    """msrest copies channelData, value and card content, and keeps unknown keys' values as they are."""
    body = channel_message_with_mentions()
    body["value"] = {"a": [1, {"b": 2}]}
    body["unknownThing"] = {"kept": True}
    fast, slow = activity_from_json(body), Activity().deserialize(body)
    for activity in (fast, slow):
        assert activity.channel_data == body["channelData"]
        assert activity.channel_data is not body["channelData"]
        assert activity.channel_data["team"] is not body["channelData"]["team"]
        assert activity.value["a"][1] is not body["value"]["a"][1]
        assert activity.attachments[0].content == body["attachments"][0]["content"]
        assert activity.additional_properties["unknownThing"] is body["unknownThing"]
        assert activity.entities[0].additional_properties["mentioned"] is body["entities"][0]["mentioned"]
        assert activity.conversation.additional_properties == {"tenantId": TENANT}
        assert activity.conversation.tenant_id is None  # the SDK's model reads "tenantID"
    assert fast.additional_properties is not slow.additional_properties


def test_timestamps_keep_their_zone() -> None:
    body = activities.personal_message("hej", service_url=SERVICE)
    body["timestamp"] = "2026-11-22T10:00:00.000Z"
    body["localTimestamp"] = "2026-11-22T11:30:00.250-02:30"
    activity = activity_from_json(body)
    assert activity.timestamp == datetime.datetime(2026, 11, 22, 10, tzinfo=datetime.UTC)
    assert activity.local_timestamp.utcoffset() == -datetime.timedelta(hours=2, minutes=30)
    assert activity.local_timestamp.tzname() == "-02:30"
    assert activity.local_timestamp.microsecond == 250000
    assert_same_activity(body)


@pytest.mark.parametrize(
    "timestamp",
    [
        "2026-11-22T10:00:00Z",
        "2026-11-22T10:00:00",
        "2026-11-22T10:00:00.1Z",
        "2026-11-22T10:00:00.123456789Z",
        "2026-11-22T10:00:00.000+00:00",
        "2026-11-22T10:00:00.000-00:00",
        "2026-11-22T10:00:00.000+14:00",
        "2026-11-22T10:00:00.000+23:59",
    ],
)
def test_usual_timestamps_take_the_fast_path(timestamp: str) -> None:
    body = activities.personal_message("hej", service_url=SERVICE)
    body["timestamp"] = body["localTimestamp"] = timestamp
    assert_same_activity(body)


@pytest.mark.parametrize(
    "timestamp",
    [
        "2026-11-22t10:00:00z",
        "2026-02-30T10:00:00Z",
        "2026-11-22T24:00:00Z",
        "2026-11-22T10:00:60Z",
        "2026-11-22T10:00:00+24:00",
        "2026-11-22T10:00:00+0100",
        "2026-11-22T10:00:00,5Z",
        "9999-12-31T23:59:59-01:00",
        "0001-01-01T00:00:00+01:00",
        "0000-01-01T00:00:00Z",
        "2026-11-22",
        "2026-11-22T10:00Z",
        "١٢٣٤-11-22T10:00:00Z",
        "",
        "now",
        "2026-11-22T10:00:00.Z",
    ],
)
def test_odd_timestamps_are_msrests_to_judge(timestamp: str) -> None:
    body = activities.personal_message("hej", service_url=SERVICE)
    body["timestamp"] = timestamp
    assert_same_activity(body, fast=False)


@pytest.mark.parametrize(
    "change",
    [
        {"text": 5},
        {"text": ["a"]},
        {"id": 12},
        {"from": "29:user"},
        {"from": ["29:user"]},
        {"conversation": {"id": "c", "isGroup": "true"}},
        {"conversation": {"id": "c", "isGroup": 1}},
        {"conversation": {"id": "c", "isGroup": "maybe"}},
        {"entities": {"type": "mention"}},
        {"entities": ["mention"]},
        {"entities": [None, {"type": "clientInfo"}]},
        {"membersAdded": [{"id": "28:bot"}, None]},
        {"membersAdded": "28:bot"},
        {"timestamp": 1700000000},
        {"historyDisclosed": "false"},
        {"textHighlights": [{"text": "x", "occurrence": "2"}]},
        {"textHighlights": [{"text": "x", "occurrence": True}]},
        {"listenFor": ["a", 1]},
        {"semanticAction": {"id": "s", "entities": [{"key": "a", "value": {"type": "t"}}]}},
        {"attachments": [{"contentType": "x", "content": {"a": (1, 2)}}]},
        {"value": 5},
        {"value": "text"},
        {"value": None},
        {"channelData": [1, "two", None, {"three": 3.0}]},
    ],
)
def test_wrong_types_give_what_msrest_gives(change: dict[str, Any]) -> None:
    body = activities.personal_message("hej", service_url=SERVICE)
    body.update(change)
    assert_same_activity(body, fast=False)


@pytest.mark.parametrize("body", [None, [], [1], "text", '{"type": "message"}', 5, {}])
def test_bodies_that_are_not_activities_give_what_msrest_gives(body: Any) -> None:
    assert_same_activity(body, fast=False)


def test_a_model_sending_additional_properties_is_left_to_msrest(monkeypatch: pytest.MonkeyPatch) -> None:
    body = channel_message_with_mentions()
    monkeypatch.setattr(ConversationAccount, "_attribute_map", dict(ConversationAccount._attribute_map))
    ConversationAccount.enable_additional_properties_sending()
    assert DESERIALIZER.fast(copy.deepcopy(body)) is None
    assert_same_activity(body, fast=False)
    assert_same_reference(_msrest(body), fast=False)


# --- hypothesis: activity-shaped JSON, usual and odd ---------------------------------------------------

_keys = st.text(min_size=0, max_size=6)
_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8))
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=8,
)
_odd = st.one_of(_json, st.just(True), st.just(0), st.just(1.0), st.just("1"))


def _text_or(odd: bool) -> st.SearchStrategy[Any]:
    return st.one_of(st.text(max_size=8), _odd) if odd else st.text(max_size=12)


_zones = st.one_of(
    st.just(""),
    st.just("Z"),
    st.builds(
        lambda sign, hours, minutes: f"{sign}{hours:02d}:{minutes:02d}",
        st.sampled_from("+-"),
        st.integers(0, 23),
        st.integers(0, 59),
    ),
)


@st.composite
def _timestamps(draw: st.DrawFn, odd: bool) -> Any:
    earliest, latest = datetime.datetime(2, 1, 1), datetime.datetime(9998, 1, 1)  # noqa: DTZ001 - naive, as drawn
    moment = draw(st.datetimes(min_value=earliest, max_value=latest))
    digits = draw(st.integers(0, 9))
    fraction = "." + f"{moment.microsecond:06d}{draw(st.integers(0, 999)):03d}"[:digits] if digits else ""
    text = moment.strftime("%Y-%m-%dT%H:%M:%S").rjust(19, "0") + fraction + draw(_zones)
    if not odd:
        return text
    return draw(
        st.one_of(
            st.just(text),
            st.just(text.lower()),
            st.just(text.replace("T", " ")),
            st.just(text[: draw(st.integers(0, len(text)))]),
            st.text(alphabet="0123456789-:T.Z+", max_size=30),
            st.sampled_from(
                ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00", "2026-11-22T10:00:60Z"]
            ),
            _odd,
        )
    )


def _extra(odd: bool) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.text(max_size=10), _json, max_size=3) if odd else st.just({})


@st.composite
def _object(draw: st.DrawFn, fields: dict[str, st.SearchStrategy[Any]], odd: bool) -> dict[str, Any]:
    chosen = draw(st.lists(st.sampled_from(sorted(fields)), unique=True)) if fields else []
    built = draw(_extra(odd))
    for key in chosen:
        built[key] = draw(st.one_of(st.none(), fields[key]) if odd else fields[key])
    return built


def _account(odd: bool) -> st.SearchStrategy[Any]:
    fields = {
        "id": _text_or(odd),
        "name": _text_or(odd),
        "aadObjectId": _text_or(odd),
        "role": st.one_of(st.sampled_from(["user", "bot"]), _text_or(odd)),
        "properties": _json,
    }
    account = _object(fields, odd)
    return st.one_of(account, _odd) if odd else account


def _conversation(odd: bool) -> st.SearchStrategy[Any]:
    fields = {
        "id": _text_or(odd),
        "name": _text_or(odd),
        "isGroup": st.one_of(st.booleans(), _odd) if odd else st.booleans(),
        "conversationType": st.sampled_from(["personal", "channel", "groupChat"]),
        "tenantId": _text_or(odd),
        "tenantID": _text_or(odd),
        "aadObjectId": _text_or(odd),
        "role": _text_or(odd),
        "properties": _json,
    }
    conversation = _object(fields, odd)
    return st.one_of(conversation, _odd) if odd else conversation


def _list_of(item: st.SearchStrategy[Any], odd: bool) -> st.SearchStrategy[Any]:
    if odd:
        return st.one_of(st.lists(st.one_of(st.none(), item), max_size=3), _odd)
    return st.lists(item, max_size=3)


def _entity(odd: bool) -> st.SearchStrategy[Any]:
    mention = st.fixed_dictionaries(
        {"type": st.just("mention"), "text": st.text(max_size=8), "mentioned": _account(False)}
    )
    other = _object(
        {"type": st.sampled_from(["clientInfo", "mention", "x"]), "locale": st.text(max_size=5)}, odd
    )
    return st.one_of(mention, other)


@st.composite
def activity_json(draw: st.DrawFn, odd: bool) -> dict[str, Any]:
    fields: dict[str, st.SearchStrategy[Any]] = {
        "type": st.one_of(
            st.sampled_from(
                ["message", "conversationUpdate", "installationUpdate", "invoke", "messageReaction"]
            ),
            _text_or(odd),
        ),
        "id": _text_or(odd),
        "timestamp": _timestamps(odd),
        "localTimestamp": _timestamps(odd),
        "localTimezone": _text_or(odd),
        "serviceUrl": _text_or(odd),
        "channelId": st.one_of(st.sampled_from(["msteams", "webchat", "directline"]), _text_or(odd)),
        "from": _account(odd),
        "recipient": _account(odd),
        "conversation": _conversation(odd),
        "textFormat": _text_or(odd),
        "locale": _text_or(odd),
        "text": _text_or(odd),
        "membersAdded": _list_of(_account(odd), odd),
        "membersRemoved": _list_of(_account(odd), odd),
        "reactionsAdded": _list_of(_object({"type": _text_or(odd)}, odd), odd),
        "entities": _list_of(_entity(odd), odd),
        "attachments": _list_of(
            _object({"contentType": _text_or(odd), "content": _json, "name": _text_or(odd)}, odd), odd
        ),
        "channelData": _json,
        "value": _json,
        "action": _text_or(odd),
        "name": _text_or(odd),
        "replyToId": _text_or(odd),
        "historyDisclosed": st.one_of(st.booleans(), _odd) if odd else st.booleans(),
        "listenFor": _list_of(st.text(max_size=4), odd),
        "textHighlights": _list_of(
            _object(
                {
                    "text": _text_or(odd),
                    "occurrence": st.one_of(st.integers(), _odd) if odd else st.integers(),
                },
                odd,
            ),
            odd,
        ),
        "expiration": _timestamps(odd),
        "relatesTo": _object(
            {"activityId": _text_or(odd), "user": _account(odd), "conversation": _conversation(odd)}, odd
        ),
    }
    return draw(_object(fields, odd))  # type: ignore[no-any-return]


@PROPERTIES
@given(body=activity_json(odd=False))
def test_usual_activities_are_built_directly_as_msrest_builds_them(body: dict[str, Any]) -> None:
    assert_same_activity(body)


@PROPERTIES
@given(body=activity_json(odd=True))
def test_any_activity_json_gives_what_msrest_gives(body: dict[str, Any]) -> None:
    assert_same_activity(body, fast=False)


@PROPERTIES
@given(body=st.one_of(_json, st.dictionaries(st.sampled_from(["type", "from", "entities", "x"]), _json)))
def test_any_json_gives_what_msrest_gives(body: Any) -> None:
    assert_same_activity(body, fast=False)


@PROPERTIES
@given(body=activity_json(odd=False))
def test_usual_activities_give_the_sdks_reference_directly(body: dict[str, Any]) -> None:
    assert_same_reference(_msrest(body))


@PROPERTIES
@given(body=activity_json(odd=True))
def test_any_activity_gives_the_sdks_reference(body: dict[str, Any]) -> None:
    try:
        activity = _msrest(body)
    except Exception:  # noqa: BLE001 - not an activity msrest makes: nothing to compare
        return
    assert_same_reference(activity, fast=False)


_any_str = st.one_of(st.none(), st.text(max_size=6), st.integers(), st.sampled_from(list(RoleTypes)), _json)


@st.composite
def _built_account(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(["channel", "teams", "mention", "conversation", "dict", "str", "none"]))
    if kind == "channel":
        return ChannelAccount(
            id=draw(_any_str), name=draw(_any_str), role=draw(_any_str), properties=draw(_json)
        )
    if kind == "teams":
        return TeamsChannelAccount(id=draw(_any_str), email=draw(_any_str), user_principal_name="upn")
    if kind == "mention":
        return Mention(mentioned=ChannelAccount(id="x"), text="<at>x</at>", type="mention")
    if kind == "conversation":
        return ConversationAccount(
            id=draw(_any_str),
            is_group=draw(st.one_of(st.none(), st.booleans(), st.integers(0, 1))),
            tenant_id=draw(_any_str),
            properties=draw(_json),
        )
    if kind == "dict":
        return {"id": "29:x"}
    if kind == "str":
        return "29:x"
    return None


@PROPERTIES
@given(
    type_=st.one_of(_any_str, st.sampled_from(["message", "conversationUpdate"])),
    channel=st.one_of(_any_str, st.sampled_from(["msteams", "webchat", "directline"])),
    accounts=st.tuples(_built_account(), _built_account(), _built_account()),
    strings=st.tuples(_any_str, _any_str, _any_str),
)
def test_activities_made_in_code_give_the_sdks_reference(
    type_: Any, channel: Any, accounts: tuple[Any, Any, Any], strings: tuple[Any, Any, Any]
) -> None:
    activity = Activity(
        type=type_, channel_id=channel, id=strings[0], locale=strings[1], service_url=strings[2]
    )
    activity.from_property, activity.recipient, activity.conversation = accounts
    activity.entities = [Entity(type="clientInfo")]
    assert_same_reference(activity, fast=False)


def test_the_fast_paths_are_taken_for_what_the_bot_sees() -> None:
    """A guard that the fast paths do not quietly give up (all of the above would still pass)."""
    for _, body in CORPUS:
        activity = DESERIALIZER.fast(copy.deepcopy(body))
        assert activity is not None
        assert REFERENCES.fast(activity) is not None
    assert wire.activity_from_json is activity_from_json


def test_the_reference_copies_account_properties_as_msrest_does() -> None:
    body = channel_message_with_mentions()
    body["conversation"]["properties"] = {"a": [1, {"b": None}]}
    body["from"]["properties"] = {"c": "d"}
    activity = activity_from_json(body)
    for written in (REFERENCES.fast(activity), TurnContext.get_conversation_reference(activity).serialize()):
        assert written is not None
        assert written["conversation"]["properties"] == {"a": [1, {"b": None}]}
        assert written["conversation"]["properties"] is not activity.conversation.properties
        assert written["conversation"]["properties"]["a"][1] is not activity.conversation.properties["a"][1]
        assert written["user"]["properties"] is not activity.from_property.properties
