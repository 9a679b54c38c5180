"""Commands, one module per area; build_router() includes them all."""

from __future__ import annotations

from bot.commands import goals
from bot.commands import help as help_command
from bot.commands.router import Context, Request, Router

__all__ = ["Context", "Request", "Router", "build_router"]


def build_router() -> Router:
    router = Router()
    goals.register(router)
    help_command.register(router)
    return router
