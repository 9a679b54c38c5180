"""The rota when the board changes, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board, in the order they
joined; prompts in General and the chairs' channel, one rota for the district).

What a board means by taking turns, whoever joins or leaves:
- Turns are shared out evenly and in order: over the coming prompts nobody has two turns in a row while
  someone else has none, and nobody has two more than anyone else.
- A leaver's turns are spread over those left, in order, not handed to whoever happens to be due next
  (who would then have them all, back to back); the answer names every turn that changed hands.
- A newcomer joins the rotation from the next free turn: after those already waiting for theirs when they
  joined (nobody is skipped), before anyone whose turn came since; the rest go on in order after them, and
  the answer names the turns that changed hands.
- A text someone wrote is never lost or given away silently: a turn a colleague wrote for a leaver becomes
  the colleague's, posted under their name alone (not "for" someone who never asked for it).
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from bot.services.prompting import SlotStatus
from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, ADMIN, CHAIRS, GENERAL, JONAS, LARS, MEGAN, Who, World

world = stories.world
ANNA = Who("29:anna", "Anna Lind", "en-US")


def owners(world: World) -> list[str | None]:
    """The owners of the coming turns, in the order they are due."""
    return [slot.owner_name for slot in world.slots() if slot.status is SlotStatus.PLANNED]


def even(turns: list[str | None], board: set[str]) -> bool:
    """Nobody twice in a row while someone has none, and counts at most one apart."""
    counts = Counter({name: 0 for name in board}) + Counter(turns)
    idle = min(counts[name] for name in board) == 0
    twice = any(a == b for a, b in zip(turns, turns[1:], strict=False))
    return not (twice and idle) and max(counts.values()) - min(counts[n] for n in board) <= 1


async def eight_turns(world: World) -> None:
    await world.say(MEGAN, "schema första och tredje tisdagen kl 19", channel=GENERAL)
    await world.say(ADELE, "schedule 5 and 20 at 18", channel=CHAIRS, locale="en-US")
    assert owners(world) == [p.name for p in (MEGAN, ADELE, LARS, JONAS) * 2]
    await world.settle()  # those the second schedule dealt turns anew are told


async def test_a_leavers_turns_are_spread_over_those_left(world: World) -> None:
    await eight_turns(world)
    first = [s.id for s in world.slots()]
    before = len(world.connector.posted)
    answer = await world.say(ADMIN, "roll bort styrelse @Lars Nilsson", mentions=(LARS,))
    assert owners(world) == [p.name for p in (MEGAN, ADELE, JONAS) * 2] + [MEGAN.name, ADELE.name]
    assert even(owners(world), {MEGAN.name, ADELE.name, JONAS.name})
    lars = [s for s in world.slots() if s.id in first][2]
    assert answer.startswith(
        "Lars Nilsson sitter inte längre i styrelsen. "
        f"Lars Nilssons kommande inlägg går nu till: #{lars.id} Jonas"
    ), answer
    assert "Turerna delas ut på nytt så att alla får sin i tur och ordning: #" in answer, answer
    await world.settle()
    # Everyone whose turns changed is told which are theirs now, in their language: Megan takes one of
    # Lars's turns (#4) and, dealt anew, one of Jonas's (#6).
    fourth, sixth = world.slot_at(19, 1, 19), world.slot_at(20, 12, 18)
    told = world.notices(MEGAN, before)  # sent in the background, in either order
    assert len(told) == 2 and set(told) == {
        "Ett diskussionsinlägg är nu ditt, eftersom den som hade det har lämnat styrelsen:\n"
        f"#{fourth.id} tisdag 19 januari kl. 19.00 i Allmänt (tidigare Lars Nilsson)\n"
        f"Skriv en text här: skriv {fourth.id} DIN TEXT",
        "Alex Wilber tog bort Lars Nilsson ur styrelsen, så turerna delades ut på nytt; "
        "ett diskussionsinlägg är nu ditt:\n"
        f"#{sixth.id} söndag 20 december kl. 18.00 i kanalen med inlägg den 5 och den 20 varje månad "
        f"kl. 18.00 (tidigare Jonas)\nSkriv en text här: skriv {sixth.id} DIN TEXT",
    }, told
    # Adele was told #3 was hers when the second schedule dealt the turns; now it is Jonas's, and she is told.
    [away, adeles] = sorted(world.notices(ADELE, before), key=lambda notice: "now yours" in notice)
    third = world.slot_at(5, 1, 19)
    assert away == (
        "Alex Wilber took Lars Nilsson off the board, so the turns were dealt again; a discussion prompt is "
        f"no longer yours:\n#{third.id} Tuesday 5 January at 19:00 in General (now Jonas)\n"
        "You need not write it. See your coming turns with: upcoming"
    ), away
    assert adeles.startswith(
        "Alex Wilber took Lars Nilsson off the board, so the turns were dealt again; "
        "discussion prompts are now yours:\n"
    ), adeles


async def test_in_english_two_leave_and_a_newcomer_takes_the_next_free_turn(world: World) -> None:
    await eight_turns(world)
    answer = await world.say(
        ADMIN, "role remove board @Adele Vance @Jonas", mentions=(ADELE, JONAS), locale="en-US"
    )
    assert owners(world) == [MEGAN.name, LARS.name] * 4, answer
    await world.say(ANNA, "hello")
    before = len(world.connector.posted)
    joined = await world.say(ADMIN, "role board @Anna Lind", mentions=(ANNA,), locale="en-US")
    await world.settle()
    [welcome] = world.notices(ANNA, before)  # her turns, in one message
    assert welcome.startswith(
        "Alex Wilber added Anna Lind to the board, so the turns were dealt again; "
        "discussion prompts are now yours:\n#"
    ), welcome
    turns = owners(world)
    assert turns == [MEGAN.name, LARS.name, ANNA.name] * 2 + [MEGAN.name, LARS.name], turns
    assert even(turns, {MEGAN.name, LARS.name, ANNA.name}), turns
    assert joined.startswith("Anna Lind is now on the board. Turns dealt anew so that everyone has"), joined
    assert f"#{world.slots()[2].id} Anna Lind (instead of Megan Bowen)" in joined, joined


async def test_a_newcomer_comes_before_whoever_had_a_turn_since(world: World) -> None:
    """Megan's prompt on 1 December is past when Anna joins: Anna's turn comes before Megan's next. (An
    hour late, the scheduler may post Megan's meanwhile, or not yet: either way it was her turn.)"""
    await eight_turns(world)
    megans = world.slots()[0]
    world.clock.now = megans.due_at + timedelta(hours=1)
    await world.say(ANNA, "hej")
    await world.say(ADMIN, "roll styrelse @Anna Lind", mentions=(ANNA,))
    after = [ADELE.name, LARS.name, JONAS.name, ANNA.name, MEGAN.name, ADELE.name, LARS.name]
    coming = [s.owner_name for s in world.slots() if s.status is SlotStatus.PLANNED and s.id != megans.id]
    assert coming == after
    assert world.slots()[0].owner_name == MEGAN.name


