"""The Teams tab signs its user in and shows the dashboard itself (issue 23), through the real server.

What a board member or chair means: "when I open the dashboard tab in Teams, I see our plan's figures,
as with my link from the chat, without asking for a link". Teams gives the tab a token for the signed-in
user (single sign-on); the bot accepts only a token Entra signed for this app in the deployment's tenant,
still valid by the bot's clock, and shows the dashboard only to the board and the chairs of the district
(a chair's branch first) — the channel tab's team's district, or in the personal tab the person's own.
Entra's keys come from a loopback stand-in reached by its real name (bench/entra.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bench.entra import APP_ID, APP_PASSWORD, TENANT, Entra
from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.services.export import DashboardQuery
from bot.services.people import PersonInfo, Role
from bot.services.plan import load_sample_plan
from tests.conftest import NOW, Clock
from tests.test_dashboard import goal_figures
from tests.test_followup import ANNA, DISTRICT, MEGAN, store_year

PUBLIC_URL = "https://bot.example.org"
RESOURCE = f"api://bot.example.org/{APP_ID}"
ADELE = PersonInfo("29:user-adele", "aad-adele", "Adele Vance")  # a member, no role
LEE = PersonInfo("29:user-lee", "aad-lee", "Lee Gu")  # on another district's board
OTHER_DISTRICT = "Vänsterpartiet Skåne"
TEAM = "19:vasternorrland@thread.tacv2"
OTHER_TEAM = "19:skane@thread.tacv2"


@pytest.fixture
async def entra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Entra]:
    stand_in = await Entra(tmp_path).start()
    for name, value in stand_in.environment().items():
        monkeypatch.setenv(name, value)
    yield stand_in
    await stand_in.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def signed_in(settings: Settings) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=settings.database_url,
        bot_sdk=settings.bot_sdk,
        MicrosoftAppId=APP_ID,
        MicrosoftAppPassword=APP_PASSWORD,
        MicrosoftAppType="SingleTenant",
        MicrosoftAppTenantId=TENANT,
        public_url=PUBLIC_URL,
    )


@pytest.fixture
async def client(settings: Settings, clock: Clock, entra: Entra) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(signed_in(settings), clock=clock), host="127.0.0.1"))
    await client.start_server()
    components = client.app[COMPONENTS]
    store_year(components.database, clock)
    districts = components.bot.services.districts
    skane = replace(load_sample_plan(), title="Vänsterpartiet Skånes verksamhetsplan 2026", year=2026)
    components.repository.save_plan(OTHER_DISTRICT, skane, now=NOW)
    components.people.grant(LEE, OTHER_DISTRICT, Role.BOARD, now=NOW)
    assert districts.link_team(TEAM, DISTRICT, now=NOW) and districts.link_team(
        OTHER_TEAM, OTHER_DISTRICT, now=NOW
    )
    components.people.person_id(ADELE, now=NOW)
    districts.note_member(ADELE, DISTRICT, now=NOW)
    yield client
    await client.close()


Token = Callable[..., str]


@pytest.fixture
def token(entra: Entra, clock: Clock) -> Token:
    """A token for `who` as Entra issues it to the tab now by the bot's clock (bench/entra.py user_token)."""

    def make(who: PersonInfo, **claims: Any) -> str:
        assert who.aad_object_id
        return entra.user_token(who.aad_object_id, now=clock().timestamp(), **claims)

    return make


async def open_tab(
    client: TestClient, token: str, *, team: str = "", locale: str = "sv-SE"
) -> tuple[int, str]:
    response = await client.post(
        f"/tab/dashboard?locale={locale}", json={"team": team}, headers={"Authorization": f"Bearer {token}"}
    )
    return response.status, await response.text()


