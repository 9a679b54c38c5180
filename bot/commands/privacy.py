"""Personal data in chat: `mina data` / `my data` shows what the bot stores about you, with a download;
`glöm mig` / `forget me` erases it, after `glöm mig bekräfta` / `forget me confirm` (or the card's button).

Both only in a personal chat: in a channel or group chat everyone would read the answer (and could press
the card's button), and the download link is a bearer credential like the board's export link.
The rules are in bot/services/privacy.py, the SQL in bot/db/privacy.py.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from bot.cards import Reply, clock
from bot.cards import privacy as cards
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, Translator, fold
from bot.services.export import ExportLinks

# The route's own word: `data` alone, and what `mina data` / `my data` (the `mina` route) hands over to.
DATA_WORD = "data"
# What else people call it after `mina` / `my`: "mina uppgifter" is how Swedish says "my data".
DATA_WORDS = frozenset({DATA_WORD, "uppgifter", "personuppgifter", "details"})
FORGET_WORDS = ("glöm", "forget")
_ME = frozenset({"mig", "mej", "me"})
_CONFIRM = frozenset({"bekrafta", "confirm"})
# Words after "glöm mig" that ask it, not confirm it ("glöm mig inte" asks nothing).
_ASKING = frozenset({"ja", "yes", "tack", "please", "pls", "snalla", "garna"})


def forget_command(language: str, *, confirm: bool = False) -> str:
    """The words to write (or that the card's button sends), in the user's language."""
    if language == "sv":
        return "glöm mig bekräfta" if confirm else "glöm mig"
    return "forget me confirm" if confirm else "forget me"


def register(router: Router, links: ExportLinks | None) -> None:
    @router.command(
        DATA_WORD,
        usage=N_("my data"),
        summary=N_("everything I store about you, with a download"),
        scoped=False,  # about the person, in every district
    )
    async def my_data(request: Request, context: Context) -> Reply:
        """A readable summary of what is stored about the sender, and a link to all of it as JSON."""
        t = request.t
        if request.conversation_kind != "personal":
            return _personal_only(t)
        if request.user is None:
            return cards.nothing_stored(t)
        held = await asyncio.to_thread(
            context.services.directory.personal_data, request.user, now=context.now
        )
        if held is None:
            return cards.nothing_stored(t)
        data = held.data
        url, until = None, ""
        if links is not None:
            url, expires = links.personal_link(replace(data.subject, language=t.language), now=context.now)
            until = clock(t, expires, context.services.zone)
        return cards.my_data(
            t,
            data,
            held.summary,
            zone=context.services.zone,
            url=url,
            minutes=round(links.lifetime.total_seconds() / 60) if links else 0,
            until=until,
            admin=_is_admin(request, context),
            forget_command=forget_command(t.language),
        )

    @router.command(
        *FORGET_WORDS,
        usage=N_("forget me"),
        summary=N_("erase everything I store about you (asks first)"),
        scoped=False,
    )
    async def forget(request: Request, context: Context) -> Reply:
        """Without confirmation: what would go and what would stay. With it: erase, in one transaction."""
        t = request.t
        if request.conversation_kind != "personal":
            return _personal_only(t)
        words = fold(request.args).split()
        if words[:1] and words[0] in _ME and words[1:] and set(words[1:]) <= _ASKING:
            words = words[:1]  # "glöm mig ja", "forget me please": asked what goes, then to confirm
        if not words or words[0] not in _ME or len(words) > 2 or not set(words[1:]) <= _CONFIRM:
            return Reply(
                t._("To have everything I store about you erased, write: {command}").format(
                    command=forget_command(t.language)
                )
            )
        if request.user is None:
            return cards.nothing_stored(t)
        directory = context.services.directory
        if len(words) == 1:
            held = await asyncio.to_thread(directory.personal_data, request.user, now=context.now)
            if held is None:
                return cards.nothing_stored(t)
            return cards.confirm_forget(t, held.summary, command=forget_command(t.language, confirm=True))
        result = await asyncio.to_thread(directory.forget, request.user)
        if result is None:
            return cards.nothing_stored(t)
        return replace(cards.forgotten(t, result, admin=_is_admin(request, context)), forgot_sender=True)


def _personal_only(t: Translator) -> Reply:
    return Reply(
        t._(
            "Ask me that in our personal chat: what I store about you is for you only, and anyone in this "
            "conversation could read my answer."
        )
    )


def _is_admin(request: Request, context: Context) -> bool:
    user = request.user
    return bool(user and user.aad_object_id and user.aad_object_id in context.services.admins)
