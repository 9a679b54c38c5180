"""The board's prompts as board members use them, through the real server: Teams-shaped activities POSTed to
/api/messages of the app `python -m bot` builds (create_app), in two channels of one team and in personal
chats, each person in their own Teams language; what the bot answers and the notices it starts are read
from a fake Bot Connector. A clock the tests move by hand; nothing depends on today's date.

Megan's Teams is in Swedish, Adele's in English: the notices the bot starts reach each in their own language.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import COMPONENTS, SCHEDULER, create_app
from bot.config import Settings
from bot.services.prompting import PromptSlot, SlotStatus
from tests.conftest import Clock
from tests.fakes.activities import BOT_ID, BOT_NAME
from tests.fakes.cards import text_of
from tests.fakes.connector import FakeConnector, Posted

TEAM = "19:team@thread.tacv2"
GENERAL = TEAM  # in Teams the General channel's id is the team's
CHAIRS = "19:ordforande@thread.tacv2"
# Sunday 22 November 2026, 10:00 in Stockholm.
START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
_ids = itertools.count(1)


@dataclass(frozen=True)
class Who:
    id: str
    name: str
    locale: str

    @property
    def chat(self) -> str:
        return f"a:personal-{self.id}"


ADMIN = Who("29:admin", "Alex Wilber", "sv-SE")
MEGAN = Who("29:megan", "Megan Bowen", "sv-SE")
ADELE = Who("29:adele", "Adele Vance", "en-US")
LARS = Who("29:lars", "Lars Nilsson", "sv-SE")
JONAS = Who("29:jonas", "Jonas", "sv-SE")


def activity(
    who: Who, text: str, *, channel: str | None, mentions: tuple[Who, ...], locale: str
) -> dict[str, Any]:
    """A message as Teams sends it: in a channel it @mentions the bot; each "@Name" of `mentions` is a
    mention."""
    entities = []
    for person in mentions:
        text = text.replace(f"@{person.name}", f"<at>{person.name}</at>")
        entities.append(
            {
                "type": "mention",
                "text": f"<at>{person.name}</at>",
                "mentioned": {"id": person.id, "name": person.name},
            }
        )
    base: dict[str, Any] = {
        "type": "message",
        "id": f"activity-{next(_ids)}",
        "channelId": "msteams",
        "timestamp": "2026-11-22T09:00:00.000Z",
        "locale": locale,
        "from": {"id": who.id, "name": who.name, "aadObjectId": f"aad-{who.id[3:]}"},
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "entities": entities,
    }
    if channel is None:
        return base | {
            "text": text,
            "conversation": {"id": who.chat, "conversationType": "personal", "tenantId": "t1"},
            "channelData": {"tenant": {"id": "t1"}},
        }
    entities.insert(
        0, {"type": "mention", "text": f"<at>{BOT_NAME}</at>", "mentioned": {"id": BOT_ID, "name": BOT_NAME}}
    )
    return base | {
        "text": f"<at>{BOT_NAME}</at> {text}",
        "conversation": {
            "id": f"{channel};messageid={next(_ids)}",
            "conversationType": "channel",
            "isGroup": True,
            "tenantId": "t1",
        },
        "channelData": {
            "teamsChannelId": channel,
            "teamsTeamId": TEAM,
            "channel": {"id": channel},
            "team": {"id": TEAM},
            "tenant": {"id": "t1"},
        },
    }


def read(body: dict[str, Any]) -> str:
    """What a person reads: a card's lines, or the text. A card shows no markdown escapes."""
    attachments = body.get("attachments") or []
    if not attachments:
        return str(body.get("text") or "")
    card = attachments[0]["content"]
    shown = json.dumps(card["body"], ensure_ascii=False)
    assert '"TextBlock"' not in shown and '"FactSet"' not in shown, "markdown-reading elements in a card"
    assert "\\\\" not in shown, f"a markdown escape in a card: {shown}"
    return "\n".join(filter(None, (text_of(block) for block in card["body"])))


