"""Commands written as sentences, ending in a full stop, an exclamation or a question mark, through the real
server (the world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board,
Sunday 22 November 2026).

What a board member means by "Posta nu!", "visa 2?", "hoppa 3!" or "byt 1 och 2.": the same as without the
stop. Not "write the prompt's number", nor a board member called "2.".
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

# The note a skip that leaves its month short of the plan's two prompts ends with.
SHORT_SV = "Obs! Planen kräver inlägg minst två gånger i månaden, och när det här hoppas över får kanalen "
SHORT_EN = "Note: the plan asks for prompts at least twice a month; with this one skipped this channel gets "

world = stories.world


async def test_a_stop_after_the_command_in_swedish(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    asked = await world.say(MEGAN, "Posta nu!", channel=GENERAL)
    assert asked.startswith(f"#{first.id} ska publiceras tisdag 1 december kl. 18.00"), asked
    assert (await world.say(MEGAN, f"visa {second.id}?")).startswith("Diskussionsinlägg\n")
    swapped = await world.say(MEGAN, f"byt {first.id} och {second.id}.")
    assert swapped.startswith(f"Bytt: #{first.id} är nu Adele Vances"), swapped
    assert await world.say(MEGAN, f"hoppa {third.id}!") == (
        f"#{third.id} hoppas över; inget publiceras då. Vill du publicera det ändå: hoppa inte {third.id}.\n"
        f"{SHORT_SV}inget inlägg i januari 2027."  # 1 January is a holiday: the 15th was January's only
    )


async def test_a_stop_after_the_command_in_english(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    for written in ("post now.", "Post now please!"):
        asked = await world.say(ADELE, written, channel=GENERAL, locale="en-US")
        assert asked.startswith(f"#{first.id} is due Tuesday 1 December at 18:00"), (written, asked)
    assert (await world.say(ADELE, f"preview {second.id}?", locale="en-US")).startswith("Discussion prompt\n")
    swapped = await world.say(ADELE, f"swap {first.id} and {second.id}.", locale="en-US")
    assert swapped.startswith(f"Swapped: #{first.id} is now Adele Vance"), swapped
    assert await world.say(ADELE, f"skip {third.id}!", locale="en-US") == (
        f"#{third.id} is skipped; nothing will be posted then. "
        f"To post it after all: unskip {third.id}.\n{SHORT_EN}no prompt in January 2027."
    )
