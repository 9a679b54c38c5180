"""Where multi-turn dialogs live between messages, and how a turn is handed to them.

A conversation's place in a dialog is kept in a ConversationState, saved at the end of each turn
(DistrictBot.on_turn), as in BotBuilder-Samples' 05.multi-turn-prompt, in the bot's database
(dialogs/storage.py): a restart, or a next answer that reaches another server process, carries on where the
dialog was. A dialog that ends deletes its conversation's entry, so an idle conversation keeps nothing.

The dialogs are botbuilder-dialogs' (its prompts and waterfall as a library), on either SDK: a turn
(bot/sdk.Turn) is shown to them as a botbuilder TurnContext whose replies go out through that turn.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from botbuilder.core import BotAdapter, ConversationState, TurnContext
from botbuilder.dialogs import DialogContext, DialogSet, DialogTurnResult, DialogTurnStatus
from botbuilder.schema import Activity, ResourceResponse

from bot.commands.router import Context, Request
from bot.db.dialogs import DialogStateConflict
from bot.sdk import Message, Turn
from dialogs.checkin_dialog import CheckInDialog
from dialogs.storage import DatabaseStorage
from dialogs.turn import attach, current

_CONTEXT = "dialogs.context"
_TURN = "dialogs.turn"


class _Replies(BotAdapter):  # type: ignore[misc]
    """What botbuilder-dialogs sends in a turn (prompts, answers) goes out as the bot's own Message."""

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        turn: Turn = context.turn_state[_TURN]
        return [ResourceResponse(id=await turn.send(Message(a.text or "")) or "") for a in activities]

    async def update_activity(self, context: TurnContext, activity: Activity) -> Any:
        raise NotImplementedError("dialogs only send")

    async def delete_activity(self, context: TurnContext, reference: Any) -> Any:
        raise NotImplementedError("dialogs only send")


_REPLIES = _Replies()


def context_of(turn: Turn) -> TurnContext:
    """The turn as botbuilder-dialogs sees it; one per turn, so its state is saved at the turn's end."""
    context: TurnContext | None = turn.state.get(_CONTEXT)
    if context is None:
        context = TurnContext(_REPLIES, Activity().deserialize(turn.activity.data))
        context.turn_state[_TURN] = turn
        turn.state[_CONTEXT] = context
    return context


class Dialogs:
    """The bot's dialogs and their state."""

    def __init__(self, storage: DatabaseStorage) -> None:
        self._storage = storage
        self.state = ConversationState(self._storage)
        self._dialogs = DialogSet(self.state.create_property("DialogState"))
        self._dialogs.add(CheckInDialog())

    async def continue_active(self, turn: Turn, request: Request, context: Context) -> bool:
        """Hand the message to the conversation's dialog in progress; False if there is none."""
        turn_context = context_of(turn)
        # Asked of storage directly: loading the state through the accessor would write an empty entry back.
        if not await self._storage.waiting(self.state.get_storage_key(turn_context)):
            return False
        dialog_context = await self._context(turn_context, request, context)
        if dialog_context.active_dialog is None:
            await self.state.delete(turn_context)
            return False
        await self._run(turn_context, dialog_context.continue_dialog())
        return True

    async def begin_check_in(self, turn: Turn, request: Request, context: Context) -> None:
        turn_context = context_of(turn)
        dialog_context = await self._context(turn_context, request, context)
        await self._run(turn_context, dialog_context.begin_dialog(CheckInDialog.__name__))

    async def save(self, turn: Turn) -> None:
        """Write this turn's changes, if a dialog ran and is still waiting for an answer."""
        turn_context: TurnContext | None = turn.state.get(_CONTEXT)
        if turn_context is None:
            return  # no dialog ran in this turn
        try:
            await self.state.save_changes(turn_context)
        except DialogStateConflict:
            # Another answer in this conversation was handled at the same moment (a message sent twice, or
            # two server processes) and stored first: that one counts, and the dialog goes on from it.
            t = current(turn_context).request.t
            await turn_context.send_activity(t._("Two answers came at the same time; the first one counts."))

    async def _context(self, turn_context: TurnContext, request: Request, context: Context) -> DialogContext:
        attach(turn_context, request, context)
        return await self._dialogs.create_context(turn_context)

    async def _run(self, turn_context: TurnContext, turn: Awaitable[DialogTurnResult]) -> None:
        try:
            result = await turn
        except BaseException:
            # A turn that failed halfway may have moved the dialog on, or may fail the same way again:
            # forget it, and the next message starts afresh (the turn's error handler tells the user that
            # something went wrong).
            await self.state.delete(turn_context)
            raise
        if result.status != DialogTurnStatus.Waiting:
            await self.state.delete(turn_context)
