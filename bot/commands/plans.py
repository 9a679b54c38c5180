"""Plan commands: a plan's file sent in chat, its review (import, correct first, cancel), and corrections
("mål 6 mål 4 per kvartal", "områden Vården, Bostäder"). Board members and administrators only."""

from __future__ import annotations

import asyncio

from bot.cards import Reply
from bot.cards import plan_review as cards
from bot.commands.router import Context, Request, Router, roles_of
from bot.i18n import N_, fold
from bot.services.people import Role, allows
from bot.services.plan import PlanParseError
from bot.services.plan_corrections import Correction, CorrectionError, Field, parse_correction
from bot.services.plan_review import PlanReviews, Review

UPLOAD_FORM = "plan-upload"  # bot/teams.py turns a file sent in chat into this form

_IMPORT = {"importera", "import"}
_CORRECT = {"ratta", "correct", "andra"}
_CANCEL = {"avbryt", "cancel"}


def register(router: Router) -> None:
    @router.command(
        "plan",
        usage=N_("plan [import|correct|cancel]"),
        summary=N_("the plan you sent me as a file: review it, then import it or cancel"),
        role=Role.BOARD,
        forms=(UPLOAD_FORM,),
    )
    async def plan(request: Request, context: Context) -> Reply:
        reviews = _reviews(context)
        if request.form is not None:
            return await _upload(request, context, reviews)
        t = request.t
        user = _user(request)
        word = fold(request.args.split(" ", 1)[0]) if request.args else ""
        if word in _IMPORT:
            summary = await asyncio.to_thread(reviews.finish, request.district, user, now=context.now)
            return cards.imported(t, request.district, summary) if summary else _nothing(request)
        if word in _CANCEL:
            found = await asyncio.to_thread(reviews.cancel, request.district, user, now=context.now)
            return Reply(t._("Cancelled: nothing was imported.")) if found else _nothing(request)
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
        return await correct(request, context, Correction(Field.AREAS, None, request.args))


async def correct(request: Request, context: Context, correction: Correction) -> Reply:
    """A correction to the plan under review ("mål 6 mål 4 per kvartal"); the goals command hands it here."""
    t = request.t
    if not allows(await roles_of(request.user, request.district, context), Role.BOARD):
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
    try:
        review = await reviews.receive(request.district, _user(request), name, url, now=context.now)
    except PlanParseError as error:
        return Reply(cards.plan_problem(t, error))
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
