"""The board imports next year's plan in December (the same goals, matched by their text): every view of
a goal shows the new plan year's progress, and so its reports too.

What a board member means: with the 2027 plan in place, `status` says nothing is begun ("inte påbörjat",
nothing reported for 2027), so `mål 19` lists no report under it either; November's posts belong to the
2026 plan and its result, not to a 2027 goal that says "0 av 2". Once a report of 2027 is made, it is the
one listed and the one counted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.db.repository import Repository
from bot.services.plan_import import load_sample_plan
from tests.conftest import NOW
from tests.stories.conftest import DISTRICT, MEGAN, NOA, District
from tests.stories.test_goal_progress import line


async def _next_years_plan(district: District) -> None:
    """The 2026 plan as the board's own, two posts reported in November, then the 2027 plan imported."""
    plans = Repository(district.db)
    sample = load_sample_plan()
    plans.save_plan(DISTRICT, replace(sample, year=2026), now=NOW)
    for day in ("2026-11-02", "2026-11-15"):
        assert (await district.say(MEGAN, f"rapportera 19 1 {day} inlägg")).startswith("Sparat")
    district.clock.now = datetime(2026, 12, 10, 10, 0, tzinfo=UTC)
    plans.save_plan(DISTRICT, replace(sample, year=2027), now=district.clock.now)


async def test_next_years_goal_lists_no_report_of_this_year_in_swedish(district: District) -> None:
    await _next_years_plan(district)
    assert line(await district.say(NOA, "status"), 19).endswith("0 av 12 månader klara · inte påbörjat")
    goal = await district.say(NOA, "mål 19")
    assert "Framsteg: ▱▱▱▱▱▱▱▱▱▱ 0 av 12 månader klara · inte påbörjat" in goal
    assert "Rapporterat" not in goal and "2026" not in goal.split("Framsteg")[1], goal
    district.clock.now = datetime(2027, 1, 12, 10, 0, tzinfo=UTC)
    assert (await district.say(MEGAN, "rapportera 19 1 2027-01-05 inlägg")).startswith("Sparat")
    goal = await district.say(NOA, "mål 19")
    assert " · 1 av 2 inlägg den här månaden" in goal
    [reported] = [row for row in goal.splitlines() if row.startswith("Rapporterat")]
    assert reported.startswith("Rapporterat: 5 jan. 2027"), reported


async def test_next_years_goal_lists_no_report_of_this_year_in_english(district: District) -> None:
    await _next_years_plan(district)
    goal = await district.say(NOA, "goal 19", locale="en-US")
    assert "Progress: ▱▱▱▱▱▱▱▱▱▱ 0 of 12 months met · not begun" in goal
    assert "Reported" not in goal, goal


async def test_a_yearly_goal_outside_its_year_names_the_plans_year(district: District) -> None:
    """ "0 av 2 i år" in December 2026 of the 2027 plan's opinion pieces, or "1 av 2 i år" in February 2027
    of the 2026 plan's, spoke of the wrong year: outside the plan year the figure names the plan's year,
    in `status`, `mål 20` and the follow-up alike; within it, "i år"."""
    assert (await district.say(MEGAN, "rapportera 20 1 2026-10-02 debattartikel i ST")).startswith("Sparat")
    assert line(await district.say(NOA, "status"), 20).endswith("1 av 2 debattartiklar i år · efter")
    district.clock.now = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)
    result = "▰▰▰▰▰▱▱▱▱▱ 1 av 2 debattartiklar under 2026 · inte nått"
    assert line(await district.say(NOA, "status"), 20).endswith(result)
    assert f"Framsteg: {result}" in await district.say(NOA, "mål 20")
    english = "▰▰▰▰▰▱▱▱▱▱ 1 of 2 opinion pieces in 2026 · not reached"
    assert line(await district.say(NOA, "status", locale="en-US"), 20).endswith(english)
    assert f"Progress: {english}" in await district.say(NOA, "goal 20", locale="en-US")


async def test_a_yearly_goal_of_next_years_plan_names_its_year(district: District) -> None:
    await _next_years_plan(district)
    assert line(await district.say(NOA, "status"), 20).endswith(
        "0 av 2 debattartiklar under 2027 · inte påbörjat"
    )
    english = await district.say(NOA, "status", locale="en-US")
    assert line(english, 20).endswith("0 of 2 opinion pieces in 2027 · not begun")
