"""`python -m bench.replicas`: two bot processes on one PostgreSQL database, load round-robin over them.

Does throughput scale from one server process to two, and is a scheduled prompt still posted exactly once
while both serve load?

A throwaway PostgreSQL cluster is started as tests/postgres.py starts one for the tests (its binaries under
/usr/lib/postgresql/*/bin, trust auth on 127.0.0.1, durability off). A template database is made once: the
schema, the sample plan as on a first start, every sender a chair (as `python -m bench` grants them), a team
channel whose stored reference points at the recording Bot Connector, and a schedule for that channel. Each
setup then runs on a fresh copy of it (CREATE DATABASE ... TEMPLATE), so every setup starts from the same
data:

- one: one `python -m bot serve` pinned to core 0;
- two: two of them on the same database, pinned to cores 0 and 1, the load round-robin over both;
- two on one core: both on core 0 (one core's worth of CPU, as for one): what a second process costs or
  gains by itself, apart from the second core (left out with --skip-same-core).

For each setup and command (`mål`, `status`): 32 closed-loop senders (bench/load.py), warm-up, a measured
stretch; activities per second, p50/p99 latency (from the POST until the reply reached the connector), and
the CPU each party used. PostgreSQL is not pinned (its backends run wherever the kernel puts them) unless
--postgres-core says where.

Exactly once: for each two-process setup, one slot of the schedule, with a text carrying a unique marker, is
made due a few seconds after the servers start (estimated from how long one server took to start), so both
processes' timers fire for it while the load runs. The recording connector's new channel threads
(POST /v3/conversations) carrying the marker are counted: "posted 1 time(s)" is a PASS, anything else not.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import math
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from bench.connector import RecordingConnector
from bench.load import BOT, TENANT, LoadPlan, LoadResult, probe, run_load
from bench.servers import Server, bot_server, core_busy_seconds
from bench.suite import BRANCH, grant_chairs

if TYPE_CHECKING:
    from tests.postgres import PostgresServer

COMMANDS = ("mål", "status")
TEMPLATE = "bench_template"
CHANNEL = "19:bench-replicas@thread.tacv2"
TEAM = "19:bench-replicas-team@thread.tacv2"
WRITER = ("29:bench-writer", "00000000-0000-4000-8000-0000000000ff", "Bench Writer")  # Teams id, AAD, name
# A margin after the servers answer, for the probes, before the load starts.
PROBE_SECONDS = 0.5
# How long after its due time (or the end of the load, if later) a slot may take to be settled.
SETTLE_SECONDS = 15.0
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Setup:
    name: str
    cores: tuple[int, ...]  # one per bot process
    prompt: bool  # a scheduled prompt falls due while it runs


@dataclass
class Row:
    setup: Setup
    command: str
    result: LoadResult


@dataclass
class Window:
    """When a command's load ran (warm-up included), in UTC."""

    command: str
    start: datetime
    end: datetime


@dataclass
class Posting:
    """What became of the slot due during a two-process run."""

    setup: Setup
    slot_id: int
    due_at: datetime
    started_at: datetime  # when the servers were started
    windows: list[Window]
    threads: int = 0  # new channel threads carrying the marker
    status: str | None = None
    outcome: str | None = None
    claimed_by: str | None = None
    claimed_at: datetime | None = None
    fired_in: list[str] = field(default_factory=list)  # servers whose timer ran the post job
    names: dict[int, str] = field(default_factory=dict)  # pid -> server name

    @property
    def ok(self) -> bool:
        return self.threads == 1

    def during(self, at: datetime) -> str:
        for window in self.windows:
            if window.start <= at <= window.end:
                return f"while `{window.command}` load ran"
        if self.windows and at < self.windows[0].start:
            return "before the load started"
        return "outside the load"

    def report(self) -> str:
        def offset(at: datetime) -> str:
            return f"+{(at - self.started_at).total_seconds():.1f} s"

        claimer = "nobody"
        if self.claimed_by:
            pid = self.claimed_by.rpartition(":")[2]
            claimer = self.names.get(int(pid), self.claimed_by) if pid.isdigit() else self.claimed_by
        lines = [
            f"  {self.setup.name}: slot #{self.slot_id} due {offset(self.due_at)} after the servers were "
            f"started ({self.during(self.due_at)})",
            "    post job ran in: " + (", ".join(self.fired_in) or "neither (start-up recovery posted it?)"),
        ]
        if self.claimed_at is not None:
            lines.append(
                f"    claimed by {claimer} at {offset(self.claimed_at)} ({self.during(self.claimed_at)}); "
                f"slot {self.status}, post {self.outcome}"
            )
        else:
            lines.append(f"    never claimed; slot {self.status}")
        verdict = "PASS" if self.ok else "FAIL"
        lines.append(f"    posted {self.threads} time(s): {verdict}")
        return "\n".join(lines)


