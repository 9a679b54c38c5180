"""The last days of a year whose last ISO week is 52 count for that week, through the real server (the
sample district of tests/stories/conftest.py, its plan saved for 2025, goal 4 every branch's: one members'
meeting a week).

What a chair means: 2025 has 52 weeks, and Monday 29 December 2025 begins week 1 of 2026; but a meeting
on 29, 30 or 31 December 2025 was held in 2025 and belongs to the plan of 2025 (the plan of 2026 counts
only 2026's days). It counts for the plan's last week, week 52, which for the plan is 22-31 December, as
week 53 of 2026 holds its days 28-31 December (tests/stories/test_week_53_due.py). Kramfors, added on
Monday 22 December once the district had begun reporting, has that week as its only one: on Sunday 28
December, not yet met, it is "i fas" (three days of its week are left; it was "efter", the week read as
over), and Noa's meeting on 29 December meets it (it counted for no week). The same holds for the year's
first days in the week of the year before: 1-3 January 2027 count for 2027's week 1, 1-10 January.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.goals import Period, Target, TargetKind
from bot.services.people import Role
from bot.services.plan import load_sample_plan
from tests.stories.conftest import DISTRICT, KIM, LEE, NOA, District

WEEKLY = Target(TargetKind.COUNT, 1, Period.WEEK, "medlemsmöte", unit_en="members' meeting")


def _plan_of_2025(district: District) -> None:
    sample = load_sample_plan()
    first = sample.sections[0]
    goals = list(first.goals)
    goals[3] = replace(goals[3], applies_to_branches=True, target=WEEKLY)
    sections = (replace(first, goals=tuple(goals)), *sample.sections[1:])
    plan = replace(sample, year=2025, sections=sections)
    Repository(district.db).save_plan(DISTRICT, plan, now=datetime(2024, 12, 1, tzinfo=UTC))


def line(answer: str, number: int) -> str:
    return next(
        row.strip()
        for row in answer.replace("\xa0", " ").splitlines()
        if row.strip().startswith(f"{number}.")
    )


async def _kramfors_in_week_52(district: District) -> None:
    _plan_of_2025(district)
    district.clock.now = datetime(2025, 12, 1, 10, 0, tzinfo=UTC)
    await district.say(KIM, "rapportera 4 1")  # the district has begun reporting
    monday = datetime(2025, 12, 22, 9, 0, tzinfo=UTC)
    people = PeopleRepository(district.db)
    people.add_branches(DISTRICT, ["Kramfors"], now=monday)
    people.grant(NOA.info, DISTRICT, Role.CHAIR, branch="Kramfors", now=monday)
    district.clock.now = datetime(2025, 12, 28, 12, 0, tzinfo=UTC)


async def test_a_meeting_on_29_december_counts_for_week_52(district: District) -> None:
    await _kramfors_in_week_52(district)
    assert " · i fas · " in line(await district.say(NOA, "status"), 4)
    district.clock.now = datetime(2025, 12, 29, 19, 0, tzinfo=UTC)
    stored = await district.say(NOA, "rapportera 4 1 möte i kväll")
    assert stored.startswith("Sparat #2: mål 4, 1 medlemsmöte för Kramfors, 29 dec."), stored
    district.clock.now = datetime(2025, 12, 31, 12, 0, tzinfo=UTC)
    answer = line(await district.say(NOA, "status"), 4)
    assert "1 av 1 medlemsmöte den här veckan" in answer and " · klart · " in answer, answer


async def test_in_english_week_52_is_due_by_new_years_eve(district: District) -> None:
    await _kramfors_in_week_52(district)
    assert " · on pace · " in line(await district.say(NOA, "status", locale="en-US"), 4)
    district.clock.now = datetime(2025, 12, 31, 12, 0, tzinfo=UTC)
    assert " · behind · " in line(await district.say(NOA, "status", locale="en-US"), 4)


async def test_days_of_week_52_on_both_sides_of_29_december_are_one_week(district: District) -> None:
    """ "i mellandagarna" (27-30 December 2025) and "28/12 och 30/12" are in one week of the plan, week 52:
    stored on the first day, not refused as days of two periods."""
    _plan_of_2025(district)
    district.clock.now = datetime(2025, 12, 31, 12, 0, tzinfo=UTC)
    stored = await district.say(KIM, "rapportera 4 1 möte i mellandagarna")
    assert stored.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 27 dec."), stored
    stored = await district.say(LEE, "report 4 1 meetings 28/12 and 30/12", locale="en-US")
    assert stored.startswith("Stored #2: goal 4, 1 members' meeting for Härnösand, 28 Dec"), stored
