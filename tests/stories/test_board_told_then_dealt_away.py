"""Whoever was told a turn is theirs is told when a later change deals it to someone else, through the real
server (the world of tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board;
Megan's Teams in Swedish, Adele's in English; Alex Wilber the administrator).

What a board member means by "#7 är nu ditt" is that they should write #7. If a later change (another
schedule change, someone joining or leaving the board) deals #7 to someone else and nobody says so, they
write a text for a turn that is not theirs, and the one who now holds it does not know they were second.
So everyone told a turn is theirs is told when it no longer is, who made the change and who has it now;
and nobody is told of a turn they never heard was theirs.
"""

from __future__ import annotations

import re

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, JONAS, LARS, MEGAN, Who, World

world = stories.world
BOARD = (MEGAN, ADELE, LARS, JONAS)


def turns_told(world: World, since: int) -> dict[int, Who]:
    """The turns each board member was told are now theirs since `since` (the lines "#N …" of a notice
    saying so)."""
    told: dict[int, Who] = {}
    for who in BOARD:
        for notice in world.notices(who, since):
            if "now yours" in notice or "nu ditt" in notice or "nu dina" in notice:
                told.update((int(n), who) for n in re.findall(r"^#(\d+) ", notice, re.MULTILINE))
    return told


async def told_then_dealt_away(
    world: World, change: str, *, by: Who, locale: str, mentions: tuple[Who, ...] = ()
) -> list[str]:
    """Megan's schedule, then Adele adds the 8th (turns are dealt anew and their new owners told); then
    `change`. Every turn someone was told is theirs that `change` dealt to another: what they were told."""
    world.clock.now = stories.START
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    before = len(world.connector.posted)
    await world.say(ADELE, "schedule 1, 8 and 15 at 18", channel=GENERAL, locale="en-US")
    await world.settle()
    told = {n: who for n, who in turns_told(world, before).items()}
    assert told, "nobody was told a turn is theirs"
    before = len(world.connector.posted)
    await world.say(by, change, channel=GENERAL, locale=locale, mentions=mentions)
    await world.settle()
    owners = {slot.id: slot.owner_name for slot in world.slots()}
    lost = {n: who for n, who in told.items() if owners.get(n) not in (who.name, None)}
    assert lost, "the change dealt no told turn away"
    notices = []
    for n, who in lost.items():
        [notice] = [x for x in world.notices(who, before) if re.search(rf"^#{n} ", x, re.MULTILINE)]
        assert f"#{n} " in notice and str(owners[n]) in notice, notice
        notices.append(notice)
    for who in BOARD:  # nobody hears a turn is no longer theirs that they never heard was
        for notice in world.notices(who, before):
            for n in re.findall(r"^#(\d+) .*\((?:now|nu) ", notice, re.MULTILINE):
                assert told.get(int(n)) is who, notice
    return notices


async def test_a_turn_told_yours_and_then_dealt_away_by_a_schedule_change_is_told(world: World) -> None:
    notices = await told_then_dealt_away(world, "schema 1 och 15 kl 18", by=MEGAN, locale="sv-SE")
    for notice in notices:
        assert notice.startswith(
            (
                "Megan Bowen ändrade schemat i Allmänt, så turerna delades ut på nytt; ",
                "Megan Bowen changed the prompt schedule in General, so the turns were dealt again; ",
            )
        ), notice
        assert "inte längre" in notice or "no longer" in notice, notice


async def test_in_english_a_turn_told_yours_and_then_dealt_away_when_someone_leaves_the_board(
    world: World,
) -> None:
    notices = await told_then_dealt_away(
        world, "role remove board @Jonas", by=ADMIN, locale="en-US", mentions=(JONAS,)
    )
    assert any(
        notice.startswith(
            "Alex Wilber took Jonas off the board, so the turns were dealt again; "
            "discussion prompts are no longer yours:"
        )
        or notice.startswith(
            "Alex Wilber took Jonas off the board, so the turns were dealt again; "
            "a discussion prompt is no longer yours:"
        )
        or notice.startswith("Alex Wilber tog bort Jonas ur styrelsen, så turerna delades ut på nytt; ")
        for notice in notices
    ), notices


async def test_a_turn_told_yours_and_then_given_to_another_by_hand_is_told(world: World) -> None:
    """`ge`: the board gives a turn someone was told is theirs to another; they are told too, in their own
    language (Adele's Teams speaks English, Megan's Swedish)."""
    world.clock.now = stories.START
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    before = len(world.connector.posted)
    await world.say(LARS, "schema 1, 8 och 15 kl 18", channel=GENERAL)
    await world.settle()
    told = turns_told(world, before)
    assert {ADELE, MEGAN} & set(told.values()), told
    for number, who in told.items():
        if who in (ADELE, MEGAN):
            before = len(world.connector.posted)
            await world.say(LARS, f"ge {number} @Jonas", mentions=(JONAS,))
            await world.settle()
            [notice] = world.notices(who, before)
            assert notice.startswith(
                (
                    f"Lars Nilsson gav diskussionsinlägg #{number}, ",
                    f"Lars Nilsson gave the discussion prompt #{number}, ",
                )
            ), notice
            assert notice.endswith(
                ("till Jonas: du behöver inte skriva det.", "to Jonas: you need not write it.")
            ), notice
