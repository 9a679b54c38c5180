"""Board members name a colleague as they would to a person, without Teams' @mention: "byt min tur med
Megan", "ge 2 till adele", "swap my turn with Lars" (the world of tests/schedules/test_prompt_stories.py:
Megan's Teams in Swedish, Adele's in English).

What they mean: the board member of that name, by full name or first name, however it is capitalised. A
name that fits no one on the board, or several, is not guessed: the answer says so and how to @mention.
"""

from __future__ import annotations

from bot.services.people import PersonInfo, named_in
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, LARS, MEGAN, World

world = stories.world


async def test_a_turn_is_swapped_and_given_by_a_name_written_without_at(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    assert [s.owner_name for s in (first, second, third)] == ["Megan Bowen", "Adele Vance", "Lars Nilsson"]
    assert await world.say(LARS, "byt min tur med Megan") == (
        f"Bytt: #{third.id} är nu Megan Bowens tur och #{first.id} Lars Nilssons."
    )
    assert await world.say(ADELE, "swap my turn with lars nilsson", locale="en-US") == (
        f"Swapped: #{second.id} is now Lars Nilsson’s and #{first.id} is Adele Vance’s."
    )
    assert await world.say(JONAS, f"ge {second.id} till megan") == f"#{second.id} är nu Megan Bowens tur."
    assert await world.say(ADELE, "give my turn to Jonas", locale="en-US") == f"#{first.id} is now Jonas’s."
    owners = {s.id: s.owner_name for s in world.slots()}
    assert (owners[first.id], owners[second.id], owners[third.id]) == ("Jonas", "Megan Bowen", "Megan Bowen")


async def test_a_name_that_fits_no_board_member_is_not_guessed(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    assert await world.say(ADELE, "swap my turn with Kalle", locale="en-US") == (
        "No one on the board is called “Kalle”. @mention whom you mean, e.g. swap with @name"
    )
    assert await world.say(JONAS, f"ge {first.id} till Anna") == (
        f"Ingen i styrelsen heter ”Anna”. Nämn den du menar med @, t.ex. ge {first.id} @namn"
    )
    assert world.slot_at(1, 12, 18).owner_name == "Megan Bowen"


def test_a_first_name_two_board_members_share_names_both() -> None:
    anna_lind, anna_berg = PersonInfo("29:a", "a", "Anna Lind"), PersonInfo("29:b", "b", "Anna Berg")
    board = [anna_lind, anna_berg, PersonInfo("29:c", "c", "Åsa Öberg")]
    assert named_in("min tur med Anna", board) == [anna_lind, anna_berg]
    assert named_in("min tur med anna berg", board) == [anna_berg]
    assert named_in("min tur med asa", board) == [board[2]]
    assert named_in("min tur med Berg", board) == [anna_berg]
    assert named_in("min tur", board) == []
