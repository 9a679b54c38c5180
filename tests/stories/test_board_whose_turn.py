"""Board members asking about their turn as they would write it, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, in the order they
joined; Megan's and Lars's Teams in Swedish, Adele's in English).

What a board member means:
- "vems tur är det?", "whose turn is next", "när är min tur?", "when is my turn?" ask for the coming
  prompts and whose each is; the asker who has a turn coming reads which and when, and the hints to change
  it name their own turn's number, not the first prompt's (someone else's).
- "jag kan inte ta min tur" / "I can't take my turn" asks how to get out of it: the same list, their turn
  and the commands for it (swap, assign, skip).
- "byt med @Adele" means "my next turn for Adele's next": the two change hands as with their numbers. A
  name without a mention, or nobody with a turn to swap, is answered with what to write instead.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, LARS, MEGAN, World

world = stories.world


async def test_whose_turn_in_swedish_names_the_askers_own(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    lars = world.slot_at(15, 1, 18)
    first = world.slot_at(1, 12, 18)
    for asked in ("vems tur är det?", "Hej! När är min tur?", "jag kan inte ta min tur"):
        answer = await world.say(LARS, asked)
        assert answer.startswith("Kommande diskussionsinlägg\n"), (asked, answer)
        assert f"Din nästa tur: #{lars.id}, fredag 15 januari kl. 18.00.\n" in answer, (asked, answer)
        assert answer.endswith(
            f"Ändra med: byt {lars.id} {first.id}, ge {lars.id} @namn, hoppa {lars.id}, "
            f"skriv {lars.id} TEXT, visa {lars.id}"
        ), (asked, answer)


async def test_whose_turn_in_english(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    adele = world.slot_at(15, 12, 18)
    for asked in ("whose turn is next", "Hi, when is my turn?", "I can't take my turn"):
        answer = await world.say(ADELE, asked, locale="en-US")
        assert answer.startswith("Upcoming discussion prompts\n"), (asked, answer)
        assert f"Your next turn: #{adele.id}, Tuesday 15 December at 18:00.\n" in answer, (asked, answer)
    jonas = await world.say(JONAS, "vems tur är det")  # no turn within the list: no line of one's own
    assert "Din nästa tur" not in jonas and "Ändra med: byt " in jonas, jonas


async def test_swap_with_someone_by_mention(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    megans, adeles, lars = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    swapped = await world.say(LARS, "byt med @Adele Vance", mentions=(ADELE,))
    assert swapped == f"Bytt: #{lars.id} är nu Adele Vances tur och #{adeles.id} Lars Nilssons.", swapped
    assert (world.slot_at(15, 12, 18).owner_name, world.slot_at(15, 1, 18).owner_name) == (
        LARS.name,
        ADELE.name,
    )
    english = await world.say(ADELE, "swap with @Megan Bowen", mentions=(MEGAN,), locale="en-US")
    assert english == f"Swapped: #{lars.id} is now Megan Bowen’s and #{megans.id} is Adele Vance’s.", english

    unclear = await world.say(LARS, "byt med Kalle")  # a name written without @ is found on the board or not
    assert unclear == "Ingen i styrelsen heter ”Kalle”. Nämn den du menar med @, t.ex. byt med @namn", unclear
    nobody = await world.say(LARS, "byt med @Jonas", mentions=(JONAS,))
    assert nobody == (
        f"Jonas har ingen kommande tur att byta mot din #{adeles.id}. Vill du ge din till någon i styrelsen "
        f"i stället: ge {adeles.id} @namn"
    ), nobody
    none_mine = await world.say(JONAS, "swap with @Lars Nilsson", mentions=(LARS,), locale="en-US")
    assert none_mine == "You have no open turn coming. See the coming prompts with: upcoming"
    await world.settle()


async def test_my_turn_instead_of_its_number(world: World) -> None:
    """ "ge min tur till @Adele", "skip my turn": a board member's own next open turn, as its number would
    name it; one with no turn coming is told so, not asked for a number."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    adeles, lars = world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    given = await world.say(LARS, "ge min tur till @Adele Vance", mentions=(ADELE,))
    assert given == f"#{lars.id} är nu Adele Vances tur.", given
    skipped = await world.say(ADELE, "skip my turn", locale="en-US")
    assert skipped.startswith(
        f"#{adeles.id} is skipped; nothing will be posted then. To post it after all: unskip {adeles.id}."
    ), skipped
    assert await world.say(LARS, "hoppa min tur") == (
        "Du har ingen kommande tur. Se kommande inlägg med: kommande"
    )
    assert await world.say(JONAS, "give my turn to @Lars Nilsson", mentions=(LARS,), locale="en-US") == (
        "You have no open turn coming. See the coming prompts with: upcoming"
    )
    for asked, locale in (("kan någon ta min tur?", "sv-SE"), ("who has the next prompt?", "en-US")):
        listed = await world.say(MEGAN, asked, locale=locale)
        assert listed.startswith(("Kommande diskussionsinlägg\n", "Upcoming discussion prompts\n")), listed
    await world.settle()
