"""Server processes under test: started pinned to one core, watched through /proc (CPU time, peak RSS).

A server can also be given a fixed CPU budget, as a container with a CPU limit has one (Kubernetes
`cpu: 450m`): a cgroup of its own with a CPU quota (CpuCap), cgroup v2's `cpu.max` where the cgroup2
hierarchy has the cpu controller, else cgroup v1's `cpu.cfs_quota_us`/`cpu.cfs_period_us`.
"""

from __future__ import annotations

import asyncio
import errno
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
_TICKS = os.sysconf("SC_CLK_TCK")
STARTUP_SECONDS = 60
# What a server inherits from this environment: nothing that configures the bot (no .env either: the
# servers run in a temporary directory).
_INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "SYSTEMROOT")
# The CPU quota's accounting period: the kernel's and Kubernetes' default, what a container with a CPU limit
# gets. Measured against 20 ms (`python -m bench.replicas --only-capped --cpu-period MS`, the bot at 0.45
# core, 32 senders, two runs each): the ratio two/one was the same within the noise (1.6-2.2x both); with
# 100 ms one capped bot served 10-20 % more activities on the same CPU (fewer, longer stretches of running)
# at a p50 of 15 ms instead of 37 ms, and its p99 was no worse (88-105 ms against 94-125: with 32 closed-loop
# senders a p99 is mostly queueing, not the up to 55 ms a throttled process stands still); and with 20 ms,
# /proc/stat's busy time of the bots' core (sampled at each tick) read 10-15 % of a core more than the
# capped bot used though nothing else ran there, so the report's "others" showed a load that was not there.
CPU_PERIOD_MS = 100.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def split_cores() -> tuple[int, int]:
    """(the servers' core, the load's core): the first two this process may use, or one for both."""
    cores = sorted(os.sched_getaffinity(0))
    return cores[0], cores[min(1, len(cores) - 1)]


def core_busy_seconds(core: int) -> float:
    """CPU time one core spent on anything but idling, by anyone, since boot (/proc/stat)."""
    for line in Path("/proc/stat").read_text().splitlines():
        name, *ticks = line.split()
        if name == f"cpu{core}":
            user, nice, system, _idle, _iowait, irq, softirq, steal = (int(t) for t in ticks[:8])
            return (user + nice + system + irq + softirq + steal) / _TICKS
    raise RuntimeError(f"no cpu{core} in /proc/stat")


# --- CPU caps (cgroups) ----------------------------------------------------------------------------------


class NoCpuCap(RuntimeError):
    """No CPU quota can be set on this machine; the message says why."""


@dataclass(frozen=True)
class CpuController:
    """Where the caps' cgroups are made: under this process's own cgroup of the cpu controller."""

    version: int  # 1 or 2
    parent: Path

    def describe(self) -> str:
        files = "cpu.max" if self.version == 2 else "cpu.cfs_quota_us and cpu.cfs_period_us"
        return f"cgroup v{self.version} cpu controller at {self.parent} ({files})"


@dataclass(frozen=True)
class Throttling:
    """cpu.stat of a cap's cgroup: accounting periods in which it ran, those in which it ran out."""

    periods: int
    throttled: int
    throttled_seconds: float  # how long its threads stood still for want of quota, added up


def _mounts() -> list[tuple[str, Path, set[str]]]:
    """(file system type, mount point, options) for each line of /proc/mounts."""
    mounts = []
    for line in Path("/proc/mounts").read_text().splitlines():
        fields = line.split()
        if len(fields) >= 4:
            point = fields[1].replace("\\040", " ")  # /proc/mounts writes a space as \040
            mounts.append((fields[2], Path(point), set(fields[3].split(","))))
    return mounts


def _own_cgroup(controller: str) -> str:
    """This process's cgroup path for a v1 controller ("cpu"), or in the v2 hierarchy (""), from /proc."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _id, controllers, path = line.split(":", 2)
        if (controller == "" and _id == "0" and controllers == "") or controller in controllers.split(","):
            return path
    return "/"


def _under(mount: Path, own: str) -> Path:
    """Our own cgroup's folder, if the mount shows it (it does not inside some containers), else the root."""
    folder = mount / own.lstrip("/")
    return folder if folder.is_dir() else mount


