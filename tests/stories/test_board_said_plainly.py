"""What board members write about their turns in their own words, through the real server (the world of
tests/schedules/test_prompt_stories.py; Sunday 22 November 2026, Megan's Teams in Swedish, Adele's in
English).

What they mean:
- "vem skriver nästa?", "who's writing next?", "who's turn is it?" (sic): the coming prompts and whose turn
  each is, with the asker's own next turn.
- "jag kan inte nästa vecka", "I can't do next week": they cannot take a turn; the coming prompts, their own
  next turn and how to swap, give or skip it.
- "flytta inlägget till torsdag", "move the next post to Thursday": one prompt's day cannot change on its
  own (its day is the schedule's); the answer says what does, with numbers that work.
- "hoppa över julen", "skip christmas": a period, not a prompt; the answer says to pause it.
- "posta nu tack", "post now please", "byt 1 2 tack": the thanks changes nothing.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

# The note a skip that leaves its month short of the plan's two prompts ends with.
SHORT_EN = "Note: the plan asks for prompts at least twice a month; with this one skipped this channel gets "

world = stories.world


async def test_asking_whose_turn_or_saying_one_cannot_take_it_shows_the_turns(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    adeles, lars = world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    for asked in (
        "who's writing next?",
        "Who's turn is it?",
        "I can't do next week",
        "i cant make it next time",
    ):
        answer = await world.say(ADELE, asked, locale="en-US")
        assert answer.startswith("Upcoming discussion prompts\n"), (asked, answer)
        assert f"Your next turn: #{adeles.id}, Tuesday 15 December at 18:00.\n" in answer, (asked, answer)
    for asked in ("jag kan inte nästa vecka", "Jag hinner inte skriva nästa gång", "jag kan inte på fredag"):
        answer = await world.say(LARS, asked)
        assert answer.startswith("Kommande diskussionsinlägg\n"), (asked, answer)
        assert f"Din nästa tur: #{lars.id}, fredag 15 januari kl. 18.00.\n" in answer, (asked, answer)


async def test_moving_one_prompt_says_what_moves_it(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    assert await world.say(MEGAN, "flytta inlägget till torsdag", channel=GENERAL) == (
        "Ett enskilt inlägg kan inte flyttas till en annan dag; dagarna följer schemat. Vill du att någon "
        f"annan tar det byter du: byt {first.id} {second.id}; ska det inte publiceras: hoppa {first.id}. "
        "Vill du ändra dagarna för alla skriver du i kanalen: schema (t.ex. schema första och tredje "
        "torsdagen kl 19)."
    )
    assert await world.say(ADELE, "move the next post to Thursday", locale="en-US") == (
        "A single prompt cannot move to another day; the days follow the schedule. To let someone else take "
        f"it, swap it: swap {first.id} {second.id}; not to post it: skip {first.id}. To change the days of "
        "them all, write in the channel: schedule (e.g. schedule first and third Thursday at 19)."
    )
    named = await world.say(MEGAN, f"flytta {second.id} till torsdag", channel=GENERAL)
    assert f"byt {second.id} {first.id}; ska det inte publiceras: hoppa {second.id}." in named, named
    changed = await world.say(
        ADELE, "schedule first and third Thursday at 19", channel=GENERAL, locale="en-US"
    )
    assert changed.startswith("Prompts will be posted in this channel on the first and the third Thursday"), (
        changed
    )


async def test_skipping_a_season_is_told_to_pause_it(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    assert await world.say(MEGAN, "hoppa över julen", channel=GENERAL) == (
        f"Skriv inläggets nummer som kommande visar det, t.ex. {first.id}. Vill du hoppa över en period, som "
        "julen, pausar du den: paus 20/12 6/1"
    )
    assert await world.say(ADELE, "skip christmas", channel=GENERAL, locale="en-US") == (
        f"Write the prompt's number as upcoming shows it, e.g. {first.id}. To skip a period, such as "
        "Christmas, pause it: pause 20/12 6/1"
    )
    paused = await world.say(MEGAN, "paus 20/12 6/1", channel=GENERAL)
    assert paused.startswith("Paus 20 dec. 2026–6 jan. 2027"), paused


async def test_thanks_after_a_command_changes_nothing(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    asked = await world.say(MEGAN, "hej! posta nu tack", channel=GENERAL)
    assert asked.endswith(f"Vill du ändå publicera det nu skriver du: posta {first.id} ja"), asked
    asked = await world.say(ADELE, "post now please", channel=GENERAL, locale="en-US")
    assert asked.endswith(f"To post it now anyway: post {first.id} yes"), asked
    assert await world.say(LARS, f"byt {first.id} {second.id} tack") == (
        f"Bytt: #{first.id} är nu Adele Vances tur och #{second.id} Megan Bowens."
    )
    assert await world.say(ADELE, f"skip {second.id} please", locale="en-US") == (
        f"#{second.id} is skipped; nothing will be posted then. "
        f"To post it after all: unskip {second.id}.\n{SHORT_EN}1 prompt in December 2026."
    )


async def test_writing_and_seeing_ones_own_turn_by_saying_so(world: World) -> None:
    """ "skriv min tur: TEXT", "write my turn: TEXT", "visa min tur": the writer's own next turn, as "hoppa
    min tur" and "ge min tur" already read it; "pausa" is said as often as "paus"."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    adeles, lars = world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    assert await world.say(LARS, "skriv min tur Vad vill vi med kollektivtrafiken?") == (
        f"Texten till #{lars.id} är sparad; inlägget publiceras på sin tid."
    )
    assert await world.say(ADELE, "write my next turn: How do we reach young voters?", locale="en-US") == (
        f"Saved the text for #{adeles.id}; it will be posted at its time."
    )
    seen = await world.say(LARS, "visa min tur")
    assert "Vad vill vi med kollektivtrafiken?" in seen and "Skrivet av Lars Nilsson" in seen, seen
    assert world.slot_at(15, 1, 18).text == "Vad vill vi med kollektivtrafiken?"
    paused = await world.say(MEGAN, "pausa 15 juni - 15 augusti", channel=GENERAL)
    assert paused.startswith("Paus 15 juni–15 aug. 2027: inget av de inlägg"), paused
