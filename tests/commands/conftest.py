"""The router on its own: the real commands, the real database with the sample plan, and one person per role.

`services_on` builds what bot/app.py builds (the prompt desk included) with an administrator named by
object id; `give_roles` stores the other roles for real (PeopleRepository.grant); `furnish` adds a
check-in, a prompt schedule with slots and a bank prompt. That district is built once per module
(`template`) and every test (`district`), or every hypothesis example (`fresh`), gets a copy of its own.
`ask` builds the Request that bot/teams.py would (district found, or not) and dispatches it at NOW.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import plan_reviews_on
from bot.cards import Reply
from bot.commands import Context, Request, Router, Services, build_router
from bot.db import migrate
from bot.db.checkins import CheckInRepository
from bot.db.engine import Database
from bot.db.followups import FollowUpRepository
from bot.db.people import DistrictRepository, PeopleRepository
from bot.db.prompts import PromptRepository
from bot.db.repository import Repository
from bot.i18n import translator
from bot.services.checkins import Reporting
from bot.services.export import ExportLinks
from bot.services.followup import BoardReports
from bot.services.people import ConversationInfo, PersonInfo, Role, Scope, Why, with_admin
from bot.services.plan_import import ensure_sample_plan
from bot.services.progress import Progress
from bot.services.prompt_desk import PromptDesk
from bot.services.schedule_rules import parse_rule
from tests.conftest import NOW, fixed_clock

DISTRICT = "Vänsterpartiet Västernorrland"
ZONE = ZoneInfo("Europe/Stockholm")
CHANNEL = "19:general@thread.tacv2"

# One sender per role, each holding exactly that role in the district (the admin only by configuration).
MEMBER = PersonInfo("29:member", "aad-nestor", "Nestor Wilke")
CHAIR = PersonInfo("29:chair", "aad-adele", "Adele Vance")
BOARD = PersonInfo("29:board", "aad-megan", "Megan Bowen")
ADMIN = PersonInfo("29:admin", "aad-isaiah", "Isaiah Langer")
DEPUTY = PersonInfo("29:deputy", "aad-alex", "Alex Wilber")  # reports for Sundsvall in its chair's stead
# Others: the chair of another branch, a second board member, someone to @mention (furnish() names them
# responsible for goal 12).
OTHER_CHAIR = PersonInfo("29:lee", "aad-lee", "Lee Gu")
OTHER_BOARD = PersonInfo("29:patti", "aad-patti", "Patti Fernandez")
SOMEONE = PersonInfo("29:diego", "aad-diego", "Diego Siciliani")
SENDERS = {
    Role.MEMBER: MEMBER,
    Role.RESPONSIBLE: SOMEONE,
    Role.DEPUTY: DEPUTY,
    Role.CHAIR: CHAIR,
    Role.BOARD: BOARD,
    Role.ADMIN: ADMIN,
}


def services_on(repository: Repository) -> Services:
    """What bot/app.py builds, on `repository`'s database: the prompt desk too, and one admin."""
    db = repository.db
    people = PeopleRepository(db)
    checkins = CheckInRepository(db)
    progress = Progress(repository, checkins, ZONE)
    return Services(
        repository=repository,
        people=people,
        checkins=checkins,
        progress=progress,
        reporting=Reporting(checkins),
        districts=DistrictRepository(db),
        admins=frozenset({ADMIN.aad_object_id or ""}),
        zone=ZONE,
        prompts=PromptDesk(PromptRepository(db), people, fixed_clock, timezone=str(ZONE)),
        reports=BoardReports(progress, FollowUpRepository(db), checkins, people, PromptRepository(db)),
        plan_reviews=plan_reviews_on(repository),
    )


@dataclass(frozen=True)
class District:
    """The sample district in use (see `furnish`), on a database of its own."""

    services: Services
    furnished: Furnished


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Furnished]:
    """Built once per module as `sample_repository` is, then furnished; tests get copies of it."""
    path = tmp_path_factory.mktemp("district") / "bot.db"
    database = Database(f"sqlite:///{path}")
    try:
        migrate.upgrade(database)
        repository = Repository(database)
        assert ensure_sample_plan(repository, fixed_clock, ZONE)
        services = services_on(repository)
        give_roles(services)
        furnished = asyncio.run(furnish(services))
    finally:
        database.dispose()
    return path, furnished


@contextmanager
def copy_of(source: Path, target: Path) -> Iterator[Services]:
    """Services on a copy of `source` (SQLite's backup API, so the write-ahead log comes along)."""
    with closing(sqlite3.connect(source)) as original, closing(sqlite3.connect(target)) as duplicate:
        original.backup(duplicate)
    database = Database(f"sqlite:///{target}")
    try:
        yield services_on(Repository(database))
    finally:
        database.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)


@pytest.fixture
def district(template: tuple[Path, Furnished], tmp_path: Path) -> Iterator[District]:
    """The district in use, for one test to change as it likes."""
    source, furnished = template
    with copy_of(source, tmp_path / "bot.db") as services:
        yield District(services, furnished)


Fresh = Callable[[], AbstractContextManager[Services]]


@pytest.fixture
def fresh(template: tuple[Path, Furnished], tmp_path: Path) -> Fresh:
    """A copy of the district in use per hypothesis example (`with fresh() as services:`).

    Hypothesis shares function-scoped fixtures between the examples of one test; a check-in, a new role or
    `glöm mig bekräfta` in one example would otherwise change what the next (or a replay while shrinking)
    finds.
    """
    source, _ = template
    numbers = itertools.count()
    return lambda: copy_of(source, tmp_path / f"example-{next(numbers)}.db")