# --- PostgreSQL ------------------------------------------------------------------------------------------


class Cluster:
    """The throwaway server (tests/postgres.py's PostgresServer) and the databases made on it."""

    def __init__(self, server: PostgresServer) -> None:
        self.server = server

    def url(self, database: str) -> str:
        rendered: str = self.server.url.set(database=database).render_as_string(hide_password=False)
        return rendered

    def create(self, database: str, template: str | None = None) -> str:
        from tests.postgres import connect

        with connect(self.url("postgres")) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
            copy = f' TEMPLATE "{template}"' if template else " TEMPLATE template0"
            conn.execute(f'CREATE DATABASE "{database}"{copy}')
        return self.url(database)

    def version(self) -> str:
        from tests.postgres import connect

        with connect(self.url("postgres")) as conn:
            row = conn.execute("SHOW server_version").fetchone()
        return str(row[0]) if row else "?"

    def pin(self, core: int) -> None:
        """Pin the postmaster and the processes it has started; backends it starts later inherit it."""
        assert self.server.process is not None, "start() the server first"
        root = self.server.process.pid
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
                if int(stat.parent.name) == root or ppid == root:
                    os.sched_setaffinity(int(stat.parent.name), {core})
            except (OSError, IndexError):
                continue  # gone in between

    def cpu_seconds(self) -> float:
        """CPU time of the postmaster, its live children and the children it reaped (exited backends)."""
        assert self.server.process is not None, "start() the server first"
        root = self.server.process.pid
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # gone in between
            pid, ppid = int(stat.parent.name), int(fields[1])
            if pid == root:
                total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
            elif ppid == root:
                total += int(fields[11]) + int(fields[12])
        return total / _TICKS


class NoPostgres(RuntimeError):
    pass


@contextmanager
def postgres_cluster() -> Iterator[Cluster]:
    """A throwaway cluster as the tests start one (tests/postgres.py); NoPostgres says why there is none."""
    try:
        from tests import postgres
    except ImportError as exc:  # pytest or psycopg missing: a development install has both
        raise NoPostgres(f"cannot start PostgreSQL: {exc} (pip install -e '.[dev]')") from exc
    try:
        binaries = postgres.find_binaries()
        if binaries is None:
            raise NoPostgres(
                f"no PostgreSQL binaries in ${postgres.ENV_BIN}, {postgres.DEBIAN_BINARIES}/*/bin or PATH "
                f"(install them with `{postgres.INSTALL_HINT}`)"
            )
        server = postgres.PostgresServer(binaries)
    except postgres.PostgresUnavailable as exc:
        raise NoPostgres(f"cannot start PostgreSQL: {exc}") from exc
    server.start()
    try:
        yield Cluster(server)
    finally:
        server.stop()


# --- the data --------------------------------------------------------------------------------------------


def channel_message(service_url: str) -> dict[str, Any]:
    """A message in the bench's team channel as Teams sends it (the bot stores the channel's reference)."""
    teams_id, aad, name = WRITER
    return {
        "type": "message",
        "id": "bench-channel-message",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": teams_id, "name": name, "aadObjectId": aad},
        "conversation": {"id": CHANNEL, "conversationType": "channel", "isGroup": True, "tenantId": TENANT},
        "recipient": BOT,
        "locale": "sv-SE",
        "channelData": {
            "teamsChannelId": CHANNEL,
            "teamsTeamId": TEAM,
            "channel": {"id": CHANNEL},
            "team": {"id": TEAM, "name": "Bench"},
            "tenant": {"id": TENANT},
        },
    }


