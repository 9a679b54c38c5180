"""Smoke tests for bench/: each piece runs briefly so the benchmark cannot rot. Functional checks only
(every reply arrives, once); no figure here is a timing assertion."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bench import bare, echo
from bench.connector import Limits, RecordingConnector
from bench.fanout import fanout
from bench.load import LoadPlan, LoadResult, probe, run_load
from bench.servers import CpuCap, NoCpuCap, Server, cpu_controller, free_port
from bench.suite import BRANCH, CHECK_IN, Case, Row, grant_chairs, report
from bot.app import create_app
from bot.config import Settings
from bot.notifier import RateLimits, Window


@pytest.fixture
async def connector() -> AsyncIterator[RecordingConnector]:
    recording = await RecordingConnector().start()
    yield recording
    await recording.close()


async def serve(app: web.Application) -> TestServer:
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server


@pytest.mark.parametrize("make_app", [bare.create_app, echo.create_app], ids=["limit", "echo"])
async def test_every_activity_gets_one_reply(
    connector: RecordingConnector, make_app: Callable[[], web.Application]
) -> None:
    server = await serve(make_app())
    try:
        url = str(server.make_url("/api/messages"))
        assert await probe(url, connector, "mål") == "Echo: mål"
        result = await run_load(LoadPlan(url, "mål", senders=4, warmup=0.1, duration=0.4), connector)
    finally:
        await server.close()

    assert result.sent > 0
    assert result.received == result.sent
    assert result.duplicates == 0
    assert result.http_errors == 0
    assert len(result.latencies) == result.sent


async def test_the_bot_stores_a_chairs_check_in(settings: Settings, connector: RecordingConnector) -> None:
    server = await serve(create_app(settings))  # its start-up loads the sample plan
    try:
        grant_chairs(settings.database_url, 1, BRANCH)
        reply = await probe(str(server.make_url("/api/messages")), connector, CHECK_IN)
    finally:
        await server.close()

    assert "#1" in reply and BRANCH in reply  # stored as check-in #1 for the branch, not refused


async def test_a_server_runs_pinned_in_its_own_process(tmp_path: Path, connector: RecordingConnector) -> None:
    port = free_port()
    server = Server("limit", "bench.bare", ["--port", str(port)], port, tmp_path)
    core = min(os.sched_getaffinity(0))
    server.start(core)
    try:
        await server.wait_ready()
        assert await probe(server.url, connector, "status") == "Echo: status"
        assert os.sched_getaffinity(server.pid) == {core}
        assert server.peak_rss_mb() > 0
        assert server.cpu_seconds() >= 0
    finally:
        server.stop()
    assert server.process is not None and server.process.returncode is not None


def _cpu_caps() -> None:
    """Skip unless this machine lets the bench give a process a CPU quota (a cgroup it may make)."""
    try:
        cpu_controller()
    except NoCpuCap as exc:
        pytest.skip(f"no CPU caps here: {exc}")


def _cgroups_of_threads(pid: int) -> list[list[str]]:
    """/proc/PID/task/TID/cgroup of each thread, as lines."""
    return [(task / "cgroup").read_text().splitlines() for task in Path(f"/proc/{pid}/task").iterdir()]


async def test_a_capped_server_runs_in_its_own_cgroup_removed_when_it_stops(
    tmp_path: Path, connector: RecordingConnector
) -> None:
    _cpu_caps()
    port = free_port()
    server = Server("limit", "bench.bare", ["--port", str(port)], port, tmp_path)
    core = min(os.sched_getaffinity(0))
    server.start(core, cpu_limit=0.3, cpu_period_ms=20)
    try:
        await server.wait_ready()
        assert await probe(server.url, connector, "status") == "Echo: status"
        assert server.cap is not None
        cgroup = server.cap.path
        assert cgroup.is_dir() and cgroup.name.startswith(f"bench-{os.getpid()}-limit")
        assert server.cap.quota() == (6000, 20000)  # 0.3 of a core: 6 ms of CPU each 20 ms
        assert server.cap.pids() == [server.pid]
        for lines in _cgroups_of_threads(server.pid):  # threads started after it was moved too
            assert any(line.endswith(f"/{cgroup.name}") for line in lines), lines
        assert server.throttling() is not None
    finally:
        server.stop()
    assert server.process is not None and server.process.returncode is not None
    assert server.cap is None and not cgroup.exists()


def test_a_cap_throttles_a_busy_process() -> None:
    _cpu_caps()
    cap = CpuCap(f"bench-{os.getpid()}-busy", 0.2, period_ms=10)
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        cap.add(busy.pid)
        time.sleep(0.3)
        throttling = cap.throttling()
    finally:
        busy.kill()
        busy.wait()
        cap.remove()
    assert throttling.periods > 0 and throttling.throttled > 0 and throttling.throttled_seconds > 0
    assert not cap.path.exists()


async def test_a_fanout_reaches_every_channel_once() -> None:
    relaxed = RateLimits(per_conversation=(Window(100, 1.0),), overall=(Window(1000, 1.0),))

    result = await fanout(20, limits=Limits(per_conversation=100, overall=1000), pacing=relaxed)

    assert result.delivered == 20
    assert result.duplicates == 0
    assert not result.failed
    assert "ratio" in result.report()


def test_rounds_of_a_case_add_up() -> None:
    def stretch(sent: int, latencies: list[float], cpu: float) -> LoadResult:
        return LoadResult(
            sent=sent,
            received=sent - 1,
            completed=sent,
            duration=2.0,
            latencies=latencies,
            http_errors=1,
            duplicates=0,
            metered={"server": cpu},
        )

    both = LoadResult.combined([stretch(100, [0.010, 0.030], 1.5), stretch(300, [0.020], 0.5)])
    assert (both.sent, both.received, both.completed, both.http_errors) == (400, 398, 400, 2)
    assert both.throughput == 100.0 and both.metered == {"server": 2.0}
    assert both.percentile(0.5) == 20.0 and both.percentile(0.99) == 30.0


def measured(per_second: float, metered: dict[str, float]) -> LoadResult:
    """A second's load of ten activities, every reply in 10 ms, `per_second` completed, these CPU figures."""
    return LoadResult(
        sent=10,
        received=10,
        completed=int(per_second),
        duration=1.0,
        latencies=[0.01] * 10,
        http_errors=0,
        duplicates=0,
        metered=metered,
    )


