"""The prompt rota after schedule changes, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, in the order they joined;
Megan's Teams in Swedish, Adele's in English; the General channel and the chairs' channel).

What the board means by taking turns: turns go round the board in order, one rota for the district
whichever channel a prompt goes up in; a schedule change (a schedule added or stopped, a day or an hour
changed) neither restarts the rota nor skips anyone, and nobody gets a second turn before everyone had one.
A turn someone already wrote the text for stays theirs.
"""

from __future__ import annotations

from datetime import timedelta

from bot.services.prompting import SlotStatus
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, CHAIRS, GENERAL, LARS, MEGAN, World

world = stories.world  # the same district, board and channels


def rota(world: World) -> list[tuple[str, str | None]]:
    """Each turn (a slot that is someone's turn) as (day and hour in Stockholm, owner), in order."""
    return [
        ((slot.due_at + timedelta(hours=1)).strftime("%d/%m %H"), slot.owner_name)
        for slot in world.slots()
        if slot.status not in (SlotStatus.CANCELLED, SlotStatus.PAUSED)
    ]


async def test_a_schedule_in_a_second_channel_continues_the_boards_rota(world: World) -> None:
    """Adele sets up prompts in the chairs' channel after Megan did in General. The first of them is the
    next turn (Adele's), not Megan's again: one rota for the board, not one per channel."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(ADELE, "schedule first tuesday at 19", channel=CHAIRS, locale="en-US")
    assert "Tuesday 1 December at 19:00 · Adele Vance" in answer, answer
    assert rota(world) == [
        ("01/12 18", "Megan Bowen"),
        ("01/12 19", "Adele Vance"),
        ("15/12 18", "Lars Nilsson"),
        ("05/01 19", "Jonas"),
        ("15/01 18", "Megan Bowen"),
    ]
    listed = await world.say(MEGAN, "kommande")
    assert "tisdag 1 december kl. 19.00 · Adele Vance" in listed


async def test_a_day_added_to_the_rule_takes_the_next_turn_and_pushes_the_rest_on(world: World) -> None:
    """Adding the 8th to "1 och 15": the new day is the next turn in order, and the turns after it move
    on by one. (The new days went to whoever came after the last prompt laid out: Jonas on 8 December, and
    Megan on 8 January, her second turn before Lars had his first.)"""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    changed = await world.say(ADELE, "schedule 1, 8 and 15 at 18", channel=GENERAL, locale="en-US")
    assert "Tuesday 8 December at 18:00 · Adele Vance" in changed, changed
    assert [owner for _, owner in rota(world)] == [
        "Megan Bowen",
        "Adele Vance",
        "Lars Nilsson",
        "Jonas",
        "Megan Bowen",
    ]


async def test_a_day_taken_out_of_the_rule_skips_nobody(world: World) -> None:
    """Taking the 8th out: Adele's turn on the 8th is gone, so her turn is the next prompt (the 15th), not
    Lars's: the board's order stands and nobody is skipped."""
    await world.say(MEGAN, "schema 1, 8 och 15 kl 18", channel=GENERAL)
    assert rota(world)[1] == ("08/12 18", "Adele Vance")
    changed = await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    assert "tisdag 15 december kl. 18.00 · Adele Vance" in changed, changed
    assert rota(world) == [
        ("01/12 18", "Megan Bowen"),
        ("15/12 18", "Adele Vance"),
        ("15/01 18", "Lars Nilsson"),
    ]


async def test_a_changed_hour_keeps_every_turn(world: World) -> None:
    """Moving the prompts from 18 to 19 changes when, not whose: every prompt keeps its owner."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    before = [owner for _, owner in rota(world)]
    await world.say(ADELE, "schedule 1 and 15 at 19", channel=GENERAL, locale="en-US")
    assert [when for when, _ in rota(world)] == ["01/12 19", "15/12 19", "15/01 19"]
    assert [owner for _, owner in rota(world)] == before == ["Megan Bowen", "Adele Vance", "Lars Nilsson"]


async def test_a_stopped_schedule_leaves_no_gap_in_the_rota(world: World) -> None:
    """When the chairs' channel stops its prompts, the turns its prompts held go on in General: Lars,
    whose turn was next after Adele's prompt in the chairs' channel, is not left waiting for a round."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(ADELE, "schedule first tuesday at 19", channel=CHAIRS, locale="en-US")
    stopped = await world.say(ADELE, "schedule stop", channel=CHAIRS, locale="en-US")
    assert stopped.startswith("The schedule in this channel is stopped"), stopped
    assert rota(world) == [
        ("01/12 18", "Megan Bowen"),
        ("15/12 18", "Adele Vance"),
        ("15/01 18", "Lars Nilsson"),
    ]


async def test_a_written_turn_stays_its_owners_when_the_rule_changes(world: World) -> None:
    """Adele has written the text for her turn on the 15th. When the 8th is added, her turn and text stay
    on the 15th; the new day goes to Lars, who has had no turn yet, and nobody has two turns in a row."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    adeles = world.slot_at(15, 12, 18)
    assert adeles.owner_name == "Adele Vance"
    await world.say(ADELE, f"write {adeles.id} How do we reach more young people?", locale="en-US")
    await world.say(MEGAN, "schema 1, 8 och 15 kl 18", channel=GENERAL)
    kept = world.slot_at(15, 12, 18)
    assert (kept.id, kept.owner_name, kept.text) == (
        adeles.id,
        "Adele Vance",
        "How do we reach more young people?",
    )
    owners = [owner for _, owner in rota(world)]
    assert owners == ["Megan Bowen", "Lars Nilsson", "Adele Vance", "Jonas", "Megan Bowen"]
    assert world.slot_at(8, 12, 18).owner_name == "Lars Nilsson"
    assert LARS.name in await world.say(LARS, "kommande")
