"""The owner of a prompt answers their reminder with one tap, through the real HTTP server, Teams-shaped.

What a board member means: "it's my turn" is answered in the reminder itself, by writing the text there,
by letting the bank post one, or by swapping turns with another board member, without typing a command.
Each tap does what its command does (`skriv`, `visa`, `byt`) and the card shows the outcome.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.app import SCHEDULER
from bot.services.people import Role
from bot.services.plan_import import SAMPLE_DISTRICT
from tests.test_engagement import ADELE, MEGAN, START, World, person
from tests.test_engagement import world as board  # noqa: F401 - the fixture: the district's board
from tests.test_one_tap import buttons, shown, tap


async def owner_reminder(world: World) -> dict[str, Any]:
    """Two days before Megan's slot: her reminder's card."""
    world.clock.now = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    before = len(world.connector.posted)
    assert await world.client.app[SCHEDULER].poster.remind_owners() == 1
    # (a notice that someone was given a slot may arrive meanwhile: it carries no card)
    [reminder] = [p for p in world.connector.posted[before:] if p.body.get("attachments")]
    return dict(reminder.body["attachments"][0]["content"])


def actions(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {action["title"]: action for action in card.get("actions", [])}


async def test_the_owner_writes_the_text_in_the_reminder(board: World) -> None:  # noqa: F811
    world = board
    card = await owner_reminder(world)
    assert list(actions(card)) == ["Skriv texten", "Använd banken", "Byt med någon"]
    write = actions(card)["Skriv texten"]
    empty = await tap(world, write, who=MEGAN)
    assert empty["type"] == "application/vnd.microsoft.activity.message"
    filled = {**write, "data": {**write["data"], "text": "Vad ska regionen satsa på?"}}
    answer = await tap(world, filled, who=MEGAN)
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    slot_id = write["data"]["slot"]
    assert f"Texten till #{slot_id} är sparad" in shown(answer)
    assert world.components.prompts.slot(slot_id).text == "Vad ska regionen satsa på?"
    # Someone else's tap on Megan's card changes nothing.
    other = await tap(world, {**filled, "data": {**filled["data"], "text": "Annat"}}, who=ADELE)
    assert other["type"] == "application/vnd.microsoft.activity.message"  # not on the board: refused
    assert "Det kan bara styrelsen" in other["value"]
    assert world.components.prompts.slot(slot_id).text == "Vad ska regionen satsa på?"


async def test_the_owner_lets_the_bank_post_or_swaps_turns(board: World) -> None:  # noqa: F811
    world = board
    world.components.people.grant(person(ADELE), SAMPLE_DISTRICT, Role.BOARD, now=START)
    await world.say("hjälp", who=ADELE)
    assert world.components.desk.assign(2, person(ADELE), SAMPLE_DISTRICT, person(MEGAN))
    card = await owner_reminder(world)
    not_hers = await tap(world, actions(card)["Använd banken"], who=ADELE)
    assert "någon annans" in not_hers["value"]
    bank = await tap(world, actions(card)["Använd banken"], who=MEGAN, locale="en-US")
    assert "unless someone writes a text" in shown(bank)

    choices = await tap(world, actions(card)["Byt med någon"], who=MEGAN)
    offered = buttons(choices["value"])
    assert offered and all("Adele Vance" in button["title"] for button in offered)
    slot_id, other = offered[0]["data"]["slot"], offered[0]["data"]["with"]
    swapped = await tap(world, offered[0], who=MEGAN)
    assert f"#{slot_id} är nu Adele Vances" in shown(swapped)
    assert world.components.prompts.slot(slot_id).owner_name == "Adele Vance"
    assert world.components.prompts.slot(other).owner_name == "Megan Bowen"


async def test_an_owner_who_snoozed_is_not_reminded_of_their_turn(board: World) -> None:  # noqa: F811
    world = board
    await world.say("påminn mig inte före 30/11")
    world.clock.now = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    assert await world.client.app[SCHEDULER].poster.remind_owners() == 0
    world.clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    assert await world.client.app[SCHEDULER].poster.remind_owners() == 1
