"""Days, weeks and periods as chairs and board members write them: the one reader of "when" in user text.

Check-ins (`rapportera 6 1 i går`, the form's date field, the chat dialog) and the board's follow-up
(`uppföljning sedan vecka 45`) read a day or a period here, so a phrase means the same everywhere; what
lies ahead is read here too: a snooze's day (`read_ahead`), a pause's period (`read_period_ahead`). Every
phrase looks back from `today` (the district's date, from the injected clock): a check-in reports what has
happened, a follow-up starts from a day that has passed. What people mean:

- Days: "i dag", "i går", "i förrgår" ("förrgår"), "today", "yesterday", "the day before yesterday" ("day
  before yesterday"), "i går kväll" ("igårkväll", "i går em", "förrgår kväll"), "last night", "för 3 dagar
  sedan" ("sen"), "3 days ago", "för en vecka sedan", "a week ago", "för en månad sedan", "2 months ago"
  (that day of the month, or its last), "a fortnight ago"; in a hurry "igar", "ig år", "yday". "i natt"
  ("inatt"): the night just gone, stored on yesterday; "natten till söndag": Saturday.
  Words that say it was some day but not which ("häromdagen", "för ett par dagar sedan", "a couple of days
  ago", "the other day", "veckan innan", "the day before") raise DateError: the writer is asked for the
  day, never given today. Punctuation and emoji around a word are not part of it ("igår🎉", "(v45)").
  A day's or a period's own is that day or period: "gårdagens möte", "tisdagens", "helgens", "förra
  veckans", "förra månadens", "yesterday's", "Tuesday's" (not "on Tuesdays"), "last week's".
- Weekdays: "i tisdags" ("tisdags", "i tisdagskväll", "i tisdags kväll"), "last Tuesday": the latest
  Tuesday before today (on a Tuesday, a week ago, as Swedes say it); "tisdag", "Tuesday" alone, "on
  Tuesday" ("on Tue"), Swedish short names ("tis", "ons", "tors", "fre", "lör"; not "mån" nor "sön",
  which are the words "mån" and "son"): the latest Tuesday, today included. A weekday before the day it
  falls on is that day once: "tis 17/11", "mån 16/11", "Tuesday, November 3"; before a day it does not
  fall on ("tisdag 4/11" when that is a Wednesday, or after it: "4/11 tisdag") it raises WrongWeekday,
  to be asked about. From one weekday to another ("lördag-söndag", "fre–sön", "Fri-Sun"): the latest such
  days that have ended, a period.
  Ahead, for the caller to refuse: "på tisdag", "i tisdag", "nästa tisdag", "next Tuesday" (the next after
  today), "tisdag nästa vecka", "Tuesday next week"; "this Tuesday" is this week's. "tisdag förra veckan",
  "förra veckans tisdag", "Tuesday last week", "last week Tuesday" ("last week's"): that day of last week;
  "tisdag förrförra veckan", "förrförra veckans tisdag", "Tuesday the week before last": of the week
  before. "förra tisdagen" ("senaste tisdagen") is "i tisdags"; "förrförra tisdagen", "the Tuesday before
  last", "two Tuesdays ago" the Tuesday a week before that. "i
  helgen", "last weekend", "this weekend": the Saturday of the latest weekend begun (today on a
  Saturday); "förra helgen" on a weekend day the one before it.
- Written days: "12/3" is 12 March, day before month as Swedes write it, for an English writer too (one
  meaning per phrase; an American "3/12" is 3 December, and every answer names the day it read; an
  English writer's check-in is asked which day is meant where day first is far off or yet to come:
  `two_readings`; "11/20",
  which can only be month first, is refused with the day written first, anywhere in a sentence: `day_first`;
  a share followed by what it counts, "3/15 personer", is no day).
  "12/3 2027", "12/3/2027", "12/3-2027", "12/3-27", "2027-03-12" ("2027/03/12"), "12 mars", "12:e mars",
  "den 12 mars 2027", "March 12", "12th March", "the 12th of March"; in words "andra oktober", "den tredje
  mars", "the second of October", "October twenty-first". "den 3:e" ("3e", "3:dje"), "den 3", "the 3rd":
  the 3rd of the latest month that has had it, and so are "den tredje", "on the third" when no noun
  follows ("den tredje träffen"; not "den första", "den andra": the first, the other). "tre november",
  "20261103". A year of two digits after a day or a month is that year ("3 nov '25", "nov -25", "3/11 ’25",
  "30.9 -25": 2025), never dropped. A range of days is a period from its first to its last: "1/10-15/10",
  "3-5/3", "3–5 mars", "3 till 5 november", "between 3 and 5 November", "Nov 3-5", "3rd-5th Nov",
  "28/12-3/1", "28/12-3/1 2026" (the first's year), two whole days joined ("3/11 till 5/11", "från 3/11
  till 5/11", "3.11 t.o.m. 5.11", "Nov 3 to Nov 5", "mellan 3/11 och 5/11", "30-9 till 2-10"; "3/11 och
  5/11" alone is two days), also with the dash written without spaces ("3 nov-5 nov", "Oct 30-Nov 2",
  "30-9–2-10"); in words "tredje till femte november"; of months: "okt-nov". Each day may carry its year
  ("30-9-2026 till 2-10-2026", "2026-11-03 – 2026-11-05", "3 nov 2026-5 nov 2026", "3/11/2026-5/11/2026",
  "28/12 2026 - 3/1 2027"), and a day may end with a dot ("3.11.-5.11.", "3.-5.11."). Named days or
  periods joined are the days from the first to the last: "jul till nyår", "från julafton till
  trettondagen", "Christmas to New Year" (Christmas Eve to New Year's Day). "resten av november", "the
  rest of the month": from today to its end; of a month gone by it names no day and is asked about.
- Days listed before their month, or after it, are each a day ("3 och 10 mars", "den 3, 10 och 17
  november", "3:e & 10:e nov", "on the 3rd and 10th of November", "November 3 and 10"; the comma glued,
  "3,10 mars", "3/3,10/3", as with its space): two meetings, not
  the days between, which "3-10 mars" and "mellan 3 och 10 mars" are. Two named days glued by a dash are
  as when written apart ("jul-nyår", "Christmas–New Year"). "efter helgerna", "efter semestern", "after
  the holidays", "under semestern", "during the holidays" in a check-in name no day and are asked about;
  in a pause they are the holidays close ahead (`_next_break`), or asked about (`holidays_named`).
- Days with a hyphen: "3-11-2026", "3-11-26" always; "3-11" alone in a date field, after "den" or before
  "kl". In a sentence it may as well be a time ("möte 9-11") or a count: asked about (`day_hyphened`),
  unless a time word before ("kl 9-11"), a unit after ("3-4 personer") or another date ("9-11 i går")
  says it is none. A first number no hour has ("30-9", 25-31) makes it a day, unless a unit follows.
- Days with dots: "30.9.2026", "30.9.26" always; "30.9" alone in a date field or after "den", and in a
  sentence where it cannot be a decimal or a time: D 1-31 and M 1-12, no time or number word before ("kl
  10.10", "från 9.30", "punkt 3.2") and no unit after ("2.5 timmar", "1.10 kr", "4.5 av 5"). Such a D.M
  that no calendar has ("31.9") is refused; one out of range ("18.30", "3.14") is left to the comment.
- Named days, each the latest that has come (or of the year written after it): "julafton", "juldagen",
  "annandag jul", "nyårsafton", "nyårsdagen", "trettondagen", "valborg", "nationaldagen", "midsommarafton"
  ("midsommar"), "midsommardagen", "skärtorsdagen", "långfredagen", "påskafton", "påskdagen", "annandag
  påsk", "Kristi himmelsfärdsdag", "pingstdagen", "alla helgons dag", "på Lucia" ("Lucia" alone is as
  often a name: the day only where a date is asked for, as "Christmas" is Christmas Eve there), "1:a
  advent" to "4:e advent" ("första advent"); English "Christmas Eve", "Midsummer
  Eve", "Easter Sunday", "first Sunday of Advent" and the like. Movable days from the `holidays`
  library's calendar of Sweden.
- Weeks as Swedish calendars number them (ISO 8601, Monday first; week 53 only in the years that have one):
  "vecka 11", "v. 11", "v11", "week 11", "w11": that week, stored on its Monday. "vecka 44-45", "v44–45",
  "veckorna 44 och 45", "weeks 44 to 45": from the first's Monday to the last's Sunday. "förra veckan",
  "last week": last week; "förrförra veckan", "the week before last"; "i veckan", "this week". A weekday
  with a week ("tisdag v46", "v46 tisdag", "Tuesday of week 46") is that week's. "första veckan i
  november", "the last week of October": the first (second, last) week with most of its days in the
  month, only its days in the month ("sista veckan i oktober" 2026: 26-31 October). A chair
  means something happened on some day of the week; when those days (up to today: `passed_part`) count in
  two periods of a goal, a check-in asks for the day rather than store one (checkins.day_of), as it does
  for two days written in different periods.
- Months: "i maj", "in May" ("in may" is no month: English writers capitalise it), "maj 2027",
  "förra månaden", "last month", "den här månaden", "this month"; short names after "i", "in" or ending
  the words ("i okt", "in Oct", "möte nov"), but not "jan" (a name), "jul" (Christmas) nor "mar". "den
  sista oktober", "the last of October": 31 October.
- A part of a period is the whole period: "i början av oktober" ("i början på"), "i mitten av", "i slutet
  av", "sent i oktober", "early October", "mid-October", "late October", "at the start (beginning, middle,
  end) of October", "i slutet av förra veckan", "at the end of last month", "tidigare i veckan", "earlier this
  month"; "mid may" in any case. "i slutet av månaden", "i början av veckan", "at the end of the month":
  this month, this week. After them only a period counts ("i slutet av mötet" is no date). A pause reads
  a start, middle or end of a month as about ten days (1-10, 10-20, 20 to its last: `_month_part`), a
  snooze as the day it points at (`_part_day`); a check-in (`find`, `read_whole(reported=True)`) as the
  day in the middle of the pause's days ("mitten av november" the 15th, "early March" the 5th, "i slutet
  av oktober" the 25th; of those that have come when under way), its answer naming the day to correct;
  a part of a week as a working day of it ("i slutet av förra veckan" its Friday, the middle its
  Wednesday, the start its Monday). A follow-up's "sedan" reads them as a check-in, a month's start its 1st.
- Christmas as a time ("i julas", "i jul", "över julen", "at Christmas"): from its Eve, the latest begun;
  "Christmas party" and "julbord" are no day, nor is "god jul"; "jul" alone is Christmas. "i
  mellandagarna": 27-30 December. Easter ("i påsk", "påsken", "at Easter"; "i påskas" the one gone): Good
  Friday to Easter Monday. "nyår", "årsskiftet", "New Year": New Year's Eve and Day, not a whole year.
  "mors dag", "fars dag": Sweden's (the last Sunday of May, the second of November).
- "i julas", "i våras", "last spring" say the time is past: the latest begun even when it lies before the
  plan's year (refused as outside it, not as not yet happened).
- Quarters, seasons, the year: "kvartal 3", "Q3", "kv 3", "tredje kvartalet", "förra kvartalet", "det här
  kvartalet"; "i våras" (1 March), "i somras" (1 June), "i höstas" (1 September), "i vintras" (1 December),
  "last spring"; "i höst", "i vår" (this season, or the next, not yet begun); "i år", "this year", "förra
  året", "i fjol", "last year".

A day, week, month, quarter or season without a year is the latest one that has begun by today ("12/12"
written in January is last December; "vecka 50" in January last year's week 50). A check-in also has the
plan's year (`year`): a phrase whose latest occurrence lies wholly before the plan's year means the plan
year's own, which has not happened yet and is refused as such ("12/12" in November, for this year's plan).
A date with its year written is that date, future or not, and "i morgon", "i övermorgon", "nästa vecka"
("tomorrow", "next week": its Monday) are read forward: the caller refuses a future day rather than
storing a report of it as today. A date that cannot be ("31/11", "30 feb", "vecka 54", "29/2" in a year
without it) raises DateError.

A period is read as a Span (its first and last day); a check-in stores `reported_day`: the first day, or 1
January when the period began in the plan's previous year ("i veckan" on 2 January), and says which day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import holidays as public_holidays
from babel.dates import get_day_names, get_month_names

from bot.i18n import NUMBER_WORDS, fold_letters
from bot.services.goals import Period
from bot.services.progress import period_bounds


def _names(table: Mapping[int, str]) -> dict[str, int]:
    return {fold_letters(name).rstrip("."): key for key, name in table.items()}


# Month and weekday names as Swedish and English write them (Babel's CLDR data): "mars", "mar", "march".
MONTH_NUMBERS = {
    **_names(get_month_names("wide", locale="sv")),
    **_names(get_month_names("abbreviated", locale="sv")),
    **_names(get_month_names("wide", locale="en")),
    **_names(get_month_names("abbreviated", locale="en")),
    "sept": 9,
}
# A month named alone ("i maj", "in May"): full names only, as "jul" is Christmas and "mar" no month in
# Swedish; English "may" and "march" only capitalised ("in march" may be a demonstration).
_WHOLE_MONTHS = {
    **_names(get_month_names("wide", locale="sv")),
    **_names(get_month_names("wide", locale="en")),
}
_LOWERCASE_WORDS = frozenset({"may", "march"})
# Short names too ("i okt", "in Oct", "möte nov"), but not "jan" (a name), "jul" (Christmas) or "mar".
_SHORT_MONTHS = {
    name: month
    for name, month in MONTH_NUMBERS.items()
    if name not in _WHOLE_MONTHS and name not in {"jan", "jul", "mar"}
}
_WEEKDAYS_SV = {  # "mandag": 0, "ons": 2; not "mån" ("i viss mån", folded "man") nor "sön" ("son")
    **_names(get_day_names("wide", locale="sv")),
    **{k: v for k, v in _names(get_day_names("abbreviated", locale="sv")).items() if k not in {"man", "son"}},
}
_WEEKDAYS_EN = {  # "monday": 0, "tue": 1, "tues": 1, "weds": 2
    **_names(get_day_names("wide", locale="en")),
    **_names(get_day_names("abbreviated", locale="en")),
    **{"tues": 1, "weds": 2, "thur": 3, "thurs": 3},
}
WEEKDAY_NUMBERS = _WEEKDAYS_SV | _WEEKDAYS_EN
# Words before a date that belong to it, not to a comment: "möte i vecka 11", "meeting on March 12".
LEAD_WORDS = frozenset({"i", "in", "under", "during", "on", "den", "pa"})
# Counted back: "för två veckor sedan", "a week ago", "för tio dagar sedan" (the numbers every count reads).
_COUNTS = NUMBER_WORDS | {"en": 1, "a": 1}


class DateError(ValueError):
    """Words meant as a date that is no date ("31/11", "vecka 54"); `text` as written."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class WrongWeekday(DateError):
    """A weekday beside a day it does not fall on ("tisdag 4/11" when 4 November is a Wednesday): either may
    be the mistake, so neither is taken: `day` is the day written, `weekday` the weekday's (Monday 0)."""

    def __init__(self, text: str, day: date, weekday: int) -> None:
        super().__init__(text)
        self.day, self.weekday = day, weekday

    @property
    def weekdays_day(self) -> date:
        """The weekday's day in the week of the day written ("tisdag 4/11": Tuesday 3 November)."""
        return self.day + timedelta(days=self.weekday - self.day.weekday())


