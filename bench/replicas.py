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
  gains by itself, apart from the second core (left out with --skip-same-core);
- one, capped: one process on core 0 with a fixed CPU budget, --cpu-limit of a core (0.45), as a container
  with a CPU limit has one (Kubernetes `cpu: 450m`): a cgroup of its own with a CPU quota per 100 ms period
  (--cpu-period; bench/servers.py, CpuCap: cgroup v2 `cpu.max`, else v1 `cpu.cfs_quota_us`);
- two, capped: two processes on core 0, each with the same budget in a cgroup of its own (0.9 of the core
  together), the load round-robin over both.

The capped pair measures the software's own scaling on a small machine: each process gets the same CPU
as the one process it is compared with, and core 1 is left to the load generator and the connector (and
what PostgreSQL needs), so neither the machine's second core nor the load generator's share of it decides
the ratio. The report gives two, capped / one, capped apart from the uncapped ratios, with how often each
quota was used up (cpu.stat) and each bot's CPU against its cap, so that one sees the caps were binding.
Where no process can be given a CPU quota (no cpu controller, no permission) the capped setups are skipped
with a line saying why; --skip-capped leaves them out, --only-capped runs only them.

For each setup and command (`mål`, `status`): 32 closed-loop senders (bench/load.py), warm-up, a measured
stretch; activities per second, p50/p99 latency (from the POST until the reply reached the connector), and
the CPU each party used. In rounds (--rounds, 3): each round starts every setup in turn and measures it for
its share of --duration, and the rounds are added up, so that the host getting faster or slower (other
tenants of the machine: 10 s stretches of the same setup differed by up to a third) moves every setup alike
and the ratios hold. PostgreSQL is not pinned (its backends run wherever the kernel puts them) unless
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
import re
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
from bench.servers import (
    CPU_PERIOD_MS,
    CpuController,
    NoCpuCap,
    Server,
    bot_server,
    core_busy_seconds,
    cpu_controller,
)
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
CPU_LIMIT = 0.45  # of a core, for each process of the capped setups (Kubernetes: `cpu: 450m`)
# Meters of a cap's cpu.stat (accounting periods, throttled ones) are named "cap <what> <server>".
CAP = "cap "


