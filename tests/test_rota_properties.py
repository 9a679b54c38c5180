"""The prompt rota as the board means it, over any run of schedule changes: turns go round the board in
order, one rota for the district whichever channel a prompt is in; adding, changing, pausing or stopping a
schedule neither restarts the rota nor skips anyone, and nobody gets a second turn before everyone had one.

A turn the board gives or swaps by hand ("ge", "byt") stays with whoever it was given to through every
schedule change (for as long as the prompt is due and they are on the board), and the rota goes round
around it: the board's decision may leave someone out of a round or give someone a turn early, but only
next to it; whoever it left out is made up for at the next schedule change (see the story in
tests/stories/test_hand_turns_stories.py), and elsewhere nobody has a second turn before everyone had one.

The real desk (bot/services/prompt_desk.py) on a real database, driven with random changes to two channels'
schedules, turns given and swapped by hand, while time passes; after every step the district's turns (every
slot that is someone's turn, past and coming, in the order they are due) must go round the board: any four
turns in a row are four people's, unless a turn given by hand is within four turns of them; and every turn
given by hand is still its owner's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.db import migrate
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.prompts import PromptRepository
from bot.db.repository import Repository
from bot.services.people import ConversationInfo, PersonInfo, Role
from bot.services.plan_import import ensure_sample_plan
from bot.services.prompt_desk import PromptDesk
from bot.services.prompting import Pause, PromptSlot, SlotStatus, deal_turns
from bot.services.schedule_rules import parse_rule
from tests.conftest import NOW, fixed_clock

DISTRICT = "Vänsterpartiet Västernorrland"
BOARD = [
    PersonInfo(f"29:board-{n}", f"aad-board-{n}", name)
    for n, name in enumerate(("Megan", "Adele", "Lars", "Jonas"))
]
CHANNELS = ("19:general@thread.tacv2", "19:chairs@thread.tacv2")
RULES = (
    "1 och 15 kl 18",
    "1, 8 och 15 kl 18",
    "1 och 15 kl 19",
    "5 och 20 kl 19",
    "första tisdagen kl 19",
    "första och tredje tisdagen kl 18",
    "varannan tisdag kl 19",
    "sista fredagen kl 12",
)
NOT_TURNS = (SlotStatus.CANCELLED, SlotStatus.PAUSED)

changes = st.one_of(
    st.tuples(st.just("schedule"), st.sampled_from(CHANNELS), st.sampled_from(RULES)),
    st.tuples(st.just("stop"), st.sampled_from(CHANNELS), st.none()),
    st.tuples(st.just("pause"), st.sampled_from(CHANNELS), st.tuples(st.integers(0, 40), st.integers(0, 30))),
    st.tuples(st.just("resume"), st.sampled_from(CHANNELS), st.none()),
    st.tuples(st.just("wait"), st.integers(1, 45), st.none()),
    st.tuples(st.just("give"), st.integers(0, 7), st.integers(0, len(BOARD) - 1)),
    st.tuples(st.just("swap"), st.integers(0, 7), st.integers(0, 7)),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A district with four board members, in the order they joined."""
    path = tmp_path_factory.mktemp("rota") / "bot.db"
    database = Database(f"sqlite:///{path}")
    try:
        migrate.upgrade(database)
        repository = Repository(database)
        assert ensure_sample_plan(repository, fixed_clock, ZoneInfo("Europe/Stockholm"))
        for channel in CHANNELS:  # as bot/teams.py remembers every conversation it hears in
            info = ConversationInfo(channel, "channel", "tenant", "team-1", channel, {})
            repository.remember_conversation(info, person=None, now=NOW)
        people = PeopleRepository(database)
        for member in BOARD:
            people.grant(member, DISTRICT, Role.BOARD, now=NOW)
    finally:
        database.dispose()
    return path


@contextmanager
def desk_on_copy(source: Path, target: Path, now: list[datetime]) -> Iterator[PromptDesk]:
    with closing(sqlite3.connect(source)) as original, closing(sqlite3.connect(target)) as duplicate:
        original.backup(duplicate)
    database = Database(f"sqlite:///{target}")
    try:
        yield PromptDesk(
            PromptRepository(database),
            PeopleRepository(database),
            lambda: now[0],
            timezone="Europe/Stockholm",
        )
    finally:
        database.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)


def turns(desk: PromptDesk) -> list[PromptSlot]:
    """The district's turns, in the order they are due."""
    slots = desk.prompts.slots(district=None, after=NOW - timedelta(days=1), limit=10_000)
    return [slot for slot in slots if slot.status not in NOT_TURNS and slot.owner_id is not None]


