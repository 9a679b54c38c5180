"""One progress, wherever it is read (issue 19): `status`, `mål N` and the CSV export agree on every number
through a year of reports, a correction that moves a report to another month, a deputy's report, readings
out of order, and a plan whose year is over.

Goal 19 of the sample plan is the district's own: at least two posts a month. Goal 3 is every branch's own
(one person named); goal 12 is followers, a metric from 1 500 to 2 000.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

from tests.stories.conftest import KIM, MEGAN, NOA, District, Someone
from tests.stories.test_goal_progress import line


async def _csv(district: District, who: Someone, command: str) -> list[list[str]]:
    """The rows of the export `command` links to (the header first)."""
    answer = await district.say(who, command)
    [link] = re.findall(r"http://127\.0\.0\.1:3978(/exports/\S+)", answer)
    response = await district.client.get(link)
    assert response.status == 200
    text = (await response.read()).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


async def test_a_goal_per_month_over_several_months_reads_the_same_everywhere(district: District) -> None:
    """Two posts in September, one in October, two in November: September and November are met, October
    is not. On 22 November: this month 2 of 2, two months met, behind (nine months before September had
    none); status says what `mål 19` says, and the export lists the five reports."""
    for day in ("2026-09-03", "2026-09-20", "2026-10-05", "2026-11-02", "2026-11-15"):
        assert (await district.say(MEGAN, f"rapportera 19 1 {day} inlägg")).startswith("Sparat")
    figure = "2 av 12 månader klara i år · efter · 2 av 2 inlägg den här månaden"
    assert figure in await district.say(NOA, "mål 19")
    assert line(await district.say(NOA, "status"), 19).endswith(figure)
    english = "2 of 12 months met this year · behind · 2 of 2 posts this month"
    assert english in await district.say(NOA, "goal 19", locale="en-US")
    assert line(await district.say(NOA, "status", locale="en-US"), 19).endswith(english)
    table = await _csv(district, MEGAN, "exportera mål 19")
    assert len(table) == 1 + 5
    header = table[0]
    days = sorted(row[header.index("Datum")] for row in table[1:])
    assert days == ["2026-09-03", "2026-09-20", "2026-10-05", "2026-11-02", "2026-11-15"]


async def test_a_correction_that_moves_a_report_to_another_month_moves_its_count(district: District) -> None:
    """A post reported for 15 November happened on 20 October: corrected, October is met and November
    is not, everywhere."""
    for day in ("2026-09-03", "2026-09-20", "2026-10-05", "2026-11-02", "2026-11-15"):
        await district.say(MEGAN, f"rapportera 19 1 {day} inlägg")
    last = district.reports()[-1]
    assert (
        await district.say(MEGAN, f"ändra {last.id} 1 2026-10-20")
        == f"Rättat #{last.id}: mål 19, nu 1 inlägg för distriktet, 20 okt. 2026."
    )
    figure = "2 av 12 månader klara i år · efter · 1 av 2 inlägg den här månaden"
    assert figure in await district.say(NOA, "mål 19")
    assert line(await district.say(NOA, "status"), 19).endswith(figure)
    english = await district.say(NOA, "status", locale="en-US")
    assert line(english, 19).endswith("2 of 12 months met this year · behind · 1 of 2 posts this month")
    table = await _csv(district, MEGAN, "export goal 19")
    header = table[0]
    assert "2026-10-20" in [row[header.index("Date")] for row in table[1:]]


async def test_a_deputys_report_is_the_branchs_and_the_chair_sees_it(district: District) -> None:
    """Kim names Noa deputy for Sundsvall; Noa's report counts for Sundsvall: Kim's status shows the goal
    reached, the district's shows one branch of three, and Kim's own export has it."""
    answer = await district.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert "Noa Holm" in answer and "Sundsvall" in answer
    assert "mål 3, 1 person för Sundsvall" in await district.say(NOA, "rapportera 3 1 Zetkin-gruppen startad")
    assert line(await district.say(KIM, "status"), 3).endswith("1 av 1 person utsedd · klart")
    board = await district.say(MEGAN, "status")
    assert "1 av 3 partiföreningar har nått sitt mål" in line(board, 3)
    english = await district.say(KIM, "status", locale="en-US")
    assert line(english, 3).endswith("1 of 1 person named · done")
    table = await _csv(district, KIM, "export")
    assert len(table) == 2 and "Sundsvall" in table[1]


async def test_a_metrics_latest_reading_is_by_the_day_it_was_read_not_the_day_it_was_reported(
    district: District,
) -> None:
    """October's 1 700 followers reported before June's 1 600: the goal stands at 1 700, in status and in
    `mål 12`, in both languages."""
    await district.say(MEGAN, "rapportera 12 1 700 följare 2026-10-01")
    await district.say(MEGAN, "rapportera 12 1 600 följare 2026-06-01")
    assert "1\xa0700 följare (från 1\xa0500, mål 2\xa0000)" in line(await district.say(NOA, "status"), 12)
    assert ("Framsteg: ▰▰▰▰▱▱▱▱▱▱ 1\xa0700 följare (från 1\xa0500, mål 2\xa0000)") in await district.say(
        NOA, "mål 12"
    )
    english = await district.say(NOA, "goal 12", locale="en-US")
    assert "1,700 followers (from 1,500, target 2,000)" in english


async def test_a_plan_whose_year_is_over_shows_periods_met_and_no_current_period(district: District) -> None:
    """In February 2027 the 2026 plan's final result: months and quarters met, no "this month" (February
    2027 is no month of the plan), in status and `mål N`; a report for a day of 2026 still counts, one for
    yesterday is refused."""
    for day in ("2026-09-03", "2026-09-20", "2026-11-02", "2026-11-15"):
        await district.say(MEGAN, f"rapportera 19 1 {day} inlägg")
    district.clock.now = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)
    goal = await district.say(NOA, "mål 19")
    assert "Framsteg: ▰▰▱▱▱▱▱▱▱▱ 2 av 12 månader klara · inte nått" in goal
    assert "den här månaden" not in goal.split("Inlägg som")[0]
    status = await district.say(NOA, "status")
    assert status.startswith("Så gick planen 2026")
    assert line(status, 19).endswith("2 av 12 månader klara · inte nått")
    assert line(status, 6).endswith("0 av 4 kvartal klara · inte nått")
    assert "det här kvartalet" not in status and "den här månaden" not in status
    english = await district.say(NOA, "status", locale="en-US")
    assert line(english, 19).endswith("2 of 12 months met · not reached") and "this month" not in english
    refused = await district.say(MEGAN, "rapportera 19 1 i går")
    assert "ligger utanför planens år: planen gäller 2026; rapportera det som hände det året." in refused
    assert (await district.say(MEGAN, "rapportera 19 1 2026-12-30 sent inlägg")).startswith("Sparat")
    assert line(await district.say(NOA, "status"), 19).endswith("2 av 12 månader klara · inte nått")
