"""Asking about one's turn when few prompts are coming, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board; Alex an administrator).

What a board member means by "när är min tur?" / "when is my turn?": when their next turn is, or, if the
rota has not reached them among the prompts planned so far, that they have none yet (not a list that leaves
them to look for their name). And every "Ändra med" hint under the list works when they write it: with one
open prompt there is nobody to swap with, so the hint does not offer "byt 1 1", which is refused. An
administrator who is not on the board takes no turns and is not told about one.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, JONAS, MEGAN, World

world = stories.world


async def test_with_one_prompt_open_the_hints_work_and_someone_without_a_turn_is_told(world: World) -> None:
    await world.say(MEGAN, "schema 28 kl 18", channel=GENERAL)
    first, second = world.slot_at(28, 11, 18), world.slot_at(28, 12, 18)
    assert (first.owner_name, second.owner_name) == ("Megan Bowen", "Adele Vance")
    await world.say(ADELE, f"hoppa {second.id}", locale="sv-SE")

    mine = await world.say(MEGAN, "när är min tur?")
    assert f"Din nästa tur: #{first.id}, lördag 28 november kl. 18.00." in mine, mine
    assert mine.endswith(
        f"Ändra med: ge {first.id} @namn, hoppa {first.id}, skriv {first.id} TEXT, visa {first.id}"
    ), mine
    assert f"byt {first.id} {first.id}" not in mine
    # the hint, written as it stands, does what it says
    assert (await world.say(MEGAN, f"visa {first.id}")).startswith("Diskussionsinlägg")

    none = await world.say(JONAS, "när är min tur?")
    assert "Du har ingen tur bland de kommande inläggen än." in none, none
    assert none.endswith(
        f"Ändra med: ge {first.id} @namn, hoppa {first.id}, skriv {first.id} TEXT, visa {first.id}"
    ), none
    assert "ingen tur" not in await world.say(ADMIN, "kommande")  # not on the board: no turns


async def test_in_english_someone_whose_turn_was_skipped_is_told_it_is_skipped(world: World) -> None:
    """Adele skipped her only turn: "no turn among the upcoming prompts yet" would read as if the rota had
    not reached her; she has one, skipped, and is told how to post it after all."""
    await world.say(ADELE, "schedule 28 at 6pm", channel=GENERAL, locale="en-US")
    first, second = world.slot_at(28, 11, 18), world.slot_at(28, 12, 18)
    await world.say(ADELE, f"skip {second.id}", locale="en-US")  # her own turn: it counts as hers

    none = await world.say(ADELE, "when is my turn?", locale="en-US")
    assert (
        f"Your turn #{second.id} (Monday 28 December at 18:00) is skipped; to post it after all: "
        f"unskip {second.id}"
    ) in none, none
    assert "upcoming prompts yet" not in none, none
    mine = await world.say(MEGAN, "when's my turn?", locale="en-US")
    assert f"Your next turn: #{first.id}, Saturday 28 November at 18:00." in mine, mine
    assert mine.endswith(
        f"Change with: assign {first.id} @name, skip {first.id}, write {first.id} TEXT, preview {first.id}"
    ), mine
    assert "upcoming prompts yet" not in mine


async def test_ones_turn_asked_in_everyday_words(world: World) -> None:
    """The question as people type it, in either language, is `kommande` / `upcoming` with their turn."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    for asked in ("när är min nästa tur?", "När är jag på tur", "när ska jag skriva?"):
        assert f"Din nästa tur: #{first.id}, tisdag 1 december kl. 18.00." in await world.say(MEGAN, asked)
    for asked in ("when's my turn?", "whens my next turn", "When am I up?", "when do I write next?"):
        answer = await world.say(MEGAN, asked, locale="en-US")
        assert f"Your next turn: #{first.id}, Tuesday 1 December at 18:00." in answer, (asked, answer)
