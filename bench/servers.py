"""Server processes under test: started pinned to one core, watched through /proc (CPU time, peak RSS)."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
_TICKS = os.sysconf("SC_CLK_TCK")
STARTUP_SECONDS = 60
# What a server inherits from this environment: nothing that configures the bot (no .env either: the
# servers run in a temporary directory).
_INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "SYSTEMROOT")


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

    def start(self, core: int) -> None:
        env = {name: os.environ[name] for name in _INHERITED if name in os.environ}
        env |= {"PYTHONPATH": str(ROOT), **self.env}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", self.module, *self.args],
                cwd=self.workdir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        # Pinned at once, while it is still one thread; threads it starts later inherit the affinity.
        os.sched_setaffinity(self.pid, {core})

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

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

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
