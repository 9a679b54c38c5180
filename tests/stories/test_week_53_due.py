"""The plan's last week holds only its days in the plan's year, through the real server (the sample
district of tests/stories/conftest.py with goal 4 every branch's: one members' meeting a week).

What a chair means: week 53 of 2026 runs from Monday 28 December to Sunday 3 January, but a meeting on
2 January is the next year's plan's. For the plan of 2026 the week is 28-31 December: on 31 December a
branch that has not met that week can no longer meet it, and `status` must say "efter", not "i fas" (the
week was read as seven days, of which only four had passed). Kramfors, added on 28 December, has that
week as its only one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.db.people import PeopleRepository
from bot.services.goals import Period, Target, TargetKind
from bot.services.people import Role
from tests.stories.conftest import DISTRICT, KIM, NOA, District, branch_meetings

WEEKLY = Target(TargetKind.COUNT, 1, Period.WEEK, "medlemsmöte", unit_en="members' meeting")
MONDAY = datetime(2026, 12, 28, 9, 0, tzinfo=UTC)  # week 53 begins
NEW_YEARS_EVE = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)


async def _kramfors_in_week_53(district: District) -> None:
    district.clock.now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    branch_meetings(district, WEEKLY, now=district.clock.now)
    await district.say(KIM, "rapportera 4 1")  # the district has begun reporting
    district.clock.now = MONDAY
    people = PeopleRepository(district.db)
    people.add_branches(DISTRICT, ["Kramfors"], now=MONDAY)
    people.grant(NOA.info, DISTRICT, Role.CHAIR, branch="Kramfors", now=MONDAY)
    district.clock.now = datetime(2026, 12, 29, 12, 0, tzinfo=UTC)


def line(answer: str, number: int) -> str:
    return next(
        row.strip()
        for row in answer.replace("\xa0", " ").splitlines()
        if row.strip().startswith(f"{number}.")
    )


async def test_week_53_is_due_by_new_years_eve_in_swedish(district: District) -> None:
    await _kramfors_in_week_53(district)
    assert " · i fas · " in line(await district.say(NOA, "status"), 4)  # two of its four days
    district.clock.now = NEW_YEARS_EVE
    assert " · efter · " in line(await district.say(NOA, "status"), 4)
    assert " · efter · " in line(await district.say(KIM, "status Kramfors"), 4)


async def test_week_53_is_due_by_new_years_eve_in_english(district: District) -> None:
    await _kramfors_in_week_53(district)
    assert " · on pace · " in line(await district.say(NOA, "status", locale="en-US"), 4)
    district.clock.now = NEW_YEARS_EVE
    assert " · behind · " in line(await district.say(NOA, "status", locale="en-US"), 4)
