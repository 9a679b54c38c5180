"""A written text that waits for approval, days before its time, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board; Megan's Teams in Swedish,
Adele's in English).

What a board that turned approval on means: a colleague reads each text before it goes out under a board
member's name. A text nobody approved by its time is set aside and the bank's prompt goes out instead, so
the board has to know a text is waiting: three days before (as a turn's owner is reminded to write), the
board members who may approve it (all but its writer) are asked, with the lines that show and approve it,
and the writer is told it still waits. Once, and not for a text already approved; a text written after the
reminder days began is put to the board when it is written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.app import SCHEDULER
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, LARS, MEGAN, World

world = stories.world
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(month: int, day: int, hour: int) -> datetime:
    """An hour in Swedish time in December 2026, as UTC."""
    return datetime(2026, month, day, hour, tzinfo=STOCKHOLM).astimezone(UTC)


async def test_the_board_is_asked_to_approve_megans_text_and_lars_does(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Vad vill vi av regionen?")
    await world.say(LARS, f"skriv {second.id} Hur bygger vi föreningen?")
    await world.say(MEGAN, f"godkänn {second.id}")  # approved long before: nobody is asked about it

    assert await world.reminded(at(11, 27, 9)) == 0  # four days before
    before = len(world.connector.posted)
    assert await world.reminded(at(11, 28, 9)) == 1
    which_sv = f"#{first.id} (tisdag 1 december kl. 18.00, Allmänt, Megan Bowens tur)"
    asked_sv = (
        f"Texten av Megan Bowen till {which_sv} är inte godkänd än. Se den med: visa {first.id} och godkänn "
        f"den med: godkänn {first.id}. Är den inte godkänd i tid publiceras ett inlägg ur banken i stället."
    )
    assert world.notices(LARS, before) == world.notices(JONAS, before) == [asked_sv]
    assert world.notices(ADELE, before) == [
        f"The text by Megan Bowen for #{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s "
        f"turn) is not approved yet. See it with: preview {first.id}, and approve it with: approve "
        f"{first.id}. Unapproved at its time, a prompt from the bank is posted instead."
    ]
    assert world.notices(MEGAN, before) == [
        f"Din text till {which_sv} är inte godkänd än; jag har bett resten av styrelsen att godkänna den. Är "
        "den inte godkänd i tid publiceras ett inlägg ur banken i stället, och du får tillbaka din text."
    ]
    assert await world.reminded(at(11, 29, 9)) == 0  # once
    assert (await world.say(LARS, f"visa {first.id}")).startswith(
        "Diskussionsinlägg\nVad vill vi av regionen?"
    )
    assert (await world.say(LARS, f"godkänn {first.id}")).startswith(f"#{first.id}")

    world.clock.now = first.due_at
    await world.client.app[SCHEDULER].poster.post(first.id)
    [posted] = world.connector.created
    assert "Vad vill vi av regionen?" in str(posted) and "Skrivet av Megan Bowen" in str(posted)
    assert await world.reminded(at(12, 12, 9)) == 0  # the 15th's text was approved


async def test_in_english_adele_is_asked_to_approve_the_text_lars_wrote_for_her_turn(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    await world.say(ADELE, "approval on", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    assert second.owner_name == "Adele Vance"
    await world.say(LARS, f"skriv {second.id} Hur bygger vi föreningen?")
    await world.settle()  # Adele is told Lars wrote her turn's text

    before = len(world.connector.posted)
    assert await world.reminded(at(12, 12, 10)) == 1
    [asked] = world.notices(ADELE, before)
    assert asked == (
        f"The text by Lars Nilsson for #{second.id} (Tuesday 15 December at 18:00, General, Adele Vance’s "
        f"turn) is not approved yet. See it with: preview {second.id}, and approve it with: approve "
        f"{second.id}. Unapproved at its time, a prompt from the bank is posted instead."
    )
    [told] = world.notices(LARS, before)
    assert told.startswith(
        f"Din text till #{second.id} (tisdag 15 december kl. 18.00, Allmänt, Adele Vances tur) är inte"
    ), told
    approved = await world.say(ADELE, f"approve {second.id}", locale="en-US")
    assert approved.startswith(f"#{second.id}"), approved
    assert world.slot_at(15, 12, 18).approved_by is not None


async def test_a_text_written_after_the_reminder_is_put_to_the_board_at_once(world: World) -> None:
    """Megan is reminded on Saturday to write her Tuesday prompt and writes it on Sunday: the board is asked
    then, not never (the reminder days had begun)."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    assert await world.reminded(at(11, 28, 9)) == 1  # "Din tur: ... and another board member approves it"
    world.clock.now = at(11, 29, 11)
    before = len(world.connector.posted)
    await world.say(MEGAN, f"skriv {first.id} Vad vill vi av regionen?")
    await world.settle()
    [asked] = world.notices(ADELE, before)
    assert asked.startswith(
        f"The text by Megan Bowen for #{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn) "
        "is not approved yet."
    ), asked
    assert len(world.notices(LARS, before)) == 1
    assert world.notices(MEGAN, before) == []  # the answer to her command says another approves it