async def test_a_text_a_colleague_wrote_for_a_leaver_becomes_the_colleagues_turn(world: World) -> None:
    await eight_turns(world)
    lars = next(s for s in world.slots() if s.owner_name == LARS.name)
    await world.say(ADELE, f"write {lars.id} What should the region do about buses?", locale="en-US")
    await world.say(ADMIN, "role remove board @Lars Nilsson", mentions=(LARS,), locale="en-US")
    kept = next(s for s in world.slots() if s.id == lars.id)
    assert (kept.owner_name, kept.writer_name, kept.text) == (
        ADELE.name,
        ADELE.name,
        "What should the region do about buses?",
    )
    shown = await world.say(MEGAN, f"preview {kept.id}", locale="en-US")
    assert "\nWritten by Adele Vance\n" in shown, shown


async def test_reminders_go_to_whoever_has_the_turn_after_a_swap_and_a_leave(world: World) -> None:
    """Megan is reminded on Saturday of her Tuesday prompt and swaps it with Adele ("byt med @Adele"):
    Adele, whose turn it now is, is reminded at the next round of reminders, Megan not again. Lars,
    reminded of his, leaves the board: the one who takes his turn is reminded, and Lars is not. (The
    scheduler's own daily job may run too as the clock jumps: whichever reminds, it reaches the right
    person.)"""
    await world.say(MEGAN, "schema första och tredje tisdagen kl 19", channel=GENERAL)
    first = world.slot_at(1, 12, 19)
    world.clock.now = first.due_at - timedelta(days=3, hours=9)  # Saturday morning
    await world.client.app[stories.SCHEDULER].poster.remind_owners()
    await world.settle()
    await world.say(MEGAN, "byt med @Adele Vance", mentions=(ADELE,))
    before = len(world.connector.posted)  # a reminder from here on, by whichever job, counts
    await world.settle()  # Adele is told it is hers
    assert world.slot_at(1, 12, 19).owner_name == ADELE.name
    world.clock.now += timedelta(hours=2)
    await world.client.app[stories.SCHEDULER].poster.remind_owners()
    await world.settle()
    assert not [n for n in world.notices(MEGAN, before) if n.startswith("Din tur")]
    told = [n for n in world.notices(ADELE, before) if n.startswith("Your turn")]
    assert told and all(
        reminder.startswith(f"Your turn: the discussion prompt #{first.id} is posted Tuesday 1 December")
        for reminder in told
    ), told

    lars = world.slot_at(5, 1, 19)
    assert lars.owner_name == LARS.name
    world.clock.now = lars.due_at - timedelta(days=3, hours=9)
    await world.client.app[stories.SCHEDULER].poster.remind_owners()
    await world.settle()
    await world.say(ADMIN, "role remove board @Lars Nilsson", mentions=(LARS,), locale="en-US")
    before = len(world.connector.posted)
    await world.settle()
    now_owner = world.slot_at(5, 1, 19).owner_name
    assert now_owner not in (None, LARS.name)
    world.clock.now += timedelta(hours=2)
    await world.client.app[stories.SCHEDULER].poster.remind_owners()
    await world.settle()
    assert not [n for n in world.notices(LARS, before) if n.startswith("Din tur")]
    owner = next(p for p in (MEGAN, ADELE, JONAS) if p.name == now_owner)
    told = [n for n in world.notices(owner, before) if n.startswith(("Din tur", "Your turn"))]
    assert told and all(f"#{lars.id} " in reminder for reminder in told), told


