"""`status` for a district with a million check-ins: is it under 100 ms, on SQLite and on PostgreSQL?

    .venv/bin/python bench/status_scale.py                    # 1,000,000 check-ins, both backends
    .venv/bin/python bench/status_scale.py --count 100000 --backend sqlite --old-runs 0

For each backend: a fresh database (a temporary SQLite file; a throwaway PostgreSQL cluster started the way
tests/postgres.py does, when its binaries are in /usr/lib/postgresql/*/bin, else skipped with a message)
migrated to head, the sample plan (bot/data/sample_plan.toml) as this year's plan as on a first run, 12
branches with their chairs, 300 reporters, and `--count` check-ins in bulk (executemany on SQLite, COPY on
PostgreSQL), spread evenly over every goal, the branches and the district itself, the reporters and the 365
days up to today (22 November 2026), with values as each goal's kind takes them; 1 % withdrawn.

Then it times the `status` command's own handler (bot/commands/checkins.py, the code the router dispatches
to after finding the district), for the district and for one branch (`status Sundsvall`): median and
maximum of `--runs` runs after `--warmup` runs, against the target. With `--old-runs`, it also times the old
way at the same size (every standing check-in of the year loaded into Python, `CheckInRepository.reports`)
for comparison.

SQLite is left without ANALYZE statistics, as the bot leaves it; PostgreSQL gets VACUUM ANALYZE after the
bulk load, as autovacuum would do shortly after such a load. Each backend runs in a process of its own. The
figures are wall-clock times on this machine: other work on it (a test run beside) shows in them.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bot.cards import goals as cards  # noqa: E402
from bot.commands import checkins as checkin_commands  # noqa: E402
from bot.commands.router import Router  # noqa: E402
from bot.db import migrate  # noqa: E402
from bot.db.checkins import CheckInRepository  # noqa: E402
from bot.db.engine import Database  # noqa: E402
from bot.db.people import PeopleRepository  # noqa: E402
from bot.db.repository import Repository  # noqa: E402
from bot.i18n import translator  # noqa: E402
from bot.services.goals import Plan, TargetKind  # noqa: E402
from bot.services.people import PersonInfo, Role  # noqa: E402
from bot.services.plan_import import SAMPLE_DISTRICT, ensure_sample_plan  # noqa: E402
from bot.services.progress import plan_standing  # noqa: E402

TARGET_MS = 100.0
ZONE = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)  # a Sunday in the plan year's last quarter
BRANCHES = (
    "Sundsvall",
    "Härnösand",
    "Kramfors",
    "Timrå",
    "Örnsköldsvik",
    "Sollefteå",
    "Ånge",
    "Ljusdal",
    "Bjästa",
    "Matfors",
    "Njurunda",
    "Alnö",
)
REPORTERS = 300
WITHDRAWN = 0.01
COMMENTS = (None, None, None, None, "möte i Sundsvall", "studiecirkel", "med facket", "i lokalen")
COLUMNS = (
    "district_id",
    "goal_id",
    "branch_id",
    "reporter_id",
    "value",
    "happened_on",
    "area",
    "comment",
    "created_at",
    "updated_at",
    "withdrawn_at",
)


# --- the data set ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    id: int
    plan: Plan
    branch_ids: list[int]
    reporter_ids: list[int]


def set_up(db: Database) -> District:
    """The schema, the sample plan, branches with chairs and the reporters (no check-ins yet)."""
    migrate.upgrade(db)
    repository = Repository(db)
    assert ensure_sample_plan(repository, lambda: NOW, ZONE), "a fresh database has no plan"
    people = PeopleRepository(db)
    for number, branch in enumerate(BRANCHES):
        chair = PersonInfo(f"29:chair-{number}", f"aad-chair-{number}", f"Ordförande {branch}")
        people.grant(chair, SAMPLE_DISTRICT, Role.CHAIR, branch=branch, now=NOW)
    reporter_ids = [
        people.person_id(PersonInfo(f"29:reporter-{n}", f"aad-reporter-{n}", f"Rapportör {n}"), now=NOW)
        for n in range(REPORTERS)
    ]
    plan = repository.plan(SAMPLE_DISTRICT)
    assert plan is not None and plan.goals
    branch_ids = [branch.id for branch in CheckInRepository(db).branches(SAMPLE_DISTRICT)]
    return District(plan.district_id, plan, branch_ids, reporter_ids)


def check_ins(district: District, count: int, seed: int) -> Iterator[tuple[Any, ...]]:
    """`count` rows for the checkin table, in COLUMNS order (datetimes aware, in UTC)."""
    rnd = random.Random(seed)
    goals = district.plan.goals
    areas: list[str | None] = [*district.plan.priority_areas] or [None]
    branches: list[int | None] = [None, *district.branch_ids]
    today = NOW.astimezone(ZONE).date()
    for _ in range(count):
        goal = rnd.choice(goals)
        happened_on = today - timedelta(days=rnd.randrange(365))
        created_at = datetime(
            happened_on.year, happened_on.month, happened_on.day, 17, tzinfo=UTC
        ) + timedelta(seconds=rnd.randrange(6 * 3600))
        match goal.target.kind:
            case TargetKind.METRIC:
                value = float(rnd.randrange(1400, 2200))
            case TargetKind.DONE:
                value = float(rnd.random() < 0.5)
            case _:
                value = float(rnd.randrange(1, 4))
        yield (
            district.id,
            goal.id,
            rnd.choice(branches),
            rnd.choice(district.reporter_ids),
            value,
            happened_on,
            rnd.choice(areas) if goal.target.per_area else None,
            rnd.choice(COMMENTS),
            created_at,
            created_at,
            created_at + timedelta(days=1) if rnd.random() < WITHDRAWN else None,
        )


def _sqlite_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """As SQLAlchemy stores them on SQLite: dates as ISO text, instants as naive UTC text."""
    return tuple(
        value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(value, datetime)
        else value.isoformat()
        if isinstance(value, date)
        else value
        for value in row
    )


def load(db: Database, district: District, count: int, seed: int) -> None:
    """Bulk insert: executemany in batches on SQLite, COPY on PostgreSQL."""
    rows = check_ins(district, count, seed)
    raw: Any = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.is_sqlite:
            cursor.execute("BEGIN")
            sql = f"INSERT INTO checkin ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
            batch: list[tuple[Any, ...]] = []
            for row in rows:
                batch.append(_sqlite_row(row))
                if len(batch) == 50_000:
                    cursor.executemany(sql, batch)
                    batch.clear()
            cursor.executemany(sql, batch)
            cursor.execute("COMMIT")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            with cursor.copy(f"COPY checkin ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            raw.commit()
            raw.driver_connection.autocommit = True
            cursor.execute("VACUUM ANALYZE checkin")
            raw.driver_connection.autocommit = False
        cursor.close()
    finally:
        raw.close()


# --- what is measured ------------------------------------------------------------------------------------


def status_command(db: Database) -> Callable[[str], Any]:
    """`status [BRANCH]` as the router runs it once it has found the district: the command's own handler."""
    router = Router()
    checkin_commands.register(router)
    route = router.route_for("status")
    assert route is not None
    # Only what the handler reads of the request and context (bot/commands/router.py builds the real ones).
    context = SimpleNamespace(
        services=SimpleNamespace(zone=ZONE),
        now=NOW,
        repository=Repository(db),
        checkins=CheckInRepository(db),
    )
    t = translator("sv")
    # One event loop for every run, as the bot has one (and with it the threads the handler's queries run on).
    loop = asyncio.new_event_loop()

    def run(args: str) -> Any:
        request = SimpleNamespace(text=f"status {args}".strip(), t=t, district=SAMPLE_DISTRICT, args=args)
        return loop.run_until_complete(route.handler(request, context))  # type: ignore[arg-type]

    return run


