"""Each person's language, and what people write instead of a bare command: stories through the real server.

A Swede whose Teams is in English writes `hjälp` and means Swedish; `help` means English; a command that
is the same word in both (`status`) follows what she chose with `språk`, else her Teams client, else the
district. What she chose is hers: shown in `mina data`, erased by `glöm mig`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.services.people import PersonInfo, Role
from tests.conftest import NOW, fixed_clock
from tests.fakes import activities
from tests.fakes.chat import ask, reply_text
from tests.fakes.connector import FakeConnector

DISTRICT = "Vänsterpartiet Västernorrland"
MEGAN = PersonInfo("29:user-megan", "aad-megan", "Megan Bowen")  # who tests/fakes/activities.py writes as


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


async def said(client: TestClient, connector: FakeConnector, text: str, locale: str = "en-US") -> str:
    return reply_text(await ask(client, connector, text, locale=locale))


async def test_the_command_word_decides_then_the_choice_then_the_teams_client(
    client: TestClient, connector: FakeConnector
) -> None:
    """A Swede on an English Teams client: `hjälp` is answered in Swedish, `help` in English; `status` is
    both, so her client's English decides until she chooses Swedish, and then her choice does."""
    assert "Det här kan jag" in await said(client, connector, "hjälp")
    assert "This is what I can do" in await said(client, connector, "help")
    assert "Goal 6" in await said(client, connector, "goals 6")
    assert "Mål 6" in await said(client, connector, "mål 6")
    english = await said(client, connector, "status")
    assert await said(client, connector, "status", locale="sv-SE") != english  # her client decides

    answer = await said(client, connector, "språk svenska")
    assert answer.startswith("Från och med nu skriver jag till dig på svenska")
    assert await said(client, connector, "status") == await said(client, connector, "status", locale="sv-SE")
    assert "This is what I can do" in await said(client, connector, "help")  # the word still decides
    assert "Language: Swedish, as you chose; your Teams is set to en-US" in await said(
        client, connector, "my data"
    )
    assert "Språk: svenska, som du har valt; ditt Teams är inställt på en-US" in await said(
        client, connector, "mina data"
    )

    english_chosen = await said(client, connector, "language english")
    assert english_chosen.startswith("From now on I write to you in English")
    assert await said(client, connector, "status", locale="sv-SE") == english
    assert (await said(client, connector, "språk teams", locale="sv-SE")).startswith(
        "Jag skriver till dig på samma språk som ditt Teams, svenska"
    )
    assert (await said(client, connector, "språk tyska")).startswith("Jag kan svenska och engelska.")


async def test_forgetting_someone_forgets_their_language(
    client: TestClient, connector: FakeConnector
) -> None:
    await said(client, connector, "språk svenska")
    people = client.app[COMPONENTS].people
    person_id = people.find_id(MEGAN)
    assert people.language_of(person_id, "en") == "sv"
    await said(client, connector, "forget me confirm")
    assert people.find_id(MEGAN) is None
    assert people.language_of(person_id, "en") == "en"  # nothing left of her choice
    # Her next message is in her client's language again, and stores nothing until she is known again.
    assert "This is what I can do" in await said(client, connector, "?")


async def test_the_latest_teams_locale_is_remembered_for_what_the_bot_starts(
    client: TestClient, connector: FakeConnector
) -> None:
    """Reminders and notices have no message to take a language from: they use the latest client's."""
    people = client.app[COMPONENTS].people
    people.grant(MEGAN, DISTRICT, Role.BOARD, now=NOW)
    person_id = people.find_id(MEGAN)
    await said(client, connector, "hjälp", locale="en-GB")
    assert people.language_of(person_id, "sv") == "en"
    await said(client, connector, "help", locale="sv-SE")
    assert people.language_of(person_id, "en") == "sv"
    await said(client, connector, "language english", locale="sv-SE")
    assert people.language_of(person_id, "sv") == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>mål 6</p>", "Mål 6"),
        ("<div><p>mål&nbsp;6</p></div>", "Mål 6"),
        ("<p><strong>mål</strong> <em>6</em></p>", "Mål 6"),
        ("mål6", "Mål 6"),
        ("goal6", "Goal 6"),
        ("visa mål 6", "Mål 6"),
        ("vad är mål 6?", "Mål 6"),
        ("What is goal 6?", "Goal 6"),
        ("show me goal 6", "Goal 6"),
        ("hur går det för Sundsvall?", "Sundsvall"),
        ("how is Sundsvall doing?", "Sundsvall"),
    ],
)
async def test_natural_and_pasted_phrasings_are_understood(
    client: TestClient, connector: FakeConnector, text: str, expected: str
) -> None:
    answer = await said(client, connector, text, locale="sv-SE")
    assert answer.startswith(expected) or expected in answer.split("\n", 1)[0], answer
    assert "känner inte till" not in answer and "don't know" not in answer


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("hej", "en-US", "Hej! Skriv hjälp så ser du vad jag kan göra."),
        ("Hej boten!", "sv-SE", "Hej! Skriv hjälp så ser du vad jag kan göra."),
        ("tack så mycket!", "en-US", "Varsågod!"),
        ("hello", "sv-SE", "Hi! Write help to see what I can do."),
        ("Thanks!", "sv-SE", "You're welcome!"),
    ],
)
async def test_greetings_and_thanks_get_a_friendly_word_in_their_own_language(
    client: TestClient, connector: FakeConnector, text: str, locale: str, expected: str
) -> None:
    assert await said(client, connector, text, locale=locale) == expected


def reaction(service_url: str) -> dict[str, Any]:
    message = activities.personal_message("", service_url=service_url)
    message.pop("text")
    return {**message, "type": "messageReaction", "reactionsAdded": [{"type": "like"}], "replyToId": "1"}


async def test_emoji_and_reactions_get_no_answer(client: TestClient, connector: FakeConnector) -> None:
    for activity in (
        activities.personal_message("👍", service_url=connector.url),
        activities.personal_message("🎉 🎉", service_url=connector.url),
        reaction(connector.url),
    ):
        response = await client.post("/api/messages", json=activity)
        assert response.status in (200, 201)
    assert "Det här kan jag" in await said(client, connector, "hjälp")
    assert len(connector.posted) == 1  # the answer to `hjälp`, nothing before it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("måll 6", "Menade du mål 6?"),
        ("kan jag få se mål 6", "Menade du mål 6?"),
        ("statsu Sundsvall", "Menade du status Sundsvall?"),
    ],
)
async def test_a_near_miss_gets_the_likely_command_with_its_argument(
    client: TestClient, connector: FakeConnector, text: str, expected: str
) -> None:
    assert expected in await said(client, connector, text, locale="sv-SE")
