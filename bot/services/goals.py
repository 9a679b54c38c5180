"""The plan as members see it: goals and their targets, by number, by section and by word. Framework-free."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.i18n import COURTESY, NUMBER_WORDS, area_name, english_in_number, english_unit, fold, swedish_unit


class TargetKind(StrEnum):
    COUNT = "count"  # at least N (things) per period, optionally per priority area
    PEOPLE = "people"  # N people named responsible
    METRIC = "metric"  # a number moved from a baseline to a target
    DONE = "done"  # done / not done


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"  # "per termin", "per halvår": January-June and July-December
    YEAR = "year"


AMOUNT_UNIT = "kronor"  # the unit the plan reader gives every amount of money


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    count: int | None = None  # COUNT: how many per period (per area); PEOPLE: how many people
    period: Period | None = None  # COUNT only
    unit: str | None = None  # what is counted or measured, in the plan's words ("ordförandemöte", "följare")
    per_area: bool = False  # COUNT: the count applies to each of the plan's priority areas
    baseline: float | None = None  # METRIC: where we start
    goal_value: float | None = None  # METRIC: where we want to be
    change_percent: float | None = None  # METRIC: "öka med 10 procent": the goal is the baseline moved by it
    change_by: float | None = None  # METRIC: "öka med 20": the goal is the baseline moved by that number
    unit_en: str | None = None  # the unit in English, where the plan gives it

    @property
    def is_amount(self) -> bool:
        """Money to raise ("samla in 50 000 kronor", read with the unit "kronor"): each report is money of
        its own, so reports add up, unlike events that several people may tell of."""
        return self.kind is TargetKind.COUNT and self.unit == AMOUNT_UNIT

    def unit_in(self, language: str, count: float | None = None) -> str | None:
        """The unit in `language`, in the form that agrees with `count` (by default the target's own number):
        "1 medlemsmöte", "2 medlemsmöten"; "1 meeting", "2 meetings". In English the board's or the plan's
        English, else the glossary's; None when neither knows it (a Swedish word in an English sentence
        reads as a mistake)."""
        if count is None:
            count = self.goal_value if self.kind is TargetKind.METRIC else self.count
        plural = count != 1
        if self.unit is None and self.unit_en is None:
            return None
        if language != "en":
            return swedish_unit(self.unit, plural=plural) if self.unit else None
        if self.unit_en:
            return english_in_number(self.unit_en, plural=plural)
        return english_unit(self.unit, plural=plural)

    def to_dict(self) -> dict[str, Any]:
        return {
            k: (str(v) if isinstance(v, StrEnum) else v) for k, v in self.__dict__.items() if v is not None
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Target:
        values = dict(data)
        values["kind"] = TargetKind(values["kind"])
        if values.get("period") is not None:
            values["period"] = Period(values["period"])
        return cls(**values)


DONE = Target(TargetKind.DONE)


_POST_UNITS = frozenset({"inlagg", "post", "posts", "prompts"})


@dataclass(frozen=True)
class Goal:
    id: int
    number: int
    section: str
    section_en: str | None
    text: str
    text_en: str | None
    target: Target
    applies_to_branches: bool
    responsible_in_plan: str | None = None  # whom the plan names ("Ansvarig: Kassören"), as it wrote it
    # The targets the board changed in chat, oldest first: (when it was changed, UTC; the target until then)
    targets_before: tuple[tuple[datetime, Target], ...] = ()

    def text_in(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text

    def section_in(self, language: str) -> str:
        return self.section_en if language == "en" and self.section_en else self.section

    @property
    def counts_posts(self) -> bool:
        """Whether the goal counts the board's posts in the channel (the sample plan's "minst två inlägg i
        månaden ... för att få i gång diskussioner"): a count whose unit is posts."""
        return self.target.kind is TargetKind.COUNT and fold(self.target.unit or "") in _POST_UNITS


