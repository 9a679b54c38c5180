"""Whose goals, in more of a member's own words. What they mean:

- "mål för Kim", "goals of Kim", "goals for Kim Berg" ask for the goals Kim answers for, as "Kims mål" and
  `mål ansvarig Kim` do; a branch's name there ("mål för Sundsvall") its share of the plan. Words that are
  no one's name stay a search of the goals ("mål för medlemmar"), and a word that is neither ("mål för
  Pelle") is told so, with how to write a name. It was "Inget mål nämner ”Kim”".
- "styrelsens mål", "vad ansvarar styrelsen för?", "the board's goals" ask for the goals the plan gives the
  board: those `mål N` says the district board is responsible for ("Distriktsstyrelsen ska …",
  "Distriktsstyrelsens ledamöter …", "Ansvarig: Styrelsen"). It was "Jag känner inte till kommandot
  ”styrelsens”".
- A Swedish name ending in s, x or z takes no extra s in the genitive: "Lars mål" is Lars's, "Max mål" Max's,
  "Agnes mål" Agnes's, "Kramfors mål" the branch Kramfors's. It was "Ingen här heter ”Lar”" (and for "Max
  mål", "Jag känner inte till kommandot ”Max”"). A name nobody has is named as written.
- A name that is both a person's and a branch's ("Berg": Kim Berg, and a branch Berg) is asked about, with
  the line for each; before, the person was answered and the branch could not be asked for.
- "vilka mål har ingen ansvarig?" asks for the goals the board has named nobody for (each branch's chair
  answers for the goals every branch does, so those are not among them), with whom the plan gives each. It
  was "Ingen här heter ”ingen ansvarig”".
- "hur går det för Kim?", "how are Kim's goals going?", "status Kim": how Kim's goals stand, as `status`
  shows goals. It was "Det finns ingen partiförening som heter ”Kim”".

Megan (the board) names Kim (chair of Sundsvall) responsible for goals 6 and 7, Anna and Kim for goal 12
(10 June 2026), then Lars Ek for goal 8, Agnes Holm for goal 10 and Max Åberg for goal 11.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import KIM, MEGAN, NOA, District, Someone
from tests.stories.test_members_ask_what_someone_answers_for import KIM_EN, KIM_SV, _named

LARS = Someone("29:lars", "aad-lars", "Lars Ek")
AGNES = Someone("29:agnes", "aad-agnes", "Agnes Holm")
MAX = Someone("29:max", "aad-max", "Max Åberg")


async def _more_named(district: District) -> None:
    await _named(district)
    await district.say(MEGAN, "ansvarig 8 @Lars Ek", mentions=((LARS, "Lars Ek"),))
    await district.say(MEGAN, "ansvarig 10 @Agnes Holm", mentions=((AGNES, "Agnes Holm"),))
    await district.say(MEGAN, "ansvarig 11 @Max Åberg", mentions=((MAX, "Max Åberg"),))


@pytest.mark.parametrize(
    ("asked", "locale", "answer"),
    [
        ("mål för Kim", "sv-SE", KIM_SV),
        ("mål för kim", "sv-SE", KIM_SV),
        ("mål för Kim Berg?", "sv-SE", KIM_SV),
        ("vad har Kim för mål?", "sv-SE", KIM_SV),
        ("vad ansvrar Kim för", "sv-SE", KIM_SV),
        ("goals of Kim", "en-US", KIM_EN),
        ("goals for Kim", "en-US", KIM_EN),
        ("goals for kim berg", "en-US", KIM_EN),
        ("målen som Kim ansvarar för", "sv-SE", KIM_SV),
        ("vilka mål ska Kim jobba med?", "sv-SE", KIM_SV),
        ("goals Kim is responsible for", "en-US", KIM_EN),
        # written without å, ä and ö
        ("vilka mal har Kim", "sv-SE", KIM_SV),
        ("Kims mal", "sv-SE", KIM_SV),
        ("mal for Kim", "sv-SE", KIM_SV),
        ("vad har Kim for mal", "sv-SE", KIM_SV),
    ],
)
async def test_goals_for_someone_are_the_goals_they_answer_for(
    district: District, asked: str, locale: str, answer: list[str]
) -> None:
    await _named(district)
    assert _begins(await district.say(NOA, asked, locale=locale), answer)


def _begins(said: str, answer: list[str]) -> bool:
    """Whether each line of what was said begins as the answer's line does."""
    lines = said.split("\n")
    return len(lines) == len(answer) and all(
        line.startswith(a) for line, a in zip(lines, answer, strict=True)
    )


