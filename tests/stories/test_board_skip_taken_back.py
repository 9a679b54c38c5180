"""A prompt skipped by mistake, taken back, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, Sunday 22 November
2026; Megan's Teams in Swedish, Adele's in English).

What the board means: Megan skips #1, where Adele had written the text for Megan's turn, then sees it was
the wrong one. "hoppa inte 1" / "ångra hoppa 1" / "don't skip 1" / "unskip 1" mean: post it after all, at
its time, with the text that is still kept on it and under the same owner (a skip moved nobody's turn).
The old answers sent her to the report withdrawal ("Styrelsen kan ändra alla rapporter …") or asked for the
number she had written; nothing could bring the post back. Its owner and writer, who were told it would not
be posted, are told it will be after all. A skip whose time has passed, or a prompt that is not skipped, is
answered so, not taken back.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import SCHEDULER
from bot.services.prompting import SlotStatus
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

world = stories.world


async def test_megan_takes_back_a_skip_and_the_text_goes_out_after_all(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(ADELE, f"write {first.id} What should the region do about healthcare?", locale="en-US")
    await world.say(MEGAN, f"hoppa {first.id} ja")
    await world.settle()  # Megan's and Adele's notices of the skip
    assert world.slot_at(1, 12, 18).status is SlotStatus.SKIPPED

    before = len(world.connector.posted)
    answer = await world.say(MEGAN, f"ångra hoppa {first.id}")
    assert answer == (
        f"#{first.id} hoppas inte längre över: det publiceras tisdag 1 december kl. 18.00. "
        "Texten av Adele Vance publiceras då."
    ), answer
    await world.settle()
    assert world.slot_at(1, 12, 18).status is SlotStatus.PLANNED
    assert world.slot_at(1, 12, 18).owner_name == "Megan Bowen"  # nobody's turn moved
    assert world.notices(ADELE, before) == [
        f"Megan Bowen took back the skip of #{first.id} (Tuesday 1 December at 18:00, General): it is posted "
        "at its time after all, with the text by Adele Vance: “What should the region do about healthcare?”"
    ]
    assert world.notices(MEGAN, before) == []  # who did it knows
    coming = await world.say(MEGAN, "kommande")
    assert f"#{first.id}  tisdag 1 december kl. 18.00 · Megan Bowen · texten klar" in coming, coming

    assert await world.say(MEGAN, f"hoppa inte {first.id}") == (
        f"#{first.id} är inte överhoppat; det publiceras på sin tid."
    )
    await world.say(LARS, f"hoppa {second.id}")
    world.clock.now = first.due_at + timedelta(seconds=1)  # at its time, as written
    before = len(world.connector.posted)
    await world.client.app[SCHEDULER].poster.post(first.id)
    await world.settle()
    [posted] = [
        stories.read(p.body) for p in world.connector.posted[before:] if p.conversation_id.startswith(GENERAL)
    ]
    assert posted.endswith("What should the region do about healthcare?\nSkrivet av Adele Vance"), posted
    # a skip whose time has passed stays as it was
    world.clock.now = datetime(2026, 12, 16, 9, 0, tzinfo=UTC)
    assert await world.say(LARS, f"hoppa inte över {second.id}") == (
        f"#{second.id} hoppades över, och dess tid har redan varit."
    )


async def test_in_english_adele_unskips_her_own_turn_with_nothing_written(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    assert second.owner_name == "Adele Vance"
    await world.say(ADELE, "skip my turn", locale="en-US")
    assert world.slot_at(15, 12, 18).status is SlotStatus.SKIPPED

    for words in (f"don't skip {second.id}", f"unskip #{second.id}"):
        answer = await world.say(ADELE, words, locale="en-US")
        if words.startswith("unskip"):  # the second time: already planned again
            assert answer == f"#{second.id} is not skipped; it is posted at its time.", answer
            continue
        assert answer == (
            f"#{second.id} is no longer skipped: it is posted Tuesday 15 December at 18:00. "
            f"No text is written yet: write {second.id} YOUR TEXT"
        ), answer
    assert world.slot_at(15, 12, 18).status is SlotStatus.PLANNED
    assert (await world.say(ADELE, "upcoming", locale="en-US")).count("Your next turn: #2,") == 1
