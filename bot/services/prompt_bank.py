"""The prompt bank: discussion prompts the bot posts when no board member has written one.

Framework-free: no botbuilder, no aiohttp, no SQL. `load_seed_bank` reads the bank the bot ships with
(bot/data/prompt_bank.toml) and checks it; `choose_prompt` picks the prompt to post on a given day from the
prompts as stored. Every prompt belongs either to one of the plan's four priority areas or to one of the
yearly recurring days (8 March, 1 May, ...), never both.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime
from enum import StrEnum
from importlib import resources
from typing import Any

from bot.i18n import N_

MAX_TEXT_LENGTH = 1000
SEED_BANK_RESOURCE = "prompt_bank.toml"


class Area(StrEnum):
    """The four priority areas of the plan ("Facklig politisk", "Feministisk", "Antirasistisk", ...)."""

    FACKLIG_POLITISK = "facklig-politisk"
    FEMINISTISK = "feministisk"
    ANTIRASISTISK = "antirasistisk"
    MILJO_OCH_KLIMAT = "miljo-och-klimat"


# Each area's name (a msgid: English, translated to Swedish where shown); both languages' names are accepted
# where an area is written (bot/commands/prompts.py).
AREA_NAMES: dict[Area, str] = {
    Area.FACKLIG_POLITISK: N_("Trade union politics"),
    Area.FEMINISTISK: N_("Feminism"),
    Area.ANTIRASISTISK: N_("Antiracism"),
    Area.MILJO_OCH_KLIMAT: N_("Environment and climate"),
}


class PromptBankError(ValueError):
    """The seed bank's data does not fit the prompt model (missing text, both area and day, bad date...)."""


@dataclass(frozen=True)
class SeedPrompt:
    """A prompt as written in the seed file; `key` is stable so re-seeding can match stored prompts."""

    key: str
    text: str
    text_en: str | None
    area: Area | None
    day: tuple[int, int] | None  # (month, day) of a yearly recurring day
    day_name: str | None  # "Internationella kvinnodagen"; set exactly when `day` is


@dataclass(frozen=True)
class BankPrompt:
    """A prompt as stored, with when it was last posted (None: never). Only active prompts are passed in."""

    id: int
    text: str
    text_en: str | None
    area: Area | None
    day: tuple[int, int] | None
    last_used: datetime | None


