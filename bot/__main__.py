"""`python -m bot`: serve the bot (default), or `chat`, `plan import`, `people`, `teams`, `export`,
`followup`, `annual-report`, `manifest`, `backup`, `db upgrade`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import logsafe
from bot.config import ConfigError, Settings, load_settings
from bot.db.engine import DatabaseUnavailable

if TYPE_CHECKING:
    from bot.services.export import ExportFilterError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="The district plan bot for Microsoft Teams."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("serve", help="serve /api/messages and /healthz (the default)")
    commands.add_parser("chat", help="chat with the bot in this terminal (same router, same database)")
    commands.add_parser("remind", help="send the quarter's reminders to report now, as the daily job does")
    plan = commands.add_parser("plan", help="the district's plan").add_subparsers(
        dest="plan_command", required=True
    )
    plan_import = plan.add_parser("import", help="import (or re-import) a plan from its text")
    plan_import.add_argument("file", type=Path, help="the plan: a PDF, Word (.docx), text or Markdown file")
    plan_import.add_argument(
        "--district",
        required=True,
        type=_district_name,
        help='the district\'s name, e.g. "Vänsterpartiet Skåne"',
    )
    plan_import.add_argument(
        "--dry-run", action="store_true", help="show what would be imported, store nothing"
    )
    plan_import.add_argument(
        "--language", choices=("sv", "en"), help="the dry run's language (default: the bot's language)"
    )
    plan_correct = plan.add_parser(
        "correct",
        help='correct the stored plan, as the board does in chat: "6 mål 4 per kvartal", "6 bort", ...',
    )
    plan_correct.add_argument("correction", nargs="+", help='e.g. 6 mål 4 per kvartal ("areas" for areas)')
    plan_correct.add_argument("--district", required=True, type=_district_name, help="the district's name")
    plan_changes = plan.add_parser(
        "changes", help="how a goal was corrected: when, by whom, from what to what (as the board sees it)"
    )
    plan_changes.add_argument("goal", type=int, help="the goal's number")
    plan_changes.add_argument("--district", required=True, type=_district_name, help="the district's name")
    plan_changes.add_argument("--language", choices=("sv", "en"), help="default: the bot's language")
    people = commands.add_parser("people", help="board members and branch chairs").add_subparsers(
        dest="people_command", required=True
    )
    people_list = people.add_parser("list", help="everyone with a role in the district")
    people_list.add_argument("--district", type=_district_name, help="default: DISTRICT from the settings")
    for verb, text in (("grant", "give someone a role"), ("revoke", "take a role away")):
        change = people.add_parser(verb, help=text)
        change.add_argument("--district", type=_district_name, help="default: DISTRICT from the settings")
        change.add_argument("--role", required=True, choices=["board", "chair"])
        change.add_argument("--aad", required=True, help="the person's Teams (AAD) object id")
        change.add_argument("--name", default="", help="their display name, until Teams tells the bot")
        if verb == "grant":
            change.add_argument("--branch", help="the branch (partiförening) a chair leads")
    teams = commands.add_parser("teams", help="the teams the bot is in, and their districts").add_subparsers(
        dest="teams_command", required=True
    )
    teams.add_parser("list", help="every team the bot has met, with its district")
    team_link = teams.add_parser("link", help="link a team to its district")
    team_link.add_argument("team", metavar="TEAM-ID", help="the team's id, as `teams list` shows it")
    team_link.add_argument("--district", required=True, type=_district_name, help="the district's name")
    backup = commands.add_parser("backup", help="a consistent copy of the SQLite database, while it runs")
    backup.add_argument("file", type=Path, help="where to write the copy (a new file)")
    _add_export(commands)
    _add_documents(commands)
    _add_manifest(commands)
    db = commands.add_parser("db", help="the database").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="create or upgrade the schema")
    args = parser.parse_args(argv)

    log_format = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=logging.INFO, format=log_format)
    for handler in logging.getLogger().handlers:
        logsafe.install(handler, log_format)  # request data cannot forge or flood lines (bot/logsafe.py)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        settings = load_settings()
        if args.command in (None, "serve"):
            return serve(settings)
        if args.command == "chat":
            logging.getLogger().setLevel(logging.WARNING)
            asyncio.run(_chat(settings))
            return 0
        if args.command == "remind":
            from bot.app import remind_now

            print(f"reminded: {asyncio.run(remind_now(settings))}")
            return 0
        if args.command == "plan" and args.plan_command == "correct":
            return correct_plan(settings, " ".join(args.correction), args.district)
        if args.command == "plan" and args.plan_command == "changes":
            return show_plan_changes(settings, args.goal, args.district, args.language)
        if args.command == "plan":
            return import_plan(
                settings, args.file, args.district, dry_run=args.dry_run, language=args.language
            )
        if args.command == "db":
            return upgrade_db(settings)
        if args.command == "people":
            return manage_people(settings, args)
        if args.command == "teams":
            return manage_teams(settings, args)
        if args.command == "backup":
            return make_backup(settings, args.file)
        if args.command == "export":
            return export_checkins(settings, args)
        if args.command in ("followup", "annual-report"):
            return write_document(settings, args)
        if args.command == "manifest":
            return build_app_package(settings, args)
    except (ConfigError, DatabaseUnavailable) as exc:
        print(exc, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    parser.error(f"unknown command {args.command}")
    return 2


def _district_name(value: str) -> str:
    from bot.db.models import DISTRICT_NAME_LENGTH

    name = " ".join(value.split())
    if not 1 <= len(name) <= DISTRICT_NAME_LENGTH:
        raise argparse.ArgumentTypeError(f"a district's name has 1 to {DISTRICT_NAME_LENGTH} characters")
    return name


EXPORT_HELP = """\
One row per standing check-in (withdrawn ones only with --include-withdrawn), oldest first.
Columns: id, goal (number), goal text, section, branch (empty: the whole district), value, date,
area, comment, reported at (ISO 8601, UTC), corrected (yes/no) [, withdrawn (yes/no)]. Headings, goal
texts and yes/no are in LANGUAGE.

