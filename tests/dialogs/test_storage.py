"""The SDK's Storage over the database (dialogs/storage.py): versions as the SDK's e_tags, and JSON that may
name botbuilder's classes only."""

from __future__ import annotations

import json

import pytest
from botbuilder.core import ConversationState, MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogInstance, DialogState
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from bot.db.dialogs import DialogStateConflict, DialogStates
from bot.db.repository import Repository
from dialogs.storage import E_TAG, DatabaseStorage, UnexpectedState, conversation_key
from tests.conftest import fixed_clock

KEY = "msteams/conversations/a:personal-1"


@pytest.fixture
def states(repository: Repository) -> DialogStates:
    return DialogStates(repository.db)


@pytest.fixture
def storage(states: DialogStates) -> DatabaseStorage:
    return DatabaseStorage(states, fixed_clock)


def test_the_key_is_the_one_conversation_state_uses() -> None:
    activity = Activity(
        type=ActivityTypes.message,
        channel_id="msteams",
        conversation=ConversationAccount(id="a:1Xy-personal"),
        from_property=ChannelAccount(id="29:chair"),
    )
    turn = TurnContext(TestAdapter(), activity)
    assert conversation_key(activity) == ConversationState(MemoryStorage()).get_storage_key(turn)


async def test_a_dialog_state_comes_back_as_it_was_stored_with_its_version(storage: DatabaseStorage) -> None:
    stack = DialogState([DialogInstance("CheckInDialog", {"values": {"goal": "6", "comment": "möte <b>"}})])
    state = {"DialogState": stack}
    await storage.write({KEY: state})
    assert state[E_TAG] == "1"

    read = await storage.read([KEY, "msteams/conversations/none"])
    assert list(read) == [KEY]
    again = read[KEY]
    assert isinstance(again, dict) and again[E_TAG] == "1"
    [instance] = again["DialogState"].dialog_stack
    assert (instance.id, instance.state) == ("CheckInDialog", stack.dialog_stack[0].state)

    await storage.write({KEY: again})
    with pytest.raises(DialogStateConflict):  # `state` was read before that write
        await storage.write({KEY: state | {E_TAG: "1"}})
    await storage.delete([KEY])
    assert await storage.read([KEY]) == {}


async def test_only_botbuilder_classes_are_stored_or_made(
    storage: DatabaseStorage, states: DialogStates
) -> None:
    class Elsewhere:
        pass

    with pytest.raises(UnexpectedState):
        await storage.write({KEY: {"DialogState": Elsewhere()}})
    assert await storage.read([KEY]) == {}

    # A row that would make something else when read (whoever wrote it): refused, nothing is run.
    for naming in (
        {"py/object": "subprocess.Popen", "args": ["true"]},
        {"py/reduce": [{"py/function": "os.system"}, {"py/tuple": ["true"]}]},
        {"py/repr": "os/os.system('true')"},
    ):
        states.write(KEY, json.dumps({"DialogState": naming}), expected=None, now=fixed_clock())
        with pytest.raises(UnexpectedState):
            await storage.read([KEY])
