"""The dashboard through the real server: who gets a link in chat, what the page holds, who it refuses, and
the Teams tab that holds no data. (tests/e2e/test_dashboard.py opens it in Chromium, with axe.)

What a board member or chair means: "show me the plan as pictures, the same numbers as status". The board
and the chairs ask `översikt` / `dashboard` in their personal chat and get a link of their own that
expires; a chair's shows their own branch first. The link shows only that district, and only while its
maker still holds a role there.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer
from yarl import URL

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.services.export import DashboardQuery
from bot.services.people import PersonInfo, Role
from tests.conftest import NOW, Clock
from tests.fakes.chat import ask, card_of, reply_text
from tests.fakes.connector import FakeConnector
from tests.test_followup import DISTRICT, MEGAN, status_lines, store_year


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def client(settings: Settings, clock: Clock) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(settings, clock=clock), host="127.0.0.1"))
    await client.start_server()
    store_year(client.app[COMPONENTS].database, clock)
    yield client
    await client.close()


async def open_dashboard(client: TestClient, connector: FakeConnector, text: str, locale: str) -> str:
    card = card_of(await ask(client, connector, text, locale=locale))
    [action] = card["actions"]
    response = await client.get(URL(action["url"]).path)
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["Cache-Control"] == "no-store"
    return await response.text()


def goal_figures(page: str) -> dict[int, str]:
    return {
        int(m[1]): m[2]
        for m in re.finditer(r'<tr data-goal="(\d+)">.*?<td class="num" data-figure>([^<]*)</td>', page)
    }


async def test_the_board_sees_every_goal_as_status_has_it(
    client: TestClient, connector: FakeConnector
) -> None:
    hostile = PersonInfo("29:eve", "aad-eve", "Eve")
    client.app[COMPONENTS].people.grant(hostile, DISTRICT, Role.CHAIR, branch='<script>x</script>"', now=NOW)
    status = status_lines(reply_text(await ask(client, connector, "status")))
    page = await open_dashboard(client, connector, "dashboard", "en-US")
    assert '<html lang="en">' in page and "<h1>Dashboard: Vänsterpartiet Västernorrland’s plan 2026" in page
    figures = goal_figures(page)
    assert len(figures) == 24
    for number, figure in figures.items():
        line = status[number]
        if figure in ("done", "not done"):
            assert ("not done" in line) == (figure == "not done"), (number, figure, line)
        else:
            for amount in re.findall(r"\d[\d,]*", figure):
                assert amount in line, (number, figure, line)
    # Goal 4, every branch's once a quarter: a branch reaches it only by phoning every quarter, as status says
    # (four branches now); goal 6, the district's once a quarter, in quarters met; each with status's pace.
    assert figures[4] == "0 of 4 branches have reached their target" and figures[4] in status[4]
    assert figures[6] == "2 of 4 quarters met" and "2 of 4 quarters met this year · behind" in status[6]
    paces = dict(re.findall(r'<tr data-goal="(\d+)">.*?<td class="pace"[^>]*>([^<]*)</td>', page))
    # status's pace follows the year's figure (a goal per period has this period's figure after it)
    assert all(pace in status[int(number)].split(" · ")[1:] for number, pace in paces.items()), paces
    # The grid: each branch, goal 4 per quarter as reported (Sundsvall in Q1 and Q3).
    sundsvall = page[page.index("<h3>Sundsvall</h3>") :]
    assert re.search(r'data-branch="Sundsvall" data-goal="4">.*?1 of 1.*?0 of 1.*?1 of 1.*?0 of 1', sundsvall)
    assert (
        page.index("<h3>Härnösand</h3>") < page.index("<h3>Kramfors</h3>") < page.index("<h3>Sundsvall</h3>")
    )
    # Nothing the browser would fetch: no script, no stylesheet link, no image source, no font; names as text.
    assert not re.search(r"<script|<link|src=|@import|url\(", page)
    assert "<h3>&lt;script&gt;x&lt;/script&gt;&quot;</h3>" in page


async def test_en_ordforandes_oversikt_visar_den_egna_foreningen_forst(
    client: TestClient, connector: FakeConnector
) -> None:
    people = client.app[COMPONENTS].people
    assert people.revoke(MEGAN, DISTRICT, Role.BOARD) == 1
    people.grant(MEGAN, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
    page = await open_dashboard(client, connector, "översikt", "sv-SE")
    assert '<html lang="sv">' in page and "<h1>Översikt: " in page
    assert (
        page.index("<h3>Sundsvall</h3>") < page.index("<h3>Härnösand</h3>") < page.index("<h3>Kramfors</h3>")
    )
    assert "Varje mål mot sin målsättning" in page and "efter" in page


async def test_members_and_channels_get_no_link(client: TestClient, connector: FakeConnector) -> None:
    text = reply_text(await ask(client, connector, "dashboard", channel=True))
    assert "personal chat" in text and "/dashboard/" not in text
    assert client.app[COMPONENTS].people.revoke(MEGAN, DISTRICT, Role.BOARD) == 1
    text = reply_text(await ask(client, connector, "översikt", locale="sv-SE"))
    assert text.startswith("Det kan bara partiföreningarnas ordförande") and "/dashboard/" not in text


async def test_an_expired_foreign_or_orphaned_link_is_refused(
    client: TestClient, connector: FakeConnector, clock: Clock
) -> None:
    url = URL(card_of(await ask(client, connector, "dashboard"))["actions"][0]["url"])
    links = client.app[COMPONENTS].exports
    foreign, _ = links.dashboard_link(DashboardQuery("Vänsterpartiet Skåne", "en", MEGAN), now=NOW)
    for path in (URL(foreign).path, url.path[:-3] + "abc", "/dashboard/garbage"):
        refused = await client.get(path)
        assert refused.status == 403 and await refused.json() == {"error": "forbidden"}
    assert client.app[COMPONENTS].people.revoke(MEGAN, DISTRICT, Role.BOARD) == 1
    assert (await client.get(url.path)).status == 403  # its maker left the board
    client.app[COMPONENTS].people.grant(MEGAN, DISTRICT, Role.BOARD, now=NOW)
    assert (await client.get(url.path)).status == 200
    clock.now = NOW + timedelta(minutes=15)
    assert (await client.get(url.path)).status == 403


async def test_the_tab_holds_no_data_and_says_how_to_get_a_link(client: TestClient) -> None:
    response = await client.get("/tab?locale=sv-SE")
    assert response.status == 200
    page = await response.text()
    assert "Skriv översikt till mig" in page and "Västernorrland" not in page
    assert "frame-ancestors 'self' https://teams.microsoft.com" in response.headers["Content-Security-Policy"]
    assert "Write dashboard to me" in await (await client.get("/tab?locale=en-US")).text()
    configure = await client.get("/tab/configure")
    assert 'src="http://127.0.0.1:3978/tab/teams.js"' in await configure.text()
    assert "script-src 'self'" in configure.headers["Content-Security-Policy"]
    script = await client.get("/tab/teams.js")
    assert script.status == 200 and script.headers["Content-Type"].startswith("text/javascript")
    assert b"microsoftTeams" in await script.read()
    assert (await client.get("/tab/other.js")).status == 404


@pytest.mark.parametrize(
    ("locale", "behind", "short"), [("sv-SE", "efter", "inte nått"), ("en-US", "behind", "not reached")]
)
async def test_once_the_year_is_over_a_goal_short_of_its_target_is_not_reached_not_behind(
    client: TestClient, connector: FakeConnector, clock: Clock, locale: str, behind: str, short: str
) -> None:
    """In February 2027 the board looks back at 2026: a goal left short is a result ("not reached"), not
    a pace to catch up with ("behind"), in status, the goal in full and the dashboard alike."""
    during = status_lines(reply_text(await ask(client, connector, "status", locale=locale)))
    assert f" · {behind} · " in during[6]  # the year's pace, then this quarter's figure
    clock.now = datetime(2027, 2, 10, 10, 0, tzinfo=UTC)
    after = status_lines(reply_text(await ask(client, connector, "status", locale=locale)))
    assert after[6].endswith(f"· {short}") and not any(behind in line.split(" · ") for line in after.values())
    assert short in reply_text(
        await ask(client, connector, "mål 6" if locale == "sv-SE" else "goal 6", locale=locale)
    )
    page = await open_dashboard(client, connector, "översikt" if locale == "sv-SE" else "dashboard", locale)
    paces = dict(re.findall(r'<tr data-goal="(\d+)">.*?<td class="pace"[^>]*>([^<]*)</td>', page))
    assert paces["6"] == short and behind not in paces.values()
    # The year's course ends on its last day, once: twelve month ends, not 31 December twice.
    days = re.findall(r'<tr><th scope="row">([^<]*)</th><td class="num">', page)
    assert len(days) == 12 == len(set(days)), days


async def test_before_the_year_the_dashboard_shows_every_goal_as_not_begun(
    client: TestClient, connector: FakeConnector, clock: Clock
) -> None:
    clock.now = datetime(2025, 11, 3, 10, 0, tzinfo=UTC)
    page = await open_dashboard(client, connector, "dashboard", "en-US")
    paces = set(re.findall(r'<tr data-goal="\d+">.*?<td class="pace"[^>]*>([^<]*)</td>', page))
    assert paces <= {"not begun", "done", "not measured"}, paces
