"""Check-ins as chairs type them: the one-line form, read against the goal's target. Framework-free.

`rapportera 6 1 ordförandemöte hölls i Sundsvall` = goal 6, value 1, a comment "hölls i Sundsvall" (the
goal's own unit after the value says what it counts; "mål 6" names the goal too). The value may be a
number word ("två", "a couple"); a count is never digit-grouped ("1 100 deltagare" is 1 and a comment), a
metric may be ("1 650"). A date may stand anywhere after the value ("i går",
"i måndags", "förra veckan", "12/3", "2027-03-12", "12 mars", "March 12", "v. 11", "i maj"), read by
bot/services/dates.py (what each phrase means is written there). A per-area goal wants the area after the
value. Anything that does not fit comes back as a CheckInError with a code the message catalogue words.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.i18n import NUMBER_WORDS, fold, fold_letters, unit_forms, without_symbols
from bot.services import dates
from bot.services.branches import find_branch, leading_branch
from bot.services.goals import Goal, Period, Target, TargetKind, number_in, number_word
from bot.services.people import PersonInfo, Role
from bot.services.progress import plan_period

if TYPE_CHECKING:
    from datetime import datetime

    from bot.db.checkins import BranchInfo, CheckInRepository, Reporter, StoredCheckIn

MAX_COMMENT_LENGTH = 500
# Above these a value is a typo, not a report: nobody holds 1,000 meetings, or has a billion followers.
MAX_COUNT = 1000
MAX_METRIC = 1_000_000_000


# Small numbers as words: "två möten", "one meeting" (NUMBER_WORDS); "en" as "ett" is 1, "once" and "twice".
_NUMBER_WORDS = NUMBER_WORDS | {"en": 1, "once": 1, "twice": 2}
# A word that only says what the value counts: "en gång", "två gånger", "2 st möten", "three times".
_TIMES = frozenset({"gang", "ganger", "st", "stycken", "time", "times"})
# Counted things only: "a meeting" is one, "a couple of meetings" and "ett par möten" two.
_ARTICLES = frozenset({"a", "an", "ett"})
_COUPLE = frozenset({"couple", "par"})

GOAL_WORDS = frozenset({"mal", "malet", "goal"})  # "rapportera mål 4 2", "report goal 4 2" (folded)
_YES = {"klart", "klar", "ja", "gjort", "genomfort", "done", "yes", "1"}
_NO = {"nej", "no", "0", "ej", "inte"}
# English thousands commas, as the bot writes numbers to English readers ("1,650", "2,000.5"): a Swedish
# decimal comma is followed by a digit or two, hardly ever by exactly three
_COMMA_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_NUMBER = re.compile(
    r"^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$|^[+-]?\d+(?:[.,]\d+)?$|" + _COMMA_GROUPED.pattern
)
_GROUP = re.compile(r"\d{3}(?:[.,]\d+)?")  # a group of three digits after the first ("1 650,5")
_FIRST_GROUP = re.compile(r"[+-]?\d{1,3}")
_SPACES = re.compile(r"[ \u00a0\u202f]")


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
    WRONG_WEEKDAY = "wrong_weekday"  # "tisdag 4/11" when that is a Wednesday: which day is asked
    TWO_DAYS = "two_days"  # days in different periods of the goal: one report each (one_day)
    SPLIT_SPAN = "split_span"  # a week or more whose days count in different periods (day_of)
    FUTURE_DATE = "future_date"
    OUTSIDE_YEAR = "outside_year"
    NEED_AREA = "need_area"  # a per-area goal without a known area
    COMMENT_TOO_LONG = "comment_too_long"
    TWO_GOALS = "two_goals"  # a second goal's report after the first's ("4 1 och 3 2"): one at a time
    DAY_OR_MONTH = "day_or_month"  # "3/10" from an English writer, far off day first: which is asked


class CheckInError(ValueError):
    def __init__(self, code: CheckInProblem, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = CheckInProblem(code)
        self.detail = detail


def date_error(error: dates.DateError) -> CheckInError:
    """A day written wrongly, as a check-in's problem: a weekday beside a day it does not fall on ("tisdag
    4/11") with both days it may mean and the words written; any other with the words written."""
    if isinstance(error, dates.WrongWeekday):
        detail = f"{error.day.isoformat()} {error.weekdays_day.isoformat()} {error.text}"
        return CheckInError(CheckInProblem.WRONG_WEEKDAY, detail)
    return CheckInError(CheckInProblem.BAD_DATE, error.text)


@dataclass(frozen=True)
class CheckInDraft:
    goal_number: int
    value: float
    happened_on: date
    area: str | None
    comment: str | None
    submission: str | None = None  # the form's or the message's token: the same one sent twice stores once
    confirmed: bool = False  # the sender said yes to storing a report like one stored before
    other_days: tuple[date, ...] = ()  # days written besides `happened_on`, in the same period (one_day)
    loosely: str | None = None  # words that name no day but about when ("mitten av november"), read as one
    branch: str | None = None  # the branch chosen apart from the comment (the form's, the dialog's)


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
    DISTRICT_GOAL = "district_goal"  # a chair on the district's own goal: the board reports it
    NEED_BRANCH = "need_branch"  # an every-branch goal reported by the board without naming the branch
    UNKNOWN_BRANCH = "unknown_branch"  # "för Umeå" where the district has no such branch


def reporting_for(
    roles: Collection[Role],
    chairs: Sequence[B],
    responsible: Collection[int],
    goal_id: int,
    named: B | None,
    *,
    every_branch: bool,
) -> B | None | Refusal:
    """The branch a check-in on goal `goal_id` counts for (None: the district), or why it may not be made.

    A district goal is the board's and its responsible people's to report, for the district; a chair is
    told who reports it. An every-branch goal is reported for a branch: a chair's own (naming it when they
    chair several), or, by the board or the people responsible, the branch they name.
    """
    trusted = Role.BOARD in roles or Role.ADMIN in roles or goal_id in responsible
    if not every_branch:
        if trusted:
            return named  # where it happened, if they say; it counts for the district either way
        return Refusal.DISTRICT_GOAL if chairs else Refusal.NOT_ALLOWED
    if trusted and named is not None:
        return named
    if named is not None:
        return named if any(branch.id == named.id for branch in chairs) else Refusal.NOT_OWN_BRANCH
    if len(chairs) == 1:
        return chairs[0]
    if chairs:
        return Refusal.SEVERAL_BRANCHES
    return Refusal.NEED_BRANCH if trusted else Refusal.NOT_ALLOWED


