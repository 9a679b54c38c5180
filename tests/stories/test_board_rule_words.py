"""A schedule told back as a board member would say it, through the real server (the world of
tests/schedules/test_prompt_stories.py).

What a board member means by "första och tredje måndagen kl 19" is told back the same way: "första och
tredje måndagen i månaden", not "första måndagen och tredje måndagen"; in English "the first and the third
Monday of the month". Different weekdays keep each their own: "första tisdagen och sista fredagen".
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_two_of_one_weekday_are_said_once_in_swedish(world: World) -> None:
    answer = await world.say(MEGAN, "schema första och tredje måndagen kl 19", channel=GENERAL)
    assert answer.startswith(
        "Inlägg publiceras i den här kanalen första och tredje måndagen i månaden kl. 19.00\n"
    ), answer
    answer = await world.say(MEGAN, "schema första tisdagen och sista fredagen kl 19", channel=GENERAL)
    assert answer.startswith(
        "Inlägg publiceras i den här kanalen första tisdagen och sista fredagen i månaden kl. 19.00\n"
    ), answer


async def test_two_of_one_weekday_are_said_once_in_english(world: World) -> None:
    answer = await world.say(ADELE, "schedule first and third Monday at 7pm", channel=GENERAL, locale="en-US")
    assert answer.startswith(
        "Prompts will be posted in this channel on the first and the third Monday of the month at 19:00\n"
    ), answer


async def test_the_week_named_before_its_day_is_every_other_week(world: World) -> None:
    """ "varannan vecka på tisdag" is what "varannan tisdag" is, and is told back that way."""
    answer = await world.say(MEGAN, "schema varannan vecka på tisdag kl 19", channel=GENERAL)
    assert answer.startswith("Inlägg publiceras i den här kanalen varannan tisdag kl. 19.00\n"), answer
    answer = await world.say(
        ADELE, "schedule every other week on Tuesday at 7pm", channel=GENERAL, locale="en-US"
    )
    assert answer.startswith("Prompts will be posted in this channel every other Tuesday at 19:00\n"), answer
