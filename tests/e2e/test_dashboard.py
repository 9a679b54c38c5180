"""The dashboard, end to end: a board member asks for it in chat, opens the link in Chromium, and sees the
numbers `status` gives, drawn by the bot as SVG; nothing is fetched off the machine; axe finds no
accessibility violation; the page is usable from the keyboard; an expired or foreign link is refused.

The Playground's user (Alex Wilber) is made an administrator (``ADMINS``), as in test_playground_prompts.py;
the bot's PUBLIC_URL names its own port, so the link in the card opens this bot. The district's branches and
check-ins are written into the bot's database beside it, as its repositories write them. A screenshot of
the page is kept under test-results/e2e/dashboard/ whether the test passes or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.db.checkins import CheckInRepository
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.export import DashboardQuery, ExportLinks
from bot.services.goals import Period, Target, TargetKind
from bot.services.people import PersonInfo, Role
from bot.services.plan import load_sample_plan

from .conftest import (
    E2E_DIR,
    REPLY_TIMEOUT_MS,
    RESULTS_DIR,
    BotServer,
    Playground,
    PlaygroundPage,
    free_port,
    run_bot,
    run_playground,
    skip_or_fail,
)

try:
    from playwright.sync_api import Page, expect
except ImportError:  # pragma: no cover - Playwright is a dev dependency (scripts/setup)
    skip_or_fail("Python Playwright is not installed: run scripts/setup, then scripts/setup-e2e", module=True)

pytestmark = pytest.mark.e2e

DISTRICT = "Vänsterpartiet Västernorrland"  # the sample plan's
USER_AAD_OBJECT_ID = "00000000-0000-0000-0000-0000000000020"  # Alex Wilber in the Playground
SECRET = "e2e-dashboard-secret-0123456789abcdef"
AXE = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = RESULTS_DIR / "dashboard"
ZONE = ZoneInfo("Europe/Stockholm")


@pytest.fixture(scope="module")
def bot_server(e2e_tools: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    """This module's bot: the Playground's user an admin, links that name the bot's own port."""
    port = free_port()
    env = {
        "ADMINS": USER_AAD_OBJECT_ID,
        "PORT": str(port),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "EXPORT_SECRET": SECRET,
    }
    yield from run_bot(tmp_path_factory, env)


@pytest.fixture(scope="module")
def playground(bot_server: BotServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Playground]:
    yield from run_playground(bot_server, tmp_path_factory)


@pytest.fixture(scope="module")
def district(bot_server: BotServer) -> None:
    """Goal 4 made every branch's, once a quarter; two branches with chairs; a year's check-ins so far."""
    database = Database(bot_server.database_url)
    try:
        repository = Repository(database)
        now = datetime.now(UTC)
        today = now.astimezone(ZONE).date()
        sample = load_sample_plan()
        first = sample.sections[0]
        goals = list(first.goals)
        goals[3] = replace(
            goals[3],
            applies_to_branches=True,
            target=Target(TargetKind.COUNT, 1, Period.QUARTER, "ringkväll"),
        )
        sections = (replace(first, goals=tuple(goals)), *sample.sections[1:])
        title = f"Vänsterpartiet Västernorrlands verksamhetsplan {today.year}"
        repository.save_plan(
            DISTRICT, replace(sample, title=title, year=today.year, sections=sections), now=now
        )
        people, checkins = PeopleRepository(database), CheckInRepository(database)
        anna = PersonInfo("29:anna", "aad-anna", "Anna Andersson")
        people.grant(anna, DISTRICT, Role.CHAIR, branch="Sundsvall", now=now)
        people.grant(
            PersonInfo("29:bo", "aad-bo", "Bo Ek"), DISTRICT, Role.CHAIR, branch="Härnösand", now=now
        )
        plan = repository.plan(DISTRICT)
        assert plan is not None
        branch = {b.name: b.id for b in checkins.branches(DISTRICT)}
        start = date(today.year, 1, 1)

        def on(days: int) -> date:  # a day this year, never after today
            return min(start + timedelta(days=days), today)

        for number, where, value, day in [
            (4, "Sundsvall", 1, on(20)),
            (4, "Sundsvall", 1, on(100)),
            (4, "Härnösand", 1, on(200)),
            (6, None, 1, on(40)),
            (10, None, 1, on(60)),
            (12, None, 1700, on(150)),
        ]:
            goal = plan.goal(number)
            assert goal is not None
            checkins.add(
                district=DISTRICT,
                goal_id=goal.id,
                branch_id=branch[where] if where else None,
                reporter=anna,
                value=value,
                happened_on=day,
                area=None,
                comment=None,
                now=now,
            )
    finally:
        database.dispose()


def _send(page: Page, text: str) -> None:
    page.get_by_role("textbox").fill(text)
    page.get_by_role("button", name="Send Message", exact=True).click()


