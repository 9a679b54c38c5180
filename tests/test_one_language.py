"""Every reply in one language: every command walked through the real server, in Swedish and in English.

A Swede on an English client, an English speaker and a Swede on a Swedish client each read every reply in
one language: no Swedish word in an English reply (units, area names, "Distriktet", labels), no English one
in a Swedish reply, no message left untranslated, no time zone's name. The plan's own names (the district,
its branches) and people's names are names in both.

The vocabularies are the catalogues' own: a word only the Swedish translations use is Swedish, a word only
the English messages use is English. The mechanical classes of the Swedish catalogue are checked too:
genitives of names, agreement with "inlägg", one word for a discussion post.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer
from babel.messages.pofile import read_po

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.i18n import LOCALES, genitive, translator
from bot.services.people import PersonInfo, Role
from tests.conftest import NOW, fixed_clock
from tests.fakes.chat import ask, reply_text
from tests.fakes.connector import FakeConnector

DISTRICT = "Vänsterpartiet Västernorrland"
MEGAN = PersonInfo("29:user-megan", "aad-megan", "Megan Bowen")  # who tests/fakes/activities.py writes as
# Names, not words of either language.
NAMES = (
    DISTRICT,
    "Västernorrland",
    "Sundsvall",
    "Härnösand",
    "Megan Bowen",
    "29:user-megan",
    "aad-megan",
    "Zetkin",
)
# (command, in a channel?) in each language; {n} is the number of the first discussion post.
WALK = {
    "sv": [
        ("språk svenska", False),  # her Teams is in English: `status`, `bank` would follow it
        ("schema 1 och 15 kl 18", True),
        ("mål", False),
        ("mål 6", False),
        ("mål 12", False),
        ("mål 22", False),
        ("sök medlemmar", False),
        ("status", False),
        ("status Sundsvall", False),
        ("roller", False),
        ("rapportera 6 1 möte i Sundsvall", False),
        ("rapportera 22 1 feminism studiecirkel", False),
        ("mina rapporter", False),
        ("mina mål", False),
        ("ändra 1 2 två möten", False),
        ("ångra 1", False),
        ("mina data", False),
        ("glöm mig", False),
        ("distrikt", False),
        ("språk", False),
        ("hjälp", False),
        ("hjälp rapportera", False),
        ("hjälp schema", False),
        ("ansvarig 12 @Megan Bowen", False),
        ("exportera 2026", False),
        ("schema", True),
        ("kommande", False),
        ("byt {n} {m}", False),
        ("hoppa {m}", False),
        ("paus 2027-06-15 2027-08-15", True),
        ("skriv {n} Vad vill vi att regionen gör för kollektivtrafiken?", False),
        ("godkännande på", False),
        ("godkänn {n}", False),
        ("historik", False),
        ("visa {n}", False),
        ("posta {n}", False),
        ("bank", False),
        ("roll styrelse @Megan Bowen", False),
        ("hej", False),
        ("tack", False),
        ("vad är mål 6?", False),
        ("hur går det för Sundsvall?", False),
        ("måll 6", False),
        ("rapportera 22 1 miljö", False),  # an area by its Swedish name
    ],
    "en": [
        ("language english", False),
        ("schedule 1 and 15 at 18", True),
        ("goals", False),
        ("goals 6", False),
        ("goals 12", False),
        ("goals 22", False),
        ("search members", False),
        ("status", False),
        ("status Sundsvall", False),
        ("roles", False),
        ("report 6 1 meeting in Sundsvall", False),
        ("report 22 1 feminism study circle", False),
        ("my reports", False),
        ("my goals", False),
        ("correct 1 2 two meetings", False),
        ("withdraw 1", False),
        ("my data", False),
        ("forget me", False),
        ("district", False),
        ("language", False),
        ("help", False),
        ("help report", False),
        ("help schedule", False),
        ("responsible 12 @Megan Bowen", False),
        ("export 2026", False),
        ("schedule", True),
        ("upcoming", False),
        ("swap {n} {m}", False),
        ("skip {m}", False),
        ("pause 2027-06-15 2027-08-15", True),
        ("write {n} What should the region do about public transport?", False),
        ("approval on", False),
        ("approve {n}", False),
        ("history", False),
        ("preview {n}", False),
        ("post {n}", False),
        ("bank", False),
        ("role board @Megan Bowen", False),
        ("hello", False),
        ("thanks", False),
        ("what is goal 6?", False),
        ("how is Sundsvall doing?", False),
        ("goalz 6", False),
        ("report 22 1 environment", False),  # and by its English one
    ],
}
# The other language's client: the command's own language must decide.
CLIENT = {"sv": "en-US", "en": "sv-SE"}
# Words both languages write, each meaning its own ("men": but / men; "finns": exists / Finns).
BOTH = frozenset({"men", "finns"})
URL = re.compile(r"https?://\S+")
WORD = re.compile(r"[^\W\d_]{3,}")
ZONE_NAME = re.compile(r"\b(?:Europe|America|Asia|Africa|Australia|Etc)/\w+|\bUTC\b|\bCES?T\b")


def catalogue(language: str) -> dict[str, str]:
    with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        found: dict[str, str] = {}
        for message in read_po(po):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            for index, text in enumerate(texts):
                found[ids[min(index, len(ids) - 1)] + ("" if index == 0 else f"#{index}")] = text
        return found


def words(text: str) -> set[str]:
    bare = URL.sub(" ", re.sub(r"\{\w+\}", " ", text))
    return {word.lower() for word in WORD.findall(bare)} - BOTH


def vocabularies() -> dict[str, set[str]]:
    """The words only one language's messages use."""
    swedish = catalogue("sv")
    in_swedish = set().union(*(words(text) for text in swedish.values()))
    in_english = set().union(*(words(re.sub(r"#\d+$", "", message)) for message in swedish))
    return {"sv": in_swedish - in_english, "en": in_english - in_swedish}


