"""Reading a plan: its sections, goals and their measurable targets, from the plan's own text.

Framework-free: no botbuilder, no aiohttp, no SQL. `parse_plan` turns a plan's text into a `PlanDraft`;
`parse_target` turns one goal's wording into a structured `Target`; `load_sample_plan` reads the plan the
bot ships with. The layout work (line numbers, columns, hyphenation, kinds of headings and lists) lives in
`plan_text`; PDF and Word files become text in `plan_files`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from bot.i18n import english_unit, fold, swedish_for
from bot.services.goals import AMOUNT_UNIT, DONE, Period, Target, TargetKind
from bot.services.plan_english import in_swedish_terms, is_english
from bot.services.plan_text import (
    ACTIVITY_PART,
    GOES_ON,
    LABELLED_ITEM,
    RESPONSIBLE_LABEL,
    RESPONSIBLE_LINE,
    HeadingStyle,
    Line,
    LineKind,
    join_lines,
    layout,
    present_heading,
    sentences,
)


@dataclass(frozen=True)
class GoalDraft:
    text: str
    target: Target = DONE
    applies_to_branches: bool = False  # the goal is something each branch (partiförening) does
    text_en: str | None = None  # an English wording, where the plan has one (the bundled sample plan does)
    goal_id: int | None = None  # the stored goal it is, when a stored plan is being corrected
    read_as: str | None = None  # the text the plan had, when the board has reworded it
    responsible: str | None = None  # who the plan names responsible ("Ansvarig: Kassören"), as it wrote it
    plan_number: int | None = None  # the number the plan gives the goal itself ("Mål 3:"), if it does


@dataclass(frozen=True)
class SectionDraft:
    title: str
    goals: tuple[GoalDraft, ...] = ()
    title_en: str | None = None


@dataclass(frozen=True)
class PlanDraft:
    title: str | None
    year: int | None
    sections: tuple[SectionDraft, ...]
    priority_areas: tuple[str, ...] = field(default=())
    # Lists not taken for goals (heading, items): the review shows them, to be added if they are goals.
    set_aside: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    # The branches (partiföreningar) the plan names: offered in the review as the district's branch list.
    branches: tuple[str, ...] = field(default=())
    # Pages of a PDF with no text to read (an image of a page): the review says their goals are missing.
    unread_pages: tuple[int, ...] = field(default=())
    # (a goal's text as read, the sub-items saying how it is reached): not goals; the review names them.
    activities: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    # Headings with text under them in which no goal was read (background, a budget, a vision): the review
    # names them, so that a goal the reader missed is not missed unseen.
    unread_sections: tuple[str, ...] = field(default=())

    @property
    def goals(self) -> list[GoalDraft]:
        return [goal for section in self.sections for goal in section.goals]


class PlanParseError(ValueError):
    """The text does not look like a plan the importer understands. `problem` names what is wrong for
    the user's answer: no_goals, invalid (plan data), or a file's problem (see plan_files.PlanFileError)."""

    def __init__(self, message: str, problem: str = "invalid") -> None:
        super().__init__(message)
        self.problem = problem


# --- targets -------------------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
    "hundra": 100,
}
# "ett tiotal nya medlemmar": a round number is the target the plan sets (about ten is ten).
_ROUND_NUMBERS = {
    "par": 2, "halvdussin": 6, "dussin": 12, "tiotal": 10, "tjugotal": 20, "trettiotal": 30, "fyrtiotal": 40,
    "femtiotal": 50, "sextiotal": 60, "sjuttiotal": 70, "åttiotal": 80, "nittiotal": 90, "hundratal": 100,
}  # fmt: skip
_APPROXIMATE = re.compile(
    r"\b(?:ett|en)\s+(?P<n>par|halvdussin|dussin|tiotal|tjugotal|trettiotal|fyrtiotal|femtiotal|sextiotal|"
    r"sjuttiotal|åttiotal|nittiotal|hundratal)\b(?!\s+(?:år|dagar|veckor|månader)\b)",
    re.IGNORECASE,
)
_NUM = r"(?:[0-9]{1,6}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
# 1500, 1 500, 2,5: thousands may be grouped with a space (thin spaces are made plain first).
_AMOUNT = r"(?:[0-9]{1,3}(?: [0-9]{3})+|[0-9]{1,9})(?:[.,][0-9]{1,3})?"
_WORD = r"[^\W\d_]+"
_AMOUNT_UNIT = rf"(?:%|procent|{_WORD})"

_METRIC_FROM_TO = re.compile(
    rf"\bfrån\s+(?P<a>{_AMOUNT})(?:\s*(?P<ua>{_AMOUNT_UNIT}))??\s+till\s+(?:minst\s+)?(?P<b>{_AMOUNT})"
    rf"(?:\s*(?P<ub>{_AMOUNT_UNIT}))?",
    re.IGNORECASE,
)
_METRIC_TO = re.compile(
    rf"\b(?:öka|höja|minska|sänka|nå|växa)\w*\b(?:(?!\bfrån\b)[^.;])*?\btill\s+(?:minst\s+)?(?P<b>{_AMOUNT})"
    rf"(?:\s*(?P<ub>{_AMOUNT_UNIT}))?",
    re.IGNORECASE,
)
# "nå 50 nya medlemmar" is 50 recruited (_count), not a figure to reach.
_METRIC_REACH = re.compile(
    rf"\bnå\s+(?:minst\s+)?(?P<b>{_AMOUNT})\s*(?!nya\b)(?P<ub>{_AMOUNT_UNIT})", re.IGNORECASE
)
_COUNTED_THING = re.compile(rf"\bantal(?:et)?\s+(?P<unit>{_WORD})", re.IGNORECASE)

_PEOPLE_NOUNS = (
    r"(?:ansvariga|ansvarig|personer|person|kontaktpersoner|kontaktperson|samordnare|ombud|"
    r"representanter|representant|ambassadörer|ambassadör|talespersoner|talesperson|mentorer|mentor|"
    r"faddrar|fadder|organisatörer|organisatör|studieorganisatörer|studieorganisatör|medlemsvärdar|"
    r"medlemsvärd|ledamöter|ledamot|funktionärer|funktionär|volontärer|volontär|volunteers|volunteer)"
)
_PEOPLE = re.compile(
    rf"\b(?:utse|utses|utser|välja|väljs|väljer|tillsätta|tillsätts|rekrytera|ha|finnas|minst|åtminstone)"
    rf"\s+(?:minst\s+|åtminstone\s+)?(?P<num>{_NUM})\s+(?:{_WORD}\s+)?(?P<unit>{_PEOPLE_NOUNS})\b",
    re.IGNORECASE,
)
_PEOPLE_BARE = re.compile(
    rf"\b(?P<num>{_NUM})\s+(?P<unit>ansvariga|kontaktpersoner|samordnare|volontärer|volunteers)\b",
    re.IGNORECASE,
)

_WEEKDAYS = "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
_PERIOD_WORDS = {
    "vecka": Period.WEEK,
    "veckan": Period.WEEK,
    "månad": Period.MONTH,
    "månaden": Period.MONTH,
    "kvartal": Period.QUARTER,
    "kvartalet": Period.QUARTER,
    "år": Period.YEAR,
    "året": Period.YEAR,
    "verksamhetsår": Period.YEAR,
    "verksamhetsåret": Period.YEAR,
    "helg": Period.WEEK,
    "helgen": Period.WEEK,
    "veckovis": Period.WEEK,
    "månadsvis": Period.MONTH,
    "månatligen": Period.MONTH,
    "kvartalsvis": Period.QUARTER,
    "årligen": Period.YEAR,
    "termin": Period.HALF_YEAR,
    "terminen": Period.HALF_YEAR,
    "halvår": Period.HALF_YEAR,
    "halvåret": Period.HALF_YEAR,
    "terminsvis": Period.HALF_YEAR,
    "halvårsvis": Period.HALF_YEAR,
    # "varje lördag": once a week, on that day.
    **dict.fromkeys(_WEEKDAYS.split("|"), Period.WEEK),
}
_PERIOD = re.compile(
    r"\b(?:i|per|varje|om|var|vart|under\s+varje|en\s+gång\s+per)\s+(?P<p>veckan|vecka|helgen|helg|månaden|månad|"
    rf"kvartalet|kvartal|terminen|termin|halvåret|halvår|året|år|verksamhetsåret|verksamhetsår|{_WEEKDAYS})\b"
    r"|\b(?P<adverb>veckovis|månadsvis|månatligen|kvartalsvis|terminsvis|halvårsvis|årligen)\b"
    r"|\bunder\s+(?:hela\s+)?(?:året|verksamhetsåret|kommande\s+verksamhetsår|år\s+[0-9]{4}|[0-9]{4})\b",
    re.IGNORECASE,
)
_PER_AREA = re.compile(
    r"\b(?:respektive|varje|per)\s+(?:prioriterat\s+)?område\b"
    r"|\bvart\s+och\s+ett\s+av\s+(?:de\s+)?(?:\w+\s+)?(?:prioriterade\s+)?områdena\b",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(r"\b(?:minst|åtminstone)\s+$", re.IGNORECASE)
# "de fyra prioriterade områden" names things already there; it is not something to do four times.
_REFERRING = {"de", "dessa", "våra", "sina", "alla", "samtliga", "distriktets", "partiets", "av"}
# Words that end the noun after a number: "två debattartiklar | under året".
_NOUN_ENDS = {
    "i", "per", "varje", "om", "under", "för", "inom", "med", "på", "till", "av", "som", "där", "att", "från",
    "mellan", "kring", "vid", "hos", "ur", "efter", "innan", "före", "respektive", "samt", "så", "när",
    "tillsammans", "ska", "skall", "kommer", "ut", "in", "minst", "varav", "och", "årligen", "månadsvis",
    "månatligen", "kvartalsvis", "veckovis", "löpande", "regelbundet", "terminsvis", "halvårsvis",
    # an English plan's: "send a proposal to the board" counts proposals, not the board it goes to
    "to", "for", "with", "at", "on", "by", "about", "from", "into", "during", "within", "every", "each",
}  # fmt: skip
_DURATIONS = {
    "dag", "dagar", "vecka", "veckor", "månad", "månader", "år", "timme", "timmar", "minuter", "kvartal",
    "procent", "kronor", "kr", "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december", "terminer", "halvår", "%", "sek",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hours", "minutes",
    "january", "february", "march", "may", "june", "july", "august", "october",
}  # fmt: skip
# "fyra stycken medlemsmöten": the count word before the thing counted.
_PIECES = {"stycken", "st", "st.", "stycket"}
_TIMES = {"gång", "gånger", "gången"}
# "schemalägga inlägg ... minst två gånger i månaden": the thing done that often is the verb's object.
_DOING = re.compile(
    r"\b(?:schemalägga|publicera|skriva|skicka|hålla|anordna|arrangera|genomföra|ordna|göra|posta|"
    r"lägga\s+ut|skapa|ha|ge\s+ut)\s+(?:ut\s+)?(?:(?:ett|en|nya|nytt|egna|fler)\s+)?"
    r"(?P<object>[^\W\d_][\w-]*[^\W\d_])",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u00a0\u2007\u2009\u202f]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _amount(text: str) -> float:
    return float(text.replace(" ", "").replace(",", "."))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _is_year(text: str) -> bool:
    return bool(_YEAR.match(text))


def _stock_named(word: str) -> str | None:
    """The people or followers a word names, as the plan counts them: "medlemsantalet" and "medlemmarna" are
    "medlemmar", "Instagramföljarna" is "följare"; None for any other word."""
    word = word.casefold()
    compound = _COUNT_COMPOUND.fullmatch(word)
    if compound is not None:
        return _COUNTED_BY_STEM[compound.group("stem")]
    if word in _STOCK_NOUNS:
        return word
    return next((noun for form, noun in _DEFINITE_STOCK.items() if word.endswith(form)), None)


# "medlemsantalet", "följarantal": the number of a thing said in one word.
_COUNTED_BY_STEM = {
    "medlems": "medlemmar", "medlem": "medlemmar", "följar": "följare", "deltagar": "deltagare",
    "besökar": "besökare", "besöks": "besökare", "prenumerant": "prenumeranter",
}  # fmt: skip
_COUNT_COMPOUND = re.compile(
    r"(?P<stem>medlems|medlem|följar|deltagar|besökar|besöks|prenumerant)antal(?:et)?"
)
# "följarna", "Instagramföljarna", "Facebookföljare": the plain plural, or a compound ending in it.
_DEFINITE_STOCK = {
    "medlemmarna": "medlemmar", "följarna": "följare", "följare": "följare", "deltagarna": "deltagare",
    "prenumeranterna": "prenumeranter", "besökarna": "besökare", "aktivisterna": "aktivister",
    "volontärerna": "volontärer",
}  # fmt: skip


def _counted(text: str) -> str | None:
    """What a metric counts, when the goal names it as "antalet X" or in one word ("medlemsantalet")."""
    counted = _COUNTED_THING.search(text)
    if counted is not None:
        return counted.group("unit")
    compound = re.search(rf"\b{_COUNT_COMPOUND.pattern}\b", text, re.IGNORECASE)
    return _COUNTED_BY_STEM[compound.group("stem").lower()] if compound else None


def _metric(text: str) -> Target | None:
    counted = _COUNTED_THING.search(text)
    for pattern in (_METRIC_FROM_TO, _METRIC_TO, _METRIC_REACH):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            start, goal = groups.get("a"), groups["b"]
            # "från 2022 till 2026" and "fram till 2026" are years, not numbers to move.
            counts_a_thing = pattern is _METRIC_REACH and (groups.get("ub") or "").lower() in _STOCK_NOUNS
            if _is_year(goal) and (start is None or _is_year(start)) and not counts_a_thing:
                continue
            unit_words = [groups.get("ub"), groups.get("ua")]
            unit = counted.group("unit") if counted else next((u for u in unit_words if u), None)
            unit = unit or _counted(text)
            if unit is not None and unit.lower() in {"till", "och", "eller", "under", "per", "i", "på"}:
                unit = None
            if unit is None:
                # "Öka följarna på Instagram från 200 till 500": what moves is named before the figures.
                named = [w.strip(".,;:()") for w in text[: match.start("b")].split()]
                unit = next((_stock_named(w) for w in reversed(named) if _stock_named(w)), None)
            if unit is not None and unit.lower() == "procent":
                unit = "%"
            return Target(
                TargetKind.METRIC,
                unit=unit,
                baseline=_amount(start) if start is not None else None,
                goal_value=_amount(goal),
            )
    return None


_NUMBER_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "öka med 10 procent" (change_percent) and "öka med 20" (change_by): a figure moved from where it is.
_CHANGE = re.compile(
    rf"\b(?P<verb>öka|höja|minska|sänka|växa|förbättra)\w*\b(?P<what>[^.;]*?)\bmed\s+(?:minst\s+)?"
    rf"(?P<pct>{_AMOUNT}|{_NUMBER_WORD})\b\s*(?P<percent>%|procent)?",
    re.IGNORECASE,
)
_FRACTIONS = {
    "hälften": 50.0,
    "halva": 50.0,
    "en tredjedel": 100 / 3,
    "två tredjedelar": 200 / 3,
    "en fjärdedel": 25.0,
    "tre fjärdedelar": 75.0,
    "majoriteten": 50.0,
    "samtliga": 100.0,
    "alla": 100.0,
}
_SHARE = re.compile(
    r"\b(?:minst\s+|åtminstone\s+|över\s+)?(?:(?P<frac>hälften|halva|en\s+tredjedel|två\s+tredjedelar|"
    rf"en\s+fjärdedel|tre\s+fjärdedelar|majoriteten)|(?P<pct>{_AMOUNT})\s*(?:%|procent))\s+av\s+(?P<of>.+)",
    re.IGNORECASE,
)
_MONEY = re.compile(
    rf"(?P<amount>{_AMOUNT})\s*(?P<unit>kronor|kr\b|sek\b|:-|tkr\b|tusen\s+kronor|miljoner\s+kronor)",
    re.IGNORECASE,
)
_RAISE_MONEY = re.compile(
    r"\b(?:samla\w*\s+in|insaml\w*|få\s+in|dra\s+in|drar\s+in|intäkter|överskott|bidrag|stöd|sponsr\w*|"
    r"swish|lotter|försälj\w*|sälja|fond|raise|collect|fundrais\w*)",
    re.IGNORECASE,
)
# Things a district has a number of, at a time: "ha 400 medlemmar" is a reading to reach, not a count.
_STOCK_NOUNS = {
    "medlemmar", "följare", "prenumeranter", "aktiva", "aktivister", "besökare", "användare", "kontakter",
    "volontärer", "förtroendevalda", "partiföreningar", "föreningar", "mandat", "röster", "sidvisningar",
    "visningar", "gillamarkeringar", "gilla-markeringar", "medlemskap", "ombud", "studiecirkeldeltagare",
    "deltagare", "unga", "kvinnor", "betalande", "followers", "members", "subscribers", "activists",
    "participants",
    "volunteers",
}  # fmt: skip
_STOCK = re.compile(
    rf"\b(?:ha|få|nå|uppnå|bli|vara|komma\s+upp\s+i|passera|överstiga)\s+"
    rf"(?:minst\s+|över\s+|åtminstone\s+|fler\s+än\s+|mer\s+än\s+)?"
    rf"(?P<b>{_AMOUNT})\s+(?:fler\s+)?(?P<ub>{_WORD})",
    re.IGNORECASE,
)


_DOUBLE = re.compile(r"\bfördubbla\w*\b", re.IGNORECASE)


def _relative(text: str) -> Target | None:
    """ "Öka antalet medlemmar med 10 procent": a goal the baseline decides, so the review asks for it."""
    doubled = _DOUBLE.search(text)
    if doubled is not None:
        after = text[doubled.end() :]
        unit = _counted(after) or next((_stock_named(w) for w in after.split() if _stock_named(w)), None)
        return Target(TargetKind.METRIC, unit=unit, change_percent=100.0)
    for match in _CHANGE.finditer(text):
        sign = -1.0 if match.group("verb").lower() in ("minska", "sänka") else 1.0
        what = match.group("what") or ""
        unit = _counted(what) or _changed_thing(what, text[: match.start()])
        figure = match.group("pct")
        change = sign * (_amount(figure) if figure[0].isdigit() else _number(figure))
        if match.group("percent"):
            return Target(TargetKind.METRIC, unit=unit, change_percent=change)
        # "Öka medlemsantalet med 20": a plain number moves a figure the plan names ("öka samarbetet med 3
        # föreningar" names none), and it is a number of that figure, not of something else.
        said = [w.strip(".,;:!?()").casefold() for w in text[match.end() :].split()[:1]]
        of_it = not said or said[0] in _PIECES | _OF_IT or _stock_named(said[0]) is not None
        if unit is not None and of_it:
            return Target(TargetKind.METRIC, unit=unit, change_by=change)
    return None


# Words after "öka medlemsantalet med 20" that leave the 20 a number of members.
_OF_IT = {"personer", "fler", "nya", "till", "under", "i", "per", "före", "innan", "jämfört", "från"}


_OWNERS = {"vår", "våra", "vårt", "distriktets", "our", "the", "its", "their"}  # before what changes


def _changed_thing(what: str, before: str) -> str | None:
    """What a change is of, said without "antalet": the figure after the verb ("öka följarna med 10 %",
    "increase our followers by 10 %"), or the one set apart before it ("Följare på Instagram – öka med
    10 %"). Only a word the plan counts (a stock or a unit the glossary knows), not "valdeltagandet"."""
    set_apart = re.match(r"^(?P<head>.+?)\s*[–—:-]\s*$", before)
    for words in (what, set_apart.group("head") if set_apart else ""):
        counted = _counted(words)
        if counted is not None:
            return counted
        # "grow our Instagram followers by 200": past the owner and the platform's name, what is counted
        named = [w.strip(".,;:!?()\"'”“") for w in words.split()]
        named = [w for w in named if w.casefold() not in _OWNERS and not w[:1].isupper()][:1]
        stock = _stock_named(named[0]) if named else None
        if stock is not None:
            return stock
        first = [w for w in words.split() if w.casefold() not in _OWNERS][:1]
        word = first[0].strip(".,;:!?()\"'”“").casefold() if first else ""
        if word and (english_unit(word) is not None or swedish_for(word)):
            return word
    return None


# "Andel kvinnor på valbar plats – 50 %": a share set apart as the goal's target (a table's target column).
_TARGET_SIGNS = {"–", "—", "-", ":"}
_BARE_SHARE = re.compile(
    r"(?:^|\s[–—-]\s*|:\s*)(?:minst\s+|åtminstone\s+|över\s+)?"
    rf"(?:(?P<pct>{_AMOUNT})\s*(?:%|procent)|(?P<frac>hälften|halva|en\s+tredjedel|två\s+tredjedelar|"
    r"en\s+fjärdedel|tre\s+fjärdedelar|majoriteten))\s*(?:\(|\.|$)",
    re.IGNORECASE,
)


# "Minst 50 % kvinnor bland talarna": the share of a group named right after the per cent.
_SHARE_NAMED = re.compile(
    rf"(?:^|\s)(?:minst\s+|åtminstone\s+|över\s+)?(?P<pct>{_AMOUNT})\s*(?:%|procent)\s+(?P<of>[^\W\d_]{{3,}})",
    re.IGNORECASE,
)


# "Andelen kvinnor ska vara minst 50 %": a share said of a group ("öka till 30 %" is _metric's).
_SHARE_STATED = re.compile(
    rf"\bandel(?:en)?\b[^.;%]*?\b(?:vara|är|uppgå\s+till|nå|minst)\s+(?:minst\s+)?"
    rf"(?P<pct>{_AMOUNT})\s*(?:%|procent)",
    re.IGNORECASE,
)

_MORE_OR_FEWER = {
    "fler": 1.0,
    "mer": 1.0,
    "more": 1.0,
    "färre": -1.0,
    "mindre": -1.0,
    "fewer": -1.0,
    "less": -1.0,
}


def _share(text: str) -> Target | None:
    """ "Minst hälften av styrelsens ledamöter ...": a share in percent of a group, read as a metric."""
    match = _SHARE.search(text)
    named = _SHARE_NAMED.search(text)
    if match is None and named is not None and named.group("of").lower() not in _NOUN_ENDS:
        value = _amount(named.group("pct"))
        change = _MORE_OR_FEWER.get(named.group("of").lower())
        if change is not None:  # "10 % fler medlemmar": a change from today's figure
            after = re.match(r"\s+(?P<word>[^\W\d_][\w-]*)(?P<rest>.*)$", text[named.end() :])
            counted = _head_noun(after.group("word"), after.group("rest")) if after else None
            return Target(TargetKind.METRIC, unit=counted, change_percent=change * value)
        if 0 < value <= 100:
            return Target(TargetKind.METRIC, unit=f"% {named.group('of')}", goal_value=round(value, 1))
    if match is None and (stated := _SHARE_STATED.search(text)) is not None:
        value = _amount(stated.group("pct"))  # "Andelen kvinnor på listan ska vara 50 %"
        return Target(TargetKind.METRIC, unit="%", goal_value=value) if 0 < value <= 100 else None
    if match is None:
        bare = _BARE_SHARE.search(text)
        value = 0.0
        if bare is not None and bare.group("frac"):  # "Kvinnor på valbar plats – hälften"
            value = round(_FRACTIONS[" ".join(bare.group("frac").lower().split())], 1)
        elif bare is not None:
            value = _amount(bare.group("pct"))
        return Target(TargetKind.METRIC, unit="%", goal_value=value) if 0 < value <= 100 else None
    if match.group("frac"):
        value = _FRACTIONS[" ".join(match.group("frac").lower().split())]
    else:
        value = _amount(match.group("pct"))
    if not 0 < value <= 100:
        return None
    of = _noun_phrase(match.group("of"))
    return Target(TargetKind.METRIC, unit=f"% av {of}" if of else "%", goal_value=round(value, 1))


def _noun_phrase(text: str) -> str | None:
    """The words naming a group, up to the verb or preposition that ends it: "styrelsens ledamöter"."""
    words: list[str] = []
    for raw in text.split(" "):
        word = raw.strip(".,;:!?()\"'”“")
        if not word or word.lower() in _NOUN_ENDS or word.lower() in ("ska", "skall", "bör", "är", "har"):
            break
        words.append(word)
        if raw.endswith((".", ",", ";", ":", "!", "?")) or len(words) >= 4:
            break
    return " ".join(words) or None


def _money(text: str) -> Target | None:
    """ "Samla in 50 000 kronor": an amount to raise, counted as kronor over the year (or the period)."""
    match = _MONEY.search(text)
    if match is None or _RAISE_MONEY.search(text) is None:
        return None
    value = _amount(match.group("amount"))
    unit = match.group("unit").lower()
    if unit in ("tkr", "tusen kronor"):
        value *= 1000
    elif unit == "miljoner kronor":
        value *= 1_000_000
    if value < 1:
        return None
    periods = [p for p in _PERIOD.finditer(text) if p.start() > match.start()]
    period = _period_of(periods[0]) if periods else Period.YEAR
    return Target(TargetKind.COUNT, count=round(value), period=period, unit=AMOUNT_UNIT)


def _stock(text: str) -> Target | None:
    """ "Ha 400 medlemmar", "bli 50 aktiva": a number to reach, without a starting point. So is a number of
    people or followers the goal opens with or sets apart ("Minst 10 aktiva medlemmar", "Fem aktiva i varje
    förening", "Aktiva medlemmar: minst 25"): how many there are at a time, not how many times something is
    done; but new ones ("20 nya medlemmar") are recruited one by one, and "Två medlemmar går grundkursen"
    counts who does it (_count)."""
    for match in _STOCK.finditer(text):
        unit = _stock_unit(match.group("ub"), text[match.end() :])
        if unit is not None:
            return Target(TargetKind.METRIC, unit=unit, goal_value=_amount(match.group("b")))
    for match in _LEVEL.finditer(text):
        before = text[: match.start()]
        least = _AT_LEAST.search(before)
        previous = (before[: least.start()] if least else before).rstrip()
        if previous and not (
            previous.endswith(tuple(_TARGET_SIGNS)) or previous.split()[-1].lower() in _HAVING
        ):
            continue  # "Ringa 200 medlemmar", "hos 50 medlemmar": whom something is done to
        count = _number(match.group("b"))
        if (
            _is_year(match.group("b"))
            or (count < 2 and least is None)
            or _DOERS.match(text[match.end("b") :])
        ):
            continue
        first = match.group("first")
        if first is not None and first.lower() in _PIECES:
            first = None  # "Aktiva medlemmar – 10 st"
        if first is None and previous.endswith((":", "\u2013", "\u2014", "-")):
            # "Aktiva medlemmar: minst 25": what is counted stands before the figure.
            head = previous[:-1].split()
            if len(head) >= 2 and head[-2].lower() in _NEW_ONES:
                continue  # "Nya medlemmar – 50": recruited, a count
            unit = _stock_unit(head[-2], " " + head[-1]) if len(head) >= 2 else None
            unit = unit or (_stock_unit(head[-1], "") if head else None)
            unit = unit or (_stock_named(head[-1]) if head else None)  # "Medlemsantal: 300"
            if unit is not None:
                return Target(TargetKind.METRIC, unit=unit.lower(), goal_value=float(count))
            continue
        unit = _stock_unit(first, text[match.end("first") :]) if first else None
        if unit is not None:
            return Target(TargetKind.METRIC, unit=unit, goal_value=float(count))
    return None


_NEW_ONES = {"nya", "new", "fler", "more"}
_LEVEL = re.compile(rf"\b(?P<b>{_NUM})\b(?:\s+(?P<first>{_WORD}))?", re.IGNORECASE)


def _stock_unit(word: str, rest: str) -> str | None:
    """The people or followers a level counts: "medlemmar", or with the word before it, "aktiva medlemmar";
    None for anything else, and for new ones ("nya medlemmar": recruited, counted as they come)."""
    if word.lower() in _NEW_ONES:
        return None
    after = re.match(rf"\s+(?P<noun>{_WORD})", rest)
    if after is not None and word.lower() in ("antal", "antalet"):
        word, after = after.group("noun"), None  # "Antal aktiva: 15" counts the active
    if after is not None and after.group("noun").lower() in _STOCK_NOUNS and word.lower() not in _NOUN_ENDS:
        return f"{word} {after.group('noun')}"
    return word if word.lower() in _STOCK_NOUNS else None


# "Utse en valledare och en kassör": appointing names people, whatever they are called.
_APPOINT = re.compile(
    rf"\b(?:utse|utses|utser|tillsätta|tillsätts|tillsätter)\s+(?:minst\s+)?(?P<num>{_NUM})\s+(?P<unit>[^\W\d_][\w-]*)"
    rf"(?P<more>(?:\s*(?:,|och|samt)\s+(?:{_NUM})\s+[^\W\d_][\w-]*)*)",
    re.IGNORECASE,
)


# "Minst 12 personer på varje träff", "minst 20 deltagare per studiecirkel": how many come to each meeting,
# read as "deltagare" goals are: a level of attendance to reach, reported as the people who came.
_ATTENDANCE = re.compile(
    rf"(?:^|\b(?:minst|åtminstone|ha|samla)\s+)(?P<num>{_NUM})\s+(?P<who>personer|deltagare|medlemmar|"
    r"besökare|people|participants)\s+(?:(?:på|vid|i|till)\s+(?:varje|alla|every|each)|per)\s+"
    r"(?:[^\W\d_]+\s+)?(?P<event>[^\W\d_]*(?:möte|möten|mötet|mötena|träff|träffar|träffen|cirkel|cirklar|"
    r"cirkeln|kurs|kurser|kursen|utbildning|utbildningar|utbildningen|evenemang|evenemanget|aktivitet|"
    r"aktiviteter|event|meeting|meetings|circle|circles|läger|lägret|föreläsning|föreläsningar|seminarium|"
    r"seminarier|kväll|kvällar|sammankomst|sammankomster))\b",
    re.IGNORECASE,
)


def _attendance(text: str) -> Target | None:
    match = _ATTENDANCE.search(text)
    if match is None or _number(match.group("num")) < 2:
        return None
    unit = (
        "participants" if match.group("who").lower() == "participants" else "deltagare"
    )  # the plan's English
    return Target(TargetKind.METRIC, unit=unit, goal_value=float(_number(match.group("num"))))


def _people(text: str) -> Target | None:
    match = _PEOPLE.search(text) or _PEOPLE_BARE.search(text)
    if match is not None and _number(match.group("num")) >= (2 if match.re is _PEOPLE_BARE else 1):
        return Target(TargetKind.PEOPLE, count=_number(match.group("num")), unit=match.group("unit"))
    appointed = _APPOINT.search(text)
    if appointed is None:
        return None
    more = re.findall(rf"\b({_NUM})\s+[^\W\d_]", appointed.group("more"), re.IGNORECASE)
    count = _number(appointed.group("num")) + sum(_number(n) for n in more)
    unit = appointed.group("unit") if not more else None
    return Target(TargetKind.PEOPLE, count=count, unit=unit)


def _noun_after(text: str) -> str | None:
    """What a number counts: the head noun after it, or a short list ("utbildning, föreläsning eller ...")."""
    words: list[str] = []
    parts = text.split(" ")
    while parts and parts[0].lower() in _PIECES:
        parts = parts[1:]
    for raw in parts:
        word = raw.strip(".,;:!?()\"'”“")
        if raw.startswith("("):
            break  # "2 utbildningar (våren 2027)", "minst 10 (Hela året)": the bracket says when, not what
        if not word or word.lower() in _NOUN_ENDS or not re.fullmatch(r"[^\W\d_][\w-]*", word):
            break
        if word.lower() in ("en", "ett") and words:
            continue  # "en utbildning, föreläsning eller ett webbinarium"
        words.append(word)
        if raw.endswith((".", ";", ":", "!", "?", ")")):
            break
        if raw.endswith(","):
            words[-1] += ","
    while words and words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    if not words:
        return None
    if len(words) > 1 and (any(w.endswith(",") for w in words) or "eller" in (w.lower() for w in words)):
        return " ".join(words)
    return words[-1]


_HAVING = {"ha", "nå", "få", "uppnå", "över"}

# "varannan vecka", "var tredje månad": every n-th week or month, counted over the year (there is no two-week
# period). n -> the times a year, by weeks and by months.
_EVERY_OTHER = re.compile(
    rf"\b(?P<n>varannan|var\s+tredje|var\s+fjärde|var\s+sjätte)\s+(?P<p>vecka|helg|månad|{_WEEKDAYS})\b",
    re.IGNORECASE,
)
_NTH = {"varannan": (26, 6), "var tredje": (17, 4), "var fjärde": (13, 3), "var sjätte": (8, 2)}


def _count(text: str) -> Target | None:
    other = _EVERY_OTHER.search(text)
    if other is not None:
        by_week, by_month = _NTH[" ".join(other.group("n").lower().split())]
        times = by_month if other.group("p").lower() == "månad" else by_week
        return Target(
            TargetKind.COUNT, count=times, period=Period.YEAR, unit=_done_thing(text[: other.start()])
        )
    periods = list(_PERIOD.finditer(text))
    per_area = _PER_AREA.search(text) is not None
    # A figure set apart after a dash or colon ("Knacka dörr i tre bostadsområden – 1000 samtal", a table's
    # target column) is the target the plan states: it is read before the numbers in the goal's words.
    numbers = sorted(re.finditer(rf"\b{_NUM}\b", text, re.IGNORECASE), key=lambda m: not _set_apart(text, m))
    for match in numbers:
        word = match.group(0)
        before = text[: match.start()]
        at_least_match = _AT_LEAST.search(before)
        at_least = at_least_match is not None
        previous = before[: at_least_match.start()] if at_least_match else before
        previous_word = previous.rstrip().rsplit(" ", 1)[-1].lower() if previous.strip() else ""
        counted = previous_word in _HAVING or _is_verb(previous_word) or previous_word in ("in", "ut")
        if _is_year(word) and not (at_least or counted):
            continue  # "inför valet 2026"; but "ha 2000 besök i månaden", "skicka 2 000 sms" are counts
        if previous_word in _REFERRING or _CLOCK.search(before):
            continue  # "kl 18-20" is when, not how many
        unit = _noun_after(text[match.end() :].strip())
        said = text[match.end() :].split()[:1]
        if said and said[0].strip(".,;:!?()").lower() in _DURATIONS:
            continue  # "inom två veckor" is how soon; but "two training days" are days to hold
        count = _number(word)
        if count < 1:
            continue
        later = [p for p in periods if p.start() > match.start()]
        stated = later[0] if later else (periods[0] if periods else None)
        period = _period_of(stated) if stated else None
        if count == 1 and not at_least:
            # "en"/"ett" is mostly the article: only a count with an explicit, shorter period after it, and
            # not when the times are said after it ("ett nyhetsbrev två gånger per termin").
            if not (later and period is not Period.YEAR) and not per_area:
                continue
            if _TIMES_SAID.search(text[match.end() :]):
                continue
        doers = _DOERS.match(text[match.end() :]) if not previous.strip() else None
        if doers is not None:
            unit = doers.group("who")
        elif not (
            at_least
            or period
            or per_area
            or (unit is not None and _done_with(previous_word, text))
            # "Välkomna 50 nya medlemmar", "Welcome 50 new members": new ones are counted, whatever the verb
            or _NEW.match(text[match.end() :]) is not None
            # "Insändare – 10 st", "Medlemsträffar: 4": the target set apart after a dash or a colon
            or previous_word in _TARGET_SIGNS
            or previous_word.endswith(":")
            or (not previous.strip() and _PASSIVE.search(text[match.end() :]))
        ):
            # A bare number counts what a verb does ("genomföra fyra medlemsmöten"), or is the target set
            # apart after a dash or colon ("Dörrknackning – 500 samtal", a table's target column).
            continue
        if unit is None or unit.lower() in _TIMES:
            # "Genomföra medlemsmöten – minst fyra per år": what the goal does that often.
            unit = _done_thing(text[: match.start()]) or unit
        return Target(
            TargetKind.COUNT, count=count, period=period or Period.YEAR, unit=unit, per_area=per_area
        )
    # "Skicka nyhetsbrev varje månad": no number, but a period shorter than the year means once per period.
    shorter = [p for p in periods if _period_of(p) is not Period.YEAR]
    if shorter:
        return Target(
            TargetKind.COUNT,
            count=1,
            period=_period_of(shorter[0]),
            unit=_done_thing(text[: shorter[0].start()]),
            per_area=per_area,
        )
    return None


_NEW = re.compile(r"\s+(?:nya|new)\s+[^\W\d_]", re.IGNORECASE)


def _set_apart(text: str, match: re.Match[str]) -> bool:
    before = _AT_LEAST.sub("", text[: match.start()]).rstrip()
    return before.endswith((" \u2013", " \u2014", " -", ":"))


_CLOCK = re.compile(r"\b(?:kl\.?|klockan)\s*(?:[0-9]{1,2}\s*[-–:.]\s*)?$", re.IGNORECASE)
_TIMES_SAID = re.compile(rf"\b{_NUM}\s+(?:gång|gånger)\b", re.IGNORECASE)
# "Tio nya medlemmar ska värvas", "Fyra medlemsmöten ska hållas": the number opening the goal is what is done.
_PASSIVE = re.compile(
    r"^[^.;]*?\b(?:ska|skall|kommer\s+att|bör)\s+(?:(?:också|även|minst)\s+)?(?!finnas\b)[^\W\d_]{3,}s\b",
    re.IGNORECASE,
)


# "Två medlemmar går grundkursen", "Three members attend the party school": the number opening the goal
# counts the people who do what it says.
_DOERS = re.compile(
    r"^\s+(?:nya\s+|new\s+)?(?P<who>[^\W\d_]*(?:medlemmar|ledamöter|förtroendevalda|personer|deltagare|"
    r"aktivister|kvinnor|ungdomar|members|people|activists|volunteers|volontärer|representanter))\s+"
    r"(?:(?:ska|skall|kommer\s+att|bör)\s+(?!finnas\b|vara\b)[^\W\d_]{2,}|"
    r"[^\W\d_]*(?:ar|er|år|ör)|(?:attend|take|complete|go|join)s?)\b",
    re.IGNORECASE,
)


def _is_verb(word: str) -> bool:
    word = word.strip(".,;:!?()").casefold()
    return word in _VERBS or (word.endswith("era") and len(word) > 5)


def _done_with(previous: str, text: str) -> bool:
    """Whether a number counts what the goal does: the verb stands just before it ("genomföra fyra",
    "samla in 50"), or the goal opens with its verb ("Knacka dörr i tre bostadsområden")."""
    return (
        _is_verb(previous)
        or previous.casefold() in ("in", "ut", "fram", "upp")
        or _is_verb(text.split(" ", 1)[0])
    )


def _period_of(match: re.Match[str]) -> Period:
    word = (match.group("p") or match.group("adverb") or "året").lower()
    return _PERIOD_WORDS.get(word, Period.YEAR)


_KNOCK = re.compile(r"\bknacka\s+(?:dörr(?:ar)?|doors?)\b", re.IGNORECASE)  # "knock on doors" restated
_PREPOSITIONS = {"till", "för", "i", "på", "om", "med", "inom", "hos", "kring", "från", "av", "mellan"}


_GENITIVE = re.compile(r"(?:arnas|ernas|ornas|ens|ets)$", re.IGNORECASE)


def _owned(word: str, rest: str) -> str:
    """The thing a genitive owns: "skicka medlemmarnas nyhetsbrev", "send out the members' newsletter"
    count the newsletter."""
    owned = re.match(r"^(?P<mark>['\u2019]s?)?\s+(?P<thing>[^\W\d_][\w-]*[^\W\d_])\b", rest)
    if owned is None or not (owned.group("mark") or _GENITIVE.search(word)):
        return word
    return owned.group("thing")


def _past_adjective(word: str, rest: str) -> tuple[str, str]:
    """The noun an adjective goes with ("öppna medlemsmöten", "digitala utbildningar"), and the text after
    it; other words as they are."""
    after = re.match(r"^\s+(?P<noun>[^\W\d_][\w-]*[^\W\d_])\b", rest)
    if after is None or after.group("noun").lower() in _NOUN_ENDS or _known(f"{word} {after.group('noun')}"):
        return word, rest  # "öppet hus", "open house": a name the glossary counts whole
    if word.lower().endswith("a") or _ADJECTIVE.fullmatch(word):
        return after.group("noun"), rest[after.end() :]
    return word, rest


# Adjectives before the noun counted, in every form ("öppen förskola", "öppet möte", "digitalt nyhetsbrev",
# "gemensam fest", "open meetings", "public meetings"): by their endings, and the short ones plans use.
_ADJECTIVE = re.compile(
    r"(?:[^\W\d_]{2,}(?:ig|lig|isk|al|ell|iv|sam|bar)t?|öppen|öppet|ny|nytt|stor|stort|liten|litet|egen|eget|"
    r"fri|fritt|open|new|public|local|regional|annual|joint|free|big|large|small|weekly|monthly)",
    re.IGNORECASE,
)


def _known(words: str) -> bool:
    return english_unit(words) is not None or swedish_for(words) is not None


_SHALL_VERB = re.compile(
    r"\b(?:ska|skall|kommer\s+att|bör)\s+(?:(?:också|även)\s+)?(?P<verb>[^\W\d_]+)", re.I
)
# A whole group as the object ("ringa alla medlemmar", "call every member"): the goal counts the times.
_WHOLE = {"alla", "samtliga", "varje", "hela", "all", "every", "each"}


def _head_noun(word: str, rest: str) -> str:
    """The noun a phrase is about, where the glossary knows it: "street stalls" counts stalls, "digitalt
    nyhetsbrev" newsletters, "möten digitalt" meetings; else the phrase's first word, as before."""
    owned = _owned(word, rest)
    if owned != word:
        return owned  # "medlemmarnas nyhetsbrev": the genitive names its noun
    if word.lower() in _NOUN_ENDS:
        return word  # "dela ut flygblad": the particle, no noun phrase (_done_thing passes it by)
    phrase = [word]
    for raw in rest.split()[:2]:
        next_word = raw.strip(".,;:!?()\"'”“")
        if (
            not re.fullmatch(r"[^\W\d_][\w-]*", next_word)
            or next_word.lower() in _NOUN_ENDS | _NUMBER_WORDS.keys()
        ):
            break
        phrase.append(next_word)
        if raw != next_word:
            break  # a comma or a full stop ends the phrase

    if len(phrase) > 1 and _known(" ".join(phrase[:2])):
        return " ".join(phrase[:2])  # "study circles"
    return next((w for w in reversed(phrase) if _known(w)), word)


def _done_thing(before: str) -> str | None:
    """What is done that often: the object of a doing verb ("skicka nyhetsbrev"), the word after the verb
    the goal opens with ("Uppdatera hemsidan varje vecka"), or the noun it opens with ("Medlemsmöte
    varje månad"). "Knacka dörr varje helg" is door-knocking every weekend, not one door."""
    if _KNOCK.search(before):
        return "dörrknackning"
    # "Styrelsen ska sammanträda …": what is done is said after "ska"; who does it is not what is counted.
    shall = _SHALL_VERB.search(before)
    if shall is not None:
        before = before[shall.start("verb") :]
    objects = [
        _head_noun(*_past_adjective(m.group("object"), before[m.end() :])) for m in _DOING.finditer(before)
    ]
    objects = [o for o in objects if o.lower() not in _NOUN_ENDS and o.lower() not in _NUMBER_WORDS]
    if objects:
        return objects[-1] if objects[-1].lower() not in _WHOLE else None
    words = [w.strip(".,;:!?()\"'”“") for w in before.split()]
    if words and words[0].lower() == "att":
        words = words[1:]  # "att informera om ... varje vecka": the item as the rest of "genom att:"
    words = [w for w in words if w and w.lower() not in ("en", "ett", "nya", "vårt", "vår", "våra", "minst")]
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    if not words or not re.fullmatch(r"[^\W\d_][\w-]*", words[0]):
        return None
    if shall is not None or _is_verb(words[0]):
        if len(words) > 1 and words[1].lower() in _WHOLE:
            return None  # "Ringa alla medlemmar två gånger": two rounds of calls, not two members
        following = (
            _head_noun(*_past_adjective(words[1], " " + " ".join(words[2:]))) if len(words) > 1 else ""
        )
        if (
            following
            and following.lower() not in _NOUN_ENDS
            and not _is_verb(following)  # "ska föreningen stå på torget": the verb after who does it
            and re.fullmatch(r"[^\W\d_][\w-]*", following)
        ):
            return following
        return None
    if len(words) > 1 and re.fullmatch(_DOER, words[0], re.IGNORECASE) and words[1][-2:].lower() in _PRESENT:
        # "Föreningen håller medlemsmöte varje månad": who does it, a verb, and what it does, if it is named
        # ("Styrelsen träffas en gång i månaden" names nothing).
        rest = words[2:]
        if (
            not rest
            or rest[0].lower() in _NOUN_ENDS | _WHOLE | _TIMES
            or not re.fullmatch(r"[^\W\d_][\w-]*", rest[0])
        ):
            return None
        return _head_noun(*_past_adjective(rest[0], " " + " ".join(rest[1:])))
    # "Nyhetsbrev till medlemmarna – varje kvartal": the noun it opens with, before a preposition.
    opens_with_noun = len(words) <= 3 or words[1].lower() in _PREPOSITIONS
    if len(words) > 1 and words[1].lower() in ("in", "ut", "upp", "fram", "bort"):
        return None  # "Bjud in styrelsen varje kvartal": a verb and its particle, not a noun
    return words[0].lower() if words[0].lower() not in _NOUN_ENDS and opens_with_noun else None


_PRESENT = {"ar", "er", "as", "år", "ör"}  # the endings of a verb in the present tense: "träffas", "håller"
# A number with its thousands grouped by spaces, as Swedish writes it: "5 000", "1 200 000".
_GROUPED = re.compile(r"(?<![0-9])[0-9]{1,3}(?: [0-9]{3})+(?![0-9])")
# As tables and lists shorten them: "4 ggr/år", "2/termin", "10 st", "1 gång/mån".
_PER_SLASH = re.compile(
    r"(?<=[0-9\w])\s*/\s*(?P<p>år|året|månad|månaden|mån|kvartal|termin|halvår|vecka|veckan|v|"
    r"year|month|quarter|week|term)\b",
    re.IGNORECASE,
)
_SLASHED = {"mån": "månad", "v": "vecka"}
_PLUS = re.compile(r"(?<![\w.,])(?P<n>[0-9]{1,6})\s?\+(?=\s|$)")
_RANGE = re.compile(
    r"(?<![\w.,/:-])(?<!vecka )(?<!v\. )(?<!kl )(?<!week )(?P<low>[0-9]{1,5})\s*[-–]\s*(?P<high>[0-9]{1,5})"
    r"(?=\s+(?P<word>[^\W\d_]+|%))",
    re.IGNORECASE,
)
_BRACKETED_FIGURE = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\s+\((?P<n>[0-9]{{1,4}})\)", re.IGNORECASE)


def _lower_end(match: re.Match[str]) -> str:
    """A range of a count ("10–15 nya medlemmar") as its lower end; days ("1–15 mars"), weeks and hours as
    they are."""
    low, high = int(match.group("low")), int(match.group("high"))
    if low >= high or _MONTHS_AFTER.match(match.group("word")) or _is_year(match.group("low")):
        return match.group(0)
    return f"minst {low}"


_MONTHS_AFTER = re.compile(
    r"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[^\W\d_]*$", re.IGNORECASE
)
_CURRENCY_FIRST = re.compile(
    r"\b(?:SEK|kr\.?)\s*(?P<amount>[0-9]{1,3}(?:[ ,][0-9]{3})+|[0-9]+)(?![0-9])", re.IGNORECASE
)
_COMMA_THOUSANDS = re.compile(
    r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+(?=\s*(?:SEK|kr|kronor)\b)", re.IGNORECASE
)
_SHORT = re.compile(r"(?<=[0-9] )(?:ggr|gg|st\.?)(?=\s|$|[.,;)])", re.IGNORECASE)
_SHORTENED = {"ggr": "gånger", "gg": "gånger", "st": "stycken"}


def parse_target(text: str) -> Target:
    """The measurable target in a goal's wording, or DONE when it is simply done or not done.

    METRIC: "öka antalet följare ... från 1500 till 2000" (years such as "till 2026" are not metrics),
    "ha 400 medlemmar" and "nå 1000 följare" (a goal without a baseline), "öka med 10 procent"
    (change_percent: the baseline decides the goal), "öka medlemsantalet med 20" (change_by, likewise),
    "minst 12 personer på varje träff" (attendance, in deltagare), "minst hälften av styrelsens ledamöter"
    (a share, in %). A budget ("budgeten är 10 000 kr") is no money to raise.
    PEOPLE: "utse tre ansvariga", "minst en person som ansvarar", "utse en valledare och en kassör".
    COUNT: "minst ett ordförandemöte i kvartalet", "två gånger i månaden", "två per termin" (half-year),
    "genomföra fyra stycken medlemsmöten", "samla in 50 000 kronor" (kronor over the year), "minst en ...
    inom respektive område" (per_area; no stated period means the plan's year).
    A lone "en"/"ett" is read as the article unless "minst", a per-area phrase or a period shorter than
    a year follows it, so "Genomföra en utbildning" stays DONE. For "N gånger" the unit is what the goal
    does that often when a verb names it ("schemalägga inlägg ... två gånger i månaden" counts "inlägg").
    """
    english = text if is_english(text) else None
    text = _PER_SLASH.sub(lambda m: " per " + _SLASHED.get(m.group("p").lower(), m.group("p")), text)
    text = _CURRENCY_FIRST.sub(r"\g<amount> SEK", text)  # "SEK 10,000" is 10,000 SEK
    # "20,000 SEK": no sum of money has three decimals; the comma groups thousands, as English writes them.
    text = _COMMA_THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)
    text = _plain(in_swedish_terms(text))
    text = _GROUPED.sub(lambda m: m.group(0).replace(" ", ""), text)  # "5 000 flygblad" is 5000
    text = _APPROXIMATE.sub(lambda m: str(_ROUND_NUMBERS[m.group("n").lower()]), text)
    text = _SHORT.sub(lambda m: _SHORTENED[m.group(0).lower().rstrip(".")], text)
    text = _PLUS.sub(r"minst \g<n>", text)  # "50+ nya medlemmar"
    text = _RANGE.sub(_lower_end, text)  # "10–15 nya medlemmar": at least the lower end
    text = _BRACKETED_FIGURE.sub(r"\g<n>", text)  # "fyra (4) medlemsmöten"
    if not text:
        return DONE
    target = (
        _metric(text)
        or _relative(text)
        or _share(text)
        or _money(text)
        or _attendance(text)
        or _people(text)
        or _stock(text)
        or _count(text)
        or DONE
    )
    if english and target.unit and target.unit.casefold() in english.casefold() and not target.is_amount:
        # An English plan's unit is its English word; Swedish readers get the glossary's Swedish for it.
        target = replace(target, unit=swedish_for(target.unit) or target.unit, unit_en=target.unit)
    return target


