"""A report repeated from the check-in card is asked about on the card; a value followed by a number that
may be a thousands group is asked about, or read as the goal allows."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.db.repository import Repository
from bot.services.goals import AMOUNT_UNIT, Period, Target, TargetKind
from bot.services.plan import GoalDraft, SectionDraft, load_sample_plan
from tests.conftest import NOW
from tests.fakes.chat import card_of
from tests.stories.conftest import DISTRICT, KIM, MEGAN, District, shown


def _submit(token: str, **fields: str) -> dict[str, Any]:
    return {"form": "checkin", "submission": token, "date": "2026-11-21", "comment": "", **fields}


def _buttons(answer: dict[str, Any]) -> list[dict[str, Any]]:
    return list(answer["value"].get("actions", []))


async def test_a_repeat_from_the_card_is_asked_with_yes_and_no_and_stored_once_on_yes(
    district: District,
) -> None:
    """A chair who held two study circles on one day sends the card twice: the second is asked about,
    Ja stores it (once, however often tapped), Nej stores nothing."""
    first = await district.tap(KIM, _submit("formone", goal="3", value="1"))
    assert shown(first).startswith("Sparat #1")
    asked = await district.tap(KIM, _submit("formtwo", goal="3", value="1"))
    assert shown(asked).startswith("#1 säger redan det: mål 3, 1 person för Sundsvall, 21 nov. 2026.")
    assert "rapportera" not in shown(asked)  # no one-line command to copy: the card asks
    yes, no = _buttons(asked)
    assert (yes["title"], no["title"]) == ("Ja, spara den", "Nej")
    assert shown(await district.tap(KIM, yes["data"])).startswith("Sparat #2")
    again = await district.tap(KIM, yes["data"])  # a double tap
    assert "#2" in shown(again) and not shown(again).startswith("Sparat")
    assert len(district.reports()) == 2

    asked = await district.tap(KIM, _submit("formthree", goal="3", value="1"), locale="en-US")
    assert shown(asked).startswith("#1 already says that: goal 3, 1 person for Sundsvall, 21 Nov 2026.")
    yes, no = _buttons(asked)
    assert (yes["title"], no["title"]) == ("Yes, store it", "No")
    assert shown(await district.tap(KIM, no["data"], locale="en-US")) == "Nothing was stored."
    assert len(district.reports()) == 2


def _with_goals(district: District, *goals: GoalDraft) -> list[int]:
    """The sample plan with these goals added in a section of their own; their numbers."""
    sample = load_sample_plan()
    plan = replace(sample, year=2026, sections=(*sample.sections, SectionDraft("Mer", goals)))
    repository = Repository(district.db)
    repository.save_plan(DISTRICT, plan, now=NOW, example=True)
    stored = repository.plan(DISTRICT)
    assert stored is not None
    texts = [g.text for g in goals]
    return [g.number for g in stored.goals if g.text in texts and g.number is not None]


CALLS = GoalDraft(
    "Distriktet ringer 2 000 samtal till medlemmar under året.",
    Target(TargetKind.COUNT, count=2000, period=Period.YEAR, unit="samtal", unit_en="calls"),
)
MONEY = GoalDraft(
    "Distriktet samlar in 50 000 kronor till valfonden.",
    Target(TargetKind.COUNT, count=50_000, period=Period.YEAR, unit=AMOUNT_UNIT),
)


async def test_a_number_that_may_be_a_thousands_group_is_asked_about_where_both_readings_fit(
    district: District,
) -> None:
    """ "1 100 samtal" on a goal of 2 000 calls may be 1 (and a comment) or 1 100: the board member is
    asked on a card, each reading with what it counts ("1 call or 1,100 calls?", as the answer will say it),
    taps the reading meant, and that is what is stored, once however often tapped; Avbryt stores nothing."""
    calls, _ = _with_goals(district, CALLS, MONEY)
    asked = await district.say(MEGAN, f"rapportera {calls} 1 100 samtal i går")
    assert asked == (
        f"Mål {calls}: menade du 1 samtal (med kommentaren ”100 samtal”) eller 1\xa0100 samtal? "
        "Inget sparas förrän du har valt."
    )
    alone, joined, cancel = _asked(district)
    assert (alone["title"], joined["title"], cancel["title"]) == (
        "1 samtal (med kommentaren ”100 samtal”)",
        "1\xa0100 samtal",
        "Avbryt",
    )
    assert district.reports() == []
    stored = shown(await district.tap(MEGAN, joined["data"]))
    assert stored.startswith(f"Sparat #1: mål {calls}, 1\xa0100 samtal för distriktet, 21 nov. 2026.")
    again = shown(await district.tap(MEGAN, joined["data"]))  # a double tap
    assert again.startswith("Formuläret är redan skickat och sparat som #1.")
    [first] = district.reports()
    assert (first.value, first.comment) == (1100, None)  # "samtal": the unit

    asked = await district.say(MEGAN, f"report {calls} 1 100 calls", locale="en-US")
    assert asked.startswith(
        f"Goal {calls}: did you mean 1 call (with the comment “100 calls”) or 1,100 calls?"
    )
    alone, joined, cancel = _asked(district)
    assert shown(await district.tap(MEGAN, alone["data"], locale="en-US")) == (
        f"Stored #2: goal {calls}, 1 call for the district, 22 Nov 2026. Correct it with: correct 2 VALUE"
    )
    assert district.reports()[-1].comment == "100 calls"

    await district.say(MEGAN, f"rapportera {calls} 1 100")
    alone, joined, cancel = _asked(district)
    assert shown(await district.tap(MEGAN, cancel["data"])) == "Avbrutet. Inget sparades."
    assert len(district.reports()) == 2


def _asked(district: District) -> list[dict[str, Any]]:
    """The buttons of the card the bot last posted."""
    return list(card_of(district.connector.posted[-1].body)["actions"])


async def test_a_number_only_one_reading_fits_is_read_so_without_asking(district: District) -> None:
    """A meeting a quarter cannot be 1 100 meetings: the reading the goal allows is taken. Money is written
    as Swedes group it: "1 100 kr" towards 50 000 kronor is 1 100."""
    calls, money = _with_goals(district, CALLS, MONEY)
    answer = await district.say(MEGAN, "rapportera 6 1 100 deltagare")
    assert answer.startswith("Sparat #1: mål 6, 1 ordförandemöte för distriktet")
    assert district.reports()[-1].comment == "100 deltagare"
    answer = await district.say(MEGAN, f"rapportera {money} 1 100 kr loppis")
    assert answer.startswith(f"Sparat #2: mål {money}, 1\xa0100 kronor för distriktet")
    answer = await district.say(MEGAN, f"report {money} 12 500 SEK from the raffle", locale="en-US")
    assert answer.startswith(f"Stored #3: goal {money}, 12,500 kronor for the district")
    assert [r.value for r in district.reports()] == [1, 1100, 12500]
    # A correction reads the value as a report does, and asks the same question.
    asked = await district.say(MEGAN, "ändra 1 2 100 deltagare")
    assert asked.startswith("Mål 6: menade du 2") is False  # a meeting goal allows one reading only
    assert asked.startswith("Rättat #1: mål 6, nu 2 ordförandemöten för distriktet")
    asked = await district.say(MEGAN, f"rapportera {calls} 450")
    asked = await district.say(MEGAN, "ändra 4 1 100 samtal")
    assert asked.startswith(
        f"Mål {calls}: menade du 1 samtal (med kommentaren ”100 samtal”) eller 1\xa0100 samtal?"
    )
    _, joined, _ = _asked(district)
    assert (
        shown(await district.tap(MEGAN, joined["data"]))
        == f"Rättat #4: mål {calls}, nu 1\xa0100 samtal för distriktet, 22 nov. 2026."
    )
