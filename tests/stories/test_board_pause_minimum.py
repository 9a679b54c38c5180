"""A pause and the plan's "at least twice a month", and the schedule's list telling a skipped prompt from
one that will be posted, through the real server (the world of tests/schedules/test_prompt_stories.py).

What the board means: a pause is theirs to take, but the plan they answer for asks for prompts at least
twice a month; the answer says which months the pause leaves short and by how much, so the board decides
knowingly (and not at all when the pause leaves every month two). The list of coming prompts under a
schedule change is the list `kommande` shows: a skipped prompt is said to be skipped, not shown as if it
were to be posted.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_a_summer_pause_says_which_months_fall_short(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, "paus 15/6 15/8", channel=GENERAL)
    assert answer.endswith(
        "\nObs! Planen kräver inlägg minst två gånger i månaden, och med pausen får kanalen "
        "1 inlägg i juni 2027, inget inlägg i juli 2027 och inget inlägg i augusti 2027."
    ), answer
    await world.say(MEGAN, "paus slut", channel=GENERAL)
    short = await world.say(MEGAN, "paus 2/12 14/12", channel=GENERAL)  # between the 1st and the 15th
    assert "Obs!" not in short, short
    assert short.startswith("Paus 2–14 dec. 2026:"), short  # the month once


async def test_in_english_a_christmas_pause_and_a_skipped_prompt_in_the_new_list(world: World) -> None:
    """15 December is skipped: December has one prompt, on the 1st, and the pause takes none of it;
    January's 1st is a holiday, and the pause takes the 15th."""
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    second = world.slot_at(15, 12, 18)
    await world.say(ADELE, f"skip {second.id}", locale="en-US")
    changed = await world.say(ADELE, "schedule at 19", channel=GENERAL, locale="en-US")
    assert f"#{second.id}  Tuesday 15 December at 19:00 · Adele Vance · skipped\n" in changed, changed
    answer = await world.say(ADELE, "pause 2026-12-20 2027-01-20", channel=GENERAL, locale="en-US")
    assert answer.endswith(
        "\nNote: the plan asks for prompts at least twice a month; with the pause this channel gets "
        "no prompt in January 2027."
    ), answer


async def test_the_same_pause_written_again_changes_nothing_and_says_so(world: World) -> None:
    """It said "now runs …, joined with the one already planned", as if it had grown."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "paus 15/6 15/8", channel=GENERAL)
    again = await world.say(MEGAN, "paus 2027-06-15 2027-08-15", channel=GENERAL)
    assert again == (
        "Inläggen här är redan pausade 15 juni–15 aug. 2027; inget ändrades. "
        "Vill du häva pausen skriver du: paus slut"
    ), again
    within = await world.say(ADELE, "pause 1/7 31/7", channel=GENERAL, locale="en-US")
    assert within.startswith("The prompts here are already paused 15 Jun–15 Aug 2027; nothing changed."), (
        within
    )