def goes_round(slots: list[PromptSlot], board: int) -> bool:
    """Any `board` turns in a row are as many people's, but next to a turn given by hand (within `board`
    turns of them), where the board's decision may leave someone out or give someone a turn early."""
    owners = [slot.owner_id for slot in slots]
    for i in range(len(owners)):
        round_ = owners[i : i + board]
        near = slots[max(0, i - board) : i + 2 * board]
        if len(set(round_)) < len(round_) and not any(slot.by_hand for slot in near):
            return False
    return True


def change(desk: PromptDesk, now: list[datetime], step: tuple[object, ...]) -> None:
    """Make one schedule or rota change as a board member (the first) would, or let days pass; shared with
    tests/test_rota_fair_properties.py, which adds texts and board changes."""
    kind, where = step[0], step[1]
    by = BOARD[0]
    here = desk.prompts.channel_schedule(str(where)) if kind in ("stop", "pause", "resume") else None
    if kind == "schedule":
        rule = str(step[2])
        desk.set_up(
            district=DISTRICT,
            conversation_id=str(where),
            rule=parse_rule(rule),
            rule_text=rule,
            by=by,
            confirmed=True,
        )
    elif kind == "stop" and here is not None:
        desk.stop(here, by, confirmed=True)
    elif kind == "pause" and here is not None:
        assert isinstance(step[2], tuple)
        start = now[0].date() + timedelta(days=step[2][0])
        desk.pause(here, Pause(start, start + timedelta(days=step[2][1])), by, confirmed=True)
    elif kind == "resume" and here is not None:
        desk.resume(here)
    elif kind == "wait":
        now[0] += timedelta(days=int(str(where)))
        desk.lay_out()  # as the scheduler does every day
    elif kind in ("give", "swap"):
        coming = [s.id for s in desk.upcoming(DISTRICT, limit=8) if s.status is SlotStatus.PLANNED]
        if not coming:
            return
        first = str(coming[int(str(where)) % len(coming)])
        if kind == "give":
            desk.assign_number(DISTRICT, None, first, BOARD[int(str(step[2]))], by)
        else:
            desk.swap_numbers(DISTRICT, None, first, str(coming[int(str(step[2])) % len(coming)]), by)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.sampled_from(RULES), steps=st.lists(changes, min_size=1, max_size=6))
def test_any_run_of_schedule_changes_keeps_the_turns_going_round_the_board(
    template: Path, tmp_path: Path, first: str, steps: list[tuple[object, ...]]
) -> None:
    """A schedule in the general channel, then any changes."""
    steps = [("schedule", CHANNELS[0], first), *steps]
    now = [NOW]
    with desk_on_copy(template, tmp_path / "example.db", now) as desk:
        by_hand: dict[int, int | None] = {}  # slot -> whom the board gave it to
        for step in steps:
            change(desk, now, step)
            slots = turns(desk)
            assert goes_round(slots, len(BOARD)), (step, [(s.owner_id, s.by_hand) for s in slots])
            if step[0] in ("give", "swap"):
                by_hand |= {slot.id: slot.owner_id for slot in slots if slot.by_hand}
            for slot_id, owner in by_hand.items():
                slot = desk.prompts.slot(slot_id)
                assert slot is not None and slot.owner_id == owner, (step, slot_id, owner, slot)


@given(
    board=st.lists(st.integers(1, 9), min_size=1, max_size=6, unique=True),
    last=st.one_of(st.none(), st.integers(1, 9)),
    count=st.integers(0, 20),
)
def test_dealing_without_texts_goes_round_from_whose_turn_came_last(
    board: list[int], last: int | None, count: int
) -> None:
    """With nothing held, the turns are the board in order, starting after whoever had the last turn."""
    owners = deal_turns(board, last, [None] * count)
    start = board.index(last) + 1 if last in board else 0
    assert owners == [board[(start + i) % len(board)] for i in range(count)]


@given(
    held=st.lists(st.one_of(st.none(), st.sampled_from([1, 2, 3, 4])), max_size=16),
    last=st.one_of(st.none(), st.sampled_from([1, 2, 3, 4])),
)
def test_a_held_turn_keeps_its_owner_and_nobody_else_is_dealt_twice_in_a_row(
    held: list[int | None], last: int | None
) -> None:
    """A turn someone holds (a text written) stays theirs; the dealt turns around it never give one person
    two turns in a row unless a held turn forces it."""
    board = [1, 2, 3, 4]
    owners = deal_turns(board, last, held)
    assert [o for o, h in zip(owners, held, strict=True) if h is not None] == [
        h for h in held if h is not None
    ]
    for i in range(1, len(owners)):
        if owners[i] == owners[i - 1]:
            assert held[i] is not None and held[i - 1] is not None, (held, owners)
    assert owners[0] != last or held[0] == last if owners else True
