"""A chair who reports the same thing twice in one line ("rapportera 3 1" again on the same day) is asked
about it: "#1 säger redan det … Om det hände två gånger, skriv: rapportera 3 1 2026-06-10 ja". Kim answers
as people answer a question: "ja" means it happened twice (store it, as the line would), "nej" or "avbryt"
that it did not (nothing stored, and said so). "ja" used to be "Jag känner inte till kommandot ”ja”", and
"nej" "Det finns inget att avbryta: jag väntar inte på något svar från dig". A count far beyond the goal's
target is asked and answered the same way. With nothing asked, "ja" is told there is nothing to say yes to.

The real server in Teams (cards) and in a chat without them, on 10 June 2026, in Swedish and English.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, District

MIDYEAR = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("channel", ["msteams", "test"])
async def test_a_repeat_is_answered_with_ja_or_nej(district: District, channel: str) -> None:
    district.clock.now = MIDYEAR
    assert (await district.say(KIM, "rapportera 3 1", channel=channel)).startswith("Sparat #1")
    asked = await district.say(KIM, "rapportera 3 1", channel=channel)
    assert asked.startswith("#1 säger redan det: mål 3, 1 person för Sundsvall, 10 juni 2026. Inget sparades")
    stored = await district.say(KIM, "ja", channel=channel)
    assert stored.startswith("Sparat #2: mål 3, 1 person för Sundsvall")
    await district.say(KIM, "rapportera 3 1", channel=channel)
    assert await district.say(KIM, "nej", channel=channel) == "Avbrutet. Inget sparades."
    await district.say(KIM, "report 3 1", locale="en-US", channel=channel)
    assert (await district.say(KIM, "yes", locale="en-US", channel=channel)).startswith("Stored #3: goal 3")
    assert len(district.reports()) == 3
    # asked once: nothing waits any more
    assert (await district.say(KIM, "ja", channel=channel)).startswith(
        "Det finns inget att säga ja till: jag väntar inte på något svar från dig."
    )


async def test_a_count_far_beyond_the_target_is_answered_with_ja_tack(district: District) -> None:
    district.clock.now = MIDYEAR
    asked = await district.say(KIM, "rapportera 3 1000")
    assert "1\xa0000 personer är långt mer än så, så inget sparades" in asked
    stored = await district.say(KIM, "ja tack")
    assert stored.startswith("Sparat #1: mål 3, 1\xa0000 personer för Sundsvall")
    assert "inget sparades" in await district.say(KIM, "rapportera 3 500")
    assert await district.say(KIM, "avbryt") == "Avbrutet. Inget sparades."
    assert [r.value for r in district.reports()] == [1000]
