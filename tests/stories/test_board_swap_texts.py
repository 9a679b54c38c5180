"""Swapping turns when a text is written, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board; Megan's Teams in
Swedish, Adele's in English).

What a board member means by "byt 1 2" is "I take your day, you take mine". A text already written belongs
to its day (it may speak of that day): it stays with its prompt and is posted then, signed by its writer for
the new owner. So the answer says so, the writer who did not swap is told their text now goes out on
someone else's turn, and a new owner who gets a prompt with its text written is not asked to write it.


A swap is no gift: each whose turn was traded is told what they have now and who has theirs ("Megan Bowen
bytte tur med dig: #4 … är nu din tur och #5 … Megan Bowens"), not "gav dig diskussionsinlägg #4".
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
    assert "Skrivet av Adele Vance" in await world.say(MEGAN, f"visa {second.id}")


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
        f"Lars Nilsson bytte tur mellan dig och Adele Vance: #{second.id} (tisdag 15 december kl. 18.00, "
        f"Allmänt) är nu din tur och #{first.id} (tisdag 1 december kl. 18.00, Allmänt) Adele Vances. "
        f"Texten av Adele Vance är redan skriven och publiceras som den är; se den med: visa {second.id}"
    ), to_megan


async def test_a_swap_with_you_is_told_as_a_swap_not_a_gift(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    if first.owner_name != "Megan Bowen":
        await world.say(MEGAN, f"ge {first.id} @Megan Bowen", mentions=(MEGAN,))
    await world.say(MEGAN, f"ge {second.id} @Lars Nilsson", mentions=(LARS,))
    await world.settle()
    before = len(world.connector.posted)
    assert (await world.say(MEGAN, f"byt {first.id} {second.id}")).startswith("Bytt")
    await world.settle()
    assert world.notices(LARS, before) == [
        f"Megan Bowen bytte tur med dig: #{first.id} (tisdag 1 december kl. 18.00, Allmänt) är nu din tur "
        f"och #{second.id} (tisdag 15 december kl. 18.00, Allmänt) Megan Bowens. "
        f"Skriv texten här: skriv {first.id} DIN TEXT"
    ]
    before = len(world.connector.posted)
    assert (await world.say(ADELE, f"swap {first.id} {second.id}", locale="en-US")).startswith("Swapped")
    await world.settle()
    assert world.notices(MEGAN, before) == [
        f"Adele Vance bytte tur mellan dig och Lars Nilsson: #{first.id} (tisdag 1 december kl. 18.00, "
        f"Allmänt) är nu din tur och #{second.id} (tisdag 15 december kl. 18.00, Allmänt) Lars Nilssons. "
        f"Skriv texten här: skriv {first.id} DIN TEXT"
    ]
    assert world.notices(LARS, before) == [
        f"Adele Vance bytte tur mellan dig och Megan Bowen: #{second.id} (tisdag 15 december kl. 18.00, "
        f"Allmänt) är nu din tur och #{first.id} (tisdag 1 december kl. 18.00, Allmänt) Megan Bowens. "
        f"Skriv texten här: skriv {second.id} DIN TEXT"
    ]
    # Adele, in English, gets Lars's turn and swaps with Megan: told in English.
    await world.say(MEGAN, f"ge {second.id} @Adele Vance", mentions=(ADELE,))
    await world.settle()
    before = len(world.connector.posted)
    await world.say(MEGAN, f"byt {first.id} {second.id}")
    await world.settle()
    assert world.notices(ADELE, before) == [
        f"Megan Bowen swapped turns with you: #{first.id} (Tuesday 1 December at 18:00, General) is now "
        f"yours, and #{second.id} (Tuesday 15 December at 18:00, General) is Megan Bowen’s. "
        f"Write it here with: write {first.id} YOUR TEXT"
    ]
