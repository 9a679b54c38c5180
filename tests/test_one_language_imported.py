"""Every reply in one language with a district's own plan, not the bot's sample.

A district imports its plan from a file: Swedish only, so its units ("medlemsträffar", "studiecirkel")
and priority areas ("Vården", "Klimatet") are Swedish. An English reader still reads English: the unit in
English (or a neutral English word when nobody knows the English), each area by its English name, and an
area is understood by either name ("report 1 1 healthcare", "rapportera 1 1 vården"). The goals' own
sentences stay as the plan wrote them: they are the district's words, quoted like names.

The walk goes through every goal of the plan with the commands that show or report it, in each language,
from a client set to the other language.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.i18n import area_name, english_unit
from bot.services.goals import Plan, TargetKind
from bot.services.people import Role
from bot.services.plan import parse_plan
from tests.conftest import NOW, fixed_clock
from tests.fakes.chat import ask
from tests.fakes.connector import FakeConnector
from tests.test_one_language import CLIENT, DISTRICT, MEGAN, NAMES, vocabularies, words

PLANS = Path(__file__).parent / "fixtures" / "plans"
# A plan with priority areas and per-area goals, and one with many kinds of unit.
IMPORTED = ("stilar_dalarna.md", "webb_norrbotten.txt")
COMMANDS = {
    "sv": {"goals": "mål", "report": "rapportera", "done": "klart", "mine": "mina rapporter"},
    "en": {"goals": "goals", "report": "report", "done": "done", "mine": "my reports"},
}


def shown(body: dict[str, Any]) -> str:
    """Everything a reply shows: its text and every text of its card, one per line."""
    found = [str(body.get("text") or "")]

    def visit(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("text", "title", "value", "placeholder", "label") and isinstance(value, str):
                    found.append(value)
                elif key not in ("url", "id", "type", "data", "fallbackText"):
                    visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(body.get("attachments") or [])
    return "\n".join(found)


def walk(plan: Plan, language: str) -> list[str]:
    """The commands that show every goal and report on each, in `language`."""
    say = COMMANDS[language]
    commands = ["språk svenska" if language == "sv" else "language english", say["goals"]]
    for goal in plan.goals:
        commands.append(f"{say['goals']} {goal.number}")
        target = goal.target
        if target.kind is TargetKind.DONE:
            value = say["done"]
        elif target.kind is TargetKind.METRIC:
            value = str(int(target.baseline or 0) + 1)
        else:
            value = "1"
        if target.per_area:
            for area in plan.priority_areas:  # each area by the name the reader knows it by
                name = plan.area_in(area, language).lower()
                commands.append(f"{say['report']} {goal.number} {value} {name}")
            commands.append(f"{say['report']} {goal.number} {value}")  # no area: which are there?
        else:
            commands.append(f"{say['report']} {goal.number} {value}")
    return [*commands, "status", "status Sundsvall", say["mine"]]


def the_plans_own_words(plan: Plan) -> set[str]:
    """The Swedish words of the plan's units and areas that no English form of them shares."""
    swedish: set[str] = set()
    english: set[str] = set()
    for goal in plan.goals:
        swedish |= words(goal.target.unit or "")
        english |= words(goal.target.unit_in("en") or "")
        english |= words(english_unit(goal.target.unit, plural=False) or "")
    for area in plan.priority_areas:
        swedish |= words(area)
        english |= words(area_name(area, "en"))
    return swedish - english


def without_the_plans_sentences(text: str, plan: Plan) -> str:
    """The reply without the goals' and sections' own wording (whole or cut short in a list)."""
    for quoted in sorted({s for g in plan.goals for s in (g.text, g.section)}, key=len, reverse=True):
        for cut in range(len(quoted), min(len(quoted), 16) - 1, -1):
            if quoted[:cut] in text:
                text = text.replace(quoted[:cut], " ")
                break
    for name in NAMES:
        text = text.replace(name, " ")
    return text


