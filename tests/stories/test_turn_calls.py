"""Issue 16: a turn does its database work off the event loop in one call for who wrote it and one for what
they asked (handlers parse, call one service, render), not in many small hops."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.stories.conftest import ANNA, KIM, NOA, District, Someone

MOST_CALLS = 2

CASES = [
    (NOA, "mål", "goals"),
    (NOA, "mål 6", "goal 6"),
    (NOA, "sök facebook", "search facebook"),
    (NOA, "vem ansvarar för facebook?", "who is responsible for facebook?"),
    (NOA, "vad betyder efter?", "what does behind mean?"),
    (NOA, "hjälp", "help"),
    (ANNA, "hjälp", "help"),
    (NOA, "blabla", "blabla"),
    (NOA, "avbryt", "cancel"),
    (ANNA, "avbryt", "cancel"),  # the board's: a plan under review is looked for
    (NOA, "när är nästa inlägg?", "when is the next prompt?"),  # the board's: who may, looked up
    (NOA, "hjälp årsrapport", "help annual report"),
    (NOA, "hjälp blabla", "help blabla"),
]


@pytest.mark.parametrize(("who", "swedish", "english"), CASES, ids=[c[1] for c in CASES])
@pytest.mark.parametrize("language", ["sv", "en"])
async def test_a_turn_makes_one_call_for_who_and_one_for_what(
    district: District, who: Someone, swedish: str, english: str, language: str
) -> None:
    text, locale = (swedish, "sv-SE") if language == "sv" else (english, "en-US")
    reply, calls = await district.off_loop(who, text, locale=locale)
    assert reply
    assert len(calls) <= MOST_CALLS, calls


# What each turn reads, in SQL statements (BEGIN included): who wrote it (their person, district, belonging,
# language and roles, in one transaction), then what they asked. Reading a person three times, or a plan's
# goals as ORM objects one query at a time, shows here first.
STATEMENTS = [(NOA, "mål", 11), (NOA, "mål 6", 17), (KIM, "status", 20), (ANNA, "status", 20)]


@pytest.mark.parametrize(("who", "text", "most"), STATEMENTS, ids=[f"{s[0].name} {s[1]}" for s in STATEMENTS])
async def test_a_turn_reads_in_few_statements(district: District, who: Someone, text: str, most: int) -> None:
    await district.say(who, text)  # their first turn also remembers the conversation
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement.split("\n")[0])

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        assert await district.say(who, text)
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    assert len(statements) <= most, "\n".join(statements)
