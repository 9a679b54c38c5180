"""Commands, one module per area; build_router() includes them all."""

from __future__ import annotations

from bot.commands import checkins, goals, people, prompts
from bot.commands import help as help_command
from bot.commands.router import Context, Request, Router, Services

__all__ = ["Context", "Request", "Router", "Services", "build_router"]


def build_router() -> Router:
    router = Router()
    goals.register(router)
    checkins.register(router)
    prompts.register(router)
    people.register(router)
    help_command.register(router)
    return router
