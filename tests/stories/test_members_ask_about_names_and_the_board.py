"""Whose goals and how they stand, in more of a member's words. What they mean:

- "Kim Berg mål", "anna lind mål", "mål Kim Berg", "goals Kim Berg": a full name written without the
  genitive's s, or after the word, asks for the goals that person answers for, as "Kim Bergs mål" does. It
  was "Jag känner inte till kommandot ”Kim”" (or "Inget mål nämner ”Kim Berg”"). A full name nobody has
  ("Kim Larsson mål") is named as written.
- "vilka mål har Anna och Kim?": two people at once; one answer shows one person's goals, so the bot says
  plainly to ask one at a time, with the line for each. It was "Ingen här heter ”Anna och Kim”".
- "hur går det för styrelsen?", "status styrelsen", "hur ligger styrelsen till?", "how is the board
  doing?": how the goals the plan gives the board stand (those "styrelsens mål" lists), not the goals whose
  text mentions the word "styrelsen".
- "hur ligger Kim till?", "hur ligger Sundsvall till?", "hur ligger vi till?" ask what "hur går det för
  …?" asks. It was "Den frågan kan jag inte svara på".
- "Kramfors mål" where no branch Kramfors exists names "Kramfors", as written: a place name ending in -fors
  or -näs keeps its s. It was "Ingen här heter ”Kramfor”".
- "vad gör partiföreningarna?", "what do the branches do?": the goals every branch does. It was "Den frågan
  kan jag inte svara på".
- The board answers for goal 19 ("Ledamöter i distriktsstyrelsen turas om …": the board's members, as goal
  20's "Distriktsstyrelsens ledamöter") and goal 21 ("Utse personer i distriktsstyrelsen …": only the board
  can choose among its members). `mål 19` and `mål 21` say so, and "styrelsens mål" lists them.

The clock is 10 June 2026 (tests.stories.test_members_ask_what_someone_answers_for._named).
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import NOA, District
from tests.stories.test_members_ask_what_someone_answers_for import KIM_EN, KIM_SV, _named
from tests.stories.test_members_whose_goals_in_other_words import _begins

BOARD_GOALS = ["1", "2", "15", "19", "20", "21"]


@pytest.mark.parametrize(
    ("asked", "locale", "answer"),
    [
        ("Kim Berg mål", "sv-SE", KIM_SV),
        ("kim berg mål?", "sv-SE", KIM_SV),
        ("Kim Berg mal", "sv-SE", KIM_SV),
        ("mål Kim Berg", "sv-SE", KIM_SV),
        ("Kim Bergs mål", "sv-SE", KIM_SV),
        ("goals Kim Berg", "en-US", KIM_EN),
        ("Kim Berg goals", "en-US", KIM_EN),
    ],
)
async def test_a_full_name_without_genitive(
    district: District, asked: str, locale: str, answer: list[str]
) -> None:
    await _named(district)
    assert _begins(await district.say(NOA, asked, locale=locale), answer)


async def test_names_nobody_has_and_words_that_are_no_name(district: District) -> None:
    await _named(district)
    assert (await district.say(NOA, "Kim Larsson mål")).startswith("Ingen här heter ”Kim Larsson”")
    assert (await district.say(NOA, "anna lind mål")).startswith("Anna Lind är ansvarig för 1 mål")
    # words before "mål" that are no one's name stay what they were
    assert not (await district.say(NOA, "hur många mål")).startswith("Ingen här heter")
    assert not (await district.say(NOA, "visa alla mål")).startswith("Ingen här heter")
    assert (await district.say(NOA, "mål medlemmar")).startswith("5 mål nämner ”medlemmar”")


@pytest.mark.parametrize(
    ("asked", "locale", "answer"),
    [
        (
            "vilka mål har Anna och Kim?",
            "sv-SE",
            "En person i taget: skriv mål ansvarig Anna och mål ansvarig Kim.",
        ),
        ("Anna och Kims mål", "sv-SE", "En person i taget: skriv mål ansvarig Anna och mål ansvarig Kim."),
        ("Kims och Annas mål", "sv-SE", "En person i taget: skriv mål ansvarig Kim och mål ansvarig Anna."),
        ("mål för Anna och Kim", "sv-SE", "En person i taget: skriv mål ansvarig Anna och mål ansvarig Kim."),
        (
            "vad ansvarar Anna och Kim för",
            "sv-SE",
            "En person i taget: skriv mål ansvarig Anna och mål ansvarig Kim.",
        ),
        (
            "what are Anna and Kim's goals",
            "en-US",
            "One person at a time: write goals responsible Anna and goals responsible Kim.",
        ),
    ],
)
async def test_two_people_at_once(district: District, asked: str, locale: str, answer: str) -> None:
    await _named(district)
    assert await district.say(NOA, asked, locale=locale) == answer


@pytest.mark.parametrize(
    ("asked", "locale", "title"),
    [
        ("hur går det för styrelsen?", "sv-SE", "Så går det med styrelsens mål, 10 juni 2026"),
        ("hur gar det for styrelsen", "sv-SE", "Så går det med styrelsens mål, 10 juni 2026"),
        ("status styrelsen", "sv-SE", "Så går det med styrelsens mål, 10 juni 2026"),
        ("hur ligger styrelsen till?", "sv-SE", "Så går det med styrelsens mål, 10 juni 2026"),
        ("hur går det för distriktsstyrelsen", "sv-SE", "Så går det med styrelsens mål, 10 juni 2026"),
        ("how is the board doing?", "en-US", "How the board's goals stand, 10 Jun 2026"),
        ("status board", "en-US", "How the board's goals stand, 10 Jun 2026"),
    ],
)
async def test_how_the_boards_goals_stand(district: District, asked: str, locale: str, title: str) -> None:
    await _named(district)
    answer = (await district.say(NOA, asked, locale=locale)).split("\n")
    assert answer[0] == title
    shown = [line.split(".")[0].strip() for line in answer if line[:4].strip().rstrip(".").isdigit()]
    assert shown == BOARD_GOALS


@pytest.mark.parametrize(
    ("asked", "title"),
    [
        ("hur ligger Kim till?", "Så går det med målen för Kim Berg, 10 juni 2026"),
        ("hur ligger sundsvall till?", "Så går det för Sundsvall, 10 juni 2026"),
        ("hur ligger vi till?", "Så går planen, 10 juni 2026"),
        ("hur ligger det till", "Så går planen, 10 juni 2026"),
        ("hur går det?", "Så går planen, 10 juni 2026"),
    ],
)
async def test_how_someone_lies(district: District, asked: str, title: str) -> None:
    await _named(district)
    assert (await district.say(NOA, asked)).split("\n")[0] == title


async def test_a_place_ending_in_s_that_is_no_branch_is_named_as_written(district: District) -> None:
    await _named(district)
    assert (await district.say(NOA, "Kramfors mål")).startswith("Ingen här heter ”Kramfors”")
    assert (await district.say(NOA, "Bollnäs mål")).startswith("Ingen här heter ”Bollnäs”")
    assert (await district.say(NOA, "Kramfors goals", locale="en-US")).startswith(
        "Nobody here is called “Kramfors”"
    )
    # a genitive's s is still the genitive's: Timrå's goals, a branch
    assert (await district.say(NOA, "Timrås mål")).startswith("Timrå är en partiförening")


async def test_goals_19_and_21_are_the_boards(district: District) -> None:
    await _named(district)
    assert "Ansvarig: Distriktsstyrelsens ledamöter" in await district.say(NOA, "mål 19")
    assert "Ansvarig: Distriktsstyrelsen" in await district.say(NOA, "mål 21")
    assert "Responsible: The district board's members" in await district.say(NOA, "goal 19", locale="en-US")
    listed = (await district.say(NOA, "styrelsens mål")).split("\n")
    assert listed[0] == "Styrelsen är ansvarig för 6 mål"
    assert [line.split(".")[0].strip() for line in listed[1:7]] == BOARD_GOALS


@pytest.mark.parametrize(
    ("asked", "locale", "title"),
    [
        ("vad gör partiföreningarna?", "sv-SE", "Varje partiförening gör 1 mål i planen"),
        ("vad gor partiforeningarna", "sv-SE", "Varje partiförening gör 1 mål i planen"),
        ("partiföreningarnas mål", "sv-SE", "Varje partiförening gör 1 mål i planen"),
        ("what do the branches do?", "en-US", "Every branch does 1 goal of the plan"),
        ("the branches' goals", "en-US", "Every branch does 1 goal of the plan"),
    ],
)
async def test_what_the_branches_do(district: District, asked: str, locale: str, title: str) -> None:
    """The branches together do the goals every branch does (goal 3 in the sample plan)."""
    await _named(district)
    answer = (await district.say(NOA, asked, locale=locale)).split("\n")
    assert answer[0] == title
    assert answer[1].startswith("  3. ")


async def test_a_genitive_after_a_vowel_is_still_a_genitive(district: District) -> None:
    """ "Annas mål" is Anna's, "Sollefteås" Sollefteå's: only -fors and -näs keep their s."""
    await _named(district)
    assert (await district.say(NOA, "Annas mål")).startswith("Anna Lind är ansvarig för 1 mål")
    assert (await district.say(NOA, "Sollefteås mål")).startswith("Ingen här heter ”Sollefteå”")