# --- the seed bank ---------------------------------------------------------------------------------------

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DAY = re.compile(r"(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
_FIELDS = {"key", "text", "text_en", "area", "day", "day_name"}
_LEAP_YEAR = 2000  # any leap year: 29 February is a valid yearly day


def parse_day(value: str) -> tuple[int, int]:
    """A day written MM-DD as (month, day); 29 February is allowed. Raises PromptBankError otherwise."""
    match = _DAY.fullmatch(value)
    if match is None:
        raise PromptBankError(f"day {value!r} is not written MM-DD")
    month, day = int(match.group("month")), int(match.group("day"))
    try:
        date(_LEAP_YEAR, month, day)
    except ValueError as error:
        raise PromptBankError(f"day {value!r} is not a date in the year") from error
    return month, day


def _text(entry: Mapping[str, Any], name: str, key: str) -> str | None:
    value = entry.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise PromptBankError(f"prompt {key!r}: {name} must be text, got {type(value).__name__}")
    value = value.strip()
    if not value:
        raise PromptBankError(f"prompt {key!r}: {name} is empty")
    if len(value) > MAX_TEXT_LENGTH:
        raise PromptBankError(f"prompt {key!r}: {name} is {len(value)} characters, at most {MAX_TEXT_LENGTH}")
    return value


def _required_text(entry: Mapping[str, Any], name: str, key: str) -> str:
    value = _text(entry, name, key)
    if value is None:
        raise PromptBankError(f"prompt {key!r} has no {name}")
    return value


def _seed_prompt(entry: Any) -> SeedPrompt:
    if not isinstance(entry, Mapping):
        raise PromptBankError(f"a prompt must be a table, got {type(entry).__name__}")
    key = entry.get("key")
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise PromptBankError(f"prompt key {key!r} must be lower-case words joined by '-'")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise PromptBankError(f"prompt {key!r} has unknown fields: {', '.join(sorted(unknown))}")
    text = _required_text(entry, "text", key)
    text_en = _text(entry, "text_en", key)

    raw_area, raw_day = entry.get("area"), entry.get("day")
    if (raw_area is None) == (raw_day is None):
        raise PromptBankError(f"prompt {key!r} must have exactly one of area and day")
    area: Area | None = None
    day: tuple[int, int] | None = None
    day_name: str | None = None
    if raw_area is not None:
        try:
            area = Area(raw_area)
        except ValueError as error:
            known = ", ".join(a.value for a in Area)
            raise PromptBankError(f"prompt {key!r}: unknown area {raw_area!r} (one of {known})") from error
        if "day_name" in entry:
            raise PromptBankError(f"prompt {key!r}: day_name belongs with a day, not an area")
    else:
        if not isinstance(raw_day, str):
            raise PromptBankError(f"prompt {key!r}: day must be text written MM-DD")
        day = parse_day(raw_day)
        day_name = _required_text(entry, "day_name", key)
    return SeedPrompt(key=key, text=text, text_en=text_en, area=area, day=day, day_name=day_name)


def seed_bank_from_mapping(data: Mapping[str, Any]) -> list[SeedPrompt]:
    """Prompts written out as data (the seed file's TOML shape: [[prompts]] tables), every one checked.

    Each prompt has a unique `key`, a non-empty `text` (and optionally `text_en`) of at most 1000
    characters, and exactly one of `area` (an `Area` value) or `day` ("MM-DD", a real date; 29 February
    allowed) with its `day_name`. Raises PromptBankError on anything missing or out of place.
    """
    entries = data.get("prompts")
    if not isinstance(entries, list) or not entries:
        raise PromptBankError("the bank has no [[prompts]]")
    prompts = [_seed_prompt(entry) for entry in entries]
    seen: set[str] = set()
    for prompt in prompts:
        if prompt.key in seen:
            raise PromptBankError(f"prompt key {prompt.key!r} is used more than once")
        seen.add(prompt.key)
    return prompts


def load_seed_bank() -> list[SeedPrompt]:
    """The prompt bank the bot ships with (bot/data/prompt_bank.toml), checked, in file order."""
    source = resources.files("bot.data").joinpath(SEED_BANK_RESOURCE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise PromptBankError(f"{SEED_BANK_RESOURCE} is not valid TOML: {error}") from error
    return seed_bank_from_mapping(data)


# --- choosing a prompt -----------------------------------------------------------------------------------


def days_from(on: date, day: tuple[int, int]) -> int:
    """How many days `on` lies from the nearest occurrence of the yearly `day`, in either direction.

    Occurrences in the year before and after count too, so 2 January is 2 days from 31 December. In a
    year without 29 February, a 29 February day falls on 28 February.
    """
    month, day_of_month = day
    distances = []
    for year in (on.year - 1, on.year, on.year + 1):
        if not MINYEAR <= year <= MAXYEAR:
            continue
        try:
            occurrence = date(year, month, day_of_month)
        except ValueError:
            if (month, day_of_month) != (2, 29):
                raise
            occurrence = date(year, 2, 28)
        distances.append(abs((occurrence - on).days))
    return min(distances)


def _instant(moment: datetime) -> datetime:
    """Naive datetimes are taken as UTC, so stored values with and without a zone compare."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


_NEVER = datetime.min.replace(tzinfo=UTC)


def _recency(moment: datetime | None) -> tuple[int, datetime]:
    """Sort key: never used first, then the longest ago."""
    return (0, _NEVER) if moment is None else (1, _instant(moment))


@dataclass(frozen=True)
class Record:
    """How a bank prompt did when it was posted: how many times, and how many of those started a discussion
    (bot/services/engagement.py)."""

    posts: int = 0
    discussions: int = 0

    @property
    def score(self) -> int:
        """Posts that started a discussion, less those that did not."""
        return self.discussions - (self.posts - self.discussions)


REPEAT_DAYS = 365  # a prompt is not posted again within a year


def area_records(prompts: Sequence[BankPrompt], records: Mapping[int, Record]) -> dict[Area | None, Record]:
    """Each area's record: its prompts' records added up."""
    totals: dict[Area | None, Record] = {}
    for prompt in prompts:
        found = records.get(prompt.id)
        if found is not None:
            total = totals.get(prompt.area, Record())
            totals[prompt.area] = Record(total.posts + found.posts, total.discussions + found.discussions)
    return totals


def _used_within_a_year(prompt: BankPrompt, on: date) -> bool:
    return prompt.last_used is not None and (on - _instant(prompt.last_used).date()).days < REPEAT_DAYS


def choose_prompt(
    prompts: Sequence[BankPrompt],
    on: date,
    *,
    window_days: int = 3,
    records: Mapping[int, Record] | None = None,
) -> BankPrompt | None:
    """The prompt to post on `on`, or None. Deterministic: the same bank, records and day give the same one.

    0. A prompt posted within the last year (REPEAT_DAYS) is never chosen.

    1. Yearly days first. A prompt whose yearly day lies at most `window_days` days from `on` (either
       side, across the new year too; 29 February counts as 28 February in other years) beats every other
       prompt. Among those: the day closest to `on`, then the least recently used (never used first), then
       the lowest id.
    2. Otherwise the prompts without a day. The bank learns from `records` (bank prompt id -> Record):
       a prompt that started a discussion before comes first; then prompts from the areas whose posts
       started a discussion more often than not (an area's score: its posts that did, less those that did
       not; an area without posts scores nought). Among equals, the areas take turns: the least recently
       used prompt (never used first); among prompts used equally recently (e.g. all never used), the one
       whose area was used least recently (an area never used first; prompts without an area count as one
       more area), then the lowest id. Without records, with as many prompts in each area, picks cycle
       through every area before one repeats. A day prompt away from its day is never chosen here.
    3. None when nothing fits: an empty bank, only day prompts and none of their days near, or every
       fitting prompt posted within the year.

    `last_used` values without a time zone are taken as UTC.
    """
    if window_days < 0:
        raise ValueError(f"window_days must not be negative, got {window_days}")

    records = records or {}
    areas = area_records(prompts, records)
    area_used: dict[Area | None, datetime] = {}
    for prompt in prompts:
        if prompt.day is None and prompt.last_used is not None:
            moment = _instant(prompt.last_used)
            if prompt.area not in area_used or moment > area_used[prompt.area]:
                area_used[prompt.area] = moment
    prompts = [p for p in prompts if not _used_within_a_year(p, on)]
    near = [(days_from(on, p.day), p) for p in prompts if p.day is not None]
    near = [(distance, p) for distance, p in near if distance <= window_days]
    if near:
        return min(near, key=lambda item: (item[0], _recency(item[1].last_used), item[1].id))[1]

    undated = [p for p in prompts if p.day is None]
    if not undated:
        return None
    return min(
        undated,
        key=lambda p: (
            records.get(p.id, Record()).discussions == 0,
            -areas.get(p.area, Record()).score,
            _recency(p.last_used),
            _recency(area_used.get(p.area)),
            p.id,
        ),
    )
