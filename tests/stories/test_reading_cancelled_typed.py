"""A report whose value may be followed by its thousands group ("rapportera N 1 100 samtal" on a goal of
2 000 calls) is asked about on a card: 1, or 1 100? The card has a button for each reading and one to
cancel. A board member who types "avbryt" (or "nej", "never mind") instead of tapping means the same as the
Cancel button: nothing is stored, and the bot says so ("Avbrutet. Inget sparades."), not "Det finns inget
att avbryta: jag väntar inte på något svar från dig", which was false while the card's buttons still
stored. Once a button has answered the question, a typed "avbryt" has nothing left to cancel, and with no
question asked at all it never had.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.fakes.chat import card_of
from tests.stories.conftest import MEGAN, District, shown
from tests.stories.test_repeats_and_readings import CALLS, MONEY, _with_goals

MIDYEAR = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)
CANCELLED = {"sv-SE": "Avbrutet. Inget sparades.", "en-US": "Cancelled; nothing was stored."}
NOTHING = {
    "sv-SE": "Det finns inget att avbryta: jag väntar inte på något svar från dig.",
    "en-US": "There is nothing to cancel: I am not waiting for an answer from you.",
}


def _buttons(district: District) -> list[dict[str, Any]]:
    return list(card_of(district.connector.posted[-1].body)["actions"])


@pytest.mark.parametrize(
    ("report", "typed", "locale"),
    [
        ("rapportera {goal} 1 100 samtal", "avbryt", "sv-SE"),
        ("rapportera {goal} 1 100", "Avbryt!", "sv-SE"),
        ("rapportera {goal} 1 100 samtal i går", "nej", "sv-SE"),
        ("rapportera {goal} 1 100", "glöm det", "sv-SE"),
        ("report {goal} 1 100 calls", "cancel", "en-US"),
        ("report {goal} 1 100", "never mind", "en-US"),
        ("report {goal} 1 100 calls", "no", "en-US"),
    ],
)
async def test_a_typed_cancel_cancels_the_cards_question(
    district: District, report: str, typed: str, locale: str
) -> None:
    district.clock.now = MIDYEAR
    calls, _ = _with_goals(district, CALLS, MONEY)
    asked = await district.say(MEGAN, report.format(goal=calls), locale=locale)
    assert asked.startswith((f"Mål {calls}: menade du 1", f"Goal {calls}: did you mean 1"))
    assert await district.say(MEGAN, typed, locale=locale) == CANCELLED[locale]
    assert district.reports() == []
    # asked once: nothing waits any more
    assert await district.say(MEGAN, typed, locale=locale) == NOTHING[locale]


async def test_once_a_button_answered_a_typed_cancel_has_nothing_to_cancel(district: District) -> None:
    district.clock.now = MIDYEAR
    calls, _ = _with_goals(district, CALLS, MONEY)
    await district.say(MEGAN, f"rapportera {calls} 1 100 samtal")
    _, joined, _ = _buttons(district)
    assert shown(await district.tap(MEGAN, joined["data"])).startswith(f"Sparat #1: mål {calls}, 1\xa0100")
    assert await district.say(MEGAN, "avbryt") == NOTHING["sv-SE"]
    assert [r.value for r in district.reports()] == [1100]

    await district.say(MEGAN, f"report {calls} 1 100 calls", locale="en-US")
    *_, cancel = _buttons(district)
    assert shown(await district.tap(MEGAN, cancel["data"], locale="en-US")) == CANCELLED["en-US"]
    assert await district.say(MEGAN, "cancel", locale="en-US") == NOTHING["en-US"]
    assert len(district.reports()) == 1


async def test_a_command_meanwhile_is_answered_and_the_question_still_cancels(district: District) -> None:
    """She looks at the goal before deciding, then types "avbryt": the question was still open (its buttons
    still work), so it is cancelled."""
    district.clock.now = MIDYEAR
    calls, _ = _with_goals(district, CALLS, MONEY)
    await district.say(MEGAN, f"rapportera {calls} 1 100 samtal")
    assert (await district.say(MEGAN, f"mål {calls}")).startswith(f"Mål {calls}:")
    assert await district.say(MEGAN, "avbryt") == CANCELLED["sv-SE"]
    assert district.reports() == []
