"""Corrections the board makes to a plan as it was read: one message each, e.g. "mål 6 mål 4 per kvartal".

Pure: `parse_correction` reads the words after "mål"/"goal", `apply_correction` returns the corrected plan.
The same corrections apply to a plan under review and to the district's stored plan.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.i18n import fold
from bot.services.goals import DONE, Target, TargetKind
from bot.services.plan import GoalDraft, PlanDraft, SectionDraft, parse_target, read_goal


class Field(StrEnum):
    TARGET = "target"
    TEXT = "text"
    SECTION = "section"
    BRANCHES = "branches"  # whether every branch does it
    BASELINE = "baseline"
    PER_AREA = "per_area"  # done in each priority area
    RETIRE = "retire"
    ADD = "add"
    AREAS = "areas"  # the plan's priority areas
    ENGLISH = "english"  # the goal's unit in English ("mål 6 engelska members' meetings")
    AREA_ENGLISH = "area_english"  # an area's English name ("områden Miljö = Environment")


@dataclass(frozen=True)
class Correction:
    field: Field
    number: int | None  # the goal's number in the plan (None: add, areas)
    value: str = ""


class CorrectionError(ValueError):
    """A correction that cannot be made. `problem`: no_goal, no_target, no_number, empty_plan."""

    def __init__(self, problem: str, number: int | None = None, goals: int = 0) -> None:
        super().__init__(problem)
        self.problem = problem
        self.number = number
        self.goals = goals  # how many goals the plan has, for the answer


# The word after the goal's number, Swedish and English, folded (no case, no diacritics).
_FIELD_WORDS = {
    "mal": Field.TARGET,
    "target": Field.TARGET,
    "text": Field.TEXT,
    "avsnitt": Field.SECTION,
    "rubrik": Field.SECTION,
    "section": Field.SECTION,
    "foreningar": Field.BRANCHES,
    "branches": Field.BRANCHES,
    "fran": Field.BASELINE,
    "from": Field.BASELINE,
    "omrade": Field.PER_AREA,
    "omraden": Field.PER_AREA,
    "area": Field.PER_AREA,
    "areas": Field.PER_AREA,
    "bort": Field.RETIRE,
    "stryk": Field.RETIRE,
    "retire": Field.RETIRE,
    "remove": Field.RETIRE,
    "engelska": Field.ENGLISH,
    "english": Field.ENGLISH,
}
_NUMBERED = re.compile(r"^#?(?P<number>[0-9]{1,4})\s+(?P<word>\S+)(?:\s+(?P<value>.*))?$", re.DOTALL)
_ADD = re.compile(r"^(?:ny|nytt|new|add|lägg\s+till)\s+(?P<value>.+)$", re.IGNORECASE | re.DOTALL)
_YES = {"ja", "yes", "j", "y", "on", "alla", "all", "every"}
_NO = {"nej", "no", "n", "off", "inga", "none"}
_EVERY = re.compile(r"^(?:alla|varje|every|each)\s+", re.IGNORECASE)


def parse_correction(args: str) -> Correction | None:
    """The correction in the words after "mål"/"goal", or None when they are no correction ("6", a search).

    "6 mål 4 per kvartal", "6 text Hålla fyra möten", "6 avsnitt Studier", "6 alla föreningar ja",
    "6 från 350", "6 område ja", "6 bort", "ny Studier: Läsa en bok" (section, colon, text).
    """
    args = " ".join(args.split())
    added = _ADD.match(args)
    if added:
        return Correction(Field.ADD, None, added.group("value").strip())
    match = _NUMBERED.match(args)
    if match is None:
        return None
    word = fold(match.group("word"))
    value = (match.group("value") or "").strip()
    if word in ("alla", "every", "each", "varje") and value:
        first, _, rest = value.partition(" ")
        word, value = fold(first), rest.strip()
    field = _FIELD_WORDS.get(word)
    if field is None:
        return None
    return Correction(field, int(match.group("number")), value)


def parse_areas(args: str) -> tuple[str, ...]:
    """ "Vården, Bostäder och Klimatet" as the plan's priority areas."""
    parts = re.split(r"\s*[,;]\s*|\s+(?:och|and)\s+", args.strip())
    return tuple(dict.fromkeys(part[:1].upper() + part[1:] for part in (p.strip() for p in parts) if part))


