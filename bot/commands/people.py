"""Roles: admins make people board members or branch chairs by @mention; anyone can see who they are."""

from __future__ import annotations

import asyncio
import re

from bot.cards import Reply
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, Translator
from bot.services.people import PersonInfo, Role
from bot.services.text import fold

_ROLE_WORDS = {
    "styrelse": Role.BOARD,
    "styrelsen": Role.BOARD,
    "styrelseledamot": Role.BOARD,
    "board": Role.BOARD,
    "ordforande": Role.CHAIR,
    "chair": Role.CHAIR,
}
_REMOVE_WORDS = {"bort", "ta", "remove", "revoke"}


def register(router: Router) -> None:
    @router.command(
        "roll",
        "role",
        usage=N_("role board|chair @name [BRANCH]"),
        summary=N_("give or take a role"),
        role=Role.ADMIN,
    )
    async def role(request: Request, context: Context) -> Reply:
        """Give the @mentioned people a role (a chair also names the branch), or take it away."""
        t = request.t
        words = strip_names(request.args, request.mentions).split()
        remove = bool(words) and fold(words[0]) in _REMOVE_WORDS
        if remove:
            words = [w for w in words[1:] if fold(w) not in _REMOVE_WORDS]
        kind = _ROLE_WORDS.get(fold(words[0])) if words else None
        if kind is None or not request.mentions:
            return Reply(_usage(t))
        branch = " ".join(words[1:]).strip() or None
        names = ", ".join(person.name for person in request.mentions)
        if remove:
            for person in request.mentions:
                await asyncio.to_thread(context.people.revoke, person, request.district, kind)
            answer = t._("{names}: no longer {role}.").format(names=names, role=_role_name(t, kind))
            if kind is Role.BOARD and context.services.prompts is not None:
                handed = await context.services.prompts.plan_ahead()  # their coming prompts change hands
                if handed:
                    answer += " " + t._("Their coming prompts go to: {slots}.").format(
                        slots=", ".join(f"#{s.id} {s.owner_name or t._('nobody yet')}" for s in handed)
                    )
            return Reply(answer)
        if kind is Role.CHAIR and branch is None:
            return Reply(t._("Name the branch after the person, e.g. role chair @Adele Sundsvall."))
        for person in request.mentions:
            await asyncio.to_thread(
                context.people.grant, person, request.district, kind, branch=branch, now=context.now
            )
        if context.services.prompts is not None:
            await context.services.prompts.plan_ahead()  # new board members join the rota
        if kind is Role.CHAIR:
            return Reply(t._("{names} is now chair of {branch}.").format(names=names, branch=branch))
        return Reply(t._("{names}: now {role}.").format(names=names, role=_role_name(t, kind)))

    @router.command(
        "roller", "roles", usage=N_("roles"), summary=N_("who is on the board and who chairs the branches")
    )
    async def roles(request: Request, context: Context) -> Reply:
        """The district's board and branch chairs."""
        t = request.t
        members = await asyncio.to_thread(context.people.members, request.district)
        if not members:
            return Reply(t._("Nobody has a role in {district} yet.").format(district=request.district))
        board = sorted({m.name for m in members if m.role is Role.BOARD})
        chairs = sorted(f"{m.name} ({m.branch})" for m in members if m.role is Role.CHAIR)
        lines = [t._("Board: {names}").format(names=", ".join(board) or "\u2013")]
        lines.append(t._("Branch chairs: {names}").format(names=", ".join(chairs) or "\u2013"))
        return Reply("\n".join(lines))


def _usage(t: Translator) -> str:
    return t._(
        "Write for example: role board @Megan, role chair @Adele Sundsvall, or role remove board @Megan."
    )


def _role_name(t: Translator, role: Role) -> str:
    return t._("on the board") if role is Role.BOARD else t._("a branch chair")


def strip_names(text: str, people: tuple[PersonInfo, ...]) -> str:
    for person in people:
        if person.name:
            text = re.sub(re.escape(person.name), " ", text, flags=re.IGNORECASE)
    return " ".join(text.replace("@", " ").split())