@dataclass
class World:
    client: TestClient
    connector: FakeConnector
    clock: Clock

    async def say(
        self,
        who: Who,
        text: str,
        *,
        channel: str | None = None,
        mentions: tuple[Who, ...] = (),
        locale: str | None = None,
    ) -> str:
        sent = activity(who, text, channel=channel, mentions=mentions, locale=locale or who.locale)
        sent["serviceUrl"] = self.connector.url
        response = await self.client.post("/api/messages", json=sent)
        assert response.status in (200, 201), await response.text()
        reply = await self.eventually(
            lambda: [p for p in self.connector.posted if p.path.endswith(f"/activities/{sent['id']}")]
        )
        return read(reply[0].body)

    async def eventually(self, found: Callable[[], list[Posted]], within: float = 10.0) -> list[Posted]:
        for _ in range(int(within / 0.01)):
            if result := found():
                return result
            await asyncio.sleep(0.01)
        raise AssertionError("timed out")

    def notices(self, who: Who, since: int = 0) -> list[str]:
        """What the bot started in `who`'s personal chat (not answers to them)."""
        return [
            read(p.body)
            for p in self.connector.posted[since:]
            if p.conversation_id == who.chat and p.path.endswith("/activities")
        ]

    async def settle(self) -> None:
        """Wait for the notices and posts the server sends in the background."""
        await asyncio.gather(*self.client.app[SCHEDULER].background)

    async def reminded(self, when: datetime) -> int:
        """How many owners the reminders at `when` reach."""
        self.clock.now = when
        sent = await self.client.app[SCHEDULER].poster.remind_owners()
        await self.settle()
        return sent

    def slots(self) -> list[PromptSlot]:
        return self.client.app[COMPONENTS].prompts.slots(after=START - timedelta(days=1), limit=200)

    def slot_at(self, day: int, month: int, hour: int) -> PromptSlot:
        """The slot due on this day at this hour (Stockholm, CET: UTC+1)."""
        year = 2026 if month >= 11 else 2027
        due = datetime(year, month, day, hour - 1, tzinfo=UTC)
        [slot] = [s for s in self.slots() if s.due_at == due]
        return slot


@pytest.fixture
async def world(settings: Settings, connector: FakeConnector) -> AsyncIterator[World]:
    settings = settings.model_copy(update={"admins": ["aad-admin"]})
    clock = Clock(START)
    with clock.whole_process():
        client = TestClient(TestServer(create_app(settings, clock=clock), host="127.0.0.1"))
        await client.start_server()
        world = World(client, connector, clock)
        try:
            for person in (ADMIN, MEGAN, ADELE, LARS, JONAS):  # each has a personal chat with the bot
                await world.say(person, "hjälp")
            await world.say(ADMIN, "hjälp", channel=GENERAL)
            await world.say(ADMIN, "hjälp", channel=CHAIRS)
            answer = await world.say(
                ADMIN,
                "roll styrelse @Megan Bowen @Adele Vance @Lars Nilsson @Jonas",
                mentions=(MEGAN, ADELE, LARS, JONAS),
            )
            assert answer.endswith("nu i styrelsen.")
            yield world
        finally:
            await client.close()


async def two_channels(world: World) -> None:
    assert (await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)).startswith("Inlägg publiceras")
    assert (
        await world.say(ADELE, "schedule first tuesday at 19", channel=CHAIRS, locale="en-US")
    ).startswith("Prompts will be posted")


# --- texts set aside: asked first, owners and writers told ------------------------------------------------


