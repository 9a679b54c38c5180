"""The board's follow-up (`uppföljning [sedan DATUM]`), the year's report (`verksamhetsberättelse 2027`) and
the dashboard (`översikt`): cards in chat, with signed links that expire to the Word documents and the
dashboard page (bot/app.py serves them; bot/services/followup.py says what they hold).

Links go only to a personal chat: anyone in a channel or group chat could open a link posted there. In a
channel the follow-up's card is shown without its document.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.cards import Reply, clock, day, day_first
from bot.cards.export import link_card
from bot.cards.followup import follow_up_card
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, Translator, fold
from bot.services import dates
from bot.services.export import DashboardQuery, DocumentQuery, ExportLinks
from bot.services.followup import PlanYearMismatch, SinceError
from bot.services.goals import number_in
from bot.services.people import Role
from bot.services.progress import Pace


def register(router: Router, links: ExportLinks | None) -> None:
    @router.command(
        "uppföljning",
        "follow-up",
        "followup",
        usage=N_("follow-up [since DATE]"),
        summary=N_("what has happened since the last follow-up, for the board meeting (card and Word)"),
        role=Role.BOARD,
    )
    async def follow_up(request: Request, context: Context) -> Reply:
        t = request.t
        reports = context.services.reports
        if reports is None:
            return Reply(t._("Documents are not available here."))
        try:
            found = await asyncio.to_thread(
                reports.follow_up, request.district, now=context.now, asked=request.args
            )
        except SinceError as error:
            if error.day is not None:  # as written and as read: "3/12 (3 Dec 2026)"
                written = error.text
                if written != error.day.isoformat():
                    written += f" ({day(t, error.day)})"
                message = t._("{date} has not happened yet; give a day that has passed.")
                return Reply(message.format(date=written))
            if (swapped := dates.day_first(error.text)) is not None:
                return Reply(day_first(t, error.text, *swapped))
            return Reply(
                t._("“{text}” is not a date. Write e.g. follow-up since 12/3, or follow-up alone.").format(
                    text=error.text
                )
            )
        if found is None:
            return Reply(t._("There is no plan to report on yet."))
        url, minutes, until = None, 0, ""
        if links is not None and request.conversation_kind == "personal":
            query = DocumentQuery("followup", request.district, t.language, request.user, since=found.since)
            url, expires = links.document_link(query, now=context.now)
            minutes, until = _lifetime(links), clock(t, expires, context.services.zone)
        note = None
        if url is None and links is not None:
            note = t._("Ask me in our personal chat for the same as a Word document.")
        return follow_up_card(t, found, url=url, minutes=minutes, until=until, note=note)

    @router.command(
        "verksamhetsberättelse",
        "verksamhetsberättelsen",
        "årsberättelse",
        "årsrapport",
        "annual",
        "year-end",
        usage=N_("annual report YEAR"),
        summary=N_("a draft of the year's report on the plan, as a Word document"),
        role=Role.BOARD,
    )
    async def annual(request: Request, context: Context) -> Reply:
        t = request.t
        reports = context.services.reports
        if links is None or reports is None:
            return Reply(t._("Documents are not available here."))
        if request.conversation_kind != "personal":
            return Reply(_personal_only(t))
        # "annual report for 2026", "verksamhetsberättelse för år 2026!": the year is the one number.
        words = [fold(w) for w in request.args.split()]
        words = [w for w in words if w and w not in _ANNUAL_FILLER]
        year = number_in(words[0], digits=4) if len(words) == 1 else None
        if words and year is None:  # the example is the plan's year, which the command then takes
            plan = await asyncio.to_thread(context.progress.plan, request.district)
            example = (plan and plan.year) or context.progress.today(context.now).year
            return Reply(t._("Write the year, e.g. annual report {year}.").format(year=example))
        try:
            found = await asyncio.to_thread(reports.annual, request.district, year, now=context.now)
        except PlanYearMismatch as mismatch:
            return Reply(
                t._("The plan is for {year}; write annual report {year}.").format(year=mismatch.plan_year)
            )
        if found is None:
            return Reply(t._("There is no plan to report on yet."))
        year = found.year
        query = DocumentQuery("annual", request.district, t.language, request.user, year=year)
        url, expires = links.document_link(query, now=context.now)
        title = t._("The {year} report: a draft").format(year=year)
        done = sum(1 for g in found.goals if g.progress.year.pace is Pace.DONE)
        what = " ".join(
            [
                t.ngettext(
                    "{done} of {goals} goal reached.", "{done} of {goals} goals reached.", len(found.goals)
                ).format(done=done, goals=len(found.goals)),
                t.ngettext(
                    "{count} discussion prompt posted.",
                    "{count} discussion prompts posted.",
                    len(found.prompts),
                ).format(count=len(found.prompts)),
                t._(
                    "The draft has a heading per section and goal, the results, the reporters' comments and "
                    "a marked place for the board's own words."
                ),
            ]
        )
        note = _link_note(t, links, expires, context)
        return link_card(title, what, note, url, button=t._("Download as Word"))

    @router.command(
        "översikt",
        "dashboard",
        "overview",
        usage=N_("dashboard"),
        summary=N_("the plan's dashboard: charts of every goal, branch and prompt"),
        role=Role.CHAIR,
    )
    async def dashboard(request: Request, context: Context) -> Reply:
        t, reports = request.t, context.services.reports
        if links is None:
            return Reply(t._("The dashboard is not available here."))
        if request.conversation_kind != "personal":
            return Reply(_personal_only(t))
        assert request.user is not None
        branch_id = None
        if not (Role.BOARD in request.roles or Role.ADMIN in request.roles) and reports is not None:
            branch_id = await asyncio.to_thread(reports.chaired_branch, request.user, request.district)
        query = DashboardQuery(request.district, t.language, request.user, branch_id)
        url, expires = links.dashboard_link(query, now=context.now)
        title = t._("The plan's dashboard")
        what = t._(
            "Every goal against its target, each branch's reports, the year so far and the prompts posted."
        )
        note = _link_note(t, links, expires, context)
        return link_card(title, what, note, url, button=t._("Open the dashboard"))


_ANNUAL_FILLER = frozenset(("report", "rapport", "for", "the", "year", "ar", "aret", "over", "of"))


def _lifetime(links: ExportLinks) -> int:
    return round(links.lifetime.total_seconds() / 60)


def _link_note(t: Translator, links: ExportLinks, expires: datetime, context: Context) -> str:
    return t._(
        "The link works for {minutes} minutes, until {time}. Anyone who has it can open it: "
        "do not pass it on."
    ).format(minutes=_lifetime(links), time=clock(t, expires, context.services.zone))


def _personal_only(t: Translator) -> str:
    return t._("Ask me for this in our personal chat: anyone in this conversation could open the link.")