@dataclass(frozen=True)
class Plan:
    district_id: int
    district: str
    title: str | None
    year: int | None
    goals: tuple[Goal, ...]
    priority_areas: tuple[str, ...] = ()
    example: bool = False  # the bot's sample plan, until the district's own is imported
    areas_en: Mapping[str, str] = field(default_factory=dict)  # folded area -> the board's English

    def area_in(self, area: str, language: str) -> str:
        return area_name(area, language, self.areas_en)

    def areas_in(self, language: str) -> tuple[str, ...]:
        return tuple(self.area_in(area, language) for area in self.priority_areas)

    def area_names(self) -> dict[str, str]:
        """Each name an area is known by (Swedish and English) -> the area as the plan names it."""
        names = {self.area_in(area, "en"): area for area in self.priority_areas}
        return names | {area: area for area in self.priority_areas}

    @property
    def example_number(self) -> int | None:
        """A goal to name in an example that must answer: the sixth, or the last of a shorter plan."""
        return self.goals[min(5, len(self.goals) - 1)].number if self.goals else None

    def goal(self, number: int) -> Goal | None:
        if 1 <= number <= len(self.goals) and self.goals[number - 1].number == number:
            return self.goals[number - 1]
        return next((goal for goal in self.goals if goal.number == number), None)

    def goal_by_id(self, goal_id: int) -> Goal | None:
        """The stored goal a check-in names (its number may since have changed)."""
        return next((goal for goal in self.goals if goal.id == goal_id), None)

    def by_section(self, language: str) -> list[tuple[str, list[Goal]]]:
        groups: list[tuple[str, list[Goal]]] = []
        for goal in self.goals:
            title = goal.section_in(language)
            if not groups or groups[-1][0] != title:
                groups.append((title, []))
            groups[-1][1].append(goal)
        return groups

    def search(self, query: str) -> list[Goal]:
        """Goals whose text or section has every word of the query in some form of it, forgiving case and
        å/ä/ö: "utbildningar" finds "utbildning", "möte" "möten" and "ordförandemötet", "medlem"
        "medlemmar" and "medlemsmöte", "trainings" "training"; but "möte" not "ledamöter" (a word is found as
        a whole word, or as a part of a compound, not as any run of letters). A compound is also found as
        its parts ("ordförandemöten" in "ordförande till ett möte"). A short word is found only where a word
        begins ("val" in "valet", not in "kvalitet"; "EU" not in "neutral")."""
        words = fold(query).split()
        if not words:
            return []
        hits = []
        for goal in self.goals:
            text = " ".join(filter(None, (goal.text, goal.text_en, goal.section, goal.section_en)))
            said = [{token, *_forms(token)} for token in set(fold(text).split())]
            if all(_said(word, said) or _said_apart(word, said) for word in words):
                hits.append(goal)
        return hits


# Endings of Swedish and English inflected forms (folded), longest first: a search word without them is
# found in any form ("medlemmarna", "utbildningar", "meetings").
_ENDINGS = (
    *("arnas", "ernas", "ornas", "arna", "erna", "orna"),
    *("ens", "ets", "ar", "er", "or", "na", "en", "et", "s"),
)
# What may follow a word in a form of it, when that is short ("möten", "mötet", "regeln", "kanaler",
# "meetings", "webbinarium" for "webbinarier"); "r" only after a vowel that takes it ("studier", "skor"):
# "ledamöter" is no form of "möte".
_SHORT_ENDINGS = frozenset(
    ("n", "t", "s", "a", "e", "na", "en", "et", "ar", "er", "or", "ns", "ts", "es", "ed", "um")
)
# Word endings that make nouns of verbs: "ring" ends "medlemsaktivering" as no part of its compound.
_SUFFIXES = frozenset(("ring", "ning", "ande", "ende", "else", "skap"))
# The longest search word found only where a word begins.
_SHORT = 3
# Shortest a word is left by taking its ending off ("möten" stays: "möt" would find too much).
_STEM = 4


def _said(word: str, said: Sequence[set[str]]) -> bool:
    """Whether a searched word is among the goal's words (each a set of its forms), in some form."""
    return any(_mentions(form, forms) for forms in said for form in _forms(word))


def _said_apart(word: str, said: Sequence[set[str]]) -> bool:
    """Whether a compound searched for is said in its parts: "ordförandemöten" as "ordförande ... möte"."""
    for cut in range(_STEM, len(word) - _STEM + 1):
        first, second = word[:cut], word[cut:]
        firsts = (first, first[:-1]) if first.endswith("s") and len(first) > _STEM else (first,)
        if any(_said(part, said) for part in firsts) and _said(second, said):
            return True
    return False


def _mentions(form: str, said: set[str]) -> bool:
    """Whether a word of a goal, in one of its forms (`said`), is `form` inflected or in a compound: at its
    start ("medlemsmöte" for "medlem"), or as a later part ("ordförandemöte" for "möte") followed by an
    ending or, after the joining "s", a further part ("partiföreningsnivå" for "förening")."""
    for word in said:
        at = word.find(form)
        while at >= 0:
            rest = word[at + len(form) :]
            if at == 0 and (len(rest) >= _SHORT or _inflected(form, rest)):
                return True
            inside = at >= _SHORT and len(form) > _SHORT and form not in _SUFFIXES
            if inside and (_inflected(form, rest) or (rest[:1] == "s" and len(rest) > _SHORT)):
                return True
            at = word.find(form, at + 1)
    return False


def _inflected(form: str, rest: str) -> bool:
    """Whether `rest` after `form` makes a form of the same word: nothing, or an ending."""
    if not rest or rest in _SHORT_ENDINGS:
        return True
    return rest == "r" and (form.endswith("ie") or form[-1] in "aouy")


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _STEM:
            return word[: -len(ending)]
    return word


_VOWELS = frozenset("aeiouy")


