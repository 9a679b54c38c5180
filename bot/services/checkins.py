"""Check-ins as chairs type them: the one-line form, read against the goal's target. Framework-free.

`rapportera 6 1 ordförandemöte hölls i Sundsvall` = goal 6, value 1, a comment. A date may follow the
value ("12/3", "2027-03-12", "12 mars", "igår"); a per-area goal wants the area after the value. Anything
that does not fit comes back as a CheckInError with a code the message catalogue words.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.services.goals import Target, TargetKind
from bot.services.people import PersonInfo, Role, with_admin
from bot.services.text import fold

if TYPE_CHECKING:
    from datetime import datetime

    from bot.db.checkins import BranchInfo, CheckInRepository, StoredCheckIn
    from bot.db.people import PeopleRepository

MAX_COMMENT_LENGTH = 500
# Above these a value is a typo, not a report: nobody holds 1,000 meetings, or has a billion followers.
MAX_COUNT = 1000
MAX_METRIC = 1_000_000_000

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("mars", "mar", "march"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augusti", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NUMBERS = _MONTHS  # month names (Swedish and English, full and short, folded) -> 1-12
MONTH_NAMES = frozenset(_MONTHS)

_YES = {"klart", "klar", "ja", "gjort", "genomfort", "done", "yes", "1"}
_NO = {"nej", "no", "0", "ej", "inte"}
_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$|^[+-]?\d+(?:[.,]\d+)?$")
_GROUP = re.compile(r"\d{3}(?:[.,]\d+)?")  # a group of three digits after the first ("1 650,5")
_FIRST_GROUP = re.compile(r"[+-]?\d{1,3}")
_SPACES = re.compile(r"[ \u00a0\u202f]")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SHORT_DATE = re.compile(r"(\d{1,2})/(\d{1,2})")
_DAY = re.compile(r"\d{1,2}")


class CheckInProblem(StrEnum):
    NO_GOAL = "no_goal"  # nothing typed, or no goal number first
    UNKNOWN_GOAL = "unknown_goal"  # no goal with that number
    NO_VALUE = "no_value"
    NOT_A_NUMBER = "not_a_number"
    NOT_WHOLE = "not_whole"  # a count with decimals
    NEGATIVE = "negative"
    TOO_LARGE = "too_large"
    NOT_YES_NO = "not_yes_no"  # a done/not-done goal wants klart / inte klart
    BAD_DATE = "bad_date"
    FUTURE_DATE = "future_date"
    OUTSIDE_YEAR = "outside_year"
    NEED_AREA = "need_area"  # a per-area goal without a known area
    COMMENT_TOO_LONG = "comment_too_long"


class CheckInError(ValueError):
    def __init__(self, code: CheckInProblem, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = CheckInProblem(code)
        self.detail = detail


@dataclass(frozen=True)
class CheckInDraft:
    goal_number: int
    value: float
    happened_on: date
    area: str | None
    comment: str | None
    submission: str | None = None  # the form's or the message's token: the same one sent twice stores once


# A submission token's longest (the column's width): a form's and a message's tokens both fit.
SUBMISSION_LENGTH = 32


def delivery_token(conversation_id: str, activity_id: str) -> str:
    """A one-line check-in's submission token: Teams redelivering the message (to any process) stores once.

    31 characters, so never a form's token (secrets.token_urlsafe(16): 22)."""
    digest = hashlib.sha256(f"{conversation_id}\n{activity_id}".encode()).digest()
    return "m" + base64.urlsafe_b64encode(digest).decode("ascii")[:30]


class Branch(Protocol):
    @property
    def id(self) -> int: ...


B = TypeVar("B", bound=Branch)


class Refusal(StrEnum):
    """Why someone may not report a check-in as they wrote it."""

    NOT_OWN_BRANCH = "not_own_branch"  # they named a branch they do not chair
    SEVERAL_BRANCHES = "several_branches"  # they chair several and named none
    NOT_ALLOWED = "not_allowed"  # no chair, not the board, not responsible for the goal


def reporting_for(
    roles: Collection[Role], chairs: Sequence[B], responsible: Collection[int], goal_id: int, named: B | None
) -> B | None | Refusal:
    """The branch a check-in on goal `goal_id` counts for (None: the district), or why it may not be made.

    The board and admins report for any branch they name, or for the district. A chair reports for their
    branch (naming it when they chair several). People responsible for the goal report for the district.
    """
    if Role.BOARD in roles or Role.ADMIN in roles:
        return named
    if named is not None:
        return named if any(branch.id == named.id for branch in chairs) else Refusal.NOT_OWN_BRANCH
    if len(chairs) == 1:
        return chairs[0]
    if chairs:
        return Refusal.SEVERAL_BRANCHES
    return None if goal_id in responsible else Refusal.NOT_ALLOWED


