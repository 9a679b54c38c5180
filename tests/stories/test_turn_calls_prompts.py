"""Issue 16 for the board's prompt desk, nudges, the follow-up and the export: a turn makes one call off the
event loop for who wrote it and one for what they asked (the command parses, calls one service, renders).

The district has a prompt schedule in its General channel, laid out from 22 November 2026 (the first slot
is due 1 December), so the commands act on real slots, in Swedish and in English."""

from __future__ import annotations

import itertools
from typing import TypeVar

import pytest

from bot.app import COMPONENTS, SCHEDULER
from bot.db.people import DistrictRepository
from bot.db.repository import Repository
from bot.services.people import ConversationInfo
from bot.services.schedule_rules import parse_rule
from tests.conftest import NOW
from tests.fakes.activities import BOT_ID, BOT_NAME, TENANT, channel_message, reaction
from tests.fakes.calls import off_loop_calls
from tests.fakes.chat import reply_text
from tests.stories.conftest import ANNA, DISTRICT, KIM, MEGAN, NOA, District, Someone

MOST_CALLS = 2
CHANNEL = "19:general@thread.tacv2"
T = TypeVar("T")

# (who, Swedish, English); {first} and {second} are the numbers of the schedule's first two prompts.
CASES = [
    (ANNA, "schema", "schedule"),
    (ANNA, "schema stopp", "schedule stop"),
    (ANNA, "kommande", "upcoming"),
    (ANNA, "historik", "history"),
    (ANNA, "skriv {first} Vad ska vi be regionen om?", "write {first} What should we ask the region for?"),
    (ANNA, "skriv {first}", "write {first}"),
    (ANNA, "skriv 999 Vad?", "write 999 What?"),
    (ANNA, "byt {first} {second}", "swap {first} {second}"),
    (ANNA, "hoppa {second}", "skip {second}"),
    (ANNA, "flytta {first} till torsdag", "move {first} to Thursday"),
    (ANNA, "flytta 999", "move 999"),
    (ANNA, "visa {first}", "preview {first}"),
    (ANNA, "godkänn {first}", "approve {first}"),
    (ANNA, "godkännande på", "approval on"),
    (ANNA, "paus", "pause"),
    (ANNA, "paus 2027-06-15 2027-08-15", "pause 2027-06-15 2027-08-15"),
    (ANNA, "paus slut", "pause end"),
    (ANNA, "återuppta", "resume"),
    (ANNA, "posta nu", "post now"),
    (ANNA, "bank", "prompts"),
    (ANNA, "bank lägg till miljö: Vad gör kommunen för klimatet?", "prompts add climate: What should we do?"),
    (ANNA, "bank ta bort 1", "prompts remove 1"),
    (ANNA, "eskalera", "escalate"),
    (ANNA, "eskalera på", "escalate on"),
    (NOA, "påminn mig inte före 15/12", "snooze until 15/12"),
    (NOA, "påminn mig", "snooze me"),
    (ANNA, "uppföljning", "follow-up"),
    (ANNA, "verksamhetsberättelse 2026", "annual report 2026"),
    (ANNA, "översikt", "dashboard"),
    (KIM, "översikt", "dashboard"),
    (ANNA, "exportera", "export"),
    (ANNA, "exportera 2026-Q4 Sundsvall", "export 2026-Q4 Sundsvall"),
    (KIM, "exportera", "export"),
    (KIM, "exportera Timrå", "export Timrå"),
]


@pytest.fixture
async def desk(district: District) -> tuple[int, int]:
    """The General channel's schedule, 1st and 15th at 18; the numbers of its first two prompts."""
    components = district.client.server.app[COMPONENTS]
    DistrictRepository(district.db).link_team("team-1", DISTRICT, now=NOW)
    reference = {
        "bot": {"id": BOT_ID, "name": BOT_NAME},
        "conversation": {"id": CHANNEL, "conversationType": "channel", "tenantId": TENANT},
        "channelId": "msteams",
        "serviceUrl": district.connector.url,
    }
    channel = ConversationInfo(f"{CHANNEL};messageid=1", "channel", TENANT, "team-1", CHANNEL, reference)
    Repository(district.db).remember_conversation(channel, person=None, now=NOW)
    setup = components.desk.set_up(
        district=DISTRICT,
        conversation_id=channel.conversation_id,
        rule=parse_rule("1 och 15 kl 18"),
        rule_text="1 och 15 kl 18",
        by=MEGAN.info,
    )
    return setup.upcoming[0].id, setup.upcoming[1].id


