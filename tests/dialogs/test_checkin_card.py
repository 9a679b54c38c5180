"""A chair's story in Teams: `rapportera` alone answers with the check-in form; submitting it stores it.

Mistakes are answered with what was wrong and the form again as it was filled in; the rules, the wording
and the confirmation are the one-line form's.
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.config import Settings
from bot.db.checkins import CheckInRepository
from bot.db.repository import Repository
from bot.sdk import Message
from bot.teams import DistrictBot
from tests.dialogs.conftest import BOARD, CHAIR, DISTRICT, MEMBER, chat, person
from tests.fakes.cards import text_of
from tests.fakes.turns import Chat
from tests.test_teams import make_bot, mentioning, shown


async def say(adapter: Chat, text: str) -> Message:
    reply = await adapter.ask(text)
    assert adapter.get_next_activity() is None
    return reply


def pressed(**fields: object) -> dict[str, Any]:
    """The form's Submit pressed: a message with no text, `value` = the action's data and every input."""
    value = {"form": "checkin", "goal": "", "value": "", "date": "", "comment": ""} | fields
    return {"type": "message", "value": value}


async def submit(adapter: Chat, **fields: object) -> Message:
    """Press the form's Submit; its one reply."""
    await adapter.receive_activity(pressed(**fields))
    reply = adapter.get_next_activity()
    assert reply is not None
    assert adapter.get_next_activity() is None
    return reply


def the_card(reply: Message) -> dict[str, Any]:
    assert reply.card is not None
    return reply.card


def inputs(reply: Message) -> dict[str, dict[str, Any]]:
    return {block["id"]: block for block in the_card(reply)["body"] if block["type"].startswith("Input.")}


def token(reply: Message) -> str:
    """The form's own token, which its Submit sends back."""
    [action] = the_card(reply)["actions"]
    found: str = action["data"]["submission"]
    return found


def warning(reply: Message) -> str:
    [block] = [
        b for b in the_card(reply)["body"] if b.get("inlines") and b["inlines"][0].get("color") == "Attention"
    ]
    return text_of(block)


async def test_report_alone_answers_with_the_form(bot: DistrictBot) -> None:
    reply = await say(chat(bot, locale="en-US"), "report")
    card = the_card(reply)
    fields = inputs(reply)
    assert [(key, field["type"]) for key, field in fields.items()] == [
        ("goal", "Input.ChoiceSet"),
        ("value", "Input.Text"),
        ("date", "Input.Date"),
        ("comment", "Input.Text"),
    ]
    choices = fields["goal"]["choices"]
    # Goal 3 is the sample plan's one goal for each branch, and these stories make goal 6 every branch's too:
    # a chair is offered those, the goals they may report (tests/stories/test_goals_offered.py).
    assert [c["value"] for c in choices] == ["3", "6"]
    assert choices[0]["title"].startswith("3. Each branch is advised")
    assert "value" not in fields["goal"] and fields["value"]["value"] == ""
    assert fields["value"]["placeholder"] == "A number, or done / not done"
    assert fields["date"]["value"] == "2026-11-22"  # today, in the district's zone
    assert fields["comment"]["maxLength"] == 500 and fields["comment"]["value"] == ""
    [action] = card["actions"]
    assert action["type"] == "Action.Execute" and action["data"] == {
        "form": "checkin",
        "submission": token(reply),
    }
    # Each form its own token.
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", token(reply))
    assert token(await say(chat(bot), "report")) != token(reply)


async def test_swedish_command_word_in_any_case_opens_the_form(bot: DistrictBot) -> None:
    for word in ("rapportera", "Rapportera", "REPORT"):
        assert set(inputs(await say(chat(bot), word))) == {"goal", "value", "date", "comment"}


async def test_today_is_the_districts_date(settings: Settings, sample_repository: Repository) -> None:
    from bot.commands import build_router
    from bot.db.people import PeopleRepository
    from bot.services.people import Role
    from tests.conftest import NOW

    PeopleRepository(sample_repository.db).grant(
        person(CHAIR), DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW
    )
    late = make_bot(settings, sample_repository)
    bot = DistrictBot(
        router=build_router(),
        services=late.services,
        settings=settings,
        clock=lambda: datetime(2026, 11, 22, 23, 30, tzinfo=UTC),  # already Monday in Stockholm
    )
    assert inputs(await say(chat(bot), "rapportera"))["date"]["value"] == "2026-11-23"


