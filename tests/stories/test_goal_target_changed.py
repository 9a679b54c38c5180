"""The board changes a goal's target during the year (`mål 6 mål 2 per kvartal` in July): the periods that
ended before the change keep the target they had.

What a board member means: "From July we want two chairs' meetings a quarter." The first two quarters had
their one meeting each, as the plan asked then: they stay met ("2 av 4 kvartal klara", "i fas"), the third
quarter wants two, and the follow-up does not suddenly count the spring as missed. Before, raising the
target turned "2 av 4 kvartal klara · i fas" into "0 av 4 kvartal klara · efter" with "2 ordförandemöten
saknas" for quarters long over, and the follow-up said no goal had moved. A correction made while the plan
is reviewed, before it is stored, is how the plan reads: every period has it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import col, update

from bot.db.models import Goal
from tests.stories.conftest import BEFORE_THE_YEAR, MEGAN, NOA, District
from tests.stories.test_goal_progress import line


@pytest.fixture
async def raised(district: District) -> District:
    """The plan stored before its year; a chairs' meeting in February and in May; on 10 July the board asks
    for two a quarter."""
    with district.db.write() as session:  # the plan was stored before its year, not on the test's day
        session.exec(update(Goal).where(col(Goal.id).is_not(None)).values(created_at=BEFORE_THE_YEAR))
    district.clock.now = datetime(2026, 7, 10, 10, 0, tzinfo=UTC)
    for day in ("2026-02-10", "2026-05-10"):
        assert (await district.say(MEGAN, f"rapportera 6 1 {day}")).startswith("Sparat")
    changed = await district.say(MEGAN, "mål 6 mål 2 per kvartal")
    assert changed.endswith("minst 2 ordförandemöten per kvartal")
    return district


async def test_quarters_before_the_change_keep_their_target_in_swedish(raised: District) -> None:
    figure = "2 av 4 kvartal klara i år · i fas · 0 av 2 ordförandemöten det här kvartalet"
    assert f"Framsteg: ▰▰▰▰▰▱▱▱▱▱ {figure}" in await raised.say(NOA, "mål 6")
    assert line(await raised.say(NOA, "status"), 6).endswith(figure)
    raised.clock.now = datetime(2026, 9, 28, 10, 0, tzinfo=UTC)  # the third quarter wants two
    behind = "2 av 4 kvartal klara i år · efter · 0 av 2 ordförandemöten det här kvartalet"
    assert line(await raised.say(NOA, "status"), 6).endswith(behind)
    follow_up = await raised.say(MEGAN, "uppföljning")
    assert f"Mål 6: ▰▰▰▰▰▱▱▱▱▱ {behind} · 2 ordförandemöten saknas hittills" in follow_up, follow_up


async def test_quarters_before_the_change_keep_their_target_in_english(raised: District) -> None:
    figure = "2 of 4 quarters met this year · on pace · 0 of 2 chairs' meetings this quarter"
    assert line(await raised.say(NOA, "status", locale="en-US"), 6).endswith(figure)
    assert figure in await raised.say(NOA, "goal 6", locale="en-US")
    assert "Goal 6:" not in (await raised.say(MEGAN, "follow-up", locale="en-US")).split("Goals behind")[1]
