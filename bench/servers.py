"""The servers under test, each its own process, pinned to one core and watched through /proc."""

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

from bench.entra import APP_ID, APP_PASSWORD, TENANT

ROOT = Path(__file__).resolve().parents[1]
_TICKS = os.sysconf("SC_CLK_TCK")
# What a server inherits from this environment: nothing that configures it (they run in a temporary folder,
# so the bot reads no .env either).
_INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def core_busy_seconds(core: int) -> float:
    """CPU time one core spent on anything but idling, by anyone, since boot (/proc/stat)."""
    for line in Path("/proc/stat").read_text().splitlines():
        name, *ticks = line.split()
        if name == f"cpu{core}":
            user, nice, system, _idle, _iowait, irq, softirq, steal = (int(t) for t in ticks[:8])
            return (user + nice + system + irq + softirq + steal) / _TICKS
    return float("nan")


def credentials(kind: str) -> dict[str, str]:
    """The app registration in the names each server reads."""
    if kind == "agents":
        prefix = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
        return {
            f"{prefix}CLIENTID": APP_ID,
            f"{prefix}CLIENTSECRET": APP_PASSWORD,
            f"{prefix}TENANTID": TENANT,
        }
    return {
        "MicrosoftAppId": APP_ID,
        "MicrosoftAppPassword": APP_PASSWORD,
        "MicrosoftAppType": "SingleTenant",
        "MicrosoftAppTenantId": TENANT,
    }


@dataclass
class Server:
    name: str
    argv: list[str]  # after `python -m`
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/messages"

    @property
    def pid(self) -> int:
        assert self.process is not None, "start() it first"
        return self.process.pid

    @property
    def log(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def start(self, core: int | None) -> None:
        env = {name: os.environ[name] for name in _INHERITED if name in os.environ}
        env |= {"PYTHONPATH": str(ROOT), "PORT": str(self.port), **self.env}
        argv = [a.replace("{port}", str(self.port)) for a in self.argv]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", *argv], cwd=self.workdir, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        if core is not None:  # while it is one thread: the threads it starts inherit the core
            os.sched_setaffinity(self.pid, {core})

    async def wait_ready(self, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        async with aiohttp.ClientSession() as session:
            while True:
                try:
                    async with session.get(f"http://127.0.0.1:{self.port}/") as answer:
                        await answer.read()
                        return
                except (aiohttp.ClientError, OSError):
                    pass
                if (
                    self.process is not None and self.process.poll() is not None
                ) or time.monotonic() > deadline:
                    tail = self.log.read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"{self.name} did not start:\n{tail}")
                await asyncio.sleep(0.1)

    def peak_rss_mb(self) -> float:
        """VmHWM: the most resident memory the process has had, in MB (10^6 bytes)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
        return float("nan")

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def agents_missing() -> str | None:
    """None if the successor SDK's echo bot can run here, else why not."""
    try:
        import microsoft_agents.authentication.msal  # noqa: F401
        import microsoft_agents.hosting.aiohttp  # noqa: F401
    except ImportError as exc:
        return f"microsoft-agents-hosting-aiohttp is not installed here ({exc})"
    return None


def reference_servers(workdir: Path, env: dict[str, str]) -> list[Server]:
    servers = [Server("botbuilder", ["bench.echo", "botbuilder", "--port", "{port}"], workdir)]
    if agents_missing() is None:
        servers.append(Server("agents", ["bench.echo", "agents", "--port", "{port}"], workdir))
    servers.append(Server("bare", ["bench.echo", "bare", "--port", "{port}"], workdir))
    for server in servers:
        server.env = env | credentials(server.name)
    return servers


def bot_server(
    name: str, workdir: Path, database_url: str, env: dict[str, str], *, sdk: str = "botbuilder"
) -> Server:
    """The bot as deployed: `python -m bot serve` (create_app(Settings()) from the environment), on `sdk`."""
    settings = {"HOST": "127.0.0.1", "DATABASE_URL": database_url, "BOT_SDK": sdk, **credentials("bot")}
    return Server(name, ["bot", "serve"], workdir, env=env | settings)