def areas_correction(value: str) -> Correction:
    """The words after "områden"/"areas": the plan's areas ("Vården, Bostäder"), or one area's English
    name ("Vården = Health services")."""
    return Correction(Field.AREA_ENGLISH if "=" in value else Field.AREAS, None, value)


def area_english(value: str) -> tuple[str, str] | None:
    """ "Miljö och klimat = Environment and climate": an area and its English name."""
    area, equals, english = value.partition("=")
    if not equals or not area.strip() or not english.strip():
        return None
    return " ".join(area.split()), " ".join(english.split())


def _yes_no(value: str) -> bool | None:
    word = fold(_EVERY.sub("", value)).split(" ", 1)[0] if value else "ja"
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


def _number(value: str) -> float | None:
    bare = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        return float(bare)
    except ValueError:
        return None


# The English words of a correction, as the plan reader reads them ("4 per quarter" -> "4 per kvartal").
_ENGLISH = {
    "week": "vecka",
    "month": "månad",
    "quarter": "kvartal",
    "half-year": "halvår",
    "term": "termin",
    "year": "år",
    "from": "från",
    "to": "till",
    "at least": "minst",
    "people": "personer",
    "persons": "personer",
    "appoint": "utse",
}
_ENGLISH_WORD = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _ENGLISH), key=len, reverse=True)) + r")\b"
)


def corrected_target(old: Target, value: str) -> Target:
    """A target from the board's words ("4 per kvartal", "från 300 till 400 medlemmar", "klart", or in
    English "4 per quarter"); the unit the plan named is kept when the words name none."""
    if fold(value) in ("klart", "gjort", "done", "klar"):
        return DONE
    value = _ENGLISH_WORD.sub(lambda m: _ENGLISH[m.group(1)], value.lower() if value.isascii() else value)
    target = parse_target(value)
    if target.kind is TargetKind.DONE:
        # "4 per kvartal" names no verb: read it as what is done that often.
        target = parse_target(f"genomföra minst {value}")
    if target.kind is TargetKind.DONE:
        raise CorrectionError("no_target")
    if target.unit is None and old.unit is not None and target.kind is old.kind:
        target = replace(target, unit=old.unit, unit_en=old.unit_en)
    return target


def corrected_as_read(draft: PlanDraft, correction: Correction) -> str:
    """The text, as the plan had it, of the goal a correction is made to ("" for areas and new goals)."""
    goals = draft.goals
    if correction.number is None or not 1 <= correction.number <= len(goals):
        return ""
    goal = goals[correction.number - 1]
    return goal.read_as or goal.text


def corrected_was(draft: PlanDraft, correction: Correction) -> str:
    """The goal a correction is made to as it stands before it (goal_state; "" for areas and new goals)."""
    goals = draft.goals
    if correction.number is None or not 1 <= correction.number <= len(goals):
        return ""
    return goal_state(goals[correction.number - 1])


def apply_correction(draft: PlanDraft, correction: Correction) -> PlanDraft:
    """The plan with the correction made; CorrectionError says why it cannot be."""
    try:
        return _applied(draft, correction)
    except CorrectionError as error:
        raise CorrectionError(error.problem, error.number or correction.number, len(draft.goals)) from None


