"""Progress against a goal's target: what has been done, what "on pace" means today, and whether we are.

Framework-free: no botbuilder, no aiohttp, no SQL. The caller loads the goal's check-ins as `Report`s and
passes `today` (a local date), the plan year and what it knows about the district (priority areas, number of
branches, people named); `progress` answers with a `Measure` for the current period and one for the year,
and one pace for the goal. `Progress`, at the end, is that caller for every command, reminder, digest and
export: it reads the plan and its check-ins through the repositories.

Rules (product decisions; the tests hold them with hand-computed numbers):

Whose goal it is
- A district goal is reported by the board and the people responsible; every report counts toward the one
  district figure. An every-branch goal (`applies_to_branches`, with `branches` > 0) is each branch's own:
  each branch is measured alone by the rules below, and the district's figure is how many of the branches
  reached their share (for the year, and for the current period). District-wide reports of such a goal
  belong to no branch and count for none. A number to move that every branch has (members, from 100 to
  200) is each branch's own number: a branch has reached it when its own latest reading has.
- A branch the board adds during the plan year, once the district has begun reporting, is measured from
  the day it was added (or its first report, if earlier): its periods are those from the one holding that
  day ("1 of 8 months" from May), and what is due falls due over the days it had, as if its year began then.

Which reports count
- Only reports whose `on` falls in the plan `year` count. `today` before the plan year: nothing is due yet;
  after it: everything was due, and the figures are the year's final result.
- Reports never pile up beyond what they measure. Reports of one day from different branches (or from a
  branch and the district) tell of the same event: the day counts the largest of them, not their sum. A
  merged branch's reports keep the branch they were made for: the joint meeting both branches reported
  before the merge is still one meeting (readings take the latest, done stays done, as for any branch). A
  span's figure is capped at what the span wants: "3 of 1 this quarter" is "1 of 1".
- Money is not an event: for an amount to raise (`Target.is_amount`, "samla in 50 000 kronor") every report
  is money of its own. Reports add up, also on one day, and the figures are not capped: a board that raised
  55 000 of 50 000 kronor wants to see 55 000. Its periods are still met one by one.
- Before the plan year the pace is NOT_BEGUN (but DONE, for a PEOPLE goal already appointed). After it a
  goal that would be BEHIND is NOT_REACHED: the year's figure is its result, and nothing is left to catch up.
- Values are the caller's to validate, but nothing here crashes on them: for counts a negative (or NaN)
  value is 0 and an infinite one is the largest float; NaN metric readings are skipped.

COUNT (at least `count` per period; without a period, per year)
- The year is cut into its periods (ISO weeks whose Thursday is in the year, each only its days in the year,
  the first and the last also the year's days in the ISO year before or after: 29-31 December 2025 count in
  week 52; months, quarters, or the one year). A period's figure is the sum of its days, capped at `count`
  (per priority area with `per_area`: each known area capped at `count`; reports naming no known area count
  toward none; no areas known: one area). The year's figure is the sum of the periods' figures: a period never
  lends to another, so four meetings in March are one quarter met, not four. Met for the year only when every
  period is met.
- What a span's reports tell of in all, each event once but uncapped (`Measure.reported`), is kept beside
  its figure: a board that recruited 110 of 100 members reads "100 of 100 (110 reported)", not a lost 10;
  five posts in a month of two read "2 of 2 this month (5 reported)".
- A period that ended before the board changed the count in the stored plan ("2 per quarter" from July)
  wants the count it had then; a change of what is counted (the period, per area) applies to every period.
- Due by now (what must be done not to be behind): each unit of a span falls due once three quarters of
  its share of the span have passed, i.e. floor(wanted x elapsed + 1/4); elapsed = (days from the span's
  start through today) / (days in the span). So one meeting a quarter is due from three quarters into the
  quarter, and nothing done with ten days of the year left is behind. Money to raise has no units to
  fall due one by one (a linear share would make 0 kronor on 5 January behind): its share falls due a
  twelfth at a time, as twelve meetings a year would (`share_due`).
- Pace (one per goal): DONE when the year is met. A per-period goal is BEHIND when a period that has ended
  was not met, or the current period is short of its due; otherwise ON_PACE. A yearly goal is AHEAD when
  done >= wanted x elapsed + 1, ON_PACE when done >= due, else BEHIND.

DONE (done or not done)
- Done once any report in the year says done (value >= 1); a later "inte klart" does not undo it (a
  mistaken report is corrected or withdrawn). Due by the same rule as a count of one a year: BEHIND from
  three quarters into the year (1 October) when not done, else ON_PACE.

PEOPLE (N people to appoint)
- done = the larger of the people the board named responsible and the latest number reported in the year,
  at most count; wanted = count; `reported` that latest number (five appointed of three are told). People
  are appointed in the first quarter: DONE when reached, else BEHIND after 31 March, else ON_PACE.

METRIC (a number moved from `baseline` to `goal_value`)
- done = the latest reading in the year (by `on`, then `reported_at`, then the order given), or the
  baseline when there is none; wanted = goal_value; `latest` = that reading (None without one).
- fraction = (done - baseline) / (goal - baseline) clamped to [0, 1]. A goal below the baseline is a
  decrease target and everything is mirrored ("reached" means at or below the goal).
- The way falls due a twelfth at a time (`share_due`, as money): expected_by_now = baseline + (goal -
  baseline) x share_due(elapsed), so a reading of the baseline in the first days of the year (or of a
  branch's first month) is on pace.
- Pace: DONE when reached; NO_READING when nothing was read in the year (the baseline stands, but nobody
  knows where the number is: not behind, in the year or after it); AHEAD when the reading is at least
  expected + 10 % of |goal - baseline| on the goal's side; ON_PACE when at least expected - 1 % of it;
  else BEHIND. An every-branch number is NO_READING for the district while no branch has read its own
  (NOT_MEASURED while none has anything to measure against), not ON_PACE.
- Without a baseline the first reading of the year is the baseline and the pace is counted from that
  reading's day to the year's end; with no baseline and no reading, or no goal_value, NOT_MEASURED.
- A relative goal (`change_percent`, "öka med 10 procent") has the goal baseline x (1 + change / 100); one
  by a plain number (`change_by`, "öka med 20") the goal baseline + change.
"""

from __future__ import annotations

import calendar
import math
import sys
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from fractions import Fraction
from functools import partial
from typing import TYPE_CHECKING, assert_never

from bot.i18n import BOARD_NAMES, BRANCH_WORDS, BRANCHES_NAMES, NOBODY_NAMES, fold
from bot.services.engagement import PostsTally, tally
from bot.services.goals import Goal, Period, Plan, Target, TargetKind, board_in_plan, named_in_plan
from bot.services.people import Role
from bot.services.plan_corrections import Change, history

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from bot.db.checkins import CheckInRepository, StoredCheckIn
    from bot.db.engagement import EngagementRepository
    from bot.db.prompts import PromptRepository
    from bot.db.repository import Repository
    from bot.services.people import PersonInfo


