"""The command router: a list of (words, handler) routes instead of an if-chain.

Knows nothing of Teams: it takes the text the user wrote (mention already stripped) and returns a Reply.
"""

from __future__ import annotations

import asyncio
import difflib
from collections.abc import Awaitable, Callable, Collection, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.cards import Reply, listed
from bot.db.checkins import CheckInRepository
from bot.db.people import DistrictRepository, PeopleRepository
from bot.db.privacy import PrivacyRepository
from bot.db.repository import Repository
from bot.i18n import (
    CANCEL_WORDS,
    NO_WORDS,
    SHARED_WORDS,
    YES_WORDS,
    Social,
    Translator,
    fold,
    only_symbols,
    person_language,
    question_language,
    rephrase,
    says_yes,
    social,
    take_away,
    taken_away,
    translator,
    unglue,
    without_symbols,
)
from bot.services.checkins import (
    ReportGap,
    Reporting,
    amendment_in,
    report_gap,
    report_in,
    sentence_language,
    withdrawal_in,
)
from bot.services.directory import Directory, RoleList
from bot.services.engagement import EngagementCounter
from bot.services.people import ConversationInfo, PersonInfo, Role, Scope, Why, allows, reports
from bot.services.plan_review import pasted_plan
from bot.services.progress import Progress
from bot.services.prompting import MAX_PROMPT_LENGTH

if TYPE_CHECKING:
    from bot.services.followup import BoardReports
    from bot.services.plan_review import PlanReviews
    from bot.services.prompt_desk import PromptDesk

# Longest message the bot reads; anything longer is answered with a hint, not parsed. A prompt's text may
# be MAX_PROMPT_LENGTH long: its command and number ("skriv 12 ") come on top, and the text's own limit
# is what the writer is told of.
MAX_TEXT_LENGTH = MAX_PROMPT_LENGTH + 100
PASTED_FORM = "plan-pasted"  # a plan pasted into the chat (bot/commands/plans.py reads it)
# How many different first words Router.route_for remembers, of at most how many characters.
RECENT_WORDS = 1024
MAX_WORD_LENGTH = 40
# How alike a word must be to a command word to be suggested (difflib's ratio; get_close_matches' default).
CLOSE_ENOUGH = 0.6
# A first word this close to a command word is that word mistyped ("rapport", "reprot"), whatever follows.
CLEAR_TYPO = 0.8


@dataclass(frozen=True)
class Services:
    """Everything handlers may use, built once for the app."""

    repository: Repository
    people: PeopleRepository
    checkins: CheckInRepository
    districts: DistrictRepository
    progress: Progress  # the plan and how far it has come
    reporting: Reporting  # who may report, and storing check-ins
    admins: frozenset[str]  # Teams (AAD) object ids named in configuration
    zone: ZoneInfo  # the district's time zone, for what users read
    prompts: PromptDesk | None = None  # scheduled discussion prompts
    reports: BoardReports | None = None  # the board's follow-up, the year's report, the dashboard
    plan_reviews: PlanReviews | None = None  # plans sent as files, under review (bot/services/plan_review.py)
    language: str = "sv"  # the district's language: for whoever has neither chosen one nor a Teams locale
    engagement: EngagementCounter | None = None  # reactions and replies to the bot's posts

    @cached_property
    def directory(self) -> Directory:
        """People, districts and conversations: one turn's storage work (bot/services/directory.py)."""
        return Directory(
            repository=self.repository,
            people=self.people,
            checkins=self.checkins,
            districts=self.districts,
            privacy=PrivacyRepository(self.repository.db),
            prompts=self.prompts,
        )


@dataclass(frozen=True)
class Context:
    """The services and the current time, for one turn."""

    services: Services
    now: datetime

    @property
    def repository(self) -> Repository:
        return self.services.repository

    @property
    def progress(self) -> Progress:
        return self.services.progress

    @property
    def reporting(self) -> Reporting:
        return self.services.reporting

    @property
    def people(self) -> PeopleRepository:
        return self.services.people

    @property
    def checkins(self) -> CheckInRepository:
        return self.services.checkins