async def test_a_submitted_form_is_stored_and_confirmed_like_one_line(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    adapter = chat(bot)
    await say(adapter, "rapportera")
    reply = await submit(adapter, goal="6", value="1", date="2026-11-20", comment="ordförandemöte")
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    assert reply.card is None
    assert reply.text == (
        f"Sparat #{stored.id}: mål 6, 1 ordförandemöte för Sundsvall, 20 nov. 2026. Ändra med: ändra "
        f"{stored.id} VÄRDE"
    )
    assert (stored.goal_number, stored.branch, stored.value, stored.happened_on.isoformat()) == (
        6,
        "Sundsvall",
        1.0,
        "2026-11-20",
    )
    assert stored.comment == "ordförandemöte"


async def test_values_of_every_kind_and_the_area_of_a_per_area_goal(
    bot: DistrictBot, sample_repository: Repository, checkins: CheckInRepository
) -> None:
    plan = sample_repository.plan(DISTRICT)
    assert plan is not None
    metric = next(g for g in plan.goals if g.target.kind == "metric")
    done = next(g for g in plan.goals if g.target.kind == "done")
    per_area = next(g for g in plan.goals if g.target.per_area)
    adapter = chat(bot, who=BOARD)
    assert "Sparat" in (await submit(adapter, goal=str(metric.number), value="1 650", date="2026-11-22")).text
    assert "Sparat" in (await submit(adapter, goal=str(done.number), value="klart")).text  # no date: today
    stored = await submit(adapter, goal=str(per_area.number), value="1 feminism", comment="webbinarium")
    assert "(Feminism)" in stored.text and "för distriktet" in stored.text
    assert [(c.value, c.area, c.happened_on.isoformat()) for c in checkins.mine(person(BOARD), DISTRICT)] == [
        (1.0, "Feminism", "2026-11-22"),
        (1.0, None, "2026-11-22"),
        (1650.0, None, "2026-11-22"),
    ]


async def test_the_placeholder_says_what_fits_the_chosen_goal(bot: DistrictBot) -> None:
    adapter = chat(bot, who=BOARD, locale="en-US")  # the board may report every goal
    hints = {}
    for goal in ("6", "1", "2", "12", "22"):
        reply = await submit(adapter, goal=goal, value="", date="2026-11-22")
        hints[goal] = inputs(reply)["value"]["placeholder"]
    assert hints == {
        "6": "How many chairs' meetings, e.g. 1",
        "1": "done or not done",
        "2": "How many people, e.g. 1",
        "12": "The number now (it was 1,500 at the start)",
        "22": "How many courses, talks or webinars, then the priority area, e.g. 1 Trade union politics",
    }


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"goal": "99", "value": "1"}, "Det finns inget mål 99; planen har mål 1–24."),
        ({"goal": "", "value": "1"}, "Börja med målets nummer."),
        ({"goal": "6", "value": ""}, "Skriv ett värde efter målets nummer."),
        ({"goal": "6", "value": "många"}, "”många” är inte ett tal."),
        ({"goal": "6", "value": "-2"}, "Ett värde kan inte vara negativt (”-2”)."),
        ({"goal": "6", "value": "1,5"}, "Skriv ett helt antal: ”1,5” har decimaler."),
        ({"goal": "6", "value": "5000"}, "”5000” är alldeles för stort; kontrollera talet."),
        ({"goal": "1", "value": "3"}, "klart eller inte klart"),
        (
            {"goal": "22", "value": "1"},
            "Skriv det prioriterade området efter värdet: Facklig politik, Feminism",
        ),
        ({"goal": "6", "value": "1", "date": "2027-01-10"}, "10 jan. 2027 har inte hänt än"),
        (
            {"goal": "6", "value": "1", "date": "2025-12-31"},
            "31 dec. 2025 ligger utanför planens år: planen gäller 2026",
        ),
        ({"goal": "6", "value": "1", "date": "31/2"}, "”31/2” är inte ett datum."),
        (
            {"goal": "6", "value": "1", "comment": "x" * 501},
            "Kommentaren är för lång (501 tecken; högst 500).",
        ),
    ],
)
async def test_each_mistake_is_explained_with_the_form_filled_in_again(
    bot: DistrictBot, checkins: CheckInRepository, fields: dict[str, str], expected: str
) -> None:
    sent = {"goal": "", "value": "", "date": "2026-11-21", "comment": "möte"} | fields
    reply = await submit(chat(bot, who=BOARD), **sent)  # the board, offered every goal
    assert expected in warning(reply)
    assert "Till exempel: rapportera" not in shown(reply)  # the one-line example is not the form's
    kept = inputs(reply)
    assert kept["goal"].get("value", "") == (sent["goal"] if sent["goal"] != "99" else "")
    assert kept["value"]["value"] == sent["value"]
    assert kept["comment"]["value"] == sent["comment"]
    # A date the picker can show is kept; one it cannot (31/2) becomes today again.
    assert kept["date"]["value"] == (sent["date"] if sent["date"] != "31/2" else "2026-11-22")
    assert checkins.mine(person(CHAIR), DISTRICT) == []


