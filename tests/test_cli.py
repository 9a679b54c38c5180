"""`python -m bot`: plan import, db upgrade, the terminal chat, and start-up refusals."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.__main__ import main
from bot.app import run_chat
from bot.config import Settings
from bot.db import migrate
from bot.db.engine import Database
from bot.db.repository import Repository
from tests.conftest import SKANE, VASTERNORRLAND, seed

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    return settings


def plan_of(settings: Settings, district: str):  # type: ignore[no-untyped-def]
    database = Database(settings.database_url)
    try:
        migrate.upgrade(database)
        return Repository(database).plan(district)
    finally:
        database.dispose()


def test_plan_import_stores_a_seed_plan_and_reimport_updates_in_place(
    env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "skane.txt"
    plan_file.write_text(seed(SKANE), encoding="utf-8")
    assert main(["plan", "import", str(plan_file), "--district", "Vänsterpartiet Skåne"]) == 0
    assert "Imported 18 goals for Vänsterpartiet Skåne: 18 new" in capsys.readouterr().out
    first = plan_of(env, "Vänsterpartiet Skåne")
    assert first is not None and len(first.goals) == 18

    edited = seed(SKANE).replace("Genomföra en ringkampanj som", "Genomföra två ringkampanjer som")
    plan_file.write_text(edited, encoding="utf-8")
    assert main(["plan", "import", str(plan_file), "--district", "Vänsterpartiet Skåne"]) == 0
    assert (
        "18 goals for Vänsterpartiet Skåne: 0 new, 1 updated, 17 unchanged, 0 retired"
        in capsys.readouterr().out
    )
    second = plan_of(env, "Vänsterpartiet Skåne")
    assert second is not None
    assert [g.id for g in second.goals] == [g.id for g in first.goals]


def test_plan_import_dry_run_stores_nothing(
    env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "vnl.txt"
    plan_file.write_text(seed(VASTERNORRLAND), encoding="utf-8")
    assert main(["plan", "import", str(plan_file), "--district", "X", "--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert "24 mål i 5 avsnitt" in shown
    # Each goal with its target in words, never only a kind.
    assert (
        "6. Vi ska anordna minst ett ordförandemöte i kvartalet för att samordna arbetet i distriktet"
        in shown
    )
    assert "minst 1 ordförandemöte per kvartal" in shown
    assert plan_of(env, "X") is None


def test_plan_import_of_a_missing_file_says_so(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "import", "nope.txt", "--district", "X"]) == 1
    assert "Cannot import nope.txt: cannot read nope.txt" in capsys.readouterr().err


def test_db_upgrade(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(migrate.MIGRATIONS)).get_current_head()
    assert f"Schema is at {head}." in capsys.readouterr().out


def test_the_server_keeps_no_alembic_in_memory() -> None:
    """`serve` upgrades the schema in a child process (bot/db/migrate.py), so the server's own imports hold
    no Alembic: about 11 MB of its 150 MB budget."""
    code = "import sys, bot.app, bot.db.migrate; print(sorted(m for m in sys.modules if 'alembic' in m))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_a_configuration_error_is_one_line_and_exit_2(
    env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIMEZONE", "Mars/Olympus")
    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Configuration error: timezone: unknown time zone") and "\n" not in err


def test_serving_off_loopback_without_credentials_is_refused(
    env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "HOST": "0.0.0.0",
            "DATABASE_URL": env.database_url,
            "PYTHONPATH": str(ROOT),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Refusing to listen on 0.0.0.0" in result.stderr
    assert "Traceback" not in result.stderr


async def test_terminal_chat_answers_each_line_with_text(settings: Settings) -> None:
    out = io.StringIO()
    await run_chat(settings, stdin=io.StringIO("hjälp\n\nmål 6\nsök facebook\nblaha\n"), stdout=out)
    said = out.getvalue()
    answers = [
        "Det här kan jag",
        "\nMål 6: ",
        "1 mål nämner ”facebook”",
        "Jag känner inte till kommandot ”blaha”",
    ]
    positions = [said.find(answer) for answer in answers]
    assert -1 not in positions and positions == sorted(positions), said


async def test_terminal_chat_uses_the_same_database(settings: Settings) -> None:
    await run_chat(settings, stdin=io.StringIO("mål\n"), stdout=io.StringIO())
    assert plan_of(settings, "Vänsterpartiet Västernorrland") is not None


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_plan_import_refuses_a_district_name_it_cannot_store(
    env: Settings, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["plan", "import", "plan.txt", "--district", name])
    assert exited.value.code == 2
    assert "a district's name has 1 to 200 characters" in capsys.readouterr().err


def test_people_grant_list_and_revoke_by_aad_id(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    database = Database(env.database_url)
    try:
        from bot.services.plan import load_sample_plan
        from tests.conftest import NOW

        Repository(database).save_plan("Vänsterpartiet Västernorrland", load_sample_plan(), now=NOW)
    finally:
        database.dispose()
    capsys.readouterr()
    assert main(["people", "grant", "--role", "board", "--aad", "aad-megan", "--name", "Megan Bowen"]) == 0
    assert "aad-megan is now board in Vänsterpartiet Västernorrland." in capsys.readouterr().out
    assert main(["people", "grant", "--role", "chair", "--aad", "aad-adele"]) == 2
    assert "--branch" in capsys.readouterr().err
    assert main(["people", "grant", "--role", "chair", "--aad", "aad-adele", "--branch", "Sundsvall"]) == 0
    capsys.readouterr()
    assert main(["people", "list"]) == 0
    listing = capsys.readouterr().out
    assert "board  Megan Bowen" in listing and "chair  (name not known yet) (Sundsvall)" in listing
    assert main(["people", "revoke", "--role", "board", "--aad", "aad-megan"]) == 0
    assert "Removed 1 board role(s)" in capsys.readouterr().out
    assert main(["people", "list", "--district", "Gotland"]) == 0
    assert main(["people", "grant", "--district", "Gotland", "--role", "board", "--aad", "x"]) == 1
    assert "There is no district 'Gotland'" in capsys.readouterr().err


async def test_the_terminal_chat_runs_as_an_administrator(settings: Settings) -> None:
    out = io.StringIO()
    await run_chat(settings, stdin=io.StringIO("rapportera 6 1 provrapport\nroller\n"), stdout=out)
    assert "Sparat #1: mål 6, 1 för distriktet" in out.getvalue()


def _access_log(name: str) -> tuple[Any, list[str]]:
    """The bot's AccessLogger writing to a list."""
    import logging

    from bot.app import AccessLogger

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    logger = logging.getLogger(name)
    logger.addHandler(Collect())
    logger.setLevel(logging.INFO)
    return AccessLogger(logger, '%a "%r" %s'), records


