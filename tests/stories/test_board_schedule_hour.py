"""Changing only the hour of the channel's schedule, as a board member writes it, through the real server
(the world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board).

What the board means: "schema kl 20" or the same rule again with another hour ("varannan tisdag kl 20"
after "varannan tisdag kl 19") moves the coming prompts to the new hour on the same days: the same
numbers, owners and texts, and for every other week the same weeks, on whichever day of the week it is
typed. Only a time, in a channel that has no schedule yet, asks for the days.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.services.prompting import SlotStatus
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, CHAIRS, GENERAL, LARS, MEGAN, World

# The note a skip that leaves its month short of the plan's two prompts ends with.
SHORT_SV = "Obs! Planen kräver inlägg minst två gånger i månaden, och när det här hoppas över får kanalen "

world = stories.world


def coming(world: World) -> list[tuple[int, str, str | None, str | None]]:
    """Each coming planned prompt: number, its day and time in Stockholm, owner, text."""
    zone = ZoneInfo("Europe/Stockholm")
    return [
        (s.id, s.due_at.astimezone(zone).strftime("%d/%m %H:%M"), s.owner_name, s.text)
        for s in world.slots()
        if s.due_at > world.clock.now and s.status is SlotStatus.PLANNED
    ]


async def test_every_other_tuesday_at_a_new_hour_keeps_its_weeks_numbers_and_texts(world: World) -> None:
    """Megan sets "varannan tisdag kl 19" on Sunday 22 November; Lars writes his text. On Wednesday 25
    November (an off week) she retypes the rule at 20, then writes only "schema kl 20.30": every coming
    prompt stays on its Tuesday (8 and 22 December, ...), with its number, owner and text."""
    await world.say(MEGAN, "schema varannan tisdag kl 19", channel=GENERAL)
    lars = world.slot_at(22, 12, 19)
    assert lars.owner_name == "Lars Nilsson"
    await world.say(LARS, f"skriv {lars.id} Hur når vi fler unga?")
    world.clock.now = world.slot_at(24, 11, 19).due_at + timedelta(hours=20)  # Wednesday 25 November
    before = coming(world)

    answer = await world.say(MEGAN, "schema varannan tisdag kl 20", channel=GENERAL)
    assert answer.startswith("Inlägg publiceras i den här kanalen varannan tisdag kl. 20.00"), answer
    assert f"#{lars.id}  tisdag 22 december kl. 20.00 · Lars Nilsson" in answer, answer
    assert "Av de kommande inläggen: 4 behåller sin dag.\n" in answer, answer
    assert [(n, when[:5], owner, text) for n, when, owner, text in coming(world)] == [
        (n, when[:5], owner, text) for n, when, owner, text in before
    ]

    answer = await world.say(MEGAN, "schema kl 20.30", channel=GENERAL)
    assert answer.startswith("Inlägg publiceras i den här kanalen varannan tisdag kl. 20.30"), answer
    after = coming(world)
    assert [(n, when[:5], owner, text) for n, when, owner, text in after] == [
        (n, when[:5], owner, text) for n, when, owner, text in before
    ]
    assert {when[6:] for _, when, _, _ in after} == {"20:30"}


async def test_every_other_thursday_at_another_hour_in_english(world: World) -> None:
    """Adele sets "every other Thursday at 7pm" and, a week later, "schedule at 8pm": the same
    Thursdays, numbers and owners; her text stays hers. In a channel without a schedule, "schedule at 8pm"
    asks for the days."""
    await world.say(ADELE, "schedule every other Thursday at 7pm", channel=GENERAL, locale="en-US")
    adeles = world.slot_at(10, 12, 19)
    assert adeles.owner_name == "Adele Vance"
    await world.say(ADELE, f"write {adeles.id} What should the region do about buses?", locale="en-US")
    world.clock.now += timedelta(days=7)  # Sunday 29 November, the week between
    before = coming(world)

    answer = await world.say(ADELE, "schedule at 8pm", channel=GENERAL, locale="en-US")
    assert answer.startswith("Prompts will be posted in this channel every other Thursday at 20:00"), answer
    assert f"#{adeles.id}  Thursday 10 December at 20:00 · Adele Vance" in answer, answer
    assert "Of the upcoming prompts: 3 keep their day.\n" in answer, answer
    after = coming(world)
    assert [(n, when[:5], owner, text) for n, when, owner, text in after] == [
        (n, when[:5], owner, text) for n, when, owner, text in before
    ]

    answer = await world.say(ADELE, "schedule at 8pm", channel=CHAIRS, locale="en-US")
    assert answer.startswith("Say which days of the month."), answer
    answer = await world.say(MEGAN, "schema kl 20", channel=CHAIRS)
    assert answer.startswith("Skriv vilka dagar i månaden."), answer


def on_day(world: World, day: int, month: int) -> list[tuple[int, SlotStatus]]:
    """The coming prompts on this day (Stockholm), each number and status."""
    zone = ZoneInfo("Europe/Stockholm")
    return [
        (s.id, s.status)
        for s in world.slots()
        if (s.due_at.astimezone(zone).day, s.due_at.astimezone(zone).month) == (day, month)
        and s.status in (SlotStatus.PLANNED, SlotStatus.SKIPPED, SlotStatus.PAUSED)
    ]


async def test_a_skipped_prompt_stays_skipped_when_the_hour_changes(world: World) -> None:
    """Megan skips 1 December ("hoppa": nothing is posted then); changing the hour keeps that day
    skipped, rather than laying out a new prompt on it."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    assert await world.say(MEGAN, f"hoppa {first.id}") == (
        f"#{first.id} hoppas över; inget publiceras då. "
        f"Vill du publicera det ändå: hoppa inte {first.id}.\n{SHORT_SV}1 inlägg i december 2026."
    )
    await world.say(MEGAN, "schema kl 19", channel=GENERAL)
    assert on_day(world, 1, 12) == [(first.id, SlotStatus.SKIPPED)]
    listed = await world.say(MEGAN, "kommande")
    assert f"#{first.id}  tisdag 1 december kl. 19.00 · Megan Bowen · överhoppat" in listed, listed


async def test_a_skipped_prompt_stays_skipped_when_a_day_is_added_in_english(world: World) -> None:
    """Adele skips 15 December; adding the 8th to the rule keeps the 15th skipped, and no written text
    moves onto it."""
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    fifteenth = world.slot_at(15, 12, 18)
    await world.say(ADELE, f"skip {fifteenth.id}", locale="en-US")
    await world.say(ADELE, "schedule 1, 8 and 15 at 18", channel=GENERAL, locale="en-US")
    assert on_day(world, 15, 12) == [(fifteenth.id, SlotStatus.SKIPPED)]
    january = world.slot_at(15, 1, 18)
    await world.say(LARS, f"skriv {january.id} Hur bygger vi föreningen?")
    answer = await world.say(ADELE, "schedule 1 and 15 at 18 yes", channel=GENERAL, locale="en-US")
    assert on_day(world, 15, 12) == [(fifteenth.id, SlotStatus.SKIPPED)], answer
    assert world.slot_at(15, 1, 18).text == "Hur bygger vi föreningen?"