_FIGURE = re.compile(
    rf"\b(?P<figure>(?:{_AMOUNT}|tv(?:å|a)|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv|tjugo|femtio|hundra|"
    rf"(?:ett|en)\s+(?:{'|'.join(_ROUND_NUMBERS)}))\b"
    rf"(?:\s*%|\s+{_WORD})?)",
    re.IGNORECASE,
)


# Figures that say when, not how much: "2027-06-15", "12/3", "vecka 12", "v. 12", "kl. 18", "18.30".
_WHEN_FIGURES = re.compile(
    r"\b(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?|[0-9]{1,2}[.:][0-9]{2}\b)"
    r"|\b(?:vecka|veckorna|v\.?|week|kl\.?|klockan|at)\s*[0-9]{1,2}(?:\s*(?:[-–]|och)\s*[0-9]{1,2})*\b",
    re.IGNORECASE,
)


def unread_figure(goal: GoalDraft) -> str | None:
    """A figure in a goal that was read as done / not done ("Dörrknackning – 500 samtal"), which the board
    should check is not its target: the figure and the word after it. Years, dates and durations ("före
    31 december", "under 40 år") are no target, nor is a number that names what is there ("de fyra
    prioriterade områdena")."""
    if goal.target.kind is not TargetKind.DONE:
        return None
    return next(_figures(goal.text), None)


