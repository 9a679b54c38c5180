"""Issue 16 for the typo hints: finding the command a mistyped word means reads no database, so the turn
makes at most the router's one call for who wrote it (the shape of test_turn_calls.py)."""

from __future__ import annotations

import pytest

from tests.stories.conftest import NOA, District

MOST_CALLS = 2

CASES = [
    ("raportera 3 1", "reprot 3 1"),
    ("söök medlemmar", "serach members"),
    ("statsu Sundsvall", "statsu Sundsvall"),
    ("kan jag få se mål 6", "could I see goals 6"),
]


@pytest.mark.parametrize(("swedish", "english"), CASES, ids=[c[1] for c in CASES])
@pytest.mark.parametrize("language", ["sv", "en"])
async def test_a_typo_hint_makes_no_call_of_its_own(
    district: District, swedish: str, english: str, language: str
) -> None:
    text, locale = (swedish, "sv-SE") if language == "sv" else (english, "en-US")
    reply, calls = await district.off_loop(NOA, text, locale=locale)
    assert "?" in reply, reply  # a suggestion: "Menade du …?" / "Did you mean …?"
    assert len(calls) <= MOST_CALLS, calls
