"""A chair of two branches asks how their branches stand.

Kim chairs Sundsvall and Alnö (a real case: one person chairs both). What Kim means by `status` is "how do
my branches stand?": each of the two with its own figures on the goals every branch has of its own, as a
chair of one branch sees theirs by default; not the district's figures, which count every branch and
would hide that Alnö is done and Sundsvall behind. The district's own goals are counted and pointed to
(`status distriktet`), once. By `mål 3` (each branch starts a sub-organisation) Kim means the goal in full
and where each of the two stands, with the same figures as `status`.

`mina mål` shows the same under each branch's name. The dashboard's branch × period grid is read beside
`status`: a quarter with three meetings of one wanted says "1 av 1 (3 rapporterade)" there as it does in
status, not "1 av 1" alone.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from yarl import URL

from bot.db.people import PeopleRepository
from bot.services.people import Role
from tests.fakes.chat import card_of
from tests.stories.conftest import BEFORE_THE_YEAR, DISTRICT, KIM, MEGAN, District
from tests.stories.test_branch_status import goal_lines

LATE_NOVEMBER = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def chairs_alno_too(district: District) -> None:
    people = PeopleRepository(district.db)
    people.add_branches(DISTRICT, ["Alnö"], now=BEFORE_THE_YEAR)
    assert people.grant(KIM.info, DISTRICT, Role.CHAIR, branch="Alnö", now=LATE_NOVEMBER)


def under(name: str, status: str) -> str:
    """The part of `status` under a branch's name, up to the next blank-line-separated name or the end."""
    start = status.index(f"\n\n{name}\n")
    rest = status[start + len(name) + 3 :]
    return rest[: rest.index("\n\n", rest.index("  3. "))]


async def test_a_chair_of_two_branches_sees_each_with_its_own_figures(district: District) -> None:
    district.clock.now = LATE_NOVEMBER
    chairs_alno_too(district)
    await district.say(KIM, "rapportera 3 1 för Alnö Zetkin-grupp")
    # Expected: both branches by name, Alnö done (1 of 1 named), Sundsvall behind (nothing yet); the
    # district's 23 own goals counted once; an example naming a branch, since Kim chairs two.
    own = await district.say(KIM, "status")
    assert own.startswith("Så går det för Alnö och Sundsvall, 23 nov. 2026")
    assert goal_lines(own) == [3, 3]
    assert "  3. ▰▰▰▰▰▰▰▰▰▰ 1 av 1 person utsedd · klart" in under("Alnö", own)
    assert "  3. ▱▱▱▱▱▱▱▱▱▱ 0 av 1 person utsedd · efter" in under("Sundsvall", own)
    assert own.count("23 mål är distriktets egna, inte varje partiförenings: skriv status distriktet") == 1
    assert "rapportera med: rapportera 3 1 för Alnö KOMMENTAR" in own
    # Each branch's part reads as the board's `status Alnö` / `status Sundsvall` lists it.
    for branch in ("Alnö", "Sundsvall"):
        board = await district.say(MEGAN, f"status {branch}")
        assert under(branch, own).strip().splitlines()[-1] in board

    english = await district.say(KIM, "status", locale="en-US")
    assert english.startswith("How Alnö and Sundsvall stand, 23 Nov 2026")
    assert "  3. ▰▰▰▰▰▰▰▰▰▰ 1 of 1 person named · done" in under("Alnö", english)
    assert "  3. ▱▱▱▱▱▱▱▱▱▱ 0 of 1 person named · behind" in under("Sundsvall", english)
    assert "23 goals are the district's own, not each branch's: write status district to see them." in english
    assert "report progress with: report 3 1 for Alnö COMMENT" in english

    # The district is still theirs to ask for, with the district's figures.
    whole = await district.say(KIM, "status distriktet")
    assert whole.startswith("Så går planen") and goal_lines(whole) == list(range(1, 25))


async def test_goal_n_shows_each_of_the_chairs_branches(district: District) -> None:
    district.clock.now = LATE_NOVEMBER
    chairs_alno_too(district)
    await district.say(KIM, "rapportera 3 1 för Alnö Zetkin-grupp")
    # Expected: the district's figure (1 of 4 branches), then a row for Alnö and one for Sundsvall, each
    # with the line `status` gives it.
    goal = await district.say(KIM, "mål 3")
    assert "Framsteg: ▰▰▱▱▱▱▱▱▱▱ 1 av 4 partiföreningar har nått sitt mål · efter" in goal
    assert "\nAlnö: ▰▰▰▰▰▰▰▰▰▰ 1 av 1 person utsedd · klart\n" in goal
    assert "\nSundsvall: ▱▱▱▱▱▱▱▱▱▱ 0 av 1 person utsedd · efter\n" in goal
    english = await district.say(KIM, "goal 3", locale="en-US")
    assert "\nAlnö: ▰▰▰▰▰▰▰▰▰▰ 1 of 1 person named · done\n" in english
    assert "\nSundsvall: ▱▱▱▱▱▱▱▱▱▱ 0 of 1 person named · behind\n" in english
    # A district goal has no branch rows.
    assert "Alnö:" not in await district.say(KIM, "mål 6")


