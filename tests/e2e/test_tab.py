"""The Teams tab in headless Chromium: the page signs in through TeamsJS and becomes the dashboard.

The Agents Playground does not host tabs nor give them single sign-on tokens, so Teams itself is stood in
for by a stub `microsoftTeams` object (app.initialize, app.getContext, authentication.getAuthToken) served
in place of the vendored TeamsJS; everything else is real: the bot (its own process, with an app
registration), its tab page and sso.js, Entra's keys from the loopback stand-in (bench/entra.py) reached by
their real name, and the token checked by the bot. The bot's public address (https://bot.example.org,
which single sign-on needs) is routed by the browser to the bot on loopback; any other request off the
machine is refused and counted. A screenshot is kept under test-results/e2e/tab/.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bench.entra import APP_ID, APP_PASSWORD, TENANT, Entra
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.services.people import PersonInfo, Role

from .conftest import RESULTS_DIR, BotServer, free_port, run_bot, skip_or_fail

try:
    from playwright.sync_api import Page, Route, expect
except ImportError:  # pragma: no cover - Playwright is a dev dependency (scripts/setup)
    skip_or_fail("Python Playwright is not installed: run scripts/setup, then scripts/setup-e2e", module=True)

pytestmark = pytest.mark.e2e

DISTRICT = "Vänsterpartiet Västernorrland"  # the sample plan's, loaded by the bot at start
PUBLIC = "https://bot.example.org"
BOARD = PersonInfo("29:megan", "aad-megan", "Megan Bowen")
ARTIFACTS = RESULTS_DIR / "tab"
# Teams, as far as the tab page uses it: the token is put in by the test.
STUB = """
window.microsoftTeams = {
  app: {
    initialize: function () { return Promise.resolve(); },
    getContext: function () { return Promise.resolve({ team: null }); },
  },
  authentication: { getAuthToken: function () { return Promise.resolve(%s); } },
};
"""


@pytest.fixture(scope="module")
def entra(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Entra]:
    """The Entra stand-in on its own event loop in a thread, for the bot's process to fetch keys from."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    stand_in = asyncio.run_coroutine_threadsafe(Entra(tmp_path_factory.mktemp("entra")).start(), loop).result(
        30
    )
    try:
        yield stand_in
    finally:
        asyncio.run_coroutine_threadsafe(stand_in.close(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@pytest.fixture(scope="module")
def bot_server(
    e2e_tools: None, entra: Entra, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotServer]:
    env = {
        "PORT": str(free_port()),
        "PUBLIC_URL": PUBLIC,
        "MicrosoftAppId": APP_ID,
        "MicrosoftAppPassword": APP_PASSWORD,
        "MicrosoftAppType": "SingleTenant",
        "MicrosoftAppTenantId": TENANT,
        **entra.environment(),
    }
    yield from run_bot(tmp_path_factory, env)


@pytest.fixture(scope="module")
def board_member(bot_server: BotServer) -> None:
    database = Database(bot_server.database_url)
    try:
        PeopleRepository(database).grant(BOARD, DISTRICT, Role.BOARD, now=datetime.now(UTC))
    finally:
        database.dispose()


def open_tab(browser: Any, bot: BotServer, token: str, off_machine: list[str]) -> tuple[Any, Page]:
    """A Chromium page on the tab's address, the bot's public name routed to loopback, Teams stubbed."""
    context = browser.new_context()
    page = context.new_page()

    def route(request_route: Route) -> None:
        url = request_route.request.url
        if not url.startswith(PUBLIC + "/"):
            off_machine.append(url)
            request_route.abort()
            return
        path = url[len(PUBLIC) :]
        if urlsplit(path).path == "/tab/teams.js":
            request_route.fulfill(content_type="text/javascript", body=STUB % json.dumps(token))
            return
        request_route.fulfill(response=request_route.fetch(url=bot.url + path))

    page.route("**/*", route)
    page.goto(f"{PUBLIC}/tab?locale=sv-SE")
    return context, page


def test_the_tab_signs_in_and_becomes_the_dashboard(
    browser: Any, bot_server: BotServer, board_member: None, entra: Entra
) -> None:
    off_machine: list[str] = []
    token = entra.user_token(BOARD.aad_object_id or "", now=time.time())
    context, page = open_tab(browser, bot_server, token, off_machine)
    try:
        expect(page.locator("h1")).to_contain_text("Översikt: ", timeout=15_000)
        assert page.locator("tr[data-goal]").count() == 24  # every goal of the sample plan
        assert page.locator("svg").count() > 0  # the charts, drawn by the bot
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(ARTIFACTS) / "tab.png"), full_page=True)
    finally:
        context.close()
    assert off_machine == []


def test_a_person_without_a_role_is_told_so_in_the_tab(
    browser: Any, bot_server: BotServer, board_member: None, entra: Entra
) -> None:
    off_machine: list[str] = []
    token = entra.user_token("aad-nobody", now=time.time())
    context, page = open_tab(browser, bot_server, token, off_machine)
    try:
        expect(page.locator("#sso-status")).to_contain_text("till för distriktsstyrelsen", timeout=15_000)
        assert page.locator("tr[data-goal]").count() == 0
    finally:
        context.close()
    expired = entra.user_token(BOARD.aad_object_id or "", now=time.time() - 7200)
    context, page = open_tab(browser, bot_server, expired, off_machine)
    try:
        expect(page.locator("#sso-status")).to_contain_text("Teams kunde inte logga in dig", timeout=15_000)
    finally:
        context.close()
    assert off_machine == []
