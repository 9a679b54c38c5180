"""Reading a plan: its sections, goals and their measurable targets, from the plan's own text.

Framework-free: no botbuilder, no aiohttp, no SQL. `parse_plan` turns a plan's extracted text into a
`PlanDraft`; `parse_target` turns one goal's wording into a structured `Target`; `load_sample_plan` reads the
plan the bot ships with. The layout work (line numbers, columns, hyphenation) lives in `plan_text`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from bot.services.goals import DONE, Period, Target, TargetKind
from bot.services.plan_text import (
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

    @property
    def goals(self) -> list[GoalDraft]:
        return [goal for section in self.sections for goal in section.goals]


class PlanParseError(ValueError):
    """The text does not look like a plan the importer understands (e.g. no goals at all)."""


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
}
_NUM = r"(?:[0-9]{1,6}|" + "|".join(_NUMBER_WORDS) + r")"
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
_METRIC_REACH = re.compile(rf"\bnå\s+(?:minst\s+)?(?P<b>{_AMOUNT})\s*(?P<ub>{_AMOUNT_UNIT})", re.IGNORECASE)
_COUNTED_THING = re.compile(rf"\bantal(?:et)?\s+(?P<unit>{_WORD})", re.IGNORECASE)

_PEOPLE_NOUNS = (
    r"(?:ansvariga|ansvarig|personer|person|kontaktpersoner|kontaktperson|samordnare|ombud|"
    r"representanter|representant|ambassadörer|ambassadör)"
)
_PEOPLE = re.compile(
    rf"\b(?:utse|utses|utser|välja|väljs|väljer|tillsätta|tillsätts|rekrytera|ha|finnas|minst|åtminstone)"
    rf"\s+(?:minst\s+|åtminstone\s+)?(?P<num>{_NUM})\s+(?:{_WORD}\s+)?(?P<unit>{_PEOPLE_NOUNS})\b",
    re.IGNORECASE,
)
_PEOPLE_BARE = re.compile(
    rf"\b(?P<num>{_NUM})\s+(?P<unit>ansvariga|kontaktpersoner|samordnare)\b", re.IGNORECASE
)

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
    "veckovis": Period.WEEK,
    "månadsvis": Period.MONTH,
    "månatligen": Period.MONTH,
    "kvartalsvis": Period.QUARTER,
    "årligen": Period.YEAR,
}
_PERIOD = re.compile(
    r"\b(?:i|per|varje|om|var|vart)\s+(?P<p>veckan|vecka|månaden|månad|kvartalet|kvartal|året|år|"
    r"verksamhetsåret|verksamhetsår)\b"
    r"|\b(?P<adverb>veckovis|månadsvis|månatligen|kvartalsvis|årligen)\b"
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
    "månatligen", "kvartalsvis", "veckovis", "löpande", "regelbundet",
}  # fmt: skip
_DURATIONS = {
    "dag", "dagar", "vecka", "veckor", "månad", "månader", "år", "timme", "timmar", "minuter", "kvartal",
    "procent", "kronor", "kr",
}  # fmt: skip
_TIMES = {"gång", "gånger", "gången"}
# "schemalägga inlägg ... minst två gånger i månaden": the thing done that often is the verb's object.
_DOING = re.compile(
    rf"\b(?:schemalägga|publicera|skriva|skicka|hålla|anordna|arrangera|genomföra|ordna|göra|posta|"
    rf"lägga\s+ut|skapa|ha|ge\s+ut)\s+(?:ut\s+)?(?:(?:ett|en|nya|nytt|egna|fler)\s+)?(?P<object>{_WORD})",
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


def _metric(text: str) -> Target | None:
    counted = _COUNTED_THING.search(text)
    for pattern in (_METRIC_FROM_TO, _METRIC_TO, _METRIC_REACH):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            start, goal = groups.get("a"), groups["b"]
            # "från 2022 till 2026" and "fram till 2026" are years, not numbers to move.
            if _is_year(goal) and (start is None or _is_year(start)):
                continue
            unit_words = [groups.get("ub"), groups.get("ua")]
            unit = counted.group("unit") if counted else next((u for u in unit_words if u), None)
            if unit is not None and unit.lower() in {"till", "och", "eller", "under", "per", "i", "på"}:
                unit = None
            if unit is not None and unit.lower() == "procent":
                unit = "%"
            return Target(
                TargetKind.METRIC,
                unit=unit,
                baseline=_amount(start) if start is not None else None,
                goal_value=_amount(goal),
            )
    return None


def _people(text: str) -> Target | None:
    match = _PEOPLE.search(text) or _PEOPLE_BARE.search(text)
    if match is None or _number(match.group("num")) < (2 if match.re is _PEOPLE_BARE else 1):
        return None
    return Target(TargetKind.PEOPLE, count=_number(match.group("num")), unit=match.group("unit"))


def _noun_after(text: str) -> str | None:
    """What a number counts: the head noun after it, or a short list ("utbildning, föreläsning eller ...")."""
    words: list[str] = []
    for raw in text.split(" "):
        word = raw.strip(".,;:!?()\"'”“")
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


def _count(text: str) -> Target | None:
    periods = list(_PERIOD.finditer(text))
    per_area = _PER_AREA.search(text) is not None
    for match in re.finditer(rf"\b{_NUM}\b", text, re.IGNORECASE):
        word = match.group(0)
        if _is_year(word):
            continue
        before = text[: match.start()]
        at_least_match = _AT_LEAST.search(before)
        at_least = at_least_match is not None
        previous = before[: at_least_match.start()] if at_least_match else before
        previous_word = previous.rstrip().rsplit(" ", 1)[-1].lower() if previous.strip() else ""
        if previous_word in _REFERRING:
            continue
        unit = _noun_after(text[match.end() :].strip())
        if unit is not None and unit.lower() in _DURATIONS:
            continue
        count = _number(word)
        if count < 1:
            continue
        later = [p for p in periods if p.start() > match.start()]
        stated = later[0] if later else (periods[0] if periods else None)
        period = _period_of(stated) if stated else None
        if count == 1 and not at_least:
            # "en"/"ett" is mostly the article: only a count with an explicit, shorter period after it.
            if not (later and period is not Period.YEAR) and not per_area:
                continue
        elif not (at_least or period or per_area):
            continue
        if unit is not None and unit.lower() in _TIMES:
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


def _period_of(match: re.Match[str]) -> Period:
    word = (match.group("p") or match.group("adverb") or "året").lower()
    return _PERIOD_WORDS.get(word, Period.YEAR)


def _done_thing(before: str) -> str | None:
    objects = [m.group("object") for m in _DOING.finditer(before)]
    objects = [o for o in objects if o.lower() not in _NOUN_ENDS and o.lower() not in _NUMBER_WORDS]
    return objects[-1] if objects else None


def parse_target(text: str) -> Target:
    """The measurable target in a goal's wording, or DONE when it is simply done or not done.

    METRIC: "öka antalet följare ... från 1500 till 2000" (years such as "till 2026" are not metrics).
    PEOPLE: "utse tre ansvariga", "minst en person som ansvarar".
    COUNT: "minst ett ordförandemöte i kvartalet", "två gånger i månaden", "minst en ... inom respektive
    område" (per_area; no stated period means the plan's year). A lone "en"/"ett" is read as the article
    unless "minst", a per-area phrase or a period shorter than a year follows it, so "Genomföra en
    utbildning" stays DONE. For "N gånger" the unit is what the goal does that often when a verb names it
    ("schemalägga inlägg ... två gånger i månaden" counts "inlägg"), else "gånger".
    """
    text = _plain(text)
    if not text:
        return DONE
    return _metric(text) or _people(text) or _count(text) or DONE


def _validated(target: Target) -> Target:
    """The target if its fields make sense for its kind, else PlanParseError."""
    problems = []
    if target.kind in (TargetKind.COUNT, TargetKind.PEOPLE) and (target.count is None or target.count < 1):
        problems.append("needs a positive count")
    if target.kind is TargetKind.COUNT and target.period is None:
        problems.append("needs a period")
    if target.kind is TargetKind.METRIC and target.goal_value is None:
        problems.append("needs a goal_value")
    if target.kind is not TargetKind.COUNT and (target.period is not None or target.per_area):
        problems.append("period and per_area are for counts only")
    if problems:
        raise PlanParseError(f"target {target.to_dict()}: {', '.join(problems)}")
    return target


# --- plans ---------------------------------------------------------------------------------------------

# Prose sections whose goals are sentences: they talk about the year the plan is for.
_PLAN_YEAR = re.compile(r"\b(?:kommande|detta|under)\s+verksamhetsår(?:et)?\b", re.IGNORECASE)
_DOER = r"(?:vi|distriktet|distrikts?styrelsen|styrelsen|distriktsledningen)"
_COMMITMENT = re.compile(
    rf"\b{_DOER}\s+(?:(?:också|även|därför|dessutom|alltid)\s+)?(?:ska|skall|kommer)\b"
    rf"|\b(?:ska|skall|kommer)\s+{_DOER}\b",
    re.IGNORECASE,
)
_EACH_BRANCH = re.compile(
    r"\b(?:alla|varje|samtliga|respektive)\s+(?:parti)?förening(?:ar|en|arna)?\b"
    r"|^(?:partiföreningarna|partiföreningar|föreningarna)\s+(?:ska|skall|bör|kommer)\b",
    re.IGNORECASE,
)
# Introductions and closing words set the scene; whatever they promise is spelled out in the sections.
_SCENE_SETTING = {"inledning", "avslutning", "förord", "bakgrund", "slutord", "sammanfattning"}
_TITLE_WORD = re.compile(r"\bverksamhetsplan\b", re.IGNORECASE)
_TITLE_YEAR = re.compile(r"\b(?:19[5-9][0-9]|20[0-9]{2})\b")
_QUOTED = re.compile(r"[\"“”«»„]\s*([^\"“”«»„\n]{1,60}?)\s*[\"“”«»„]")
# How far into the document the title can be: it heads the plan, before the first goal.
_TITLE_SEARCH_LINES = 12


@dataclass
class _Section:
    title_parts: list[str]
    style: HeadingStyle | None
    bullets: list[list[str]] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return present_heading(join_lines(self.title_parts))


def _find_title(lines: list[Line]) -> int | None:
    """Index of the plan's title: an early heading naming the "verksamhetsplan" or a line opening with
    it, else the first '# ' heading."""
    seen = 0
    for index, line in enumerate(lines):
        if line.kind in (LineKind.BULLET, LineKind.CONTINUATION):
            break
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
    both_caps = not any(ch.islower() for ch in section.title_parts[-1] + line.text)
    return both_caps or line.text[:1].islower()


def _sections(lines: list[Line], skip: int | None) -> list[_Section]:
    sections: list[_Section] = []
    bullet: list[str] | None = None
    after_heading = False
    for index, line in enumerate(lines):
        if index == skip:
            bullet, after_heading = None, False
            continue
        if line.kind is LineKind.BLANK:
            bullet = None
            continue
        if line.kind is LineKind.HEADING:
            bullet = None
            if after_heading and sections and _continues_heading(sections[-1], line):
                sections[-1].title_parts.append(line.text)
            else:
                sections.append(_Section([line.text], line.style))
            after_heading = True
            continue
        after_heading = False
        if not sections:
            sections.append(_Section([], None))
        section = sections[-1]
        if line.kind is LineKind.EMPTY_BULLET:
            bullet = None
        elif line.kind is LineKind.BULLET:
            bullet = [line.text]
            section.bullets.append(bullet)
        elif bullet is not None:
            bullet.append(line.text)
        else:
            section.prose.append(line.text)
    return sections


def _prose_goals(prose: list[str]) -> list[str]:
    """Commitments written as sentences, in a section that talks about the plan's year.

    A sentence is a goal when we, the district or the board "ska"/"kommer att" do something in it.
    """
    text = join_lines(line for line in prose if not line.endswith(":"))
    if not _PLAN_YEAR.search(text):
        return []
    return [sentence for sentence in sentences(text) if _COMMITMENT.search(sentence)]


def _goal(text: str) -> GoalDraft:
    return GoalDraft(
        text=text,
        target=parse_target(text),
        applies_to_branches=_EACH_BRANCH.search(text) is not None,
    )


def _priority_areas(sections: list[_Section]) -> tuple[str, ...]:
    """The quoted names in the sentence that speaks of the plan's prioritised areas ("prioriterade")."""
    for section in sections:
        for sentence in sentences(join_lines(section.prose)):
            if "priorit" not in sentence.lower():
                continue
            names = [name.strip() for name in _QUOTED.findall(sentence) if name.strip()]
            if len(names) >= 2:
                return tuple(dict.fromkeys(names))
    return ()


