"""A priority area named later in a report, as people write it.

Goal 23 in the sample plan counts opinion pieces in each of the four priority areas (Facklig politik,
Feminism, Antirasism, Miljö och klimat). The clock is set to Sunday 22 November 2026, 10:00 UTC; Megan is
on the board.

What a board member means by "rapportera 23 1 debattartikel om feminism" or "report 23 1 opinion piece on
anti-racism": one piece in that area. The area was refused ("name the area after the value") though it was
named. Exactly one area named anywhere in the comment is the report's area (its "om"/"on" goes with it); two
("om feminism och antirasism") are still asked about, for one report counts in one area.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import MEGAN, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_one_area_named_anywhere_is_the_reports_area(district: District) -> None:
    district.clock.now = SUNDAY
    assert (await district.say(MEGAN, "rapportera 23 1 debattartikel om feminism i ST")).startswith(
        "Sparat #1: mål 23, 1 debattartikel (Feminism) för distriktet, 22 nov. 2026."
    )
    assert (
        await district.say(MEGAN, "report 23 1 opinion piece on anti-racism yesterday", locale="en-US")
    ).startswith("Stored #2: goal 23, 1 opinion piece (Anti-racism) for the district, 21 Nov 2026.")
    assert [(r.area, r.comment) for r in district.reports()] == [("Feminism", "i ST"), ("Antirasism", None)]


async def test_two_areas_named_are_asked_about(district: District) -> None:
    district.clock.now = SUNDAY
    assert (await district.say(MEGAN, "rapportera 23 1 debattartikel om feminism och antirasism")).startswith(
        "Skriv det prioriterade området efter värdet: Facklig politik, Feminism, Antirasism, Miljö och "
        "klimat."
    )
    assert (
        await district.say(MEGAN, "report 23 1 opinion piece on feminism and anti-racism", locale="en-US")
    ).startswith("Name the priority area after the value:")
    assert district.reports() == []
