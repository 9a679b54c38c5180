"""Whoever a post concerns is told who posted which prompt and whose name signs it (the world of
tests/schedules/test_prompt_stories.py: Megan's Teams in Swedish, Adele's in English).

What the board means: a post in the members' channel goes out under someone's name, on someone's turn.
When it is not simply the owner's own text at its time (a colleague posts it now with `posta N ja`, or a
text nobody approved gives way to the bank's prompt), the turn's owner reads that it was their prompt, the
writer reads what became of their text (kept, when set aside), and the rest of the board reads whose turn
it was: each reads who did it, which post (number, day, channel) and the name it is signed with. Whoever
posted it has the answer to their command, unless their own text was set aside: then they get it back.
A `posta` that would set a text aside asks first, as `hoppa` and `paus` do.

The clock is moved past a slot's time only where the test posts it itself; PromptPoster.keep_up may post
it first, so the notices are awaited, not assumed sent by the test's own call.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.app import SCHEDULER
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, JONAS, LARS, MEGAN, Who, World

world = stories.world


async def told(world: World, people: tuple[Who, ...], before: int) -> dict[str, list[str]]:
    """The notices these people got since `before`, once each has one (a post from keep_up or the test)."""
    for _ in range(1000):
        await world.settle()
        if all(world.notices(person, before) for person in people):
            break
        await asyncio.sleep(0.01)
    return {person.name: world.notices(person, before) for person in (MEGAN, ADELE, LARS, JONAS)}


async def test_a_colleague_posts_an_unwritten_turn_now_and_the_owner_and_board_read_who_and_whose(
    world: World,
) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    assert first.owner_name == "Megan Bowen"
    before = len(world.connector.posted)
    assert await world.say(LARS, f"posta {first.id} ja", channel=GENERAL) == f"Publicerar #{first.id} …"
    notices = await told(world, (MEGAN, ADELE, JONAS), before)
    assert notices["Megan Bowen"] == [
        f"Lars Nilsson publicerade ditt inlägg #{first.id} (tisdag 1 december kl. 18.00, Allmänt) nu, före "
        "sin tid. Ingen text hade skrivits, så det gick ut med ett inlägg ur banken, undertecknat "
        "”Ur inläggsbanken”."
    ]
    assert notices["Adele Vance"] == [
        f"Lars Nilsson posted #{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn) now, "
        "ahead of its time. No text was written, so it went out with a prompt from the bank, signed "
        "“From the prompt bank”."
    ]
    assert notices["Jonas"] == [
        f"Lars Nilsson publicerade #{first.id} (tisdag 1 december kl. 18.00, Allmänt, Megan Bowens tur) nu, "
        "före sin tid. Ingen text hade skrivits, så det gick ut med ett inlägg ur banken, undertecknat "
        "”Ur inläggsbanken”."
    ]
    assert notices["Lars Nilsson"] == []  # he has the answer


async def test_a_colleague_posts_a_text_written_for_someone_else_and_all_three_read_the_signature(
    world: World,
) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(ADELE, f"write {first.id} What do we want from the region?", locale="en-US")
    await world.settle()
    before = len(world.connector.posted)
    await world.say(JONAS, f"posta {first.id} ja", channel=GENERAL)
    notices = await told(world, (MEGAN, ADELE, LARS), before)
    assert notices["Megan Bowen"] == [
        f"Jonas publicerade ditt inlägg #{first.id} (tisdag 1 december kl. 18.00, Allmänt) nu, före sin tid. "
        "Det gick ut med texten av Adele Vance, undertecknat ”Skrivet av Adele Vance”."
    ]
    assert notices["Adele Vance"] == [
        f"Jonas posted #{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn) now, ahead of "
        "its time. It went out with your text, signed “Written by Adele Vance”."
    ]
    assert notices["Lars Nilsson"][0].startswith(f"Jonas publicerade #{first.id} (tisdag 1 december")
    assert notices["Jonas"] == []


async def test_a_text_not_approved_in_time_goes_back_to_its_writer_and_the_owner_reads_whose(
    world: World,
) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(ADELE, f"write {first.id} What do we want from the region?", locale="en-US")
    await world.settle()
    world.clock.now = first.due_at + timedelta(seconds=1)
    before = len(world.connector.posted)
    await world.client.app[SCHEDULER].poster.post(first.id)
    notices = await told(world, (MEGAN, ADELE, LARS, JONAS), before)
    assert notices["Megan Bowen"] == [
        f"Jag publicerade ditt inlägg #{first.id} (tisdag 1 december kl. 18.00, Allmänt). Texten av Adele "
        "Vance var inte godkänd, så ett inlägg ur banken gick ut i stället, undertecknat ”Ur inläggsbanken”."
    ]
    assert notices["Adele Vance"] == [
        f"I posted #{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn). Your text was "
        "not approved, so a prompt from the bank went out in its place, signed “From the prompt bank”. Your "
        "text, kept here: “What do we want from the region?”"
    ]
    assert notices["Lars Nilsson"] == [
        f"Jag publicerade #{first.id} (tisdag 1 december kl. 18.00, Allmänt, Megan Bowens tur). Texten av "
        "Adele Vance var inte godkänd, så ett inlägg ur banken gick ut i stället, undertecknat "
        "”Ur inläggsbanken”."
    ]


async def test_posting_now_a_text_not_yet_approved_asks_first_and_gives_the_writer_it_back(
    world: World,
) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "godkännande på", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(LARS, f"skriv {first.id} Vad vill vi av regionen?")
    asked = await world.say(ADELE, f"post {first.id}", channel=GENERAL, locale="en-US")
    assert asked == (
        f"The text by Lars Nilsson for #{first.id} is not approved yet, so a prompt from the bank would go "
        f"out in its place and the text back to Lars Nilsson; another board member approves it with: approve "
        f"{first.id}. #{first.id} is due Tuesday 1 December at 18:00, 9 days from now, and is Megan Bowen's "
        f"turn. To post it now anyway: post {first.id} yes"
    ), asked
    asked = await world.say(LARS, f"posta {first.id}", channel=GENERAL)
    assert asked.startswith(
        f"Texten av Lars Nilsson till #{first.id} är inte godkänd än, så ett inlägg ur"
    ), asked
    assert asked.endswith(f"Vill du ändå publicera det nu skriver du: posta {first.id} ja"), asked
    await world.settle()
    before = len(world.connector.posted)
    await world.say(LARS, f"posta {first.id} ja", channel=GENERAL)
    notices = await told(world, (MEGAN, ADELE, LARS, JONAS), before)
    assert notices["Lars Nilsson"] == [
        f"Du publicerade #{first.id} (tisdag 1 december kl. 18.00, Allmänt, Megan Bowens tur) nu, före sin "
        "tid. Din text var inte godkänd, så ett inlägg ur banken gick ut i stället, undertecknat "
        "”Ur inläggsbanken”. Din text, sparad här: ”Vad vill vi av regionen?”"
    ]
    assert notices["Adele Vance"] == [
        f"Lars Nilsson posted #{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn) now, "
        "ahead of its time. The text by Lars Nilsson was not approved, so a prompt from the bank went out in "
        "its place, signed “From the prompt bank”."
    ]


async def test_a_text_that_could_not_be_posted_goes_back_to_its_writer(world: World) -> None:
    """The bot was down past the post's grace: the board reads it was skipped, the writer gets the text."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first = world.slot_at(1, 12, 18)
    await world.say(ADELE, f"write {first.id} What do we want from the region?", locale="en-US")
    await world.settle()
    world.clock.now = first.due_at + timedelta(hours=12)
    before = len(world.connector.posted)
    await world.client.app[SCHEDULER].poster.post(first.id)
    notices = await told(world, (MEGAN, ADELE), before)
    assert notices["Adele Vance"][-1] == (
        f"#{first.id} (Tuesday 1 December at 18:00, General) was not posted, so your text for it was not "
        "used. Here it is, kept: “What do we want from the region?”"
    ), notices
    assert notices["Megan Bowen"] == [
        f"Jag var inte igång när #{first.id} (tisdag 1 december kl. 18.00, Allmänt, Megan Bowens tur) skulle "
        "publiceras, och nu är det för sent, så det hoppades över."
    ], notices
    assert notices["Adele Vance"][0] == (
        f"I was not running when #{first.id} (Tuesday 1 December at 18:00, General, Megan Bowen’s turn) was "
        "due, and it is now too late, so it was skipped."
    ), notices


