"""A chair's story: report progress in one line, see it, correct it, and the board sees how the plan goes.

The real handler and router (through the bot's own turn, tests/fakes/turns.py), the real database with the
sample plan as this year's plan (Sunday 22 November 2026 in these tests), and a fixed clock.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.db import engine as engine_module
from bot.db.checkins import CheckInRepository
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.people import PersonInfo, Role
from bot.teams import DistrictBot
from tests.conftest import NOW, every_branch
from tests.fakes.turns import BOT, Chat, account
from tests.test_teams import make_bot, mentioning, shown

DISTRICT = "Vänsterpartiet Västernorrland"
CHAIR = account("29:chair", "Adele Vance", "aad-adele")
OTHER_CHAIR = account("29:other", "Lee Gu", "aad-lee")
BOARD = account("29:board", "Megan Bowen", "aad-megan")
MEMBER = account("29:member", "Nestor Wilke", "aad-nestor")
_ids = itertools.count(1)


def person(who: dict[str, Any]) -> PersonInfo:
    return PersonInfo(who["id"], who["aadObjectId"], who["name"])


@pytest.fixture
def bot(settings: Settings, sample_repository: Repository) -> DistrictBot:
    people = PeopleRepository(sample_repository.db)
    people.grant(person(CHAIR), DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
    people.grant(person(OTHER_CHAIR), DISTRICT, Role.CHAIR, branch="Härnösand", now=NOW)
    people.grant(person(BOARD), DISTRICT, Role.BOARD, now=NOW)
    every_branch(sample_repository, DISTRICT, 6)  # chairs report their own branch's chairs' meetings
    return make_bot(settings, sample_repository)


@pytest.fixture
def checkins(sample_repository: Repository) -> CheckInRepository:
    return CheckInRepository(sample_repository.db)


async def say(
    bot: DistrictBot, who: dict[str, Any], text: str, *, mentions: tuple[dict[str, Any], ...] = ()
) -> str:
    conversation = {"id": f"a:{who['id']}:{next(_ids)}", "conversationType": "personal"}
    adapter = Chat(bot.on_turn, _template(conversation, who))
    text, entities = mentioning(text, mentions)
    return shown(await adapter.ask(text, entities=entities))


def _template(conversation: dict[str, Any], who: dict[str, Any]) -> dict[str, Any]:
    return {
        "channelId": "msteams",
        "serviceUrl": "https://smba.example.invalid/",
        "locale": "sv-SE",
        "conversation": conversation,
        "from": who,
        "recipient": BOT,
    }


async def test_a_chair_reports_in_one_line_and_it_is_stored_for_their_branch(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    answer = await say(bot, CHAIR, "rapportera 6 1 ordförandemöte i Sundsvall")
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    assert answer == (
        f"Sparat #{stored.id}: mål 6, 1 ordförandemöte för Sundsvall, 22 nov. 2026. Ändra med: ändra "
        f"{stored.id} VÄRDE"
    )
    assert (stored.goal_number, stored.branch, stored.value, stored.comment) == (
        6,
        "Sundsvall",
        1.0,
        "i Sundsvall",  # "ordförandemöte" is the goal's unit, no comment
    )


async def test_a_date_after_the_value_is_when_it_happened(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    assert "12 mars 2026" in await say(bot, CHAIR, "rapportera 6 1 12 mars möte i Timrå")
    assert "20 Nov 2026" in await say(bot, CHAIR, "report 6 1 20/11")  # an English command, an English answer
    assert "21 nov. 2026" in await say(bot, CHAIR, "rapportera 6 2 igår")
    assert [c.happened_on.isoformat() for c in checkins.mine(person(CHAIR), DISTRICT)] == [
        "2026-11-21",
        "2026-11-20",
        "2026-03-12",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rapportera mål", "Börja med målets nummer."),
        ("rapportera 99 1", "Det finns inget mål 99; planen har mål 1–24."),
        ("rapportera 6", "Skriv ett värde efter målets nummer."),
        ("rapportera 6 många", "”många” är inte ett tal."),
        ("rapportera 6 -2", "Ett värde kan inte vara negativt"),
        ("rapportera 6 1,5", "Skriv ett helt antal: ”1,5” har decimaler."),
        ("rapportera 6 5000", "”5000” är alldeles för stort"),
        ("rapportera 6 1 2027-01-10", "10 jan. 2027 har inte hänt än"),
        ("rapportera 6 1 2025-12-31", "31 dec. 2025 ligger utanför planens år: planen gäller 2026"),
        ("rapportera 6 1 31/2", "”31/2” är inte ett datum."),
        ("rapportera 6 1 " + "x" * 501, "Kommentaren är för lång (501 tecken; högst 500)."),
    ],
)
async def test_each_mistake_is_explained_and_nothing_is_stored(
    bot: DistrictBot, checkins: CheckInRepository, text: str, expected: str
) -> None:
    answer = await say(bot, CHAIR, text)
    assert expected in answer, answer
    # the goal's own example; without a goal, the first goal a chair may report (each branch's goal 3)
    example = "rapportera 6 1" if text.startswith("rapportera 6") else "rapportera 3 1"
    assert f"Till exempel: {example}" in answer
    assert checkins.mine(person(CHAIR), DISTRICT) == []


async def test_values_follow_the_goals_kind(bot: DistrictBot, sample_repository: Repository) -> None:
    plan = sample_repository.plan(DISTRICT)
    assert plan is not None
    metric = next(g for g in plan.goals if g.target.kind == "metric")
    done = next(g for g in plan.goals if g.target.kind == "done" and not g.applies_to_branches)
    assert "Sparat" in await say(bot, BOARD, f"rapportera {metric.number} 1 650 följare i november")
    assert "1\xa0650" in await say(bot, BOARD, f"mål {metric.number}")  # Swedish digit grouping
    assert "klart eller inte klart" in await say(bot, BOARD, f"rapportera {done.number} 3")
    assert "Sparat" in await say(bot, BOARD, f"rapportera {done.number} klart")


async def test_a_per_area_goal_wants_the_area(bot: DistrictBot, sample_repository: Repository) -> None:
    plan = sample_repository.plan(DISTRICT)
    assert plan is not None
    per_area = next(g for g in plan.goals if g.target.per_area)
    asked = await say(bot, BOARD, f"rapportera {per_area.number} 1 webinarium")
    assert "Skriv det prioriterade området efter värdet" in asked and "Feminism" in asked
    stored = await say(bot, BOARD, f"rapportera {per_area.number} 1 feminism webinarium om lönegap")
    assert "(Feminism)" in stored


async def test_who_may_report_for_which_branch(bot: DistrictBot, checkins: CheckInRepository) -> None:
    assert "bara rapportera för din egen partiförening" in await say(
        bot, CHAIR, "rapportera 6 1 för Härnösand"
    )
    refused = await say(bot, MEMBER, "rapportera 6 1")
    assert refused.startswith(  # goal 6 is every branch's here: a chair or their deputy reports it
        "Mål 6 gäller varje partiförening: ordföranden rapporterar det, eller en ersättare"
    )
    assert "för Härnösand" in await say(bot, BOARD, "rapportera 6 1 för Härnösand möte")
    assert "för distriktet" in await say(bot, BOARD, "rapportera 8 klart höstkonferensen")
    assert [c.branch for c in checkins.mine(person(BOARD), DISTRICT)] == [None, "Härnösand"]


async def test_people_named_responsible_report_for_the_district(bot: DistrictBot) -> None:
    named = await say(bot, BOARD, "ansvarig 12 @Nestor Wilke", mentions=(MEMBER,))
    assert named == "Nestor Wilke är nu ansvarig för mål 12."
    assert "för distriktet" in await say(bot, MEMBER, "rapportera 12 1 650")
    assert "Nestor Wilke" in await say(bot, MEMBER, "mål 12")
    my_goals = await say(bot, MEMBER, "mina mål")
    assert "12" in my_goals and "6" not in my_goals.split("\n")[2][:4]
    assert "Det kan bara styrelsen" in await say(bot, MEMBER, "ansvarig 6 @Nestor Wilke", mentions=(MEMBER,))


async def test_my_reports_correct_and_withdraw_keep_history(
    bot: DistrictBot, checkins: CheckInRepository, sample_repository: Repository
) -> None:
    await say(bot, CHAIR, "rapportera 6 1 möte")
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    listing = await say(bot, CHAIR, "mina rapporter")
    assert f"#{stored.id}" in listing and "mål 6" in listing
    assert (
        await say(bot, CHAIR, f"ändra {stored.id} 2 två möten")
        == f"Rättat #{stored.id}: mål 6, nu 2 ordförandemöten för Sundsvall, 22 nov. 2026."
    )
    refused = await say(bot, OTHER_CHAIR, f"ändra {stored.id} 5")
    assert "bara ordföranden eller en ersättare i Sundsvall" in refused
    withdrawn = (
        f"Rapport #{stored.id} (mål 6, 2 ordförandemöten för Sundsvall, 22 nov. 2026) är tillbakadragen; den "
        "räknas "
        f"inte längre."
    )
    assert await say(bot, CHAIR, f"ångra {stored.id}") == withdrawn
    assert "var redan tillbakadragen" in await say(bot, CHAIR, f"ångra {stored.id}")
    assert "tillbakadragen" in await say(bot, CHAIR, "mina rapporter")
    with sample_repository.db.read() as session:
        from sqlmodel import select

        from bot.db.models import CheckInRevision

        history = session.exec(select(CheckInRevision).order_by(CheckInRevision.id)).all()  # type: ignore[arg-type]
    assert [(r.action, r.value) for r in history] == [("edit", 1.0), ("withdraw", 2.0)]


async def test_status_shows_progress_and_pace_for_the_district_and_a_branch(bot: DistrictBot) -> None:
    """In these stories goal 6 is every branch's own: one chairs' meeting a quarter in each branch. The
    district's figure is how many branches reached it; a branch's status shows its own quarters."""
    await say(bot, CHAIR, "rapportera 6 1 2026-10-15 möte")
    status = await say(bot, MEMBER, "status")
    assert status.startswith("Så går planen, 22 nov. 2026")
    six = "0 av 2 partiföreningar har nått sitt mål · efter · 1 av 2 partiföreningar det här kvartalet"
    assert f"▱▱▱▱▱▱▱▱▱▱ {six}" in status
    branch = await say(bot, MEMBER, "status sundsvall")
    assert branch.startswith("Så går det för Sundsvall")
    assert "▰▰▱▱▱▱▱▱▱▱ 1 av 4 kvartal klara i år · efter · 1 av 1 ordförandemöte det här kvartalet" in branch
    assert "Det finns ingen partiförening som heter ”Kiruna”" in await say(bot, MEMBER, "status Kiruna")


async def test_a_goal_in_full_shows_its_progress_and_latest_reports(bot: DistrictBot) -> None:
    await say(bot, CHAIR, "rapportera 6 1 2026-10-15 hölls i Sundsvall")
    detail = await say(bot, MEMBER, "mål 6")
    assert (
        "0 av 2 partiföreningar har nått sitt mål · efter · 1 av 2 partiföreningar det här kvartalet"
        in detail
    )
    assert "15 okt. 2026 · Sundsvall · 1 ordförandemöte · hölls i Sundsvall" in detail


async def test_status_shows_the_period_and_the_year(bot: DistrictBot) -> None:
    await say(bot, CHAIR, "rapportera 6 1 2026-10-15 möte")
    await say(bot, CHAIR, "rapportera 6 1 2026-05-15 möte")
    status = await say(bot, MEMBER, "status Sundsvall")
    assert "2 av 4 kvartal klara i år · efter · 1 av 1 ordförandemöte det här kvartalet" in status


async def test_status_right_after_a_report_shows_it(bot: DistrictBot) -> None:
    assert "0 av 2 partiföreningar det här kvartalet" in await say(bot, MEMBER, "status")
    assert "0 av 2 partiföreningar det här kvartalet" in await say(bot, MEMBER, "mål 6")
    await say(bot, CHAIR, "rapportera 6 1 möte")
    assert "1 av 2 partiföreningar det här kvartalet" in await say(bot, CHAIR, "status distriktet")
    # A chair's own status is their branch's.
    own = await say(bot, CHAIR, "status")
    assert own.startswith("Så går det för Sundsvall") and "1 av 1 ordförandemöte det här kvartalet" in own
    assert "1 av 2 partiföreningar det här kvartalet" in await say(bot, CHAIR, "mål 6")


async def deliver(bot: DistrictBot, conversation: str, activity_id: str, text: str) -> str:
    """One message from CHAIR as Teams delivers it, with Teams' own id."""
    adapter = Chat(bot.on_turn, _template({"id": conversation, "conversationType": "personal"}, CHAIR))
    return shown(await adapter.ask(text, id=activity_id))


