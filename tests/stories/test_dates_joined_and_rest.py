"""Two named days joined, and the rest of a period, in a check-in through the real server
(bot/services/dates.py), in Swedish and English, the clock set explicitly.

What a chair means:
- "julinsamling jul till nyår", "från julafton till trettondagen", "Christmas to New Year": the days from
  the first (Christmas Eve) to the last (New Year's Day, Epiphany), the latest such days begun, not
  Christmas alone with "till nyår" left as the comment; a check-in stores its first day, or asks when the
  days count in two periods of the goal, as for any range.
- "möte resten av november", "for the rest of the month", written in November: from today to its end
  (stored on today), not all November (stored on the 1st, a day that had passed before the meeting). The
  rest of a month gone by ("resten av oktober" in November) says no day: when did the rest begin? It is
  asked for.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, District

WEDNESDAY = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
IN_JANUARY = datetime(2027, 1, 8, 10, 0, tzinfo=UTC)


def _stored(district: District) -> list[tuple[str, str | None]]:
    return [(c.happened_on.isoformat(), c.comment) for c in district.reports()]


@pytest.mark.parametrize(
    ("written", "locale", "answer_start", "comment"),  # "möte" alone says no more than the goal
    [
        ("möte resten av november", "sv-SE", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 18 nov.", None),
        (
            "möten under resten av månaden",
            "sv-SE",
            "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 18 nov.",
            None,
        ),
        (
            "meetings the rest of November",
            "en-US",
            "Stored #1: goal 4, 1 members' meeting for Sundsvall, 18 Nov",
            None,
        ),
        (
            "meetings for the rest of the month",
            "en-US",
            "Stored #1: goal 4, 1 members' meeting for Sundsvall, 18 Nov",
            None,
        ),
    ],
)
async def test_the_rest_of_a_month_is_from_today(
    meetings: District, written: str, locale: str, answer_start: str, comment: str
) -> None:
    meetings.clock.now = WEDNESDAY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 {written}", locale=locale)
    assert answer.startswith(answer_start), answer
    assert _stored(meetings) == [("2026-11-18", comment)]


async def test_the_rest_of_a_month_gone_by_is_asked(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möte resten av oktober")
    assert "resten av oktober" in answer and not answer.startswith("Sparat"), answer
    assert meetings.reports() == []


@pytest.mark.parametrize(
    ("written", "locale"),
    [
        ("julinsamling jul till nyår", "sv-SE"),
        ("julinsamling från julafton till trettondagen", "sv-SE"),
        ("Christmas collection from Christmas to New Year", "en-US"),
    ],
)
async def test_christmas_to_new_year_is_the_days_between(
    meetings: District, written: str, locale: str
) -> None:
    meetings.clock.now = IN_JANUARY
    verb = "rapportera" if locale == "sv-SE" else "report"
    answer = await meetings.say(KIM, f"{verb} 4 1 {written}", locale=locale)
    stored = (
        "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 24 dec. 2026."
        if locale == "sv-SE"
        else "Stored #1: goal 4"
    )
    assert answer.startswith(stored), answer
    assert [day for day, _comment in _stored(meetings)] == ["2026-12-24"]
    assert all(
        "till" not in (comment or "") and "to" not in (comment or "").split()
        for _d, comment in _stored(meetings)
    )