async def test_skipping_a_written_text_asks_first_and_tells_its_owner_and_writer(world: World) -> None:
    """A board member who skips a slot someone wrote a text for means to drop that post, not their work:
    the bot says whose text it is and asks; once they say yes, the owner and the writer are told, and the
    writer gets the text back."""
    await two_channels(world)
    first = world.slot_at(1, 12, 18)
    assert first.owner_name == "Megan Bowen"
    await world.say(ADELE, f"write {first.id} How do we reach more young people?")

    asked = await world.say(LARS, f"hoppa {first.id}")
    assert asked.startswith("Det här lägger en text som redan är skriven åt sidan; den publiceras inte:")
    assert f"#{first.id} tisdag 1 december kl. 18.00, Megan Bowens tur: text av Adele Vance" in asked
    assert asked.endswith(f"hoppa {first.id} ja")
    assert world.slot_at(1, 12, 18).status is SlotStatus.PLANNED  # nothing changed yet

    before = len(world.connector.posted)
    done = await world.say(LARS, f"hoppa {first.id} ja")  # a personal chat: which channel it was in
    assert done.startswith(
        f"#{first.id} i Allmänt hoppas över; inget publiceras då. "
        f"Vill du publicera det ändå: hoppa inte {first.id}. 1 skriven text läggs åt sidan"
    )
    await world.settle()
    assert world.slot_at(1, 12, 18).status is SlotStatus.SKIPPED
    [to_megan] = world.notices(MEGAN, before)
    assert to_megan.startswith(
        f"Lars Nilsson hoppade över #{first.id} (tisdag 1 december kl. 18.00, Allmänt)"
    )
    assert to_megan.endswith(
        "så texten av Adele Vance publiceras inte. Här är den, sparad: ”How do we reach more young people?”"
    )
    [to_adele] = world.notices(ADELE, before)  # in her language
    assert to_adele.startswith(f"Lars Nilsson skipped #{first.id} (Tuesday 1 December at 18:00, General)")
    assert "How do we reach more young people?" in to_adele
    assert world.notices(LARS, before) == []  # who did it knows
    kept = await world.say(ADELE, f"preview {first.id}", locale="en-US")  # the text is still there to see
    assert "How do we reach more young people?" in kept and kept.endswith(
        f"#{first.id} is skipped: it is kept but not posted. To post it after all: unskip {first.id}"
    )


async def test_a_text_written_over_anothers_is_sent_back_to_its_writer(world: World) -> None:
    """Writing a new text where a colleague wrote one replaces theirs; nothing is lost: they get it back."""
    await two_channels(world)
    first = world.slot_at(1, 12, 18)
    await world.say(ADELE, f"write {first.id} Where should our municipality build homes?")
    before = len(world.connector.posted)
    answer = await world.say(MEGAN, f"skriv {first.id} Var ska kommunen bygga bostäder?")
    assert answer == (
        f"Texten till #{first.id} är sparad; inlägget publiceras på sin tid. "
        "Den ersätter texten av Adele Vance, som har fått sin text skickad till sig."
    )
    await world.settle()
    [back] = world.notices(ADELE, before)
    assert back == (
        f"Megan Bowen wrote a new text for #{first.id} (Tuesday 1 December at 18:00, General) "
        "in place of yours. "
        "Yours, kept here: “Where should our municipality build homes?”"
    )
    # Rewriting one's own text tells nobody.
    before = len(world.connector.posted)
    assert (await world.say(MEGAN, f"skriv {first.id} Var ska vi bygga?")).endswith(
        "inlägget publiceras på sin tid."
    )
    await world.settle()
    assert world.notices(ADELE, before) == world.notices(MEGAN, before) == []