def _v2_parent(parent: Path) -> str | None:
    """Why cgroups made under `parent` (cgroup v2) cannot have the cpu controller, or None if they can."""
    try:
        available = (parent / "cgroup.controllers").read_text().split()
        if "cpu" not in available:
            return f"cgroup2 at {parent} has no cpu controller (it has: {' '.join(available) or 'none'})"
        if "cpu" not in (parent / "cgroup.subtree_control").read_text().split():
            (parent / "cgroup.subtree_control").write_text("+cpu")
    except OSError as exc:  # EBUSY: a cgroup with processes in it cannot hand controllers down (v2's rule)
        return f"cgroup2 at {parent}: cannot give its children the cpu controller ({exc.strerror})"
    return None


def _find_controller() -> CpuController:
    reasons = []
    mounts = _mounts()
    for fstype, point, _options in mounts:
        if fstype != "cgroup2":
            continue
        # Under our own cgroup, or else under the root (where v2's no-processes rule does not apply).
        for parent in dict.fromkeys((_under(point, _own_cgroup("")), point)):
            reason = _v2_parent(parent)
            if reason is None:
                return CpuController(2, parent)
            reasons.append(reason)
    for fstype, point, options in mounts:
        if fstype == "cgroup" and "cpu" in options:
            parent = _under(point, _own_cgroup("cpu"))
            if (parent / "cpu.cfs_quota_us").exists():
                return CpuController(1, parent)
            reasons.append(f"cgroup v1 cpu at {point} has no cpu.cfs_quota_us (kernel without CFS bandwidth)")
    if not reasons:
        reasons.append("no cgroup file system with the cpu controller is mounted")
    raise NoCpuCap("; ".join(reasons))


@cache
def cpu_controller() -> CpuController:
    """The cpu controller, once it has been shown to work here (a cgroup made, given a quota, removed).

    Raises NoCpuCap saying why not (no controller, no permission), and again at each call.
    """
    controller = _find_controller()
    probe = CpuCap(f"bench-{os.getpid()}-probe", 0.5, controller=controller)
    probe.remove()
    return controller