def other_figure(goal: GoalDraft) -> str | None:
    """A figure in a goal read with a target that is not the target's own ("Skriva en debattartikel i
    månaden och 20 insändare under året" read as one a month): the board should check which is meant."""
    target = goal.target
    if target.kind is TargetKind.DONE:
        return None
    read = {target.count, target.goal_value, target.baseline, target.change_percent} - {None}
    read |= {abs(target.change_by)} if target.change_by is not None else set()  # "minska med 5" reads -5
    return next((f for f in _figures(goal.text) if _figure_value(f) not in read), None)


def _figures(text: str) -> Iterator[str]:
    """The figures in a goal that may be targets: the figure and the word after it."""
    text = _WHEN_FIGURES.sub(" ", _plain(text))
    for match in _FIGURE.finditer(text):
        figure = match.group("figure")
        number, word = figure.split()[0], figure.split()[-1] if " " in figure else ""
        before = text[: match.start()].split()
        if _is_year(number) or word.lower() in _DURATIONS or word.lower() in _NUMBER_WORDS:
            continue
        if before and before[-1].lower() in _REFERRING | _LIMITS:
            continue
        yield figure


# "kandidater under 35", "members over 65": a limit that says who, not how many.
_LIMITS = {"under", "över", "over", "above", "below", "aged"}


