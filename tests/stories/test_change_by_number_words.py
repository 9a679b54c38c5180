"""A goal that moves a figure by a plain number ("Öka medlemsantalet med 20"), without a starting value.

What a board member means: 20 more members than the year starts with. 410 members in January is where the
year starts, so the goal is 430; 425 in June is on the way. It was read as done / not done, with nothing to
report against.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.stories.conftest import MEGAN, NOA, District
from tests.stories.test_plan_shapes import send_plan
from tests.test_plan_upload import files  # noqa: F401 (the loopback file server fixture)


@pytest.fixture
async def members(district: District) -> District:
    district.clock.now = datetime(2026, 2, 10, 10, 0, tzinfo=UTC)
    added = await district.say(MEGAN, "mål ny Medlemmar: Öka medlemsantalet med 20")
    assert added.startswith("Rättade mål 25"), added
    assert (await district.say(MEGAN, "rapportera 25 410 2026-01-15")).startswith("Sparat")
    district.clock.now = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)
    assert (await district.say(MEGAN, "rapportera 25 425")).startswith("Sparat")
    return district


async def test_a_rise_by_a_number_counts_from_the_first_reading_in_swedish(members: District) -> None:
    goal = await members.say(NOA, "mål 25")
    assert "Klart när: medlemmar upp med 20 från årets första mätning\n" in goal, goal
    assert "425 medlemmar (från 410, mål 430)" in goal, goal


async def test_a_rise_by_a_number_counts_from_the_first_reading_in_english(members: District) -> None:
    goal = await members.say(NOA, "goal 25", locale="en-US")
    assert "Done when: members up by 20, from the year's first reading\n" in goal, goal
    assert "425 members (from 410, target 430)" in goal, goal


PLAN = """Verksamhetsplan 2027

Medlemmar

1. Öka medlemsantalet med 20
2. Minst 12 personer på varje träff
3. Budgeten för valrörelsen är 10 000 kr
4. Samla in 10 000 kr till valfonden
"""


async def test_the_review_asks_where_a_change_by_a_number_starts(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """The review shows the change as members up by 20 and asks for today's number of members, as it asks
    for a change in per cent; attendance is a level of participants; a budget is no money to raise."""
    district.clock.now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    swedish = await send_plan(district, files, "plan.txt", PLAN.encode())
    assert "— medlemmar upp med 20 från årets första mätning" in swedish, swedish
    assert "Mål 1 är en förändring med ett antal: hur många medlemmar har ni i dag?" in swedish, swedish
    assert "2. Minst 12 personer på varje träff — nå 12 deltagare" in swedish, swedish
    assert "3. Budgeten för valrörelsen är 10 000 kr — klar" in swedish, swedish
    assert "4. Samla in 10 000 kr till valfonden — minst 10" in swedish, swedish
    assert "Mål 1 har en siffra" not in swedish, swedish  # the 20 is the change it reads
    english = await send_plan(district, files, "plan.txt", PLAN.encode(), locale="en-US")
    assert "— members up by 20, from the year's first reading" in english, english
    assert "Goal 1 is a change by a number: how many members are there today?" in english, english
