"""A chair answers the quarter-end reminder with one tap, through the real HTTP server, Teams-shaped.

What a chair means: "my branch held the meeting" is one tap on "Ja, en gång" under the goal, and the card
then shows what was stored. The tap goes through the same rules as `rapportera` (who may report for which
branch, the plan's year) and is stored once however often it is tapped. A card of a quarter that has ended,
or a tap by someone other than the chair it was sent to, stores nothing and says why.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import SCHEDULER, create_app
from bot.cards.reminders import likely_answers
from bot.config import Settings
from bot.db.checkins import CheckInRepository
from bot.i18n import translator
from bot.services.goals import Period, Target, TargetKind
from bot.services.people import Role
from bot.services.plan_import import SAMPLE_DISTRICT
from tests.conftest import Clock
from tests.fakes import activities
from tests.fakes.connector import FakeConnector
from tests.schedules.test_reporting import goal
from tests.test_engagement import ADELE, LEE, MEGAN, World, answer_text, person

# Sunday 20 December 2026: within two weeks of the quarter's end.
START = datetime(2026, 12, 20, 8, 0, tzinfo=UTC)  # 09:00 in Stockholm, before the daily job


@pytest.fixture
async def world(settings: Settings, connector: FakeConnector) -> AsyncIterator[World]:
    clock = Clock(START)
    client = TestClient(TestServer(create_app(settings, clock=clock), host="127.0.0.1"))
    with clock.whole_process():
        await client.start_server()
        world = World(client, connector, clock)
        people = world.components.people
        people.grant(person(ADELE), SAMPLE_DISTRICT, Role.CHAIR, branch="Sundsvall", now=START)
        people.grant(person(MEGAN), SAMPLE_DISTRICT, Role.BOARD, now=START)
        for who in (ADELE, MEGAN, LEE):
            await world.say("hjälp", who=who)
        yield world
        await client.close()


async def reminder_card(world: World, who: tuple[str, str, str] = ADELE) -> dict[str, Any]:
    before = len(world.connector.posted)
    await world.client.app[SCHEDULER].reporting.run()  # type: ignore[union-attr]
    for posted in world.connector.posted[before:]:
        if posted.conversation_id == f"a:personal-{who[0]}":
            return dict(posted.body["attachments"][0]["content"])
    raise AssertionError("no reminder")


def buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        action
        for element in card["body"]
        if element.get("type") == "ActionSet"
        for action in element["actions"]
    ]


async def tap(
    world: World, button: dict[str, Any], who: tuple[str, str, str] = ADELE, locale: str = "sv-SE"
) -> Any:
    activity = activities.card_action(
        button["data"], service_url=world.connector.url, who=who, locale=locale, verb=button["verb"]
    )
    response = await world.client.post("/api/messages", json=activity)
    assert response.status == 200
    return await response.json()


def shown(answer: dict[str, Any]) -> str:
    value = answer["value"]
    return str(value["fallbackText"]) if isinstance(value, dict) else str(value)


async def test_a_chair_answers_a_goal_with_one_tap_and_the_card_shows_what_was_stored(world: World) -> None:
    card = await reminder_card(world)
    assert float(card["version"]) >= 1.4
    taps = buttons(card)
    assert {b["type"] for b in taps} == {"Action.Execute"}
    labels = [b["title"] for b in taps]
    assert labels[:2] == ["Ja, en gång", "Inte än"]
    first = taps[0]
    goal = first["data"]["goal"]

    answer = await tap(world, first)
    assert answer["statusCode"] == 200 and answer["type"] == "application/vnd.microsoft.card.adaptive"
    text = shown(answer)
    checkins = CheckInRepository(world.components.database)
    [stored] = checkins.mine(person(ADELE), SAMPLE_DISTRICT)
    assert (stored.goal_number, stored.branch, stored.value) == (
        goal,
        "Sundsvall",
        first["data"]["value"] == "1",
    )
    assert f"Sparat #{stored.id}: 1 person, 20 dec. 2026" in text
    # The goal answered shows what was stored; the others keep their buttons.
    assert len(buttons(answer["value"])) == len(taps) - 2

    # A second tap (on either answer of the goal) stores nothing more, and shows the same.
    again = await tap(world, taps[1])
    assert f"Sparat #{stored.id}" in shown(again)
    assert len(checkins.mine(person(ADELE), SAMPLE_DISTRICT)) == 1


async def test_not_yet_is_stored_as_nothing_done_and_english_reads_english(world: World) -> None:
    card = await reminder_card(world)
    not_yet = next(b for b in buttons(card) if b["title"] == "Inte än")
    answer = await tap(world, not_yet, locale="en-US")
    [stored] = CheckInRepository(world.components.database).mine(person(ADELE), SAMPLE_DISTRICT)
    assert stored.value == 0
    assert f"Stored #{stored.id}: 0 people, 20 Dec 2026" in shown(answer)
    assert "Your reports this quarter" in shown(answer)


async def test_someone_elses_tap_and_an_old_card_store_nothing_and_say_why(world: World) -> None:
    card = await reminder_card(world)
    first = buttons(card)[0]
    wrong = await tap(world, first, who=LEE)
    assert wrong["type"] == "application/vnd.microsoft.activity.message"
    assert "någon annans" in wrong["value"]

    world.clock.now = datetime(2027, 1, 5, 9, 0, tzinfo=UTC)
    old = await tap(world, first)
    assert old["type"] == "application/vnd.microsoft.activity.message"
    assert "kvartal som har tagit slut" in old["value"]
    assert CheckInRepository(world.components.database).mine(person(ADELE), SAMPLE_DISTRICT) == []


async def test_a_forged_button_is_refused_plainly(world: World) -> None:
    card = await reminder_card(world)
    forged = {**buttons(card)[0], "data": {**buttons(card)[0]["data"], "value": "999"}}
    answer = await tap(world, forged)
    assert "fungerar inte längre" in answer["value"]


async def test_the_check_in_form_is_sent_with_action_execute_and_replaced_by_what_was_stored(
    world: World,
) -> None:
    before = len(world.connector.posted)
    await world.say("rapportera", who=ADELE)
    form = world.connector.posted[before].body["attachments"][0]["content"]
    [report] = form["actions"]
    assert report["type"] == "Action.Execute"
    filled = {**report, "data": {**report["data"], "goal": "3", "value": "1", "date": "2026-12-19"}}
    answer = await tap(world, filled)
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    [stored] = CheckInRepository(world.components.database).mine(person(ADELE), SAMPLE_DISTRICT)
    assert f"Sparat #{stored.id}: mål 3, 1 person för Sundsvall, 19 dec. 2026" in shown(answer)
    again = await tap(world, filled)  # the button pressed again: stored once
    assert f"#{stored.id}" in shown(again)
    assert len(CheckInRepository(world.components.database).mine(person(ADELE), SAMPLE_DISTRICT)) == 1


# --- nudges people don't mute ------------------------------------------------------------------------------


async def reminded(world: World, on: datetime) -> set[str]:
    """Who got a reminder to report when the daily job ran at `on`."""
    world.clock.now = on
    before = len(world.connector.posted)
    await world.client.app[SCHEDULER].reporting.run()  # type: ignore[union-attr]
    return {
        posted.conversation_id
        for posted in world.connector.posted[before:]
        if "Dags att rapportera" in str(posted.body.get("text"))
    }


async def test_a_chair_snoozes_reminders_until_a_day_and_gets_them_from_then(world: World) -> None:
    """What a chair means by `påminn mig inte före 28/12`: nothing before that day, then as usual."""
    answer = await world.say("påminn mig inte före 28/12", who=ADELE)
    assert answer.startswith("Okej: inga påminnelser till dig före 28 dec. 2026.")
    assert await world.say("påminn mig", who=ADELE) == "Inga påminnelser till dig före 28 dec. 2026."
    assert "Inga påminnelser före: 28 dec. 2026" in await world.say("mina data", who=ADELE)
    assert await reminded(world, START) == set()
    assert await reminded(world, datetime(2026, 12, 28, 8, 0, tzinfo=UTC)) == {f"a:personal-{ADELE[0]}"}


async def test_no_reminders_while_the_district_pauses_its_prompts(world: World) -> None:
    await world.send(activities.installed_in_team(service_url=world.connector.url))
    await world.in_channel("schema 1 och 15 kl 18")
    await world.in_channel("paus 2026-12-20 2027-01-10")
    assert await reminded(world, START) == set()
    await world.in_channel("schema stopp")  # the pause went with the schedule
    assert await reminded(world, START) == {f"a:personal-{ADELE[0]}"}


async def test_a_past_day_is_refused_and_reminders_come_back_when_asked(world: World) -> None:
    """A day without a year is the next such day, as a pause reads it: "15/8" in November is next August
    (the answer names it). A day written with a year that has passed is refused."""
    ahead = await world.say("påminn mig inte före 15/8", who=ADELE)
    assert ahead.startswith("Okej: inga påminnelser till dig före 15 aug. 2027."), ahead
    past = await world.say("påminn mig inte före 15/8 2026", who=ADELE)
    assert past.startswith("15 aug. 2026 har redan varit.") and "påminn mig inte före 15/8 2027" in past
    english = await world.say("snooze until Aug 15 2026", who=ADELE, locale="en-US")
    assert english.startswith("15 Aug 2026 has passed.") and "snooze until 15/8 2027" in english
    assert "Skriv från vilken dag" in await world.say("påminn mig inte före snart", who=ADELE)
    assert "Fine: no reminders to you before 10 Jan 2027" in await world.say(
        "snooze until 2027-01-10", who=ADELE, locale="en-US"
    )
    assert await world.say("påminn mig igen", who=ADELE) == "Du får påminnelser som vanligt igen."
    assert await reminded(world, START) == {f"a:personal-{ADELE[0]}"}


async def test_no_reminders_on_a_public_holiday(world: World) -> None:
    assert await reminded(world, datetime(2026, 12, 24, 8, 0, tzinfo=UTC)) == set()  # julafton
    assert await reminded(world, datetime(2026, 12, 25, 8, 0, tzinfo=UTC)) == set()  # juldagen
    assert await reminded(world, datetime(2026, 12, 28, 8, 0, tzinfo=UTC)) == {f"a:personal-{ADELE[0]}"}


async def test_the_board_chooses_escalation_a_branch_not_reported_a_week_after_is_named_to_it(
    world: World,
) -> None:
    """What the board means: rather than reminding a chair again and again, tell us which branch is late."""
    assert "eskalera på" in await world.say("eskalera", who=MEGAN)
    assert (await world.say("eskalera på", who=MEGAN)).startswith("Eskaleringen är på")
    assert "Det kan bara styrelsen" in await world.say("eskalera av", who=ADELE)
    assert await reminded(world, START) == {f"a:personal-{ADELE[0]}"}

    async def board_told(on: datetime) -> list[str]:
        world.clock.now = on
        before = len(world.connector.posted)
        await world.client.app[SCHEDULER].reporting.run()  # type: ignore[union-attr]
        return [
            answer_text(posted.body)
            for posted in world.connector.posted[before:]
            if posted.conversation_id == f"a:personal-{MEGAN[0]}"
        ]

    assert await board_told(datetime(2026, 12, 23, 8, 0, tzinfo=UTC)) == []  # three days on
    [notice] = await board_told(datetime(2026, 12, 27, 8, 0, tzinfo=UTC))  # a week on
    assert notice.startswith(
        "Inte rapporterat 7 dagar efter påminnelsen\nJag påminner inte deras ordförande igen"
    )
    assert "\nSundsvall: mål " in notice
    assert await board_told(datetime(2026, 12, 28, 8, 0, tzinfo=UTC)) == []  # once
    assert await reminded(world, datetime(2026, 12, 29, 8, 0, tzinfo=UTC)) == set()  # not again
    english = await world.say("escalate off", who=MEGAN, locale="en-US")
    assert english.startswith("Escalation is off")


def test_the_likely_answers_follow_the_goals_kind() -> None:
    """Done / not done asks "Ja, klart"; a count "Ja, en gång"; a reading or a count per area is typed."""
    t = translator("sv")
    assert likely_answers(t, goal(1, Target(TargetKind.DONE), branches=True)) == [
        ("Ja, klart", "1"),
        ("Inte än", "0"),
    ]
    count = Target(TargetKind.COUNT, count=1, period=Period.QUARTER, unit="möte")
    assert likely_answers(t, goal(2, count, branches=True)) == [("Ja, en gång", "1"), ("Inte än", "0")]
    assert (
        likely_answers(t, goal(3, Target(TargetKind.METRIC, baseline=1, goal_value=2), branches=True)) == []
    )
    per_area = Target(TargetKind.COUNT, count=4, period=Period.YEAR, per_area=True)
    assert likely_answers(t, goal(4, per_area, branches=True)) == []
