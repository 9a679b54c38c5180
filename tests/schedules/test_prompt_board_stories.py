"""More of the board's prompt stories through the real server (the world of test_prompt_stories): what
the bot says must name the right numbers and count days as the board counts them."""

from __future__ import annotations

from datetime import timedelta

from bot.app import SCHEDULER
from bot.services.prompting import SlotStatus
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, GENERAL, JONAS, LARS, MEGAN, World

world = stories.world  # the same district, board and channels


async def test_post_now_counts_the_days_on_the_calendar(world: World) -> None:
    """ "In 9 days" means nine calendar days in Sweden: on Sunday 22 November at 10, a prompt due Tuesday
    1 December at 09 is nine days off, though less than nine times 24 hours."""
    await world.say(MEGAN, "schema 1 och 15 kl 9", channel=GENERAL)
    first = world.slot_at(1, 12, 9)
    asked = await world.say(MEGAN, "posta nu", channel=GENERAL)
    assert asked.startswith(f"#{first.id} ska publiceras tisdag 1 december kl. 09.00, om 9 dagar,")
    english = await world.say(ADELE, "post now", channel=GENERAL, locale="en-US")
    assert english.startswith(f"#{first.id} is due Tuesday 1 December at 09:00, 9 days from now,")


async def test_the_upcoming_list_shows_how_to_change_with_its_own_numbers(world: World) -> None:
    """The hint under `kommande` is there to be copied: its numbers are the listed prompts', so that
    `byt` names two that exist; one who has a turn in the list reads theirs, and the hint names it."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18).id, world.slot_at(15, 12, 18).id
    listed = await world.say(MEGAN, "kommande", channel=GENERAL)
    assert listed.endswith(
        f"Ändra med: byt {first} {second}, ge {first} @namn, hoppa {first}, skriv {first} TEXT, visa {first}"
    )
    english = await world.say(ADELE, "upcoming", channel=GENERAL, locale="en-US")
    assert english.endswith(
        f"Your next turn: #{second}, Tuesday 15 December at 18:00.\n"
        f"Change with: swap {second} {first}, assign {second} @name, skip {second}, "
        f"write {second} TEXT, preview {second}"
    ), english


async def test_a_pause_over_a_pause_already_planned_joins_it(world: World) -> None:
    """A board member who pauses a period already (or partly) paused means one break, not two: the
    pauses become one, its period said back, and `paus slut` lifts it all, so every prompt in it comes
    back. (Two pauses of the same Christmas left one in force after "the pause is lifted".)"""
    await world.say(MEGAN, "schema varannan tisdag kl 19", channel=GENERAL)
    christmas = world.slot_at(22, 12, 19)
    paused = await world.say(ADELE, "pause 2026-12-20 2027-01-10", channel=GENERAL, locale="en-US")
    assert paused.startswith("Paused 20 Dec 2026–10 Jan 2027: 2 prompts set aside.")
    again = await world.say(MEGAN, "paus 20/12 10/1", channel=GENERAL)
    assert again == (  # the same pause again: nothing changed
        "Inläggen här är redan pausade 20 dec. 2026–10 jan. 2027; inget ändrades. "
        "Vill du häva pausen skriver du: paus slut"
    )
    longer = await world.say(ADELE, "pause 2027-01-08 2027-01-20", channel=GENERAL, locale="en-US")
    assert longer == (
        "The pause now runs 20 Dec 2026–20 Jan 2027, joined with the one already planned; "
        "1 more prompt set aside. To lift the pause: pause end\n"
        "Note: the plan asks for prompts at least twice a month; with the pause this channel gets "
        "1 prompt in December 2026 and no prompt in January 2027."
    )
    assert (await world.say(MEGAN, "paus", channel=GENERAL)) == (
        "Paus: 20 dec. 2026–20 jan. 2027. Vill du häva den skriver du: paus slut"
    )
    await world.say(MEGAN, "paus 15/6 15/8", channel=GENERAL)
    assert (await world.say(ADELE, "pause", channel=GENERAL, locale="en-US")) == (
        "Pauses: 20 Dec 2026–20 Jan 2027, 15 Jun–15 Aug 2027. To lift the first: pause end"
    )
    assert (await world.say(MEGAN, "paus slut", channel=GENERAL)).startswith(
        "Pausen 20 dec. 2026–20 jan. 2027 är hävd"
    )
    listed = await world.say(MEGAN, "kommande", channel=GENERAL)
    assert "pausat" not in listed
    assert (await world.say(MEGAN, "paus", channel=GENERAL)).startswith("Paus: 15 juni–15 aug. 2027.")
    assert world.slot_at(22, 12, 19).id == christmas.id
    assert world.slot_at(22, 12, 19).status is SlotStatus.PLANNED


async def test_a_swap_that_changes_nothing_is_refused_saying_what_to_write(world: World) -> None:
    """`byt` means two board members trade turns: a prompt with itself, or two prompts of the same
    person, trades nothing, and saying "Bytt" would make the board think the rota changed."""
    await world.say(MEGAN, "schema varannan tisdag kl 19", channel=GENERAL)
    megans = [s.id for s in world.slots() if s.owner_name == "Megan Bowen"]
    assert (await world.say(MEGAN, f"byt {megans[0]} {megans[0]}")) == (
        "Skriv två olika nummer på inlägg (se kommande)."
    )
    assert (await world.say(MEGAN, f"byt {megans[0]} {megans[1]}")) == (
        f"#{megans[0]} och #{megans[1]} är båda Megan Bowens tur, så ett byte ändrar ingenting. "
        f"Vill du ge det ena till någon annan skriver du: ge {megans[0]} @namn"
    )
    assert (await world.say(ADELE, f"swap {megans[0]} {megans[1]}", locale="en-US")) == (
        f"#{megans[0]} and #{megans[1]} are both Megan Bowen’s turn, so swapping changes nothing. "
        f"To give one to someone else: assign {megans[0]} @name"
    )
    assert world.slot_at(24, 11, 19).owner_name == "Megan Bowen"


async def test_a_leaving_board_members_turn_goes_to_whoever_waited_longest(world: World) -> None:
    """When a board member leaves, their coming turns go to others: to whoever has waited longest (Jonas,
    who has had no turn yet, not Megan, whose turn was the first). A text they wrote is not posted after
    they left (tests/stories/test_board_writer_leaves.py): the new owner is asked to write one."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    lars = world.slot_at(15, 1, 18)
    assert lars.owner_name == "Lars Nilsson"
    await world.say(LARS, f"skriv {lars.id} Vad vill vi med vården i länet?")
    before = len(world.connector.posted)
    await world.say(ADMIN, "roll bort styrelse @Lars Nilsson", mentions=(LARS,))
    await world.settle()
    assert world.notices(MEGAN, before) == []
    [told] = world.notices(JONAS, before)
    assert told == (
        "Ett diskussionsinlägg är nu ditt, eftersom den som hade det har lämnat styrelsen:\n"
        f"#{lars.id} fredag 15 januari kl. 18.00 i Allmänt (tidigare Lars Nilsson)\n"
        f"Skriv en text här: skriv {lars.id} DIN TEXT"
    )
    assert "Lars Nilsson" not in await world.say(MEGAN, f"visa {lars.id}")


