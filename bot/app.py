"""The composition root: create_app(settings) builds everything and returns the aiohttp application."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import secrets
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from typing import IO, Any

from aiohttp import web, web_log
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

from bot import tab
from bot.cards import clock
from bot.commands import Services, build_router
from bot.config import Settings
from bot.db import migrate
from bot.db.checkins import CheckInRepository
from bot.db.dialogs import DialogStates
from bot.db.engagement import EngagementRepository
from bot.db.engine import Database
from bot.db.followups import FollowUpRepository
from bot.db.people import DistrictRepository, PeopleRepository
from bot.db.privacy import PrivacyRepository
from bot.db.prompts import PromptRepository
from bot.db.repository import Repository
from bot.documents import DOCX_TYPE
from bot.documents import annual as annual_document
from bot.documents import dashboard as dashboard_document
from bot.documents import followup as followup_document
from bot.files import download
from bot.i18n import pick_language, translator
from bot.notifier import Notifier
from bot.sdk import Incoming, InvokeAnswer, Message, Sdk, SdkSettings, endpoint
from bot.sdk import load as load_sdk
from bot.services.checkins import Reporting
from bot.services.clock import Clock, utc_now
from bot.services.engagement import EngagementCounter, counting_since
from bot.services.export import DashboardQuery, DocumentQuery, ExportLinks, ExportQuery, export_csv
from bot.services.followup import BoardReports, PlanYearMismatch
from bot.services.people import PersonInfo, Role, allows
from bot.services.plan_import import ensure_sample_plan
from bot.services.plan_review import PlanReviews
from bot.services.privacy import DOWNLOAD_FILENAME, DataSubject, RetentionResult, render_json, run_retention
from bot.services.progress import Progress
from bot.services.prompt_desk import PromptDesk
from bot.tab import SCRIPT_POLICY, TAB_POLICY
from bot.teams import DistrictBot
from dialogs.plan_reviews import DialogReviewStore
from schedules.engagement import EngagementDigest
from schedules.poster import PromptPoster
from schedules.reporting import ReportReminders
from schedules.scheduler import PromptScheduler

log = logging.getLogger(__name__)


def sdk_settings(settings: Settings) -> SdkSettings:
    """The app registration, as an SDK adapter (bot/sdk) is made from it."""
    return SdkSettings(
        app_id=settings.microsoft_app_id,
        app_password=settings.microsoft_app_password.get_secret_value(),
        app_type=settings.microsoft_app_type,
        tenant_id=settings.microsoft_app_tenant_id,
    )


def make_sdk(settings: Settings) -> Sdk:
    """The adapter of the SDK BOT_SDK names (bot/sdk)."""
    return load_sdk(settings.bot_sdk, sdk_settings(settings))


@dataclass
class Components:
    """Everything one bot instance is made of; built once, shared by the server and the terminal chat."""

    settings: Settings
    database: Database
    repository: Repository
    people: PeopleRepository
    prompts: PromptRepository
    desk: PromptDesk
    bot: DistrictBot
    clock: Clock
    exports: ExportLinks  # signs and reads the export's download links

    def start(self, *, upgrade: bool = True) -> None:
        """Create or upgrade the schema (unless the caller has), and load the sample plan on first run."""
        if upgrade:
            migrate.upgrade(self.database)
        if ensure_sample_plan(self.repository, self.clock, self.settings.zone, self.settings.district):
            log.info("loaded the sample plan: the database had no plan yet")

    def stop(self) -> None:
        self.database.dispose()


def plan_reviews_on(repository: Repository) -> PlanReviews:
    """Plans sent as files, kept for review with the dialog states, imported into `repository`."""
    return PlanReviews(DialogReviewStore(DialogStates(repository.db)), repository, download)


def build(settings: Settings, *, clock: Clock = utc_now) -> Components:
    database = Database(settings.database_url)
    repository = Repository(database)
    people = PeopleRepository(database)
    prompts = PromptRepository(database)
    desk = PromptDesk(prompts, people, clock, timezone=settings.timezone)
    checkins = CheckInRepository(database)
    engagement = EngagementRepository(database)
    progress = Progress(repository, checkins, settings.zone, prompts=prompts, engagement=engagement)
    services = Services(
        repository=repository,
        people=people,
        checkins=checkins,
        progress=progress,
        reporting=Reporting(checkins),
        districts=DistrictRepository(database),
        admins=frozenset(settings.admins),
        zone=settings.zone,
        prompts=desk,
        reports=BoardReports(progress, FollowUpRepository(database), checkins, people, prompts),
        plan_reviews=plan_reviews_on(repository),
        language=settings.language,
        engagement=EngagementCounter(engagement),
    )
    exports = export_links(settings)
    bot = DistrictBot(
        router=build_router(export_links=exports), services=services, settings=settings, clock=clock
    )
    return Components(settings, database, repository, people, prompts, desk, bot, clock, exports)


def report_reminders(components: Components, notifier: Notifier) -> ReportReminders:
    """The quarter's reminders to report and the board's digest (schedules/reporting.py)."""
    settings = components.settings
    return ReportReminders(
        repository=components.repository,
        people=components.people,
        checkins=CheckInRepository(components.database),
        notifier=notifier,
        clock=components.clock,
        timezone=settings.timezone,
        days=settings.report_reminder_days,
        t=translator(settings.language),
        prompts=components.prompts,
    )


async def remind_now(settings: Settings) -> int:
    """`python -m bot remind`: the daily reminder job, run now (after an outage, or to try it out); each
    reminder still goes once per person and quarter. How many people were reminded."""
    components = build(settings)
    components.start()
    sdk = make_sdk(settings)
    try:
        result = await report_reminders(components, Notifier(sdk.outbound)).run()
    finally:
        components.stop()
        await sdk.close()  # the clients it keeps across turns
    return result.reminded


def export_links(settings: Settings) -> ExportLinks:
    """EXPORT_SECRET, or a random secret for this process only (its links die with it)."""
    secret = settings.export_secret.get_secret_value().encode("utf-8") or secrets.token_bytes(32)
    return ExportLinks(secret, base_url=settings.public_base_url, lifetime=settings.export_link_lifetime)


COMPONENTS = web.AppKey("components", Components)
SDK = web.AppKey("sdk", object)
SCHEDULER = web.AppKey("scheduler", PromptScheduler)


def create_app(settings: Settings, *, clock: Clock = utc_now, upgraded: bool = False) -> web.Application:
    """The server; `upgraded`: the schema is at its head already (`serve` upgrades it in a child process)."""
    components = build(settings, clock=clock)
    # The SDK BOT_SDK names, behind its adapter (bot/sdk): authentication, turns in, messages out.
    sdk = make_sdk(settings)

    app = web.Application(client_max_size=settings.max_request_bytes)
    app[COMPONENTS] = components
    app[SDK] = sdk

    notifier = Notifier(sdk.outbound)

    def retention() -> list[RetentionResult]:
        """The daily retention job's work (RETENTION_MONTHS; bot/services/privacy.py), and the dialogs
        left unanswered (bot/db/dialogs.py)."""
        DialogStates(components.database).forget_unanswered(now=clock())
        # Who replied to a post is kept only while its replies are counted (bot/services/engagement.py).
        EngagementRepository(components.database).forget_past_counting(since=counting_since(clock()))
        return run_retention(
            PrivacyRepository(components.database),
            now=clock(),
            months=settings.retention_months,
            zone=settings.zone,
        )

    scheduler = PromptScheduler(
        prompts=components.prompts,
        desk=components.desk,
        poster=PromptPoster(
            prompts=components.prompts,
            people=components.people,
            repository=components.repository,
            notifier=notifier,
            clock=clock,
            grace=settings.post_grace,
            t=translator(settings.language),
            lease=settings.claim_lease,
            retry_later=timedelta(seconds=settings.post_retry_seconds),
        ),
        clock=clock,
        timezone=settings.timezone,
        grace=settings.post_grace,
        reporting=report_reminders(components, notifier),
        retention=retention,
        engagement=EngagementDigest(
            prompts=components.prompts,
            engagement=EngagementRepository(components.database),
            people=components.people,
            checkins=CheckInRepository(components.database),
            notifier=notifier,
            clock=clock,
            timezone=settings.timezone,
            t=translator(settings.language),
        ),
    )
    app[SCHEDULER] = scheduler

    async def startup(app: web.Application) -> None:
        await asyncio.to_thread(components.start, upgrade=not upgraded)
        await scheduler.start()
        # What start-up built (the SDK, SQLAlchemy, the catalogues) lives as long as the process: move it
        # out of the collector's reach, so collections during turns stay short (p99 latency).
        gc.collect()
        gc.freeze()

    async def cleanup(app: web.Application) -> None:
        await scheduler.drain()
        scheduler.shutdown()
        components.stop()
        await sdk.close()  # the clients it keeps across turns

    app.on_startup.append(startup)
    app.on_cleanup.append(cleanup)
    app.router.add_post(
        "/api/messages",
        endpoint(
            sdk,
            components.bot.on_turn,
            has_credentials=settings.has_credentials,
            max_request_bytes=settings.max_request_bytes,
        ),
    )
    app.router.add_get("/healthz", _healthz(components))
    app.router.add_get("/exports/{token}", _export(components))
    app.router.add_get("/dashboard/{token}", _dashboard(components))
    tokens = tab.TabTokens(settings)
    app.router.add_get("/tab", tab.page(components, tokens))
    app.router.add_post("/tab/dashboard", tab.dashboard(components, tokens))
    app.router.add_get("/tab/configure", _tab_configure(settings))
    app.router.add_get("/tab/{script:teams|configure|sso}.js", _tab_script)
    return app


def _problem(status: int, detail: str) -> web.Response:
    return web.json_response({"error": detail}, status=status)


class AccessLogger(web_log.AccessLogger):
    """aiohttp's access log, with export tokens (valid download links) left out of it, and without the
    activities the bot took: each of those has its own line (`bot.turns`, DistrictBot.on_turn) saying
    more, so a message costs one line, not two. Refused activities (4xx, 5xx) are still logged here."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        if response.status < 400 and request.path == "/api/messages":
            return
        if request.path.startswith("/exports/"):
            request = request.clone(rel_url="/exports/…")
        elif request.path.startswith("/dashboard/"):
            request = request.clone(rel_url="/dashboard/…")
        super().log(request, response, time)


