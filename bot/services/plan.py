"""The plan as the bot understands it: sections, goals and their measurable targets.

Framework-free: no botbuilder, no aiohttp, no SQL. `parse_plan` turns a plan's extracted text into a
`PlanDraft`; `parse_target` turns one goal's wording into a structured `Target`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class TargetKind(StrEnum):
    COUNT = "count"  # at least N (things) per period, optionally per priority area
    PEOPLE = "people"  # N people named responsible
    METRIC = "metric"  # a number moved from a baseline to a target
    DONE = "done"  # done / not done


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    count: int | None = None  # COUNT: how many per period (per area); PEOPLE: how many people
    period: Period | None = None  # COUNT only
    unit: str | None = None  # what is counted or measured, in the plan's words ("ordförandemöte", "följare")
    per_area: bool = False  # COUNT: the count applies to each of the plan's priority areas
    baseline: float | None = None  # METRIC: where we start
    goal_value: float | None = None  # METRIC: where we want to be

    def to_dict(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, StrEnum) else v) for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Target:
        values = dict(data)
        values["kind"] = TargetKind(values["kind"])
        if values.get("period") is not None:
            values["period"] = Period(values["period"])
        return cls(**values)


DONE = Target(TargetKind.DONE)


@dataclass(frozen=True)
class GoalDraft:
    text: str
    target: Target = DONE
    applies_to_branches: bool = False  # the goal is something each branch (partiförening) does


@dataclass(frozen=True)
class SectionDraft:
    title: str
    goals: tuple[GoalDraft, ...] = ()


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


def parse_target(text: str) -> Target:
    raise NotImplementedError


def parse_plan(text: str) -> PlanDraft:
    raise NotImplementedError