async def test_stopping_a_schedule_and_a_pause_ask_before_setting_texts_aside(world: World) -> None:
    """The same in English: stopping the schedule and pausing over a written text."""
    await two_channels(world)
    first = world.slot_at(1, 12, 18)
    await world.say(MEGAN, f"skriv {first.id} Vad ska vi kräva av regionen?")

    asked = await world.say(ADELE, "pause 2026-11-30 2026-12-10", channel=GENERAL, locale="en-US")
    assert asked.startswith("This sets aside a text already written; it will not be posted:")
    assert f"#{first.id} Tuesday 1 December at 18:00, Megan Bowen’s turn: text by Megan Bowen" in asked
    assert asked.endswith("pause 2026-11-30 2026-12-10 yes")
    before = len(world.connector.posted)
    paused = await world.say(ADELE, "pause 2026-11-30 2026-12-10 yes", channel=GENERAL, locale="en-US")
    assert paused.startswith("Paused 30 Nov–10 Dec 2026: 1 prompt set aside. To lift the pause: pause end")
    await world.settle()
    # Megan's text waits; and dealt anew after the pause, a turn is hers (told apart)
    # (and #3, which she was told was hers when the second schedule dealt the turns, is now Jonas's)
    notices = world.notices(MEGAN, before)
    [told] = [notice for notice in notices if "så texten" in notice]
    [away] = [notice for notice in notices if "inte längre ditt" in notice]
    [dealt] = [notice for notice in notices if "är nu ditt" in notice]
    assert len(notices) == 3, notices
    assert away.endswith(
        "(nu Jonas)\nDu behöver inte skriva det. Se när det är din tur nästa gång med: kommande"
    )
    assert told.startswith(
        "Adele Vance pausade inläggen i Allmänt 30 nov.–10 dec. 2026, så texten av Megan Bowen"
    )
    assert dealt.startswith(  # who did what, not "after a change to the schedule"
        "Adele Vance pausade inläggen i Allmänt 30 nov.–10 dec. 2026, så turerna delades ut på nytt; ett "
        "diskussionsinlägg är nu ditt:"
    ), dealt

    second = world.slot_at(15, 12, 18)
    await world.say(LARS, f"skriv {second.id} Hur bygger vi föreningen?")
    asked = await world.say(ADELE, "schedule stop", channel=GENERAL, locale="en-US")
    assert f"#{second.id} Tuesday 15 December at 18:00, Adele Vance’s turn: text by Lars Nilsson" in asked
    assert f"#{first.id} " in asked  # the paused text would be dropped too
    assert asked.endswith("schedule stop yes")
    assert len(world.client.app[COMPONENTS].prompts.schedules()) == 2
    before = len(world.connector.posted)
    stopped = await world.say(ADELE, "schedule stop yes", channel=GENERAL, locale="en-US")
    assert stopped.startswith("The schedule in this channel is stopped")
    assert (
        "2 written texts are set aside and kept. "
        "The texts are sent to Megan Bowen and Lars Nilsson in a personal chat.\n"
    ) in stopped, stopped
    await world.settle()
    # (any other notice to Lars: a turn he was told was his after the pause, dealt away by the stop)
    [to_lars] = [n for n in world.notices(LARS, before) if "inte längre ditt" not in n]
    assert (
        "Adele Vance stoppade schemat för inlägg i Allmänt" in to_lars
        and "Hur bygger vi föreningen?" in to_lars
    )
    assert any("Vad ska vi kräva av regionen?" in n for n in world.notices(MEGAN, before))
    assert world.notices(ADELE, before) == []


async def test_a_pause_is_lifted_and_a_past_or_nonsense_date_is_refused(world: World) -> None:
    await two_channels(world)
    general = (
        "Inlägg är schemalagda i 2 kanaler: Allmänt; kanalen med inlägg första tisdagen i månaden kl. 19.00."
    )
    assert (await world.say(MEGAN, "paus 20/12 6/1")).startswith(general)  # which channel?
    answer = await world.say(MEGAN, "paus 10/12 6/1", channel=GENERAL)
    assert answer.startswith(
        "Paus 10 dec. 2026–6 jan. 2027: 1 inlägg har lagts åt sidan. "
        "Vill du häva pausen skriver du: paus slut\n"
        "Obs! Planen kräver inlägg minst två gånger i månaden, och med pausen får kanalen 1 inlägg i "
        "december 2026.\nTurerna delas ut på nytt"  # the rota closes the gap
    ), answer
    assert world.slot_at(15, 12, 18).status is SlotStatus.PAUSED
    assert world.slot_at(15, 1, 18).status is SlotStatus.PLANNED  # after the pause
    assert "Paus: 10 dec. 2026–6 jan. 2027" in await world.say(MEGAN, "paus", channel=GENERAL)
    nothing = await world.say(
        MEGAN, "paus 20/12 31/12", channel=CHAIRS
    )  # no prompt in the chairs' channel then
    assert nothing == (
        "Paus 20–31 dec. 2026: inget av de inlägg som hittills är planerade infaller då. "
        "Vill du häva pausen skriver du: paus slut"
    )

    for words, why in [
        (
            "paus 2026-01-01 2026-02-01",
            "1 jan. 2026 har redan varit; en paus börjar i dag (22 nov. 2026) eller senare.",
        ),
        ("paus 1/11 30/11", "1 nov. 2026 har redan varit"),  # under way: not quietly shortened
        ("paus 31/2 1/3", "”31/2” är inte ett datum."),
        ("paus 2027-03-01 2027-02-01", "Pausen slutar innan den börjar"),
        ("paus 2027-01-01 2028-06-01", "En paus är högst ett år"),
        ("paus tills vidare", "Skriv perioden, t.ex. paus 15/6 15/8, paus v. 28–32 eller paus juli–augusti"),
    ]:
        assert why in await world.say(MEGAN, words, channel=GENERAL), words

    world.clock.now = datetime(2026, 12, 12, 9, 0, tzinfo=UTC)  # in the pause
    lifted = await world.say(ADELE, "pause end", channel=GENERAL, locale="en-US")
    assert lifted.startswith(
        "The pause 10 Dec 2026–6 Jan 2027 is lifted: 1 prompt is planned again.\nTurns dealt anew"
    ), lifted
    assert world.slot_at(15, 12, 18).status is SlotStatus.PLANNED  # with its owner
    assert world.slot_at(15, 12, 18).owner_name == "Lars Nilsson"  # the district's third turn
    assert "Det finns ingen paus att häva." == await world.say(MEGAN, "paus slut", channel=GENERAL)
    assert "There is no pause to lift." == await world.say(ADELE, "resume", channel=GENERAL, locale="en-US")
    world.clock.now = datetime(2026, 12, 28, 9, 0, tzinfo=UTC)  # in the chairs' pause, with nothing in it
    assert await world.say(MEGAN, "paus slut", channel=CHAIRS) == "Pausen 20–31 dec. 2026 är hävd."


