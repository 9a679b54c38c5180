"""The check-in form in Teams: offered on a bare `rapportera`, read and stored when it is submitted.

Stateless: the card carries what was filled in, so a mistake is answered with the form filled in again.
Storing and who may report for which branch are the one-line command's (`store_check_in`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.cards import Reply
from bot.cards.checkin_form import Entries, form
from bot.commands.checkins import may_report, problem, store_check_in
from bot.commands.router import Context, Request, refusal
from bot.services.checkins import CheckInError
from bot.services.goals import Plan
from bot.services.roles import Role
from dialogs.checkin_entries import read_entries


async def open_check_in(request: Request, context: Context) -> tuple[Plan, date] | Reply:
    """The plan to report on and today's date in the district, or why the sender cannot report."""
    plan = await asyncio.to_thread(context.repository.plan, request.district)
    if plan is None or not plan.goals:
        return Reply(request.t._("There is no plan to report on yet."))
    if not await may_report(request, context):
        return await refusal(request, context, Role.CHAIR)
    return plan, today_in_district(context)


async def offer_form(request: Request, context: Context) -> Reply:
    """The empty form, the date set to today."""
    opened = await open_check_in(request, context)
    if isinstance(opened, Reply):
        return opened
    plan, today = opened
    return form(request.t, plan, today=today)


async def submit_form(request: Request, context: Context, data: Mapping[str, Any]) -> Reply:
    """Store a submitted form, or answer with what was wrong and the form again as it was filled in."""
    t = request.t
    plan = await asyncio.to_thread(context.repository.plan, request.district)
    if plan is None or not plan.goals:
        return Reply(t._("There is no plan to report on yet."))
    today = today_in_district(context)
    entries = Entries.from_submit(data)
    try:
        goal, draft = read_entries(plan, entries, today=today)
    except CheckInError as error:
        return form(t, plan, today=today, entries=entries, problem=problem(t, error, plan, example=False))
    return await store_check_in(request, context, goal, draft)


def today_in_district(context: Context) -> date:
    return context.now.astimezone(context.services.zone).date()