async def test_the_hint_under_upcoming_names_a_prompt_still_open(world: World) -> None:
    """A skipped prompt still shows in `kommande`, but the hint is for changing one that will be posted."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second, third = (world.slot_at(*day, 18).id for day in ((1, 12), (15, 12), (15, 1)))
    await world.say(MEGAN, f"hoppa {first}")
    listed = await world.say(ADELE, "upcoming", channel=GENERAL, locale="en-US")
    assert listed.endswith(
        f"Change with: swap {second} {third}, assign {second} @name, skip {second}, "
        f"write {second} TEXT, preview {second}"
    )


async def test_a_new_rule_continues_the_rota_after_the_last_post(world: World) -> None:
    """Turns go round the board. Megan posted the first prompt; when the board then changes the rule and
    the coming prompts are laid out anew, the next turn is Adele's, not Megan's again or someone's further
    on: the rota goes on from the last prompt actually posted (or still planned), not from a cancelled one."""
    await world.say(MEGAN, "schema varannan tisdag kl 19", channel=GENERAL)
    first = world.slot_at(24, 11, 19)
    assert first.owner_name == "Megan Bowen"
    await world.say(MEGAN, f"skriv {first.id} Vad gör vi i vår?")
    world.clock.now = first.due_at + timedelta(seconds=1)
    await world.client.app[SCHEDULER].poster.post(first.id)
    changed = await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    assert "Tuesday 1 December at 18:00 · Adele Vance" in changed
    assert "Tuesday 15 December at 18:00 · Lars Nilsson" in changed
    assert "Friday 15 January at 18:00 · Jonas" in changed


async def test_a_pause_is_understood_as_swedes_and_the_bot_write_dates(world: World) -> None:
    """A board member writes a period as they would anywhere, and as the bot itself writes it back:
    "15/6–15/8", "15 juni–15 augusti", "från 20 dec till 6 jan", "June 15 to August 15"."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    summer = "Paus 15 juni–15 aug. 2027: inget av de inlägg som hittills är planerade infaller då."
    assert (await world.say(MEGAN, "paus 15/6–15/8", channel=GENERAL)).startswith(summer)
    assert (await world.say(MEGAN, "paus slut", channel=GENERAL)).startswith(
        "Pausen 15 juni–15 aug. 2027 är hävd"
    )
    assert (await world.say(MEGAN, "paus 15 juni–15 augusti", channel=GENERAL)).startswith(summer)
    await world.say(MEGAN, "paus slut", channel=GENERAL)
    assert (await world.say(MEGAN, "paus från 20 dec till 6 jan", channel=GENERAL)).startswith(
        # 1 januari is a holiday
        "Paus 20 dec. 2026–6 jan. 2027: inget av de inlägg som hittills är planerade infaller då."
    )
    english = await world.say(ADELE, "pause June 15 to August 15", channel=GENERAL, locale="en-US")
    assert english.startswith("Paused 15 Jun–15 Aug 2027: none of the prompts planned so far falls in it.")
    assert (await world.say(MEGAN, "paus tills vidare", channel=GENERAL)).startswith("Skriv perioden")


async def test_a_bank_post_is_told_to_its_owner_as_their_turn_and_to_the_board_as_whose(world: World) -> None:
    """Without a text the bank steps in. The owner reads that it was their turn ("your prompt"), not
    their own name as someone else's; the rest of the board reads whose it was; both read when and where."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    world.clock.now = first.due_at + timedelta(seconds=1)
    before = len(world.connector.posted)
    await world.client.app[SCHEDULER].poster.post(first.id)
    await world.settle()
    assert world.notices(MEGAN, before) == [
        f"Ingen text skrevs till ditt inlägg #{first.id} (tisdag 1 december kl. 18.00, Allmänt), "
        "så jag publicerade ett ur banken."
    ]
    assert world.notices(ADELE, before) == [
        f"No text was written for #{first.id} (Tuesday 1 December at 18:00, General), so I posted a prompt "
        "from the bank. Owner: Megan Bowen."
    ]
    assert world.notices(LARS, before) == [
        f"Ingen text skrevs till #{first.id} (tisdag 1 december kl. 18.00, Allmänt), så jag publicerade ett "
        "inlägg ur banken. Ansvarig: Megan Bowen."
    ]
