"""The board's story, in-process: roles, a schedule in a channel, the rota, texts, the bank, and posting once.

The real handler and router (through the bot's own turn, tests/fakes/turns.py), the real database, the real
notifier sending to a fake Bot Connector over loopback, and a clock the tests move by hand.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app import Components, build
from bot.config import Settings
from bot.i18n import translator
from bot.notifier import Notifier
from bot.sdk import Sdk
from bot.services.prompting import Outcome, SlotStatus
from schedules.poster import PromptPoster
from schedules.scheduler import PromptScheduler
from tests.conftest import Clock
from tests.fakes.connector import FakeConnector
from tests.fakes.turns import BOT, Chat, account
from tests.test_teams import mentioning, shown

ADMIN = account("29:admin", "Alex Wilber", "aad-admin")
MEGAN = account("29:megan", "Megan Bowen", "aad-megan")
ADELE = account("29:adele", "Adele Vance", "aad-adele")
MEMBER = account("29:member", "Lee Gu", "aad-lee")
CHANNEL = "19:general@thread.tacv2"
CHAIRS = "19:ordforande@thread.tacv2"  # the chairs' channel of the same team
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Sunday 22 November 2026, 10:00 in Stockholm (CET, UTC+1).
START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
_ids = itertools.count(1)


@dataclass
class World:
    settings: Settings
    components: Components
    connector: FakeConnector
    clock: Clock
    poster: PromptPoster
    scheduler: PromptScheduler
    sleeps: list[float]

    async def say(
        self,
        who: dict[str, Any],
        text: str,
        *,
        channel: bool = False,
        mentions: tuple[dict[str, Any], ...] = (),
        channel_id: str = CHANNEL,
    ) -> str:
        """`who` writes `text` (in a team channel, or a personal chat); what the bot answers."""
        conversation = (
            {"id": f"{channel_id};messageid={next(_ids)}", "conversationType": "channel", "isGroup": True}
            if channel
            else {"id": f"a:personal-{who['id']}", "conversationType": "personal"}
        )
        template = {
            "channelId": "msteams",
            "serviceUrl": self.connector.url,
            "locale": "sv-SE",
            "conversation": conversation,
            "from": who,
            "recipient": BOT,
        }
        adapter = Chat(self.components.bot.on_turn, template)
        text, entities = mentioning(text, mentions, bot=channel)
        channel_data: dict[str, Any] = {"tenant": {"id": "t1"}}
        if channel:
            channel_data |= {"team": {"id": "19:team@thread.tacv2"}, "channel": {"id": channel_id}}
        reply = await adapter.ask(text, id=f"m{next(_ids)}", entities=entities, channelData=channel_data)
        return shown(reply)

    def slots(self) -> list[Any]:
        return self.components.prompts.slots(after=START - timedelta(days=1), limit=100)

    def threads(self) -> list[str]:
        """The texts of the threads the bot started in the channel."""
        return [str(created.parameters["activity"]) for created in self.connector.created]


@pytest.fixture
async def world(settings: Settings, sdks: Callable[[Settings], Sdk]) -> AsyncIterator[World]:
    settings = settings.model_copy(update={"admins": ["aad-admin"]})
    clock = Clock(START)
    components = build(settings, clock=clock)
    components.start()
    connector = await FakeConnector().start()
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    notifier = Notifier(sdks(settings).outbound, sleep=fake_sleep)
    poster = PromptPoster(
        prompts=components.prompts,
        people=components.people,
        repository=components.repository,
        notifier=notifier,
        clock=clock,
        grace=settings.post_grace,
        t=translator("sv"),
    )
    scheduler = PromptScheduler(
        prompts=components.prompts,
        desk=components.desk,
        poster=poster,
        clock=clock,
        timezone=settings.timezone,
        grace=settings.post_grace,
    )
    world = World(settings, components, connector, clock, poster, scheduler, sleeps)
    with clock.whole_process():  # the scheduler's timers fire, or miss, by the test's clock
        # The channel knows the bot, and the board members have personal chats with it (to be told things).
        await world.say(ADMIN, "hjälp", channel=True)
        for person in (ADMIN, MEGAN, ADELE, MEMBER):
            await world.say(person, "hjälp")
        yield world
        scheduler.shutdown()
    await connector.close()
    components.stop()


async def make_board(world: World) -> None:
    answer = await world.say(ADMIN, "roll styrelse @Megan Bowen @Adele Vance", mentions=(MEGAN, ADELE))
    assert answer == "Megan Bowen sitter nu i styrelsen. Adele Vance sitter nu i styrelsen."


async def test_only_an_admin_gives_roles_and_others_are_told_who_can(world: World) -> None:
    refused = await world.say(MEGAN, "roll styrelse @Adele Vance", mentions=(ADELE,))
    assert refused.startswith("Det kan bara en administratör göra.")
    await make_board(world)
    assert await world.say(MEMBER, "roller") == (
        "Styrelsen: Adele Vance, Megan Bowen\nOrdförande i partiföreningarna: –"
    )
    answer = await world.say(ADMIN, "roll ordförande @Lee Gu Sundsvall ja", mentions=(MEMBER,))
    assert answer == "Lee Gu är nu ordförande i Sundsvall."
    assert "Lee Gu (Sundsvall)" in await world.say(MEMBER, "roller")


async def test_a_member_may_not_schedule_and_is_told_who_can(world: World) -> None:
    await make_board(world)
    refused = await world.say(MEMBER, "schema 1 och 15 kl 18", channel=True)
    assert refused == (
        "Det kan bara styrelsen och administratörer göra. "
        "Fråga någon i styrelsen: Adele Vance eller Megan Bowen."
    )
    assert world.slots() == []


async def test_setting_up_a_schedule_shows_the_next_times_and_shares_them_out(world: World) -> None:
    await make_board(world)
    answer = await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    assert answer.startswith("Inlägg publiceras i den här kanalen den 1 och den 15 varje månad kl. 18.00")
    # In Stockholm time, the board taking turns (Megan before Adele: the rota follows who joined first).
    assert "tisdag 1 december kl. 18.00 · Megan Bowen" in answer
    assert "tisdag 15 december kl. 18.00 · Adele Vance" in answer
    assert "fredag 15 januari kl. 18.00 · Megan Bowen" in answer  # not nyårsdagen, a public holiday
    assert "1 jan. 2027" not in answer
    assert "nyårsafton, så inget på nyårsdagen 1 januari." in answer
    assert "Sommaruppehåll?" in answer
    assert "Alla tider anges i svensk tid." in answer and "Europe/Stockholm" not in answer
    slots = world.slots()
    assert [s.due_at for s in slots[:3]] == [
        datetime(2026, 12, 1, 17, 0, tzinfo=UTC),
        datetime(2026, 12, 15, 17, 0, tzinfo=UTC),
        datetime(2027, 1, 15, 17, 0, tzinfo=UTC),
    ]
    assert [s.owner_name for s in slots] == ["Megan Bowen", "Adele Vance"] * (len(slots) // 2) + (
        ["Megan Bowen"] if len(slots) % 2 else []
    )


async def test_fewer_than_twice_a_month_is_allowed_with_a_warning(world: World) -> None:
    await make_board(world)
    answer = await world.say(MEGAN, "schema första tisdagen kl 19", channel=True)
    assert "Obs! Planen kräver inlägg minst två gånger i månaden" in answer


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("1 och 15", "Skriv vilken tid, t.ex. kl 18."),
        ("32 kl 18", "”32” är inte en dag i månaden (1–31)."),
        ("1 kl 02:30", "välj en tid utanför 00.00–00.59 och 02.00–02.59"),
        ("blåsdag kl 18", "Jag förstår inte ”blåsdag” i schemat."),
    ],
)
async def test_a_rule_the_bot_cannot_use_is_explained(world: World, rule: str, expected: str) -> None:
    answer = await world.say(ADMIN, f"schema {rule}", channel=True)
    assert expected in answer
    assert "Till exempel: schema 1 och 15 kl 18" in answer
    assert world.slots() == []


async def test_a_board_member_who_leaves_hands_their_coming_prompts_to_the_rest_of_the_board(
    world: World,
) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    megans = [s.id for s in world.slots() if s.owner_name == "Megan Bowen"]
    assert megans
    answer = await world.say(ADMIN, "roll bort styrelse @Megan Bowen", mentions=(MEGAN,))
    assert answer.startswith(
        "Megan Bowen sitter inte längre i styrelsen. Megan Bowens kommande inlägg går nu till: "
    )
    assert all(f"#{slot_id} Adele Vance" in answer for slot_id in megans)
    assert {s.owner_name for s in world.slots() if s.status is SlotStatus.PLANNED} == {"Adele Vance"}

    # Reminders follow the slot: the new owner is reminded, Megan is not.
    world.clock.now = world.slots()[0].due_at - timedelta(days=2)
    before = len(world.connector.posted)
    await world.poster.remind_owners()
    reminded = {p.conversation_id for p in world.connector.posted[before:]}
    assert reminded == {"a:personal-29:adele"}


async def test_changing_the_schedule_keeps_every_slot_its_number_owner_and_text(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first, second = world.slots()[:2]
    await world.say(MEGAN, f"skriv {first.id} Vad ska vi kräva av regionen i vår?")
    highest = max(s.id for s in world.slots())

    # Only the hour: every slot keeps its day, number, owner and text, at the new time; nobody is asked.
    answer = await world.say(MEGAN, "schema 1 och 15 kl 19", channel=True)
    # 1 December, 15 December, 15 January; nothing else, and no line that says zero of something.
    assert "Av de kommande inläggen: 3 behåller sin dag." in answer and " 0 " not in answer
    kept = {s.id: s for s in world.slots() if s.status is SlotStatus.PLANNED}
    assert kept[first.id].text == "Vad ska vi kräva av regionen i vår?"
    assert kept[first.id].owner_name == first.owner_name
    assert kept[first.id].due_at == first.due_at + timedelta(hours=1)
    assert kept[second.id].due_at == second.due_at + timedelta(hours=1)

    # Other days: the written text would move, so the board is asked first, and nothing changes yet.
    asked = await world.say(MEGAN, "schema 3 och 17 kl 18", channel=True)
    assert asked.startswith("Det nya schemat skulle flytta texter som redan är skrivna:")
    assert f"#{first.id} (text av Megan Bowen, Megan Bowens tur): från" in asked
    assert asked.endswith("schema 3 och 17 kl 18 ja")
    assert {s.id for s in world.slots() if s.status is SlotStatus.PLANNED} == set(kept)

    done = await world.say(MEGAN, "schema 3 och 17 kl 18 ja", channel=True)
    assert "1 skrivet flyttas till en annan dag" in done
    planned = {s.id: s for s in world.slots() if s.status is SlotStatus.PLANNED}
    moved = planned[first.id]  # the same slot, with its owner and text, on the nearest new day
    assert moved.text == "Vad ska vi kräva av regionen i vår?" and moved.owner_name == "Megan Bowen"
    assert moved.due_at.astimezone(STOCKHOLM).day == 3
    assert all(s.due_at.astimezone(STOCKHOLM).day in (3, 17) for s in planned.values())
    new_ids = set(planned) - set(kept)
    assert new_ids and min(new_ids) > highest  # numbers are never reused
    listing = await world.say(MEGAN, "kommande")
    assert f"#{second.id} " not in listing  # its day is gone and nothing was written: not coming


async def test_each_channel_has_its_schedule_and_commands_there_act_on_it(world: World) -> None:
    await make_board(world)
    await world.say(ADMIN, "hjälp", channel=True, channel_id=CHAIRS)  # the bot is in the chairs' channel too
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    await world.say(MEGAN, "schema första tisdagen kl 19", channel=True, channel_id=CHAIRS)
    general = {s.id for s in world.slots() if s.due_at.astimezone(STOCKHOLM).hour == 18}
    chairs = {s.id for s in world.slots() if s.due_at.astimezone(STOCKHOLM).hour == 19}
    assert general and chairs

    listing = await world.say(MEGAN, "kommande", channel=True, channel_id=CHAIRS)
    assert all(f"#{i}\n" in listing for i in sorted(chairs)[:2])
    assert not any(f"#{i}\n" in listing for i in general)
    elsewhere = await world.say(MEGAN, f"skriv {min(general)} En fråga?", channel=True, channel_id=CHAIRS)
    assert elsewhere.startswith(f"#{min(general)} hör till en annan kanals schema")
    assert "fler än en kanal" in await world.say(MEGAN, "posta nu")  # a personal chat: which one?

    answer = await world.say(MEGAN, "posta nu ja", channel=True, channel_id=CHAIRS)
    assert answer == f"Publicerar #{min(chairs)} …"
    await asyncio.gather(*world.scheduler.background)
    [thread] = world.connector.created
    assert thread.parameters["channelData"]["channel"]["id"] == CHAIRS  # not General
    listing = await world.say(MEGAN, "kommande", channel=True, channel_id=CHAIRS)
    assert f"#{min(chairs)} " not in listing  # posted: no longer coming


async def test_any_message_in_the_channel_refreshes_the_address_prompts_are_posted_to(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    repository = world.components.repository
    [channel] = [c for c in repository.conversations() if c.conversation_id == CHANNEL]
    stale = replace(channel, reference={**channel.reference, "serviceUrl": "http://127.0.0.1:9/"})
    repository.remember_conversation(stale, person=None, now=world.clock())  # Teams moved since

    await world.say(MEGAN, "kommande", channel=True)  # a message in one of the channel's threads
    first = world.slots()[0]
    world.clock.now = first.due_at
    assert await world.poster.post(first.id) is Outcome.POSTED
    assert world.connector.created[0].parameters["channelData"]["channel"]["id"] == CHANNEL


async def test_approval_turned_on_shows_what_waits_and_blames_no_one(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    await world.say(ADELE, f"skriv {first.id} Hur når vi fler unga?")
    answer = await world.say(MEGAN, "godkännande på")
    assert f"väntar nu på godkännande: #{first.id} (Adele Vance)" in answer
    preview = await world.say(MEGAN, f"visa {first.id}")
    assert "Hur når vi fler unga?" in preview and "Väntar på godkännande" in preview  # not a bank prompt

    world.clock.now = first.due_at
    before = len(world.connector.posted)
    assert await world.poster.post(first.id) is Outcome.POSTED
    notices = [p.body.get("text") or "" for p in world.connector.posted[before:]]
    assert any(f"#{first.id} (tisdag 1 december kl. 18.00" in n for n in notices), notices
    assert any("Texten av Adele Vance var inte godkänd, så ett inlägg ur banken" in n for n in notices), (
        notices
    )
    assert not any("Ingen text skrevs" in n for n in notices)  # Megan, the owner, is not blamed


async def test_a_schedule_is_set_up_in_the_channel_not_in_a_personal_chat(world: World) -> None:
    assert "Skriv det här i kanalen" in await world.say(ADMIN, "schema 1 och 15 kl 18")


async def test_swap_assign_skip_and_pause(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first, second, third = world.slots()[:3]
    assert "Bytt" in await world.say(ADELE, f"byt {first.id} {second.id}")
    swapped = world.slots()
    assert (swapped[0].owner_name, swapped[1].owner_name) == ("Adele Vance", "Megan Bowen")
    refused = await world.say(ADELE, f"ge {third.id} @Lee Gu", mentions=(MEMBER,))
    assert refused.startswith("Lee Gu sitter inte i styrelsen")  # a member cannot write it: not theirs
    assert world.slots()[2].owner_name == third.owner_name
    assert await world.say(ADELE, f"ge {third.id} @Megan Bowen", mentions=(MEGAN,)) == (
        f"#{third.id} är nu Megan Bowens tur."
    )
    assert "hoppas över" in await world.say(ADELE, f"hoppa över {first.id}")
    assert world.slots()[0].status is SlotStatus.SKIPPED
    assert await world.say(ADELE, f"hoppa {first.id}") == (
        f"#{first.id} är överhoppat; vill du publicera det ändå: hoppa inte {first.id}. "
        f"Planerade inlägg: #{second.id}, #{third.id}."
    )
    answer = await world.say(ADELE, "paus 2027-01-01 2027-01-31")
    # 1 Jan: a holiday
    assert answer == (
        "Paus 1–31 jan. 2027: 1 inlägg har lagts åt sidan. Vill du häva pausen skriver du: paus slut\n"
        "Obs! Planen kräver inlägg minst två gånger i månaden, och med pausen får kanalen inget inlägg i "
        "januari 2027."
    )
    statuses = {s.due_at.date(): s.status for s in world.slots()}
    assert statuses[datetime(2027, 1, 15).date()] is SlotStatus.PAUSED  # noqa: DTZ001 - a date, no time
    listing = await world.say(MEGAN, "kommande")
    assert f"#{first.id}" in listing and "överhoppat" in listing and "pausat" in listing
    assert "Det finns inget inlägg #999999. Planerade inlägg: " in await world.say(MEGAN, "hoppa 999999")
    assert "Skriv perioden" in await world.say(MEGAN, "paus tills vidare")


async def test_the_owners_text_is_posted_signed_at_its_time_exactly_once(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    answer = await world.say(MEGAN, f"skriv {first.id} Vad ska vi kräva av regionen i vår?")
    assert answer == f"Texten till #{first.id} är sparad; inlägget publiceras på sin tid."
    preview = await world.say(ADELE, f"visa {first.id}")
    assert "Vad ska vi kräva av regionen i vår?" in preview and "Skrivet av Megan Bowen" in preview

    world.clock.now = first.due_at + timedelta(seconds=5)
    assert await world.poster.post(first.id) is Outcome.POSTED
    assert await world.poster.post(first.id) is Outcome.NOT_PLANNED  # a second timer, a second process...
    [thread] = world.connector.created
    assert thread.parameters["channelData"]["channel"]["id"] == CHANNEL
    assert "Vad ska vi kräva av regionen i vår?" in str(thread.parameters["activity"])
    assert "Skrivet av Megan Bowen" in str(thread.parameters["activity"])
    # The question is the message's text too: notifications and thread previews show no cards.
    assert (
        thread.parameters["activity"]["text"]
        == "Vad ska vi kräva av regionen i vår?\n\nSkrivet av Megan Bowen"
    )
    [record] = world.components.prompts.posts("Vänsterpartiet Västernorrland")
    assert (record.outcome, record.message_id, record.source) == ("sent", thread.activity_id, "owner")
    assert world.slots()[0].status is SlotStatus.POSTED


async def test_a_text_written_for_a_colleagues_slot_is_signed_by_its_writer_for_the_owner(
    world: World,
) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    assert first.owner_name == "Megan Bowen"
    await world.say(ADELE, f"skriv {first.id} Hur når vi fler unga i vår kommun?")
    preview = await world.say(MEGAN, f"visa {first.id}")
    assert "Skrivet av Adele Vance" in preview

    world.clock.now = first.due_at
    assert await world.poster.post(first.id) is Outcome.POSTED
    [thread] = world.threads()
    assert "Skrivet av Adele Vance" in thread
    assert "Skrivet av Megan Bowen" not in thread


async def test_without_a_text_the_bank_steps_in_and_owner_and_board_are_told(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    notices_before = len(world.connector.posted)
    world.clock.now = first.due_at
    assert await world.poster.post(first.id) is Outcome.POSTED
    assert "Ur inläggsbanken" in world.threads()[0]
    assert "Megan Bowen" not in world.threads()[0]  # the owner wrote nothing: her name is not on it
    notices = [
        p for p in world.connector.posted[notices_before:] if p.conversation_id.startswith("a:personal")
    ]
    assert {p.conversation_id for p in notices} == {"a:personal-29:megan", "a:personal-29:adele"}
    assert all("postade jag en fråga ur banken" in str(p.body) or "ur banken" in str(p.body) for p in notices)


async def test_near_a_yearly_day_the_bank_prefers_its_prompt(world: World) -> None:
    await make_board(world)
    world.clock.now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 8 kl 18", channel=True)
    slot = world.components.prompts.slots(after=world.clock.now, limit=1)[0]
    assert slot.due_at == datetime(2027, 3, 8, 17, 0, tzinfo=UTC)
    world.clock.now = slot.due_at
    await world.poster.post(slot.id)
    assert "kvinnodag" in world.threads()[0].lower()


async def test_approval_is_needed_where_the_district_asks_for_it(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    schedule_id = first.schedule_id
    with world.components.database.write() as session:
        from bot.db.models import PromptSchedule

        row = session.get(PromptSchedule, schedule_id)
        assert row is not None
        row.approval_required = True
    answer = await world.say(MEGAN, f"skriv {first.id} Hur når vi fler unga?")
    assert "En annan styrelseledamot godkänner den med: godkänn" in answer
    assert (
        await world.say(MEGAN, f"godkänn {first.id}") == "Någon annan än den som skrev texten godkänner den."
    )
    assert "status" not in await world.say(ADELE, f"godkänn {first.id}")
    world.clock.now = first.due_at
    await world.poster.post(first.id)
    assert "Hur når vi fler unga?" in world.threads()[0]


async def test_a_reminder_goes_to_the_owner_once_some_days_before(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]  # Tuesday 1 December, 18:00
    world.clock.now = first.due_at - timedelta(days=4)
    assert await world.poster.remind_owners() == 0
    world.clock.now = first.due_at - timedelta(days=2, hours=20)  # 22:00: nobody is woken
    assert await world.poster.remind_owners() == 0
    world.clock.now = first.due_at - timedelta(days=3, hours=9)  # Saturday 09:00, three days before
    before = len(world.connector.posted)
    assert await world.poster.remind_owners() == 1
    [reminder] = world.connector.posted[before:]
    assert reminder.conversation_id == "a:personal-29:megan"
    expected = f"Din tur: diskussionsinlägg #{first.id} publiceras tisdag 1 december kl. 18.00"
    assert expected in str(reminder.body)
    assert await world.poster.remind_owners() == 0  # once


async def test_a_bot_that_was_down_posts_late_within_the_grace_period_and_skips_after_it(
    world: World,
) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first, second = world.slots()[:2]
    world.clock.now = second.due_at + timedelta(hours=1)  # first: two weeks late; second: one hour late
    await world.poster.recover()
    assert {s.id: s.status for s in world.slots()[:2]} == {
        first.id: SlotStatus.MISSED,
        second.id: SlotStatus.POSTED,
    }
    assert len(world.connector.created) == 1
    told = [p for p in world.connector.posted if "för sent" in str(p.body)]
    assert {p.conversation_id for p in told} == {"a:personal-29:megan", "a:personal-29:adele"}


async def test_a_suspended_server_catches_up_on_posts_its_timers_missed(world: World) -> None:
    """A server suspended (a paused VM, a laptop lid) past a post's time comes back without restarting:
    APScheduler drops a timer later than its grace, so the post would stay "planned" for good, missing from
    `kommande` and `historik` alike. The half-lease round that settles lapsed claims posts it late within
    the grace, or skips it and tells the board, as after a restart; a post just due is left to its timer."""
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first, second, third = world.slots()[:3]
    world.clock.now = second.due_at + timedelta(hours=1)  # back from two weeks asleep: second 1 h late
    await world.poster.keep_up()
    assert [s.status for s in world.slots()[:3]] == [SlotStatus.MISSED, SlotStatus.POSTED, SlotStatus.PLANNED]
    told = [p for p in world.connector.posted if "för sent" in str(p.body)]
    assert {p.conversation_id for p in told} == {"a:personal-29:megan", "a:personal-29:adele"}
    assert len(world.connector.created) == 1

    world.clock.now = third.due_at + timedelta(seconds=30)  # its own timer's moment: not taken from it
    await world.poster.keep_up()
    assert world.slots()[2].status is SlotStatus.PLANNED
    world.clock.now = third.due_at + timedelta(minutes=2)  # the timer never came
    await world.poster.keep_up()
    await world.poster.keep_up()  # the next round, or another server: posted once
    assert world.slots()[2].status is SlotStatus.POSTED
    assert len(world.connector.created) == 2


async def test_a_claim_left_by_a_dead_process_is_reported_never_resent(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    world.clock.now = first.due_at
    claimed = world.components.prompts.claim(
        first.id,
        claimer="elsewhere:1:0a1b2c3d",
        text="x",
        source="owner",
        bank_prompt_id=None,
        now=first.due_at,
        held_until=first.due_at + world.poster.lease,
    )
    assert claimed
    world.clock.now = first.due_at + timedelta(minutes=20)  # its lease ran out long ago
    await world.poster.recover()
    assert world.slots()[0].status is SlotStatus.UNCERTAIN
    assert world.connector.created == []
    assert any("kan saknas" in str(p.body) for p in world.connector.posted)


async def test_two_posters_racing_for_one_slot_post_it_once(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    world.clock.now = first.due_at
    other = PromptPoster(
        prompts=world.components.prompts,
        people=world.components.people,
        repository=world.components.repository,
        notifier=world.poster.notifier,
        clock=world.clock,
        grace=world.settings.post_grace,
        t=translator("sv"),
    )
    other.claimer = "other-host:4242"
    outcomes = await asyncio.gather(world.poster.post(first.id), other.post(first.id))
    assert sorted(outcomes) == sorted([Outcome.POSTED, Outcome.NOT_PLANNED])
    assert len(world.connector.created) == 1


async def test_a_channel_the_bot_was_removed_from_is_marked_gone_and_the_board_told(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    world.clock.now = first.due_at
    world.connector.failures.append((403, {}))
    assert await world.poster.post(first.id) is Outcome.GONE
    assert world.slots()[0].status is SlotStatus.FAILED
    assert all(
        c.conversation_id != f"{CHANNEL}" or False for c in world.components.repository.conversations()
    )
    assert world.components.prompts.schedules() == []  # its channel is inactive: nothing more is planned
    assert any("finns inte längre i kanalen" in str(p.body) for p in world.connector.posted)


async def test_a_busy_connector_is_retried_and_the_post_lands_once(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    world.clock.now = first.due_at
    world.connector.failures.extend([(429, {"Retry-After": "2"}), (503, {})])
    assert await world.poster.post(first.id) is Outcome.POSTED
    assert len(world.connector.created) == 1
    assert world.sleeps[0] >= 2


async def test_a_server_error_is_tried_again_later_within_the_grace_period(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first, second = world.slots()[:2]
    world.poster.retry_later = timedelta(milliseconds=10)
    creates = [r for r in world.connector.received if r.path == "/v3/conversations"]
    world.connector.failing_path = "/v3/conversations"
    world.clock.now = first.due_at
    world.connector.failures.append((500, {}))
    assert await world.poster.post(first.id) is Outcome.POSTED
    assert [r.status for r in world.connector.received if r.path == "/v3/conversations"][len(creates) :] == [
        500,
        201,
    ]
    assert len(world.connector.created) == 1
    # At the end of its grace there is no later: it fails, and the board is told.
    world.clock.now = second.due_at + world.settings.post_grace
    world.connector.failures.append((500, {}))
    assert await world.poster.post(second.id) is Outcome.FAILED
    assert len(world.connector.created) == 1


async def test_the_scheduler_arms_a_timer_per_planned_slot_in_stockholm_time(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    await world.scheduler.start()
    jobs = {job.id: job for job in world.scheduler.scheduler.get_jobs()}
    planned = [s for s in world.slots() if s.status is SlotStatus.PLANNED]
    assert {f"post:{s.id}" for s in planned} <= set(jobs)
    first = jobs[f"post:{planned[0].id}"]
    assert str(first.trigger.run_date.tzinfo) == "Europe/Stockholm"
    assert first.misfire_grace_time == 6 * 3600
    assert {"plan-ahead", "remind-owners"} <= set(jobs)
    await world.say(MEGAN, f"hoppa {planned[0].id}")
    assert f"post:{planned[0].id}" not in {job.id for job in world.scheduler.scheduler.get_jobs()}

    # A restart rebuilds the same timers from the database alone.
    world.scheduler.shutdown()
    again = PromptScheduler(
        prompts=world.components.prompts,
        desk=world.components.desk,
        poster=world.poster,
        clock=world.clock,
        timezone=world.settings.timezone,
        grace=world.settings.post_grace,
    )
    await again.start()
    try:
        rebuilt = {job.id for job in again.scheduler.get_jobs() if job.id.startswith("post:")}
        assert rebuilt == {f"post:{s.id}" for s in planned[1:]}
    finally:
        again.shutdown()


async def test_a_timer_posts_its_slot_when_the_clock_reaches_it(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    await world.scheduler.start()
    first = world.slots()[0]
    world.clock.now = first.due_at - timedelta(minutes=1)
    world.scheduler.scheduler.wakeup()
    await asyncio.sleep(0.05)
    assert world.slots()[0].status is SlotStatus.PLANNED and not world.connector.created

    world.clock.now = first.due_at
    world.scheduler.scheduler.wakeup()
    for _ in range(500):  # the timer's job runs as a task on this loop, its database work in a thread
        if world.slots()[0].status is SlotStatus.POSTED:
            break
        await asyncio.sleep(0.01)
    assert world.slots()[0].status is SlotStatus.POSTED
    assert len(world.connector.created) == 1


async def test_post_now_posts_the_next_planned_prompt(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    await world.scheduler.start()
    first = world.slots()[0]
    asked = await world.say(MEGAN, "posta nu")  # nine days ahead: Megan's turn is taken only if they say so
    assert asked.startswith(
        f"#{first.id} ska publiceras tisdag 1 december kl. 18.00, om 9 dagar, och det är Megan Bowen"
    )
    assert asked.endswith(f"posta {first.id} ja") and world.slots()[0].status is SlotStatus.PLANNED
    assert await world.say(MEGAN, "posta nu ja") == f"Publicerar #{first.id} …"  # at once: Teams waits not
    await asyncio.gather(*world.scheduler.background)
    told = [p.body.get("text") for p in world.connector.posted if "personal-29:megan" in p.path]
    assert told[-1] == f"#{first.id} är publicerat."
    assert len(world.connector.created) == 1
    assert world.slots()[0].status is SlotStatus.POSTED


async def test_a_post_cut_short_is_told_once_its_lease_runs_out_whatever_its_pid_and_host(
    world: World,
) -> None:
    """A bot in a container died mid-post and came back as PID 1 on the same hostname: the lease, not the
    pid or host, says the claim is dead; the running server tells the board once, and never posts it."""
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    slot = world.slots()[0]
    now = world.clock()
    dead = "bot-7f9c:1:0a1b2c3d"  # the process that died; the running one may well be "bot-7f9c:1:..." too
    world.poster.claimer = "bot-7f9c:1:4e5f6a7b"
    lease = world.poster.lease
    prompts = world.components.prompts
    assert prompts.claim(slot.id, claimer=dead, text="?", source="bank", bank_prompt_id=None, now=now,
                         held_until=now + lease)  # fmt: skip
    before = len(world.connector.posted)

    world.clock.now = now + lease - timedelta(seconds=1)  # still within its lease: it may be sending
    await world.poster.settle_lapsed_claims()
    assert world.slots()[0].status is SlotStatus.POSTING

    world.clock.now = now + lease + timedelta(seconds=1)
    await world.poster.settle_lapsed_claims()
    await world.poster.settle_lapsed_claims()  # the next round, or another server: told already
    assert world.slots()[0].status is SlotStatus.UNCERTAIN
    told = [p.body.get("text") or "" for p in world.connector.posted[before:]]
    missing = f"Inlägget #{slot.id} (tisdag 1 december kl. 18.00, kanalen med inlägg den 1 och den 15"
    assert sum(missing in text for text in told) == 2, told  # once to each board member: Megan, Adele
    assert world.connector.created == []


async def test_a_post_being_sent_keeps_its_claim_alive(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    slot = world.slots()[0]
    now = world.clock()
    world.poster.lease = timedelta(seconds=0.3)  # renewed every 0.1 s
    prompts = world.components.prompts
    assert prompts.claim(slot.id, claimer=world.poster.claimer, text="?", source="bank",
                         bank_prompt_id=None, now=now, held_until=now)  # fmt: skip
    holding = asyncio.create_task(world.poster._hold(slot.id))
    try:
        for _ in range(100):
            await asyncio.sleep(0.02)
            if prompts.lapsed_claims(now + timedelta(seconds=0.1)) == []:
                break
        assert prompts.lapsed_claims(now + timedelta(seconds=0.1)) == []  # renewed to now + lease
    finally:
        holding.cancel()


async def test_the_bank_can_be_listed_added_to_and_pruned(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)  # seeds the bank
    listing = await world.say(MEGAN, "bank")
    assert listing.startswith("Inläggsbanken (42 inlägg)")
    added = await world.say(MEGAN, "bank lägg till miljö: Var borde det planteras fler träd i din kommun?")
    number = int(added.rsplit(" ", 1)[1].rstrip("."))
    assert f"{number}. (Miljö och klimat) Var borde det planteras" in await world.say(MEGAN, "bank")
    assert await world.say(MEGAN, f"bank ta bort {number}") == f"Inlägg {number} är borttaget ur banken."
    assert "Det finns inget inlägg" in await world.say(MEGAN, f"bank ta bort {number}")


async def test_approval_can_be_switched_on_and_off_in_chat(world: World) -> None:
    await make_board(world)
    assert await world.say(MEGAN, "godkännande på") == "Det finns inget schema än."
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    assert "godkänner en annan styrelseledamot" in await world.say(MEGAN, "godkännande på")
    first = world.slots()[0]
    assert "godkänn" in await world.say(MEGAN, f"skriv {first.id} En fråga?")
    assert "utan godkännande" in await world.say(ADELE, "godkännande av")
    assert "Skriv godkännande på eller godkännande av." == await world.say(ADELE, "godkännande kanske")


async def test_history_shows_what_was_posted_and_when(world: World) -> None:
    await make_board(world)
    assert await world.say(MEGAN, "historik") == "Inget har publicerats än."
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    world.clock.now = first.due_at + timedelta(minutes=1)
    await world.poster.post(first.id)
    history = await world.say(MEGAN, "historik")
    assert f"#{first.id}" in history and "tisdag 1 december kl. 18.01 · publicerat · ur banken" in history


async def test_history_shows_twenty_posts_at_a_time_and_says_how_many_in_all(world: World) -> None:
    """The history stopped at the latest twenty posts with nothing to say that there were more: it says how
    many in all, and `historik sida 2` (`history page 2`) shows the rest."""
    await make_board(world)
    days = ", ".join(str(day) for day in range(1, 23))
    await world.say(MEGAN, f"schema {days} kl 18", channel=True)
    slots = world.slots()[:22]
    for slot in slots:
        world.clock.now = slot.due_at + timedelta(minutes=1)
        await world.poster.post(slot.id)
    first = await world.say(MEGAN, "historik")
    assert first.splitlines()[1].split()[0] == f"#{slots[-1].id}"
    assert "Visar 1–20 av 22. Nästa sida: historik sida 2" in first
    second = await world.say(ADELE, "history page 2")
    assert [line for line in second.splitlines() if line.startswith("#")] == [
        f"#{slots[1].id}",
        f"#{slots[0].id}",
    ]
    assert "Showing 21–22 of 22." in second


async def test_help_marks_what_needs_a_role(world: World) -> None:
    await make_board(world)
    help_text = await world.say(MEMBER, "hjälp")
    assert "schema" not in help_text and "För styrelsen" not in help_text  # a member's help: their own
    help_text = await world.say(MEGAN, "hjälp")
    assert "För styrelsen" in help_text and "schema 1 och 15 kl 18" in help_text
    assert "För administratörer" not in help_text


async def test_a_channel_has_one_schedule_whichever_thread_sets_it(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    await world.say(ADELE, "schema första tisdagen kl 19", channel=True)  # another thread of the same channel
    [schedule] = world.components.prompts.schedules()
    assert schedule.conversation_id == CHANNEL and schedule.rule_text == "första tisdagen kl 19"
    assert "stoppat" in await world.say(ADELE, "schema stopp", channel=True)
    assert world.components.prompts.schedules() == []


async def test_a_new_thread_names_the_tenant_teams_needs(world: World) -> None:
    await make_board(world)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    world.clock.now = first.due_at
    await world.poster.post(first.id)
    [thread] = world.connector.created
    assert thread.parameters["channelData"]["tenant"] == {"id": "t1"}
    # Each SDK's own spelling (botbuilder's tenantID, the Agents SDK's tenantId); channelData's is Teams'.
    assert thread.parameters.get("tenantID", thread.parameters.get("tenantId")) == "t1"


async def test_notices_reach_each_board_member_in_their_language_and_the_post_the_districts(
    world: World,
) -> None:
    """Adele chose English: the notice that the bank stepped in reaches her in English, Megan in Swedish,
    and the post in the channel is in the district's Swedish."""
    await make_board(world)
    assert (await world.say(ADELE, "language english")).startswith("From now on I write to you in English")
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=True)
    first = world.slots()[0]
    notices_before = len(world.connector.posted)
    world.clock.now = first.due_at
    assert await world.poster.post(first.id) is Outcome.POSTED
    assert "Ur inläggsbanken" in world.threads()[0]
    notices = {
        p.conversation_id: str(p.body)
        for p in world.connector.posted[notices_before:]
        if p.conversation_id.startswith("a:personal")
    }
    assert "so I posted a prompt from the bank" in notices["a:personal-29:adele"]
    assert "ur banken" in notices["a:personal-29:megan"]
    assert "from the bank" not in notices["a:personal-29:megan"]


async def test_a_restart_lets_notices_under_way_finish_and_stops_what_takes_too_long(world: World) -> None:
    """A notice half sent when the server stops (a deploy, a restart) gets a few seconds to arrive; work
    still going after them is cancelled, so the process does stop."""
    finished: list[str] = []

    async def notice(seconds: float, name: str) -> None:
        await asyncio.sleep(seconds)
        finished.append(name)

    world.scheduler._in_background(notice(0.05, "quick"))
    world.scheduler._in_background(notice(60, "stuck"))
    await world.scheduler.drain(seconds=0.5)
    world.scheduler.shutdown()
    await asyncio.sleep(0.01)  # the cancelled one's callbacks
    assert finished == ["quick"] and not world.scheduler.background
