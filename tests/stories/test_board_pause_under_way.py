"""A month or season named while it is under way, through the real server (the world of
tests/schedules/test_prompt_stories.py), the clock set to Tuesday 10 November 2026.

What a board member means by "paus november" on 10 November: from today to the end of November, not "the
1st has passed"; the answer says it starts today. Dates written out that have passed ("paus 1/11 30/11")
are still refused, never quietly shortened.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.prompting import SlotStatus
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_november_named_on_the_tenth_pauses_the_rest_of_it(world: World) -> None:
    world.clock.now = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    paused = await world.say(MEGAN, "paus november", channel=GENERAL)
    assert paused.startswith("Pausat från i dag, 10 nov., till 30 nov. 2026. 1 inlägg har lagts åt sidan."), (
        paused
    )
    assert world.slot_at(1, 12, 18).status is SlotStatus.PLANNED
    refused = await world.say(MEGAN, "paus 1/11 30/11", channel=GENERAL)
    assert "1 nov. 2026 har redan varit" in refused, refused


async def test_in_english_this_autumn_pauses_from_today(world: World) -> None:
    world.clock.now = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    paused = await world.say(ADELE, "pause this autumn", channel=GENERAL, locale="en-US")
    assert paused.startswith("Paused from today, 10 Nov, to 30 Nov 2026. 1 prompt set aside."), paused
    refused = await world.say(ADELE, "pause Nov 1 to Nov 30", channel=GENERAL, locale="en-US")
    assert "has passed" in refused, refused