def test_the_report_names_every_target() -> None:
    def figures(per_second: float) -> LoadResult:
        return measured(
            per_second, dict.fromkeys(("server", "servers", "load", "server core", "load core"), 0.5)
        )

    rows = [
        Row(Case("limit", "mål"), figures(1000), "Echo: mål"),
        Row(Case("echo", "mål"), figures(50), "Echo: mål"),
        Row(Case("bot", "mål"), figures(600), "[card] Mål"),
    ]

    text = report(rows, {"limit": 40.0, "echo": 75.0, "bot": 120.0})

    assert "12.0" in text  # 600 / 50: times the echo bot
    assert text.count("PASS") == 5
    assert "MISS" not in text
    assert not math.isnan(rows[2].result.percentile(0.99))


async def test_two_processes_on_postgresql_share_the_load_and_post_a_due_prompt_once(
    postgres_url: str, connector: RecordingConnector
) -> None:
    from bench.replicas import Options, Setup, run_setup, seed_template
    from tests.postgres import reset_schema

    reset_schema(postgres_url)  # the session's PostgreSQL (skipped without it, an error under CI)
    seed_template(postgres_url, connector.url, senders=4)
    core = min(os.sched_getaffinity(0))
    setup = Setup("two", (core, core), prompt=True)

    run = await run_setup(
        setup,
        postgres_url,
        connector,
        Options(senders=4, warmup=0.1, duration=0.5),
        load_core=core,
        startup_estimate=1.0,
    )

    assert [row.command for row in run.rows] == ["mål", "status"]
    for row in run.rows:
        assert row.result.sent > 0
        assert row.result.received == row.result.sent
        assert row.result.duplicates == 0
        assert row.result.http_errors == 0
    assert run.posting is not None
    assert run.posting.status == "posted", run.posting.report()
    assert run.posting.threads == 1, run.posting.report()


def test_the_replicas_report_gives_the_capped_ratio_apart() -> None:
    from bench.replicas import CAP, Row, Setup, report

    def figures(per_second: float, bots: tuple[str, ...]) -> LoadResult:
        metered = {"postgres": 0.1, "load": 0.5, "core 0": 0.9, "core 1": 0.7}
        for bot in bots:
            metered |= {bot: 0.45, f"{CAP}periods {bot}": 50.0, f"{CAP}throttled {bot}": 45.0}
        return measured(per_second, metered)

    one = Setup("one, capped", (0,), prompt=False, cpu_limit=0.45)
    two = Setup("two, capped", (0, 0), prompt=True, cpu_limit=0.45)
    rows = [
        Row(setup, command, figures(per_second, bots))
        for setup, per_second, bots in ((one, 400, ("bot",)), (two, 800, ("bot-a", "bot-b")))
        for command in ("mål", "status")
    ]

    text = report(rows, [], {"one, capped": 4.0, "two, capped": 4.0}, cpu_period_ms=20)

    assert "capped at 0.45 core by a cgroup CPU quota" in text
    assert text.count("two, capped / one: 2.00x") == 2
    assert "90%+90%" in text  # throttled in 45 of 50 periods each
    assert "caps binding" in text and "scaling, throughput" not in text  # no uncapped setups
    assert one.database == "bench_one_capped"
