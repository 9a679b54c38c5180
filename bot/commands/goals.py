"""Goal commands: list, one goal, search."""

from __future__ import annotations

import asyncio

from bot.cards import Reply
from bot.cards import goals as cards
from bot.commands import plans
from bot.commands.router import Context, Request, Router
from bot.i18n import N_
from bot.services.goals import goal_number
from bot.services.people import Role, allows


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
        number = goal_number(request.args)
        correction = None if number is not None else plans.correction_in(request)
        if correction is not None:
            return await plans.correct(request, context, correction)
        if number is not None:
            return await _goal(request, context, number)
        plan = await asyncio.to_thread(context.progress.plan, request.district)
        if plan is None or not plan.goals:
            return _no_plan(request)
        if not request.args:
            return cards.goal_list(request.t, plan)
        return cards.search_results(request.t, request.args, plan.search(request.args))

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
        context.progress.goal_answer, request.district, number, now=context.now, changes=board
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
            "{district} has no plan loaded yet. An administrator can import it with: "
            "python -m bot plan import FILE --district \u201c{district}\u201d"
        ).format(district=request.district)
    )