def _figure_value(figure: str) -> float | None:
    """A figure's number: "2 000 följare" 2000, "5,000 followers" 5000, "tre möten" 3, "ett tiotal" 10."""
    words = figure.split()
    digits = re.match(r"[0-9][0-9 ,.]*", figure)
    if digits is not None:
        number = digits.group(0).strip(" ,.")
        if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", number):  # English thousands
            number = number.replace(",", "")
        try:
            return _amount(number)
        except ValueError:
            return None
    first = words[0].lower()
    if first in ("ett", "en") and len(words) > 1:
        return float(_ROUND_NUMBERS.get(words[1].lower(), 0)) or None
    return float(_NUMBER_WORDS[first]) if first in _NUMBER_WORDS else None


def _validated(target: Target) -> Target:
    """The target if its fields make sense for its kind, else PlanParseError."""
    problems = []
    if target.kind in (TargetKind.COUNT, TargetKind.PEOPLE) and (target.count is None or target.count < 1):
        problems.append("needs a positive count")
    if target.kind is TargetKind.COUNT and target.period is None:
        problems.append("needs a period")
    if target.kind is TargetKind.METRIC and target.goal_value is None and target.change_percent is None:
        problems.append("needs a goal_value or a change_percent")
    if target.kind is not TargetKind.COUNT and (target.period is not None or target.per_area):
        problems.append("period and per_area are for counts only")
    if problems:
        raise PlanParseError(f"target {target.to_dict()}: {', '.join(problems)}")
    return target


