"""The board's export of check-ins as CSV, and the signed links that let a chat hand one out. Framework-free.

One pipeline for the command line (`python -m bot export checkins`) and the download route
(`GET /exports/{token}`): an `ExportQuery` (district and filters) -> the repository's `export_rows` ->
`render_csv` -> bytes.

The file is made for Excel as the board opens it, by double-clicking, on Swedish Windows:
- UTF-8 with a byte order mark, or Excel reads it as the ANSI code page and "å" becomes "Ã¥";
- `;` between fields and a decimal comma, because Excel splits a .csv on the list separator of the
  Windows regional settings, which is `;` in Swedish (and most European) settings: a `,`-separated file
  lands in one column there. LibreOffice and Google Sheets ask or detect; pandas needs `sep=";"`.
  A `sep=;` first line is not written: Excel then ignores the byte order mark.
- Cells that Excel or LibreOffice would run as a formula (starting with = + - @, tab or CR) get a leading
  `'`, the OWASP advice against CSV injection: comments are typed by whoever reports.

Personal data: only what the board needs to follow the plan. No reporter names, Teams or AAD ids, and no
one's role are exported (the database knows who reported what, for corrections and reminders; a
spreadsheet that travels by mail does not need to). Free-text comments are exported as written.

Links: `ExportLinks` signs the query into a token stamped with the time it was made (itsdangerous, see
`ExportLinks`), so a link needs no database row and no state shared between requests, only the secret.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import hmac
import io
import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard
from zoneinfo import ZoneInfo

from itsdangerous import BadData, TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import want_bytes

from bot.i18n import LANGUAGES, Translator, area_name, fold, strip_invisible
from bot.services import dates
from bot.services.branches import BranchName, find_branch
from bot.services.goals import number_in
from bot.services.people import PersonInfo
from bot.services.privacy import DataSubject

if TYPE_CHECKING:
    from bot.db.checkins import CheckInRepository
    from bot.services.progress import Progress

BOM = "\ufeff"
DELIMITER = ";"
# What a spreadsheet would start a formula with (OWASP "CSV Injection"): such cells get a leading '.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FILENAME_STEM = "rapporter"  # the chat's word for them; ASCII, safe in any Content-Disposition

MIN_YEAR, MAX_YEAR = 2000, 2100
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_LOOKS_LIKE_PERIOD = re.compile(r"^\d{4}(?:\b|-|[Qq])")


class ExportProblem(StrEnum):
    BAD_PERIOD = "bad_period"  # not a year, quarter or month
    TWO_PERIODS = "two_periods"  # chat: more than one period given
    BAD_GOAL = "bad_goal"  # "mål" without a number after it
    UNKNOWN_GOAL = "unknown_goal"  # no goal with that number in the plan
    UNKNOWN_BRANCH = "unknown_branch"


class ExportFilterError(ValueError):
    def __init__(self, code: ExportProblem, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = ExportProblem(code)
        self.detail = detail


@dataclass(frozen=True)
class Period:
    """A year, a quarter or a month, both ends included (local dates, as check-ins store them)."""

    label: str  # "2027", "2027-Q2" or "2027-05"
    start: date
    end: date


def parse_period(text: str) -> Period:
    """`2027`, `2027-Q2` (or `2027Q2`, `2027-q2`) or `2027-05`; anything else is BAD_PERIOD."""
    value = text.strip()
    if match := _YEAR.match(value):
        year = _year(match[1], value)
        return Period(str(year), date(year, 1, 1), date(year, 12, 31))
    if match := _QUARTER.match(value):
        year, quarter = _year(match[1], value), int(match[2])
        first = 3 * quarter - 2
        last = first + 2
        return Period(
            f"{year}-Q{quarter}", date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
        )
    if match := _MONTH.match(value):
        year, month = _year(match[1], value), int(match[2])
        if not 1 <= month <= 12:
            raise ExportFilterError(ExportProblem.BAD_PERIOD, value[:20])
        return Period(
            f"{year}-{month:02d}",
            date(year, month, 1),
            date(year, month, calendar.monthrange(year, month)[1]),
        )
    raise ExportFilterError(ExportProblem.BAD_PERIOD, value[:20])


def _spoken_period(words: list[str], index: int, today: date | None) -> tuple[Period, int] | None:
    """A quarter, month or year written in words at words[index] ("Q3", "förra månaden"), and how many
    words it took; BAD_PERIOD for a day or a week, which the export does not cut by."""
    if today is None:
        return None
    try:
        found = dates.read_at(words, index, today, alone=True)
    except dates.DateError as error:
        raise ExportFilterError(ExportProblem.BAD_PERIOD, error.text) from None
    if found is None:
        return None
    span, taken = found
    first, last = span.first, span.last
    written = " ".join(words[index : index + taken])[:20]
    if first.day != 1 or last.month not in (first.month, first.month + 2, first.month + 11):
        raise ExportFilterError(ExportProblem.BAD_PERIOD, written)
    label = {0: f"{first.year}-{first.month:02d}", 2: f"{first.year}-Q{(first.month + 2) // 3}"}
    period = parse_period(label.get(last.month - first.month, str(first.year)))
    if (period.start, period.end) != (first, last):  # a season ("i våras") is no quarter
        raise ExportFilterError(ExportProblem.BAD_PERIOD, written)
    return period, taken


def _year(digits: str, text: str) -> int:
    year = int(digits)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ExportFilterError(ExportProblem.BAD_PERIOD, text[:20])
    return year


@dataclass(frozen=True)
class ExportQuery:
    """Which check-ins to export: a district's, optionally narrowed down."""

    district: str
    period: Period | None = None
    branch: str | None = None  # a branch's name as stored (after `check_filters`)
    goal: int | None = None  # a goal's number in the current plan
    include_withdrawn: bool = False
    language: str = "sv"  # of the column headings, goal texts and yes/no
    # Who asked for it: the link works only while they may still export (bot/app.py `_export` checks).
    made_by: PersonInfo | None = field(default=None, compare=False)


