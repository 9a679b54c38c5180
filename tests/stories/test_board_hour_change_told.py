"""An owner already reminded of their turn is told when only the hour of the schedule changes, through the
real server (the world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board;
Megan's Teams in Swedish, Adele's in English), the clock set to each day.

What the owner means to know: they were reminded "tisdag 1 december kl. 18.00" and plan around it; when a
colleague writes "schema kl 20" the turn stays theirs on the same day, at 20.00, and they hear so once, in
their own language, from whom. Owners not yet reminded hear it with their reminder; whoever changed it knows.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, LARS, MEGAN, World

world = stories.world
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=STOCKHOLM).astimezone(UTC)


async def test_megan_reminded_at_six_is_told_her_turn_is_now_at_eight(world: World) -> None:
    world.clock.now = at(11, 22, 10)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    assert first.owner_name == "Megan Bowen"
    assert await world.reminded(at(11, 28, 9)) == 1

    world.clock.now = at(11, 28, 12)
    before = len(world.connector.posted)
    await world.say(ADELE, "schedule at 20", channel=GENERAL, locale="en-US")
    await world.settle()
    assert world.notices(MEGAN, before) == [
        f"Adele Vance har ändrat tiden för inläggen i Allmänt: din tur #{first.id} är nu tisdag 1 december "
        "kl. 20.00 i stället för kl. 18.00."
    ]
    assert world.slot_at(1, 12, 20).owner_name == "Megan Bowen"
    assert [world.notices(who, before) for who in (ADELE, LARS, JONAS)] == [[], [], []]


async def test_in_english_adele_is_told_once_and_not_when_the_hour_stays(world: World) -> None:
    world.clock.now = at(11, 22, 10)
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    assert second.owner_name == "Adele Vance"
    assert await world.reminded(at(12, 12, 9)) == 1

    world.clock.now = at(12, 12, 12)
    before = len(world.connector.posted)
    await world.say(MEGAN, "schema kl 19.30", channel=GENERAL)
    await world.settle()
    assert world.notices(ADELE, before) == [
        f"Megan Bowen changed the time of the prompts in General: your turn #{second.id} is now Tuesday 15 "
        "December at 19:30, not 18:00."
    ]
    before = len(world.connector.posted)
    await world.say(MEGAN, "schema kl 19.30", channel=GENERAL)  # the same hour again: nothing to tell
    await world.settle()
    assert not [n for n in world.notices(ADELE, before) if "changed the time" in n]
