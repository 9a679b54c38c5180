"""Personal-data rights: `my data` (summary and download), `forget me` (asks first, then erases in one
transaction) and retention (RETENTION_MONTHS after the plan year), through the real app and database.

Megan (tests/fakes/activities) holds every kind of data the bot stores: roles, a goal, check-ins and
corrections, prompt slots, a schedule, a bank prompt, conversations and a reminder. Replies are read in
English (an en-US client) so the tests hold whatever the Swedish catalogue says. The database-level tests
of forgetting and retention run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiohttp.test_utils import TestClient, TestServer
from itsdangerous import URLSafeSerializer
from sqlalchemy import text
from sqlmodel import SQLModel, select
from yarl import URL

from bot.app import COMPONENTS, SCHEDULER, create_app
from bot.config import ConfigError, Settings, load_settings
from bot.db import migrate
from bot.db.checkins import CheckInRepository
from bot.db.dialogs import DIALOG_HOURS, DialogStates, dialog_key
from bot.db.engine import Database
from bot.db.models import CheckIn, CheckInRevision, Conversation, Person
from bot.db.people import DistrictRepository, PeopleRepository
from bot.db.privacy import PrivacyRepository
from bot.db.prompts import PromptRepository
from bot.db.repository import Repository
from bot.services.export import ExportLinks, ExportQuery
from bot.services.people import ConversationInfo, PersonInfo, Role
from bot.services.plan_import import ensure_sample_plan
from bot.services.privacy import (
    RETENTION_HOUR,
    RETENTION_MINUTE,
    DataSubject,
    add_months,
    cutoff,
    retention_ends,
    run_retention,
    stamp,
)
from bot.services.prompting import SlotStatus
from bot.services.schedule_rules import parse_rule
from tests.conftest import NOW, Clock
from tests.fakes import activities
from tests.fakes.chat import ask, card_of, reply_text
from tests.fakes.connector import FakeConnector
from tests.postgres import reset_schema

DISTRICT = "Vänsterpartiet Västernorrland"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
MEGAN = PersonInfo("29:user-megan", "aad-megan", "Megan Bowen")  # the sender in tests/fakes/activities
ANNA = PersonInfo("29:user-anna", "aad-anna", "Anna Andersson")
CHANNEL = "19:general@thread.tacv2"
PERSONAL = "a:personal-megan"  # Megan's personal chat in tests/fakes/activities
PAST_SLOT = datetime(2026, 11, 15, 17, 0, tzinfo=UTC)  # before NOW (22 Nov 2026): posted
NEXT_SLOT = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)
LATER_SLOT = datetime(2026, 12, 15, 17, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PUBLIC_URL", "EXPORT_SECRET", "EXPORT_LINK_MINUTES", "RETENTION_MONTHS"):
        monkeypatch.delenv(name, raising=False)


# --- a person with every kind of data -------------------------------------------------------------------


@dataclass(frozen=True)
class Held:
    megan: int
    anna: int
    megan_checkins: tuple[int, ...]  # Sundsvall (corrected), Sundsvall (withdrawn), the district
    anna_checkin: int  # Härnösand, corrected by Megan
    schedule: int
    posted_slot: int  # Megan's text, posted
    next_slot: int  # Megan owns it and wrote its text
    later_slot: int  # Anna owns it and wrote its text; Megan approved it
    bank_prompt: int


def reference(person: PersonInfo | None, conversation_id: str) -> dict[str, Any]:
    found: dict[str, Any] = {
        "activityId": "1",
        "bot": {"id": activities.BOT_ID, "name": activities.BOT_NAME},
        "conversation": {"id": conversation_id},
        "channelId": "msteams",
        "serviceUrl": "https://smba.example.invalid/",
    }
    if person is not None:
        found["user"] = {"id": person.teams_user_id, "name": person.name, "aadObjectId": person.aad_object_id}
    return found


def remember(
    db: Database, conversation_id: str, kind: str, person: PersonInfo | None, *, now: datetime = NOW
) -> None:
    if kind == "channel":
        DistrictRepository(db).link_team("19:team@thread.tacv2", DISTRICT, now=now)
    Repository(db).remember_conversation(
        ConversationInfo(
            conversation_id=conversation_id,
            kind=kind,
            tenant_id=activities.TENANT,
            team_id="19:team@thread.tacv2" if kind == "channel" else None,
            channel_id=conversation_id if kind == "channel" else None,
            reference=reference(person, conversation_id),
        ),
        person=person if kind == "personal" else None,
        now=now,
    )


def hold_everything(db: Database) -> Held:
    """Megan: board member and Sundsvall's chair, responsible for goal 6, three check-ins and a correction of
    Anna's, a reminder, a schedule she set up in the channel (whose stored reference names her), slots she
    owns, wrote and approved, a bank prompt, and her personal chat."""
    people, checkins, prompts = PeopleRepository(db), CheckInRepository(db), PromptRepository(db)
    plan = Repository(db).plan(DISTRICT)
    assert plan is not None and plan.year == 2026
    people.grant(MEGAN, DISTRICT, Role.BOARD, now=NOW)
    people.grant(MEGAN, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
    people.grant(ANNA, DISTRICT, Role.CHAIR, branch="Härnösand", now=NOW)
    people.grant(ANNA, DISTRICT, Role.BOARD, now=NOW)  # she owns a prompt and wrote its text
    megan, anna = people.person_id(MEGAN, now=NOW), people.person_id(ANNA, now=NOW)
    branch = {b.name: b.id for b in checkins.branches(DISTRICT)}
    goal6, goal10 = plan.goal(6), plan.goal(10)
    assert goal6 is not None and goal10 is not None
    assert checkins.name_responsible(goal6.id, MEGAN, now=NOW)

    def add(who: PersonInfo, goal_id: int, branch_id: int | None, day: date) -> int:
        return checkins.add(
            district=DISTRICT,
            goal_id=goal_id,
            branch_id=branch_id,
            reporter=who,
            value=1,
            happened_on=day,
            area=None,
            comment="möte",
            now=NOW,
        ).id

    first = add(MEGAN, goal6.id, branch["Sundsvall"], date(2026, 2, 10))
    checkins.correct(first, by=MEGAN, value=2, happened_on=date(2026, 2, 10), comment=None, now=NOW)
    withdrawn = add(MEGAN, goal6.id, branch["Sundsvall"], date(2026, 3, 3))
    assert checkins.withdraw(withdrawn, by=MEGAN, now=NOW)
    district = add(MEGAN, goal10.id, None, date(2026, 5, 20))
    annas = add(ANNA, goal6.id, branch["Härnösand"], date(2026, 4, 1))
    checkins.correct(annas, by=MEGAN, value=3, happened_on=date(2026, 4, 1), comment=None, now=NOW)
    assert checkins.mark_reminded(DISTRICT, "report", "2026-Q4", megan, now=NOW)

    remember(db, PERSONAL, "personal", MEGAN)
    remember(db, "a:personal-anna", "personal", ANNA)
    for chat in (PERSONAL, "a:personal-anna"):  # each being asked for a check-in, one question at a time
        DialogStates(db).write(dialog_key("msteams", chat), "{}", expected=None, now=NOW)
    remember(db, CHANNEL, "channel", MEGAN)  # she wrote there last: her name is in the stored reference
    schedule = prompts.create_schedule(
        district=DISTRICT,
        conversation_id=CHANNEL,
        rule=parse_rule("1 och 15 kl 18"),
        rule_text="1 och 15 kl 18",
        timezone="Europe/Stockholm",
        created_by=megan,
        now=NOW,
    )
    prompts.add_slots(
        schedule, [(due, SlotStatus.PLANNED) for due in (PAST_SLOT, NEXT_SLOT, LATER_SLOT)], now=NOW
    )
    slot = {s.due_at: s.id for s in prompts.slots(schedule_id=schedule)}
    posted, following, later = slot[PAST_SLOT], slot[NEXT_SLOT], slot[LATER_SLOT]
    prompts.set_owners({posted: megan, following: megan, later: anna}, now=NOW)
    prompts.set_text(posted, "Vad betyder 8 mars för oss?", by=megan, now=NOW)
    assert prompts.claim(
        posted,
        claimer="test:1",
        text="Vad betyder 8 mars för oss?",
        source="owner",
        bank_prompt_id=None,
        now=NOW,
        held_until=NOW,
    )
    prompts.confirm(posted, message_id="m1", thread_id=f"{CHANNEL};messageid=m1", now=NOW)
    prompts.set_text(following, "Megans utkast om bostäder", by=megan, now=NOW)
    prompts.set_text(later, "Annas text om klimatet", by=anna, now=NOW)
    prompts.approve(later, by=megan, now=NOW)
    bank = prompts.add_bank_prompt(DISTRICT, "Hur når vi fler unga?", area=None, by=megan, now=NOW)
    return Held(megan, anna, (first, withdrawn, district), annas, schedule, posted, following, later, bank)


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (a conversation reference without its per-message activity id)."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with db.read() as session:
        for table in SQLModel.metadata.sorted_tables:
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            tables[table.name] = [tuple(_without_activity_id(cell) for cell in row) for row in rows]
    return tables


def _without_activity_id(cell: Any) -> Any:
    if isinstance(cell, dict):
        return {key: value for key, value in cell.items() if key != "activityId"}
    return cell


# --- the app, for chat and downloads ---------------------------------------------------------------------


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def client(settings: Settings, clock: Clock) -> AsyncIterator[TestClient]:
    settings = settings.model_copy(update={"admins": ["aad-megan"]})
    client = TestClient(TestServer(create_app(settings, clock=clock), host="127.0.0.1"))
    await client.start_server()  # loads the sample plan
    yield client
    await client.close()


@pytest.fixture
def held(client: TestClient) -> Held:
    return hold_everything(client.app[COMPONENTS].database)


def database_of(client: TestClient) -> Database:
    return client.app[COMPONENTS].database


def download_url(body: dict[str, Any]) -> URL:
    [action] = card_of(body)["actions"]
    assert action["type"] == "Action.OpenUrl" and action["title"] == "Download my data (JSON)"
    return URL(action["url"])


# --- my data ---------------------------------------------------------------------------------------------


async def test_my_data_summarises_every_kind_of_data_held(
    client: TestClient, connector: FakeConnector, held: Held
) -> None:
    body = await ask(client, connector, "my data")
    text = reply_text(body)
    district_checkin = held.megan_checkins[2]
    for expected in (
        "What I store about you",
        "Name: Megan Bowen",
        "Teams user id: 29:user-megan",
        "Microsoft Entra object id: aad-megan",
        f"Number in my database: #{held.megan}",
        "First seen: 22 Nov 2026 11:00",  # Stockholm time
        "Last seen: 22 Nov 2026 11:00",
        f"Roles: board member in {DISTRICT}; chair of Sundsvall ({DISTRICT})",
        "Responsible for: goal 6",
        f"Reports: 3 reports; the latest #{district_checkin}: goal 10, 20 May 2026; 1 withdrawn",
        "Corrections and withdrawals: 3",
        "Discussion prompts: owner of 2 prompts (1 still to come); wrote 2 texts; approved 1 text; "
        "set up 1 schedule; added 1 prompt to the bank",
        "Conversations: personal chat (1), channel (1)",
        "Reminders sent: 1",
        "You are also an administrator",
        "The link works for 15 minutes, until 11:15, and only for your own data.",
        "To have all this erased, write: forget me",
    ):
        assert expected in text, expected
    assert "/exports/" in text
    assert "Anna" not in text and "29:user-anna" not in text
    assert "Language: your Teams is set to en-US" in text
    # The same from the `mina` route, in Swedish words (so in Swedish), and from `data` alone.
    for words, expected in (
        ("mina data", f"Nummer i min databas: #{held.megan}"),
        ("my data", f"Number in my database: #{held.megan}"),
        ("data", f"Number in my database: #{held.megan}"),
        ("MINA DATA", f"Nummer i min databas: #{held.megan}"),
    ):
        again = reply_text(await ask(client, connector, words))
        assert expected in again, words


async def test_the_download_holds_everything_for_them_and_only_them(
    client: TestClient, connector: FakeConnector, held: Held, clock: Clock
) -> None:
    url = download_url(await ask(client, connector, "my data"))
    assert str(url).startswith("http://127.0.0.1:3978/exports/")
    clock.now = NOW + timedelta(minutes=14)
    response = await client.get(url.path)
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="mina-data.json"'
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(await response.read())
    assert data["person"] == {
        "id": held.megan,
        "name": "Megan Bowen",
        "teams_user_id": "29:user-megan",
        "aad_object_id": "aad-megan",
        "created_at": "2026-11-22T10:00:00Z",
        "last_seen_at": "2026-11-22T10:00:00Z",
        "language": None,  # never chosen
        "locale": "en-US",  # her Teams client's, from her last message
    }
    assert [(r["kind"], r["branch"]) for r in data["roles"]] == [("board", None), ("chair", "Sundsvall")]
    assert [g["goal_number"] for g in data["goals"]] == [6]
    assert sorted(c["id"] for c in data["checkins"]) == sorted(held.megan_checkins)
    assert held.anna_checkin not in {c["id"] for c in data["checkins"]}
    assert {(r["checkin_id"], r["action"]) for r in data["revisions"]} == {
        (held.megan_checkins[0], "edit"),
        (held.megan_checkins[1], "withdraw"),
        (held.anna_checkin, "edit"),
    }
    slots = {s["id"]: s for s in data["slots"]}
    assert (
        slots[held.posted_slot]["posted"] and slots[held.posted_slot]["text"] == "Vad betyder 8 mars för oss?"
    )
    assert slots[held.next_slot]["owner"] and slots[held.next_slot]["text"] == "Megans utkast om bostäder"
    later = slots[held.later_slot]
    assert later["approved"] and not later["owner"] and later["text"] is None  # Anna's text is hers
    assert [s["id"] for s in data["schedules"]] == [held.schedule]
    assert [b["text"] for b in data["bank_prompts"]] == ["Hur når vi fler unga?"]
    assert sorted(c["kind"] for c in data["conversations"]) == ["channel", "personal"]
    assert [(r["kind"], r["period"]) for r in data["reminders"]] == [("report", "2026-Q4")]
    assert "Anna" not in json.dumps(data) and "29:user-anna" not in json.dumps(data)

    clock.now = NOW + timedelta(minutes=15)
    expired = await client.get(url.path)
    assert expired.status == 403 and await expired.json() == {"error": "forbidden"}


def tampered(token: str, **changes: Any) -> str:
    """The token with its payload changed and its stamp and signature kept (no secret needed to do this)."""
    payload, stamp, signature = token.rsplit(".", 2)
    encoding = URLSafeSerializer(b"no secret: only the payload's encoding")
    body = encoding.load_payload(payload.encode())
    body.update(changes)
    return f"{encoding.dump_payload(body).decode()}.{stamp}.{signature}"


async def test_a_tampered_or_foreign_token_is_refused(
    client: TestClient, connector: FakeConnector, held: Held
) -> None:
    url = download_url(await ask(client, connector, "my data"))
    token = url.path.rsplit("/", 1)[1]
    links: ExportLinks = client.app[COMPONENTS].exports
    megan_since = stamp(NOW)
    payload, signed_at, signature = token.rsplit(".", 2)
    assert tampered(token) == token  # the helper changes only what it is asked to
    for changed in (
        tampered(token, i=held.anna),  # someone else's data under Megan's signature
        tampered(token, l="sv"),
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        f"{payload}.{signature}",
        token + "x",
    ):
        response = await client.get(f"/exports/{changed}")
        assert response.status == 403, changed
    # The stamp is signed too: a later one (for a longer life) under Megan's signature is refused.
    megan = DataSubject(held.megan, megan_since, "en")
    longer = links.personal_token(megan, expires=NOW + timedelta(hours=1))
    restamped = f"{payload}.{longer.rsplit('.', 2)[1]}.{signature}"
    later = NOW + timedelta(minutes=50)
    assert links.read_personal(longer, now=later) == megan
    assert links.read_personal(restamped, now=later) is None
    # Signed by the app, but for a row created at another instant (an id handed to someone new): refused.
    reused = links.personal_token(DataSubject(held.megan, megan_since + 1, "en"), expires=NOW + timedelta(1))
    assert (await client.get(f"/exports/{reused}")).status == 403
    # An export token is never read as a personal one, nor the other way round.
    export_token = links.token(ExportQuery(DISTRICT), expires=NOW + timedelta(minutes=5))
    assert links.read_personal(export_token, now=NOW) is None
    assert links.read(token, now=NOW) is None
    assert links.read_personal(token, now=NOW) == DataSubject(held.megan, megan_since, "en")


async def test_in_a_channel_both_are_refused_and_nothing_changes(
    client: TestClient, connector: FakeConnector, held: Held
) -> None:
    db = database_of(client)
    await ask(client, connector, "hello", channel=True)  # the channel's thread is stored by any message
    before = dump(db)
    for words in ("my data", "mina data", "forget me", "glöm mig bekräfta", "forget me confirm"):
        text = reply_text(await ask(client, connector, words, channel=True))
        swedish = words.startswith(("mina", "glöm"))
        assert text.startswith("Fråga mig det" if swedish else "Ask me that in our personal chat"), words
        assert "/exports/" not in text
    assert dump(db) == before


# --- forget me -------------------------------------------------------------------------------------------


async def test_forget_me_without_confirmation_changes_nothing(
    client: TestClient, connector: FakeConnector, held: Held
) -> None:
    db = database_of(client)
    await ask(client, connector, "hello")  # her personal chat's reference is refreshed by every message
    before = dump(db)
    body = await ask(client, connector, "forget me")
    text = reply_text(body)
    assert text.startswith("Forget you?")
    assert "Your 3 reports stay as their branches' or the district's, without your name." in text
    assert "To go ahead, write: forget me confirm" in text
    [button] = card_of(body)["actions"]
    assert button["data"] == {"msteams": {"type": "imBack", "value": "forget me confirm"}}
    for words in ("forget", "forget you", "forget me now"):
        hint = reply_text(await ask(client, connector, words))
        assert hint == "To have everything I store about you erased, write: forget me", words
    hint = reply_text(await ask(client, connector, "glöm mig inte"))
    assert hint.startswith("Skriv så här om du vill att jag raderar allt") and hint.endswith("glöm mig")
    assert dump(db) == before


async def test_forget_me_confirmed_erases_them_and_keeps_the_checkins_anonymised(
    client: TestClient, connector: FakeConnector, held: Held
) -> None:
    db = database_of(client)
    checkins = CheckInRepository(db)
    status_before = reply_text(await ask(client, connector, "status"))
    reports_before = checkins.reports(DISTRICT, year=2026)
    with db.read() as session:
        rows_before = {row.id: row for row in session.exec(select(CheckIn)).all()}

    text = reply_text(await ask(client, connector, "forget me confirm"))
    assert text.startswith("I have forgotten you")
    assert "Also 1 text you wrote for a prompt not yet posted." in text
    assert (
        "Kept without your name: 3 reports (they stay as their branches' or the district's), "
        "3 corrections or withdrawals, 1 posted prompt, "
        "2 prompt slots you owned (those to come go to others in the rota), "
        "1 schedule, and 1 prompt in the bank."
    ) in text
    assert "ask whoever runs the bot to remove you there" in text  # she is an admin by configuration
    assert "If you write to me again, I will store your Teams ids and name anew" in text

    assert_forgotten(db, held, next_owner=held.anna)  # the rota gave her Megan's coming turn
    # Progress is the same: the same check-ins count, for the same branches.
    assert checkins.reports(DISTRICT, year=2026) == reports_before
    with db.read() as session:
        rows_after = {row.id: row for row in session.exec(select(CheckIn)).all()}
    assert rows_after.keys() == rows_before.keys()
    for checkin_id, row in rows_after.items():
        old = rows_before[checkin_id]
        same = ("goal_id", "branch_id", "value", "happened_on", "comment", "withdrawn_at", "updated_at")
        assert all(getattr(row, name) == getattr(old, name) for name in same)
    assert reply_text(await ask(client, connector, "status")) == status_before

    # A later message makes a fresh person: the Teams ids and the name, nothing else.
    text = reply_text(await ask(client, connector, "my data"))
    assert "Roles: –" in text and "Reports: –" in text and "Discussion prompts: –" in text
    assert "Conversations: personal chat (1)" in text
    with db.read() as session:
        fresh = session.exec(select(Person).where(Person.aad_object_id == "aad-megan")).one()
    assert fresh.name == "Megan Bowen" and fresh.teams_user_id == "29:user-megan"


async def test_the_swedish_button_confirms_and_an_old_link_dies_with_the_person(
    client: TestClient, connector: FakeConnector, held: Held
) -> None:
    url = download_url(await ask(client, connector, "my data"))
    assert (await client.get(url.path)).status == 200
    body = await ask(client, connector, "glöm mig", locale="sv-SE")
    [button] = card_of(body)["actions"]
    assert button["data"] == {"msteams": {"type": "imBack", "value": "glöm mig bekräfta"}}
    await ask(client, connector, button["data"]["msteams"]["value"], locale="sv-SE")
    assert_forgotten(database_of(client), held, next_owner=held.anna)
    assert (await client.get(url.path)).status == 403


def assert_forgotten(db: Database, held: Held, *, next_owner: int | None = None) -> None:
    """Every table as forgetting Megan leaves it (Anna's data untouched)."""
    with db.read() as session:

        def rows(sql: str, **params: Any) -> list[tuple[Any, ...]]:
            return [tuple(row) for row in session.execute(text(sql), params).all()]

        megan = {"m": held.megan}
        assert rows("SELECT id FROM person WHERE id = :m OR aad_object_id = 'aad-megan'", **megan) == []
        assert rows("SELECT count(*) FROM person WHERE id = :a", a=held.anna) == [(1,)]
        assert rows("SELECT count(*) FROM role WHERE person_id = :m", **megan) == [(0,)]
        assert rows("SELECT count(*) FROM role WHERE person_id = :a", a=held.anna) == [(2,)]
        assert rows("SELECT count(*) FROM goal_responsible WHERE person_id = :m", **megan) == [(0,)]
        assert rows("SELECT count(*) FROM reminder_sent WHERE person_id = :m", **megan) == [(0,)]
        assert rows("SELECT count(*) FROM conversation WHERE conversation_id = :c", c=PERSONAL) == [(0,)]
        assert rows("SELECT count(*) FROM conversation WHERE conversation_id = 'a:personal-anna'") == [(1,)]
        assert rows('SELECT "key" FROM dialog_state') == [(dialog_key("msteams", "a:personal-anna"),)]
        # The channel stays (it has a schedule), without Megan as the last writer in its reference.
        channel = session.exec(select(Conversation).where(Conversation.conversation_id == CHANNEL)).one()
        assert "user" not in channel.reference and channel.reference["conversation"] == {"id": CHANNEL}
        for row in session.exec(select(Conversation)).all():
            assert "aad-megan" not in json.dumps(row.reference), row.conversation_id
        # Check-ins stay, for their branch, without a reporter; Anna's keeps hers.
        found = {
            checkin_id: (reporter, branch)
            for checkin_id, reporter, branch in rows("SELECT id, reporter_id, branch_id FROM checkin")
        }
        assert all(found[checkin_id][0] is None for checkin_id in held.megan_checkins)
        assert found[held.megan_checkins[0]][1] is not None and found[held.megan_checkins[2]][1] is None
        assert found[held.anna_checkin][0] == held.anna
        assert rows("SELECT count(*) FROM checkin_revision WHERE changed_by IS NOT NULL") == [(0,)]
        assert rows("SELECT count(*) FROM checkin_revision") == [(3,)]
        slots = {
            slot_id: rest
            for slot_id, *rest in rows("SELECT id, owner_id, text, text_by, approved_by FROM occurrence")
        }
        assert slots[held.posted_slot] == [None, "Vad betyder 8 mars för oss?", None, None]
        assert slots[held.next_slot] == [next_owner, None, None, None]  # her unposted text is deleted
        assert slots[held.later_slot] == [held.anna, "Annas text om klimatet", held.anna, None]
        assert rows("SELECT text FROM prompt_post") == [("Vad betyder 8 mars för oss?",)]
        assert rows("SELECT created_by FROM prompt_schedule") == [(None,)]
        assert rows("SELECT created_by FROM bank_prompt WHERE id = :b", b=held.bank_prompt) == [(None,)]
        for column, table in (
            ("reporter_id", "checkin"),
            ("changed_by", "checkin_revision"),
            ("owner_id", "occurrence"),
            ("text_by", "occurrence"),
            ("approved_by", "occurrence"),
            ("created_by", "prompt_schedule"),
            ("created_by", "bank_prompt"),
            ("person_id", "conversation"),
        ):
            assert rows(f"SELECT count(*) FROM {table} WHERE {column} = :m", **megan) == [(0,)], table


# --- the database layer on both backends ----------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path, clean_env: None) -> Iterator[Database]:
    """A migrated database with the sample plan, on SQLite or PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'bot.db'}"
    else:
        url = str(request.getfixturevalue("postgres_url"))
        reset_schema(url)
    db = Database(url)
    migrate.upgrade(db)
    assert ensure_sample_plan(Repository(db), lambda: NOW, STOCKHOLM)
    yield db
    db.dispose()


def test_forgetting_in_the_repository_cleans_every_table(any_db: Database) -> None:
    held = hold_everything(any_db)
    store = PrivacyRepository(any_db)
    result = store.forget(MEGAN)
    assert result is not None
    assert (result.roles, result.goals, result.reminders, result.conversations) == (2, 1, 1, 1)
    assert (result.references_scrubbed, result.texts_deleted, result.texts_kept) == (1, 1, 1)
    assert (result.slots_unowned, result.approvals, result.checkins, result.revisions) == (2, 1, 3, 3)
    assert (result.schedules, result.bank_prompts) == (1, 1)
    assert_forgotten(any_db, held)
    assert store.forget(MEGAN) is None and store.collect(MEGAN) is None  # nothing left, nothing stored


def test_asking_stores_nothing(any_db: Database) -> None:
    before = dump(any_db)
    assert PrivacyRepository(any_db).collect(MEGAN) is None
    assert PrivacyRepository(any_db).forget(MEGAN) is None
    assert dump(any_db) == before


# --- retention -------------------------------------------------------------------------------------------


def test_months_are_calendar_months() -> None:
    assert add_months(date(2027, 1, 1), 6) == date(2027, 7, 1)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert add_months(date(2027, 1, 1), 0) == date(2027, 1, 1)
    assert add_months(date(2027, 1, 1), 24) == date(2029, 1, 1)
    assert retention_ends(2026, 6) == date(2027, 7, 1)


@pytest.mark.parametrize(
    ("now", "months", "year"),
    [
        # 2026's data expires at midnight starting 1 July 2027 in Stockholm (22:00 UTC the day before).
        (datetime(2027, 6, 30, 21, 59, 59, 999999, tzinfo=UTC), 6, 2025),
        (datetime(2027, 6, 30, 22, 0, tzinfo=UTC), 6, 2026),
        (datetime(2027, 12, 31, 22, 59, tzinfo=UTC), 6, 2026),
        # No months: a year expires as the next begins (winter time: 1 January starts at 23:00 UTC).
        (datetime(2026, 12, 31, 22, 59, 59, tzinfo=UTC), 0, 2025),
        (datetime(2026, 12, 31, 23, 0, tzinfo=UTC), 0, 2026),
        (datetime(2027, 1, 1, 12, 0, tzinfo=UTC), 0, 2026),
        (datetime(2028, 6, 30, 22, 0, tzinfo=UTC), 18, 2026),
        (datetime(2028, 6, 30, 21, 59, tzinfo=UTC), 18, 2025),
    ],
)
def test_the_cutoff_is_the_plan_years_end_plus_the_months(now: datetime, months: int, year: int) -> None:
    limit = cutoff(now, months=months, zone=STOCKHOLM)
    assert limit.year == year
    assert limit.checkins_through == date(year, 12, 31)
    # The instant the plan year ended in Stockholm (always winter time: UTC+1).
    assert limit.conversations_before == datetime(year, 12, 31, 23, 0, tzinfo=UTC)


def test_negative_months_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        cutoff(NOW, months=-1, zone=STOCKHOLM)


# The last instant of 2025 and the first of 2026, in Stockholm.
END_OF_2025 = datetime(2025, 12, 31, 22, 59, 59, 999999, tzinfo=UTC)
START_OF_2026 = datetime(2025, 12, 31, 23, 0, tzinfo=UTC)
# 2025's data expires six months after the year: at midnight starting 1 July 2026, Stockholm (UTC+2).
EXPIRY = datetime(2026, 6, 30, 22, 0, tzinfo=UTC)


def test_retention_removes_exactly_the_old_data_at_the_boundary(any_db: Database) -> None:
    people, checkins = PeopleRepository(any_db), CheckInRepository(any_db)
    plan = Repository(any_db).plan(DISTRICT)
    assert plan is not None
    goal = plan.goal(6)
    assert goal is not None
    remember(any_db, "a:old", "personal", MEGAN, now=END_OF_2025)
    remember(any_db, "a:new", "personal", ANNA, now=START_OF_2026)
    remember(any_db, "19:old-groupchat", "groupChat", None, now=END_OF_2025)
    remember(any_db, CHANNEL, "channel", MEGAN, now=END_OF_2025)  # keeps a schedule: stays, nameless
    PromptRepository(any_db).create_schedule(
        district=DISTRICT,
        conversation_id=CHANNEL,
        rule=parse_rule("1 och 15 kl 18"),
        rule_text="1 och 15 kl 18",
        timezone="Europe/Stockholm",
        created_by=None,
        now=END_OF_2025,
    )

    def add(day: date) -> int:
        stored = checkins.add(
            district=DISTRICT,
            goal_id=goal.id,
            branch_id=None,
            reporter=MEGAN,
            value=1,
            happened_on=day,
            area=None,
            comment=None,
            now=NOW,
        )
        checkins.correct(stored.id, by=ANNA, value=2, happened_on=day, comment=None, now=NOW)
        return stored.id

    old, new = add(date(2025, 12, 31)), add(date(2026, 1, 1))
    megan = people.find_id(MEGAN)
    # Megan was last seen in the district's Team before the cutoff, Anna after it.
    DistrictRepository(any_db).note_member(MEGAN, DISTRICT, now=END_OF_2025)
    DistrictRepository(any_db).note_member(ANNA, DISTRICT, now=START_OF_2026)
    store = PrivacyRepository(any_db)

    def state() -> tuple[set[str], dict[int, int | None], dict[int, int | None]]:
        with any_db.read() as session:
            conversations = set(session.exec(select(Conversation.conversation_id)).all())
            reporters = {row.id or 0: row.reporter_id for row in session.exec(select(CheckIn)).all()}
            changers = {row.checkin_id: row.changed_by for row in session.exec(select(CheckInRevision)).all()}
        return conversations, reporters, changers

    everything = state()
    assert everything[0] == {"a:old", "a:new", "19:old-groupchat", CHANNEL}
    # A microsecond before 2025's retention ends, nothing goes.
    results = run_retention(store, now=EXPIRY - timedelta(microseconds=1), months=6, zone=STOCKHOLM)
    assert not any(result.changed for result in results)
    assert state() == everything

    results = run_retention(store, now=EXPIRY, months=6, zone=STOCKHOLM)
    conversations, reporters, changers = state()
    assert conversations == {"a:new", CHANNEL}
    anna = people.find_id(ANNA)
    assert reporters == {old: None, new: megan} and changers == {old: None, new: anna}
    with any_db.read() as session:
        channel = session.exec(select(Conversation).where(Conversation.conversation_id == CHANNEL)).one()
        assert "user" not in channel.reference
    # Personal and group chats belong to no district (a person's district is their membership).
    changed = {result.district: result for result in results if result.changed}
    assert set(changed) == {DISTRICT, None}
    district, unlinked = changed[DISTRICT], changed[None]
    assert (district.references_scrubbed, district.memberships, district.checkins, district.revisions) == (
        1,
        1,
        1,
        1,
    )
    assert district.conversations == 0 and unlinked.conversations == 2
    assert DistrictRepository(any_db).belongs(ANNA) == [DISTRICT]
    assert DistrictRepository(any_db).belongs(MEGAN) == []
    # The person, the check-ins and their values stay; running again changes nothing more.
    kept = checkins.get(old)
    assert megan is not None and kept is not None and kept.value == 2
    assert not any(result.changed for result in run_retention(store, now=EXPIRY, months=6, zone=STOCKHOLM))


async def test_the_retention_job_runs_daily_at_a_quiet_hour_in_the_districts_zone(client: TestClient) -> None:
    job = client.app[SCHEDULER].scheduler.get_job("retention")
    assert job is not None
    trigger = job.trigger
    assert str(trigger.timezone) == "Europe/Stockholm"
    fields = {field.name: str(field) for field in trigger.fields}
    assert (fields["hour"], fields["minute"]) == (str(RETENTION_HOUR), str(RETENTION_MINUTE))
    assert not 2 <= RETENTION_HOUR < 3


async def test_the_retention_job_deletes_dialogs_left_unanswered(client: TestClient, clock: Clock) -> None:
    states = DialogStates(client.app[COMPONENTS].database)
    states.write(dialog_key("msteams", PERSONAL), "{}", expected=None, now=NOW)
    states.write(dialog_key("msteams", "a:personal-anna"), "{}", expected=None, now=NOW + timedelta(hours=2))
    clock.now = NOW + timedelta(hours=DIALOG_HOURS, minutes=1)
    await client.app[SCHEDULER].run_retention()
    assert not states.waiting(dialog_key("msteams", PERSONAL))
    assert states.waiting(dialog_key("msteams", "a:personal-anna"))


def test_retention_months_setting(clean_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings(_env_file=None).retention_months == 6
    monkeypatch.setenv("RETENTION_MONTHS", "18")
    assert load_settings(_env_file=None).retention_months == 18
    monkeypatch.setenv("RETENTION_MONTHS", "-1")
    with pytest.raises(ConfigError, match="retention_months"):
        load_settings(_env_file=None)


def test_no_table_is_forgotten_by_forget_me() -> None:
    """Every column that points at a person is handled by PrivacyRepository.forget (a new one must be)."""
    handled = {
        ("role", "person_id"),
        ("membership", "person_id"),
        ("goal_responsible", "person_id"),
        ("reminder_sent", "person_id"),
        ("quiet_period", "person_id"),
        ("conversation", "person_id"),
        ("person_language", "person_id"),
        ("checkin", "reporter_id"),
        ("checkin_revision", "changed_by"),
        ("occurrence", "owner_id"),
        ("occurrence", "text_by"),
        ("occurrence", "approved_by"),
        ("prompt_schedule", "created_by"),
        ("bank_prompt", "created_by"),
        ("goal_correction", "made_by"),
    }
    pointing = {
        (table.name, column.name)
        for table in SQLModel.metadata.sorted_tables
        for column in table.columns
        for key in column.foreign_keys
        if key.column.table.name == "person"
    }
    assert pointing == handled