@dataclass(frozen=True)
class Span:
    """A day or a period, both ends inclusive."""

    first: date
    last: date

    @classmethod
    def day(cls, day: date) -> Span:
        return cls(day, day)


def next_day(day: int, month: int, today: date) -> date:
    """The next such day from today on, this year's or next year's, for what lies ahead (`påminn mig inte
    före 15/1` written in December is next January, as a pause's "20/12 6/1" is); ValueError if neither
    year has it ("30/2")."""
    for year in (today.year, today.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    raise ValueError(f"{day}/{month}")


def passed_part(span: Span, today: date, year: int | None) -> Span:
    """The days of `span` a report can be about: up to today (unless none has come) and, with the plan's
    `year`, within it when the span reaches into it ("v. 53" written on 3 January: 28-31 December)."""
    first, last = span.first, min(span.last, today) if span.first <= today else span.last
    if year is not None and first.year < year <= last.year:
        first = date(year, 1, 1)
    if year is not None and first.year == year < last.year:
        last = date(year, 12, 31)
    return Span(first, last)


def reported_day(span: Span, year: int | None) -> date:
    """The day a check-in about `span` is stored on: its first, or 1 January of the plan's `year` when the
    period began the year before and reaches into it (week 1 begun in December)."""
    if year is not None and span.first.year < year <= span.last.year:
        return date(year, 1, 1)
    return span.first


# --- the phrases ------------------------------------------------------------------------------------------

_MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_ORDINAL = r"(?::?(?:[ae]|dje|dra)|st|nd|rd|th)"  # "3:e", "3e", "3:dje", "2:dra", "3rd"
_COUNT = r"\d{1,3}|" + "|".join(_COUNTS)
_QUARTER_WORDS = {
    **{"forsta": 1, "andra": 2, "tredje": 3, "fjarde": 4},
    **{"first": 1, "second": 2, "third": 3, "fourth": 4},
}
# A season by the month it begins: "i våras" (spring), "i somras", "i höstas", "i vintras"; "last spring".
_SEASONS = {
    **{"varas": 3, "somras": 6, "hostas": 9, "vintras": 12},
    **{"var": 3, "sommar": 6, "host": 9, "vinter": 12},
    **{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12},
}

# Days of the month as words, with a month: "andra oktober", "den tredje mars", "the second of October".
_UNITS_SV = ("forsta", "andra", "tredje", "fjarde", "femte", "sjatte", "sjunde", "attonde", "nionde")
_UNITS_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS_EN = ("thir", "four", "fif", "six", "seven", "eigh", "nine")
_SV_ORDINALS = {
    **{word: n for n, word in enumerate(_UNITS_SV, start=1)},
    **{word: n for n, word in enumerate(("tionde", "elfte", "tolfte", "trettonde", "fjortonde"), start=10)},
    **{word: n for n, word in enumerate(("femtonde", "sextonde", "sjuttonde", "artonde", "nittonde"), 15)},
    **{"tjugonde": 20, "trettionde": 30, "trettioforsta": 31},
    **{f"tjugo{word}": 20 + n for n, word in enumerate(_UNITS_SV, start=1)},
}
_EN_ORDINALS = {
    **{word: n for n, word in enumerate(_UNITS_EN, start=1)},
    **{"tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "thirtieth": 30},
    **{f"{stem}teenth": n for n, stem in enumerate(_TEENS_EN, start=13)},
    **{f"twenty{sep}{word}": 20 + n for n, word in enumerate(_UNITS_EN, 1) for sep in ("-", " ")},
    **{f"thirty{sep}first": 31 for sep in ("-", " ")},
}
_ORDINAL_DAYS = _SV_ORDINALS | _EN_ORDINALS
# Days of the month counted, with a month: "tre november" ("en", "ett" are articles: "en novemberkväll").
_SV_UNITS = ("tva", "tre", "fyra", "fem", "sex", "sju", "atta", "nio")
_SV_CARDINALS = {
    **{word: n for n, word in enumerate(_SV_UNITS, start=2)},
    **{word: n for n, word in enumerate(("tio", "elva", "tolv", "tretton", "fjorton", "femton"), start=10)},
    **{word: n for n, word in enumerate(("sexton", "sjutton", "arton", "nitton", "tjugo"), start=16)},
    **{f"tjugo{word}": 20 + n for n, word in enumerate(("en", *_SV_UNITS), start=1)},
    **{"tjugoett": 21, "trettio": 30, "trettioen": 31, "trettioett": 31},
}
# Which week of a month: "första veckan i november", "the last week of October".
_WEEK_ORDINALS = {
    **{"forsta": 0, "andra": 1, "tredje": 2, "fjarde": 3, "sista": -1},
    **{"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1},
}
# A day of the month by its ordinal alone, after "den" or "on the": not "den första" nor "den andra"
# (the first, the other) but "den förste", as dates are said.
_ALONE_ORDINALS = {word: n for word, n in _ORDINAL_DAYS.items() if word not in {"forsta", "andra"}} | {
    "forste": 1
}

_Reader = Callable[[re.Match[str], date, int | None], Span]


def _span(period: Period, day: date) -> Span:
    """The calendar week, month, quarter or year holding `day`, as progress counts periods."""
    return Span(*period_bounds(period, day))


def _month_span(year: int, month: int) -> Span:
    return _span(Period.MONTH, date(year, month, 1))


def _quarter_span(year: int, quarter: int) -> Span:
    return _span(Period.QUARTER, date(year, 3 * quarter - 2, 1))


def _season_span(year: int, month: int) -> Span:
    """The season beginning in `month` of `year` (winter: December to February)."""
    end = _month_span(year + 1, 2) if month == 12 else _month_span(year, month + 2)
    return Span(date(year, month, 1), end.last)


def _latest(
    make: Callable[[int], Span],
    today: date,
    year: int | None,
    *,
    current: int | None = None,
    past: bool = False,
) -> Span:
    """The latest span `make(y)` that has begun by today, this year's or last year's (`current`: this year,
    if not today's calendar year); with the plan's `year`, never one wholly before it (then the plan year's,
    not begun yet), unless the words say it is `past` ("i julas", "i våras": refused as before the plan's
    year). DateError (empty text) if none exists."""
    this = today.year if current is None else current
    made: list[Span] = []
    for y in sorted({this - 1, this} | ({year} if year is not None else set())):
        try:
            made.append(make(y))
        except ValueError:  # "29/2" in a common year, week 53 in a year of 52
            continue
    begun = [span for span in made if span.first <= today]
    start = date(year, 1, 1) if year is not None else date.min
    if begun and begun[-1].last >= start:
        return begun[-1]
    later = [span for span in made if span.first > today and span.last >= start and not past]
    if later:
        return later[0]
    if begun:
        return begun[-1]  # before the plan's year: refused as outside it
    raise DateError("")


def _relative(days: int) -> _Reader:
    return lambda _m, today, _y: Span.day(today - timedelta(days=days))


def _ago(m: re.Match[str], today: date, _year: int | None) -> Span:
    """ "för 3 dagar sedan", "2 weeks ago", "för en månad sedan" (that day of the month, or its last)."""
    count = int(m["n"]) if m["n"].isdecimal() else _COUNTS[m["n"]]
    if m["unit"].startswith(("man", "month", "ar", "year")):
        back = count * (12 if m["unit"].startswith(("ar", "year")) else 1)
        months = today.year * 12 + today.month - 1 - back
        month = _month_span(months // 12, months % 12 + 1)
        return Span.day(month.first.replace(day=min(today.day, month.last.day)))
    days = count * (7 if m["unit"].startswith(("veck", "week")) else 1)
    return Span.day(today - timedelta(days=days))


def _weekday_before(m: re.Match[str], today: date, _year: int | None) -> Span:
    """The latest such weekday before today ("i måndags" on a Monday is a week ago)."""
    weekday = WEEKDAY_NUMBERS[m["day"]]
    return Span.day(today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1))


def _weekday_before_last(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "förrförra onsdagen": the such weekday a week before the latest before today."""
    return Span.day(_weekday_before(m, today, year).first - timedelta(weeks=1))


def _weekday_upto(m: re.Match[str], today: date, _year: int | None) -> Span:
    """The latest such weekday, today included ("we met on Monday")."""
    return Span.day(today - timedelta(days=(today.weekday() - WEEKDAY_NUMBERS[m["day"]]) % 7))


def _weekday_range(m: re.Match[str], today: date, _year: int | None) -> Span:
    first, end = _RANGE_DAYS[m["day"]], _RANGE_DAYS[m["day2"]]
    last = today - timedelta(days=(today.weekday() - end) % 7)
    return Span(last - timedelta(days=(end - first) % 7), last)


def _weekday_range_in_week(back: int) -> _Reader:
    """ "mån-ons förra veckan", "Monday to Wednesday last week": those days of the week `back` weeks ago."""

    def read(m: re.Match[str], today: date, _year: int | None) -> Span:
        first, end = _RANGE_DAYS[m["day"]], _RANGE_DAYS[m["day2"]]
        monday = _week_of(today, back).first
        return Span(monday + timedelta(days=first), monday + timedelta(days=first + (end - first) % 7))

    return read


def _weekday_after(m: re.Match[str], today: date, _year: int | None) -> Span:
    """ "på onsdag", "next Wednesday": the next such weekday after today, to be refused as not yet come."""
    return Span.day(today + timedelta(days=(WEEKDAY_NUMBERS[m["day"]] - today.weekday() - 1) % 7 + 1))


def _weekday_in_week(back: int) -> _Reader:
    """ "this Wednesday", "onsdag nästa vecka", "förra veckans onsdag", "Wednesday the week before last":
    that weekday in the week `back` weeks before this one (0 this week, -1 the next)."""

    def read(m: re.Match[str], today: date, _year: int | None) -> Span:
        day = m.groupdict().get("day2") or m["day"]
        return Span.day(_week_of(today, back).first + timedelta(days=WEEKDAY_NUMBERS[day]))

    return read


def _weekend(_m: re.Match[str], today: date, _year: int | None) -> Span:
    saturday = today - timedelta(days=(today.weekday() - 5) % 7)
    return Span(saturday, saturday + timedelta(days=1))


def _between_christmas_and_new_year(_m: re.Match[str], today: date, year: int | None) -> Span:
    """ "i mellandagarna", "mellan jul och nyår": 27-30 December, the latest begun."""
    return _latest(lambda y: Span(date(y, 12, 27), date(y, 12, 30)), today, year)


def _weekend_before(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "förra helgen": on a weekday the latest weekend, on a weekend day the one before it."""
    latest = _weekend(m, today, year)
    return (
        latest
        if today.weekday() < 5
        else Span(latest.first - timedelta(weeks=1), latest.last - timedelta(weeks=1))
    )


def _week_of(today: date, back: int) -> Span:
    return _span(Period.WEEK, today - timedelta(weeks=back))


def _numbered_week(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "vecka 45": that week; "vecka 44-45": from the first's Monday to the second's Sunday ("52-1" into
    the next year)."""
    number = int(m["week"])
    last = int(m.groupdict().get("week2") or number)
    if not (1 <= number <= 53 and 1 <= last <= 53) or number - 40 < last < number:
        raise DateError("")

    def make(y: int) -> Span:
        first = date.fromisocalendar(y, number, 1)
        return Span(first, date.fromisocalendar(y + (last < number), last, 7))

    if m["year"]:
        return make(int(m["year"]))
    # ISO years, not calendar years: on 30 December week 1 of next year may have begun.
    return _latest(make, today, year, current=today.isocalendar().year)


def _day_month(day: int, month: int, written_year: str | None, today: date, year: int | None) -> Span:
    if written_year:
        return Span.day(date(int(written_year), month, day))
    return _latest(lambda y: Span.day(date(y, month, day)), today, year)


def _short(m: re.Match[str], today: date, year: int | None) -> Span:
    return _day_month(int(m["d"]), int(m["m"]), m["y"] or (m["yy"] and f"20{m['yy']}"), today, year)


def _range(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "1/10-15/10", "3-5/3", "3-5 mars", "28/12-3/1", "3/11 till 5/11", "Nov 3 to Nov 5": the days from
    the first to the last ("28/12-3/1 2026": the year of the first)."""
    first_month = int(m["m"]) if m["m"] else MONTH_NUMBERS[m["month"]] if m["month"] else int(m["m2"])
    named_last = m.groupdict().get("month2")
    last_month = int(m["m2"]) if m["m2"] else MONTH_NUMBERS[named_last] if named_last else first_month

    def make(y: int) -> Span:
        first = date(y, first_month, int(m["d"]))
        last = date(y + (last_month < first_month), last_month, int(m["d2"]))
        if last <= first:  # "5-3/3"
            raise ValueError(m[0])
        return Span(first, last)

    first_year, last_year = m.groupdict().get("y1"), m["y"]
    if first_year and last_year:  # each its own: "28/12 2026 - 3/1 2027"
        first = date(_full_year(first_year), first_month, int(m["d"]))
        last = date(_full_year(last_year), last_month, int(m["d2"]))
        if last <= first:
            raise ValueError(m[0])
        return Span(first, last)
    written = last_year or first_year
    return make(_full_year(written)) if written else _latest(make, today, year)


def _full_year(written: str) -> int:
    return int(written) if len(written) == 4 else 2000 + int(written)


def _iso(m: re.Match[str], _today: date, _year: int | None) -> Span:
    return Span.day(date(int(m["y"]), int(m["m"]), int(m["d"])))


def _named_month_day(m: re.Match[str], today: date, year: int | None) -> Span:
    return _day_month(int(m["d"]), MONTH_NUMBERS[m["month"]], m["y"], today, year)


def _ordinal_month_day(m: re.Match[str], today: date, year: int | None) -> Span:
    return _day_month(_ORDINAL_DAYS[m["od"]], MONTH_NUMBERS[m["month"]], m["y"], today, year)


def _holiday(name: str, shift: int = 0) -> Callable[[int], date]:
    """A day of Sweden's calendar by its name in the `holidays` library, `shift` days after it
    (midsommarafton the day before Midsommardagen)."""

    def day(y: int) -> date:
        (found,) = public_holidays.Sweden(years=y, language="sv").get_named(name, lookup="exact")
        return found + timedelta(days=shift)

    return day


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda y: date(y, month, day)


def _sunday(month: int, which: int) -> Callable[[int], date]:
    """The month's `which`th Sunday (-1 the last): Mother's Day in Sweden is May's last, Father's Day
    November's second."""

    def day(y: int) -> date:
        days = _month_span(y, month)
        sundays = [d for n in range(31) if (d := days.first + timedelta(days=n)).weekday() == 6]
        return [d for d in sundays if d <= days.last][which if which < 0 else which - 1]

    return day


def _advent(number: int) -> Callable[[int], date]:
    """The `number`th Sunday of Advent: the fourth is the last Sunday before Christmas Day."""

    def day(y: int) -> date:
        eve = date(y, 12, 24)
        return eve - timedelta(days=(eve.weekday() - 6) % 7, weeks=4 - number)

    return day


def _named_day(make: Callable[[int], date], *, past: bool = False) -> _Reader:
    """A named day ("julafton", "midsommarafton"): the year's written, or the latest that has come."""

    def read(m: re.Match[str], today: date, year: int | None) -> Span:
        if m["y"]:
            return Span.day(make(int(m["y"])))
        return _latest(lambda y: Span.day(make(y)), today, year, past=past)

    return read


def _day_of_month(m: re.Match[str], today: date, _year: int | None) -> Span:
    return _day_of_month_number(int(m["d"] or m["d2"]), today)


def _day_of_month_number(day: int, today: date) -> Span:
    if not 1 <= day <= 31:
        raise DateError("")
    # The latest month that had that day: "den 31" on 15 April is 31 March.
    month_start = today.replace(day=1)
    for _ in range(3):
        try:
            found = month_start.replace(day=day)
        except ValueError:
            found = None
        if found is not None and found <= today:
            return Span.day(found)
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    raise DateError("")


def _last_day(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "den sista oktober", "the last of October": 31 October."""
    month = MONTH_NUMBERS[m["month"] or m["month2"]]
    return _latest(lambda y: Span.day(_month_span(y, month).last), today, year)


def _no_day(_m: re.Match[str], _today: date, _year: int | None) -> Span:
    """ "häromdagen", "a few days ago": meant as a day but naming none, so the writer is asked which."""
    raise DateError("")


def _month(m: re.Match[str], today: date, year: int | None) -> Span:
    month = MONTH_NUMBERS[m["month"]]
    if m["y"]:
        return _month_span(int(m["y"]), month)
    return _latest(lambda y: _month_span(y, month), today, year)


def _month_back(back: int) -> _Reader:
    def read(_m: re.Match[str], today: date, _year: int | None) -> Span:
        month = today.year * 12 + today.month - 1 - back
        return _month_span(month // 12, month % 12 + 1)

    return read


def _quarter(m: re.Match[str], today: date, year: int | None) -> Span:
    number = int(m["q"]) if m["q"] else _QUARTER_WORDS[m["qword"]]
    return _latest(lambda y: _quarter_span(y, number), today, year)


def _quarter_back(back: int) -> _Reader:
    def read(_m: re.Match[str], today: date, _year: int | None) -> Span:
        quarter = (today.month - 1) // 3 + 1 - back
        return _quarter_span(today.year - (quarter < 1), (quarter - 1) % 4 + 1)

    return read


def _season(m: re.Match[str], today: date, year: int | None) -> Span:
    month = _SEASONS[m["season"]]
    past = not m[0].startswith("this")  # "i våras", "last spring"
    return _latest(lambda y: _season_span(y - (month == 12), month), today, year, past=past)


def _year_back(back: int) -> _Reader:
    return lambda _m, today, _y: _span(Period.YEAR, date(today.year - back, 1, 1))


def _new_year(_m: re.Match[str], today: date, year: int | None) -> Span:
    """ "nyår", "årsskiftet", "New Year": New Year's Eve and Day, the latest begun (not a whole year)."""
    return _latest(lambda y: Span(date(y - 1, 12, 31), date(y, 1, 1)), today, year)


def _easter(*, past: bool) -> _Reader:
    """ "i påsk", "över påsken", "at Easter": from Good Friday to Easter Monday, the latest begun ("i
    påskas": the Easter gone, even before the plan's year)."""
    good_friday, easter_monday = _holiday("Långfredagen"), _holiday("Annandag påsk")

    def read(m: re.Match[str], today: date, year: int | None) -> Span:
        def make(y: int) -> Span:
            return Span(good_friday(y), easter_monday(y))

        return make(int(m["y"])) if m["y"] else _latest(make, today, year, past=past)

    return read


def _season_now(m: re.Match[str], today: date, _year: int | None) -> Span:
    """ "i höst", "i vår": the season of today, or else the next (to be refused as not yet come)."""
    return _season_not_over(_SEASONS[m["season"]], today)


def _season_not_over(month: int, today: date) -> Span:
    """The season beginning in `month` that is under way today, or else the next."""
    seasons = [_season_span(y, month) for y in (today.year - 1, today.year, today.year + 1)]
    return next(span for span in seasons if span.last >= today)


def _weeks_ago(m: re.Match[str], today: date, _year: int | None) -> Span:
    """ "a fortnight ago", "two fortnights ago"."""
    count = int(m["n"]) if m["n"].isdecimal() else _COUNTS[m["n"]]
    return Span.day(today - timedelta(weeks=2 * count))


def _weekdays_ago(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "two Tuesdays ago": the latest Tuesday before today counted as one."""
    count = int(m["n"]) if m["n"].isdecimal() else _COUNTS[m["n"]]
    return Span.day(_weekday_before(m, today, year).first - timedelta(weeks=count - 1))


def _night_before(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "natten till söndag": the night after Saturday, stored on Saturday; "i natt": the night just gone."""
    if m.groupdict().get("day") is None:
        return Span.day(today - timedelta(days=1))
    return Span.day(_weekday_upto(m, today, year).first - timedelta(days=1))


def _week_of_month(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "första veckan i november", "the last week of October": the first (second, last) week, Monday to
    Sunday, that has most of its days in the month, as calendars count weeks of a month; only its days in
    the month, as the writer named the month ("sista veckan i oktober" 2026: 26-31 October)."""
    month = MONTH_NUMBERS[m["month"]]
    which = _WEEK_ORDINALS[m["which"]]

    def make(y: int) -> Span:
        days = _month_span(y, month)
        near = (days.first + timedelta(days=n) for n in range(-3, 28))
        mondays = [d for d in near if d.weekday() == 0 and days.first <= d + timedelta(days=3) <= days.last]
        monday = mondays[which]
        return Span(max(monday, days.first), min(monday + timedelta(days=6), days.last))

    return _day_month_year(make, m["y"], today, year)


def _weekend_of_month(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "första helgen i november", "the last weekend of October": the month's first (second, last)
    Saturday and the Sunday after it, in the month (2026's last in October: 31 October)."""
    month, which = MONTH_NUMBERS[m["month"]], _WEEK_ORDINALS[m["which"]]

    def make(y: int) -> Span:
        days = _month_span(y, month)
        saturdays = [d for n in range(31) if (d := days.first + timedelta(days=n)).weekday() == 5]
        saturday = [d for d in saturdays if d <= days.last][which]
        return Span(saturday, min(saturday + timedelta(days=1), days.last))

    return _day_month_year(make, m["y"], today, year)


def _month_range(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "okt-nov", "October–November": from the first month's first day to the last's last."""
    first, last = MONTH_NUMBERS[m["month"]], MONTH_NUMBERS[m["month2"]]
    if first == last:
        raise DateError("")

    def make(y: int) -> Span:
        return Span(_month_span(y, first).first, _month_span(y + (last < first), last).last)

    return _day_month_year(make, m["y"], today, year)


def _day_range(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "3 till 5 november", "between 3 and 5 November", "Nov 3-5", "3rd-5th Nov": the days from the first
    to the last of one month."""
    first, last, month = int(m["d"]), int(m["d2"]), MONTH_NUMBERS[m["month"]]

    def make(y: int) -> Span:
        if last <= first:
            raise ValueError(m[0])
        return Span(date(y, month, first), date(y, month, last))

    return _day_month_year(make, m["y"], today, year)


def _day_month_year(make: Callable[[int], Span], written: str | None, today: date, year: int | None) -> Span:
    return make(int(written)) if written else _latest(make, today, year)


def _ordinal_day_range(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "tredje till femte november": 3-5 November."""
    first, last, month = _ORDINAL_DAYS[m["od"]], _ORDINAL_DAYS[m["od2"]], MONTH_NUMBERS[m["month"]]

    def make(y: int) -> Span:
        if last <= first:
            raise ValueError(m[0])
        return Span(date(y, month, first), date(y, month, last))

    return _day_month_year(make, m["y"], today, year)


def _cardinal_month_day(m: re.Match[str], today: date, year: int | None) -> Span:
    """ "tre november": 3 November."""
    return _day_month(_SV_CARDINALS[m["cd"]], MONTH_NUMBERS[m["month"]], m["y"], today, year)


def _ordinal_alone(m: re.Match[str], today: date, _year: int | None) -> Span:
    """ "den tredje", "on the third": the latest month's such day, as "den 3:e"."""
    return _day_of_month_number(_ALONE_ORDINALS[m["od"]], today)


_QUARTER_WORD = "|".join(_QUARTER_WORDS)
_SV_CARDINAL = "|".join(sorted(_SV_CARDINALS, key=len, reverse=True))
_SV_ALONE = "|".join(sorted((w for w in _ALONE_ORDINALS if w not in _EN_ORDINALS), key=len, reverse=True))
_WEEK_ORDINAL = "|".join(_WEEK_ORDINALS)
_SV_ORDINAL = "|".join(sorted(_SV_ORDINALS, key=len, reverse=True))
_EN_ORDINAL = "|".join(sorted(_EN_ORDINALS, key=len, reverse=True))
_WHOLE_MONTH = "|".join(_WHOLE_MONTHS)
# "may first" and "march second" are more often a verb or a demonstration than a day.
_NAMING_MONTH = "|".join(name for name in _WHOLE_MONTHS if name not in _LOWERCASE_WORDS)
_SV_DAY = "|".join(_WEEKDAYS_SV)
_EN_DAY = "|".join(_WEEKDAYS_EN)
# A weekday alone in English: its name, or a short one that is no other word ("sat", "sun"; "fri" is Swedish).
_EN_WHOLE_DAY = "|".join(
    [*_names(get_day_names("wide", locale="en")), "mon", "tue", "tues", "wed", "weds", "thu"]
)
# In a range of weekdays "mån" and "sön" are days too: "mån-ons", "fre–sön".
_RANGE_DAYS = WEEKDAY_NUMBERS | {"man": 0, "son": 6}
_RANGE_DAY = "|".join(sorted(_RANGE_DAYS, key=len, reverse=True))
_WEEKDAY_RANGE = (  # "lör-sön", "tisdag till torsdag", "from Tuesday to Thursday"
    rf"(?:fran |from )?(?P<day>{_RANGE_DAY}) ?(?:[-\u2013]|till|to|through|until) ?(?P<day2>{_RANGE_DAY})"
)
_EN_PART_OF_DAY = "(?: evening| morning| afternoon| night)?"  # "last Tuesday evening"
_S = "(?:'|\u2019)?s"  # "new year's", "new years"
_OWN = "(?:'|\u2019)s"  # "Tuesday's meeting", not "on Tuesdays"
# "i går kväll", "igårkväll", "i tisdags em", "i lördags förmiddag"
_PART_OF_DAY = "(?: ?kvall(?:en)?| ?morse| ?morgon(?:en)?| ?(?:for|efter)middag(?:en)?| ?natt| ?em| ?fm)?"
# Days Swedes name rather than number, each the latest that has come (or of the year written after it).
_NAMED_DAYS: Sequence[tuple[str, Callable[[int], date]]] = (
    (r"julafton|christmas eve", _fixed(12, 24)),
    # Christmas as a time, by its first day: "i jul", "över julen", "at Christmas" ("i julas" below).
    (
        r"(?:i|pa|under|over|kring|runt) jul(?:en|helgen)?|julhelgen"
        r"|(?:at|over|during|around) (?:the )?christmas(?: holidays?)?",
        _fixed(12, 24),
    ),
    (r"juldag(?:en)?|christmas day", _fixed(12, 25)),
    (r"annandag jul(?:en)?|boxing day", _fixed(12, 26)),
    (rf"nyarsafton|new year{_S} eve", _fixed(12, 31)),
    (rf"nyarsdag(?:en)?|new year{_S} day", _fixed(1, 1)),
    (r"trettondagsafton", _fixed(1, 5)),
    (r"trettondag(?:en)?|trettonde?dag jul|trettondedagen|epiphany", _fixed(1, 6)),
    (r"valborg(?:smassoafton|safton)?|walpurgis(?: night| eve)?", _fixed(4, 30)),
    (rf"(?:sveriges )?nationaldag(?:en)?|(?:sweden{_S} )?national day", _fixed(6, 6)),
    # "Lucia" alone is as often someone's name: the day after "på", "on", "at" or as "luciadagen".
    (rf"(?:pa|on|at) (?:st |saint )?lucia|luciadag(?:en)?|(?:st |saint )?lucia(?:{_S})? day", _fixed(12, 13)),
    (r"may day", _fixed(5, 1)),
    (rf"mors ?dag(?:en)?|mother{_S} day", _sunday(5, -1)),
    (rf"fars ?dag(?:en)?|father{_S} day", _sunday(11, 2)),
    (rf"midsommar(?:afton)?|midsummer(?:{_S})?(?: eve)?", _holiday("Midsommardagen", -1)),
    (rf"midsommardag(?:en)?|midsummer(?:{_S})? day", _holiday("Midsommardagen")),
    (r"skartorsdag(?:en)?|maundy thursday", _holiday("Långfredagen", -1)),
    (r"langfredag(?:en)?|good friday", _holiday("Långfredagen")),
    (r"paskafton|easter (?:saturday|eve)|holy saturday", _holiday("Påskdagen", -1)),
    (r"paskdag(?:en)?|easter (?:sunday|day)", _holiday("Påskdagen")),
    (r"annandag pask|easter monday", _holiday("Annandag påsk")),
    (r"kristi himmelsfard(?:sdag(?:en)?)?|ascension day", _holiday("Kristi himmelsfärdsdag")),
    (r"pingstdag(?:en)?|whit sunday|pentecost", _holiday("Pingstdagen")),
    (rf"alla helgons dag|all saints{_S}? day", _holiday("Alla helgons dag")),
    *(
        (
            rf"(?:{n}(?::[ae])?|{sv}) advent(?:ssondag(?:en)?)?"
            rf"|(?:the )?(?:{en}) (?:sunday (?:of|in) )?advent",
            _advent(n),
        )
        for n, sv, en in (
            (1, "forsta", "first|1st"),
            (2, "andra", "second|2nd"),
            (3, "tredje", "third|3rd"),
            (4, "fjarde", "fourth|4th"),
        )
    ),
)

# Phrases read only where the words around them say so (_GUARDS).
_CHRISTMAS = r"jul(?:en)?(?: (?P<y>\d{4}))?"  # not in "god jul", "inför jul"
_EASTER = (  # not in "glad påsk", "inför påsk"
    r"(?:(?:(?:i|pa|under|over|kring|runt) )?pask(?:en|helgen)?|paskhelgen"
    r"|(?:(?:at|over|during|around) )?easter(?: weekend| holidays?)?)(?: (?P<y>\d{4}))?"
)
_ORDINAL_ALONE_SV = rf"den (?P<od>{_SV_ALONE})"  # "den tredje", not "den tredje träffen"
_ORDINAL_ALONE_EN = rf"on the (?P<od>{_EN_ORDINAL})"  # "on the third", not "on the third try"
_DOTTED_RANGE = (  # "3-5.11", "3.11-5.11", with the dots Finns and Germans end a day with: "3.11.-5.11."
    r"(?P<d>\d{1,2})(?:\.(?P<m>\d{1,2})(?:\.(?P<y1>\d{4}))?)?\.?[-\u2013](?P<d2>\d{1,2})\.(?P<m2>\d{1,2})"
    r"(?P<month>)(?:[ .](?P<y>\d{4}))?"
)
# "och", "and" join a range's ends only after "mellan", "between" ("mellan 3 och 5 mars"); "3 och 10 mars"
# alone is two days, two meetings (`_listed`).
_AND_IN_BETWEEN = r"(?(between)(?:och|and)|(?!))"
# The holidays people take off, as a time: "helgerna" (Christmas and New Year, to trettondagen 6 January),
# "semestern", "sommarlovet" (the summer's, over by mid-August); "the (Christmas, summer) holidays".
_BREAKS = (
    r"(?:jul)?helg[ae]rna|julhelgen|jullovet|(?:sommar)?semest(?:ern?|rarna)|sommarlovet"
    r"|(?:sommar|jul)?uppehallet"
    r"|(?:the )?(?:christmas |summer )?(?:holidays?|break|vacation)"
)
_SEASON_NOW = r"i (?P<season>host|var|sommar|vinter)"  # "i vår", not "i var" (in each)
_NEW_YEAR = (  # not in "inför nyår"
    rf"(?:(?:over|vid|kring|runt) )?(?:arsskiftet|nyar(?:et)?)"
    rf"|(?:(?:at|over|around) )?(?:the )?new year(?:{_S})?"
)


def _two_days(first: str, last: str, year: str | None = " ") -> tuple[str, str]:
    """A range written as two whole days: "3/11 till 5/11", "från 3/11 till 5/11", "mellan 3/11 och 5/11"
    ("3/11 och 5/11" alone is two days). Each may have its year after `year` ("3/11 2026 till 5/11 2026",
    "30-9-2026 till 2-10-2026"; of two digits only when joined: "30-9-26"); None: the days have theirs."""
    if year is not None:
        digits = r"\d{4}" if year == " " else r"\d{4}|\d{2}"
        first = rf"{first}(?:{year}(?P<y1>{digits}))?"
        last = rf"{last}(?:{year}(?P<y>{digits}))?"
    return (
        rf"(?:(?:fran|from)(?: och med)? )?{first}"
        rf" (?:[-\u2013\u2014]|till(?: och med)?|to|until|through|tom|t\.o\.m) {last}",
        rf"(?:mellan|between) {first} (?:och|and) {last}",
    )


_SLASHED_DAYS = _two_days(
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})", r"(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?P<month>)", year="(?: |/|-)"
)
# "3.11 till 5.11", unless a time or unit says it is none ("kl 1.5 till 2.5", "1.5 till 2.5 timmar").
_DOTTED_DAYS = _two_days(
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})", r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})(?P<month>)", year="(?: |\\.)"
)
# "30-9 till 2-10", "30-9–2-10": two days written with hyphens that no calendar lacks, unless a time or a
# unit says they are none ("kl 9-11 till 10-12").
_HYPHENED_DAYS = _two_days(
    r"(?P<d>0?[1-9]|[12]\d|3[01])-(?P<m>0?[1-9]|1[0-2])",
    r"(?P<d2>0?[1-9]|[12]\d|3[01])-(?P<m2>0?[1-9]|1[0-2])(?P<month>)",
    year="(?: |-)",
)
_ISO_DAYS = _two_days(  # "2026-11-03 – 2026-11-05"
    r"(?P<y1>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
    r"(?P<y>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})(?P<month>)",
    year=None,
)
_MONTH_DAYS = _two_days(  # "3 nov till 5 nov", "the 3rd of November to the 5th of December"
    rf"(?:den |the )?(?P<d>\d{{1,2}}){_ORDINAL}?(?: of)? (?P<month>{_MONTH})",
    rf"(?:den |the )?(?P<d2>\d{{1,2}}){_ORDINAL}?(?: of)? (?P<month2>{_MONTH})(?P<m>)(?P<m2>)",
)
_MONTH_FIRST_DAYS = _two_days(  # "Nov 3 to Nov 5"
    rf"(?P<month>{_MONTH}) (?:the )?(?P<d>\d{{1,2}}){_ORDINAL}?",
    rf"(?P<month2>{_MONTH}) (?:the )?(?P<d2>\d{{1,2}}){_ORDINAL}?(?P<m>)(?P<m2>)",
)

# Each phrase as one regular expression over its words folded (lower case, no diacritics, no punctuation at
# either end of a word), tried longest first at a word.
_PHRASES: Sequence[tuple[str, _Reader]] = (
    (
        r"i ?dag|today|i ?morse|i ?kvall|i eftermiddag|this (?:morning|afternoon|evening)|tonight",
        _relative(0),
    ),
    (
        rf"(?:i ?gar|ig ar){_PART_OF_DAY}|yesterday(?: evening| morning| afternoon| night)?|yday|yest"
        rf"|last (?:night|evening)|gardagens|yesterday{_S}",
        _relative(1),
    ),
    (rf"i ?natt|natten (?:till|mot) (?:i ?dag|(?P<day>{_SV_DAY})(?:en)?)", _night_before),
    # "förrgår", "day before yesterday": the little word left out, as people write in a hurry.
    (rf"(?:i ?)?forrgar{_PART_OF_DAY}|(?:the )?day before yesterday|forrgardagens", _relative(2)),
    # Ahead, so that a report of what is still to come is refused, not stored as today.
    (r"i ?morgon|tomorrow", _relative(-1)),
    (r"(?:i ?)?overmorgon|(?:the )?day after tomorrow", _relative(-2)),
    (r"nasta vecka|next week", lambda _m, t, _y: _week_of(t, -1)),
    (rf"(?:for )?(?P<n>{_COUNT}) (?P<unit>dag|dagar|vecka|veckor|manad|manader|ar) (?:sedan|sen)", _ago),
    (rf"(?P<n>{_COUNT}) (?P<unit>day|days|week|weeks|month|months|year|years) (?:ago|back)", _ago),
    (rf"(?P<n>{_COUNT}) fortnights? ago", _weeks_ago),
    (rf"(?:the )?(?P<day>{_EN_DAY}) before last", _weekday_before_last),
    (rf"(?P<n>{_COUNT}) (?P<day>{_EN_DAY})s ago", _weekdays_ago),
    # "i tisdags", "tisdags", "i tisdags kväll", "i tisdagskväll".
    (rf"(?:i )?(?P<day>{_SV_DAY})s{_PART_OF_DAY}", _weekday_before),
    (rf"(?:(?:this )?past|last) (?P<day>{_EN_DAY})(?:{_OWN}|{_EN_PART_OF_DAY})", _weekday_before),
    # A weekday alone is the latest, today included: a check-in tells what has happened.
    # From one weekday to the next such: "lördag-söndag", "fre–lör", "Friday-Sunday": the latest that ended.
    (rf"{_WEEKDAY_RANGE}", _weekday_range),
    (rf"{_WEEKDAY_RANGE} (?:(?:i )?forra veckan|last week)", _weekday_range_in_week(1)),
    (rf"{_WEEKDAY_RANGE} (?:(?:i )?forrforra veckan|the week before last)", _weekday_range_in_week(2)),
    # "tisdagens möte", "Tuesday's meeting": a day's own, as the day.
    (rf"(?P<day>{_SV_DAY})(?:en|ens)?{_PART_OF_DAY}", _weekday_upto),
    (rf"(?P<day>{_EN_WHOLE_DAY})(?:{_OWN}|{_EN_PART_OF_DAY})", _weekday_upto),
    (rf"on (?P<day>{_EN_DAY}){_EN_PART_OF_DAY}", _weekday_upto),
    # Ahead: "på onsdag", "i onsdag", "nästa onsdag", "next Wednesday", refused as not yet come.
    (rf"(?:pa|i|nasta|kommande) (?P<day>{_SV_DAY})(?:en)?{_PART_OF_DAY}", _weekday_after),
    (rf"(?:this )?(?:next|coming) (?P<day>{_EN_DAY}){_EN_PART_OF_DAY}", _weekday_after),
    (rf"this (?P<day>{_EN_DAY})", _weekday_in_week(0)),
    (rf"(?:pa )?(?P<day>{_SV_DAY})(?:en)? (?:i )?nasta vecka", _weekday_in_week(-1)),
    (rf"(?:on )?(?P<day>{_EN_DAY}) next week", _weekday_in_week(-1)),
    (rf"i helgen|helgens|(?:last|this|the|at the|over the|(?:this )?past) weekend(?:{_S})?", _weekend),
    (r"forra helgens?", _weekend_before),
    (
        r"(?:i )?mellandagarna|mellan jul(?:en)? och nyar(?:et)?|between christmas and new year",
        _between_christmas_and_new_year,
    ),
    (rf"(?:i |pa )?(?P<day>{_SV_DAY})(?:en|s)?{_PART_OF_DAY} (?:i )?forra veckan", _weekday_in_week(1)),
    (rf"(?:i |pa )?forra veckans (?P<day>{_SV_DAY})(?:en)?", _weekday_in_week(1)),
    (
        rf"(?:on )?(?P<day>{_EN_DAY}){_EN_PART_OF_DAY} last week"
        rf"|last week(?:{_S})?(?: on)? (?P<day2>{_EN_DAY})",
        _weekday_in_week(1),
    ),
    (rf"(?:i |pa )?(?P<day>{_SV_DAY})(?:en|s)? (?:i )?forrforra veckan", _weekday_in_week(2)),
    (rf"(?:i |pa )?forrforra veckans (?P<day>{_SV_DAY})(?:en)?", _weekday_in_week(2)),
    (rf"(?:on )?(?P<day>{_EN_DAY}) (?:the )?week before last", _weekday_in_week(2)),
    # "förra onsdagen": the latest Wednesday before today, as "i onsdags"; "förrförra" the one before it.
    (rf"(?:forra|senaste) (?P<day>{_SV_DAY})(?:en)?{_PART_OF_DAY}", _weekday_before),
    (rf"forrforra (?P<day>{_SV_DAY})(?:en)?", _weekday_before_last),
    (rf"forra veckans?|last week(?:{_S})?|(?:the )?previous week", lambda _m, t, _y: _week_of(t, 1)),
    (r"forrforra veckans?|(?:the )?week before last", lambda _m, t, _y: _week_of(t, 2)),
    (r"i veckan|(?:den )?(?:har|denna) veckan?|this week", lambda _m, t, _y: _week_of(t, 0)),
    (r"(?:v|vecka|veckan|week|wk|w) ?(?P<week>\d{1,2})(?: (?P<year>\d{4}))?", _numbered_week),
    # Weeks from one to another: "vecka 44-45", "v44–45", "veckorna 44 och 45", "weeks 44 to 45".
    (
        r"(?:v|vecka|veckorna|veckor|week|weeks|wk|w)\.? ?(?P<week>\d{1,2})"
        r"(?: ?[-\u2013] ?| (?:och|till|and|to) )(?:v|vecka|week|w)?\.? ?(?P<week2>\d{1,2})"
        r"(?: (?P<year>\d{4}))?",
        _numbered_week,
    ),
    (r"(?:v|w|vecka|week)\.(?P<week>\d{1,2})(?: (?P<year>\d{4}))?", _numbered_week),
    (r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})", _iso),  # "2026-11-03", "2026/11/03"
    (r"(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])", _iso),  # "20261103"
    # A range of days, read as a period (stored on its first day): "1/10-15/10", "3-5/3", "3-5 mars";
    # with dots, "3.11-5.11", "3-5.11", unless a unit follows ("1-2.5 timmar"): see _GUARDS.
    (_DOTTED_RANGE, _range),
    (
        r"(?P<d>\d{1,2})(?:/(?P<m>\d{1,2}))?[-\u2013](?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?P<month>)"
        r"(?: (?P<y>\d{4}))?",
        _range,
    ),
    (
        rf"(?P<d>\d{{1,2}})[-\u2013](?P<d2>\d{{1,2}}) (?P<month>{_MONTH})(?P<m>)(?P<m2>)(?: (?P<y>\d{{4}}))?",
        _range,
    ),
    # Two whole days as a range: "3/11 till 5/11", "Nov 3 to Nov 5".
    *(
        (pattern, _range)
        for pattern in (
            *_SLASHED_DAYS,
            *_DOTTED_DAYS,
            *_HYPHENED_DAYS,
            *_ISO_DAYS,
            *_MONTH_DAYS,
            *_MONTH_FIRST_DAYS,
        )
    ),
    # In words: "3 till 5 november", "between 3 and 5 November", "3rd-5th Nov", "Nov 3-5", "okt-nov".
    (
        rf"(?:fran |(?P<between>mellan |between )|from )?(?:den |the )?(?P<d>\d{{1,2}}){_ORDINAL}?"
        rf" ?(?:[-\u2013]|till|to|until|{_AND_IN_BETWEEN}) ?(?:den |the )?(?P<d2>\d{{1,2}}){_ORDINAL}?"
        rf"(?: of)? (?P<month>{_MONTH})(?: (?P<y>\d{{4}}))?",
        _day_range,
    ),
    (
        rf"(?:from |(?P<between>mellan |between ))?(?P<month>{_MONTH}) (?:the )?(?P<d>\d{{1,2}}){_ORDINAL}?"
        rf" ?(?:[-\u2013]|till|to|until|through|{_AND_IN_BETWEEN}) ?(?:the )?(?P<d2>\d{{1,2}}){_ORDINAL}?"
        rf"(?: (?P<y>\d{{4}}))?",
        _day_range,
    ),
    (
        rf"(?P<month>{_MONTH}) ?(?:[-\u2013]|till|to|through) ?(?P<month2>{_MONTH})(?: (?P<y>\d{{4}}))?",
        _month_range,
    ),
    (
        rf"(?:den |the )?(?P<which>{_WEEK_ORDINAL}) (?:helgen|weekend) (?:i|of|in) (?P<month>{_MONTH})"
        rf"(?: (?P<y>\d{{4}}))?",
        _weekend_of_month,
    ),
    (
        rf"(?:den |the )?(?P<which>{_WEEK_ORDINAL}) (?:veckan|week) (?:i|of|in) (?P<month>{_MONTH})"
        rf"(?: (?P<y>\d{{4}}))?",
        _week_of_month,
    ),
    # "12/3 2026", "12/3-2026", "12/3/2026"; a year of two digits after "-" or "/": "12/3-26".
    (r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:[/ -](?P<y>\d{4})|[/-](?P<yy>\d{2}))?", _short),
    (
        rf"(?:the )?(?P<d>\d{{1,2}}){_ORDINAL}?(?: of)? (?P<month>{_MONTH})(?: (?P<y>\d{{4}}))?",
        _named_month_day,
    ),
    (rf"(?P<month>{_MONTH}) (?:the )?(?P<d>\d{{1,2}}){_ORDINAL}?(?: (?P<y>\d{{4}}))?", _named_month_day),
    # In words: "andra oktober", "the second of October" ("our first march" is none), "October second".
    (rf"(?P<od>{_SV_ORDINAL}) (?P<month>{_WHOLE_MONTH})(?: (?P<y>\d{{4}}))?", _ordinal_month_day),
    (  # "tredje till femte november": the days, not the last
        rf"(?:fran |(?P<between>mellan ))?(?:den )?(?P<od>{_SV_ORDINAL}) (?:[-\u2013]|till|{_AND_IN_BETWEEN})"
        rf" (?:den )?(?P<od2>{_SV_ORDINAL}) (?P<month>{_WHOLE_MONTH})(?: (?P<y>\d{{4}}))?",
        _ordinal_day_range,
    ),
    (rf"(?:the )?(?P<od>{_EN_ORDINAL}) of (?P<month>{_WHOLE_MONTH})(?: (?P<y>\d{{4}}))?", _ordinal_month_day),
    (rf"(?P<month>{_NAMING_MONTH}) (?:the )?(?P<od>{_EN_ORDINAL})(?: (?P<y>\d{{4}}))?", _ordinal_month_day),
    (rf"(?:den )?(?P<cd>{_SV_CARDINAL}) (?P<month>{_MONTH})(?: (?P<y>\d{{4}}))?", _cardinal_month_day),
    # Alone only when no noun follows ("den tredje träffen" is none): see _GUARDS.
    (_ORDINAL_ALONE_SV, _ordinal_alone),
    (_ORDINAL_ALONE_EN, _ordinal_alone),
    *((rf"(?:{named})(?: (?P<y>\d{{4}}))?", _named_day(make)) for named, make in _NAMED_DAYS),
    # "i julas": the Christmas gone, never the one to come; "jul" alone is Christmas, but not in "god jul".
    (r"i julas(?: (?P<y>\d{4}))?", _named_day(_fixed(12, 24), past=True)),
    (_CHRISTMAS, _named_day(_fixed(12, 24))),
    (_EASTER, _easter(past=False)),
    (r"i paskas(?: (?P<y>\d{4}))?", _easter(past=True)),
    (
        rf"(?P<d>\d{{1,2}})(?::?e|:a|:dje|:dra|st|nd|rd|th)|(?:den|the) (?P<d2>\d{{1,2}}){_ORDINAL}?",
        _day_of_month,
    ),
    (rf"(?P<month>{_MONTH}) (?P<y>\d{{4}})", _month),  # "maj 2025", "nov -25"
    (
        rf"(?:den )?sista (?P<month>{_WHOLE_MONTH})|(?:the )?last (?:day )?of (?P<month2>{_WHOLE_MONTH})",
        _last_day,
    ),
    # Words for a day that say no day: asked about, never stored as today.
    (
        r"harom ?dagen|harom ?veckan|(?:for )?(?:ett par|nagra) (?:dagar|veckor) (?:sedan|sen)"
        r"|(?:a couple of|a few|some|several) (?:days|weeks) ago|(?:the )?other day"
        r"|(?:dagen|veckan|helgen|manaden) (?:innan|forut)|the (?:day|week|weekend|month) before"
        rf"|(?:efter|after) (?:{_BREAKS})"  # "möte efter helgerna": some day after them, but which?
        rf"|(?:under|i|over|pa|during|in|over) (?:{_BREAKS})",  # "möte under semestern": which day?
        _no_day,
    ),
    (rf"forra manaden|forra manadens|last month(?:{_S})?|(?:the )?previous month", _month_back(1)),
    (r"forrforra manadens?|(?:the )?month before last", _month_back(2)),
    (r"i manaden|(?:den )?(?:har|denna) manaden?|this month", _month_back(0)),
    (r"nasta manad|next month", _month_back(-1)),  # ahead: a snooze's, refused in a check-in
    (
        rf"(?:kvartal|quarter|q|kv)\.? ?(?P<q>[1-4])"
        rf"|(?:the )?(?P<qword>{_QUARTER_WORD}) (?:kvartalet|quarter)",
        _quarter,
    ),
    (r"(?:forra|senaste) kvartalet|(?:the )?(?:last|previous) quarter", _quarter_back(1)),
    (
        r"(?:det har|detta|i) kvartal(?:et)?|kvartalets borjan|(?:the start of )?this quarter",
        _quarter_back(0),
    ),
    (rf"i (?P<season>{'|'.join(s for s in _SEASONS if s.endswith('s'))})", _season),
    (_SEASON_NOW, _season_now),
    (r"(?:last|this) (?P<season>spring|summer|autumn|fall|winter)", _season),
    (r"arets borjan|borjan av aret|i ar|this year", _year_back(0)),
    (r"(?:the )?(?:start|beginning) of (?:the|this) year", _year_back(0)),
    (_NEW_YEAR, _new_year),
    (r"forra aret|i fjol|ifjol|last year|(?:the )?previous year", _year_back(1)),
)
_DOTTED = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?P<y>\d{4}|\d{2}))?")
_HYPHENED = re.compile(r"(?P<d>\d{1,2})-(?P<m>\d{1,2})(?:-(?P<y>\d{4}|\d{2}))?")
_PAIR = re.compile(r"(\d{1,2})/(\d{1,2})")
_LONGEST = 10  # words in the longest phrase ("from the 3rd of November to the 5th of November")


# Around a word: punctuation and emoji ("igår🎉", "(v45)"), not a sign that is a word ("%", "§").
_AROUND = re.compile(r"^[^\w%§]+|[^\w%§]+$")


# A year of two digits written as such ("3 nov '25", "nov -25", "3/11 ’25"): the year 2025, never ignored.
_TWO_DIGIT_YEAR = re.compile(r"['\u2019-](?P<yy>\d{2})[^\w%§]*")


def _fold(word: str) -> str:
    folded = fold_letters(word)
    if (year := _TWO_DIGIT_YEAR.fullmatch(folded)) is not None:
        return f"20{year['yy']}"
    return _AROUND.sub("", folded) or folded  # "-" alone stays: "vecka 44 - 45"


# Words before a time that make it no day: a greeting ("god jul") or what a meeting was for ("inför jul",
# "planering för i sommar", "before Easter").
_NOT_THEN = frozenset(
    {
        *("god", "glad", "gott", "merry", "happy", "infor", "for", "fore", "till", "om", "efter", "sedan"),
        *("before", "until", "after", "about", "since", "ahead"),
    }
)
# Words after "den tredje" that leave it a day ("den tredje i Folkets hus"), not an ordinal of a noun.
_AFTER_DAY = frozenset(
    {
        *("kl", "klockan", "i", "pa", "med", "och", "hos", "vid", "da", "nar", "som", "efter", "innan"),
        *("kvall", "kvallen", "morse", "em", "fm", "at", "with", "in", "and", "when", "evening", "morning"),
    }
)


def _then(words: Sequence[str], at: int, _taken: int) -> bool:
    """ "jul", "påsk", "nyår", "i sommar" as when it happened, not in "god jul", "inför påsk"."""
    return at == 0 or _fold(words[at - 1]) not in _NOT_THEN


def _ends_day(words: Sequence[str], at: int, taken: int) -> bool:
    """ "den tredje" as a day: nothing after it but punctuation or a word that is no noun."""
    after = at + taken
    if after >= len(words) or _AROUND.search(words[after - 1]) is not None:
        return True
    then = _fold(words[after])
    in_a_row = then == "i" and after + 1 < len(words) and _fold(words[after + 1]) == "rad"
    return then in _AFTER_DAY and not in_a_row


def _no_unit_after(words: Sequence[str], at: int, taken: int) -> bool:
    """ "3-5.11" as days, not "1-2.5 timmar" nor "kl 9-10.30"."""
    before = _fold(words[at - 1]) if at > 0 else ""
    after = _fold(words[at + taken]) if at + taken < len(words) else ""
    return before not in _TIME_WORDS and after not in _AMOUNT_WORDS


def _season_then(words: Sequence[str], at: int, taken: int) -> bool:
    """ "i vår" with its "å" ("i var" is "in each"), as when it happened."""
    return _then(words, at, taken) and (_fold(words[at + 1]) != "var" or "å" in words[at + 1].lower())


_GUARDS: Mapping[str, Callable[[Sequence[str], int, int], bool]] = {
    _CHRISTMAS: _then,
    _EASTER: _then,
    _NEW_YEAR: _then,
    _ORDINAL_ALONE_SV: _ends_day,
    _ORDINAL_ALONE_EN: _ends_day,
    _SEASON_NOW: _season_then,
    _DOTTED_RANGE: _no_unit_after,
    **dict.fromkeys((*_DOTTED_DAYS, *_HYPHENED_DAYS), _no_unit_after),
}
_COMPILED = [(re.compile(pattern), read, _GUARDS.get(pattern)) for pattern, read in _PHRASES]


def _phrase_at(words: Sequence[str], at: int, today: date, year: int | None) -> tuple[Span, int] | None:
    folded = [_fold(word) for word in words[at : at + _LONGEST]]
    # A dash written without spaces joins the same two ends as one with them: "3 nov-5 nov", "Oct 30-Nov 2",
    # "30-9–2-10"; tried only for words with such a dash, after the words as written.
    dashes = _DASH_BETWEEN.search(" ".join(folded)) is not None
    spaced = [_DASH_BETWEEN.sub(" - ", word) for word in folded] if dashes else folded
    for taken in range(len(folded), 0, -1):
        phrase = " ".join(folded[:taken])
        dashed = dashes and spaced[:taken] != folded[:taken]
        for written in (phrase, " ".join(spaced[:taken])) if dashed else (phrase,):
            for pattern, read, guard in _COMPILED:
                match = pattern.fullmatch(written)
                if match is None or (guard is not None and not guard(words, at, taken)):
                    continue
                try:
                    return read(match, today, year), taken
                except (ValueError, OverflowError):  # DateError too: no such day
                    raise DateError(" ".join(words[at : at + taken])[:30]) from None
    return None


def _month_alone(words: Sequence[str], at: int, *, led: bool) -> int | None:
    """A month named alone at words[at] ("i maj", or the month as the whole of a date field)."""
    folded = _fold(words[at])
    month = _WHOLE_MONTHS.get(folded) or _SHORT_MONTHS.get(folded)
    if month is None or not led:
        return None
    if folded in _LOWERCASE_WORDS and not words[at].strip(",.;:!?()")[:1].isupper():
        return None
    return month


# Around "D.M" in a sentence, words that make it a time ("kl 10.10"), a number ("punkt 3.2") or an amount
# ("2.5 timmar", "4.5 av 5").
_TIME_WORDS = frozenset(
    {
        *("kl", "klockan", "at", "fran", "from", "mellan", "between", "ca", "cirka", "about", "nr", "no"),
        *("punkt", "paragraf", "§", "kap", "version", "item", "betyg", "snitt", "average"),
    }
)
_AMOUNT_WORDS = frozenset(
    {
        *("h", "tim", "timme", "timmar", "min", "minuter", "hour", "hours", "hrs", "minutes"),
        *("dagar", "days", "av", "of", "out"),
        *("km", "mil", "m", "kg", "kr", "kronor", "sek", "tkr", "mkr", "milj", "miljoner", "tusen"),
        *("procent", "percent", "%", "ggr", "times", "ganger", "st", "pers", "personer", "people"),
        *("deltagare", "medlemmar", "members", "miles", "am", "pm"),
    }
)


def _no_hour(words: Sequence[str], at: int, hyphened: re.Match[str]) -> bool:
    """ "30-9" in a sentence: a first number no hour has (25-31) before a month, and no unit after ("25-30
    personer"), can only be a day."""
    counted = at + 1 < len(words) and _fold(words[at + 1]) in _AMOUNT_WORDS
    day, month = int(hyphened["d"]), int(hyphened["m"])
    return 25 <= day <= 31 and _calendar_day(day, month) and not counted


def _year_of(written: str | None, words: Sequence[str], at: int) -> tuple[str | None, int]:
    """The year written in a day's word ("30.9.26") or as the next word ("30.9 2026", "30.9 '26"), and how
    many words the day took."""
    if written is not None:
        return (written if len(written) == 4 else f"20{written}"), 1
    after = _fold(words[at + 1]) if at + 1 < len(words) else ""
    return (after, 2) if _YEAR.fullmatch(after) else (None, 1)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _dotted(
    words: Sequence[str], at: int, today: date, year: int | None, *, alone: bool
) -> tuple[Span, int] | None:
    """A day written with dots: "30.9", "30.9.2026", "30.9.26". Alone (a form's field, after "den") any
    such day. In a sentence "D.M" may be a decimal or a time, so it is a day only when D is 1-31 and M is
    1-12, the word before is no time word ("kl 10.10") and the word after no unit ("2.5 timmar"); one
    that then cannot be ("31.9") is refused. With its year it is always a day."""
    pair = _DOTTED.fullmatch(_fold(words[at]))
    if pair is None:
        return None
    day, month = int(pair["d"]), int(pair["m"])
    if not (alone or pair["y"]):
        before = _fold(words[at - 1]) if at > 0 else ""
        after = _fold(words[at + 1]) if at + 1 < len(words) else ""
        if not (1 <= day <= 31 and 1 <= month <= 12) or before in _TIME_WORDS or after in _AMOUNT_WORDS:
            return None
    written, taken = _year_of(pair["y"], words, at)
    try:
        return _day_month(day, month, written, today, year), taken
    except ValueError:
        raise DateError(words[at][:20]) from None


# A part of a period, read as the whole period: "i slutet av oktober", "at the end of last week", "mid-May".
_PART_OF = re.compile(
    r"(?:borjan|mitten|slutet)(?: (?:av|pa))?|(?:(?:at|towards?) )?(?:the )?(?:start|beginning|middle|end) of"
    r"|early|mid|late|tidigare|earlier|(?:sent|tidigt|mitt) i"  # "mitten november", "mitt i november"
)
# The period a part of which is named without saying which: this one ("i slutet av månaden").
_THIS_PERIOD = {
    **dict.fromkeys(("veckan", "the week", "week"), Period.WEEK),  # "mid-week"
    **dict.fromkeys(("manaden", "the month", "month"), Period.MONTH),  # "mid-month"
    **dict.fromkeys(("kvartalet", "the quarter"), Period.QUARTER),
    **dict.fromkeys(("aret", "the year"), Period.YEAR),
}
_PART_OF_HYPHENED = re.compile(r"(?:early|mid|late)-.+")


def _part_of(
    words: Sequence[str], at: int, today: date, year: int | None, *, dotted: bool
) -> tuple[Span, int] | None:
    """A period after words naming a part of it ("i slutet av oktober": October), with those words; a day
    or nothing after them is None ("i slutet av mötet"), and so is no date, which is read (and refused)
    where it is written."""
    if _PART_OF_HYPHENED.fullmatch(_fold(words[at])):  # "mid-October": the period after the hyphen
        rest, after, taken = [words[at].split("-", 1)[1], *words[at + 1 :]], 0, 0
    else:
        folded = [_fold(w) for w in words[at : at + 4]]  # each word folded once
        taken = next((n for n in range(len(folded), 0, -1) if _PART_OF.fullmatch(" ".join(folded[:n]))), 0)
        if not taken:
            return None
        rest, after = list(words), at + taken
    for n in (1, 2):  # "i slutet av månaden", "at the end of the month": this month
        numbered = after + n < len(rest) and rest[after + n][:1].isdigit()  # "end of week 48": that week
        if (period := _THIS_PERIOD.get(" ".join(_fold(w) for w in rest[after : after + n]))) and not numbered:
            return _span(period, today), n + taken
    try:
        found = read_at(rest, after, today, year, alone=True, dotted=dotted)
    except DateError:
        return None
    if found is None and after < len(rest) and (month := MONTH_NUMBERS.get(_fold(rest[after]))):
        return _latest(lambda y: _month_span(y, month), today, year), 1 + taken  # "mid may", "mitten av jan"
    if found is None or found[0].first == found[0].last:
        return None
    return found[0], found[1] + taken


_DAY_BEFORE_DATE = WEEKDAY_NUMBERS | {"man": 0}
# Days named by a word that in a sentence is as often something else ("Lucia" a name, "Christmas party"
# no day): read alone only where a date is asked for (a form's field, a snooze's or a pause's day).
_FIELD_DAYS = {"lucia": _fixed(12, 13), "christmas": _fixed(12, 24)}
_MONTH_FIRST = re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})(?P<year>[/ -]\d{4}|[/-]\d{2})?")


def _is_week(span: Span) -> bool:
    return span.first.weekday() == 0 and span.last == span.first + timedelta(days=6)


def day_hyphened(text: str) -> tuple[str, tuple[int, int]] | None:
    """A day written with a hyphen ("3-11"), asked about in a sentence, where it is as often a time ("möte
    9-11") or a count: the day written with a slash ("3/11") and its (month, day); None for anything else."""
    written = _HYPHENED.fullmatch(_fold(text))
    if written is None or written["y"] or not _calendar_day(int(written["d"]), int(written["m"])):
        return None
    return f"{written['d']}/{written['m']}", (int(written["m"]), int(written["d"]))


def _calendar_day(day: int, month: int) -> bool:
    try:
        date(2000, month, day)  # a leap year: "29/2" is a day
    except ValueError:
        return False
    return True


# A day written with a slash, its year perhaps after it: "3/10", "3/10/2026", "3/10-26".
_SLASHED = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?P<year>[/-]\d{4}|[/-]\d{2})?")
_NEAR = timedelta(weeks=6)  # a check-in is written within weeks of what it reports


