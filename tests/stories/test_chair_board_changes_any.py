"""A board member writes `ångra`, `ändra` or `undo` without a number.

Goal 4 is every branch's own here (a members' meeting a quarter). The clock is set to Sunday 22 November
2026, 10:00 UTC. Kim chairs Sundsvall; Megan is on the board and has reported nothing herself.

What a board member means: "undo the report I have in mind". The board may change any report, so "I find no
report that you can change" is false and sends them away. They are told to name the report by its number,
with the line to write, and where every report's number is: the export's ID column (`exportera 2026`,
narrowed to the goal they named), a command that works for them. Nothing is changed without the number.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import KIM, MEGAN, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_a_bare_undo_from_the_board_says_to_write_the_number_and_where_it_is(
    meetings: District,
) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "rapportera 4 2 i går")
    assert await meetings.say(MEGAN, "ångra") == (
        "Styrelsen kan ändra alla rapporter: skriv rapportens nummer, som i ångra NUMMER. "
        "Varje rapports nummer står i kolumnen ID i filen du får med exportera 2026."
    )
    assert await meetings.say(MEGAN, "ändra mål 4 till 3") == (
        "Styrelsen kan ändra alla rapporter: skriv rapportens nummer, som i ändra NUMMER 3. "
        "Varje rapports nummer står i kolumnen ID i filen du får med exportera 2026 mål 4."
    )
    assert await meetings.say(MEGAN, "undo", locale="en-US") == (
        "The board may change any report: write its number, as in withdraw NUMBER. "
        "Every report's number is in the ID column of the file export 2026 gives."
    )
    assert (await meetings.say(MEGAN, "correct", locale="en-US")).startswith(
        "The board may change any report: write its number, as in correct NUMBER VALUE."
    )
    assert [(r.value, r.withdrawn) for r in meetings.reports()] == [(2, False)]
    assert "2026: 1 rapport." in await meetings.say(MEGAN, "exportera 2026")
    assert (await meetings.say(MEGAN, "ångra 1")).startswith(
        "Rapport #1 (mål 4, 2 medlemsmöten för Sundsvall, 21 nov. 2026)"
    )


async def test_a_chair_without_reports_is_still_told_there_is_none(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert await meetings.say(KIM, "ångra") == "Jag hittar ingen rapport som du kan ändra; se mina rapporter."
    assert await meetings.say(KIM, "undo", locale="en-US") == (
        "I find no report that you can change; see my reports."
    )
