"""A goal in per cent without a starting value ("Öka antalet medlemmar med 10 procent"): progress counts
from the year's first reading, and every line of the goal says so.

What a board member means: 410 members in January is where the year starts; 430 in June is on the way to
451. `mål 25` said "Klart när: medlemmar upp 10 % från ett utgångsvärde som inte är angivet än" right above
"430 (från 410, mål 451)", and the follow-up said the goal moved from "0 av 0", a number nobody reported.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import MEGAN, NOA, District


@pytest.fixture
async def members(district: District) -> District:
    district.clock.now = datetime(2026, 2, 10, 10, 0, tzinfo=UTC)
    added = await district.say(MEGAN, "mål ny Medlemmar: Öka antalet medlemmar med 10 procent")
    assert added.startswith("Rättade mål 25")
    assert (await district.say(MEGAN, "rapportera 25 410 2026-01-15")).startswith("Sparat")
    district.clock.now = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)
    assert (await district.say(MEGAN, "rapportera 25 430")).startswith("Sparat")
    return district


async def test_a_goal_in_per_cent_counts_from_the_first_reading_in_swedish(members: District) -> None:
    goal = await members.say(NOA, "mål 25")
    assert "Klart när: medlemmar upp 10 % från årets första mätning\n" in goal, goal
    assert "430 medlemmar (från 410, mål 451) · i fas" in goal
    follow_up = await members.say(MEGAN, "uppföljning")
    assert "Mål 25: mäts inte → 430 av 451 medlemmar · i fas" in follow_up, follow_up


async def test_a_goal_in_per_cent_counts_from_the_first_reading_in_english(members: District) -> None:
    goal = await members.say(NOA, "goal 25", locale="en-US")
    assert "Done when: members up 10 %, from the year's first reading\n" in goal, goal
    follow_up = await members.say(MEGAN, "follow-up", locale="en-US")
    assert "Goal 25: not measured → 430 of 451 members · on pace" in follow_up, follow_up
