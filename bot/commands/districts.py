"""Several districts in one deployment: `koppla` / `link` ties a team (or a group chat) to its district;
`distrikt` / `district` tells which district a conversation speaks for, and lets someone who belongs to
several choose in their personal chat. The rules are in bot/services/people.py, the SQL in
bot/db/people.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bot.cards import Reply
from bot.commands.router import Context, Request, Router, no_district
from bot.i18n import N_, Translator, genitive
from bot.services.people import Role

LINK_USAGE = N_("link DISTRICT")
DISTRICT_USAGE = N_("district NAME")


def register(router: Router) -> None:
    @router.command(
        "koppla",
        "link",
        usage=LINK_USAGE,
        summary=N_("link this team to its district"),
        role=Role.ADMIN,
        scoped=False,
    )
    async def link(request: Request, context: Context) -> Reply:
        """Link the team this channel is in (or this group chat) to a district; alone, say what it is."""
        t = request.t
        conversation = request.conversation
        if request.conversation_kind == "personal" or conversation is None:
            return Reply(
                t._(
                    "Write this in one of the team's channels: @mention me, then link DISTRICT. "
                    "On the server: python -m bot teams link TEAM-ID --district DISTRICT"
                )
            )
        directory = context.services.directory
        if not request.args:
            names = await asyncio.to_thread(directory.district_names)
            return Reply(_where(t, request) + " " + _choose_among(t, names, t._(LINK_USAGE)))
        linked = await asyncio.to_thread(directory.link, conversation, request.args, now=context.now)
        if len(linked.found) != 1:
            answer = _not_one(t, request.args, linked.found, linked.names, t._(LINK_USAGE))
            if linked.found:
                return answer
            # A district comes with its plan: there is no other way to make one.
            return Reply(
                answer.text
                + " "
                + t._(
                    "A new district is added with its plan, on the server: "
                    'python -m bot plan import FILE --district "{name}"; then link this team again.'
                ).format(name=" ".join(request.args.split())[:80])
            )
        [district] = linked.found
        if linked.team:
            return Reply(
                t._(
                    "This team now belongs to {district}: its channels and its members' personal chats "
                    "get {whose} plan, roles and reports."
                ).format(district=district, whose=genitive(t, district))
            )
        return Reply(t._("This chat now belongs to {district}.").format(district=district))

    @router.command(
        "distrikt",
        "district",
        usage=DISTRICT_USAGE,
        summary=N_("which district I answer about; choose yours"),
        scoped=False,
    )
    async def district(request: Request, context: Context) -> Reply:
        """Where this conversation belongs; in a personal chat, choose among your districts."""
        t = request.t
        if request.conversation_kind != "personal":
            return Reply(_where(t, request))
        if not request.args:
            if not request.district:
                return no_district(request)
            return Reply(t._("I answer you about {district}.").format(district=request.district))
        assert request.user is not None
        admin = Role.ADMIN in request.roles or bool(
            request.user.aad_object_id and request.user.aad_object_id in context.services.admins
        )
        chosen = await asyncio.to_thread(
            context.services.directory.choose, request.user, request.args, admin=admin, now=context.now
        )
        if len(chosen.found) != 1:
            if not chosen.found and len(chosen.yours) < 2:  # nothing to choose among: say where they are
                unknown = t._("I know no district called \u201c{text}\u201d.").format(text=request.args[:80])
                where = (
                    t._("I answer you about {district}.").format(district=request.district)
                    if request.district
                    else no_district(request).text
                )
                return Reply(f"{unknown} {where}")
            return _not_one(t, request.args, chosen.found, chosen.yours, t._(DISTRICT_USAGE))
        [named] = chosen.found
        if not chosen.chosen:
            return Reply(
                t._(
                    "As far as I know you don't belong to {district}. Write to me once in its team "
                    "(@mention me there), then choose it here."
                ).format(district=named)
            )
        return Reply(t._("From now on I answer you about {district}.").format(district=named))


def _where(t: Translator, request: Request) -> str:
    if request.district:
        return t._("This conversation belongs to {district}.").format(district=request.district)
    return t._("This conversation is not linked to a district yet.")


def _choose_among(t: Translator, names: Sequence[str], usage: str) -> str:
    if not names:
        return t._("No district has a plan yet: import one with python -m bot plan import.")
    return t._("Districts: {names}. Choose with: {usage}").format(names=", ".join(names), usage=usage)


def _not_one(t: Translator, text: str, found: Sequence[str], names: Sequence[str], usage: str) -> Reply:
    if found:
        return Reply(
            t._("\u201c{text}\u201d fits several districts: {names}. Write more of the name.").format(
                text=text[:80], names=", ".join(found)
            )
        )
    return Reply(
        t._("I know no district called \u201c{text}\u201d.").format(text=text[:80])
        + " "
        + _choose_among(t, names, usage)
    )
