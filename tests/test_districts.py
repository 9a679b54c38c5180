"""Two districts in one deployment, command by command: nobody sees or changes another district's data.

Both seed plans (../shared/seeds) are imported through the real importer (`python -m bot plan import`)
once per module into a template database, which each test copies; each district is linked to its own
Team. The real handler and router are driven in-process through the bot's own turn (tests/fakes/turns.py)
with Teams-shaped activities (channelData.team / channel); the scheduled jobs send to a fake Bot Connector
through the SDK under test. The clock stands in 2023, the plans' year, so reports and reminders are for
this year's plan.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.__main__ import import_plan
from bot.app import Components, build
from bot.config import Settings
from bot.db import migrate
from bot.db.engine import Database
from bot.db.people import DistrictRepository, PeopleRepository
from bot.db.repository import Repository
from bot.i18n import translator
from bot.notifier import Notifier
from bot.sdk import Sdk
from bot.services.people import ConversationInfo, PersonInfo, Role
from bot.services.plan import PlanDraft
from bot.services.prompting import Outcome
from schedules.poster import PromptPoster
from schedules.reporting import DIGEST_KIND, REMINDER_KIND, ReportReminders
from tests.conftest import NOW, SEEDS, SKANE, VASTERNORRLAND, Clock, seed
from tests.fakes.connector import FakeConnector
from tests.fakes.turns import BOT, Chat, account
from tests.test_teams import mentioning, shown

# The note a skip that leaves its month short of the plan's two prompts ends with.
SHORT_SV = "Obs! Planen kräver inlägg minst två gånger i månaden, och när det här hoppas över får kanalen "

A = "Vänsterpartiet Västernorrland"
B = "Vänsterpartiet Skåne"
ADMIN = account("29:admin", "Alex Wilber", "aad-admin")
MEGAN = account("29:megan", "Megan Bowen", "aad-megan")  # A's board
ADELE = account("29:adele", "Adele Vance", "aad-adele")  # B's board
LEE = account("29:lee", "Lee Gu", "aad-lee")  # chairs Sundsvall in A
NESTOR = account("29:nestor", "Nestor Wilke", "aad-nestor")  # chairs Malmö in B
DIEGO = account("29:diego", "Diego Siciliani", "aad-diego")  # in both teams
ISAIAH = account("29:isaiah", "Isaiah Langer", "aad-isaiah")  # never seen
TEAMS = {
    A: ("19:team-vnl@thread.tacv2", "19:general-vnl@thread.tacv2"),
    B: ("19:team-skane@thread.tacv2", "19:general-skane@thread.tacv2"),
    "C": ("19:team-c@thread.tacv2", "19:general-c@thread.tacv2"),
}
START = datetime(2023, 5, 10, 8, 0, tzinfo=UTC)
_ids = itertools.count(1)


def person(who: dict[str, Any]) -> PersonInfo:
    return PersonInfo(who["id"], who["aadObjectId"], who["name"])


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both seed plans, imported once through the real importer (`python -m bot plan import`)."""
    folder = tmp_path_factory.mktemp("districts")
    path = folder / "template.db"
    settings = Settings(_env_file=None, database_url=f"sqlite:///{path}")  # type: ignore[call-arg]
    for name, district in ((VASTERNORRLAND, A), (SKANE, B)):
        seed(name)  # skips where ../shared/seeds is absent
        assert import_plan(settings, SEEDS / name, district, dry_run=False) == 0
    return path


GROUP = "19:group-chat@thread.v2"


@dataclass
class World:
    components: Components
    clock: Clock
    service_url: str = "https://smba.example.invalid/emea/"

    def _adapter(self, who: dict[str, Any], where: str) -> tuple[Chat, dict[str, Any]]:
        """A chat for `who` in the channel of `where`'s team (A, B or "C"), the group chat
        ("group"), or (`where` empty) their personal chat; and the activity's Teams channelData."""
        channel_data: dict[str, Any] = {"tenant": {"id": "t1"}}
        if where in TEAMS:
            team, channel = TEAMS[where]
            conversation = {
                "id": f"{channel};messageid={next(_ids)}",
                "conversationType": "channel",
                "isGroup": True,
            }
            channel_data |= {"team": {"id": team, "name": where}, "channel": {"id": channel}}
        elif where == "group":
            conversation = {"id": GROUP, "conversationType": "groupChat", "isGroup": True}
        else:
            assert not where, where
            conversation = {"id": f"a:personal-{who['id']}", "conversationType": "personal"}
        template = {
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "locale": "sv-SE",
            "conversation": conversation,
            "from": who,
            "recipient": BOT,
        }
        return Chat(self.components.bot.on_turn, template), channel_data

    async def say(
        self, who: dict[str, Any], text: str, *, where: str = "", mentions: tuple[dict[str, Any], ...] = ()
    ) -> str:
        """`who` writes `text` (see `_adapter` for `where`); what the bot answers, as the user reads it."""
        adapter, channel_data = self._adapter(who, where)
        text, entities = mentioning(text, mentions, bot=bool(where))
        reply = await adapter.ask(text, id=f"m{next(_ids)}", entities=entities, channelData=channel_data)
        return shown(reply)

    async def install(self, where: str) -> str:
        """The bot is installed in `where`'s team: Teams' installationUpdate, then the conversationUpdate
        that adds the bot; the welcome it answers."""
        adapter, channel_data = self._adapter(ADMIN, where)
        await adapter.receive_activity(
            {"type": "installationUpdate", "action": "add", "channelData": channel_data}
        )
        assert adapter.get_next_activity() is None
        await adapter.receive_activity(
            {"type": "conversationUpdate", "membersAdded": [BOT], "channelData": channel_data}
        )
        reply = adapter.get_next_activity()
        assert reply is not None, "no welcome"
        return shown(reply)