async def test_a_pause_that_takes_no_prompt_changes_no_turn_and_one_that_does_tells_the_new_owners(
    world: World,
) -> None:
    """A turn given or taken away is news to whoever holds it, not only to the board member who made the
    change: after a pause that takes a prompt, those dealt a turn anew are told, each in their language. A
    pause that takes no prompt planned so far (next summer's, in December) changes nobody's turn, after a
    swap too, and tells nobody anything. Who made the change reads the turns in its answer."""
    await eight_turns(world)
    general = [s for s in world.slots() if s.status is SlotStatus.PLANNED][:4]
    await world.say(MEGAN, f"byt {general[1].id} {general[2].id}")
    await world.settle()
    turns = owners(world)
    before = len(world.connector.posted)
    answer = await world.say(MEGAN, "paus 15/6 15/8", channel=GENERAL)
    assert "Turerna delas ut på nytt" not in answer, answer
    assert owners(world) == turns
    await world.settle()
    assert not any(world.notices(person, before) for person in (MEGAN, ADELE, LARS, JONAS))

    answer = await world.say(MEGAN, "paus 1/12 2/12", channel=GENERAL)
    assert "Turerna delas ut på nytt" in answer, answer
    await world.settle()
    gained = {(s.owner_name, s.id) for s in world.slots() if s.status is SlotStatus.PLANNED} - {
        (name, slot_id) for name, slot_id in zip(turns, [s.id for s in world.slots()], strict=False)
    }
    for slot_id in (slot_id for name, slot_id in gained if name == MEGAN.name):
        assert f"#{slot_id} Megan Bowen" in answer, answer  # who paused reads hers in the answer
    for person in (ADELE, LARS, JONAS):
        theirs = [slot_id for name, slot_id in gained if name == person.name]
        told = [
            n for n in world.notices(person, before) if "turerna delades ut" in n or "turns were dealt" in n
        ]
        assert bool(theirs) == bool(told), (person.name, theirs, told)
        for slot_id in theirs:
            assert any(f"#{slot_id} " in notice for notice in told), (person.name, slot_id, told)