def old_status(db: Database) -> Callable[[str], Any]:
    """The old way, for comparison: every standing check-in of the year loaded into Python."""
    repository, checkins = Repository(db), CheckInRepository(db)
    t = translator("sv")
    today = NOW.astimezone(ZONE).date()

    def run(args: str) -> Any:
        plan = repository.plan(SAMPLE_DISTRICT)
        assert plan is not None
        branches = checkins.branches(SAMPLE_DISTRICT)
        branch = next((b for b in branches if b.name == args), None) if args else None
        reports = checkins.reports(SAMPLE_DISTRICT, year=plan.year or today.year)
        named = checkins.responsible(SAMPLE_DISTRICT)
        rows = plan_standing(
            plan,
            reports,
            today=today,
            branches=len(branches),
            responsible={goal_id: len(people) for goal_id, people in named.items()},
            branch_id=branch.id if branch else None,
        )
        return cards.status(t, plan, rows, branch=branch.name if branch else None, today=today)

    return run


def timings(run: Callable[[str], Any], args: str, *, runs: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        run(args)
    result = []
    for _ in range(runs):
        started = time.perf_counter()
        run(args)
        result.append((time.perf_counter() - started) * 1000)
    return result


def verdict(median: float, worst: float) -> str:
    if median >= TARGET_MS:
        return "MISS"
    return "PASS" if worst < TARGET_MS else "PASS (median; the slowest run was over)"


def measure(name: str, db: Database, options: argparse.Namespace) -> None:
    started = time.perf_counter()
    district = set_up(db)
    load(db, district, options.count, options.seed)
    print(f"{name}: {options.count:,} check-ins loaded in {time.perf_counter() - started:.1f} s")
    new = status_command(db)
    commands = ("", BRANCHES[0])
    medians = {}
    for args in commands:
        command = f"status {args}".strip()
        gc.collect()
        ms = timings(new, args, runs=options.runs, warmup=options.warmup)
        median, worst = statistics.median(ms), max(ms)
        medians[args] = median
        print(
            f"  {command:<17} median {median:7.1f} ms  max {worst:7.1f} ms  "
            f"(target < {TARGET_MS:.0f} ms, {options.runs} runs)  {verdict(median, worst)}"
        )
    # The old way last: its million objects would slow what is timed after them.
    old = old_status(db)
    for args in commands:
        # Both ways must say the same, or the times mean nothing.
        assert new(args).text == old(args).text, f"status {args}: the new and the old way disagree"
        if options.old_runs:
            before = statistics.median(timings(old, args, runs=options.old_runs, warmup=0))
            print(
                f"  {f'status {args}'.strip():<17} old way (every check-in loaded): median {before:7.0f} ms "
                f"({options.old_runs} runs), {before / medians[args]:.0f}x the time"
            )
        else:
            print(f"  {f'status {args}'.strip():<17} says the same as the old way")


# --- the backends ----------------------------------------------------------------------------------------


@contextmanager
def sqlite_database() -> Iterator[Database]:
    with tempfile.TemporaryDirectory(prefix="status-scale-") as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bot.db'}")
        try:
            yield db
        finally:
            db.dispose()


@contextmanager
def postgres_database() -> Iterator[Database | str]:
    """A throwaway cluster as tests/postgres.py starts one, or why there is none."""
    try:
        from tests import postgres
    except ImportError as exc:  # pytest or psycopg missing: a development install has both
        yield f"cannot start PostgreSQL: {exc}"
        return
    binaries = postgres.find_binaries()
    if binaries is None:
        yield (
            f"no PostgreSQL binaries in {postgres.DEBIAN_BINARIES}/*/bin or PATH "
            f"(install them with `{postgres.INSTALL_HINT}`)"
        )
        return
    # The tests' durability-off settings, with PostgreSQL's default buffers rather than the tests' small ones.
    postgres.FAST_SETTINGS["shared_buffers"] = "128MB"
    try:
        server = postgres.PostgresServer(binaries)
    except postgres.PostgresUnavailable as exc:
        yield f"cannot start PostgreSQL: {exc}"
        return
    url = server.start()
    db = Database(url.render_as_string(hide_password=False))
    try:
        yield db
    finally:
        db.dispose()
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=1_000_000, help="check-ins to store (1,000,000)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each command (20)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (3)")
    parser.add_argument("--old-runs", type=int, default=3, help="runs of the old way, 0 for none (3)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args(argv)
    if options.backend == "both":
        # Each in a process of its own: what the first leaves behind (the old way's million objects, a
        # SQLite file in the page cache) about doubled the second's times in trials.
        for backend in ("sqlite", "postgresql"):
            given = vars(options) | {"backend": backend}
            args = [f"--{name.replace('_', '-')}={value}" for name, value in given.items()]
            subprocess.run([sys.executable, __file__, *args], check=True)
        return 0
    print(f"status with {options.count:,} check-ins in one district; target < {TARGET_MS:.0f} ms")
    if options.backend == "sqlite":
        with sqlite_database() as db:
            measure(f"SQLite {db.engine.dialect.dbapi.sqlite_version}", db, options)  # type: ignore[union-attr]
    if options.backend == "postgresql":
        with postgres_database() as found:
            if isinstance(found, str):
                print(f"PostgreSQL: skipped: {found}")
            else:
                with found.engine.connect() as connection:
                    version = connection.exec_driver_sql("SHOW server_version").scalar()
                measure(f"PostgreSQL {version}", found, options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