# --- plans ---------------------------------------------------------------------------------------------

# Prose sections whose goals are sentences: they talk about the year the plan is for.
_PLAN_YEAR = re.compile(
    r"\b(?:kommande|detta|under)\s+verksamhetsår(?:et)?\b|\bunder\s+(?:året|(?:19|20)[0-9]{2})\b"
    r"|\b(?:i\s+år|kommande\s+år(?:et)?)\b",
    re.IGNORECASE,
)
_GOAL_LABEL = re.compile(
    r"^(?:mål|målet|målsättning(?:en)?|delmål)(?:\s+för\s+\w+)?\s*:\s*(?=\S)", re.IGNORECASE
)
_SHALL = re.compile(r"\b(?:ska|skall|kommer\s+att)\b", re.IGNORECASE)
_SUBORDINATE = {
    "att",
    "om",
    "när",
    "då",
    "där",
    "som",
    "eftersom",
    "innan",
    "tills",
    "så",
    "hur",
    "vad",
    "varför",
}
# Who a plan's "we" is: the district, a branch or association by the names parties give them, or its board.
_DOER = (
    r"(?:vi|distriktet|distrikts?styrelsen|styrelsen|distriktsledningen|(?:parti|lokal|kommun)?föreningen|"
    r"(?:lokal|parti)?avdelningen|kretsen|arbetarekommunen|länsförbundet|förbundet)"
)
# Things to do that a board can tick off; "ska vara", "ska fortsätta" or "ska skifta fokus" are not.
_CONCRETE = re.compile(
    r"\b(?:ska|skall|kommer\s+(?:också\s+|även\s+)?att)\s+(?:(?:också|även|därför|dessutom|under\s+\w+|i\s+år)\s+)?"
    rf"(?:{_DOER}\s+(?:(?:också|även|därför|dessutom)\s+)?)?(?:genomföra|arrangera|anordna|hålla|utse|ordna|starta|bilda|skapa|ta\s+fram|"
    r"genomgå|besöka|bjuda\s+in|erbjuda|utbilda|rekrytera|värva|delta|samla\s+in|öka|nå|skriva|publicera|ge\s+ut|"
    r"skicka|fira|uppmärksamma|träffa|träffas|kontakta|ringa|knacka|dela\s+ut|planera|undersöka|tillsätta|"
    r"välja|inrätta|införa|bygga\s+upp|anställa|producera|sammankalla|kalla\s+till|medverka|lansera|söka|"
    r"gå\s+(?:[^\W\d_]+\s+){0,2}?(?:utbildning|kurs|cirkel|studiecirkel)\w*)"
    # "ska erbjudas", "ska genomföras": the passive commits whoever does it just the same.
    r"s?\b",
    re.IGNORECASE,
)
_COMMITMENT = re.compile(
    rf"\b{_DOER}\s+(?:(?:också|även|därför|dessutom|alltid)\s+)?(?:ska|skall|kommer)\b"
    rf"|\b(?:ska|skall|kommer)\s+{_DOER}\b",
    re.IGNORECASE,
)
# "Vårt mål är att nå 300 medlemmar", "Vi siktar på att värva 20 nya": an aim said as one; with a target it
# binds as "ska" does. "Vi vill …" only with what a branch does ("Vi vill ha gratis buss" is politics).
_AIMED = re.compile(
    r"\b(?:(?:vårt|vår|föreningens|distriktets|styrelsens)\s+(?:mål|målsättning)|målet|målsättningen)\s+är\s+att\b"
    r"|\bvi\s+(?:siktar\s+på\s+att|har\s+som\s+mål\s+att|strävar\s+efter\s+att)\b"
    r"|\bvi\s+vill\s+(?:(?:under\s+året|också|även|i\s+år)\s+)?(?:nå|värva|rekrytera|öka|bli|genomföra|hålla|"
    r"ordna|anordna|arrangera|samla\s+in|skriva|publicera)\b",
    re.IGNORECASE,
)
# "Under våren genomför vi en kampanj": a commitment in the present tense, with something concrete to do.
_DOING_NOW = (
    r"(?:genomför|arrangerar|anordnar|håller|ordnar|startar|bjuder\s+in|besöker|deltar|firar|utser|bildar|"
    r"skapar|ringer|knackar|delar\s+ut|samlar\s+in|genomgår|erbjuder|utbildar|rekryterar|värvar)"
)
_PRESENT_COMMITMENT = re.compile(
    rf"\b{_DOER}\s+(?:också\s+|även\s+)?{_DOING_NOW}\b|\b{_DOING_NOW}\s+{_DOER}\b",
    re.IGNORECASE,
)
# A branch by the names parties give it: partiförening, lokalavdelning, kommunförening (KD, M), krets
# (C), s-förening, arbetarekommun (S), klubb (Ung Vänster).
_BRANCH_NOUN = (
    r"(?:(?:parti|lokal|kommun|s-)?(?:förening|avdelning)(?:ar|en|arna)?|(?:kommun|center)?krets(?:ar|en|arna)?|"
    r"arbetarekommun(?:er|en|erna)?|klubb(?:ar|en|arna)?)"
)
_EACH_BRANCH = re.compile(
    rf"\b(?:alla|varje|samtliga|respektive)\s+{_BRANCH_NOUN}\b"
    rf"|^(?:partiföreningarna|partiföreningar|föreningarna|lokalavdelningarna|kommunföreningarna|kretsarna|"
    r"klubbarna)\s+(?:ska|skall|bör|kommer)\b",
    re.IGNORECASE,
)
# Introductions and closing words set the scene; whatever they promise is spelled out in the sections.
_SCENE_SETTING = {
    "inledning", "avslutning", "förord", "slutord", "sammanfattning", "vision", "visionen",
    "introduction", "foreword", "preface", "summary", "conclusion",
}  # fmt: skip
# Sections that describe where we stand, or what is in the document: nothing in them is a goal.
_BACKGROUND = re.compile(
    r"^(?:nuläge\w*|bakgrund\w*|omvärld\w*|historik|utgångsläge\w*|läget\b|innehåll\w*|"
    r"verksamhetsberättelse\w*|året\s+som\s+gått|förra\s+året|så\s+här\s+ser\s+det\s+ut|"
    r"statistik|fakta|ordlista|kontakt\w*|följ\s+oss|dela\b|om\s+oss|läs\s+mer|relaterat|"
    r"background|current\s+situation|where\s+we\s+stand|contents|the\s+year\s+that\s+passed)",
    re.IGNORECASE,
)
# A list that is goals: under such a heading or introduced so ("Vi ska:", "Mål för året:").
_GOAL_HEADING = re.compile(
    r"\b(?:mål|målsättning\w*|aktiviteter|åtaganden|att\s+göra|vi\s+ska|goals?|objectives?|targets?|"
    r"activities|we\s+will)\b",
    re.IGNORECASE,
)
_GOAL_INTRO = re.compile(
    r"(?:\b(?:ska|skall|kommer\s+att|vill|mål|målen|målsättning\w*|åtar|will|shall|goals?|objectives)\b[^.]*"
    r"|\bvi\s+\w+\s+att)\s*:$",
    re.IGNORECASE,
)
_VERBS = frozenset(
    """genomföra arrangera anordna hålla utse ordna starta bilda skapa ta genomgå besöka bjuda erbjuda utbilda
    rekrytera värva delta samla öka nå skriva publicera ge skicka fira uppmärksamma träffa träffas kontakta
    ringa knacka dela planera undersöka tillsätta välja inrätta införa bygga anställa producera sammankalla
    kalla medverka stötta stödja driva lansera utveckla synas ha verka arbeta jobba stärka fortsätta
    använda bli vara göra se säkerställa sprida lyfta bevaka följa uppmuntra engagera aktivera hjälpa
    prioritera satsa motverka främja förbättra förnya minska sänka höja etablera upprätta sätta ringa
    informera kommunicera samarbeta samverka samordna påverka bedriva erbjuda tydliggöra uppdatera ta
    anta besluta diskutera studera läsa lära introducera välkomna inbjuda mobilisera organisera närvara
    finnas återuppta stå gå""".split()
)
_STATE_WORDS = frozenset(
    "fler mer flera ökad ökat ökade stärkt stärkta bättre starkare större minskad minskat tydligare "
    "högre aktivare synligare".split()
)
_TITLE_WORD = re.compile(
    r"\b(?:verksamhetsplan|aktivitetsplan|handlingsplan|arbetsplan|(?:activity|action|operational|work|annual)"
    r"\s+plan|plan\s+of\s+(?:activities|action))\b",
    re.IGNORECASE,
)
_TITLE_YEAR = re.compile(r"\b(?:19[5-9][0-9]|20[0-9]{2})\b")
_QUOTED = re.compile(r"[\"“”«»„]\s*([^\"“”«»„\n]{1,60}?)\s*[\"“”«»„]")
# How far into the document the title can be: it heads the plan, before the first goal.
_TITLE_SEARCH_LINES = 40


