"""End-of-quarter reminders to report, and the board's digest: the rules directly, then the whole story.

The story runs in-process like tests/schedules/test_prompt_flow.py: the real handler and router
(through the bot's own turn, tests/fakes/turns.py) set up roles and check-ins in chat, the real database,
the real notifier sending to a fake Bot Connector over loopback, and a clock the tests move by hand (no
sleeping: the notifier's waits advance a fake monotonic clock).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.app import COMPONENTS, SCHEDULER, Components, build, create_app
from bot.cards import reminders as cards
from bot.config import Settings
from bot.db.checkins import BranchInfo, CheckInRepository
from bot.i18n import translator
from bot.notifier import Notifier
from bot.sdk import Sdk
from bot.services.goals import Goal, Period, Plan, Target, TargetKind
from bot.services.plan import GoalDraft as Draft
from bot.services.plan import PlanDraft, SectionDraft
from bot.services.progress import Report
from bot.services.report_gaps import Quarter, find_gaps, reminder_due, reminders
from schedules.poster import PromptPoster
from schedules.reporting import DIGEST_KIND, REMINDER_KIND, ReportReminders
from schedules.scheduler import PromptScheduler
from tests.conftest import Clock
from tests.fakes.connector import FakeConnector
from tests.fakes.turns import BOT, Chat, account
from tests.test_teams import mentioning, shown

DISTRICT = "Vänsterpartiet Västernorrland"

# --- the rules ------------------------------------------------------------------------------------------

QUARTERLY = Target(TargetKind.COUNT, count=1, period=Period.QUARTER, unit="möte")
MONTHLY = Target(TargetKind.COUNT, count=2, period=Period.MONTH, unit="medlemmar")
YEARLY = Target(TargetKind.COUNT, count=4, period=Period.YEAR, unit="utbildningar")
DONE = Target(TargetKind.DONE)
METRIC = Target(TargetKind.METRIC, baseline=1000, goal_value=1500, unit="följare")


def goal(number: int, target: Target, *, branches: bool) -> Goal:
    return Goal(number * 10, number, "Avsnitt", None, f"Mål {number}", f"Goal {number}", target, branches)


G1 = goal(1, QUARTERLY, branches=True)
G2 = goal(2, MONTHLY, branches=True)
G3 = goal(3, DONE, branches=True)
G4 = goal(4, YEARLY, branches=True)
G5 = goal(5, QUARTERLY, branches=False)
G6 = goal(6, DONE, branches=False)
G7 = goal(7, METRIC, branches=False)
PLAN = Plan(1, DISTRICT, "Plan 2027", 2027, (G1, G2, G3, G4, G5, G6, G7))
Q2 = Quarter.of(date(2027, 6, 16))
SUNDSVALL, HARNOSAND, KRAMFORS = (
    BranchInfo(1, "Sundsvall", (11,)),
    BranchInfo(2, "Härnösand", (12,)),
    BranchInfo(3, "Kramfors", (12, 13)),
)


def on(day: date, branch: int | None, value: float = 1) -> Report:
    return Report(value, day, branch)


@pytest.mark.parametrize(
    ("today", "key"),
    [
        (date(2027, 6, 15), None),  # two weeks and a day before 30 June
        (date(2027, 6, 16), "2027-Q2"),  # two weeks before
        (date(2027, 6, 30), "2027-Q2"),  # the last day
        (date(2027, 7, 1), None),
        (date(2027, 9, 16), "2027-Q3"),
        (date(2027, 9, 15), None),
        (date(2027, 3, 17), "2027-Q1"),
        (date(2027, 3, 16), None),
        (date(2027, 12, 17), "2027-Q4"),
    ],
)
def test_reminders_are_due_within_the_days_before_the_quarter_ends(today: date, key: str | None) -> None:
    quarter = reminder_due(today, 14)
    assert (quarter.key if quarter else None) == key


def test_no_days_means_no_reminders() -> None:
    assert reminder_due(date(2027, 6, 30), 0) is None
    assert Q2 == Quarter(2027, 2, date(2027, 4, 1), date(2027, 6, 30))


def test_a_branch_misses_the_goals_for_branches_it_has_not_reported_on_this_quarter() -> None:
    reports = {
        G1.id: [on(date(2027, 4, 1), 1), on(date(2027, 3, 31), 2)],  # first day of Q2; Härnösand's is Q1's
        G2.id: [on(date(2027, 6, 30), 1), on(date(2027, 5, 2), None)],  # last day; a district report
        G3.id: [on(date(2027, 2, 1), 1), on(date(2027, 2, 1), 2, value=0)],  # done in Q1; "not done" in Q1
        G4.id: [on(date(2027, 5, 5), 2, value=0)],  # a report of nothing done is a report
        G5.id: [on(date(2027, 5, 5), 1)],  # a district goal: a branch's report does not make it reported
    }
    gaps = find_gaps(PLAN, reports, branches=[SUNDSVALL, HARNOSAND], responsible={}, quarter=Q2)
    assert gaps.branch_goals == (G1, G2, G3, G4)
    # Branches by name; monthly and yearly goals are asked about per quarter too.
    assert [(b.name, [g.number for g in b.missing]) for b in gaps.branches] == [
        ("Härnösand", [1, 2, 3]),
        ("Sundsvall", [4]),
    ]
    assert gaps.responsible == ()


def test_responsible_people_miss_their_goals_without_a_district_report_this_quarter() -> None:
    reports = {
        G5.id: [on(date(2027, 4, 1), None, value=0)],  # "not yet" is a report too
        G6.id: [on(date(2027, 1, 20), None)],  # done in January
        G7.id: [on(date(2027, 4, 2), None, value=1100)],
        999: [on(date(2027, 5, 1), None)],  # a retired goal
    }
    responsible = {
        G5.id: [(21, "Isaiah Langer")],
        G6.id: [(21, "Isaiah Langer"), (22, "Megan Bowen")],
        G7.id: [(22, "Megan Bowen")],
        999: [(23, "Lee Gu")],
    }
    gaps = find_gaps(PLAN, reports, branches=[], responsible=responsible, quarter=Q2)
    assert gaps.branches == ()  # no branches, nothing for branches
    assert [
        (p.name, [g.number for g in p.goals], [g.number for g in p.missing]) for p in gaps.responsible
    ] == [
        ("Isaiah Langer", [5, 6], []),
        ("Megan Bowen", [6, 7], []),
    ]
    # Last quarter's report leaves this quarter missing.
    earlier = reports | {G5.id: [on(date(2027, 3, 30), None)]}
    gaps = find_gaps(PLAN, earlier, branches=[], responsible=responsible, quarter=Q2)
    assert [g.number for g in gaps.responsible[0].missing] == [5]


def test_a_district_goal_reported_where_it_happened_is_the_districts_report() -> None:
    """The board reports the district's meeting "för Sundsvall" (where it was held): status counts it for
    the district, so the person responsible is not told the quarter has no report, nor is Sundsvall
    (it is no goal every branch does)."""
    reports = {G5.id: [on(date(2027, 5, 1), SUNDSVALL.id)]}
    gaps = find_gaps(
        PLAN, reports, branches=[SUNDSVALL], responsible={G5.id: [(21, "Isaiah Langer")]}, quarter=Q2
    )
    assert [(p.name, [g.number for g in p.missing]) for p in gaps.responsible] == [("Isaiah Langer", [])]
    assert [g.number for g in gaps.branches[0].missing] == [1, 2, 3, 4]


def test_each_person_gets_one_reminder_with_all_they_are_missing() -> None:
    reports = {g.id: [on(date(2027, 5, 1), 1)] for g in (G1, G2, G3, G4)}
    reports[G1.id].append(on(date(2027, 5, 1), 3))
    gaps = find_gaps(
        PLAN,
        reports,
        branches=[SUNDSVALL, HARNOSAND, KRAMFORS],
        responsible={G5.id: [(12, "Nestor Wilke")], G7.id: [(11, "Lee Gu")]},
        quarter=Q2,
    )
    due = reminders(gaps)
    assert set(due) == {11, 12, 13}
    # Lee's branch has reported; their own goal has not.
    assert (due[11].branches, due[11].own) == ((), (G7,))
    # Nestor chairs two branches, both missing something, and is responsible for goal 5.
    nestor = due[12]
    assert [b.name for b in nestor.branches] == ["Härnösand", "Kramfors"]
    assert nestor.own == (G5,) and nestor.chairs_several
    assert not due[13].chairs_several and [g.number for g in due[13].branches[0].missing] == [2, 3, 4]


def test_the_reminder_lists_the_goals_and_how_to_report_them() -> None:
    gaps = find_gaps(
        PLAN,
        {},
        branches=[HARNOSAND, KRAMFORS],
        responsible={G7.id: [(12, "Nestor Wilke")]},
        quarter=Q2,
    )
    reply = cards.reminder(translator("en"), reminders(gaps)[12], ends=Q2.ends, areas=())
    assert reply.text == "\n".join(
        [
            "Time to report: the quarter ends 30 Jun 2027",
            "These goals have no report yet this quarter. Please report on them before it ends.",
            "",
            "For Härnösand",
            "  1. Goal 1",
            "  2. Goal 2",
            "  3. Goal 3",
            "  4. Goal 4",
            "Report with: report 1 1 for Härnösand COMMENT",
            "",
            "For Kramfors",
            "  1. Goal 1",
            "  2. Goal 2",
            "  3. Goal 3",
            "  4. Goal 4",
            "Report with: report 1 1 for Kramfors COMMENT",
            "",
            "Your goals, for the district",
            "  7. Goal 7",
            "Report with: report 7 VALUE COMMENT",
            "",
            # Copied as it stands, it keeps the next quarter's reminder away (test_chair_reminders.py).
            "I remind you once a quarter. To have no reminders before a day: snooze until 1 Oct 2027",
        ]
    )
    assert reply.card is not None and reply.card["fallbackText"] == reply.text


def test_a_done_goal_is_reported_as_done_and_a_per_area_goal_names_an_area() -> None:
    t = translator("en")
    per_area = goal(8, Target(TargetKind.COUNT, count=1, period=Period.MONTH, per_area=True), branches=True)
    assert cards.example(t, G3, ()) == "report 3 done COMMENT"
    assert cards.example(t, per_area, ("Feminism", "Antirasism")) == "report 8 1 Feminism COMMENT"
    assert cards.example(t, per_area, ()) == "report 8 1 AREA COMMENT"


# --- the story --------------------------------------------------------------------------------------------

ADMIN = account("29:admin", "Alex Wilber", "aad-admin")
MEGAN = account("29:megan", "Megan Bowen", "aad-megan")
ADELE = account("29:adele", "Adele Vance", "aad-adele")
LEE = account("29:lee", "Lee Gu", "aad-lee")
NESTOR = account("29:nestor", "Nestor Wilke", "aad-nestor")
PRADEEP = account("29:pradeep", "Pradeep Gupta", "aad-pradeep")
DIEGO = account("29:diego", "Diego Siciliani", "aad-diego")
ISAIAH = account("29:isaiah", "Isaiah Langer", "aad-isaiah")
_ids = itertools.count(1)

# The district's plan for 2027: three goals for every branch (quarterly, monthly, done once) and three for
# the district (quarterly, done once, a number to move).
DRAFT = PlanDraft(
    title="Verksamhetsplan 2027",
    year=2027,
    sections=(
        SectionDraft(
            "Partiföreningarna",
            (
                Draft("Varje partiförening håller ett öppet möte varje kvartal.", QUARTERLY, True),
                Draft("Varje partiförening värvar två nya medlemmar varje månad.", MONTHLY, True),
                Draft("Varje partiförening startar en studiecirkel.", DONE, True),
            ),
        ),
        SectionDraft(
            "Distriktet",
            (
                Draft("Distriktet samlar ordförandena varje kvartal.", QUARTERLY),
                Draft("Distriktet håller en höstkonferens.", DONE),
                Draft("Distriktet ökar följarna från 1000 till 1500.", METRIC),
            ),
        ),
    ),
)


def local(month: int, day: int, hour: int = 10) -> datetime:
    """`hour` o'clock in Stockholm on that day of 2027 (summer time, UTC+2, from April to October)."""
    return datetime(2027, month, day, hour - 2, 0, tzinfo=UTC)