@pytest.fixture
async def world(imported: Path, tmp_path: Path, settings: Settings) -> AsyncIterator[World]:
    path = tmp_path / "districts.db"
    shutil.copyfile(imported, path)
    settings = settings.model_copy(update={"database_url": f"sqlite:///{path}", "admins": ["aad-admin"]})
    clock = Clock(START)
    components = build(settings, clock=clock)
    components.start()
    for district in (A, B):
        team, _ = TEAMS[district]
        assert components.bot.districts.link_team(team, district, name=district, now=clock())
    yield World(components, clock)
    components.stop()


async def staff(world: World) -> None:
    """Each district's board and a branch chair, given by the administrator in each team's channel."""
    for who, text, where, answer in (
        (MEGAN, "roll styrelse @Megan Bowen", A, "Megan Bowen sitter nu i styrelsen."),
        (LEE, "roll ordförande @Lee Gu Sundsvall ja", A, "Lee Gu är nu ordförande i Sundsvall."),
        (ADELE, "roll styrelse @Adele Vance", B, "Adele Vance sitter nu i styrelsen."),
        (NESTOR, "roll ordförande @Nestor Wilke Malmö ja", B, "Nestor Wilke är nu ordförande i Malmö."),
    ):
        assert await world.say(ADMIN, text, where=where, mentions=(who,)) == answer


# --- member commands answer from the channel's district ---------------------------------------------------

A_GOAL_6 = "Vi ska anordna minst ett ordförandemöte i kvartalet för att samordna arbetet i distriktet"
B_GOAL_6 = "Genomföra en utbildning i medlemsvård"
A_CALLS = "Distriktet ska genomföra en ringkampanj för medlemsaktivering tillsammans med partiföreningarna"
B_CALLS = "Genomföra en ringkampanj som en del i den politiska kampanjen"
NOT_LINKED = "Det här teamet är inte kopplat till något distrikt än"
CHAT_NOT_LINKED = "Den här chatten är inte kopplad till något distrikt än"
UNKNOWN_PERSON = "Jag vet inte än vilket distrikt du hör till."
BOTH = "Du hör till flera distrikt: Vänsterpartiet Skåne, Vänsterpartiet Västernorrland."
NOT_BOARD_B = "Det kan bara styrelsen och administratörer göra. Fråga någon i styrelsen: Adele Vance."
NOT_ADMIN = "Det kan bara en administratör göra."


async def test_the_goal_list_is_the_channels_districts_plan(world: World) -> None:
    a = await world.say(DIEGO, "mål", where=A)
    b = await world.say(DIEGO, "mål", where=B)
    assert a.startswith("Verksamhetsplan för Vänsterpartiet Västernorrland 2023\n24 mål\n")
    assert b.startswith("Verksamhetsplan 2023 för Vänsterpartiet Skåne\n18 mål\n")
    assert "Zetkin" in a and "Internkommunikation" in a and A_CALLS in a
    assert "Zetkin" not in b and "Internkommunikation" not in b and A_CALLS not in b
    assert "Internfeminism" in b and B_GOAL_6 in b and B_CALLS in b
    assert "Internfeminism" not in a and B_GOAL_6 not in a and B_CALLS not in a


async def test_one_goal_is_the_channels_districts_goal_of_that_number(world: World) -> None:
    a = await world.say(DIEGO, "mål 6", where=A)
    b = await world.say(DIEGO, "mål 6", where=B)
    assert a.startswith(f"Mål 6\n{A_GOAL_6}\nAvsnitt\nDrivkraften i distriktet\n")
    assert b.startswith(f"Mål 6\n{B_GOAL_6}\nAvsnitt\nMedlemsvård\n")
    assert B_GOAL_6 not in a and A_GOAL_6 not in b


async def test_a_goal_number_beyond_the_other_plans_count_is_unknown(world: World) -> None:
    assert "Distriktsstyrelsens ledamöter ansvarar för att skapa minst två" in await world.say(
        DIEGO, "mål 20", where=A
    )
    assert (
        await world.say(DIEGO, "mål 20", where=B)
        == "Det finns inget mål 20. Planen har mål 1–18; skriv mål för att se dem."
    )


async def test_search_finds_only_the_channels_districts_goals(world: World) -> None:
    a = await world.say(DIEGO, "sök ringkampanj", where=A)
    b = await world.say(DIEGO, "sök ringkampanj", where=B)
    assert a == f"1 mål nämner ”ringkampanj”\n4\n{A_CALLS}"
    assert b == f"1 mål nämner ”ringkampanj”\n9\n{B_CALLS}"
    assert "Inget mål nämner ”Zetkin”" in await world.say(DIEGO, "sök Zetkin", where=B)


async def test_status_shows_the_channels_districts_plan_and_branches(world: World) -> None:
    await staff(world)
    assert (await world.say(LEE, "rapportera 3 1 Zetkin-grupp", where=A)).startswith("Sparat #")
    a = await world.say(DIEGO, "status", where=A)
    b = await world.say(DIEGO, "status", where=B)
    assert (
        "Internkommunikation" in a
        and "1\xa0500 följare, ingen mätning i år, mål 2\xa0000" in a
        and "Internfeminism" not in a
    )
    assert "1 av 1 partiförening har nått sitt mål" in a  # Lee's report counts in A (one branch there)
    assert "Internfeminism" in b and "Internkommunikation" not in b and "1\xa0500" not in b
    assert "det här kvartalet" not in b  # nothing of A's counted goal 6 in B's plan
    # Branches are the district's own: A's branch is unknown in B.
    assert (
        await world.say(DIEGO, "status Sundsvall", where=B)
        == "Det finns ingen partiförening som heter ”Sundsvall”. Partiföreningar: Malmö"
    )
    assert (await world.say(DIEGO, "status Sundsvall", where=A)).startswith("Så går det för Sundsvall")


