"""Where conversations are in their dialogs (bot/db/dialogs.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.db.dialogs import DIALOG_HOURS, DialogStateConflict, DialogStates, StoredDialog
from bot.db.engine import Database
from tests.conftest import NOW

KEY = "msteams/conversations/a:personal-1"


@pytest.fixture
def states(database: Database) -> DialogStates:
    return DialogStates(database)


def test_a_state_is_replaced_only_by_whoever_read_the_last_one(states: DialogStates) -> None:
    assert states.write(KEY, '{"step": 1}', expected=None, now=NOW) == 1
    assert states.read([KEY, "msteams/conversations/none"], now=NOW) == {KEY: StoredDialog('{"step": 1}', 1)}
    assert states.write(KEY, '{"step": 2}', expected=1, now=NOW) == 2
    with pytest.raises(DialogStateConflict):  # read at 1: another answer was stored since
        states.write(KEY, '{"step": 2, "late": true}', expected=1, now=NOW)
    assert states.read([KEY], now=NOW) == {KEY: StoredDialog('{"step": 2}', 2)}
    assert states.write(KEY, '{"step": 1}', expected=None, now=NOW) == 3  # a dialog begun again
    states.delete([KEY])
    assert states.read([KEY], now=NOW) == {}
    with pytest.raises(DialogStateConflict):  # read, then the dialog ended elsewhere
        states.write(KEY, '{"step": 3}', expected=3, now=NOW)
    assert states.read([KEY], now=NOW) == {}


def test_which_conversations_wait_is_seen_by_every_process_at_once(
    states: DialogStates, other: Database
) -> None:
    assert not states.waiting(KEY)
    states.write(KEY, "{}", expected=None, now=NOW)
    assert states.waiting(KEY)
    DialogStates(other).delete([KEY])  # the dialog ended on another server process
    assert not states.waiting(KEY)


def test_a_dialog_left_unanswered_is_forgotten(states: DialogStates) -> None:
    states.write(KEY, '{"step": 1}', expected=None, now=NOW)
    later = NOW + timedelta(hours=DIALOG_HOURS)
    assert states.read([KEY], now=later - timedelta(seconds=1)) != {}
    assert states.read([KEY], now=later) == {}  # its next message is read as a command
    states.write("msteams/conversations/a:personal-2", "{}", expected=None, now=later)
    assert not states.waiting(KEY)  # and the row is gone