# --- which channel ---------------------------------------------------------------------------------------


async def test_in_a_personal_chat_upcoming_and_reminders_name_the_channel(world: World) -> None:
    await two_channels(world)
    mine = await world.say(MEGAN, "kommande")
    assert "Allmänt\n#1  tisdag 1 december kl. 18.00 · Megan Bowen · ingen text än" in mine, mine
    assert (  # one rota for the board: the next turn, whichever channel it is in
        "Kanalen med inlägg första tisdagen i månaden kl. 19.00\n"
        "#4  tisdag 1 december kl. 19.00 · Adele Vance · ingen text än" in mine
    ), mine
    here = await world.say(MEGAN, "kommande", channel=GENERAL)
    assert "tisdag 1 december kl. 18.00 · Megan Bowen · ingen text än" in here and "Allmänt" not in here
    chairs = world.slot_at(1, 12, 19)
    assert (
        "\nPlanerat till tisdag 1 december kl. 19.00 i kanalen med inlägg första tisdagen i månaden "
        "kl. 19.00.\nIngen text är skriven än"
    ) in await world.say(MEGAN, f"visa {chairs.id}")
    assert "Planerat till" not in await world.say(MEGAN, f"visa {chairs.id}", channel=CHAIRS)
    asked = await world.say(ADELE, f"post {chairs.id}", locale="en-US")
    assert asked.endswith(
        f"post {chairs.id} yes It goes to the channel with prompts on the first Tuesday of the month "
        "at 19:00."
    )

    first = world.slot_at(1, 12, 18)
    world.clock.now = first.due_at - timedelta(days=2)
    before = len(world.connector.posted)
    await world.client.app[SCHEDULER].poster.remind_owners()
    assert world.notices(MEGAN, before) == [
        f"Din tur: diskussionsinlägg #{first.id} publiceras tisdag 1 december kl. 18.00 i Allmänt. "
        f"Skriv texten här: skriv {first.id} DIN TEXT. Annars publicerar jag ett inlägg ur banken."
    ]
    [to_adele] = world.notices(ADELE, before)  # in her language
    assert to_adele.startswith(
        f"Your turn: the discussion prompt #{chairs.id} is posted Tuesday 1 December at 19:00 in the channel "
        "with prompts on the first Tuesday of the month at 19:00."
    )
    second = world.slot_at(15, 12, 18)
    world.clock.now = second.due_at - timedelta(days=2)
    await world.client.app[SCHEDULER].poster.remind_owners()
    assert world.notices(LARS, before) == [
        f"Din tur: diskussionsinlägg #{second.id} publiceras tisdag 15 december kl. 18.00 i Allmänt. "
        f"Skriv texten här: skriv {second.id} DIN TEXT. Annars publicerar jag ett inlägg ur banken."
    ]


