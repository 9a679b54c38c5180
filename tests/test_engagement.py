"""Did the prompts start a discussion? The board's story through the real HTTP server, Teams-shaped.

What a board member means: a prompt "started a discussion" when at least two people replied in its
thread, or (where the bot cannot read replies) at least three people reacted. Teams sends reactions to the
bot's own posts in any case; replies arrive only once the team lets the app read its channels (resource-
specific consent), and the bot must never answer, store or log a message that was not addressed to it.
"""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import docx
import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func
from sqlmodel import select
from yarl import URL

from bot.app import COMPONENTS, SCHEDULER, Components, create_app
from bot.config import Settings
from bot.db.engagement import EngagementRepository
from bot.db.models import PostReplier
from bot.services.engagement import counting_since
from bot.services.people import PersonInfo, Role
from bot.services.plan_import import SAMPLE_DISTRICT
from tests.conftest import Clock
from tests.fakes import activities
from tests.fakes.connector import FakeConnector

MEGAN = ("29:megan", "Megan Bowen", "aad-megan")  # on the board
ADELE = ("29:adele", "Adele Vance", "aad-adele")
LEE = ("29:lee", "Lee Gu", "aad-lee")
CHANNEL = "19:general@thread.tacv2"
START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
SECRET = "Jag tycker att vi borde strejka"


def person(who: tuple[str, str, str]) -> PersonInfo:
    teams_id, name, aad = who
    return PersonInfo(teams_id, aad, name)


@dataclass
class World:
    client: TestClient
    connector: FakeConnector
    clock: Clock

    @property
    def components(self) -> Components:
        return self.client.app[COMPONENTS]

    async def send(self, activity: dict[str, Any]) -> int:
        response = await self.client.post("/api/messages", json=activity)
        return response.status

    async def say(self, text: str, *, who: tuple[str, str, str] = MEGAN, locale: str = "sv-SE") -> str:
        """`who` writes in their personal chat; the bot's whole answer (a card's fallback text)."""
        before = len(self.connector.posted)
        activity = activities.personal_message(text, service_url=self.connector.url, locale=locale)
        activity["from"] = {"id": who[0], "name": who[1], "aadObjectId": who[2]}
        activity["conversation"]["id"] = f"a:personal-{who[0]}"
        assert await self.send(activity) in (200, 201)
        [answer] = self.connector.posted[before:]
        return answer_text(answer.body)

    async def in_channel(self, text: str, *, who: tuple[str, str, str] = MEGAN, thread: str = "") -> None:
        thread = thread or f"{CHANNEL};messageid=1700000000001"
        activity = activities.channel_message(text, service_url=self.connector.url, thread=thread, who=who)
        assert await self.send(activity) in (200, 201)

    async def overheard(self, text: str, *, thread: str, who: tuple[str, str, str]) -> int:
        activity = activities.channel_message(
            text, service_url=self.connector.url, thread=thread, who=who, to_bot=False
        )
        return await self.send(activity)

    async def react(
        self, thread: str, message_id: str, who: tuple[str, str, str], *, removed: int = 0
    ) -> None:
        activity = activities.reaction(
            service_url=self.connector.url,
            thread=thread,
            message_id=message_id,
            who=who,
            added=0 if removed else 1,
            removed=removed,
        )
        assert await self.send(activity) in (200, 201)

    async def post_a_prompt(self) -> tuple[str, str]:
        """The board posts the next prompt now; the new thread's id and its message's id."""
        created, before = len(self.connector.created), len(self.connector.posted)
        await self.in_channel("posta ja")
        # "Posting #N …", then in the background (it may start before the turn's answer is back): the new
        # thread and "#N is posted" (the board, here only the one who posted it, is told nothing more).
        await self.connector.wait_for(before + 3)
        new = self.connector.created[created]
        return new.conversation_id, new.activity_id


def answer_text(body: dict[str, Any]) -> str:
    for attachment in body.get("attachments") or []:
        return str(attachment["content"].get("fallbackText", ""))
    return str(body.get("text") or "")


