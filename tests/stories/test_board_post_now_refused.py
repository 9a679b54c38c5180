"""`posta nu` when Teams will not take the post just now, through the real server (the world of
tests/schedules/test_prompt_stories.py; the fake Bot Connector answers 429 or 503 to new threads).

What a board member means by `posta nu`: post it now if you can. If Teams is busy (429) or down (503)
and the post certainly did not reach the channel, the answer says so and what happens next: the prompt
stays planned for its day, with its text, and is posted then, once. It is not marked as failed for good,
nor does it vanish from `kommande`, nor is the whole board alarmed about a post that is still to come.
"""

from __future__ import annotations

from datetime import timedelta

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, SCHEDULER, World

world = stories.world


async def test_teams_busy_keeps_the_prompt_planned_and_it_is_posted_once_at_its_time(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Vad ska vi kräva av regionen?")
    world.connector.failing_path = "/v3/conversations"
    world.connector.failures.extend([(429, {"Retry-After": "0"})] * 12)
    before = len(world.connector.posted)
    assert await world.say(MEGAN, f"posta {first.id} ja", channel=GENERAL) == f"Publicerar #{first.id} …"
    await world.settle()
    told = [stories.read(p.body) for p in world.connector.posted[before:]]
    assert told[-1] == (
        f"#{first.id} publicerades inte: Teams tog inte emot det just nu. Inlägget är fortfarande planerat "
        f"till tisdag 1 december kl. 18.00; vill du försöka igen senare skriver du: posta {first.id}"
    ), told
    assert world.notices(LARS, before) == world.notices(ADELE, before) == []  # nothing for the board
    assert world.connector.created == []
    coming = await world.say(MEGAN, "kommande")
    assert f"#{first.id}  tisdag 1 december kl. 18.00 · Megan Bowen · texten klar" in coming, coming

    world.connector.failures.clear()
    world.clock.now = first.due_at + timedelta(seconds=1)
    await world.client.app[SCHEDULER].poster.post(first.id)
    await world.client.app[SCHEDULER].poster.post(first.id)  # a second timer or process: nothing more
    [posted] = world.connector.created
    assert "Vad ska vi kräva av regionen?" in str(posted), posted
    history = await world.say(MEGAN, "historik")
    assert f"#{first.id}  tisdag 1 december kl. 18.00 · publicerat · Megan Bowens text" in history, history


async def test_in_english_a_teams_outage_then_post_now_again_posts_it_once(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first = world.slot_at(1, 12, 18)
    poster = world.client.app[SCHEDULER].poster
    poster.retry_later = timedelta(milliseconds=1)
    world.connector.failing_path = "/v3/conversations"
    # A server error each time it is tried again (a 503 is the same, after the notifier's own backoff).
    world.connector.failures.extend([(500, {})] * 10)
    before = len(world.connector.posted)
    await world.say(ADELE, f"post {first.id} yes", channel=GENERAL, locale="en-US")
    await world.settle()
    told = [stories.read(p.body) for p in world.connector.posted[before:]]
    assert told[-1] == (
        f"#{first.id} was not posted: Teams did not take it just now. "
        f"It stays planned for Tuesday 1 December at 18:00; to try again later: post {first.id}"
    ), told
    world.connector.failures.clear()
    await world.say(ADELE, f"post {first.id} yes", channel=GENERAL, locale="en-US")
    await world.settle()
    assert len(world.connector.created) == 1
    assert world.slot_at(1, 12, 18).status.value == "posted"
