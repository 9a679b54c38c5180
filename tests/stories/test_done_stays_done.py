"""A goal that is done or not (goal 10, the plan for social media) is done once a report of the year says so:
a later "inte klart" does not undo it, as a mistaken report is withdrawn instead (bot/services/progress.py).
Megan reported it done, then writes "inte klart": her report is stored, and the answer says plainly that the
goal still counts as done, because of which report, and how to withdraw that one if it was a mistake. Once
she does, `status` says not done.
"""

from __future__ import annotations

from tests.stories.conftest import MEGAN, District
from tests.stories.test_goal_progress import line


async def test_not_done_after_done_says_the_goal_stays_done_until_that_report_is_withdrawn(
    district: District,
) -> None:
    assert (await district.say(MEGAN, "rapportera 10 klart")).startswith("Sparat #1: mål 10, klart")
    assert "räknas fortfarande" not in await district.say(MEGAN, "rapportera 11 inte klart")

    stored = await district.say(MEGAN, "rapportera 10 inte klart")
    assert stored.startswith("Sparat #3: mål 10, inte klart för distriktet, 22 nov. 2026."), stored
    assert stored.endswith(
        "Mål 10 räknas fortfarande som klart: #1 säger att det blev klart den 22 nov. 2026. "
        "Var det fel skriver du: ångra 1"
    ), stored
    assert line(await district.say(MEGAN, "status"), 10).endswith("klart")

    assert (await district.say(MEGAN, "ångra 1")).startswith(
        "Rapport #1 (mål 10, klart för distriktet, 22 nov. 2026) är tillbakadragen"
    )
    assert line(await district.say(MEGAN, "status"), 10).endswith("inte klart · efter")


async def test_the_same_in_english(district: District) -> None:
    await district.say(MEGAN, "report 10 done", locale="en-US")
    stored = await district.say(MEGAN, "report 10 not done yesterday", locale="en-US")
    assert stored.startswith("Stored #2: goal 10, not done for the district, 21 Nov 2026."), stored
    assert stored.endswith(
        "Goal 10 still counts as done: #1 says it was done on 22 Nov 2026. If that was a mistake, write: "
        "withdraw 1"
    ), stored
    assert line(await district.say(MEGAN, "status", locale="en-US"), 10).endswith("done")
