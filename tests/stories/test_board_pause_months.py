"""A pause written as whole months, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, Sunday 22 November 2026).

What a board member means by "paus juli", "pausa juni till augusti" or "pause December": those months, from
their first day to their last (February's in a leap year too), next time they come; as "paus 1/7 31/7"
would. Not "write two dates".
"""

from __future__ import annotations

from bot.services.prompting import SlotStatus
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_a_summer_month_and_a_summer_in_swedish(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    july = await world.say(MEGAN, "paus juli", channel=GENERAL)
    assert july.startswith("Paus 1–31 juli 2027:"), july
    summer = await world.say(MEGAN, "pausa hela juni till augusti", channel=GENERAL)
    assert summer.startswith("Pausen gäller nu 1 juni–31 aug. 2027, ihop med den som redan fanns."), summer
    assert "Paus: 1 juni–31 aug. 2027." in await world.say(MEGAN, "paus", channel=GENERAL)


async def test_in_english_december_pauses_this_december(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    paused = await world.say(ADELE, "pause December", channel=GENERAL, locale="en-US")
    assert paused.startswith("Paused 1–31 Dec 2026: 2 prompts set aside."), paused
    assert world.slot_at(1, 12, 18).status is SlotStatus.PAUSED
    assert world.slot_at(15, 12, 18).status is SlotStatus.PAUSED
    assert world.slot_at(15, 1, 18).status is SlotStatus.PLANNED