def _why_not(roles: Collection[Role], reporter: Reporter, goal: Goal) -> BranchInfo | None | Refusal:
    """`reporting_for` `goal` with no branch named: the branch it counts for, or why one must be named."""
    return reporting_for(
        roles, reporter.chairs, reporter.responsible, goal.id, None, every_branch=goal.applies_to_branches
    )


@dataclass(frozen=True)
class Example:
    """A report the reader may write, for a hint: on `goal`, naming `branch` where it must."""

    goal: Goal
    branch: str | None = None


class NamedBranch(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...


def examples(
    goals: Sequence[Goal],
    roles: Collection[Role],
    chairs: Sequence[NamedBranch],
    responsible: Collection[int],
    branches: Sequence[NamedBranch],
    *,
    shown: NamedBranch | None = None,
) -> list[Example]:
    """The goals of `goals` the reader may report, as reporting_for decides, each with the branch a report
    must name (the `shown` branch, else their own, else the district's first), so that copying a hint
    works."""
    name = shown or (chairs[0] if chairs else None) or (branches[0] if branches else None)
    found = []
    for goal in goals:
        every = goal.applies_to_branches
        for named in (None, name):
            if not isinstance(
                reporting_for(roles, chairs, responsible, goal.id, named, every_branch=every), Refusal
            ):
                found.append(Example(goal, named.name if named is not None else None))
                break
    return found


def may_report(roles: Collection[Role], chairs: Sequence[Branch], responsible: Collection[int]) -> bool:
    """Whether someone may report on any goal at all (as reporting_for decides per goal)."""
    return Role.BOARD in roles or Role.ADMIN in roles or bool(chairs) or bool(responsible)


def parse_goal_number(text: str) -> tuple[int, str]:
    """The goal number at the start ("4", "#4", "4:", "mål 4", "goal 4"), and the rest. A number word is a
    goal's after "mål" ("mål fyra 1", "goal four 1"), alone, or before a value in digits ("fyra 1"); "två
    möten" is no goal but a value."""
    first, _, rest = text.strip().partition(" ")
    named = fold_letters(first) in GOAL_WORDS and bool(rest)
    if named:
        first, _, rest = rest.strip().partition(" ")
    number = first.lstrip("#").rstrip(".:")
    word = number_word(number)
    if word is not None and (named or not rest or number_in(rest.split()[0]) is not None):
        return word, rest.strip()
    if not number.isdecimal() or len(number) > 6:  # not isdigit(): "²" is a digit int() cannot read
        raise CheckInError(CheckInProblem.NO_GOAL, first[:20])
    return int(number), rest.strip()


# Words that lead a goal in a sentence ("för mål 4", "for goal 4").
_GOAL_LEADS = frozenset({"for", "till", "to", "on", "pa", "i", "in"})
_LEADING_GOAL = re.compile(r"#?(\d{1,3})[:.]?")
# A hint's report line at most this long (the router's limit less the command word), the day kept whole.
_HINT_LENGTH = 48


def _dated(words: list[str], today: date) -> tuple[list[str], list[str]]:
    """The words without the day written in them, and that day as the hint writes it: as 2026-11-18, so
    that the line sent back later ("i onsdags" the next week) still means the day the sender meant; a
    period as its days and year ("vecka 44": 26/10-1/11 2026), which the report then reads against the
    goal's periods (`day_of`). A day that cannot be stays in the words, for the report to refuse."""
    try:
        found = dates.find(words, today)
    except dates.DateError:
        return words, []
    if found is None:
        return words, []
    span, at, taken = found
    first, last = span.first, span.last
    when = (
        first.isoformat()
        if first == last
        else f"{first.day}/{first.month}-{last.day}/{last.month} {first.year}"
    )
    return words[:at] + words[at + taken :], [when]


def _hint(first: list[str], said: list[str], when: list[str]) -> str:
    """The hint's words, the comment shortened so that the day is never cut off."""
    while len(said) > 1 and len(" ".join([*first, *said, *when])) > _HINT_LENGTH:
        said = said[:-1]
    return " ".join([*first, *said, *when])


def report_in(text: str, today: date) -> str | None:
    """A sentence about a goal in the one-line report's order, for a hint: the goal's number, the count
    and what follows it, the day last; None without a goal or a count. "4: 2 möten" -> "4 2 möten";
    "vi hade 3 möten i går för mål 4" -> "4 3 möten 2026-11-21" (on 22 November); "12/3 hade vi ett möte
    för mål 4" -> "4 ett möte 2026-03-12". Nothing is read as a check-in here: the sender writes the report
    the hint shows."""
    words = text.split()
    lead = _LEADING_GOAL.fullmatch(words[0]) if words else None
    if lead is not None:
        goal, rest = lead[1], words[1:]
    else:
        for at, word in enumerate(words[:-1]):
            number = words[at + 1].strip(",.:;!?").lstrip("#")
            if fold_letters(word) in GOAL_WORDS and number.isdecimal() and len(number) <= 3:
                break
        else:
            return None
        start = at - 1 if at > 0 and fold_letters(words[at - 1]) in _GOAL_LEADS else at
        goal, rest = number, words[:start] + words[at + 2 :]
    rest, when = _dated(rest, today)
    counts = [
        i
        for i, word in enumerate(rest)
        if re.fullmatch(r"\d{1,4}", word)
        or fold_letters(word).strip(",.:;!?") in (_NUMBER_WORDS.keys() | _ARTICLES | _DONE_WORDS)
    ]
    if not counts:
        return None
    return _hint([goal], rest[counts[0] :], when)


# Past-tense verbs a chair tells what was done with ("vi hade ett möte", "we held two meetings"), and the
# language each is in (folded).
_DONE_VERBS = {
    **dict.fromkeys(
        (
            *("hade", "haft", "holl", "hallit", "holls", "genomforde", "genomfort", "genomfordes"),
            *("ordnade", "ordnat", "ordnades", "anordnade", "anordnat", "arrangerade", "gjorde", "gjort"),
            *("traffades", "traffade", "mottes", "motte", "ringde", "skrev", "publicerade", "skickade"),
            *("utsag", "startade", "bjod"),
        ),
        "sv",
    ),
    **dict.fromkeys(
        (
            *("had", "held", "did", "ran", "organised", "organized", "met", "hosted", "wrote", "published"),
            *("called", "phoned", "appointed", "started", "completed", "finished", "sent", "arranged"),
        ),
        "en",
    ),
}
_DONE_WORDS = frozenset({"klart", "klar", "done", "finished", "genomfort"})
_PRONOUNS = frozenset({"vi", "jag", "de", "we", "i", "they"})


@dataclass(frozen=True)
class ReportGap:
    """A sentence that tells what was done but not which goal (`goal` None) or not how much (`value`
    False): what it says, in the one-line report's order (`words`: the value and comment, the date last),
    and the language its verb is in (None: no verb tells)."""

    goal: str | None
    value: bool
    words: tuple[str, ...]
    language: str | None


def sentence_language(text: str) -> str | None:
    """The language a report written as a sentence is in, as its verb tells ("hade" Swedish, "held"
    English); None when no verb tells."""
    folded = (fold_letters(w.strip(",.:;!?")) for w in text.split())
    return next((_DONE_VERBS[w] for w in folded if w in _DONE_VERBS), None)


def report_gap(text: str, today: date) -> ReportGap | None:
    """A sentence that looks like a report (a verb of something done with a date, a count or a goal; or a
    date and a count) but lacks the goal or the value, which `report_in` needs: "12/3 hade vi ett möte",
    "we had a meeting for goal 6 yesterday". None for anything else, and for a sentence `report_in` reads.
    Nothing is stored on it: the sender is asked for what is missing."""
    if report_in(text, today) is not None:
        return None
    words = [w for w in text.split() if w.strip(",.:;!?")]
    folded = [fold_letters(w.strip(",.:;!?")) for w in words]
    language = sentence_language(text)
    goal: str | None = None
    lead = _LEADING_GOAL.fullmatch(words[0]) if words else None
    if lead is not None:
        goal, words = lead[1], words[1:]
    else:
        for at, word in enumerate(folded[:-1]):
            number = folded[at + 1].lstrip("#")
            if word in GOAL_WORDS and number.isdecimal() and len(number) <= 3:
                start = at - 1 if at > 0 and folded[at - 1] in _GOAL_LEADS else at
                goal, words = number, words[:start] + words[at + 2 :]
                break
    words, when = _dated(words, today)
    folded = [fold_letters(w.strip(",.:;!?")) for w in words]
    counts = [
        i
        for i, word in enumerate(folded)
        if re.fullmatch(r"\d{1,4}", word) or word in (_NUMBER_WORDS.keys() | _ARTICLES | _DONE_WORDS)
    ]
    if not (language and (when or counts or goal) or (when and counts)):
        return None
    if counts:
        said = words[counts[0] :]
    else:  # "vi hade möte i går för mål 6": what follows the verb
        verb = next((i for i, word in enumerate(folded) if word in _DONE_VERBS), -1)
        said = [w for w in words[verb + 1 :] if fold_letters(w) not in _PRONOUNS]
    said = [w.strip(",.;!?") for w in said]
    return ReportGap(goal, bool(counts), tuple(_hint([], said, when).split()), language)


# Words before a report's number and before its new value: "ändra rapport 5 till 3", "edit report 5 to 3".
_REPORT_WORDS = frozenset({"rapport", "rapporten", "report", "nr", "no", "nummer", "number"})
_TO_WORDS = frozenset({"till", "to"})
_ARROWS = frozenset({"→", "->", "=>", "=", ":"})


def report_number(args: str) -> tuple[int | None, str]:
    """The report's number `ändra`, `ångra` and their English words start with ("5", "#5", "5:", "rapport
    5", "nr 5"), and the rest without a leading "till"/"to"; None when no number comes first."""
    words = args.split()
    while words and fold_letters(words[0]).rstrip(".") in _REPORT_WORDS:  # "report number 5"
        words = words[1:]
    number = words[0].strip().lstrip("#").rstrip(":.,!?") if words else ""
    if not (number.isascii() and number.isdecimal() and len(number) <= 9):
        return None, args.strip()
    rest = words[1:]
    if rest and (fold_letters(rest[0]) in _TO_WORDS or rest[0] in _ARROWS):  # "5 till 3", "5 → 3"
        rest = rest[1:]
    return int(number), " ".join(rest)


# Words that may lead a new day in a correction: "ändra 5 datum 19/11", "correct 5 date to 19 Nov" (folded).
_DAY_WORDS = frozenset({"datum", "datumet", "dag", "dagen", "date", "day"})


def moved_day(text: str, target: Target, today: date, year: int | None) -> date | None:
    """The day a correction moves a report to, when what follows its number is a day and nothing else
    ("ändra 5 2026-11-19", "ändra 5 i förrgår", "correct 5 date to yesterday"): the chair means the report
    happened then, its value and comment as they were. None when the words are anything else (a new value,
    which may be followed by a day); BAD_DATE for a day no calendar has."""
    words = text.split()
    if words and fold_letters(words[0]) in _DAY_WORDS:
        words = words[1:]
        if words and fold_letters(words[0]) in _TO_WORDS:
            words = words[1:]
    try:
        found = dates.read_whole(words, today, year, reported=True)
    except dates.DateError as error:
        raise date_error(error) from None
    return None if found is None else day_of(found, target, today, year)


@dataclass(frozen=True)
class WhichReport:
    """The report `ändra`/`ångra` describe without its number: on a goal, of a day, and the new value as
    written ("" if none); `wrong`: "goal" or "branch" when they say it was reported on the wrong one, which
    a correction cannot change."""

    goal: int | None = None
    day: date | None = None
    value: str = ""
    wrong: str | None = None


# "fel mål", "wrong branch" (folded): what a report was made on by mistake.
_WRONG_WHAT = {
    **dict.fromkeys(("mal", "malet", "goal"), "goal"),
    **dict.fromkeys(("forening", "foreningen", "partiforening", "partiforeningen", "branch"), "branch"),
    **dict.fromkeys(("datum", "datumet", "dag", "dagen", "date", "day"), "day"),
}


# What leads in the new value: "ändra mål 6 till 3", "fel på mål 6, ska vara 3", "should be 3" (folded).
_VALUE_LEADS = (
    ("ska", "vara"),
    ("skall", "vara"),
    ("skulle", "vara"),
    ("borde", "vara"),
    ("should", "have", "been"),
    ("should", "be"),
    ("till",),
    ("to",),
)


def which_report(args: str, today: date) -> WhichReport:
    """The goal, day and new value in words after `ändra`/`ångra` that name no report number: "senaste 2",
    "min förra", "mål 6 till 3", "rapporten från i går", "for goal 4 should be 2"."""
    words = [w.strip(",.;:!?()") for w in without_symbols(args).split()]  # no emoji in the value
    words = [w for w in words if w]
    folded = [fold_letters(w) for w in words]
    wrong = next(
        (
            _WRONG_WHAT[b]
            for a, b in zip(folded, folded[1:], strict=False)
            if a in _WRONG and b in _WRONG_WHAT
        ),
        None,
    )
    value = ""
    for at in range(len(folded)):
        lead = next((lead for lead in _VALUE_LEADS if tuple(folded[at : at + len(lead)]) == lead), None)
        if lead is not None and at + len(lead) < len(words):
            value = " ".join(words[at + len(lead) :])
            words, folded = words[:at], folded[:at]
            break
    goal = None
    for at, word in enumerate(folded[:-1]):
        if word in GOAL_WORDS and folded[at + 1].lstrip("#").isdecimal() and len(folded[at + 1]) <= 6:
            goal = int(folded[at + 1].lstrip("#"))
            words, folded = words[:at] + words[at + 2 :], folded[:at] + folded[at + 2 :]
            break
    try:
        found = find_date(words, today)
    except CheckInError:
        found = None
    day = None
    if found is not None:
        day, start, taken = found
        words = words[:start] + words[start + taken :]
    if wrong == "day" and (day is not None or value):  # "fel datum, det var i fredags": the day it should be
        return WhichReport(goal, None, day.isoformat() if day is not None else value, wrong)
    if not value:  # "ändra senaste 2", "ändra senaste inte klart": a number or a done left over is the value
        value = next((w for w in reversed(words) if w.isascii() and w.isdecimal() and len(w) <= 9), "")
    folded = [fold_letters(w) for w in words]
    if not value and folded and folded[-1] in ("klart", "done"):
        value = " ".join(words[-2:] if len(folded) > 1 and folded[-2] in ("inte", "not") else words[-1:])
    return WhichReport(goal, day, value, wrong)


_WRONG = frozenset(("fel", "wrong", "felaktigt", "annat", "another", "other", "different"))


# A report said to be wrong ("fel siffra på mål 6", "I reported wrong for goal 4") and the language that says
# so; with one of _ABOUT_A_REPORT, a sentence asking to correct a report (folded). Words that ask for a
# change (_CHANGE_WORDS) need a word for a report itself: "ändra mål 6" may be about the goal's text.
_WRONG_WORDS = {
    **dict.fromkeys(("fel", "felaktig", "felaktigt", "misstag"), "sv"),
    **dict.fromkeys(("wrong", "mistake", "incorrect", "typo"), "en"),
}
_CHANGE_WORDS = {
    **dict.fromkeys(("ratta", "korrigera", "andra"), "sv"),
    **dict.fromkeys(("fix", "change"), "en"),
}
_A_REPORT = frozenset(
    {
        *("rapport", "rapporten", "rapporterade", "senaste", "forra", "skrev"),
        *("report", "reported", "last", "latest", "entry", "wrote", "entered"),
    }
)
_ABOUT_A_REPORT = (
    _A_REPORT | {"mal", "malet", "siffra", "siffran", "vardet", "goal", "number", "value"} | set(_WRONG_WHAT)
)
# What may come before it: "oj, jag skrev fel", "oops, delete my last report" (folded).
_OOPS = frozenset({"oj", "ojda", "hoppsan", "oops", "sorry", "forlat", "hej", "hi", "hello"})
_DELETE_SENTENCE = {
    **dict.fromkeys(("ta bort", "radera", "dra tillbaka"), "sv"),
    "delete": "en",
    "remove": "en",
}


def amendment_in(text: str) -> tuple[str, str, str] | None:
    """A sentence asking to correct or withdraw a report without the command word: ("correct" or
    "withdraw", the words for `ändra`/`ångra` to read the report from, their language); None otherwise.
    "ta bort 5" (a number first) is not one: withdrawal_in answers it."""
    amended = _value_amended(text)
    if amended is not None:
        return amended
    words = text.split()
    while len(words) > 1 and fold_letters(words[0].strip(",.;:!?")) in _OOPS:  # "oj, jag skrev fel"
        words = words[1:]
    text = " ".join(words)
    if report_number(text)[0] is not None:  # "4: fel värde" names no report: leave it to the hints
        return None
    folded = [fold_letters(w.strip(",.;:!?()")) for w in text.split()]
    joined = " ".join(folded)
    for phrase, language in _DELETE_SENTENCE.items():
        if joined.startswith(phrase + " "):
            rest = text.split()[len(phrase.split()) :]
            if report_number(" ".join(rest))[0] is None and _ABOUT_A_REPORT & set(folded):
                return "withdraw", " ".join(rest), language
            return None
    said = next((_WRONG_WORDS[w] for w in folded if w in _WRONG_WORDS), None)
    if said is not None and _ABOUT_A_REPORT & set(folded):
        return "correct", text, sentence_language(text) or said
    said = next((_CHANGE_WORDS[w] for w in folded if w in _CHANGE_WORDS), None)
    if said is not None and _A_REPORT & set(folded):
        return "correct", text, sentence_language(text) or said
    return None


# A value said again right after a report: "nej, det var 2", "ska vara 3", "oops 3 not 2", "I meant 2".
_NO_LEADS = {
    **dict.fromkeys(_OOPS, ""),
    **dict.fromkeys(("nej", "fel", "men"), "sv"),
    **dict.fromkeys(("no", "nope", "wrong", "but"), "en"),
}
_SAID_AGAIN = {
    ("det", "var"): "sv",
    ("det", "ska", "vara"): "sv",
    ("ska", "vara"): "sv",
    ("skulle", "vara"): "sv",
    ("jag", "menade"): "sv",
    ("menade",): "sv",
    ("it", "was"): "en",
    ("it", "should", "be"): "en",
    ("should", "be"): "en",
    ("i", "meant"): "en",
    ("meant",): "en",
}
_NOT = {"inte": "sv", "not": "en"}
_IT_WAS = frozenset({("det", "var"), ("it", "was")})


def _value_amended(text: str) -> tuple[str, str, str] | None:
    """A new value for one's latest report, said in other words than `ändra`: ("correct", words naming the
    value for `ändra` without a number, the language); None otherwise. "3 not 2" means 3."""
    written = [w for w in (w.strip(",.;:!?()") for w in text.split()) if w]
    words = [fold_letters(w) for w in written]
    said_no, no_language = False, ""
    while len(words) > 1 and words[0] in _NO_LEADS:
        no_language = no_language or _NO_LEADS[words[0]]
        written, words, said_no = written[1:], words[1:], True
    if said_no and no_language and len(words) == 1 and _a_value(words[0]):  # "nej, 2", "no 3"
        return "correct", f"till {written[0]}", no_language
    if len(words) >= 3 and words[1] in _NOT and _a_value(words[0]) and _a_value(words[2]):
        return "correct", f"till {written[0]}", _NOT[words[1]]  # `ändra till 3`: the latest report, to 3
    for lead, language in _SAID_AGAIN.items():
        after = words[len(lead) :]
        if tuple(words[: len(lead)]) != lead or not after or not _a_value(after[0]):
            continue
        # "det var 2 möten i går" may be a new report: "it was" corrects after a no, or alone with its value
        if lead in _IT_WAS and not said_no and len(after) > 1:
            return None
        return "correct", f"till {written[len(lead)]}", language
    return None


def _a_value(word: str) -> bool:
    return word.isascii() and word.isdecimal() and len(word) <= 9 or word in _NUMBER_WORDS


_DELETE_WORDS = ("ta bort", "radera", "dra tillbaka", "delete", "remove", "erase", "cancel")


def withdrawal_in(text: str) -> int | None:
    """The report a chair asks to delete in other words than `ångra` ("ta bort 5", "radera rapport 5",
    "delete 5"), for a hint; None otherwise."""
    folded = fold_letters(text.strip())
    for words in _DELETE_WORDS:
        if folded.startswith(words + " "):
            number, rest = report_number(text.strip()[len(words) :])
            return number if not rest else None
    return None


def parse_check_in(
    text: str,
    target: Target,
    *,
    goal_number: int,
    today: date,
    year: int | None,
    areas: Mapping[str, str] | None = None,
    default_day: date | None = None,
    default_area: str | None = None,
    grouped: bool | None = None,
) -> CheckInDraft:
    """Read what follows the goal number: the value first, a date anywhere after it ("i går", "12 mars"),
    a per-area goal's area after the value, and the rest is the comment. Without a date it happened
    `default_day` (today unless given); without an area, `default_area` if given (a correction). Several
    days written are read by `one_day`; no day written stays in the comment, which is what the chair
    added (the answer names the days).

    A value followed by what may be its thousands group is read as the goal allows (`grouped` None), or
    raises TwoReadings with both drafts where it allows both; `grouped` True or False says which was meant.
    """
    words = text.split()
    if not words:
        raise CheckInError(CheckInProblem.NO_VALUE)
    try:
        value, used = leading_value(words, target, grouped=grouped)
    except TwoReadings:
        readings = []
        for joined in (False, True):
            try:
                readings.append(
                    parse_check_in(
                        text,
                        target,
                        goal_number=goal_number,
                        today=today,
                        year=year,
                        areas=areas,
                        default_day=default_day,
                        default_area=default_area,
                        grouped=joined,
                    )
                )
            except CheckInError:
                if joined and not readings:
                    raise
        if len(readings) == 1:  # only one reading makes a whole check-in (the other lacks an area, say)
            return readings[0]
        raise TwoReadings(readings[0], readings[1]) from None
    words = words[used:]
    if words and _counted(target) and fold(words[0]) in _TIMES:  # "två gånger": the value's word
        words = words[1:]
    happened_on, others, loosely = default_day or today, [], None
    spans = _spans_written(words, today, year)
    found = [(day_of(span, target, today, year), at, n) for span, at, n in spans]
    if found:  # "i onsdags 18/11", "3/3 och 10/3": the days are read, so they are no comment
        happened_on, *others = one_day(sorted({day for day, _, _ in found}), target, today)
        read = {happened_on, *others}  # a day still to come beside them is the chair's ("nästa på onsdag")
        # "mitten av november" is read as the 15th: the answer says so, to be corrected
        loosely = next(
            (
                " ".join(words[at : at + n])
                for span, at, n in spans
                if span.first == span.last == happened_on and dates.read_loosely(words[at : at + n])
            ),
            None,
        )
        words = _without_days(words, [(at, n) for day, at, n in found if day in read])
    # "1 700 följare", "2 möten i går", "v11 möte": what the value counts, once the day is taken out (a
    # share right after the unit, "meeting, 3/15 people came", is read as it is further on in a sentence)
    words = words[unit_words(words, target) :]
    area = None
    if target.kind is TargetKind.COUNT and target.per_area:
        try:
            area, taken = leading_area(words, areas or {})
            words = words[taken:]
        except CheckInError:
            named = area_named(words, areas or {})
            if named is None and default_area is None:
                raise
            if named is None:
                area = default_area
            else:
                area, words = named
    comment = " ".join(words).strip() or None
    if comment in HINT_COMMENTS:
        comment = None  # a hint's line copied as it stands ("rapportera 4 1 KOMMENTAR"): no comment written
    check(value=value, happened_on=happened_on, comment=comment, today=today, year=year)
    return CheckInDraft(
        goal_number, value, happened_on, area, comment, other_days=tuple(others), loosely=loosely
    )


# What joins the days of a list ("3/3 och 10/3", "3/3, 10/3", "March 3 & 10"), folded.
_DAY_JOINERS = frozenset({"och", "samt", "and", "", "&", "+"})


def _without_days(words: list[str], spans: Sequence[tuple[int, int]]) -> list[str]:
    """The words without the days written (each `spans`' start and length), nor what joins two of them:
    a chair's "2 möten 3/3 och 10/3, bra uppslutning" leaves "bra uppslutning"."""
    taken = {i for at, n in spans for i in range(at, at + n)}
    joins = {
        i
        for i, word in enumerate(words)
        if {i - 1, i + 1} <= taken and fold(word).strip(",;") in _DAY_JOINERS
    }
    kept: list[str] = []
    for i, word in enumerate(words):
        if i not in taken | joins:
            kept.append(word)
        elif kept and word[-1] in ",;" and kept[-1][-1] not in ",;":
            kept[-1] += word[-1]  # "met yesterday, the next is Tuesday": "met, the next is Tuesday"
    if kept and len(words) - 1 in taken and len(kept[-1]) > 1 and kept[-1][-1] in ",;":
        kept[-1] = kept[-1][:-1]  # "bra möte, i går": "bra möte"
    return kept


class TwoGoals(CheckInError):
    """A report followed by a second goal's ("rapportera 4 1 och 3 2", "report 4 1, 5 done"): nothing is
    stored on a half-read message; `first` is the first report (its comment `before` the second) and
    `second` the second's words as written ("3 2")."""

    def __init__(self, first: CheckInDraft, before: str | None, second: str) -> None:
        super().__init__(CheckInProblem.TWO_GOALS, second)
        self.first, self.before, self.second = first, before, second


_JOINERS = frozenset({"och", "samt", "plus", "and", ""})


def second_goal(draft: CheckInDraft, goals: Callable[[int], Goal | None], today: date) -> None:
    """Raise TwoGoals if the comment ends with another goal's report that reads as one: right after the
    value or after "och"/"and" ("och 3 2", "3 klart", "and goal 5 done"). "och 3 deltagare" is a comment."""
    words = (draft.comment or "").split()
    starts = [0] + [at + 1 for at, word in enumerate(words) if fold(word) in _JOINERS]  # "+" folds to ""
    for start in starts:
        rest = " ".join(words[start:]).strip(",; ")
        try:
            number, after = parse_goal_number(rest)
            goal = goals(number)
            if goal is None or not after:
                continue
            parse_check_in(after, goal.target, goal_number=number, today=today, year=None)
        except (CheckInError, TwoReadings):
            continue
        before = " ".join(words[: max(start - 1, 0)]).strip(",; ") or None
        raise TwoGoals(draft, before, rest)


# The placeholder the bot's hints show for a comment (bot/locales), in either language.
HINT_COMMENTS = frozenset({"COMMENT", "KOMMENTAR", "[COMMENT]", "[KOMMENTAR]"})


def check(*, value: float, happened_on: date, comment: str | None, today: date, year: int | None) -> None:
    """The rules every check-in meets, typed or filled in on a card, new or corrected."""
    if happened_on > today:
        raise CheckInError(CheckInProblem.FUTURE_DATE, happened_on.isoformat())
    if year is not None and happened_on.year != year:
        raise CheckInError(CheckInProblem.OUTSIDE_YEAR, happened_on.isoformat())
    if comment is not None and len(comment) > MAX_COMMENT_LENGTH:
        raise CheckInError(CheckInProblem.COMMENT_TOO_LONG, str(len(comment)))
    if value < 0:
        raise CheckInError(CheckInProblem.NEGATIVE, _show(value))


def unit_words(words: Sequence[str], target: Target) -> int:
    """How many of the words (from the first) are the goal's own unit, in either language, singular or
    plural ("följare", "inlägg", "ordförandemöte", "chairs' meetings"): after a value they say what it
    counts, which the goal already says, so they are no comment. 0 when they are not. Its inflections and
    its compound's last part are the unit too ("möten", "mötet", "meetings" for "medlemsmöte")."""
    forms = (
        {
            form
            for language in ("sv", "en")
            for count in (1, 2)
            if (form := target.unit_in(language, count)) is not None
        }
        | {unit for unit in (target.unit, target.unit_en) if unit}
        | unit_forms(target.unit, target.unit_en)
    )
    typed = [fold(word).strip(",.;:!?") for word in words]
    for form in sorted(forms, key=len, reverse=True):
        unit = [fold(word).strip(",.;:!?") for word in form.split()]
        if unit and typed[: len(unit)] == unit:
            return len(unit)
    return 0


def read_value(text: str, target: Target) -> float:
    """One value for the goal's kind of target (used by the card form too), the goal's unit allowed
    after it ("1 700 följare")."""
    words = text.split()
    value, used = leading_value(words or [""], target)
    if used + unit_words(words[used:], target) != len(words):
        raise CheckInError(CheckInProblem.NOT_A_NUMBER, text[:20])
    return value


class TwoReadings(Exception):
    """A value followed by a number that may be its thousands group ("1 100 deltagare"), where the goal
    allows both readings: the value alone (the number begins the comment) and the number joined up."""

    def __init__(self, alone: CheckInDraft, joined: CheckInDraft) -> None:
        super().__init__(alone.value, joined.value)
        self.alone = alone
        self.joined = joined


def leading_value(words: list[str], target: Target, *, grouped: bool | None = True) -> tuple[float, int]:
    """The value the words start with, and how many words it took. Digit groups after it ("1 650") are
    joined when `grouped`, left to the comment when False; None: as the goal allows, TwoReadings if both."""
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
    words = [words[0].rstrip(".,;:!?") or words[0], *words[1:]]  # "rapportera 4 1." and "4 1, i går"
    word = fold_letters(words[0])
    if _counted(target) and word in _ARTICLES:  # "a meeting", "a couple of meetings", "ett par möten"
        if len(words) > 1 and fold_letters(words[1]) in _COUPLE:
            return 2.0, 3 if len(words) > 2 and fold_letters(words[2]) == "of" else 2
        return 1.0, 1
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word]), 1
    taken = _groups(words)
    if taken > 1 and grouped is None:
        alone, joined = _number(words[0]), _number(" ".join(words[:taken]))
        fits_alone = _allows(target, alone, alone=True)
        fits_joined = _allows(target, joined, alone=False)
        if fits_alone and fits_joined:
            raise TwoReadings(  # the drafts are made by parse_check_in, which knows the rest
                CheckInDraft(0, alone, date.min, None, None), CheckInDraft(0, joined, date.min, None, None)
            )
        # Neither fits: a count is a small number and a comment, an amount too large is said to be so.
        grouped = fits_joined or (not fits_alone and not _counted(target))
    if not grouped:
        taken = 1
    raw = " ".join(words[:taken])
    if not _NUMBER.match(raw):
        raise CheckInError(CheckInProblem.NOT_A_NUMBER, words[0][:20])
    value = _number(raw)
    if value < 0:
        raise CheckInError(CheckInProblem.NEGATIVE, raw)
    if _counted(target):
        if value > _ceiling(target):  # first: enough nines make the float infinite, which int() cannot take
            raise CheckInError(CheckInProblem.TOO_LARGE, raw)
        if value != int(value):
            raise CheckInError(CheckInProblem.NOT_WHOLE, raw)
    elif value > MAX_METRIC:
        raise CheckInError(CheckInProblem.TOO_LARGE, raw)
    return value, taken