@dataclass
class World:
    settings: Settings
    components: Components
    connector: FakeConnector
    clock: Clock
    reporting: ReportReminders
    checkins: CheckInRepository

    async def say(
        self,
        who: dict[str, Any],
        text: str,
        *,
        mentions: tuple[dict[str, Any], ...] = (),
        locale: str = "en-US",
    ) -> str:
        """`who` writes `text` in their personal chat with the bot, from a Teams client in `locale`; what the
        bot answers."""
        template = {
            "channelId": "msteams",
            "serviceUrl": self.connector.url,
            "locale": locale,
            "conversation": {"id": f"a:personal-{who['id']}", "conversationType": "personal"},
            "from": who,
            "recipient": BOT,
        }
        adapter = Chat(self.components.bot.on_turn, template)
        text, entities = mentioning(text, mentions)
        reply = await adapter.ask(
            text, id=f"m{next(_ids)}", entities=entities, channelData={"tenant": {"id": "t1"}}
        )
        return shown(reply)

    async def run_at(self, when: datetime) -> dict[str, list[str]]:
        """Run the daily job at `when`; what it sent, as plain text, by personal chat."""
        self.clock.now = when
        before = len(self.connector.posted)
        await self.reporting.run()
        sent: dict[str, list[str]] = {}
        for posted in self.connector.posted[before:]:
            sent.setdefault(posted.conversation_id.removeprefix("a:personal-29:"), []).append(
                _plain(posted.body)
            )
        return sent


