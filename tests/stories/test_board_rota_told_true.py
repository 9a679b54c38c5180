"""What the bot says about a turn given, taken or skipped is true for that turn, through the real server
(the world of tests/schedules/test_prompt_stories.py: Sunday 22 November 2026; `schema 1 och 15 kl 18`
gives #1 on 1 December (Megan's turn), #2 on 15 December (Adele's) and #3 on 15 January (Lars's); Megan's
and Lars's Teams in Swedish, Adele's in English).

Wrong answers before (what the board wrote → what the bot said):
- `hoppa 2` → "#2 hoppas över; inget publiceras då." (not how to undo it: `hoppa inte 2`).
- Megan wrote her own turn, then Lars took it ("jag tar tur 1") → Megan: "… you need not write it, and it
  is posted under the name of whoever writes it", while her text stays and is posted signed by her. Given
  away with `ge 1 @Lars` she was not told at all (she had not been reminded yet), though her text stays.
- "jag tar Lars tur" from Lars → "Ingen i styrelsen heter ”Lars”".
- `kommande` after skipping one's only turn → "Du har ingen tur bland de kommande inläggen än."
- "jag tar den 1:a" with prompts in General and in the chairs' channel on 1 December → the first taken.

What a board member means:
- A turn taken or given away whose text its owner wrote: the text stays with the day and goes out signed by
  them (the post names only the writer), so they are told so and how to take it off (`radera 1`). With no
  text of theirs on it, they need not write.
- "jag tar Lars tur" from Lars: his own next turn, which is his already.
- "jag tar den 1:a" in a personal chat when two channels post that day: either could be meant; the answer
  names both and how to take one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World, two_channels
from tests.stories.test_board_signed_by_writer_only import _posted

world = stories.world
EN = "en-US"


async def test_a_skip_says_how_to_take_it_back(world: World) -> None:
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    second = world.slot_at(15, 12, 18)
    answer = await world.say(MEGAN, f"hoppa över {second.id}")
    assert answer.startswith(
        f"#{second.id} hoppas över; inget publiceras då. Vill du publicera det ändå: hoppa inte {second.id}."
    ), answer
    back = await world.say(MEGAN, f"hoppa inte {second.id}")  # as the answer says it
    assert back.startswith(f"#{second.id} hoppas inte längre över"), back


async def test_a_taken_turn_with_its_owners_text_tells_them_it_stays_signed_by_them(world: World) -> None:
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Hur får vi fler att engagera sig?")

    before = len(world.connector.posted)
    await world.say(LARS, f"jag tar tur {first.id}")  # the answer: test_board_rota_turns_taken
    await world.settle()
    [told] = world.notices(MEGAN, before)
    assert told == (
        f"Lars Nilsson tog din tur #{first.id}, som publiceras tisdag 1 december kl. 18.00 i Allmänt. Texten "
        f"du skrev ligger kvar och publiceras då, undertecknad av dig; vill du ta bort den: radera {first.id}"
    ), told
    assert "behöver inte skriva" not in told
    # what she was told is what happens: the post is signed by her
    post = await _posted(world, first.id, first.due_at, len(world.connector.posted))
    assert post.endswith("Hur får vi fler att engagera sig?\nSkrivet av Megan Bowen"), post

    # a turn with no text of the owner's: they need not write it
    before = len(world.connector.posted)
    await world.say(LARS, "jag tar Adeles tur")
    await world.settle()
    [told] = world.notices(ADELE, before)
    assert told.startswith(f"Lars Nilsson took your turn #{second.id}, posted Tuesday 15 December"), told
    assert "you need not write it" in told, told


async def test_a_turn_given_away_with_its_owners_text_in_english(world: World) -> None:
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale=EN)
    second = world.slot_at(15, 12, 18)
    await world.say(ADELE, f"write {second.id} What should the region do for young people?", locale=EN)

    before = len(world.connector.posted)
    await world.say(MEGAN, f"ge {second.id} @Lars Nilsson", mentions=(LARS,))
    await world.settle()
    [told] = world.notices(ADELE, before)  # told though never reminded: her text stays on it
    assert told == (
        f"Megan Bowen gave the discussion prompt #{second.id}, posted Tuesday 15 December at 18:00 in "
        f"General, to Lars Nilsson. The text you wrote stays with it and is posted then, signed by you; "
        f"to take it off: erase {second.id}"
    ), told
    # the way off it names works for her
    erased = await world.say(ADELE, f"erase {second.id}", locale=EN)
    assert world.slot_at(15, 12, 18).text is None, erased


async def test_taking_ones_own_turn_by_name(world: World) -> None:
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    third = world.slot_at(15, 1, 18)
    assert await world.say(LARS, "jag tar Lars tur") == f"#{third.id} är redan din tur."
    assert await world.say(LARS, "jag tar Lars Nilssons tur") == f"#{third.id} är redan din tur."
    assert await world.say(LARS, "I'll take Lars's turn", locale=EN) == f"#{third.id} is your turn already."
    assert world.slot_at(15, 1, 18).owner_name == "Lars Nilsson"


async def test_a_skipped_own_turn_is_named_in_the_list(world: World) -> None:
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 28 kl 18", channel=GENERAL)
    first = world.slot_at(28, 11, 18)
    await world.say(MEGAN, f"hoppa {first.id}")
    listed = await world.say(MEGAN, "kommande")
    assert (
        f"Din tur #{first.id} (lördag 28 november kl. 18.00) hoppas över; vill du publicera det ändå: "
        f"hoppa inte {first.id}"
    ) in listed, listed
    assert "ingen tur" not in listed, listed


async def test_a_day_with_prompts_in_two_channels_is_asked_not_guessed(world: World) -> None:
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await two_channels(world)  # General on the 1st and 15th, the chairs' channel on first Tuesdays
    general = world.slot_at(1, 12, 18)
    chairs = world.slot_at(1, 12, 19)
    owners = (general.owner_name, chairs.owner_name)
    answer = await world.say(LARS, "jag tar den 1:a")
    assert answer.startswith(
        f"Den dagen kommer inlägg i mer än en kanal: #{general.id} i Allmänt och #{chairs.id} i kanalen med "
        "inlägg"
    ), answer
    assert answer.endswith(f"Skriv vilket du tar, t.ex. ge {general.id} till mig"), answer
    assert (world.slot_at(1, 12, 18).owner_name, world.slot_at(1, 12, 19).owner_name) == owners
    answer = await world.say(ADELE, "can I take the 1st?", locale=EN)
    assert answer.startswith(
        f"That day prompts are coming in more than one channel: #{general.id} in General"
    ), answer
    # said in one of the channels, the day is that channel's: no question
    assert (
        await world.say(LARS, "jag tar den 1:a", channel=GENERAL) == f"#{general.id} är nu Lars Nilssons tur."
    )


async def test_giving_away_a_turn_one_wrote_oneself(world: World) -> None:
    """Adele wrote her own turn and gives it to Lars: her words stay and go out signed by her (not "the text
    by Adele Vance … signed by them", as if by someone else), and she can take them off."""
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(ADELE, f"write {second.id} What should the region do for young people?", locale=EN)
    assert await world.say(ADELE, "give my turn to Lars", locale=EN) == (
        f"#{second.id} is now Lars Nilsson’s. Your text stays with #{second.id} and goes out signed by you; "
        f"to take it off: erase {second.id}"
    )
    await world.say(MEGAN, f"skriv {first.id} Vad vill vi av regionen?")
    assert await world.say(MEGAN, f"ge {first.id} @Lars Nilsson", mentions=(LARS,)) == (
        f"#{first.id} är nu Lars Nilssons tur. Din text ligger kvar på #{first.id} och publiceras "
        f"undertecknad av dig; vill du ta bort den: radera {first.id}"
    )
    post = await _posted(world, first.id, first.due_at, len(world.connector.posted))
    assert post.endswith("Vad vill vi av regionen?\nSkrivet av Megan Bowen"), post


async def test_given_a_turn_one_wrote_for_already(world: World) -> None:
    """Lars wrote Adele's turn; Megan gives it to him: he is told he wrote it already, not of "the text by
    Lars Nilsson" as if by someone else."""
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    second = world.slot_at(15, 12, 18)
    await world.say(LARS, f"skriv {second.id} Vad vill vi av regionen?")
    before = len(world.connector.posted)
    await world.say(MEGAN, f"ge {second.id} @Lars Nilsson", mentions=(LARS,))
    await world.settle()
    [told] = world.notices(LARS, before)
    assert told == (
        f"Megan Bowen gav dig diskussionsinlägg #{second.id}, som publiceras tisdag 15 december kl. 18.00 i "
        f"Allmänt. Du har redan skrivit texten, och den publiceras som den är; se den med: visa {second.id}"
    ), told


async def test_two_skipped_turns_are_both_named(world: World) -> None:
    world.clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(MEGAN, f"ge {second.id} till mig")
    await world.say(MEGAN, "hoppa min tur")
    await world.say(MEGAN, "hoppa min tur")
    listed = await world.say(MEGAN, "när är min tur?")
    assert (
        f"Dina turer #{first.id} och #{second.id} hoppas över; vill du publicera ett av dem ändå: "
        f"hoppa inte {first.id}"
    ) in listed, listed
    listed = await world.say(MEGAN, "upcoming", locale=EN)
    assert (
        f"Your turns #{first.id} and #{second.id} are skipped; to post one after all: unskip {first.id}"
    ) in listed, listed