async def _grid(district: District, text: str, locale: str) -> str:
    """The dashboard's grid row of Sundsvall's goal 4, from the page `översikt` / `dashboard` links to."""
    before = len(district.connector.posted)
    await district.say(KIM, text, locale=locale)
    [action] = card_of(district.connector.posted[before].body)["actions"]
    response = await district.client.get(URL(action["url"]).path)
    assert response.status == 200
    page = await response.text()
    row = re.search(r'<tr data-branch="Sundsvall" data-goal="4">(.*?)</tr>', page)
    assert row is not None
    return row[1]


async def test_the_dashboards_grid_tells_reports_beyond_a_periods_target(meetings: District) -> None:
    """Goal 4 made every branch's, a meeting a quarter. Kim's Sundsvall held three meetings in the fourth
    quarter: the grid's cell for it says what status says of this quarter, "1 av 1 (3 rapporterade)"."""
    district = meetings
    district.clock.now = LATE_NOVEMBER
    await district.say(KIM, "rapportera 4 3 medlemsmöten 10 oktober")
    status = await district.say(KIM, "status")
    assert " · 1 av 1 medlemsmöte det här kvartalet (3 rapporterade)" in status
    assert ">1 av 1 (3 rapporterade)</span>" in await _grid(district, "översikt", "sv-SE")
    assert ">1 of 1 (3 reported)</span>" in await _grid(district, "dashboard", "en-US")
    # A quarter with nothing reported says no more than "0 av 1".
    assert ">0 av 1</span>" in await _grid(district, "översikt", "sv-SE")


async def test_goal_n_points_a_chair_of_two_to_both_branches_reports(meetings: District) -> None:
    """Goal 4 made every branch's, a meeting a quarter; Kim reports two meetings for each branch. `mål 4`
    shows the three latest and says where to see the rest: `mina rapporter mål 4` lists both branches'
    reports, so the line says "dina föreningars", not "din förenings"."""
    district = meetings
    district.clock.now = LATE_NOVEMBER
    chairs_alno_too(district)
    written = (("Alnö", "1 oktober"), ("Sundsvall", "2/10"), ("Alnö", "3 nov"), ("Sundsvall", "4/11"))
    for branch, day in written:
        assert (await district.say(KIM, f"rapportera 4 1 för {branch} {day}")).startswith("Sparat #")
    goal = (await district.say(KIM, "mål 4")).splitlines()
    assert goal[-1] == (
        "Rapporterat: de 3 senaste av 4 rapporter under 2026; dina föreningars: mina rapporter mål 4"
    )
    assert any(row.startswith("Alnö: ") and " · 1 av 1 medlemsmöte det här kvartalet" in row for row in goal)
    assert any(
        row.startswith("Sundsvall: ") and " · 1 av 1 medlemsmöte det här kvartalet" in row for row in goal
    )
    english = (await district.say(KIM, "goal 4", locale="en-US")).splitlines()
    assert english[-1] == "Reported: the 3 latest of 4 reports in 2026; your branches': my reports goal 4"
    listed = await district.say(KIM, "mina rapporter mål 4")
    assert "Alnö" in listed and "Sundsvall" in listed


async def test_my_goals_shows_each_of_the_chairs_branches(district: District) -> None:
    """Kim also answers for goal 6 (the district's chairs' meeting). By `mina mål` Kim means "what am I
    answerable for, and how does it stand": goal 6 with the district's figure under the district's name,
    then goal 3 under each branch's name with that branch's figure, as `status` shows them."""
    district.clock.now = LATE_NOVEMBER
    chairs_alno_too(district)
    await district.say(MEGAN, "ansvarig 6 @Kim Berg", mentions=((KIM, "Kim Berg"),))
    await district.say(KIM, "rapportera 3 1 för Alnö Zetkin-grupp")
    mine = await district.say(KIM, "mina mål")
    assert mine.startswith("Dina mål, 23 nov. 2026\n\nDistriktet\n")
    assert goal_lines(mine) == [6, 3, 3]
    assert "  3. ▰▰▰▰▰▰▰▰▰▰ 1 av 1 person utsedd · klart" in under("Alnö", mine)
    assert "  3. ▱▱▱▱▱▱▱▱▱▱ 0 av 1 person utsedd · efter" in under("Sundsvall", mine)
    english = await district.say(KIM, "my goals", locale="en-US")
    assert english.startswith("Your goals, 23 Nov 2026\n\nThe district\n")
    assert "  3. ▰▰▰▰▰▰▰▰▰▰ 1 of 1 person named · done" in under("Alnö", english)
    assert "  3. ▱▱▱▱▱▱▱▱▱▱ 0 of 1 person named · behind" in under("Sundsvall", english)