def _plain(body: dict[str, Any]) -> str:
    """The plain text of a message: its text, or its card's fallback (the same words, unformatted)."""
    for attachment in body.get("attachments") or []:
        return str(attachment["content"]["fallbackText"])
    return str(body.get("text", ""))


@pytest.fixture
async def world(settings: Settings, sdks: Callable[[Settings], Sdk]) -> AsyncIterator[World]:
    settings = settings.model_copy(update={"admins": ["aad-admin"]})
    clock = Clock(local(4, 6))
    components = build(settings, clock=clock)
    components.start()
    components.repository.save_plan(DISTRICT, DRAFT, now=clock())
    connector = await FakeConnector().start()
    ticks = [0.0]

    async def fake_sleep(seconds: float) -> None:
        ticks[0] += seconds

    notifier = Notifier(sdks(settings).outbound, sleep=fake_sleep, monotonic=lambda: ticks[0])
    checkins = CheckInRepository(components.database)
    reporting = ReportReminders(
        repository=components.repository,
        people=components.people,
        checkins=checkins,
        notifier=notifier,
        clock=clock,
        timezone=settings.timezone,
        days=settings.report_reminder_days,
        t=translator("en"),
    )
    world = World(settings, components, connector, clock, reporting, checkins)
    # Everyone but Pradeep has a personal chat with the bot.
    for person in (ADMIN, MEGAN, ADELE, LEE, NESTOR, DIEGO, ISAIAH):
        await world.say(person, "hjälp")
    yield world
    await connector.close()
    components.stop()