def two_readings(words: Sequence[str], today: date, year: int | None = None) -> tuple[str, date, date] | None:
    """A day written with a slash whose numbers could each be the month ("3/10"), as an English writer may
    write the month first: the words written, the day read day first (as Swedes write it, 3 October) and
    read month first (10 March), when the day-first reading is yet to come or more than six weeks back (a
    guess that would likely be wrong, so asked rather than stored); None for none such ("3/11" on 22
    November is 3 November, named in the answer); nor days before a month ("3/10 March": 3 and 10 March)."""
    for n, word in enumerate(words):
        if _days_before_month(words, n):
            continue
        written = _SLASHED.fullmatch(_fold(word))
        if written is None or written["a"] == written["b"] or max(int(written["a"]), int(written["b"])) > 12:
            continue
        try:
            first = read_whole([written[0]], today, year)
            swapped = read_whole([f"{written['b']}/{written['a']}{written['year'] or ''}"], today, year)
        except DateError:
            continue
        if first is None or swapped is None:
            continue
        if first.first > today or today - first.first > _NEAR:
            return _AROUND.sub("", word), first.first, swapped.first
    return None


def day_first(text: str) -> tuple[str, tuple[int, int]] | None:
    """A day written month first, as Americans do ("11/20", "11/20/2026"), which no Swede writes: the same
    written day first ("20/11") and its (month, day), for an answer that says so rather than guessing;
    None unless the second number cannot be a month and the first can."""
    written = _MONTH_FIRST.fullmatch(_fold(text))
    if written is None or int(written["d"]) <= 12 or not _calendar_day(int(written["d"]), int(written["m"])):
        return None
    return f"{written['d']}/{written['m']}{written['year'] or ''}", (int(written["m"]), int(written["d"]))


