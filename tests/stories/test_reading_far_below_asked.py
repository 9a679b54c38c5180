"""A reading far below the one before it is asked about before it is stored, as a count far beyond the
target is.

What a board member or chair means: goal 12 counts the district's Facebook followers, from 1 500 to 2 000.
"rapportera 12 2 följare", or "ändra 1 2" on a report of 1 800 följare, is almost surely digits left out
(1 800 meant, "1 8" typed as "2"), not a page that lost nearly every follower; the answer names the
reading it is far below (the last report's, or the plan's 1 500 before any) and the line that stores it
all the same. Far below is under a tenth. A reading near the last one (1 850) is stored without a word.

Megan is on the board; the clock is set on each story.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import MEGAN, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_a_reading_far_below_is_asked_about_in_swedish(district: District) -> None:
    district.clock.now = SUNDAY
    assert await district.say(MEGAN, "rapportera 12 2 följare") == (
        "2 följare? Mål 12 utgår från 1\xa0500 följare, så inget sparades. "
        "Om 2 följare stämmer, skriv: rapportera 12 2 2026-11-22 ja"
    )
    assert district.reports() == []
    stored = await district.say(MEGAN, "rapportera 12 1 800 följare")
    assert stored.startswith("Sparat #1: mål 12, 1\xa0800")
    assert await district.say(MEGAN, "ändra 1 2") == (
        "2 följare? #1 säger 1\xa0800 följare, så den är oförändrad. "
        "Om 2 följare stämmer, skriv: ändra 1 2 ja"
    )
    assert await district.say(MEGAN, "rapportera 12 150 följare i går") == (
        "150 följare? Förra avläsningen var 1\xa0800 följare, så inget sparades. "
        "Om 150 följare stämmer, skriv: rapportera 12 150 2026-11-21 ja"
    )
    assert (await district.say(MEGAN, "ändra 1 1 850")).startswith("Rättat #1: mål 12, nu 1\xa0850 följare")
    assert (await district.say(MEGAN, "ändra 1 2 ja")).startswith("Rättat #1: mål 12, nu 2 följare")


async def test_a_reading_far_below_is_asked_about_in_english(district: District) -> None:
    district.clock.now = SUNDAY
    en = "en-US"
    stored = await district.say(MEGAN, "report 12 1,800 followers", locale=en)
    assert stored.startswith("Stored #1: goal 12")
    assert await district.say(MEGAN, "report 12 2 followers", locale=en) == (
        "2 followers? The last reading was 1,800 followers, so nothing was stored. "
        "If 2 followers is right, write: report 12 2 2026-11-22 yes"
    )
    assert await district.say(MEGAN, "correct 1 2", locale=en) == (
        "2 followers? #1 says 1,800 followers, so it is unchanged. "
        "If 2 followers is right, write: correct 1 2 yes"
    )
    assert [c.value for c in district.reports()] == [1800]
