"""Skipping a prompt that leaves its month with fewer than the plan's two, through the real server (the
world of tests/schedules/test_prompt_stories.py: Sunday 22 November 2026, Megan's Teams in Swedish, Adele's
in English; `schema 1 och 15 kl 18` gives 1 and 15 December and, 1 January being a holiday, 15 January).

What the board means: the plan says prompts at least twice a month. A skip is the board's to make, so it is
done, but the board member who skips is told when it leaves the month short: "1 inlägg i december 2026", or
"inget inlägg i januari 2027" where the month had one already. A skip that leaves two says nothing of it.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_skipping_a_december_prompt_warns_in_swedish(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    second = world.slot_at(15, 12, 18)
    answer = await world.say(MEGAN, f"hoppa {second.id}")
    assert answer == (
        f"#{second.id} hoppas över; inget publiceras då. "
        f"Vill du publicera det ändå: hoppa inte {second.id}.\n"
        "Obs! Planen kräver inlägg minst två gånger i månaden, och när det här hoppas över får kanalen "
        "1 inlägg i december 2026."
    ), answer
    january = world.slot_at(15, 1, 18)
    answer = await world.say(MEGAN, f"hoppa över {january.id}")
    assert answer.endswith("får kanalen inget inlägg i januari 2027."), answer


async def test_skipping_my_turn_warns_in_english(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    assert second.owner_name == "Adele Vance"
    answer = await world.say(ADELE, "skip my turn")
    assert answer == (
        f"#{second.id} is skipped; nothing will be posted then. To post it after all: unskip {second.id}.\n"
        "Note: the plan asks for prompts at least twice a month; with this one skipped this channel gets "
        "1 prompt in December 2026."
    ), answer


async def test_a_skip_that_leaves_two_says_nothing_of_it(world: World) -> None:
    await world.say(MEGAN, "schema första, andra och tredje tisdagen kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    answer = await world.say(MEGAN, f"hoppa {first.id}")
    assert (
        answer
        == f"#{first.id} hoppas över; inget publiceras då. Vill du publicera det ändå: hoppa inte {first.id}."
    ), answer