@dataclass(frozen=True)
class Report:
    """One stored check-in, as progress needs it."""

    value: float  # a count (>= 0), a metric reading, a number of people, or 1/0 for done/not done
    on: date  # the day it happened (local date)
    branch_id: int | None  # None: reported for the whole district
    area: str | None = None  # for per-area goals: which priority area it counts for
    reported_at: datetime | None = None  # aware; tie-break for "latest" readings
    first_branch_id: int | None = None  # the branch it was made for, when a merge has since moved it

    @property
    def teller(self) -> tuple[int | None, int | None]:
        """Who told of it: the branch (or the district) it was made for. Two branches merged since are
        still two tellers, so the joint meeting both reported stays one meeting."""
        first = self.branch_id if self.first_branch_id is None else self.first_branch_id
        return self.branch_id, first


def once_a_post(by_hand: Sequence[Report], posted: Sequence[Report]) -> list[Report]:
    """The posts goal's reports with each post counted once: a board member who reports a post the bot
    made tells of the same post, not another. On a day the bot posted, the day counts as many posts as
    the larger of what the bot posted and what was reported by hand (two posted and "1" reported: two; one
    posted and "3" reported, the others written by hand: three); other days' reports count as reported."""
    bot_days: defaultdict[date, float] = defaultdict(float)
    for post in posted:
        bot_days[post.on] += post.value
    told: defaultdict[tuple[date, tuple[int | None, int | None]], float] = defaultdict(float)
    for report in by_hand:
        told[(report.on, report.teller)] += report.value
    hand_days: defaultdict[date, float] = defaultdict(float)  # as `_days` counts a day: its largest teller
    for (day, _), value in told.items():
        hand_days[day] = max(hand_days[day], value)
    kept = [r for r in by_hand if r.on not in bot_days or hand_days[r.on] > bot_days[r.on]]
    return kept + [p for p in posted if hand_days[p.on] <= bot_days[p.on]]


class Pace(StrEnum):
    DONE = "done"
    AHEAD = "ahead"
    ON_PACE = "on_pace"
    BEHIND = "behind"
    NOT_MEASURED = "not_measured"
    NOT_BEGUN = "not_begun"  # the plan year has not begun: nothing is due, nothing can be late
    NOT_REACHED = "not_reached"  # the plan year is over, short of the goal: a result, no longer a pace
    NO_READING = "no_reading"  # a number to reach that nobody has read this year: not known to be behind


@dataclass(frozen=True)
class Measure:
    """Progress over one span (the current period, or the plan year)."""

    done: float
    wanted: float
    expected_by_now: float  # what must be done by `today` not to be behind
    pace: Pace
    starts: date  # inclusive
    ends: date  # inclusive
    baseline: float | None = None  # METRIC: where progress is measured from; None for counts
    # COUNT (not per area): what the span's reports tell of in all, each event once but not capped at the
    # target: "110 reported" beside "100 of 100" for a board that recruited 110
    reported: float | None = None

    @property
    def fraction(self) -> float:
        """How far along, in [0, 1]: done / wanted for counts, the way from baseline to goal for metrics."""
        if self.baseline is None:
            if self.wanted <= 0:
                return 0.0
            return _clamp01(self.done / self.wanted)
        if self.wanted == self.baseline:
            # Nothing to move: it is reached or it is not.
            return 1.0 if self.done >= self.wanted else 0.0
        return _clamp01((self.done - self.baseline) / (self.wanted - self.baseline))


@dataclass(frozen=True)
class GoalProgress:
    """A goal's progress: the year (its pace is the goal's one pace) and, per period, the current period."""

    period: Measure | None  # the current period; None unless a COUNT per week, month or quarter
    year: Measure
    latest: float | None = None  # METRIC: the latest reading
    periods_met: int | None = None  # per-period goals: how many of the year's periods were met
    periods: int | None = None  # per-period goals: how many periods the year has
    in_branches: bool = False  # an every-branch goal's district figure: counted in branches
    in_year: bool = True  # today is in the plan year (else its figures are not "this year's")
    # per-area counts: the plan's areas (as it names them) short of their share in the current period (the
    # year, for a yearly goal), so "2 of 4" says which two are left; None for other goals
    areas_open: tuple[str, ...] | None = None

    @property
    def pace(self) -> Pace:
        return self.year.pace

    @property
    def fraction(self) -> float:
        """How far the year's figure says the goal has come, for the bar beside it (and the year's course):
        the periods met of a goal per period ("2 av 4 kvartal klara" is half way, whatever the current
        quarter holds, and two meetings of a month's two are no month met), else the year's own."""
        if self.periods_met is not None and self.periods:
            return _clamp01(self.periods_met / self.periods)
        return self.year.fraction


def _clamp01(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, value))


# --- calendar ------------------------------------------------------------------------------------------


def quarter_key(day: date) -> str:
    """The calendar quarter holding `day`, as reminders record it: "2027-Q2"."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def period_bounds(period: Period, today: date) -> tuple[date, date]:
    """The calendar period holding `today`, both ends inclusive.

    WEEK is the ISO week (Monday to Sunday, so it may cross New Year); QUARTER is Jan-Mar, Apr-Jun,
    Jul-Sep or Oct-Dec.
    """
    match period:
        case Period.WEEK:
            monday = today - timedelta(days=today.weekday())
            return monday, monday + timedelta(days=6)
        case Period.MONTH:
            last = calendar.monthrange(today.year, today.month)[1]
            return today.replace(day=1), today.replace(day=last)
        case Period.QUARTER:
            first_month = 3 * ((today.month - 1) // 3) + 1
            last_month = first_month + 2
            last = calendar.monthrange(today.year, last_month)[1]
            return date(today.year, first_month, 1), date(today.year, last_month, last)
        case Period.HALF_YEAR:
            if today.month <= 6:
                return date(today.year, 1, 1), date(today.year, 6, 30)
            return date(today.year, 7, 1), date(today.year, 12, 31)
        case Period.YEAR:
            return date(today.year, 1, 1), date(today.year, 12, 31)
        case _:
            assert_never(period)


def plan_period(period: Period, day: date) -> tuple[date, date]:
    """The period of the plan for `day`'s year that holds `day` (`spans_of`): as `period_bounds`, but a
    week within the year, the year's first and last weeks holding its days in the ISO weeks around it."""
    if period is Period.WEEK:
        return next(span for span in spans_of(period, day.year) if span[0] <= day <= span[1])
    return period_bounds(period, day)


def week_number(starts: date) -> int:
    """The number of the plan's week beginning on `starts` (a Monday, or 1 January): the ISO week of its
    fourth day, so the week from Friday 1 January 2027 is week 1 and 22-31 December 2025 week 52."""
    return (starts + timedelta(days=3)).isocalendar().week


def periods_in_year(period: Period, year: int) -> int:
    """How many periods the plan year holds: 52 or 53 ISO weeks, 12 months, 4 quarters, 2 halves, 1 year."""
    return len(spans_of(period, year))