@pytest.fixture(params=IMPORTED)
async def walked(
    request: pytest.FixtureRequest, settings: Settings, connector: FakeConnector
) -> AsyncIterator[tuple[Plan, dict[str, list[tuple[str, str]]]]]:
    """The imported plan, and each language's (command, reply) pairs from a board member and chair."""
    found: dict[str, list[tuple[str, str]]] = {}
    plan: Plan | None = None
    for language in ("sv", "en"):
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
            components = client.app[COMPONENTS]
            text = (PLANS / request.param).read_text(encoding="utf-8")
            draft = replace(parse_plan(text), year=NOW.year)  # reports are for this year
            components.repository.save_plan(DISTRICT, draft, now=NOW)
            components.people.grant(MEGAN, DISTRICT, Role.BOARD, now=NOW)
            components.people.grant(MEGAN, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
            plan = components.repository.plan(DISTRICT)
            assert plan is not None and not plan.example
            found[language] = []
            for command in walk(plan, language):
                answer = shown(await ask(client, connector, command, locale=CLIENT[language]))
                found[language].append((command, answer))
        finally:
            await client.close()
    assert plan is not None
    yield plan, found


async def test_an_imported_plan_is_shown_in_the_readers_language(
    walked: tuple[Plan, dict[str, list[tuple[str, str]]]],
) -> None:
    plan, replies = walked
    vocabulary = vocabularies()
    swedish = vocabulary["sv"] | the_plans_own_words(plan)
    mixed = {}
    for language, pairs in replies.items():
        other = vocabulary["en"] if language == "sv" else swedish
        for command, answer in pairs:
            stray = words(without_the_plans_sentences(answer, plan)) & other
            if stray:
                mixed[f"{language}: {command}"] = sorted(stray)
    assert mixed == {}


async def test_an_area_is_understood_by_either_name(
    walked: tuple[Plan, dict[str, list[tuple[str, str]]]],
) -> None:
    """Every report naming an area, in either language, is stored: none is asked for its area again."""
    plan, replies = walked
    for language, pairs in replies.items():
        for command, answer in pairs:
            named = any(command.endswith(plan.area_in(a, language).lower()) for a in plan.priority_areas)
            if named:
                assert answer.startswith(("Stored #", "Sparad", "Sparat", "#")), (command, answer)


async def test_the_board_gives_english_that_outlives_a_new_import(
    settings: Settings, connector: FakeConnector
) -> None:
    """The board knows better than the glossary: "goal 2 english basic course" gives goal 2's unit in
    English, "areas Vården = Health services" an area's English name; both hold when the plan is imported
    again, and the area is understood by its new name."""
    app = create_app(settings.model_copy(update={"admins": ["aad-megan"]}), clock=fixed_clock)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    try:
        components = client.app[COMPONENTS]
        draft = replace(parse_plan((PLANS / "stilar_dalarna.md").read_text(encoding="utf-8")), year=NOW.year)
        components.repository.save_plan(DISTRICT, draft, now=NOW)
        components.people.grant(MEGAN, DISTRICT, Role.BOARD, now=NOW)
        assert "2 introductory courses per half-year" in shown(await ask(client, connector, "goals 2"))
        await ask(client, connector, "goal 2 english basic courses")
        named = shown(await ask(client, connector, "areas Vården = Health services"))
        assert "Priority areas: Health services, Housing, Climate" in named
        wrong = shown(await ask(client, connector, "areas Skolan = Schools"))
        assert "Name one of the plan's priority areas" in wrong
        components.repository.save_plan(DISTRICT, draft, now=NOW)  # the same file, sent again
        assert "at least 2 basic courses per half-year" in shown(await ask(client, connector, "goals 2"))
        stored = shown(await ask(client, connector, "report 1 1 health services"))
        assert stored.startswith("Stored #1: goal 1, 1 study circle (Health services) for the district")
        swedish = shown(await ask(client, connector, "mål 2", locale="sv-SE"))
        assert "minst 2 grundkursen per halvår" in swedish  # the Swedish stays the plan's own
    finally:
        await client.close()