def parse_plan(text: str) -> PlanDraft:
    """A plan's extracted text as sections of goals.

    Goals are the bulleted items of each section (a bullet runs until a blank line, the next bullet or a
    heading). A section without bullets may state its goals in prose: when its text speaks of the plan's
    year ("kommande verksamhetsår", "under verksamhetsåret"), each sentence in which we, the district or
    the board "ska"/"kommer att" do something is a goal; sections that only set the scene (Inledning,
    Avslutning, ...) never have prose goals. Intro lines ("Vi kommer att:") are never goals.

    Sections that end up with no goals (introductions, visions, "Det här är bara början") are left out:
    the bot tracks goals, and an empty section would only be an empty heading in every list. Each
    sub-heading (e.g. "**Internationella kvinnodagen**") is a section of its own.

    Raises PlanParseError when the text has no goals at all.
    """
    lines = layout(text)
    title_index = _find_title(lines)
    title = present_heading(lines[title_index].text) if title_index is not None else None
    year_match = _TITLE_YEAR.search(title) if title else None
    parsed = _sections(lines, title_index)

    drafts = []
    for section in parsed:
        bullets = [join_lines(parts) for parts in section.bullets]
        texts = [text for text in bullets if any(ch.isalpha() for ch in text)]
        if not texts and section.title.split(" ", 1)[0].casefold() not in _SCENE_SETTING:
            texts = _prose_goals(section.prose)
        if texts:
            heading = section.title or title or "Mål"
            drafts.append(SectionDraft(heading, tuple(_goal(text) for text in texts)))
    if not drafts:
        raise PlanParseError("no goals found: expected bulleted goals under headings")
    return PlanDraft(
        title=title,
        year=int(year_match.group(0)) if year_match else None,
        sections=tuple(drafts),
        priority_areas=_priority_areas(parsed),
    )


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
                    )
                )
            sections.append(SectionDraft(str(section["title"]), tuple(goals), section.get("title_en")))
        return PlanDraft(
            title=data.get("title"),
            year=data.get("year"),
            sections=tuple(sections),
            priority_areas=tuple(data.get("priority_areas", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, PlanParseError):
            raise
        raise PlanParseError(f"plan data does not fit the plan model: {error!r}") from error


def load_sample_plan() -> PlanDraft:
    """The plan the bot ships with (bot/data/sample_plan.toml), so a first run has goals to show."""
    source = resources.files("bot.data").joinpath("sample_plan.toml").read_text(encoding="utf-8")
    return plan_from_mapping(tomllib.loads(source))