async def test_approval_and_pause_act_on_one_channels_schedule(world: World) -> None:
    await two_channels(world)
    prompts = world.client.app[COMPONENTS].prompts
    asked = await world.say(MEGAN, "godkännande på")
    assert asked.startswith("Inlägg är schemalagda i 2 kanaler")
    assert not any(s.approval_required for s in prompts.schedules())
    answer = await world.say(ADELE, "approval on", channel=CHAIRS, locale="en-US")
    assert answer.startswith(
        "From now on another board member approves each text before it is posted in the channel"
    )
    assert {s.conversation_id: s.approval_required for s in prompts.schedules()} == {
        GENERAL: False,
        CHAIRS: True,
    }
    await world.say(MEGAN, "schema stopp", channel=CHAIRS)
    # One schedule left: a personal chat acts on it.
    assert "utan godkännande" in await world.say(MEGAN, "godkännande av")
    assert (await world.say(MEGAN, "paus 2027-06-15 2027-08-15")).startswith("Paus 15 juni–15 aug. 2027:")


# --- handovers and posting early ----------------------------------------------------------------------------


async def test_new_owners_are_told_when_a_slot_is_given_and_when_its_owner_leaves_the_board(
    world: World,
) -> None:
    await two_channels(world)
    first = world.slot_at(1, 12, 18)
    before = len(world.connector.posted)
    assert (
        await world.say(MEGAN, f"ge {first.id} @Adele Vance", mentions=(ADELE,))
        == f"#{first.id} är nu Adele Vances tur."
    )
    await world.settle()
    [given] = world.notices(ADELE, before)
    assert given == (
        f"Megan Bowen gave you the discussion prompt #{first.id}, posted Tuesday 1 December at 18:00 "
        "in General. "
        f"Write it here with: write {first.id} YOUR TEXT"
    )
    assert (
        await world.say(MEGAN, f"ge {first.id} @Jonas", mentions=(JONAS,)) == f"#{first.id} är nu Jonas tur."
    )
    await world.settle()  # Jonas is told in the background

    lars = [s for s in world.slots() if s.owner_name == "Lars Nilsson" and s.status is SlotStatus.PLANNED]
    assert lars
    before = len(world.connector.posted)
    await world.say(ADMIN, "roll bort styrelse @Lars Nilsson", mentions=(LARS,))
    await world.settle()
    now_theirs = {s.id: s.owner_name for s in world.slots() if s.id in {x.id for x in lars}}
    for who in (MEGAN, ADELE, JONAS):  # one message each, in their language, naming every slot they took
        theirs = [slot_id for slot_id, owner in now_theirs.items() if owner == who.name]
        # (turns dealt anew among those left are told apart: tests/stories/test_board_turns_fair.py)
        told = [n for n in world.notices(who, before) if "left the board" in n or "lämnat styrelsen" in n]
        if not theirs:
            assert told == []
            continue
        [notice] = told
        english = (
            "are now yours, as their owners left the board:" if len(theirs) > 1 else "is now yours, as its"
        )
        swedish = (
            "är nu dina, eftersom de som hade dem"
            if len(theirs) > 1
            else "är nu ditt, eftersom den som hade det"
        )
        assert (english if who is ADELE else swedish) in notice, notice
        assert all(f"#{slot_id} " in notice for slot_id in theirs) and "Lars Nilsson" in notice
    assert world.notices(LARS, before) == []  # who did it knows


