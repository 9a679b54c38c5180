"""A chair's story where cards are not shown (the terminal chat, channel "test"): `rapportera` alone starts a
dialog that asks for the goal, the value, the date and a comment, one at a time, and then stores the report.

Driven through the bot's own turn (tests/fakes/turns.py): each line written, the one answer to it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlmodel import select

from bot.cards import Reply
from bot.config import Settings
from bot.db.checkins import CheckInRepository
from bot.db.dialogs import DialogStates
from bot.db.engine import Database
from bot.db.models import DialogStateRow
from bot.db.repository import Repository
from bot.teams import DistrictBot
from dialogs.checkin_dialog import Aside
from tests.conftest import every_branch
from tests.dialogs.conftest import CHAIR, DISTRICT, MEMBER, chat, person
from tests.fakes.turns import Chat
from tests.test_teams import make_bot


async def converse(adapter: Chat, *script: tuple[str, str]) -> None:
    """Each line the user writes, with a part of the one answer expected to it."""
    for said, expected in script:
        reply = await adapter.ask(said)
        assert expected in reply.text, f"after {said!r}: {reply.text!r}"
        assert not adapter.activity_buffer, "one answer to each message"


async def test_a_chair_reports_step_by_step_and_is_asked_again_after_mistakes(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    await converse(
        chat(bot, channel="test", locale="en-US"),
        ("report", "Which goal are you reporting on? Write its number, or cancel to stop.\n3. Each branch"),
        ("99", "There is no goal 99; the plan has goals 1–24. Which goal? Write its number."),
        ("6", "Goal 6: "),
        ("many", "“many” is not a number. What do you report? How many chairs' meetings, e.g. 1"),
        ("1.5", "Use a whole number: “1.5” has decimals."),
        ("2", "When did it happen?"),
        ("2027-01-10", "10 Jan 2027 has not happened yet; report it afterwards. When did it happen?"),
        ("20/11", "Any comment?"),
        ("chairs' meeting in Timrå", "Stored #1: goal 6, 2 chairs' meetings for Sundsvall, 20 Nov 2026."),
    )
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    assert (stored.goal_number, stored.branch, stored.value, stored.happened_on.isoformat()) == (
        6,
        "Sundsvall",
        2.0,
        "2026-11-20",
    )
    assert stored.comment == "chairs' meeting in Timrå"


async def test_in_swedish_today_and_no_comment_and_the_same_confirmation_as_one_line(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    await converse(
        chat(bot, channel="test"),
        ("rapportera", "3. Varje partiförening"),
        ("6", " 6: Distriktet samlar"),
        ("1", ""),
        ("idag", ""),
        ("nej", "Sparat #1: mål 6, 1 ordförandemöte för Sundsvall, 22 nov. 2026. Ändra med: ändra 1 VÄRDE"),
    )
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    assert (stored.happened_on.isoformat(), stored.comment) == ("2026-11-22", None)


async def test_dates_as_the_one_line_form_writes_them(bot: DistrictBot, checkins: CheckInRepository) -> None:
    for value, day in enumerate(("", "12/3", "2026-03-12", "12 mars", "igår"), start=1):
        await converse(
            chat(bot, channel="test"),
            ("rapportera", ""),
            ("6", ""),
            (str(value), ""),
            (day or " ", ""),
            ("-", "Sparat"),
        )
    assert [c.happened_on.isoformat() for c in checkins.mine(person(CHAIR), DISTRICT)] == [
        "2026-11-21",
        "2026-03-12",
        "2026-03-12",
        "2026-03-12",
        "2026-11-22",
    ]


async def test_a_per_area_goal_asks_for_the_area_after_the_value(
    bot: DistrictBot, checkins: CheckInRepository, sample_repository: Repository
) -> None:
    every_branch(sample_repository, DISTRICT, 22)  # a chair reports only their branch's own goals
    await converse(
        chat(bot, channel="test", locale="en-US"),
        ("report", ""),
        ("22", "How many courses, talks or webinars, then the priority area, e.g. 1 Trade union politics"),
        ("1", "Name the priority area after the value: Trade union politics, Feminism"),
        ("1 environment", "When did it happen?"),
        ("today", ""),
        ("no", "Stored #1: goal 22, 1 course, talk or webinar (Environment and climate) for Sundsvall"),
    )
    [stored] = checkins.mine(person(CHAIR), DISTRICT)
    assert stored.area == "Miljö och klimat"  # stored by the plan's own name, whichever name was typed


async def test_cancel_at_any_step_stores_nothing_and_the_router_answers_again(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    adapter = chat(bot, channel="test", locale="en-US")
    await converse(adapter, ("report", ""), ("6", ""), ("cancel", "Cancelled; nothing was stored."))
    await converse(adapter, ("rapportera", ""), ("6", ""), ("1", ""), ("Avbryt", "Cancelled"))
    await converse(adapter, ("goal 6", "Goal 6"))  # not an answer to a dialog any more
    assert checkins.mine(person(CHAIR), DISTRICT) == []


async def test_a_command_while_the_dialog_waits_is_answered_and_the_question_asked_again(
    bot: DistrictBot,
) -> None:
    """A chair who writes a command mid-report means the command; a one-line report replaces the dialog."""
    await converse(
        chat(bot, channel="test", locale="en-US"),
        ("report", ""),
        ("help", "Your report is not finished: Which goal? Write its number. Or write cancel to stop it."),
        ("report 6 1", "Stored #1: goal 6"),
        ("6", "I don't know the command"),  # the dialog was set aside, and said so
    )


async def test_someone_who_may_not_report_is_told_at_once(
    bot: DistrictBot, checkins: CheckInRepository
) -> None:
    adapter = chat(bot, who=MEMBER, channel="test")
    await converse(adapter, ("rapportera", "Det kan bara partiföreningarnas ordförande, styrelsen"))
    await converse(adapter, ("mål 6", "Mål 6"))  # no dialog was left waiting
    assert checkins.mine(person(MEMBER), DISTRICT) == []


def stored_dialogs(bot: DistrictBot) -> list[str]:
    with bot.services.repository.db.read() as session:
        return list(session.exec(select(DialogStateRow.key)).all())


async def test_dialog_state_is_kept_while_waiting_and_dropped_at_the_end(bot: DistrictBot) -> None:
    adapter = chat(bot, channel="test", id="a:personal-kept")
    await converse(adapter, ("rapportera", ""), ("6", ""))
    assert stored_dialogs(bot) == ["test/conversations/a:personal-kept"]  # its place in the dialog
    await converse(adapter, ("1", ""), ("idag", ""), ("nej", "Sparat"))
    assert stored_dialogs(bot) == []
    await converse(adapter, ("hjälp", ""))
    assert stored_dialogs(bot) == []  # a conversation without a dialog keeps nothing


async def test_a_dialog_goes_on_after_a_restart_and_on_another_server_process(
    bot: DistrictBot, settings: Settings, checkins: CheckInRepository
) -> None:
    first = chat(bot, channel="test", locale="en-US", id="a:personal-restart")
    await converse(first, ("report", "Which goal"), ("6", "Goal 6"))
    # Another process on the same database, or this one started again: it began no dialog itself.
    database = Database(settings.database_url)
    try:
        other = make_bot(settings, Repository(database))
        second = chat(other, channel="test", locale="en-US", id="a:personal-restart")
        await converse(second, ("1", "When did it happen?"))
        await converse(first, ("today", "Any comment?"))  # and back: each goes on from where the other was
        await converse(second, ("no", "Stored #"))
    finally:
        database.dispose()
    assert len(checkins.mine(person(CHAIR), DISTRICT)) == 1
    assert stored_dialogs(bot) == []


async def test_of_two_answers_at_the_same_time_the_first_stored_counts(
    bot: DistrictBot, checkins: CheckInRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    adapter = chat(bot, channel="test", locale="en-US", id="a:personal-twice")
    await converse(adapter, ("report", "Which goal"))
    read = DialogStates.read

    def answered_elsewhere_meanwhile(states: DialogStates, keys: list[str], *, now: datetime) -> Any:
        found = read(states, keys, now=now)
        for key, stored in found.items():  # the same answer, handled by another turn and stored first
            states.write(key, stored.state, expected=stored.version, now=now)
        return found

    monkeypatch.setattr(DialogStates, "read", answered_elsewhere_meanwhile)
    await adapter.receive_activity({"text": "6"})
    first, then = adapter.get_next_activity(), adapter.get_next_activity()
    assert first is not None and "Goal 6: " in first.text
    assert then is not None and then.text == "Two answers came at the same time; the first one counts."
    monkeypatch.undo()
    # The dialog goes on from the answer stored first: here, the goal is still to be given.
    await converse(adapter, ("6", "Goal 6"), ("1", "When"), ("today", "Any comment?"), ("no", "Stored #"))
    assert len(checkins.mine(person(CHAIR), DISTRICT)) == 1


async def test_a_dialog_that_failed_is_forgotten_and_the_next_message_starts_afresh(
    bot: DistrictBot, checkins: CheckInRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    adapter = chat(bot, channel="test", locale="en-US")
    await converse(adapter, ("report", ""), ("6", ""), ("1", ""), ("today", "Any comment?"))

    def database_gone(**_: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(bot.services.checkins, "add", database_gone)
    assert (await adapter.ask("no")).text.startswith("Sorry, something went wrong on my side")
    monkeypatch.undo()
    await converse(adapter, ("goal 6", "Goal 6"))
    assert checkins.mine(person(CHAIR), DISTRICT) == []


def test_a_commands_own_question_takes_the_dialogs_place_and_says_so() -> None:
    """ "ändra 3 1 100" mid-report asks "1 or 1 100?", which the next message answers: the report being
    asked about is set aside, and the answer says so; otherwise the dialog's question follows."""
    aside = Aside("Your report is not finished: …", set_aside="The report … is set aside.")
    asked = aside.follow(Reply("Goal 12: did you mean 1 or 1,650?", waits={"reading": 1}))
    assert asked.text == "Goal 12: did you mean 1 or 1,650?\n\nThe report … is set aside."
    assert aside.follow(Reply("Status …")).text == "Status …\n\nYour report is not finished: …"
    assert aside.follow(Reply("", quiet=True)).text == "Your report is not finished: …"
    begun = Reply("", opens_check_in_dialog=True)
    assert aside.follow(begun) is begun
    forgotten = Reply("Everything is erased.", forgot_sender=True)  # the dialog's state with the rest
    assert aside.follow(forgotten) is forgotten
