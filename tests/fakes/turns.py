"""The bot driven in-process through its own SDK-neutral turn (bot/sdk.Turn): Teams-shaped activities (JSON,
camelCase) in, the bot's Messages out; no SDK in between, so the same on botbuilder and the Agents SDK.

`Chat` is a conversation: a template activity (who writes, where, in which language) that each activity
sent through it is completed from, and the replies in the order the bot sent them.
"""

from __future__ import annotations

import itertools
from collections import deque
from typing import Any

from bot.sdk import Incoming, InvokeAnswer, Message, OnTurn

BOT = {"id": "28:bot", "name": "Distriktsboten"}


def account(id: str, name: str | None = None, aad: str | None = None) -> dict[str, Any]:
    """A person (or the bot) as Teams writes one in `from`, `recipient`, `membersAdded`, a mention."""
    person: dict[str, Any] = {"id": id}
    if name is not None:
        person["name"] = name
    if aad is not None:
        person["aadObjectId"] = aad
    return person


def mention(who: dict[str, Any]) -> dict[str, Any]:
    """The entity of an @mention of `who`, as Teams sends it beside `<at>Name</at>` in the text."""
    return {"type": "mention", "mentioned": who, "text": f"<at>{who.get('name')}</at>"}


class _Turn:
    def __init__(self, chat: Chat, activity: Incoming) -> None:
        self.activity = activity
        self.state: dict[str, Any] = {}
        self._chat = chat

    async def send(self, message: Message) -> str | None:
        self._chat.activity_buffer.append(message)
        return f"reply-{next(self._chat._ids)}"

    def answer_invoke(self, answer: InvokeAnswer) -> None:
        self._chat.invoke_answers.append(answer)


class Chat:
    """A conversation with the bot; `template` fills what an activity sent through it leaves out."""

    def __init__(self, on_turn: OnTurn, template: dict[str, Any]) -> None:
        self.on_turn = on_turn
        self.template = template
        self.activity_buffer: deque[Message] = deque()
        self.invoke_answers: list[InvokeAnswer] = []
        self._ids = itertools.count(1)

    def complete(self, activity: dict[str, Any]) -> dict[str, Any]:
        """`activity` with the template's fields it leaves out, an id and type `message` if it has none."""
        whole = {"type": "message", "id": str(next(self._ids))} | self.template | activity
        return {name: value for name, value in whole.items() if value is not None}

    async def receive_activity(self, activity: dict[str, Any]) -> None:
        await self.on_turn(_Turn(self, Incoming(self.complete(activity))))

    def get_next_activity(self) -> Message | None:
        return self.activity_buffer.popleft() if self.activity_buffer else None

    async def ask(self, text: str, **fields: Any) -> Message:
        """Write `text`; the one reply."""
        await self.receive_activity({"text": text, **fields})
        reply = self.get_next_activity()
        assert reply is not None, f"no reply to {text!r}"
        return reply
