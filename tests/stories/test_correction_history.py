"""The board sees how the plan was corrected in chat (issue 18): a goal's details show each change, when and
by whom, to the board only. What a board member means: "who changed this target from what, and when?", so
that a figure nobody recognises can be traced to a decision. A name is shown only while that person is still
a member of the district (or holds a role in it) and has not asked to be forgotten; otherwise the change is
the board's.

Goal 6 of the sample plan is "at least one chairs' meeting each quarter".
"""

from __future__ import annotations

from datetime import timedelta

from tests.stories.conftest import ANNA, MEGAN, NOA, District

ANNAS = (
    "Ändrat: 22 nov. 2026 av Anna Lind: mål från minst 1 ordförandemöte per kvartal "
    "till minst 2 ordförandemöten per halvår"
)


async def test_the_board_sees_who_changed_a_goal_from_what_and_when(district: District) -> None:
    assert "Ändrat" not in await district.say(MEGAN, "mål 6")
    assert (await district.say(ANNA, "mål 6 mål 2 per termin")).startswith("Rättade mål 6")
    district.clock.now += timedelta(days=11)
    await district.say(MEGAN, "mål 6 text Hålla ett ordförandemöte varje termin")

    swedish = (await district.say(MEGAN, "mål 6")).splitlines()
    assert ANNAS in swedish
    assert (
        "Ändrat: 3 dec. 2026 av Megan Bowen: text från ”Distriktet samlar partiföreningarnas ordförande till "
        "minst ett möte varje kvartal för att samordna arbetet.” till ”Hålla ett ordförandemöte varje termin”"
    ) in swedish
    english = (await district.say(MEGAN, "goal 6", locale="en-US")).splitlines()
    assert (
        "Changed: 22 Nov 2026 by Anna Lind: target from at least 1 chairs' meeting per quarter "
        "to at least 2 chairs' meetings per half-year"
    ) in english
    assert any(
        line.startswith("Changed: 3 Dec 2026 by Megan Bowen: text from “Distriktet") for line in english
    )

    # A member sees the goal as it is now, not who changed it.
    member = await district.say(NOA, "mål 6")
    assert "Hålla ett ordförandemöte varje termin" in member
    assert "Ändrat" not in member and "Anna Lind" not in member


async def test_someone_who_left_the_board_or_was_forgotten_is_not_named(district: District) -> None:
    await district.say(ANNA, "mål 6 mål 2 per termin")
    await district.say(MEGAN, "roll bort styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    shown = await district.say(MEGAN, "mål 6")
    assert "Ändrat: 22 nov. 2026 av styrelsen: mål från minst 1 ordförandemöte" in shown
    assert "Anna Lind" not in shown

    await district.say(MEGAN, "mål 6 mål 3 per termin")
    assert "av Megan Bowen: mål från minst 2" in await district.say(MEGAN, "mål 6")
    await district.say(MEGAN, "glöm mig bekräfta")
    await district.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    english = await district.say(ANNA, "goal 6", locale="en-US")
    assert "Changed: 22 Nov 2026 by Anna Lind:" in english  # on the board again: named again
    assert "by the board: target from at least 2" in english  # Megan asked to be forgotten
    assert "Megan" not in english


async def test_a_goal_corrected_many_times_shows_the_latest_changes(district: District) -> None:
    """The card stays short: the five latest changes, and how many came before them."""
    for count in range(2, 9):
        await district.say(ANNA, f"mål 6 mål {count} per termin")
    lines = (await district.say(MEGAN, "mål 6")).splitlines()
    changed = [line for line in lines if line.startswith("Ändrat: ")]
    assert len(changed) == 6 and changed[0] == "Ändrat: 2 gånger tidigare"
    assert changed[-1].endswith(
        "mål från minst 7 ordförandemöten per halvår till minst 8 ordförandemöten per halvår"
    )