def check_filters(query: ExportQuery, *, goals: Collection[int], branches: Sequence[str]) -> ExportQuery:
    """The query with the branch's name as stored, or UNKNOWN_GOAL / UNKNOWN_BRANCH.

    `goals`: the numbers of the plan's goals; `branches`: the district's branch names. A branch matches
    without regard to case, diacritics or a small slip ("harnosand" is Härnösand; bot/services/branches.py).
    """
    if query.goal is not None and query.goal not in goals:
        raise ExportFilterError(ExportProblem.UNKNOWN_GOAL, str(query.goal))
    if query.branch is None:
        return query
    found = find_branch(query.branch, [BranchName(name) for name in branches])
    if found is None:
        raise ExportFilterError(ExportProblem.UNKNOWN_BRANCH, query.branch[:60])
    return replace(query, branch=found.name)


@dataclass(frozen=True)
class ExportCheck:
    """What the chat's `exportera` found: the query as checked and how many check-ins match, or why not.

    `problem`: a filter the plan does not know (with its goal count and branch names, to say which are);
    `own`: a chair's own branches, set when the query asks for another branch's."""

    query: ExportQuery
    count: int = 0
    problem: ExportFilterError | None = None
    goals: int = 0
    branches: tuple[str, ...] = ()
    own: tuple[str, ...] | None = None


def check_export(
    progress: Progress, checkins: CheckInRepository, query: ExportQuery, *, board: bool
) -> ExportCheck:
    """`query`'s filters against the district's plan and branches; a chair (not `board`) exports only their
    own branch's, which is the query's branch when they chair one; and how many check-ins match."""
    with checkins.db.snapshot():
        plan = progress.plan(query.district)
        goals = [goal.number for goal in plan.goals] if plan else []
        branches = tuple(branch.name for branch in checkins.branches(query.district))
        try:
            query = check_filters(query, goals=goals, branches=branches)
        except ExportFilterError as error:
            return ExportCheck(query, problem=error, goals=len(goals), branches=branches)
        if not board and query.made_by is not None:
            own = tuple(branch.name for branch in checkins.chair_of(query.made_by, query.district))
            if query.branch is None and len(own) == 1:
                query = replace(query, branch=own[0])
            elif query.branch not in own:
                return ExportCheck(query, own=own)
        return ExportCheck(query, count=len(checkins.export_rows(query)))


@dataclass(frozen=True)
class FilterWords:
    """The filters as a chat message gives them, before they are checked against the plan."""

    period: Period | None = None
    goal: int | None = None
    include_withdrawn: bool = False
    branch: str | None = None  # the words left over: a branch's name


