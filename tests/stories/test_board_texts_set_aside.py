"""Texts set aside by whoever wrote them, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board).

What a board member means: skipping a prompt, stopping the schedule or changing it so that a written text
has no day left sets the text aside, never loses it. Whoever wrote it gets it: a colleague in a personal
chat, and the board member who did it, who is told nothing else, in the answer itself. The answer names
who is told, and nobody who is not ("the owner and the writer are told" when both are the one who asked
would be a promise nobody keeps).
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

# The note a skip that leaves its month short of the plan's two prompts ends with.
SHORT_SV = "Obs! Planen kräver inlägg minst två gånger i månaden, och när det här hoppas över får kanalen "
SHORT_EN = "Note: the plan asks for prompts at least twice a month; with this one skipped this channel gets "

world = stories.world


async def test_megan_sets_aside_her_own_texts_and_reads_them_in_the_answer(world: World) -> None:
    """Megan writes the text for her own turn on 1 December and skips it. Then she writes the text for
    Lars's turn on 15 January and changes the rule to the 1st only: it has no day left."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Vad ska vi kräva av regionen?")

    asked = await world.say(MEGAN, f"hoppa {first.id}")
    assert "får veta det" not in asked, asked  # nobody else to tell
    done = await world.say(MEGAN, f"hoppa {first.id} ja")
    assert done == (
        f"#{first.id} hoppas över; inget publiceras då. "
        f"Vill du publicera det ändå: hoppa inte {first.id}. 1 skriven text läggs åt sidan och sparas.\n"
        f"Din text till #{first.id}, sparad här: ”Vad ska vi kräva av regionen?”\n"
        f"{SHORT_SV}1 inlägg i december 2026."
    ), done

    january = world.slot_at(15, 1, 18)
    assert january.owner_name == "Lars Nilsson"
    await world.say(MEGAN, f"skriv {january.id} Hur bygger vi föreningen?")
    before = len(world.connector.posted)
    changed = await world.say(MEGAN, "schema 1 kl 18 ja", channel=GENERAL)
    assert f"\nDin text till #{january.id}, sparad här: ”Hur bygger vi föreningen?”\n" in changed, changed
    await world.settle()
    assert any("Hur bygger vi föreningen?" in notice for notice in world.notices(LARS, before))


async def test_adele_skips_in_english_and_is_told_whom_the_bot_tells(world: World) -> None:
    """Adele's turn on 15 December has Lars's text: skipping it says Lars will be told and is; her own
    text for her turn in January, skipped, comes back in the answer."""
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    adeles = world.slot_at(15, 12, 18)
    assert adeles.owner_name == "Adele Vance"
    await world.say(LARS, f"skriv {adeles.id} Hur bygger vi föreningen?")

    asked = await world.say(ADELE, f"skip {adeles.id}", locale="en-US")
    assert "\nLars Nilsson will be told.\nNothing is changed yet." in asked, asked
    before = len(world.connector.posted)
    done = await world.say(ADELE, f"skip {adeles.id} yes", locale="en-US")
    assert done == (
        f"#{adeles.id} is skipped; nothing will be posted then. "
        f"To post it after all: unskip {adeles.id}. 1 written text is set aside and kept. "
        f"The text is sent to Lars Nilsson in a personal chat.\n{SHORT_EN}1 prompt in December 2026."
    ), done
    await world.settle()
    assert any("Hur bygger vi föreningen?" in notice for notice in world.notices(LARS, before))

    second = world.slot_at(1, 12, 18)
    await world.say(ADELE, f"write {second.id} Where should we build homes?", locale="en-US")
    asked = await world.say(ADELE, "schedule stop", channel=GENERAL, locale="en-US")
    assert "\nMegan Bowen will be told.\n" in asked, asked  # her turn, Adele's text
    stopped = await world.say(ADELE, "schedule stop yes", channel=GENERAL, locale="en-US")
    assert stopped == (
        "The schedule in this channel is stopped; no more prompts will be posted here. "
        "1 written text is set aside and kept. The text is sent to Megan Bowen in a personal chat.\n"
        f"Your text for #{second.id}, kept here: “Where should we build homes?”"
    ), stopped
