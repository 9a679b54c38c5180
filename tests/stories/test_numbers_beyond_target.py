"""A count reported beyond its target (the year's, or this month's), read the same in every view (issue 19).

What a board means: "at least two debate articles this year" (goal 20) with three written is met, and the
board wants to see that three were written, not "2 of 2" as if the third was lost. The year's figure still
counts the year up to its target (the pace and the property tests rest on that): "2 of 2 opinion pieces
this year" with "(3 reported)" beside it, in `status`, `mål 20`, the follow-up and the dashboard, in Swedish
and English.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from yarl import URL

from tests.fakes.chat import card_of
from tests.stories.conftest import ANNA, KIM, MEGAN, NOA, District, Someone
from tests.stories.test_chair_reports import annual_report_text
from tests.stories.test_goal_progress import line


async def _dashboard(district: District, who: Someone, text: str, locale: str) -> dict[int, str]:
    """The dashboard's figure per goal, from the page `översikt` / `dashboard` links to."""
    before = len(district.connector.posted)
    await district.say(who, text, locale=locale)
    body: dict[str, Any] = district.connector.posted[before].body
    [action] = card_of(body)["actions"]
    response = await district.client.get(URL(action["url"]).path)
    assert response.status == 200
    page = await response.text()
    return {
        int(m[1]): m[2]
        for m in re.finditer(r'<tr data-goal="(\d+)">.*?<td class="num" data-figure>([^<]*)</td>', page)
    }


async def test_three_articles_of_two_are_shown_as_three_everywhere(district: District) -> None:
    """Megan reports one article in March, Anna two in October. On 22 November: 2 of 2 this year, 3
    reported, done; the follow-up and the dashboard say the same."""
    assert (await district.say(MEGAN, "rapportera 20 1 DN Debatt 2026-03-02")).startswith("Sparat")
    assert (await district.say(ANNA, "rapportera 20 2 två artiklar 2026-10-01")).startswith("Sparat")
    figure = "2 av 2 debattartiklar i år (3 rapporterade) · klart"
    assert line(await district.say(NOA, "status"), 20).endswith(figure)
    assert figure in await district.say(NOA, "mål 20")
    english = "2 of 2 opinion pieces this year (3 reported) · done"
    assert line(await district.say(NOA, "status", locale="en-US"), 20).endswith(english)
    assert english in await district.say(NOA, "goal 20", locale="en-US")
    follow_up = await district.say(MEGAN, "uppföljning")
    assert ("Mål 20: 0 av 2 debattartiklar → 2 av 2 debattartiklar (3 rapporterade) · klart") in follow_up, (
        follow_up
    )
    assert (await _dashboard(district, MEGAN, "översikt", "sv-SE"))[20] == (
        "2 av 2 debattartiklar (3 rapporterade)"
    )
    assert (await _dashboard(district, MEGAN, "dashboard", "en-US"))[20] == (
        "2 of 2 opinion pieces (3 reported)"
    )


async def test_a_count_just_at_its_target_or_short_of_it_says_nothing_more(district: District) -> None:
    """Two articles of two, or one: the figure is all there is to say (no "(2 reported)")."""
    await district.say(MEGAN, "rapportera 20 1 DN Debatt 2026-03-02")
    assert line(await district.say(NOA, "status"), 20).endswith("1 av 2 debattartiklar i år · efter")
    await district.say(MEGAN, "rapportera 20 1 SvD 2026-04-02")
    assert line(await district.say(NOA, "status"), 20).endswith("2 av 2 debattartiklar i år · klart")
    assert line(await district.say(NOA, "status", locale="en-US"), 20).endswith(
        "2 of 2 opinion pieces this year · done"
    )