_GOAL_WORDS = {"mal", "goal"}
_WITHDRAWN_WORDS = {"aterkallade", "aterkallad", "tillbakadragna", "tillbakadragen", "withdrawn", "angrade"}
# Words that name what is exported, or how, and filter nothing: "exportera rapporterna för Sundsvall",
# "export all the check-ins as excel" (folded). The file is a CSV, which Excel opens.
_SAYS_NOTHING = frozenset(
    (
        *("rapporterna", "rapporter", "rapport", "rapporten", "incheckningar", "incheckningarna", "allt"),
        *("alla", "all", "everything", "the", "reports", "report", "checkins", "check-ins", "data"),
        *("excel", "csv", "kalkylark", "kalkylblad", "spreadsheet", "fil", "file", "en", "a", "an", "som"),
        *("as", "i", "in", "till", "to", "for", "fran", "from", "of", "av", "mig", "me", "tack", "please"),
        *("pa", "on", "med", "with", "och", "and", "vara", "our", "var", "varan", "vart", "hela", "whole"),
    )
)


def parse_words(text: str, today: date | None = None) -> FilterWords:
    """`2027-Q2 Sundsvall`, `mål 6 2027`, `Härnösand återkallade`: in any order; what is left is a branch.

    A period is a word like 2027, 2027-Q2 or 2027-05, or (given `today`) a quarter, month or year as
    bot/services/dates.py reads it: `Q3`, `förra kvartalet`, `maj`, `förra månaden`, `i fjol`; a goal is
    `mål 6`, `goal 6` or `#6`; `återkallade` (or `withdrawn`) includes withdrawn check-ins. A bare number
    below 1000 is a goal too: `exportera 6`.
    """
    words = text.split()
    period: Period | None = None
    goal: int | None = None
    withdrawn = False
    rest: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        folded = fold(word)
        spoken = _spoken_period(words, index, today) if not _LOOKS_LIKE_PERIOD.match(word) else None
        if spoken is not None:
            if period is not None:
                raise ExportFilterError(ExportProblem.TWO_PERIODS, word[:20])
            period, taken = spoken
            index += taken
            continue
        if _LOOKS_LIKE_PERIOD.match(word):
            if period is not None:
                raise ExportFilterError(ExportProblem.TWO_PERIODS, word[:20])
            period = parse_period(word)
        elif folded in _GOAL_WORDS:
            following = words[index + 1] if index + 1 < len(words) else ""
            goal = number_in(following, digits=6)
            if goal is None:
                raise ExportFilterError(ExportProblem.BAD_GOAL, following.lstrip("#")[:20])
            index += 1
        elif number_in(word, digits=3) is not None:
            goal = number_in(word, digits=3)
        elif folded in _WITHDRAWN_WORDS:
            withdrawn = True
        elif folded.strip("!?.,:;") not in _SAYS_NOTHING:
            rest.append(word)
        index += 1
    return FilterWords(period, goal, withdrawn, " ".join(rest) or None)


# --- rows and the CSV ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportRow:
    """One check-in as the export shows it (the repository builds these). No one's name or ids."""

    id: int
    goal_number: int | None  # None: the goal was dropped from a re-imported plan
    goal_text: str
    goal_text_en: str | None
    section: str | None
    section_en: str | None
    branch: str | None  # None: reported for the whole district
    value: float
    happened_on: date
    area: str | None
    comment: str | None
    reported_at: datetime  # when it was first stored, UTC
    corrected: bool  # changed after it was stored
    withdrawn: bool
    done_or_not: bool = False  # the goal is done / not done: the value is shown in words


class ExportStore(Protocol):
    def export_rows(self, query: ExportQuery) -> list[ExportRow]: ...


@dataclass(frozen=True)
class Export:
    """A finished export: the file's bytes, its name, and how many check-ins it holds."""

    data: bytes
    filename: str
    count: int


def export_csv(store: ExportStore, query: ExportQuery, t: Translator, zone: ZoneInfo) -> Export:
    """The whole export, the one way the command line and the download route make it; times in `zone`, the
    district's."""
    rows = store.export_rows(query)
    data = render_csv(rows, t, zone=zone, include_withdrawn=query.include_withdrawn)
    return Export(data, filename(query), len(rows))


def headings(t: Translator, *, include_withdrawn: bool) -> list[str]:
    names = [
        t._("ID"),
        t._("Goal"),
        t._("Goal text"),
        t._("Section"),
        t._("Branch"),
        t._("Value"),
        t._("Date"),
        t._("Area"),
        t._("Comment"),
        t._("Reported at"),
        t._("Corrected"),
    ]
    if include_withdrawn:
        names.append(t._("Withdrawn"))
    return names


