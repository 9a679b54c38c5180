"""Issue 16 for the quarter-end reminder's buttons: a tap (stored, tapped again, or someone else's) does its
database work in one call off the event loop besides the router's call for who tapped."""

from __future__ import annotations

import pytest

from tests.fakes.calls import off_loop_calls
from tests.stories.test_turn_calls_checkins import MOST_CALLS
from tests.test_engagement import ADELE, LEE, World
from tests.test_one_tap import buttons, reminder_card, shown, tap, world  # noqa: F401 (the fixture)


@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
async def test_a_tap_makes_one_call_for_who_and_one_for_what(world: World, locale: str) -> None:  # noqa: F811
    taps = buttons(await reminder_card(world))
    for who in (ADELE, LEE):
        await world.say("hjälp", who=who, locale=locale)  # the conversation remembered in this language
    for who, button in ((ADELE, taps[0]), (ADELE, taps[1]), (LEE, taps[0])):
        with off_loop_calls() as calls:
            answer = await tap(world, button, who=who, locale=locale)
        assert shown(answer)
        assert len(calls) <= MOST_CALLS, calls
