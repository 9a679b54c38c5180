"""The follow-up's coming prompts say what `kommande` says, through the real server (the world of
tests/schedules/test_prompt_stories.py).

What the board means: the follow-up is read at the board meeting; "text written" beside a prompt that is
paused, or whose text still waits for approval (and would give way to the bank), tells them all is well
when it is not. Each coming prompt reads as in `kommande`: text ready, awaiting approval, paused, or no
text yet.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, LARS, MEGAN, World

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
    for line, in_report in (
        (
            f"#{first.id}  tisdag 1 december kl. 18.00 · Megan Bowen · texten skriven, väntar på godkännande",
            "1 dec. 2026: Megan Bowen · texten skriven, väntar på godkännande",
        ),
        (
            f"#{second.id}  tisdag 15 december kl. 18.00 · Adele Vance · pausat",
            "15 dec. 2026: Adele Vance · pausat",
        ),
        (
            f"#{third.id}  fredag 15 januari kl. 18.00 · Lars Nilsson · texten klar",
            "15 jan. 2027: Lars Nilsson · texten klar",
        ),
    ):
        assert line in coming, coming
        assert in_report in report, report

    english = await world.say(ADELE, "follow-up", locale="en-US")
    assert "1 Dec 2026: Megan Bowen · text written, awaiting approval" in english, english
    assert "15 Dec 2026: Adele Vance · paused" in english, english