class Kind(StrEnum):
    """What came in: a message to the bot, or something it counts or answers without a command word."""

    MESSAGE = "message"  # a message addressed to the bot (a personal chat, or @mentioning it)
    ACTION = "action"  # a card button (Adaptive Card Action.Execute): `form` holds its data and inputs
    REACTION = "reaction"  # reactions added to or removed from a message (`reacted_to`)
    OVERHEARD = "overheard"  # a channel message not addressed to the bot: counted, never answered


@dataclass(frozen=True)
class Request:
    """One message to the bot, as the router sees it."""

    text: str
    t: Translator  # the language of the reply (the router settles it: see Router.dispatch)
    district: str  # the district this turn speaks for; empty when none (see scope)
    scope: Scope | None = None  # how the district was found (bot/services/people.py)
    user: PersonInfo | None = None
    conversation_kind: str = "personal"
    conversation: ConversationInfo | None = None
    activity_id: str = ""  # the message's id where it is unique in its conversation (Teams), else empty
    mentions: tuple[PersonInfo, ...] = ()  # people @mentioned besides the bot
    mentions_written: tuple[str, ...] = ()  # those mentions as the message wrote them ("Johannes")
    form: Mapping[str, Any] | None = None  # a submitted card form's data (its name under "form")
    cards: bool = True  # whether the client shows Adaptive Cards
    locale: str | None = None  # the sender's Teams client's locale, e.g. "en-US"
    roles: frozenset[Role] = frozenset({Role.MEMBER})  # the sender's in the district (bot/teams.py)
    chosen_language: str | None = None  # the one the sender chose (`språk`); None: follow Teams
    command: str = ""  # the command word as written
    args: str = ""  # everything after the command word
    kind: Kind = Kind.MESSAGE
    reacted_to: str = ""  # REACTION: the id of the message reacted to
    reactions: tuple[int, int] = (0, 0)  # REACTION: how many were added, how many removed
    listing: RoleList | None = None  # who has which role, where the router has looked it up this turn


Handler = Callable[[Request, Context], Awaitable[Reply]]


@dataclass
class TurnNote:
    """What the turn's log line says (bot/teams.py writes it): the command's name, never the text."""

    command: str = "-"
    outcome: str = "ok"  # ok | empty | too-long | unknown | no-district | refused | error


# The note of the turn being handled, if bot/teams.py started one.
turn_note: ContextVar[TurnNote | None] = ContextVar("turn_note", default=None)


def note_turn(*, command: str | None = None, outcome: str | None = None) -> None:
    note = turn_note.get()
    if note is not None:
        note.command = command or note.command
        note.outcome = outcome or note.outcome


@dataclass(frozen=True)
class Route:
    words: tuple[str, ...]  # command words, Swedish first; matched without case or diacritics
    handler: Handler
    usage: str  # msgid, e.g. "goals [number]"
    summary: str  # msgid
    role: Role = Role.MEMBER  # who may use it
    scoped: bool = True  # works on a district's data, so needs to know which district
    forms: tuple[str, ...] = ()  # the card forms whose submits it handles

    @property
    def reads_text(self) -> bool:
        """Whether it reads what follows as free text (a search, a branch's name, a comment), as its
        usage's placeholders say ("search WORD", "goals [number]"); "language english|swedish" does not."""
        return self.usage != self.usage.lower() or "[number]" in self.usage

    @cached_property
    def folded(self) -> frozenset[str]:
        return frozenset(fold(word) or word for word in self.words)  # "?" has no letters to fold

    def language_of(self, word: str) -> str | None:
        """The language a command word is in, if it tells: "hjälp" Swedish, "help" English, "status" and
        "?" neither. Words are registered Swedish first, then English from the English usage's own word."""
        folded = fold(word)
        english = fold(self.usage.split()[0])
        swedish = fold(translator("sv")._(self.usage).split()[0])
        if not folded or folded == english == swedish or folded in SHARED_WORDS:
            return None
        if folded in (english, swedish):
            return "en" if folded == english else "sv"
        order = [fold(each) for each in self.words]
        if folded not in order or english not in order:
            return None
        return "sv" if order.index(folded) < order.index(english) else "en"