async def test_roles_are_listed_per_district(world: World) -> None:
    await staff(world)
    assert await world.say(DIEGO, "roller", where=A) == (
        "Styrelsen: Megan Bowen\nOrdförande i partiföreningarna: Lee Gu (Sundsvall)"
    )
    assert await world.say(DIEGO, "roller", where=B) == (
        "Styrelsen: Adele Vance\nOrdförande i partiföreningarna: Nestor Wilke (Malmö)"
    )


async def test_who_is_responsible_is_named_and_shown_per_district(world: World) -> None:
    await staff(world)
    assert (
        await world.say(MEGAN, "ansvarig 6 @Diego Siciliani", where=A, mentions=(DIEGO,))
        == "Diego Siciliani är nu ansvarig för mål 6."
    )
    assert "Ansvarig\nDiego Siciliani\n" in await world.say(LEE, "mål 6", where=A)
    assert "Ansvarig\nIngen utsedd än\n" in await world.say(LEE, "mål 6", where=B)
    # A's board member is not B's; B's goal numbers are B's own.
    assert await world.say(MEGAN, "ansvarig 6 @Diego Siciliani", where=B, mentions=(DIEGO,)) == NOT_BOARD_B
    assert (
        await world.say(ADMIN, "ansvarig 20 @Diego Siciliani", where=B, mentions=(DIEGO,))
        == "Det finns inget mål 20; planen har mål 1–18."
    )
    assert "Ansvarig\nIngen utsedd än\n" in await world.say(LEE, "mål 6", where=B)
    responsible = world.components.bot.services.checkins.responsible
    assert [names for names in responsible(B).values() if names] == []
    assert [name for names in responsible(A).values() for _, name in names] == ["Diego Siciliani"]


@pytest.mark.parametrize("where", [A, B, "C", ""])
async def test_help_works_everywhere(world: World, where: str) -> None:
    answer = await world.say(ISAIAH, "hjälp", where=where)
    assert answer.startswith("Det här kan jag\n") and "mål 6" in answer


# --- roles are per district -------------------------------------------------------------------------------


async def test_a_board_member_of_one_district_is_refused_board_commands_in_the_other(world: World) -> None:
    await staff(world)
    assert (await world.say(ADELE, "schema 1 och 15 kl 18", where=B)).startswith("Inlägg publiceras")
    b_slot = world.components.prompts.slots(district=B, after=START, limit=1)[0]
    for text in (
        "schema 1 och 15 kl 18",
        "schema stopp",
        "kommande",
        f"godkänn {b_slot.id}",
        f"ge {b_slot.id} @Megan Bowen",
        f"hoppa {b_slot.id}",
        f"skriv {b_slot.id} Vad vill vi med Skåne?",
        "godkännande på",
        "bank",
    ):
        mentions = (MEGAN,) if "@" in text else ()
        assert await world.say(MEGAN, text, where=B, mentions=mentions) == NOT_BOARD_B, text
    # Chairs export their own branch's, so the export is refused as a chair's command.
    assert (await world.say(MEGAN, "exportera", where=B)).startswith(
        "Det kan bara partiföreningarnas ordförande, styrelsen och administratörer göra."
    )
    assert await world.say(MEGAN, "roll styrelse @Diego Siciliani", where=B, mentions=(DIEGO,)) == (
        NOT_ADMIN + " Fråga någon av dem: Alex Wilber."  # the administrator the bot has met
    )
    # Nothing changed in B: one schedule (Adele's), its slot as it was, nobody new on the board.
    assert [s.district for s in world.components.prompts.schedules()] == [B]
    assert world.components.prompts.slot(b_slot.id) == b_slot
    assert {m.name for m in world.components.people.members(B, Role.BOARD)} == {"Adele Vance"}
    # The same commands work for her in her own district's team.
    assert (await world.say(MEGAN, "schema 1 och 15 kl 18", where=A)).startswith("Inlägg publiceras")
    assert sorted(s.district for s in world.components.prompts.schedules()) == [B, A]


async def test_a_chair_in_one_district_cannot_report_in_the_other(world: World) -> None:
    await staff(world)
    refused = await world.say(LEE, "rapportera 6 klart", where=B)
    assert refused.startswith(
        "Bara partiföreningarnas ordförande, styrelsen och de som är ansvariga för mål 6"
    )
    assert world.components.bot.services.checkins.reports(B, year=2023) == {}
    stored = await world.say(LEE, "rapportera 3 1 Zetkin-grupp", where=A)
    assert stored.startswith("Sparat #") and "mål 3, 1 person för Sundsvall" in stored
    # Nor may A's chair name a branch of B's.
    assert (await world.say(LEE, "rapportera 6 klart för Malmö", where=B)).startswith(
        "Bara partiföreningarnas ordförande, styrelsen och de som är ansvariga för mål 6"
    )
    assert world.components.bot.services.checkins.reports(B, year=2023) == {}


async def test_an_administrator_acts_in_both_districts(world: World) -> None:
    await staff(world)
    for where in (A, B):
        assert (await world.say(ADMIN, "schema 1 och 15 kl 18", where=where)).startswith("Inlägg publiceras")
    assert sorted(s.district for s in world.components.prompts.schedules()) == [B, A]
    assert "mål 6, 2 ordförandemöten för distriktet" in await world.say(ADMIN, "rapportera 6 2", where=A)
    assert "mål 6, klart för distriktet" in await world.say(ADMIN, "rapportera 6 klart", where=B)
    reports = world.components.bot.services.checkins.reports
    assert [len(r) for r in reports(A, year=2023).values()] == [1]
    assert [len(r) for r in reports(B, year=2023).values()] == [1]


