"""Whose name goes on a post, through the real server and the real poster (the world of
tests/schedules/test_prompt_stories.py: Sunday 22 November 2026; `schema 1 och 15 kl 18` gives #1 on
1 December (Megan's turn) and #2 on 15 December (Adele's)).

Wrong answer before: a turn written by a colleague went out signed "Skrivet av Lars Nilsson för Adele
Vance", and the owner was told it would.

What the members reading the channel should see: the name of the person who wrote the words, and only
theirs. Whose turn it was is the rota's business (the board sees it in `kommande`, which names the writer
beside the owner). A turn with no text goes out from the bank, signed as the bank's, naming no board member.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.app import SCHEDULER
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World
from tests.stories.test_board_posted_told import channel_posts

world = stories.world


async def _posted(world: World, slot_id: int, due: object, before: int) -> str:
    world.clock.now = due + timedelta(seconds=1)  # type: ignore[operator]
    await world.client.app[SCHEDULER].poster.post(slot_id)
    for _ in range(1000):
        if posts := channel_posts(world, before):
            return posts[-1]
        await asyncio.sleep(0.01)
    raise AssertionError("nothing posted")


async def test_a_taken_turn_is_signed_by_its_writer_and_a_bank_post_by_the_bank(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(LARS, "jag tar Adeles tur")
    await world.say(LARS, "skriv min tur: Vad vill vi av regionen?")
    listed = await world.say(MEGAN, "kommande")
    assert f"#{second.id}  tisdag 15 december kl. 18.00 · Lars Nilsson · texten klar" in listed, listed

    bank = await _posted(world, first.id, first.due_at, len(world.connector.posted))
    assert bank.endswith("Ur inläggsbanken"), bank
    assert "Megan" not in bank, bank
    taken = await _posted(world, second.id, second.due_at, len(world.connector.posted))
    assert taken.endswith("Vad vill vi av regionen?\nSkrivet av Lars Nilsson"), taken
    assert "Adele" not in taken, taken


async def test_a_colleagues_text_for_a_turn_is_listed_and_signed_in_english(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first = world.slot_at(1, 12, 18)
    await world.say(ADELE, f"write {first.id} What do we want from the region?", locale="en-US")
    listed = await world.say(ADELE, "upcoming", locale="en-US")
    assert (
        f"#{first.id}  Tuesday 1 December at 18:00 · Megan Bowen · text ready · "
        "posted as written by Adele Vance"
    ) in listed, listed
    shown = await world.say(ADELE, f"preview {first.id}", locale="en-US")
    assert shown.endswith("What do we want from the region?\nWritten by Adele Vance"), shown
    post = await _posted(world, first.id, first.due_at, len(world.connector.posted))
    assert post.endswith("Skrivet av Adele Vance") and "Megan" not in post, post
