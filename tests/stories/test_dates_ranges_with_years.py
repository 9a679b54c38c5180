"""Ranges whose days carry their years, and days ended with a dot, in a check-in through the real server
(bot/services/dates.py), in Swedish and English, the clock set to a Wednesday in November 2026.

What a chair means by "möte 30-9-2026 till 2-10-2026", "2026-11-03 – 2026-11-05", "3 nov 2026-5 nov
2026", "3/11/2026-5/11/2026", "3.11.-5.11." (the dots Finland-Swedes and Germans end a day with): the days
from the first to the last, each in the year written with it, not the first day alone with the rest left
as the comment. A range over two quarters is asked about, as one without years is; one in a quarter is
stored on its first day. "28/12 2026 - 3/1 2027" is 28 December to 3 January, each with its own year.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, District

WEDNESDAY = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "locale"),
    [
        ("möte 2026-11-03 – 2026-11-05", "sv-SE"),
        ("möte 2026-11-03 till 2026-11-05", "sv-SE"),
        ("möte 3 nov 2026-5 nov 2026", "sv-SE"),
        ("möte 3/11/2026-5/11/2026", "sv-SE"),
        ("möte 3.11.2026 - 5.11.2026", "sv-SE"),
        ("möte 3.11.-5.11.", "sv-SE"),
        ("möte 3.11.–5.11.", "sv-SE"),
        ("möte 3.-5.11.", "sv-SE"),
        ("meeting 2026-11-03 to 2026-11-05", "en-US"),
        ("meeting Nov 3 2026-Nov 5 2026", "en-US"),
        ("meeting 3 Nov 2026-5 Nov 2026", "en-US"),
    ],
)
async def test_a_range_with_years_is_its_days(meetings: District, written: str, locale: str) -> None:
    meetings.clock.now = WEDNESDAY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 {written}", locale=locale)
    stored = (
        "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 nov."
        if locale == "sv-SE"
        else "Stored #1: goal 4, 1 members' meeting for Sundsvall, 3 Nov"
    )
    assert answer.startswith(stored), answer
    assert [(c.happened_on.isoformat(), c.comment) for c in meetings.reports()] == [("2026-11-03", None)]


@pytest.mark.parametrize(
    ("written", "locale", "asked"),
    [
        (
            "möte 30-9-2026 till 2-10-2026",
            "sv-SE",
            "Dagarna du skrev (30 sep. 2026–2 okt. 2026) räknas i olika",
        ),
        ("möte 30-9-26 till 2-10-26", "sv-SE", "Dagarna du skrev (30 sep. 2026–2 okt. 2026) räknas i olika"),
        ("möte 30.9.-2.10.", "sv-SE", "Dagarna du skrev (30 sep. 2026–2 okt. 2026) räknas i olika"),
        (
            "meeting 30-9-2026 to 2-10-2026",
            "en-US",
            "The days you wrote (30 Sep 2026 to 2 Oct 2026) count in",
        ),
        (
            "meeting 2026-09-30 – 2026-10-02",
            "en-US",
            "The days you wrote (30 Sep 2026 to 2 Oct 2026) count in",
        ),
    ],
)
async def test_a_range_with_years_over_two_quarters_is_asked(
    meetings: District, written: str, locale: str, asked: str
) -> None:
    meetings.clock.now = WEDNESDAY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 {written}", locale=locale)
    assert answer.startswith(asked), answer
    assert meetings.reports() == []
