"""The board's export: `exportera [2027-Q2] [Sundsvall] [mål 6] [återkallade]` answers with a download link.

The link (see bot/services/export.py) carries the filters and its expiry, signed; `GET /exports/{token}` in
bot/app.py answers the CSV. Only the board and admins may ask (the router checks `role=`), and only in a
personal chat: a link posted in a channel or group chat could be opened by everyone in it. A chair (or
deputy) exports their own branch's check-ins only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bot.cards import Reply, clock, listed
from bot.cards import export as cards
from bot.commands.people import unknown_branch
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, Translator
from bot.services.branches import BranchName
from bot.services.export import (
    ExportFilterError,
    ExportLinks,
    ExportProblem,
    ExportQuery,
    check_export,
    parse_words,
)
from bot.services.people import Role, allows


def register(router: Router, links: ExportLinks | None) -> None:
    @router.command(
        "exportera",
        "export",
        usage=N_("export [PERIOD] [BRANCH] [goal N]"),
        summary=N_("download the check-ins as a spreadsheet (CSV)"),
        role=Role.CHAIR,  # a chair (or deputy) exports their own branch's; the board any
    )
    async def export(request: Request, context: Context) -> Reply:
        """Check the filters against the plan, count what matches, and answer with a link that expires."""
        t = request.t
        if links is None:
            return Reply(t._("Exports are not available here; use: python -m bot export checkins"))
        if request.conversation_kind != "personal":
            return Reply(
                t._(
                    "Ask me for an export in our personal chat: anyone in this conversation could open the "
                    "download link."
                )
            )
        try:
            words = parse_words(request.args, context.progress.today(context.now))
        except ExportFilterError as error:
            return Reply(problem(t, error))  # the words alone are wrong: no plan needed to say so
        asked = ExportQuery(
            district=request.district,
            period=words.period,
            branch=words.branch,
            goal=words.goal,
            include_withdrawn=words.include_withdrawn,
            language=t.language,
            made_by=request.user,
        )
        board = allows(request.roles, Role.BOARD)
        found = await asyncio.to_thread(check_export, context.progress, context.checkins, asked, board=board)
        query = found.query
        if found.problem is not None:
            return Reply(problem(t, found.problem, goals=found.goals, branches=found.branches))
        if found.own is not None:
            mine = [f"{request.command} {name}" for name in found.own]
            if not words.branch:  # a chair of several branches asked for "their" reports
                return Reply(
                    t._("Which of your branches? Write {commands}").format(
                        commands=listed(t, mine, either=True)
                    )
                )
            return Reply(
                t._("You can export only your own branch's reports: write {commands}").format(
                    commands=listed(t, mine, either=True)
                )
            )
        if not found.count:
            if query.period is None and not query.branch and query.goal is None:
                return Reply(t._("There are no reports to export yet."))
            return Reply(
                t._("There are no reports for {filters}, so there is nothing to export.").format(
                    filters=describe(t, query)
                )
            )
        url, expires = links.link(query, now=context.now)
        return cards.download(
            t,
            url,
            filters=describe(t, query),
            count=found.count,
            minutes=round(links.lifetime.total_seconds() / 60),
            until=clock(t, expires, context.services.zone),
        )


def describe(t: Translator, query: ExportQuery) -> str:
    """The filters in words: "2027-Q2, Sundsvall, goal 6", or "All check-ins"."""
    parts = []
    if query.period is not None:
        parts.append(query.period.label)
    if query.branch:
        parts.append(query.branch)
    if query.goal is not None:
        parts.append(t._("goal {number}").format(number=query.goal))
    if query.include_withdrawn:  # "All check-ins, withdrawn ones included", not begun in lower case
        parts = [*(parts or [t._("All check-ins")]), t._("withdrawn ones included")]
    return ", ".join(parts) if parts else t._("All check-ins")


def problem(t: Translator, error: ExportFilterError, *, goals: int = 0, branches: Sequence[str] = ()) -> str:
    """What was wrong with the filters, and how to write them."""
    example = t._("For example: export 2027-Q2 Sundsvall")
    if error.code is ExportProblem.UNKNOWN_BRANCH:
        return unknown_branch(t, error.detail, [BranchName(name) for name in branches])
    if error.code is ExportProblem.UNKNOWN_GOAL:
        return t._("There is no goal {detail}; the plan has goals 1–{last}.").format(
            detail=error.detail, last=goals
        )
    messages = {
        ExportProblem.BAD_PERIOD: t._(
            "“{detail}” is not a period: write a year (2027), a quarter (2027-Q2) or a month (2027-05)."
        ),
        ExportProblem.TWO_PERIODS: t._("Give one period at most: a year, a quarter or a month."),
        ExportProblem.BAD_GOAL: t._("Write the goal's number after “goal”, e.g. export goal 6."),
    }
    return messages[error.code].format(detail=error.detail) + " " + example
