"""A branch the board adds during the year (`partiföreningar lägg till Kramfors` in May) is measured from the
day it was added, in every view. Branches added while the district was being set up, before anyone had
reported, were there all year: a district that starts using the bot in May had its branches since January.

What a board member means: Kramfors started in May and has held its members' meeting every month since;
it is "i fas", its year has eight months (May to December), not twelve, and the follow-up does not name it
among the branches behind for the months before it existed. Before, Kramfors read "1 av 12 månader klara
i år · efter" beside its one met month, and the board was told it lagged.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from yarl import URL

from bot.services.goals import Period, Target, TargetKind
from tests.fakes.chat import card_of
from tests.stories.conftest import JOHANNES, KIM, LEE, MEGAN, SAM, District, Someone, branch_meetings
from tests.stories.test_goal_progress import line


@pytest.fixture
async def kramfors(district: District) -> District:
    """Goal 4 every branch's, one members' meeting a month; the other branches meet January to May;
    Kramfors is added on 5 May and meets on 20 May. It is 2 June."""
    target = Target(TargetKind.COUNT, 1, Period.MONTH, "medlemsmöte", unit_en="members' meeting")
    district.clock.now = datetime(2026, 1, 2, 10, 0, tzinfo=UTC)
    branch_meetings(district, target, now=district.clock.now)
    for month in range(1, 6):  # the chairs report each month's meeting in that month
        district.clock.now = datetime(2026, month, 4, 10, 0, tzinfo=UTC)
        for chair in (KIM, LEE, SAM):
            assert (await district.say(chair, f"rapportera 4 1 2026-0{month}-03")).startswith("Sparat")
    district.clock.now = datetime(2026, 5, 5, 10, 0, tzinfo=UTC)
    assert (await district.say(MEGAN, "partiföreningar lägg till Kramfors")).startswith("Lade till Kramfors")
    named = await district.say(
        MEGAN, "roll ordförande @Johannes Ström Kramfors", mentions=((JOHANNES, "Johannes Ström"),)
    )
    assert "Kramfors" in named
    district.clock.now = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)
    assert (await district.say(JOHANNES, "rapportera 4 1 i dag")).startswith("Sparat")
    district.clock.now = datetime(2026, 6, 2, 10, 0, tzinfo=UTC)
    return district


async def test_a_branch_added_in_may_is_on_pace_from_may_in_swedish(kramfors: District) -> None:
    own = "1 av 8 månader klara i år · i fas · 0 av 1 medlemsmöte den här månaden"
    assert line(await kramfors.say(JOHANNES, "status"), 4).endswith(own)
    assert line(await kramfors.say(MEGAN, "status Kramfors"), 4).endswith(own)
    assert f"Kramfors: ▰▱▱▱▱▱▱▱▱▱ {own}" in await kramfors.say(JOHANNES, "mål 4")
    # the others met January to May: on pace too, so the district is
    this_month = "i fas · 0 av 4 partiföreningar den här månaden"
    assert line(await kramfors.say(MEGAN, "status"), 4).endswith(this_month)
    assert "Mål 4: ▱▱▱▱▱▱▱▱▱▱ 0 av 4" not in await kramfors.say(MEGAN, "uppföljning")


async def test_a_branch_added_in_may_is_on_pace_from_may_in_english(kramfors: District) -> None:
    own = "1 of 8 months met this year · on pace · 0 of 1 members' meeting this month"
    assert line(await kramfors.say(JOHANNES, "status", locale="en-US"), 4).endswith(own)
    assert f"Kramfors: ▰▱▱▱▱▱▱▱▱▱ {own}" in await kramfors.say(JOHANNES, "goal 4", locale="en-US")
    status = await kramfors.say(MEGAN, "status", locale="en-US")
    assert line(status, 4).endswith("on pace · 0 of 4 branches this month")
    assert "Goal 4: ▱▱▱▱▱▱▱▱▱▱ 0 of 4" not in await kramfors.say(MEGAN, "follow-up", locale="en-US")


async def test_a_branch_added_in_may_that_misses_june_is_behind(kramfors: District) -> None:
    """From its first month on it is measured like any other: no meeting by 30 June is behind."""
    kramfors.clock.now = datetime(2026, 6, 30, 10, 0, tzinfo=UTC)
    own = "1 av 8 månader klara i år · efter · 0 av 1 medlemsmöte den här månaden"
    assert line(await kramfors.say(JOHANNES, "status"), 4).endswith(own)
    follow_up = await kramfors.say(MEGAN, "uppföljning")
    assert "Kramfors (Johannes Ström)" in follow_up, follow_up


async def _dashboard(district: District, who: Someone, text: str, locale: str) -> str:
    """The dashboard page `översikt` / `dashboard` links to."""
    before = len(district.connector.posted)
    await district.say(who, text, locale=locale)
    [posted] = district.connector.posted[before:]
    [action] = card_of(posted.body)["actions"]
    response = await district.client.get(URL(action["url"]).path)
    assert response.status == 200
    return await response.text()


def _cells(page: str, branch: str) -> list[str]:
    """The texts of goal 4's cells in the branch's row of the dashboard's grid, empty ones too."""
    row = re.search(rf'<tr data-branch="{branch}" data-goal="4">(.*?)</tr>', page)
    assert row is not None, page
    return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))]


async def test_the_dashboard_shows_a_branch_added_in_may_from_may(kramfors: District) -> None:
    """In the grid Kramfors' months before May are empty, not January to April filled with May and June."""
    page = await _dashboard(kramfors, JOHANNES, "översikt", "sv-SE")
    cells = _cells(page, "Kramfors")
    assert cells[:4] == ["", "", "", ""], cells
    assert cells[4:6] == ["1 av 1", "0 av 1"], cells
    assert _cells(page, "Sundsvall")[:6] == ["1 av 1"] * 5 + ["0 av 1"]
    english = await _dashboard(kramfors, MEGAN, "dashboard", "en-US")
    assert _cells(english, "Kramfors")[4:6] == ["1 of 1", "0 of 1"]


async def test_a_branch_added_while_the_district_is_set_up_was_there_all_year(district: District) -> None:
    """No report yet in June: the district is still being set up, and Kramfors, added now, had the year's
    months like the others (none of them reported January to May either)."""
    target = Target(TargetKind.COUNT, 1, Period.MONTH, "medlemsmöte", unit_en="members' meeting")
    district.clock.now = datetime(2026, 6, 2, 10, 0, tzinfo=UTC)
    branch_meetings(district, target, now=district.clock.now)
    assert (await district.say(MEGAN, "partiföreningar lägg till Kramfors")).startswith("Lade till Kramfors")
    whole_year = "0 av 12 månader klara i år · efter · 0 av 1 medlemsmöte den här månaden"
    assert line(await district.say(MEGAN, "status Kramfors"), 4).endswith(whole_year)
    assert line(await district.say(MEGAN, "status Sundsvall"), 4).endswith(whole_year)
    english = await district.say(MEGAN, "status Kramfors", locale="en-US")
    assert line(english, 4).endswith(
        "0 of 12 months met this year · behind · 0 of 1 members' meeting this month"
    )