def read_at(
    words: Sequence[str],
    at: int,
    today: date,
    year: int | None = None,
    *,
    alone: bool = False,
    dotted: bool = False,
) -> tuple[Span, int] | None:
    """The day or period the words start with at `at` (a lead word such as "i", "on", "den" included), and
    how many words it took; None if no date starts there. `alone`: the words are meant as a date (a form's
    field), so a month may stand without "i"; `dotted`: so may "12.3" (12 March), which in a sentence may
    be a decimal ("2.5 timmar") unless "den" leads it, and "Lucia" (13 December), as often a name.
    Two named days or periods joined are the days from the first to the last ("jul till nyår", "från
    julafton till trettondagen", "Christmas to New Year"); "resten av november", "the rest of the month":
    from today, in a period under way (`_rest_of`)."""
    if at >= len(words):
        return None
    if (rest := _rest_of(words, at, today, year)) is not None:
        return rest
    if _fold(words[at]) in _PERIOD_LEADS - {"mellan", "between"}:  # "från jul till nyår"
        led = _read_at(words, at + 1, today, year, alone=alone, dotted=dotted)
        if (joined := _joined(words, at + 1, led, today, year)) is not None and joined is not led:
            return joined[0], joined[1] + 1
    return _joined(words, at, _read_at(words, at, today, year, alone=alone, dotted=dotted), today, year)