def _counted(target: Target) -> bool:
    """Whether the goal counts whole things (meetings, people); money and measures are amounts."""
    return target.kind in (TargetKind.COUNT, TargetKind.PEOPLE) and not target.is_amount


# A count more than this many times the goal's target (in its period, or all told) is asked about first.
UNLIKELY_TIMES = 10


def unlikely(target: Target, value: float) -> bool:
    """Whether a reported count is far beyond anything the goal could need: more than UNLIKELY_TIMES its
    target for one period (500 members' meetings on a goal of one a quarter, 500 people on a goal of one
    person). A chair who writes that has most likely mistyped, so it is asked about before it is stored.
    Money and readings (members, followers) have no such bound: any amount may be right."""
    return _counted(target) and bool(target.count) and value > UNLIKELY_TIMES * (target.count or 0)


def far_below(target: Target, value: float, reading: float | None) -> bool:
    """Whether a reading (members, followers) is far below the one before it, or the plan's starting point
    when there is none: under 1/UNLIKELY_TIMES of it (2 followers where the last reading was 1 800). A
    board member or chair who writes that has most likely left digits out, so it is asked about first."""
    return target.kind is TargetKind.METRIC and reading is not None and value * UNLIKELY_TIMES < reading


def _ceiling(target: Target) -> float:
    """Above this a count is a typo; a plan that asks for thousands of something allows ten times that."""
    return max(MAX_COUNT, 10 * (target.count or 0))