def _healthz(components: Components) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def healthz(_: web.Request) -> web.Response:
        ok = await asyncio.to_thread(components.repository.ping)
        return web.json_response(
            {"status": "ok" if ok else "database unavailable"}, status=200 if ok else 503
        )

    return healthz


def _export(components: Components) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The board's CSV export behind a signed link that expires (bot/commands/export.py hands them out)."""

    async def export(request: web.Request) -> web.StreamResponse:
        token = request.match_info.get("token", "")
        query = components.exports.read(token, now=components.clock())
        if query is None:
            subject = components.exports.read_personal(token, now=components.clock())
            if subject is not None:
                return await _personal_data(components, subject)
            document = components.exports.read_document(token, now=components.clock())
            if document is not None:
                return await _document(components, document)
            # Forged, changed, expired or garbage: one answer for all, nothing about which.
            return _problem(403, "forbidden")
        if not await asyncio.to_thread(_may_still_export, components, query):
            log.info("refused an export link: whoever made it may no longer export in that district")
            return _problem(403, "forbidden")
        checkins = components.bot.services.checkins
        made = await asyncio.to_thread(
            export_csv, checkins, query, translator(query.language), components.settings.zone
        )
        return web.Response(
            body=made.data,
            headers={
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": f'attachment; filename="{made.filename}"',
                # The URL is the credential: keep the file out of caches and the link out of Referer headers.
                "Cache-Control": "no-store",
                "Referrer-Policy": "no-referrer",
                "X-Content-Type-Options": "nosniff",
            },
        )

    return export


