"""The Teams handler driven in-process through the bot's own SDK-neutral turn (tests/fakes/turns.py): every
command, both languages. The same on either SDK: no SDK is in between."""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from typing import Any

import pytest

from bot.app import plan_reviews_on
from bot.commands import Services, build_router
from bot.config import Settings
from bot.db.checkins import CheckInRepository
from bot.db.people import DistrictRepository, PeopleRepository
from bot.db.repository import Repository
from bot.sdk import Incoming, Message
from bot.services.checkins import Reporting
from bot.services.progress import Progress
from bot.teams import DistrictBot, message_text
from tests.conftest import fixed_clock
from tests.fakes.cards import text_of
from tests.fakes.turns import BOT, Chat, account, mention

# Give each chat its own conversation (activity ids are per chat).
_conversations = itertools.count(1)


def mentioning(
    text: str, people: Sequence[dict[str, Any]] = (), *, bot: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """`text` as Teams sends it, and its mention entities: each "@Name" of `people` as an <at> mention and,
    with `bot` (as in a channel, where the bot sees only what mentions it), the bot's mention first."""
    entities = [mention(BOT)] if bot else []
    for person in people:
        entities.append(mention(person))
        text = text.replace(f"@{person['name']}", f"<at>{person['name']}</at>")
    return (f"<at>{BOT['name']}</at> {text}" if bot else text), entities


def make_bot(settings: Settings, repository: Repository) -> DistrictBot:
    checkins = CheckInRepository(repository.db)
    services = Services(
        repository=repository,
        people=PeopleRepository(repository.db),
        checkins=checkins,
        progress=Progress(repository, checkins, settings.zone),
        reporting=Reporting(checkins),
        districts=DistrictRepository(repository.db),
        admins=frozenset(settings.admins),
        zone=settings.zone,
        plan_reviews=plan_reviews_on(repository),
    )
    return DistrictBot(router=build_router(), services=services, settings=settings, clock=fixed_clock)


CHAIR = account("29:chair", "Adele Vance", "aad-adele")


def adapter_for(
    bot: DistrictBot, *, channel: str = "msteams", locale: str = "sv-SE", **conversation: Any
) -> Chat:
    template = {
        "channelId": channel,
        "serviceUrl": "https://smba.example.invalid/emea/",
        "locale": locale,
        "conversation": {
            "id": conversation.pop("id", f"a:personal-{next(_conversations)}"),
            "conversationType": conversation.pop("kind", "personal"),
        },
        "from": CHAIR,
        "recipient": BOT,
    }
    return Chat(bot.on_turn, template)


def shown(reply: Message | None) -> str:
    """Everything a user would read in a reply: every string in its card, or its text (a card's message text
    is only its preview for notifications). Each run of text on a line of its own, as written: a card shows
    no markdown escapes."""
    assert reply is not None
    if reply.card is None:
        return reply.text
    strings: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("text", "title", "value") and isinstance(value, str):
                    strings.append(value.strip(" "))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(reply.card)
    return "\n".join(strings)


async def ask(adapter: Chat, text: str) -> Message:
    return await adapter.ask(text)


@pytest.fixture
def bot(settings: Settings, sample_repository: Repository) -> DistrictBot:
    return make_bot(settings, sample_repository)


@pytest.mark.parametrize(
    ("command", "locale"), [("mål", "sv-SE"), ("goals", "en-US"), ("MÅL", "sv-SE"), ("mal", "sv")]
)
async def test_goals_lists_every_goal_grouped_by_section(bot: DistrictBot, command: str, locale: str) -> None:
    reply = await ask(adapter_for(bot, locale=locale), command)
    card = reply.card
    assert card is not None
    assert card["type"] == "AdaptiveCard" and card["fallbackText"]
    text = shown(reply)
    assert "Zetkin" in text
    numbers = [
        row["inlines"][0]["text"]
        for block in card["body"]
        if block["type"] == "Container"
        for row in block["items"]
    ]
    assert numbers == [str(n) for n in range(1, 25)]
    headings = [
        text_of(b) for b in card["body"] if b.get("inlines") and b["inlines"][0].get("size") == "Medium"
    ]
    assert len(headings) == 5


async def test_goals_in_swedish_and_english_differ_in_language(bot: DistrictBot) -> None:
    swedish = shown(await ask(adapter_for(bot, locale="sv-SE"), "mål"))
    english = shown(await ask(adapter_for(bot, locale="en-US"), "goals"))
    assert "24 mål" in swedish and "24 goals" in english
    assert "Skriv ”mål 6”" in swedish and "Write “goal 6”" in english


@pytest.mark.parametrize(
    ("command", "locale", "expected"),
    [
        (
            "mål 6",
            "sv-SE",
            [
                "Mål 6",
                "Avsnitt",
                "Klart när",
                "minst 1",
                "per kvartal",
                "Framsteg",
                "0 av 1 ordförandemöte det här kvartalet",
            ],
        ),
        (
            "goal 6",
            "en-US",
            [
                "Goal 6",
                "Section",
                "Done when",
                "at least 1",
                "per quarter",
                "Progress",
                "0 of 1 chairs' meeting this quarter",
            ],
        ),
        ("mål #6", "sv-SE", ["Mål 6"]),
        ("mål nr 6", "sv-SE", ["Mål 6"]),
    ],
)
async def test_one_goal_in_full(bot: DistrictBot, command: str, locale: str, expected: list[str]) -> None:
    text = shown(await ask(adapter_for(bot, locale=locale), command))
    for part in expected:
        assert part in text, f"{part!r} missing from {text!r}"


async def test_a_goal_shows_who_the_plan_makes_responsible(
    bot: DistrictBot, sample_repository: Repository
) -> None:
    plan = sample_repository.plan("Vänsterpartiet Västernorrland")
    assert plan is not None
    named = next(g for g in plan.goals if g.text.startswith("Distriktsstyrelsen"))
    text = shown(await ask(adapter_for(bot), f"mål {named.number}"))
    assert "Ansvarig\nDistriktsstyrelsen" in text


@pytest.mark.parametrize(
    ("command", "locale"), [("mål 99", "sv-SE"), ("mål 0", "sv-SE"), ("goal 99", "en-US")]
)
async def test_a_goal_number_that_does_not_exist_is_explained(
    bot: DistrictBot, command: str, locale: str
) -> None:
    text = shown(await ask(adapter_for(bot, locale=locale), command))
    if locale == "sv-SE":
        assert "Det finns inget mål" in text and "1–24" in text and "skriv mål" in text
    else:
        assert "There is no goal 99" in text and "1–24" in text


@pytest.mark.parametrize(
    ("command", "locale"),
    [
        ("sök facebook", "sv-SE"),
        ("search FACEBOOK", "en-US"),
        ("sok Facebook", "sv-SE"),
        ("mål facebook", "sv-SE"),
    ],
)
async def test_search_finds_goals_by_word(bot: DistrictBot, command: str, locale: str) -> None:
    text = shown(await ask(adapter_for(bot, locale=locale), command))
    assert "Facebook" in text
    assert "1 mål nämner" in text or "1 goal mentions" in text


async def test_search_forgives_swedish_letters(bot: DistrictBot) -> None:
    with_letters = shown(await ask(adapter_for(bot), "sök följare"))
    without = shown(await ask(adapter_for(bot), "sok FOLJARE"))
    assert "1 mål nämner ”följare”" in with_letters
    assert "1 mål nämner ”FOLJARE”" in without
    assert with_letters.splitlines()[1:] == without.splitlines()[1:]


async def test_search_without_hits_or_words_says_what_to_do(bot: DistrictBot) -> None:
    assert "Inget mål nämner ”xyzzy”" in shown(await ask(adapter_for(bot), "sök xyzzy"))
    assert "Skriv ett ord att söka efter" in shown(await ask(adapter_for(bot), "sök"))


@pytest.mark.parametrize(
    ("command", "locale", "expected"),
    [("hjälp", "sv-SE", "Det här kan jag"), ("help", "en-US", "This is what I can do")],
)
async def test_help_lists_the_commands(bot: DistrictBot, command: str, locale: str, expected: str) -> None:
    text = shown(await ask(adapter_for(bot, locale=locale), command))
    assert expected in text
    for example in (
        ["mål 6", "sök medlemmar", "hjälp rapportera"]
        if locale == "sv-SE"
        else ["goal 6", "search members", "help report"]
    ):
        assert example in text


@pytest.mark.parametrize(
    ("command", "locale", "expected"),
    [
        ("hejdå", "sv-SE", "Jag känner inte till kommandot ”hejdå”."),
        ("måll", "sv-SE", "Menade du mål?"),
        ("måll 6", "sv-SE", "Menade du mål 6?"),
        ("serch facebook", "en-US", "Did you mean search facebook?"),
        ("kan jag få se mål 6", "sv-SE", "Menade du mål 6?"),
    ],
)
async def test_unknown_input_gets_a_short_hint(
    bot: DistrictBot, command: str, locale: str, expected: str
) -> None:
    assert expected in shown(await ask(adapter_for(bot, locale=locale), command))


async def test_a_locale_the_bot_does_not_speak_falls_back_to_the_districts_language(bot: DistrictBot) -> None:
    assert "Det här kan jag" in shown(await ask(adapter_for(bot, locale="de-DE"), "?"))


async def test_channels_without_cards_get_plain_text(bot: DistrictBot) -> None:
    reply = await ask(adapter_for(bot, channel="test"), "mål")
    assert reply.card is None
    assert "Zetkin" in reply.text and "  6. " in reply.text


async def test_in_a_channel_the_mention_is_stripped(bot: DistrictBot) -> None:
    adapter = adapter_for(bot, id="19:general@thread.tacv2;messageid=1", kind="channel")
    text, entities = mentioning("mål 6", bot=True)
    channel_data = {
        "team": {"id": "19:team@thread.tacv2"},
        "channel": {"id": "19:general@thread.tacv2"},
        "tenant": {"id": "t1"},
    }
    await adapter.receive_activity({"text": text, "entities": entities, "channelData": channel_data})
    assert "Mål 6" in shown(adapter.get_next_activity())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<at>Distriktsboten</at> mål", "mål"),
        ("<at>Distriktsboten</at>&nbsp;sök  facebook ", "sök facebook"),
        ("<at>Boten</at> hjälp", "hjälp"),  # renamed in the team: the leading mention is still the bot's
        ("mål <at>Megan Bowen</at>", "mål Megan Bowen"),
    ],
)
def test_message_text_strips_the_bots_mention(text: str, expected: str) -> None:
    activity = Incoming({"type": "message", "text": text, "recipient": BOT, "entities": [mention(BOT)]})
    assert message_text(activity) == expected


