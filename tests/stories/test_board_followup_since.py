"""The board's follow-up from the day the board means, through the real server (the sample district of
tests/stories/conftest.py on Sunday 22 November 2026).

What a board member means: "uppföljning sedan förra mötet" (or "sedan senaste mötet", "since the last
meeting") is what has happened since the board last looked, the same as "uppföljning" alone, not a date it
cannot read. "uppföljning sedan kvartal 3" ("since Q3", "sedan tredje kvartalet") is since 1 July, the
first day of the quarter; in November "kvartal 4" is this October, never a quarter still to come, and
"förra kvartalet" ("last quarter") is 1 July. "sedan årsskiftet" is 1 January; "sedan mötet 12/11" is
12 November.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.stories.conftest import ANNA, MEGAN, District


@pytest.mark.parametrize(
    ("asked", "plain", "locale"),
    [
        ("uppföljning sedan förra mötet", "uppföljning", "sv-SE"),
        ("Uppföljning sedan senaste styrelsemötet", "uppföljning", "sv-SE"),
        ("uppföljning sen sist", "uppföljning", "sv-SE"),
        ("follow-up since the last meeting", "follow-up", "en-US"),
        ("follow-up since last board meeting", "follow-up", "en-US"),
    ],
)
async def test_since_the_last_meeting_is_since_the_last_follow_up(
    district: District, asked: str, plain: str, locale: str
) -> None:
    district.clock.now -= timedelta(days=14)
    await district.say(MEGAN, "uppföljning")  # the board's meeting on 8 November
    district.clock.now += timedelta(days=14)
    expected = (await district.say(ANNA, plain, locale=locale)).split("\n")[0]
    assert expected in ("Uppföljning sedan 8 nov. 2026", "Follow-up since 8 Nov 2026")
    answer = await district.say(ANNA, asked, locale=locale)
    assert answer.split("\n")[0] == expected, (asked, answer)


@pytest.mark.parametrize(
    ("asked", "header", "locale"),
    [
        ("uppföljning sedan kvartal 3", "Uppföljning sedan 1 juli 2026", "sv-SE"),
        ("uppföljning sedan tredje kvartalet", "Uppföljning sedan 1 juli 2026", "sv-SE"),
        ("uppföljning Q4", "Uppföljning sedan 1 okt. 2026", "sv-SE"),
        ("follow-up since Q3", "Follow-up since 1 Jul 2026", "en-US"),
        ("follow-up since the third quarter", "Follow-up since 1 Jul 2026", "en-US"),
        ("uppföljning sedan förra kvartalet", "Uppföljning sedan 1 juli 2026", "sv-SE"),
        ("uppföljning sedan det här kvartalet", "Uppföljning sedan 1 okt. 2026", "sv-SE"),
        ("follow-up since last quarter", "Follow-up since 1 Jul 2026", "en-US"),
        ("follow-up since this quarter", "Follow-up since 1 Oct 2026", "en-US"),
        ("uppföljning sedan årsskiftet", "Uppföljning sedan 1 jan. 2026", "sv-SE"),
        ("follow-up since the start of the year", "Follow-up since 1 Jan 2026", "en-US"),
        ("uppföljning sedan mötet 12/11", "Uppföljning sedan 12 nov. 2026", "sv-SE"),
        ("follow-up since the meeting on 12 Nov", "Follow-up since 12 Nov 2026", "en-US"),
    ],
)
async def test_since_a_quarter_is_since_its_first_day(
    district: District, asked: str, header: str, locale: str
) -> None:
    answer = await district.say(MEGAN, asked, locale=locale)
    assert answer.split("\n")[0] == header, (asked, answer)


@pytest.mark.parametrize(
    ("asked", "header", "locale"),
    [
        ("follow up", "Follow-up since 1 Jan 2026", "en-US"),
        ("Follow up since Q3", "Follow-up since 1 Jul 2026", "en-US"),
        ("hi, follow up since the last meeting", "Follow-up since 1 Jan 2026", "en-US"),
        ("follow up", "Follow-up since 1 Jan 2026", "sv-SE"),  # the English word: English, as `follow-up`
        ("hej, uppföljning sedan förra mötet", "Uppföljning sedan 1 jan. 2026", "sv-SE"),
    ],
)
async def test_follow_up_written_as_two_words_is_the_follow_up(
    district: District, asked: str, header: str, locale: str
) -> None:
    """ "follow up" is how many write `follow-up`: the follow-up, not "Did you mean followup up?"."""
    answer = await district.say(MEGAN, asked, locale=locale)
    assert answer.split("\n")[0] == header, (asked, answer)