async def test_a_text_posted_early_is_told_to_its_writer_and_all_done_says_when_the_next_comes(
    world: World,
) -> None:
    await two_channels(world)
    chairs = [s for s in world.slots() if s.due_at.hour == 18]  # 19:00 in Stockholm
    assert len(chairs) == 2  # 1 December and 5 January within the two months laid out
    await world.say(LARS, f"skriv {chairs[0].id} Vad behöver ordförandena av distriktet?")
    await world.say(JONAS, f"skriv {chairs[1].id} Hur går det med medlemsvärvningen?")

    before = len(world.connector.posted)
    assert (
        await world.say(MEGAN, f"posta {chairs[0].id} ja", channel=CHAIRS) == f"Publicerar #{chairs[0].id} …"
    )
    await world.settle()
    [to_lars] = world.notices(LARS, before)
    assert to_lars == (
        f"Megan Bowen publicerade #{chairs[0].id} (tisdag 1 december kl. 19.00, kanalen med inlägg första "
        "tisdagen i månaden kl. 19.00, Adele Vances tur) nu, före sin tid. Det gick ut med din text, "
        "undertecknat ”Skrivet av Lars Nilsson”."
    )
    await world.say(MEGAN, f"posta {chairs[1].id} ja", channel=CHAIRS)
    await world.settle()

    listing = await world.say(MEGAN, "kommande", channel=CHAIRS)
    assert listing == (
        "Alla inlägg som hittills är planerade är publicerade eller lagda åt sidan; "
        "nästa publiceras tisdag 2 februari kl. 19.00."
    )
    history = await world.say(MEGAN, "historik", channel=CHAIRS)
    assert "Lars Nilssons text" in history and "Jonas text" in history
    assert "kanalen med inlägg" not in history  # here: the channel's own
    await world.say(MEGAN, f"posta {world.slot_at(1, 12, 18).id} ja", channel=GENERAL)
    await world.settle()
    everywhere = await world.say(MEGAN, "historik")  # a personal chat: which channel each was in, once
    chairs_posts, general_posts = everywhere.split("\nAllmänt\n")
    assert chairs_posts.count("\nKanalen med inlägg första tisdagen i månaden kl. 19.00\n") == 1, everywhere
    assert "Lars Nilssons text" in chairs_posts and "Jonas text" in chairs_posts, everywhere
    assert "publicerat · ur banken" in general_posts and "kanalen med inlägg" not in general_posts
    assert "ansvarig" not in history
    stale = await world.say(MEGAN, f"posta {chairs[0].id}", channel=CHAIRS)
    assert stale == f"#{chairs[0].id} är redan publicerat. Inget inlägg är planerat nu."


# --- numbers and lengths --------------------------------------------------------------------------------


async def test_stale_numbers_are_refused_saying_why_and_which_are_open(world: World) -> None:
    await two_channels(world)
    first, second, third = [s for s in world.slots() if s.due_at.hour == 17][:3]  # General, 18:00
    await world.say(MEGAN, f"posta {first.id} ja", channel=GENERAL)
    await world.settle()
    open_now = f"Planerade inlägg: #{second.id}, #{third.id}"
    for words in (
        f"byt {first.id} {second.id}",
        f"visa {first.id}",
        f"posta {first.id}",
        f"skriv {first.id} Fråga?",
    ):
        answer = await world.say(MEGAN, words, channel=GENERAL)
        assert answer.startswith(f"#{first.id} är redan publicerat. {open_now}"), (words, answer)
    given = await world.say(MEGAN, f"ge {first.id} @Adele Vance", mentions=(ADELE,), channel=GENERAL)
    assert given.startswith(f"#{first.id} är redan publicerat.")

    await world.say(MEGAN, "schema 3 och 17 kl 18", channel=GENERAL)  # 15 December leaves, unwritten
    gone = await world.say(ADELE, f"preview {second.id}", locale="en-US")
    assert gone.startswith(f"#{second.id} was cancelled: its day left the schedule, or the schedule stopped.")
    assert "Open prompts: #" in gone
    assert (await world.say(MEGAN, "visa 999999")).startswith(
        "Det finns inget inlägg #999999. Planerade inlägg: #"
    )


async def test_the_length_limit_counts_the_text_not_the_command(world: World) -> None:
    await two_channels(world)
    first = world.slot_at(1, 12, 18)
    full = "å" * 2000
    assert (
        await world.say(MEGAN, f"skriv {first.id} {full}")
        == f"Texten till #{first.id} är sparad; inlägget publiceras på sin tid."
    )
    assert world.slot_at(1, 12, 18).text == full
    assert (await world.say(ADELE, f"write {first.id} {full}x", locale="en-US")) == (
        "The text is too long (2001 characters; at most 2000)."
    )


async def test_a_schedule_is_shown_back_in_plain_swedish(world: World) -> None:
    answer = await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    assert "Alla tider anges i svensk tid." in answer and "Europe/" not in answer
    changed = await world.say(MEGAN, "schema 1 och 15 kl 19", channel=GENERAL)
    assert "Av de kommande inläggen: 3 behåller sin dag." in changed
    english = await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    assert "Of the upcoming prompts: 3 keep their day." in english and "Times are in Swedish time." in english