def spans_of(period: Period, year: int) -> list[tuple[date, date]]:
    """The plan year's periods in order: ISO weeks whose Thursday is in the year, months, quarters, or the
    year itself. A week that crosses New Year holds only its days in the year, as only those count toward
    the plan: week 53 of 2026 is 28-31 December, over (and due in full) on 31 December. Days of the year in
    the ISO weeks of the year before or after count in its first or last week: 29-31 December 2025 (week 1
    of 2026) in week 52 of 2025, 22-31 December; 1-3 January 2027 (week 53 of 2026) in week 1 of 2027,
    1-10 January."""
    if period is Period.WEEK:
        monday = date(year, 1, 4) - timedelta(days=date(year, 1, 4).weekday())  # the ISO year's first
        count = date(year, 12, 28).isocalendar().week  # 28 December is always in the last week
        first, last = date(year, 1, 1), date(year, 12, 31)
        weeks = [(monday + timedelta(weeks=n), monday + timedelta(weeks=n, days=6)) for n in range(count)]
        weeks[0], weeks[-1] = (first, weeks[0][1]), (weeks[-1][0], last)
        return weeks
    spans = []
    day = date(year, 1, 1)
    while day.year == year:
        starts, ends = period_bounds(period, day)
        spans.append((starts, ends))
        day = ends + timedelta(days=1)
    return spans


def _elapsed(starts: date, ends: date, today: date) -> Fraction:
    """Elapsed fraction of a span at `today`, counting today; 0 before the span, 1 after it."""
    if today < starts:
        return Fraction(0)
    if today > ends:
        return Fraction(1)
    return Fraction((today - starts).days + 1, (ends - starts).days + 1)


def due(wanted: int, elapsed: Fraction) -> int:
    """What must be done by now not to be behind: each unit falls due three quarters into its share."""
    if elapsed <= 0 or elapsed >= 1:  # a period not begun, or over: most periods of the year
        return 0 if elapsed <= 0 else wanted
    return min(wanted, math.floor(wanted * elapsed + Fraction(1, 4)))


def share_due(elapsed: Fraction) -> Fraction:
    """The share of money to raise that must be raised by now: a twelfth at a time, each due as one of twelve
    meetings a year would be. A linear share would call 0 kronor on 5 January "behind" beside a count of
    twelve meetings "on pace"."""
    return Fraction(due(12, elapsed), 12)


def _owed(target: Target, wanted: int, elapsed: Fraction) -> Fraction:
    return wanted * share_due(elapsed) if target.is_amount else Fraction(due(wanted, elapsed))


# --- counts --------------------------------------------------------------------------------------------

_LARGEST = Fraction(sys.float_info.max)


def _amount(value: float) -> Fraction:
    """A count's value as an exact fraction: negative and NaN count as nothing, infinity as the most."""
    if isinstance(value, int):  # ints (bools too) may be beyond any float; they are exact as they are
        return Fraction(max(value, 0))
    if math.isnan(value) or value <= 0:
        return Fraction(0)
    if math.isinf(value):
        return _LARGEST
    return Fraction(value)


def _area_key(area: str) -> str:
    return " ".join(area.split()).casefold()


def _days(
    reports: Sequence[Report], year: int, areas: frozenset[str] | None, *, amounts: bool = False
) -> dict[tuple[str, date], Fraction]:
    """(area, day) -> what the day counts: the largest of what each teller (a branch, the district, or a
    branch merged into another) reported that day, so one event told by several counts once; with
    `amounts`, money, their sum. `areas` None: one area every report counts in."""
    by_source: dict[tuple[str, date], dict[tuple[int | None, int | None], Fraction]] = defaultdict(dict)
    for report in reports:
        if report.on.year != year:
            continue
        if areas is None:
            area = ""
        elif report.area is None or _area_key(report.area) not in areas:
            continue
        else:
            area = _area_key(report.area)
        sources = by_source[(area, report.on)]
        sources[report.teller] = sources.get(report.teller, Fraction(0)) + _amount(report.value)
    return {
        key: sum(sources.values(), Fraction(0)) if amounts else max(sources.values())
        for key, sources in by_source.items()
    }


def told(reports: Sequence[Report], year: int, *, amounts: bool) -> float:
    """What reports tell of in all, each event once as the figures count a day (money: every report),
    never capped: the follow-up's "2 in all" of a merged branch that both halves told of one meeting."""
    return float(sum(_days(reports, year, None, amounts=amounts).values(), Fraction(0)))


@dataclass(frozen=True)
class _Counted:
    """One district's or one branch's count over the year."""

    period: Measure | None
    year: Measure
    periods_met: int
    periods: int
    areas_open: tuple[str, ...] | None = None


def _count_unit(
    target: Target,
    reports: Sequence[Report],
    *,
    today: date,
    year: int,
    areas: Sequence[str],
    since: date | None = None,
    earlier: Sequence[tuple[date, Target]] = (),
) -> _Counted:
    known = frozenset(_area_key(a) for a in areas if a.strip())
    per_area = target.per_area and bool(known)
    buckets = sorted(known) if per_area else [""]
    days = _days(reports, year, known if per_area else None, amounts=target.is_amount)
    period = target.period or Period.YEAR
    begins = _first_day(since, year)
    # A branch added during the year is measured from the period holding its first day, and that period's
    # share falls due over the days it had.
    spans = [(max(starts, begins), ends) for starts, ends in spans_of(period, year) if ends >= begins]
    counts = [_count_in(target, earlier, ends) for _, ends in spans]
    year_done = Fraction(0)
    year_met = Fraction(0)  # the year's figure capped per period: what pace is judged on
    year_told = Fraction(0)  # uncapped: what the reports tell of
    year_expected = Fraction(0)
    met = 0
    behind = False
    figures: list[tuple[Fraction, Fraction, Fraction]] = []  # done, capped, told
    short: list[tuple[str, ...]] = []  # per span: the areas short of their share
    # Each day's figure into its period's sums (the periods follow each other, ordered by their last day).
    per_span = [dict.fromkeys(buckets, Fraction(0)) for _ in spans]
    last_days = [ends for _, ends in spans]
    for (area, day), value in days.items():
        index = bisect_left(last_days, day)
        if index < len(spans) and spans[index][0] <= day and area in per_span[index]:
            per_span[index][area] += value
    for (starts, ends), count, sums in zip(spans, counts, per_span, strict=True):
        wanted = count * len(buckets)
        capped = sum((min(Fraction(count), s) for s in sums.values()), Fraction(0))
        done = sum(sums.values(), Fraction(0)) if target.is_amount else capped
        year_done += done
        told = sum(sums.values(), Fraction(0))
        year_told += told
        year_met += capped
        met += capped >= wanted
        owed = _owed(target, wanted, _elapsed(starts, ends, today))
        year_expected += owed
        behind = behind or capped < owed
        figures.append((done, capped, told))
        short.append(tuple(area for area in buckets if sums[area] < count))
    year_wanted = sum(counts) * len(buckets)
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    if year_met >= year_wanted:
        pace = Pace.DONE
    elif len(spans) == 1 and period is Period.YEAR:
        elapsed = _elapsed(begins, year_end, today)
        if year_met >= year_wanted * elapsed + 1:
            pace = Pace.AHEAD
        else:
            pace = Pace.BEHIND if behind else Pace.ON_PACE
    else:
        pace = Pace.BEHIND if behind else Pace.ON_PACE
    year_measure = Measure(
        float(year_done),
        float(year_wanted),
        float(year_expected),
        pace,
        year_start,
        year_end,
        reported=_told(year_told, per_area),
    )
    named = {_area_key(a): a for a in areas}
    open_in = [tuple(named[a] for a in areas_short) if per_area else None for areas_short in short]
    if period is Period.YEAR:
        return _Counted(None, year_measure, met, 1, open_in[0])
    # The current period: the one holding today, or outside the plan year its first or last.
    clamped = min(max(today, spans[0][0]), spans[-1][1])
    index = next(i for i, (_, ends) in enumerate(spans) if clamped <= ends)
    (starts, ends), (done, capped, told) = spans[index], figures[index]
    wanted = counts[index] * len(buckets)
    period_due = _owed(target, wanted, _elapsed(starts, ends, today))
    period_pace = Pace.DONE if capped >= wanted else Pace.BEHIND if capped < period_due else Pace.ON_PACE
    period_measure = Measure(
        float(done),
        float(wanted),
        float(period_due),
        period_pace,
        starts,
        ends,
        reported=_told(told, per_area),
    )
    return _Counted(period_measure, year_measure, met, len(spans), open_in[index])


