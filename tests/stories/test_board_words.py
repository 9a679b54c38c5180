"""The words board members put between a prompt command's numbers, names and text, through the real server
(the world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board).

What a board member means: "skriv 12: TEXT" and "skriv 12 – TEXT" are "skriv 12 TEXT" (the colon or dash
is not part of the prompt); "byt 12 med 13", "byt 12 och 13", "swap 12 and 13", "swap 12 with 13" are a
swap of 12 and 13; "ge 12 till @Anna", "ge 12 åt @Anna", "give 12 to @Anna" give 12 to Anna.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, LARS, MEGAN, World

world = stories.world


async def test_swedish_words_between_numbers_names_and_text(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second, third = (world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18))

    assert await world.say(MEGAN, f"skriv {first.id}: Vad ska vi kräva av regionen?") == (
        f"Texten till #{first.id} är sparad; inlägget publiceras på sin tid."
    )
    assert world.slot_at(1, 12, 18).text == "Vad ska vi kräva av regionen?"
    await world.say(MEGAN, f"skriv #{first.id} – Hur når vi fler unga?")
    assert world.slot_at(1, 12, 18).text == "Hur når vi fler unga?"

    assert await world.say(MEGAN, f"byt {first.id} med {second.id}") == (
        f"Bytt: #{first.id} är nu Adele Vances tur och #{second.id} Megan Bowens. "
        f"Texten av Megan Bowen hör till #{first.id} och publiceras på Adele Vances tur."
    )
    await world.say(MEGAN, f"byt {first.id} och {second.id}")
    assert world.slot_at(1, 12, 18).owner_name == "Megan Bowen"

    given = await world.say(MEGAN, f"ge {third.id} till @Jonas", mentions=(JONAS,))
    assert given == f"#{third.id} är nu Jonas tur."
    assert await world.say(MEGAN, f"ge {third.id} åt @Lars Nilsson", mentions=(LARS,)) == (
        f"#{third.id} är nu Lars Nilssons tur."
    )
    assert world.slot_at(15, 1, 18).owner_name == "Lars Nilsson"


async def test_english_words_between_numbers_names_and_text(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first, second, third = (world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18))

    assert await world.say(ADELE, f"write {second.id}: What should the region do?", locale="en-US") == (
        f"Saved the text for #{second.id}; it will be posted at its time."
    )
    assert world.slot_at(15, 12, 18).text == "What should the region do?"

    assert (await world.say(ADELE, f"swap {first.id} and {second.id}", locale="en-US")).startswith(
        f"Swapped: #{first.id} is now Adele Vance’s and #{second.id} is Megan Bowen’s."
    )
    await world.say(ADELE, f"swap #{first.id} with #{second.id}", locale="en-US")
    assert world.slot_at(1, 12, 18).owner_name == "Megan Bowen"

    assert await world.say(ADELE, f"give {third.id} to @Jonas", mentions=(JONAS,), locale="en-US") == (
        f"#{third.id} is now Jonas’s."
    )
    assert world.slot_at(15, 1, 18).owner_name == "Jonas"