def _allows(target: Target, value: float, *, alone: bool) -> bool:
    """Whether `value` is a likely reading of what was written: for a count up to ten times what the goal
    asks (1 100 meetings for a goal of 4 is not). Money and measures are written in groups of three
    ("1 100 kr", "1 650 följare"): for them a number alone before a group is no reading."""
    if not _counted(target):
        return not alone and value <= MAX_METRIC
    limit = 10 * target.count if target.count else MAX_COUNT
    return value == int(value) and value <= min(limit, _ceiling(target))


def _groups(words: list[str]) -> int:
    """How many words make one digit-grouped number ("1 650,5" is two); 1 if the first is not grouped."""
    taken = 1
    while (
        taken < len(words)
        and _GROUP.fullmatch(words[taken])  # the last group may have decimals: "1 650,5"
        and _FIRST_GROUP.fullmatch(words[taken - 1])
    ):
        taken += 1
    return taken


def _number(raw: str) -> float:
    if not _NUMBER.match(raw):
        raise CheckInError(CheckInProblem.NOT_A_NUMBER, raw.split()[0][:20])
    if _COMMA_GROUPED.match(raw):
        return float(raw.replace(",", ""))
    return float(_SPACES.sub("", raw).replace(",", "."))


def find_date(words: list[str], today: date, year: int | None = None) -> tuple[date, int, int] | None:
    """The first date anywhere in the words: the day, where it starts and how many words it took (with a
    word that leads it in, "i vecka 11", "on March 12")."""
    try:
        found = dates.find(words, today, year)
    except dates.DateError as error:
        raise date_error(error) from None
    return None if found is None else (dates.reported_day(found[0], year), found[1], found[2])