def _told(told: Fraction, per_area: bool) -> float | None:
    """What a span's reports tell of, for `Measure.reported`: None per area (a sum over the areas says
    nothing of any one), else at most the largest float."""
    return None if per_area else float(min(told, _LARGEST))


def _count_in(target: Target, earlier: Sequence[tuple[date, Target]], ends: date) -> int:
    """How many a period ending on `ends` wants: the target in force then. A period that ended before the
    board changed the count ("2 per quarter" from July) keeps the count it had; a change of what is counted
    (another period, per area) is the plan read anew, for every period."""
    then = next((was for changed, was in earlier if ends < changed), target)
    if (then.kind, then.period, then.per_area) == (target.kind, target.period, target.per_area):
        target = then
    return 1 if target.count is None else max(target.count, 0)  # no number: once per period


# --- metrics -------------------------------------------------------------------------------------------

_EARLIEST = datetime.min.replace(tzinfo=UTC)


def _reading_order(indexed: tuple[int, Report]) -> tuple[date, datetime, int]:
    index, report = indexed
    at = report.reported_at
    if at is None:
        at = _EARLIEST
    elif at.tzinfo is None:
        at = at.replace(tzinfo=UTC)  # the contract says aware; a naive one is read as UTC, not a crash
    return report.on, at, index


def _reading(value: float) -> float:
    try:
        return float(value)
    except OverflowError:  # an int beyond any float
        return math.inf if value > 0 else -math.inf


def _readings(reports: Sequence[Report], year: int) -> list[Report]:
    """The year's readings, oldest first (by day, then when reported, then the order given)."""
    return [
        report
        for _, report in sorted(
            (
                (i, r)
                for i, r in enumerate(reports)
                if r.on.year == year and not math.isnan(_reading(r.value))
            ),
            key=_reading_order,
        )
    ]


def _metric_progress(
    target: Target, reports: Sequence[Report], today: date, year: int, since: date | None = None
) -> GoalProgress:
    starts, ends = date(year, 1, 1), date(year, 12, 31)
    readings = _readings(reports, year)
    latest = _reading(readings[-1].value) if readings else None
    baseline = None if target.baseline is None else _reading(target.baseline)
    counted_from = _first_day(since, year)
    if baseline is None and readings:
        baseline, counted_from = _reading(readings[0].value), readings[0].on
    goal = None if target.goal_value is None else _reading(target.goal_value)
    if goal is None and baseline is not None and target.change_percent is not None:
        goal = _relative_goal(baseline, target.change_percent)
    if goal is None and baseline is not None and target.change_by is not None:
        goal = baseline + target.change_by  # "öka medlemsantalet med 20": 20 more than at the start
    if goal is None or baseline is None:
        done = latest if latest is not None else (baseline if baseline is not None else 0.0)
        wanted = 0.0 if goal is None else goal
        return GoalProgress(
            period=None,
            year=Measure(done, wanted, done, Pace.NOT_MEASURED, starts, ends),
            latest=latest,
        )
    done = latest if latest is not None else baseline
    elapsed = _elapsed(counted_from, ends, today) if today >= starts else Fraction(0)
    # The way falls due a twelfth at a time, as money does: a reading of the baseline on 5 January is
    # where the year starts, not behind it.
    share = share_due(elapsed)
    expected = goal if share == 1 else baseline + (goal - baseline) * float(share)
    # Measure along the way from baseline to goal, so a decrease target reads like an increase.
    toward = 1.0 if goal >= baseline else -1.0
    way = abs(goal - baseline)
    made = toward * (done - baseline)
    needed = way * float(share)
    if toward * (done - goal) >= 0:
        pace = Pace.DONE
    elif latest is None:  # nothing read yet: where it stands is not known, so it is not behind
        pace = Pace.NO_READING
    elif made > needed and made >= needed + 0.10 * way:  # beyond what is due (a tiny way rounds to 0)
        pace = Pace.AHEAD
    elif made >= needed - 0.01 * way:
        pace = Pace.ON_PACE
    else:
        pace = Pace.BEHIND
    return GoalProgress(
        period=None,
        year=Measure(done, goal, expected, pace, starts, ends, baseline=baseline),
        latest=latest,
    )


def _relative_goal(baseline: float, change_percent: float) -> float:
    """ "Öka med 10 procent" (issue 18): the goal is the baseline (given, or the year's first reading)
    moved by that share."""
    return round(baseline + baseline * change_percent / 100, 6)


# --- people and done -----------------------------------------------------------------------------------


def _people_progress(
    target: Target,
    reports: Sequence[Report],
    today: date,
    year: int,
    people_named: int,
    since: date | None = None,
) -> GoalProgress:
    starts, ends = date(year, 1, 1), date(year, 12, 31)
    wanted = 1 if target.count is None else max(target.count, 0)
    readings = _readings(reports, year)
    reported = max(0.0, _reading(readings[-1].value)) if readings else 0.0
    done = min(float(wanted), max(float(max(people_named, 0)), reported))
    # People are appointed at the start of the year (of a branch added since: its first quarter).
    late = today > period_bounds(Period.QUARTER, _first_day(since, year))[1]
    pace = Pace.DONE if done >= wanted else Pace.BEHIND if late else Pace.ON_PACE
    expected = wanted if late else 0
    # five appointed of three: the figure is "3 of 3", and the five are told beside it
    told = reported if readings else None
    measure = Measure(done, float(wanted), float(expected), pace, starts, ends, reported=told)
    return GoalProgress(period=None, year=measure)


