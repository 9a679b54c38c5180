"""A report repeated from the check-in card is asked about on the card; a value followed by a number that
may be a thousands group is asked about, or read as the goal allows."""

from __future__ import annotations

from typing import Any

from tests.stories.conftest import KIM, District, shown


def _submit(token: str, **fields: str) -> dict[str, Any]:
    return {"form": "checkin", "submission": token, "date": "2026-11-21", "comment": "", **fields}


def _buttons(answer: dict[str, Any]) -> list[dict[str, Any]]:
    return list(answer["value"].get("actions", []))


async def test_a_repeat_from_the_card_is_asked_with_yes_and_no_and_stored_once_on_yes(
    district: District,
) -> None:
    """A chair who held two study circles on one day sends the card twice: the second is asked about,
    Ja stores it (once, however often tapped), Nej stores nothing."""
    first = await district.tap(KIM, _submit("formone", goal="3", value="1"))
    assert shown(first).startswith("Sparat #1")
    asked = await district.tap(KIM, _submit("formtwo", goal="3", value="1"))
    assert shown(asked).startswith("#1 säger redan det: mål 3, 1 för Sundsvall, 21 nov. 2026.")
    assert "rapportera" not in shown(asked)  # no one-line command to copy: the card asks
    yes, no = _buttons(asked)
    assert (yes["title"], no["title"]) == ("Ja, spara den", "Nej")
    assert shown(await district.tap(KIM, yes["data"])).startswith("Sparat #2")
    again = await district.tap(KIM, yes["data"])  # a double tap
    assert "#2" in shown(again) and not shown(again).startswith("Sparat")
    assert len(district.reports()) == 2

    asked = await district.tap(KIM, _submit("formthree", goal="3", value="1"), locale="en-US")
    assert shown(asked).startswith("#1 already says that: goal 3, 1 for Sundsvall, 21 Nov 2026.")
    yes, no = _buttons(asked)
    assert (yes["title"], no["title"]) == ("Yes, store it", "No")
    assert shown(await district.tap(KIM, no["data"], locale="en-US")) == "Nothing was stored."
    assert len(district.reports()) == 2
