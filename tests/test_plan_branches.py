"""The plan's own branch list (issue 19): a plan that names its branches, under a heading of their own or
in a sentence ("Distriktet har föreningar i …"), offers them in the review; importing adds them to the
district's list (unless the board says not to), so reports and roles match them from the start."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from bot.services.plan import parse_plan
from tests.fakes.chat import ask, reply_text
from tests.fakes.connector import FakeConnector
from tests.test_plan_upload import client, files, send_file  # noqa: F401 - fixtures

PLAN = """# Verksamhetsplan 2026 för Vänsterpartiet Västernorrland

## Våra partiföreningar

Sundsvall, Härnösand, Timrå …

## Organisering

Distriktet har föreningar i Örnsköldsvik och Sollefteå.

Vi kommer att:

- Hålla minst ett ordförandemöte i kvartalet
- Genomföra en höstkonferens
"""


def test_the_plan_names_its_branches_under_a_heading_or_in_a_sentence() -> None:
    draft = parse_plan(PLAN)
    assert draft.branches == ("Sundsvall", "Härnösand", "Timrå", "Örnsköldsvik", "Sollefteå")
    assert [goal.text for goal in draft.goals] == [
        "Hålla minst ett ordförandemöte i kvartalet",
        "Genomföra en höstkonferens",
    ]
    line = (
        "# Plan 2026\n\nPartiföreningar: Sundsvall, Härnösand och Timrå\n\n## Mål\n\nVi ska:\n\n- Ett möte\n"
    )
    assert parse_plan(line).branches == ("Sundsvall", "Härnösand", "Timrå")
    # Groups of branches are not branches, and a goal's list is no branch list.
    assert (
        parse_plan(
            "# Plan 2026\n\n## Stöd\n\nDet finns idag fem partiföreningsgrupper i Mittskåne och Sösk.\n\n"
            "Vi kommer att:\n\n- Öka kontakten med partiföreningar\n"
        ).branches
        == ()
    )


async def test_the_review_offers_the_branches_and_the_import_adds_them(
    client: TestClient,  # noqa: F811
    connector: FakeConnector,
    files: dict[str, Any],  # noqa: F811
) -> None:
    files["served"]["plan.md"] = PLAN.encode()
    review = reply_text(await send_file(client, connector, "plan.md", files["url"]("plan.md")))
    assert (
        "Partiföreningar i planen: Sundsvall, Härnösand, Timrå, Örnsköldsvik, Sollefteå. Importen lägger "
        "till dem som inte redan finns i distriktets lista"
    ) in review
    # Nothing is created before the board imports.
    assert "Sundsvall" not in reply_text(await ask(client, connector, "partiföreningar", locale="sv-SE"))
    done = reply_text(await ask(client, connector, "plan importera", locale="sv-SE"))
    assert done.endswith("Nya partiföreningar: Sundsvall, Härnösand, Timrå, Örnsköldsvik, Sollefteå.")
    listed = reply_text(await ask(client, connector, "branches", locale="en-US"))
    for name in ("Sundsvall", "Härnösand", "Timrå", "Örnsköldsvik", "Sollefteå"):
        assert name in listed
    assert "How Sundsvall stands" in reply_text(
        await ask(client, connector, "status sundsval", locale="en-US")
    )
    # The same plan again, in English, declined: nothing more is added, nothing doubled.
    review = reply_text(
        await send_file(client, connector, "plan.md", files["url"]("plan.md"), locale="en-US")
    )
    assert "to import without them, write: plan import without branches" in review
    done = reply_text(await ask(client, connector, "plan import without branches", locale="en-US"))
    assert done.startswith("Imported 2 goals") and "Branches added" not in done
    assert reply_text(await ask(client, connector, "branches", locale="en-US")).count("Sundsvall") == 1