# Words joining a period's two ends in a sentence ("jul till nyår"); "och" joins two days ("3/3 och 10/3").
_JOINS = frozenset({"-", "\u2013", "\u2014", "till", "to", "until", "through", "tom", "t.o.m"})


def _joined(
    words: Sequence[str], at: int, found: tuple[Span, int] | None, today: date, year: int | None
) -> tuple[Span, int] | None:
    """A day or period read at `at` (`found`), joined to a later one ("jul till nyår", "Christmas to New
    Year": Christmas Eve to New Year's Day, the latest begun, or of the plan's `year`, as each alone is,
    the end the first after the start); as the end is read alone ("nyår" after "till" is when, not what
    for), so is the start when it is joined ("Christmas" in a sentence is no day alone). `found` itself when
    nothing is joined to it, or when an end is a part of a month ("mitten av december till mitten av
    januari": a pause reads it, as days)."""
    start = at + (found[1] if found else 1)
    join = next((n for n in range(start, min(at + 5, len(words) - 1)) if _fold(words[n]) in _JOINS), None)
    if join is None or (found is not None and join != start):
        return found
    if _part_named(words[at:join]) is not None or _part_named(words[join + 1 :]) is not None:
        return found
    try:
        first = _read_at(words[at:join], 0, today, year, alone=True, dotted=True)
        last = _read_at(words[join + 1 :], 0, today, year, alone=True, dotted=True)
        if first is not None and last is not None and last[0].last < first[0].first:  # the next one
            begins = first[0].first
            for next_year in (begins.year, begins.year + 1):
                last = _read_at(words[join + 1 :], 0, today, next_year, alone=True, dotted=True)
                if last is None or last[0].last >= begins:
                    break
    except DateError:
        return found
    if first is None or last is None or first[1] != join - at or last[0].last <= first[0].first:
        return found
    if last[0].last - first[0].first > timedelta(days=366):
        return found
    return Span(first[0].first, last[0].last), join + 1 + last[1] - at


