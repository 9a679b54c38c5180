"""Taking a turn in one's own words, the hints under the coming prompts, and who may use the rota, through
the real server (the world of tests/schedules/test_prompt_stories.py: Sunday 22 November 2026; `schema 1
och 15 kl 18` gives #1 on 1 December (Megan's turn), #2 on 15 December (Adele's) and #3 on 15 January
(Lars's); Megan's and Lars's Teams in Swedish, Adele's in English).

Wrong answers before (what the board wrote → what the bot said):
- "jag tar Adeles tur den 15 december", "I'll take Adele's turn on 15 December", "jag tar tur 3", "jag
  tar #3", "kan jag ta den 15:e?", "can I take the 1st?" → "Jag känner inte till kommandot ”jag”" / "Den
  frågan kan jag inte svara på" (only "jag tar Adeles tur" was read); "ge 3 till mig" → "Ingen i
  styrelsen heter ”mig”".
- `kommande` with every listed prompt skipped → "Ändra med: hoppa 1 …", which is refused ("#1 är
  överhoppat"); nothing said how to post a skipped or paused prompt after all.
- `hjälp skriv` never named `radera`, which takes a text off.
- A board member could not take a colleague's text off ("bara hen kan ta bort den") though they could write
  over it, while an administrator, who runs the bot and need not be on the board, could.

What a board member means:
- "jag tar Adeles tur den 15 december": the prompt due that day, believed Adele's; if that day is someone
  else's turn nothing changes and the answer says whose it is (taking it is then a choice made knowingly:
  `ge 2 till mig`). "jag tar tur 3" / "jag tar #3": prompt #3. "kan jag ta den 15:e?": the next prompt on
  a 15th. Each is given to the writer, as `ge 3 @namn` would, and whoever had the turn is told. A day with
  no prompt, or a prompt skipped or paused, is refused with why.
- A taken turn whose text a colleague already wrote keeps that text, and the post is signed by its writer
  only, so the answer says so (and how to write another).
- The hints under `kommande` are about one prompt, and each works for it: a planned one is swapped, given
  away, skipped, written (taken off, if written) and previewed; a skipped one is planned again (`hoppa
  inte`); a paused one waits for `paus slut`.
- Someone not on the board gets the same plain answer for every rota command and sentence: who may, and
  whom to ask.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, JONAS, LARS, MEGAN, World

world = stories.world


async def test_taking_a_turn_by_day_number_or_whose_in_swedish(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)

    before = len(world.connector.posted)
    assert (
        await world.say(LARS, "jag tar Adeles tur den 15 december")
        == f"#{second.id} är nu Lars Nilssons tur."
    )
    await world.settle()
    [told] = world.notices(ADELE, before)
    assert told.startswith(f"Lars Nilsson took your turn #{second.id}, posted Tuesday 15 December"), told
    assert world.slot_at(15, 12, 18).owner_name == "Lars Nilsson"

    # 1 December is Megan's: taken only knowingly
    assert await world.say(LARS, "jag tar Adeles tur den 1/12") == (
        f"#{first.id} är Megan Bowens tur, inte Adele Vances. Vill du ta den ändå: ge {first.id} till mig"
    )
    assert world.slot_at(1, 12, 18).owner_name == "Megan Bowen"
    assert await world.say(LARS, f"jag tar tur {second.id}") == f"#{second.id} är redan din tur."
    assert await world.say(MEGAN, "kan jag ta den 15:e?") == f"#{second.id} är nu Megan Bowens tur."
    assert await world.say(LARS, f"jag tar #{second.id} tack") == f"#{second.id} är nu Lars Nilssons tur."
    assert await world.say(MEGAN, f"ge {third.id} till mig") == f"#{third.id} är nu Megan Bowens tur."
    assert (
        await world.say(MEGAN, "jag tar inlägget den 15 december") == f"#{second.id} är nu Megan Bowens tur."
    )
    assert (
        await world.say(LARS, "Hej! Jag tar Megans tur den 15/12.")
        == f"#{second.id} är nu Lars Nilssons tur."
    )
    assert await world.say(LARS, "jag tar den 3 december") == (
        "Inget inlägg kommer 3 dec. 2026. Se de kommande inläggen med: kommande"
    )
    assert await world.say(LARS, "jag tar Jonas tur") == (
        "Jonas har ingen öppen tur framöver. Se de kommande inläggen med: kommande"
    )
    # "byt tur med Megan": his next turn for hers
    assert await world.say(LARS, "byt tur med Megan") == (
        f"Bytt: #{second.id} är nu Megan Bowens tur och #{first.id} Lars Nilssons."
    )


async def test_taking_a_turn_in_english(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    first, third = world.slot_at(1, 12, 18), world.slot_at(15, 1, 18)
    answer = await world.say(ADELE, "I'll take Megan's turn on 1 December", locale="en-US")
    assert answer == f"#{first.id} is now Adele Vance’s.", answer
    assert (
        await world.say(ADELE, "can I take the 1st?", locale="en-US") == f"#{first.id} is your turn already."
    )
    assert await world.say(ADELE, "I'll take Lars's turn on 15 December", locale="en-US") == (
        f"#{world.slot_at(15, 12, 18).id} is your turn already."
    )
    assert await world.say(ADELE, "I'll take Lars's turn on January 15", locale="en-US") == (
        f"#{third.id} is now Adele Vance’s."
    )
    assert await world.say(LARS, "jag tar Adele Vance:s tur den 15 januari") == (
        f"#{third.id} är nu Lars Nilssons tur."
    )
    # a colleague's text stays on the turn taken, and is signed by its writer
    await world.say(LARS, f"skriv {third.id} Hur bygger vi fler hyresrätter?")
    answer = await world.say(ADELE, f"I'll take turn {third.id}", locale="en-US")
    assert answer == (
        f"#{third.id} is now Adele Vance’s. The text by Lars Nilsson stays with #{third.id} and goes out "
        f"signed by them, unless another is written: write {third.id} YOUR TEXT"
    ), answer
    answer = await world.say(MEGAN, "could I take the prompt on the 1st, please?", locale="en-US")
    assert answer == f"#{first.id} is now Megan Bowen’s.", answer
    assert await world.say(ADELE, "I'll take 5 minutes", locale="en-US") == (
        "I don't know the command “I'll”. Write help to see what I can do."
    )


async def test_the_hints_say_what_can_be_done_with_each_prompt(world: World) -> None:
    await world.say(MEGAN, "schema 28 kl 18", channel=GENERAL)
    first, second = world.slot_at(28, 11, 18), world.slot_at(28, 12, 18)
    await world.say(MEGAN, f"hoppa {first.id} ja")
    await world.say(MEGAN, f"hoppa {second.id} ja")
    listed = await world.say(MEGAN, "kommande")
    assert listed.endswith(f"Ändra med: hoppa inte {first.id}, visa {first.id}"), listed
    listed = await world.say(ADELE, "upcoming", locale="en-US")
    assert listed.endswith(f"Change with: unskip {first.id}, preview {first.id}"), listed
    # the hint, written as it stands, does what it says
    assert (await world.say(MEGAN, f"hoppa inte {first.id}")).startswith(
        f"#{first.id} hoppas inte längre över"
    )
    assert await world.say(ADELE, f"skip {second.id}", locale="en-US") == (
        f"#{second.id} is skipped; to post it after all: unskip {second.id}. Open prompts: #{first.id}."
    )

    await world.say(MEGAN, "paus 25/11 1/1")
    listed = await world.say(MEGAN, "kommande")
    assert listed.endswith(f"Ändra med: paus slut (för att publicera det ändå), visa {first.id}"), listed
    assert await world.say(ADELE, f"I'll take turn {first.id}", locale="en-US") == (
        f"#{first.id} falls in a pause; to post it, lift the pause first: pause end. No prompt is open now."
    )
    await world.say(MEGAN, "paus slut")
    await world.say(LARS, f"skriv {first.id} Vad vill vi av regionen?")
    listed = await world.say(MEGAN, "kommande")
    assert listed.endswith(
        f"Ändra med: ge {first.id} @namn, hoppa {first.id}, skriv {first.id} TEXT, radera {first.id}, "
        f"visa {first.id}"
    ), listed


async def test_help_on_writing_names_taking_a_text_off(world: World) -> None:
    helped = await world.say(LARS, "hjälp skriv")
    assert "radera 3 tar bort en text" in helped and "Till exempel  radera 3" in helped, helped
    assert "erase 3 takes a text off" in await world.say(ADELE, "help erase", locale="en-US")
    assert "assign 3 to me" in await world.say(ADELE, "help assign", locale="en-US")


REFUSED = (
    "Det kan bara styrelsen och administratörer göra. Fråga någon i styrelsen: Adele Vance, Lars Nilsson "
    "eller Megan Bowen."
)


@pytest.mark.parametrize(
    "said",
    [
        *("kommande", "byt 1 2", "byt tur med Adele", "ge 1 Lars", "hoppa 1", "hoppa inte 1", "flytta 1"),
        *("paus 1/6 1/8", "återuppta", "skriv 1 Hej", "radera 1", "godkänn 1", "godkännande på"),
        *("historik", "visa 1", "posta", "bank"),
        *(
            "jag tar Adeles tur den 15 december",
            "kan jag ta den 15:e?",
            "ta bort min text",
            "när är min tur?",
        ),
        "vem skrev vad?",
    ],
)
async def test_someone_off_the_board_is_told_for_every_rota_command(world: World, said: str) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(ADMIN, "roll bort styrelse @Jonas", mentions=(JONAS,))
    answer = await world.say(JONAS, said)
    assert answer.endswith(REFUSED), answer
    assert world.slot_at(1, 12, 18).owner_name == "Megan Bowen"


async def test_a_skip_whose_time_has_passed_offers_no_taking_back(world: World) -> None:
    """Once a skipped prompt's time has passed, "hoppa inte" is refused: no answer offers it."""
    await world.say(MEGAN, "schema 28 kl 18", channel=GENERAL)
    first, second = world.slot_at(28, 11, 18), world.slot_at(28, 12, 18)
    await world.say(MEGAN, f"hoppa {first.id} ja")
    world.clock.now = datetime(2026, 11, 29, 9, tzinfo=UTC)
    refused = await world.say(MEGAN, f"hoppa {first.id}")
    assert refused == (
        f"#{first.id} hoppades över, och dess tid har redan varit. Planerade inlägg: #{second.id}."
    ), refused
    shown = await world.say(ADELE, f"preview {first.id}", locale="en-US")
    assert shown.endswith(f"#{first.id} was skipped and its time has passed."), shown
    assert "unskip" not in shown, shown