def may_report(roles: Collection[Role], chairs: Sequence[Branch], responsible: Collection[int]) -> bool:
    """Whether someone may report on any goal at all (as reporting_for decides per goal)."""
    return Role.BOARD in roles or Role.ADMIN in roles or bool(chairs) or bool(responsible)


def parse_goal_number(text: str) -> tuple[int, str]:
    """The goal number at the start, and the rest."""
    first, _, rest = text.strip().partition(" ")
    number = first.lstrip("#").rstrip(".:")
    if not number.isdecimal() or len(number) > 6:  # not isdigit(): "²" is a digit int() cannot read
        raise CheckInError(CheckInProblem.NO_GOAL, first[:20])
    return int(number), rest.strip()


def parse_check_in(
    text: str, target: Target, *, goal_number: int, today: date, year: int | None, areas: Sequence[str] = ()
) -> CheckInDraft:
    """Read what follows the goal number: value, then optionally date and area, then a comment."""
    words = text.split()
    if not words:
        raise CheckInError(CheckInProblem.NO_VALUE)
    value, used = leading_value(words, target)
    words = words[used:]
    happened_on = today
    if words:
        found = leading_date(words, today)
        if found is not None:
            happened_on, taken = found
            words = words[taken:]
    area = None
    if target.kind is TargetKind.COUNT and target.per_area:
        area, taken = leading_area(words, areas)
        words = words[taken:]
    comment = " ".join(words).strip() or None
    check(value=value, happened_on=happened_on, comment=comment, today=today, year=year)
    return CheckInDraft(goal_number, value, happened_on, area, comment)


def check(*, value: float, happened_on: date, comment: str | None, today: date, year: int | None) -> None:
    """The rules every check-in meets, typed or filled in on a card, new or corrected."""
    if happened_on > today:
        raise CheckInError(CheckInProblem.FUTURE_DATE, happened_on.isoformat())
    if year is not None and happened_on.year != year:
        raise CheckInError(CheckInProblem.OUTSIDE_YEAR, str(year))
    if comment is not None and len(comment) > MAX_COMMENT_LENGTH:
        raise CheckInError(CheckInProblem.COMMENT_TOO_LONG, str(len(comment)))
    if value < 0:
        raise CheckInError(CheckInProblem.NEGATIVE, _show(value))


def read_value(text: str, target: Target) -> float:
    """One value for the goal's kind of target (used by the card form too)."""
    value, used = leading_value(text.split() or [""], target)
    if used != len(text.split()):
        raise CheckInError(CheckInProblem.NOT_A_NUMBER, text[:20])
    return value


def leading_value(words: list[str], target: Target) -> tuple[float, int]:
    """The value the words start with, and how many words it took."""
    if target.kind is TargetKind.DONE:
        first = fold(words[0])
        if (
            first in ("inte", "ej", "not")
            and len(words) > 1
            and fold(words[1]) in ("klart", "klar", "done", "gjort")
        ):
            return 0.0, 2
        if first in _YES:
            return 1.0, 1
        if first in _NO:
            return 0.0, 1
        raise CheckInError(CheckInProblem.NOT_YES_NO, words[0][:20])
    # "1 650" is one number: join digit groups of three.
    taken = 1
    raw = words[0]
    while (
        taken < len(words)
        and _GROUP.fullmatch(words[taken])  # the last group may have decimals: "1 650,5"
        and _FIRST_GROUP.fullmatch(raw.split()[-1])
    ):
        raw += " " + words[taken]
        taken += 1
    if not _NUMBER.match(raw):
        raise CheckInError(CheckInProblem.NOT_A_NUMBER, words[0][:20])
    value = float(_SPACES.sub("", raw).replace(",", "."))
    if value < 0:
        raise CheckInError(CheckInProblem.NEGATIVE, raw)
    if target.kind in (TargetKind.COUNT, TargetKind.PEOPLE):
        if value > MAX_COUNT:  # first: enough nines make the float infinite, which int() cannot take
            raise CheckInError(CheckInProblem.TOO_LARGE, raw)
        if value != int(value):
            raise CheckInError(CheckInProblem.NOT_WHOLE, raw)
    elif value > MAX_METRIC:
        raise CheckInError(CheckInProblem.TOO_LARGE, raw)
    return value, taken


