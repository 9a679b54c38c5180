"""The board asks for the year's report as it would say it, through the real server (the sample district of
tests/stories/conftest.py, whose plan is for 2026).

What a board member means: "verksamhetsberättelse för 2026", "verksamhetsberättelsen 2026", "årsberättelse
2026", "Verksamhetsberättelse 2026!", "annual report for 2026", "year-end report 2026" all ask for the
2026 draft; not "Write the year", and never a hint to `report`, the chairs' command for a check-in.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import MEGAN, District


@pytest.mark.parametrize(
    ("asked", "locale", "title"),
    [
        ("verksamhetsberättelse för 2026", "sv-SE", "Verksamhetsberättelsen för 2026: ett utkast"),
        ("verksamhetsberättelsen 2026", "sv-SE", "Verksamhetsberättelsen för 2026: ett utkast"),
        ("årsberättelse för år 2026", "sv-SE", "Verksamhetsberättelsen för 2026: ett utkast"),
        ("Verksamhetsberättelse 2026!", "sv-SE", "Verksamhetsberättelsen för 2026: ett utkast"),
        ("annual report for 2026", "en-US", "The 2026 report: a draft"),
        ("year-end report 2026", "en-US", "The 2026 report: a draft"),
        ("annual report for the year 2026", "sv-SE", "The 2026 report: a draft"),
    ],
)
async def test_the_years_report_asked_for_in_several_ways(
    district: District, asked: str, locale: str, title: str
) -> None:
    answer = await district.say(MEGAN, asked, locale=locale)
    assert answer.split("\n")[0] == title, (asked, answer)


async def test_another_year_is_still_refused_with_the_plans_year(district: District) -> None:
    refused = await district.say(MEGAN, "verksamhetsberättelse för 2025")
    assert refused == "Planen gäller 2026; skriv verksamhetsberättelse 2026."
    refused = await district.say(MEGAN, "annual report for 2025", locale="en-US")
    assert refused == "The plan is for 2026; write annual report 2026."
