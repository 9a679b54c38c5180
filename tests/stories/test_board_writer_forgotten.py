"""A board member who asks to be forgotten (`glöm mig`), and the prompts they had to do with, through the
real server (the world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the
board; Megan's Teams in Swedish, Adele's in English).

What the board means: her texts for prompts not yet posted go with her (they are hers alone), but nobody is
left thinking a prompt is taken care of when it is not. The owner of a turn she wrote for is told the text
was withdrawn and asked for a new one, without her name (she asked to be forgotten); her own coming turns
go to others in the rota, who are told, also without her name (a turn of hers a colleague already wrote the
text for becomes that colleague's: it is posted under their name); a text she approved is no longer
approved, and its owner and writer are told how to have it approved again. A post already made stays,
without her name: the history calls it the board's.
"""

from __future__ import annotations

from datetime import timedelta

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, LARS, MEGAN, SCHEDULER, World

world = stories.world


async def test_adele_is_forgotten_and_the_board_is_told_what_is_left_to_do(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    owners = (first.owner_name, second.owner_name, third.owner_name)
    assert owners == ("Megan Bowen", "Adele Vance", "Lars Nilsson")
    await world.say(ADELE, f"write {first.id} What do we want from the region?", locale="en-US")
    await world.say(LARS, f"skriv {third.id} Vad vill vi med vården?")
    await world.say(ADELE, f"approve {third.id}", locale="en-US")
    before = len(world.connector.posted)

    done = await world.say(ADELE, "forget me confirm", locale="en-US")
    assert "1 prompt slot you owned (those to come go to others in the rota)" in done, done
    await world.settle()
    assert world.notices(MEGAN, before) == [
        f"Texten som skrevs till ditt inlägg #{first.id} (tisdag 1 december kl. 18.00, Allmänt) har dragits "
        "tillbaka av den som skrev den och publiceras inte. "
        f"Skriv en ny text här: skriv {first.id} DIN TEXT; annars publiceras ett inlägg ur banken."
    ]
    assert world.notices(JONAS, before) == [
        "Ett diskussionsinlägg är nu ditt, eftersom den som hade det har lämnat styrelsen:\n"
        f"#{second.id} tisdag 15 december kl. 18.00 i Allmänt\n"
        f"Skriv en text här: skriv {second.id} DIN TEXT"
    ]
    assert world.notices(LARS, before) == [
        f"Texten till #{third.id} (fredag 15 januari kl. 18.00, Allmänt) är inte längre godkänd: jag känner "
        "inte längre till den styrelseledamot som godkände den. En annan styrelseledamot godkänner den med: "
        f"godkänn {third.id}; är den inte godkänd när det är dags publiceras ett inlägg ur banken i stället."
    ]
    coming = await world.say(MEGAN, "kommande")
    assert f"#{second.id}  tisdag 15 december kl. 18.00 · Jonas · ingen text än" in coming, coming
    assert "Adele" not in coming


async def test_in_english_a_post_already_made_stays_without_her_name(world: World) -> None:
    """Adele wrote Megan's turn, posted; Lars wrote the text for her own turn on 15 December. Forgotten,
    the history shows the post as the board's, and her turn goes to Lars, whose text it is."""
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first = world.slot_at(1, 12, 18)
    await world.say(ADELE, f"write {first.id} Where should we build homes?", locale="en-US")
    world.clock.now = first.due_at + timedelta(seconds=1)
    await world.client.app[SCHEDULER].poster.post(first.id)
    second = world.slot_at(15, 12, 18)
    assert second.owner_name == "Adele Vance"
    await world.say(LARS, f"skriv {second.id} Hur bygger vi föreningen?")
    before = len(world.connector.posted)
    await world.say(ADELE, "forget me confirm", locale="en-US")
    await world.settle()
    [told] = world.notices(LARS, before)
    assert told == (
        "Ett diskussionsinlägg är nu ditt, eftersom den som hade det har lämnat styrelsen:\n"
        f"#{second.id} tisdag 15 december kl. 18.00 i Allmänt "
        "(du skrev texten, som publiceras under ditt namn)"
    ), told
    assert (await world.say(MEGAN, f"visa {second.id}")).endswith("\nSkrivet av Lars Nilsson")
    history = await world.say(MEGAN, "history", channel=GENERAL, locale="en-US")
    assert f"#{first.id}  Tuesday 1 December at 18:00 · posted · the board’s text" in history, history