async def test_a_redelivered_activity_is_answered_once(bot: DistrictBot) -> None:
    adapter = adapter_for(bot)
    await adapter.receive_activity({"text": "mål", "id": "same-id"})
    await adapter.receive_activity({"text": "mål", "id": "same-id"})
    assert adapter.get_next_activity() is not None
    assert adapter.get_next_activity() is None


async def test_each_message_refreshes_the_stored_conversation_reference(
    bot: DistrictBot, sample_repository: Repository
) -> None:
    await ask(adapter_for(bot), "hjälp")
    [conversation] = sample_repository.conversations()
    assert conversation.kind == "personal"
    assert conversation.reference["conversation"]["id"].startswith("a:personal-")
    assert conversation.reference["bot"]["id"] == BOT["id"]


async def test_installation_stores_the_reference_and_removal_deactivates_it(
    bot: DistrictBot, sample_repository: Repository
) -> None:
    adapter = adapter_for(bot, id="19:general@thread.tacv2", kind="channel")
    await adapter.receive_activity(
        {
            "type": "installationUpdate",
            "action": "add",
            "channelData": {"team": {"id": "19:team"}, "channel": {"id": "19:general@thread.tacv2"}},
        }
    )
    assert adapter.get_next_activity() is None  # the conversationUpdate that follows carries the welcome
    [conversation] = sample_repository.conversations()
    assert (conversation.kind, conversation.team_id) == ("channel", "19:team")

    await adapter.receive_activity({"type": "installationUpdate", "action": "remove"})
    assert sample_repository.conversations() == []
    assert len(sample_repository.conversations(active_only=False)) == 1


