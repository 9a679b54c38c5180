"""Goal commands: list, one goal, search."""

from __future__ import annotations

import asyncio
import re

from bot.cards import Reply
from bot.cards import goals as cards
from bot.commands import plans
from bot.commands.router import Context, Request, Router
from bot.i18n import N_
from bot.services.checkins import report_in
from bot.services.people import Role, allows

# "6", "#6", "nr 6", "nummer 6", "no. 6", "number 6"
_GOAL_NUMBER = re.compile(r"^(?:#|nr\.?\s*|nummer\s+|no\.?\s*|number\s+)?(\d{1,6})\.?$", re.IGNORECASE)


def register(router: Router) -> None:
    @router.command(
        "mål",
        "goals",
        "goal",
        usage=N_("goals [number]"),
        summary=N_("the plan's goals, or one goal in full"),
    )
    async def goals(request: Request, context: Context) -> Reply:
        """The plan's goals by section; with a number, that goal in full; with words, a search."""
        number = _GOAL_NUMBER.match(request.args)
        correction = None if number else plans.correction_in(request)
        if correction is not None:
            return await plans.correct(request, context, correction)
        if number:
            return await _goal(request, context, int(number.group(1)))
        plan = await asyncio.to_thread(context.progress.plan, request.district)
        if plan is None or not plan.goals:
            return _no_plan(request)
        if not request.args:
            return cards.goal_list(request.t, plan)
        found = plan.search(request.args)
        reported = report_in(request.text) if allows(request.roles, Role.CHAIR) else None
        if not found and reported is not None:  # "mål 4: 2 möten": a chair reporting, not searching
            suggestion = f"{router.command_word(request.t, 'report')} {reported}"
            return Reply(
                request.t._("Did you mean {suggestion}? Nothing was stored.").format(suggestion=suggestion)
            )
        return cards.search_results(request.t, request.args, found)

    @router.command(
        "sök", "search", "find", usage=N_("search WORD"), summary=N_("find goals that mention a word")
    )
    async def search(request: Request, context: Context) -> Reply:
        """Goals that mention every word given, forgiving case and å/ä/ö."""
        if not request.args:
            return Reply(request.t._("Write a word to search for, e.g. \u201csearch facebook\u201d."))
        plan = await asyncio.to_thread(context.progress.plan, request.district)
        if plan is None or not plan.goals:
            return _no_plan(request)
        return cards.search_results(request.t, request.args, plan.search(request.args))


async def _goal(request: Request, context: Context, number: int) -> Reply:
    board = allows(request.roles, Role.BOARD)
    answer = await asyncio.to_thread(
        context.progress.goal_answer,
        request.district,
        number,
        now=context.now,
        changes=board,
        reader=request.user,
    )
    plan = answer.plan
    if plan is None or not plan.goals:
        return _no_plan(request)
    if answer.found is None:
        return Reply(
            request.t._(
                "There is no goal {number}. The plan has goals 1\u2013{last}; write goals to see them."
            ).format(number=number, last=len(plan.goals))
        )
    return cards.goal_detail(
        request.t, plan, answer.found, today=context.progress.today(context.now), posts=answer.posts
    )


def _no_plan(request: Request) -> Reply:
    return Reply(
        request.t._(
            "{district} has no plan loaded yet. A board member sends it to me as a file (PDF, Word or "
            "text) in a personal chat, or an administrator imports it on the server: "
            'python -m bot plan import FILE --district "{district}"'
        ).format(district=request.district)
    )
