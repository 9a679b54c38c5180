"""The hour changed on the day of a post, or after a prompt went out early, through the real server (the
world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board in that order;
Megan's and Lars's Teams in Swedish, Adele's in English).

What the board means by `schema kl 20` / `schedule at 19`: from now on, at that hour. Not:
- a second prompt today, when today's went out at 18.00 (the old answer listed a new #4 "tisdag 1 december
  kl. 20.00" and gave it a turn): each day of the rule has one prompt;
- a second prompt on a day whose prompt was posted early with `posta` (a new "15 December" and a turn for
  Adele, who had just posted hers): the early post was that day's, and her turn; the next is Lars's;
- today's written text moved six weeks on (the old answer: "#2 … från tisdag 15 december kl. 20.00 till
  måndag 1 februari kl. 17.00", asking first) because 17.00 had passed when the hour was changed at 17.30:
  today's prompt keeps its time and goes out today, as written.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import SCHEDULER
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

world = stories.world


async def post(world: World, slot_id: int, *, late: timedelta = timedelta(seconds=1)) -> None:
    slot = next(s for s in world.slots() if s.id == slot_id)
    world.clock.now = slot.due_at + late
    await world.client.app[SCHEDULER].poster.post(slot_id)
    await world.settle()


async def test_in_swedish_the_hour_changes_after_todays_post_and_before_todays_next(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Vad vill vi med vården?")
    await post(world, first.id)

    world.clock.now = datetime(2026, 12, 1, 17, 30, tzinfo=UTC)  # 18.30, today's went out at 18.00
    answer = await world.say(MEGAN, "schema kl 20", channel=GENERAL)
    assert answer.startswith(
        "Inlägg publiceras i den här kanalen den 1 och den 15 varje månad kl. 20.00\n"
        f"#{second.id}  tisdag 15 december kl. 20.00 · Adele Vance\n"
    ), answer
    assert "1 december" not in answer, answer
    assert [s.id for s in world.slots() if s.due_at.date() == first.due_at.date()] == [first.id]

    await world.say(ADELE, f"write {second.id} Where should we build homes?", locale="en-US")
    world.clock.now = datetime(2026, 12, 15, 16, 30, tzinfo=UTC)  # 17.30: 17.00 has passed today
    answer = await world.say(LARS, "schema kl 17", channel=GENERAL)
    assert answer.startswith(
        "Inlägg publiceras i den här kanalen den 1 och den 15 varje månad kl. 17.00\n"
        f"#{second.id}  tisdag 15 december kl. 20.00 · Adele Vance\n"
    ), answer
    kept = f"#{second.id} behåller sin tid i dag, kl. 20.00: den nya tiden hade redan varit."
    assert kept in answer, answer
    coming = await world.say(LARS, "kommande")
    assert f"#{second.id}  tisdag 15 december kl. 20.00 · Adele Vance · texten klar" in coming, coming
    before = len(world.connector.posted)
    await post(world, second.id)
    [posted] = [
        stories.read(p.body) for p in world.connector.posted[before:] if p.conversation_id.startswith(GENERAL)
    ]
    assert "Where should we build homes?" in posted, posted


async def test_in_english_a_prompt_posted_early_keeps_its_day_and_turn(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    await post(world, first.id)
    await world.say(ADELE, f"write {second.id} Where should we build homes?", locale="en-US")
    await world.say(ADELE, f"post {second.id} yes", channel=GENERAL, locale="en-US")  # on 1 December
    await world.settle()

    world.clock.now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    answer = await world.say(ADELE, "schedule at 19", channel=GENERAL, locale="en-US")
    assert answer.startswith(
        "Prompts will be posted in this channel on the 1st and the 15th of each month at 19:00\n"
        f"#{third.id}  Friday 15 January at 19:00 · Lars Nilsson\n"
    ), answer
    assert "15 December" not in answer and "Adele Vance" not in answer, answer
    history = await world.say(ADELE, "history", locale="en-US")
    assert history.count("· posted ·") == 2, history