def _forms(word: str) -> set[str]:
    """The forms a search word is found by: its stem, and the singular a Swedish plural or definite form
    changes ("studiecirklar" -> "studiecirkel", "regler" -> "regel", "medlemmar" -> "medlem", "möten" ->
    "möte", "sidan" -> "sida")."""
    stem = _stem(word)
    forms = {stem}
    if len(stem) > _STEM and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        forms.add(stem[:-1])
    if len(stem) >= _STEM and stem[-1] in "lnr" and stem[-2] not in _VOWELS:
        forms.add(stem[:-1] + "e" + stem[-1])
    if word.endswith(("en", "an", "et")) and len(word) > _STEM:  # "mötet" -> "möte", "sidan" -> "sida"
        forms.add(word[:-1])
    return forms


def number_in(word: str, *, digits: int = 9) -> int | None:
    """A whole number as written ("6", "#6"), or None. ASCII digits only ("²" and "٣" pass isdigit() but
    are no number anyone means), at most `digits` of them, so it fits the database's integers."""
    bare = word.strip().lstrip("#")
    return int(bare) if bare.isascii() and bare.isdigit() and len(bare) <= digits else None


# "6", "#6", "# 6", "nr 6", "nummer 6", "no. 6", "number 6", "-1" (no goal, but a number: answered as one)
# The words before a goal's number written as a word: "nummer sex", "number six" (folded).
_NUMBER_SIGNS = frozenset(("nr", "nummer", "no", "number"))
_GOAL_NUMBER = re.compile(r"^(?:#\s*|nr\.?\s*|nummer\s+|no\.?\s*|number\s+)?(-?\d{1,9})\.?$", re.IGNORECASE)


def number_word(word: str) -> int | None:
    """A goal's number written as a word ("tre", "Three"), or None."""
    return NUMBER_WORDS.get(fold(word))


def _bare(word: str) -> str:
    """`word` without the punctuation and symbols around it: "3?" -> "3", "👍" -> ""."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start])[0] in "PS" and word[start] not in "#-":
        start += 1
    while end > start and unicodedata.category(word[end - 1])[0] in "PS":
        end -= 1
    return word[start:end]


def goal_number(text: str) -> int | None:
    """The goal a member names after `mål`, or None (then the words are a search): "3", "#3", "nr 3",
    "3?", "3 👍", "3 tack", "tre", "three". A number out of range ("0", "-1", "99") is still a number:
    the answer says which goals there are."""
    words = text.split()
    while words and (not _bare(words[-1]) or fold(words[-1]) in COURTESY):
        words.pop()
    if not words:
        return None
    words[-1] = _bare(words[-1])
    written = " ".join(words)
    match = _GOAL_NUMBER.match(written)
    if match is not None:
        return int(match.group(1))
    if len(words) == 2 and fold(words[0]) in _NUMBER_SIGNS:  # "mål nummer sex", "goal number six"
        words = words[1:]
    return NUMBER_WORDS.get(fold(words[0])) if len(words) == 1 else None


# Who the plan itself names as doing a goal: "Distriktsstyrelsen ska ...", "Distriktet ska ...".
_DOER = re.compile(
    r"^(?P<who>(?:representanter från |alla |ledamöter(?:na)? i )?(?:distriktsstyrelsen(?:s ledamöter)?|"
    r"distriktet|partiföreningarna|partiföreningar|styrelsen)|(?:the )?(?:district )?board members|"
    r"the district board|the board|the district|the branches)\b",
    re.IGNORECASE,
)
# A goal that bids the board choose among its own ("Utse personer i distriktsstyrelsen som ansvarar för …"):
# only the board names its members to a task, so the board answers for it.
_BOARD_CHOOSES = re.compile(
    r"^(?:utse|välj|välja) (?:\w+ )?(?:personer|ledamöter|ledamot|en person|någon) (?:i|ur|inom) "
    r"(?:distrikts)?styrelsen\b"
    r"|^appoint (?:\w+ )?(?:people|members|someone) (?:of|on|from) the (?:district )?board\b",
    re.IGNORECASE,
)


def named_in_plan(text: str) -> str | None:
    """The body the goal's own wording makes responsible, if it names one (e.g. "Distriktsstyrelsen")."""
    if _BOARD_CHOOSES.match(text.strip()):  # in the plan's own language
        return "The district board" if text.strip().lower().startswith("appoint") else "Distriktsstyrelsen"
    match = _DOER.match(text.strip())
    if not match:
        return None
    who = match.group("who")
    return who[0].upper() + who[1:]


# The board as the plan's wording or "Ansvarig:" line names it, folded: "Distriktsstyrelsen ska",
# "Distriktsstyrelsens ledamöter", "Representanter från distriktsstyrelsen", "Ansvarig: Styrelsen".
_BOARD_DOER = re.compile(
    r"^(?:alla |representanter fran |ledamoter(?:na)? i )?(?:the )?(?:distrikts|district )?"
    r"(?:styrelsen?|board)s?\b"
)


def board_in_plan(goal: Goal) -> bool:
    """Whether the plan makes the board responsible for the goal ("styrelsens mål"), as `goals N` reads it:
    its "Ansvarig:" line, else its wording."""
    return bool(_BOARD_DOER.match(fold(goal.responsible_in_plan or named_in_plan(goal.text) or "")))