def test_the_access_log_leaves_export_tokens_out() -> None:
    from aiohttp.test_utils import make_mocked_request
    from aiohttp.web import Response

    access, records = _access_log("test.access")
    access.log(make_mocked_request("GET", "/exports/1.secret-token.sig"), Response(status=200), 0.01)
    access.log(make_mocked_request("GET", "/healthz"), Response(status=200), 0.01)
    assert "secret-token" not in records[0] and "/exports/" in records[0]
    assert "/healthz" in records[1]


def test_the_access_log_leaves_taken_activities_to_the_turn_log() -> None:
    from aiohttp.test_utils import make_mocked_request
    from aiohttp.web import Response

    access, records = _access_log("test.access.turns")
    for status in (200, 201, 401, 415, 500):
        access.log(make_mocked_request("POST", "/api/messages"), Response(status=status), 0.01)
    # Taken activities have their own line in bot.turns; refusals and failures only this one.
    assert [record.rsplit(" ", 1)[1] for record in records] == ["401", "415", "500"]


def test_plan_correct_on_the_command_line(
    env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "vnl.txt"
    plan_file.write_text(seed(VASTERNORRLAND), encoding="utf-8")
    assert main(["plan", "import", str(plan_file), "--district", "X"]) == 0
    capsys.readouterr()
    assert main(["plan", "correct", "6", "mål", "2", "per", "kvartal", "--district", "X"]) == 0
    assert "minst 2 ordförandemöten per kvartal" in capsys.readouterr().out
    assert main(["plan", "correct", "99", "bort", "--district", "X"]) == 1
    assert "Det finns inget mål 99" in capsys.readouterr().err
    # Importing the plan again keeps the correction.
    assert main(["plan", "import", str(plan_file), "--district", "X"]) == 0
    plan = plan_of(env, "X")
    assert plan is not None and plan.goals[5].target.count == 2
    # The command line shows the goal's corrections as the board sees them in chat.
    capsys.readouterr()
    assert main(["plan", "changes", "6", "--district", "X"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith(
        "av styrelsen: mål från minst 1 ordförandemöte per kvartal till minst 2 ordförandemöten per kvartal"
    )
    assert main(["plan", "changes", "7", "--district", "X", "--language", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Not corrected since the plan was imported."