async def turn_calls(
    district: District,
    who: Someone,
    text: str,
    *,
    locale: str = "sv-SE",
    mentions: tuple[tuple[Someone, str], ...] = (),
) -> tuple[str, list[str]]:
    """As `District.off_loop`, without the calls of the work a turn leaves to the background (the scheduler's
    tasks: notices to the people a change concerns, and posting now): the writer does not wait for them."""
    background = district.client.server.app[SCHEDULER].background
    await district.say(who, "hjälp", locale=locale)  # their first turn also remembers the conversation
    with off_loop_calls(background) as mine:
        reply = await district.say(who, text, locale=locale, mentions=mentions)
    return reply, mine


@pytest.mark.parametrize(("who", "swedish", "english"), CASES, ids=[c[1] for c in CASES])
@pytest.mark.parametrize("language", ["sv", "en"])
async def test_a_board_command_makes_one_call_for_who_and_one_for_what(
    district: District, desk: tuple[int, int], who: Someone, swedish: str, english: str, language: str
) -> None:
    first, second = desk
    text, locale = (swedish, "sv-SE") if language == "sv" else (english, "en-US")
    reply, calls = await turn_calls(district, who, text.format(first=first, second=second), locale=locale)
    assert reply
    # a question asked ("write hoppa 3 ja") is kept besides, so that a typed "ja" answers it
    asked = calls[-1:] == ["DialogStates.write"]
    assert len(calls) <= MOST_CALLS + asked, calls


@pytest.mark.parametrize(
    ("text", "locale", "answer"),
    [
        ("ge {first} @Megan", "sv-SE", "är nu Megan Bowens"),
        ("assign {first} @Megan", "en-US", "is now Megan Bowen"),
    ],
)
async def test_giving_a_prompt_to_someone_makes_one_call(
    district: District, desk: tuple[int, int], text: str, locale: str, answer: str
) -> None:
    """`ge 12 @Megan`, the mention as Teams writes it when the writer shortens Megan Bowen's name: the
    prompt is hers (the number is read without the name), in one call."""
    first, _ = desk
    reply, calls = await turn_calls(
        district, ANNA, text.format(first=first), locale=locale, mentions=((MEGAN, "Megan"),)
    )
    assert answer in reply
    assert len(calls) <= MOST_CALLS, calls


async def test_posting_now_answers_at_once_and_posts_in_the_background(
    district: District, desk: tuple[int, int]
) -> None:
    """`posta 12 ja` answers "Publicerar #12 …" at once: the post waits for Teams, longer than a turn may
    take, so it goes on in the background with calls of its own, and tells the outcome when it is known."""
    first, _ = desk
    posted = len(district.connector.posted)
    reply, calls = await turn_calls(district, ANNA, f"posta {first} ja")
    assert reply == f"Publicerar #{first} …"
    assert calls == ["DistrictRepository.writer", "PromptDesk.post_target"]
    # the post, the board told who posted whose turn early, and the outcome to Anna, in whatever order
    for count in itertools.count(posted + 1):
        sent = await district.connector.wait_for(count)
        if f"#{first} är publicerat." in [reply_text(each.body) for each in sent[posted:]]:
            break


@pytest.mark.parametrize("kind", ["reaction", "overheard"])
async def test_what_the_bot_counts_unasked_makes_one_call(district: District, kind: str) -> None:
    """A reaction to a post, and a reply in a prompt's thread that was not addressed to the bot (the team
    let it read its channels): counted in one call besides the one for who wrote, and never answered."""
    thread, who = f"{CHANNEL};messageid=1700000000000", (KIM.teams_id, KIM.name, KIM.aad)
    counted_by = {"reaction": "reacted", "overheard": "overheard"}
    if kind == "reaction":
        activity = reaction(
            service_url=district.connector.url, thread=thread, message_id="1700000000000", who=who
        )
    else:
        activity = channel_message(
            "Bra fråga!", service_url=district.connector.url, thread=thread, who=who, to_bot=False
        )
    posted = len(district.connector.posted)
    with off_loop_calls() as calls:
        response = await district.client.post("/api/messages", json=activity)
    assert response.status in (200, 201)
    assert len(district.connector.posted) == posted
    assert len(calls) <= MOST_CALLS and calls[-1] == f"EngagementCounter.{counted_by[kind]}", calls
