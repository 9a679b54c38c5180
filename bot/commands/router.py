"""The command router: a list of (words, handler) routes instead of an if-chain.

Knows nothing of Teams: it takes the text the user wrote (mention already stripped) and returns a Reply.
"""

from __future__ import annotations

import difflib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.cards import Reply
from bot.db.repository import Repository
from bot.i18n import Translator
from bot.services.goals import fold
from bot.services.people import PersonInfo

# Longest message the bot reads; anything longer is answered with a hint, not parsed.
MAX_TEXT_LENGTH = 2000


@dataclass(frozen=True)
class Context:
    """What handlers may use: the repository and the current time. Built once per turn."""

    repository: Repository
    now: datetime


@dataclass(frozen=True)
class Request:
    """One message to the bot, as the router sees it."""

    text: str
    t: Translator
    district: str
    user: PersonInfo | None = None
    conversation_kind: str = "personal"
    command: str = ""  # the command word as written
    args: str = ""  # everything after the command word


Handler = Callable[[Request, Context], Awaitable[Reply]]


@dataclass(frozen=True)
class Route:
    words: tuple[str, ...]  # command words, Swedish first; matched without case or diacritics
    handler: Handler
    usage: str  # msgid, e.g. "goals [number]"
    summary: str  # msgid

    @property
    def folded(self) -> frozenset[str]:
        return frozenset(fold(word) for word in self.words)


@dataclass
class Router:
    routes: list[Route] = field(default_factory=list)

    def command(self, *words: str, usage: str, summary: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes.append(Route(words, handler, usage, summary))
            return handler

        return register

    def route_for(self, word: str) -> Route | None:
        folded = fold(word)
        return next((route for route in self.routes if folded in route.folded), None)

    async def dispatch(self, request: Request, context: Context) -> Reply:
        t = request.t
        text = " ".join(request.text.split())
        if not text:
            return Reply(t._("Write help to see what I can do."))
        if len(text) > MAX_TEXT_LENGTH:
            return Reply(
                t._("That message is too long for me ({length} characters; at most {limit}).").format(
                    length=len(text), limit=MAX_TEXT_LENGTH
                )
            )
        word, _, args = text.partition(" ")
        route = self.route_for(word.strip("!/?.,:;"))
        if route is None:
            return self._unknown(request, word)
        return await route.handler(replace(request, text=text, command=word, args=args.strip()), context)

    def _unknown(self, request: Request, word: str) -> Reply:
        t = request.t
        words = {fold(t._(route.usage).split()[0]): t._(route.usage).split()[0] for route in self.routes}
        close = difflib.get_close_matches(fold(word), list(words), n=1, cutoff=0.6)
        if close:
            return Reply(
                t._(
                    "I don't know the command \u201c{word}\u201d. Did you mean {suggestion}? "
                    "Write help to see everything I can do."
                ).format(word=word[:40], suggestion=words[close[0]])
            )
        return Reply(
            t._("I don't know the command \u201c{word}\u201d. Write help to see what I can do.").format(
                word=word[:40]
            )
        )
