"""Goals as members see them: numbering, sections, search without fuss about case and å/ä/ö."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import fold
from bot.services.goals import DONE, Goal, Plan, named_in_plan
from bot.services.plan_sync import match_goals


def goal(number: int, text: str, section: str = "Internkommunikation", text_en: str | None = None) -> Goal:
    return Goal(number, number, section, None, text, text_en, DONE, False)


PLAN = Plan(
    district_id=1,
    district="D",
    title="Plan",
    year=2023,
    goals=(
        goal(1, "Öka antalet följare på Facebooksidan", "Synas mest", "Grow our Facebook followers"),
        goal(2, "Anordna minst ett ordförandemöte i kvartalet", "Drivkraften"),
        goal(3, "Gå över till Teams för smidigare kommunikation"),
    ),
)


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("facebook", [1]),
        ("FACEBOOK", [1]),
        ("ordförandemöte", [2]),
        ("ordforandemote", [2]),
        ("ORDFÖRANDEMÖTE kvartalet", [2]),
        ("ga over", [3]),
        ("internkommunikation", [3]),  # the section's name counts too
        ("followers", [1]),  # and the English text where there is one
        ("facebook teams", []),  # every word must match
        ("", []),
        ("!!!", []),
    ],
)
def test_search(query: str, numbers: list[int]) -> None:
    assert [g.number for g in PLAN.search(query)] == numbers


@pytest.mark.parametrize(
    ("query", "numbers"),
    [("studiecirklar", [1]), ("regler", [1]), ("medlemmar", [1]), ("möten", [1, 2]), ("cirklar", [1])],
)
def test_a_plural_finds_the_singular_it_changes(query: str, numbers: list[int]) -> None:
    """ "vilka mål handlar om studiecirklar?" found nothing in a plan that says "en studiecirkel": a
    Swedish plural drops an e ("cirkel", "cirklar") or doubles a consonant ("medlem", "medlemmar")."""
    plan = replace(
        PLAN,
        goals=(
            goal(1, "Starta en studiecirkel om regeln för ny medlem och ett möte", "Bildning"),
            goal(2, "Anordna minst ett ordförandemöte i kvartalet", "Drivkraften"),
        ),
    )
    assert [g.number for g in plan.search(query)] == numbers


def test_fold_drops_case_diacritics_and_punctuation() -> None:
    assert fold("Sök: Å, Ä, Ö!") == "sok a a o"


def test_goals_by_number_and_by_section() -> None:
    assert PLAN.goal(2) is PLAN.goals[1]
    assert PLAN.goal(0) is None and PLAN.goal(4) is None
    assert [(title, [g.number for g in goals]) for title, goals in PLAN.by_section("sv")] == [
        ("Synas mest", [1]),
        ("Drivkraften", [2]),
        ("Internkommunikation", [3]),
    ]


def test_english_text_is_used_where_there_is_one() -> None:
    assert PLAN.goals[0].text_in("en") == "Grow our Facebook followers"
    assert PLAN.goals[1].text_in("en") == PLAN.goals[1].text


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Distriktsstyrelsen ska utse tre ansvariga för att organisera distriktets Zetkin",
            "Distriktsstyrelsen",
        ),
        (
            "Distriktsstyrelsens ledamöter ansvarar för att skapa minst två debattartiklar",
            "Distriktsstyrelsens ledamöter",
        ),
        (
            "Representanter från distriktsstyrelsen ska fördela ansvar",
            "Representanter från distriktsstyrelsen",
        ),
        ("Distriktet ska arbeta mer med SMS", "Distriktet"),
        ("Alla partiföreningar ska rekommenderas ha en egen underorganisation", "Alla partiföreningar"),
        ("Vi ska anordna minst ett ordförandemöte i kvartalet", None),
        ("Skapa en rutin för utskick av nyhetsbrev", None),
    ],
)
def test_who_the_plan_names(text: str, who: str | None) -> None:
    assert named_in_plan(text) == who


def test_match_goals_pairs_same_and_similar_texts() -> None:
    old = [
        "Skapa en kommunikationsplan",
        "Genomföra en ringkampanj",
        "Öka antalet följare från 1500 till 2000",
    ]
    new = [
        "Öka antalet följare från 1500 till 2500",  # edited number
        "Skapa en kommunikationsplan.",  # punctuation only
        "Anordna en höstkonferens",  # new
    ]
    assert match_goals(old, new) == [2, 0, None]


def test_match_goals_uses_each_old_goal_once() -> None:
    assert match_goals(["Utse en ansvarig"], ["Utse en ansvarig", "Utse en ansvarig"]) == [0, None]


@given(st.text())
def test_fold_of_ascii_skips_decomposing_without_changing_anything(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    reference = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert fold(text) == re.sub(r"[^\w]+", " ", reference).strip()
