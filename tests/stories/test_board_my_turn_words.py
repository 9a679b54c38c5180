"""A board member's own turn named in words with every command that takes a number, through the real
server (the world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board,
Sunday 22 November 2026; Megan's Teams in Swedish, Adele's in English).

What they mean: "posta min tur" / "post my turn" is their own next turn, as "skriv min tur", "visa min tur"
and "hoppa min tur" are; not a request for a number answered with someone else's. And "visa min tur" on a
turn with nothing written shows the bank's prompt that would go out, saying so and how to write one.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

world = stories.world


async def test_lars_posts_and_sees_his_own_turn_by_saying_so(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    lars = world.slot_at(15, 1, 18)
    assert lars.owner_name == "Lars Nilsson"

    shown = await world.say(LARS, "visa min tur")
    assert shown.startswith("Diskussionsinlägg\n"), shown
    assert shown.endswith(
        "Ur inläggsbanken\nIngen text är skriven än, så det här är bankens inlägg för det som det ser ut nu. "
        f"Vill du skriva en egen: skriv {lars.id} DIN TEXT"
    ), shown

    asked = await world.say(LARS, "posta min tur")
    assert asked.startswith(f"#{lars.id} ska publiceras fredag 15 januari kl. 18.00"), asked
    assert asked.endswith(f"posta {lars.id} ja"), asked
    await world.say(LARS, "posta min tur ja")
    await world.settle()
    assert len(world.connector.created) == 1
    assert world.slot_at(15, 1, 18).status.value == "posted"


async def test_in_english_adele_posts_her_own_written_turn(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    adeles = world.slot_at(15, 12, 18)
    await world.say(ADELE, "write my turn: Where should the region build homes?", locale="en-US")
    shown = await world.say(ADELE, "preview my turn", locale="en-US")
    assert shown == "Discussion prompt\nWhere should the region build homes?\nWritten by Adele Vance", shown

    asked = await world.say(ADELE, "post my turn", locale="en-US")
    assert asked.startswith(f"#{adeles.id} is due Tuesday 15 December at 18:00"), asked
    await world.say(ADELE, "post my turn yes", locale="en-US")
    await world.settle()
    [posted] = world.connector.created
    assert "Where should the region build homes?" in str(posted)
