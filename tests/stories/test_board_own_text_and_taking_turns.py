"""Changing and deleting one's own prompt text, and taking a colleague's turn, in the board's own words,
through the real server (the world of tests/schedules/test_prompt_stories.py: Sunday 22 November 2026;
`schema 1 och 15 kl 18` gives #1 on 1 December (Megan's turn), #2 on 15 December (Adele's) and #3 on
15 January (Lars's); Megan's and Lars's Teams in Swedish, Adele's in English).

Wrong answers before (what the board wrote → what the bot said):
- "jag tar Adeles tur", "jag kan ta Adeles tur", "I'll take Lars's turn", "I can take Jonas' turn" →
  "Jag känner inte till kommandot ”jag”" / "I don't know the command “I'll”".
- "ändra min text: …" → the answer about correcting a report ("Styrelsen kan ändra alla rapporter …").
- "ta bort min text", "radera min text" → unknown command, or "Menade du rapportera min text?"; "change my
  text", "delete my text", "remove my text" → unknown command, or "Did you mean move my text?".

What the board means: "jag tar Adeles tur" gives Adele's next open turn to the writer (as `ge 2 Lars`
would), and Adele is told someone took it, whether or not she had been reminded. "Min text" / "my text"
is the next coming prompt whose text they wrote, on whoever's turn (else their own next turn): "ändra min
text: …" writes it anew, "ta bort min text" takes it off, and the prompt waits for a text again (without
one, the bank's prompt goes out, signed as the bank's). Only board members may do any of it (the commands
are the board's). The board has no chair, and it shares the rota: any board member may take a text off, as
any may write their own over it, and the writer is sent theirs either way, so no one's words are lost (an
administrator, who runs the bot, may do no less than the board). The post carries only its writer's name,
whoever's turn it was.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, JONAS, LARS, MEGAN, World

world = stories.world


async def test_lars_takes_adeles_turn_in_swedish(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    second = world.slot_at(15, 12, 18)
    assert second.owner_name == "Adele Vance"
    for said in ("jag tar Adeles tur", "Jag kan ta Adele Vances tur!", "jag tar över Adeles tur"):
        before = len(world.connector.posted)
        answer = await world.say(LARS, said)
        await world.settle()
        if said == "jag tar Adeles tur":
            assert answer == f"#{second.id} är nu Lars Nilssons tur.", answer
            assert world.notices(ADELE, before) == [
                f"Lars Nilsson took your turn #{second.id}, posted Tuesday 15 December at 18:00 in General: "
                "you need not write it, and it is posted under the name of whoever writes it."
            ]
        else:  # Adele has no turn left before her next round
            assert answer == "Adele Vance har ingen öppen tur framöver. Se de kommande inläggen med: kommande"
    assert world.slot_at(15, 12, 18).owner_name == "Lars Nilsson"
    await world.say(LARS, f"skriv {second.id} Vad vill vi av regionen?")
    shown = await world.say(MEGAN, f"visa {second.id}")
    assert shown.endswith("Vad vill vi av regionen?\nSkrivet av Lars Nilsson"), shown


async def test_adele_takes_lars_turn_in_english(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    third = world.slot_at(15, 1, 18)
    assert third.owner_name == "Lars Nilsson"
    before = len(world.connector.posted)
    answer = await world.say(ADELE, "I'll take Lars's turn", locale="en-US")
    await world.settle()
    assert answer == f"#{third.id} is now Adele Vance’s.", answer
    assert world.notices(LARS, before) == [
        f"Adele Vance tog över din tur #{third.id}, som publiceras fredag 15 januari kl. 18.00 i Allmänt: du "
        "behöver inte skriva det, och det publiceras under namnet på den som skriver texten."
    ]
    assert await world.say(ADELE, "I'll take Erik's turn", locale="en-US") == (
        "No one on the board is called “Erik's”. @mention whom you mean, e.g. assign NUMBER @name"
    )


async def test_a_member_not_on_the_board_takes_no_turn(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(ADMIN, "roll bort styrelse @Jonas", mentions=(JONAS,))
    answer = await world.say(JONAS, "jag tar Adeles tur")
    assert "styrelse" in answer and "är nu" not in answer, answer
    assert world.slot_at(15, 12, 18).owner_name == "Adele Vance"


async def test_change_and_delete_my_text_in_swedish(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    second, third = world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    await world.say(LARS, f"skriv {second.id} Vad vill vi av regionen?")  # Adele's turn, Lars's text
    answer = await world.say(LARS, "ändra min text: Vad kräver vi av regionen?")
    assert answer.startswith(f"Texten till #{second.id} är sparad"), answer
    assert world.slot_at(15, 12, 18).text == "Vad kräver vi av regionen?"

    # "min text" is Megan's own: her turn, which has none
    assert await world.say(MEGAN, "ta bort min text") == "#1 har ingen text att ta bort."

    before = len(world.connector.posted)
    answer = await world.say(LARS, "ta bort min text")
    await world.settle()
    assert answer == (
        f"Texten till #{second.id} är borttagen; inlägget väntar på en ny (skriv {second.id} DIN TEXT), och "
        "utan en ny publiceras ett inlägg ur banken. Adele Vance, som har turen, får veta det."
    ), answer
    [told] = world.notices(ADELE, before)
    assert told.startswith(f"Lars Nilsson took their text off #{second.id} (Tuesday 15 December"), told
    assert world.slot_at(15, 12, 18).text is None
    # with no text of his left, "min text" is his own turn, which has none
    assert await world.say(LARS, "radera min text") == f"#{third.id} har ingen text att ta bort."
    shown = await world.say(MEGAN, f"visa {second.id}")
    assert "Lars Nilsson" not in shown and "Adele Vance" not in shown.split("\n")[-1], shown

    # a colleague's text: Megan may take it off too, and Lars gets his words back
    await world.say(LARS, f"skriv {second.id} Vad kräver vi av regionen?")
    await world.settle()  # Adele is told of his text first
    before = len(world.connector.posted)
    answer = await world.say(MEGAN, f"radera {second.id}")
    await world.settle()
    assert answer == (
        f"Texten till #{second.id} är borttagen; inlägget väntar på en ny (skriv {second.id} DIN TEXT), och "
        "utan en ny publiceras ett inlägg ur banken. Lars Nilsson, som skrev den, får texten skickad till "
        "sig. Adele Vance, som har turen, får veta det."
    ), answer
    [to_lars] = world.notices(LARS, before)
    assert to_lars.startswith("Megan Bowen tog bort texten av Lars Nilsson"), to_lars
    assert to_lars.endswith("”Vad kräver vi av regionen?”"), to_lars
    assert len(world.notices(ADELE, before)) == 1
    assert world.slot_at(15, 12, 18).text is None


async def test_change_and_delete_my_text_in_english(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    for said, stored in (
        ("write my turn: What do we want from the region?", "What do we want from the region?"),
        ("change my text to: What should we ask of the region?", "What should we ask of the region?"),
        ("Edit my text - Where should we build homes?", "Where should we build homes?"),
    ):
        answer = await world.say(ADELE, said, locale="en-US")
        assert answer.startswith(f"Saved the text for #{second.id}"), (said, answer)
        assert world.slot_at(15, 12, 18).text == stored, said
    answer = await world.say(ADELE, "delete my text please", locale="en-US")
    assert answer == (
        f"The text for #{second.id} is taken off; it waits for a new one (write {second.id} YOUR TEXT), and "
        "without one a prompt from the bank is posted."
    ), answer
    assert world.slot_at(15, 12, 18).text is None
    await world.say(ADELE, f"write {second.id} Where should we build homes?", locale="en-US")
    assert (await world.say(ADELE, "remove my text", locale="en-US")).startswith("The text for #")
    # an administrator may take any text off
    await world.say(LARS, f"skriv {second.id} Var ska vi bygga?")
    answer = await world.say(ADMIN, f"radera {second.id}")
    assert answer.startswith(f"Texten till #{second.id} är borttagen"), answer


async def test_thanks_after_taking_a_turn_changes_nothing(world: World) -> None:
    """ "jag tar adeles tur tack" read "adeles tur" as the name."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    second = world.slot_at(15, 12, 18)
    assert await world.say(LARS, "jag tar adeles tur tack") == f"#{second.id} är nu Lars Nilssons tur."
    assert await world.say(ADELE, "I'll take Lars's turn, thanks", locale="en-US") == (
        f"#{second.id} is now Adele Vance’s."
    )