def day_of(span: dates.Span, target: Target, today: date, year: int | None) -> date:
    """The day a check-in about `span` is stored on (dates.reported_day). When the days of a period it
    can be about (dates.passed_part) count in different periods of the goal ("vecka 44", 26 October to
    1 November, for a goal per month), storing it on one of them would move the count between periods:
    SPLIT_SPAN, for the chair to write the day, as two days in different periods are refused (one_day)."""
    passed = dates.passed_part(span, today, year)
    period = target.period or Period.YEAR
    counted = passed.first <= today and (year is None or passed.first.year == year)  # else refused by `check`
    if counted and plan_period(period, passed.first) != plan_period(period, passed.last):
        raise CheckInError(CheckInProblem.SPLIT_SPAN, f"{passed.first} {passed.last}")
    return dates.reported_day(span, year)


def _spans_written(words: list[str], today: date, year: int | None) -> list[tuple[dates.Span, int, int]]:
    """Every day or period written, as `dates.find_all` gives each; a period holding a day also written is
    that day ("förra veckan, i tisdags" is Tuesday)."""
    try:
        found = dates.find_all(words, today, year)
    except dates.DateError as error:
        raise date_error(error) from None
    spans = [span for span, _, _ in found]
    return [
        (span, at, taken)
        for span, at, taken in found
        if not any(o != span and span.first <= o.first and o.last <= span.last for o in spans)
    ]


