"""Issue 16 for the check-in commands (bot/commands/checkins.py): a turn does its database work off the
event loop in one call for who wrote it and one for what they asked, whether the chair types the report,
sends the card, answers "1 or 1 100?" or is asked about a repeat."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, TypeVar

import pytest

from tests.fakes.calls import off_loop_calls
from tests.fakes.chat import card_of
from tests.stories.conftest import KIM, MEGAN, NOA, District, Someone, shown
from tests.stories.test_repeats_and_readings import CALLS, _with_goals

MOST_CALLS = 2
T = TypeVar("T")

# (who, what was written before (by whom), the command in Swedish, in English)
CASES = [
    (NOA, (), "status", "status"),
    (KIM, (), "status", "status"),
    (KIM, (), "status distriktet", "status district"),
    (MEGAN, (), "status", "status"),
    (MEGAN, (), "status Sundsvall", "status Sundsvall"),
    (MEGAN, (), "status Umeå", "status Umeå"),
    (KIM, (), "rapportera 3 1 Zetkin-grupp", "report 3 1 Zetkin group"),
    (KIM, (), "rapportera 3 många", "report 3 many"),
    (KIM, (), "rapportera 6 1", "report 6 1"),
    (MEGAN, (), "rapportera 3 1 för Umeå", "report 3 1 for Umeå"),
    (KIM, ((KIM, "rapportera 3 1"),), "rapportera 3 1", "report 3 1"),
    (KIM, ((KIM, "rapportera 3 1"),), "rapportera 3 1 ja", "report 3 1 yes"),
    (KIM, (), "rapportera", "report"),
    (NOA, (), "rapportera", "report"),
    (KIM, ((KIM, "rapportera 3 1"),), "mina", "my"),
    (NOA, (), "mina mål", "my goals"),
    (KIM, ((KIM, "rapportera 3 1"),), "ändra 1 2", "correct 1 2"),
    (MEGAN, ((MEGAN, "rapportera 6 1"),), "ändra 1 2", "correct 1 2"),
    (NOA, ((MEGAN, "rapportera 6 1"),), "ändra 1 2", "correct 1 2"),
    (KIM, ((KIM, "rapportera 3 1"),), "ändra 1 många", "correct 1 many"),
    (KIM, ((KIM, "rapportera 3 1"),), "ångra 1", "withdraw 1"),
    (KIM, ((KIM, "rapportera 3 1"), (KIM, "ångra 1")), "ångra 1", "withdraw 1"),
    (KIM, (), "ångra 7", "withdraw 7"),
]


async def counted_turn(work: Awaitable[T]) -> tuple[T, list[str]]:
    with off_loop_calls() as calls:
        return await work, calls


def _sv_or_en(language: str, swedish: str, english: str) -> tuple[str, str]:
    return (swedish, "sv-SE") if language == "sv" else (english, "en-US")


@pytest.mark.parametrize(("who", "before", "swedish", "english"), CASES, ids=[c[2] for c in CASES])
@pytest.mark.parametrize("language", ["sv", "en"])
async def test_a_check_in_command_makes_one_call_for_who_and_one_for_what(
    district: District,
    who: Someone,
    before: tuple[tuple[Someone, str], ...],
    swedish: str,
    english: str,
    language: str,
) -> None:
    for writer, text in before:
        await district.say(writer, text)
    text, locale = _sv_or_en(language, swedish, english)
    reply, calls = await district.off_loop(who, text, locale=locale)
    assert reply
    # a question asked ("did it happen twice?") is kept besides, so that a typed "ja" or "nej" answers it
    asked = calls[-1:] == ["DialogStates.write"]
    assert len(calls) <= MOST_CALLS + asked, calls


@pytest.mark.parametrize("language", ["sv", "en"])
async def test_naming_who_is_responsible_makes_one_call(district: District, language: str) -> None:
    await district.say(MEGAN, "hjälp", locale=_sv_or_en(language, "", "")[1])
    for swedish, english in (
        ("ansvarig 6 @Noa Holm", "responsible 6 @Noa Holm"),
        ("ansvarig 99 @Noa Holm", "responsible 99 @Noa Holm"),
        ("ansvarig 6 bort @Noa Holm", "responsible 6 remove @Noa Holm"),
    ):
        text, locale = _sv_or_en(language, swedish, english)
        reply, calls = await counted_turn(
            district.say(MEGAN, text, locale=locale, mentions=((NOA, "Noa Holm"),))
        )
        assert "Noa Holm" in reply or "99" in reply
        assert len(calls) <= MOST_CALLS, (text, calls)


def _submit(token: str, **fields: str) -> dict[str, Any]:
    return {"form": "checkin", "submission": token, "date": "2026-11-21", "comment": "", **fields}


@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
async def test_the_card_form_and_its_questions_make_one_call_each(district: District, locale: str) -> None:
    """The form sent, sent with a mistake, sent again (asked about), Yes and No; "1 or 1 100?" answered
    with each button."""
    await district.say(KIM, "hjälp", locale=locale)
    await district.say(MEGAN, "hjälp", locale=locale)
    taps = [
        _submit("formone", goal="3", value="1"),
        _submit("formbad", goal="3", value="många"),
        _submit("formtwo", goal="3", value="1"),
    ]
    answers = []
    for data in taps:
        answer, calls = await counted_turn(district.tap(KIM, data, locale=locale))
        answers.append(answer)
        assert len(calls) <= MOST_CALLS, (data, calls)
    yes, no = answers[-1]["value"]["actions"]
    for data in (yes["data"], no["data"]):
        answer, calls = await counted_turn(district.tap(KIM, data, locale=locale))
        assert shown(answer)
        assert len(calls) <= MOST_CALLS, (data, calls)

    [calls_goal] = _with_goals(district, CALLS)
    for pick in range(3):
        asked, calls = await counted_turn(
            district.say(MEGAN, f"rapportera {calls_goal} 1 100", locale=locale)
        )
        # and the question kept, so that a typed "avbryt" cancels it as the card's Cancel button does
        assert calls[-1] == "DialogStates.write" and len(calls) <= MOST_CALLS + 1, calls
        button = card_of(district.connector.posted[-1].body)["actions"][pick]
        answer, calls = await counted_turn(district.tap(MEGAN, button["data"], locale=locale))
        assert shown(answer)
        assert len(calls) <= MOST_CALLS, (button["title"], calls)
