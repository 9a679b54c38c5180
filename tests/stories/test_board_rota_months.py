"""The rota as a board member uses it over a few months, through the real server and the real poster (the
world of tests/schedules/test_prompt_stories.py: Sunday 22 November 2026; `schema 1 och 15 kl 18` gives #1
on 1 December (Megan's turn), #2 on 15 December (Adele's) and #3 on 15 January (Lars's), then a prompt on
the 1st and the 15th each month; Megan's and Lars's Teams in Swedish, Adele's in English). The clock is
moved by hand, to each prompt's time.

After every answer: is this what the board member meant, and is the name on the post right? What they
mean:
- "min tur" / "my turn" is their own next turn; "min text" / "my text" the next prompt whose text they
  wrote. "hoppa inte min tur" / "unskip my turn" is their skipped turn (it answered "write the number").
- Taking a colleague's turn ("jag tar Adeles tur den 15 december") makes it the taker's; giving one
  away with a colleague's text on it keeps the text, signed by its writer, and says so.
- Whoever writes a text signs the post, whoever's turn it was; a turn without a text goes out from the
  bank. "vem skrev vad?" / "who wrote what?" is the history, which names each post's writer.
- Any board member may take a text off; its writer is sent it.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.app import SCHEDULER
from bot.services.prompting import PromptSlot
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World
from tests.stories.test_board_posted_told import channel_posts

world = stories.world
EN = "en-US"


async def _posted(world: World, slot: PromptSlot) -> str:
    """What the channel reads when `slot` goes out at its time."""
    before = len(world.connector.posted)
    world.clock.now = slot.due_at + timedelta(seconds=1)
    await world.client.app[SCHEDULER].poster.post(slot.id)
    for _ in range(1000):
        if posts := channel_posts(world, before):
            return posts[-1]
        await asyncio.sleep(0.01)
    raise AssertionError("nothing posted")


async def test_a_board_member_through_the_months(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)

    # November: Lars writes his own turn, and changes it
    mine = await world.say(LARS, "när är min tur?")
    assert f"Din nästa tur: #{third.id}, fredag 15 januari kl. 18.00." in mine, mine
    assert mine.endswith(
        f"Ändra med: byt {third.id} {first.id}, ge {third.id} @namn, hoppa {third.id}, "
        f"skriv {third.id} TEXT, visa {third.id}"
    ), mine
    saved = await world.say(LARS, "skriv min tur: Hur bygger vi fler hyresrätter i länet?")
    assert saved == f"Texten till #{third.id} är sparad; inlägget publiceras på sin tid.", saved
    saved = await world.say(LARS, "ändra min text: Hur bygger vi fler hyresrätter i Västernorrland?")
    assert saved == f"Texten till #{third.id} är sparad; inlägget publiceras på sin tid.", saved
    shown = await world.say(LARS, "visa min tur")
    assert shown.endswith("Hur bygger vi fler hyresrätter i Västernorrland?\nSkrivet av Lars Nilsson"), shown

    # Adele cannot take hers; Lars takes it by its day, and writes it
    hers = await world.say(ADELE, "I can't take my turn, can someone take it?", locale=EN)
    assert f"Your next turn: #{second.id}, Tuesday 15 December at 18:00." in hers, hers
    assert f"assign {second.id} @name" in hers, hers
    before = len(world.connector.posted)
    taken = await world.say(LARS, "jag tar Adeles tur den 15 december")
    assert taken == f"#{second.id} är nu Lars Nilssons tur.", taken
    await world.settle()
    [told] = world.notices(ADELE, before)
    assert told.startswith(f"Lars Nilsson took your turn #{second.id}"), told
    saved = await world.say(LARS, f"skriv {second.id} Vad ska regionen göra för bussarna?")
    assert saved == f"Texten till #{second.id} är sparad; inlägget publiceras på sin tid.", saved
    listed = await world.say(ADELE, "upcoming", locale=EN)
    assert f"#{second.id}  Tuesday 15 December at 18:00 · Lars Nilsson · text ready\n" in listed, listed
    assert "You have no turn among the upcoming prompts yet." in listed, listed

    # Adele writes Megan's turn; the list says whose name the post will carry
    saved = await world.say(ADELE, f"write {first.id} What do we want from the municipality?", locale=EN)
    assert saved == (
        f"Saved the text for #{first.id}; it will be posted at its time. It is posted under your name only; "
        "Megan Bowen, whose turn it is, is told."
    ), saved
    listed = await world.say(MEGAN, "kommande")
    assert (
        f"#{first.id}  tisdag 1 december kl. 18.00 · Megan Bowen · texten klar · publiceras som skrivet av "
        "Adele Vance"
    ) in listed, listed
    assert listed.endswith(f"skriv {first.id} TEXT, radera {first.id}, visa {first.id}"), listed
    shown = await world.say(MEGAN, f"visa {first.id}")
    assert shown.endswith("What do we want from the municipality?\nSkrivet av Adele Vance"), shown

    # 1 December: the post carries its writer's name only
    post = await _posted(world, first)
    assert post.endswith("What do we want from the municipality?\nSkrivet av Adele Vance"), post
    assert "Megan" not in post, post
    wrote = await world.say(MEGAN, "vem skrev vad?")
    assert f"#{first.id}  tisdag 1 december kl. 18.00 · publicerat · Adele Vances text" in wrote, wrote
    refused = await world.say(LARS, f"hoppa {first.id}")
    assert refused == f"#{first.id} är redan publicerat. Planerade inlägg: #{second.id}, #{third.id}.", (
        refused
    )

    # a Christmas pause, and Lars gives his January turn, text and all, to Megan
    paused = await world.say(LARS, "paus 20/12 10/1")
    assert paused.startswith("Paus 20 dec. 2026–10 jan. 2027"), paused
    given = await world.say(LARS, f"ge {third.id} Megan")
    assert given == (
        f"#{third.id} är nu Megan Bowens tur. Din text ligger kvar på #{third.id} och publiceras "
        f"undertecknad av dig; vill du ta bort den: radera {third.id}"
    ), given  # his own text: said to him as his, not "the text by Lars Nilsson … signed by them"
    listed = await world.say(LARS, "kommande")
    assert (
        f"#{third.id}  fredag 15 januari kl. 18.00 · Megan Bowen · texten klar · publiceras som skrivet av "
        "Lars Nilsson"
    ) in listed, listed
    assert f"Din nästa tur: #{second.id}, tisdag 15 december kl. 18.00." in listed, listed
    nothing = await world.say(ADELE, "give my next turn to Lars", locale=EN)
    assert nothing == "You have no open turn coming. See the coming prompts with: upcoming", nothing

    # 15 December: Lars's text on what was Adele's turn, signed by Lars
    post = await _posted(world, second)
    assert post.endswith("Vad ska regionen göra för bussarna?\nSkrivet av Lars Nilsson"), post
    assert "Adele" not in post, post
    wrote = await world.say(ADELE, "who wrote what?", locale=EN)
    assert f"#{second.id}  Tuesday 15 December at 18:00 · posted · Lars Nilsson’s text" in wrote, wrote
    assert f"#{first.id}  Tuesday 1 December at 18:00 · posted · Adele Vance’s text" in wrote, wrote
    lifted = await world.say(MEGAN, "paus slut")
    assert lifted == "Pausen 20 dec. 2026–10 jan. 2027 är hävd.", lifted

    # January: Adele skips her February turn and takes the skip back
    world.clock.now = datetime(2027, 1, 2, 9, tzinfo=UTC)
    await world.client.app[SCHEDULER].desk.plan_ahead()
    fourth = world.slot_at(1, 2, 18)
    listed = await world.say(ADELE, "upcoming", locale=EN)
    assert f"Your next turn: #{fourth.id}, Monday 1 February at 18:00." in listed, listed
    skipped = await world.say(ADELE, "skip my turn", locale=EN)
    assert skipped.startswith(
        f"#{fourth.id} is skipped; nothing will be posted then. To post it after all: unskip {fourth.id}."
    ), skipped
    listed = await world.say(ADELE, "upcoming", locale=EN)
    assert f"#{fourth.id}  Monday 1 February at 18:00 · Adele Vance · skipped" in listed, listed
    assert f" skip {fourth.id}" not in listed, listed  # no hint to skip it again; how to take it back
    assert (
        f"Your turn #{fourth.id} (Monday 1 February at 18:00) is skipped; to post it after all: unskip"
        in listed
    )
    again = await world.say(ADELE, f"skip {fourth.id}", locale=EN)
    assert again.startswith(f"#{fourth.id} is skipped; to post it after all: unskip {fourth.id}."), again
    back = await world.say(ADELE, "unskip my turn", locale=EN)
    assert back == (
        f"#{fourth.id} is no longer skipped: it is posted Monday 1 February at 18:00. No text is written "
        f"yet: write {fourth.id} YOUR TEXT"
    ), back

    # Megan takes Lars's words off her turn (he gets them back) and writes her own
    before = len(world.connector.posted)
    erased = await world.say(MEGAN, f"radera {third.id}")
    assert erased == (
        f"Texten till #{third.id} är borttagen; inlägget väntar på en ny (skriv {third.id} DIN TEXT), och "
        "utan en ny publiceras ett inlägg ur banken. Lars Nilsson, som skrev den, får texten skickad till "
        "sig."
    ), erased
    await world.settle()
    [to_lars] = world.notices(LARS, before)
    assert "Hur bygger vi fler hyresrätter i Västernorrland?" in to_lars, to_lars
    sixth = world.slot_at(1, 3, 18)  # his next turn, without a text
    nothing = await world.say(LARS, "radera min text")
    assert nothing == f"#{sixth.id} har ingen text att ta bort.", nothing
    saved = await world.say(MEGAN, f"skriv {third.id} Hur når vi fler unga?")
    assert saved == f"Texten till #{third.id} är sparad; inlägget publiceras på sin tid.", saved

    # 15 January: Megan's words on her turn
    post = await _posted(world, third)
    assert post.endswith("Hur når vi fler unga?\nSkrivet av Megan Bowen"), post
    assert "Lars" not in post, post
    history = await world.say(LARS, "historik")
    assert f"#{third.id}  fredag 15 januari kl. 18.00 · publicerat · Megan Bowens text" in history, history
    assert f"#{second.id}  tisdag 15 december kl. 18.00 · publicerat · Lars Nilssons text" in history, history

    # February: Adele takes Lars's March turn by its day, then writes her own turn
    taken = await world.say(ADELE, "I'll take Lars's turn on 1 March", locale=EN)
    assert taken == f"#{sixth.id} is now Adele Vance’s.", taken
    saved = await world.say(ADELE, "write my turn: Where should we build homes?", locale=EN)
    assert saved == f"Saved the text for #{fourth.id}; it will be posted at its time.", saved
    post = await _posted(world, world.slot_at(1, 2, 18))
    assert post.endswith("Where should we build homes?\nSkrivet av Adele Vance"), post