def one_day(days: Sequence[date], target: Target, today: date) -> list[date]:
    """Of several days written in one check-in ("möten 3/3 och 10/3"), the one it is stored on and the
    others. A chair means one report of what happened on them: stored on the first, it counts as it would
    on each of them when they fall in the same period of the goal (the year for a goal without one);
    otherwise it would count in the wrong period, so it is refused and each day is to be reported on its
    own. A day still to come beside one that has passed is the next meeting, not what is reported."""
    passed = [day for day in days if day <= today] or list(days)
    period = target.period or Period.YEAR
    if len({plan_period(period, day) for day in passed}) > 1:
        raise CheckInError(CheckInProblem.TWO_DAYS, " ".join(day.isoformat() for day in passed))
    return passed


# Words that lead an area named later in a report ("debattartikel om feminism"): they go with it.
_ABOUT = frozenset({"om", "inom", "kring", "for", "on", "about", "in", "within"})


def area_named(words: list[str], areas: Mapping[str, str]) -> tuple[str, list[str]] | None:
    """The one priority area named anywhere in the words ("1 debattartikel om feminism"), and the words
    without it (and the "om"/"on" leading it); None when none is, or more than one ("om feminism och
    antirasism" says two, which one report cannot count for)."""
    found: dict[str, tuple[int, int]] = {}
    for at in range(len(words)):
        try:
            area, taken = leading_area(words[at:], areas)
        except CheckInError:
            continue
        found.setdefault(area, (at, taken))
    if len(found) != 1:
        return None
    [(area, (at, taken))] = found.items()
    start = at - 1 if at > 0 and fold(words[at - 1]) in _ABOUT else at
    return area, words[:start] + words[at + taken :]