async def test_a_message_teams_delivers_again_to_another_process_is_stored_once(
    settings: Settings, bot: DistrictBot, checkins: CheckInRepository
) -> None:
    other_process = Database(settings.database_url)  # a second server on the same file
    try:
        elsewhere = make_bot(settings, Repository(other_process))
        first = await deliver(bot, "a:chair", "1700000000001", "rapportera 6 1 möte")
        # Teams got no answer in time and delivers the same message again, to the other process.
        again = await deliver(elsewhere, "a:chair", "1700000000001", "rapportera 6 1 möte")
        # The next message, and the same id in another conversation, are new check-ins.
        second = await deliver(elsewhere, "a:chair", "1700000000002", "rapportera 6 1 möte ja")
        third = await deliver(bot, "a:chair-2", "1700000000001", "rapportera 6 1 möte ja")
    finally:
        other_process.dispose()
    [number] = [c.id for c in checkins.mine(person(CHAIR), DISTRICT) if f"#{c.id}:" in first]
    assert first.startswith(f"Sparat #{number}:")
    assert again == f"Formuläret är redan skickat och sparat som #{number}. Ändra med: ändra {number} VÄRDE"
    assert second.startswith("Sparat #") and third.startswith("Sparat #")
    assert len(checkins.mine(person(CHAIR), DISTRICT)) == 3


