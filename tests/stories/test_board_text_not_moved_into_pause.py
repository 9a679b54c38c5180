"""A schedule change that moves a written text, with a pause planned, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, Sunday 22 November 2026;
Megan's Teams in Swedish, Adele's in English).

What the board means by "schema 5 och 20" when the 1st, with a colleague's text, leaves the schedule: the
text goes out on the nearest new day, as the answer says. A day in a pause planned for early December is no
such day: the text would quietly not be posted (the pause holds it), while the question and the writer's
notice say it "moves". It goes to the nearest day outside the pause. The question names whose words they are
(the writer, whose name goes out with them) and whose turn.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.services.prompting import SlotStatus
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

world = stories.world
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def day_of(world: World, slot_id: int) -> tuple[str, SlotStatus]:
    [slot] = [s for s in world.slots() if s.id == slot_id]
    return slot.due_at.astimezone(STOCKHOLM).strftime("%d/%m %H:%M"), slot.status


async def test_lars_text_moves_past_the_pause_not_into_it(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(LARS, f"skriv {first.id} Hur når vi fler unga?")
    await world.say(MEGAN, "paus 2/12 10/12", channel=GENERAL)
    await world.settle()

    asked = await world.say(MEGAN, "schema 5 och 20 kl 18", channel=GENERAL)
    assert (
        f"#{first.id} (text av Lars Nilsson, Megan Bowens tur): från tisdag 1 december kl. 18.00 till "
        "söndag 20 december kl. 18.00"
    ) in asked, asked
    before = len(world.connector.posted)
    await world.say(MEGAN, "schema 5 och 20 kl 18 ja", channel=GENERAL)
    await world.settle()
    assert day_of(world, first.id) == ("20/12 18:00", SlotStatus.PLANNED)
    assert world.notices(LARS, before)[0] == (
        f"Megan Bowen ändrade schemat i Allmänt: #{first.id}, med texten av Lars Nilsson, flyttas från "
        "tisdag 1 december kl. 18.00 till söndag 20 december kl. 18.00."
    )


async def test_in_english_with_every_new_day_paused_the_text_is_kept_not_posted(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first = world.slot_at(1, 12, 18)
    await world.say(ADELE, f"write {first.id} Where should the region build homes?", locale="en-US")
    await world.say(ADELE, "pause 2026-12-02 2027-01-31", channel=GENERAL, locale="en-US")

    asked = await world.say(ADELE, "schedule 5 and 20 at 18", channel=GENERAL, locale="en-US")
    assert (
        f"#{first.id} (text by Adele Vance, Megan Bowen’s turn): no free day outside a pause within two "
        "months; the text is kept but not posted"
    ) in asked, asked
    assert "from Tuesday 1 December" not in asked
