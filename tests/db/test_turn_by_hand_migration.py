"""Migration 0022 marks the turns the board gave or swapped by hand. A district's rota filled before it
(schedules, owners, written texts, a turn given by hand that nothing marked, a post) is upgraded without
losing anything: every row and column keeps its value, and every turn starts as dealt in the rota (nothing
said then which ones the board gave by hand). SQLite's batch migrations copy a table and drop the old one,
which with foreign keys on would take the posts of every occurrence with it: a post is among the rows kept.
Runs on SQLite and PostgreSQL (`database_url`).
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text

from bot.db import migrate
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.prompts import PromptRepository
from bot.db.repository import Repository
from bot.services.people import ConversationInfo, PersonInfo, Role
from bot.services.plan_import import SAMPLE_DISTRICT, ensure_sample_plan
from bot.services.prompt_desk import PromptDesk
from bot.services.schedule_rules import parse_rule
from tests.conftest import NOW, fixed_clock
from tests.db.test_migrations import columns_of, snapshot

CHANNEL = "19:general@thread.tacv2"
BOARD = [PersonInfo(f"29:b{n}", f"aad-b{n}", name) for n, name in enumerate(("Megan", "Adele", "Lars"))]


def test_upgrading_a_rota_filled_before_0022_keeps_every_turn(database_url: str) -> None:
    db = Database(database_url)
    try:
        migrate.upgrade(db, "0021")
        # Today's repositories read the columns 0022, 0025, 0029 and 0031 add: lent for the filling.
        with db.engine.begin() as connection:
            connection.execute(
                text("ALTER TABLE occurrence ADD COLUMN by_hand BOOLEAN NOT NULL DEFAULT false")
            )
            connection.execute(text("ALTER TABLE goal ADD COLUMN responsible_in_plan VARCHAR(200)"))
            connection.execute(text("ALTER TABLE occurrence ADD COLUMN told_at TIMESTAMP WITH TIME ZONE"))
            connection.execute(text("ALTER TABLE occurrence ADD COLUMN given_by INTEGER"))
        repository = Repository(db)
        assert ensure_sample_plan(repository, fixed_clock, ZoneInfo("Europe/Stockholm"))
        info = ConversationInfo(CHANNEL, "channel", "tenant", "team-1", CHANNEL, {})
        repository.remember_conversation(info, person=None, now=NOW)
        people = PeopleRepository(db)
        for member in BOARD:
            people.grant(member, SAMPLE_DISTRICT, Role.BOARD, now=NOW)
        desk = PromptDesk(PromptRepository(db), people, fixed_clock, timezone="Europe/Stockholm")
        desk.set_up(
            district=SAMPLE_DISTRICT,
            conversation_id=CHANNEL,
            rule=parse_rule("1 och 15 kl 18"),
            rule_text="1 och 15 kl 18",
            by=BOARD[0],
        )
        first, second, third = desk.upcoming(SAMPLE_DISTRICT, limit=3)
        assert desk.assign_number(SAMPLE_DISTRICT, None, str(first.id), BOARD[2], BOARD[0]).done
        desk.write(second.id, "Hur når vi fler unga?", BOARD[1])
        prompts = desk.prompts  # the third posted ahead of its time
        assert prompts.claim(
            third.id,
            claimer="test",
            text="Vad gör vi i vår?",
            source="bank",
            bank_prompt_id=None,
            now=NOW,
            held_until=NOW + timedelta(minutes=5),
        )
        prompts.confirm(third.id, message_id="m1", thread_id="t1", now=NOW)
        with db.engine.begin() as connection:
            connection.execute(text("ALTER TABLE occurrence DROP COLUMN by_hand"))
            connection.execute(text("ALTER TABLE goal DROP COLUMN responsible_in_plan"))
            connection.execute(text("ALTER TABLE occurrence DROP COLUMN told_at"))
            connection.execute(text("ALTER TABLE occurrence DROP COLUMN given_by"))
        before = snapshot(db)
        assert before["prompt_post"] and before["prompt_schedule"]
        kept = columns_of(db)

        migrate.upgrade(db)
        assert snapshot(db, kept) == before
        with db.engine.connect() as connection:
            marked = connection.execute(text("SELECT DISTINCT by_hand FROM occurrence")).scalars().all()
        assert [bool(value) for value in marked] == [False]
        now = desk.upcoming(SAMPLE_DISTRICT, limit=3)
        assert [(s.id, s.owner_name, s.text) for s in now] == [
            (first.id, "Lars", None),
            (second.id, second.owner_name, "Hur når vi fler unga?"),
        ]
        assert [(p.slot_id, p.outcome) for p in prompts.posts(SAMPLE_DISTRICT)] == [(third.id, "sent")]
        # From now on, a turn given by hand is marked.
        assert desk.assign_number(SAMPLE_DISTRICT, None, str(second.id), BOARD[0], BOARD[1]).done
        assert [s.by_hand for s in desk.upcoming(SAMPLE_DISTRICT, limit=3)] == [False, True]
    finally:
        db.dispose()
