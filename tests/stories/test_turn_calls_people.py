"""Issue 16 for roles, branches, districts, language and personal data: a turn makes one call off the event
loop for who wrote it and one for what they asked, in Swedish and in English.

What a board member or chair means is unchanged (tests/stories/test_branches_and_roles.py and the others
say it); here only the turn's shape is held: `roll styrelse @Noa` grants the role and, in the same call,
hands the coming prompts round the new board; `glöm mig bekräfta` erases in one transaction."""

from __future__ import annotations

from typing import Any, TypeVar

import pytest

from bot.db.repository import Repository
from tests.fakes.activities import BOT_ID, bot_added_to_personal_chat, installed_in_team
from tests.fakes.calls import off_loop_calls
from tests.stories.conftest import ANNA, KIM, LEE, MEGAN, NOA, SAM, District, Someone

MOST_CALLS = 2
T = TypeVar("T")
AT_NOA = ((NOA, "Noa Holm"),)
AT_KIM = ((KIM, "Kim Berg"),)
AT_LEE = ((LEE, "Lee Gu"),)

# (who, Swedish, English, the people mentioned)
CASES: list[tuple[Someone, str, str, tuple[tuple[Someone, str], ...]]] = [
    (MEGAN, "roll styrelse @Noa Holm", "role board @Noa Holm", AT_NOA),
    (MEGAN, "roll bort styrelse @Anna Lind", "role remove board @Anna Lind", ((ANNA, "Anna Lind"),)),
    (MEGAN, "roll ordförande @Noa Holm Sundsvall", "role chair @Noa Holm Sundsvall", AT_NOA),
    (MEGAN, "roll ordförande @Noa Holm Kramfors", "role chair @Noa Holm Kramfors", AT_NOA),
    (MEGAN, "roll ordförande @Noa Holm Kramfors ja", "role chair @Noa Holm Kramfors yes", AT_NOA),
    (MEGAN, "roll ersättare @Noa Holm Timrå", "role deputy @Noa Holm Timrå", AT_NOA),
    (MEGAN, "roll bort ordförande @Kim Berg", "role remove chair @Kim Berg", AT_KIM),
    (MEGAN, "roll kassör @Noa Holm", "role treasurer @Noa Holm", AT_NOA),
    (KIM, "ersättare @Noa Holm", "deputy @Noa Holm", AT_NOA),
    (KIM, "ersättare bort @Lee Gu", "deputy remove @Lee Gu", AT_LEE),
    (NOA, "roller", "roles", ()),
    (NOA, "partiföreningar", "branches", ()),
    (NOA, "partiföreningar lägg till Ånge", "branches add Ånge", ()),
    (MEGAN, "partiföreningar lägg till Ånge", "branches add Ånge", ()),
    (MEGAN, "partiföreningar lägg till Sundsval", "branches add Sundsval", ()),
    (MEGAN, "partiföreningar byt namn Timrå till Timrå kommun", "branches rename Timrå to Timrå kommun", ()),
    (MEGAN, "partiföreningar slå ihop Timrå med Sundsvall", "branches merge Timrå into Sundsvall", ()),
    (MEGAN, "partiföreningar ta bort Härnösand", "branches remove Härnösand", ()),
    (MEGAN, "koppla Västernorrland", "link Västernorrland", ()),
    (NOA, "distrikt", "district", ()),
    (NOA, "distrikt Västernorrland", "district Västernorrland", ()),
    (MEGAN, "distrikt Skåne", "district Skåne", ()),
    (NOA, "språk engelska", "language english", ()),
    (NOA, "språk teams", "language teams", ()),
    (NOA, "språk", "language", ()),
    (KIM, "mina data", "my data", ()),
    (KIM, "glöm mig", "forget me", ()),
    (KIM, "glöm mig bekräfta", "forget me confirm", ()),
    (MEGAN, "gör @Noa Holm till ordförande i Sundsvall", "make @Noa Holm chair of Sundsvall", AT_NOA),
    (MEGAN, "ta bort @Kim Berg som ordförande", "remove @Kim Berg as chair", AT_KIM),
    (NOA, "vem är ordförande i Sundsvall?", "who chairs Sundsvall?", ()),
    (NOA, "vem är administratör?", "who are the admins?", ()),
    (KIM, "vilken roll har jag?", "what is my role?", ()),
    (SAM, "jag slutar som ordförande", "I'm stepping down as chair", ()),
]


@pytest.mark.parametrize(("who", "swedish", "english", "mentions"), CASES, ids=[c[1] for c in CASES])
@pytest.mark.parametrize("language", ["sv", "en"])
async def test_a_turn_makes_one_call_for_who_and_one_for_what(
    district: District,
    who: Someone,
    swedish: str,
    english: str,
    mentions: tuple[tuple[Someone, str], ...],
    language: str,
) -> None:
    text, locale = (swedish, "sv-SE") if language == "sv" else (english, "en-US")
    reply, calls = await district.off_loop(who, text, locale=locale, mentions=mentions)
    assert reply
    # a question asked ("write hoppa 3 ja") is kept besides, so that a typed "ja" answers it
    asked = calls[-1:] == ["DialogStates.write"]
    assert len(calls) <= MOST_CALLS + asked, calls


def bot_added_to_team(*, service_url: str) -> dict[str, Any]:
    """Teams' conversationUpdate after an install in a team: the bot among the members added."""
    activity = installed_in_team(service_url=service_url)
    del activity["action"]
    return {**activity, "type": "conversationUpdate", "id": "added-1", "membersAdded": [{"id": BOT_ID}]}


EVENTS = {
    "installed in a team": installed_in_team,
    "added to a team": bot_added_to_team,
    "added to a personal chat": bot_added_to_personal_chat,
}


@pytest.mark.parametrize("event", list(EVENTS))
async def test_an_event_stores_where_the_bot_can_post_in_one_call(district: District, event: str) -> None:
    """The bot installed or added: the conversation (and its team) remembered, with the district the welcome
    names read in the same call."""
    activity = EVENTS[event](service_url=district.connector.url)
    with off_loop_calls() as calls:
        response = await district.client.post("/api/messages", json=activity)
    assert response.status in (200, 201)
    assert len(calls) == 1, calls
    stored = Repository(district.db).conversations()
    assert activity["conversation"]["id"] in {c.conversation_id for c in stored}
