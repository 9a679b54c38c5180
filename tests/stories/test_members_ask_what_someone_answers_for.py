"""The reverse of "vem ansvarar för mål 6?": a member asks what one person answers for ("vad ansvarar Kim
för?", "vilka mål har Anna ansvar för?", "what is Kim responsible for?"). They mean the goals that person
answers for, as `mål N` names them: those the board named them responsible for (`ansvarig 6 @Kim`), and, for
a branch's chair, the goals every branch does (`mål 3` says each branch's chair answers for it). It was
"Den frågan kan jag inte svara på" or "Menade du mål?".

A first name is enough ("Kim" is Kim Berg), as are the full and the last one, in any case; a name two
people share is asked about with the line for each. Someone named for no goal is told so; a name nobody
has is told so, with how to write a name ("vem ansvarar för facebook?" searches the goals). "Vad
ansvarar jag för?" is `mina mål`.

Megan (the board) names Kim (chair of Sundsvall) responsible for goals 6 and 7, Anna (the board) for goal 12
and Kim for goal 12 too, on 10 June 2026. The sample plan: goal 3 is the one every branch does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.people import PersonInfo, Role
from bot.services.plan import GoalDraft, SectionDraft, load_sample_plan
from tests.stories.conftest import ANNA, DISTRICT, KIM, MEGAN, NOA, District

MIDYEAR = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)


async def _named(district: District) -> None:
    district.clock.now = MIDYEAR
    assert "ansvarig för mål 6" in await district.say(MEGAN, "ansvarig 6 @Kim", mentions=((KIM, "Kim"),))
    await district.say(MEGAN, "ansvarig 7 @Kim", mentions=((KIM, "Kim"),))
    await district.say(MEGAN, "ansvarig 12 @Anna Lind @Kim", mentions=((ANNA, "Anna Lind"), (KIM, "Kim")))


KIM_SV = [
    "Kim Berg är ansvarig för 3 mål",
    "  6. Distriktet samlar partiföreningarnas ordförande",
    "  7. Distriktet knyter ihop partistyrelsen",
    " 12. Få fler att följa distriktets Facebooksida: från 1 500 till 2 000 följare. "
    "(tillsammans med Anna Lind)",
    "Som ordförande i Sundsvall svarar Kim Berg där för de mål som varje partiförening gör: mål 3.",
    "Skriv mål 6 för att se ett mål i sin helhet.",
]
KIM_EN = [
    "Kim Berg is responsible for 3 goals",
    "  6. The district brings the branch chairs together",
    "  7. The district links the party executive",
    " 12. Grow the district's Facebook page from 1,500 to 2,000 followers. (with Anna Lind)",
    "As chair of Sundsvall, Kim Berg answers there for the goals every branch does: goal 3.",
    "Write goal 6 to see one goal in full.",
]


@pytest.mark.parametrize(
    ("asked", "locale", "answer"),
    [
        ("vad ansvarar Kim för?", "en-US", KIM_SV),
        ("vad ansvarar kim för", "sv-SE", KIM_SV),
        ("Vad ansvarar Kim Berg för?", "sv-SE", KIM_SV),
        ("vad ansvarar Berg för?", "sv-SE", KIM_SV),
        ("vad är Kim ansvarig för?", "sv-SE", KIM_SV),
        ("vad har Kim ansvar för?", "sv-SE", KIM_SV),
        ("vilka mål ansvarar Kim för?", "sv-SE", KIM_SV),
        ("vilka mål har Kim ansvaret för?", "sv-SE", KIM_SV),
        ("vad har Kim hand om?", "sv-SE", KIM_SV),
        ("vad sköter Kim?", "sv-SE", KIM_SV),
        ("hej! vad ansvarar @Kim för? tack", "sv-SE", KIM_SV),
        ("mål ansvarig Kim", "sv-SE", KIM_SV),
        ("what is Kim responsible for?", "sv-SE", KIM_EN),
        ("what's Kim responsible for", "sv-SE", KIM_EN),
        ("which goals is Kim Berg in charge of?", "en-US", KIM_EN),
        ("what does Kim look after?", "en-US", KIM_EN),
        ("which goals does kim have?", "en-US", KIM_EN),
    ],
)
async def test_what_someone_answers_for_is_the_goals_they_answer_for(
    district: District, asked: str, locale: str, answer: list[str]
) -> None:
    await _named(district)
    for who in (NOA, KIM, MEGAN):
        lines = (await district.say(who, asked, locale=locale)).split("\n")
        assert len(lines) == len(answer), lines
        assert all(line.startswith(start) for line, start in zip(lines, answer, strict=True)), lines


async def test_someone_named_for_one_goal_a_chair_named_for_none_and_a_board_member_named_for_none(
    district: District,
) -> None:
    await _named(district)
    assert (await district.say(NOA, "vilka mål har Anna ansvar för?")).split("\n") == [
        "Anna Lind är ansvarig för 1 mål",
        " 12. Få fler att följa distriktets Facebooksida: från 1 500 till 2 000 följare. "
        "(tillsammans med Kim Berg)",
        "Skriv mål 12 för att se ett mål i sin helhet.",
    ]
    assert (await district.say(NOA, "what does Sam handle?", locale="en-US")).split("\n") == [
        "Sam Ek is not named responsible for any goal",
        "As chair of Timrå, Sam Ek answers there for the goals every branch does: goal 3.",
        "Write goal 3 to see one goal in full.",
    ]
    assert await district.say(NOA, "vad ansvarar Megan för?") == (
        "Megan Bowen är inte utsedd till ansvarig för något mål."
    )


async def test_a_name_two_people_share_is_asked_about_and_a_name_nobody_has_is_a_subject(
    district: District,
) -> None:
    await _named(district)
    PeopleRepository(district.db).grant(
        PersonInfo("29:anna-berg", "aad-anna-berg", "Anna Berg"), DISTRICT, Role.BOARD, now=MIDYEAR
    )
    assert await district.say(NOA, "vad ansvarar Anna för?") == (
        "2 personer heter Anna: skriv mål ansvarig Anna Berg eller mål ansvarig Anna Lind."
    )
    assert (await district.say(NOA, "vad ansvarar Anna Lind för?")).startswith(
        "Anna Lind är ansvarig för 1 mål"
    )
    assert await district.say(NOA, "what is Pelle responsible for?", locale="en-US") == (
        "Nobody here is called “Pelle”, and no branch is either. Write the name as roles shows it, "
        "e.g. goals responsible FIRSTNAME (write roles to see everyone)."
    )
    # the asker's own: `mina mål`
    assert (await district.say(KIM, "vad ansvarar jag för?")).startswith("Dina mål, 10 juni 2026")
    # who answers for a subject or a goal, as before
    assert "Ansvarig: Anna Lind, Kim Berg" in await district.say(NOA, "vem ansvarar för facebook?")
    assert "Ansvarig: Kim Berg" in await district.say(NOA, "vem ansvarar för mål 6?")


@pytest.mark.parametrize(
    ("asked", "locale", "answer"),
    [
        ("har Kim ansvar för något mål?", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("vilka mål ligger på Kim?", "sv-SE", "Kim Berg är ansvarig för 3 mål"),
        ("är Anna ansvarig för något?", "sv-SE", "Anna Lind är ansvarig för 1 mål"),
        ("is Kim responsible for anything?", "sv-SE", "Kim Berg is responsible for 3 goals"),
        ("does Anna have any goals?", "en-US", "Anna Lind is responsible for 1 goal"),
    ],
)
async def test_whether_someone_answers_for_any_goal(
    district: District, asked: str, locale: str, answer: str
) -> None:
    await _named(district)
    assert (await district.say(NOA, asked, locale=locale)).startswith(answer)


async def test_whom_the_plan_names_answers_for_the_goals_it_gives_them(district: District) -> None:
    """A plan's "Ansvarig: Kassören" names a role, not a person the board named: "vad ansvarar kassören
    för?" is answered with the goals the plan gives the treasurer."""
    district.clock.now = MIDYEAR
    sample = load_sample_plan()
    money = GoalDraft("Samla in 50 000 kronor till valfonden.", responsible="Kassören")
    plan = replace(sample, year=2026, sections=(*sample.sections, SectionDraft("Ekonomi", (money,))))
    Repository(district.db).save_plan(DISTRICT, plan, now=MIDYEAR)
    assert (await district.say(NOA, "vad ansvarar kassören för?")).split("\n") == [
        "Kassören är ansvarig för 1 mål",
        " 25. Samla in 50 000 kronor till valfonden.",
        "Skriv mål 25 för att se ett mål i sin helhet.",
    ]
