"""Asking to move one named prompt, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, Sunday 22 November 2026).

What a board member means by "flytta 2 till 17/12" / "move 2 to Dec 17": that prompt, #2. One prompt's day
is its schedule's, so the answer says what to do instead, and every line it suggests works when written: a
number that names no open prompt (cancelled when the days changed, posted, unknown) is refused as every
command refuses it, naming the open ones, rather than answered about another prompt; "min tur" is the
asker's own next turn; a swap is offered with someone else's turn (swapping two of one person's changes
nothing), and with nobody to swap with, only the skip.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_a_cancelled_number_is_refused_and_ones_own_turn_is_named(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    gone = world.slot_at(1, 12, 18)
    await world.say(MEGAN, "schema 10 och 24 kl 18", channel=GENERAL)  # the 1st left the schedule
    tenth, twentyfourth = world.slot_at(10, 12, 18), world.slot_at(24, 11, 18)

    refused = await world.say(MEGAN, f"flytta {gone.id} till 17/12")
    assert refused.startswith(
        f"#{gone.id} är struket: dess dag försvann ur schemat, eller så stoppades schemat. Planerade inlägg: "
        f"#{twentyfourth.id}, #{tenth.id}"
    ), refused
    assert "byt" not in refused
    assert (await world.say(MEGAN, "flytta 999 till fredag")).startswith("Det finns inget inlägg #999.")

    assert tenth.owner_name == "Adele Vance"
    mine = await world.say(ADELE, "flytta min tur till torsdag", locale="sv-SE")
    assert f"byt {tenth.id} {twentyfourth.id}; ska det inte publiceras: hoppa {tenth.id}." in mine, mine


async def test_in_english_the_swap_offered_is_with_someone_else_and_alone_only_the_skip(world: World) -> None:
    await world.say(ADELE, "schedule 28 at 6pm", channel=GENERAL, locale="en-US")
    first, second = world.slot_at(28, 11, 18), world.slot_at(28, 12, 18)
    await world.say(ADELE, f"assign {second.id} @Megan Bowen", locale="en-US", mentions=(MEGAN,))
    assert world.slot_at(28, 12, 18).owner_name == "Megan Bowen"  # both Megan's: no swap between them

    alone = await world.say(ADELE, f"move {first.id} to Friday", locale="en-US")
    assert alone == (
        f"A single prompt cannot move to another day; the days follow the schedule. Not to post it: skip "
        f"{first.id}. To change the days of them all, write in the channel: schedule (e.g. schedule first "
        "and third Thursday at 19)."
    ), alone
    assert (await world.say(ADELE, f"skip {first.id}", locale="en-US")).startswith(f"#{first.id} is skipped")
    refused = await world.say(ADELE, f"move {first.id} to Friday", locale="en-US")
    assert refused == (
        f"#{first.id} is skipped; to post it after all: unskip {first.id}. Open prompts: #{second.id}."
    ), refused
