"""Who may take a turn or change or delete a prompt text in their own words (the district of
tests/stories/conftest.py: Kim chairs Sundsvall, Noa is a member, Megan and Anna are on the board).

What the board means: the prompts are the board's; a chair or a member who writes "jag tar Megans tur",
"ändra min text" or "ta bort min text" is told which command it is and who may use it, not answered as
if it were about their reports, and nothing changes.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import KIM, NOA, District, Someone

REFUSED = (
    "Det kan bara styrelsen och administratörer göra. Fråga någon i styrelsen: Anna Lind eller Megan Bowen."
)


@pytest.mark.parametrize(
    ("who", "said", "command"),
    [
        (KIM, "jag tar Megans tur", "ge"),
        (KIM, "ändra min text: Vad vill vi?", "skriv"),
        (NOA, "ta bort min text", "radera"),
        (NOA, "radera min text", "radera"),
    ],
)
async def test_only_the_board_takes_turns_and_changes_texts(
    district: District, who: Someone, said: str, command: str
) -> None:
    assert await district.say(who, said) == f"Det svarar kommandot {command} på. {REFUSED}"


async def test_in_english_too(district: District) -> None:
    answer = await district.say(KIM, "I'll take Megan's turn", locale="en-US")
    assert answer.startswith("The command assign answers that."), answer