def _done_progress(
    reports: Sequence[Report], today: date, year: int, since: date | None = None
) -> GoalProgress:
    starts, ends = date(year, 1, 1), date(year, 12, 31)
    done = any(r.on.year == year and r.value >= 1 for r in reports)
    expected = due(1, _elapsed(_first_day(since, year), ends, today))
    pace = Pace.DONE if done else Pace.BEHIND if expected else Pace.ON_PACE
    return GoalProgress(period=None, year=Measure(float(done), 1.0, float(expected), pace, starts, ends))


# --- entry point ---------------------------------------------------------------------------------------


def _unit(
    target: Target,
    reports: Sequence[Report],
    *,
    today: date,
    year: int,
    areas: Sequence[str],
    people_named: int,
    since: date | None = None,
    earlier: Sequence[tuple[date, Target]] = (),
) -> GoalProgress:
    """One district's (or one branch's) progress; a branch added during the year is measured `since` the
    day it began."""
    match target.kind:
        case TargetKind.COUNT:
            counted = _count_unit(
                target, reports, today=today, year=year, areas=areas, since=since, earlier=earlier
            )
            return GoalProgress(
                counted.period,
                counted.year,
                None,
                None if counted.period is None else counted.periods_met,
                None if counted.period is None else counted.periods,
                areas_open=counted.areas_open,
            )
        case TargetKind.PEOPLE:
            return _people_progress(target, reports, today, year, people_named, since)
        case TargetKind.METRIC:
            return _metric_progress(target, reports, today, year, since)
        case TargetKind.DONE:
            return _done_progress(reports, today, year, since)
        case _:
            assert_never(target.kind)


def progress(
    target: Target,
    reports: Sequence[Report],
    *,
    today: date,
    year: int,
    areas: Sequence[str] = (),
    branches: int = 0,
    applies_to_branches: bool = False,
    people_named: int = 0,
    begun: Mapping[int, date] | None = None,
    since: date | None = None,
    earlier: Sequence[tuple[date, Target]] = (),
) -> GoalProgress:
    """A goal's progress at `today` in plan year `year`, by the rules in this module's docstring.

    `reports` are the goal's check-ins (any year; only the plan year's count). `areas` are the plan's
    priority areas, `branches` how many branches the district has, `applies_to_branches` whether each
    branch is to do the goal, `people_named` how many people the board has named responsible (PEOPLE).
    `begun`: branch id -> the day each of the district's branches was added (see `branch_start`); `since`:
    that day for the one branch `reports` are of. `earlier`: the targets the board changed, oldest first
    (the local day of each change, the target until then).
    Before the plan year every pace but DONE is NOT_BEGUN; after it, BEHIND is NOT_REACHED.
    """
    result = _progress(
        target,
        reports,
        today=today,
        year=year,
        areas=areas,
        branches=branches,
        applies_to_branches=applies_to_branches,
        people_named=people_named,
        begun=begun or {},
        since=since,
        earlier=earlier,
    )
    if not date(year, 1, 1) <= today <= date(year, 12, 31):
        # Outside the plan year no period is the current one ("0 of 2 this month" in February of the next
        # year is no month of the plan): the year's figure and the periods met say where it stands.
        result = replace(result, period=None, in_year=False)
    if today > date(year, 12, 31) and result.pace is Pace.BEHIND:
        return replace(result, year=replace(result.year, pace=Pace.NOT_REACHED))
    if today >= date(year, 1, 1) or result.pace is Pace.DONE:
        return result
    return replace(
        result,
        year=replace(result.year, pace=Pace.NOT_BEGUN),
        period=(
            replace(result.period, pace=Pace.NOT_BEGUN)
            if result.period and result.period.pace is not Pace.DONE
            else result.period
        ),
    )


def _progress(
    target: Target,
    reports: Sequence[Report],
    *,
    today: date,
    year: int,
    areas: Sequence[str],
    branches: int,
    applies_to_branches: bool,
    people_named: int,
    begun: Mapping[int, date],
    since: date | None,
    earlier: Sequence[tuple[date, Target]],
) -> GoalProgress:
    one = partial(_unit, target, today=today, year=year, areas=areas, earlier=earlier)
    if not applies_to_branches or branches <= 0:
        return one(reports, people_named=people_named, since=since)
    by_branch: dict[int, list[Report]] = defaultdict(list)
    for report in reports:
        if report.branch_id is not None and report.on.year == year:
            by_branch[report.branch_id].append(report)
    one = partial(one, people_named=0)
    # The day each branch is measured from (None: the whole year); those that reported nothing stand as an
    # empty report list does, and one added after `today` was none of the district's then.
    starts = {b: branch_start(begun.get(b), reports) for b, reports in by_branch.items()}
    starts |= {b: day for b, day in begun.items() if b not in by_branch}
    units = [one(by_branch.get(b, ()), since=day) for b, day in starts.items() if day is None or day <= today]
    units += [one(())] * max(branches - len(starts), 0)
    if not units:
        return one(())
    wanted = float(len(units))  # a branch that reported and is gone since still counts as one
    reached = float(sum(u.year.pace is Pace.DONE for u in units))
    expected = math.fsum(_expected_share(u.year) for u in units)
    if reached >= wanted:
        pace = Pace.DONE
    elif any(u.year.pace is Pace.BEHIND for u in units):
        pace = Pace.BEHIND
    elif all(u.year.pace in (Pace.NO_READING, Pace.NOT_MEASURED) for u in units):
        # no branch has read its number yet: where the district stands is not known, so not "on pace"
        measured = any(u.year.pace is Pace.NO_READING for u in units)
        pace = Pace.NO_READING if measured else Pace.NOT_MEASURED
    else:
        pace = Pace.ON_PACE
    first = units[0]
    year_measure = Measure(reached, wanted, expected, pace, first.year.starts, first.year.ends)
    period = None
    if first.period is not None:
        met = float(sum(u.period is not None and u.period.done >= u.period.wanted for u in units))
        period_pace = Pace.DONE if met >= wanted else pace
        period = Measure(met, wanted, 0.0, period_pace, first.period.starts, first.period.ends)
    return GoalProgress(period, year_measure, None, None, None, in_branches=True)


def branch_start(added: date | None, reports: Sequence[Report] = ()) -> date | None:
    """The day a branch's progress is measured from: the day the board added it, or the day of its first
    report if that is earlier (it was there before it was added here); None: from the year's start."""
    return min([added, *(r.on for r in reports)]) if added is not None else None


def _first_day(since: date | None, year: int) -> date:
    """The first day of the plan year a unit is measured from: the year's first, or a later `since` (at
    the latest the year's last day)."""
    starts = date(year, 1, 1)
    return starts if since is None else min(max(since, starts), date(year, 12, 31))


