"""Goals that moved in the board's follow-up, when the board last looked in another period (the sample
district of tests/stories/conftest.py; goal 19 is two posts a month).

What a board member means: "Mål 19: 0 av 2 inlägg den här månaden → 1 av 2 inlägg den här månaden" reads
as "last time we saw November's figure, now December's" even though both are December's (with and without
the reports since). When the board last looked in an earlier period, the line names the period both sides
are about. A goal has moved only if what `status` shows of it changed: after the plan year, a
report that changed no period met ("0 av 12 månader klara" on both sides) is no goal that moved.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import MEGAN, District


def _moved(answer: str) -> list[str]:
    lines = answer.split("\n")
    start = lines.index(next(x for x in lines if x in ("Mål som har rört sig", "Goals that moved")))
    return lines[start + 1 : lines.index("", start)]


@pytest.mark.parametrize(
    ("asked", "locale", "line"),
    [
        (
            "uppföljning sedan förra mötet",
            "sv-SE",
            "Mål 19: december: 0 av 2 inlägg → 1 av 2 inlägg · 0 av 12 månader klara · efter",
        ),
        (
            "follow-up since the last meeting",
            "en-US",
            "Goal 19: December: 0 of 2 posts → 1 of 2 posts · 0 of 12 months met · behind",
        ),
    ],
)
async def test_a_month_begun_since_the_last_follow_up_is_named(
    district: District, asked: str, locale: str, line: str
) -> None:
    await district.say(MEGAN, "uppföljning")  # Sunday 22 November
    district.clock.now = datetime(2026, 12, 3, 10, tzinfo=UTC)
    assert (await district.say(MEGAN, "rapportera 19 1 2026-12-02 inlägg")).startswith("Sparat")
    assert _moved(await district.say(MEGAN, asked, locale=locale)) == [line]


async def test_within_one_month_this_month_is_still_said(district: District) -> None:
    district.clock.now = datetime(2026, 12, 2, 10, tzinfo=UTC)
    await district.say(MEGAN, "uppföljning")
    district.clock.now = datetime(2026, 12, 3, 10, tzinfo=UTC)
    await district.say(MEGAN, "rapportera 19 1 2026-12-02 inlägg")
    assert _moved(await district.say(MEGAN, "uppföljning")) == [
        "Mål 19: 0 av 2 inlägg den här månaden → 1 av 2 inlägg den här månaden · 0 av 12 månader klara"
        " · efter"
    ]


@pytest.mark.parametrize(
    ("asked", "locale", "none"),
    [("uppföljning", "sv-SE", "Inget mål har rört sig."), ("follow-up", "en-US", "No goal has moved.")],
)
async def test_after_the_year_a_report_that_met_no_month_moved_nothing(
    district: District, asked: str, locale: str, none: str
) -> None:
    district.clock.now = datetime(2026, 12, 3, 10, tzinfo=UTC)
    await district.say(MEGAN, "uppföljning")
    district.clock.now = datetime(2026, 12, 20, 10, tzinfo=UTC)
    await district.say(MEGAN, "rapportera 19 1 2026-12-20 inlägg")
    district.clock.now = datetime(2027, 1, 4, 10, tzinfo=UTC)
    assert _moved(await district.say(MEGAN, asked, locale=locale)) == [none]
