"""A plan's unit with no English word ("knackdörrspass", door-knocking sessions, which neither the board nor
the glossary gives English for) reads the same in every English answer: `goal 4` says "at least 1 activity
per quarter", so a report, its correction, the question asked and `my reports` say "2 activities", not a
bare 2 that leaves the reader guessing what was counted. Swedish keeps the plan's own word.

Kim chairs Sundsvall; goal 4 is every branch's own, one door-knocking session a quarter.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.goals import Period, Target, TargetKind
from tests.stories.conftest import KIM, District, branch_meetings

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
EN = "en-US"


def _knocking(district: District) -> District:
    target = Target(TargetKind.COUNT, 1, Period.QUARTER, "knackdörrspass")
    return branch_meetings(district, target, now=SUNDAY)


async def test_english_answers_say_activities_as_the_goal_does(district: District) -> None:
    knocking = _knocking(district)
    knocking.clock.now = SUNDAY
    goal = await knocking.say(KIM, "goal 4", locale=EN)
    assert "at least 1 activity per quarter" in goal, goal
    assert await knocking.say(KIM, "report 4 2 yesterday", locale=EN) == (
        "Stored #1: goal 4, 2 activities for Sundsvall, 21 Nov 2026. Correct it with: correct 1 VALUE"
    )
    assert await knocking.say(KIM, "correct 1 1", locale=EN) == (
        "Corrected #1: goal 4, now 1 activity for Sundsvall, 21 Nov 2026."
    )
    assert "· 1 activity" in await knocking.say(KIM, "my reports", locale=EN)
    assert (await knocking.say(KIM, "report 4 500", locale=EN)).startswith(
        "Goal 4 asks for at least 1 activity per quarter; 500 activities is far more than that"
    )


async def test_swedish_answers_keep_the_plans_word(district: District) -> None:
    knocking = _knocking(district)
    knocking.clock.now = SUNDAY
    assert await knocking.say(KIM, "rapportera 4 2 knackdörrspass i går") == (
        "Sparat #1: mål 4, 2 knackdörrspass för Sundsvall, 21 nov. 2026. Ändra med: ändra 1 VÄRDE"
    )
    assert "minst 1 knackdörrspass per kvartal" in await knocking.say(KIM, "mål 4")
