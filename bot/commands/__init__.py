"""Commands, one module per area; build_router() includes them all."""

from __future__ import annotations

from bot.commands import checkins, districts, export, goals, language, people, privacy, prompts
from bot.commands import help as help_command
from bot.commands.router import Context, Request, Router, Services
from bot.services.export import ExportLinks

__all__ = ["Context", "Request", "Router", "Services", "build_router"]


def build_router(*, export_links: ExportLinks | None = None) -> Router:
    """Every command; `export_links` signs the download links of the export and of `mina data`."""
    router = Router()
    goals.register(router)
    checkins.register(router)
    prompts.register(router)
    people.register(router)
    export.register(router, export_links)
    privacy.register(router, export_links)
    districts.register(router)
    language.register(router)
    help_command.register(router)
    return router