class CpuCap:
    """A cgroup of its own with a CPU quota: `limit` of one core per period, for the processes added to it.

    Threads a process starts after it was added inherit the cgroup. remove() after they have all exited.
    """

    def __init__(
        self,
        name: str,
        limit: float,
        period_ms: float = CPU_PERIOD_MS,
        *,
        controller: CpuController | None = None,
    ) -> None:
        self.controller = controller or cpu_controller()
        self.limit = limit
        self.period_us = round(period_ms * 1000)
        self.quota_us = round(limit * self.period_us)
        if not 1000 <= self.period_us <= 1_000_000 or self.quota_us < 1000:
            raise ValueError(
                f"a period of 1 ms to 1 s and a quota of at least 1 ms, not {self.period_us} and "
                f"{self.quota_us} µs (limit {limit:g} core, period {period_ms:g} ms)"
            )
        self.path = self.controller.parent / name
        try:
            self.path.mkdir()
        except OSError as exc:
            raise NoCpuCap(f"cannot make the cgroup {self.path}: {exc.strerror}") from exc
        try:
            if self.controller.version == 2:
                (self.path / "cpu.max").write_text(f"{self.quota_us} {self.period_us}")
            else:  # the period first: the quota is checked against it
                (self.path / "cpu.cfs_period_us").write_text(str(self.period_us))
                (self.path / "cpu.cfs_quota_us").write_text(str(self.quota_us))
        except OSError as exc:
            self.remove()
            raise NoCpuCap(f"cannot set a CPU quota in {self.path}: {exc.strerror}") from exc

    def add(self, pid: int) -> None:
        """Move the process, with all its threads, into the cgroup."""
        (self.path / "cgroup.procs").write_text(str(pid))

    def pids(self) -> list[int]:
        return [int(pid) for pid in (self.path / "cgroup.procs").read_text().split()]

    def quota(self) -> tuple[int, int]:
        """(quota, period) in µs, as the kernel has them."""
        if self.controller.version == 2:
            quota, period = (self.path / "cpu.max").read_text().split()
            return int(quota), int(period)
        return (
            int((self.path / "cpu.cfs_quota_us").read_text()),
            int((self.path / "cpu.cfs_period_us").read_text()),
        )

    def throttling(self) -> Throttling:
        stat = dict(line.split() for line in (self.path / "cpu.stat").read_text().splitlines())
        if "throttled_usec" in stat:  # v2
            throttled = int(stat["throttled_usec"]) / 1e6
        else:  # v1: in ns
            throttled = int(stat.get("throttled_time", 0)) / 1e9
        return Throttling(int(stat.get("nr_periods", 0)), int(stat.get("nr_throttled", 0)), throttled)

    def remove(self, timeout: float = 2.0) -> None:
        """Remove the cgroup (it must be empty: an exited process leaves it at once, once reaped)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError as exc:
                if exc.errno != errno.EBUSY or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)


@dataclass
class Server:
    name: str
    module: str  # run as `python -m module`, with `args`
    args: list[str]
    port: int
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    ready_path: str = "/"
    process: subprocess.Popen[bytes] | None = None
    cap: CpuCap | None = None  # while it runs with a CPU quota

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/messages"

    @property
    def log(self) -> Path:
        return self.workdir / f"{self.name}.log"

    @property
    def pid(self) -> int:
        assert self.process is not None, "start() the server first"
        return self.process.pid

    def start(self, core: int, cpu_limit: float | None = None, cpu_period_ms: float = CPU_PERIOD_MS) -> None:
        """Start it pinned to `core`; with `cpu_limit`, also capped at that much of a core (see CpuCap).

        Raises NoCpuCap, before starting anything, if a cap is asked for and cannot be made.
        """
        env = {name: os.environ[name] for name in _INHERITED if name in os.environ}
        env |= {"PYTHONPATH": str(ROOT), **self.env}
        cap = None
        if cpu_limit is not None:
            cap = CpuCap(f"bench-{os.getpid()}-{self.name}-{self.port}", cpu_limit, cpu_period_ms)
        try:
            with self.log.open("wb") as log:
                self.process = subprocess.Popen(
                    [sys.executable, "-m", self.module, *self.args],
                    cwd=self.workdir,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            self.cap = cap
            # Pinned and capped at once, while it is still one thread; threads it starts later inherit both.
            os.sched_setaffinity(self.pid, {core})
            if cap is not None:
                cap.add(self.pid)
        except BaseException:
            self.cap = cap
            self.stop()  # removes the cgroup too
            raise

    async def wait_ready(self) -> None:
        """Until the server answers HTTP at all; then every thread it has by then is pinned (again) too."""
        deadline = time.monotonic() + STARTUP_SECONDS
        async with aiohttp.ClientSession() as session:
            while not await self._answers(session):
                if self.process is not None and self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} quit ({self.process.returncode}):\n{self.log_tail()}")
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"{self.name} did not start in {STARTUP_SECONDS} s:\n{self.log_tail()}"
                    )
                await asyncio.sleep(0.1)
        self._pin_threads()

    async def _answers(self, session: aiohttp.ClientSession) -> bool:
        try:
            async with session.get(f"http://127.0.0.1:{self.port}{self.ready_path}") as response:
                await response.read()
                return True
        except (aiohttp.ClientError, OSError):
            return False

    def _pin_threads(self) -> None:
        cores = os.sched_getaffinity(self.pid)
        for task in Path(f"/proc/{self.pid}/task").iterdir():
            os.sched_setaffinity(int(task.name), cores)

    def cpu_seconds(self) -> float:
        """User and system CPU time of the whole process (all threads) so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime: fields 14 and 15

    def peak_rss_mb(self) -> float:
        """VmHWM: the most resident memory the process has had, in MB (10^6 bytes)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
        raise RuntimeError("no VmHWM in /proc/PID/status")

    def throttling(self) -> Throttling | None:
        """How often its CPU quota held it back so far; None without a cap."""
        return self.cap.throttling() if self.cap is not None else None

    def stop(self) -> None:
        """Stop the process, then remove its cap's cgroup, if it has one."""
        try:
            if self.process is not None and self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        finally:
            if self.cap is not None:
                self.cap.remove()
                self.cap = None

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def bot_server(name: str, database_url: str, workdir: Path, **env: str) -> Server:
    """The bot (`python -m bot serve`) on a free loopback port: the sample district, no credentials."""
    from bot.services.plan_import import SAMPLE_DISTRICT

    port = free_port()
    settings = {
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "DATABASE_URL": database_url,
        "DISTRICT": SAMPLE_DISTRICT,
    }
    return Server(name, "bot", ["serve"], port, workdir, env=settings | env, ready_path="/healthz")
