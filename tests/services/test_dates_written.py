"""Any day written in any way a chair writes one, inside a check-in's sentence, is read as that day by
bot/services/dates.py, whenever it is read up to a year later (the plan's year being the day's).

What a chair means: "30/9", "30/9 2026", "30/9-26", "2026-09-30", "30.9.2026", "30.9" (a date in a
sentence such as "möte 30.9 med 12 pers"), "30 september", "den trettionde september", "September 30th",
"the thirtieth of September", and within the week "onsdag" / "Wednesday" (the latest, today included) and
"i onsdags" / "förra onsdagen" (the latest before today; "förrförra onsdagen" the one before), last
week's "förra veckans onsdag" / "last week Wednesday", and "förrgår" / "day before yesterday"; in a hurry
"onsdags" (no "i"), "i onsdagskväll", "i onsdags kväll", "ons"; a weekday before the day it falls on ("ons
30/9", "Wednesday, September 30"); a day's own ("onsdagens", "Wednesday's", "gårdagens", "yesterday's");
"den sista september", "the last of September" for a month's last day; "20260930", "30-9-2026", "trettio
september"; "den trettionde", "on the thirtieth" within a month; "onsdag v40", "v40 onsdag", "Wednesday of
week 40"; "i natt" for yesterday:
each is the day written, never today or another year's, as long as that day has not come round again.
A day written month first ("9/30", which only an American writes) is asked about wherever it stands,
never read as no date. The ordinal words and month names are written out here, not taken from the reader.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.dates import DateError, find

_SV_MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()
_EN_MONTHS = "January February March April May June July August September October November December".split()
_SV_DAYS = "måndag tisdag onsdag torsdag fredag lördag söndag".split()
_SV_SHORT_DAYS = [None, "tis", "ons", "tors", "fre", "lör", None]  # "mån", "sön" are the words "mån", "son"
_EN_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_SV_ORDINALS = (
    "första andra tredje fjärde femte sjätte sjunde åttonde nionde tionde elfte tolfte trettonde fjortonde "
    "femtonde sextonde sjuttonde artonde nittonde tjugonde tjugoförsta tjugoandra tjugotredje tjugofjärde "
    "tjugofemte tjugosjätte tjugosjunde tjugoåttonde tjugonionde trettionde trettioförsta"
).split()
_EN_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second "
    "twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth "
    "thirtieth thirty-first"
).split()
_SV_NUMBERS = (
    "ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton arton "
    "nitton tjugo tjugoett tjugotvå tjugotre tjugofyra tjugofem tjugosex tjugosju tjugoåtta tjugonio "
    "trettio trettioett"
).split()


def _written(day: date, today: date) -> list[str]:
    """Every way of writing `day` that means it when read on `today`."""
    d, m, y = day.day, day.month, day.year
    sv, en = _SV_MONTHS[m - 1], _EN_MONTHS[m - 1]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d, "th")
    forms = [
        f"{d}/{m}",
        f"{d}/{m} {y}",
        f"{d}/{m}-{y % 100:02d}",
        day.isoformat(),
        f"{d}.{m}.{y}",
        f"{d}.{m}",
        f"{d} {sv}",
        f"den {d}:e {sv} {y}",
        f"den {_SV_ORDINALS[d - 1]} {sv}",
        f"{en} {d}{suffix}",
        f"the {_EN_ORDINALS[d - 1]} of {en}",
        f"{_SV_DAYS[day.weekday()]} {d}/{m}",
        f"{_EN_DAYS[day.weekday()]}, {en} {d}",
        f"{y}{m:02d}{d:02d}",
        f"{d}-{m}-{y}",
    ]
    if d > 1:
        forms += [f"{_SV_NUMBERS[d - 1]} {sv}"]
    if d > 2 and (today - day).days < 28:  # "den första", "den andra": the first, the other
        forms += [f"den {_SV_ORDINALS[d - 1]}", f"on the {_EN_ORDINALS[d - 1]}"]
    iso = day.isocalendar()
    if iso.year == y and not _week_begun_again(iso.year + 1, iso.week, today):  # else its day may lie ahead
        forms += [f"{_SV_DAYS[day.weekday()]} v{iso.week}", f"v{iso.week} {_SV_DAYS[day.weekday()]}"]
        forms += [f"{_EN_DAYS[day.weekday()]} of week {iso.week}"]
    if d in (2, 22):
        forms += [f"den {d}:dra {sv}"]
    if d in (3, 23):
        forms += [f"{d}:dje {sv}"]
    if (day + timedelta(days=1)).month != m:
        forms += [f"den sista {sv}", f"the last of {en}"]
    back = (today - day).days
    if back < 7:
        forms += [_SV_DAYS[day.weekday()], _EN_DAYS[day.weekday()], f"on {_EN_DAYS[day.weekday()]}"]
        forms += [short] if (short := _SV_SHORT_DAYS[day.weekday()]) else []
        forms += [f"{_SV_DAYS[day.weekday()]} kväll", f"on {_EN_DAYS[day.weekday()]} evening"]
        forms += [f"{_SV_DAYS[day.weekday()]}ens", f"{_EN_DAYS[day.weekday()]}'s"]  # "tisdagens möte"
    sv_day, en_day = _SV_DAYS[day.weekday()], _EN_DAYS[day.weekday()]
    if 1 <= back <= 7:
        forms += [f"i {sv_day}s", f"last {en_day}", f"förra {sv_day}en"]
        forms += [f"{sv_day}s", f"i {sv_day}skväll", f"i {sv_day}s kväll"]
        forms += [f"last {en_day} evening", f"this past {en_day}"]
    if 8 <= back <= 14:
        forms += [f"förrförra {sv_day}en"]
    if back == 1:
        forms += ["gårdagens", "yesterday's", "igår", "ig år", "yday", "i natt"]
    if back == 2:
        forms += ["förrgår", "i förrgår", "day before yesterday", "the day before yesterday"]
    weeks_back = ((today - timedelta(days=today.weekday())) - (day - timedelta(days=day.weekday()))).days // 7
    if weeks_back == 1:
        forms += [f"{sv_day}en förra veckan", f"förra veckans {sv_day}", f"last week {en_day}"]
        forms += [f"last week's {en_day}", f"{en_day} last week"]
    if weeks_back == 2:
        forms += [
            f"förrförra veckans {sv_day}",
            f"{sv_day} förrförra veckan",
            f"{en_day} the week before last",
        ]
    return forms


@settings(max_examples=300, deadline=None)
def _week_begun_again(year: int, week: int, today: date) -> bool:
    """Whether week `week` of `year` has begun by `today` (a week number names the latest such week)."""
    try:
        return date.fromisocalendar(year, week, 1) <= today
    except ValueError:  # no week 53 that year
        return False


@given(
    day=st.dates(date(2019, 1, 1), date(2036, 12, 31)),
    later=st.integers(0, 364),
    pick=st.integers(0, 100),
    hello=st.booleans(),
)
def test_a_day_written_any_way_in_a_sentence_is_that_day(
    day: date, later: int, pick: int, hello: bool
) -> None:
    today = day + timedelta(days=later)
    forms = _written(day, today)
    written = forms[pick % len(forms)]
    words = f"{'Hej! 🎉 ' if hello else ''}möte {written} med 12 pers".split()
    found = find(words, today, day.year)
    assert found is not None, written
    span, at, taken = found
    assert (span.first, span.last) == (day, day), (written, today)
    assert " ".join(words[at : at + taken]) == written


@settings(max_examples=300, deadline=None)
@given(
    today=st.dates(date(2019, 1, 1), date(2036, 12, 31)),
    month=st.integers(1, 12),
    day=st.integers(13, 31),
    before=st.sampled_from(["meeting", "möte med styrelsen", "Hej! 🎉 vi hade möte"]),
    after=st.sampled_from(["", "with the board", "kl 18", "at 6pm"]),
)
def test_a_day_written_month_first_is_asked_about_anywhere(
    today: date, month: int, day: int, before: str, after: str
) -> None:
    """ "meeting 11/20 with the board" was read as no date, so the report was stored as today."""
    try:
        date(2000, month, day)
    except ValueError:
        return  # "2/30" is no day either way
    words = f"{before} {month}/{day} {after}".split()
    with pytest.raises(DateError):
        find(words, today, today.year)