async def test_being_added_to_a_group_chat_stores_the_reference(
    bot: DistrictBot, sample_repository: Repository
) -> None:
    adapter = adapter_for(bot, id="19:group@thread.v2", kind="groupChat")
    await adapter.receive_activity({"type": "conversationUpdate", "membersAdded": [BOT]})
    assert "Skriv hjälp" in shown(adapter.get_next_activity())
    [conversation] = sample_repository.conversations()
    assert conversation.kind == "groupChat"


async def test_a_card_submit_runs_the_command_it_names_or_gets_a_hint(bot: DistrictBot) -> None:
    adapter = adapter_for(bot)
    await adapter.receive_activity({"value": {"command": "mål 6"}})
    assert "Mål 6" in shown(adapter.get_next_activity())
    await adapter.receive_activity({"value": {"cmd": "more"}})
    assert shown(adapter.get_next_activity()) == "Skriv hjälp för att se vad jag kan göra."


async def test_a_district_without_a_plan_says_how_to_import_one(
    settings: Settings, repository: Repository
) -> None:
    bot = make_bot(settings, repository)
    text = shown(await ask(adapter_for(bot), "mål"))
    assert "har ingen verksamhetsplan inläst" in text and "python -m bot plan import" in text
    # The easier way first (a board member sends the file); the command runs when copied into a shell.
    assert "En styrelseledamot skickar den till mig som fil" in text
    assert text.endswith('--district "Vänsterpartiet Västernorrland"')


def test_conversation_reference_round_trips_through_json() -> None:
    reference = Incoming(
        {
            "type": "message",
            "id": "1",
            "channelId": "msteams",
            "serviceUrl": "https://smba/",
            "conversation": {"id": "c1", "tenantId": "t1"},
            "from": {"id": "u1"},
            "recipient": BOT,
        }
    ).reference()
    assert json.loads(json.dumps(reference)) == reference