def seed_template(url: str, service_url: str, senders: int) -> None:
    """Schema, sample plan, chairs, the channel with its reference, and a schedule for it (no slots yet)."""
    from botbuilder.schema import Activity

    from bot.db import migrate
    from bot.db.engine import Database
    from bot.db.people import PeopleRepository
    from bot.db.prompts import PromptRepository
    from bot.db.repository import Repository
    from bot.services.clock import utc_now
    from bot.services.people import PersonInfo
    from bot.services.plan_import import SAMPLE_DISTRICT, ensure_sample_plan
    from bot.services.schedule_rules import ScheduleRule
    from bot.teams import conversation_of

    database = Database(url)
    try:
        migrate.upgrade(database)
        repository = Repository(database)
        now = utc_now()
        ensure_sample_plan(repository, utc_now, _zone())
        # Where the bot stores a channel's reference when it hears a message there (bot/teams.py).
        channel = conversation_of(Activity().deserialize(channel_message(service_url)))
        repository.remember_conversation(channel, person=None, now=now)
        teams_id, aad, name = WRITER
        writer = PeopleRepository(database).person_id(
            PersonInfo(teams_user_id=teams_id, aad_object_id=aad, name=name), now=now
        )
        # The 1st of each month at 18:00: its own slots are laid out by the servers, all far from the run.
        PromptRepository(database).create_schedule(
            district=SAMPLE_DISTRICT,
            conversation_id=CHANNEL,
            rule=ScheduleRule(days_of_month=(1,), hour=18),
            rule_text="1 kl 18",
            timezone=_zone().key,
            created_by=writer,
            now=now,
        )
    finally:
        database.dispose()
    grant_chairs(url, senders, BRANCH)


def add_due_slot(url: str, due_at: datetime, marker: str) -> int:
    """A planned slot of the channel's schedule, due at `due_at`, with a text that carries `marker`."""
    from bot.db.engine import Database
    from bot.db.people import PeopleRepository
    from bot.db.prompts import PromptRepository
    from bot.services.clock import utc_now
    from bot.services.people import PersonInfo
    from bot.services.prompting import SlotStatus

    database = Database(url)
    try:
        prompts = PromptRepository(database)
        [schedule] = [s for s in prompts.schedules() if s.conversation_id == CHANNEL]
        now = utc_now()
        prompts.add_slots(schedule.id, [(due_at, SlotStatus.PLANNED)], now=now)
        [slot] = prompts.slots(schedule_id=schedule.id, statuses=[SlotStatus.PLANNED])
        teams_id, aad, name = WRITER
        writer = PeopleRepository(database).person_id(
            PersonInfo(teams_user_id=teams_id, aad_object_id=aad, name=name), now=now
        )
        prompts.set_text(
            slot.id, f"{marker}: what should the district ask the region for?", by=writer, now=now
        )
        return slot.id
    finally:
        database.dispose()


def read_post(url: str, slot_id: int) -> dict[str, Any]:
    """The slot's status and its post record (outcome, claimed_by, claimed_at), as the servers left them."""
    from bot.db.engine import Database

    database = Database(url)
    try:
        with database.read() as session:
            status = session.execute(
                text("SELECT status FROM occurrence WHERE id = :id"), {"id": slot_id}
            ).scalar()
            post = (
                session.execute(
                    text("SELECT outcome, claimed_by, claimed_at FROM prompt_post WHERE occurrence_id = :id"),
                    {"id": slot_id},
                )
                .mappings()
                .first()
            )
        return {"status": status, **(dict(post) if post else {})}
    finally:
        database.dispose()


def _zone() -> Any:
    from zoneinfo import ZoneInfo

    from bot.config import Settings

    return ZoneInfo(Settings.model_fields["timezone"].default)


# --- running a setup -------------------------------------------------------------------------------------


def bots(setup: Setup, database_url: str, workdir: Path) -> list[Server]:
    started = []
    for index, _core in enumerate(setup.cores):
        name = f"bot-{'ab'[index]}" if len(setup.cores) > 1 else "bot"
        started.append(bot_server(name, database_url, workdir, PYTHONUNBUFFERED="1"))
    return started


@dataclass(frozen=True)
class Options:
    senders: int = 32
    warmup: float = 3.0
    duration: float = 10.0


@dataclass
class Run:
    rows: list[Row]
    startup: float  # seconds from starting the servers until all answered
    posting: Posting | None