async def test_goals_for_words_that_are_no_one_stay_a_search(district: District) -> None:
    await _named(district)
    assert (await district.say(NOA, "mål för Sundsvall")).startswith("Sundsvall är en partiförening")
    assert (await district.say(NOA, "mål för medlemmar")).startswith("5 mål nämner ”medlemmar”")
    assert (await district.say(NOA, "mål för året")).startswith(
        "Vänsterpartiet Västernorrlands verksamhetsplan"
    )
    assert await district.say(NOA, "mål för Pelle") == (
        "Inget mål nämner ”Pelle”, och ingen här heter så, ingen partiförening heller. För en persons mål, "
        "skriv namnet som roller visar det, t.ex. mål ansvarig FÖRNAMN; för att se alla mål, skriv mål."
    )
    assert await district.say(NOA, "goals for Pelle", locale="en-US") == (
        "No goal mentions “Pelle”, and nobody here is called so, nor any branch. For a person's goals write "
        "the name as roles shows it, e.g. goals responsible FIRSTNAME; to see every goal, write goals."
    )


BOARD_SV = [
    "Styrelsen är ansvarig för 6 mål",
    "  1. Distriktsstyrelsen går Zetkins utbildning i att organisera medlemmar och för sedan kunskapen "
    "vidare till partiföreningarna.",
    "  2. Distriktsstyrelsen utser tre personer som tillsammans ansvarar för distriktets arbete i Zetkin.",
    " 15. Distriktsstyrelsen lär sig Teams och erbjuder partiföreningarna en Teams-utbildning.",
    " 19. Ledamöter i distriktsstyrelsen turas om att lägga ut inlägg i kanalen, minst två gånger i månaden, "
    "för att få i gång diskussioner.",
    " 20. Distriktsstyrelsens ledamöter skriver minst två debattartiklar i allmänpolitiska frågor under "
    "året.",
    " 21. Utse personer i distriktsstyrelsen som ansvarar för de fyra prioriterade områdena och som "
    "fortlöpande rapporterar hur arbetet går.",
    "Skriv mål 1 för att se ett mål i sin helhet.",
]


@pytest.mark.parametrize(
    ("asked", "locale"),
    [
        ("styrelsens mål", "sv-SE"),
        ("Styrelsens mål?", "sv-SE"),
        ("distriktsstyrelsens mål", "sv-SE"),
        ("vad ansvarar styrelsen för?", "sv-SE"),
        ("vilka mål har styrelsen?", "sv-SE"),
        ("vad har styrelsen för mål", "sv-SE"),
        ("mål för styrelsen", "sv-SE"),
        ("the board's goals", "en-US"),
        ("what is the board responsible for?", "en-US"),
        ("goals of the board", "en-US"),
        ("vad gör styrelsen?", "sv-SE"),
        ("vad ska styrelsen göra", "sv-SE"),
        ("what does the board do?", "en-US"),
        ("styrelsens mal", "sv-SE"),
        ("styrelsns mål", "sv-SE"),
        ("vad ansvarar styrelsn för", "sv-SE"),
        ("whats the board responsible for", "en-US"),
    ],
)
async def test_the_boards_goals_are_those_the_plan_gives_the_board(
    district: District, asked: str, locale: str
) -> None:
    await _named(district)
    answer = (await district.say(NOA, asked, locale=locale)).split("\n")
    if locale == "sv-SE":
        assert answer == BOARD_SV
    else:
        assert answer[0] == "The board is responsible for 6 goals"
        assert [line[:4] for line in answer[1:7]] == ["  1.", "  2.", " 15.", " 19.", " 20.", " 21."]
    # `mål N` says the same of each: the plan makes the board responsible
    assert "Ansvarig: Distriktsstyrelsen" in await district.say(NOA, "mål 15")


