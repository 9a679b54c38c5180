"""The board's follow-up since a part of a month, through the real server (the sample district of
tests/stories/conftest.py), the clock set to Sunday 22 November 2026.

What a board member means: "uppföljning sedan mitten av oktober", "follow-up since mid-October" is what has
happened since about the 15th of October, the day a check-in's "mitten av oktober" is stored on; it was
since 1 October, half a month too early. "sedan slutet av september", "since the end of September" is
since the 25th (as a check-in stores it); "sedan början av oktober", "since early October" is since
1 October, everything of the month, as "sedan oktober".
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import MEGAN, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("asked", "header", "locale"),
    [
        ("uppföljning sedan mitten av oktober", "Uppföljning sedan 15 okt. 2026", "sv-SE"),
        ("uppföljning sedan i mitten av oktober", "Uppföljning sedan 15 okt. 2026", "sv-SE"),
        ("Uppföljning sen mitten av okt", "Uppföljning sedan 15 okt. 2026", "sv-SE"),
        ("uppföljning sedan mitten av förra månaden", "Uppföljning sedan 15 okt. 2026", "sv-SE"),
        ("uppföljning sedan slutet av september", "Uppföljning sedan 25 sep. 2026", "sv-SE"),
        ("uppföljning sedan början av oktober", "Uppföljning sedan 1 okt. 2026", "sv-SE"),
        ("follow-up since mid-October", "Follow-up since 15 Oct 2026", "en-US"),
        ("follow-up since the middle of October", "Follow-up since 15 Oct 2026", "en-US"),
        ("follow-up since the end of September", "Follow-up since 25 Sep 2026", "en-US"),
        ("follow-up since early October", "Follow-up since 1 Oct 2026", "en-US"),
    ],
)
async def test_since_a_part_of_a_month_is_since_the_day_it_points_at(
    district: District, asked: str, header: str, locale: str
) -> None:
    district.clock.now = SUNDAY
    answer = await district.say(MEGAN, asked, locale=locale)
    assert answer.split("\n")[0] == header, (asked, answer)
