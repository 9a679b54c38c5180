"""A board member pastes the plan into a chat message instead of sending the file: a long message with
many numbered goals. Teams joins a message's lines, so the headings and the goals run together and reading
it would put the wrong text on the wrong goal. Nothing is imported on it; the answer says plainly how to
send it so it can be read and reviewed (a .txt file, or the plan's PDF or Word file, in the personal chat).
A member who pastes one is told the board sends the plan. A question, a report or a prompt's text with a
numbered list is not taken for a plan.

Megan is on the board; Noa is a member.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import MEGAN, NOA, District

SWEDISH = (
    "Verksamhetsplan 2027 för Vänsterpartiet Västernorrland\n\nOrganisering\n"
    "1. Distriktet ska hålla fyra medlemsmöten under året.\n"
    "2. Varje partiförening ska ha en kontaktperson för nya medlemmar.\n"
    "3. Vi ska ringa alla nya medlemmar inom en månad.\n\nKommunikation\n"
    "4. Vi ska skicka ut ett nyhetsbrev varje månad.\n"
    "5. Facebooksidan ska växa från 1500 till 2000 följare.\n"
    "6. Styrelsens ledamöter skriver minst två debattartiklar under året."
)
ENGLISH = (
    "Action plan 2027\n\nOrganising\n"
    "Goal 1: The district holds four members' meetings during the year.\n"
    "Goal 2: Every branch names a contact person for new members.\n"
    "Goal 3: We phone every new member within a month of joining.\n\nCommunication\n"
    "Goal 4: We send a newsletter every month.\n"
    "Goal 5: The Facebook page grows from 1,500 to 2,000 followers."
)


@pytest.mark.parametrize(
    ("pasted", "locale", "answer"),
    [
        (
            SWEDISH,
            "sv-SE",
            "Det där ser ut som en plan som klistrats in i ett meddelande. Inget importerades",
        ),
        (ENGLISH, "en-US", "That looks like a plan pasted into a message. Nothing was imported"),
    ],
)
async def test_a_pasted_plan_is_answered_with_how_to_send_it(
    district: District, pasted: str, locale: str, answer: str
) -> None:
    before = await district.say(MEGAN, "mål", locale=locale)
    reply = await district.say(MEGAN, pasted.replace("\n", "<br>"), locale=locale)
    assert reply.startswith(answer), reply
    assert (".txt-fil" if locale == "sv-SE" else ".txt file") in reply
    assert ("skicka den till mig här" if locale == "sv-SE" else "send it to me here") in reply
    assert await district.say(MEGAN, "mål", locale=locale) == before  # nothing imported
    waiting = await district.say(MEGAN, "plan", locale=locale)
    assert waiting.startswith(("Du har ingen plan som väntar", "You have no plan waiting")), waiting


async def test_a_member_who_pastes_a_plan_is_told_the_board_sends_it(district: District) -> None:
    reply = await district.say(NOA, ENGLISH, locale="en-US")
    assert reply.startswith("That looks like a plan pasted into a message. Only the board"), reply
    assert "Megan Bowen" in reply


@pytest.mark.parametrize(
    "written",
    [
        "mål 3 och 4",
        "skriv 999 Fyra frågor till er: 1. Vad gör vi? 2. Vem gör det? 3. När? "
        "4. Hur vet vi att det gick bra? Svara gärna i tråden, alla svar räknas "
        "och vi tar upp dem på nästa styrelsemöte i december.",
    ],
)
async def test_a_numbered_list_in_a_command_is_not_a_plan(district: District, written: str) -> None:
    reply = await district.say(MEGAN, written)
    assert "klistrats in" not in reply, reply
