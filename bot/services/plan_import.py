"""Importing a district's plan: from a plan's text, or the project's own sample plan on first run."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.services.clock import Clock
from bot.services.plan import PlanDraft, PlanParseError, load_sample_plan, parse_plan
from bot.services.plan_files import MAX_PLAN_BYTES, PlanFileError, read_plan_text

# The district whose goals the sample plan restates (Västernorrland's 2023 plan).
SAMPLE_DISTRICT = "Vänsterpartiet Västernorrland"


class PlanStore(Protocol):
    def any_goals(self) -> bool: ...
    def save_plan(
        self, district: str, draft: PlanDraft, *, now: datetime, example: bool = False
    ) -> object: ...


def read_plan(name: str, data: bytes) -> PlanDraft:
    """The plan in a file's bytes (PDF, .docx, text or Markdown), with the pages that could not be read;
    PlanParseError says what is wrong."""
    read = read_plan_text(name, data)
    return replace(parse_plan(read.text), unread_pages=read.unread_pages)


def read_plan_file(path: Path) -> PlanDraft:
    """Parse a plan's file; PlanParseError says in one line what is wrong."""
    try:
        if path.stat().st_size > MAX_PLAN_BYTES:
            raise PlanFileError("too_large", f"{path} is larger than {MAX_PLAN_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise PlanParseError(f"cannot read {path}: {exc.strerror}") from exc
    return read_plan(path.name, data)


def ensure_sample_plan(
    store: PlanStore, clock: Clock, zone: ZoneInfo, district: str = SAMPLE_DISTRICT
) -> bool:
    """Load the sample plan when the database has no plan at all, so a first run has goals to show.

    It is loaded as this year's plan (its goals are 2023's), so check-ins and pace can be tried today, for
    the deployment's district (DISTRICT), marked as an example wherever it shows; the district's first
    real plan replaces it (Repository.save_plan).
    """
    if store.any_goals():
        return False
    now = clock()
    sample = load_sample_plan()
    this_year = now.astimezone(zone).year
    title = sample.title
    if title and sample.year:
        title = title.replace(str(sample.year), str(this_year))
    store.save_plan(district, replace(sample, year=this_year, title=title), now=now, example=True)
    return True
