"""A prompt of a schedule this channel had before, asked about in the channel (the world of
tests/schedules/test_prompt_stories.py). It was answered "#1 belongs to another channel's schedule: write
this there", which leads nowhere: it is this channel's, cancelled when its schedule stopped, and the answer
says so and which prompts are planned here now.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_a_prompt_of_the_channels_stopped_schedule_is_said_cancelled(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "schema stopp", channel=GENERAL)
    await world.say(MEGAN, "schema 5 och 20 kl 18", channel=GENERAL)
    assert await world.say(MEGAN, "visa 1", channel=GENERAL) == (
        "#1 är struket: dess dag försvann ur schemat, eller så stoppades schemat. "
        "Planerade inlägg: #4, #5, #6, #7."
    )
    english = await world.say(ADELE, "preview 2", channel=GENERAL, locale="en-US")
    assert english.startswith("#2 was cancelled: its day left the schedule, or the schedule stopped."), (
        english
    )
