"""Help that fits the person, through the real server: `hjälp` shows a member the member's commands, a chair
also how to report, the board its own, an administrator theirs, each with an example and on one screen of
Teams; `hjälp rapportera` (and every other command) explains that command with examples."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import COMPONENTS, create_app
from bot.commands import build_router
from bot.commands.help import GUIDES, guide_of
from bot.config import Settings
from bot.services.people import PersonInfo, Role
from tests.conftest import NOW, fixed_clock
from tests.fakes.chat import ask, card_of, reply_text
from tests.fakes.connector import FakeConnector

DISTRICT = "Vänsterpartiet Västernorrland"
MEGAN = PersonInfo("29:user-megan", "aad-megan", "Megan Bowen")  # who tests/fakes/activities.py writes as
# What one screen of Teams shows of a card's facts, a line each, with headings and the footer.
SCREEN = 26


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[TestClient]:
    app = create_app(settings.model_copy(update={"admins": ["aad-admin"]}), clock=fixed_clock)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


def as_role(client: TestClient, role: Role) -> None:
    people = client.app[COMPONENTS].people
    if role is Role.CHAIR:
        people.grant(MEGAN, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
    elif role is Role.BOARD:
        people.grant(MEGAN, DISTRICT, Role.BOARD, now=NOW)


async def help_for(client: TestClient, connector: FakeConnector, text: str, locale: str) -> tuple[str, int]:
    body = await ask(client, connector, text, locale=locale)
    card = card_of(body)
    lines = sum(len(block.get("items", [])) or 1 for block in card["body"])
    return reply_text(body), lines


@pytest.mark.parametrize("words", [("hjälp", "sv-SE"), ("help", "en-US")])
@pytest.mark.parametrize("role", [Role.MEMBER, Role.CHAIR, Role.BOARD])
async def test_help_shows_what_this_person_can_do_on_one_screen(
    client: TestClient, connector: FakeConnector, role: Role, words: tuple[str, str]
) -> None:
    as_role(client, role)
    text, lines = await help_for(client, connector, *words)
    swedish = words[0] == "hjälp"
    assert lines <= SCREEN, text
    if role is Role.BOARD:  # their own commands with examples; everyone's by their words
        assert ("För alla: mål, sök" if swedish else "For everyone: goals, search") in text
    else:
        assert ("mål 6" if swedish else "goal 6") in text
    # a chair's example is a goal their branch reports (goal 3 of the sample plan), not the district's goal 6
    reports = "rapportera 3 1 – " if swedish else "report 3 1 – "
    board = "schema 1 och 15 kl 18" if swedish else "schedule 1 and 15 at 18"
    admin = "koppla" if swedish else "link"
    assert (reports in text) is (role is Role.CHAIR)  # the board sees it among the words of chairs
    assert (board in text) is (role is Role.BOARD)
    assert admin not in text.split()
    if role is Role.BOARD:
        assert ("För föreningsordförande: rapportera" if swedish else "For branch chairs: report") in text


async def test_an_administrators_help_puts_their_own_commands_first(
    settings: Settings, connector: FakeConnector
) -> None:
    app = create_app(settings.model_copy(update={"admins": ["aad-megan"]}), clock=fixed_clock)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    try:
        text, lines = await help_for(client, connector, "hjälp", "sv-SE")
    finally:
        await client.close()
    assert lines <= SCREEN
    assert text.index("För administratörer") < text.index("För styrelsen") < text.index("För alla")
    assert "roll styrelse @namn" in text and "koppla Västernorrland" in text


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        # a member may report nothing: no example that would be refused, but why
        ("hjälp rapportera", "en-US", ["rapportera", "Obs: Du kan inte", "Föreningsordförande och"]),
        ("help report", "sv-SE", ["report GOAL VALUE", "Note: You cannot", "Branch chairs and"]),
        ("hjälp schema", "sv-SE", ["schema 1 och 15 kl 18", "Styrelsen och administratörer"]),
        ("help my", "en-US", ["my reports", "my goals"]),
        ("hjälp ?", "sv-SE", ["hjälp rapportera"]),
        # the plan's own year, the only one the report is written for (the sample plan's: 2026)
        ("hjälp verksamhetsberättelse", "sv-SE", ["Till exempel: verksamhetsberättelse 2026"]),
        ("help annual report", "en-US", ["For example: annual report 2026"]),
    ],
)
async def test_help_about_one_command_explains_it_with_examples(
    client: TestClient, connector: FakeConnector, text: str, locale: str, expected: list[str]
) -> None:
    answer = reply_text(await ask(client, connector, text, locale=locale))
    for words in expected:
        assert words in answer, answer
    assert "Det här kan jag" not in answer and "This is what I can do" not in answer


def test_every_command_has_examples_and_an_account_in_help() -> None:
    """A new command needs its entry in bot/commands/help.py GUIDES: help shows its example."""
    routes = build_router().routes
    assert [route.usage for route in routes if guide_of(route) is None] == []
    used = {guide for route in routes if (guide := guide_of(route)) is not None}
    assert set(GUIDES.values()) <= used, "a guide for a command that no longer exists"


@pytest.mark.parametrize(
    ("text", "locale", "link"), [("hjälp", "sv-SE", "koppla Skåne"), ("help", "en-US", "link Skåne")]
)
async def test_an_administrators_examples_name_the_deployments_own_district(
    settings: Settings, connector: FakeConnector, text: str, locale: str, link: str
) -> None:
    """`koppla Västernorrland` copied in Skåne's deployment links nothing: the example names the district
    the bot serves, as briefly as `koppla` reads it, and a chair's role its own branch."""
    skane = settings.model_copy(update={"admins": ["aad-megan"], "district": "Vänsterpartiet Skåne"})
    app = create_app(skane, clock=fixed_clock)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    try:
        client.app[COMPONENTS].people.grant(MEGAN, "Vänsterpartiet Skåne", Role.BOARD, now=NOW)
        overview, _ = await help_for(client, connector, text, locale)
        explained = reply_text(await ask(client, connector, f"{text} {link.split()[0]}", locale=locale))
    finally:
        await client.close()
    assert link in overview and "Västernorrland" not in overview, overview
    assert "Sundsvall" not in overview, overview  # Skåne has no branch of that name (nor any yet)
    assert link in explained and "Västernorrland" not in explained, explained
