"""A dialog's state between messages (dialogs/host.py, dialogs/checkin_dialog.py): plain JSON naming no code,
and a state the dialog did not write (an earlier version's, which named botbuilder's classes) forgotten
rather than read: the message is then no answer to a dialog, and the router answers it."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from bot.db.dialogs import DialogStates
from bot.db.models import DialogStateRow
from bot.teams import DistrictBot
from dialogs.checkin_dialog import Waiting
from tests.conftest import fixed_clock
from tests.dialogs.conftest import chat
from tests.dialogs.test_checkin_dialog import converse

KEY = "test/conversations/a:personal-json"


def stored(bot: DistrictBot) -> dict[str, str]:
    with bot.services.repository.db.read() as session:
        return {row.key: row.state for row in session.exec(select(DialogStateRow)).all()}


async def test_the_state_is_the_step_the_answers_so_far_and_the_question(bot: DistrictBot) -> None:
    adapter = chat(bot, channel="test", locale="en-US", id="a:personal-json")
    await converse(adapter, ("report", "Which goal"), ("6", "Goal 6"), ("2", "When did it happen?"))
    state = json.loads(stored(bot)[KEY])
    assert state == {
        "step": "day",
        "again": "When did it happen? Write a date such as 12/3 or 12 March, or today.",
        "entries": {"goal": "6", "value": "2"},
    }
    assert Waiting.from_json(state) == Waiting("day", state["again"], {"goal": "6", "value": "2"})


@pytest.mark.parametrize(
    "state",
    [
        # What the botbuilder-dialogs version stored (jsonpickle of the SDK's DialogState).
        {"DialogState": {"py/object": "botbuilder.dialogs.dialog_state.DialogState", "_dialog_stack": []}},
        {"step": "nonsense", "again": "?", "entries": {}},
        {"step": "goal", "again": "?", "entries": {"py/object": "subprocess.Popen"}},
        {"step": "goal", "again": "?", "entries": {"goal": {"py/reduce": []}}},
        ["not", "a", "state"],
    ],
)
async def test_a_state_the_dialog_did_not_write_is_forgotten_and_the_router_answers(
    bot: DistrictBot, state: object
) -> None:
    DialogStates(bot.services.repository.db).write(KEY, json.dumps(state), expected=None, now=fixed_clock())
    adapter = chat(bot, channel="test", locale="en-US", id="a:personal-json")
    await converse(adapter, ("goal 6", "Goal 6"))  # the router's answer, not a dialog's
    assert stored(bot) == {}