async def run_setup(
    setup: Setup,
    database_url: str,
    connector: RecordingConnector,
    options: Options,
    *,
    load_core: int,
    startup_estimate: float,
    postgres_cpu: Callable[[], float] | None = None,
) -> Run:
    """Start the setup's servers on a database seeded by seed_template, load them, stop them."""
    marker = f"bench-replicas-{uuid.uuid4().hex[:12]}"
    slot_id, due_at = 0, datetime.now(UTC)
    shared = max(setup.cores.count(core) for core in setup.cores)
    if setup.prompt:
        # Due in the first command's measured stretch, if the servers start as fast as estimated.
        lead = startup_estimate * shared + PROBE_SECONDS + options.warmup + 0.3 * options.duration
        due_at = datetime.now(UTC) + timedelta(seconds=lead + 0.5)  # + the slot's own set-up
        slot_id = await asyncio.to_thread(add_due_slot, database_url, due_at, marker)
    with tempfile.TemporaryDirectory(prefix="bench-replicas-") as tmp:
        servers = bots(setup, database_url, Path(tmp))
        started_at = datetime.now(UTC)
        begun = time.perf_counter()
        try:
            for server, core in zip(servers, setup.cores, strict=True):
                server.start(core)
            await asyncio.gather(*(server.wait_ready() for server in servers))
            startup = time.perf_counter() - begun
            for server in servers:
                await probe(server.url, connector, COMMANDS[0])
            rows, windows = [], []
            urls = [server.url for server in servers]
            for command in COMMANDS:
                plan = LoadPlan(
                    urls[0],
                    command,
                    options.senders,
                    options.warmup,
                    options.duration,
                    replicas=tuple(urls[1:]),
                )
                gauges = meters(servers, postgres_cpu, setup.cores, load_core)
                start = datetime.now(UTC)
                result = await run_load(plan, connector, meters=gauges)
                windows.append(Window(command, start, datetime.now(UTC)))
                rows.append(Row(setup, command, result))
            posting = None
            if setup.prompt:
                posting = Posting(setup, slot_id, due_at, started_at, windows)
                posting.names = {server.pid: server.name for server in servers}
                await settle(posting, database_url, connector, marker)
                posting.fired_in = [server.name for server in servers if _post_job_ran(server)]
        finally:
            for server in servers:
                server.stop()
    return Run(rows, startup, posting)


async def settle(posting: Posting, url: str, connector: RecordingConnector, marker: str) -> None:
    """Wait until the slot is no longer planned or being posted (or give up), then count its threads."""
    deadline = max(datetime.now(UTC), posting.due_at) + timedelta(seconds=SETTLE_SECONDS)
    while True:
        found = await asyncio.to_thread(read_post, url, posting.slot_id)
        if found["status"] not in ("planned", "posting") or datetime.now(UTC) > deadline:
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)  # a second post, if there were one, would be on its way by now
    posting.status = found["status"]
    posting.outcome = found.get("outcome")
    posting.claimed_by = found.get("claimed_by")
    claimed_at = found.get("claimed_at")
    if isinstance(claimed_at, datetime):
        posting.claimed_at = claimed_at if claimed_at.tzinfo else claimed_at.replace(tzinfo=UTC)
    posting.threads = sum(
        1 for channel, first in connector.created if channel == CHANNEL and marker.encode() in first
    )


def _post_job_ran(server: Server) -> bool:
    """Whether the server's scheduler ran a post job (APScheduler logs each job it runs, at INFO)."""
    try:
        return 'Running job "PromptPoster.post' in server.log.read_text(errors="replace")
    except OSError:
        return False


def meters(
    servers: list[Server], postgres_cpu: Callable[[], float] | None, cores: tuple[int, ...], load_core: int
) -> dict[str, Callable[[], float]]:
    """CPU seconds: each bot, PostgreSQL, this process (load and connector), and each core by anyone."""
    gauges: dict[str, Callable[[], float]] = {server.name: server.cpu_seconds for server in servers}
    gauges["postgres"] = postgres_cpu or (lambda: math.nan)  # an external server: not measured
    gauges["load"] = time.process_time
    for core in sorted({*cores, load_core}):
        gauges[f"core {core}"] = functools.partial(core_busy_seconds, core)
    return gauges


