"""A "ja" to a question that offers a whole line, through the real server (the world of
tests/schedules/test_prompt_stories.py: Sunday 22 November 2026, Megan's Teams in Swedish, Adele's in
English; `schema 1 och 15 kl 18` gives 1 and 15 December).

What a board member means: "Inget är ändrat än. Skriv samma sak igen med ja sist för att ändra: hoppa 3 ja"
asks a question, and "ja" answers it: the skip is made as "hoppa 3 ja" makes it. It was "Det finns inget att
säga ja till", though the bot had just asked. "nej" (or "avbryt") leaves it as it was; anything else is a
command, answered as any (in Teams the question stays kept meanwhile, as a card's question is). A typed
"ja" answers the question asked last, never an older one: a question whose line names people ("roll
ordförande @Noa Timrå ja") is answered with the line to write whole, since a "ja" carries no @mentions.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, LARS, MEGAN, World

world = stories.world

NOTHING_TO_SAY_YES_TO = "Det finns inget att säga ja till"


async def _written(world: World, day: int) -> int:
    """A slot on `day` December with a text written for it, so that skipping it asks first."""
    slot = world.slot_at(day, 12, 18)
    await world.say(MEGAN, f"skriv {slot.id} Vad ska vi kräva av regionen?")
    return slot.id


async def test_yes_to_a_skip_asked_about_skips_it(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = await _written(world, 1)
    asked = await world.say(MEGAN, f"hoppa {first}")
    assert asked.endswith(f"Skriv samma sak igen med ja sist för att ändra: hoppa {first} ja"), asked
    done = await world.say(MEGAN, "ja")
    assert done.startswith(
        f"#{first} hoppas över; inget publiceras då. "
        f"Vill du publicera det ändå: hoppa inte {first}. 1 skriven text läggs åt sidan"
    ), done
    # the question was answered: a second "ja" has nothing to say yes to
    assert (await world.say(MEGAN, "ja")).startswith(NOTHING_TO_SAY_YES_TO)


async def test_yes_in_english(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    slot = world.slot_at(15, 12, 18)
    await world.say(LARS, f"skriv {slot.id} Hur bygger vi föreningen?")
    asked = await world.say(ADELE, f"skip {slot.id}", locale="en-US")
    assert asked.endswith(f"write it again with yes at the end: skip {slot.id} yes"), asked
    done = await world.say(ADELE, "yes", locale="en-US")
    assert done.startswith(
        f"#{slot.id} is skipped; nothing will be posted then. To post it after all: unskip {slot.id}."
    ), done


async def test_no_leaves_it_and_a_command_meanwhile_does_not_answer_it(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = await _written(world, 1)
    await world.say(MEGAN, f"hoppa {first}")
    assert await world.say(MEGAN, "nej") == "Avbrutet; inget ändrades."
    assert (await world.say(MEGAN, "ja")).startswith(NOTHING_TO_SAY_YES_TO)
    coming = await world.say(MEGAN, "kommande")
    assert f"#{first}" in coming and "hoppas över" not in coming, coming
    # in Teams the question is kept while other commands are answered ("kommande" to look first)
    await world.say(MEGAN, f"hoppa {first}")
    await world.say(MEGAN, "kommande")
    assert (await world.say(MEGAN, "ja")).startswith(f"#{first} hoppas över")


async def test_yes_answers_the_question_asked_last(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = await _written(world, 1)
    second = await _written(world, 15)
    await world.say(MEGAN, f"hoppa {first}")
    await world.say(MEGAN, f"hoppa {second}")
    done = await world.say(MEGAN, "ja")
    assert done.startswith(f"#{second} hoppas över"), done
    assert (await world.say(MEGAN, "ja")).startswith(NOTHING_TO_SAY_YES_TO)


async def test_yes_to_a_line_with_mentions_is_told_to_write_it_whole(world: World) -> None:
    """Alex (an administrator) adds Kramfors, then a branch close to it: asked. Then names Lars chair of a
    branch not on the list: asked too, and the "ja" after is that question's, which names Lars."""
    await world.say(ADMIN, "partiföreningar lägg till Kramfors")
    close = await world.say(ADMIN, "partiföreningar lägg till Kramfor")
    assert close.endswith("partiföreningar lägg till Kramfor ja"), close
    asked = await world.say(ADMIN, "roll ordförande @Lars Nilsson Ånge", mentions=(LARS,))
    assert "Ny partiförening ”Ånge”?" in asked, asked
    answer = await world.say(ADMIN, "ja")
    assert answer.startswith("För att gå vidare, skriv hela raden med dess @omnämnanden: roll ordförande"), (
        answer
    )
    listed = await world.say(ADMIN, "partiföreningar")
    assert "Kramfor\n" not in listed + "\n" and "Ånge" not in listed, listed  # neither question was answered
    # the branch close to another, asked again and answered "ja": added
    await world.say(ADMIN, "partiföreningar lägg till Kramfor")
    assert await world.say(ADMIN, "ja") == "Lade till Kramfor. Partiföreningar: Kramfor, Kramfors"