@pytest.mark.parametrize(
    ("asked", "locale", "answer"),
    [
        ("Lars mål", "sv-SE", "Lars Ek är ansvarig för 1 mål"),
        ("lars mål?", "sv-SE", "Lars Ek är ansvarig för 1 mål"),
        ("Lars:s mål", "sv-SE", "Lars Ek är ansvarig för 1 mål"),
        ("vad ansvarar Lars för", "sv-SE", "Lars Ek är ansvarig för 1 mål"),
        ("Lars Eks mål", "sv-SE", "Lars Ek är ansvarig för 1 mål"),
        ("Agnes mål", "sv-SE", "Agnes Holm är ansvarig för 1 mål"),
        ("Holms mål", "sv-SE", "Agnes Holm är ansvarig för 1 mål"),
        ("Max mål", "sv-SE", "Max Åberg är ansvarig för 1 mål"),
        ("vilka mål har Max", "sv-SE", "Max Åberg är ansvarig för 1 mål"),
        ("Lars' goals", "en-US", "Lars Ek is responsible for 1 goal"),
        ("Lars's goals", "en-US", "Lars Ek is responsible for 1 goal"),
        ("Max's goals", "en-US", "Max Åberg is responsible for 1 goal"),
    ],
)
async def test_a_name_ending_in_s_x_or_z_keeps_its_own_letter(
    district: District, asked: str, locale: str, answer: str
) -> None:
    await _more_named(district)
    assert (await district.say(NOA, asked, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    "name", ["Lars", "Anders", "Klas", "Jonas", "Tobias", "Lukas", "Mats", "Magnus", "Max"]
)
async def test_a_name_ending_in_s_nobody_has_is_named_as_written(district: District, name: str) -> None:
    await _named(district)
    assert (await district.say(NOA, f"{name} mål")).startswith(
        f"Ingen här heter ”{name}”, och ingen partiförening"
    )
    assert (await district.say(NOA, f"{name}'s goals", locale="en-US")).startswith(
        f"Nobody here is called “{name}”"
    )


async def test_a_branch_ending_in_s_in_the_genitive(district: District) -> None:
    await _named(district)
    await district.say(MEGAN, "partiföreningar lägg till Kramfors")
    for asked in ("Kramfors mål", "vad ansvarar Kramfors för?", "mål för Kramfors", "Kramforskretsens mål"):
        assert (await district.say(NOA, asked)).startswith("Kramfors är en partiförening"), asked


async def test_a_name_both_a_person_and_a_branch_is_asked_about(district: District) -> None:
    await _named(district)
    await district.say(MEGAN, "partiföreningar lägg till Berg")
    for asked in ("vad ansvarar Berg för?", "Bergs mål", "mål för Berg"):
        assert await district.say(NOA, asked) == (
            "”Berg” är Kim Berg och en partiförening: skriv mål ansvarig Kim Berg eller mål ansvarig "
            "föreningen Berg."
        ), asked
    assert await district.say(NOA, "what is Berg responsible for?", locale="en-US") == (
        "“Berg” is Kim Berg and a branch: write goals responsible Kim Berg or goals responsible the Berg "
        "branch."
    )
    # each line the answer offers is answered
    assert (await district.say(NOA, "mål ansvarig föreningen Berg")).startswith("Berg är en partiförening")
    assert (await district.say(NOA, "goals responsible the Berg branch", locale="en-US")).startswith(
        "Berg is a branch"
    )
    assert _begins(await district.say(NOA, "mål ansvarig Kim Berg"), KIM_SV)


@pytest.mark.parametrize(
    ("asked", "locale"),
    [
        ("vilka mål har ingen ansvarig?", "sv-SE"),
        ("vilka mål saknar ansvarig", "sv-SE"),
        ("vilka mål har inte någon ansvarig än?", "sv-SE"),
        ("mål utan ansvarig", "sv-SE"),
        ("vilka mal har ingen ansvarig", "sv-SE"),
        ("which goals have nobody responsible?", "en-US"),
        ("which goals have no one responsible yet", "en-US"),
        ("goals without an owner", "en-US"),
    ],
)
async def test_goals_nobody_answers_for(district: District, asked: str, locale: str) -> None:
    await _named(district)
    answer = (await district.say(NOA, asked, locale=locale)).split("\n")
    # 24 goals: 6, 7 and 12 have people named, and goal 3 is each branch's chair's
    assert answer[0] == (
        "20 mål har ingen utsedd ansvarig" if locale == "sv-SE" else "20 goals have nobody named responsible"
    )
    numbers = [int(line.split(".")[0]) for line in answer[1:-1]]
    assert numbers == [n for n in range(1, 25) if n not in (3, 6, 7, 12)]
    if locale == "sv-SE":
        assert answer[1].endswith("(planen: Distriktsstyrelsen)")
        assert answer[-1] == "Styrelsen utser vem som är ansvarig: ansvarig 1 @namn"
    else:
        assert answer[1].endswith("(the plan: The district board)")
        assert answer[-1] == "The board names who is responsible: responsible 1 @name"


@pytest.mark.parametrize(
    ("asked", "locale", "title"),
    [
        ("hur går det för Kim?", "sv-SE", "Så går det med målen för Kim Berg, 10 juni 2026"),
        ("hur går det med Kims mål?", "sv-SE", "Så går det med målen för Kim Berg, 10 juni 2026"),
        ("status Kim", "sv-SE", "Så går det med målen för Kim Berg, 10 juni 2026"),
        ("status för kim berg", "sv-SE", "Så går det med målen för Kim Berg, 10 juni 2026"),
        ("how are Kim's goals going?", "en-US", "How the goals of Kim Berg stand, 10 Jun 2026"),
        ("status Kim", "en-US", "How the goals of Kim Berg stand, 10 Jun 2026"),
    ],
)
async def test_how_someones_goals_stand(district: District, asked: str, locale: str, title: str) -> None:
    await _named(district)
    answer = (await district.say(NOA, asked, locale=locale)).split("\n")
    assert answer[0] == title
    shown = [line.split(".")[0].strip() for line in answer if line[:4].strip().rstrip(".").isdigit()]
    assert shown == ["6", "7", "12"]


async def test_how_a_chair_or_someone_named_for_nothing_stands(district: District) -> None:
    """Lee chairs Härnösand and is named for no goal: his goals are Härnösand's. Megan is named for none."""
    await _named(district)
    assert (await district.say(NOA, "hur går det för Lee?")).startswith(
        "Så går det för Härnösand, 10 juni 2026"
    )
    assert (await district.say(NOA, "how are Megan's goals going", locale="en-US")).split("\n")[:3] == [
        "How the goals of Megan Bowen stand, 10 Jun 2026",
        "",
        "Megan Bowen is not named responsible for any goal.",
    ]


@pytest.mark.parametrize(
    ("asked", "locale"),
    [("vad har jag för mål?", "sv-SE"), ("vilka mål har jag", "sv-SE"), ("which goals do I have", "en-US")],
)
async def test_ones_own_goals_are_my_goals(district: District, asked: str, locale: str) -> None:
    await _named(district)
    assert (await district.say(KIM, asked, locale=locale)).startswith(
        ("Dina mål, 10 juni 2026", "Your goals")
    )