def names_a_plan(line: str) -> bool:
    """Whether a line names a plan: "Verksamhetsplan 2027 för …", "Action plan 2027"."""
    return _TITLE_WORD.search(line) is not None


@dataclass
class _Section:
    title_parts: list[str]
    style: HeadingStyle | None
    bullets: list[list[str]] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    level: int = 0
    intro_says_goals: bool = False  # a line such as "Vi ska:" introduces the list
    lead: int | None = None  # how many prose lines stand before the section's first list item
    english: dict[str, str] = field(default_factory=dict)  # an item's English wording, by its text
    # Sub-items saying how a goal is reached: (the goal's item, the sub-item).
    activities: list[tuple[list[str], list[str]]] = field(default_factory=list)

    @property
    def title(self) -> str:
        return present_heading(join_lines(self.title_parts))


def _find_title(lines: list[Line]) -> int | None:
    """Index of the plan's title: an early heading naming the "verksamhetsplan" or a line opening with
    it, else the first '# ' heading."""
    seen = 0
    for index, line in enumerate(lines):
        if line.kind is LineKind.CONTINUATION:
            break
        if line.kind is LineKind.BULLET:
            # A web page's navigation comes before the title; a plan's goals come after it.
            seen += 1
            if seen >= _TITLE_SEARCH_LINES or (_goal_like(line.text) and len(line.text.split()) >= 3):
                break
            continue
        if line.kind not in (LineKind.HEADING, LineKind.PROSE):
            continue
        # Prose must open with the word: "Denna verksamhetsplan bygger på ..." is a sentence, not a title.
        named = _TITLE_WORD.match(line.text) if line.kind is LineKind.PROSE else _TITLE_WORD.search(line.text)
        if named and len(line.text) <= 120 and not line.text.endswith("."):
            return index
        seen += 1
        if seen >= _TITLE_SEARCH_LINES:
            break
    return next(
        (i for i, line in enumerate(lines) if line.kind is LineKind.HEADING and line.level == 1),
        None,
    )


def _continues_heading(section: _Section, line: Line) -> bool:
    """A heading printed over two lines: same bold/caps style, both in capitals or the second lower case."""
    if line.style is not section.style or line.style not in (HeadingStyle.BOLD, HeadingStyle.CAPS):
        return False
    if _KIND_HEADING.match(line.text) or _BACKGROUND.match(line.text):
        return False  # "ORGANISATION" over "MÅL" or "NULÄGE": the area, then the kind of text under it
    both_caps = not any(ch.islower() for ch in section.title_parts[-1] + line.text)
    return both_caps or line.text[:1].islower()


def _sections(lines: list[Line], skip: int | None) -> list[_Section]:
    sections: list[_Section] = []
    bullet: list[str] | None = None
    # "Mål 1. Fler aktiva medlemmar" and the paragraph under it: the paragraph says what the goal means.
    labelled: list[str] | None = None
    after_heading = False
    last_item: list[str] | None = None
    item_depth = 0  # how deep the section's last item stands in its list
    aimed: int | None = None  # how deep the goals under an aim stand (_aim_over_goals)
    for index, line in enumerate(lines):
        if index == skip:
            bullet, labelled, after_heading = None, None, False
            continue
        if line.kind is LineKind.BLANK:
            bullet = None
            continue
        item, last_item = last_item, None  # the item just before this line, blank lines aside
        if line.kind is LineKind.HEADING:
            bullet, labelled, aimed = None, None, None
            if after_heading and sections and _continues_heading(sections[-1], line):
                sections[-1].title_parts.append(line.text)
            else:
                sections.append(_Section([line.text], line.style, level=line.level))
            after_heading = True
            continue
        after_heading = False
        if not sections:
            sections.append(_Section([], None))
        section = sections[-1]
        if (
            line.kind is LineKind.BULLET
            and section.bullets
            and bullet is not None
            and bullet is section.bullets[-1]
            and line.depth > item_depth
            and _aim_over_goals(section.bullets[-1], lines, index)
        ):
            # "Fler aktiva medlemmar" over "Värva 20 nya medlemmar", "Minst 10 aktiva …": an aim heading the
            # goals the board follows up, which are its sub-items.
            aim = section.bullets.pop()
            sections.append(_Section([join_lines(aim)], HeadingStyle.PLAIN, level=section.level + 1))
            section = sections[-1]
            section.intro_says_goals = True
            item_depth = aimed = line.depth
        if line.kind is LineKind.BULLET and aimed is not None and line.depth <= aimed:
            # The aim's goals are goals, not how it is reached (plan_text marks a numbered item's sub-items).
            aimed = aimed if line.depth == aimed else None
            line = replace(line, activity=False)
        if line.kind is LineKind.EMPTY_BULLET:
            bullet = None
        elif (
            line.kind is LineKind.BULLET
            and section.bullets
            and _says_how(section.bullets[-1], item_depth, line)
        ):
            bullet = [line.text]
            section.activities.append((section.bullets[-1], bullet))
        elif line.kind is LineKind.BULLET:
            if bullet is None and section.prose and _GOAL_INTRO.search(section.prose[-1]):
                section.intro_says_goals = True
            if section.lead is None:
                section.lead = len(section.prose)
            if line.number is not None or line.goal:
                section.intro_says_goals = True  # "Mål 3: ...", "Mål: ... / Ansvar: ...": the plan says so
            # "Mål 1: Fler aktiva" alone over a paragraph saying what it means: the paragraph is the goal's.
            # Not so in a run of labelled lines ("Mål 1 – …" / "Mål 2 – …"), nor after one naming whom.
            alone = line.number is not None and bullet is None and not _RESPONSIBLE.search(line.text)
            bullet = last_item = [line.text]
            item_depth = line.depth
            labelled = bullet if alone else None
            section.bullets.append(bullet)
        elif item is not None and (english := _translation(join_lines(item), line.text)):
            section.english[join_lines(item)] = english
            bullet = None
        elif bullet is not None:
            bullet.append(line.text)
        elif labelled is not None:
            if not labelled[-1].endswith((".", "!", "?", ":", ";")):
                labelled[-1] += "."
            labelled.append(line.text)
            bullet = labelled
        else:
            section.prose.append(line.text)
    return sections


def _aim_over_goals(item: list[str], lines: list[Line], index: int) -> bool:
    """Whether the list item before `index` is an aim with no target of its own ("Fler aktiva medlemmar",
    "Synas mer") over sub-items of which most carry one: the sub-items are the goals, the aim their heading.
    A goal with a target ("Värva 20 nya medlemmar") over sub-items says how it is reached (_says_how)."""
    text = join_lines(item)
    if text.endswith((".", ":")) or parse_target(text).kind is not TargetKind.DONE:
        return False
    depth = lines[index].depth
    subs = []
    for line in lines[index:]:
        if line.kind is LineKind.BULLET and line.depth >= depth:
            subs.append(line.text)
        elif line.kind is LineKind.HEADING or (line.kind is LineKind.BULLET and line.depth < depth):
            break
    measurable = sum(parse_target(sub).kind is not TargetKind.DONE for sub in subs)
    return measurable * 2 >= len(subs) > 0


def _says_how(item: list[str], depth: int, line: Line) -> bool:
    """Whether a list's line is a sub-item saying how the goal of the item above it (`depth` deep in its
    list) is reached: under a numbered goal (plan_text marks those), or indented under an item that says
    something to do (not a category such as "Organisation", whose sub-items are the goals); a sub-item in
    lower case that says nothing to do only qualifies its item (_with_details)."""
    under = line.activity or (line.depth > depth and _says_what_to_do(join_lines(item)))
    return under and (line.text[:1].isupper() or _says_what_to_do(line.text))


def _translation(item: str, line: str) -> str | None:
    """The line under a Swedish item that says it in English ("*Hold a members' meeting every month.*"), as
    a plan for members of two languages writes each goal twice: the English wording, without whom it
    names (the Swedish says that)."""
    text = line.strip().strip("*_").strip()
    if text[:1] == "(" and text.endswith(")"):
        text = text[1:-1].strip()
    if not text or not is_english(text) or is_english(item) or not text[:1].isupper():
        return None
    return read_goal(text).text


def _is_commitment(sentence: str) -> bool:
    """We, the district or the board "ska"/"kommer att" do something, in the main clause."""
    for match in _COMMITMENT.finditer(sentence):
        before = sentence[: match.start()].rstrip().rsplit(" ", 1)[-1].lower() if match.start() else ""
        if before not in _SUBORDINATE:
            return True
    return False


def _prose_goals(prose: list[str], *, has_list: bool, lead: str = "") -> list[str]:
    """Commitments written as sentences.

    A sentence is a goal when we, the district or the board "ska"/"kommer att" do something in it (not
    "för att vi ska ..."). Where the section speaks of the plan's year ("kommande verksamhetsår", "under
    året") any such sentence is; elsewhere it must name something concrete to do ("genomföra", "utse",
    "anordna" ...) or carry a target. So is a sentence that a target or something concrete makes a
    commitment of whoever it names ("Minst hälften av styrelsens ledamöter ska ...", "Alla nya medlemmar
    ska erbjudas ..."), one in the present tense ("Under våren genomför vi ..."), and one labelled
    "Mål:". Beside a list of goals, only a sentence with a target is one more, or after the list (`lead` is
    the prose before it) one with something concrete to do: the rest of the prose explains the list.
    """
    text = join_lines(line for line in prose if not line.endswith(":"))
    year_talk = _PLAN_YEAR.search(in_swedish_terms(text)) is not None
    goals = []
    for sentence in sentences(text):
        if sentence.endswith(("?", ":", "!")):
            continue
        labelled = _GOAL_LABEL.match(sentence)
        if labelled:
            goals.append(sentence[labelled.end() :].strip())
            continue
        if goals and RESPONSIBLE_LINE.match(sentence):
            goals[-1] += " " + sentence  # "Ansvarig: Medlemsutskottet" after the goal: read_goal takes it
            continue
        said = in_swedish_terms(sentence)  # an English sentence, in the words the rules know
        measurable = parse_target(sentence).kind is not TargetKind.DONE
        concrete = _CONCRETE.search(said) is not None
        shall = _SHALL.search(said) is not None or (measurable and _AIMED.search(said) is not None)
        if has_list:
            # After the list, "Vi ska också delta i Pride" is one more thing to do, not the list explained.
            if measurable and (_is_commitment(said) or shall):
                goals.append(sentence)
            elif sentence not in lead and concrete and (_is_commitment(said) or shall):
                goals.append(sentence)
        elif _PRESENT_COMMITMENT.search(said):
            goals.append(sentence)
        elif _is_commitment(said) and (year_talk or measurable or concrete):
            goals.append(sentence)
        elif shall and (measurable or concrete):
            goals.append(sentence)
    return goals


# "Ansvarig: Kassören", "(ansvar: styrelsen)", "(ansv. kassören)", "– Responsible: the board.", and in
# brackets without a colon, "(ansvarig styrelsen)": who does the goal, not its words.
# Whom ends where the goal's next field starts on the same line ("Ansvarig: styrelsen  Klart senast: mars").
_NEXT_FIELD = (
    r"(?:klart(?:\s+senast)?|senast|när|tid(?:s?plan)?|deadline|datum|mått|målvärde|mål|uppföljning|budget|"
    r"kostnad|plats|lokal|tidpunkt|when|time|due(?:\s+date)?|done\s+by|target|measure|status|place|venue|"
    r"location|cost)\s*:"
)
_RESPONSIBLE = re.compile(
    rf"(?:^|\s*[–—-]\s*|\s+)\(?{RESPONSIBLE_LABEL}\s*(?P<who>[^.;:()\n]{{2,80}}?)\s*"
    rf"(?:\)|[.;]|$|(?=\s*[·|]?\s*\b{_NEXT_FIELD}))"
    r"|\s*\((?:huvud)?ansvarig[a]?\s+(?!för\b|att\b|är\b)(?P<bracketed>[^.;:()\n]{2,80}?)\)",
    re.IGNORECASE,
)