async def set_up_the_district(world: World) -> None:
    """The board, four branches (Timrå's chair stepped down), responsible people, and spring's reports."""
    assert "styrelsen" in await world.say(
        ADMIN, "roll styrelse @Megan Bowen @Adele Vance", mentions=(MEGAN, ADELE)
    )
    for person, branch in (
        (LEE, "Sundsvall"),
        (NESTOR, "Härnösand"),
        (PRADEEP, "Kramfors"),
        (DIEGO, "Timrå"),
    ):
        answer = await world.say(ADMIN, f"roll ordförande @{person['name']} {branch} ja", mentions=(person,))
        assert answer == f"{person['name']} är nu ordförande i {branch}."
    assert "inte längre" in await world.say(ADMIN, "roll bort ordförande @Diego Siciliani", mentions=(DIEGO,))
    for number, person in ((4, ISAIAH), (6, ISAIAH), (5, MEGAN)):
        assert "ansvarig" in await world.say(
            MEGAN, f"ansvarig {number} @{person['name']}", mentions=(person,)
        )

    world.clock.now = local(5, 10)
    # Sundsvall reports on everything this quarter (the study circle was done in February).
    for text in ("rapportera 1 1 öppet möte", "rapportera 2 3", "rapportera 3 klart 2027-02-20"):
        assert (await world.say(LEE, text)).startswith("Sparat #")
    # Härnösand: goal 2 this quarter; goal 1 only last quarter, and this quarter's report was withdrawn.
    for text in ("rapportera 2 1", "rapportera 1 1 2027-03-15"):
        assert (await world.say(NESTOR, text)).startswith("Sparat #")
    withdrawn = await world.say(NESTOR, "rapportera 1 1")
    number = withdrawn.removeprefix("Sparat #").split(":")[0]
    assert "räknas inte" in await world.say(NESTOR, f"ångra {number}")
    # Isaiah reports goal 4 for the district; goal 6 (a number to move) has no reading yet.
    assert "för distriktet" in await world.say(ISAIAH, "rapportera 4 1 ordförandemöte i Härnösand")


