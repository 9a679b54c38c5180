"""A card's question answered with a tap can ask again: Megan taps "1 samtal" on "1 eller 1 100?", and the
same report is already stored, so the answer beside the card asks "Om det hände två gånger, skriv:
rapportera … ja". She answers as people answer a question: "ja" (it happened twice: stored, as the line
would) or "nej"/"avbryt" (nothing stored, and said so). That question was never kept: "ja" was "Jag känner
inte till kommandot ”ja”", "nej" "Det finns inget att avbryta". A tap on the answered card again changes
nothing, and a typed answer after the question was answered is told there is nothing waiting.

The real server in Teams, 10 June 2026, Swedish and English.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.fakes.chat import card_of
from tests.stories.conftest import MEGAN, District, shown
from tests.stories.test_repeats_and_readings import CALLS, MONEY, _with_goals

MIDYEAR = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)


async def _asked_again(district: District, calls: int, locale: str) -> str:
    """Report 1 call, then the same 1 call read from "1 100": the tap's answer asks whether it was twice."""
    await district.say(MEGAN, f"rapportera {calls} 1", locale=locale)
    await district.say(MEGAN, f"rapportera {calls} 1 100 samtal", locale=locale)
    alone, *_ = card_of(district.connector.posted[-1].body)["actions"]
    first = shown(await district.tap(MEGAN, alone["data"], locale=locale))
    assert shown(await district.tap(MEGAN, alone["data"], locale=locale)) == first  # tapped again
    return first


@pytest.mark.parametrize(
    ("locale", "no", "cancelled", "nothing"),
    [
        ("sv-SE", "nej", "Avbrutet. Inget sparades.", "Det finns inget att avbryta"),
        ("sv-SE", "avbryt", "Avbrutet. Inget sparades.", "Det finns inget att avbryta"),
        ("en-US", "no", "Cancelled; nothing was stored.", "There is nothing to cancel"),
        ("en-US", "cancel", "Cancelled; nothing was stored.", "There is nothing to cancel"),
    ],
)
async def test_a_no_typed_after_the_taps_question_cancels_it(
    district: District, locale: str, no: str, cancelled: str, nothing: str
) -> None:
    district.clock.now = MIDYEAR
    calls, _ = _with_goals(district, CALLS, MONEY)
    asked = await _asked_again(district, calls, locale)
    assert asked.startswith("#1 ") and asked.endswith((" ja", " yes")), asked
    assert await district.say(MEGAN, no, locale=locale) == cancelled
    assert len(district.reports()) == 1
    assert (await district.say(MEGAN, no, locale=locale)).startswith(nothing)


@pytest.mark.parametrize(
    ("locale", "yes", "stored"), [("sv-SE", "ja", "Sparat #2"), ("en-US", "yes", "Stored #2")]
)
async def test_a_yes_typed_after_the_taps_question_stores_it(
    district: District, locale: str, yes: str, stored: str
) -> None:
    district.clock.now = MIDYEAR
    calls, _ = _with_goals(district, CALLS, MONEY)
    await _asked_again(district, calls, locale)
    assert (await district.say(MEGAN, yes, locale=locale)).startswith(stored)
    assert [r.value for r in district.reports()] == [1, 1]
    assert (await district.say(MEGAN, yes, locale=locale)).startswith(
        ("Det finns inget att säga ja till", "There is nothing to say yes to")
    )


@pytest.mark.parametrize(
    ("channel", "locale", "yes", "which", "no", "cancelled"),
    [
        ("msteams", "sv-SE", "ja", "Svara 1 eller 1100, eller avbryt.", "nej", "Avbrutet. Inget sparades."),
        (
            "test",
            "sv-SE",
            "ja tack",
            "Svara 1 eller 1100, eller avbryt.",
            "avbryt",
            "Avbrutet. Inget sparades.",
        ),
        ("msteams", "en-US", "yes", "Answer 1 or 1100, or cancel.", "no", "Cancelled; nothing was stored."),
        ("test", "en-US", "yes", "Answer 1 or 1100, or cancel.", "cancel", "Cancelled; nothing was stored."),
    ],
)
async def test_a_yes_to_one_or_the_other_asks_which_and_the_question_still_waits(
    district: District, channel: str, locale: str, yes: str, which: str, no: str, cancelled: str
) -> None:
    """ "ja" to "1 eller 1 100?" picks neither: the bot says which answers it takes, and a "nej" after it
    still cancels the question (it was "Jag känner inte till kommandot ”ja”", and the question was gone)."""
    district.clock.now = MIDYEAR
    calls, _ = _with_goals(district, CALLS, MONEY)
    await district.say(MEGAN, f"rapportera {calls} 1 100 samtal", locale=locale, channel=channel)
    assert (await district.say(MEGAN, yes, locale=locale, channel=channel)).startswith(which)
    assert await district.say(MEGAN, no, locale=locale, channel=channel) == cancelled
    assert district.reports() == []