_REST_OF = re.compile(r"(?:(?:under|over) )?resten av|(?:(?:for|during) )?(?:the )?rest of")


def _rest_of(words: Sequence[str], at: int, today: date, year: int | None) -> tuple[Span, int] | None:
    """ "resten av november", "the rest of the month": from today to the period's end when it is under way;
    of a period gone by it says no day (which day the rest began), so DateError, to be asked."""
    folded = [_fold(w) for w in words[at : at + 7]]
    taken = next((n for n in range(1, 6) if _REST_OF.fullmatch(" ".join(folded[:n]))), 0)
    if not taken:
        return None
    for n in (1, 2):  # "resten av månaden", "the rest of the week"
        if (period := _THIS_PERIOD.get(" ".join(folded[taken : taken + n]))) is not None:
            return Span(today, _span(period, today).last), taken + n
    found = _read_at(words, at + taken, today, year, alone=True)
    if found is None:
        return None
    span = found[0]
    if span.last < today:
        raise DateError(" ".join(words[at : at + taken + found[1]])[:30])
    return Span(max(today, span.first), span.last), taken + found[1]


def _read_at(
    words: Sequence[str],
    at: int,
    today: date,
    year: int | None = None,
    *,
    alone: bool = False,
    dotted: bool = False,
) -> tuple[Span, int] | None:
    if at >= len(words):
        return None
    word = _fold(words[at])
    led = word in LEAD_WORDS
    if led:  # the longer of a phrase with the lead word ("på onsdag") and the date after it ("den 12 mars")
        try:
            own = _phrase_at(words, at, today, year)
        except DateError:
            own = None
        after = read_at(words, at + 1, today, year, alone=True, dotted=word == "den")
        if after is not None and (own is None or after[1] + 1 > own[1]):
            return after[0], after[1] + 1
        if own is not None:
            return own
    part = _part_of(words, at, today, year, dotted=dotted)
    if part is not None:
        return part
    weekday = _DAY_BEFORE_DATE.get(word, _DAY_BEFORE_DATE.get(word.removesuffix("en")))
    if weekday is not None:  # "tisdag 3/11", "mån 16/11", "Tuesday, November 3": the day once
        of = int(at + 1 < len(words) and _fold(words[at + 1]) == "of")  # "Tuesday of week 46"
        try:
            dated = read_at(words, at + 1 + of, today, year)
        except DateError:
            dated = None
        if dated is not None and _is_week(dated[0]):  # "tisdag v46", "Tuesday of week 46": that week's
            return Span.day(dated[0].first + timedelta(days=weekday)), dated[1] + 1 + of
        if dated is not None and dated[0] == Span.day(dated[0].first):
            if dated[0].first.weekday() != weekday:  # "tisdag 4/11" on a Wednesday: which was meant is asked
                raise WrongWeekday(" ".join(words[at : at + dated[1] + 1]), dated[0].first, weekday)
            return dated[0], dated[1] + 1
    if _DOTTED.fullmatch(word) or _HYPHENED.fullmatch(word):
        longer = _phrase_at(words, at, today, year)  # "3.11 till 5.11": a range, not its first day
        if longer is not None and longer[1] > 1:
            return longer
    dotted_day = _dotted(words, at, today, year, alone=dotted)
    if dotted_day is not None:
        return dotted_day
    hyphened = _HYPHENED.fullmatch(word)
    timed = at + 1 < len(words) and _fold(words[at + 1]) in _CLOCK_LEADS - {"at"}  # "3-11 kl 18"
    if hyphened is not None and (dotted or timed or hyphened["y"] or _no_hour(words, at, hyphened)):
        written, taken = _year_of(hyphened["y"], words, at)  # "3-11" in a field, "3-11-2026", "30-9"
        try:
            return _day_month(int(hyphened["d"]), int(hyphened["m"]), written, today, year), taken
        except ValueError:
            raise DateError(words[at][:20]) from None
    found = _phrase_at(words, at, today, year)
    if found is not None:
        return found
    field_day = _FIELD_DAYS.get(word) if dotted else None
    if field_day is not None:  # "Lucia" where a date is asked for
        written, taken = _year_of(None, words, at)
        return _day_month_year(lambda y: Span.day(field_day(y)), written, today, year), taken
    month = _month_alone(words, at, led=alone)
    if month is not None:
        try:
            return _latest(lambda y: _month_span(y, month), today, year), 1
        except ValueError:  # pragma: no cover - every year has every month
            raise DateError(words[at][:20]) from None
    return None


# A comma glued between a day and the next ("3,10 mars", "3/3,10/3", "3,10,17 nov"): the days of a list, as
# "3, 10 mars" is. Split before reading; a decimal ("3,5 timmar") is no date either way.
_GLUED_COMMA = re.compile(r"(?<=[^\W_])[,+&](?=\d)")  # "3+10 mars", "3&10 mars" too


# Days glued by dots or slashes before a month's name: "3.10 mars", "3/10 mars", "3.10.17 mars" list days of
# that month (3 and 10 March), as "3,10 mars"; never a day and month ("3 oktober") followed by the month.
_GLUED_DAYS = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:[./](?:[1-9]|[12]\d|3[01])){1,3}\.?")


def _days_before_month(words: Sequence[str], n: int) -> bool:
    """Whether words[n] is days glued by dots or slashes right before a month's name ("3.10 mars",
    "3/10 March"), not a time ("kl 18.10 mars")."""
    if n + 1 >= len(words) or not _GLUED_DAYS.fullmatch(words[n]):
        return False
    month = _fold(words[n + 1])
    if month not in MONTH_NUMBERS or (month in _LOWERCASE_WORDS and words[n + 1][0].islower()):
        return False  # "3/10 may be late"
    return n == 0 or _fold(words[n - 1]) not in _CLOCK_LEADS


def _unglued(words: Sequence[str]) -> tuple[list[str], list[int]]:
    """The words with each glued comma list parted ("3,10" as "3," "10"), and so days glued by dots or
    slashes before a month ("3.10 mars" as "3," "10 mars"), and for each the index of the word it came from,
    so that what is found is where it was written."""
    split: list[str] = []
    origin: list[int] = []
    for n, word in enumerate(words):
        if _days_before_month(words, n):
            word = re.sub(r"[./]", ", ", word.rstrip("."))
        parts = _GLUED_COMMA.sub(", ", word).split()
        split.extend(parts)
        origin.extend([n] * len(parts))
    return split, origin


def _written_at(found: tuple[Span, int, int], origin: Sequence[int]) -> tuple[Span, int, int]:
    """A span found in the parted words, at the words as written: the first and the last word it took."""
    span, at, taken = found
    return span, origin[at], origin[at + taken - 1] + 1 - origin[at]


def find(
    words: Sequence[str], today: date, year: int | None = None, *, start: int = 0
) -> tuple[Span, int, int] | None:
    """The first day or period anywhere in the words (from `start`): the span, where it starts and how many
    words it took. A date that cannot be raises DateError ("möte 30 feb", "den 31/11"), and so does a day
    written month first ("meeting 11/20", see `day_first`), unless it is a pair of numbers no calendar
    has further on in a sentence, a score or a share ("0/0 röster", "13/40", "3/15 personer"). Days listed
    with a comma and no space ("3,10 mars") are read as with one. A part of a month is the day it points at
    (`_part_meant`: "mitten av november" the 15th), as a check-in stores it."""
    split, origin = _unglued(words)
    at = origin.index(start) if start < len(words) else len(split)
    found = _find(split, today, year, start=at)
    return None if found is None else _written_at(found, origin)


def _find(words: Sequence[str], today: date, year: int | None, *, start: int) -> tuple[Span, int, int] | None:
    for at in range(start, len(words)):
        if (listed := _listed(words, at, today, year)) is not None:  # "3 och 10 mars": the 3rd
            return listed
        if (glued := _glued(words, at, today, year)) is not None:  # "jul-nyår"
            return glued
        try:  # a month may end the words alone ("rapportera 4 1 maj")
            found = read_at(words, at, today, year, alone=at == len(words) - 1)
        except DateError:
            pair = _PAIR.fullmatch(_fold(words[at]))
            led = at == 0 or _fold(words[at - 1]) in LEAD_WORDS
            counted = at + 1 < len(words) and _fold(words[at + 1]) in _AMOUNT_WORDS
            if pair is None or led or (1 <= int(pair[1]) <= 31 and 1 <= int(pair[2]) <= 12):
                raise
            if day_first(words[at]) is not None and not counted:
                raise
            continue
        if found is not None:
            meant = _part_meant(words[at : at + found[1]], found[0], today)
            return _weekday_beside(words, (meant, at, found[1]), today, year)
        if _hyphen_asked(words, at, today, year):
            raise DateError(_AROUND.sub("", words[at])[:20])  # "3-11," as "3-11"
    return None


def _hyphen_asked(words: Sequence[str], at: int, today: date, year: int | None) -> bool:
    """ "möte 3-11" in a sentence: a day, a time ("möte 9-11") or a count, so asked about, unless a word
    beside it says which ("kl 9-11", "3-4 nya medlemmar": what it counts) or another date leaves it a time
    ("9-11 i går")."""
    if day_hyphened(words[at]) is None or not _ends_day(words, at, 1):
        return False
    if at > 0 and _fold(words[at - 1]) in _TIME_WORDS:
        return False
    for other in (n for n in range(len(words)) if n != at):
        try:
            if read_at(words, other, today, year) is not None:
                return False
        except DateError:
            return False
    return True


# A dash glued between two words of a period's ends: "jul-nyår", "jul–nyår", "Christmas–New Year".
_GLUED_DASH = re.compile(r"(?<=[^\W\d_]{3})[-\u2013\u2014](?=[^\W\d_]{3})")