DIGEST_JUNE = "\n".join(
    [
        "Who has reported this quarter",
        "The quarter ends 30 Jun 2027. I have reminded those who have not reported yet in a personal chat.",
        "",
        "Branches",
        "Härnösand: reported on goal 2 · not reported on goals 1, 3",
        "Kramfors: not reported on goals 1, 2, 3",
        "Sundsvall: reported on goals 1, 2 · goal 3 done for the year",  # done in Q1, nothing since
        "Timrå: not reported on goals 1, 2, 3 · no chair to remind",
        "",
        "Responsible for goals",
        "Isaiah Langer: reported on goal 4 · not reported on goal 6",
        "Megan Bowen: not reported on goal 5",
        "",
        # The same lines as status shows (both from Progress): branch goals count branches.
        "Where these goals stand",
        "1: ▱▱▱▱▱▱▱▱▱▱ 0 of 4 branches have reached their target · behind · 1 of 4 branches this quarter",
        "2: ▱▱▱▱▱▱▱▱▱▱ 0 of 4 branches have reached their target · behind · 0 of 4 branches this month",
        "3: ▰▰▱▱▱▱▱▱▱▱ 1 of 4 branches has reached its target · on pace",
        "4: ▰▰▱▱▱▱▱▱▱▱ 1 of 4 quarters met this year · behind · 1 of 1 meeting this quarter",
        "5: not done · on pace",
        "6: ▱▱▱▱▱▱▱▱▱▱ 1,000 followers, no reading this year, target 1,500 · no reading yet",
        "",
        "Not reachable (no personal chat with me, or Teams refused the message): Pradeep Gupta",
    ]
)


async def test_near_the_quarters_end_who_has_not_reported_is_reminded_once_and_the_board_told(
    world: World,
) -> None:
    await set_up_the_district(world)

    # Two weeks and one day before 30 June: nothing yet.
    assert await world.run_at(local(6, 15)) == {}

    # Two weeks before: one reminder to each who has something missing, and the digest to the board.
    sent = await world.run_at(local(6, 16))
    assert sorted(sent) == ["adele", "isaiah", "megan", "nestor"]  # not Lee (reported), not Pradeep (no chat)
    [nestor] = sent["nestor"]
    assert nestor == "\n".join(
        [
            "Time to report: the quarter ends 30 Jun 2027",
            "These goals have no report yet this quarter. Please report on them before it ends.",
            "",
            "For Härnösand",
            # Its March meeting was last quarter's: said, so that Nestor does not think it was lost.
            "  1. Varje partiförening håller ett öppet möte varje kvartal. "
            "(latest report: 15 Mar 2027, before this quarter)",
            "  3. Varje partiförening startar en studiecirkel.",
            "Report with: report 1 1 COMMENT",
            "",
            "I remind you once a quarter. To have no reminders before a day: snooze until 1 Oct 2027",
        ]
    )
    [isaiah] = sent["isaiah"]
    assert "Your goals, for the district\n  6. Distriktet ökar följarna från 1000 till 1500." in isaiah
    assert "  4. " not in isaiah and "Report with: report 6 VALUE COMMENT" in isaiah
    # Megan is reminded of her goal and, as a board member, gets the digest.
    reminder, digest = sent["megan"]
    assert "  5. Distriktet håller en höstkonferens.\nReport with: report 5 done COMMENT" in reminder
    assert digest == DIGEST_JUNE
    assert sent["adele"] == [DIGEST_JUNE]

    # Again the same day, the next days and on the last: nothing more.
    for when in (local(6, 16, 11), local(6, 17), local(6, 23), local(6, 30)):
        assert await world.run_at(when) == {}
    # In the next quarter, nothing until two weeks before its end; then reminders again.
    assert await world.run_at(local(7, 1)) == {}
    assert await world.run_at(local(9, 15)) == {}
    sent = await world.run_at(local(9, 16))
    assert sorted(sent) == ["adele", "isaiah", "lee", "megan", "nestor"]
    [lee] = sent["lee"]
    # The study circle was done in February; the quarterly and monthly goals want this quarter's reports.
    assert (
        "For Sundsvall\n  1. Varje partiförening håller" in lee and "  2. Varje partiförening värvar" in lee
    )
    assert "  3. " not in lee
    assert "The quarter ends 30 Sep 2027." in sent["adele"][0]
    assert world.checkins.reminded(DISTRICT, REMINDER_KIND, "2027-Q3") == world.checkins.reminded(
        DISTRICT, REMINDER_KIND, "2027-Q2"
    ) | {_id(world, LEE)}