def _may_still_export(components: Components, query: ExportQuery) -> bool:
    """Whether whoever made an export link may export it now: the board (or an admin) any, a chair (or
    deputy) their own branch's, as `exportera` hands them out."""
    if _still_allowed(components, query.made_by, query.district, Role.BOARD):
        return True
    if query.made_by is None or query.branch is None:
        return False
    chairs = components.bot.services.checkins.chair_of(query.made_by, query.district)
    return query.branch in {branch.name for branch in chairs}


def _still_allowed(components: Components, maker: PersonInfo | None, district: str, role: Role) -> bool:
    """Whether whoever made a link still holds `role` in the district (or is an admin)."""
    if maker is None:
        return False  # a link that names no one (made before links carried their maker)
    if maker.aad_object_id and maker.aad_object_id in components.settings.admins:
        return True
    return allows(components.people.roles(maker, district), role)


# The headers of everything served behind a signed link: the URL is the credential, so the answer stays out
# of caches and the link out of Referer headers.
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
# The dashboard asks the browser for nothing: no script, no font, no image but its own inline SVG, and
# no frame may show it (the Teams tab shows it signed in instead: bot/tab.py).
DASHBOARD_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


async def _document(components: Components, query: DocumentQuery) -> web.StreamResponse:
    """A board document (the follow-up or the year's report) as Word, made when the link is opened."""
    if not await asyncio.to_thread(_still_allowed, components, query.made_by, query.district, Role.BOARD):
        log.info("refused a document link: whoever made it is no longer on that district's board")
        return _problem(403, "forbidden")
    made = await asyncio.to_thread(make_document, components, query)
    if made is None:
        return _problem(404, "not found")
    data, name = made
    return web.Response(
        body=data,
        headers={
            "Content-Type": DOCX_TYPE,
            "Content-Disposition": f'attachment; filename="{name}"',
            **PRIVATE_HEADERS,
        },
    )