async def test_the_export_is_the_board_members_own_districts(world: World) -> None:
    await staff(world)
    assert (await world.say(LEE, "rapportera 3 1", where=A)).startswith("Sparat #")
    assert (await world.say(ADMIN, "rapportera 6 klart", where=B)).startswith("Sparat #")
    assert (await world.say(ADMIN, "rapportera 9 klart", where=B)).startswith("Sparat #")
    # Each board member's personal chat is their district's (they hold a role there).
    assert "Alla rapporter: 1 rapport." in await world.say(MEGAN, "exportera")
    assert "Alla rapporter: 2 rapporter." in await world.say(ADELE, "exportera")
    # A's goals beyond B's count are not B's to filter on.
    assert "Det finns inget mål 20; planen har mål 1–18." in await world.say(ADELE, "exportera mål 20")


# --- numbers from another district are as good as unknown -------------------------------------------------


async def test_prompt_numbers_of_another_district_are_unknown(world: World) -> None:
    await staff(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", where=A)
    await world.say(ADELE, "schema 1 och 15 kl 18", where=B)
    prompts = world.components.prompts
    a_slot = prompts.slots(district=A, after=START, limit=1)[0]
    b_slot = prompts.slots(district=B, after=START, limit=1)[0]
    assert a_slot.owner_name == "Megan Bowen" and b_slot.owner_name == "Adele Vance"
    unknown = f"Det finns inget inlägg #{a_slot.id}. Planerade inlägg: "  # B's own, not A's
    for text in (
        f"skriv {a_slot.id} Vad ska Skåne kräva?",
        f"godkänn {a_slot.id}",
        f"ge {a_slot.id} @Nestor Wilke",
        f"hoppa {a_slot.id}",
        f"visa {a_slot.id}",
        f"posta {a_slot.id}",
        f"byt {a_slot.id} {b_slot.id}",
        f"byt {b_slot.id} {a_slot.id}",
    ):
        for who in (ADELE, ADMIN):  # B's board member, and an administrator working in B's team
            mentions = (NESTOR,) if "@" in text else ()
            answer = await world.say(who, text, where=B, mentions=mentions)
            assert answer.startswith(unknown) and len(re.findall(rf"#{a_slot.id}\b", answer)) == 1, (
                who["name"],
                text,
                answer,
            )
    assert prompts.slot(a_slot.id) == a_slot  # A's slot untouched: owner, text, status
    assert prompts.slot(b_slot.id) == b_slot
    # In B's own personal chat too.
    assert (await world.say(ADELE, f"hoppa {a_slot.id}")).startswith(unknown)
    # B's own numbers work.
    assert await world.say(ADELE, f"hoppa {b_slot.id}", where=B) == (
        f"#{b_slot.id} hoppas över; inget publiceras då. "
        f"Vill du publicera det ändå: hoppa inte {b_slot.id}.\n{SHORT_SV}inget inlägg i maj 2023."
    )
    assert "Megan Bowen" not in await world.say(ADELE, "kommande", where=B)


async def test_report_numbers_of_another_district_are_unknown(world: World) -> None:
    await staff(world)
    stored = await world.say(LEE, "rapportera 3 1 Zetkin-grupp", where=A)
    number = int(stored.removeprefix("Sparat #").split(":")[0])
    unknown = f"Det finns ingen rapport #{number}; se mina rapporter."
    # B's board member, an administrator in B's team, and even its reporter: in B it is not a report.
    for who, text in (
        (ADELE, f"ändra {number} 3"),
        (ADELE, f"ångra {number}"),
        (ADMIN, f"ångra {number}"),
        (ADMIN, f"ändra {number} 2"),
        (LEE, f"ångra {number}"),
        (LEE, f"ändra {number} 2"),
    ):
        assert await world.say(who, text, where=B) == unknown, (who["name"], text)
    assert await world.say(ADELE, f"ångra {number}") == unknown  # Adele's personal chat is B's
    assert f"#{number}" not in await world.say(LEE, "mina rapporter", where=B)
    assert f"#{number}" in await world.say(LEE, "mina rapporter", where=A)
    [kept] = world.components.bot.services.checkins.mine(person(LEE), A)
    assert (kept.id, kept.value, kept.withdrawn) == (number, 1, False)
    # In A, the board may.
    withdrawn = await world.say(MEGAN, f"ångra {number}", where=A)
    assert withdrawn.startswith(f"Rapport #{number} (mål ")
    assert withdrawn.endswith(") är tillbakadragen; den räknas inte längre. Den rapporterades av Lee Gu.")


async def test_goal_numbers_beyond_the_plan_are_unknown_for_reports(world: World) -> None:
    assert (await world.say(ADMIN, "rapportera 20 1", where=B)).startswith(
        "Det finns inget mål 20; planen har mål 1–18."
    )
    assert (await world.say(ADMIN, "rapportera 20 1", where=A)).startswith("Sparat #")


# --- personal chats -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("district", "goal_6", "calls", "other"),
    [(A, A_GOAL_6, A_CALLS, B_GOAL_6), (B, B_GOAL_6, B_CALLS, A_GOAL_6)],
)
async def test_someone_who_wrote_in_a_team_gets_its_district_in_their_personal_chat(
    world: World, district: str, goal_6: str, calls: str, other: str
) -> None:
    await world.say(DIEGO, "hjälp", where=district)
    assert await world.say(DIEGO, "distrikt") == f"Jag svarar dig om {district}."
    assert (await world.say(DIEGO, "mål 6")).startswith(f"Mål 6\n{goal_6}\n")
    assert (await world.say(DIEGO, "sök ringkampanj")).endswith(calls)
    assert other not in await world.say(DIEGO, "mål")