@pytest.fixture
async def world(settings: Settings, connector: FakeConnector) -> AsyncIterator[World]:
    clock = Clock(START)
    client = TestClient(TestServer(create_app(settings, clock=clock), host="127.0.0.1"))
    with clock.whole_process():  # the scheduler's timers fire, or miss, by the test's clock
        await client.start_server()
        world = World(client, connector, clock)
        world.components.people.grant(person(MEGAN), SAMPLE_DISTRICT, Role.BOARD, now=START)
        await world.send(activities.installed_in_team(service_url=connector.url))
        await world.in_channel("schema 1 och 15 kl 18")
        await world.say("hjälp")  # Megan's personal chat, where the board is told things
        yield world
        await client.close()


async def test_reactions_are_counted_per_post_and_the_board_is_told_replies_are_not(
    world: World,
) -> None:
    thread, message_id = await world.post_a_prompt()
    await world.react(thread, message_id, ADELE)
    await world.react(thread, message_id, LEE)
    await world.react(thread, message_id, LEE, removed=1)
    await world.react(thread, "1700000000001", ADELE)  # a reaction to some other message: not a prompt's

    history = await world.say("historik")
    assert "1 reaktion · ingen diskussion" in history
    assert "svar" not in history.split("\n")[1]  # replies are not read here: not shown as nought
    assert "Bara reaktioner räknas" in history

    english = await world.say("history", locale="en-US")
    assert "1 reaction · no discussion" in english
    assert "Only reactions are counted" in english


