""" "1 or 1 100?" in a chat without cards (the terminal chat): the next message answers it, typed."""

from __future__ import annotations

from dataclasses import replace

from bot.config import Settings
from bot.db.checkins import CheckInRepository
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.goals import Period, Target, TargetKind
from bot.services.people import Role
from bot.services.plan import GoalDraft, SectionDraft, load_sample_plan
from tests.conftest import NOW
from tests.dialogs.conftest import BOARD, DISTRICT, chat, person
from tests.dialogs.test_checkin_dialog import converse
from tests.test_teams import make_bot

CALLS = GoalDraft(
    "Distriktet ringer 2 000 samtal till medlemmar under året.",
    Target(TargetKind.COUNT, count=2000, period=Period.YEAR, unit="samtal", unit_en="calls"),
)


async def test_the_question_is_answered_by_the_next_message(
    settings: Settings, sample_repository: Repository, checkins: CheckInRepository
) -> None:
    """Answered "1100", "1" or "avbryt"; anything else is no answer and is handled as itself."""
    sample = load_sample_plan()
    plan = replace(sample, year=2026, sections=(*sample.sections, SectionDraft("Mer", (CALLS,))))
    sample_repository.save_plan(DISTRICT, plan, now=NOW, example=True)
    stored_plan = sample_repository.plan(DISTRICT)
    assert stored_plan is not None
    [calls] = [g.number for g in stored_plan.goals if g.text == CALLS.text]
    PeopleRepository(sample_repository.db).grant(person(BOARD), DISTRICT, Role.BOARD, now=NOW)
    bot = make_bot(settings, sample_repository)
    await converse(
        chat(bot, BOARD, channel="test"),
        (f"rapportera {calls} 1 100 samtal", "Svara 1 eller 1100, eller avbryt."),
        ("1 100", f"Sparat #1: mål {calls}, 1\xa0100 samtal för distriktet"),
        (
            f"rapportera {calls} 1 100 samtal",
            "menade du 1 samtal (med kommentaren ”100 samtal”) eller 1\xa0100 samtal?",
        ),
        ("avbryt", "Avbrutet. Inget sparades."),
    )
    await converse(
        chat(bot, BOARD, channel="test", locale="en-US"),
        (f"report {calls} 1 100 calls", "Answer 1 or 1100, or cancel."),
        ("1", f"Stored #2: goal {calls}, 1 call for the district"),
        (
            f"report {calls} 2 300 calls",
            "did you mean 2 calls (with the comment “300 calls”) or 2,300 calls?",
        ),
        ("status", "How the plan stands"),  # no answer: handled as itself, and the question is dropped
    )
    assert [(c.value, c.comment) for c in checkins.mine(person(BOARD), DISTRICT)] == [
        (1.0, "100 calls"),
        (1100.0, None),  # "samtal" is the goal's unit, no comment
    ]
