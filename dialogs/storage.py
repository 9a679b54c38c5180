"""The SDK's Storage over the bot's database (bot/db/dialogs.py): a conversation's place in a dialog survives
a restart, and any server process sharing the database carries it on.

The state is written as botbuilder's own state objects flattened by jsonpickle, as the SDK flattens them to
see whether a turn changed them (botbuilder.core.bot_state) and as its Azure storages store them. jsonpickle
makes whatever objects the JSON names, so the JSON may name classes of botbuilder only (the dialogs' state,
prompt options, activities and their enums); anything else is refused when written and when read.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from botbuilder.core import Storage
from botbuilder.schema import Activity
from jsonpickle import tags
from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler

from bot.db.dialogs import DialogStates, StoredDialog, dialog_key

E_TAG = "e_tag"  # the key of the version the SDK's storages add to each state they give out
_NAMING = (tags.OBJECT, tags.TYPE, tags.FUNCTION, tags.MODULE)  # tags whose value is something to import
_ALLOWED = "botbuilder."


class UnexpectedState(ValueError):
    """A dialog state naming something other than botbuilder's classes."""


def conversation_key(activity: Activity) -> str:
    """The key a conversation's state is stored under: ConversationState.get_storage_key's."""
    return dialog_key(activity.channel_id, activity.conversation.id)


class DatabaseStorage(Storage):  # type: ignore[misc]
    def __init__(self, states: DialogStates, clock: Callable[[], datetime]) -> None:
        self._states = states
        self._clock = clock

    async def waiting(self, key: str) -> bool:
        """Whether this conversation has a dialog waiting for an answer."""
        return await asyncio.to_thread(self._states.waiting, key)

    async def read(self, keys: list[str]) -> dict[str, object]:
        stored = await asyncio.to_thread(self._states.read, keys, now=self._clock())
        return {key: _restore(dialog) for key, dialog in stored.items()}

    async def write(self, changes: dict[str, object]) -> None:
        for key, state in changes.items():
            if not isinstance(state, dict):
                raise TypeError(f"a dialog state is a dict, not {type(state).__name__}")
            e_tag = state.get(E_TAG)
            expected = None if e_tag in (None, "*") else int(str(e_tag))
            written = json.dumps(_flatten({name: value for name, value in state.items() if name != E_TAG}))
            version = await asyncio.to_thread(
                self._states.write, key, written, expected=expected, now=self._clock()
            )
            state[E_TAG] = str(version)  # a second write in the same turn follows on from this one

    async def delete(self, keys: list[str]) -> None:
        await asyncio.to_thread(self._states.delete, keys)


def _flatten(state: dict[str, Any]) -> Any:
    flat = Pickler(unpicklable=True).flatten(state)
    _check(flat)
    return flat


def _restore(dialog: StoredDialog) -> dict[str, Any]:
    flat = json.loads(dialog.state)
    _check(flat)
    state: dict[str, Any] = Unpickler(safe=True).restore(flat)
    state[E_TAG] = str(dialog.version)
    return state


def _check(flat: Any) -> None:
    for tag, value in _tagged(flat):
        names_other = tag in _NAMING and not (isinstance(value, str) and value.startswith(_ALLOWED))
        if names_other or tag == tags.REPR:  # py/repr: code to run
            raise UnexpectedState(f"{tag} {value!r}")


def _tagged(flat: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(flat, dict):
        for key, value in flat.items():
            yield key, value
            yield from _tagged(value)
    elif isinstance(flat, list):
        for value in flat:
            yield from _tagged(value)