async def test_someone_who_may_not_report_is_refused_and_nothing_is_stored(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    adapter = chat(bot, who=MEMBER)
    offered = await say(adapter, "rapportera")
    assert offered.card is None
    assert offered.text.startswith("Det kan bara partiföreningarnas ordförande, styrelsen")
    refused = await submit(adapter, goal="6", value="1", date="2026-11-22")
    assert refused.text.startswith(
        "Mål 6 gäller varje partiförening: ordföranden rapporterar det, eller en ersättare"
    )
    assert checkins.mine(person(MEMBER), DISTRICT) == []


async def test_a_chair_cannot_name_another_branch_in_the_comment(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    reply = await submit(chat(bot), goal="6", value="1", comment="för Härnösand möte")
    assert "bara rapportera för din egen partiförening" in reply.text
    assert checkins.mine(person(CHAIR), DISTRICT) == []


@pytest.mark.parametrize("kind", ["channel", "groupChat"])
async def test_outside_a_personal_chat_report_alone_keeps_the_one_line_hint(
    bot: DistrictBot, kind: str
) -> None:
    adapter = chat(bot, id=f"19:{kind}@thread.v2", kind=kind)
    text, entities = mentioning("rapportera", bot=kind == "channel")  # in a channel, to the bot @mentions it
    await adapter.receive_activity({"text": text, "entities": entities})
    reply = adapter.get_next_activity()
    assert reply is not None
    assert reply.card is None and reply.text.startswith("Börja med målets nummer.")


async def test_report_with_a_line_after_it_is_still_the_one_line_form(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    reply = await say(chat(bot), "rapportera 6 1 möte")
    assert reply.text.startswith("Sparat #") and len(checkins.mine(person(CHAIR), DISTRICT)) == 1


async def test_a_form_sent_twice_stores_one_check_in(bot: DistrictBot, checkins: CheckInRepository) -> None:
    # A double click, or Report pressed again later: the same form's token, one check-in, and the second
    # answer says which.
    adapter = chat(bot, locale="en-US")
    sent = {"goal": "6", "value": "1", "date": "2026-11-20", "comment": "möte"}
    form = token(await say(adapter, "report"))
    first = await submit(adapter, submission=form, **sent)
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    assert first.text.startswith(f"Stored #{stored.id}:")
    again = await submit(adapter, submission=form, **sent)
    assert again.text == (
        f"This form was sent already and is stored as #{stored.id}. "
        f"Correct it with: correct {stored.id} VALUE"
    )
    assert checkins.mine(person(CHAIR), DISTRICT) == [stored]
    # Another form saying the same is asked about first, on the card (Yes stores it, No does not).
    other = token(await say(adapter, "report"))
    asked = str((await submit(adapter, submission=other, **sent)).text)
    assert asked.startswith(
        f"#{stored.id} already says that: goal 6, 1 chairs' meeting for Sundsvall, 20 Nov 2026."
    )
    assert asked.endswith("Did it happen twice? Yes stores it as well.")
    assert checkins.mine(person(CHAIR), DISTRICT) == [stored]


async def test_a_form_sent_twice_at_once_stores_one_check_in(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    # Both arrive together (stored in one transaction on SQLite, or one after the other in threads).
    adapters = [chat(bot) for _ in range(2)]
    form = token(await say(adapters[0], "report"))
    sent = {"submission": form, "goal": "6", "value": "1"}
    await asyncio.gather(*(adapter.receive_activity(pressed(**sent)) for adapter in adapters))
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    replies = sorted(shown(adapter.get_next_activity()) for adapter in adapters)
    assert (
        replies[0]
        == f"Formuläret är redan skickat och sparat som #{stored.id}. Ändra med: ändra {stored.id} VÄRDE"
    )
    assert replies[1].startswith(f"Sparat #{stored.id}:")


async def test_a_form_filled_in_again_after_a_mistake_keeps_its_token(bot: DistrictBot) -> None:
    adapter = chat(bot)
    form = token(await say(adapter, "rapportera"))
    assert token(await submit(adapter, submission=form, goal="6", value="minus")) == form


@pytest.mark.parametrize("sent", [None, "", 42, "x" * 33, "not a token", "ä"])
async def test_a_token_not_made_by_the_form_is_not_taken(
    bot: DistrictBot, checkins: CheckInRepository, sent: object
) -> None:
    # A hand-made submit: stored as a form without a token (no check-in to compare with), not refused.
    adapter = chat(bot)
    for value in ("1", "2"):
        assert str((await submit(adapter, submission=sent, goal="6", value=value)).text).startswith(
            "Sparat #"
        )
    assert len(checkins.mine(person(CHAIR), DISTRICT)) == 2
