"""The follow-up's coming prompts say what `kommande` says, through the real server (the world of
tests/schedules/test_prompt_stories.py).

What the board means: the follow-up is read at the board meeting; "text written" beside a prompt that is
paused, or whose text still waits for approval (and would give way to the bank), tells them all is well
when it is not. Each coming prompt reads as in `kommande`: text ready, awaiting approval, paused, or no
text yet; and when and where, as `kommande` says it: the day and hour in Swedish time, and with prompts in
several channels, each channel's name once over its prompts.
"""

from __future__ import annotations

import pytest

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World, two_channels

world = stories.world


async def test_the_follow_up_and_upcoming_read_the_same(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second, third = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18), world.slot_at(15, 1, 18)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    await world.say(MEGAN, f"skriv {first.id} Vad ska vi kräva av regionen?")
    await world.say(LARS, f"skriv {third.id} Hur bygger vi föreningen?")
    await world.say(ADELE, f"approve {third.id}", locale="en-US")
    await world.say(MEGAN, "paus 10/12 20/12", channel=GENERAL)

    coming = await world.say(MEGAN, "kommande")
    report = await world.say(MEGAN, "uppföljning")
    for line in (
        f"#{first.id} tisdag 1 december kl. 18.00 · Megan Bowen · texten skriven, väntar på godkännande",
        f"#{second.id} tisdag 15 december kl. 18.00 · Adele Vance · pausat",
        f"#{third.id} fredag 15 januari kl. 18.00 · Lars Nilsson · texten klar",
    ):
        assert line in coming.replace("  ", " "), coming  # the card's facts: number and line apart
        assert line in report, report
    assert "\nAlla tider anges i svensk tid." in coming and "\nAlla tider anges i svensk tid." in report

    english = await world.say(ADELE, "follow-up", locale="en-US")
    assert (
        f"#{first.id} Tuesday 1 December at 18:00 · Megan Bowen · text written, awaiting approval" in english
    )
    assert f"#{second.id} Tuesday 15 December at 18:00 · Adele Vance · paused" in english, english


async def test_in_several_channels_each_is_named_once_over_its_prompts(world: World) -> None:
    """With prompts in two channels, `kommande` in a personal chat and the follow-up both say where each
    goes: the channel's name once, over its prompts in time order, not a long name on every line."""
    await two_channels(world)
    general = [world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)]
    chairs = world.slot_at(1, 12, 19)
    for asked, heads in (
        ("kommande", ("Allmänt", "Kanalen med inlägg första tisdagen i månaden kl. 19.00")),
        ("uppföljning", ("Kommande inlägg i Allmänt", CHAIRS_COMING)),
    ):
        shown = (await world.say(MEGAN, asked)).replace("  ", " ")
        shown = shown.replace("\nAlla tider anges i svensk tid.\n", "\n")  # the follow-up's note, first
        assert (
            f"{heads[0]}\n#{general[0].id} tisdag 1 december kl. 18.00 · Megan Bowen · ingen text än\n"
            f"#{general[1].id} tisdag 15 december kl. 18.00 · Lars Nilsson · ingen text än\n"
        ) in shown.replace("\n\n#", "\n#"), shown
        assert f"{heads[1]}\n#{chairs.id} tisdag 1 december kl. 19.00 · Adele Vance · ingen text än" in shown
        assert shown.count("första tisdagen i månaden") == 1, shown
    english = await world.say(ADELE, "upcoming", locale="en-US")
    assert "\nThe channel with prompts on the first Tuesday of the month at 19:00\n" in english, english


CHAIRS_COMING = "Kommande inlägg i kanalen med inlägg första tisdagen i månaden kl. 19.00"


@pytest.mark.parametrize(
    ("asked", "locale", "headings"),
    [
        ("uppföljning", "sv-SE", ("Publicerade inlägg", "Kommande inlägg i Allmänt")),
        ("follow-up", "en-US", ("Prompts posted", "Upcoming prompts in General")),
    ],
)
async def test_no_prompt_posted_is_said_once_and_upcoming_is_one_word(
    world: World, asked: str, locale: str, headings: tuple[str, str]
) -> None:
    """What a board member means: "0 inlägg publicerade" over "Inga inlägg har publicerats." says the same
    twice; and the heading over a channel's coming prompts is the one `upcoming` uses, "Upcoming prompts",
    not "Coming prompts in General" beside it."""
    await two_channels(world)
    lines = (await world.say(MEGAN, asked, locale=locale)).split("\n")
    posted, upcoming = headings
    assert lines[lines.index(posted) + 1] in ("Inga inlägg har publicerats.", "No prompts posted.")
    assert upcoming in lines
    assert not any(line.startswith(("0 inlägg", "0 prompts", "Coming prompts")) for line in lines)