async def test_the_tab_signs_in_and_shows_the_same_dashboard_as_the_link(
    client: TestClient, token: Token, entra: Entra
) -> None:
    page = await client.get("/tab?locale=sv-SE")
    assert page.status == 200
    text = await page.text()
    assert f'src="{PUBLIC_URL}/tab/sso.js"' in text and "Västernorrland" not in text
    policy = page.headers["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "img-src data:" in policy
        and "frame-ancestors 'self' https://teams" in policy
    )
    script = await client.get("/tab/sso.js")
    assert script.status == 200 and b"getAuthToken" in await script.read()

    async def by_link(language: str) -> str:
        links = client.app[COMPONENTS].exports
        url, _ = links.dashboard_link(DashboardQuery(DISTRICT, language, MEGAN), now=NOW)
        return await (await client.get(url.removeprefix(links.base_url))).text()

    status, shown = await open_tab(client, token(MEGAN))
    assert status == 200 and "<h1>Översikt: " in shown and "Länken fungerar" not in shown
    assert goal_figures(shown) == goal_figures(await by_link("sv")) and len(goal_figures(shown)) == 24
    # The channel tab of the district's own team, in English; and an audience of the app's id URI.
    status, english = await open_tab(client, token(MEGAN, audience=RESOURCE), team=TEAM, locale="en-US")
    assert status == 200 and "<h1>Dashboard: " in english
    assert goal_figures(english) == goal_figures(await by_link("en"))
    assert entra.metadata_requests  # the keys came from Entra (the stand-in), by its real name


async def test_a_chair_sees_their_branch_first(client: TestClient, token: Token) -> None:
    status, shown = await open_tab(client, token(ANNA))  # chair of Sundsvall
    assert status == 200
    assert (
        shown.index("<h3>Sundsvall</h3>")
        < shown.index("<h3>Härnösand</h3>")
        < shown.index("<h3>Kramfors</h3>")
    )


async def test_tokens_the_bot_must_not_accept_are_refused(client: TestClient, token: Token) -> None:
    refused = [
        token(MEGAN, lifetime=-600),  # expired ten minutes ago by the bot's clock
        token(MEGAN, audience="api://other.example.org/another-app"),  # for another app
        token(MEGAN, tenant="00000000-0000-4000-8000-00000000dead"),  # another organisation's
        token(MEGAN, forged=True),  # not signed by Entra's key
        "not-a-token",
    ]
    for bad in refused:
        assert await open_tab(client, bad) == (401, '{"error": "unauthorized"}')
    no_bearer = await client.post("/tab/dashboard", json={"team": ""})
    assert no_bearer.status == 401


async def test_members_without_a_role_and_other_districts_see_nothing(
    client: TestClient, token: Token
) -> None:
    assert await open_tab(client, token(ADELE)) == (403, '{"error": "forbidden"}')
    # Megan is on Västernorrland's board, Lee on Skåne's: each sees only their own district's, in the
    # personal tab and in their own team's channel tab, and nothing in the other's team.
    assert (await open_tab(client, token(MEGAN), team=OTHER_TEAM))[0] == 403
    assert (await open_tab(client, token(LEE), team=TEAM))[0] == 403
    for team in ("", OTHER_TEAM):
        status, shown = await open_tab(client, token(LEE), team=team)
        assert status == 200 and "Skånes verksamhetsplan" in shown and "Västernorrland" not in shown
    unknown = PersonInfo("", "aad-nobody", "")
    assert (await open_tab(client, token(unknown)))[0] == 403
    client.app[COMPONENTS].people.revoke(MEGAN, DISTRICT, Role.BOARD)
    assert (await open_tab(client, token(MEGAN)))[0] == 403


async def test_without_credentials_the_tab_says_how_to_get_a_link(settings: Settings) -> None:
    client = TestClient(TestServer(create_app(settings, clock=Clock()), host="127.0.0.1"))
    await client.start_server()
    try:
        page = await (await client.get("/tab?locale=en-US")).text()
        assert "Write dashboard to me" in page and "sso.js" not in page
        assert (await client.post("/tab/dashboard", json={})).status == 404
    finally:
        await client.close()
