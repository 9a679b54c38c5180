"""A few weeks of the board's prompts asked about in the board's own words, through the real server (the
world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, Sunday 22
November 2026; Megan's and Lars's Teams in Swedish, Adele's in English).

What a board member means:
- "schemalägg 1 och 15 kl 18" is the plan's own verb ("schemalägga inlägg"): set the schedule, as
  `schema 1 och 15 kl 18` does, not an unknown command.
- "show my turn" / "visa mig min tur" is their own next prompt as it will be posted (`visa min tur`), not
  their reports or goals ("Did you mean my reports, my goals or my data?").
- "vad postades senast?", "what was posted?" ask what went out: `historik`, with the text's writer or the
  bank, not "I can't answer that".
- "vem är nästa?", "who is up next?", "när postas mitt inlägg?" and "vilka texter väntar på godkännande?"
  ask for the coming prompts: whose turn each is and whether a text waits for approval.
- "kan Adele ta min tur?" / "could Jonas take my turn?" asks how to hand one's turn on: the coming prompts,
  one's own turn and the line that gives it away (not "I can't answer that").
- "visa nästa inlägg" / "show me the next prompt" is the first prompt still to go out, as `visa 1` shows it
  (not "write the prompt's number").
- "vem skrev det senaste inlägget?", "how many prompts have we posted?" are answered by `historik`.
"""

from __future__ import annotations

from datetime import timedelta

from bot.app import SCHEDULER
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

world = stories.world


async def post(world: World, slot_id: int) -> None:
    """The slot posted at its time."""
    slot = next(s for s in world.slots() if s.id == slot_id)
    world.clock.now = slot.due_at + timedelta(seconds=1)
    await world.client.app[SCHEDULER].poster.post(slot_id)
    await world.settle()


async def test_in_swedish_the_board_schedules_looks_and_asks_what_went_out(world: World) -> None:
    answer = await world.say(MEGAN, "schemalägg 1 och 15 kl 18", channel=GENERAL)
    assert answer.startswith("Inlägg publiceras i den här kanalen den 1 och den 15 varje månad kl. 18.00\n")
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    assert (first.owner_name, second.owner_name) == ("Megan Bowen", "Adele Vance")

    await world.say(MEGAN, "skriv min tur: Vad vill vi att regionen gör med vården?")
    for asked in ("visa mig min tur", "kan du visa min tur?"):
        shown = await world.say(MEGAN, asked)
        assert shown == (
            "Diskussionsinlägg\nVad vill vi att regionen gör med vården?\nSkrivet av Megan Bowen"
        ), (asked, shown)

    for asked in ("visa nästa inlägg", "visa mig nästa inlägg"):  # #1, Megan's, the next to go out
        shown = await world.say(LARS, asked)
        assert shown.endswith("Vad vill vi att regionen gör med vården?\nSkrivet av Megan Bowen"), (
            asked,
            shown,
        )

    lars = world.slot_at(15, 1, 18)
    answer = await world.say(LARS, "kan Adele ta min tur?")  # his turn, and the line that gives it to her
    assert f"Din nästa tur: #{lars.id}, fredag 15 januari kl. 18.00." in answer, answer
    assert f"ge {lars.id} @namn" in answer, answer

    for asked in ("vem är nästa?", "Vem är på tur?", "när postas mitt inlägg?"):
        coming = await world.say(LARS, asked)
        assert coming.startswith(
            "Kommande diskussionsinlägg\n"
            f"#{first.id}  tisdag 1 december kl. 18.00 · Megan Bowen · texten klar\n"
            f"#{second.id}  tisdag 15 december kl. 18.00 · Adele Vance · ingen text än\n"
        ), (asked, coming)

    await post(world, first.id)
    for asked in (
        "vad postades senast?",
        "Vad har publicerats hittills?",
        "vilka inlägg har gått ut?",
        "vem skrev det senaste inlägget?",
        "hur många inlägg har vi gjort?",
    ):
        history = await world.say(LARS, asked)
        assert history.startswith(
            f"Publicerade inlägg\n#{first.id}  tisdag 1 december kl. 18.00 · publicerat · Megan Bowens text"
        ), (asked, history)


async def test_in_english_adele_sees_her_turn_what_waits_and_what_went_out(world: World) -> None:
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    await world.say(ADELE, "approval on", channel=GENERAL, locale="en-US")
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(ADELE, "write my turn: How do we reach young members?", locale="en-US")
    for asked in ("show my turn", "Show me my next turn please", "can you show my turn?"):
        shown = await world.say(ADELE, asked, locale="en-US")
        written = "Discussion prompt\nHow do we reach young members?\nWritten by Adele Vance"
        assert shown.startswith(written), (asked, shown)

    for asked in ("show me the next prompt", "show the next prompt please"):  # #1, Megan's, from the bank
        shown = await world.say(ADELE, asked, locale="en-US")
        assert shown.startswith("Discussion prompt\n") and "From the prompt bank" in shown, (asked, shown)

    answer = await world.say(ADELE, "could Jonas take my turn?", locale="en-US")
    assert f"Your next turn: #{second.id}, Tuesday 15 December at 18:00." in answer, answer
    assert f"assign {second.id} @name" in answer, answer

    for asked in ("which texts are waiting for approval?", "who is up next?", "when is my prompt posted?"):
        coming = await world.say(ADELE, asked, locale="en-US")
        assert coming.startswith("Upcoming discussion prompts\n"), (asked, coming)
        assert (
            f"#{second.id}  Tuesday 15 December at 18:00 · Adele Vance · text written, awaiting approval\n"
        ) in coming, (asked, coming)

    await post(world, first.id)
    for asked in (
        "what was posted?",
        "What has been posted so far?",
        "what went out last week",
        "who wrote the last prompt?",
        "how many prompts have we posted?",
    ):
        history = await world.say(ADELE, asked, locale="en-US")
        assert history.startswith(
            f"Posted prompts\n#{first.id}  Tuesday 1 December at 18:00 · posted · from the bank"
        ), (asked, history)
