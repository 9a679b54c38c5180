"""What a board member means by a pause's two dates: from today on, both days included, the year guessed
the way people mean it, and a date that has passed or is no date refused (never quietly changed)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.prompting import Pause, PauseError, PauseProblem, pause_period

TODAY = date(2026, 9, 10)


@pytest.mark.parametrize(
    ("first", "second", "meant"),
    [
        ("15/6", "15/8", Pause(date(2027, 6, 15), date(2027, 8, 15))),  # summer is over: next summer
        ("20/12", "6/1", Pause(date(2026, 12, 20), date(2027, 1, 6))),  # over the new year
        ("10/9", "20/9", Pause(date(2026, 9, 10), date(2026, 9, 20))),  # from today
        ("2027-06-15", "2027-08-15", Pause(date(2027, 6, 15), date(2027, 8, 15))),
        ("2026-12-20", "6/1", Pause(date(2026, 12, 20), date(2027, 1, 6))),
    ],
)
def test_dates_mean_the_coming_period(first: str, second: str, meant: Pause) -> None:
    assert pause_period(first, second, TODAY) == meant


@pytest.mark.parametrize(
    ("first", "second", "problem", "detail"),
    [
        ("1/9", "30/9", PauseProblem.PAST, "2026-09-01"),  # under way: not shortened to start today
        ("2026-01-01", "2026-02-01", PauseProblem.PAST, "2026-01-01"),
        ("31/2", "1/3", PauseProblem.NOT_A_DATE, "31/2"),
        ("2027-13-01", "2027-14-01", PauseProblem.NOT_A_DATE, "2027-13-01"),
        ("i", "sommar", PauseProblem.NOT_TWO_DATES, ""),
        ("2027-03-01", "2027-02-01", PauseProblem.BACKWARDS, ""),
        ("2027-01-01", "2028-06-01", PauseProblem.TOO_LONG, ""),
    ],
)
def test_a_past_or_impossible_pause_is_refused(
    first: str, second: str, problem: PauseProblem, detail: str
) -> None:
    with pytest.raises(PauseError) as raised:
        pause_period(first, second, TODAY)
    assert (raised.value.code, raised.value.detail) == (problem, detail)
