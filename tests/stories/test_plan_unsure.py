"""A board member pastes the plan and reads, before importing, what the bot could not settle: goals the plan
names no one responsible for, and a figure in a goal that is not the target it read. What a board member
means by a review they can trust: the bot says plainly where it is unsure, in their language, and the
command it suggests works.

Megan is on the board; Noa is a member the board names responsible.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.stories.conftest import MEGAN, NOA, District

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def pasted(text: str) -> str:
    """A plan as Teams delivers a paste: its lines as <br>."""
    return text.strip().replace("\n", "<br>")


@pytest.mark.parametrize(
    ("locale", "unsure", "name", "shown"),
    [
        (
            "sv-SE",
            "Planen anger ingen ansvarig för målen 2, 3, 5, men gör det för de andra målen: utse ansvariga "
            "efter importen med: ansvarig 2 @namn",
            "ansvarig 2 @Noa Holm",
            "Ansvarig: Noa Holm",
        ),
        (
            "en-US",
            "The plan names no one responsible for goals 2, 3, 5, though it does for the others: after "
            "importing, name who with: responsible 2 @name",
            "responsible 2 @Noa Holm",
            "Responsible: Noa Holm",
        ),
    ],
)
async def test_goals_without_a_responsible_are_named_and_the_hint_works(
    district: District, locale: str, unsure: str, name: str, shown: str
) -> None:
    """Kronoberg's plan, pasted: "Ansvar: ordförande" and "(ansvarig: webbredaktören)" are kept with their
    goals; the three goals without one are named, and the command the review suggests names Noa."""
    review = await district.say(MEGAN, pasted((CORPUS / "kronoberg_klistrad.txt").read_text()), locale=locale)
    assert unsure in review, review
    assert "ordförande" in review and "webbredaktören" in review
    await district.say(MEGAN, "plan importera" if locale == "sv-SE" else "plan import", locale=locale)
    answer = await district.say(MEGAN, name, locale=locale, mentions=((NOA, "Noa Holm"),))
    assert "Noa Holm" in answer, answer
    goal = await district.say(MEGAN, "mål 2" if locale == "sv-SE" else "goal 2", locale=locale)
    assert shown in goal, goal


PLAN = """Verksamhetsplan 2027
Kommunikation
– Skriva en debattartikel i månaden och 20 insändare under året
– Hålla fyra medlemsmöten under året
– Ringa alla nya medlemmar"""


@pytest.mark.parametrize(
    ("locale", "figure", "nobody"),
    [
        (
            "sv-SE",
            "Mål 1 har en siffra som jag inte tog för dess mål, \u201d20 insändare\u201d (jag läste: minst 1 "
            "debattartikel per månad). Om målet är fel, skriv: mål 1 mål ANTAL per år",
            "Planen anger ingen ansvarig för målen: efter importen utser styrelsen ansvariga med: "
            "ansvarig 1 @namn",
        ),
        (
            "en-US",
            "Goal 1 has a figure I did not take for its target, \u201c20 insändare\u201d (I read: at least 1 "
            "opinion piece per month). If the target is wrong, write: goal 1 target NUMBER per year",
            "The plan names no one responsible for its goals: after importing, the board names them with: "
            "responsible 1 @name",
        ),
    ],
)
async def test_a_second_figure_and_a_plan_naming_no_one_are_said_plainly(
    district: District, locale: str, figure: str, nobody: str
) -> None:
    """A goal with two figures is read by one of them: the review names the other, so the board can say
    which is meant. A plan that names no one responsible says so once, not goal by goal."""
    review = await district.say(MEGAN, pasted(PLAN), locale=locale)
    assert figure in review, review
    assert nobody in review, review
    assert "Mål 2 har en siffra" not in review and "Goal 2 has a figure" not in review
