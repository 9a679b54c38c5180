"""Days listed with a glued comma, a part of a month in a check-in, and the holidays in a pause, as
bot/services/dates.py reads them; the clock set explicitly in each test (never today's date).

What the writer means, written down before the code:
- "3,10 mars", "3,10,17 nov", "3/3,10/3", "3rd,10th March", "3 ,10 mars": a chair typing fast leaves out
  the space after the comma; the days are listed as in "3, 10 mars": two (three) meetings, one on each day,
  never the month March (which "3,10 mars" was read as) nor only the last day. "3,5 timmar" stays a
  decimal: no month follows.
- A part of a month in a check-in ("möte mitten av november", "i början av mars", "slutet av oktober",
  "tidigt i november", "sent i oktober", "early March", "mid-November", "end of October", "i mitten av
  förra månaden", "mid-month"): a chair means some day about then, not the 1st (where it was stored). A
  pause reads the same words as about ten days (the 1st to the 10th, the 10th to the 20th, the 20th to the
  month's last); a check-in is stored on the day in the middle of those (the 5th, the 15th, the 25th), and
  the answer names it so the chair can correct it. Under way, the middle of the days that have come
  ("mitten av december" on the 12th: the 11th); ahead ("i slutet av månaden" on the 7th: the 25th), a day
  the check-in refuses as not yet happened. A part of a week is a working day of it
  (test_dates_far_and_parts.py);
  "tidigare i månaden", "earlier this month" name no part, so the month.
- Holidays in a pause: "under semestern", "över semestern", "under sommarlovet", "i sommaruppehållet",
  "during the summer holidays", "over the holidays" (in summer): the summer holidays, midsommarafton (when
  a district's work stops) to 15 August (when most are back, as "till efter semestern" already reads it),
  from today when under way. "under helgerna", "över helgerna", "over the holidays" (from November): the
  Christmas holidays, julafton to trettondagen; "under julen", "over Christmas" as before, any time of
  year; "över jul och nyår" 24 December to 1 January, as "jul till nyår". The same words out of season
  ("till efter helgerna" in May, which may mean Easter, Ascension or a long weekend; "under semestern" in
  December) pause nothing: `holidays_named` gives the next such holidays for an answer that says what was
  understood and what to write instead. In a check-in "möte under semestern" names no day: asked about.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.dates import DateError, Span, find, find_all, holidays_named, read_period_ahead, read_whole

MONDAY = date(2026, 12, 7)  # Monday 7 December 2026


def _days(text: str, today: date = MONDAY) -> list[tuple[str, str]]:
    words = text.split()
    return [(span.first.isoformat(), " ".join(words[at : at + n])) for span, at, n in find_all(words, today)]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("1 möte 3,10 mars", ["2026-03-03", "2026-03-10"]),
        ("2 möten 3,10 och 17 mars", ["2026-03-03", "2026-03-10", "2026-03-17"]),
        ("möten 3,10,17 nov", ["2026-11-03", "2026-11-10", "2026-11-17"]),
        ("möten 3/3,10/3", ["2026-03-03", "2026-03-10"]),
        ("möten 3 ,10 mars", ["2026-03-03", "2026-03-10"]),
        ("meetings 3rd,10th March", ["2026-03-03", "2026-03-10"]),
        ("meetings March 3,10", ["2026-03-03", "2026-03-10"]),
        ("möten 3, 10 mars", ["2026-03-03", "2026-03-10"]),  # as it already was with the space
        ("2 möten 3+10 mars", ["2026-03-03", "2026-03-10"]),
        ("2 möten 3&10 mars", ["2026-03-03", "2026-03-10"]),
        ("2 möten 3,10 mars, bra uppslutning", ["2026-03-03", "2026-03-10"]),
    ],
)
def test_days_listed_with_a_glued_comma_are_each_a_day(written: str, meant: list[str]) -> None:
    assert [day for day, _ in _days(written)] == meant, written


def test_the_glued_list_is_where_it_was_written() -> None:
    """The days found point at the words as written, so that the check-in takes them all out of its
    comment: "3,10" is one word."""
    assert _days("1 möte 3,10 mars bra") == [("2026-03-03", "3,10"), ("2026-03-10", "3,10 mars")]
    found = find("1 möte 3,10 mars".split(), MONDAY)
    assert found == (Span.day(date(2026, 3, 3)), 2, 1)


@pytest.mark.parametrize(
    "written",
    ["3,5 timmar", "1,5 h 3 mars", "kl 18,30", "2+3 personer", "pratade i slutet av mötet", "mötet i slutet"],
)
def test_a_decimal_comma_is_no_list(written: str) -> None:
    assert [day for day, _ in _days(written)] in ([], ["2026-03-03"]), written


@pytest.mark.parametrize(
    ("written", "today", "meant"),
    [
        ("möte mitten av november", MONDAY, "2026-11-15"),
        ("möte i mitten av november", MONDAY, "2026-11-15"),
        ("möte i mitten på november", MONDAY, "2026-11-15"),
        ("möte början av mars", MONDAY, "2026-03-05"),
        ("möte i början av mars", MONDAY, "2026-03-05"),
        ("möte slutet av oktober", MONDAY, "2026-10-25"),
        ("möte tidigt i november", MONDAY, "2026-11-05"),
        ("möte sent i oktober", MONDAY, "2026-10-25"),
        ("meeting early March", MONDAY, "2026-03-05"),
        ("meeting in early March", MONDAY, "2026-03-05"),
        ("meeting mid-November", MONDAY, "2026-11-15"),
        ("meeting mid November", MONDAY, "2026-11-15"),
        ("meeting end of October", MONDAY, "2026-10-25"),
        ("meeting at the end of October", MONDAY, "2026-10-25"),
        ("meeting late October", MONDAY, "2026-10-25"),
        ("möte i mitten av förra månaden", MONDAY, "2026-11-15"),
        ("meeting in the middle of last month", MONDAY, "2026-11-15"),
        ("möte slutet av februari", MONDAY, "2026-02-24"),  # 20-28 February
        # in a hurry: "av" left out, "mitt i" for "i mitten av", a short month
        ("möte mitt i november", MONDAY, "2026-11-15"),
        ("möte i mitten november", MONDAY, "2026-11-15"),
        ("möte mitten nov", MONDAY, "2026-11-15"),
        ("möte slutet oktober", MONDAY, "2026-10-25"),
        ("möte i slutet på oktober", MONDAY, "2026-10-25"),
        ("meeting mid Nov", MONDAY, "2026-11-15"),
        ("meeting in late Oct", MONDAY, "2026-10-25"),
        ("meeting towards the end of October", MONDAY, "2026-10-25"),
        # under way: the middle of the days that have come; ahead: a day the check-in refuses
        ("möte i mitten av december", date(2026, 12, 12), "2026-12-11"),
        ("möte i början av december", date(2026, 12, 12), "2026-12-05"),
        ("meeting mid-month", date(2026, 12, 12), "2026-12-11"),
        ("möte i slutet av månaden", MONDAY, "2026-12-25"),
        ("möte mitten av månaden", MONDAY, "2026-12-15"),
        # a part of a week is the week, stored on its Monday; "tidigare i månaden" names no part
        ("möte i början av veckan", MONDAY, "2026-12-07"),
        ("möte tidigare i månaden", MONDAY, "2026-12-01"),
        ("meeting earlier this month", MONDAY, "2026-12-01"),
    ],
)
def test_a_part_of_a_month_in_a_check_in_is_the_middle_of_its_days(
    written: str, today: date, meant: str
) -> None:
    assert [day for day, _ in _days(written, today)] == [meant], written


def test_a_part_of_a_month_is_read_alike_in_a_field_and_in_a_sentence() -> None:
    """The form's date field reads as the one-line check-in does (`reported`); the snooze, the pause and
    the follow-up read the whole month, and its parts, as before."""
    assert read_whole("mitten av november".split(), MONDAY, reported=True) == Span.day(date(2026, 11, 15))
    assert read_whole("mitten av november".split(), MONDAY) == Span(date(2026, 11, 1), date(2026, 11, 30))
    assert read_period_ahead("mitten av december".split(), MONDAY) == Span(
        date(2026, 12, 10), date(2026, 12, 20)
    )


MAY = date(2026, 5, 12)
SUMMER = date(2026, 7, 1)
AUTUMN = date(2026, 9, 15)


@pytest.mark.parametrize(
    ("words", "today", "meant"),
    [
        ("under semestern", MAY, (date(2026, 6, 19), date(2026, 8, 15))),  # midsommarafton 2026: 19 June
        ("över semestern", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("semestern", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("under sommarsemestern", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("under sommarlovet", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("i sommaruppehållet", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("hela semestern", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("under semester", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("under semestrarna", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("till efter semestrarna", MAY, (MAY, date(2026, 8, 15))),
        ("för sommaren", MAY, (date(2026, 6, 1), date(2026, 8, 31))),
        ("during the summer holidays", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("over the summer break", MAY, (date(2026, 6, 19), date(2026, 8, 15))),
        ("over the holidays", MAY, (date(2026, 6, 19), date(2026, 8, 15))),  # in May to August: summer's
        ("under semestern", SUMMER, (SUMMER, date(2026, 8, 15))),  # under way: from today
        ("till efter semestern", MAY, (MAY, date(2026, 8, 15))),  # as before
        ("under helgerna", MONDAY, (date(2026, 12, 24), date(2027, 1, 6))),
        ("över helgerna", MONDAY, (date(2026, 12, 24), date(2027, 1, 6))),
        ("over the holidays", MONDAY, (date(2026, 12, 24), date(2027, 1, 6))),
        ("during the holidays", MONDAY, (date(2026, 12, 24), date(2027, 1, 6))),
        ("över juluppehållet", MAY, (date(2026, 12, 24), date(2027, 1, 6))),  # named: any time of year
        ("under julen", MAY, (date(2026, 12, 24), date(2027, 1, 6))),
        ("over Christmas", MAY, (date(2026, 12, 24), date(2027, 1, 6))),
        ("över jul och nyår", MONDAY, (date(2026, 12, 24), date(2027, 1, 1))),
        ("over Christmas and New Year", MONDAY, (date(2026, 12, 24), date(2027, 1, 1))),
        ("i sommar", MAY, (date(2026, 6, 1), date(2026, 8, 31))),  # the season, as before
        ("över sommaren", MAY, (date(2026, 6, 1), date(2026, 8, 31))),
        ("during the summer", MAY, (date(2026, 6, 1), date(2026, 8, 31))),
    ],
)
def test_a_pause_during_the_holidays(words: str, today: date, meant: tuple[date, date]) -> None:
    assert read_period_ahead(words.split(), today) == Span(*meant), words
    assert holidays_named(words.split(), today) is None, words


@pytest.mark.parametrize(
    ("words", "today", "summer", "holidays"),
    [
        ("till efter helgerna", MAY, False, (date(2026, 12, 24), date(2027, 1, 6))),
        ("efter helgerna", MAY, False, (date(2026, 12, 24), date(2027, 1, 6))),
        ("paus över helgerna", MAY, False, None),  # the command word is not the caller's to pass
        ("över helgerna", MAY, False, (date(2026, 12, 24), date(2027, 1, 6))),
        ("under helgerna", AUTUMN, False, (date(2026, 12, 24), date(2027, 1, 6))),
        ("until after the holidays", AUTUMN, False, (date(2026, 12, 24), date(2027, 1, 6))),
        ("under semestern", MONDAY, True, (date(2027, 6, 25), date(2027, 8, 15))),  # midsommarafton 2027
        ("till efter semestern", MONDAY, True, (date(2027, 6, 25), date(2027, 8, 15))),
        ("during the summer holidays", AUTUMN, True, (date(2027, 6, 25), date(2027, 8, 15))),
    ],
)
def test_the_holidays_out_of_season_are_named_for_the_question(
    words: str, today: date, summer: bool, holidays: tuple[date, date] | None
) -> None:
    assert read_period_ahead(words.split(), today) is None, words
    assert holidays_named(words.split(), today) == (None if holidays is None else (summer, Span(*holidays)))


@pytest.mark.parametrize(
    "written", ["möte under semestern", "meeting during the summer holidays", "möte över helgerna"]
)
def test_a_check_in_during_the_holidays_is_asked_for_the_day(written: str) -> None:
    with pytest.raises(DateError):
        find(written.split(), date(2026, 8, 20))