async def test_a_pause_over_a_written_text_gives_its_writer_a_copy(world: World) -> None:
    """The text waits for the pause to be lifted; if it never is, the writer still has it."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Vad vill vi av regionen?")
    await world.say(ADELE, f"write {second.id} Where should we build homes?", locale="en-US")
    await world.settle()
    before = len(world.connector.posted)
    await world.say(ADELE, "pause 2026-11-30 2026-12-10 yes", channel=GENERAL, locale="en-US")
    await world.say(LARS, "paus 12/12 20/12 ja", channel=GENERAL)
    await world.settle()
    [to_megan] = [n for n in world.notices(MEGAN, before) if "så texten av" in n]
    assert to_megan.endswith("Här är den, sparad: ”Vad vill vi av regionen?”"), to_megan
    [to_adele] = [n for n in world.notices(ADELE, before) if "so the text by" in n]
    assert to_adele.endswith("Here it is, kept: “Where should we build homes?”"), to_adele


async def test_turns_dealt_again_after_a_schedule_change_say_who_changed_what(world: World) -> None:
    """A turn that moves to someone because a colleague changed a schedule: they read who did what, in
    their own language, not "after a change to the schedule"."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    before = len(world.connector.posted)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=stories.CHAIRS)  # two channels: one rota
    await world.settle()
    told = [n for who in (ADELE, LARS, JONAS) for n in world.notices(who, before)]
    assert told, "someone's turn changed"
    for notice in told:
        assert notice.startswith(
            (
                "Megan Bowen set up prompts in the channel with prompts on the 1st and the 15th of every "
                "month at 18:00, so the turns were dealt again; a discussion prompt is now yours:",
                "Megan Bowen set up prompts in the channel with prompts on the 1st and the 15th of every "
                "month at 18:00, so the turns were dealt again; discussion prompts are now yours:",
                "Megan Bowen lade upp ett schema för inlägg i kanalen med inlägg den 1 och den 15 varje "
                "månad kl. 18.00, så turerna delades ut på nytt;",
            )
        ), notice
    before = len(world.connector.posted)
    await world.say(ADELE, "schedule stop yes", channel=stories.CHAIRS, locale="en-US")
    await world.settle()
    told = [n for who in (MEGAN, LARS, JONAS) for n in world.notices(who, before)]
    assert told and all(
        n.startswith("Adele Vance stoppade schemat för inlägg i kanalen med inlägg den 1 och den 15")
        for n in told
    ), told