def _glued(words: Sequence[str], at: int, today: date, year: int | None) -> tuple[Span, int, int] | None:
    """Two named days or periods glued by a dash in one word ("jul-nyår", "Christmas-New Year"), read as
    when written apart ("jul till nyår"); None for any other word ("Anna-Karin", "mid-May")."""
    parts = _GLUED_DASH.sub(" - ", words[at]).split()
    if len(parts) == 1 or _PART_OF_HYPHENED.fullmatch(_fold(words[at])):
        return None
    found = read_at([*parts, *words[at + 1 : at + 4]], 0, today, year)
    if found is None or found[1] < len(parts):
        return None
    return found[0], at, 1 + found[1] - len(parts)


def find_all(words: Sequence[str], today: date, year: int | None = None) -> list[tuple[Span, int, int]]:
    """Every day or period in the words, in order, as `find` gives each ("möten 3/3 och 10/3": two; "3 och
    10 mars", "November 3 and 10": two days of the month, see `_listed`)."""
    split, origin = _unglued(words)
    found: list[tuple[Span, int, int]] = []
    while (one := _find(split, today, year, start=found[-1][1] + found[-1][2] if found else 0)) is not None:
        found.append(one)
        found.extend(_listed_after(split, one))
    return [_written_at(one, origin) for one in found]


# A day of a month in a list of them: "3", "3:e", "3rd," ("3, 10 och 17 mars"); what joins them.
_LISTED_DAY = re.compile(rf"(?P<d>\d{{1,2}}){_ORDINAL}?")
_LIST_JOINS = frozenset({"och", "o", "samt", "and", "&", "+"})


def _list_step(words: Sequence[str], at: int) -> tuple[int, int] | None:
    """The day of the month listed at `at` ("3,", "och 10", "and the 10th") and how many words it took."""
    taken = 0
    if at < len(words) and _fold(words[at]) in _LIST_JOINS:
        taken += 1
    if at + taken < len(words) and _fold(words[at + taken]) in {"den", "the"}:
        taken += 1
    if at + taken >= len(words):
        return None
    if (word := _fold(words[at + taken])) in _SV_ORDINALS:  # "tredje och femte november"
        return _SV_ORDINALS[word], taken + 1
    if (day := _LISTED_DAY.fullmatch(word)) is None:
        return None
    return int(day["d"]), taken + 1


def _listed(words: Sequence[str], at: int, today: date, year: int | None) -> tuple[Span, int, int] | None:
    """The first of days listed before their month, each joined by a comma, "och" or "and": "3 och 10
    mars", "den 3, 10 och 17 november", "on the 3rd and 10th of November". A chair means two days, two
    meetings, not the days between ("3-10 mars", "mellan 3 och 10 mars" are those); None for no such list.
    The others are found after it, the last with its month as any day is."""
    lead = int(_fold(words[at]) in {"den", "the", "on"})
    if lead and at + 1 < len(words) and _fold(words[at]) == "on" and _fold(words[at + 1]) == "the":
        lead = 2  # "on the 3rd and 10th of November"
    if at + lead >= len(words) or _fold(words[at + lead]) in _LIST_JOINS:
        return None
    first = _list_step(words, at + lead)
    if first is None:
        return None
    step = at + lead + first[1]
    while True:
        joined = words[step - 1].endswith(",") or (
            step < len(words) and (_fold(words[step]) in _LIST_JOINS or words[step].startswith(","))
        )
        following = _list_step(words, step)
        if not joined or following is None:
            return None
        try:
            last = read_at(words, step + following[1] - 1, today, year)
        except DateError:
            last = None
        if last is not None and last[0] == Span.day(last[0].first) and last[0].first.day == following[0]:
            try:
                return Span.day(last[0].first.replace(day=first[0])), at, lead + first[1]
            except ValueError:
                raise DateError(words[at + lead]) from None
        step += following[1]


def _listed_after(words: Sequence[str], found: tuple[Span, int, int]) -> list[tuple[Span, int, int]]:
    """The days listed after a day written month first: "November 3 and 10", "Nov 3, 10 and 17" (the 10th
    and the 17th)."""
    span, at, taken = found
    step, days = at + taken, []
    named = any(_fold(word) in MONTH_NUMBERS for word in words[at:step])  # not the 3rd of "3 och 10 mars"
    if span != Span.day(span.first) or not named or not _LISTED_DAY.fullmatch(_fold(words[step - 1])):
        return []
    while (words[step - 1].endswith(",") or (step < len(words) and _fold(words[step]) in _LIST_JOINS)) and (
        following := _list_step(words, step)
    ) is not None:
        after = step + following[1]
        if after < len(words) and _fold(words[after]) in _AMOUNT_WORDS:  # "March 12 and 3 new members"
            break
        try:
            day = span.first.replace(day=following[0])
        except ValueError:
            raise DateError(words[step + following[1] - 1]) from None
        days.append((Span.day(day), step, following[1]))
        step += following[1]
    return days


def _weekday_beside(
    words: Sequence[str], found: tuple[Span, int, int], today: date, year: int | None
) -> tuple[Span, int, int]:
    """A day or week found, with a weekday alone right after it: after a week ("v46 tisdag") that week's
    day; after a day that day once ("4/11 onsdag"), or WrongWeekday when it does not fall on it ("4/11
    tisdag"), as before it."""
    span, at, taken = found
    if at + taken >= len(words):
        return found
    named = _fold(words[at + taken])
    weekday = _DAY_BEFORE_DATE.get(named, _DAY_BEFORE_DATE.get(named.removesuffix("en")))
    try:
        read = None if weekday is None else read_at(words, at + taken, today, year)
    except DateError:
        read = None
    if weekday is None or read is None or read[1] != 1:  # "4/11 tisdag förra veckan": two days
        return found
    if _is_week(span):
        return Span.day(span.first + timedelta(days=weekday)), at, taken + 1
    if span != Span.day(span.first):
        return found
    if span.first.weekday() != weekday:
        raise WrongWeekday(" ".join(words[at : at + taken + 1]), span.first, weekday)
    return span, at, taken + 1


# A snooze's length counted from today: "om 2 veckor", "in 2 weeks", "en vecka", "for a week", "3 dagar".
_COUNTED_AHEAD = re.compile(
    rf"(?:(?:om|in|for|i|pa) )?(?P<n>{_COUNT}) (?P<unit>dag|dagar|vecka|veckor|day|days|week|weeks)"
)
# "i december", "under december", "hela december", "all December": the month goes by without reminders.
_DURING = frozenset({"i", "in", "under", "during", "hela", "all", "over"})
_AFTER = frozenset({"efter", "after"})
# Christmas's own days, what "efter jul", "after Christmas" is after: julafton to annandag jul (24-26
# December); the days between ("mellandagarna", "mellan jul och nyår") come after it, so it is the 27th.
_CHRISTMAS_DAYS = re.compile(r"jul(?:en)?|christmas")


def read_ahead(words: Sequence[str], today: date) -> date | None:
    """The words as one day, or a few days, still to come, as a snooze's end is written ("före jul", "till
    v. 50", "trettondagen", "15.12", "Lucia", "i morgon"): its first day, this year's or next; None when
    the words are no such day or it has passed (a day written with its year is returned though it has
    passed, for the caller to refuse). A day of the month alone ("den 15:e", "the 1st") is the next such
    day, today's included. Days counted from today: "om 2 veckor", "en vecka", "in 10
    days"; a weekday alone ("måndag", "Sunday") is the coming one, a week ahead on that day. A month alone
    ("januari") is its first day, the next; a month to go by ("i december", "hela december") the day after
    it, as is the day after anything "efter", "after" names: "efter nyår" 2 January, "efter trettondagen"
    7 January, "efter påsk" the Tuesday after Easter Monday, "efter jul" 27 December (see
    `_CHRISTMAS_DAYS`). Of other periods only the start or middle of a month names a day: "mitten av
    december", "mid-December" is the 15th, "början av januari", "early January" the 1st ("slutet av
    januari" says no day, and is asked about)."""
    folded = [_fold(word) for word in words]
    if (alone := _DAY_ALONE.fullmatch(" ".join(folded))) is not None:  # "den 15:e": the next 15th
        return _next_of_month(int(alone["d"] or alone["d2"]), today)
    if (counted := _COUNTED_AHEAD.fullmatch(" ".join(folded))) is not None:
        count = int(counted["n"]) if counted["n"].isdecimal() else _COUNTS[counted["n"]]
        return today + timedelta(days=count * (1 if counted["unit"].startswith(("dag", "day")) else 7))
    if len(folded) == 1 and folded[0] in WEEKDAY_NUMBERS:
        return today + timedelta(days=(WEEKDAY_NUMBERS[folded[0]] - today.weekday() - 1) % 7 + 1)
    if len(folded) > 1 and folded[0] in _AFTER:
        return _day_after(words[1:], today, month=False)
    part = _part_named(words)  # "i mitten av januari" names its 15th, not the month
    if part is None and len(folded) > 1 and folded[0] in _DURING:
        if (after := _day_after(words[1:], today, month=True)) is not None:
            return after
    for year in (today.year, today.year + 1):
        try:
            found = read_whole(words, today, year)
        except DateError:
            return None
        if found is None:
            return None
        if part is None and _is_month(found):
            day: date | None = found.first
        elif part is None and found.last - found.first > timedelta(days=6):
            return None
        else:
            day = _part_day(part, found, last=False)
        if day is None:
            return None
        if day > today:
            return day
    # a day written with its year that has passed is the caller's to refuse as such ("15/8 2026")
    return day if _WRITTEN_YEAR.search(" ".join(words)) else None


_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A day of the month alone, as ahead it is said: "den 15:e", "15:e", "den 15", "the 1st", "on the 15th".
_DAY_ALONE = re.compile(
    rf"(?:on )?(?:(?:den|the) )?(?P<d>\d{{1,2}}){_ORDINAL}|(?:on )?(?:den|the) (?P<d2>\d{{1,2}})"
)


def _next_of_month(day: int, today: date) -> date | None:
    """The next such day of a month, today's included ("den 31" in November: 31 December); None past 31."""
    month = today.replace(day=1)
    for _ in range(12):
        try:
            found = month.replace(day=day)
        except ValueError:
            found = None
        if found is not None and found >= today:
            return found
        month = _next_month_start(month)
    return None


def _next_month_start(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1)


def _day_after(words: Sequence[str], today: date, *, month: bool) -> date | None:
    """The day after the period the words name, the next one not over by today; with `month` only a month
    counts."""
    christmas = _CHRISTMAS_DAYS.fullmatch(" ".join(_fold(word) for word in words)) is not None
    for year in (today.year, today.year + 1):
        try:
            found = (
                Span(date(year, 12, 24), date(year, 12, 26)) if christmas else read_whole(words, today, year)
            )
        except DateError:
            return None
        if found is None and not month:  # "efter sommaren", "after the summer": as a pause reads it
            found = read_period_ahead(words, today)
        if found is None or (month and not _is_month(found)):
            return None
        if found.last >= today:
            return found.last + timedelta(days=1)
    return None


def _is_month(span: Span) -> bool:
    return span.first.day == 1 and span.last == _month_span(span.first.year, span.first.month).last


# A part of a month as the day it points at: "början av januari" (the 1st), "mitten av december", "mid-Dec"
# (the 15th), "slutet av januari" (the 31st, as the end of a period; as its start no day).
_PARTS = {
    **dict.fromkeys(("borjan", "start", "beginning", "early", "tidigt"), "start"),
    **dict.fromkeys(("mitten", "middle", "mid", "mitt"), "middle"),
    **dict.fromkeys(("slutet", "end", "late", "sent"), "end"),
}


def _part_day(part: str | None, span: Span, *, last: bool) -> date | None:
    """The day a part of `span` points at (no part: its first day, or with `last` its last); None when it
    points at none: the middle of anything but a month, the end of a period as where something starts."""
    if part is None:
        return span.last if last else span.first
    if part == "middle":
        return span.first.replace(day=15) if _is_month(span) else None
    if part == "end":
        return span.last if last else None
    return span.first


def _month_part(part: str, month: Span) -> Span:
    """A part of a month as the days a board member pausing means: "början av januari" the 1st to the 10th,
    "mitten av december", "mid-December" the 10th to the 20th, "slutet av december" the 20th to its last
    (not the whole month, as a check-in reads it: a report is about any of its days)."""
    first, last = {"start": (1, 10), "middle": (10, 20), "end": (20, month.last.day)}[part]
    return Span(month.first.replace(day=first), month.first.replace(day=last))


