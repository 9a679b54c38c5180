"""A turn given away, whose taker then leaves the board, through the real server (the world of
tests/schedules/test_prompt_stories.py: Sunday 22 November 2026; the board joined as Megan, Adele, Lars,
Jonas; `schema 1 och 15 kl 18` gives #1 on 1 December (Megan's), #2 on 15 December (Adele's) and #3 on
15 January (Lars's)).

Wrong answer before: Adele gives #2 to Lars ("give my turn to Lars", or Lars writes "jag tar Adeles tur");
Lars leaves the board; "Lars Nilssons kommande inlägg går nu till: #2 Adele Vance, #3 Jonas": the turn went
back to the one who gave it away, because she had waited longest.

What the board means: Adele gave #2 away because she cannot take that day. A turn dealt again goes to the
next in the rota, never back to whoever gave it away (while anyone else can have it); Adele's turn is made
up later, as the rota makes up any turn given away: "#2 Jonas, #3 Adele Vance". So also through a swap.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, LARS, MEGAN, World

world = stories.world


async def test_adele_gives_her_turn_to_lars_who_leaves_in_english(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    assert second.owner_name == "Adele Vance"
    assert (
        await world.say(ADELE, "give my turn to Lars", locale="en-US")
        == f"#{second.id} is now Lars Nilsson’s."
    )
    answer = await world.say(ADMIN, "role remove board @Lars Nilsson", mentions=(LARS,), locale="en-US")
    third = world.slot_at(15, 1, 18)
    assert f"#{second.id} Jonas, #{third.id} Adele Vance" in answer, answer
    assert world.slot_at(15, 12, 18).owner_name == "Jonas"


async def test_lars_takes_adeles_turn_and_leaves_in_swedish(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    second, third = world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    assert await world.say(LARS, "jag tar Adeles tur") == f"#{second.id} är nu Lars Nilssons tur."
    answer = await world.say(ADMIN, "roll bort styrelse @Lars Nilsson", mentions=(LARS,))
    assert answer == (
        "Lars Nilsson sitter inte längre i styrelsen. Lars Nilssons kommande inlägg går nu till: "
        f"#{second.id} Jonas, #{third.id} Adele Vance."
    ), answer


async def test_a_swapped_turn_does_not_go_back_either(world: World) -> None:
    """Megan swaps her #1 for Lars's #3; Lars leaves: #1 (Lars's by the swap) is not Megan's again."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, third = world.slot_at(1, 12, 18), world.slot_at(15, 1, 18)
    await world.say(MEGAN, f"byt {first.id} {third.id}")
    assert world.slot_at(1, 12, 18).owner_name == "Lars Nilsson"
    await world.say(ADMIN, "roll bort styrelse @Lars Nilsson", mentions=(LARS,))
    assert world.slot_at(1, 12, 18).owner_name not in ("Megan Bowen", "Lars Nilsson")