def leading_area(words: list[str], areas: Mapping[str, str]) -> tuple[str, int]:
    """The priority area the words start with, by any name it has (`areas`: name -> area, see
    Plan.area_names), and how many words it took."""
    if words:
        for name, area in areas.items():
            area_words = fold(name).split()
            typed: list[str] = []  # folded as the name is: "Anti-racism" is two words, "anti racism"
            taken = 0
            while taken < len(words) and len(typed) < len(area_words):
                typed += fold(words[taken]).split()
                taken += 1
            if typed == area_words or (
                typed and area_words and area_words[0].startswith(typed[0]) and len(typed[0]) >= 4
            ):
                return area, taken if typed == area_words else 1
    raise CheckInError(CheckInProblem.NEED_AREA)


def _show(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# --- storing a check-in: the one place every way of reporting ends ---------------------------------------


@dataclass(frozen=True)
class Refused:
    """A check-in the sender may not make as written: why, the branches they chair, the district's
    branches, and who is responsible for the goal."""

    why: Refusal
    chairs: tuple[BranchInfo, ...]
    branches: tuple[BranchInfo, ...] = ()
    responsible: tuple[str, ...] = ()
    named: str = ""  # the branch name as written, when it is no branch of the district


class Reporting:
    """Who may report, and storing a valid check-in for the branch it counts for: `check`, then `add` (the
    checks' reads in one snapshot with the caller's, the write after them); called in worker threads."""

    def __init__(self, checkins: CheckInRepository) -> None:
        self.checkins = checkins

    def may_report(self, person: PersonInfo, district: str, roles: Collection[Role]) -> bool:
        """Whether they may report on any goal at all (the form and dialog are offered only to them)."""
        reporter = self.checkins.reporter(person, district)
        return may_report(roles, reporter.chairs, reporter.responsible)

    def branch_choice(
        self, person: PersonInfo, district: str, roles: Collection[Role], goals: Sequence[Goal]
    ) -> list[str]:
        """The branches the sender must choose among to report the first of `goals` that needs one (none: the
        branch follows from who they are): the board's or a responsible person's report on an every-branch
        goal, a chair of several's."""
        reporter = self.checkins.reporter(person, district)
        for goal in goals:
            why = _why_not(roles, reporter, goal)
            if why is Refusal.SEVERAL_BRANCHES:
                return [b.name for b in reporter.chairs]
            if why is Refusal.NEED_BRANCH:
                return [b.name for b in reporter.branches]
        return []

    def refusal(self, person: PersonInfo, district: str, roles: Collection[Role], goal: Goal) -> Refused:
        """Why the sender may not report on `goal` (one `examples` leaves out), for the form and dialog."""
        reporter = self.checkins.reporter(person, district)
        why = _why_not(roles, reporter, goal)
        names = [name for _, name in self.checkins.responsible(district).get(goal.id, [])]
        return Refused(
            why if isinstance(why, Refusal) else Refusal.NOT_ALLOWED,
            reporter.chairs,
            reporter.branches,
            tuple(names),
        )

    def check(
        self, person: PersonInfo, district: str, roles: Collection[Role], goal: Goal, draft: CheckInDraft
    ) -> Ready | Refused | Repeat | Unlikely:
        """Which branch the check-in counts for, or why the sender may not make it. A count far beyond the
        goal's target (`unlikely`) is asked about, and so is a report like one stored before (same goal,
        branch, day and value), answered with that one, unless the draft is `confirmed`. Raises the
        repository's AlreadyStored for a submission stored before. Only reads."""
        reporter = self.checkins.reporter(person, district)
        branches = reporter.branches
        comment, named = branch_in(draft.comment, branches)
        if draft.branch:
            named = find_branch(draft.branch, branches) or draft.branch[:60]
        if isinstance(named, str):
            return Refused(Refusal.UNKNOWN_BRANCH, reporter.chairs, branches, named=named)
        branch = reporting_for(
            roles,
            reporter.chairs,
            reporter.responsible,
            goal.id,
            named,
            every_branch=goal.applies_to_branches,
        )
        if isinstance(branch, Refusal):
            names = [name for _, name in self.checkins.responsible(district).get(goal.id, [])]
            return Refused(branch, reporter.chairs, branches, tuple(names))
        branch_id = branch.id if branch else None
        if not draft.confirmed and unlikely(goal.target, draft.value):
            return Unlikely(draft.value)
        if not draft.confirmed and goal.target.kind is TargetKind.METRIC:
            name = branch.name if branch else None
            before = next(
                (
                    c
                    for c in self.checkins.latest(goal.id, year=draft.happened_on.year, limit=50)
                    if c.branch == name
                ),
                None,
            )
            reading = before.value if before is not None else goal.target.baseline
            if far_below(goal.target, draft.value, reading):
                return Unlikely(draft.value, below=reading, from_plan=before is None)
        if not draft.confirmed:  # a message or form sent again raises AlreadyStored, here or in add
            same = self.checkins.same_report(
                district,
                goal.id,
                branch_id,
                draft.happened_on,
                draft.value,
                area=draft.area,
                submission=draft.submission,
            )
            if same is not None:
                return Repeat(same)
        done_by = None
        if goal.target.kind is TargetKind.DONE and draft.value < 1:  # "inte klart" leaves it done: say so
            done_by = self.checkins.done_report(district, goal.id, branch_id, year=draft.happened_on.year)
        return Ready(branch_id, comment, done_by)

    def add(
        self,
        person: PersonInfo,
        district: str,
        goal: Goal,
        draft: CheckInDraft,
        ready: Ready,
        *,
        now: datetime,
    ) -> StoredCheckIn:
        """Store a checked check-in; committed when this returns. Raises the repository's AlreadyStored for
        a submission stored meanwhile, NotStored if it could not be stored."""
        return self.checkins.add(
            district=district,
            goal_id=goal.id,
            branch_id=ready.branch_id,
            reporter=person,
            value=draft.value,
            happened_on=draft.happened_on,
            area=draft.area,
            comment=ready.comment,
            now=now,
            submission=draft.submission,
        )


@dataclass(frozen=True)
class Ready:
    """A check-in that may be stored: for which branch (None: the district), with what comment (the branch
    named in it taken out)."""

    branch_id: int | None
    comment: str | None
    # A "not done" on a goal a standing report of the year already says is done (which it stays, per
    # bot/services/progress.py): that report, for the answer to name.
    done_by: StoredCheckIn | None = None


@dataclass(frozen=True)
class Repeat:
    """A report like one already stored: asked about before it is stored twice."""

    stored: StoredCheckIn


@dataclass(frozen=True)
class Unlikely:
    """A count far beyond what the goal could need (`unlikely`), or a reading far below the one before it
    (`far_below`): asked about before it is stored."""

    value: float
    below: float | None = None  # the reading it is far below (None: a count far beyond the target)
    from_plan: bool = False  # that reading is the plan's starting point, as nothing is reported yet


def branch_in(
    comment: str | None, branches: Sequence[BranchInfo]
) -> tuple[str | None, BranchInfo | str | None]:
    """The branch a "för Sundsvall" / "for Sundsvall" anywhere in the comment names ("möte för Sundsvall"),
    or its name alone leading the comment, and the rest of the comment.

    A capitalised name right after a leading "för" that is no branch of the district comes back as that name
    (a string), to be refused with the list; "för medlemmarna" is just a comment."""
    if not comment:
        return comment, None
    words = comment.split()
    for at, word in enumerate(words[:-1]):
        if fold(word) not in ("for", "för"):
            continue
        found = leading_branch(words[at + 1 :], branches)
        if found is not None:
            branch, taken = found
            return " ".join(words[:at] + words[at + 1 + taken :]) or None, branch
    if len(words) > 1 and fold(words[0]) in ("for", "för") and words[1][:1].isupper():
        return comment, words[1][:60]
    # "rapportera 4 1 Sundsvall i går": a branch's name first, without "för", says whose it is all the same
    found = leading_branch([word.strip(",;:") for word in words], branches)
    if found is not None:
        branch, taken = found
        return " ".join(words[taken:]).lstrip(",;: ") or None, branch
    return comment, None
