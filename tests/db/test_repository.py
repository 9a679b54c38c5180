"""The repository on a real database: plans saved and re-imported in place, conversations remembered.

Every test runs on a SQLite file and on PostgreSQL (see tests/db/conftest.py).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, text
from sqlalchemy.dialects import sqlite
from sqlmodel import select

from bot.db.engine import Database, UTCDateTime
from bot.db.models import District
from bot.db.repository import Repository
from bot.services.goals import Period, Target, TargetKind
from bot.services.people import ConversationInfo, PersonInfo
from bot.services.plan import GoalDraft, PlanDraft, SectionDraft
from bot.services.plan_corrections import Correction, Field
from tests.conftest import NOW

QUARTERLY = Target(TargetKind.COUNT, count=1, period=Period.QUARTER, unit="ordförandemöte")


def draft(*sections: tuple[str, list[str]]) -> PlanDraft:
    return PlanDraft(
        title="Verksamhetsplan 2023",
        year=2023,
        sections=tuple(
            SectionDraft(title, tuple(GoalDraft(text) for text in goals)) for title, goals in sections
        ),
    )


PLAN = draft(
    ("Organisering", ["Genomföra en ringkampanj för medlemsaktivering", "Utse tre ansvariga för Zetkin"]),
    (
        "Kommunikation",
        ["Skapa en kommunikationsplan för sociala medier", "Öka antalet följare från 1500 till 2000"],
    ),
)


def ids_by_text(repository: Repository, district: str = "D") -> dict[str, int]:
    plan = repository.plan(district)
    assert plan is not None
    return {goal.text: goal.id for goal in plan.goals}


def test_a_new_plan_is_stored_with_sections_numbers_and_targets(repository: Repository) -> None:
    plan_draft = replace(
        PLAN,
        sections=(
            SectionDraft(
                "Drivkraften", (GoalDraft("Minst ett ordförandemöte i kvartalet", QUARTERLY, True),)
            ),
        ),
        priority_areas=("Feministisk", "Antirasistisk"),
    )
    summary = repository.save_plan("D", plan_draft, now=NOW)
    assert (summary.created, summary.total) == (1, 1)
    plan = repository.plan("D")
    assert plan is not None and plan.title == "Verksamhetsplan 2023" and plan.year == 2023
    assert plan.priority_areas == ("Feministisk", "Antirasistisk")
    [goal] = plan.goals
    assert (goal.number, goal.section, goal.target, goal.applies_to_branches) == (
        1,
        "Drivkraften",
        QUARTERLY,
        True,
    )


def test_reimporting_the_same_plan_changes_nothing(repository: Repository) -> None:
    repository.save_plan("D", PLAN, now=NOW)
    before = ids_by_text(repository)
    summary = repository.save_plan("D", PLAN, now=NOW + timedelta(days=1))
    assert (summary.created, summary.updated, summary.unchanged, summary.retired) == (0, 0, 4, 0)
    assert ids_by_text(repository) == before


def test_reimporting_an_edited_plan_updates_goals_in_place(repository: Repository) -> None:
    repository.save_plan("D", PLAN, now=NOW)
    before = ids_by_text(repository)
    edited = draft(
        (
            "Kommunikation",
            [
                "Skapa en kommunikationsplan för sociala medier och nyhetsbrev",  # reworded
                "Öka antalet följare från 1500 till 2000",
            ],
        ),
        (
            "Organisering",
            [
                "Utse tre ansvariga för Zetkin",
                "Anordna en höstkonferens om medlemsaktivering",  # new
            ],
        ),
        # "Genomföra en ringkampanj ..." was dropped
    )
    summary = repository.save_plan("D", edited, now=NOW + timedelta(days=1))
    assert (summary.created, summary.updated, summary.unchanged, summary.retired) == (1, 1, 2, 1)
    plan = repository.plan("D")
    assert plan is not None
    assert [g.text for g in plan.goals] == [
        "Skapa en kommunikationsplan för sociala medier och nyhetsbrev",
        "Öka antalet följare från 1500 till 2000",
        "Utse tre ansvariga för Zetkin",
        "Anordna en höstkonferens om medlemsaktivering",
    ]
    assert [g.number for g in plan.goals] == [1, 2, 3, 4]
    after = ids_by_text(repository)
    assert (
        after["Skapa en kommunikationsplan för sociala medier och nyhetsbrev"]
        == before["Skapa en kommunikationsplan för sociala medier"]
    )
    assert after["Utse tre ansvariga för Zetkin"] == before["Utse tre ansvariga för Zetkin"]
    assert after["Anordna en höstkonferens om medlemsaktivering"] not in before.values()
    assert plan.goals[0].section == "Kommunikation"


def test_a_dropped_goal_is_retired_not_deleted_and_comes_back_with_its_id(
    repository: Repository, database: Database
) -> None:
    repository.save_plan("D", PLAN, now=NOW)
    ring_id = ids_by_text(repository)["Genomföra en ringkampanj för medlemsaktivering"]
    without = draft(("Organisering", ["Utse tre ansvariga för Zetkin"]))
    repository.save_plan("D", without, now=NOW + timedelta(days=1))
    with database.read() as session:
        retired = session.execute(
            text("SELECT number, retired_at FROM goal WHERE id = :id"), {"id": ring_id}
        ).one()
    assert retired.number is None and retired.retired_at is not None
    repository.save_plan("D", PLAN, now=NOW + timedelta(days=2))
    assert ids_by_text(repository)["Genomföra en ringkampanj för medlemsaktivering"] == ring_id


def test_districts_keep_separate_plans(repository: Repository) -> None:
    repository.save_plan("Västernorrland", PLAN, now=NOW)
    repository.save_plan("Skåne", draft(("Studier", ["Genomföra återkommande studier"])), now=NOW)
    assert len(repository.plan("Västernorrland").goals) == 4  # type: ignore[union-attr]
    assert len(repository.plan("Skåne").goals) == 1  # type: ignore[union-attr]
    assert repository.plan("Gotland") is None


def test_times_are_stored_and_read_back_as_utc(repository: Repository, database: Database) -> None:
    stockholm_time = datetime(2026, 7, 1, 12, 0, tzinfo=UTC).astimezone(
        __import__("zoneinfo").ZoneInfo("Europe/Stockholm")
    )
    repository.save_plan("D", PLAN, now=stockholm_time)
    with database.read() as session:
        district = session.exec(select(District)).one()
    assert district.created_at == datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert district.created_at.tzinfo is UTC


def test_naive_datetimes_are_refused(repository: Repository) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        repository.save_plan("D", PLAN, now=datetime(2026, 1, 1))  # noqa: DTZ001 - the point of the test


def conversation(conversation_id: str = "a:1", kind: str = "personal", **reference: str) -> ConversationInfo:
    return ConversationInfo(
        conversation_id, kind, "t1", None, None, {"conversation": {"id": conversation_id}, **reference}
    )


def test_a_conversation_is_remembered_and_refreshed(repository: Repository) -> None:
    megan = PersonInfo("29:megan", "aad-megan", "Megan Bowen")
    repository.remember_conversation(conversation(serviceUrl="https://a/"), person=megan, now=NOW)
    repository.remember_conversation(conversation(serviceUrl="https://b/"), person=megan, now=NOW)
    [stored] = repository.conversations()
    assert stored.reference["serviceUrl"] == "https://b/"
    repository.forget_conversation("a:1", now=NOW)
    assert repository.conversations() == []
    repository.remember_conversation(conversation(), person=megan, now=NOW)
    assert len(repository.conversations()) == 1


def test_concurrent_writers_wait_for_each_other_instead_of_failing(repository: Repository) -> None:
    errors: list[BaseException] = []

    def remember(n: int) -> None:
        try:
            for i in range(10):
                repository.remember_conversation(
                    conversation(f"a:{n}-{i}"),
                    person=PersonInfo(f"29:{n}", None, f"P{n}"),
                    now=NOW,
                )
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=remember, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(repository.conversations()) == 80


def test_concurrent_writers_of_the_same_rows_queue_instead_of_colliding(repository: Repository) -> None:
    # Both writes read, then insert what is missing: run side by side they must not both insert.
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def write(n: int) -> None:
        try:
            start.wait(timeout=10)
            for i in range(3):
                if n % 2:
                    repository.save_plan("D", PLAN, now=NOW)
                else:
                    megan = PersonInfo(f"29:megan-{i}", f"aad-megan-{i}", "Megan Bowen")
                    repository.remember_conversation(conversation(f"a:{i}"), person=megan, now=NOW)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(repository.plan("D").goals) == 4  # type: ignore[union-attr]
    assert len(repository.conversations()) == 3


def test_a_failed_write_changes_nothing(repository: Repository, database: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"), database.write() as session:
        session.add(District(name="D", created_at=NOW, updated_at=NOW))
        session.flush()
        raise RuntimeError("boom")
    assert repository.plan("D") is None
    repository.save_plan("D", PLAN, now=NOW)  # the write lock (PostgreSQL) was released
    assert repository.plan("D") is not None


def test_ping(repository: Repository) -> None:
    assert repository.ping()


def test_long_headings_and_names_are_stored_on_every_backend(repository: Repository) -> None:
    long_heading = "Rubrik " * 120
    plan = draft((long_heading.strip(), ["Ett mål"]))
    repository.save_plan("D", replace(plan, title="Titel " * 200), now=NOW)
    stored = repository.plan("D")
    assert stored is not None and stored.goals[0].section == long_heading.strip()
    person = PersonInfo("29:long", None, "N" * 500)
    repository.remember_conversation(conversation("a:long"), person=person, now=NOW)


def test_a_plan_imported_by_another_process_is_seen_at_once(database: Database, other: Database) -> None:
    repository = Repository(database)
    repository.save_plan("D", PLAN, now=NOW)
    edited = draft(("Organisering", ["Utse tre ansvariga för Zetkin"]))
    Repository(other).save_plan("D", edited, now=NOW + timedelta(hours=1))  # the CLI, another replica
    again = repository.plan("D")
    assert again is not None and [goal.text for goal in again.goals] == ["Utse tre ansvariga för Zetkin"]


# Hypothesis takes naive bounds and gives each value a time zone.
@given(st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1), timezones=st.timezones()))  # noqa: DTZ001
def test_times_are_stored_on_sqlite_as_sqlalchemy_stores_them(moment: datetime) -> None:
    # UTCDateTime makes SQLite's text in one step: the same text as its own conversion, then SQLAlchemy's.
    dialect = sqlite.dialect()
    column = UTCDateTime()
    one_step = column.bind_processor(dialect)
    sqlalchemy_text = sqlite.DATETIME().bind_processor(dialect)
    assert one_step is not None and sqlalchemy_text is not None
    assert one_step(moment) == sqlalchemy_text(column.process_bind_param(moment, dialect))
    assert one_step(None) is None
    # and read back in one step, as SQLAlchemy's reading and then UTCDateTime's would: the same instant
    read = column.result_processor(dialect, None)
    sqlalchemy_read = sqlite.DATETIME().result_processor(dialect, None)
    assert read is not None and sqlalchemy_read is not None
    text = one_step(moment)
    assert read(text) == column.process_result_value(sqlalchemy_read(text), dialect) == moment.astimezone(UTC)
    assert read(text).tzinfo is UTC and read(None) is None


def test_a_plan_is_read_with_its_earlier_targets_in_one_query_for_its_goals(repository: Repository) -> None:
    """A goal whose target the board changed twice in the stored plan keeps both earlier targets, oldest
    first; the other goals none. The goals, their sections and their earlier targets are one query: reading
    the plan asks the district, its goals and the areas' English names, and nothing more."""
    repository.save_plan("D", replace(PLAN, year=2026), now=NOW - timedelta(days=30))
    for day, value in ((10, "mål 2 per kvartal"), (20, "mål 3 per kvartal")):
        correction = Correction(Field.TARGET, 1, value)
        repository.correct_plan("D", correction, by=None, now=NOW - timedelta(days=30 - day))
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(repository.db.engine, "before_cursor_execute", count)
    try:
        plan = repository.plan("D")
    finally:
        event.remove(repository.db.engine, "before_cursor_execute", count)
    assert plan is not None
    first, *others = plan.goals
    assert [at for at, _ in first.targets_before] == [NOW - timedelta(days=20), NOW - timedelta(days=10)]
    assert [was.count for _, was in first.targets_before] == [None, 2]
    assert all(goal.targets_before == () for goal in others)
    assert [goal.number for goal in plan.goals] == [1, 2, 3, 4]
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3, statements
