"""Members ask about the plan's goals in their own words: who answers for a goal, what the words on the
cards mean, what a search finds. A member expects the answer a board member would give them.

Noa is a member, Kim chairs Sundsvall. The sample plan (for 2026): goal 3 is every branch's own (each names
one person for its Zetkin group), goal 6 the district's (a chairs' meeting each quarter).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.__main__ import import_plan
from bot.config import Settings
from tests.conftest import SEEDS, SKANE, VASTERNORRLAND, seed
from tests.stories.conftest import DISTRICT, KIM, NOA, District

MIDYEAR = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)


# --- who is responsible ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "locale", "answer"),
    [
        ("mål 3", "sv-SE", "Ansvarig: Varje partiförenings ordförande"),
        ("vem ansvarar för mål 3?", "en-US", "Ansvarig: Varje partiförenings ordförande"),
        ("goal 3", "en-US", "Responsible: Each branch's chair"),
        ("who is responsible for goal 3", "sv-SE", "Responsible: Each branch's chair"),
    ],
)
async def test_a_goal_every_branch_does_is_each_chairs(
    district: District, question: str, locale: str, answer: str
) -> None:
    """Goal 3 is every branch's: each branch's chair answers for their own branch's part. It read
    "Ansvarig: Ingen utsedd än" (nobody named yet), as if the goal had nobody to do it."""
    district.clock.now = MIDYEAR
    for who in (NOA, KIM):
        shown = await district.say(who, question, locale=locale)
        assert answer in shown.splitlines(), shown
    # the district's own goal still names whom the plan names
    district_goal = await district.say(NOA, "mål 6" if answer.startswith("Ansvarig") else "goal 6")
    assert ("Ansvarig: Distriktet" if answer.startswith("Ansvarig") else "Responsible: The district") in (
        district_goal.splitlines()
    ), district_goal


# --- search finds words, not runs of letters -------------------------------------------------------------

# (plan, word searched for, the goals a member expects): every form of the word and every compound it is a
# part of, none where its letters only happen to stand in another word.
SEARCHES = [
    ("sample", "möte", {6, 9}),  # "möte", "möten"; not "ledamöter" (19, 20)
    ("sample", "medlem", {1, 4, 5, 8, 22}),  # "medlemmar", "medlemmarna", "medlemsaktivering"
    ("sample", "utbildning", {1, 15, 22}),  # "Teams-utbildning"
    ("sample", "meeting", {6, 9}),  # the English text: "meetings"
    (VASTERNORRLAND, "möte", {6}),  # "ordförandemöte", not "ledamöter" (20)
    (VASTERNORRLAND, "möten", {6}),
    (VASTERNORRLAND, "medlem", {1, 4, 8, 22}),
    (VASTERNORRLAND, "utbildning", {1, 15, 22}),  # "Teamsutbildning"
    (VASTERNORRLAND, "kanal", {10, 17, 18, 19}),  # "kanaler", "kommunikationskanalen"
    (VASTERNORRLAND, "artikel", {20, 23, 24}),  # "debattartiklar", "artiklar"
    (VASTERNORRLAND, "ring", {4}),  # "ringkampanj", not "medlemsaktivering"
    (VASTERNORRLAND, "förening", {1, 3, 4, 7, 9, 15}),
    (SKANE, "möte", {11}),  # "samarbetsmöten"
    (SKANE, "medlem", {5, 6, 7, 13}),  # "Medlemsvård" (the section), "medlemsansvariga", "medlemmar"
    (SKANE, "träff", {1, 7, 11, 16, 17}),  # "mansträffarna"
    (SKANE, "studie", {12, 13, 14}),  # "studier"
    (SKANE, "förening", {1, 3, 4, 7, 8, 14, 15}),  # "partiföreningsnivå", "branschföreningar"
]


@pytest.mark.parametrize(("plan", "word", "expected"), SEARCHES)
async def test_search_finds_the_word_in_its_forms_and_compounds_only(
    district: District, settings: Settings, plan: str, word: str, expected: set[int]
) -> None:
    """`sök möte` listed goals about "ledamöter" (board members): "möte" is a run of its letters, not the
    word. A member searching for a word wants the goals that use it, in any form and in compounds
    ("ordförandemöte", "medlemsmöte"), and no others; the same in English (`search`)."""
    district.clock.now = MIDYEAR
    if plan != "sample":
        seed(plan)  # skips where ../shared/seeds is absent
        assert import_plan(settings, SEEDS / plan, DISTRICT, dry_run=False) == 0
    for command, locale in (("sök", "sv-SE"), ("search", "en-US")):
        shown = await district.say(NOA, f"{command} {word}", locale=locale)
        assert set(map(int, re.findall(r"^ *(\d+)\. ", shown, re.MULTILINE))) == expected, shown
