"""A district as people use it, through the real HTTP server: a board, chairs and a member write to the bot
in their personal chats, with Teams-shaped activities (mentions as Teams writes them), and read the replies
the bot posts to the fake Bot Connector. The sample plan (Västernorrland, for 2026) is loaded at start-up.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from bot.config import Settings
from bot.db.checkins import CheckInRepository, StoredCheckIn
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.goals import Period, Target, TargetKind
from bot.services.people import PersonInfo, Role
from bot.services.plan import load_sample_plan
from tests.conftest import NOW, Clock
from tests.fakes.activities import BOT_ID, BOT_NAME, TENANT, card_action
from tests.fakes.calls import off_loop_calls
from tests.fakes.chat import reply_text
from tests.fakes.connector import FakeConnector

DISTRICT = "Vänsterpartiet Västernorrland"
BEFORE_THE_YEAR = datetime(2025, 12, 1, 10, 0, tzinfo=UTC)
_ids = itertools.count(1)


@dataclass(frozen=True)
class Someone:
    teams_id: str
    aad: str
    name: str

    @property
    def info(self) -> PersonInfo:
        return PersonInfo(self.teams_id, self.aad, self.name)


MEGAN = Someone("29:user-megan", "aad-megan", "Megan Bowen")  # an admin and on the board
ANNA = Someone("29:anna", "aad-anna", "Anna Lind")  # on the board
KIM = Someone("29:kim", "aad-kim", "Kim Berg")  # chair of Sundsvall
LEE = Someone("29:lee", "aad-lee", "Lee Gu")  # chair of Härnösand
SAM = Someone("29:sam", "aad-sam", "Sam Ek")  # chair of Timrå
NOA = Someone("29:noa", "aad-noa", "Noa Holm")  # a member
JOHANNES = Someone("29:johannes", "aad-johannes", "Johannes Ström")  # a member


def shown(answer: dict[str, Any]) -> str:
    """The text of a tap's answer: the card's fallback, or the message shown beside the card."""
    value = answer["value"]
    return str(value["fallbackText"]) if isinstance(value, dict) else str(value)


def message(
    who: Someone, text: str, *, service_url: str, locale: str, mentions: tuple[tuple[Someone, str], ...] = ()
) -> dict[str, Any]:
    """A personal-chat message as Teams sends it; each mention is (person, the text Teams wrote for it,
    e.g. "Johannes" when the writer shortened "Johannes Ström")."""
    entities = [
        {"type": "mention", "text": f"<at>{written}</at>", "mentioned": {"id": p.teams_id, "name": p.name}}
        for p, written in mentions
    ]
    for _, written in mentions:
        text = text.replace(f"@{written}", f"<at>{written}</at>", 1)
    return {
        "id": f"story-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-22T10:00:00.000Z",
        "locale": locale,
        "from": {"id": who.teams_id, "name": who.name, "aadObjectId": who.aad},
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "conversation": {
            "id": f"a:personal-{who.teams_id}",
            "conversationType": "personal",
            "tenantId": TENANT,
        },
        "type": "message",
        "text": text,
        "entities": entities,
        "channelData": {"tenant": {"id": TENANT}},
    }


@dataclass
class District:
    client: TestClient
    connector: FakeConnector
    clock: Clock
    db: Database

    async def say(
        self,
        who: Someone,
        text: str,
        *,
        locale: str = "sv-SE",
        mentions: tuple[tuple[Someone, str], ...] = (),
        channel: str = "msteams",
    ) -> str:
        """What `who` reads after writing `text` to the bot (`channel` "test": a chat that shows no cards,
        as the terminal chat, where `rapportera` alone asks one question at a time)."""
        before = len(self.connector.posted)
        body = message(who, text, service_url=self.connector.url, locale=locale, mentions=mentions)
        body["channelId"] = channel
        response = await self.client.post("/api/messages", json=body)
        assert response.status in (200, 201)
        reply = await self.connector.reply_in(body["conversation"]["id"], before, to=body["id"])
        return reply_text(reply.body)

    async def off_loop(
        self,
        who: Someone,
        text: str,
        *,
        locale: str = "sv-SE",
        mentions: tuple[tuple[Someone, str], ...] = (),
    ) -> tuple[str, list[str]]:
        """What `who` reads after writing `text`, and the work the turn ran off the event loop (issue 16:
        one call for who wrote it, one for what they asked), by name."""
        await self.say(who, "hjälp", locale=locale)  # their first turn also remembers the conversation
        with off_loop_calls() as calls:
            reply = await self.say(who, text, locale=locale, mentions=mentions)
        return reply, calls

    async def tap(self, who: Someone, data: dict[str, Any], *, locale: str = "sv-SE") -> dict[str, Any]:
        """What replaces the card (or is shown beside it) after `who` taps a button carrying `data`."""
        activity = card_action(
            data, service_url=self.connector.url, who=(who.teams_id, who.name, who.aad), locale=locale
        )
        response = await self.client.post("/api/messages", json=activity)
        assert response.status == 200
        answer = dict(await response.json())
        assert answer["statusCode"] == 200
        return answer

    def reports(self) -> list[StoredCheckIn]:
        """Every check-in stored, oldest first."""
        checkins = CheckInRepository(self.db)
        everyone = [MEGAN, ANNA, KIM, LEE, SAM, NOA, JOHANNES]
        found = [c for p in everyone for c in checkins.mine(p.info, DISTRICT, limit=100)]
        return sorted(found, key=lambda c: c.id)


@pytest.fixture
async def district(settings: Settings, connector: FakeConnector) -> AsyncIterator[District]:
    """The sample plan's district on 22 November 2026: Megan and Anna on the board, Kim, Lee and Sam chairs
    of Sundsvall, Härnösand and Timrå."""
    clock = Clock(NOW)
    with clock.whole_process():
        app = create_app(settings.model_copy(update={"admins": ["aad-megan"]}), clock=clock)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        db = Database(settings.database_url)
        people = PeopleRepository(db)
        # the branches were there before the plan's year (one added during it is measured from then)
        people.add_branches(DISTRICT, ["Sundsvall", "Härnösand", "Timrå"], now=BEFORE_THE_YEAR)
        for who in (MEGAN, ANNA):
            people.grant(who.info, DISTRICT, Role.BOARD, now=NOW)
        for who, branch in ((KIM, "Sundsvall"), (LEE, "Härnösand"), (SAM, "Timrå")):
            people.grant(who.info, DISTRICT, Role.CHAIR, branch=branch, now=NOW)
        try:
            yield District(client, connector, clock, db)
        finally:
            db.dispose()
            await client.close()


def branch_meetings(district: District, target: Target, *, now: datetime) -> District:
    """The sample plan for 2026 with goal 4 every branch's, to `target`."""
    sample = load_sample_plan()
    first = sample.sections[0]
    goals = list(first.goals)
    goals[3] = replace(goals[3], applies_to_branches=True, target=target)
    sections = (replace(first, goals=tuple(goals)), *sample.sections[1:])
    Repository(district.db).save_plan(DISTRICT, replace(sample, year=2026, sections=sections), now=now)
    return district


@pytest.fixture
def meetings(district: District) -> District:
    """The sample plan for 2026 with goal 4 every branch's: one members' meeting a quarter."""
    target = Target(TargetKind.COUNT, 1, Period.QUARTER, "medlemsmöte", unit_en="members' meeting")
    return branch_meetings(district, target, now=NOW)
