"""Hints with an example number give one that works for whoever reads them (the world of
tests/schedules/test_prompt_stories.py: prompts in General and in the chairs' channel).

What a board member means: "skriv vilket inlägg, t.ex. posta 12" is an instruction to follow; when #12 does
not exist, following it fails. In a personal chat with prompts in two channels, `posta nu` names the next
planned prompt of each channel, so either answer can be written as it stands.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World, two_channels

world = stories.world


async def test_post_now_in_a_personal_chat_names_each_channels_next_prompt(world: World) -> None:
    await two_channels(world)
    general, chairs = world.slot_at(1, 12, 18), world.slot_at(1, 12, 19)
    answer = await world.say(MEGAN, "posta nu")
    assert answer == (
        "Inlägg är planerade i fler än en kanal: skriv vilket, "
        f"posta {general.id} (nästa i Allmänt) eller posta {chairs.id} "
        "(nästa i kanalen med inlägg första tisdagen i månaden kl. 19.00)."
    ), answer
    english = await world.say(ADELE, "post now", locale="en-US")
    assert english == (
        "Prompts are planned in more than one channel: write which, "
        f"post {general.id} (the next in General) or post {chairs.id} "
        "(the next in the channel with prompts on the first Tuesday of the month at 19:00)."
    ), english
    assert (await world.say(MEGAN, f"posta {chairs.id} ja")).startswith(f"Publicerar #{chairs.id}")


async def test_hints_without_a_number_give_one_that_is_open(world: World) -> None:
    """`byt`, `ge`, `skriv`, `hoppa` and `bank ta bort` without their numbers: each example names prompts
    that exist and are open here (a channel's own, in a channel), and following it works."""
    await two_channels(world)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    swap = await world.say(MEGAN, "byt", channel=GENERAL)
    assert swap.startswith(f"Skriv två inläggsnummer, t.ex. byt {first.id} {second.id} (se kommande), "), swap
    english = await world.say(ADELE, "swap", channel=GENERAL, locale="en-US")
    assert english.startswith(
        f"Write two prompt numbers, e.g. swap {first.id} {second.id} (see upcoming), "
    ), english
    assign = await world.say(MEGAN, "ge", channel=GENERAL)
    assert assign == f"Skriv ett inläggsnummer och nämn en person med @, t.ex. ge {first.id} @namn.", assign
    write = await world.say(ADELE, f"write {second.id}", locale="en-US")
    assert (
        write == f"Write the text after the number, e.g. write {second.id} What should we ask the region for?"
    )
    skip = await world.say(MEGAN, "hoppa över", channel=GENERAL)
    assert skip == f"Skriv inläggets nummer som kommande visar det, t.ex. {first.id}.", skip
    bank = await world.say(MEGAN, "bank ta bort")
    assert bank.startswith("Skriv numret på inlägget som banken visar det, t.ex. bank ta bort "), bank
    number = bank.removesuffix(".").rsplit(" ", 1)[1]
    assert (
        await world.say(ADELE, f"bank remove {number}", locale="en-US") == f"Bank prompt {number} is retired."
    )


async def test_with_nothing_planned_the_hint_gives_no_number(world: World) -> None:
    assert (await world.say(MEGAN, "byt")).startswith(
        "Skriv två inläggsnummer som kommande visar dem, eller "
    )
    assert await world.say(ADELE, "skip", locale="en-US") == (
        "Write the prompt's number as upcoming shows it. No prompt is open now."
    )
