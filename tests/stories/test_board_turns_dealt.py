"""A change to the schedule that deals coming turns to someone else says so, through the real server (the
world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, in the order
they joined).

What a board member means: the answer to "schema kl 20" or "paus ..." shows what will happen, and that
includes whose turn each coming prompt now is. When the change deals turns again (so that nobody is
skipped, README), the answer names each turn that changed hands and whose it was; a change that leaves
every turn where it was says nothing of turns.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, MEGAN, World

world = stories.world


def owners(world: World) -> dict[int, str | None]:
    return {slot.id: slot.owner_name for slot in world.slots() if slot.status is stories.SlotStatus.PLANNED}


async def test_a_new_hour_after_turns_given_by_hand_names_the_turns_dealt_anew(world: World) -> None:
    await world.say(MEGAN, "schema varannan tisdag kl 19", channel=GENERAL)
    first, second = world.slot_at(24, 11, 19), world.slot_at(8, 12, 19)
    answer = await world.say(MEGAN, "schema kl 18", channel=GENERAL)
    assert "Turerna" not in answer, answer  # nothing changed hands

    await world.say(MEGAN, f"ge {second.id} @Jonas", mentions=(JONAS,))
    await world.say(MEGAN, f"byt {first.id} {second.id}")
    before = owners(world)
    answer = await world.say(MEGAN, "schema kl 20", channel=GENERAL)
    after = owners(world)
    changed = [(n, after[n], before[n]) for n in after if n in before and after[n] != before[n]]
    assert changed, "the hour change dealt no turn anew: nothing to tell"
    listed = ", ".join(f"#{n} {now} (i stället för {was})" for n, now, was in changed)
    assert f"\nTurerna delas ut på nytt så att alla får sin i tur och ordning: {listed}.\n" in answer, answer


async def test_a_pause_names_the_turn_it_deals_anew_in_english(world: World) -> None:
    await world.say(ADELE, "schedule every other Tuesday at 19", channel=GENERAL, locale="en-US")
    await world.say(ADELE, f"give {world.slot_at(8, 12, 19).id} @Jonas", mentions=(JONAS,), locale="en-US")
    before = owners(world)
    answer = await world.say(ADELE, "pause 20/12 10/1", channel=GENERAL, locale="en-US")
    after = owners(world)
    changed = [(n, after[n], before[n]) for n in after if n in before and after[n] != before[n]]
    assert changed, "the pause dealt no turn anew: nothing to tell"
    listed = ", ".join(f"#{n} {now} (instead of {was})" for n, now, was in changed)
    assert answer.endswith(f"\nTurns dealt anew so that everyone has theirs in order: {listed}."), answer


async def test_lifting_a_pause_names_the_turns_dealt_anew_in_swedish(world: World) -> None:
    await world.say(MEGAN, "schema varannan tisdag kl 19", channel=GENERAL)
    await world.say(MEGAN, "paus 20/12 10/1 ja", channel=GENERAL)
    before = owners(world)
    answer = await world.say(MEGAN, "paus slut", channel=GENERAL)
    after = owners(world)
    changed = [(n, after[n], before[n]) for n in after if n in before and after[n] != before[n]]
    assert changed, "lifting the pause dealt no turn anew: nothing to tell"
    listed = ", ".join(f"#{n} {now} (i stället för {was})" for n, now, was in changed)
    assert answer.startswith("Pausen 20 dec. 2026–10 jan. 2027 är hävd"), answer
    assert answer.endswith(f"\nTurerna delas ut på nytt så att alla får sin i tur och ordning: {listed}."), (
        answer
    )
