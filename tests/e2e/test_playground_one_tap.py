"""A chair answers the quarter-end reminder with one tap in the Agents Playground (Action.Execute).

This module runs its own bot, with reminders due on any day of the quarter (REPORT_REMINDER_DAYS=92), and
makes the Playground's signed-in user (Alex Wilber) chair of Sundsvall with the CLI. After Alex has opened
the personal chat, `python -m bot remind` sends the quarter's reminders now (as the daily job does): Alex's
reminder card lists the goals Sundsvall has not reported, each with its likely answers as buttons. A tap on
"Ja, en gång" sends the `adaptiveCard/action` invoke; the card is replaced with what was stored.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.services.schedule_rules import is_holiday

from .conftest import (
    REPLY_TIMEOUT_MS,
    REPO_ROOT,
    BotServer,
    Playground,
    PlaygroundPage,
    run_bot,
    run_playground,
    skip_or_fail,
)

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - Playwright is a dev dependency (scripts/setup)
    skip_or_fail("Python Playwright is not installed: run scripts/setup, then scripts/setup-e2e", module=True)

pytestmark = pytest.mark.e2e

USER_AAD_OBJECT_ID = "00000000-0000-0000-0000-0000000000020"  # Alex Wilber in the Playground


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('one-tap') / 'bot.db'}"


@pytest.fixture(scope="module")
def bot_server(
    e2e_tools: None, tmp_path_factory: pytest.TempPathFactory, database: str
) -> Iterator[BotServer]:
    yield from run_bot(tmp_path_factory, {"DATABASE_URL": database, "REPORT_REMINDER_DAYS": "92"})


@pytest.fixture(scope="module")
def playground(bot_server: BotServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Playground]:
    yield from run_playground(bot_server, tmp_path_factory)


def cli(database: str, *args: str) -> str:
    """`python -m bot ...` on the bot's database, as an operator runs it."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database,
        REPORT_REMINDER_DAYS="92",
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p),
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=Path(database.removeprefix("sqlite:///")).parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, f"python -m bot {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_chair_answers_the_reminder_with_one_tap(ui: PlaygroundPage, database: str) -> None:
    page = ui.page
    page.get_by_role("treeitem", name="Personal Chat", exact=True).click()
    page.get_by_role("textbox").fill("hjälp")
    page.get_by_role("button", name="Send Message", exact=True).click()
    cards = page.locator(".fai-OutputCard")
    expect(cards.filter(has_text="Det här kan jag")).not_to_have_count(0, timeout=REPLY_TIMEOUT_MS)

    cli(database, "people", "grant", "--role", "chair", "--aad", USER_AAD_OBJECT_ID, "--branch", "Sundsvall")
    if is_holiday(datetime.now(ZoneInfo("Europe/Stockholm")).date()):
        # No reminders on a public holiday (the test may run on juldagen, or under faketime on one).
        assert "reminded: 0" in cli(database, "remind")
        return
    assert "reminded: 1" in cli(database, "remind")

    # In the language Alex speaks to the bot (Swedish commands) or their Teams client's (en-US).
    reminder = cards.filter(has_text=re.compile("Dags att rapportera|Time to report"))
    try:
        expect(reminder).not_to_have_count(0, timeout=REPLY_TIMEOUT_MS)
        reminder.last.get_by_role("button", name=re.compile("^(Ja, en gång|Yes, once)$")).first.click()
        # The card is replaced with what was stored.
        stored = cards.filter(has_text=re.compile(r"(Sparat|Stored) #1: 1"))
        expect(stored).not_to_have_count(0, timeout=REPLY_TIMEOUT_MS)
        expect(stored.last).to_contain_text(
            re.compile("Dina rapporter det här kvartalet|Your reports this quarter")
        )
    except AssertionError as exc:
        ui.artifacts.save()
        raise AssertionError(
            f"the one-tap answer did not show as expected\n{ui.artifacts.describe()}\n{exc}"
        ) from None