@dataclass
class Router:
    routes: list[Route] = field(default_factory=list)
    # Words looked up lately -> the index of their route (-1: none), while there were `_words_for` routes.
    # A turn asks for its first word several times (bot/teams.py), and people write the same few commands.
    _words: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _words_for: int = field(default=0, init=False, repr=False, compare=False)
    # What handles the requests that are no command (Kind.REACTION, Kind.OVERHEARD): one handler per kind.
    events: dict[Kind, Handler] = field(default_factory=dict)

    def on(self, kind: Kind) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.events[kind] = handler
            return handler

        return register

    def command(
        self,
        *words: str,
        usage: str,
        summary: str,
        role: Role = Role.MEMBER,
        scoped: bool = True,
        forms: tuple[str, ...] = (),
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes.append(Route(words, handler, usage, summary, role, scoped, forms))
            return handler

        return register

    def route_for(self, word: str) -> Route | None:
        """The command a word names, ignoring case, diacritics and punctuation around it ("mål?")."""
        if self._words_for != len(self.routes) or len(self._words) > RECENT_WORDS:
            self._words.clear()  # routes added since may give words a meaning
            self._words_for = len(self.routes)
        index = self._words.get(word)
        if index is None:
            bare = word.strip("!/?.,:;") or word
            folded = fold(bare) or bare
            index = next((i for i, route in enumerate(self.routes) if folded in route.folded), -1)
            if len(word) <= MAX_WORD_LENGTH:
                self._words[word] = index
        return self.routes[index] if index >= 0 else None

    def route_for_form(self, form: Mapping[str, Any] | None) -> Route | None:
        """The command that handles a submitted card form, by the form's name."""
        name = form.get("form") if form is not None else None
        return next((route for route in self.routes if name in route.forms), None) if name else None

    async def dispatch(self, request: Request, context: Context) -> Reply:
        """The reply to one message, in the sender's language: the language of the command word when it
        tells (`hjälp` Swedish, `help` English), else the one they chose (`språk`), else their Teams
        client's, else the district's."""
        event = self.events.get(request.kind)
        if event is not None:
            note_turn(command=request.kind.value)
            return await event(request, context)
        form_route = self.route_for_form(request.form)
        if form_route is not None:
            return await self._run(form_route, self._speaking(request, context), context)
        # A plan pasted into the chat has lines: a message of one is none.
        pasted_text = "\n" in request.text and pasted_plan(request.text, self._names_command)
        pasted = self.route_for_form({"form": PASTED_FORM}) if pasted_text else None
        if pasted is not None:  # a plan pasted into the chat, however long: read as a plan's file is
            form = {"form": PASTED_FORM, "text": request.text}
            return await self._run(pasted, replace(self._speaking(request, context), form=form), context)
        text = " ".join(request.text.split())
        if not text:
            note_turn(outcome="empty")
            t = self._speaking(request, context).t
            return Reply(t._("Write help to see what I can do."))
        if len(text) > MAX_TEXT_LENGTH:
            note_turn(outcome="too-long")
            t = self._speaking(request, context).t
            return Reply(
                t._("That message is too long for me ({length} characters; at most {limit}).").format(
                    length=len(text), limit=MAX_TEXT_LENGTH
                )
            )
        if only_symbols(text):  # 👍 or 🎉 written as a message: a reaction, not a question
            note_turn(outcome="emoji")
            return Reply("", quiet=True)
        text = _without_leading_symbols(text)
        greeting = social(text)
        if greeting is not None:
            note_turn(command="greeting")
            kind, language = greeting
            return friendly(kind, self._speaking(request, context, language).t)
        # "avbryt", "glöm det", "nej" with no question waiting (a dialog's question was answered before the
        # router): as leaving a question means everywhere, not `glöm`'s hint. A command's own word alone
        # ("ångra") is that command.
        leave = fold(text)
        if (leave in CANCEL_WORDS or leave in NO_WORDS) and self.route_for(text) is None:
            spoken_in = CANCEL_WORDS.get(leave) or NO_WORDS[leave]
            review = self.route_for("plan")  # a plan under review waits for its Import or Cancel too
            if leave in CANCEL_WORDS and review is not None and allows(request.roles, review.role):
                asked = self._speaking(request, context, spoken_in)
                return await self._run(review, replace(asked, text=text, command=text, args=text), context)
            note_turn(command="cancel")
            return nothing_to_cancel(translator(spoken_in))
        if says_yes(text) and self.route_for(text) is None:  # "ja" with no question waiting for it
            note_turn(command="yes")
            return nothing_to_confirm(translator(YES_WORDS[fold(text).split()[0]]))
        reading = rephrase(text, self._names_command)
        spoken = reading.language if reading is not None else None
        text = reading.text if reading is not None else text
        route, word, args = self._command(text)
        report_meant = route is not None and _a_report_meant(args, route, request.roles)
        if report_meant and withdrawal_in(text) is not None:
            route = None  # "radera rapport 5", a chair's "radera 5": `ångra 5`, not the board's `radera`
        # a reporter's "fel siffra på mål 6, ska vara 3": `ändra`, which names the report (a member's "mål 6
        # är fel" is no report of theirs)
        amended = amendment_in(text) if route is None and reports(request.roles) else None
        if amended is not None:
            english, args, spoken = amended
            route = self.route_for(english)
            assert route is not None
            word = self.command_word(translator(spoken), english)
        if route is None:
            note_turn(outcome="unknown")
            request = self._speaking(request, context, spoken)
            if not request.district:
                return self._unknown(request, context, text)
            known = await asyncio.to_thread(
                context.services.directory.roles, request.district, admins=context.services.admins
            )
            taken = taken_away(text)
            named_as = _name_in(taken[0], known) if taken is not None else None
            if taken is not None and named_as is not None:  # "ta bort erik", read as "ta bort Erik" is
                note_turn(outcome="ok")
                route, word, args = self._command(take_away(named_as, taken[1]))
                assert route is not None
                request = replace(request, text=f"{word} {args}", command=word, args=args, listing=known)
                return await self._run(route, self._speaking(request, context, taken[1]), context)
            branch = fold(text.strip("!?., "))
            named = next((b for b in known.branches if fold(b) == branch), None)
            if named is not None:  # "Sundsvall": what the bot tells about a branch
                t = request.t
                return Reply(
                    t._(
                        "To see how {branch} is doing, write {status}; to see who chairs it, write {roles}."
                    ).format(
                        branch=named,
                        status=f"{self.command_word(t, 'status')} {named}",
                        roles=f"{self.command_word(t, 'roles')} {named}",
                    )
                )
            # a person's or a branch's name is no mistyped command ("Erik" is not `översikt`)
            names = {fold(m.name).partition(" ")[0] for m in known.members}
            names |= {fold(b).partition(" ")[0] for b in known.branches}
            return self._unknown(request, context, text, names=frozenset(names - {""}))
        told = route.language_of(word) or spoken or self._told_by(args)
        request = self._speaking(request, context, told)
        request = replace(request, text=text, command=word, args=args.strip())
        return await self._run(route, request, context, asked=reading is not None and reading.asked)

    def _command(self, text: str) -> tuple[Route | None, str, str]:
        """The route a message's first word names (a glued number apart: "mål6"; two words joined:
        "follow up"), the command word and what follows it."""
        word, _, args = text.partition(" ")
        route = self.route_for(word)
        glued = unglue(word.strip("!/?.,:;")) if route is None else None
        if glued is not None and self.route_for(glued[0]) is not None:
            word, args = glued[0], f"{glued[1]} {args}"
            route = self.route_for(word)
        second, _, after = args.partition(" ")
        if route is None and self.route_for(f"{word}-{second}") is not None:  # "follow up": `follow-up`
            word, args = f"{word}-{second}", after
            route = self.route_for(word)
        return route, word, args

    def command_in(self, text: str) -> Route | None:
        """The command `dispatch` runs for a message, if it names one (its rephrasing of a question too);
        None for a greeting and for text no command reads (a dialog's answer, say)."""
        text = _without_leading_symbols(" ".join(text.split()))
        if not text or social(text) is not None:
            return None
        reading = rephrase(text, self._names_command)
        return self._command(reading.text if reading is not None else text)[0]

    def _told_by(self, args: str) -> str | None:
        """The language the next word tells, when the command word does not: `export goal 6` is English,
        `export mål 6` Swedish, `export` alone and `export Sundsvall` neither."""
        later = args.split(maxsplit=1)[0] if args.strip() else ""
        route = self.route_for(later) if later else None
        return route.language_of(later) if route is not None else None

    def _names_command(self, word: str) -> bool:
        glued = unglue(word)
        return self.route_for(glued[0] if glued else word) is not None

    def _speaking(self, request: Request, context: Context, spoken: str | None = None) -> Request:
        """`request` with the translator of its reply (see dispatch)."""
        language = spoken or person_language(
            request.chosen_language, request.locale, context.services.language
        )
        return replace(request, t=translator(language))

    async def _run(self, route: Route, request: Request, context: Context, *, asked: bool = False) -> Reply:
        """`asked`: the command is what a question in other words asks for ("när är nästa inlägg?")."""
        note_turn(command=route.usage.split()[0])  # its English word, whatever language was written
        # A tapped card that may not be answered here stays as it was; the reason is shown beside it.
        tapped = request.kind is Kind.ACTION
        if route.scoped and not request.district:
            note_turn(outcome="no-district")
            return replace(no_district(request), keeps_card=tapped)
        if not allows(request.roles, route.role) and asked:  # which command answers it, and who may
            note_turn(outcome="refused")
            return await refusal(request, context, route.role, command=request.command.strip("!/?.,:;"))
        if not allows(request.roles, route.role):
            # A sentence, not a form (a plan pasted in chat is one): a later word may be a member's command.
            sentence = request.kind is Kind.MESSAGE and request.form is None
            later = self._later_command(request.text.split()) if sentence else None
            if later is not None:  # "visa alla mål" is a member's question, not the board's `visa`
                note_turn(outcome="unknown")
                return self._unknown(request, context, request.text, known=True)
            note_turn(outcome="refused")
            return replace(await refusal(request, context, route.role), keeps_card=tapped)
        return await route.handler(request, context)

    def _later_command(self, words: list[str]) -> tuple[int, Route] | None:
        """A command for everyone further into a sentence, and where: "visa alla mål" -> (2, `mål`)."""
        for index, later in enumerate(words[1:], start=1):
            if len(later.strip("!/?.,:;")) <= 2:  # "can I swap my turn?": "my" is the sentence's
                continue
            route = self.route_for(later)
            if route is not None and route.role is Role.MEMBER:
                return index, route
        return None

    def _unknown(
        self,
        request: Request,
        context: Context,
        text: str,
        *,
        known: bool = False,
        names: frozenset[str] = frozenset(),
    ) -> Reply:
        """A hint: the command they probably meant, with what they wrote after it ("Menade du mål 6?"), in
        the language of the word they nearly wrote: "reprot 3 1" is English whatever their Teams speaks.
        `known`: the first word is a command, one the sender may not use, so only the hint is given (as for a
        report or a withdrawal written as a sentence: "Hi! We held …" names no command)."""
        word = text.partition(" ")[0]
        suggestion, language = self.suggestion(text, request.t.language, request.roles, names)
        today = context.progress.today(context.now)
        reported = report_in(text, today) if reports(request.roles) else None
        if reported is not None:  # "4: 2 möten", "vi hade 3 möten för mål 4": a chair reporting
            language = sentence_language(text) or request.t.language  # "we held …" is English
            suggestion = f"{self.command_word(translator(language), 'report')} {reported}"
        elif suggestion is not None:  # "rapporetra 4 1 möte i går": the whole report, with the day read
            command = suggestion.partition(" ")[0]
            line = report_in(text.partition(" ")[2], today)
            if line is not None and command == self.command_word(translator(language), "report"):
                suggestion = f"{command} {line}"
        # "could you correct 1 2 meetings", "kan jag få rapportera 4 2 möten": the command further in, written
        # out with its numbers, is what they asked for, not a report that lacks its goal
        command, _, rest = (suggestion or "").partition(" ")
        named = self.route_for(command) if rest[:1].isdigit() else None
        written_out = named is not None and named.usage.split()[0] in ("report", "correct", "withdraw")
        gap = (
            report_gap(text, today)
            if reported is None and not written_out and reports(request.roles)
            else None
        )
        if gap is not None and self._typo(text, request.t.language, request.roles, names)[1] < CLEAR_TYPO:
            return self._report_gap(translator(gap.language) if gap.language else request.t, gap)
        withdrawn = withdrawal_in(text)
        if withdrawn is not None:  # "ta bort 5", "delete 5": `ångra 5`, not a command that sounds alike
            suggestion, language = (
                f"{self.command_word(request.t, 'withdraw')} {withdrawn}",
                request.t.language,
            )
        asked = question_language(text)  # "vad betyder efter?": a question, not a command mistyped
        if suggestion and (known or reported is not None or withdrawn is not None or asked):
            t = translator(language)
            return Reply(
                t._("Did you mean {suggestion}? Write help to see everything I can do.").format(
                    suggestion=suggestion.rstrip("?!.,")
                )
            )
        if suggestion:
            t = translator(language)
            return Reply(
                t._(
                    "I don't know the command \u201c{word}\u201d. Did you mean {suggestion}? "
                    "Write help to see everything I can do."
                ).format(word=word[:40], suggestion=suggestion.rstrip("?!.,"))
            )
        if asked is not None:
            return Reply(
                translator(asked)._("I can't answer that question. Write help to see what I can do.")
            )
        t = request.t
        return Reply(
            t._("I don't know the command \u201c{word}\u201d. Write help to see what I can do.").format(
                word=word[:40]
            )
        )

    def _report_gap(self, t: Translator, gap: ReportGap) -> Reply:
        """A report written as a sentence without its goal or its value: the question back, and the one line
        that reports it with what is missing as a placeholder. Nothing is stored on a guess."""
        report, goals = self.command_word(t, "report"), self.command_word(t, "goals")
        said = " ".join(gap.words)[:80]
        if gap.goal is None:  # and, where the sentence has no count either, the value too
            line = " ".join([report, t._("GOAL"), *([] if gap.value else [t._("VALUE")]), said]).strip()
            return Reply(
                t._(
                    "Which goal was that for? Nothing was stored. To report it, write the goal's number "
                    "first: {line} (write {goals} to see the numbers)."
                ).format(line=line, goals=goals)
            )
        line = " ".join([report, gap.goal, t._("VALUE"), said]).strip()
        return Reply(
            t._(
                "How much was done for goal {number}? Nothing was stored. To report it, write the value "
                "after the goal's number: {line}"
            ).format(number=gap.goal, line=line)
        )

    def command_word(self, t: Translator, english: str) -> str:
        """A command's word in the reply's language: "report" -> "rapportera" in Swedish."""
        route = self.route_for(english)
        return t._(route.usage).split()[0] if route is not None else english

    def suggestion(
        self,
        text: str,
        language: str,
        roles: frozenset[Role] = frozenset({Role.MEMBER}),
        names: frozenset[str] = frozenset(),
    ) -> tuple[str | None, str]:
        """The command `text` probably means, and the language to suggest it in: `language` (the reply's)
        unless the command word is one language's. Every command word `roles` may use counts, Swedish and
        English alike (a member is never pointed to a board command), and a typo keeps its glued number
        ("gaol6" -> "goal 6"); a first word in `names` (folded: people's first names, branches) is no typo.
        A clear typo of the first word comes before a command further in: "rapport mål 4 två" means
        `rapportera`, not `mål`."""
        rest = text.split()
        typo, score = self._typo(text, language, roles, names)
        if typo is not None and score >= CLEAR_TYPO:
            return typo
        found = self._later_command(rest)  # a command further in: "kan jag få se mål 6"
        if found is not None:
            index, route = found
            later, after = rest[index], rest[index + 1 :]
            if route.reads_text and not (after and any(c.isdigit() for c in after[0])):
                # "jag undrar vilka mål vi har": "vi har" is the question's, not a search for it
                after = []
            elif route.reads_text and len(route.usage.split(" | ")[0].split()) == 2:
                after = after[:1]  # "läsa mål 6 nu": `mål` reads one number, "nu" is the sentence's
            # the rest as written, as a mistyped command's suggestion keeps it: "rapportera 4 2 möten i går"
            suggestion = " ".join([later.strip("!/?.,:;"), *after])
            return suggestion, route.language_of(later) or language
        return typo if typo is not None else (None, language)

    def _typo(
        self, text: str, language: str, roles: frozenset[Role], names: frozenset[str] = frozenset()
    ) -> tuple[tuple[str, str] | None, float]:
        """The command word the first word is closest to, with all that follows it (a cut period suggests
        another command: "paus 15 juni -"), and how close it is."""
        word, _, args = text.partition(" ")
        written = word.strip("!/?.,:;")
        glued = unglue(written)
        if glued is not None:
            written, args = glued[0], f"{glued[1]} {args}"
        folded = fold(written)
        if len(folded) < 3 or folded in names:  # "ta" is no typo of "data", "Erik" none of "översikt"
            return None, 0.0
        swedish = any(letter in "åäöÅÄÖ" for letter in written)  # "lägg" is no typo of "language"
        best: tuple[float, bool] = (0.0, False)
        found: tuple[str, str] | None = None
        for route in self.routes:
            if not allows(roles, route.role):
                continue
            for each in route.words:
                candidate = fold(each)
                if not candidate or 2 * len(folded) < len(candidate):  # "kan" is no typo of "godkänn"
                    continue
                speaks = route.language_of(each) or language
                if swedish and route.language_of(each) == "en":
                    continue
                score = (difflib.SequenceMatcher(None, folded, candidate).ratio(), speaks == language)
                if score[0] >= CLOSE_ENOUGH and score > best:  # a tie: the reply's language, then first
                    best, found = score, (each, speaks)
        if found is None:
            return None, 0.0
        return (" ".join([found[0], *args.split()]), found[1]), best[0]


def nothing_to_cancel(t: Translator) -> Reply:
    """ "avbryt" with no question waiting for the sender's answer."""
    return Reply(t._("There is nothing to cancel: I am not waiting for an answer from you."))


def nothing_to_confirm(t: Translator) -> Reply:
    """ "ja" with no question waiting for the sender's answer: what it would have said yes to is gone."""
    return Reply(
        t._(
            "There is nothing to say yes to: I am not waiting for an answer from you. If I asked you "
            "something earlier, write its whole line again, as I showed it."
        )
    )


def friendly(kind: Social, t: Translator) -> Reply:
    """A short, friendly answer to a greeting or thanks."""
    if kind is Social.ACK:
        return Reply("", quiet=True)
    if kind is Social.THANKS:
        return Reply(t._("You're welcome!"))
    return Reply(t._("Hi! Write help to see what I can do."))


def no_district(request: Request) -> Reply:
    """Why a command about a district's data cannot be answered here, and what to do instead."""
    t = request.t
    scope = request.scope
    if request.conversation_kind == "groupChat":
        return Reply(
            t._(
                "This chat is not linked to a district yet, so I cannot tell whose plan to show. "
                "An administrator links it by @mentioning me here and writing: link DISTRICT"
            )
        )
    if request.conversation_kind != "personal":
        return Reply(
            t._(
                "This team is not linked to a district yet, so I cannot tell whose plan to show. "
                "An administrator links it by @mentioning me here and writing: link DISTRICT"
            )
        )
    if scope is not None and scope.why is Why.SEVERAL:
        return Reply(
            t._("You belong to several districts: {districts}. Choose one with: district NAME").format(
                districts=", ".join(scope.options)
            )
        )
    return Reply(
        t._(
            "I don't know which district you belong to yet. Write to me once in your district's team "
            "(@mention me there), then ask again here."
        )
    )


async def refusal(
    request: Request, context: Context, needed: Role, *, look_up: bool = True, command: str | None = None
) -> Reply:
    """A polite no that says who can. `look_up=False` where the turn has made its calls already (a handler
    that asked its service first): then the chairs are not looked up. `command`: a question was asked,
    and this command answers it (said first)."""
    no = await _refusal(request, context, needed, look_up=look_up)
    if command is None:
        return no
    return Reply(request.t._("The command {command} answers that.").format(command=command) + " " + no.text)


async def _refusal(request: Request, context: Context, needed: Role, *, look_up: bool) -> Reply:
    t = request.t
    if needed is Role.ADMIN:
        admins = (
            list(request.listing.admins)
            if request.listing is not None
            else await asyncio.to_thread(context.people.names_by_aad, context.services.admins)
        )
        if admins:
            return Reply(
                t._("Only an administrator can do that. Ask one of them: {names}.").format(
                    names=listed(t, admins, either=True)
                )
            )
        return Reply(
            t._("Only an administrator can do that. Administrators are named in the bot's settings.")
        )
    if needed is Role.BOARD:
        board = await asyncio.to_thread(context.people.members, request.district, Role.BOARD)
        names = listed(t, sorted({member.name for member in board if member.name}), either=True)
        if not names:
            return Reply(
                t._(
                    "Only the board and administrators can do that, and nobody in {district} is a board "
                    "member yet. An administrator can add them with: role board @name"
                ).format(district=request.district)
            )
        return Reply(
            t._("Only the board and administrators can do that. Ask one of the board: {names}.").format(
                names=names
            )
        )
    if look_up and not await asyncio.to_thread(context.people.members, request.district, Role.CHAIR):
        return Reply(
            t._(
                "Only branch chairs, the board and administrators can do that, and nobody in {district} "
                "chairs a branch yet. An administrator names chairs with: role chair @name BRANCH"
            ).format(district=request.district)
        )
    return Reply(
        t._("Only branch chairs, the board and administrators can do that. Ask your branch's chair.")
    )


def _a_report_meant(args: str, route: Route, roles: Collection[Role]) -> bool:
    """Whether a command word that also deletes ("radera 5") names a report: it says so ("rapport 5"), or
    the writer may not use the command but reports."""
    said = fold(args).split()[:1]
    return said in (["rapport"], ["rapporten"], ["report"]) or (
        not allows(roles, route.role) and reports(roles)
    )


def _name_in(typed: str, known: RoleList) -> str | None:
    """The name of the person with a role (their full or first name) or the branch `typed` names, as the
    district writes it ("erik" -> "Erik"), or None."""
    wanted = fold(typed)
    for member in known.members:
        if wanted and wanted == fold(member.name):
            return member.name
        first = member.name.split()[:1]
        if wanted and first and wanted == fold(first[0]):
            return first[0]
    return next((branch for branch in known.branches if fold(branch) == wanted), None)


def _without_leading_symbols(text: str) -> str:
    """ "📊 status" -> "status", "❓ hjälp" -> "hjälp"; emoji alone stay."""
    words = text.split(" ")
    while len(words) > 1 and not without_symbols(words[0]):
        words.pop(0)
    return " ".join(words)