def make_document(components: Components, query: DocumentQuery) -> tuple[bytes, str] | None:
    """The document a link (or the command line) asks for, and its file name; None without a plan."""
    reports = components.bot.services.reports
    assert reports is not None
    t = translator(query.language)
    now = components.clock()
    if query.kind == "followup":
        found = reports.follow_up(query.district, now=now, start=query.since)
        return (
            None if found is None else (followup_document.render(t, found), followup_document.filename(found))
        )
    try:
        report = reports.annual(query.district, query.year, now=now)
    except PlanYearMismatch:
        return None
    return None if report is None else (annual_document.render(t, report), annual_document.filename(report))


def _dashboard(components: Components) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The plan's dashboard behind a signed link that expires (bot/commands/followup.py hands them out)."""

    async def dashboard(request: web.Request) -> web.StreamResponse:
        now = components.clock()
        query = components.exports.read_dashboard(request.match_info.get("token", ""), now=now)
        if query is None or not await asyncio.to_thread(
            _still_allowed, components, query.made_by, query.district, Role.CHAIR
        ):
            return _problem(403, "forbidden")
        page = await asyncio.to_thread(_dashboard_page, components, query, now)
        if page is None:
            return _problem(404, "not found")
        return web.Response(
            text=page,
            content_type="text/html",
            charset="utf-8",
            headers={"Content-Security-Policy": DASHBOARD_POLICY, **PRIVATE_HEADERS},
        )

    return dashboard


def _dashboard_page(components: Components, query: DashboardQuery, now: datetime) -> str | None:
    reports = components.bot.services.reports
    assert reports is not None
    board = reports.dashboard(query.district, now=now, first_branch=query.branch_id)
    if board is None:
        return None
    expires = query.expires or now
    t = translator(query.language)
    return dashboard_document.render(t, board, until=clock(t, expires, components.settings.zone))