def render_csv(
    rows: Iterable[ExportRow], t: Translator, *, zone: ZoneInfo, include_withdrawn: bool = False
) -> bytes:
    """UTF-8 with a byte order mark, `;`-separated, CRLF line ends, formula-like cells neutralised."""
    english = t.language == "en"
    yes, no = t._("yes"), t._("no")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headings(t, include_withdrawn=include_withdrawn))
    for row in rows:
        cells = [
            str(row.id),
            "" if row.goal_number is None else str(row.goal_number),
            (row.goal_text_en if english and row.goal_text_en else row.goal_text),
            (row.section_en if english and row.section_en else row.section) or "",
            row.branch or "",
            ((t._("done") if row.value >= 1 else t._("not done")) if row.done_or_not else number(row.value)),
            row.happened_on.isoformat(),
            area_name(row.area, t.language) if row.area else "",
            row.comment or "",
            local_time(row.reported_at, zone),
            yes if row.corrected else no,
        ]
        if include_withdrawn:
            cells.append(yes if row.withdrawn else no)
        writer.writerow([neutralise(cell) for cell in cells])
    return (BOM + out.getvalue()).encode("utf-8")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would evaluate as a formula, made text with a leading quote; invisible controls
    (bidi overrides, ...) removed first, so none can hide a formula's start or reorder what is shown."""
    cell = strip_invisible(cell)
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def number(value: float) -> str:
    """A value as Swedish Excel reads a number: whole numbers bare, decimals with a comma."""
    if value.is_integer():
        return str(int(value))
    return repr(value).replace(".", ",")


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    """The district's wall-clock time as Swedish Excel reads a date and time: 2027-05-03 10:15:00 (a "Z"
    or a "T" would make it text)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return f"{aware.astimezone(zone):%Y-%m-%d %H:%M:%S}"


def filename(query: ExportQuery) -> str:
    """`rapporter-2027-Q2.csv`, with the branch and goal when filtered on: ASCII only."""
    parts = [FILENAME_STEM]
    if query.period is not None:
        parts.append(query.period.label)
    if query.branch:
        slug = "-".join(fold(query.branch).encode("ascii", "ignore").decode().split())
        if slug:
            parts.append(slug[:40])
    if query.goal is not None:
        parts.append(f"mal{query.goal}")
    return "-".join(parts) + ".csv"


# --- signed links --------------------------------------------------------------------------------------

# One salt per kind of link, so that a token signed for one kind is never read as the other; a new format
# gets a new salt, and every token of the old one stops working.
EXPORT_SALT = "distriktsboten.export-link.v2"
PERSONAL_SALT = "distriktsboten.personal-data-link.v2"  # a member's own data (see ExportLinks.personal_link)
DOCUMENT_SALT = "distriktsboten.board-document-link.v1"  # the follow-up and the year's report (.docx)
DASHBOARD_SALT = "distriktsboten.dashboard-link.v1"  # the dashboard page
MAX_TOKEN_LENGTH = 2048  # a district name of 200 characters and every filter stay far below this


class _ClockSigner(TimestampSigner):
    """itsdangerous's `TimestampSigner` on the caller's clock: it stamps and checks a token's age with the
    `now` it is given, never `time.time()` (the app's clock is injected; tests hold it fixed and CI runs
    them under faketime). HMAC-SHA256 with an HMAC-derived key, not the library's SHA-1 default."""

    default_digest_method = staticmethod(hashlib.sha256)
    default_key_derivation = "hmac"

    def __init__(self, *args: Any, now: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._now = int(now.timestamp())

    def get_timestamp(self) -> int:
        return self._now

    def verify_signature(self, value: str | bytes, sig: str | bytes) -> bool:
        # The signature as written, not as decoded: base64 decoding forgives padding, stray characters and
        # the unused bits of the last one, and a link is one exact string (compared in constant time).
        return hmac.compare_digest(want_bytes(sig), self.get_signature(value))


class ExportLinks:
    """Download links that carry their query, signed and stamped so they cannot be forged, changed or used
    after `lifetime`.

    A token is itsdangerous's `URLSafeTimedSerializer` format: `<payload>.<time>.<signature>`, the payload
    compact JSON in base64url (zlib-compressed, with a leading `.`, when that is shorter), the time when
    it was made, and an HMAC-SHA256 over both with the secret and the link kind's salt. Export payload:
    `{"d": district, "p": period label | null, "b": branch | null, "g": goal | null, "w": include
    withdrawn, "l": language, "u": Teams user id of who asked, "a": their AAD object id | null}`; the
    server checks, each time a link is used, that whoever asked may still export.
    The payload is signed, not encrypted: it holds nothing secret. A link
    works while it is younger than `lifetime` (checked when it is read, so shortening the setting shortens
    the links already handed out). Without a configured secret the app makes a random one per process, so
    links die with the process and only work on the replica that made them.
    """

    def __init__(self, secret: bytes, *, base_url: str, lifetime: timedelta) -> None:
        if len(secret) < 16:
            raise ValueError("the export link secret is too short")
        self._secret = secret
        self.base_url = base_url.rstrip("/")
        self.lifetime = lifetime

    def link(self, query: ExportQuery, *, now: datetime) -> tuple[str, datetime]:
        """The download URL for `query`, and when it stops working."""
        expires = now + self.lifetime
        return f"{self.base_url}/exports/{self.token(query, expires=expires)}", expires

    def token(self, query: ExportQuery, *, expires: datetime) -> str:
        """A token for `query` that stops working at `expires` (it is stamped `expires - lifetime`)."""
        payload = {
            "d": query.district,
            "p": query.period.label if query.period else None,
            "b": query.branch,
            "g": query.goal,
            "w": query.include_withdrawn,
            "l": query.language,
            "u": query.made_by.teams_user_id if query.made_by else None,
            "a": query.made_by.aad_object_id if query.made_by else None,
        }
        return self._sign(EXPORT_SALT, payload, expires)

    def read(self, token: str, *, now: datetime) -> ExportQuery | None:
        """The query a token carries, or None if it is forged, changed, expired or not a token at all."""
        try:
            return self._query(self._open(EXPORT_SALT, token, now))
        except (ValueError, TypeError, KeyError):
            return None  # signed by us but unreadable: only a change of format could do that

    # A member's own data (`mina data`, bot/services/privacy.py) travels through the same route and secret,
    # under its own salt: an export token is never read as a personal one or the other way round. Payload:
    # `{"i": person id, "s": when their row was created (microseconds), "l": language}`, binding the link
    # to that one person.

    def personal_link(self, subject: DataSubject, *, now: datetime) -> tuple[str, datetime]:
        """The download URL of `subject`'s own data, and when it stops working."""
        expires = now + self.lifetime
        return f"{self.base_url}/exports/{self.personal_token(subject, expires=expires)}", expires

    def personal_token(self, subject: DataSubject, *, expires: datetime) -> str:
        payload = {"i": subject.person_id, "s": subject.since, "l": subject.language}
        return self._sign(PERSONAL_SALT, payload, expires)

    def read_personal(self, token: str, *, now: datetime) -> DataSubject | None:
        """Whose data a personal token is for, or None if it is forged, changed, expired or not one."""
        payload = self._open(PERSONAL_SALT, token, now)
        if not isinstance(payload, dict):
            return None
        person_id, since, language = payload.get("i"), payload.get("s"), payload.get("l")
        if not _whole(person_id) or not _whole(since) or language not in LANGUAGES:
            return None
        return DataSubject(person_id=person_id, since=since, language=language)

    # The board's documents (bot/services/followup.py) and the dashboard travel the same way, each kind under
    # its own salt. Document payload: `{"k": "followup" | "annual", "d": district, "s": the follow-up's
    # start (ISO 8601) | null, "y": the report's year | null, "l": language, "u", "a": who asked}`;
    # dashboard payload: `{"d": district, "b": the branch shown first (id) | null, "l", "x": when it
    # expires (Unix time, for the page to say), "u", "a"}`. The server checks on each use that whoever
    # asked may still see it.

    def document_link(self, query: DocumentQuery, *, now: datetime) -> tuple[str, datetime]:
        """The download URL of a board document, and when it stops working."""
        expires = now + self.lifetime
        payload = {
            "k": query.kind,
            "d": query.district,
            "s": query.since.isoformat() if query.since else None,
            "y": query.year,
            "l": query.language,
            **_maker(query.made_by),
        }
        return f"{self.base_url}/exports/{self._sign(DOCUMENT_SALT, payload, expires)}", expires

    def read_document(self, token: str, *, now: datetime) -> DocumentQuery | None:
        payload = self._open(DOCUMENT_SALT, token, now)
        if not isinstance(payload, dict):
            return None
        kind, district, since, year = payload.get("k"), payload.get("d"), payload.get("s"), payload.get("y")
        language, made_by = payload.get("l"), _made_by(payload)
        if kind not in ("followup", "annual") or not isinstance(district, str) or language not in LANGUAGES:
            return None
        if not (year is None or _whole(year)) or not (since is None or isinstance(since, str)):
            return None
        try:
            start = datetime.fromisoformat(since) if since else None
        except ValueError:
            return None
        return DocumentQuery(kind, district, language, made_by, since=start, year=year)

    def dashboard_link(self, query: DashboardQuery, *, now: datetime) -> tuple[str, datetime]:
        """The dashboard's URL for `query`, and when it stops working."""
        expires = now + self.lifetime
        payload = {
            "d": query.district,
            "b": query.branch_id,
            "l": query.language,
            "x": int(expires.timestamp()),
            **_maker(query.made_by),
        }
        return f"{self.base_url}/dashboard/{self._sign(DASHBOARD_SALT, payload, expires)}", expires

    def read_dashboard(self, token: str, *, now: datetime) -> DashboardQuery | None:
        payload = self._open(DASHBOARD_SALT, token, now)
        if not isinstance(payload, dict):
            return None
        district, branch, language, expires = (payload.get(key) for key in ("d", "b", "l", "x"))
        if (
            not isinstance(district, str)
            or language not in LANGUAGES
            or not (branch is None or _whole(branch))
            or not _whole(expires)
        ):
            return None
        until = datetime.fromtimestamp(expires, UTC)
        return DashboardQuery(district, language, _made_by(payload), branch, until)

    def _serializer(self, salt: str, now: datetime) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(
            self._secret, salt=salt, signer=_ClockSigner, signer_kwargs={"now": now}
        )

    def _sign(self, salt: str, payload: dict[str, Any], expires: datetime) -> str:
        return self._serializer(salt, expires - self.lifetime).dumps(payload)

    def _open(self, salt: str, token: str, now: datetime) -> Any:
        """The payload of a token signed with `salt` and younger than the lifetime at `now`, or None."""
        if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
            return None
        # itsdangerous accepts a signature while its age <= max_age, in whole seconds; a link stops working
        # at its expiry, when its age reaches the lifetime. (A token stamped later than `now` is refused.)
        max_age = math.ceil(self.lifetime.total_seconds()) - 1
        try:
            return self._serializer(salt, now).loads(token, max_age=max_age)
        except BadData:  # forged, changed, expired or garbage
            return None

    @staticmethod
    def _query(payload: Any) -> ExportQuery | None:
        if not isinstance(payload, dict):
            return None
        district, period, branch = payload["d"], payload["p"], payload["b"]
        goal, withdrawn, language = payload["g"], payload["w"], payload["l"]
        if not isinstance(district, str) or not district or language not in LANGUAGES:
            return None
        if not (branch is None or isinstance(branch, str)) or not isinstance(withdrawn, bool):
            return None
        if goal is not None and (not isinstance(goal, int) or isinstance(goal, bool)):
            return None
        if period is not None and not isinstance(period, str):
            return None
        user, aad = payload.get("u"), payload.get("a")
        if not (aad is None or isinstance(aad, str)):
            return None
        made_by = PersonInfo(user, aad, "") if isinstance(user, str) and user else None
        return ExportQuery(
            district=district,
            period=parse_period(period) if period is not None else None,
            branch=branch,
            goal=goal,
            include_withdrawn=withdrawn,
            language=language,
            made_by=made_by,
        )


@dataclass(frozen=True)
class DocumentQuery:
    """A board document to make: the follow-up since `since`, or the report of `year`."""

    kind: str  # followup | annual
    district: str
    language: str
    made_by: PersonInfo | None
    since: datetime | None = None
    year: int | None = None


@dataclass(frozen=True)
class DashboardQuery:
    """The dashboard of a district, a branch first (a chair's own)."""

    district: str
    language: str
    made_by: PersonInfo | None
    branch_id: int | None = None
    expires: datetime | None = None  # when the link stops working (read from it)


def _maker(person: PersonInfo | None) -> dict[str, str | None]:
    return {"u": person.teams_user_id if person else None, "a": person.aad_object_id if person else None}


def _made_by(payload: dict[str, Any]) -> PersonInfo | None:
    user, aad = payload.get("u"), payload.get("a")
    if not isinstance(user, str) or not user or not (aad is None or isinstance(aad, str)):
        return None
    return PersonInfo(user, aad, "")


def _whole(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
