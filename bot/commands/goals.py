"""Goal commands: list, one goal, search."""

from __future__ import annotations

import asyncio
import re

from bot.cards import Reply
from bot.cards import goals as cards
from bot.commands import plans
from bot.commands.router import Context, Request, Router
from bot.i18n import N_
from bot.services.engagement import PostsTally, tally
from bot.services.goals import Plan

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
        plan = await asyncio.to_thread(context.progress.plan, request.district)
        if plan is None or not plan.goals:
            return _no_plan(request)
        if number:
            return await _goal(request, context, plan, int(number.group(1)))
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


async def _goal(request: Request, context: Context, plan: Plan, number: int) -> Reply:
    goal = plan.goal(number)
    if goal is None:
        return Reply(
            request.t._(
                "There is no goal {number}. The plan has goals 1\u2013{last}; write goals to see them."
            ).format(number=number, last=len(plan.goals))
        )
    found = await asyncio.to_thread(context.progress.goal, plan, goal, now=context.now)
    posts = await _posts(request, context) if goal.counts_posts else None
    return cards.goal_detail(request.t, plan, found, today=context.progress.today(context.now), posts=posts)


async def _posts(request: Request, context: Context) -> PostsTally | None:
    """The bot's posts for the plan's goal for posts: made against the target, and discussions started."""
    desk, counter = context.services.prompts, context.services.engagement
    if desk is None or counter is None:
        return None
    records = await asyncio.to_thread(desk.prompts.posts, request.district, limit=1000)
    zone = context.services.zone
    sent = [
        (p.sent_at.astimezone(zone).date(), p.engagement)
        for p in records
        if p.sent_at and p.outcome == "sent"
    ]
    reads = await asyncio.to_thread(counter.store.reads_channels, request.district)
    return tally(sent, context.now.astimezone(zone).date(), reads_replies=reads)


def _no_plan(request: Request) -> Reply:
    return Reply(
        request.t._(
            "{district} has no plan loaded yet. An administrator can import it with: "
            "python -m bot plan import FILE --district \u201c{district}\u201d"
        ).format(district=request.district)
    )
