"""What the bot counts without being asked: reactions to its posts, and replies in its prompts' threads.

Neither is answered. A channel message not addressed to the bot (it arrives only with the team's consent
to read its channels) is counted if it replies in a prompt's thread, and nothing of it is kept: not its
text, not who wrote it (a salted hash per post counts people once; bot/services/engagement.py).
"""

from __future__ import annotations

import asyncio

from bot.cards import SILENCE, Reply
from bot.commands.router import Context, Kind, Request, Router


def register(router: Router) -> None:
    @router.on(Kind.REACTION)
    async def reaction(request: Request, context: Context) -> Reply:
        counter = context.services.engagement
        if counter is not None and request.conversation is not None:
            added, removed = request.reactions
            await asyncio.to_thread(
                counter.reacted,
                request.conversation.conversation_id,
                request.reacted_to,
                added=added,
                removed=removed,
                activity_id=request.activity_id,
                now=context.now,
            )
        return SILENCE

    @router.on(Kind.OVERHEARD)
    async def overheard(request: Request, context: Context) -> Reply:
        counter = context.services.engagement
        conversation = request.conversation
        if counter is None or conversation is None or request.user is None:
            return SILENCE
        await asyncio.to_thread(
            counter.overheard,
            conversation.conversation_id,
            conversation.team_id,
            request.user.teams_user_id,
            activity_id=request.activity_id,
            now=context.now,
        )
        return SILENCE
