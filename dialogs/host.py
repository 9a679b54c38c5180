"""Where multi-turn dialogs live between messages, and how a turn is handed to them.

A conversation's place in a dialog is kept in the bot's database (bot/db/dialogs.py) as plain JSON, written
at the end of the turn that moved it: a restart, or a next answer that reaches another server process,
carries on where the dialog was. A dialog that ends deletes its conversation's entry, so an idle
conversation keeps nothing. The same on either SDK: a dialog answers through the turn (bot/sdk.Turn).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.commands.router import Context, Request, Route
from bot.db.dialogs import DialogStateConflict, DialogStates, dialog_key
from bot.sdk import Message, Turn
from dialogs import reading_dialog
from dialogs.checkin_dialog import Aside, Waiting, answer, aside, begin
from dialogs.readings import Answer, Choice, Confirm, Retyped


class Dialogs:
    """The bot's dialogs (the check-in, dialogs/checkin_dialog.py) and their state."""

    def __init__(
        self,
        states: DialogStates,
        clock: Callable[[], datetime],
        command_in: Callable[[str], Route | None],
    ) -> None:
        self._states = states
        self._clock = clock
        self._command_in = command_in  # the command a message names (Router.command_in)

    async def continue_active(self, turn: Turn, request: Request, context: Context) -> bool | Aside | Retyped:
        """Hand the message to the conversation's dialog in progress; False if there is none, an Aside if
        the message is a command for the router to answer (the dialog waits on, or has ended), Retyped if it
        is a "ja" to a line the router is to handle as written."""
        key = _key(turn)
        stored = (await asyncio.to_thread(self._states.read, [key], now=self._clock())).get(key)
        if stored is None:
            return False
        try:
            data = json.loads(stored.state)
        except ValueError:
            data = None
        choice = Choice.from_json(data) or Confirm.from_json(data)
        if choice is not None:
            # A question asked once: whatever the message is, it is no longer waited for.
            await asyncio.to_thread(self._states.delete, [key])
            return await self._answer_choice(turn, request, context, choice)
        waiting = Waiting.from_json(data)
        if waiting is None:
            # Not a state this version wrote (an earlier one's): forget it, the message is no answer.
            await asyncio.to_thread(self._states.delete, [key])
            return False
        interrupted = aside(request, waiting, self._command_in)
        if interrupted is not None:
            if interrupted.ends:
                await asyncio.to_thread(self._states.delete, [key])
            return interrupted
        await self._run(turn, request, key, answer(turn, request, context, waiting), expected=stored.version)
        return True

    async def wait(self, turn: Turn, state: dict[str, object]) -> None:
        """Keep a question's state: the conversation's next message is its answer."""
        await asyncio.to_thread(
            self._states.write, _key(turn), json.dumps(state), expected=None, now=self._clock()
        )

    async def answer_taken(
        self, turn: Turn, request: Request, context: Context, state: str
    ) -> bool | Retyped:
        """Answer a question kept in Teams ("1 or 1 100?" on its card, "did it happen twice?") with a typed
        message (the writer's call took it: bot/teams.py); False if the message is no answer to it, Retyped
        if it is a "ja" to a line the router is to handle as written."""
        try:
            data = json.loads(state)
        except ValueError:
            data = None
        choice = Choice.from_json(data) or Confirm.from_json(data)
        if choice is None:
            return False
        return await self._answer_choice(turn, request, context, choice)

    async def _answer_choice(
        self, turn: Turn, request: Request, context: Context, choice: Choice | Confirm
    ) -> bool | Retyped:
        """Answer a kept question; a message that answers neither way ("ja" to "1 or 1 100?") asks it again,
        and it is kept again. A "ja" to a whole line ("skriv hoppa 3 ja") is that line, for the router."""
        read = choice.read(request.text)
        if isinstance(choice, Confirm) and choice.line and read is Answer.ALONE:
            if "@" not in choice.line:
                return Retyped(choice.line)
            # a "ja" carries no @mentions: the line is to be written whole
            t = request.t
            line = t._("To go ahead, write the whole line, with its @mentions: {line}").format(
                line=choice.line
            )
            await turn.send(Message(line))
            return True
        if read is Answer.UNCLEAR:
            await self.wait(turn, choice.as_json())
        return await reading_dialog.answer(turn, request, context, choice)

    async def begin_check_in(self, turn: Turn, request: Request, context: Context) -> None:
        await self._run(turn, request, _key(turn), begin(turn, request, context), expected=None)

    async def _run(
        self,
        turn: Turn,
        request: Request,
        key: str,
        step: Awaitable[Waiting | None],
        *,
        expected: int | None,
    ) -> None:
        try:
            waiting = await step
        except BaseException:
            # A turn that failed halfway may fail the same way again: forget the dialog, and the next
            # message starts afresh (the turn's error handling tells the user that something went wrong).
            await asyncio.to_thread(self._states.delete, [key])
            raise
        if waiting is None:
            await asyncio.to_thread(self._states.delete, [key])
            return
        try:
            await asyncio.to_thread(
                self._states.write, key, json.dumps(waiting.as_json()), expected=expected, now=self._clock()
            )
        except DialogStateConflict:
            # Another answer in this conversation was handled at the same moment (a message sent twice, or
            # two server processes) and stored first: that one counts, and the dialog goes on from it.
            t = request.t
            await turn.send(Message(t._("Two answers came at the same time; the first one counts.")))


def _key(turn: Turn) -> str:
    return dialog_key(turn.activity.channel_id, turn.activity.conversation.get("id"))