@pytest.mark.parametrize("district", [A, B])
async def test_the_welcome_in_a_linked_team_names_its_district(world: World, district: str) -> None:
    assert (await world.install(district)).startswith(
        f"Hej! Jag håller koll på {district}s verksamhetsplan: målen,"
    )


async def test_someone_never_seen_is_told_to_write_in_their_team_first(world: World) -> None:
    for text in ("mål", "mål 6", "sök ringkampanj", "status", "mina rapporter", "mina mål", "rapportera 6 1"):
        assert (await world.say(ISAIAH, text)).startswith(UNKNOWN_PERSON), text
    assert (await world.say(ISAIAH, "rapportera")).startswith(UNKNOWN_PERSON)  # the form is not offered
    assert await world.say(ISAIAH, "distrikt") == (
        UNKNOWN_PERSON
        + " Skriv till mig en gång i ditt distrikts team (nämn mig med @ där) och fråga sedan igen här."
    )
    assert (await world.say(ISAIAH, "hjälp")).startswith("Det här kan jag\n")
    data = await world.say(ISAIAH, "mina data")
    assert data.startswith("Det här har jag sparat om dig\nNamn\nIsaiah Langer\n")
    assert "Distrikt vars team du har skrivit i\n–\n" in data


async def test_someone_of_both_districts_chooses_which_one_their_chat_is_about(world: World) -> None:
    await world.say(DIEGO, "hjälp", where=A)
    await world.say(DIEGO, "hjälp", where=B)
    assert await world.say(DIEGO, "mål") == BOTH + " Välj ett med: distrikt NAMN"
    assert await world.say(DIEGO, "distrikt") == BOTH + " Välj ett med: distrikt NAMN"
    assert (
        await world.say(DIEGO, "distrikt skåne") == "Från och med nu svarar jag dig om Vänsterpartiet Skåne."
    )
    assert await world.say(DIEGO, "distrikt") == "Jag svarar dig om Vänsterpartiet Skåne."
    assert B_GOAL_6 in await world.say(DIEGO, "mål 6")
    assert (
        await world.say(DIEGO, "distrikt västernorrland")
        == "Från och med nu svarar jag dig om Vänsterpartiet Västernorrland."
    )
    assert A_GOAL_6 in await world.say(DIEGO, "mål 6")
    assert (await world.say(DIEGO, "distrikt vänsterpartiet")).startswith(
        "”vänsterpartiet” passar flera distrikt"
    )


async def test_nobody_chooses_a_district_they_do_not_belong_to_but_an_administrator_may(world: World) -> None:
    await world.say(LEE, "hjälp", where=A)
    assert await world.say(LEE, "distrikt skåne") == (
        "Så vitt jag vet hör du inte till Vänsterpartiet Skåne. Skriv till mig en gång i distriktets team "
        "(nämn mig med @ där) och välj det sedan här."
    )
    assert A_GOAL_6 in await world.say(LEE, "mål 6")  # still A's
    assert (await world.say(ISAIAH, "distrikt skåne")).startswith("Så vitt jag vet hör du inte till")
    assert (await world.say(ISAIAH, "mål 6")).startswith(UNKNOWN_PERSON)
    # An administrator seen in no team may work in every district, so is asked to choose, and may.
    assert await world.say(ADMIN, "mål") == BOTH + " Välj ett med: distrikt NAMN"
    assert (
        await world.say(ADMIN, "distrikt skåne") == "Från och med nu svarar jag dig om Vänsterpartiet Skåne."
    )
    assert B_GOAL_6 in await world.say(ADMIN, "mål 6")


async def test_an_administrator_of_one_team_may_choose_another_district(world: World) -> None:
    await world.say(ADMIN, "hjälp", where=A)
    assert await world.say(ADMIN, "distrikt") == "Jag svarar dig om Vänsterpartiet Västernorrland."
    assert (
        await world.say(ADMIN, "distrikt skåne") == "Från och med nu svarar jag dig om Vänsterpartiet Skåne."
    )
    assert B_GOAL_6 in await world.say(ADMIN, "mål 6")
    assert (await world.say(ADMIN, "rapportera 6 klart")).startswith("Sparat #")
    reports = world.components.bot.services.checkins.reports
    assert list(reports(A, year=2023)) == [] and len(reports(B, year=2023)) == 1


async def test_roles_follow_the_district_chosen_in_the_personal_chat(world: World) -> None:
    await staff(world)
    assert (await world.say(ADMIN, "rapportera 6 klart", where=B)).startswith("Sparat #")
    await world.say(MEGAN, "hjälp", where=B)  # A's board member, also a member of B's team
    assert await world.say(MEGAN, "exportera") == BOTH + " Välj ett med: distrikt NAMN"
    await world.say(MEGAN, "distrikt skåne")
    assert (await world.say(MEGAN, "exportera")).startswith(  # chairs export their own branch's
        "Det kan bara partiföreningarnas ordförande, styrelsen och administratörer göra."
    )
    assert (await world.say(MEGAN, "rapportera 6 klart")).startswith("Bara partiföreningarnas ordförande")
    assert (await world.say(MEGAN, "rapportera")).startswith(  # no form offered
        "Det kan bara partiföreningarnas ordförande, styrelsen och administratörer göra."
    )
    await world.say(MEGAN, "distrikt västernorrland")
    assert await world.say(MEGAN, "exportera") == "Det finns inga rapporter att exportera än."
    assert "mål 6, 1 ordförandemöte för distriktet" in await world.say(MEGAN, "rapportera 6 1")
    assert "Alla rapporter: 1 rapport." in await world.say(MEGAN, "exportera")


