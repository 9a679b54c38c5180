"""English for the words Swedish plans count in and name their areas by.

What a member reading English means by "at least 2 medlemsträffar per half-year": members' meetings. The
glossary gives the English of the units and area words districts write, in the number the sentence needs;
a compound word it does not know whole is read by its last part ("valmöten": meetings; "ABF-cirkeln":
an ABF study circle); a unit or area it cannot read at all has no English (None), so the caller says
something neutral rather than show a Swedish word in an English sentence.
"""

from __future__ import annotations

import pytest

from bot.i18n import area_name, english_area, english_unit


@pytest.mark.parametrize(
    ("unit", "plural", "english"),
    [
        ("medlemsträffar", True, "members' meetings"),
        ("ordförandemöte", False, "chairs' meeting"),
        ("följare", True, "followers"),
        ("studiecirklar", False, "study circle"),
        ("debattartiklar", True, "opinion pieces"),
        ("kontaktpersoner", True, "contact people"),
        ("dörrknackningar", True, "door-knocking rounds"),
        ("kronor", True, "kronor"),
        ("inlägg", False, "post"),
        ("utbildning, föreläsning eller webinarium", False, "course, talk or webinar"),
        ("% av medlemmarna", True, "% of members"),
        ("valmöten", True, "meetings"),  # a compound by its last part
        ("ABF-cirkeln", False, "ABF study circle"),  # a name before the hyphen stays
        ("nya kontaktpersoner", True, "new contact people"),  # an adjective before a known noun
        ("nya kontaktpersoner", False, "new contact person"),
        ("aktiva medlemmar", False, "active member"),
        ("volontärer", True, "volunteers"),
    ],
)
def test_a_unit_in_english(unit: str, plural: bool, english: str) -> None:
    assert english_unit(unit, plural=plural) == english


@pytest.mark.parametrize("unit", ["", None, "styrelsens ledamöter", "xyzzy", "utbildning eller xyzzy"])
def test_a_unit_without_english_has_none(unit: str | None) -> None:
    """One unknown word is enough: half a translation reads as Swedish."""
    assert english_unit(unit) is None


def test_an_area_in_english() -> None:
    assert english_area("Miljö och klimat") == "Environment and climate"
    assert english_area("Facklig politisk") == "Trade union politics"
    assert english_area("Vården") == "Healthcare"
    assert english_area("Kärnkraftverk") is None


def test_an_areas_name_for_the_reader() -> None:
    """Swedish readers see the plan's own name; English readers the board's English, else the glossary's,
    else the plan's own name (a name, as the district's is)."""
    assert area_name("Vården", "sv", {"varden": "Health services"}) == "Vården"
    assert area_name("Vården", "en", {"varden": "Health services"}) == "Health services"
    assert area_name("Vården", "en") == "Healthcare"
    assert area_name("Kärnkraftverk", "en") == "Kärnkraftverk"


def test_a_name_with_other_marks_is_no_area_word() -> None:
    """ "+Miljö" is what someone typed to trick a spreadsheet, not the area "Miljö": it is shown as typed."""
    assert english_area("+Miljö") is None
    assert english_area("=Vården") is None


def test_an_area_listing_several_words_keeps_its_commas() -> None:
    assert english_area("Vård, skola och omsorg") == "Healthcare, education and care"