async def test_with_consent_replies_and_people_are_counted_and_never_answered_stored_or_logged(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    thread, message_id = await world.post_a_prompt()
    sent = len(world.connector.posted)
    assert await world.overheard(SECRET, thread=thread, who=ADELE) in (200, 201)
    assert await world.overheard("Håller med, och historik vore bra", thread=thread, who=LEE) in (200, 201)
    assert await world.overheard("hjälp", thread=thread, who=ADELE) in (
        200,
        201,
    )  # not to the bot
    assert await world.overheard("En annan tråd", thread=f"{CHANNEL};messageid=99", who=LEE) in (200, 201)
    await world.react(thread, message_id, ADELE)
    assert len(world.connector.posted) == sent  # nothing answered
    assert SECRET not in caplog.text and "Håller med" not in caplog.text

    history = await world.say("historik")
    assert "3 svar från 2 personer · 1 reaktion · startade en diskussion" in history
    assert "Bara reaktioner räknas" not in history
    english = await world.say("history", locale="en-US")
    assert "3 replies from 2 people · 1 reaction · started a discussion" in english

    # Nothing of what they wrote is stored, nor who they are: only the counts and per-post hashes.
    dump = "\n".join(world.components.database.engine.raw_connection().iterdump())
    assert SECRET not in dump and "29:adele" not in dump and "Adele" not in dump


async def test_a_redelivered_reaction_or_reply_counts_once_in_any_process_and_after_a_restart(
    world: World, settings: Settings
) -> None:
    """What the board means: one person's one reaction is one reaction. Teams redelivers an activity it
    thinks timed out, to whichever server process it reaches, or after the bot restarted; the count must
    not grow with it. Two apps on one database stand for two processes; a third, started after the second
    stopped, for a restart."""
    thread, message_id = await world.post_a_prompt()
    reaction = activities.reaction(
        service_url=world.connector.url, thread=thread, message_id=message_id, who=ADELE
    )
    reply = activities.channel_message(
        "Bra fråga", service_url=world.connector.url, thread=thread, who=LEE, to_bot=False
    )
    other = TestClient(TestServer(create_app(settings, clock=world.clock), host="127.0.0.1"))
    await other.start_server()
    for client in (world.client, other, world.client):
        for activity in (reaction, reply):
            assert (await client.post("/api/messages", json=activity)).status in (200, 201)
    await other.close()
    restarted = TestClient(TestServer(create_app(settings, clock=world.clock), host="127.0.0.1"))
    await restarted.start_server()
    for activity in (reaction, reply):
        assert (await restarted.post("/api/messages", json=activity)).status in (200, 201)
    await restarted.close()
    # A new reaction by someone else (a new activity) still counts.
    await world.react(thread, message_id, LEE)

    assert "1 svar från 1 person · 2 reaktioner · ingen diskussion" in await world.say("historik")


async def test_replies_after_the_counting_window_are_not_counted(world: World) -> None:
    thread, _ = await world.post_a_prompt()
    await world.overheard("Först", thread=thread, who=ADELE)
    world.clock.now = START + timedelta(days=31)
    await world.overheard("Sent omsider", thread=thread, who=LEE)
    assert "1 svar från 1 person · 0 reaktioner · ingen diskussion" in await world.say("historik")


async def test_who_replied_is_forgotten_once_the_post_is_past_counting_and_the_counts_stay(
    world: World,
) -> None:
    thread, _ = await world.post_a_prompt()
    await world.overheard("Först", thread=thread, who=ADELE)
    await world.overheard("Sen", thread=thread, who=LEE)
    engagement = EngagementRepository(world.components.database)
    assert engagement.forget_past_counting(since=counting_since(START + timedelta(days=29))) == 0
    assert engagement.forget_past_counting(since=counting_since(START + timedelta(days=31))) == 2
    assert "2 svar från 2 personer · 0 reaktioner · startade en diskussion" in await world.say("historik")


async def test_mina_data_shows_the_replies_counted_and_glom_mig_removes_them_keeping_the_counts(
    world: World,
) -> None:
    thread, _ = await world.post_a_prompt()
    await world.overheard("Först", thread=thread, who=ADELE)
    await world.overheard("Sen", thread=thread, who=LEE)
    await world.in_channel("mål", who=ADELE)  # Adele is known to the bot (she wrote to it)
    assert "Svar som räknats i inläggens trådar (inte vad du skrev): 1" in await world.say(
        "mina data", who=ADELE
    )
    assert "Replies counted in prompt threads (not what you wrote): 1" in await world.say(
        "my data", who=ADELE, locale="en-US"
    )
    await world.say("glöm mig bekräfta", who=ADELE)
    with world.components.database.read() as session:
        assert session.exec(select(func.count()).select_from(PostReplier)).one() == 1  # Lee's only
    assert "2 svar från 2 personer" in await world.say("historik")


async def test_bank_shows_each_prompts_record_and_prefers_one_that_started_a_discussion(world: World) -> None:
    thread, message_id = await world.post_a_prompt()
    [post] = world.components.prompts.posts(SAMPLE_DISTRICT)
    assert post.bank_prompt_id is not None
    for who in (ADELE, LEE, MEGAN):
        await world.react(thread, message_id, who)
    listing = await world.say("bank")
    assert f"{post.bank_prompt_id}. (" in listing
    line = next(line for line in listing.split("\n") if line.startswith(f"{post.bank_prompt_id}. ("))
    assert line.endswith("· publicerat 1 gång, 1 startade en diskussion")
    assert "aldrig publicerat" in listing
    assert "aldrig en som har publicerats det senaste året" in listing
    english = await world.say("bank", locale="en-US")
    assert "posted 1 time, 1 started a discussion" in english and "never posted" in english


async def test_the_plans_goal_for_posts_shows_posts_made_and_discussions_started(world: World) -> None:
    """Goal 19 of the sample plan: "minst två gånger i månaden, för att få i gång diskussioner"."""
    plan = world.components.repository.plan(SAMPLE_DISTRICT)
    assert plan is not None
    goal = next(g for g in plan.goals if g.target.unit == "inlägg")
    thread, message_id = await world.post_a_prompt()
    for who in (ADELE, LEE, MEGAN):
        await world.react(thread, message_id, who)
    answer = await world.say(f"mål {goal.number}")
    assert (
        "Inlägg som jag har publicerat: 1 den här månaden, 1 i år; 1 startade en diskussion "
        "(bedömt efter reaktioner: svaren räknas inte)"
    ) in answer
    await world.overheard("Ett svar", thread=thread, who=ADELE)
    english = await world.say(f"goals {goal.number}", locale="en-US")
    assert "Prompts I posted: 1 this month, 1 this year; 1 started a discussion" in english
    assert "judged by reactions" not in english
    other = await world.say("mål 1")
    assert "Inlägg som jag har publicerat" not in other


async def test_the_board_gets_a_monthly_digest_naming_prompts_that_started_a_discussion_and_not(
    world: World,
) -> None:
    first, first_id = await world.post_a_prompt()
    await world.overheard("Ja!", thread=first, who=ADELE)
    await world.overheard("Nej!", thread=first, who=LEE)
    second, _ = await world.post_a_prompt()
    digest = world.client.app[SCHEDULER].engagement
    assert digest is not None
    assert await digest.run() == 0  # November is not over
    world.clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    before = len(world.connector.posted)
    assert await digest.run() == 1  # Megan, the board
    text = answer_text(world.connector.posted[before].body)
    started, quiet = text.split("Ingen diskussion")
    assert text.startswith("Inläggen i november 2026: startade de diskussioner?")
    assert "#1 " in started and "2 svar från 2 personer" in started
    assert "#2 " in quiet and "#2 " not in started
    assert "räknas i 30 dagar" in text
    assert await digest.run() == 0  # once a month


async def test_the_year_end_report_shows_each_prompts_engagement_as_historik_does(world: World) -> None:
    """What the board means: the verksamhetsberättelse tells the annual meeting which of the year's prompts
    started a discussion, with the same numbers `historik` shows, and says plainly when replies were not
    counted (the team had not let the bot read its channels)."""
    first, first_id = await world.post_a_prompt()
    for who in (ADELE, LEE, MEGAN):
        await world.react(first, first_id, who)
    second, second_id = await world.post_a_prompt()
    await world.react(second, second_id, ADELE)

    def historik_rows(text: str) -> dict[str, str]:
        return {line.split(" ", 1)[0]: line for line in text.split("\n") if line.startswith("#")}

    async def report(language: str) -> docx.document.Document:
        before = len(world.connector.posted)
        activity = activities.personal_message(
            "verksamhetsberättelse 2026" if language == "sv" else "annual report 2026",
            service_url=world.connector.url,
            locale="sv-SE" if language == "sv" else "en-US",
        )
        activity["conversation"]["id"] = f"a:personal-{MEGAN[0]}"
        activity["from"] = {"id": MEGAN[0], "name": MEGAN[1], "aadObjectId": MEGAN[2]}
        assert await world.send(activity) in (200, 201)
        [answer] = world.connector.posted[before:]
        url = URL(answer.body["attachments"][0]["content"]["actions"][0]["url"])
        return docx.Document(io.BytesIO(await (await world.client.get(url.path_qs)).read()))

    def prompt_rows(document: docx.document.Document) -> list[list[str]]:
        [found] = [
            [[cell.text for cell in row.cells] for row in table.rows]
            for table in document.tables
            if table.rows[0].cells[0].text in ("Inlägg", "Prompt")
        ]
        return found

    # Without the consent: reactions only, and the report says so.
    document = await report("sv")
    texts = [p.text for p in document.paragraphs]
    assert (
        "1 av dem startade en diskussion: minst två personer svarade i tråden, "
        "eller det fick minst tre reaktioner."
    ) in texts
    assert any(text.startswith("Bara reaktioner räknas") for text in texts)
    history = historik_rows(await world.say("historik"))
    rows = prompt_rows(document)
    assert [row[0] for row in rows[1:]] == sorted(history)
    for number, _, _, engagement in rows[1:]:
        assert history[number].endswith(engagement)
    assert rows[1][3] == "3 reaktioner · startade en diskussion"
    assert rows[2][3] == "1 reaktion · ingen diskussion"

    # With the consent: replies and people too, and no such note.
    await world.overheard("Jag håller med", thread=second, who=ADELE)
    await world.overheard("Inte jag", thread=second, who=LEE)
    document = await report("en")
    texts = [p.text for p in document.paragraphs]
    assert (
        "2 of them started a discussion: at least two people replied in their threads, "
        "or they got at least three reactions."
    ) in texts
    assert not any(text.startswith("Only reactions are counted") for text in texts)
    history = historik_rows(await world.say("history", locale="en-US"))
    rows = prompt_rows(document)
    for number, _, _, engagement in rows[1:]:
        assert history[number].endswith(engagement)
    assert rows[2][3] == "2 replies from 2 people · 1 reaction · started a discussion"