# --- the report ------------------------------------------------------------------------------------------


def report(rows: list[Row], postings: list[Posting], startups: dict[str, float]) -> str:
    header = (
        f"{'setup':20}{'command':9}{'act/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'replies/sent':>15}"
        f"{'bots CPU':>16}{'PG CPU':>8}{'gen CPU':>9}{'cores busy':>12}{'others':>8}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        r = row.result
        bots_cpu = "+".join(
            _pct(r.metered[name], r.duration)
            for name in r.metered
            if name.startswith("bot")  # bot, bot-a, bot-b
        )
        cores_busy = "/".join(
            _pct(r.metered[name], r.duration) for name in sorted(r.metered) if name.startswith("core ")
        )
        lines.append(
            f"{row.setup.name:20}{row.command:9}{r.throughput:9.1f}{r.percentile(0.5):9.1f}"
            f"{r.percentile(0.99):9.1f}{f'{r.received}/{r.sent}':>15}{bots_cpu:>16}"
            f"{_pct(r.metered['postgres'], r.duration):>8}{_pct(r.metered['load'], r.duration):>9}"
            f"{cores_busy:>12}{_pct(_others(r), r.duration):>8}"
        )
    lines += [
        "",
        "CPU: % of one core over the measured stretch. gen: this process (load generator and connector); "
        "cores busy: each core (in order) by anyone; others: processes not ours on those cores",
    ]
    lines.append(
        "start-up (until every server answered /healthz): "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in startups.items())
    )
    for row in rows:
        if row.result.http_errors or row.result.duplicates or row.result.received != row.result.sent:
            lines.append(
                f"  note: {row.setup.name} {row.command!r}: {row.result.http_errors} failed POSTs, "
                f"{row.result.sent - row.result.received} replies missing, {row.result.duplicates} duplicates"
            )

    if any(_others(row.result) / row.result.duration > 0.10 for row in rows):
        lines.append(
            "  note: other processes took over 10 % of a core in some case (column others): the machine "
            "was not quiet, rerun for clean figures"
        )

    for row in rows:
        busy = {
            name: row.result.metered[name] / row.result.duration
            for name in sorted(row.result.metered)
            if name.startswith("core ")
        }
        if len(set(row.setup.cores)) > 1 and min(busy.values()) < 0.85 and max(busy.values()) > 0.95:
            idle = min(busy, key=lambda name: busy[name])
            lines.append(
                f"  note: {row.setup.name} {row.command!r}: {idle} was {100 * (1 - busy[idle]):.0f} % idle "
                "while the other was saturated: closed-loop senders going round-robin wait on the slower "
                "process (the one sharing its core), so the other cannot use all of its own"
            )

    one = {row.command: row.result.throughput for row in rows if len(row.setup.cores) == 1}
    lines += ["", "scaling, throughput of two processes / one process (same commands, same data):"]
    for command in COMMANDS:
        ratios = [
            f"{row.setup.name}: {_ratio(row.result.throughput, one.get(command, math.nan))}"
            for row in rows
            if row.command == command and len(row.setup.cores) > 1
        ]
        lines.append(f"  {command:8}" + "   ".join(ratios))

    if postings:
        lines += ["", "exactly once (a prompt falls due while two processes serve load):"]
        lines += [posting.report() for posting in postings]
        verdict = "PASS" if all(p.ok for p in postings) else "FAIL"
        lines.append(f"  exactly once overall: {verdict}")
    return "\n".join(lines)


def _others(result: LoadResult) -> float:
    """CPU seconds our cores spent on processes other than the bots, PostgreSQL and this one."""
    m = result.metered
    busy = sum(value for name, value in m.items() if name.startswith("core "))
    ours = sum(value for name, value in m.items() if not name.startswith("core ") and not math.isnan(value))
    return max(0.0, busy - ours)


def _pct(seconds: float, duration: float) -> str:
    if math.isnan(seconds):
        return "-"
    return f"{100 * seconds / duration:.0f}%"


def _ratio(value: float, reference: float) -> str:
    if math.isnan(reference) or reference == 0:
        return "-"
    return f"{value / reference:.2f}x"


# --- main ------------------------------------------------------------------------------------------------