# --- an unlinked team --------------------------------------------------------------------------------------


async def test_an_unlinked_team_is_told_so_and_an_administrator_links_it(world: World) -> None:
    welcome = await world.install("C")
    assert welcome.startswith("Hej! Jag håller koll på ett distrikts verksamhetsplan") and welcome.endswith(
        "Det här teamet är inte kopplat till något distrikt än: en administratör kopplar det genom att "
        "nämna mig med @ här och skriva: koppla DISTRIKT"  # unmentioned, the bot never hears it
    )
    for text in (
        "mål",
        "mål 6",
        "sök ringkampanj",
        "status",
        "roller",
        "ansvarig 6 @Lee Gu",
        "schema 1 kl 18",
    ):
        mentions = (LEE,) if "@" in text else ()
        assert (await world.say(LEE, text, where="C", mentions=mentions)).startswith(NOT_LINKED), text
    assert world.components.prompts.schedules() == []
    assert (
        await world.say(LEE, "distrikt", where="C")
        == "Den här konversationen är inte kopplad till något distrikt än."
    )
    assert (await world.say(LEE, "hjälp", where="C")).startswith("Det här kan jag")

    assert (await world.say(LEE, "koppla skåne", where="C")).startswith(NOT_ADMIN)
    assert (await world.say(LEE, "mål", where="C")).startswith(NOT_LINKED)
    assert (await world.say(ADMIN, "koppla vänsterpartiet", where="C")).startswith(
        "”vänsterpartiet” passar flera distrikt: Vänsterpartiet Skåne, Vänsterpartiet Västernorrland."
    )
    assert (await world.say(ADMIN, "koppla gotland", where="C")).startswith(
        "Jag känner inte till något distrikt som heter ”gotland”."
    )
    assert (await world.say(LEE, "mål", where="C")).startswith(NOT_LINKED)
    assert world.components.bot.districts.belongs(person(LEE)) == []

    assert (await world.say(ADMIN, "koppla skåne", where="C")).startswith(
        "Det här teamet hör nu till Vänsterpartiet Skåne:"
    )
    assert (
        await world.say(LEE, "distrikt", where="C") == "Den här konversationen hör till Vänsterpartiet Skåne."
    )
    assert (await world.say(LEE, "mål 6", where="C")).startswith(f"Mål 6\n{B_GOAL_6}\n")
    assert (await world.say(LEE, "sök ringkampanj", where="C")).endswith(B_CALLS)
    teams = {team.team_id: team.district for team in world.components.bot.districts.teams()}
    assert teams == {TEAMS[A][0]: A, TEAMS[B][0]: B, TEAMS["C"][0]: B}
    # Writing in it now makes Lee one of B's, so his personal chat is B's.
    assert world.components.bot.districts.belongs(person(LEE)) == [B]
    assert B_GOAL_6 in await world.say(LEE, "mål 6")


async def test_a_group_chat_is_linked_like_a_team(world: World) -> None:
    assert (await world.say(LEE, "mål", where="group")).startswith(CHAT_NOT_LINKED)
    assert (await world.say(LEE, "koppla västernorrland", where="group")).startswith(NOT_ADMIN)
    assert await world.say(ADMIN, "koppla västernorrland", where="group") == (
        "Den här chatten hör nu till Vänsterpartiet Västernorrland."
    )
    assert A_GOAL_6 in await world.say(LEE, "mål 6", where="group")


# --- scheduled work stays in its district -----------------------------------------------------------------


def _notifier(world: World, sdks: Callable[[Settings], Sdk]) -> Notifier:
    ticks = [0.0]

    async def fake_sleep(seconds: float) -> None:
        ticks[0] += seconds

    settings = world.components.settings
    return Notifier(sdks(settings).outbound, sleep=fake_sleep, monotonic=lambda: ticks[0])


def _sent(connector: FakeConnector, before: int = 0) -> dict[str, list[str]]:
    """What the bot sent since `before`, as plain text, by personal chat ("diego") or channel id."""
    sent: dict[str, list[str]] = {}
    for posted in connector.posted[before:]:
        body = posted.body
        text = next(
            (str(a["content"]["fallbackText"]) for a in body.get("attachments") or []),
            str(body.get("text", "")),
        )
        sent.setdefault(posted.conversation_id.removeprefix("a:personal-29:"), []).append(text)
    return sent