Made for Excel on Swedish Windows, opened by double-clicking: UTF-8 with a byte order mark, fields
separated by ";" (Excel splits on the list separator of the regional settings, ";" in Swedish ones;
a ","-separated file would land in one column) and decimal commas. Elsewhere: LibreOffice asks,
pandas wants sep=";". Cells starting with = + - @ (or tab/CR) get a leading ' so no spreadsheet runs
them as formulas.

Who reported a check-in (name, Teams or AAD ids) is deliberately not exported: the board needs the
figures, not the people. Comments are exported as written.
"""


def _add_export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="export data for the board as CSV").add_subparsers(
        dest="export_command", required=True
    )
    checkins = export.add_parser(
        "checkins",
        help="the check-ins as CSV for Excel (UTF-8 with BOM, ';'-separated)",
        description=EXPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    checkins.add_argument("--district", type=_district_name, help="default: DISTRICT from the settings")
    when = checkins.add_mutually_exclusive_group()
    when.add_argument("--year", metavar="YYYY", help="one year, e.g. 2027")
    when.add_argument("--period", metavar="PERIOD", help="a year, quarter or month: 2027, 2027-Q2, 2027-05")
    checkins.add_argument("--branch", metavar="NAME", help="one branch (partiförening)")
    checkins.add_argument("--goal", metavar="N", help="one goal, by its number in the plan")
    checkins.add_argument(
        "--include-withdrawn", action="store_true", help="withdrawn check-ins too, with a withdrawn column"
    )
    checkins.add_argument("--out", type=Path, metavar="FILE", help="write here (default: standard output)")


def _add_documents(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    followup = commands.add_parser(
        "followup",
        help="the board's follow-up as a Word document (as `uppföljning` in chat)",
        description="What has happened since the last follow-up (or --since): new reports per goal and "
        "branch, goals that moved, goals behind and who is responsible, branches that have not reported, "
        "prompts posted and coming. Without --since it is recorded as the board's latest follow-up.",
    )
    followup.add_argument("--since", metavar="DATE", help="from this day: 2027-03-12, 12/3 or '12 mars'")
    annual = commands.add_parser(
        "annual-report",
        help="a draft of the year's report on the plan as a Word document (as `verksamhetsberättelse`)",
    )
    annual.add_argument("year", metavar="YEAR", help="the plan's year, e.g. 2027")
    for parser in (followup, annual):
        parser.add_argument("--district", type=_district_name, help="default: DISTRICT from the settings")
        parser.add_argument("--out", type=Path, metavar="FILE", help="where to write the .docx")


def write_document(settings: Settings, args: argparse.Namespace) -> int:
    """The follow-up or the year's report, made by the same service and renderer as the chat's links."""
    from bot.app import build
    from bot.documents import annual as annual_document
    from bot.documents import followup as followup_document
    from bot.i18n import translator
    from bot.services.followup import PlanYearMismatch, SinceError

    district = args.district or settings.district
    components = build(settings)
    reports = components.bot.services.reports
    assert reports is not None
    t = translator(settings.language)
    try:
        components.start()
        now = components.clock()
        if args.command == "followup":
            try:
                found = reports.follow_up(district, now=now, asked=args.since or "")
            except SinceError as error:
                print(
                    f"--since wants a day that has passed, e.g. 2027-03-12 (not {error.text!r}).",
                    file=sys.stderr,
                )
                return 2
            if found is None:
                print(f"There is no plan for {district!r}.", file=sys.stderr)
                return 2
            data, name = followup_document.render(t, found), followup_document.filename(found)
        else:
            year = args.year.strip()
            if not (year.isdigit() and len(year) == 4):
                print(f"YEAR wants a year such as 2027, not {args.year!r}.", file=sys.stderr)
                return 2
            try:
                report = reports.annual(district, int(year), now=now)
            except PlanYearMismatch as error:
                print(f"{district}'s plan is for {error.plan_year}, not {year}.", file=sys.stderr)
                return 2
            if report is None:
                print(f"There is no plan for {district!r}.", file=sys.stderr)
                return 2
            data, name = annual_document.render(t, report), annual_document.filename(report)
    finally:
        components.stop()
    target = args.out or Path(name)
    try:
        target.write_bytes(data)
    except OSError as exc:
        print(f"Cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Wrote {target}.", file=sys.stderr)
    return 0


def export_checkins(settings: Settings, args: argparse.Namespace) -> int:
    """The same export as the chat's download link (bot/services/export.py): bad filters are exit 2."""
    from bot.db import migrate
    from bot.db.checkins import CheckInRepository
    from bot.db.engine import Database
    from bot.db.repository import Repository
    from bot.i18n import translator
    from bot.services.export import (
        ExportFilterError,
        ExportProblem,
        ExportQuery,
        check_filters,
        export_csv,
        parse_period,
    )

    district = args.district or settings.district
    database = Database(settings.database_url)
    try:
        migrate.upgrade(database)
        plan = Repository(database).plan(district)
        if plan is None:
            print(
                f"There is no district {district!r} (python -m bot people list shows who is in one).",
                file=sys.stderr,
            )
            return 2
        checkins = CheckInRepository(database)
        branches = [branch.name for branch in checkins.branches(district)]
        try:
            period = args.year or args.period
            if args.year is not None and not args.year.strip().isdigit():
                raise ExportFilterError(ExportProblem.BAD_PERIOD, args.year)
            goal = args.goal.strip().lstrip("#") if args.goal is not None else None
            if goal is not None and (not goal.isdigit() or len(goal) > 6):
                print(f"--goal wants a goal's number, not {args.goal!r}.", file=sys.stderr)
                return 2
            query = check_filters(
                ExportQuery(
                    district=district,
                    period=parse_period(period) if period is not None else None,
                    branch=" ".join(args.branch.split()) if args.branch is not None else None,
                    goal=int(goal) if goal is not None else None,
                    include_withdrawn=args.include_withdrawn,
                    language=settings.language,
                ),
                goals=[g.number for g in plan.goals],
                branches=branches,
            )
        except ExportFilterError as error:
            print(_export_problem(error, district, branches, len(plan.goals)), file=sys.stderr)
            return 2
        export = export_csv(checkins, query, translator(settings.language), settings.zone)
    finally:
        database.dispose()
    if args.out is None:
        # Bytes, not text: the file is UTF-8 with its byte order mark whatever the terminal's encoding.
        sys.stdout.flush()
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:
            sys.stdout.write(export.data.decode("utf-8"))
        else:
            binary.write(export.data)
            binary.flush()
        return 0
    try:
        args.out.write_bytes(export.data)
    except OSError as exc:
        print(f"Cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    count = export.count
    print(f"Wrote {count} check-in{'' if count == 1 else 's'} to {args.out}.", file=sys.stderr)
    return 0


def _export_problem(error: ExportFilterError, district: str, branches: list[str], goals: int) -> str:
    from bot.services.export import ExportProblem

    if error.code is ExportProblem.UNKNOWN_BRANCH:
        known = ", ".join(branches) or "none yet"
        return f"There is no branch {error.detail!r} in {district} (branches: {known})."
    if error.code is ExportProblem.UNKNOWN_GOAL:
        return f"There is no goal {error.detail} in {district}'s plan (it has goals 1-{goals})."
    return f"{error.detail!r} is not a period: write a year (2027), a quarter (2027-Q2) or a month (2027-05)."


MANIFEST_HELP = """\
Builds the Teams app package: a zip with manifest.json (schema v1.30; Swedish, with en-US.json for
English), color.png (192x192) and outline.png (32x32), all made by the bot itself. The bot's commands
in Teams' command menus come from its own command list, so they always match what it understands.

Upload it in Teams (Apps > Manage your apps > Upload an app), or in the Teams admin center for the
whole organisation. --app-id is the Microsoft App ID of the bot's Azure Bot resource (MicrosoftAppId);
it is both the app's id and the bot's id. The developer's pages default to example.org placeholders:
name the district's own before publishing. Upload a changed package with a higher --app-version.
"""


def _add_manifest(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from bot import manifest

    build = commands.add_parser(
        "manifest",
        help="build the Teams app package (zip) to upload in Teams",
        description=MANIFEST_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("--app-id", required=True, metavar="GUID", help="the bot's Microsoft App ID")
    build.add_argument("--out", type=Path, default=Path("app.zip"), metavar="FILE", help="default: app.zip")
    build.add_argument(
        "--app-version",
        metavar="X.Y.Z",
        help=f"the app's version (default: {manifest.default_app_version()})",
    )
    build.add_argument(
        "--domain",
        action="append",
        default=[],
        metavar="HOST",
        help="a valid domain (repeatable; default: the host of PUBLIC_URL when it is https)",
    )
    build.add_argument("--developer-name", metavar="NAME", help="who publishes the app (default: DISTRICT)")
    build.add_argument(
        "--website-url", default=manifest.PLACEHOLDER_WEBSITE, metavar="URL", help="default: %(default)s"
    )
    build.add_argument(
        "--privacy-url", default=manifest.PLACEHOLDER_PRIVACY, metavar="URL", help="default: %(default)s"
    )
    build.add_argument(
        "--terms-url", default=manifest.PLACEHOLDER_TERMS, metavar="URL", help="default: %(default)s"
    )
    build.add_argument(
        "--accent-color",
        default=manifest.DEFAULT_ACCENT_COLOR,
        metavar="#RRGGBB",
        help="the manifest's accentColor (the colour icon itself stays red); default: %(default)s",
    )


def build_app_package(settings: Settings, args: argparse.Namespace) -> int:
    """`python -m bot manifest`: a bad option is one line on stderr and exit 2."""
    from urllib.parse import urlsplit

    from bot import manifest

    developer = args.developer_name
    if developer is None:
        developer = settings.district
        if len(developer) > manifest.MAX_DEVELOPER_NAME:
            print(
                f"The district's name is longer than {manifest.MAX_DEVELOPER_NAME} characters, Teams' limit "
                "for the developer's name: pass --developer-name.",
                file=sys.stderr,
            )
            return 2
    domains = list(args.domain)
    public = urlsplit(settings.public_url) if settings.public_url else None
    if not domains and public is not None and public.scheme == "https" and public.hostname:
        domains = [public.netloc]
    options = manifest.AppOptions(
        app_id=args.app_id,
        developer_name=developer,
        version=args.app_version or manifest.default_app_version(),
        website_url=args.website_url,
        privacy_url=args.privacy_url,
        terms_url=args.terms_url,
        accent_color=args.accent_color,
        domains=tuple(domains),
        tab_url=settings.public_url if public is not None and public.scheme == "https" else None,
    )
    try:
        options = options.checked()
        package = manifest.build_package(options)
    except manifest.ManifestError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        args.out.write_bytes(package)
    except OSError as exc:
        print(f"Cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(
        f"Wrote {args.out}: the Teams app {options.version} (manifest {manifest.MANIFEST_VERSION}) for the "
        f"bot {options.app_id}. Upload it in Teams: Apps > Manage your apps > Upload an app.",
        file=sys.stderr,
    )
    if options.placeholders:
        print(
            "The developer's pages are example.org placeholders: pass --website-url, --privacy-url and "
            "--terms-url before publishing it to the organisation.",
            file=sys.stderr,
        )
    return 0


def serve(settings: Settings) -> int:
    from aiohttp import web

    from bot.app import create_app

    settings.check_listen_address()
    _check_database(settings)
    print(
        f"Serving the bot on http://{settings.host}:{settings.port}/api/messages on {settings.bot_sdk}",
        file=sys.stderr,
    )
    from bot.app import AccessLogger

    # The schema upgrade in a child process: Alembic need not stay in the server's memory (bot/db/migrate.py).
    upgraded = subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], stdout=subprocess.DEVNULL)
    if upgraded.returncode != 0:
        return upgraded.returncode  # the child logged why
    app = create_app(settings, upgraded=True)
    web.run_app(app, host=settings.host, port=settings.port, print=None, access_log_class=AccessLogger)
    return 0


def _check_database(settings: Settings) -> None:
    from bot.db.engine import Database

    database = Database(settings.database_url)
    try:
        database.check()
    finally:
        database.dispose()


async def _chat(settings: Settings) -> None:
    from bot.app import run_chat

    if sys.stdin.isatty():
        print("Chatting with the bot. Try: hjälp, mål, mål 6, sök facebook. Ctrl-D ends.")
    await run_chat(settings)


def import_plan(
    settings: Settings, file: Path, district: str, *, dry_run: bool, language: str | None = None
) -> int:
    from bot.cards.plan_review import review_text
    from bot.db import migrate
    from bot.db.engine import Database
    from bot.db.repository import Repository
    from bot.i18n import translator
    from bot.services.clock import utc_now
    from bot.services.plan import PlanParseError
    from bot.services.plan_import import read_plan_file

    t = translator(language or settings.language)
    try:
        draft = read_plan_file(file)
    except PlanParseError as exc:
        print(f"Cannot import {file}: {exc}", file=sys.stderr)
        return 1
    if dry_run:
        print(review_text(t, draft))
        print(t._("Dry run: nothing stored."))
        return 0
    database = Database(settings.database_url)
    try:
        migrate.upgrade(database)
        summary = Repository(database).save_plan(district, draft, now=utc_now())
    finally:
        database.dispose()
    print(
        f"Imported {summary.total} goals for {summary.district}: {summary.created} new, "
        f"{summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.retired} retired."
    )
    return 0


def correct_plan(settings: Settings, words: str, district: str) -> int:
    from bot.cards.plan_review import correction_problem, stored_correction
    from bot.db import migrate
    from bot.db.engine import Database
    from bot.db.repository import Repository
    from bot.i18n import translator
    from bot.services.clock import utc_now
    from bot.services.plan_corrections import Correction, CorrectionError, areas_correction, parse_correction

    t = translator(settings.language)
    first, _, rest = words.partition(" ")
    if first.casefold() in ("områden", "omraden", "areas"):
        correction: Correction | None = areas_correction(rest)
    else:
        correction = parse_correction(words)
    if correction is None:
        print(f"Cannot read the correction {words!r}: write e.g. 6 mål 4 per kvartal", file=sys.stderr)
        return 2
    database = Database(settings.database_url)
    try:
        migrate.upgrade(database)
        repository = Repository(database)
        try:
            plan = repository.correct_plan(district, correction, by=None, now=utc_now())
        except CorrectionError as error:
            print(correction_problem(t, error), file=sys.stderr)
            return 1
    finally:
        database.dispose()
    if plan is None:
        print(
            f"There is no plan for {district}; import it first (python -m bot plan import).", file=sys.stderr
        )
        return 1
    print(stored_correction(t, plan, correction).text)
    return 0


def show_plan_changes(settings: Settings, number: int, district: str, language: str | None) -> int:
    """A goal's corrections, one a line, as the board reads them under the goal in chat."""
    from bot.cards.goals import change_line
    from bot.db import migrate
    from bot.db.engine import Database
    from bot.db.repository import Repository
    from bot.i18n import translator
    from bot.services.plan_corrections import history

    t = translator(language or settings.language)
    database = Database(settings.database_url)
    try:
        migrate.upgrade(database)
        repository = Repository(database)
        plan = repository.plan(district)
        goal = plan.goal(number) if plan is not None else None
        if plan is None or goal is None:
            print(f"{district} has no goal {number}.", file=sys.stderr)
            return 1
        changes = history(repository.corrections_of(goal.id), ZoneInfo(settings.timezone))
    finally:
        database.dispose()
    print(t._("Goal {number}").format(number=number) + f": {goal.text_in(t.language)}")
    for change in changes:
        print(change_line(t, change, plan.priority_areas))
    if not changes:
        print(t._("Not corrected since the plan was imported."))
    return 0


def manage_people(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db import migrate
    from bot.db.engine import Database
    from bot.db.people import PeopleRepository, UnknownDistrict
    from bot.services.clock import utc_now
    from bot.services.people import PersonInfo, Role

    district = args.district or settings.district
    database = Database(settings.database_url)
    try:
        migrate.upgrade(database)
        people = PeopleRepository(database)
        if args.people_command == "list":
            for member in people.members(district):
                where = f" ({member.branch})" if member.branch else ""
                print(f"{member.role.value:6} {member.name or '(name not known yet)'}{where}")
            return 0
        person = PersonInfo(teams_user_id="", aad_object_id=args.aad, name=args.name)
        role = Role(args.role)
        if args.people_command == "grant":
            if role is Role.CHAIR and not args.branch:
                print("A chair's role names the branch: add --branch NAME.", file=sys.stderr)
                return 2
            new = people.grant(person, district, role, branch=args.branch, now=utc_now())
            print(f"{args.aad} {'is now' if new else 'already was'} {role.value} in {district}.")
        else:
            removed = people.revoke(person, district, role)
            print(f"Removed {removed} {role.value} role(s) of {args.aad} in {district}.")
        return 0
    except UnknownDistrict:
        print(
            f"There is no district {district!r}; import its plan first (python -m bot plan import).",
            file=sys.stderr,
        )
        return 1
    finally:
        database.dispose()


def manage_teams(settings: Settings, args: argparse.Namespace) -> int:
    from bot.db import migrate
    from bot.db.engine import Database
    from bot.db.people import DistrictRepository
    from bot.services.clock import utc_now

    database = Database(settings.database_url)
    try:
        migrate.upgrade(database)
        districts = DistrictRepository(database)
        if args.teams_command == "list":
            teams = districts.teams()
            if not teams:
                print("The bot has not been added to any team yet.")
            for team in teams:
                name, district = team.name or "(name not known)", team.district or "(not linked)"
                print(f"{team.team_id}  {name}  -> {district}")
            return 0
        if not districts.link_team(args.team, args.district, now=utc_now()):
            names = ", ".join(districts.names()) or "none yet"
            print(f"There is no district {args.district!r} (districts: {names}).", file=sys.stderr)
            return 2
        print(f"{args.team} now belongs to {args.district}.")
        return 0
    finally:
        database.dispose()


def make_backup(settings: Settings, file: Path) -> int:
    from bot.db.backup import BackupError, backup
    from bot.db.engine import Database

    database = Database(settings.database_url)
    try:
        made = backup(database, file)
    except BackupError as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"Backed up the database to {made.path} ({made.bytes} bytes).")
    return 0


def upgrade_db(settings: Settings) -> int:
    from bot.db import migrate
    from bot.db.engine import Database

    database = Database(settings.database_url)
    try:
        migrate.upgrade(database)
        print(f"Schema is at {migrate.current_revision(database)}.")
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
