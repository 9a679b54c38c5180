"""When the owner of a prompt is reminded of their turn, in Swedish time, through the real server (the
world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board; Megan's Teams
in Swedish, Adele's in English).

What a board member means by "reminded three days before": the morning three days before on the calendar
(the Saturday before a Tuesday prompt), whatever hour the prompt is at and also over the nights the clocks
change; never in the night, even when the bot was restarted then. Where texts need approval, the reminder
says so, since writing it is then not enough.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.app import COMPONENTS
from bot.services.prompting import PromptSlot
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(year: int, month: int, day: int, hour: int) -> datetime:
    """An hour in Swedish time, as UTC."""
    return datetime(year, month, day, hour, tzinfo=STOCKHOLM).astimezone(UTC)


def due(world: World, when: datetime) -> PromptSlot:
    """The prompt due at `when`."""
    slots = world.client.app[COMPONENTS].prompts.slots(after=when - timedelta(days=1), limit=5)
    [slot] = [s for s in slots if s.due_at == when]
    return slot


async def test_megan_is_reminded_the_saturday_morning_before_her_tuesday_and_never_at_night(
    world: World,
) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)  # Tuesday 1 December, Megan's
    assert await world.reminded(at(2026, 11, 27, 9)) == 0  # Friday: four days before
    assert await world.reminded(at(2026, 11, 28, 3)) == 0  # a restart in the night wakes nobody
    before = len(world.connector.posted)
    assert await world.reminded(at(2026, 11, 28, 9)) == 1  # Saturday morning: three days before
    assert world.notices(MEGAN, before) == [
        f"Din tur: diskussionsinlägg #{first.id} publiceras tisdag 1 december kl. 18.00 i Allmänt. "
        f"Skriv texten här: skriv {first.id} DIN TEXT. Annars publicerar jag ett inlägg ur banken."
    ]


async def test_the_night_summer_time_ends_the_reminder_still_comes_three_days_before(world: World) -> None:
    """Sunday 25 October 2026 has 25 hours: Megan's prompt on Wednesday 28 October at 18 is reminded that
    morning at nine, Swedish (winter) time."""
    world.clock.now = at(2026, 10, 15, 10)
    await world.say(MEGAN, "schema 28 kl 18", channel=GENERAL)
    october = due(world, at(2026, 10, 28, 18))
    assert october.owner_name == "Megan Bowen"
    assert await world.reminded(at(2026, 10, 24, 9)) == 0
    before = len(world.connector.posted)
    assert await world.reminded(at(2026, 10, 25, 9)) == 1
    [notice] = world.notices(MEGAN, before)
    assert notice.startswith(
        f"Din tur: diskussionsinlägg #{october.id} publiceras onsdag 28 oktober kl. 18.00"
    )


async def test_adele_is_reminded_in_english_after_easter_that_her_text_needs_approval(world: World) -> None:
    """Summer time begins on Easter Sunday, 28 March 2027. Adele's prompt on Wednesday 31 March waits
    for its reminder until Tuesday morning (no reminders on Easter Sunday and Monday), in English, saying
    another board member approves the text."""
    world.clock.now = at(2027, 3, 20, 10)
    await world.say(ADELE, "schedule 31 at 18", channel=GENERAL, locale="en-US")
    await world.say(ADELE, "approval on", channel=GENERAL, locale="en-US")
    march = due(world, at(2027, 3, 31, 18))
    await world.say(ADELE, f"give {march.id} @Adele Vance", mentions=(ADELE,), locale="en-US")
    for day in (27, 28, 29):
        assert await world.reminded(at(2027, 3, day, 9)) == 0, day
    before = len(world.connector.posted)
    assert await world.reminded(at(2027, 3, 30, 9)) == 1
    assert world.notices(ADELE, before) == [
        f"Your turn: the discussion prompt #{march.id} is posted Wednesday 31 March at 18:00 in General. "
        f"Write it here with: write {march.id} YOUR TEXT, and another board member approves it. "
        "Without an approved text by then, I will post one from the bank."
    ]
