"""A board member pastes the plan into a chat message instead of sending the file: it is read and reviewed as
a file is, nothing imported before the review. A member who pastes one is told the board sends the plan. A
question, a report or a prompt's text with a numbered list is not taken for a plan.

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
        (SWEDISH, "sv-SE", "Planen som jag läste den: texten du klistrade in"),
        (ENGLISH, "en-US", "The plan as I read it: the text you pasted"),
    ],
)
async def test_a_pasted_plan_is_reviewed_as_a_file_is(
    district: District, pasted: str, locale: str, answer: str
) -> None:
    before = await district.say(MEGAN, "mål", locale=locale)
    reply = await district.say(MEGAN, pasted.replace("\n", "<br>"), locale=locale)
    assert reply.startswith(answer), reply
    assert await district.say(MEGAN, "mål", locale=locale) == before  # nothing imported before the review


async def test_a_member_who_pastes_a_plan_is_told_the_board_sends_it(district: District) -> None:
    """Not a hint at a command further into the text ("Did you mean Goal 1:?")."""
    reply = await district.say(NOA, ENGLISH, locale="en-US")
    assert reply.startswith("Only the board and administrators can do that. Ask one of the board"), reply
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
    assert "klistrade in" not in reply, reply
