"""Fixtures for the end-to-end tests.

One session starts three things and always stops them again:

1. the real bot server, ``python -m bot`` (override with env ``E2E_BOT_CMD``, e.g. while developing against a
   throwaway echo bot), on a free loopback port with its own SQLite file, waited for on ``GET /healthz``;
2. the Microsoft 365 Agents Playground (npm ``@microsoft/m365agentsplayground``, pinned in
   ``tests/e2e/package.json``), a local Teams emulator, pointed at the bot, on a free port;
3. Debian's Chromium through Playwright (never ``playwright install``: it downloads a browser).

Each test gets a fresh browser context and page: the Playground UI keeps chat history in the page only, so
every test starts with an empty chat. On failure a screenshot, the page's accessibility tree and the logs of
the bot and the Playground are saved under ``test-results/e2e/<test>/``.

Environment: ``E2E_BOT_CMD`` replaces ``python -m bot`` (split like a shell command line; it gets HOST, PORT
and DATABASE_URL); ``E2E_CHROMIUM`` replaces ``/usr/bin/chromium``.

Missing tools (Chromium, node, ``tests/e2e/node_modules``) skip the tests with a pointer to
``scripts/setup-e2e`` -- except when ``CI=true``, where they fail: CI must not skip the e2e tests silently.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parent.parent
RESULTS_DIR = REPO_ROOT / "test-results" / "e2e"
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
PLAYGROUND_CLI = E2E_DIR / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BOT_START_TIMEOUT = 30.0
PLAYGROUND_START_TIMEOUT = 30.0
# How long a test waits for the bot's answer to show up in the UI.
REPLY_TIMEOUT_MS = 15_000
BOT_NAME = "Test Bot"  # the Playground's name for the app under test


def skip_or_fail(reason: str, *, module: bool = False) -> None:
    """Skip locally, but fail under CI=true so that CI cannot pass by skipping."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"{reason} (CI=true: e2e tests must run in CI, not skip)", pytrace=False)
    pytest.skip(reason, allow_module_level=module)


def free_port() -> int:
    # Bind on all interfaces: the Playground listens on all of them, the bot on loopback.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("", 0))
        return int(s.getsockname()[1])


def _tail(path: Path, max_chars: int = 6000) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"<cannot read {path}: {exc}>"
    return text if len(text) <= max_chars else "...\n" + text[-max_chars:]


def _http_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 (loopback only)
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (OSError, ValueError):
        return None


@dataclass
class Process:
    """A child process in its own process group, with its output in a file."""

    name: str
    popen: subprocess.Popen[bytes]
    log_path: Path

    def running(self) -> bool:
        return self.popen.poll() is None

    def stop(self) -> None:
        if self.popen.poll() is None:
            for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, sig)
                try:
                    self.popen.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        else:
            # The leader is gone; its group may not be (e.g. npm/node children).
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.popen.pid, signal.SIGKILL)


def _spawn(name: str, cmd: list[str], *, cwd: Path, env: dict[str, str], log_path: Path) -> Process:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:  # the child keeps its own copy of the descriptor
        popen = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: teardown kills it and all its children
        )
    return Process(name, popen, log_path)


@dataclass
class BotServer:
    url: str  # base URL, e.g. http://127.0.0.1:41234
    process: Process

    @property
    def database_url(self) -> str:
        """Its SQLite database (beside its log, in its scratch directory)."""
        return f"sqlite:///{self.process.log_path.parent / 'bot.db'}"

    @property
    def messages_url(self) -> str:
        return f"{self.url}/api/messages"


@dataclass
class Playground:
    url: str  # the UI, e.g. http://localhost:45678/
    process: Process
    log_file: Path  # the Playground's own log (its default is ./devTools/m365agentsplayground.log)