def _expected_share(measure: Measure) -> float:
    """How much of its target a branch should have done by now, in [0, 1] (a metric: of the way)."""
    if measure.baseline is None:
        return measure.expected_by_now / measure.wanted if measure.wanted > 0 else 0.0
    way = measure.wanted - measure.baseline
    return _clamp01((measure.expected_by_now - measure.baseline) / way) if way else 0.0


# --- the whole plan, and the service the commands call ----------------------------------------------


@dataclass(frozen=True)
class GoalStanding:
    goal: Goal
    progress: GoalProgress


@dataclass(frozen=True)
class GoalInFull:
    """One goal as `goals 6` shows it: its progress, who is responsible and the latest reports."""

    goal: Goal
    progress: GoalProgress
    responsible: list[str]
    latest: list[StoredCheckIn]
    changes: list[Change] = field(default_factory=list)  # the board's corrections, for the board only
    # an every-branch goal as each branch the reader chairs has done it, as their `status` shows it
    own: tuple[tuple[str, GoalProgress], ...] = ()
    reported: int = 0  # the year's standing reports in all, of which `latest` are the newest


def plan_standing(
    plan: Plan,
    reports: Mapping[int, Sequence[Report]],
    *,
    today: date,
    branches: int,
    responsible: Mapping[int, int],
    branch_id: int | None = None,
    begun: Mapping[int, date] | None = None,
    zone: tzinfo = UTC,
) -> list[GoalStanding]:
    """Every goal's progress; with `branch_id`, as that one branch has done (for `status BRANCH`).
    `begun`: branch id -> the day it was added, for branches added during the plan year."""
    return [
        GoalStanding(
            goal,
            goal_progress(
                plan,
                goal,
                reports.get(goal.id, ()),
                today=today,
                branches=branches,
                people_named=responsible.get(goal.id, 0),
                branch_id=branch_id,
                begun=begun,
                zone=zone,
            ),
        )
        for goal in plan.goals
    ]


def goal_progress(
    plan: Plan,
    goal: Goal,
    reports: Sequence[Report],
    *,
    today: date,
    branches: int,
    people_named: int,
    branch_id: int | None = None,
    begun: Mapping[int, date] | None = None,
    zone: tzinfo = UTC,
) -> GoalProgress:
    """One goal of the plan's progress from its reports. With `branch_id`, an every-branch goal as that one
    branch has done it; a district goal stays the district's (a branch's report never moves it alone).
    `begun`: branch id -> the day it was added, for branches added during the plan year; `zone` the
    district's, whose days the board's changes to the goal's target were made on."""
    begun = begun or {}
    since = None
    if branch_id is not None and goal.applies_to_branches:
        reports = reports_for(goal, reports, branch_id)
        since = branch_start(begun.get(branch_id), reports)
        branches = 0  # one branch, measured as its own
    return progress(
        goal.target,
        reports,
        today=today,
        year=plan.year or today.year,
        areas=plan.priority_areas,
        branches=branches,
        applies_to_branches=goal.applies_to_branches,
        people_named=people_named,
        begun=begun,
        since=since,
        earlier=[(at.astimezone(zone).date(), was) for at, was in goal.targets_before],
    )


def reports_for(goal: Goal, reports: Sequence[Report], branch_id: int | None) -> list[Report]:
    """The reports that count on `goal` for one branch (`branch_id`) or the district (None): on an
    every-branch goal the branch's own (None: the district-wide ones, which count for no branch); on a
    district goal every report, wherever it happened ("för Sundsvall" is still the district's)."""
    if not goal.applies_to_branches:
        return list(reports)
    return [r for r in reports if r.branch_id == branch_id]


@dataclass(frozen=True)
class GoalAnswer:
    """What `goals 6` shows: the plan (None if the district has none), the goal in full (None if the plan
    has no such goal) and, for the goal for the bot's posts, the posts made."""

    plan: Plan | None
    found: GoalInFull | None = None
    posts: PostsTally | None = None


@dataclass(frozen=True)
class WhoAnswers:
    """The goals a search finds (`found`), with the people the board named for each (goal id -> names); or,
    for words that name a person, the goals they answer for (`person`, `chairs`), or everyone the words
    name when they name several (`namesakes`: "Anna" for Anna Lind and Anna Berg)."""

    plan: Plan | None
    found: list[Goal] = field(default_factory=list)
    named: dict[int, list[str]] = field(default_factory=dict)
    person: str | None = None  # whose goals `found` are: the board named them responsible
    chairs: tuple[str, ...] = ()  # the branches `person` chairs: each answers there for every branch's goals
    namesakes: tuple[str, ...] = ()
    branch: str | None = None  # a branch asked about as the one responsible: `found` are the goals naming it
    every: tuple[int, ...] = ()  # for `branch`: the numbers of the goals every branch does
    branch_chairs: tuple[str, ...] = ()  # for `branch`: who chairs it
    nobody: bool = False  # the words name a person or a branch ("@Pelle"), and nobody is called so
    board: bool = False  # the board asked about ("styrelsens mål"): `found` are the goals the plan gives it
    branches: bool = False  # the branches together ("vad gör partiföreningarna?"): the goals they do
    unowned: bool = False  # "vilka mål har ingen ansvarig?": `found` are the goals nobody was named for


def _branches_do(goal: Goal) -> bool:
    """Whether the plan's wording makes the branches do the goal ("Partiföreningarna ska …")."""
    return fold(goal.responsible_in_plan or named_in_plan(goal.text) or "") in (
        "partiforeningarna",
        "partiforeningar",
        "the branches",
    )


