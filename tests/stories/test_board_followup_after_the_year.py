"""The board's follow-up after its plan year is over (the sample district of tests/stories/conftest.py, plan
for 2026, asked on 4 January 2027).

What a board member means: "4 ordförandemöten saknas hittills" says the year still runs and can be caught
up; once 2026 is over they were missing in 2026, people not named were not named in 2026, and a figure short
of its target was short when the year ended.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import MEGAN, District


@pytest.mark.parametrize(
    ("asked", "locale", "meetings", "people"),
    [
        (
            "uppföljning",
            "sv-SE",
            "4 ordförandemöten saknades under 2026",
            "3 personer utsågs inte under 2026",
        ),
        ("follow-up", "en-US", "4 chairs' meetings missing in 2026", "3 people not named in 2026"),
    ],
)
async def test_what_is_missing_after_the_year_was_missing_in_it(
    district: District, asked: str, locale: str, meetings: str, people: str
) -> None:
    district.clock.now = datetime(2027, 1, 4, 10, tzinfo=UTC)
    answer = await district.say(MEGAN, asked, locale=locale)
    lines = answer.split("\n")
    [goal_6] = [line for line in lines if line.startswith(("Mål 6:", "Goal 6:"))]
    assert f" · {meetings} · " in goal_6, goal_6
    [goal_2] = [line for line in lines if line.startswith(("Mål 2:", "Goal 2:"))]
    assert f" · {people} · " in goal_2, goal_2
    assert "hittills" not in answer and "so far" not in answer and "kvar att utse" not in answer


async def test_during_the_year_it_is_missing_so_far(district: District) -> None:
    answer = await district.say(MEGAN, "uppföljning")  # 22 November 2026
    assert "3 ordförandemöten saknas hittills" in answer and "3 personer kvar att utse" in answer