def _id(world: World, who: dict[str, Any]) -> int:
    from bot.services.people import PersonInfo

    found = world.components.people.find_id(PersonInfo(who["id"], who["aadObjectId"], who["name"]))
    assert found is not None
    return found


async def test_a_chair_without_a_personal_chat_is_not_reachable_until_they_write_to_the_bot(
    world: World,
) -> None:
    await set_up_the_district(world)
    sent = await world.run_at(local(6, 16))
    assert "pradeep" not in sent
    assert (
        "Not reachable (no personal chat with me, or Teams refused the message): Pradeep Gupta"
        in (sent["adele"][0])
    )
    assert _id(world, PRADEEP) not in world.checkins.reminded(DISTRICT, REMINDER_KIND, "2027-Q2")

    # Once Pradeep has written to the bot, the next day's run reaches him, once; the board is told once.
    world.clock.now = local(6, 17, 9)
    await world.say(PRADEEP, "hjälp")
    sent = await world.run_at(local(6, 17))
    assert list(sent) == ["pradeep"]
    assert "For Kramfors\n  1. " in sent["pradeep"][0]
    assert await world.run_at(local(6, 18)) == {}


async def test_a_chat_that_is_gone_is_forgotten_listed_as_not_reachable_and_not_retried(world: World) -> None:
    await set_up_the_district(world)
    world.connector.failures.append((403, {}))  # the first reminder: the bot was removed from that chat
    sent = await world.run_at(local(6, 16))
    [refused] = [r for r in world.connector.received if r.status == 403]
    gone = refused.path.split("/")[3]
    who = {f"a:personal-{p['id']}": p for p in (MEGAN, NESTOR, ISAIAH)}[gone]
    assert who["id"].removeprefix("29:") not in sent
    names = ", ".join(sorted({"Pradeep Gupta", who["name"]}))
    assert f"(no personal chat with me, or Teams refused the message): {names}" in sent["adele"][0]
    assert gone not in {c.conversation_id for c in world.components.repository.conversations()}
    assert await world.run_at(local(6, 17)) == {}