@pytest.fixture(scope="session")
def e2e_tools() -> None:
    """Checks that the e2e tools are installed (see scripts/setup-e2e)."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium ({CHROMIUM})")
    if shutil.which("node") is None:
        missing.append("node")
    if not PLAYGROUND_CLI.exists():
        missing.append(f"the Agents Playground ({PLAYGROUND_CLI.relative_to(REPO_ROOT)})")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Python Playwright (scripts/setup)")
    if missing:
        skip_or_fail(f"e2e tools missing: {', '.join(missing)}; run scripts/setup-e2e")


@pytest.fixture(scope="session")
def bot_server(e2e_tools: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    """The real bot (``python -m bot``) on a free loopback port, with a fresh SQLite database."""
    yield from run_bot(tmp_path_factory)


def run_bot(
    tmp_path_factory: pytest.TempPathFactory, extra_env: dict[str, str] | None = None
) -> Iterator[BotServer]:
    """Starts a bot, yields it once it is healthy, stops it. The body of ``bot_server``.

    ``extra_env`` is added to the bot's environment (e.g. ``{"ADMINS": ...}``; a ``PORT`` there is the port
    it listens on, for a PUBLIC_URL that names it). A test module that needs a
    bot configured differently overrides ``bot_server`` and ``playground`` with module-scoped fixtures that
    ``yield from run_bot(tmp_path_factory, {...})`` and ``yield from run_playground(...)``; ``ui`` then uses
    those, and the other modules keep the session's bot.
    """
    workdir = tmp_path_factory.mktemp("bot")
    port = int((extra_env or {}).get("PORT") or free_port())
    override = os.environ.get("E2E_BOT_CMD")
    cmd = shlex.split(override) if override else [sys.executable, "-m", "bot"]
    env = dict(os.environ)
    env.update(
        HOST="127.0.0.1",
        PORT=str(port),
        DATABASE_URL=f"sqlite:///{workdir / 'bot.db'}",
        PYTHONUNBUFFERED="1",
        BOT_SDK=os.environ.get("TEST_BOT_SDK", "botbuilder"),  # pytest --bot-sdk (tests/conftest.py)
        # Run in a scratch directory (so no developer's .env is read), importing this checkout's code.
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p),
    )
    env.update(extra_env or {})
    proc = _spawn("bot", cmd, cwd=workdir, env=env, log_path=workdir / "bot.log")
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + BOT_START_TIMEOUT
        while _http_status(f"{base}/healthz") != 200:
            if not proc.running():
                pytest.fail(
                    f"the bot ({shlex.join(cmd)}) exited with code {proc.popen.returncode} before "
                    f"GET /healthz answered 200. Its output ({proc.log_path}):\n{_tail(proc.log_path)}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the bot ({shlex.join(cmd)}) did not answer GET {base}/healthz with 200 within "
                    f"{BOT_START_TIMEOUT:.0f} s. Its output ({proc.log_path}):\n{_tail(proc.log_path)}",
                    pytrace=False,
                )
            time.sleep(0.1)
        yield BotServer(base, proc)
    finally:
        proc.stop()


@pytest.fixture(scope="session")
def playground(bot_server: BotServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Playground]:
    """The Agents Playground (Teams emulator) pointed at the bot, its UI on a free port."""
    yield from run_playground(bot_server, tmp_path_factory)


def run_playground(bot_server: BotServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Playground]:
    """Starts a Playground pointed at ``bot_server``, yields it once its UI answers, stops it."""
    workdir = tmp_path_factory.mktemp("playground")
    log_file = workdir / "m365agentsplayground.log"
    env = dict(os.environ)
    env.update(
        TEAMSAPPTESTER_BROWSER="none",  # otherwise it tries xdg-open and exits 1
        M365_AGENTS_PLAYGROUND_LOGFILE=str(log_file),  # instead of ./devTools/m365agentsplayground.log
    )
    cmd = [
        shutil.which("node") or "node",
        str(PLAYGROUND_CLI),
        "start",
        "--app-endpoint", bot_server.messages_url,
        "--channel-id", "msteams",
        "--port", str(free_port()),  # the Playground falls back to a random port if this one is taken
        "--disable-telemetry",
    ]  # fmt: skip
    # Run from tests/e2e so that a .m365agentsplayground.yml placed there (mock users, team) is used.
    proc = _spawn("playground", cmd, cwd=E2E_DIR, env=env, log_path=workdir / "playground-output.log")
    try:
        deadline = time.monotonic() + PLAYGROUND_START_TIMEOUT
        ui_url = None
        while True:
            if ui_url is None:
                # It prints "Listening on <port>" once its server is up (the actual port, after fallback).
                match = re.search(r"Listening on (\d+)", _tail(proc.log_path))
                if match:
                    ui_url = f"http://localhost:{match.group(1)}/"
            if ui_url is not None and _http_status(ui_url) == 200:
                break
            if not proc.running():
                pytest.fail(
                    f"the Playground exited with code {proc.popen.returncode} before its UI answered. "
                    f"Its output ({proc.log_path}):\n{_tail(proc.log_path)}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the Playground's UI ({ui_url or 'port not printed yet'}) did not answer within "
                    f"{PLAYGROUND_START_TIMEOUT:.0f} s. "
                    f"Its output ({proc.log_path}):\n{_tail(proc.log_path)}",
                    pytrace=False,
                )
            time.sleep(0.1)
        yield Playground(ui_url, proc, log_file)
    finally:
        proc.stop()


@pytest.fixture(scope="package")
def browser(e2e_tools: None) -> Iterator[Any]:
    """Headless Debian Chromium through Playwright.

    Playwright's sync API keeps an event loop running in this thread while it is started, which breaks
    pytest-asyncio tests; so it lives only as long as the e2e package (which runs last, see conftest.py).
    """
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        pw.stop()


class Artifacts:
    """Saves what is needed to understand a failed e2e test, under test-results/e2e/<test>/."""

    def __init__(self, item: pytest.Item, page: Any, bot: BotServer, playground: Playground) -> None:
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid.split("::", 1)[-1]).strip("_")
        self.dir = RESULTS_DIR / safe
        self.saved = False
        self._page = page
        self._bot = bot
        self._playground = playground

    def save(self) -> Path:
        """Writes the screenshot and logs; returns the folder. Safe to call more than once."""
        if self.saved:
            return self.dir
        self.saved = True
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        with contextlib.suppress(Exception):
            self._page.screenshot(path=str(self.dir / "screenshot.png"), full_page=True)
        with contextlib.suppress(Exception):
            (self.dir / "page-aria.yaml").write_text(self._page.locator("body").aria_snapshot())
        for src, name in (
            (self._playground.log_file, "m365agentsplayground.log"),
            (self._playground.process.log_path, "playground-output.log"),
            (self._bot.process.log_path, "bot.log"),
        ):
            with contextlib.suppress(OSError):
                shutil.copyfile(src, self.dir / name)
        return self.dir

    def describe(self) -> str:
        return (
            f"screenshot, page tree and logs in {self.dir.relative_to(REPO_ROOT)}/ "
            "(screenshot.png, page-aria.yaml, m365agentsplayground.log, playground-output.log, bot.log)"
        )


@dataclass
class PlaygroundPage:
    """A fresh Playground tab (Playwright Page) plus where its failure artifacts go."""

    page: Any
    artifacts: Artifacts

    def open_channel(self, name: str) -> None:
        """Opens the channel ``name`` once the bot's greeting is shown in it.

        The Playground installs the bot on every page load; the greeting the bot posts then re-renders the
        channel, and a composer clicked while that happens is detached and never comes back to the click.
        """
        from playwright.sync_api import expect

        self.page.get_by_role("treeitem", name=name, exact=True).click()
        greeting = (
            self.page.get_by_role("group").filter(has_text=BOT_NAME).filter(has_text=re.compile(r"(Hej|Hi)!"))
        )
        try:
            expect(greeting).not_to_have_count(0, timeout=REPLY_TIMEOUT_MS)
        except AssertionError as exc:
            self.artifacts.save()
            raise AssertionError(
                f"{name}: the bot's greeting did not show within {REPLY_TIMEOUT_MS / 1000:.0f} s.\n"
                f"{self.artifacts.describe()}\n{exc}"
            ) from None


_ARTIFACTS_KEY = pytest.StashKey["Artifacts"]()


@pytest.fixture
def ui(
    request: pytest.FixtureRequest, browser: Any, playground: Playground, bot_server: BotServer
) -> Iterator[PlaygroundPage]:
    """A new browser context with the Playground loaded; artifacts are saved if the test fails."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    # The UI asks for a few resources off the machine (fonts, telemetry); they cannot load here and only
    # slow the page's load event down, so refuse everything that is not the Playground itself.
    context.route(re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/]).*"), lambda route: route.abort())
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        artifacts = Artifacts(request.node, page, bot_server, playground)
        request.node.stash[_ARTIFACTS_KEY] = artifacts
        try:
            page.goto(playground.url)
        except Exception as exc:
            artifacts.save()
            raise AssertionError(
                f"could not load the Playground UI at {playground.url}: {exc}\n{artifacts.describe()}"
            ) from exc
        yield PlaygroundPage(page, artifacts)
    finally:
        if _ARTIFACTS_KEY in request.node.stash:
            del request.node.stash[_ARTIFACTS_KEY]
        context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """On a failure, saves the screenshot and logs while the page is still open, and names the folder."""
    report = yield
    artifacts = item.stash.get(_ARTIFACTS_KEY, None)
    if artifacts is not None and not artifacts.saved and report.failed and report.when in ("setup", "call"):
        artifacts.save()
        report.sections.append(("e2e artifacts", artifacts.describe()))
    return report