# Fields a plan writes on a goal's own line after its words: "… varje kvartal. Klart senast: löpande",
# "Deadline: ongoing", "Tid: 18.00. Plats: Folkets hus. Kostnad: 500 kr". When is kept, in brackets, as a
# table's "När" column is; a time of day, where and what it costs are none of what the goal counts (a table's
# "Kostnad" column is left out too), and a clock's "18.00" or a budget's "20 000 kr" no target.
_LINE_FIELD = re.compile(
    r"(?:^|(?<=[\s.;,(|·–—-]))(?P<label>klart(?:\s+senast)?|senast|när|tidpunkt|tid(?:s?plan)?|"
    r"deadline|datum|when|time|due(?:\s+date)?|(?:done|completed?|finished|ready)\s+by|target\s+date|timing|"
    r"date|plats|lokal|kostnad(?:er)?|budget|pris|place|venue|location|where|costs?|price)\s*:\s*",
    re.IGNORECASE,
)
_WHERE_OR_COST = re.compile(
    r"^(?:plats|lokal|kostnad|budget|pris|place|venue|location|where|cost|price)", re.IGNORECASE
)
_TIME_OF_DAY = re.compile(
    r"^(?:kl\.?|klockan|at)?\s*[0-9]{1,2}(?:[.:][0-9]{2})?(?:\s*[-–]\s*[0-9]{1,2}(?:[.:][0-9]{2})?)?"
    r"\s*(?:am|pm|a\.m\.|p\.m\.)?$",
    re.IGNORECASE,
)


def _line_fields(text: str) -> str:
    """A goal's words without the fields written after them (_LINE_FIELD), with when in brackets: "Ordna
    medlemsmöte. Tid: våren. Plats: ABF" -> "Ordna medlemsmöte (våren)". As written when the fields are
    followed by more than their values (a sentence after them is not known to be one)."""
    found = [
        m
        for m in _LINE_FIELD.finditer(text)
        if any(ch.isalpha() for ch in text[: m.start()])
        # "Kvinnor på valbar plats: minst 50 procent": a place's word in the goal's own, not its field
        and not (
            _WHERE_OR_COST.match(m["label"])
            and m["label"][0].islower()
            and not text[: m.start()].rstrip().endswith(tuple(".;,(|·\u2013\u2014-"))
        )
    ]
    if not found:
        return text
    when = []
    for said, following in zip(found, [*found[1:], None], strict=True):
        value = text[said.end() : following.start() if following else len(text)].strip(" ;,|·–—-")
        value = value.removesuffix(")").removesuffix(".").strip()
        if not value or re.search(r"[.;!?](?:\s|$)", value):
            return text  # "Tid: våren. Vi bjuder in alla": more than a field's value
        if not _WHERE_OR_COST.match(said["label"]) and not _TIME_OF_DAY.match(value):
            when.append(value)
    words = text[: found[0].start()].rstrip(" .;,|·–—-(")
    return f"{words} ({'; '.join(when)})" if when else words


def read_goal(text: str) -> GoalDraft:
    """A goal as the plan's words make it: its target, whether every branch does it, and who the plan
    names responsible for it (taken out of its text)."""
    label = LABELLED_ITEM.match(text)
    if label is not None and text[label.end() :].strip():
        text = text[label.end() :].strip()
    named = _RESPONSIBLE.search(text)
    responsible = None
    if named is not None:
        rest = re.sub(r"\s+(?=[.;,])", "", text[: named.start()] + " " + text[named.end() :]).strip(" ,")
        if any(ch.isalpha() for ch in rest):
            text, responsible = rest, (named.group("who") or named.group("bracketed")).strip()
    text = _line_fields(text)
    return GoalDraft(
        text=text,
        target=parse_target(text),
        # Whom the goal concerns, not where its activity is done ("– Aktivitet: … i varje lokalavdelning").
        applies_to_branches=_EACH_BRANCH.search(in_swedish_terms(ACTIVITY_PART.sub("", text))) is not None,
        responsible=responsible,
        # "Mål 1.2" numbers the goal under its chapter: the bot's numbers run through the plan.
        plan_number=int(label.group("number")) if label and label.group("number").isdigit() else None,
    )


def _says_what_to_do(text: str) -> bool:
    """It opens with a verb ("Genomföra ...", "Utse ...") or a change ("Fler medlemmar ..."), commits
    someone ("Distriktet ska ..."), or carries a target; in English too ("Knock on doors ...")."""
    words = in_swedish_terms(text).split()
    if len(words) > 1 and words[0].casefold() == "att":
        words = words[1:]  # "Att värva 50 nya medlemmar": the infinitive's mark before the verb
    first = words[0].strip(".,:;!?()\"'”“").casefold() if words else ""
    return (
        first in _VERBS
        or first in _STATE_WORDS
        or (first.endswith("era") and len(first) > 5)
        or _COMMITMENT.search(text) is not None
        or re.search(r"\b(?:ska|skall|kommer\s+att)\b", text, re.IGNORECASE) is not None
        or parse_target(text).kind is not TargetKind.DONE
    )


def _goal_like(text: str) -> bool:
    """An item that says something to do (_says_what_to_do), or is a sentence; not a line of a budget."""
    words = text.split()
    if _budget_line(text):
        return False
    return _says_what_to_do(text) or (len(words) >= 6 and any(w.islower() for w in words[1:]))


# "Partistöd: 2 400 000 kr", "Lokalhyra – 36 000 kronor", "Income: SEK 120,000": a budget's line, a post and
# its amount. Nothing in it is to be done.
_BUDGET_LINE = re.compile(
    r"^(?P<post>[^\W\d_][^\W\d]*(?:\s+[^\W\d]+){0,4})\s*(?:[:–—-]\s*|\s)(?:ca\.?\s*)?"
    r"(?:(?:sek|kr)\s*)?[0-9][0-9 .,]*\s*(?:kr|kronor|sek|tkr|mkr|:-)?\.?$",
    re.IGNORECASE,
)


def _budget_line(text: str) -> bool:
    match = _BUDGET_LINE.match(_plain(text))
    if match is None or _is_verb(match.group("post").split()[0]):
        return False
    return bool(re.search(r"\b(?:kr|kronor|sek|tkr|mkr)\b|:-", text, re.IGNORECASE))


def _with_details(items: list[str]) -> list[str]:
    """Items with the sub-items that only qualify them: after an item written as a sentence (a capital, a
    full stop), one in lower case that says nothing to do of its own ("ett på våren och ett på hösten")
    is a detail of it, as a sub-item in Word is, and is kept with it in brackets."""
    result: list[str] = []
    for item in items:
        last = result[-1] if result else ""
        if last[:1].isupper() and last.endswith(".") and item[:1].islower() and not _says_what_to_do(item):
            result[-1] = f"{last[:-1]} ({item.rstrip('.')})."
        else:
            result.append(item)
    return result


# Longer lines than this are a paragraph's, not a list's items.
_ITEM_WORDS = 14


def _unbulleted(section: _Section) -> _Section:
    """A list that lost its bullet signs (a PDF from a design program, text copied from a web page): a
    section without items whose lines (after an intro such as "Vi ska:") each start a new text with a
    capital, are short and do not run on ("… i samarbete med"), and mostly say something to do, is that
    list. A line in lower case goes on with the one above; "Ansvarig: …" stays with its goal."""
    aims = _KIND_HEADING.match(section.title) is not None  # "Målsättning" over one line or a few
    if section.bullets or len(section.prose) < (1 if aims else 2):
        return section
    intro = 0
    while (
        intro < len(section.prose)
        and section.prose[intro].endswith(":")
        and not RESPONSIBLE_LINE.match(section.prose[intro])
    ):
        intro += 1
    items: list[list[str]] = []
    for line in section.prose[intro:]:
        if items and (line[:1].islower() or RESPONSIBLE_LINE.match(line)):
            items[-1].append(line)
        elif line[:1].isupper():
            items.append([line])
        else:
            return section
    texts = [join_lines(parts) for parts in items]
    ends = [parts[-1].rstrip() for parts in items]
    if (
        len(items) < (1 if aims else 2)
        or any(len(parts[0].split()) > _ITEM_WORDS for parts in items)
        or any(end.endswith((",", ";")) or end.rsplit(" ", 1)[-1].lower() in GOES_ON for end in ends)
        or (not aims and sum(map(_says_what_to_do, texts)) * 2 < len(texts) + 1)
    ):
        return section
    return replace(
        section,
        bullets=items,
        prose=section.prose[:intro],
        lead=intro,
        intro_says_goals=bool(intro) and _GOAL_INTRO.search(section.prose[intro - 1]) is not None,
    )


def _list_goals(section: _Section, later_headings: set[str]) -> list[str]:
    """The section's list items that are goals: all of them when the heading or the line before the list
    says they are ("Vi ska:"), or when most of them read as things to do; none when they are a table of
    contents (every item a heading further on) or a list of names and nouns."""
    items = [join_lines(parts) for parts in section.bullets]
    items = _with_details([text for text in items if any(ch.isalpha() for ch in text)])
    if not items:
        return []
    if all(fold(item) in later_headings for item in items):
        return []
    if section.intro_says_goals or _GOAL_HEADING.search(section.title):
        return items
    if sum(map(_goal_like, items)) * 2 >= len(items):
        return items
    return []


_AREA_HEADING = re.compile(
    r"\b(?:prioriterade\s+områden|fokusområden|prioriteringar|prioriterade\s+frågor|profilfrågor|"
    r"insatsområden)\b",
    re.IGNORECASE,
)
_AREA_LIST = re.compile(
    r"\b(?:prioriterade\s+områden|fokusområden|prioriterade\s+frågor|profilfrågor|insatsområden)\b"
    r"[^.:]*?(?:\bär\b|:)\s*(?P<names>[^.]+)",
    re.IGNORECASE,
)


def _area_names(text: str) -> list[str]:
    parts = re.split(r",\s*|\s+(?:och|samt)\s+", text.strip().rstrip("."))
    names = [part.strip(" \"“”'") for part in parts if part.strip()]
    if 2 <= len(names) <= 10 and all(1 <= len(name.split()) <= 4 for name in names):
        return [name[0].upper() + name[1:] for name in names]
    return []


def _priority_areas(sections: list[_Section]) -> tuple[str, ...]:
    """The plan's priority areas, where it names them: quoted names in a sentence about the prioritised
    areas, a sentence listing them ("Våra prioriterade områden är bostad, arbete och klimat"), or a short
    list of names under such a heading or intro."""
    for section in sections:
        for sentence in sentences(join_lines(section.prose)):
            if "priorit" not in sentence.lower():
                continue
            names = [name.strip() for name in _QUOTED.findall(sentence) if name.strip()]
            if len(names) >= 2:
                return tuple(dict.fromkeys(names))
    for section in sections:
        named = _AREA_HEADING.search(section.title) or (
            section.prose and _AREA_HEADING.search(section.prose[-1])
        )
        items = [join_lines(parts) for parts in section.bullets]
        if named and 2 <= len(items) <= 10 and not any(map(_goal_like, items)):
            return tuple(dict.fromkeys(present_heading(item.rstrip(".")) for item in items))
        for match in _AREA_LIST.finditer(join_lines(section.prose)):
            names = _area_names(match.group("names"))
            if names:
                return tuple(dict.fromkeys(names))
    return ()


def _background(sections: list[_Section]) -> list[bool]:
    """Whether each section describes background (Nuläge, Bakgrund, a table of contents ...), its own
    sub-sections included."""
    result = []
    inside: int | None = None  # the level of the background heading we are under
    for section in sections:
        if inside is not None and (section.level > inside or section.level == 0):
            # a sub-heading, or a label without a level ("I dag har distriktet:") under the background one
            result.append(True)
            continue
        inside = None
        background = _BACKGROUND.match(section.title) is not None
        if background and section.level:
            inside = section.level
        result.append(background)
    return result


# Headings that say what kind of text follows, not what it is about: under an area's heading ("ORGANISATION"
# over "MÅL", "NULÄGE", "AKTIVITETER"; "## Medlemmar" over "### Mål") the goals are the area's.
_KIND_HEADING = re.compile(
    r"^(?:mål|målen|målsättning(?:ar|en)?|delmål|aktiviteter|aktivitet|åtgärder|insatser|strategier|"
    r"strategier\s*(?:,|och|/)\s*aktiviteter|mål\s+och\s+aktiviteter|goals|objectives|activities|actions)"
    r"(?:\s+(?:för|under|i)\s+(?:år\s+)?[0-9]{4}|\s+[0-9]{4})?:?$",
    re.IGNORECASE,
)