async def test_reminders_and_digests_are_each_districts_own(
    world: World, connector: FakeConnector, sdks: Callable[[Settings], Sdk]
) -> None:
    world.service_url = connector.url
    await staff(world)
    assert "mål 6" in await world.say(MEGAN, "ansvarig 6 @Diego Siciliani", where=A, mentions=(DIEGO,))
    assert "mål 9" in await world.say(ADELE, "ansvarig 9 @Diego Siciliani", where=B, mentions=(DIEGO,))
    for who in (MEGAN, ADELE, LEE, NESTOR, DIEGO):
        await world.say(who, "language english")  # a personal chat with the bot; reminders in English
    checkins = world.components.bot.services.checkins
    reporting = ReportReminders(
        repository=world.components.repository,
        people=world.components.people,
        checkins=checkins,
        notifier=_notifier(world, sdks),
        clock=world.clock,
        timezone=world.components.settings.timezone,
        days=14,
        t=translator("en"),
    )
    world.clock.now = datetime(2023, 6, 16, 8, 0, tzinfo=UTC)  # 10:00 in Stockholm, two weeks before 30 June
    await reporting.run()
    sent = _sent(connector)
    assert sorted(sent) == ["adele", "diego", "lee", "megan"]  # not Nestor: B's plan has no branch goals

    [lee] = sent["lee"]  # A's branch goal, for A's branch
    assert "For Sundsvall\n  3. Alla partiföreningar ska rekommenderas ha en egen underorganisation" in lee
    assert "Malmö" not in lee and B_GOAL_6 not in lee
    # Diego is responsible in both districts: one reminder each, each with its own district's goal.
    a_reminder, b_reminder = sorted(sent["diego"], key=lambda text: "ringkampanj" in text)
    assert f"Your goals, for the district\n  6. {A_GOAL_6}\n" in a_reminder and B_CALLS not in a_reminder
    assert f"Your goals, for the district\n  9. {B_CALLS}\n" in b_reminder and A_GOAL_6 not in b_reminder
    # Each board gets its own district's digest.
    [a_digest] = sent["megan"]
    [b_digest] = sent["adele"]
    assert (
        "Sundsvall: not reported on goal 3" in a_digest
        and "Diego Siciliani: not reported on goal 6" in a_digest
    )
    assert "Malmö" not in a_digest and "goal 9" not in a_digest
    assert "Diego Siciliani: not reported on goal 9" in b_digest
    assert "Sundsvall" not in b_digest and "goal 6" not in b_digest and "goal 3" not in b_digest

    people = world.components.people

    def ids(*who: dict[str, Any]) -> set[int | None]:
        return {people.find_id(person(p)) for p in who}

    assert checkins.reminded(A, REMINDER_KIND, "2023-Q2") == ids(LEE, DIEGO)
    assert checkins.reminded(B, REMINDER_KIND, "2023-Q2") == ids(DIEGO)
    assert checkins.reminded(A, DIGEST_KIND, "2023-Q2") == ids(MEGAN)
    assert checkins.reminded(B, DIGEST_KIND, "2023-Q2") == ids(ADELE)


async def test_the_prompt_rota_and_posts_stay_in_their_district(
    world: World, connector: FakeConnector, sdks: Callable[[Settings], Sdk]
) -> None:
    world.service_url = connector.url
    await staff(world)
    assert "styrelsen" in await world.say(ADMIN, "roll styrelse @Diego Siciliani", where=B, mentions=(DIEGO,))
    for who in (MEGAN, ADELE, DIEGO):
        await world.say(who, "hjälp")  # personal chats, to be told things
    await world.say(MEGAN, "schema 1 och 15 kl 18", where=A)
    await world.say(ADELE, "schema 1 och 15 kl 18", where=B)
    prompts = world.components.prompts
    a_slots = prompts.slots(district=A, after=START, limit=100)
    b_slots = prompts.slots(district=B, after=START, limit=100)
    # The rota shares each district's slots among its own board only.
    assert {s.owner_name for s in a_slots} == {"Megan Bowen"}
    assert {s.owner_name for s in b_slots} == {"Adele Vance", "Diego Siciliani"}
    assert "Megan Bowen" not in await world.say(ADELE, "kommande", where=B)

    poster = PromptPoster(
        prompts=prompts,
        people=world.components.people,
        repository=world.components.repository,
        notifier=_notifier(world, sdks),
        clock=world.clock,
        grace=world.components.settings.post_grace,
        t=translator("sv"),
    )
    first = a_slots[0]
    world.clock.now = first.due_at
    before = len(connector.posted)
    assert await poster.post(first.id) is Outcome.POSTED  # no text: a question from A's bank
    [thread] = connector.created
    assert thread.parameters["channelData"]["channel"]["id"] == TEAMS[A][1]
    # Only A's channel gets the post, and only A's board is told that the bank stepped in.
    sent = _sent(connector, before)
    assert [where for where in sent if where.startswith("19:")] == [f"{TEAMS[A][1]};messageid=1"]
    assert [who for who in sent if not who.startswith("19:")] == ["megan"]
    assert [p.district for p in prompts.posts(A)] == [A] and prompts.posts(B) == []
    assert await world.say(ADELE, "historik", where=B) == "Inget har publicerats än."
    assert prompts.slot(b_slots[0].id) == b_slots[0]  # B's slot at the same time: untouched


# --- a deployment with one district needs no links ---------------------------------------------------------


@pytest.fixture
async def lone(settings: Settings) -> AsyncIterator[World]:
    """A deployment with one district, Skåne (not the settings' default district), and no links."""
    seed(SKANE)
    settings = settings.model_copy(update={"admins": ["aad-admin"]})
    assert import_plan(settings, SEEDS / SKANE, B, dry_run=False) == 0
    clock = Clock(START)
    components = build(settings, clock=clock)
    components.start()
    yield World(components, clock)
    components.stop()


async def test_with_one_district_a_team_is_linked_when_the_bot_is_installed(lone: World) -> None:
    assert lone.components.bot.districts.teams() == []
    welcome = await lone.install("C")
    assert welcome.startswith("Hej! Jag håller koll på Vänsterpartiet Skånes verksamhetsplan:")
    assert {t.team_id: t.district for t in lone.components.bot.districts.teams()} == {TEAMS["C"][0]: B}
    assert (await lone.say(DIEGO, "mål 6", where="C")).startswith(f"Mål 6\n{B_GOAL_6}\n")
    assert (
        await lone.say(DIEGO, "distrikt", where="C")
        == "Den här konversationen hör till Vänsterpartiet Skåne."
    )