def _tab_language(request: web.Request, settings: Settings) -> str:
    return pick_language(request.query.get("locale"), settings.language)


def _tab_configure(settings: Settings) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The channel tab's configuration page: nothing to choose, it saves the tab page (data/teams-js)."""

    async def configure(request: web.Request) -> web.StreamResponse:
        t = translator(_tab_language(request, settings))
        return web.Response(
            text=dashboard_document.configure_page(t, base_url=settings.public_base_url),
            content_type="text/html",
            charset="utf-8",
            headers={
                "Content-Security-Policy": TAB_POLICY.replace("default-src 'none'", SCRIPT_POLICY),
                "X-Content-Type-Options": "nosniff",
            },
        )

    return configure


async def _tab_script(request: web.Request) -> web.StreamResponse:
    script_name = request.match_info["script"]
    name = "MicrosoftTeams.min.js" if script_name == "teams" else f"{script_name}.js"
    script = resources.files("bot.data").joinpath("teams-js", name).read_bytes()
    return web.Response(
        body=script,
        content_type="text/javascript",
        charset="utf-8",
        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=3600"},
    )


async def _personal_data(components: Components, subject: DataSubject) -> web.StreamResponse:
    """A member's own data as JSON (`mina data`, bot/commands/privacy.py), behind the same kind of link."""
    data = await asyncio.to_thread(PrivacyRepository(components.database).collect_for, subject)
    if data is None:
        # They were forgotten since, or the id now belongs to someone else: as for any dead link.
        return _problem(403, "forbidden")
    return web.Response(
        body=render_json(data, now=components.clock()),
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Content-Disposition": f'attachment; filename="{DOWNLOAD_FILENAME}"',
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
        },
    )


# Who writes in the terminal chat. It runs as an administrator: whoever runs it holds the database anyway.
TERMINAL_USER = "terminal"


class _ChatTurn:
    """A line of the terminal chat as a turn (bot/sdk.Turn): no SDK, the replies collected."""

    def __init__(self, activity: Incoming) -> None:
        self.activity = activity
        self.state: dict[str, Any] = {}
        self.replies: list[Message] = []

    async def send(self, message: Message) -> str | None:
        self.replies.append(message)
        return str(len(self.replies))

    def answer_invoke(self, answer: InvokeAnswer) -> None:
        pass


async def run_chat(settings: Settings, stdin: IO[str] = sys.stdin, stdout: IO[str] = sys.stdout) -> None:
    """A terminal chat with the same bot in-process (same router, same database): a line in, the reply out."""
    settings = settings.model_copy(update={"admins": [*settings.admins, TERMINAL_USER]})
    components = build(settings)
    await asyncio.to_thread(components.start)
    interactive = stdin.isatty()
    number = 0
    try:
        while True:
            if interactive:
                stdout.write("> ")
                stdout.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            if not line.strip():
                continue
            number += 1
            turn = _ChatTurn(Incoming(_chat_message(line.strip(), number, settings.language)))
            await components.bot.on_turn(turn)
            for reply in turn.replies:
                stdout.write(_as_text(reply) + "\n\n")
            stdout.flush()
    finally:
        components.stop()


def _chat_message(text: str, number: int, language: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": str(number),
        "text": text,
        "channelId": "chat",
        "serviceUrl": "https://chat.invalid/",
        "conversation": {"id": "terminal-chat", "conversationType": "personal"},
        "from": {"id": "terminal-user", "name": "Terminal", "aadObjectId": TERMINAL_USER},
        "recipient": {"id": "bot", "name": "Distriktsboten"},
        "locale": language,
    }


def _as_text(message: Message) -> str:
    if message.card is None:
        return message.text
    return json.dumps([message.card], ensure_ascii=False)