def _part_meant(words: Sequence[str], span: Span, today: date) -> Span:
    """A part of a month as a check-in reports it ("i mitten av november", "early March", "i slutet av förra
    månaden"): the day in the middle of the days a pause reads for it (`_month_part`: the 15th of 10-20
    November; of 1-10 March the 5th, of 20-31 October the 25th), or of those that have come when the part
    is under way ("mitten av december" on the 12th: the 11th). A chair means some day about then; the
    answer names the day, to be corrected, and a weekly goal counts it in that week rather than in the
    month's first. A part of a week is a working day of it: its start the Monday, its middle the Wednesday,
    its end the Friday ("i slutet av förra veckan": last week's Friday, where a board's week's work ends),
    said in the answer as for a month. Anything else is `span` as read."""
    part = _part_named(words)
    if part is not None and _is_week(span):
        return Span.day(span.first + timedelta(days={"start": 0, "middle": 2, "end": 4}[part]))
    if part is None or not _is_month(span):
        return span
    days = _month_part(part, span)
    last = min(days.last, today) if days.first <= today else days.last
    return Span.day(days.first + (last - days.first) // 2)


def _part_named(words: Sequence[str]) -> str | None:
    """The part of a period the words begin with ("i mitten av december", "mid-Dec": "middle"; "start",
    "end"), which the reader reads as the whole period (`_part_of`); None for none."""
    folded = [_fold(word) for word in words[:5]]
    if len(folded) > 1 and folded[0] in {"i", "in"}:  # "i mitten av december"
        folded = folded[1:]
    if folded and _PART_OF_HYPHENED.fullmatch(folded[0]):  # "mid-December"
        return _PARTS.get(folded[0].split("-", 1)[0])
    taken = next((n for n in range(len(folded), 0, -1) if _PART_OF.fullmatch(" ".join(folded[:n]))), 0)
    return next((_PARTS[word] for word in folded[:taken] if word in _PARTS), None)


# A time beside a day in a date field: "i går kl 18", "kl. 18.30 3/11", "3/11 18:00", "yesterday at 6pm".
_CLOCK = re.compile(r"\d{1,2}(?:[.:]\d{2})?(?:-\d{1,2}(?:[.:]\d{2})?)?(?: ?(?:am|pm))?")
_CLOCK_LEADS = frozenset({"kl", "klockan", "at"})


def _time_taken(words: Sequence[str]) -> int:
    """How many of the words, from the first, write a time of day ("kl 18", "at 6 pm", "18:00")."""
    folded = [_fold(word) for word in words[:3]]
    lead = int(bool(folded) and folded[0] in _CLOCK_LEADS)
    for taken in (lead + 2, lead + 1):
        clock = " ".join(folded[lead:taken])
        if taken > lead and len(folded) >= taken and _CLOCK.fullmatch(clock):
            if lead or ":" in clock or clock.endswith(("am", "pm")):
                return taken
    return 0


def read_whole(
    words: Sequence[str], today: date, year: int | None = None, *, reported: bool = False, since: bool = False
) -> Span | None:
    """The words as one day or period and nothing else (a form's date field, `uppföljning sedan …`), a time
    of day before or after it aside; None when they are something else. DateError for a date that cannot
    be. `reported`: as a check-in reads it, a part of a month the day it points at (`_part_meant`), as
    `find` reads it in a sentence. `since`: as where a follow-up starts, the same ("sedan mitten av
    oktober" the 15th, "sedan slutet av september" the 25th), but the start of a month is its 1st ("sedan
    början av oktober": everything of October)."""
    if since:
        whole = read_whole(words, today, year)
        start = whole is not None and _part_named(words[_time_taken(words) :]) == "start"
        return whole if whole is None or start else read_whole(words, today, year, reported=True)
    words = words[_time_taken(words) :]
    ends = [n for n in (3, 2, 1) if n < len(words) and _time_taken(words[-n:]) == n]
    words = words[: len(words) - ends[0]] if ends else words
    if not words:
        return None
    found = read_at(words, 0, today, year, alone=True, dotted=True)
    if found is None or found[1] != len(words):
        return None
    return _part_meant(words, found[0], today) if reported else found[0]


# Words between or before a period's two ends: "15 juni till 15 augusti", "from 1/7 to 15/8", "20-12 – 6-1".
_PERIOD_JOINS = frozenset(
    {"-", "\u2013", "\u2014", "till", "to", "until", "through", "och", "and", "tom", "t.o.m"}
)
_PERIOD_LEADS = frozenset({"fran", "from", "mellan", "between", "fom"})
# A period's end alone, from today: "till 10 januari", "until 10 January" (folded).
_PERIOD_UNTIL = frozenset({"till", "tills", "until", "tom", "through"})
# A dash between a word and a number parts them ("15 juni–15 aug", "juni-15"), not "20-12" nor "mid-May".
# So does one after a year: "3 nov 2026-5 nov 2026", "3/11/2026-5/11/2026" (not inside "2026-11-03").
_DASH_BETWEEN = re.compile(
    r"(?<=[^\W\d_])\.?-(?=\d)|(?<=\d)-(?=[^\W\d_])|[\u2013\u2014]"
    r"|(?<=\b\d{4})-(?=\d{1,2}(?:[/.]\d|\s|$))"
)
# A hyphen between two words of a period's ends parts them too ("jul-nyår", "julafton-trettondagen"), but
# not "mid-May".
_NAMES_DASH = re.compile(r"(?<=[^\W\d_]{3})-(?=[^\W\d_]{3})")
_WORDLIKE = re.compile(r"[\w\-\u2013\u2014]")  # not an emoji alone ("🎄 över julen")
_WHOLE = re.compile(r"(?:hela|the whole|all of|all|(?:under|over|during|for) (?:hela|the whole|all)) ")
# The days left of a period: "resten av november", "(for) the rest of the month": from today.
_REST = re.compile(r"(?:(?:under|over) )?resten av |(?:(?:for|during) )?(?:the )?rest of ")
# Christmas as a time ahead ("över julen", "i jul", "over Christmas"): from its Eve to Epiphany, as the
# holidays people take off; a check-in about it is about the day.
_CHRISTMAS_AHEAD = re.compile(
    r"(?:(?:i|pa|under|over|kring|runt) )?jul(?:en|helgen|helgerna|lovet|ledigheten|uppehallet)?"
    r"|julhelgen|jullovet"
    r"|(?:(?:at|over|during|around) )?(?:the )?christmas(?: holidays?| break)?"
)
# A season named as a time ahead ("under sommaren", "over the summer"); "i sommar" is read as everywhere.
_SEASON_AHEAD = re.compile(
    r"(?:(?:i|under|over|for) )?(?P<sv>sommar|host|var|vinter)en"
    r"|(?:(?:in|over|during|for) )?(?:the )?(?P<en>summer|autumn|fall|spring|winter)"
)


def read_period_ahead(words: Sequence[str], today: date) -> Span | None:
    """The words as one period still to come, as a pause is written: one period ("v. 28-32", "juli-augusti",
    "i sommar", "under sommaren", "över julen", "vecka 52-1", "July to August") or its two ends ("1.7
    15.8", "20-12 6-1", "15 juni till 15 augusti"). Without a year, the period that has not ended by today:
    this year's, or next year's when this year's is over ("15/6 15/8" in September: next summer); an end
    before its start is the next such day ("20/12 6/1": 6 January next year). A period named while under
    way ("november" on 10 November, "i vinter", "v. 45-47") is the rest of it, from today; one whose first
    day is written out ("1/11 30/11") or with a past year is returned as written, for the caller to refuse,
    and so is an end written before its start; None when the words are no period. DateError for a date that
    cannot be ("31/2"). "resten av november", "the rest of the month": the period from today. An end may be
    a part of a month: "mitten av december till mitten av januari" is the 15th to the 15th; "jul till
    nyår", "Christmas to New Year" Christmas Eve to New Year's Day."""
    spaced = (
        _DASH_BETWEEN.sub(" - ", w if _PART_OF_HYPHENED.fullmatch(_fold(w)) else _NAMES_DASH.sub(" - ", w))
        for w in words
    )
    split = [w for w in " ".join(spaced).split() if _WORDLIKE.search(w)]
    phrase = " ".join(_fold(word) for word in split)
    if (whole := _WHOLE.match(phrase)) is not None:  # "hela juli", "the whole summer"
        split, phrase = split[whole[0].count(" ") :], phrase[whole.end() :]
    rest = _REST.match(phrase)
    if rest is not None:  # "resten av november", "the rest of the month": from today
        split, phrase = split[rest[0].count(" ") :], phrase[rest.end() :]
        if (this := _THIS_PERIOD.get(phrase)) is not None:
            return _from_today(_span(this, today), today)
    if (after := _AFTER_BREAK.fullmatch(phrase)) is not None:
        return _until_after(after, today)
    if (led := _UNTIL_AFTER.match(phrase)) is not None:  # "efter nyår", "until after Easter": to its end
        after_words = split[led[0].count(" ") :]
        if _part_named(after_words) is not None:  # "efter mitten av december": which day? asked
            return None
        day = _day_after(after_words, today, month=False)
        if day is None or not _close_after(Span(today, day - timedelta(days=1)), today):
            return None  # "efter nyår" in May: months away, asked about (`far_after`)
        return Span(today, day - timedelta(days=1))
    if _CHRISTMAS_AHEAD.fullmatch(phrase):
        eve = next_day(24, 12, today - timedelta(days=13))  # under way until Epiphany
        return _from_today(Span(eve, date(eve.year + 1, 1, 6)), today)
    if (during := _DURING_BREAK.fullmatch(phrase)) is not None:  # "under semestern", "over the holidays"
        holidays = _next_break(during["what"], today)
        return _from_today(holidays, today) if _in_season(holidays, today) else None
    if (season := _SEASON_AHEAD.fullmatch(phrase)) is not None:
        return _from_today(_season_not_over(_SEASONS[season["sv"] or season["en"]], today), today)
    part = _part_named(split)

    def period(y: int) -> Span | None:
        found = read_whole(split, today, y)
        if part is None or found is None or not _is_month(found):
            return found
        return _month_part(part, found)

    whole_period = _ahead(period, today)
    if whole_period is not None:
        return _from_today(whole_period, today) if rest or _named(split, today) else whole_period
    if rest is not None:
        return None
    folded = phrase.split()
    if folded and folded[0] in _PERIOD_UNTIL:  # "till 10 januari", "until 10 January": from today to that day

        def until(y: int) -> Span | None:
            found = read_at(split, 1, today, y, alone=True, dotted=True)
            return found[0] if found is not None and 1 + found[1] == len(split) else None

        last = _ahead(until, today)
        if last is not None and last.first == last.last:  # one day, not "till mars" (its first or last?)
            return Span(today, last.last)
    at = int(bool(folded) and folded[0] in _PERIOD_LEADS)

    def ends(y: int) -> Span | None:
        # An end may be a part of a month: "mitten av december till mitten av januari" (15th to 15th).
        first = read_at(split, at, today, y, alone=True, dotted=True)
        start = None if first is None else _part_day(_part_named(split[at:]), first[0], last=False)
        if first is None or start is None:
            return None
        after = at + first[1] + (at + first[1] < len(folded) and folded[at + first[1]] in _PERIOD_JOINS)

        def second(y2: int) -> Span | None:  # read alone: "nyår" after "till" is when, not what for
            found = read_at(split[after:], 0, start, y2, alone=True, dotted=True)
            if found is None or after + found[1] != len(split):
                return None
            end = _part_day(_part_named(split[after:]), found[0], last=True)
            return None if end is None else Span(end, end)

        last = _ahead(second, start)
        return None if last is None else Span(start, last.last)

    return _ahead(ends, today) if at < len(split) else None


# A pause to the end of a break: "(till) efter helgerna", "until after the summer holidays".
_AFTER_BREAK = re.compile(rf"(?:(?:till|tills|until) )?(?:efter|after) (?P<what>{_BREAKS})")
_UNTIL_AFTER = re.compile(r"(?:(?:till|tills|until) )?(?:efter|after) ")
# A pause during a break: "under semestern", "över helgerna", "i sommaruppehållet", "during the summer
# holidays", "over the holidays".
_DURING_BREAK = re.compile(rf"(?:(?:i|under|over|pa|during|in|for|through) )?(?P<what>{_BREAKS})")
_SUMMER_BREAK = re.compile(r".*(?:semest|sommar|summer).*")
_ANY_BREAK = re.compile(r"(?:the )?(?:holidays?|break|vacation)")  # in summer the summer's
_MIDSUMMER_EVE = _holiday("Midsommardagen", -1)


def _next_break(what: str, today: date) -> Span:
    """The holidays a break's word names, the next not over by today. The summer's ("semestern",
    "sommarlovet", "sommaruppehållet", "the summer holidays", "the holidays" in May to August):
    midsommarafton, when a district's work stops, to 15 August, when most are back. The Christmas holidays
    ("helgerna", "jullovet", "the holidays" from September): julafton to trettondagen, 6 January."""
    summer = _SUMMER_BREAK.fullmatch(what) is not None or (
        _ANY_BREAK.fullmatch(what) is not None and 5 <= today.month <= 8
    )
    if summer:
        year = today.year + (today > date(today.year, 8, 15))
        return Span(_MIDSUMMER_EVE(year), date(year, 8, 15))
    end = next_day(6, 1, today)
    return Span(date(end.year - 1, 12, 24), end)


def _in_season(holidays: Span, today: date) -> bool:
    """Whether holidays are close enough that a board member naming them without a day means these: the
    summer's from 1 March, the Christmas holidays from the start of November (70 days before their end).
    "efter helgerna" in April may mean Easter, "under semestern" in December next summer: asked about."""
    if holidays.last.month == 8:
        return today >= date(holidays.last.year, 3, 1)
    return holidays.last - today <= timedelta(days=70)


def _until_after(after: re.Match[str], today: date) -> Span | None:
    """ "paus efter helgerna", "pause until after the holidays": from today to the end of the holidays it
    names (`_next_break`: trettondagen, 6 January; 15 August), which the reply names so the board can
    correct it. None when no such holidays lie close ahead (`_in_season`)."""
    holidays = _next_break(after["what"], today)
    return Span(today, holidays.last) if _in_season(holidays, today) else None


def _close_after(pause: Span, today: date) -> bool:
    """Whether a pause "till efter" a named day or period ("efter nyår", "efter jul", "efter sommaren",
    "until after Easter") is as long as a board means by it. Nobody pauses most of a year by naming a
    holiday: one ending in the Christmas holidays is meant from November (as "efter helgerna",
    `_in_season`), one ending in the summer (June to September) from 1 March, any other within half a
    year; a longer one is asked about, not paused."""
    last = pause.last
    christmas = _next_break("helgerna", today)
    if christmas.first <= last <= christmas.last:
        return _in_season(christmas, today)
    if 6 <= last.month <= 9:
        return today >= date(last.year, 3, 1)
    return last - today <= timedelta(days=183)


def far_after(words: Sequence[str], today: date) -> Span | None:
    """The pause "till efter" a named day or period would be when it is months away ("paus till efter
    nyår" in May: today to 1 January), to be asked about (`_close_after`); None for any other words, and
    for such a pause close ahead."""
    split = [w for w in " ".join(_NAMES_DASH.sub(" - ", w) for w in words).split() if _WORDLIKE.search(w)]
    phrase = " ".join(_fold(word) for word in split)
    led = _UNTIL_AFTER.match(phrase)
    if led is None or _AFTER_BREAK.fullmatch(phrase) or any(c.isdigit() for c in phrase):
        return None  # "efter helgerna": `holidays_named`; "efter 3/1": the day is written
    after_words = split[led[0].count(" ") :]
    if _part_named(after_words) is not None:
        return None
    try:
        day = _day_after(after_words, today, month=False)
    except DateError:
        return None
    if day is None:
        return None
    pause = Span(today, day - timedelta(days=1))
    return None if _close_after(pause, today) else pause


def holidays_named(words: Sequence[str], today: date) -> tuple[bool, Span] | None:
    """Holidays a pause names without a day when they are not close ahead ("paus till efter helgerna" in
    May, "under semestern" in December), to be asked about: whether they are the summer's, and the next
    such holidays' days for an example; None for any other words."""
    phrase = " ".join(_fold(word) for word in words if _WORDLIKE.search(word))
    named = _AFTER_BREAK.fullmatch(phrase) or _DURING_BREAK.fullmatch(phrase)
    if named is None or _CHRISTMAS_AHEAD.fullmatch(phrase):  # "under jullovet": read any time of year
        return None
    holidays = _next_break(named["what"], today)
    return None if _in_season(holidays, today) else (holidays.last.month == 8, holidays)


def read_loosely(words: Sequence[str]) -> bool:
    """Whether a pause's words name its days loosely ("efter helgerna", "över helgerna", "until after
    Christmas", "mitten av december"), so the answer says how they were read, for the board to correct; so
    does a check-in's answer, for a part of a month read as a day (`_part_meant`)."""
    split = [w for w in " ".join(_NAMES_DASH.sub(" - ", w) for w in words).split() if _WORDLIKE.search(w)]
    phrase = " ".join(_fold(word) for word in split)
    holidays = _DURING_BREAK.fullmatch(phrase) is not None  # "över helgerna", "under semestern"
    return holidays or _UNTIL_AFTER.match(phrase) is not None or _part_named(split) is not None


def _from_today(span: Span, today: date) -> Span:
    return Span(today, span.last) if span.first < today <= span.last else span


def _named(words: Sequence[str], today: date) -> bool:
    """Whether a period is named (a month, a season, weeks: "november", "i höst", "v. 45-47") rather than
    starting on a day written out ("1/11-30/11", "Dec 20 to Jan 6"): whether its first word or two, read
    up to a dash, are more than one day."""
    head = re.split(r"(?<=\d)[-\u2013](?=\d{1,2}\b)", " ".join(words[:2]))[0].split()
    for count in (2, 1):
        try:
            found = read_at(head[:count], 0, today, alone=True, dotted=True)
        except DateError:
            found = None
        if found is not None and found[1] == count == len(head[:count]):
            return found[0].first != found[0].last
    return True


def _ahead(read: Callable[[int], Span | None], today: date) -> Span | None:
    """`read(y)` with the plan's year this year, else next year, whichever has not ended by today (else the
    last read, to be refused). A weekday beside a day gone by is about next year's ("ons 6/1" from 21
    December); beside one to come it is refused as not its day ("tis 21/12" in 2026)."""
    found = None
    for year in (today.year, today.year + 1):
        try:
            found = read(year)
        except WrongWeekday as wrong:
            if wrong.day >= today or year > today.year:
                raise
            continue
        if found is None or found.last >= today:
            return found
    return found