async def test_with_one_district_everything_is_that_districts_without_links(lone: World) -> None:
    # A team the bot was never installed in (a message is the first it hears of it), a group chat, and
    # the personal chat of someone never seen: all Skåne's.
    assert (await lone.say(DIEGO, "mål 6", where=A)).startswith(f"Mål 6\n{B_GOAL_6}\n")
    assert B_CALLS in await lone.say(LEE, "sök ringkampanj", where="group")
    assert (await lone.say(ISAIAH, "mål 6")).startswith(f"Mål 6\n{B_GOAL_6}\n")
    assert await lone.say(ISAIAH, "distrikt") == "Jag svarar dig om Vänsterpartiet Skåne."
    assert "mål 6, klart för distriktet" in await lone.say(ADMIN, "rapportera 6 klart", where=A)

    # A second district arrives: the teams already met keep theirs, a new team waits for its link.
    settings = lone.components.settings
    assert import_plan(settings, SEEDS / VASTERNORRLAND, A, dry_run=False) == 0
    assert (await lone.say(DIEGO, "mål 6", where=A)).startswith(f"Mål 6\n{B_GOAL_6}\n")
    assert (await lone.say(DIEGO, "mål 6", where=B)).startswith(NOT_LINKED)
    assert await lone.say(DIEGO, "distrikt") == "Jag svarar dig om Vänsterpartiet Skåne."  # seen in its team
    assert (await lone.say(ISAIAH, "mål 6")).startswith(UNKNOWN_PERSON)  # only ever in a personal chat


def test_a_district_link_is_seen_at_once_by_every_process(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'bot.db'}")
    other_process = Database(db.url)  # its own handle: its writes are not this process's
    migrate.upgrade(db)
    here, elsewhere = DistrictRepository(db), DistrictRepository(other_process)
    Repository(db).save_plan("A", PlanDraft(title=None, year=2023, sections=()), now=NOW)
    Repository(db).save_plan("B", PlanDraft(title=None, year=2023, sections=()), now=NOW)
    channel = ConversationInfo("19:c@thread.tacv2", "channel", "t", "19:team", "19:c", {})
    assert here.scope(channel, None, admin=False).district == ""
    here.link_team("19:team", "A", now=NOW)  # a change here: seen at once
    assert here.scope(channel, None, admin=False).district == "A"
    elsewhere.link_team("19:team", "B", now=NOW)  # another process: seen at once too
    assert here.scope(channel, None, admin=False).district == "B"
    # A role given in this process (another repository, the same database handle) is seen at once.
    person = PersonInfo("29:p", "aad-p", "P")
    personal = ConversationInfo("a:p", "personal", "t", None, None, {})
    assert here.scope(personal, person, admin=False).district == ""
    PeopleRepository(db).grant(person, "B", Role.BOARD, now=NOW)
    assert here.scope(personal, person, admin=False).district == "B"
    db.dispose()
    other_process.dispose()


# --- the welcome in a personal chat ------------------------------------------------------------------------
# A member adds the bot in a personal chat. A personal chat has no team to link: the welcome says what the
# member can do to be answered about their district (write once in its team, or choose between theirs), as
# the bot's answers there say; it used to say "Det här teamet är inte kopplat …: skriv här: koppla
# DISTRIKT", true of no chat and not something a member may do.


async def welcome(world: World, who: dict[str, Any], locale: str) -> str:
    adapter, channel_data = world._adapter(who, "")
    update = {"type": "conversationUpdate", "membersAdded": [BOT], "channelData": channel_data}
    await adapter.receive_activity({**update, "locale": locale})
    reply = adapter.get_next_activity()
    assert reply is not None, "no welcome"
    return shown(reply)


@pytest.mark.parametrize(
    ("locale", "expected", "answer"),
    [
        (
            "sv-SE",
            "Hej! Jag håller koll på ett distrikts verksamhetsplan: målen, vem som är ansvarig och hur "
            "långt vi har kommit. Jag vet inte än vilket distrikt du hör till. Skriv till mig en gång i ditt "
            "distrikts team (nämn mig med @ där) och fråga sedan igen här.",
            "Jag vet inte än vilket distrikt du hör till.",
        ),
        (
            "en-US",
            "Hi! I keep track of a district's plan: its goals, who is responsible and how far we have come. "
            "I don't know which district you belong to yet. Write to me once in your district's team "
            "(@mention me there), then ask again here.",
            "I don't know which district you belong to yet.",
        ),
    ],
)
async def test_a_new_member_is_told_how_their_chat_finds_its_district(
    world: World, locale: str, expected: str, answer: str
) -> None:
    text = await welcome(world, DIEGO, locale)
    assert text == expected
    assert "koppla" not in text and "link" not in text
    # and what their first question is told agrees
    assert (await world.say(DIEGO, "mål" if locale == "sv-SE" else "goals")).startswith(answer)


@pytest.mark.parametrize(
    ("locale", "whose"),
    [
        ("sv-SE", "Hej! Jag håller koll på Vänsterpartiet Västernorrlands verksamhetsplan"),
        ("en-US", "Hi! I keep track of Vänsterpartiet Västernorrland’s plan"),
    ],
)
async def test_a_known_member_is_welcomed_to_their_districts_plan(
    world: World, locale: str, whose: str
) -> None:
    """Megan is on A's board: her personal chat answers about A, and its welcome says so (it used to read
    her district without her, and told her no team was linked)."""
    await staff(world)
    text = await welcome(world, MEGAN, locale)
    assert text.startswith(whose), text


@pytest.mark.parametrize(
    ("locale", "choose"),
    [("sv-SE", "Välj ett med: distrikt NAMN"), ("en-US", "Choose one with: district NAME")],
)
async def test_someone_of_two_districts_is_told_to_choose(world: World, locale: str, choose: str) -> None:
    """Megan is on A's board and has written in B's team: the welcome names both and how to choose."""
    await staff(world)
    await world.say(MEGAN, "mål", where="Vänsterpartiet Skåne")
    text = await welcome(world, MEGAN, locale)
    assert choose in text and "Vänsterpartiet Skåne, Vänsterpartiet Västernorrland" in text, text
