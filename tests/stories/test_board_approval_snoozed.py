"""A board member who snoozed reminders is not asked to approve a text, through the real server (the world
of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board; Megan's Teams in
Swedish, Adele's in English).

What a board member means by `påminn mig inte före 5/12` / `snooze until Dec 5`: no reminders to me before
then, whatever they remind me of. Asking the board to approve a text three days before its time (approval
on) is such a reminder: the others are asked, not the one who snoozed; when all who could approve it
snoozed, nobody is asked and its writer is told why, not that nobody can be reached. A text written after
the reminder days began is put to the board the same way.

When the snooze ends before the text's time and the text still waits, the one who snoozed is asked then,
once (they were never asked: the request was held back, not dropped); whoever was asked already is not
asked again, nor is the writer told again. A text approved in the meantime asks nobody.
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


async def test_lars_snoozed_so_jonas_and_adele_are_asked(world: World) -> None:
    world.clock.now = at(11, 22, 10)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Vad vill vi av regionen?")
    snoozed = await world.say(LARS, "påminn mig inte före 5/12")
    assert "5 dec" in snoozed, snoozed

    before = len(world.connector.posted)
    assert await world.reminded(at(11, 28, 9)) == 1
    assert world.notices(LARS, before) == []
    assert len(world.notices(JONAS, before)) == len(world.notices(ADELE, before)) == 1
    [told] = world.notices(MEGAN, before)
    assert "jag har bett resten av styrelsen att godkänna den" in told, told


async def test_in_english_everyone_else_snoozed_and_lars_is_told_so(world: World) -> None:
    world.clock.now = at(11, 22, 10)
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    await world.say(ADELE, "approval on", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    for who in (ADELE, MEGAN, JONAS):
        await world.say(who, "snooze until Dec 20", locale="en-US")
    await world.say(LARS, f"skriv {second.id} Hur bygger vi föreningen?")
    await world.settle()

    before = len(world.connector.posted)
    assert await world.reminded(at(12, 12, 10)) == 1
    assert [world.notices(who, before) for who in (ADELE, MEGAN, JONAS)] == [[], [], []]
    [told] = world.notices(LARS, before)
    assert told.startswith(
        f"Din text till #{second.id} (tisdag 15 december kl. 18.00, Allmänt, Adele Vances tur) är inte "
        "godkänd än, och resten av styrelsen har pausat sina påminnelser, så jag har inte bett någon att "
        "godkänna den."
    ), told

    # written after the reminder days began: put to the board at once, but not to those who snoozed
    world.clock.now = at(12, 13, 11)
    await world.say(ADELE, "snooze off", locale="en-US")
    before = len(world.connector.posted)
    await world.say(LARS, f"skriv {second.id} Hur bygger vi en starkare förening?")
    await world.settle()
    [asked] = world.notices(ADELE, before)
    assert asked.startswith(f"The text by Lars Nilsson for #{second.id} (Tuesday 15 December"), asked
    assert world.notices(MEGAN, before) == world.notices(JONAS, before) == []


async def test_lars_is_asked_once_his_snooze_ends(world: World) -> None:
    world.clock.now = at(11, 22, 10)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Vad vill vi av regionen?")
    snoozed = await world.say(LARS, "påminn mig inte före 30/11")
    assert "30 nov" in snoozed, snoozed

    assert await world.reminded(at(11, 28, 9)) == 1
    before = len(world.connector.posted)
    assert await world.reminded(at(11, 29, 9)) == 0  # still snoozed
    assert world.notices(LARS, before) == []
    assert await world.reminded(at(11, 30, 9)) == 1
    [asked] = world.notices(LARS, before)
    assert asked.startswith(f"Texten av Megan Bowen till #{first.id} (tisdag 1 december kl. 18.00"), asked
    assert [world.notices(who, before) for who in (JONAS, ADELE, MEGAN)] == [[], [], []]
    before = len(world.connector.posted)
    assert await world.reminded(at(12, 1, 9)) == 0  # once
    assert world.notices(LARS, before) == []


async def test_in_english_adele_is_asked_when_her_snooze_ends_unless_it_was_approved(world: World) -> None:
    world.clock.now = at(11, 22, 10)
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    await world.say(ADELE, "approval on", channel=GENERAL, locale="en-US")
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(ADELE, "snooze until Dec 13", locale="en-US")
    await world.say(LARS, f"skriv {first.id} Hur bygger vi föreningen?")
    await world.say(LARS, f"skriv {second.id} Vad ska vi prata om i jul?")
    await world.settle()

    before = len(world.connector.posted)
    assert await world.reminded(at(11, 28, 9)) == 1
    assert world.notices(ADELE, before) == []
    await world.say(MEGAN, f"godkänn {first.id}")
    assert await world.reminded(at(12, 12, 9)) == 1  # the second: Adele still snoozed
    assert world.notices(ADELE, before) == []
    before = len(world.connector.posted)
    assert await world.reminded(at(12, 13, 9)) == 1
    [asked] = world.notices(ADELE, before)
    assert asked.startswith(f"The text by Lars Nilsson for #{second.id} (Tuesday 15 December"), asked
    assert await world.reminded(at(12, 14, 9)) == 0


async def test_a_text_written_late_is_put_to_jonas_when_his_snooze_ends(world: World) -> None:
    world.clock.now = at(11, 22, 10)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    second = world.slot_at(15, 12, 18)
    await world.say(JONAS, "påminn mig inte före 14/12")
    await world.reminded(at(12, 12, 9))  # its owner is reminded to write it

    world.clock.now = at(12, 13, 11)
    before = len(world.connector.posted)
    await world.say(LARS, f"skriv {second.id} Hur bygger vi föreningen?")
    await world.settle()
    assert world.notices(JONAS, before) == []
    assert len(world.notices(MEGAN, before)) == 1
    assert len(world.notices(ADELE, before)) == 2  # her turn: told it was written for her, and asked
    before = len(world.connector.posted)
    assert await world.reminded(at(12, 14, 9)) == 1
    [asked] = world.notices(JONAS, before)
    assert asked.startswith(f"Texten av Lars Nilsson till #{second.id} (tisdag 15 december"), asked
    assert world.notices(ADELE, before) == world.notices(MEGAN, before) == []
    assert await world.reminded(at(12, 15, 9)) == 0
