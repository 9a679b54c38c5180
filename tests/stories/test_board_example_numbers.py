"""Hints with an example number give one that works for whoever reads them (the world of
tests/schedules/test_prompt_stories.py: prompts in General and in the chairs' channel).

What a board member means: "skriv vilket inlägg, t.ex. posta 12" is an instruction to follow; when #12 does
not exist, following it fails. In a personal chat with prompts in two channels, `posta nu` names the next
planned prompt of each channel, so either answer can be written as it stands.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, MEGAN, World, two_channels

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