async def test_a_refused_send_is_logged_not_marked_sent_and_tried_again_the_next_day(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    """Teams refuses Megan's reminder (400): it was not sent, so it is not recorded as sent (escalation
    would count it as a reminder), and the next day of the window sends it, once."""
    await set_up_the_district(world)
    caplog.set_level(logging.INFO)
    world.connector.failures.append((400, {}))  # Teams refuses the first reminder
    sent = await world.run_at(local(6, 16))
    assert sum(len(messages) for messages in sent.values()) == 4  # 3 reminders + 2 digests, one refused
    assert "could not send the reminder to person" in caplog.text
    assert "Pradeep" not in caplog.text and "Megan" not in caplog.text  # ids only, no names
    assert _id(world, MEGAN) not in world.checkins.reminded(DISTRICT, REMINDER_KIND, "2027-Q2")
    again = await world.run_at(local(6, 17))
    assert list(again) == ["megan"] and again["megan"][0].startswith("Time to report")
    assert await world.run_at(local(6, 18)) == {}


async def test_the_digest_goes_to_each_board_member_once_per_quarter(world: World) -> None:
    await set_up_the_district(world)
    await world.run_at(local(6, 16))
    board = {_id(world, MEGAN), _id(world, ADELE)}
    assert world.checkins.reminded(DISTRICT, DIGEST_KIND, "2027-Q2") == board
    # A claim already taken (another process, a moment ago) is not sent again.
    assert not world.checkins.mark_reminded(
        DISTRICT, DIGEST_KIND, "2027-Q2", _id(world, ADELE), now=local(6, 16)
    )


async def test_a_plan_for_another_year_gets_no_reminders(world: World) -> None:
    await set_up_the_district(world)
    world.components.repository.save_plan(DISTRICT, replace(DRAFT, year=2026), now=local(6, 1))
    assert await world.run_at(local(6, 16)) == {}


async def test_no_reminder_days_turn_the_job_off(world: World) -> None:
    await set_up_the_district(world)
    world.reporting.days = 0
    assert await world.run_at(local(6, 30)) == {}


async def test_the_job_runs_daily_at_ten_in_the_districts_zone(world: World) -> None:
    poster = PromptPoster(
        prompts=world.components.prompts,
        people=world.components.people,
        repository=world.components.repository,
        notifier=world.reporting.notifier,
        clock=world.clock,
        grace=world.settings.post_grace,
        t=translator("sv"),
    )
    scheduler = PromptScheduler(
        prompts=world.components.prompts,
        desk=world.components.desk,
        poster=poster,
        clock=world.clock,
        timezone=world.settings.timezone,
        grace=world.settings.post_grace,
        reporting=world.reporting,
    )
    with world.clock.whole_process():
        await scheduler.start()
        try:
            job = scheduler.scheduler.get_job("report-reminders")
            assert job is not None and job.func == world.reporting.run
            assert str(job.trigger.timezone) == "Europe/Stockholm"
            assert str(job.trigger) == "cron[hour='10', minute='0']"
            assert job.misfire_grace_time == 6 * 3600
            # 10:00 in Stockholm, summer or winter.
            assert job.trigger.get_next_fire_time(None, local(6, 15, 11)) == local(6, 16)
            winter = datetime(2027, 12, 1, 9, 0, tzinfo=UTC)  # 10:00 CET
            assert job.trigger.get_next_fire_time(None, winter - timedelta(hours=1)) == winter
        finally:
            scheduler.shutdown()


def test_the_app_builds_the_job_from_the_settings(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"report_reminder_days": 10}))
    try:
        reporting = app[SCHEDULER].reporting
        assert reporting is not None and reporting.days == 10 and str(reporting.zone) == "Europe/Stockholm"
    finally:
        app[COMPONENTS].stop()


def test_reminder_days_default_to_two_weeks_and_are_read_from_the_environment(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings.report_reminder_days == 14
    monkeypatch.setenv("REPORT_REMINDER_DAYS", "7")
    assert Settings(_env_file=None).report_reminder_days == 7  # type: ignore[call-arg]


async def test_each_reminder_and_digest_is_in_its_readers_language(world: World) -> None:
    """The deployment speaks English here, but Nestor's Teams is Swedish and Megan chose Swedish: their
    reminder and digest are Swedish; everyone else's stay English."""
    await set_up_the_district(world)
    await world.say(NESTOR, "hjälp", locale="sv-SE")
    assert (await world.say(MEGAN, "språk svenska")).startswith(
        "Från och med nu skriver jag till dig på svenska"
    )

    sent = await world.run_at(local(6, 16))
    [nestor] = sent["nestor"]
    assert nestor.startswith("Dags att rapportera: kvartalet slutar 30 juni 2027")
    assert "rapportera 1 1 KOMMENTAR" in nestor
    reminder, digest = sent["megan"]
    assert reminder.startswith("Dags att rapportera") and digest.startswith("Vilka som har rapporterat")
    assert sent["adele"] == [DIGEST_JUNE]
    assert sent["isaiah"][0].startswith("Time to report")


async def test_a_district_goal_the_board_reported_for_a_branch_is_reported_in_the_digest(
    world: World,
) -> None:
    """Adele reports the district's autumn conference (goal 5, Megan's) as held in Sundsvall: status counts
    it for the district ("klart"), so the digest says Megan has reported on it, beside "5: done", and her
    reminder does not ask for it; in Swedish for Megan, who chose Swedish, and in English for Adele."""
    await set_up_the_district(world)
    world.clock.now = local(6, 1)
    stored = await world.say(ADELE, "rapportera 5 klart för Sundsvall höstkonferensen")
    assert stored.startswith("Sparat #") and "distriktet" in stored
    assert (await world.say(MEGAN, "språk svenska")).startswith("Från och med nu skriver jag till dig")

    sent = await world.run_at(local(6, 16))
    [digest] = sent["megan"]  # no reminder: her goal has its report
    assert "Megan Bowen: rapporterat på mål 5\n" in digest and "\n5: klart\n" in digest, digest
    [english] = sent["adele"]
    assert "Megan Bowen: reported on goal 5\n" in english and "\n5: done\n" in english
