"""The board's and the chairs' administration as they write it: roles given in their own words, exports
asked for in a sentence, and who may do what said plainly.

Megan is an administrator and on the board, Anna on the board, Kim chairs Sundsvall, Lee Härnösand, Sam
Timrå; Noa is a member. The clock is 22 November 2026 (tests/conftest.py NOW), set on the district.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import ANNA, KIM, NOA, District

NOVEMBER = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_an_export_asked_for_in_a_sentence_exports_what_the_writer_may(district: District) -> None:
    """A chair who writes "exportera rapporterna" means their branch's reports, and a board member who
    writes "export as excel" means all of them: the words name what is exported and how, not a branch.
    A chair asking for another branch is told which command gives theirs."""
    district.clock.now = NOVEMBER
    assert "mål 3" in await district.say(KIM, "rapportera 3 1 möte")
    kims = await district.say(KIM, "exportera rapporterna")
    assert kims.startswith("Rapporter som kalkylblad\nSundsvall: 1 rapport.\nhttp"), kims
    assert "/exports/" in await district.say(KIM, "exportera alla rapporter som excel")
    boards = await district.say(ANNA, "export as excel", locale="en-US")
    assert boards.startswith("Reports as a spreadsheet\nAll reports: 1 report.\nhttp"), boards
    sundsvall = await district.say(ANNA, "export the reports for Sundsvall", locale="en-US")
    assert "Sundsvall: 1 report." in sundsvall
    assert (await district.say(KIM, "exportera rapporterna för Timrå")) == (
        "Du kan bara exportera rapporterna för din egen partiförening: skriv exportera Sundsvall"
    )
    assert (await district.say(KIM, "export Timrå", locale="en-US")) == (
        "You can export only your own branch's reports: write export Sundsvall"
    )
    refused = await district.say(NOA, "exportera rapporterna")
    assert refused.startswith("Det kan bara partiföreningarnas ordförande, styrelsen och administratörer")