class Progress:
    """A district's plan and how far it has come, read from the repositories; called from worker threads.
    Each answer reads in one snapshot (bot/db/engine.py), so its figures come from one moment."""

    def __init__(
        self,
        plans: Repository,
        checkins: CheckInRepository,
        zone: ZoneInfo,
        *,
        prompts: PromptRepository | None = None,
        engagement: EngagementRepository | None = None,
    ) -> None:
        self.plans = plans
        self.checkins = checkins
        self.zone = zone
        self.prompts = prompts  # the bot's posts, for the goal that counts them
        self.engagement = engagement

    def today(self, now: datetime) -> date:
        return now.astimezone(self.zone).date()

    def _branches(self, plan: Plan, today: date) -> tuple[int, dict[int, date]]:
        """How many branches the plan's year had, and the day each was added that the board added during
        the year once the district had begun reporting (those added while it was being set up were there
        before the bot was: a district that starts using it in May had its branches all year). One added
        after `today` is measured over the whole year; one added after the plan's year is not one of that
        year's."""
        year = plan.year or today.year
        first = self.checkins.first_reported(plan.district)
        started = first.astimezone(self.zone).date() if first else None
        count, begun = 0, {}
        for branch in self.checkins.branches(plan.district):
            day = branch.added_at.astimezone(self.zone).date() if branch.added_at else None
            if day is not None and date(year, 12, 31) < day <= today:
                continue
            count += 1
            if day and started and started < day <= today and day > date(year, 1, 1):
                begun[branch.id] = day
        return count, begun

    def plan(self, district: str) -> Plan | None:
        return self.plans.plan(district)

    def who_answers(self, district: str, words: str, *, search: bool = False) -> WhoAnswers:
        """The goals that mention `words` and who is responsible for each ("vem ansvarar för facebook?"); for
        words that are the full, first or last name of someone named responsible or holding a role, the goals
        that person answers for ("vad ansvarar Kim för?"): those the board named them for and, for a chair,
        the goals every branch does (`mål N` names each branch's chair for those). "@words" name someone (a
        person, a branch, the board) and nobody else; with `search`, a search when they name nobody ("mål
        för medlemmar"). "ingen"/"nobody": the goals nobody answers for."""
        with self.checkins.db.snapshot():
            plan = self.plans.plan(district)
            named = self.checkins.responsible(district) if plan is not None else {}
            members = self.checkins.members(district) if plan is not None else []
            branches = [b.name for b in self.checkins.branches(district)] if plan is not None else []
        if plan is None:
            return WhoAnswers(None)

        def by_goal(goals: list[Goal]) -> dict[int, list[str]]:
            return {g.id: [name for _, name in named.get(g.id, [])] for g in goals}

        someone = words.startswith("@")
        wanted = fold(words.lstrip("@"))
        if wanted in NOBODY_NAMES:  # "vilka mål har ingen ansvarig?": as `mål N` says "Nobody named yet"
            unowned = [g for g in plan.goals if not named.get(g.id) and not g.applies_to_branches]
            return WhoAnswers(plan, unowned, unowned=True)
        if wanted in BOARD_NAMES or wanted.removeprefix("the ") in BOARD_NAMES:  # "styrelsens mål"
            theirs = [g for g in plan.goals if board_in_plan(g)]
            return WhoAnswers(plan, theirs, by_goal(theirs), board=True)
        if wanted in BRANCHES_NAMES:  # "vad gör partiföreningarna?": each branch's share, and what the plan
            # says the branches do ("Partiföreningarna ska …")
            theirs = [g for g in plan.goals if g.applies_to_branches or _branches_do(g)]
            return WhoAnswers(plan, theirs, by_goal(theirs), branches=True)
        people = {person: name for each in named.values() for person, name in each}
        people |= {member.person_id: member.name for member in members}
        # the full name, the first or the last: "Kim", "Kim Berg", "Berg"; a genitive read without its "s"
        # may have lost the name's own ("Lars mål" -> "Lar", "Kramfors mål" -> "Kramfor")
        forms = (wanted, wanted + "s") if someone else (wanted,)
        meant: list[int] = []
        for each in forms:
            meant = meant or sorted(
                (
                    p
                    for p, name in people.items()
                    if name and each in {fold(name), fold(name.split()[0]), fold(name.split()[-1])}
                ),
                key=lambda p: people[p],
            )
        # a branch as the one responsible ("@Sundsvall", "föreningen Sundsvall"); "vem ansvarar för Timrå?"
        # asks for its people
        branchy = someone or bool(set(wanted.split()) & BRANCH_WORDS)
        branch = next(filter(None, (_branch_named(f, branches) for f in forms)), None) if branchy else None
        if meant and branch is not None and not set(wanted.split()) & BRANCH_WORDS:
            # "vad ansvarar Lund för?" with Eva Lund and the branch Lund: which one
            return WhoAnswers(plan, namesakes=tuple(people[p] for p in meant), branch=branch)
        if len(meant) > 1:
            return WhoAnswers(plan, namesakes=tuple(people[p] for p in meant))
        if meant:
            person = meant[0]
            goals = [g for g in plan.goals if any(p == person for p, _ in named.get(g.id, []))]
            chairs = tuple(
                m.branch for m in members if m.person_id == person and m.role is Role.CHAIR and m.branch
            )
            return WhoAnswers(plan, goals, by_goal(goals), person=people[person], chairs=chairs)
        # whom the plan itself names ("Ansvarig: Kassören"): "vad ansvarar kassören för?"
        theirs = [g for g in plan.goals if g.responsible_in_plan and fold(g.responsible_in_plan) in forms]
        if theirs:
            return WhoAnswers(plan, theirs, by_goal(theirs), person=theirs[0].responsible_in_plan)
        if branch is not None:  # "vad ansvarar Sundsvall för?": the goals every branch does, and its own
            found = plan.search(branch)
            return WhoAnswers(
                plan,
                found,
                by_goal(found),
                branch=branch,
                every=tuple(g.number for g in plan.goals if g.applies_to_branches),
                branch_chairs=tuple(
                    sorted({m.name for m in members if m.branch == branch and m.role is Role.CHAIR})
                ),
            )
        if someone:  # someone was meant, and nobody is called so; with `search`, perhaps a word of the goals
            found = plan.search(words.lstrip("@")) if search else []
            return WhoAnswers(plan, found, by_goal(found), nobody=True)
        found = plan.search(words)
        return WhoAnswers(plan, found, by_goal(found))

    def standings(self, plan: Plan, *, now: datetime, branch_id: int | None = None) -> list[GoalStanding]:
        """Every goal's progress for the plan's district (or one branch), as of `now`."""
        today = self.today(now)
        with self.checkins.db.snapshot():
            named = self.checkins.responsible(plan.district)
            reports = self._reports(plan, year=plan.year or today.year)
            branches, begun = self._branches(plan, today)
        return plan_standing(
            plan,
            reports,
            today=today,
            branches=branches,
            responsible={goal_id: len(people) for goal_id, people in named.items()},
            branch_id=branch_id,
            begun=begun,
            zone=self.zone,
        )

    def goal_answer(
        self,
        district: str,
        number: int,
        *,
        now: datetime,
        changes: bool = False,
        reader: PersonInfo | None = None,
    ) -> GoalAnswer:
        """`goals 6`: the plan, and its goal `number` in full; with `changes`, the corrections the board made
        to it (for the board's eyes); for a `reader` who chairs one branch, that branch's own figure too."""
        with self.checkins.db.snapshot():
            plan = self.plans.plan(district)
            goal = plan.goal(number) if plan is not None else None
            if plan is None or goal is None:
                return GoalAnswer(plan)
            posts = self._posts(district, now, plan.year) if goal.counts_posts else None
            return GoalAnswer(plan, self.goal(plan, goal, now=now, changes=changes, reader=reader), posts)

    def goal(
        self,
        plan: Plan,
        goal: Goal,
        *,
        now: datetime,
        changes: bool = False,
        reader: PersonInfo | None = None,
    ) -> GoalInFull:
        """One goal's progress, the people responsible for it and its latest reports; with `changes`, the
        corrections the board made to it (for the board's eyes); with a `reader` who chairs branches, an
        every-branch goal as each of them has done it."""
        today = self.today(now)
        with self.checkins.db.snapshot():
            named = self.checkins.responsible(plan.district).get(goal.id, [])
            year = plan.year or today.year
            reports = self._reports(plan, year=year, goal=goal)
            branches, begun = self._branches(plan, today)
            made = history(self.plans.corrections_of(goal.id), self.zone) if changes else []
            latest = self.checkins.latest(goal.id, year=year)
            reported = self.checkins.standing_count(goal.id, year=year)
            chairs = (
                self.checkins.chair_of(reader, plan.district) if reader and goal.applies_to_branches else []
            )
        standing = partial(
            goal_progress,
            plan,
            goal,
            reports.get(goal.id, ()),
            today=today,
            branches=branches,
            people_named=len(named),
            begun=begun,
            zone=self.zone,
        )
        # each of the chair's own branches as `status` for the branch counts it
        own = tuple((chair.name, standing(branch_id=chair.id)) for chair in chairs)
        return GoalInFull(goal, standing(), [name for _, name in named], latest, made, own, reported)

    def reports(self, plan: Plan, *, year: int) -> dict[int, list[Report]]:
        """The year's reports by goal as progress counts them (the bot's posts too): who has reported."""
        return self._reports(plan, year=year)

    def _reports(
        self, plan: Plan, *, year: int, goal: Goal | None = None, as_of: datetime | None = None
    ) -> dict[int, list[Report]]:
        """The year's check-ins by goal (of one `goal` if given; as they stood at `as_of` if given) and, for
        the goal that counts the board's posts in the channel, each prompt the bot posted as one: `status`,
        `mål 19`, the follow-up and the year's report then count the posts `mål 19` lists, not only those
        someone reported by hand."""
        if as_of is not None:
            by_goal = self.checkins.reports(plan.district, year=year, as_of=as_of)
        else:
            by_goal = self.checkins.reports(plan.district, year=year, goal_id=goal.id if goal else None)
        counted = [g for g in ([goal] if goal else plan.goals) if g.counts_posts]
        if not counted or self.prompts is None:
            return by_goal
        posted = [
            Report(1.0, post.sent_at.astimezone(self.zone).date(), None, None, post.sent_at)
            for post in self.prompts.posts(plan.district, limit=1000)
            if post.sent_at and post.outcome == "sent" and post.sent_at.astimezone(self.zone).year == year
        ]
        return by_goal | {g.id: once_a_post(by_goal.get(g.id, []), posted) for g in counted}

    def _posts(self, district: str, now: datetime, year: int | None) -> PostsTally | None:
        """The bot's posts this month and in the plan year (`year`; None: today's), and how many started a
        discussion (None without a desk): the plan's year, as the goal's figures count it."""
        if self.prompts is None or self.engagement is None:
            return None
        sent = [
            (post.sent_at.astimezone(self.zone).date(), post.engagement)
            for post in self.prompts.posts(district, limit=1000)
            if post.sent_at and post.outcome == "sent"
        ]
        today = self.today(now)
        reads = self.engagement.reads_channels(district)
        return tally(sent, today, year=year or today.year, reads_replies=reads)

    # --- for the board's follow-up, the year's report and the dashboard (bot/services/followup.py) ----

    def standings_without_since(self, plan: Plan, *, then: datetime, now: datetime) -> list[GoalStanding]:
        """Every goal's progress as `status` would show it at `now` had nothing been stored, corrected or
        withdrawn after `then` (what the board was shown then): what the reports since then changed, and
        not what the days since then did (a new quarter begun)."""
        today = self.today(now)
        by_goal = self._reports(plan, year=plan.year or today.year, as_of=then)
        return self._standing_of(plan, _stored_by(by_goal, then), today)

    def course(self, plan: Plan, *, now: datetime, days: Sequence[date]) -> list[list[GoalStanding]]:
        """Every goal's progress at the end of each of `days` (local dates up to today) from what had
        happened by then, as far as it is reported now: the year's course over time."""
        today = self.today(now)
        year = plan.year or today.year
        by_goal = self._reports(plan, year=year)
        return [
            self._standing_of(
                plan,
                {goal: [r for r in rows if r.on <= day] for goal, rows in by_goal.items()},
                day,
                branches_on=today,  # a branch added after `day` was none of the district's on that day
            )
            for day in days
        ]

    def periods(self, plan: Plan, *, now: datetime, branch_id: int | None = None) -> dict[int, list[Measure]]:
        """For each goal counted per period (goal id ->), its Measure in every period of the plan year that
        has begun by today, the current one last; with `branch_id`, as that branch has done."""
        today = self.today(now)
        year = plan.year or today.year
        by_goal = self._reports(plan, year=year)
        branches, begun = self._branches(plan, today)
        result: dict[int, list[Measure]] = {}
        for goal in plan.goals:
            period = goal.target.period
            if goal.target.kind is not TargetKind.COUNT or period in (None, Period.YEAR):
                continue
            measures = []
            for starts, ends in spans_of(period, year):
                if starts > today:
                    break
                standing = goal_progress(
                    plan,
                    goal,
                    by_goal.get(goal.id, ()),
                    today=min(today, ends),
                    branches=branches,
                    people_named=0,
                    branch_id=branch_id,
                    begun=begun,
                    zone=self.zone,
                )
                # a period before the branch was added is none of its periods
                if standing.period is not None and standing.period.starts <= ends:
                    measures.append(standing.period)
            result[goal.id] = measures
        return result

    def _standing_of(
        self,
        plan: Plan,
        reports: Mapping[int, Sequence[Report]],
        today: date,
        *,
        branches_on: date | None = None,
    ) -> list[GoalStanding]:
        named = self.checkins.responsible(plan.district)
        branches, begun = self._branches(plan, branches_on or today)
        return plan_standing(
            plan,
            reports,
            today=today,
            branches=branches,
            responsible={goal_id: len(people) for goal_id, people in named.items()},
            begun=begun,
            zone=self.zone,
        )


def _stored_by(reports: Mapping[int, Sequence[Report]], moment: datetime) -> dict[int, list[Report]]:
    """The reports that had been stored by `moment` (those without a time count as always stored)."""
    return {
        goal_id: [r for r in rows if r.reported_at is None or r.reported_at <= moment]
        for goal_id, rows in reports.items()
    }


def _branch_named(wanted: str, branches: Sequence[str]) -> str | None:
    """The branch folded words name, with the words that say it is one and its genitive: "sundsvall",
    "sundsvalls krets", "foreningen i sundsvall", "sundsvallskretsen"."""
    core = " ".join(word for word in wanted.split() if word not in BRANCH_WORDS)
    forms = {core, core.removesuffix("s")}
    for suffix in ("skretsen", "kretsen", "skrets", "krets", "sforeningen", "foreningen"):
        forms.add(core.removesuffix(suffix))
    return next((branch for branch in branches if fold(branch) in forms - {""}), None)
