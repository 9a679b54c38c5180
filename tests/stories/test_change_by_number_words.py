"""A goal that moves a figure by a plain number ("Öka medlemsantalet med 20"), without a starting value.

What a board member means: 20 more members than the year starts with. 410 members in January is where the
year starts, so the goal is 430; 425 in June is on the way. It was read as done / not done, with nothing to
report against.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import MEGAN, NOA, District


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
