"""Someone writing another's turn, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan's Teams in Swedish, Adele's in English).

What the board means: a turn is its owner's, and the post a colleague writes for it goes out as "Skrivet
av Adele Vance", her name only (whose turn it was is the rota's business; "… för Megan Bowen" would put
Megan's name under words she did not write): the owner must know, or they write it too (and send the
colleague's back). So the owner is told once, in their language, with how to see it; the writer's answer
says it goes out under their name only, and that the owner is told.
Rewriting one's own text for them tells nobody again; replacing the owner's own text sends it back to the
owner (one notice, not two).
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

world = stories.world


async def test_adele_writes_megans_turn_and_megan_is_told(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    before = len(world.connector.posted)
    answer = await world.say(ADELE, f"write {first.id} What do we want from the region?", locale="en-US")
    assert answer == (
        f"Saved the text for #{first.id}; it will be posted at its time. "
        "It is posted under your name only; Megan Bowen, whose turn it is, is told."
    ), answer
    await world.settle()
    assert world.notices(MEGAN, before) == [
        f"Adele Vance har skrivit texten till ditt inlägg #{first.id} "
        "(tisdag 1 december kl. 18.00, Allmänt); "
        f"det publiceras som ”Skrivet av Adele Vance”, bara under hens namn. Se det med: visa {first.id}"
    ]
    assert "Skrivet av Adele Vance" in await world.say(MEGAN, f"visa {first.id}")

    before = len(world.connector.posted)
    await world.say(ADELE, f"write {first.id} What do we want from the region in 2027?", locale="en-US")
    await world.settle()
    assert world.notices(MEGAN, before) == []  # she knows already


async def test_lars_replaces_adeles_own_text_and_she_gets_one_notice(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    assert second.owner_name == "Adele Vance"
    await world.say(ADELE, f"write {second.id} Where should we build homes?", locale="en-US")
    before = len(world.connector.posted)
    answer = await world.say(LARS, f"skriv {second.id} Var ska kommunen bygga?")
    assert answer == (
        f"Texten till #{second.id} är sparad; inlägget publiceras på sin tid. "
        "Den ersätter texten av Adele Vance, som har fått sin text skickad till sig."
    ), answer
    await world.settle()
    [told] = world.notices(ADELE, before)
    assert (
        told.startswith(f"Lars Nilsson wrote a new text for #{second.id}") and "Where should we build" in told
    )


async def test_with_approval_the_command_ends_the_answer(world: World) -> None:
    """The approval hint came before "It is posted under your name …", which then read as part of the
    command to copy ("approve 3 It is posted …")."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    answer = await world.say(ADELE, f"write {first.id} What do we want from the region?", locale="en-US")
    assert answer == (
        f"Saved the text for #{first.id}. It is posted under your name only; Megan Bowen, whose turn it is, "
        "is told. "
        f"Another board member approves it with: approve {first.id}"
    ), answer
    answer = await world.say(LARS, f"skriv {first.id} Vad vill vi av regionen?")
    assert answer.startswith(f"Texten till #{first.id} är sparad. Den ersätter texten av Adele Vance"), answer
    assert answer.endswith(f"En annan styrelseledamot godkänner den med: godkänn {first.id}"), answer
