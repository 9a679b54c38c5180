"""The year's report says each goal's result as `status` says it, word for word: the board reads both and
"1,700 (from 1,500, target 2,000)" in one and "from 1,500 to 1,700" in the other, or "0 of 2 this year" and
"0 of 2 for the year", makes them wonder which is right. Each goal's "Result: …" line in the draft is the
year's figure and pace from its line in `status` (without the bar, and without the current period, which a
year's report has no use for), in Swedish and English.

Kim chairs Sundsvall (goal 3 is every branch's); Megan is on the board.
"""

from __future__ import annotations

import re

import pytest

from tests.stories.conftest import KIM, MEGAN, District
from tests.stories.test_chair_reports import annual_report_text

_BAR = re.compile(r"^[▰▱]+ ")
_THIS_PERIOD = re.compile(
    r"(this (week|month|quarter|half-year)|den här (veckan|månaden)|det här kvartalet)"
    r"( \(\S+ (reported|rapporterade?)\))?$"  # "(5 reported)" beyond the period's target
)


def status_lines(text: str) -> dict[int, str]:
    """Goal number -> its status line without the bar."""
    found = (re.match(r"\s*(\d+)\. (.*)$", line) for line in text.splitlines())
    return {int(m[1]): _BAR.sub("", m[2]) for m in found if m}


@pytest.mark.parametrize(
    ("status", "report", "result", "locale"),
    [
        ("status distriktet", "verksamhetsberättelse 2026", "Resultat: ", "sv-SE"),
        ("status district", "annual report 2026", "Result: ", "en-US"),
    ],
)
async def test_each_goals_result_is_its_status_line(
    district: District, status: str, report: str, result: str, locale: str
) -> None:
    for written in ("rapportera 3 1", "rapportera 12 1 700 följare", "rapportera 20 1", "rapportera 1 klart"):
        await district.say(KIM if written.startswith("rapportera 3") else MEGAN, written)
    await district.say(MEGAN, "rapportera 6 1 i maj")
    lines = status_lines(await district.say(MEGAN, status, locale=locale))
    texts = await annual_report_text(district, report, locale)
    results = [text.removeprefix(result) for text in texts if text.startswith(result)]
    assert len(results) == len(lines) == 24
    for number, said in zip(sorted(lines), results, strict=True):
        # a goal per period: status shows this period too; the year's report only the year
        expected = " · ".join(part for part in lines[number].split(" · ") if not _THIS_PERIOD.search(part))
        assert said == expected, (number, said, lines[number])


async def test_an_english_draft_names_the_plan_in_english(district: District) -> None:
    """The plan's title is Swedish ("… Västernorrlands verksamhetsplan 2026"); an English draft names it
    as the English goal list does. The follow-up's document the same."""
    texts = await annual_report_text(district, "annual report 2026", "en-US")
    assert texts[1].startswith("Vänsterpartiet Västernorrland’s plan 2026. How the board carried out"), texts[
        1
    ]
    assert not any("verksamhetsplan" in text for text in texts)
    swedish = await annual_report_text(district, "verksamhetsberättelse 2026", "sv-SE")
    assert swedish[1].startswith("Vänsterpartiet Västernorrlands verksamhetsplan 2026. "), swedish[1]