def _titles(sections: list[_Section], background: list[bool]) -> list[str]:
    """Each section's title as the bot shows it: a heading such as "Mål" or "Aktiviteter" under an area's
    heading (one of a lower level, or a heading with nothing under it before the kind of text) takes the
    area's title."""
    titles = []
    area: _Section | None = None
    for index, section in enumerate(sections):
        if background[index]:
            titles.append(section.title)  # "NULÄGE" between "MÅL" and "AKTIVITETER" of one area
        elif not _KIND_HEADING.match(section.title):
            empty = not section.bullets and not section.prose
            # The party's name under the title ("S-föreningen Alnö") is no area of the plan.
            named = section.title and _PARTY.search(section.title) is None
            area = section if named and (empty or section.level) else None
            titles.append(section.title)
        elif area is not None and (not area.bullets and not area.prose or area.level < section.level):
            titles.append(area.title)
        else:
            titles.append(section.title)
    return titles


_PARTY = re.compile(
    r"\b(?:vänsterpartiet|socialdemokraterna|miljöpartiet|centerpartiet|liberalerna|kristdemokraterna|"
    r"moderaterna|sverigedemokraterna|arbetarekommun|partiförening|ung\s+vänster|green\s+party|"
    r"left\s+party|social\s+democrats|liberals|moderates|centre\s+party|christian\s+democrats|"
    r"(?:s|v|c|m|l|kd|mp)-förening\w*|s-kvinnor|ssu|luf|muf|cuf|kdu)\b",
    re.IGNORECASE,
)


def parse_plan(text: str) -> PlanDraft:
    """A plan's text as sections of goals.

    Goals are the list items of each section (an item runs until a blank line, the next item or a heading)
    when the list is one of goals (see `_list_goals`), and commitments written in prose (see
    `_prose_goals`). Whatever stands before the plan's title (a web page's navigation) is left out, and so
    are sections that describe background (Nuläge, Bakgrund, a table of contents) or only set the scene
    (Inledning, Avslutning, ...).

    Sections that end up with no goals (introductions, visions, "Det här är bara början") are left out:
    the bot tracks goals, and an empty section would only be an empty heading in every list. Each
    sub-heading (e.g. "**Internationella kvinnodagen**") is a section of its own.

    Raises PlanParseError when the text has no goals at all.
    """
    lines = layout(text, _says_what_to_do)
    title_index = _find_title(lines)
    title = present_heading(lines[title_index].text) if title_index is not None else None
    year_match = _TITLE_YEAR.search(title) if title else None
    if title_index is not None:
        lines = [Line(LineKind.BLANK)] * title_index + lines[title_index:]
    parsed = _sections(lines, title_index)
    headings = [fold(section.title) for section in parsed]
    background = _background(parsed)

    drafts: list[SectionDraft] = []
    set_aside = []
    activities: dict[str, list[str]] = {}
    unread: list[str] = []
    areas = _priority_areas(parsed)
    titles = _titles(parsed, background)
    # The party's name under the title ("Miljöpartiet de gröna i Örebro län") is no section of the plan.
    subtitle = next((i for i, section in enumerate(parsed) if section.title), None)
    if subtitle is not None and (_PARTY.search(parsed[subtitle].title) is None or parsed[subtitle].bullets):
        subtitle = None
    for index, section in enumerate(parsed):
        first_word = section.title.split(" ", 1)[0].casefold()
        # A heading that names the plan ("Verksamhetsplan 2027" under a web page's title) is its title again.
        has_text = (
            bool(section.title and (section.bullets or section.prose))
            and index != subtitle
            and not names_a_plan(section.title)
        )
        if background[index] or first_word in _SCENE_SETTING:
            unread += [section.title] if has_text else []
            continue
        section = _unbulleted(section)
        texts = _list_goals(section, set(headings[index + 1 :]))
        items = tuple(join_lines(parts) for parts in section.bullets)
        if (
            items
            and not texts
            and not _AREA_HEADING.search(section.title)
            and set(items) - set(areas)
            and not all(map(_budget_line, items))
        ):
            set_aside.append((section.title or title or "", items))
            has_text = False  # the review names the list itself
        # In the plan's order: sentences before the list come before its items ("mål 5" is the fifth).
        lead = join_lines(section.prose[: section.lead or 0])
        prose = _prose_goals(section.prose, has_list=bool(texts), lead=lead)
        texts = [t for t in prose if t in lead] + texts + [t for t in prose if t not in lead]
        by_text: dict[str, str] = {}  # each goal's text as the plan's words give it, as read
        if texts:
            heading = titles[index] or title or "Mål"
            goals = tuple(replace(read_goal(text), text_en=section.english.get(text)) for text in texts)
            by_text = {text: goal.text for text, goal in zip(texts, goals, strict=True)}
            if drafts and drafts[-1].title == heading:  # "Mål" and "Aktiviteter" under one area
                drafts[-1] = replace(drafts[-1], goals=drafts[-1].goals + goals)
            else:
                drafts.append(SectionDraft(heading, goals))
        elif has_text:
            unread.append(section.title)
        loose = []
        for item, parts in section.activities:
            if (goal_text := by_text.get(join_lines(item))) is not None:
                activities.setdefault(goal_text, []).append(join_lines(parts))
            else:
                loose.append(join_lines(parts))
        if loose:
            set_aside.append((titles[index] or title or "", tuple(loose)))
    if not drafts:
        raise PlanParseError(
            "no goals found: expected goals under headings, as a list or as sentences", "no_goals"
        )
    branches = plan_branches(parsed)
    return PlanDraft(
        title=title,
        year=int(year_match.group(0)) if year_match else None,
        sections=tuple(drafts),
        priority_areas=areas,
        set_aside=tuple((t, items) for t, items in set_aside if set(items) - set(branches)),
        branches=branches,
        activities=tuple((goal, tuple(items)) for goal, items in activities.items()),
        unread_sections=tuple(dict.fromkeys(unread)),
    )


# What a plan calls its branches; a heading of only this word (and "våra", "distriktets") lists them, and
# "Distriktet har partiföreningar i Sundsvall, Härnösand och Timrå." names them in prose.
_BRANCH_WORDS = (
    r"(?:parti)?f(?:ö|o)reningar(?:na)?|lokalavdelningar(?:na)?|lokalf(?:ö|o)reningar(?:na)?|"
    r"lokalgrupper(?:na)?|kretsar(?:na)?|arbetarekommuner(?:na)?|(?:local\s+)?(?:branches|groups)"
)
_BRANCH_HEADING = re.compile(
    rf"^(?:(?:v(?:å|a)ra|distriktets|our)\s+)?(?:{_BRANCH_WORDS})\s*:?$", re.IGNORECASE
)
_BRANCH_LINE = re.compile(  # "Partiföreningar: Sundsvall, Härnösand och Timrå."
    rf"^(?:(?:v(?:å|a)ra|distriktets|our)\s+)?(?:{_BRANCH_WORDS})\s*:\s*(.+)$", re.IGNORECASE
)
_BRANCH_SENTENCE = re.compile(
    rf"\b(?:har|finns|has)\b[^.:;]*?\b(?:{_BRANCH_WORDS})\s+(?:i|in|:)\s+([^.;]+)", re.IGNORECASE
)
_BRANCH_NAME = re.compile(r"[A-ZÅÄÖÉ][\w\-]*(?:\s+[A-ZÅÄÖÉa-zåäöé][\w\-]*){0,3}")
_LIST_END = re.compile(r"\s*(?:…|\.\.\.|m\.\s?fl\.?|med flera|etc\.?|and more)\s*$", re.IGNORECASE)


def _branch_names(text: str) -> list[str]:
    """The names in "Sundsvall, Härnösand, Timrå …" or "Sundsvall, Härnösand och Timrå"; none unless each
    part is a name (capitalised, one to four words, no digits)."""
    text = _LIST_END.sub("", text.strip().rstrip(".:;!"))
    parts = [p.strip(" •-–*") for p in re.split(r",|\s+(?:och|samt|and)\s+", text)]
    parts = [_LIST_END.sub("", p).strip() for p in parts if p.strip(" •-–*")]
    if not parts or not all(_BRANCH_NAME.fullmatch(p) and len(p) <= 40 for p in parts):
        return []
    return parts


def plan_branches(sections: list[_Section]) -> tuple[str, ...]:
    """The branches the plan names: the items (or the one line) under a heading that is only the word for
    branches, or a sentence that says where the district has branches. Each name once, in the plan's order."""
    found: list[str] = []
    for index, section in enumerate(sections):
        prose = " ".join(section.prose)
        if _BRANCH_HEADING.match(section.title.strip()):
            items = [join_lines(parts) for parts in section.bullets] or prose.split(". ")[:1]
            after = sections[index + 1] if index + 1 < len(sections) else None
            if not any(items) and after is not None and not after.bullets and not after.prose:
                # A short line of names reads as a heading of its own; a table's header has rows under it.
                items = [after.title]
            for item in items:
                found += _branch_names(item)
        for match in _BRANCH_SENTENCE.finditer(prose):
            found += _branch_names(match.group(1))
        for line in (section.title, *section.prose):
            if listed := _BRANCH_LINE.match(line.strip()):
                found += _branch_names(listed.group(1))
    unique: dict[str, str] = {}
    for name in found:
        unique.setdefault(fold(name), name)
    return tuple(unique.values())


# --- the bundled sample plan ------------------------------------------------------------------------------


def plan_from_mapping(data: Mapping[str, Any]) -> PlanDraft:
    """A plan written out as data (the sample plan's TOML shape), every target checked.

    Shape: title, year, priority_areas, and [[sections]] with title, title_en and [[sections.goals]]
    with text, text_en, applies_to_branches and target = {kind, count, period, unit, per_area, baseline,
    goal_value}. Raises PlanParseError on anything missing or out of place.
    """
    try:
        sections = []
        for section in data["sections"]:
            goals = []
            for goal in section["goals"]:
                target = _validated(Target.from_dict(goal.get("target", {"kind": "done"})))
                goals.append(
                    GoalDraft(
                        text=str(goal["text"]),
                        target=target,
                        applies_to_branches=bool(goal.get("applies_to_branches", False)),
                        text_en=goal.get("text_en"),
                        read_as=goal.get("read_as"),
                        responsible=goal.get("responsible"),
                        plan_number=goal.get("plan_number"),
                    )
                )
            sections.append(SectionDraft(str(section["title"]), tuple(goals), section.get("title_en")))
        return PlanDraft(
            title=data.get("title"),
            year=data.get("year"),
            sections=tuple(sections),
            priority_areas=tuple(data.get("priority_areas", ())),
            set_aside=tuple((str(t), tuple(map(str, items))) for t, items in data.get("set_aside", ())),
            branches=tuple(map(str, data.get("branches", ()))),
            unread_pages=tuple(map(int, data.get("unread_pages", ()))),
            activities=tuple((str(g), tuple(map(str, items))) for g, items in data.get("activities", ())),
            unread_sections=tuple(map(str, data.get("unread_sections", ()))),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, PlanParseError):
            raise
        raise PlanParseError(f"plan data does not fit the plan model: {error!r}") from error


def plan_to_mapping(draft: PlanDraft) -> dict[str, Any]:
    """A plan as data, the shape `plan_from_mapping` reads (a plan under review is kept so)."""
    return {
        "title": draft.title,
        "year": draft.year,
        "priority_areas": list(draft.priority_areas),
        "set_aside": [[title, list(items)] for title, items in draft.set_aside],
        "branches": list(draft.branches),
        "unread_pages": list(draft.unread_pages),
        "activities": [[goal, list(items)] for goal, items in draft.activities],
        "unread_sections": list(draft.unread_sections),
        "sections": [
            {
                "title": section.title,
                **({"title_en": section.title_en} if section.title_en else {}),
                "goals": [
                    {
                        "text": goal.text,
                        **({"text_en": goal.text_en} if goal.text_en else {}),
                        **({"read_as": goal.read_as} if goal.read_as else {}),
                        **({"responsible": goal.responsible} if goal.responsible else {}),
                        **({"plan_number": goal.plan_number} if goal.plan_number else {}),
                        "applies_to_branches": goal.applies_to_branches,
                        "target": goal.target.to_dict(),
                    }
                    for goal in section.goals
                ],
            }
            for section in draft.sections
        ],
    }


def load_sample_plan() -> PlanDraft:
    """The plan the bot ships with (bot/data/sample_plan.toml), so a first run has goals to show."""
    source = resources.files("bot.data").joinpath("sample_plan.toml").read_text(encoding="utf-8")
    return plan_from_mapping(tomllib.loads(source))