def channel_posts(world: World, before: int) -> list[str]:
    """What the bot posted as new threads in General since `before`."""
    return [
        stories.read(p.body)
        for p in world.connector.posted[before:]
        if p.conversation_id.startswith(GENERAL) and p.path.endswith("/v3/conversations")
    ]


async def test_a_late_post_after_a_restart_and_a_swapped_turn_are_signed_by_their_writers(
    world: World,
) -> None:
    """Whichever way a post goes out, it is signed by whoever wrote it, whoever's turn it is: late after
    the bot was down (within the grace), and after a swap moved the text's prompt to another's turn; the
    writer's name only, never whose turn it was."""
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    first, second = world.slot_at(1, 12, 18), world.slot_at(15, 12, 18)
    await world.say(ADELE, f"write {second.id} Where should we build homes?", locale="en-US")
    assert (await world.say(LARS, f"byt {first.id} {second.id}")).startswith("Bytt:")
    await world.say(LARS, f"skriv {first.id} Vad vill vi av regionen?")
    await world.settle()
    before = len(world.connector.posted)
    world.clock.now = first.due_at + timedelta(hours=2)  # the bot was down at six
    await world.client.app[SCHEDULER].poster.recover()
    world.clock.now = second.due_at + timedelta(seconds=1)
    await world.client.app[SCHEDULER].poster.post(second.id)
    for _ in range(1000):
        if len(channel_posts(world, before)) == 2:
            break
        await asyncio.sleep(0.01)
    late, swapped = channel_posts(world, before)
    assert "Vad vill vi av regionen?" in late, late
    assert late.endswith("Skrivet av Lars Nilsson"), late
    assert "Where should we build homes?" in swapped, swapped
    assert swapped.endswith("Skrivet av Adele Vance"), swapped
