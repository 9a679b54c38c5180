"""People for the check-in form and dialog stories: chairs of Sundsvall and Härnösand, the board, a member.

The bot is the real DistrictBot on the real database with the sample plan as this year's plan; the fixed
clock says Sunday 22 November 2026.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from bot.db.checkins import CheckInRepository
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.people import PersonInfo, Role
from bot.teams import DistrictBot
from tests.conftest import NOW, every_branch
from tests.fakes.turns import Chat, account
from tests.test_teams import adapter_for, make_bot

DISTRICT = "Vänsterpartiet Västernorrland"
# The account tests.test_teams.adapter_for writes as.
CHAIR = account("29:chair", "Adele Vance", "aad-adele")
OTHER_CHAIR = account("29:other", "Lee Gu", "aad-lee")
BOARD = account("29:board", "Megan Bowen", "aad-megan")
MEMBER = account("29:member", "Nestor Wilke", "aad-nestor")


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


def chat(bot: DistrictBot, who: dict[str, Any] = CHAIR, **options: Any) -> Chat:
    """A personal chat (a new conversation) of `who` with the bot; options as in adapter_for."""
    adapter = adapter_for(bot, **options)
    adapter.template["from"] = who
    return adapter