def setups(args: argparse.Namespace) -> tuple[list[Setup], int]:
    """The setups to run and the load generator's core."""
    cores = sorted(os.sched_getaffinity(0))
    first, second = cores[0], cores[min(1, len(cores) - 1)]
    chosen = [Setup("one", (first,), prompt=False), Setup("two", (first, second), prompt=True)]
    if not args.skip_same_core and second != first:
        chosen.append(Setup("two on one core", (first, first), prompt=True))
    return chosen, second


async def measure(args: argparse.Namespace) -> int:
    cores = sorted(os.sched_getaffinity(0))
    chosen, load_core = setups(args)
    os.sched_setaffinity(0, {load_core})
    try:
        with postgres_cluster() as cluster:
            if args.postgres_core is not None:
                cluster.pin(args.postgres_core)
            return await _measure(args, cluster, chosen, load_core, cores)
    except NoPostgres as exc:
        print(f"bench.replicas needs PostgreSQL: {exc}")
        return 2


async def _measure(
    args: argparse.Namespace, cluster: Cluster, chosen: list[Setup], load_core: int, cores: list[int]
) -> int:
    connector = await RecordingConnector().start()
    try:
        await asyncio.to_thread(cluster.create, TEMPLATE)
        await asyncio.to_thread(seed_template, cluster.url(TEMPLATE), connector.url, args.senders)
        print(
            f"PostgreSQL {cluster.version()}: a throwaway cluster (tests/postgres.py), durability off "
            "(fsync, synchronous_commit, full_page_writes), "
            + (
                "not pinned to a core"
                if args.postgres_core is None
                else f"pinned to core {args.postgres_core}"
            )
        )
        print(
            f"{args.senders} senders, round-robin over the setup's processes; {args.warmup:g} s warm-up + "
            f"{args.duration:g} s measured per command; each setup on a fresh copy of one template database"
        )
        for setup in chosen:
            where = ", ".join(f"core {c}" for c in setup.cores)
            print(f"  {setup.name}: {len(setup.cores)} bot process(es) on {where}")
        print(f"  load generator and recording connector (this process): core {load_core}")
        if len(cores) == 1:
            print(f"  note: only core {load_core} is available: the bots, PostgreSQL and the load share it")
        elif len(cores) == 2:
            print(
                f"  note: this machine has 2 cores: with two bots, the second one shares core {load_core} "
                "with the load generator and the connector, and PostgreSQL competes with all of them, so "
                "'two' adds at best what is left of that core; 'two on one core' gives two processes the "
                "single core 'one' has"
            )
        rows: list[Row] = []
        postings: list[Posting] = []
        startups: dict[str, float] = {}
        estimate = 3.0
        options = Options(args.senders, args.warmup, args.duration)
        for setup in chosen:
            database = "bench_" + "_".join(setup.name.split())
            url = await asyncio.to_thread(cluster.create, database, TEMPLATE)
            run = await run_setup(
                setup,
                url,
                connector,
                options,
                load_core=load_core,
                startup_estimate=estimate,
                postgres_cpu=cluster.cpu_seconds,
            )
            if len(setup.cores) == 1:
                estimate = run.startup
            startups[setup.name] = run.startup
            rows += run.rows
            if run.posting is not None:
                postings.append(run.posting)
    finally:
        await connector.close()
    print()
    print(report(rows, postings, startups))
    return 0 if all(p.ok for p in postings) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.replicas", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="0.5 s warm-up + 1.5 s measured per command (about 25 s in all)"
    )
    parser.add_argument("--senders", type=int, default=32, help="concurrent senders (default: %(default)s)")
    parser.add_argument("--warmup", type=float, help="seconds of warm-up per command (default: 3)")
    parser.add_argument("--duration", type=float, help="seconds measured per command (default: 10)")
    parser.add_argument(
        "--skip-same-core", action="store_true", help="leave out the two processes on one core"
    )
    parser.add_argument(
        "--postgres-core", type=int, metavar="N", help="pin PostgreSQL to core N (default: not pinned)"
    )
    args = parser.parse_args(argv)
    args.warmup = args.warmup if args.warmup is not None else (0.5 if args.quick else 3.0)
    args.duration = args.duration if args.duration is not None else (1.5 if args.quick else 10.0)
    return asyncio.run(measure(args))


if __name__ == "__main__":
    raise SystemExit(main())
