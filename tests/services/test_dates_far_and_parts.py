"""A pause until after a holiday months away, days listed with a dot, a follow-up since a part of a month and
the end of last week in a check-in, as bot/services/dates.py reads them; the clock set in each test.

What the writer means, written down before the code:
- "paus till efter nyår", "efter jul", "till efter sommaren", "until after New Year" name a holiday close
  ahead: a board almost never means a pause of most of a year. Such a pause is asked about when it is
  months away (`far_after` gives the days it would be, for the answer): one ending in the Christmas
  holidays before November (as "efter helgerna"), one ending in the summer before 1 March, any other longer
  than half a year. Close ahead it is read as before ("till efter nyår" on 1 December: to 1 January).
- "möte 3.10 mars", "3/10 mars", "3/10 March", "3.10.17 mars", "3.10. mars": a chair lists days of the
  month named after them (3 and 10 March), as "3,10 mars"; never 3 October and then March. Without a month
  right after ("möte 3.10", "3.10 kl 18") or after "kl" ("kl 18.10 mars") it is a day and month (a time),
  as before; "3/10 may" lower-case may be the verb.
- A follow-up "sedan mitten av oktober", "since mid-October" starts on the 15th, the day a check-in's
  "mitten av oktober" is stored on (it was the 1st); "sedan slutet av september" the 25th; "sedan början
  av oktober", "since early October" the 1st, everything of the month. Under way, the middle of the days
  that have come ("sedan mitten av oktober" on 12 October: the 11th), never a day ahead.
- "möte i slutet av förra veckan", "at the end of last week", "late last week" in a check-in is about
  Friday of last week, where a board's week of work ends (it was that week's Monday); its middle ("mitt i
  förra veckan", "mid last week") the Wednesday, its start the Monday; "i slutet av vecka 48", "end of week
  48" that week's Friday ("end of week 48" was this week). The answer says how it was read
  (`read_loosely`).
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.dates import Span, far_after, find, find_all, read_loosely, read_period_ahead, two_readings
from bot.services.followup import parse_since

MAY, DECEMBER = date(2027, 5, 12), date(2026, 12, 7)


@pytest.mark.parametrize(
    ("words", "today", "last"),
    [
        ("till efter nyår", MAY, date(2028, 1, 1)),
        ("efter nyår", MAY, date(2028, 1, 1)),
        ("efter jul", MAY, date(2027, 12, 26)),
        ("till efter julen", MAY, date(2027, 12, 26)),
        ("tills efter trettondagen", MAY, date(2028, 1, 6)),
        ("until after New Year", MAY, date(2028, 1, 1)),
        ("until after Christmas", MAY, date(2027, 12, 26)),
        ("till efter sommaren", DECEMBER, date(2027, 8, 31)),
        ("after the summer", DECEMBER, date(2027, 8, 31)),
        ("till efter midsommar", DECEMBER, date(2027, 6, 25)),
        ("till efter nyår", date(2026, 9, 10), date(2027, 1, 1)),
        ("till efter påsk", date(2026, 6, 20), date(2027, 3, 29)),
    ],
)
def test_a_pause_until_after_months_away_is_asked(words: str, today: date, last: date) -> None:
    assert read_period_ahead(words.split(), today) is None
    assert far_after(words.split(), today) == Span(today, last)


@pytest.mark.parametrize(
    ("words", "today", "last"),
    [
        ("till efter nyår", date(2026, 12, 1), date(2027, 1, 1)),
        ("efter jul", date(2026, 11, 20), date(2026, 12, 26)),
        ("till efter sommaren", MAY, date(2027, 8, 31)),
        ("after the summer", date(2027, 3, 1), date(2027, 8, 31)),
        ("efter påsk", DECEMBER, date(2027, 3, 29)),
        ("till efter midsommar", date(2027, 3, 5), date(2027, 6, 25)),
        ("till efter 3/1", DECEMBER, date(2027, 1, 3)),
    ],
)
def test_a_pause_until_after_close_ahead_is_read(words: str, today: date, last: date) -> None:
    assert read_period_ahead(words.split(), today) == Span(today, last)
    assert far_after(words.split(), today) is None


def test_other_words_are_not_asked_about() -> None:
    for words in ("till efter helgerna", "till efter 3/1", "juli-augusti", "efter mitten av december"):
        assert far_after(words.split(), MAY) is None, words


@pytest.mark.parametrize(
    ("written", "days"),
    [
        ("möte 3.10 mars", [(3, 3), (3, 10)]),
        ("möte 3/10 mars", [(3, 3), (3, 10)]),
        ("möten 3.10. mars", [(3, 3), (3, 10)]),
        ("träffar 3.10.17 mars", [(3, 3), (3, 10), (3, 17)]),
        ("meetings 3/10 March", [(3, 3), (3, 10)]),
        ("möte 12.10 feb", [(2, 12), (2, 10)]),
        ("möte 3.10 mars 2026", [(3, 3), (3, 10)]),
        ("möte 3.10", [(10, 3)]),
        ("möte 3.10 kl 18", [(10, 3)]),
    ],
)
def test_days_glued_by_a_dot_before_a_month_are_listed(written: str, days: list[tuple[int, int]]) -> None:
    found = find_all(written.split(), date(2026, 12, 7))
    assert [(span.first.month, span.first.day) for span, _, _ in found] == days
    assert all(span.first == span.last for span, _, _ in found)


def test_days_before_a_month_are_not_asked_which_is_the_month() -> None:
    assert two_readings("meetings 3/10 March".split(), date(2026, 12, 7)) is None
    assert two_readings("meeting 3/10".split(), date(2026, 12, 7)) is not None


@pytest.mark.parametrize(
    ("asked", "today", "day"),
    [
        ("sedan mitten av oktober", DECEMBER, date(2026, 10, 15)),
        ("sedan i mitten av oktober", DECEMBER, date(2026, 10, 15)),
        ("sedan mitten oktober", DECEMBER, date(2026, 10, 15)),
        ("sedan mitt i oktober", DECEMBER, date(2026, 10, 15)),
        ("since mid-October", DECEMBER, date(2026, 10, 15)),
        ("since the middle of October", DECEMBER, date(2026, 10, 15)),
        ("sedan slutet av september", DECEMBER, date(2026, 9, 25)),
        ("since the end of September", DECEMBER, date(2026, 9, 25)),
        ("sedan början av oktober", DECEMBER, date(2026, 10, 1)),
        ("since early October", DECEMBER, date(2026, 10, 1)),
        ("sedan oktober", DECEMBER, date(2026, 10, 1)),
        ("sedan mitten av oktober", date(2026, 10, 12), date(2026, 10, 11)),
    ],
)
def test_a_follow_up_since_a_part_of_a_month(asked: str, today: date, day: date) -> None:
    assert parse_since(asked, today, 2026) == day


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("möte i slutet av förra veckan", date(2026, 12, 4)),
        ("möte slutet av förra veckan", date(2026, 12, 4)),
        ("meeting at the end of last week", date(2026, 12, 4)),
        ("meeting late last week", date(2026, 12, 4)),
        ("möte i mitten av förra veckan", date(2026, 12, 2)),
        ("möte mitt i förra veckan", date(2026, 12, 2)),
        ("meeting mid last week", date(2026, 12, 2)),
        ("möte i början av förra veckan", date(2026, 11, 30)),
        ("meeting early last week", date(2026, 11, 30)),
        ("möte i slutet av förrförra veckan", date(2026, 11, 27)),
        ("möte i slutet av vecka 48", date(2026, 11, 27)),
        ("meeting end of week 48", date(2026, 11, 27)),
        ("möte i slutet av veckan", date(2026, 12, 11)),  # ahead: the check-in refuses it
    ],
)
def test_a_part_of_a_week_in_a_check_in_is_a_working_day(written: str, day: date) -> None:
    found = find(written.split(), date(2026, 12, 9))  # a Wednesday
    assert found is not None and found[0] == Span(day, day)
    assert read_loosely(written.split()[found[1] : found[1] + found[2]])


def test_a_week_with_no_part_is_the_week() -> None:
    found = find("möte förra veckan".split(), date(2026, 12, 9))
    assert found is not None and found[0] == Span(date(2026, 11, 30), date(2026, 12, 6))