@dataclass(frozen=True)
class Setup:
    name: str
    cores: tuple[int, ...]  # one per bot process
    prompt: bool  # a scheduled prompt falls due while it runs
    cpu_limit: float | None = None  # each bot process capped at this much of a core (a cgroup CPU quota)

    @property
    def share(self) -> float:
        """How much of a core each bot process may have: its cap, or its share of the core it is on."""
        shared = 1 / max(self.cores.count(core) for core in self.cores)
        return min(shared, self.cpu_limit) if self.cpu_limit is not None else shared

    @property
    def database(self) -> str:
        return "bench_" + "_".join(re.findall(r"\w+", self.name))


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
    round: int = 0  # which of several rounds, if there were several

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
        name = f"{self.setup.name}, round {self.round}" if self.round else self.setup.name
        lines = [
            f"  {name}: slot #{self.slot_id} due {offset(self.due_at)} after the servers were "
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
    cpu_period_ms: float = CPU_PERIOD_MS  # of the capped setups' CPU quota


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
    """Start the setup's servers on a database seeded by seed_template, load them, stop them.

    `startup_estimate`: how long one server takes to start with a whole core to itself.
    """
    marker = f"bench-replicas-{uuid.uuid4().hex[:12]}"
    slot_id, due_at = 0, datetime.now(UTC)
    if setup.prompt:
        # Due in the first command's measured stretch, if the servers start as fast as estimated.
        lead = startup_estimate / setup.share + PROBE_SECONDS + options.warmup + 0.3 * options.duration
        due_at = datetime.now(UTC) + timedelta(seconds=lead + 0.5)  # + the slot's own set-up
        slot_id = await asyncio.to_thread(add_due_slot, database_url, due_at, marker)
    with tempfile.TemporaryDirectory(prefix="bench-replicas-") as tmp:
        servers = bots(setup, database_url, Path(tmp))
        started_at = datetime.now(UTC)
        begun = time.perf_counter()
        try:
            for server, core in zip(servers, setup.cores, strict=True):
                server.start(core, setup.cpu_limit, options.cpu_period_ms)
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
    """CPU seconds: each bot, PostgreSQL, this process (load and connector), and each core by anyone; for
    a capped bot, also its cap's accounting periods and throttled periods (CAP meters)."""
    gauges: dict[str, Callable[[], float]] = {server.name: server.cpu_seconds for server in servers}
    for server in servers:
        if server.cap is not None:
            gauges[f"{CAP}periods {server.name}"] = functools.partial(_periods, server, throttled=False)
            gauges[f"{CAP}throttled {server.name}"] = functools.partial(_periods, server, throttled=True)
    gauges["postgres"] = postgres_cpu or (lambda: math.nan)  # an external server: not measured
    gauges["load"] = time.process_time
    for core in sorted({*cores, load_core}):
        gauges[f"core {core}"] = functools.partial(core_busy_seconds, core)
    return gauges


def _periods(server: Server, *, throttled: bool) -> float:
    """The cap's accounting periods in which the server ran so far, or those in which it ran out."""
    found = server.throttling()
    if found is None:
        return math.nan
    return float(found.throttled if throttled else found.periods)


# --- the report ------------------------------------------------------------------------------------------


def report(
    rows: list[Row], postings: list[Posting], startups: dict[str, float], cpu_period_ms: float = CPU_PERIOD_MS
) -> str:
    capped = any(row.setup.cpu_limit is not None for row in rows)
    header = (
        f"{'setup':20}{'command':9}{'act/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'replies/sent':>15}"
        f"{'bots CPU':>16}{'throttled' if capped else '':>12}{'PG CPU':>8}{'gen CPU':>9}{'cores busy':>12}"
        f"{'others':>8}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        r = row.result
        bots = [name for name in r.metered if name.startswith("bot")]  # bot, bot-a, bot-b
        bots_cpu = "+".join(_pct(r.metered[name], r.duration) for name in bots)
        throttled = "+".join(_throttled(r, name) for name in bots) if row.setup.cpu_limit else "-"
        cores_busy = "/".join(
            _pct(r.metered[name], r.duration) for name in sorted(r.metered) if name.startswith("core ")
        )
        lines.append(
            f"{row.setup.name:20}{row.command:9}{r.throughput:9.1f}{r.percentile(0.5):9.1f}"
            f"{r.percentile(0.99):9.1f}{f'{r.received}/{r.sent}':>15}{bots_cpu:>16}"
            f"{throttled if capped else '':>12}"
            f"{_pct(r.metered['postgres'], r.duration):>8}{_pct(r.metered['load'], r.duration):>9}"
            f"{cores_busy:>12}{_pct(_others(r), r.duration):>8}"
        )
    lines += [
        "",
        "CPU: % of one core over the measured stretch. gen: this process (load generator and connector); "
        "cores busy: each core (in order) by anyone; others: processes not ours on those cores",
    ]
    if capped:
        lines.append(
            "throttled: % of its CPU quota's accounting periods in which a capped bot used up its quota and "
            "was held back (cgroup cpu.stat)"
        )
    lines.append(
        "start-up (until every server answered /healthz, mean of the rounds): "
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
    lines += _cap_notes(rows)

    uncapped = [row for row in rows if row.setup.cpu_limit is None]
    if uncapped:
        one = {row.command: row.result.throughput for row in uncapped if len(row.setup.cores) == 1}
        lines += ["", "scaling, throughput of two processes / one process (same commands, same data):"]
        for command in COMMANDS:
            ratios = [
                f"{row.setup.name}: {_ratio(row.result.throughput, one.get(command, math.nan))}"
                for row in uncapped
                if row.command == command and len(row.setup.cores) > 1
            ]
            lines.append(f"  {command:8}" + "   ".join(ratios))
    limits = sorted({row.setup.cpu_limit for row in rows if row.setup.cpu_limit is not None})
    for limit in limits:
        same = [row for row in rows if row.setup.cpu_limit == limit]
        singles = {row.command: row for row in same if len(row.setup.cores) == 1}
        twos = [row for row in same if len(row.setup.cores) > 1]
        where = ", ".join(sorted({f"core {core}" for row in same for core in row.setup.cores}))
        lines += [
            "",
            f"scaling with each process capped at {limit:g} core by a cgroup CPU quota ({cpu_period_ms:g} ms "
            f"period), all on {where}: throughput of two processes / one process, the same CPU each; the "
            "bots' CPU per activity is why it differs from the ratio of the CPU they used:",
        ]
        for command in COMMANDS:
            single = singles.get(command)
            reference = single.result.throughput if single else math.nan
            ratios = [
                f"{row.setup.name} / one: {_ratio(row.result.throughput, reference)}"
                + (
                    f" (CPU per activity: {single.setup.name} {_per_activity(single.result)}, "
                    f"{row.setup.name} {_per_activity(row.result)})"
                    if single
                    else ""
                )
                for row in twos
                if row.command == command
            ]
            lines.append(f"  {command:8}" + "   ".join(ratios))

    if postings:
        lines += ["", "exactly once (a prompt falls due while two processes serve load):"]
        lines += [posting.report() for posting in postings]
        verdict = "PASS" if all(p.ok for p in postings) else "FAIL"
        lines.append(f"  exactly once overall: {verdict}")
    return "\n".join(lines)


def _cap_notes(rows: list[Row]) -> list[str]:
    """Whether the caps held the bots back: each capped bot's CPU against its cap, and how often throttled."""
    notes = []
    used, throttled, limits = [], [], set()
    for row in rows:
        limit, r = row.setup.cpu_limit, row.result
        if limit is None:
            continue
        limits.add(limit)
        for name in (name for name in r.metered if name.startswith("bot")):
            share = r.metered[name] / r.duration
            used.append(share)
            periods = r.metered.get(f"{CAP}periods {name}", math.nan)
            if periods > 0:
                throttled.append(r.metered.get(f"{CAP}throttled {name}", math.nan) / periods)
            if share < 0.9 * limit:
                notes.append(
                    f"  note: {row.setup.name} {row.command!r}: {name} used {100 * share:.0f} % of a core, "
                    f"under its cap of {100 * limit:.0f} %: something else held it back (the load generator? "
                    "PostgreSQL? the senders?), so this is not its capped throughput"
                )
    if not used or notes:
        return notes
    binding = f"  caps binding: every capped bot used {100 * min(used):.0f}-{100 * max(used):.0f} % of a core"
    if len(limits) == 1:
        binding += f" (its cap: {100 * limits.pop():.0f} %)"
    if throttled and not any(math.isnan(t) for t in throttled):
        binding += (
            f" and used up its quota in {100 * min(throttled):.0f}-{100 * max(throttled):.0f} % of the "
            "accounting periods it ran in"
        )
    return [binding]


def _per_activity(result: LoadResult) -> str:
    """The bots' CPU time per activity completed, in ms."""
    cpu = sum(value for name, value in result.metered.items() if name.startswith("bot"))
    return f"{1000 * cpu / result.completed:.2f} ms" if result.completed else "-"


def _throttled(result: LoadResult, name: str) -> str:
    periods = result.metered.get(f"{CAP}periods {name}", math.nan)
    throttled = result.metered.get(f"{CAP}throttled {name}", math.nan)
    if math.isnan(periods) or math.isnan(throttled) or periods <= 0:
        return "-"
    return f"{100 * throttled / periods:.0f}%"


def _others(result: LoadResult) -> float:
    """CPU seconds our cores spent on processes other than the bots, PostgreSQL and this one."""
    m = result.metered
    busy = sum(value for name, value in m.items() if name.startswith("core "))
    ours = sum(
        value
        for name, value in m.items()
        if not name.startswith(("core ", CAP)) and not math.isnan(value)  # CPU seconds only
    )
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
    chosen = []
    if not args.only_capped:
        chosen += [Setup("one", (first,), prompt=False), Setup("two", (first, second), prompt=True)]
        if not args.skip_same_core and second != first:
            chosen.append(Setup("two on one core", (first, first), prompt=True))
    if not args.skip_capped:
        limit = args.cpu_limit
        chosen += [
            Setup("one, capped", (first,), prompt=False, cpu_limit=limit),
            Setup("two, capped", (first, first), prompt=True, cpu_limit=limit),
        ]
    return chosen, second


async def measure(args: argparse.Namespace) -> int:
    cores = sorted(os.sched_getaffinity(0))
    chosen, load_core = setups(args)
    controller = None
    if any(setup.cpu_limit is not None for setup in chosen):
        try:
            controller = cpu_controller()
        except NoCpuCap as exc:
            chosen = [setup for setup in chosen if setup.cpu_limit is None]
            print(f"capped setups skipped: cannot give a process a CPU quota here: {exc}")
            if not chosen:
                return 2
    os.sched_setaffinity(0, {load_core})
    try:
        with postgres_cluster() as cluster:
            if args.postgres_core is not None:
                cluster.pin(args.postgres_core)
            return await _measure(args, cluster, chosen, load_core, cores, controller)
    except NoPostgres as exc:
        print(f"bench.replicas needs PostgreSQL: {exc}")
        return 2


async def _measure(
    args: argparse.Namespace,
    cluster: Cluster,
    chosen: list[Setup],
    load_core: int,
    cores: list[int],
    controller: CpuController | None,
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
            f"{args.senders} senders, round-robin over the setup's processes; {args.duration:g} s measured "
            f"per command, in {args.rounds} round(s) that each start every setup in turn (on a fresh copy of "
            f"one template database) and give each command {args.warmup:g} s of warm-up"
        )
        for setup in chosen:
            where = ", ".join(f"core {c}" for c in setup.cores)
            cap = ""
            if setup.cpu_limit is not None:
                cap = f", each capped at {setup.cpu_limit:g} core"
                if len(setup.cores) > 1:
                    cap += f" ({len(setup.cores) * setup.cpu_limit:g} of it together)"
            print(f"  {setup.name}: {len(setup.cores)} bot process(es) on {where}{cap}")
        print(f"  load generator and recording connector (this process): core {load_core}")
        if controller is not None:
            print(
                f"  CPU caps: a cgroup per bot process with a CPU quota of {args.cpu_limit:g} core per "
                f"{args.cpu_period:g} ms period, as a container's CPU limit; {controller.describe()}"
            )
        if len(cores) == 1:
            print(f"  note: only core {load_core} is available: the bots, PostgreSQL and the load share it")
        elif len(cores) == 2 and not args.only_capped:
            print(
                f"  note: this machine has 2 cores: with two bots, the second one shares core {load_core} "
                "with the load generator and the connector, and PostgreSQL competes with all of them, so "
                "'two' adds at best what is left of that core; 'two on one core' gives two processes the "
                "single core 'one' has"
            )
        measured: dict[tuple[Setup, str], list[LoadResult]] = {}
        postings: list[Posting] = []
        startups: dict[str, list[float]] = {}
        estimate = 3.0  # seconds for one server to start with a whole core
        options = Options(args.senders, args.warmup, args.duration / args.rounds, args.cpu_period)
        # Every setup in each round, so that the host getting faster or slower during the run (other
        # tenants, clock speed: 10 s stretches of one setup differ by up to a third here) moves all alike.
        for round_ in range(1, args.rounds + 1):
            for setup in chosen:
                url = await asyncio.to_thread(cluster.create, setup.database, TEMPLATE)
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
                    estimate = run.startup * setup.share
                startups.setdefault(setup.name, []).append(run.startup)
                for row in run.rows:
                    measured.setdefault((setup, row.command), []).append(row.result)
                if run.posting is not None:
                    run.posting.round = round_ if args.rounds > 1 else 0
                    postings.append(run.posting)
    finally:
        await connector.close()
    rows = [
        Row(setup, command, LoadResult.combined(results)) for (setup, command), results in measured.items()
    ]
    print()
    print(report(rows, postings, {name: sum(s) / len(s) for name, s in startups.items()}, args.cpu_period))
    return 0 if all(p.ok for p in postings) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.replicas", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="0.5 s warm-up + 1.5 s measured per command, one round (about 25 s in all, 20 s capped only): "
        "a smoke test, its figures are not to be compared (a capped bot is still starting up in the first "
        "command's stretch)",
    )
    parser.add_argument("--senders", type=int, default=32, help="concurrent senders (default: %(default)s)")
    parser.add_argument("--warmup", type=float, help="seconds of warm-up per command (default: 3)")
    parser.add_argument("--duration", type=float, help="seconds measured per command (default: 10)")
    parser.add_argument(
        "--rounds", type=int, help="rounds over all setups, the duration shared out (default: 3; quick: 1)"
    )
    parser.add_argument(
        "--skip-same-core", action="store_true", help="leave out the two processes on one core"
    )
    parser.add_argument(
        "--postgres-core", type=int, metavar="N", help="pin PostgreSQL to core N (default: not pinned)"
    )
    capped = parser.add_mutually_exclusive_group()
    capped.add_argument(
        "--skip-capped", action="store_true", help="leave out the setups with a CPU quota per process"
    )
    capped.add_argument(
        "--only-capped", action="store_true", help="run only the setups with a CPU quota per process"
    )
    parser.add_argument(
        "--cpu-limit",
        type=float,
        default=CPU_LIMIT,
        metavar="CORES",
        help="each process's CPU quota in the capped setups, in cores, at most 0.5: two of them share one "
        "core (default: %(default)s)",
    )
    parser.add_argument(
        "--cpu-period",
        type=float,
        default=CPU_PERIOD_MS,
        metavar="MS",
        help="the CPU quota's accounting period in ms, 1 to 1000 (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if not 0 < args.cpu_limit <= 0.5:
        parser.error("--cpu-limit: the two capped processes share one core, so 0 < CORES <= 0.5")
    if not 1 <= args.cpu_period <= 1000 or args.cpu_limit * args.cpu_period < 1:
        parser.error("--cpu-period: 1 to 1000 ms, and the quota (CORES x MS) at least 1 ms")
    args.warmup = args.warmup if args.warmup is not None else (0.5 if args.quick else 3.0)
    args.duration = args.duration if args.duration is not None else (1.5 if args.quick else 10.0)
    args.rounds = max(1, args.rounds if args.rounds is not None else (1 if args.quick else 3))
    return asyncio.run(measure(args))


if __name__ == "__main__":
    raise SystemExit(main())
