"""A prompt posted late after a restart is said to be late, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board; Megan's Teams in
Swedish, Adele's in English).

What the board and a turn's owner mean by "#1 kl. 18" is that the prompt goes out at six. When the bot was
down and posts it at eight, they see it in the channel and wonder; a skipped one is told, and so is a late
one: which prompt, that the bot was not running, and when it went out. A post at its time tells nobody.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, LARS, MEGAN, SCHEDULER, Who, World

world = stories.world


async def told_late(world: World, who: Who, since: int) -> list[str]:
    """The notices to `who` since `since` that a post went out late (waiting for the background to send
    them: the recovery and PromptPoster.keep_up may race for the post, and either sends them)."""
    for _ in range(500):
        await world.settle()
        found = [n for n in world.notices(who, since) if "late" in n or "i efterhand" in n]
        if found:
            return found
        await asyncio.sleep(0.01)
    return []


async def test_a_late_post_after_a_restart_is_told_to_its_owner_and_the_board(world: World) -> None:
    world.clock.now = stories.START
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    assert first.owner_name == "Megan Bowen"
    await world.say(MEGAN, f"skriv {first.id} Vad vill vi av regionen?")
    await world.settle()
    before = len(world.connector.posted)
    world.clock.now = first.due_at + timedelta(hours=2)  # the bot was down at six
    await world.client.app[SCHEDULER].poster.recover()
    assert await told_late(world, MEGAN, before) == [
        f"#{first.id} (tisdag 1 december kl. 18.00, Allmänt, Megan Bowens tur) publicerades i efterhand, "
        "tisdag 1 december kl. 20.00: jag var inte igång när det skulle publiceras."
    ]
    assert await told_late(world, ADELE, before) == [
        f"#{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn) was posted late, "
        "Tuesday 1 December at 20:00: I was not running when it was due."
    ]
    assert len(await told_late(world, LARS, before)) == 1


async def test_in_english_a_post_at_its_time_is_not_called_late(world: World) -> None:
    world.clock.now = stories.START
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first = world.slot_at(1, 12, 18)
    before = len(world.connector.posted)
    world.clock.now = first.due_at + timedelta(seconds=1)
    await world.client.app[SCHEDULER].poster.post(first.id)
    await world.settle()
    for who in (MEGAN, ADELE, LARS, JONAS):
        assert not [n for n in world.notices(who, before) if "late" in n or "i efterhand" in n]


def refused_for_a_while(world: World, times: int, *, each: timedelta) -> None:
    """Teams answers the next `times` new threads with a server error; the bot waits `each` before trying
    again (the clock moves on by that much for each refusal)."""
    poster = world.client.app[SCHEDULER].poster
    poster.retry_later = timedelta(milliseconds=1)
    world.connector.failing_path = "/v3/conversations"
    world.connector.failures.extend([(500, {})] * times)

    def wait() -> None:
        world.clock.now += each

    world.connector.after_failure = wait


async def test_a_post_teams_took_only_when_tried_again_is_told_late_with_its_time(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(LARS, f"skriv {first.id} Vad vill vi av regionen?")
    await world.settle()
    before = len(world.connector.posted)
    world.clock.now = first.due_at
    refused_for_a_while(world, 3, each=timedelta(minutes=10))
    await world.client.app[SCHEDULER].poster.post(first.id)
    assert len(world.connector.created) == 1
    assert await told_late(world, MEGAN, before) == [
        f"#{first.id} (tisdag 1 december kl. 18.00, Allmänt, Megan Bowens tur) publicerades i efterhand, "
        "tisdag 1 december kl. 18.30: Teams tog inte emot det först, så jag försökte igen."
    ]
    assert await told_late(world, ADELE, before) == [
        f"#{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn) was posted late, "
        "Tuesday 1 December at 18:30: Teams did not take it at first, so I tried again."
    ]
    assert len(await told_late(world, LARS, before)) == 1  # the writer too


async def test_in_english_after_a_restart_the_time_told_is_when_teams_took_it(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first = world.slot_at(1, 12, 18)
    await world.settle()
    before = len(world.connector.posted)
    world.clock.now = first.due_at + timedelta(hours=2)  # the bot was down at six
    refused_for_a_while(world, 2, each=timedelta(minutes=5))
    await world.client.app[SCHEDULER].poster.recover()
    assert await told_late(world, ADELE, before) == [
        f"#{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn) was posted late, "
        "Tuesday 1 December at 20:10: I was not running when it was due."
    ]
