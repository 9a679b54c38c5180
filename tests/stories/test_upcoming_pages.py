"""`kommande` shows ten coming prompts at a time (the world of tests/schedules/test_prompt_stories.py: the
board, the General channel and the chairs' channel, 22 November 2026).

What the board means: a list that stops after ten says how many there are in all and the line that shows
the next ten (`kommande sida 2`, `upcoming page 2`), and that line works; before, the list stopped at ten
with nothing to say that more were planned.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world  # the same district, board and channels


async def test_the_coming_prompts_are_shown_ten_at_a_time_with_how_many_in_all(world: World) -> None:
    await stories.two_channels(world)  # twice a month in General, once in the chairs' channel
    await world.say(MEGAN, "schema 1, 5, 10, 15, 20 och 25 kl 18", channel=GENERAL)
    total = len(world.slots())
    assert total > 10
    first = await world.say(MEGAN, "kommande")
    assert len([line for line in first.splitlines() if line.startswith("#")]) == 10
    assert f"Visar 1–10 av {total}. Nästa sida: kommande sida 2" in first
    second = await world.say(ADELE, "upcoming page 2", locale="en-US")
    assert f"Showing 11–{total} of {total}." in second and "Next:" not in second
    numbers = [line.split()[0] for line in (first + "\n" + second).splitlines() if line.startswith("#")]
    assert len(set(numbers)) == total
    pages = -(-total // 10)
    assert await world.say(MEGAN, "kommande sida 99") == (
        f"Sidan 99 finns inte: {total} diskussionsfrågor kommer, på {pages} sidor."
    )
