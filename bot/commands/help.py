"""Help: what the bot can do, built from the routes so it never drifts from the real commands."""

from __future__ import annotations

from bot.cards import Reply, card, facts, heading, paragraph
from bot.commands.router import Context, Request, Router
from bot.i18n import N_
from bot.services.people import Role


def register(router: Router) -> None:
    @router.command(
        "hjälp", "kommandon", "help", "commands", "?", usage=N_("help"), summary=N_("this list"), scoped=False
    )
    async def help_(request: Request, context: Context) -> Reply:
        """Every command with a one-line description, in the user's language."""
        t = request.t
        title = t._("This is what I can do")
        who = {Role.BOARD: t._("board"), Role.ADMIN: t._("admin"), Role.CHAIR: t._("chairs")}
        rows = [
            (t._(route.usage), t._(route.summary) + (f" ({who[route.role]})" if route.role in who else ""))
            for route in router.routes
        ]
        footer = t._("In a channel, @mention me first. Commands work in Swedish and English.")
        text = "\n".join([title, *(f"{usage} \u2013 {summary}" for usage, summary in rows), "", footer])
        return Reply(text, card([heading(title), facts(rows), paragraph(footer, subtle=True)], fallback=text))
