"""Turns the board gives or swaps by hand, through schedule changes, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, in the order they joined;
Megan's Teams in Swedish, Adele's in English).

What the board means: a turn given by hand ("ge 3 @Anna", "give 3 @Anna") or swapped ("byt 3 5", "swap 3
5") is the board's decision, and stays with that person through schedule changes (a day added or taken out,
the hour changed, a pause, another channel's schedule stopped) for as long as the prompt is still due and
the person is on the board; the rest of the rota goes round around it, and nobody gets a second turn before
everyone had one, where the turns given by hand permit. Whoever leaves the board gives up their turns,
given by hand or not, and those are dealt in the rota again.

And: a board member who was already reminded to write a turn that a schedule change then deals to someone
else is told, in their language, that it is no longer theirs, so that they do not write it for nothing.
"""

from __future__ import annotations

from datetime import timedelta

from bot.app import SCHEDULER
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, JONAS, LARS, MEGAN, World
from tests.stories.test_rota_stories import rota

world = stories.world  # the same district, board and channels


async def test_a_turn_given_by_hand_stays_through_schedule_changes(world: World) -> None:
    """Megan gives the turn on 15 December to Jonas ("ge"). Moving the hour, and then adding the 8th, keep
    it his; the other turns go round the board around it."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    given = world.slot_at(15, 12, 18)
    assert given.owner_name == "Adele Vance"
    assert (
        await world.say(MEGAN, f"ge {given.id} @Jonas", mentions=(JONAS,)) == f"#{given.id} är nu Jonas tur."
    )

    await world.say(MEGAN, "schema 1 och 15 kl 19", channel=GENERAL)
    assert world.slot_at(15, 12, 19).owner_name == "Jonas"
    await world.say(MEGAN, "schema 1, 8 och 15 kl 18", channel=GENERAL)
    kept = world.slot_at(15, 12, 18)
    assert (kept.id, kept.owner_name) == (given.id, "Jonas")
    assert rota(world) == [
        ("01/12 18", "Megan Bowen"),
        ("08/12 18", "Adele Vance"),
        ("15/12 18", "Jonas"),
        ("08/01 18", "Lars Nilsson"),
        ("15/01 18", "Megan Bowen"),
    ]
    listed = await world.say(JONAS, "kommande")
    assert f"#{given.id}" in listed and "Jonas" in listed


async def test_turns_swapped_by_hand_stay_swapped_until_one_of_them_leaves_the_board(world: World) -> None:
    """Adele swaps her turn with Lars's ("swap"); taking the 8th out and putting it back keeps the swap.
    Then she swaps her turn on the 1st with Megan's on the 15th; when Megan leaves the board, the turn she
    had by that swap is dealt in the rota, and every change after goes round the three left."""
    await world.say(MEGAN, "schema 1, 8 och 15 kl 18", channel=GENERAL)
    adeles, lars = world.slot_at(8, 12, 18), world.slot_at(15, 12, 18)
    assert (adeles.owner_name, lars.owner_name) == ("Adele Vance", "Lars Nilsson")
    swapped = await world.say(ADELE, f"swap {adeles.id} {lars.id}", locale="en-US")
    assert "Lars Nilsson" in swapped and "Adele Vance" in swapped, swapped

    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    assert world.slot_at(15, 12, 18).owner_name == "Adele Vance"  # her swapped turn; the 8th is gone
    await world.say(ADELE, "schedule 1, 8 and 15 at 18", channel=GENERAL, locale="en-US")
    assert world.slot_at(15, 12, 18).owner_name == "Adele Vance"
    assert rota(world) == [
        ("01/12 18", "Megan Bowen"),
        ("08/12 18", "Lars Nilsson"),
        ("15/12 18", "Adele Vance"),
        ("08/01 18", "Jonas"),
        ("15/01 18", "Megan Bowen"),
    ]

    await world.say(ADELE, f"swap {world.slot_at(1, 12, 18).id} {lars.id}", locale="en-US")
    assert world.slot_at(1, 12, 18).owner_name == "Adele Vance"
    assert world.slot_at(15, 12, 18).owner_name == "Megan Bowen"
    await world.say(ADMIN, "roll bort styrelse @Megan Bowen", mentions=(MEGAN,))
    dealt = world.slot_at(15, 12, 18)
    assert dealt.owner_name not in ("Megan Bowen", None) and not dealt.by_hand  # dealt in the rota now
    assert "Megan Bowen" not in [owner for _, owner in rota(world)]
    await world.say(ADELE, "schedule 1, 8 and 15 at 19", channel=GENERAL, locale="en-US")
    owners = [owner for _, owner in rota(world)]
    assert all(len(set(owners[i : i + 3])) == len(owners[i : i + 3]) for i in range(len(owners))), owners


async def reminded_then_dealt_away(world: World, who: stories.Who, day: int, rule: str, locale: str) -> str:
    """`who` is reminded of their turn on `day` December; then a day before it is added to the rule
    (`rule`), which deals that turn to the next in the rota. What `who` is told."""
    slot = world.slot_at(day, 12, 18)
    assert slot.owner_name == who.name
    world.clock.now = slot.due_at - timedelta(days=2) + timedelta(minutes=30)  # within the reminder's days
    assert await world.client.app[SCHEDULER].poster.remind_owners() >= 1
    await world.settle()
    before = len(world.connector.posted)
    await world.say(MEGAN if who is not MEGAN else ADELE, rule, channel=GENERAL, locale=locale)
    await world.settle()
    now_owner = world.slot_at(day, 12, 18).owner_name
    assert now_owner not in (who.name, None)
    [told] = [n for n in world.notices(who, before) if f"#{slot.id} " in n]
    assert now_owner in told, told
    for other in (MEGAN, ADELE, LARS, JONAS):  # nobody else was reminded of a turn they lost
        if other is not who:
            assert not any("no longer" in n or "inte längre" in n for n in world.notices(other, before))
    return told


async def test_a_reminded_owner_is_told_in_swedish_when_a_change_deals_their_turn_away(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    told = await reminded_then_dealt_away(world, MEGAN, 1, "schedule 1, 15 and 30 at 18", "en-US")
    assert told.startswith(
        "Adele Vance ändrade schemat i Allmänt, så turerna delades ut på nytt; "
        "ett diskussionsinlägg är inte längre ditt:"
    ), told
    assert told.endswith("Du behöver inte skriva det. Se när det är din tur nästa gång med: kommande"), told


async def test_a_reminded_owner_is_told_in_english_when_a_change_deals_their_turn_away(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    told = await reminded_then_dealt_away(world, ADELE, 15, "schema 1, 14 och 15 kl 18", "sv-SE")
    assert told.startswith(
        "Megan Bowen changed the prompt schedule in General, so the turns were dealt again; "
        "a discussion prompt is no longer yours:"
    ), told
    assert "Tuesday 15 December at 18:00 in General (now Lars Nilsson)" in told, told


async def test_whose_turn_was_given_away_is_not_skipped_for_a_round(world: World) -> None:
    """Megan gives Adele's turn on 8 December to herself ("ge"). Once Lars's turn on the 15th is past,
    the hour changes: the coming turns go to Adele and Jonas, who have had none, before Megan has a
    third; not round from Lars as if Adele had had hers."""
    await world.say(MEGAN, "schema 1, 8 och 15 kl 18", channel=GENERAL)
    eighth = world.slot_at(8, 12, 18)
    assert eighth.owner_name == "Adele Vance"
    await world.say(MEGAN, f"ge {eighth.id} @Megan Bowen", mentions=(MEGAN,))
    world.clock.now = world.slot_at(15, 12, 18).due_at + timedelta(hours=1)
    await world.say(ADELE, "schedule 1, 8 and 15 at 19", channel=GENERAL, locale="en-US")
    assert [owner for _, owner in rota(world)][:6] == [
        "Megan Bowen",
        "Megan Bowen",
        "Lars Nilsson",
        "Adele Vance",
        "Jonas",
        "Megan Bowen",
    ], rota(world)


async def test_a_reminded_owner_is_told_when_their_turn_is_given_to_someone_else(world: World) -> None:
    """Megan was reminded of her turn on 1 December; Adele gives it to Jonas ("give"), and Megan gives
    Adele's on the 15th to Lars ("ge"). Megan is told, in
    Swedish, that she need not write it; Jonas is told it is his. Giving a turn nobody was reminded of
    tells its former owner nothing (they had no reason to write it yet)."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, fifteenth = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    world.clock.now = first.due_at - timedelta(days=2) + timedelta(minutes=30)
    assert await world.client.app[SCHEDULER].poster.remind_owners() == 1
    await world.settle()
    before = len(world.connector.posted)
    await world.say(ADELE, f"give {first.id} @Jonas", mentions=(JONAS,), locale="en-US")
    await world.say(MEGAN, f"ge {fifteenth.id} @Lars Nilsson", mentions=(LARS,))  # Adele's, not reminded
    await world.settle()
    assert world.slot_at(15, 12, 18).owner_name == "Lars Nilsson"
    assert world.notices(MEGAN, before) == [
        f"Adele Vance gav diskussionsinlägg #{first.id}, som publiceras tisdag 1 december kl. 18.00 "
        "i Allmänt, till Jonas: du behöver inte skriva det."
    ]
    assert any(f"#{first.id}" in notice for notice in world.notices(JONAS, before))
    assert not any(f"#{fifteenth.id}" in notice for notice in world.notices(ADELE, before))
