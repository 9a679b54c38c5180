"""Swapping turns when a text is written, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board; Megan's Teams in
Swedish, Adele's in English).

What a board member means by "byt 1 2" is "I take your day, you take mine". A text already written belongs
to its day (it may speak of that day): it stays with its prompt and is posted then, signed by its writer for
the new owner. So the answer says so, the writer who did not swap is told their text now goes out on
someone else's turn, and a new owner who gets a prompt with its text written is not asked to write it.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

world = stories.world


async def test_megan_swaps_with_adele_whose_text_is_written(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(ADELE, f"write {second.id} What do we want from the region in December?", locale="en-US")
    before = len(world.connector.posted)
    answer = await world.say(MEGAN, f"byt {first.id} {second.id}")
    assert answer == (
        f"Bytt: #{first.id} är nu Adele Vances tur och #{second.id} Megan Bowens. "
        f"Texten av Adele Vance hör till #{second.id} och publiceras på Megan Bowens tur."
    ), answer
    await world.settle()
    told = world.notices(ADELE, before)
    assert (
        f"Megan Bowen swapped turns: #{second.id} (Tuesday 15 December at 18:00, General) is now "
        "Megan Bowen’s turn. The text you wrote for it stays with it and is posted then, under your name; "
        "to write one for another prompt: write NUMBER YOUR TEXT"
    ) in told, told
    assert "Skrivet av Adele Vance för Megan Bowen" in await world.say(MEGAN, f"visa {second.id}")


async def test_lars_swaps_two_turns_and_the_new_owner_of_a_written_text_is_not_asked_to_write_it(
    world: World,
) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(ADELE, f"write {second.id} What do we want from the region?", locale="en-US")
    before = len(world.connector.posted)
    answer = await world.say(LARS, f"swap {first.id} with {second.id}", locale="en-US")
    assert answer.endswith(
        f"The text by Adele Vance stays with #{second.id} and is posted on Megan Bowen’s turn."
    ), answer
    await world.settle()
    [to_megan] = world.notices(MEGAN, before)
    assert to_megan == (
        f"Lars Nilsson gav dig diskussionsinlägg #{second.id}, som publiceras tisdag 15 december kl. 18.00 "
        "i Allmänt. Texten av Adele Vance är redan skriven och publiceras som den är; "
        f"se den med: visa {second.id}"
    ), to_megan