def _last_card(page: Page, marker: str) -> str:
    """The text of the newest bot message holding `marker`."""
    cards = page.locator(".fai-OutputCard").filter(has_text=marker)
    expect(cards.last).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    return str(cards.last.inner_text())


# A count's, people goal's or per-period goal's figure for the year: "0 of 2 opinion pieces", "0 of 3 people
# named", "2 of 4 quarters met" (status adds "this year"); not this period's ("0 of 1 chairs' meeting this
# quarter").
FIGURE = r"\d[\d,]* of \d[\d,]*(?: (?:(?!this )[a-z' ,])+?)?"


def _status_figures(text: str) -> list[str]:
    """What status says each count, people and per-period goal has reached this year, in the plan's order."""
    return re.findall(rf"({FIGURE})(?= this year| ·)", text)


def test_the_dashboard_shows_what_status_says(
    ui: PlaygroundPage, bot_server: BotServer, district: None
) -> None:
    page = ui.page
    page.get_by_role("treeitem", name="Personal Chat", exact=True).click()
    _send(page, "status")
    status = _last_card(page, "How the plan stands")
    _send(page, "dashboard")
    _last_card(page, "The plan's dashboard")
    button = page.locator(".fai-OutputCard").last.get_by_role("link", name="Open the dashboard")
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    with page.expect_popup() as opened:
        button.click()
    dashboard = opened.value
    dashboard.wait_for_load_state("load")
    base = bot_server.url + "/dashboard/"
    assert dashboard.url.startswith(base)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dashboard.set_viewport_size({"width": 1280, "height": 900})
    dashboard.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    # Nothing but the page itself: no script, font, stylesheet or image from anywhere.
    mine = [url for url in requested if url.startswith(bot_server.url) or url.startswith("http://localhost")]
    assert [url for url in requested if url not in mine] == []
    assert [url for url in requested if url.startswith(bot_server.url)] == [dashboard.url]

    # Every goal's figure is status's.
    rows = dashboard.locator("#goals tbody tr")
    expect(rows).to_have_count(24)
    figures = [str(cell) for cell in dashboard.locator("#goals td[data-figure]").all_inner_texts()]
    assert [f for f in figures if re.fullmatch(FIGURE, f) and not f.startswith("1,")] == (
        _status_figures(status)
    )
    assert "1,700" in figures[11] and "1,700 followers (from 1,500, target 2,000)" in status
    assert figures[9] == "done"
    # Each branch, each period: Sundsvall reported goal 4 in the periods it did.
    grid = dashboard.locator("#branches")
    expect(grid.get_by_role("heading", name="Sundsvall")).to_be_visible()
    expect(dashboard.locator("#course svg[role=img]")).to_have_count(1)

    # The keyboard: the first Tab reaches the skip link, which leads to the goals.
    dashboard.keyboard.press("Tab")
    assert dashboard.evaluate("document.activeElement.textContent") == "Skip to the goals"
    dashboard.keyboard.press("Enter")
    expect(dashboard).to_have_url(re.compile(r"#goals$"))


def test_axe_finds_no_violations(browser: object, bot_server: BotServer, district: None) -> None:
    """axe-core in the page (the test's own copy, so the page's policy is set aside for it alone)."""
    if not AXE.exists():
        skip_or_fail(f"axe-core is missing ({AXE}); run scripts/setup-e2e")
    links = ExportLinks(SECRET.encode(), base_url=bot_server.url, lifetime=timedelta(minutes=15))
    admin = PersonInfo("29:alex", USER_AAD_OBJECT_ID, "")
    url, _ = links.dashboard_link(DashboardQuery(DISTRICT, "sv", admin), now=datetime.now(UTC))
    context = browser.new_context(bypass_csp=True)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Översikt")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        violations = [
            (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
        ]
        assert violations == []
    finally:
        context.close()


def _violations(page: Page) -> list[tuple[str, str, list[object]]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def test_an_expired_or_foreign_link_is_refused(
    browser: object, bot_server: BotServer, district: None
) -> None:
    links = ExportLinks(SECRET.encode(), base_url=bot_server.url, lifetime=timedelta(minutes=15))
    admin = PersonInfo("29:alex", USER_AAD_OBJECT_ID, "")
    now = datetime.now(UTC)
    expired, _ = links.dashboard_link(DashboardQuery(DISTRICT, "en", admin), now=now - timedelta(minutes=16))
    forged, _ = ExportLinks(
        b"another-secret-of-32-characters!", base_url=bot_server.url, lifetime=timedelta(minutes=15)
    ).dashboard_link(DashboardQuery(DISTRICT, "en", admin), now=now)
    stranger = PersonInfo("29:nobody", "aad-nobody", "")  # holds no role in the district
    theirs, _ = links.dashboard_link(DashboardQuery(DISTRICT, "en", stranger), now=now)
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        for url in (expired, forged, theirs):
            response = page.goto(url)
            assert response is not None and response.status == 403, url
            assert "Dashboard" not in page.content()
    finally:
        context.close()