async def test_five_posts_in_a_month_of_two_are_shown_as_five_this_month(district: District) -> None:
    """Goal 19 wants two posts a month: five in July are July met (one month of twelve; the months before
    had none), and the board sees that five were posted, not "2 of 2" alone."""
    district.clock.now = datetime(2026, 7, 10, 10, 0, tzinfo=UTC)
    for day in range(1, 6):
        assert (await district.say(MEGAN, f"rapportera 19 1 2026-07-0{day} inlägg")).startswith("Sparat")
    figure = "1 av 12 månader klara i år · efter · 2 av 2 inlägg den här månaden (5 rapporterade)"
    assert line(await district.say(NOA, "status"), 19).endswith(figure)
    assert figure in await district.say(NOA, "mål 19")
    english = "1 of 12 months met this year · behind · 2 of 2 posts this month (5 reported)"
    assert line(await district.say(NOA, "status", locale="en-US"), 19).endswith(english)
    assert english in await district.say(NOA, "goal 19", locale="en-US")
    assert "Mål 19: 0 av 12 månader klara → 1 av 12 månader klara · efter" in await district.say(
        MEGAN, "uppföljning"
    )
    # The year's report, month by month, and goal 20's result as `status` has it.
    await district.say(MEGAN, "rapportera 20 3 tre artiklar 2026-03-02")
    swedish = "\n".join(await annual_report_text(district, "verksamhetsberättelse 2026", "sv-SE"))
    assert "juli: 2 av 2 (5 rapporterade)" in swedish
    assert "Resultat: 2 av 2 debattartiklar i år (3 rapporterade) · klart" in swedish
    english = "\n".join(await annual_report_text(district, "annual report 2026", "en-US"))
    assert "Jul: 2 of 2 (5 reported)" in english
    assert "Result: 2 of 2 opinion pieces this year (3 reported) · done" in english


async def test_five_people_appointed_of_three_are_told(district: District) -> None:
    """Goal 2 wants three people appointed; the board reports five: "3 of 3 people named (5 reported)",
    done. A chair whose branch named two for goal 3 (one wanted) reads the same of their own branch."""
    assert (await district.say(MEGAN, "rapportera 2 5 personer utsedda")).startswith("Sparat")
    assert line(await district.say(NOA, "status"), 2).endswith(
        "3 av 3 personer utsedda (5 rapporterade) · klart"
    )
    assert "3 of 3 people named (5 reported) · done" in await district.say(NOA, "goal 2", locale="en-US")
    assert (await district.say(KIM, "rapportera 3 2 Eva och Per")).startswith("Sparat")
    assert line(await district.say(KIM, "status"), 3).endswith(
        "1 av 1 person utsedd (2 rapporterade) · klart"
    )
    english = await district.say(KIM, "status", locale="en-US")
    assert line(english, 3).endswith("1 of 1 person named (2 reported) · done")


async def test_a_goal_per_area_says_which_areas_are_left(district: District) -> None:
    """Goal 22 wants a course, talk or webinar in each of the four priority areas. With one on trade union
    politics and two on feminism, "2 of 4 this year" is two areas of four, and `mål 22` names the two left;
    once every area has one, it says so."""
    await district.say(MEGAN, "rapportera 22 1 facklig politik kurs 2026-03-01")
    await district.say(MEGAN, "rapportera 22 2 feminism webinarier 2026-04-01")
    goal = await district.say(NOA, "mål 22")
    assert (
        "Framsteg: ▰▰▰▰▰▱▱▱▱▱ 2 av 4 utbildningar, föreläsningar eller "
        "webbinarier i år · efter\nOmråden kvar: Antirasism, Miljö och klimat\n"
    ) in goal
    english = await district.say(NOA, "goal 22", locale="en-US")
    assert (
        "Progress: ▰▰▰▰▰▱▱▱▱▱ 2 of 4 courses, talks or webinars this year "
        "· behind\nAreas left: Anti-racism, Environment and climate\n" in english
    )
    await district.say(MEGAN, "rapportera 22 1 antirasism föreläsning 2026-05-01")
    await district.say(MEGAN, "rapportera 22 1 miljö och klimat kurs 2026-06-01")
    assert "Områden kvar: inga: alla områden har sin del" in await district.say(NOA, "mål 22")
    assert "Areas left: none: every area has its share" in await district.say(NOA, "goal 22", locale="en-US")
