"""A text whose writer leaves the board, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board; Megan's Teams in
Swedish, Adele's in English; Alex Wilber the administrator).

What the board means: a prompt goes out in the members' channel under the name of whoever wrote it, as the
board's voice. Once the writer has left the board, "Skrivet av Adele Vance" would tell the members she
still speaks for it; she may have left over exactly that. So her texts for prompts not yet posted are not
posted: she gets each back in a personal chat (nothing is lost), the owner of a turn she wrote for is asked
for a new text (else the bank steps in), her own turns go to others in the rota, who are asked to write,
and the administrator's answer says all of it. A prompt already posted stays as it was: her text, her
name, in `historik`.
"""

from __future__ import annotations

from datetime import timedelta

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import (
    ADELE,
    ADMIN,
    GENERAL,
    JONAS,
    LARS,
    MEGAN,
    SCHEDULER,
    World,
)

world = stories.world


async def post(world: World, slot_id: int) -> list[str]:
    """The slot posted at its time; what the channel reads."""
    slot = next(s for s in world.slots() if s.id == slot_id)
    world.clock.now = slot.due_at + timedelta(seconds=1)
    before = len(world.connector.posted)
    await world.client.app[SCHEDULER].poster.post(slot_id)
    await world.settle()
    return [
        stories.read(p.body) for p in world.connector.posted[before:] if p.conversation_id.startswith(GENERAL)
    ]


async def test_adele_leaves_and_her_texts_go_back_to_her_not_out_under_her_name(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    assert (first.owner_name, second.owner_name, third.owner_name) == (
        "Megan Bowen",
        "Adele Vance",
        "Lars Nilsson",
    )
    await world.say(ADELE, f"write {first.id} What do we want from the region?", locale="en-US")
    await world.say(ADELE, f"write {second.id} How do we reach young members?", locale="en-US")
    await world.say(LARS, f"skriv {third.id} Vad vill vi med vården?")
    before = len(world.connector.posted)

    answer = await world.say(ADMIN, "roll bort styrelse @Adele Vance", mentions=(ADELE,))
    assert answer == (
        "Adele Vance sitter inte längre i styrelsen. "
        f"Adele Vances kommande inlägg går nu till: #{second.id} Jonas. "
        f"Texterna av Adele Vance till #{first.id} och #{second.id} publiceras inte; "
        "Adele Vance får tillbaka dem i en personlig chatt."
    ), answer
    await world.settle()
    assert world.notices(ADELE, before) == [  # one message, in her language, with both texts
        "You are no longer on the board, so your texts for coming prompts will not be posted. "
        "Here they are, kept:\n"
        f"#{first.id} (Tuesday 1 December at 18:00, General): “What do we want from the region?”\n"
        f"#{second.id} (Tuesday 15 December at 18:00, General): “How do we reach young members?”"
    ]
    assert world.notices(MEGAN, before) == [
        f"Texten som Adele Vance skrev till ditt inlägg #{first.id} (tisdag 1 december kl. 18.00, Allmänt) "
        "publiceras inte, eftersom Adele Vance inte längre sitter i styrelsen. "
        f"Skriv en ny text här: skriv {first.id} DIN TEXT; annars publiceras ett inlägg ur banken."
    ]
    assert world.notices(JONAS, before) == [
        "Ett diskussionsinlägg är nu ditt, eftersom den som hade det har lämnat styrelsen:\n"
        f"#{second.id} tisdag 15 december kl. 18.00 i Allmänt (tidigare Adele Vance)\n"
        f"Skriv en text här: skriv {second.id} DIN TEXT"
    ]
    assert world.notices(LARS, before) == []  # his text is his, and stays

    coming = await world.say(MEGAN, "kommande")
    assert f"#{first.id}  tisdag 1 december kl. 18.00 · Megan Bowen · ingen text än" in coming, coming
    assert f"#{second.id}  tisdag 15 december kl. 18.00 · Jonas · ingen text än" in coming, coming
    assert f"#{third.id}  fredag 15 januari kl. 18.00 · Lars Nilsson · texten klar" in coming, coming
    assert "Adele Vance" not in await world.say(MEGAN, f"visa {first.id}")

    channel = await post(world, first.id)
    assert channel and "Adele Vance" not in channel[0] and "Ur inläggsbanken" in channel[0], channel


async def test_in_english_a_text_written_before_leaving_and_one_already_posted(world: World) -> None:
    """Lars wrote Megan's turn on 1 December, posted under his name; then his own turn on 15 January. He
    leaves: the answer in English names the text that goes back to him (in Swedish, his language); the
    post already made keeps his name in the history."""
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first, later = world.slot_at(1, 12, 18), world.slot_at(15, 1, 18)
    await world.say(LARS, f"skriv {first.id} Var ska kommunen bygga?")
    [shown] = await post(world, first.id)
    assert shown.endswith("Skrivet av Lars Nilsson"), shown
    await world.say(LARS, f"skriv {later.id} Hur bygger vi föreningen?")
    before = len(world.connector.posted)
    answer = await world.say(ADMIN, "role remove board @Lars Nilsson", mentions=(LARS,), locale="en-US")
    assert answer.startswith("Lars Nilsson is no longer on the board."), answer
    assert answer.endswith(
        f"The text by Lars Nilsson for #{later.id} will not be posted; Lars Nilsson gets it back in a "
        "personal chat."
    ), answer
    await world.settle()
    [back] = world.notices(LARS, before)
    assert back == (
        "Du sitter inte längre i styrelsen, så din text till ett kommande inlägg publiceras inte. "
        f"Här är den, sparad:\n#{later.id} (fredag 15 januari kl. 18.00, Allmänt): "
        "”Hur bygger vi föreningen?”"
    ), back
    history = await world.say(ADELE, "history", locale="en-US", channel=GENERAL)
    assert f"#{first.id}  Tuesday 1 December at 18:00 · posted · Lars Nilsson’s text" in history, history


async def test_an_administrators_text_stays_through_changes_to_the_board(world: World) -> None:
    """Alex is an administrator, not on the board; his text is not someone's who left: it stays when the
    board changes and the rota is dealt again."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(ADMIN, f"skriv {first.id} Vad gör vi i vår?")
    await world.say(ADMIN, "roll bort styrelse @Jonas", mentions=(JONAS,))
    await world.say(MEGAN, "schema kl 19", channel=GENERAL)
    assert "Skrivet av Alex Wilber" in await world.say(MEGAN, f"visa {first.id}")
