"""Operations: the one log line per turn, `python -m bot backup`, `python -m bot teams`, and a database
that cannot be opened at start-up."""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import Settings
from bot.db import migrate
from bot.db.engine import Database
from bot.db.repository import Repository
from bot.services.people import ConversationInfo, PersonInfo
from tests.conftest import NOW
from tests.test_teams import adapter_for, make_bot

SECRET_TEXT = "sök personnummer 19800101-1234"


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    return settings


# --- the turn log ---------------------------------------------------------------------------------------


def turn_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "bot.turns"]


async def test_each_turn_logs_one_line_without_text_or_person(
    settings: Settings, sample_repository: Repository, caplog: pytest.LogCaptureFixture
) -> None:
    bot = make_bot(settings, sample_repository)
    adapter = adapter_for(bot)
    with caplog.at_level(logging.DEBUG):
        for text in (SECRET_TEXT, "mål 6", "flygplan", "schema 1 och 15 kl 18"):
            await adapter.ask(text)
    lines = turn_lines(caplog)
    assert len(lines) == 4
    pattern = (
        r"turn activity=\S+ type=message conversation=personal command=(\S+) outcome=(\S+) "
        r"duration_ms=\d+\.\d"
    )
    parsed = [re.fullmatch(pattern, line) for line in lines]
    assert all(parsed), lines
    assert [(m.group(1), m.group(2)) for m in parsed if m] == [
        ("search", "ok"),
        ("goals", "ok"),
        ("-", "unknown"),
        ("schedule", "refused"),
    ]
    # Nothing the user wrote, and nobody's name or ids, at info level, in any logger.
    everything = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    user = adapter.template["from"]
    for private in ("personnummer", "19800101", "flygplan", user["name"], user["id"], user["aadObjectId"]):
        assert private and private not in everything


async def test_a_turn_that_fails_is_logged_as_an_error(
    settings: Settings, sample_repository: Repository, caplog: pytest.LogCaptureFixture
) -> None:
    bot = make_bot(settings, sample_repository)

    async def broken(*_: object) -> None:
        raise RuntimeError("the database went away")

    goals = bot.router.route_for("mål")
    assert goals is not None
    bot.router.routes[bot.router.routes.index(goals)] = replace(goals, handler=broken)
    adapter = adapter_for(bot)
    with caplog.at_level(logging.INFO):
        await adapter.ask("mål")  # answered with an apology (bot/teams.py)
    [line] = turn_lines(caplog)
    assert "command=goals outcome=error" in line


# --- backup ---------------------------------------------------------------------------------------------


def test_backup_copies_a_database_in_use_consistently(
    env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(env.database_url)
    migrate.upgrade(db)
    repository = Repository(db)
    stop = threading.Event()

    def keep_writing() -> None:
        # Another connection writes all the time, as the server would, while the copy is made.
        n = 0
        while not stop.is_set():
            n += 1
            repository.remember_conversation(
                _conversation(f"a:{n}"), person=PersonInfo(f"29:{n}", f"aad-{n}", f"Person {n}"), now=NOW
            )

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        target = tmp_path / "copy.db"
        assert main(["backup", str(target)]) == 0
    finally:
        stop.set()
        writer.join()
        db.dispose()
    assert f"Backed up the database to {target}" in capsys.readouterr().out
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        people = copy.execute("SELECT COUNT(*) FROM person").fetchone()[0]
        conversations = copy.execute("SELECT COUNT(*) FROM conversation").fetchone()[0]
        # One moment's state: every stored conversation came with its person, in the same transaction.
        assert people == conversations
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] is not None
    assert not list(tmp_path.glob(".copy.db.partial*"))


def test_backup_refuses_to_overwrite_and_says_so_in_one_line(
    env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "exists.db"
    target.write_bytes(b"precious")
    assert main(["backup", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"{target} exists already; choose a new file name."
    assert target.read_bytes() == b"precious"
    assert main(["backup", str(tmp_path / "no" / "such" / "dir.db")]) == 1
    assert capsys.readouterr().err.strip().startswith("There is no directory")


def test_backup_on_postgresql_points_to_its_tools(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://bot@127.0.0.1:1/bot")
    assert main(["backup", str(tmp_path / "x.db")]) == 1
    assert "pg_dump" in capsys.readouterr().err


# --- teams ----------------------------------------------------------------------------------------------


def test_teams_are_listed_and_linked_from_the_command_line(
    env: Settings, sample_repository: Repository, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["teams", "list"]) == 0
    assert "has not been added to any team" in capsys.readouterr().out
    assert main(["teams", "link", "19:team@thread.tacv2", "--district", "Nowhere"]) == 2
    assert "There is no district 'Nowhere'" in capsys.readouterr().err
    assert main(["teams", "link", "19:team@thread.tacv2", "--district", env.district]) == 0
    assert main(["teams", "list"]) == 0
    assert f"19:team@thread.tacv2  (name not known)  -> {env.district}" in capsys.readouterr().out


# --- start-up -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("sqlite:////etc/hostname/bot.db", "Cannot create the database's directory /etc/hostname"),
        ("sqlite:///{tmp}", "Cannot open the database sqlite:///"),
        (
            "postgresql+psycopg://bot:hunter2@127.0.0.1:1/bot",
            "Cannot open the database postgresql+psycopg://bot:***@",
        ),
    ],
)
def test_a_database_that_cannot_be_opened_stops_start_up_with_one_line(
    url: str, says: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url.format(tmp=tmp_path))  # a directory is no database file
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(says) and err.count("\n") == 1, err
    assert "hunter2" not in err and "Traceback" not in err


def _conversation(conversation_id: str) -> ConversationInfo:
    return ConversationInfo(
        conversation_id, "personal", "t1", None, None, {"conversation": {"id": conversation_id}}
    )