def _applied(draft: PlanDraft, correction: Correction) -> PlanDraft:
    if correction.field is Field.AREAS:
        return replace(draft, priority_areas=parse_areas(correction.value))
    if correction.field is Field.AREA_ENGLISH:
        # Kept with the board's corrections, which outlive imports; the plan is unchanged.
        named = area_english(correction.value)
        if named is None or fold(named[0]) not in {fold(area) for area in draft.priority_areas}:
            raise CorrectionError("no_area")
        return draft
    if correction.field is Field.ADD:
        section_title, _, text = correction.value.partition(":")
        if not text.strip():
            section_title, text = (draft.sections[-1].title if draft.sections else "Mål"), section_title
        goal = GoalDraft(text.strip(), parse_target(text.strip()))
        return _with_goal(draft, section_title.strip(), goal)
    number = correction.number or 0
    places = [(s, g) for s, section in enumerate(draft.sections) for g in range(len(section.goals))]
    if not 1 <= number <= len(places):
        raise CorrectionError("no_goal", number)
    s, g = places[number - 1]
    goal = draft.sections[s].goals[g]
    if correction.field is Field.RETIRE:
        if len(places) == 1:
            raise CorrectionError("empty_plan", number)
        return _without(draft, s, g)
    if correction.field is Field.SECTION:
        if not correction.value:
            raise CorrectionError("no_value", number)
        return _with_goal(_without(draft, s, g), correction.value, goal)
    return _replaced(draft, s, g, corrected_goal(goal, correction.field, correction.value))


def corrected_goal(goal: GoalDraft, field: Field, value: str) -> GoalDraft:
    """One goal with its text, target, branches, per-area flag or baseline corrected."""
    match field:
        case Field.TEXT:
            if not value:
                raise CorrectionError("no_value")
            return replace(goal, text=value, text_en=None, read_as=goal.read_as or goal.text)
        case Field.TARGET:
            return replace(goal, target=corrected_target(goal.target, value))
        case Field.BRANCHES:
            every = _yes_no(value)
            if every is None:
                raise CorrectionError("no_value")
            return replace(goal, applies_to_branches=every)
        case Field.PER_AREA:
            per_area = _yes_no(value)
            if per_area is None:
                raise CorrectionError("no_value")
            if goal.target.kind is not TargetKind.COUNT:
                raise CorrectionError("not_a_count")
            return replace(goal, target=replace(goal.target, per_area=per_area))
        case Field.ENGLISH:
            if not value:
                raise CorrectionError("no_value")
            return replace(goal, target=replace(goal.target, unit_en=value))
        case Field.BASELINE:
            baseline = _number(value)
            if baseline is None:
                raise CorrectionError("no_number")
            if goal.target.kind is not TargetKind.METRIC:
                raise CorrectionError("not_a_metric")
            return replace(goal, target=replace(goal.target, baseline=baseline))
        case _:
            raise CorrectionError("no_value")


@dataclass(frozen=True)
class Made:
    """A correction made to a stored goal earlier, to make again when the plan is imported again."""

    field: Field
    value: str


def reapplied(
    draft: PlanDraft,
    matches: Sequence[int | None],
    made: Mapping[int, Sequence[Made]],
    added: Sequence[tuple[str, GoalDraft, int]],
) -> tuple[PlanDraft, list[int | None]]:
    """An imported plan with the board's earlier corrections made again.

    `matches[i]` is the stored goal (an index) the plan's i-th goal continues; `made` the corrections made
    to stored goals, oldest first; `added` the goals the board added in chat (section, goal, stored index),
    which no plan file holds and which stay. A goal the board retired stays retired. Returns the plan and
    the stored goal each of its goals continues.
    """
    placed: list[tuple[str, GoalDraft, int | None]] = []
    english = {section.title: section.title_en for section in draft.sections}
    goals = iter(matches)
    for section in draft.sections:
        for goal in section.goals:
            match = next(goals)
            title, retired = section.title, False
            for correction in made.get(match, ()) if match is not None else ():
                if correction.field is Field.RETIRE:
                    retired = True
                elif correction.field is Field.SECTION:
                    title = correction.value
                elif correction.field in _GOAL_FIELDS:
                    goal = corrected_goal(goal, correction.field, correction.value)
            if not retired:
                placed.append((title, goal, match))
    placed.extend(added)
    # Sections in the plan's order; a section only the board named comes after them.
    by_section: dict[str, list[tuple[GoalDraft, int | None]]] = {title: [] for title in english}
    for title, goal, match in placed:
        by_section.setdefault(title, []).append((goal, match))
    sections = tuple(
        SectionDraft(title, tuple(goal for goal, _ in rows), english.get(title))
        for title, rows in by_section.items()
        if rows
    )
    return replace(draft, sections=sections), [match for rows in by_section.values() for _, match in rows]


