"""The real date need not be in the plan's year: a plan that is over, or has not begun, still answers.

The real server over HTTP, with the bot's clock set before, within and after the year of the sample plan
(loaded for 2026 on first run). Every command answers in words, none with the apology for a crash.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from bot.config import Settings
from tests.conftest import NOW, Clock
from tests.fakes.chat import ask, reply_text
from tests.fakes.connector import FakeConnector

STOCKHOLM = ZoneInfo("Europe/Stockholm")
APOLOGY = ("Sorry, something went wrong", "Något gick fel")
COMMANDS = ("mål", "mål 6", "status", "rapportera 6 1 möte", "mina rapporter", "mina mål", "exportera 2026")


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[tuple[TestClient, Clock]]:
    clock = Clock(NOW)
    with clock.whole_process():
        app = create_app(settings.model_copy(update={"admins": ["aad-megan"]}), clock=clock)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        yield client, clock
        await client.close()


@pytest.mark.parametrize(
    "when",
    [
        datetime(2025, 6, 1, 10, 0, tzinfo=UTC),  # the plan has not begun
        datetime(2026, 12, 31, 23, 30, tzinfo=UTC),  # already 2027 in Stockholm, not yet in UTC
        datetime(2027, 2, 10, 10, 0, tzinfo=UTC),  # the plan is over
        datetime(2028, 3, 26, 0, 30, tzinfo=UTC),  # a year later, in the night the clocks go forward
    ],
)
async def test_every_command_answers_outside_the_plans_year(
    bot: tuple[TestClient, Clock], connector: FakeConnector, when: datetime
) -> None:
    client, clock = bot
    assert "Zetkin" in str(await ask(client, connector, "mål", locale="sv-SE"))  # the sample plan, for 2026
    clock.now = when
    for text in COMMANDS:
        answer = reply_text(await ask(client, connector, text, locale="sv-SE"))
        assert answer.strip(), text
        assert not answer.startswith(APOLOGY), f"{text!r} at {when}: {answer}"
    status = reply_text(await ask(client, connector, "status", locale="sv-SE"))
    if when.year < 2026:
        assert status.startswith("Planen gäller 2026 och börjar 1 januari")
    elif when.year > 2026 or when.astimezone(STOCKHOLM).year > 2026:
        assert status.startswith("Så gick planen 2026")
        english = reply_text(await ask(client, connector, "status"))
        assert english.startswith("How the plan went in 2026")
    schedule = reply_text(await ask(client, connector, "schema 1 och 15 kl 18", channel=True, locale="sv-SE"))
    assert not schedule.startswith(APOLOGY), schedule
