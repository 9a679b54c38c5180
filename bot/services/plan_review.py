"""A plan sent to the bot as a file: read, kept for review, corrected, then imported or dropped.

Framework-free: the file is fetched through an injected `fetch` (bot/files.py downloads over HTTP), the plan
under review is kept through a `ReviewStore` (dialogs/plan_reviews.py keeps it with the dialog states, so it
survives a restart), and the plan is stored through the repository's `save_plan`.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any, Protocol

from bot.services.goals import Plan
from bot.services.people import PersonInfo
from bot.services.plan import PlanDraft, names_a_plan, plan_from_mapping, plan_to_mapping
from bot.services.plan_corrections import Correction, apply_correction, corrected_as_read, corrected_was
from bot.services.plan_files import MAX_PLAN_BYTES, PLAN_SUFFIXES, PlanFileError
from bot.services.plan_import import read_plan

# fetch(url, limit) -> the file's bytes; raises PlanFileError (too_large, download) itself.
Fetch = Callable[[str, int], Awaitable[bytes]]


class ReviewStore(Protocol):
    def load(self, key: str, *, now: datetime) -> dict[str, Any] | None: ...
    def save(self, key: str, data: dict[str, Any], *, now: datetime) -> None: ...
    def delete(self, key: str) -> None: ...


class PlanSaver(Protocol):
    def save_plan(
        self,
        district: str,
        draft: PlanDraft,
        *,
        now: datetime,
        corrections: Sequence[Mapping[str, Any]] = (),
        reapply: bool = True,
        branches: Sequence[str] = (),
    ) -> Any: ...
    def with_corrections(self, district: str, draft: PlanDraft) -> PlanDraft: ...
    def correct_plan(
        self, district: str, correction: Correction, *, by: PersonInfo | None, now: datetime
    ) -> Plan | None: ...


@dataclass(frozen=True)
class Review:
    """A plan under review: the plan as read and corrected so far, and the file it came from."""

    draft: PlanDraft
    file_name: str
    corrections: tuple[dict[str, Any], ...] = ()  # each: field, number, value, by, at (ISO)


def review_key(district: str, user_id: str) -> str:
    return f"plan-review/{district}/{user_id}"


def accepted(name: str) -> bool:
    return name.lower().endswith(PLAN_SUFFIXES)


# A plan pasted into the chat: several lines, one of the first naming the plan ("Verksamhetsplan 2027"),
# or a heading of goals alone on its line ("Mål för 2027", "Våra mål:") over a list.
PASTED_LINES = 4
_GOALS_LINE = re.compile(
    r"^(?:(?:här\s+är\s+)?(?:våra|distriktets|föreningens|our)\s+)?(?:mål|målen|målsättningar|goals)"
    r"(?:\s+(?:och\s+aktiviteter|för|under|i|for)\b[^.!?]*)?\s*:?$",
    re.IGNORECASE,
)
_ITEM_LINE = re.compile(r"^\s*(?:[-–•*]|[0-9]{1,2}[.)]|[a-z][.)])\s+\S")


def pasted_plan(text: str, is_command: Callable[[str], bool]) -> bool:
    """Whether a message is a plan pasted into the chat rather than a command: at least PASTED_LINES
    lines, and one of the first three names a plan, or is a heading of goals over at least two items. A
    message that opens with a command is that command ("inlägg ny …" whose text names the plan), unless
    its first line is a heading of goals ("Mål för 2027")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < PASTED_LINES:
        return False
    if is_command(lines[0].split(" ", 1)[0]) and not _GOALS_LINE.match(lines[0]):
        return False
    if any(names_a_plan(line) for line in lines[:3]):
        return True
    items = sum(1 for line in lines if _ITEM_LINE.match(line))
    return items >= 2 and any(_GOALS_LINE.match(line) for line in lines[:3])


class PlanReviews:
    def __init__(self, store: ReviewStore, plans: PlanSaver, fetch: Fetch) -> None:
        self.store = store
        self.plans = plans
        self.fetch = fetch

    async def receive(self, district: str, user_id: str, name: str, url: str, *, now: datetime) -> Review:
        """Download and read a plan's file and keep it for review; PlanParseError says what is wrong."""
        if not accepted(name):
            kind = PurePath(name).suffix.lower()
            raise PlanFileError("unsupported", f"{name}: not a file of a kind the reader knows", kind)
        data = await self.fetch(url, MAX_PLAN_BYTES)
        # Reading a PDF takes the processor a while, and the database may wait: off the event loop.
        return await asyncio.to_thread(self._keep, district, user_id, name, data, now)

    async def receive_text(
        self, district: str, user_id: str, label: str, text: str, *, now: datetime
    ) -> Review:
        """Read a plan pasted into the chat (`label` names it in the review) and keep it for review."""
        data = text.encode()
        if len(data) > MAX_PLAN_BYTES:
            raise PlanFileError("too_large", "the text is too long")
        return await asyncio.to_thread(self._keep, district, user_id, label, data, now)

    def _keep(self, district: str, user_id: str, name: str, data: bytes, now: datetime) -> Review:
        # The board's earlier corrections are made again, so the review shows what will be imported.
        review = Review(self.plans.with_corrections(district, read_plan(name, data)), name)
        self._save(district, user_id, review, now=now)
        return review

    def pending(self, district: str, user_id: str, *, now: datetime) -> Review | None:
        data = self.store.load(review_key(district, user_id), now=now)
        if data is None:
            return None
        return Review(plan_from_mapping(data["plan"]), str(data["file"]), tuple(data.get("corrections", ())))

    def correct(
        self, district: str, user_id: str, correction: Correction, *, by: PersonInfo | None, now: datetime
    ) -> Review | Plan | None:
        """The correction made to the plan this board member is reviewing, or else to the district's
        stored plan (None: there is neither); CorrectionError says why it cannot be made. Each correction
        is kept with who made it and when."""
        review = self.pending(district, user_id, now=now)
        if review is None:
            return self.plans.correct_plan(district, correction, by=by, now=now)
        noted = {
            "field": str(correction.field),
            "number": correction.number,
            "value": correction.value,
            "read_as": corrected_as_read(review.draft, correction),
            "was": corrected_was(review.draft, correction),
            "by": {"teams": by.teams_user_id, "aad": by.aad_object_id} if by else None,
            "at": now.isoformat(),
        }
        corrected = Review(
            apply_correction(review.draft, correction), review.file_name, (*review.corrections, noted)
        )
        self._save(district, user_id, corrected, now=now)
        return corrected

    def finish(self, district: str, user_id: str, *, now: datetime, with_branches: bool = True) -> Any:
        """Import the plan under review as the district's plan, and the branches it names unless the board
        said not to (`with_branches`); the import's summary, or None."""
        review = self.pending(district, user_id, now=now)
        if review is None:
            return None
        summary = self.plans.save_plan(
            district,
            review.draft,
            now=now,
            corrections=review.corrections,
            reapply=False,
            branches=review.draft.branches if with_branches else (),
        )
        self.store.delete(review_key(district, user_id))
        return summary

    def cancel(self, district: str, user_id: str, *, now: datetime) -> bool:
        found = self.pending(district, user_id, now=now) is not None
        self.store.delete(review_key(district, user_id))
        return found

    def _save(self, district: str, user_id: str, review: Review, *, now: datetime) -> None:
        data = {
            "plan": plan_to_mapping(review.draft),
            "file": review.file_name,
            "corrections": list(review.corrections),
        }
        self.store.save(review_key(district, user_id), data, now=now)
