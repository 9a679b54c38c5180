"""A member asks about the plan as they would ask a person: "Vad är målen?", "Vilka mål har vi i år?",
"What are our goals?", "show me the goals please", "what's in the plan?". They mean the plan's goals: the
answer is the `mål` list, in the language of the question. A word of thanks or "please" after a command
changes nothing ("goals please" is not a search for "please"). Ordinary chat that happens to name the goals
("vi har inga mål", "I like the plan", "what do you think of the goals") is not such a question.

Noa is a member; her Teams runs in English (many Swedes' does), and Megan is on the board.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import MEGAN, NOA, District


@pytest.mark.parametrize(
    "asked",
    [
        "Vad är målen?",
        "Vilka mål har vi?",
        "vad har vi för mål i år?",
        "Hej! Kan jag få se målen?",
        "berätta om planen",
        "vad står det i verksamhetsplanen?",
        "målen tack",
        "mål tack",
    ],
)
async def test_a_swedish_question_about_the_plan_lists_its_goals(district: District, asked: str) -> None:
    answer = await district.say(NOA, asked, locale="en-US")
    assert answer.startswith("Vänsterpartiet Västernorrlands verksamhetsplan 2026 (24 mål)"), answer


@pytest.mark.parametrize(
    "asked",
    [
        "What are our goals?",
        "show me the goals please",
        "hi! what goals do we have?",
        "what's in the plan?",
        "can I see the plan please",
        "I'd like to see the goals",
        "goals please",
        "Goals, thanks!",
    ],
)
async def test_an_english_question_about_the_plan_lists_its_goals(district: District, asked: str) -> None:
    answer = await district.say(NOA, asked, locale="sv-SE")
    assert answer.startswith("Vänsterpartiet Västernorrland’s plan 2026 (24 goals)"), answer
    assert "verksamhetsplan" not in answer and "mål" not in answer


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        ("Which goals are behind?", "Goals marked “behind”, 22 Nov 2026"),  # only those goals
        ("vilka mål ligger efter?", "Mål markerade ”efter”, 22 nov. 2026"),
        ("status please", "How the plan stands, 22 Nov 2026"),
    ],
)
async def test_which_goals_are_behind_is_the_status(district: District, asked: str, starts: str) -> None:
    assert (await district.say(NOA, asked, locale="en-US")).startswith(starts)


@pytest.mark.parametrize(
    "chat",
    ["vi har inga mål", "I like the plan", "what do you think of the goals", "the goals of the party"],
)
async def test_chat_that_names_the_goals_is_not_that_question(district: District, chat: str) -> None:
    answer = await district.say(NOA, chat, locale="en-US")
    assert "(24 goals)" not in answer and "(24 mål)" not in answer, answer


async def test_the_boards_plan_command_is_still_the_boards(district: District) -> None:
    """`plan` alone is the board's command (the plan's state and how to send a new one), not the list."""
    answer = await district.say(MEGAN, "plan", locale="en-US")
    assert "(24 goals)" not in answer and "(24 mål)" not in answer, answer


@pytest.mark.parametrize(
    ("asked", "answer"),
    [
        ("which goals are about Teams?", "2 goals mention “Teams”"),
        ("vilka mål handlar om Teams?", "2 mål nämner ”Teams”"),
    ],
)
async def test_which_goals_are_about_a_word_is_a_search(district: District, asked: str, answer: str) -> None:
    assert (await district.say(NOA, asked, locale="en-US")).startswith(answer)
