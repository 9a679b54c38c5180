"""The board changing, through the real server (the world of tests/schedules/test_prompt_stories.py:
Megan, Adele, Lars and Jonas on the board; Alex Wilber the administrator).

What an administrator means: removing several board members at once hands all their coming prompts on,
and the answer speaks of them as several ("Deras"), one of them by name; two people whose Teams names are
the same are two board members, and `roller` lists both, numbered (the board is counted from that list).
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, JONAS, LARS, MEGAN, Who, World

world = stories.world


async def test_three_leave_at_once_and_two_of_the_same_name_join(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    second, third = world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    answer = await world.say(ADMIN, "roll bort styrelse @Adele Vance @Lars Nilsson", mentions=(ADELE, LARS))
    assert answer == (
        "Adele Vance sitter inte längre i styrelsen. Lars Nilsson sitter inte längre i styrelsen. "
        f"Deras kommande inlägg går nu till: #{second.id} Jonas, #{third.id} Megan Bowen."
    ), answer
    english = await world.say(ADMIN, "role remove board @Jonas", mentions=(JONAS,), locale="en-US")
    assert (
        english == f"Jonas is no longer on the board. Jonas’s coming prompts go to: #{second.id} Megan Bowen."
    )

    first_anna, second_anna = Who("29:anna1", "Anna Lind", "sv-SE"), Who("29:anna2", "Anna Lind", "sv-SE")
    for anna in (first_anna, second_anna):
        await world.say(anna, "hjälp")
        await world.say(ADMIN, "roll styrelse @Anna Lind", mentions=(anna,))
    roles = await world.say(MEGAN, "roller")
    assert roles.startswith("Styrelsen: Anna Lind 1, Anna Lind 2, Megan Bowen\n"), roles