_GOAL_FIELDS = frozenset(
    {Field.TEXT, Field.TARGET, Field.BRANCHES, Field.PER_AREA, Field.BASELINE, Field.ENGLISH}
)


def _replaced(draft: PlanDraft, s: int, g: int, goal: GoalDraft) -> PlanDraft:
    section = draft.sections[s]
    goals = section.goals[:g] + (goal,) + section.goals[g + 1 :]
    return replace(
        draft, sections=draft.sections[:s] + (replace(section, goals=goals),) + draft.sections[s + 1 :]
    )


def _without(draft: PlanDraft, s: int, g: int) -> PlanDraft:
    section = draft.sections[s]
    goals = section.goals[:g] + section.goals[g + 1 :]
    rest = (replace(section, goals=goals),) if goals else ()
    return replace(draft, sections=draft.sections[:s] + rest + draft.sections[s + 1 :])


def _with_goal(draft: PlanDraft, title: str, goal: GoalDraft) -> PlanDraft:
    """The goal added at the end of the section of that title (forgiving case), or of a new section."""
    for index, section in enumerate(draft.sections):
        if fold(section.title) == fold(title):
            return _replaced_section(draft, index, replace(section, goals=(*section.goals, goal)))
    return replace(draft, sections=(*draft.sections, SectionDraft(title, (goal,))))


def _replaced_section(draft: PlanDraft, index: int, section: SectionDraft) -> PlanDraft:
    return replace(draft, sections=draft.sections[:index] + (section,) + draft.sections[index + 1 :])


def goal_state(goal: GoalDraft) -> str:
    """A goal as it stands before a correction, kept with the correction so its history shows from what."""
    return json.dumps(
        {"text": goal.text, "target": goal.target.to_dict(), "branches": goal.applies_to_branches},
        ensure_ascii=False,
    )


def target_was(state: str) -> Target | None:
    """The target a goal had before a correction, from the state kept with it (None: not kept)."""
    goal = _goal_from_state(state)
    return goal.target if goal else None


def _goal_from_state(state: str) -> GoalDraft | None:
    try:
        data = json.loads(state)
        return GoalDraft(str(data["text"]), Target.from_dict(data["target"]), bool(data["branches"]))
    except (ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class MadeBefore:
    """A correction as stored with a goal: the words, the goal as it was (goal_state, or "") and its text as
    the plan had it, when and by whom (a name only while that person may be named; None: the board)."""

    field: Field
    value: str
    was: str
    read_as: str
    made_at: datetime  # UTC
    by: str | None


@dataclass(frozen=True)
class Change:
    """One correction in a goal's history: what the field was before it and what it became. `before` and
    `after` are a Target (target, baseline, per area), a text (text, section) or a yes/no (branches)."""

    field: Field
    made_on: date
    by: str | None
    before: Target | str | bool | None
    after: Target | str | bool | None


def history(made: Sequence[MadeBefore], zone: ZoneInfo) -> list[Change]:
    """A goal's corrections, oldest first, each with its before and after: the goal as it was kept with the
    correction, or (for one kept without it) as the plan's words read, with the earlier corrections made."""
    goal = read_goal(made[0].read_as) if made and made[0].read_as else None
    changes = []
    for row in made:
        goal = _goal_from_state(row.was) or goal
        before: Target | str | bool | None = None
        after: Target | str | bool | None = row.value
        if goal is not None and row.field in _GOAL_FIELDS:
            try:
                corrected = corrected_goal(goal, row.field, row.value)
            except CorrectionError:
                corrected = goal  # a correction the reader no longer takes: show its words
            if row.field is Field.TEXT:
                before, after = goal.text, corrected.text
            elif row.field is Field.BRANCHES:
                before, after = goal.applies_to_branches, corrected.applies_to_branches
            else:
                before, after = goal.target, corrected.target
            goal = corrected
        changes.append(Change(row.field, row.made_at.astimezone(zone).date(), row.by, before, after))
    return changes
