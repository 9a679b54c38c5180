"""What a board member writes around a command, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board).

What a board member means: "Hej! kommande" is "kommande", "Hi, upcoming" is "upcoming", and a greeting
before "skriv 3 TEXT" leaves the text as written, its question mark too. And "visa" of a prompt that was
skipped shows its text as kept, not as waiting for an approval that no longer decides anything.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_a_greeting_before_a_command_in_swedish(world: World) -> None:
    await world.say(MEGAN, "Hej! schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    listed = await world.say(MEGAN, "Hej! kommande")
    assert listed.startswith("Kommande diskussionsinlägg\n"), listed
    answer = await world.say(MEGAN, f"hejsan, skriv {first.id} Hur når vi fler unga?")
    assert answer == f"Texten till #{first.id} är sparad; inlägget publiceras på sin tid.", answer
    assert world.slot_at(1, 12, 18).text == "Hur når vi fler unga?"

    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    await world.say(MEGAN, f"hoppa {first.id} ja")
    shown = await world.say(MEGAN, f"visa {first.id}")
    assert "godkänn" not in shown and "banken" not in shown, shown
    assert shown.endswith(
        f"Skrivet av Megan Bowen\n#{first.id} är överhoppat: det sparas men publiceras inte. "
        f"Vill du publicera det ändå: hoppa inte {first.id}"
    ), shown


async def test_a_greeting_before_a_command_in_english(world: World) -> None:
    await world.say(ADELE, "Hi, schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    listed = await world.say(ADELE, "Hello upcoming", locale="en-US")
    assert listed.startswith("Upcoming discussion prompts\n"), listed
    await world.say(ADELE, f"hey write {second.id} What should the region do?", locale="en-US")
    assert world.slot_at(15, 12, 18).text == "What should the region do?"
    await world.say(ADELE, "approval on", channel=GENERAL, locale="en-US")
    await world.say(ADELE, f"skip {second.id} yes", locale="en-US")
    shown = await world.say(ADELE, f"preview {second.id}", locale="en-US")
    assert "approve" not in shown and "bank" not in shown, shown
    assert shown.endswith(
        f"#{second.id} is skipped: it is kept but not posted. To post it after all: unskip {second.id}"
    ), shown
