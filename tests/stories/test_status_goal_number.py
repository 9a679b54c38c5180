"""`status 12` is a board member asking how goal 12 stands: the answer says there is no branch "12" (as
before) and how to see goal 12, in the reader's language, instead of leaving them with a list of branches.
"""

from __future__ import annotations

from tests.stories.conftest import MEGAN, NOA, District


async def test_status_with_a_goals_number_says_how_to_see_that_goal(district: District) -> None:
    answer = await district.say(NOA, "status 12")
    assert answer == (
        "Det finns ingen partiförening som heter ”12”. Partiföreningar: Härnösand, Sundsvall, Timrå "
        "Skriv mål 12 för att se ett mål i sin helhet."
    )
    assert (await district.say(MEGAN, "status mål 12")).startswith("Mål 12: Få fler att följa")
    english = await district.say(NOA, "status 12", locale="en-US")
    assert english.endswith("Branches: Härnösand, Sundsvall, Timrå Write goal 12 to see one goal in full.")
    assert (await district.say(NOA, "status #12", locale="en-US")).endswith(
        "Write goal 12 to see one goal in full."
    )
    # A branch's name that is no branch is answered with the list alone.
    assert (await district.say(NOA, "status Umeå")).endswith("Partiföreningar: Härnösand, Sundsvall, Timrå")