def leading_date(words: list[str], today: date) -> tuple[date, int] | None:
    """A date the words start with (and how many words it took), or None."""
    first = fold(words[0])
    if first in ("idag", "today"):
        return today, 1
    if first in ("igar", "yesterday"):
        return today - timedelta(days=1), 1
    iso = _ISO_DATE.fullmatch(words[0])
    short = _SHORT_DATE.fullmatch(words[0])
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3])), 1
        if short:
            return _this_year(int(short[1]), int(short[2]), today), 1
        if len(words) > 1 and _DAY.fullmatch(words[0]) and fold(words[1]).rstrip(".") in _MONTHS:
            return _this_year(int(words[0]), _MONTHS[fold(words[1]).rstrip(".")], today), 2
    except ValueError:
        raise CheckInError(CheckInProblem.BAD_DATE, " ".join(words[:2])[:20]) from None
    return None


def _this_year(day: int, month: int, today: date) -> date:
    """A day and month without a year: the latest such day up to today."""
    found = date(today.year, month, day)
    return found if found <= today else found.replace(year=today.year - 1)


def leading_area(words: list[str], areas: Sequence[str]) -> tuple[str, int]:
    """The priority area the words start with (and how many words it took)."""
    if words:
        for area in areas:
            area_words = fold(area).split()
            typed = [fold(word) for word in words[: len(area_words)]]
            if typed == area_words or (
                typed and area_words and area_words[0].startswith(typed[0]) and len(typed[0]) >= 4
            ):
                return area, len(area_words) if typed == area_words else 1
    raise CheckInError(CheckInProblem.NEED_AREA, ", ".join(areas))


def _show(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# --- storing a check-in: the one place every way of reporting ends ---------------------------------------


@dataclass(frozen=True)
class Refused:
    """A check-in the sender may not make as written; `chairs` are the branches they chair."""

    why: Refusal
    chairs: tuple[BranchInfo, ...]


class Reporting:
    """Who may report, and storing a valid check-in for the branch it counts for; called in worker threads."""

    def __init__(
        self, checkins: CheckInRepository, people: PeopleRepository, admins: Collection[str]
    ) -> None:
        self.checkins = checkins
        self.people = people
        self.admins = admins

    def may_report(self, person: PersonInfo, district: str) -> bool:
        """Whether they may report on any goal at all (the form and dialog are offered only to them)."""
        reporter = self.checkins.reporter(person, district)
        return may_report(self._roles(person, district), reporter.chairs, reporter.responsible)

    def store(
        self, person: PersonInfo, district: str, goal_id: int, draft: CheckInDraft, *, now: datetime
    ) -> StoredCheckIn | Refused:
        """Store the check-in for the branch the sender may report for, or say why not. Raises the
        repository's AlreadyStored for a submission stored before, NotStored if it could not be stored."""
        reporter = self.checkins.reporter(person, district)
        comment, named = branch_in(draft.comment, self.checkins.branches(district))
        branch = reporting_for(
            self._roles(person, district), reporter.chairs, reporter.responsible, goal_id, named
        )
        if isinstance(branch, Refusal):
            return Refused(branch, reporter.chairs)
        return self.checkins.add(
            district=district,
            goal_id=goal_id,
            branch_id=branch.id if branch else None,
            reporter=person,
            value=draft.value,
            happened_on=draft.happened_on,
            area=draft.area,
            comment=comment,
            now=now,
            submission=draft.submission,
        )

    def _roles(self, person: PersonInfo, district: str) -> set[Role]:
        return with_admin(self.people.roles(person, district), person, self.admins)


def branch_in(comment: str | None, branches: Sequence[BranchInfo]) -> tuple[str | None, BranchInfo | None]:
    """A leading "för Sundsvall" / "for Sundsvall" names the branch reported for; the rest is the comment."""
    if not comment:
        return comment, None
    first, _, rest = comment.partition(" ")
    if fold(first) not in ("for", "för"):
        return comment, None
    for branch in sorted(branches, key=lambda b: -len(b.name)):
        if fold(rest).startswith(fold(branch.name)):
            remaining = rest[len(branch.name) :].strip()
            return remaining or None, branch
    return comment, None
