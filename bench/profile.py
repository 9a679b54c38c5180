"""Where a server's Python time goes under load: py-spy samples the running process (samples holding the GIL,
so time in SQLite's C code or waiting on sockets is not in them), and each sample counts for the part of the
stack it is in: the SDK (botbuilder or the Agents SDK, with what they send and check through: msrest,
requests, pydantic, PyJWT, cryptography, MSAL), the database (SQLAlchemy, SQLModel), the bot's own code
(bot/, dialogs/, schedules/, Babel), or HTTP and the event loop (aiohttp, asyncio, the worker threads). The
standard library's helpers (json, copy, re, logging, ...) count for whoever called them."""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

PARTS = ("SDK", "database", "bot", "HTTP, loop")
_OF = (
    (
        "SDK",
        (
            "/botbuilder/",
            "/botframework/",
            "/msrest/",
            "/requests/",
            "/urllib3/",
            "/microsoft_agents/",
            "/pydantic/",
            "/pydantic_core/",
            "/jwt/",
            "/cryptography/",
            "/msal/",
            "/opentelemetry/",
            "/isodate/",
        ),
    ),
    ("database", ("/sqlalchemy/", "/sqlmodel/", "/alembic/")),
    ("bot", ("/bot/", "/dialogs/", "/schedules/", "/babel/")),
    ("HTTP, loop", ("/aiohttp/", "/multidict/", "/yarl/", "/asyncio/", "/concurrent/", "/threading.py")),
)
_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>.*?)(?::\d+)?\)$")


def py_spy() -> str | None:
    """The py-spy beside this interpreter (the `bench` extra installs it), else on PATH."""
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def part_of(stack: str) -> str | None:
    """The part a sample counts for: its innermost frame that belongs to one (the standard library's
    helpers count for their caller); None if none does."""
    for frame in reversed(stack.split(";")):
        found = _FRAME.match(frame)
        path = found["file"] if found else frame
        for part, markers in _OF:
            if any(marker in path for marker in markers):
                return part
    return None


def shares(raw: str) -> dict[str, float]:
    """py-spy's raw output (a collapsed stack and its count per line) as each part's share of the samples."""
    counted: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            counted[part_of(stack) or "other"] += int(count)
    total = sum(counted.values())
    return {part: counted[part] / total for part in (*PARTS, "other")} if total else {}


async def sample(pid: int, seconds: float, rate: int = 200) -> dict[str, float]:
    """Each part's share of `pid`'s samples holding the GIL during the next `seconds` (empty if py-spy is
    missing or may not attach)."""
    spy = py_spy()
    if spy is None:
        return {}
    with tempfile.TemporaryDirectory(prefix="bench-spy-") as folder:
        out = Path(folder) / "raw.txt"
        argv = [spy, "record", "--pid", str(pid), "--duration", str(max(1, round(seconds)))]
        argv += ["--rate", str(rate), "--format", "raw", "--gil", "--nonblocking", "--full-filenames"]
        argv += ["-o", str(out)]
        process = await asyncio.create_subprocess_exec(
            *argv, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
        )
        await process.wait()
        return shares(out.read_text()) if out.exists() else {}
