"""Names listed in a sentence read as the reader writes them (the world of
tests/schedules/test_prompt_stories.py).

What a board member means: "Lade till Timrå, Kramfors, Sollefteå." is a list a Swede writes "Timrå,
Kramfors och Sollefteå" (English: "Timrå, Kramfors and Sollefteå"); a holiday whose name says its day is not
followed by the day again ("så inget på första maj", not "första maj 1 maj").
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, Who, World

world = stories.world


async def test_branches_added_are_listed_with_and(world: World) -> None:
    added = await world.say(MEGAN, "partiföreningar lägg till Timrå, Kramfors, Sollefteå")
    assert added.startswith("Lade till Timrå, Kramfors och Sollefteå."), added
    again = await world.say(ADELE, "branches add Timrå, Kramfors, Ånge", locale="en-US")
    assert again.startswith("Added Ånge (Timrå and Kramfors were on the list already)."), again
    on_list = await world.say(MEGAN, "partiföreningar lägg till Timrå, Kramfors")
    assert on_list == "Timrå och Kramfors finns redan på listan.", on_list


async def test_only_the_board_names_the_board_to_ask_with_or(world: World) -> None:
    member = Who("29:noa", "Noa Holm", "sv-SE")
    await world.say(member, "hjälp")
    answer = await world.say(member, "schema 1 och 15 kl 18", channel=GENERAL)
    assert answer.endswith("Adele Vance, Jonas, Lars Nilsson eller Megan Bowen."), answer
    english = await world.say(member, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    assert english.endswith("Adele Vance, Jonas, Lars Nilsson, or Megan Bowen."), english


async def test_a_holiday_named_by_its_day_is_not_followed_by_the_day_again(world: World) -> None:
    world.clock.now = datetime(2027, 4, 20, 8, tzinfo=UTC)
    answer = await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    assert "så inget på första maj. " in answer, answer
    english = await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    assert "so none on May Day. " in english, english