@pytest.fixture
async def replies(settings: Settings, connector: FakeConnector) -> AsyncIterator[dict[str, list[str]]]:
    """Each language's replies to its WALK, from a board member, chair and administrator."""
    found: dict[str, list[str]] = {}
    for language, walk in WALK.items():
        app = create_app(
            settings.model_copy(
                update={
                    "admins": ["aad-megan"],
                    "language": language,
                    "database_url": settings.database_url.replace(".db", f"-{language}.db"),
                }
            ),
            clock=fixed_clock,
        )
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        try:
            people = client.app[COMPONENTS].people
            people.grant(MEGAN, DISTRICT, Role.BOARD, now=NOW)
            people.grant(MEGAN, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
            found[language] = [
                await _say(client, connector, text, channel, language) for text, channel in walk
            ]
        finally:
            await client.close()
    yield found


async def _say(client: TestClient, connector: FakeConnector, text: str, channel: bool, language: str) -> str:
    slots = client.app[COMPONENTS].prompts.slots(after=NOW, limit=3)
    numbers = {"n": slots[0].id, "m": slots[1].id} if len(slots) > 1 else {}
    if "@" in text:
        return text  # mentions need entities: covered by the commands' own tests
    answer = reply_text(
        await ask(client, connector, text.format(**numbers), channel=channel, locale=CLIENT[language])
    )
    return answer


def without_names(text: str) -> str:
    for name in NAMES:
        text = text.replace(name, " ")
    return text


async def test_no_reply_mixes_in_the_other_language(replies: dict[str, list[str]]) -> None:
    vocabulary = vocabularies()
    mixed = {}
    for language, answers in replies.items():
        other = vocabulary["en" if language == "sv" else "sv"]
        for (text, _), answer in zip(WALK[language], answers, strict=True):
            stray = words(without_names(answer)) & other
            if stray:
                mixed[f"{language}: {text}"] = sorted(stray)
    assert mixed == {}


async def test_no_swedish_reply_holds_an_untranslated_message(replies: dict[str, list[str]]) -> None:
    swedish = catalogue("sv")
    pieces = {
        piece.strip()
        for message, translated in swedish.items()
        for piece in re.split(r"\{\w+\}", re.sub(r"#\d+$", "", message))
        if len(piece.strip()) >= 16 and piece.strip() not in translated
    }
    untranslated = {
        text: [piece for piece in pieces if piece in answer]
        for (text, _), answer in zip(WALK["sv"], replies["sv"], strict=True)
    }
    assert {text: found for text, found in untranslated.items() if found} == {}


async def test_no_reply_names_a_time_zone(replies: dict[str, list[str]]) -> None:
    shown = {answer for answers in replies.values() for answer in answers if ZONE_NAME.search(answer)}
    assert shown == set()


SV, EN = translator("sv"), translator("en")


def test_a_names_genitive() -> None:
    assert genitive(SV, "Lars Nilsson") == "Lars Nilssons"
    assert genitive(SV, "Jonas") == "Jonas" and genitive(SV, "Max") == "Max"
    assert genitive(SV, "Inez") == "Inez" and genitive(SV, "Vänsterpartiet Skåne") == "Vänsterpartiet Skånes"
    assert genitive(EN, "Lars Nilsson") == "Lars Nilsson\u2019s"


def test_no_swedish_message_glues_a_genitive_s_to_a_name() -> None:
    """ "{name}s" makes "Jonass": the code passes genitive(t, name) instead."""
    glued = [text for text in catalogue("sv").values() if re.search(r"\{\w+\}s\b", text)]
    assert glued == []


def test_a_discussion_post_is_neuter_and_has_one_name() -> None:
    """ "inlägg" is neuter: "#1 är postat", "inlägget är godkänt"; and a discussion post is called
    "diskussionsinlägg" or "inlägg" everywhere, never "fråga" or "diskussionsfråga"."""
    swedish = catalogue("sv")
    common = re.compile(
        r"(?:(?<!för )(?<!till )(?<!om )(?<!apport )#\{\w+\}|\binlägget|\bdiskussionsinlägget) "
        r"(?:är|blir|blev|har blivit) (?:inte |nu |redan )*"
        r"(\w+(?:ad|d|en))\b"
    )
    wrong = [text for text in swedish.values() if common.search(text)]
    assert wrong == []
    other_names = re.compile(r"\b(?:diskussionsfråg\w*)\b", re.IGNORECASE)
    assert [text for text in swedish.values() if other_names.search(text)] == []


def test_a_discussion_prompt_is_published_in_one_word() -> None:
    """The bot says a prompt "publiceras" when it is posted (the schedule, the reminder, "hoppa", the
    follow-up, the year's report): one word for one thing, not "postas" in some answers and "publiceras"
    in others. `posta` stays as the command's word, where it is quoted as a command."""
    swedish = catalogue("sv")
    posted = re.compile(r"\bpost(?:ar|as|ade|at|ats|ad)\b|^Postat$", re.IGNORECASE)
    assert [text for text in swedish.values() if posted.search(text)] == []
