"""Corrections the board writes in one message, and how they are made again on a re-import.

What a board member means: "mål 6 mål 4 per kvartal" is "goal 6's target is four per quarter"; the words
of the plan stay theirs (the thing counted is kept when the correction names none)."""

from __future__ import annotations

import pytest

from bot.services.goals import DONE, Period, Target, TargetKind
from bot.services.plan import GoalDraft, PlanDraft, SectionDraft
from bot.services.plan_corrections import (
    Correction,
    CorrectionError,
    Field,
    Made,
    apply_correction,
    parse_correction,
    reapplied,
)

MEETINGS = GoalDraft(
    "Hålla medlemsmöten", Target(TargetKind.COUNT, count=1, period=Period.YEAR, unit="möten")
)
RISE = GoalDraft("Öka antalet medlemmar med 10 procent", Target(TargetKind.METRIC, change_percent=10.0))
PLAN = PlanDraft(
    "Verksamhetsplan 2026",
    2026,
    (SectionDraft("Medlemmar", (MEETINGS, RISE)), SectionDraft("Studier", (GoalDraft("Läsa en bok"),))),
)


@pytest.mark.parametrize(
    ("words", "correction"),
    [
        ("1 mål 4 per kvartal", Correction(Field.TARGET, 1, "4 per kvartal")),
        ("1 target 4 per quarter", Correction(Field.TARGET, 1, "4 per quarter")),
        ("2 från 400", Correction(Field.BASELINE, 2, "400")),
        ("3 alla föreningar ja", Correction(Field.BRANCHES, 3, "ja")),
        ("3 föreningar nej", Correction(Field.BRANCHES, 3, "nej")),
        ("3 avsnitt Medlemmar", Correction(Field.SECTION, 3, "Medlemmar")),
        ("3 bort", Correction(Field.RETIRE, 3, "")),
        ("ny Studier: Ordna en cirkel", Correction(Field.ADD, None, "Studier: Ordna en cirkel")),
        ("1 engelska members' meetings", Correction(Field.ENGLISH, 1, "members' meetings")),
        ("1 english members' meetings", Correction(Field.ENGLISH, 1, "members' meetings")),
    ],
)
def test_one_message_one_correction(words: str, correction: Correction) -> None:
    assert parse_correction(words) == correction


@pytest.mark.parametrize("words", ["6", "facebook", "6 facebook"])
def test_a_goal_number_or_a_search_is_no_correction(words: str) -> None:
    assert parse_correction(words) is None


def test_corrections_change_the_plan() -> None:
    four = apply_correction(PLAN, Correction(Field.TARGET, 1, "4 per kvartal"))
    assert four.goals[0].target == Target(TargetKind.COUNT, count=4, period=Period.QUARTER, unit="möten")
    based = apply_correction(PLAN, Correction(Field.BASELINE, 2, "400"))
    assert based.goals[1].target.baseline == 400
    moved = apply_correction(PLAN, Correction(Field.SECTION, 3, "Medlemmar"))
    assert [(s.title, len(s.goals)) for s in moved.sections] == [("Medlemmar", 3)]
    retired = apply_correction(PLAN, Correction(Field.RETIRE, 1, ""))
    assert [g.text for g in retired.goals] == [RISE.text, "Läsa en bok"]
    added = apply_correction(PLAN, Correction(Field.ADD, None, "Studier: Ordna en cirkel varje månad"))
    assert added.goals[-1].target == Target(TargetKind.COUNT, count=1, period=Period.MONTH, unit="cirkel")
    areas = apply_correction(PLAN, Correction(Field.AREAS, None, "vården, bostäder och klimatet"))
    assert areas.priority_areas == ("Vården", "Bostäder", "Klimatet")
    done = apply_correction(PLAN, Correction(Field.TARGET, 1, "klart"))
    assert done.goals[0].target == DONE
    english = apply_correction(PLAN, Correction(Field.ENGLISH, 1, "members' meetings"))
    assert english.goals[0].target.unit_en == "members' meetings"
    assert english.goals[0].target.unit == "möten"  # the Swedish stays the plan's own
    # An area's English name is kept with the corrections; the plan itself is as it was.
    assert apply_correction(areas, Correction(Field.AREA_ENGLISH, None, "vården = Health services")) == areas


@pytest.mark.parametrize(
    ("correction", "problem"),
    [
        (Correction(Field.TARGET, 9, "4 per kvartal"), "no_goal"),
        (Correction(Field.TARGET, 1, "hej"), "no_target"),
        (Correction(Field.BASELINE, 1, "400"), "not_a_metric"),
        (Correction(Field.BASELINE, 2, "många"), "no_number"),
        (Correction(Field.BRANCHES, 1, "kanske"), "no_value"),
        (Correction(Field.ENGLISH, 1, ""), "no_value"),
        (Correction(Field.AREA_ENGLISH, None, "Skolan = Schools"), "no_area"),  # not one of the plan's
        (Correction(Field.AREA_ENGLISH, None, "Vården"), "no_area"),  # no English given
    ],
)
def test_a_correction_that_cannot_be_made_says_why(correction: Correction, problem: str) -> None:
    with pytest.raises(CorrectionError) as error:
        apply_correction(PLAN, correction)
    assert error.value.problem == problem


def test_a_reimport_makes_the_corrections_again_and_keeps_added_goals() -> None:
    """Stored goal 0 had its target corrected and moved; stored goal 2 was retired; goal 5 added in chat."""
    made = {
        0: [Made(Field.TARGET, "4 per kvartal"), Made(Field.SECTION, "Studier")],
        2: [Made(Field.RETIRE, "")],
    }
    added = [("Studier", GoalDraft("Ordna en cirkel"), 5)]
    plan, matches = reapplied(PLAN, [0, 1, 2], made, added)
    assert [(s.title, [g.text for g in s.goals]) for s in plan.sections] == [
        ("Medlemmar", [RISE.text]),
        ("Studier", [MEETINGS.text, "Ordna en cirkel"]),
    ]
    assert plan.goals[1].target.count == 4 and plan.goals[1].target.period is Period.QUARTER
    assert matches == [1, 0, 5]
