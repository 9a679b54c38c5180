"""Whose goals, in a member's own words. "Kims mål", "vilka mål har Kim?", "Anna Lind:s mål", "Kim's goals"
mean what "vad ansvarar Kim för?" means: the goals that person answers for (`mål ansvarig Kim`). It was "Jag
känner inte till kommandot ”Kims”" or "Menade du mål?". A name nobody has ("Pelles mål") is told so, with
how to write a name, not searched for in the goals' text.

A branch named as the one responsible ("vad ansvarar Sundsvall för?", "vilka mål har Sundsvalls krets?")
means the branch's share of the plan: the goals every branch does, who chairs it, and `status Sundsvall`
for how far it has come. It was "Inget mål nämner ”Sundsvall”".

"Hur går det med inläggen?" asks about the discussion prompts (the board's `kommande`), not a branch called
"inläggen" (nor goals that mention the word). A "ja" with no question waiting says so, not "Jag känner inte
till kommandot ”ja”".

Megan names Kim (chair of Sundsvall) responsible for goals 6 and 7, and Anna and Kim for goal 12, on 10
June 2026.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import KIM, MEGAN, NOA, District
from tests.stories.test_members_ask_what_someone_answers_for import _named


@pytest.mark.parametrize(
    ("asked", "locale", "answer"),
    [
        ("Kims mål", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("kims mål?", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("Kim:s mål", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("Kim Bergs mål", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("vilka mål har Kim?", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("vilka är Kims mål?", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("visa Kims mål", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("vad har Kim för mål?", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("vad ansvarr Kim för", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("Anna Lind:s mål", "sv-SE", "Anna Lind är ansvarig för 1 mål"),
        ("Annas mål tack", "sv-SE", "Anna Lind är ansvarig för 1 mål"),
        ("vilka mål är Kims?", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("which goals are Kim's?", "en-US", "Kim Berg is responsible for 3 goals"),
        ("Kim's goals", "en-US", "Kim Berg is responsible for 3 goals"),
        ("Kims goals", "en-US", "Kim Berg is responsible for 3 goals"),
        ("what are Kim's goals?", "sv-SE", "Kim Berg is responsible for 3 goals"),
        ("show me Anna Lind's goals", "en-US", "Anna Lind is responsible for 1 goal"),
        ("which goals has Kim got?", "en-US", "Kim Berg is responsible for 3 goals"),
        ("what is Kim responsible for", "en-US", "Kim Berg is responsible for 3 goals"),
    ],
)
async def test_whose_goals_in_the_genitive_are_the_goals_they_answer_for(
    district: District, asked: str, locale: str, answer: str
) -> None:
    await _named(district)
    assert (await district.say(NOA, asked, locale=locale)).startswith(answer)


async def test_a_name_nobody_has_is_told_so_with_how_to_write_it(district: District) -> None:
    await _named(district)
    assert await district.say(NOA, "Pelles mål") == (
        "Ingen här heter ”Pelle”, och ingen partiförening heller. Skriv namnet som roller visar det, "
        "t.ex. mål ansvarig FÖRNAMN (skriv roller för att se alla)."
    )
    assert await district.say(NOA, "Pelle's goals", locale="en-US") == (
        "Nobody here is called “Pelle”, and no branch is either. Write the name as roles shows it, "
        "e.g. goals responsible FIRSTNAME (write roles to see everyone)."
    )
    # words that are no one stay what they were: the year's goals, the ones left
    assert (await district.say(NOA, "årets mål")).startswith("Vänsterpartiet Västernorrlands verksamhetsplan")


BRANCH_SV = [
    "Sundsvall är en partiförening",
    "Den svarar för de mål som varje partiförening gör: mål 3.",
    "Ordförande: Kim Berg.",
    "Hur långt Sundsvall har kommit: skriv status Sundsvall.",
]
BRANCH_EN = [
    "Sundsvall is a branch",
    "It answers for the goals every branch does: goal 3.",
    "Its chair: Kim Berg.",
    "How far Sundsvall has come: write status Sundsvall.",
]


@pytest.mark.parametrize(
    ("asked", "locale", "answer"),
    [
        ("vad ansvarar Sundsvall för?", "sv-SE", BRANCH_SV),
        ("vilka mål har Sundsvalls krets?", "sv-SE", BRANCH_SV),
        ("vilka mål har föreningen i Sundsvall", "sv-SE", BRANCH_SV),
        ("Sundsvalls mål", "sv-SE", BRANCH_SV),
        ("vad ansvarar Sundsvallskretsen för", "sv-SE", BRANCH_SV),
        ("what is Sundsvall responsible for?", "en-US", BRANCH_EN),
        ("which goals does the Sundsvall branch have", "en-US", BRANCH_EN),
        ("Sundsvall's goals", "en-US", BRANCH_EN),
    ],
)
async def test_a_branch_as_the_one_responsible_is_its_share_of_the_plan(
    district: District, asked: str, locale: str, answer: list[str]
) -> None:
    await _named(district)
    assert (await district.say(NOA, asked, locale=locale)).split("\n") == answer


@pytest.mark.parametrize(
    ("asked", "locale", "command"),
    [
        ("hur går det med inläggen?", "sv-SE", "kommande"),
        ("hur gar det med inlaggen", "sv-SE", "kommande"),
        ("hur går det med diskussionsfrågorna?", "sv-SE", "kommande"),
        ("how are the prompts going?", "en-US", "upcoming"),
        ("how's the prompt schedule going", "en-US", "upcoming"),
    ],
)
async def test_how_the_prompts_go_is_the_prompts_schedule(
    district: District, asked: str, locale: str, command: str
) -> None:
    await _named(district)
    board = await district.say(MEGAN, asked, locale=locale)
    assert board.startswith(("Inget schema än", "No schedule yet")), board
    member = await district.say(NOA, asked, locale=locale)
    assert member.startswith(
        (f"Det svarar kommandot {command} på.", f"The command {command} answers that.")
    ), member
    assert "partiförening" not in member.split(".")[0] and "branch" not in member.split(".")[0]


async def test_a_yes_with_nothing_asked_says_so(district: District) -> None:
    await _named(district)
    assert await district.say(KIM, "ja") == (
        "Det finns inget att säga ja till: jag väntar inte på något svar från dig. Om jag frågade dig "
        "något tidigare, skriv hela raden igen, som jag visade den."
    )
    assert (await district.say(KIM, "yes please", locale="en-US")).startswith(
        "There is nothing to say yes to"
    )
