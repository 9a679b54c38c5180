"""A range of days written any way a chair writes one inside a check-in's sentence, read by
bot/services/dates.py as the days from the first to the last, whenever it is read up to a year later.

What a chair means by "3 nov-5 nov", "3 nov – 5 nov", "3 november-5 november", "Nov 3-Nov 5", "3rd Nov-5th
Nov", "3/11-5/11", "3-11 till 5-11", "3-11–5-11", "3.11-5.11", "från och med 3 nov till och med 5 nov",
"3 nov — 5 nov": the days 3 to 5 November, never all of November, the first day alone or no day; a range
over New Year ("28 dec-3 jan") runs into January. Month names are written out here, not taken from the
reader.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.dates import find

_SV_SHORT = "jan feb mars apr maj juni juli aug sep okt nov dec".split()
_SV_MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()
_EN_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _forms(first: date, last: date) -> list[str]:
    d1, m1, d2, m2 = first.day, first.month, last.day, last.month
    sv1, sv2 = _SV_SHORT[m1 - 1], _SV_SHORT[m2 - 1]
    long1, long2 = _SV_MONTHS[m1 - 1], _SV_MONTHS[m2 - 1]
    en1, en2 = _EN_SHORT[m1 - 1], _EN_SHORT[m2 - 1]
    return [
        f"{d1} {sv1}-{d2} {sv2}",
        f"{d1} {sv1}\u2013{d2} {sv2}",
        f"{d1} {sv1} - {d2} {sv2}",
        f"{d1} {sv1} \u2014 {d2} {sv2}",
        f"{d1} {long1}-{d2} {long2}",
        f"{en1} {d1}-{en2} {d2}",
        f"{en1} {d1} - {en2} {d2}",
        f"{d1}/{m1}-{d2}/{m2}",
        f"{d1}-{m1} till {d2}-{m2}",
        f"{d1}-{m1}\u2013{d2}-{m2}",
        f"{d1}.{m1}-{d2}.{m2}",
        f"från och med {d1} {sv1} till och med {d2} {sv2}",
        f"{d1} {sv1} t.o.m. {d2} {sv2}",
    ]


@settings(max_examples=300, deadline=None)
@given(
    first=st.dates(date(2019, 1, 1), date(2036, 12, 31)),
    length=st.integers(1, 9),
    later=st.integers(0, 300),
    pick=st.integers(0, 100),
)
def test_a_range_written_any_way_is_its_days(first: date, length: int, later: int, pick: int) -> None:
    last = first + timedelta(days=length)
    today = last + timedelta(days=later)
    forms = _forms(first, last)
    written = forms[pick % len(forms)]
    words = f"läger {written} med 12 pers".split()
    found = find(words, today, first.year)
    assert found is not None, written
    span, at, taken = found
    assert (span.first, span.last) == (first, last), (written, today)
    assert " ".join(words[at : at + taken]) == written