NOT_STORED = (
    "Förlåt, jag kunde inte spara din rapport just nu, så den räknas inte. Skicka den igen om en stund."
)


async def test_a_check_in_while_another_process_holds_the_database_is_not_confirmed(
    bot: DistrictBot,
    sample_repository: Repository,
    checkins: CheckInRepository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await deliver(
        bot, "a:chair", "1", "hjälp"
    )  # the conversation is stored: the check-in is the turn's write
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    database = sample_repository.db
    database.engine.dispose()  # connections from now on wait 0.2 s for a lock
    holder = sqlite3.connect(str(database.engine.url.database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # e.g. the CLI importing a plan, for longer than the busy timeout
    try:
        assert await deliver(bot, "a:chair", "2", "rapportera 6 1 möte") == NOT_STORED
    finally:
        holder.rollback()
        holder.close()
    assert checkins.mine(person(CHAIR), DISTRICT) == []
    assert (await deliver(bot, "a:chair", "3", "rapportera 6 1 möte")).startswith("Sparat #")


async def test_a_correction_or_withdrawal_the_database_cannot_take_is_not_confirmed(
    bot: DistrictBot,
    sample_repository: Repository,
    checkins: CheckInRepository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`ändra` and `ångra` are confirmed only once stored, as a report is: while another process holds the
    database past the busy timeout the chair is told the report is unchanged (still counts), and the same
    message afterwards does it."""
    assert (await deliver(bot, "a:chair", "1", "rapportera 6 1 möte")).startswith("Sparat #")
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    database = sample_repository.db
    database.engine.dispose()
    holder = sqlite3.connect(str(database.engine.url.database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        corrected = await deliver(bot, "a:chair", "2", f"ändra {stored.id} 3")
        withdrawn = await deliver(bot, "a:chair", "3", f"ångra {stored.id}")
    finally:
        holder.rollback()
        holder.close()
    assert corrected == (
        f"Förlåt, jag kunde inte spara din rättelse just nu, så rapport #{stored.id} är oförändrad. "
        "Skicka den igen om en stund."
    )
    assert withdrawn == (
        f"Förlåt, jag kunde inte dra tillbaka rapport #{stored.id} just nu, så den räknas fortfarande. "
        "Försök igen om en stund."
    )
    [still] = checkins.mine(person(CHAIR), DISTRICT)
    assert (still.value, still.withdrawn) == (1, False)
    assert (await deliver(bot, "a:chair", "4", f"ändra {stored.id} 3")).startswith(f"Rättat #{stored.id}")
    assert (await deliver(bot, "a:chair", "5", f"ångra {stored.id}")).startswith(f"Rapport #{stored.id}")


async def test_on_a_full_disk_only_what_is_stored_is_confirmed(
    bot: DistrictBot, sample_repository: Repository, checkins: CheckInRepository
) -> None:
    await deliver(bot, "a:chair", "0", "hjälp")
    database = sample_repository.db

    @event.listens_for(database.engine, "connect")
    def no_more_room(dbapi_connection: Any, _record: Any) -> None:
        # The file may not grow: as a full disk, SQLite answers SQLITE_FULL once a write needs a new page.
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    database.engine.dispose()
    answers = []
    for n in range(1, 200):
        answers.append(await deliver(bot, "a:chair", str(n), f"rapportera 6 1 möte {n} " + "x" * 400 + " ja"))
        if answers[-1] == NOT_STORED:
            break
    confirmed = [int(found.group(1)) for answer in answers if (found := re.match(r"Sparat #(\d+):", answer))]
    assert answers[-1] == NOT_STORED and len(confirmed) == len(answers) - 1 >= 1
    assert sorted(c.id for c in checkins.mine(person(CHAIR), DISTRICT, limit=1000)) == confirmed


async def test_a_revoked_chair_is_refused_at_once(bot: DistrictBot, sample_repository: Repository) -> None:
    assert (await say(bot, CHAIR, "rapportera 6 1 möte")).startswith("Sparat")
    PeopleRepository(sample_repository.db).revoke(person(CHAIR), DISTRICT, Role.CHAIR)
    assert (await say(bot, CHAIR, "rapportera 6 1 möte")).startswith("Mål 6 gäller varje partiförening")
    PeopleRepository(sample_repository.db).grant(
        person(CHAIR), DISTRICT, Role.CHAIR, branch="Kramfors", now=NOW
    )
    assert "för Kramfors" in await say(bot, CHAIR, "rapportera 6 1 möte")


@pytest.mark.parametrize("how", ["replaced", "removed"])
async def test_a_database_file_replaced_or_removed_under_the_server_stops_confirming_check_ins(
    bot: DistrictBot,
    settings: Settings,
    sample_repository: Repository,
    caplog: pytest.LogCaptureFixture,
    how: str,
) -> None:
    assert (await say(bot, CHAIR, "rapportera 6 1 möte")).startswith("Sparat #")
    path = Path(make_url(settings.database_url).database or "")
    if how == "replaced":  # e.g. a backup restored over it with cp to a new file and mv
        copy = path.with_name("restored.db")
        shutil.copyfile(path, copy)
        os.replace(copy, path)
    else:
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
    answer = await say(bot, CHAIR, "rapportera 6 1 möte ja")
    assert answer.startswith("Förlåt, jag kunde inte spara din rapport just nu")
    assert f"the database file {path} was {how} while the bot was running" in caplog.text
    assert not sample_repository.ping()