@pytest.fixture
def router() -> Router:
    links = ExportLinks(
        b"a test secret, long enough", base_url="https://bot.example", lifetime=timedelta(minutes=15)
    )
    return build_router(export_links=links)


def give_roles(services: Services) -> None:
    """Store every sender's role (again: granting a role someone holds is a no-op)."""
    people = services.people
    people.person_id(MEMBER, now=NOW)  # known to the bot, holding no role
    people.grant(CHAIR, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
    people.grant(DEPUTY, DISTRICT, Role.DEPUTY, branch="Sundsvall", now=NOW)
    people.grant(OTHER_CHAIR, DISTRICT, Role.CHAIR, branch="Härnösand", now=NOW)
    people.grant(BOARD, DISTRICT, Role.BOARD, now=NOW)
    people.grant(OTHER_BOARD, DISTRICT, Role.BOARD, now=NOW)


@dataclass(frozen=True)
class Furnished:
    """What `furnish` stored, by number as users write them."""

    check_in: (
        int  # the district's (goal 6), reported by OTHER_CHAIR in Härnösand: someone else's, for every sender
    )
    slot: int  # a planned prompt with a text OTHER_BOARD wrote (approval on)
    empty_slot: int  # a planned prompt without text
    bank_prompt: int


async def furnish(services: Services) -> Furnished:
    """A district in use: a check-in, a prompt schedule in CHANNEL with its slots (one written), a bank
    prompt of the district's own, and SOMEONE responsible for goal 12."""
    plan = services.repository.plan(DISTRICT)
    assert plan is not None
    goals = {goal.number: goal for goal in plan.goals}
    branch = next(b for b in services.checkins.branches(DISTRICT) if b.name == "Härnösand")
    check_in = services.checkins.add(
        district=DISTRICT,
        goal_id=goals[6].id,
        branch_id=branch.id,
        reporter=OTHER_CHAIR,
        value=1,
        happened_on=NOW.date() - timedelta(days=2),
        area=None,
        comment="ordförandemöte i Härnösand",
        now=NOW,
    )
    services.checkins.name_responsible(goals[12].id, SOMEONE, now=NOW)
    for kind in ("channel", "groupChat"):  # as bot/teams.py remembers every conversation it hears in
        services.repository.remember_conversation(conversation(kind), person=None, now=NOW)
    desk = services.prompts
    assert desk is not None
    setup = desk.set_up(
        district=DISTRICT,
        conversation_id=f"{CHANNEL};messageid=1",
        rule=parse_rule("1 och 15 kl 18"),
        rule_text="1 och 15 kl 18",
        by=BOARD,
    )
    await asyncio.to_thread(desk.prompts.set_approval, setup.schedule.id, True)
    written, empty = setup.upcoming[0].id, setup.upcoming[1].id
    desk.write(written, "Vad ska vi be regionen om i vår?", OTHER_BOARD)
    bank_prompt = desk.prompts.add_bank_prompt(
        DISTRICT, "Vad gör kommunen för klimatet?", area=None, by=None, now=NOW
    )
    return Furnished(check_in.id, written, empty, bank_prompt)


def conversation(kind: str) -> ConversationInfo:
    if kind == "channel":
        return ConversationInfo(f"{CHANNEL};messageid=1", "channel", "tenant", "team-1", CHANNEL, {})
    if kind == "groupChat":
        return ConversationInfo("19:group@thread.v2", "groupChat", "tenant", None, None, {})
    return ConversationInfo("a:personal", "personal", "tenant", None, None, {})


def request(
    text: str,
    who: PersonInfo,
    *,
    language: str = "sv",
    kind: str = "personal",
    mentions: tuple[PersonInfo, ...] = (),
    found: bool = True,
) -> Request:
    """What bot/teams.py hands the router: mention stripped, the district found (or, `found=False`, not)."""
    if found:
        scope = Scope(DISTRICT, Why.LINKED if kind != "personal" else Why.MEMBER)
    else:
        scope = Scope("", Why.UNLINKED) if kind != "personal" else Scope("", Why.SEVERAL, (DISTRICT, "Skåne"))
    return Request(
        text=text,
        t=translator(language),
        district=scope.district,
        scope=scope,
        user=who,
        conversation_kind=kind,
        conversation=conversation(kind),
        mentions=mentions,
        locale="en-US" if language == "en" else "sv-SE",  # the Teams client's
    )


async def ask(
    router: Router,
    services: Services,
    text: str,
    who: PersonInfo,
    *,
    language: str = "sv",
    kind: str = "personal",
    mentions: tuple[PersonInfo, ...] = (),
    found: bool = True,
) -> Reply:
    """Dispatch `text` from `who` at NOW, as the router alone answers it."""
    asked = request(text, who, language=language, kind=kind, mentions=mentions, found=found)
    # What bot/teams.py reads of the writer besides the district: their roles there and chosen language.
    context = Context(services, NOW)
    stored = await asyncio.to_thread(services.people.roles, who, asked.district)
    roles = with_admin(stored, who, services.admins)
    _, chosen, _ = await asyncio.to_thread(services.people.language_choice, who)
    asked = replace(asked, roles=frozenset(roles), chosen_language=chosen)
    return await router.dispatch(asked, context)


def readable(reply: Reply) -> bool:
    """Whether every channel shows something: the text (sent where cards are not shown) is not blank, and a
    card, if any, has a fallback text too. A message of emoji alone is rightly left unanswered."""
    if isinstance(reply, Reply) and reply.quiet:
        return True
    if not isinstance(reply, Reply) or not isinstance(reply.text, str) or not reply.text.strip():
        return False
    fallback = reply.card.get("fallbackText") if reply.card is not None else "-"
    return isinstance(fallback, str) and bool(fallback.strip())
