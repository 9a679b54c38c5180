"""What a board member means by a pause's period: from today on, both days included, the year guessed the
way people mean it (read by bot/services/dates.py), a month, season or weeks named while under way from today
on, and a day written out that has passed or is no date refused (never
quietly changed)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.prompting import Pause, PauseError, PauseProblem, pause_period

TODAY = date(2026, 9, 10)


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("15/6 15/8", Pause(date(2027, 6, 15), date(2027, 8, 15))),  # summer is over: next summer
        ("20/12 6/1", Pause(date(2026, 12, 20), date(2027, 1, 6))),  # over the new year
        ("10/9 20/9", Pause(date(2026, 9, 10), date(2026, 9, 20))),  # from today
        ("2027-06-15 2027-08-15", Pause(date(2027, 6, 15), date(2027, 8, 15))),
        ("2026-12-20 6/1", Pause(date(2026, 12, 20), date(2027, 1, 6))),
        ("1.7 15.8", Pause(date(2027, 7, 1), date(2027, 8, 15))),
        ("v. 28-32", Pause(date(2027, 7, 12), date(2027, 8, 15))),  # Monday of week 28 to Sunday of 32
        ("juli-augusti", Pause(date(2027, 7, 1), date(2027, 8, 31))),
        ("20-12 6-1", Pause(date(2026, 12, 20), date(2027, 1, 6))),
        ("över julen", Pause(date(2026, 12, 24), date(2027, 1, 6))),  # Christmas Eve to Epiphany
        ("July to August", Pause(date(2027, 7, 1), date(2027, 8, 31))),
        ("15 juni till 15 augusti", Pause(date(2027, 6, 15), date(2027, 8, 15))),
        ("15 juni–15 aug.", Pause(date(2027, 6, 15), date(2027, 8, 15))),
        ("från 1/10 till 15/10", Pause(date(2026, 10, 1), date(2026, 10, 15))),
        ("i sommar", Pause(date(2027, 6, 1), date(2027, 8, 31))),  # this summer is over
        ("vecka 52-1", Pause(date(2026, 12, 21), date(2027, 1, 10))),  # 2026 has a week 53
        ("mellandagarna", Pause(date(2026, 12, 27), date(2026, 12, 30))),
        ("hela juli", Pause(date(2027, 7, 1), date(2027, 7, 31))),
        ("under sommaren", Pause(date(2027, 6, 1), date(2027, 8, 31))),
        ("over the summer", Pause(date(2027, 6, 1), date(2027, 8, 31))),
        ("the whole summer", Pause(date(2027, 6, 1), date(2027, 8, 31))),
        ("1/10 t.o.m. 15/10", Pause(date(2026, 10, 1), date(2026, 10, 15))),
        ("mån 21/12 ons 6/1", Pause(date(2026, 12, 21), date(2027, 1, 6))),  # 6/1 2027 is a Wednesday
        ("🎄 över julen", Pause(date(2026, 12, 24), date(2027, 1, 6))),
        ("Dec 20 to Jan 6", Pause(date(2026, 12, 20), date(2027, 1, 6))),
        # named while under way: the rest of it, from today
        ("september", Pause(TODAY, date(2026, 9, 30))),
        ("i höst", Pause(TODAY, date(2026, 11, 30))),
        ("the whole autumn", Pause(TODAY, date(2026, 11, 30))),
        ("v. 37-38", Pause(TODAY, date(2026, 9, 20))),
        ("augusti-september", Pause(TODAY, date(2026, 9, 30))),
        # the rest of a period: from today; two ends as people name them
        ("resten av september", Pause(TODAY, date(2026, 9, 30))),
        ("the rest of the month", Pause(TODAY, date(2026, 9, 30))),
        ("resten av året", Pause(TODAY, date(2026, 12, 31))),
        ("rest of the week", Pause(TODAY, date(2026, 9, 13))),
        ("resten av hösten", Pause(TODAY, date(2026, 11, 30))),
        ("jul till nyår", Pause(date(2026, 12, 24), date(2027, 1, 1))),
        ("jul-nyår", Pause(date(2026, 12, 24), date(2027, 1, 1))),
        ("from Christmas to New Year", Pause(date(2026, 12, 24), date(2027, 1, 1))),
        ("mellan jul och nyår", Pause(date(2026, 12, 27), date(2026, 12, 30))),
        ("mitten av december till mitten av januari", Pause(date(2026, 12, 15), date(2027, 1, 15))),
        ("early December to mid-January", Pause(date(2026, 12, 1), date(2027, 1, 15))),
        ("1/12 till slutet av januari", Pause(date(2026, 12, 1), date(2027, 1, 31))),
        ("Lucia till trettondagen", Pause(date(2026, 12, 13), date(2027, 1, 6))),
        ("3 dec-5 dec", Pause(date(2026, 12, 3), date(2026, 12, 5))),
        ("30-11–2-12", Pause(date(2026, 11, 30), date(2026, 12, 2))),
    ],
)
def test_a_period_means_the_coming_one(words: str, meant: Pause) -> None:
    assert pause_period(words, TODAY) == meant


@pytest.mark.parametrize(
    ("words", "problem", "detail"),
    [
        ("1/9 30/9", PauseProblem.PAST, "2026-09-01"),  # under way: not shortened to start today
        ("1/9-30/9", PauseProblem.PAST, "2026-09-01"),
        ("Sep 1 to Sep 30", PauseProblem.PAST, "2026-09-01"),
        ("2026-01-01 2026-02-01", PauseProblem.PAST, "2026-01-01"),
        ("31/2 1/3", PauseProblem.NOT_A_DATE, "31/2"),
        ("2027-13-01 2027-14-01", PauseProblem.NOT_A_DATE, "2027-13-01"),
        ("tills vidare", PauseProblem.NOT_TWO_DATES, ""),
        ("15/6 15/8 och 20/12", PauseProblem.NOT_TWO_DATES, ""),
        ("tis 21/12 6/1", PauseProblem.NOT_A_DATE, "tis 21/12"),  # 21/12 2026 is a Monday
        ("2027-03-01 2027-02-01", PauseProblem.BACKWARDS, ""),
        ("2027-01-01 2028-06-01", PauseProblem.TOO_LONG, ""),
    ],
)
def test_a_past_or_impossible_pause_is_refused(words: str, problem: PauseProblem, detail: str) -> None:
    with pytest.raises(PauseError) as raised:
        pause_period(words, TODAY)
    assert (raised.value.code, raised.value.detail) == (problem, detail)
