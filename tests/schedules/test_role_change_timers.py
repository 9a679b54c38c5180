"""A role change shares the coming prompts out anew in the same call as the role (issue 16: one call off the
event loop for what was asked). Every planned slot keeps its timer, and a slot it lays out gets its own."""

from __future__ import annotations

from datetime import timedelta

from bot.services.prompting import HORIZON, SlotStatus
from tests.schedules.test_prompt_flow import ADMIN, MEMBER, World, make_board, world

__all__ = ["world"]  # the board's world (tests/schedules/test_prompt_flow.py), used as a fixture


def timers(world: World) -> set[str]:
    return {job.id for job in world.scheduler.scheduler.get_jobs() if job.id.startswith("post:")}


def armed(world: World) -> set[str]:
    """The timers every planned slot within the horizon should have."""
    now = world.clock()
    return {
        f"post:{s.id}"
        for s in world.slots()
        if s.status is SlotStatus.PLANNED and now <= s.due_at <= now + HORIZON
    }


async def test_every_planned_slot_keeps_its_timer_when_the_board_changes(world: World) -> None:
    await make_board(world)
    await world.say(ADMIN, "schema 1 och 15 kl 18", channel=True)
    await world.scheduler.start()
    before = timers(world)
    assert before and before == armed(world)

    answer = await world.say(ADMIN, "roll styrelse @Lee Gu", mentions=(MEMBER,))
    assert answer.startswith("Lee Gu sitter nu i styrelsen. Turerna delas ut på nytt"), answer  # he joins
    assert timers(world) == before  # owners changed at most: the same timers

    # Three weeks on, before the daily plan-ahead: the role change lays out the slots now in reach.
    world.clock.now = world.clock() + timedelta(days=21)
    known = {s.id for s in world.slots()}
    answer = await world.say(ADMIN, "roll bort styrelse @Lee Gu", mentions=(MEMBER,))
    assert answer.startswith("Lee Gu sitter inte längre i styrelsen")
    new = {f"post:{s.id}" for s in world.slots() if s.id not in known}
    assert new, "the horizon moved: slots laid out"
    assert new <= timers(world)
    assert armed(world) <= timers(world)
