"""Plan commands: a plan's file sent in chat, its review (import, correct first, cancel), and corrections
("mål 6 mål 4 per kvartal", "områden Vården, Bostäder"). Board members and administrators only."""

from __future__ import annotations

import asyncio
import logging

from bot.cards import Reply
from bot.cards import plan_review as cards
from bot.commands.router import PASTED_FORM, Context, Request, Router, nothing_to_cancel
from bot.i18n import CANCEL_WORDS, N_, fold
from bot.services.people import Role, allows
from bot.services.plan import PlanParseError
from bot.services.plan_corrections import (
    Correction,
    CorrectionError,
    areas_correction,
    parse_correction,
)
from bot.services.plan_review import PlanReviews, Review

log = logging.getLogger(__name__)

# A plan read within this many seconds is answered in the turn; a slower one in the background.
ANSWER_WITHIN = 2.0

UPLOAD_FORM = "plan-upload"  # bot/teams.py turns a file sent in chat into this form

_IMPORT = {"importera", "import"}
_WITHOUT = {"utan", "without"}
_CORRECT = {"ratta", "correct", "andra"}


def register(router: Router) -> None:
    @router.command(
        "plan",
        usage=N_("plan [import|correct|cancel]"),
        summary=N_("the plan you sent me as a file: review it, then import it or cancel"),
        role=Role.BOARD,
        forms=(UPLOAD_FORM, PASTED_FORM),
    )
    async def plan(request: Request, context: Context) -> Reply:
        reviews = _reviews(context)
        if request.form is not None and request.form.get("form") == PASTED_FORM:
            return await _pasted(request, context, reviews)
        if request.form is not None:
            return await _upload(request, context, reviews)
        t = request.t
        user = _user(request)
        word = fold(request.args.split(" ", 1)[0]) if request.args else ""
        if word in _IMPORT:
            # "plan import utan föreningar": the plan without the branch list it names.
            without = any(fold(w) in _WITHOUT for w in request.args.split()[1:])
            summary = await asyncio.to_thread(
                reviews.finish, request.district, user, now=context.now, with_branches=not without
            )
            return cards.imported(t, request.district, summary) if summary else _nothing(request)
        if word in CANCEL_WORDS or fold(request.args) in CANCEL_WORDS:  # "plan stopp", "plan glöm det"
            found = await asyncio.to_thread(reviews.cancel, request.district, user, now=context.now)
            if found:
                return Reply(t._("Cancelled: nothing was imported."))
            # "avbryt" alone (the router hands it here) with no review waiting: no question waits at all
            return nothing_to_cancel(t) if fold(request.command) in CANCEL_WORDS else _nothing(request)
        review = await asyncio.to_thread(reviews.pending, request.district, user, now=context.now)
        if review is None:
            return _nothing(request)
        if word in _CORRECT:
            return Reply(cards.correction_hint(t))
        return cards.review_card(t, review)

    @router.command(
        "områden",
        "areas",
        usage=N_("areas NAME, NAME, ..."),
        summary=N_("name the plan's priority areas, in the plan you are reviewing"),
        role=Role.BOARD,
    )
    async def areas(request: Request, context: Context) -> Reply:
        if not request.args:
            return Reply(request.t._("Write the areas after the word, e.g.: areas Health, Housing, Climate"))
        return await correct(request, context, areas_correction(request.args))


async def correct(request: Request, context: Context, correction: Correction) -> Reply:
    """A correction to the plan under review ("mål 6 mål 4 per kvartal"); the goals command hands it here."""
    t = request.t
    if not allows(request.roles, Role.BOARD):
        return Reply(t._("Only the board and administrators can correct the plan."))
    reviews = _reviews(context)
    user = _user(request)
    try:
        result = await asyncio.to_thread(
            reviews.correct, request.district, user, correction, by=request.user, now=context.now
        )
    except CorrectionError as error:
        return Reply(cards.correction_problem(t, error))
    if result is None:
        return _nothing(request)
    if isinstance(result, Review):
        return cards.corrected(t, result)
    return cards.stored_correction(t, result, correction)


def correction_in(request: Request) -> Correction | None:
    """The correction a goals command's words make, if they make one."""
    return parse_correction(request.args) if request.args else None


async def _upload(request: Request, context: Context, reviews: PlanReviews) -> Reply:
    t = request.t
    form = request.form or {}
    name, url = form.get("name"), form.get("url")
    if request.conversation_kind != "personal":
        return Reply(t._("Send me the plan in a personal chat, and I will read it there."))
    if not isinstance(name, str) or not isinstance(url, str) or not url:
        return Reply(t._("I could not fetch the file from Teams: send it again in a moment."))
    reading = asyncio.ensure_future(_read(request, context, reviews, name, url))
    later = context.services.prompts.answer_later if context.services.prompts else None
    if later is None or request.conversation is None:
        return await reading  # the terminal chat: nobody else waits
    done, _ = await asyncio.wait({reading}, timeout=ANSWER_WITHIN)
    if done:
        return reading.result()
    # A large or slow file: Teams would send the message again after about 15 s and the user would wait
    # without a word. Say so now, and send the review card (or what went wrong) when it is read.
    later(request.conversation.reference, reading)
    return Reply(t._("Reading the plan \u2026 I will show you what I read in a moment."))


async def _pasted(request: Request, context: Context, reviews: PlanReviews) -> Reply:
    """A plan pasted into the chat: reviewed as the same plan sent as a text file would be."""
    t = request.t
    if request.conversation_kind != "personal":
        return Reply(t._("Send me the plan in a personal chat, and I will read it there."))
    text = str((request.form or {}).get("text") or "")
    label = t._("the text you pasted")
    try:
        review = await reviews.receive_text(request.district, _user(request), label, text, now=context.now)
    except PlanParseError as error:
        return Reply(cards.plan_problem(t, error, pasted=True))
    return cards.review_card(t, review)


async def _read(request: Request, context: Context, reviews: PlanReviews, name: str, url: str) -> Reply:
    """The review card for the plan's file, or one sentence saying what is wrong with it."""
    t = request.t
    try:
        review = await reviews.receive(request.district, _user(request), name, url, now=context.now)
    except PlanParseError as error:
        return Reply(cards.plan_problem(t, error))
    except Exception:  # noqa: BLE001 - the answer may come after the turn, where nothing else would tell them
        log.exception("reading the plan file %s failed", name)
        return Reply(
            t._(
                "I could not read {name}: something went wrong on my side. Send the file again; if it fails "
                "again, ask an administrator to import it on the server: "
                'python -m bot plan import FILE --district "{district}"'
            ).format(name=name, district=request.district)
        )
    return cards.review_card(t, review)


def _reviews(context: Context) -> PlanReviews:
    reviews = context.services.plan_reviews
    assert reviews is not None, "the app builds the plan reviews (bot/app.py)"
    return reviews


def _user(request: Request) -> str:
    return request.user.teams_user_id if request.user else ""


def _nothing(request: Request) -> Reply:
    return Reply(
        request.t._(
            "You have no plan waiting for review. Send me the plan as a file (PDF, Word, text or Markdown) "
            "in this chat, and I will show you what I read."
        )
    )
