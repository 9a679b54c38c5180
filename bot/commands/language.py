"""`språk svenska` / `language english`: the language the bot writes to someone in, replies and the
messages it starts (reminders, notices) alike; `språk teams` follows their Teams client again."""

from __future__ import annotations

import asyncio

from bot.cards import Reply
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, fold, language_of_locale, person_language, translator

# What people write after the command word, folded (bot/i18n.py); None: follow Teams.
CHOICES: dict[str, str | None] = {
    **dict.fromkeys(("svenska", "swedish", "sv", "svensk"), "sv"),
    **dict.fromkeys(("engelska", "english", "en", "engelsk"), "en"),
    **dict.fromkeys(("teams", "auto", "automatiskt", "automatic", "standard", "default"), None),
}


def register(router: Router) -> None:
    @router.command(
        "språk",
        "language",
        usage=N_("language english|swedish"),
        summary=N_("choose the language I write to you in"),
        scoped=False,
    )
    async def language(request: Request, context: Context) -> Reply:
        """Choose (or see) the language the bot writes to you in; the answer is in the new language."""
        t = request.t
        # "språk engelska tack", "language to english": the word that names a choice
        said = fold(request.args)
        wanted = next((word for word in said.split() if word in CHOICES), said)
        if request.user is None:
            return Reply(t._("I cannot tell who you are here, so I cannot remember a language for you."))
        if not wanted:
            # The language their reminders and notices come in: chosen, else their Teams', else the
            # district's (not this reply's, which follows the word they wrote); and how to change it.
            writes = person_language(request.chosen_language, request.locale, context.services.language)
            return Reply(
                t._("I write to you in {language}. To change it, write: {command}").format(
                    language=t._("English") if writes == "en" else t._("Swedish"),
                    command=t._("language swedish") if writes == "en" else t._("language english"),
                )
            )
        if wanted not in CHOICES:
            return Reply(
                t._("I speak Swedish and English. Write {swedish} or {english}.").format(
                    swedish=t._("language swedish"), english=t._("language english")
                )
            )
        chosen = CHOICES[wanted]
        await asyncio.to_thread(
            context.services.directory.choose_language, request.user, chosen, now=context.now
        )
        if chosen is None:
            t = translator(person_language(None, request.locale, context.services.language))
            source = language_of_locale(request.locale)
            return Reply(
                t._("I will write to you in the language of your Teams, {language}.").format(
                    language=t._("English") if t.language == "en" else t._("Swedish")
                )
                if source
                else t._("I will write to you in the district's language.")
            )
        t = translator(chosen)
        return Reply(
            t._("From now on I write to you in English, reminders and notices too.")
            if chosen == "en"
            else t._("From now on I write to you in Swedish, reminders and notices too.")
        )
