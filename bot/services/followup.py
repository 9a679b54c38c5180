"""The board's follow-up (`uppföljning`), the year's report (`verksamhetsberättelse`) and the dashboard
(`översikt`): what they say, read from the one progress service (bot/services/progress.py, `Progress`) and
the repositories. Framework-free: no SQL, no botbuilder, no aiohttp, no file formats (bot/documents/ renders).

What a board member means (product decisions):

Follow-up, before a board meeting: "what has happened since we last looked?"
- Since: the date given ("sedan 12/3": from the start of that day, in the district's zone); otherwise the
  last follow-up taken before today (asking again the same day covers the same span); otherwise the start
  of the plan year. Taking one in chat or from the command line without a date records it.
- New reports: the standing check-ins stored since then, per goal and per branch (or the district).
- Goals that moved: those whose figures in `status` today (the current period's, the periods met, the
  year's) differ from what they would be without the reports stored since then. A new quarter begun is not
  a goal that moved.
- Goals behind: those whose one pace `status` calls behind now, and by how much: the whole units that should
  have been done by today and are not (for a goal counted per period, summed over the periods, since a
  period never lends to another), or the way to where the metric should be. A goal every branch does is
  behind in the branches named; one done or not done is "not done".
- Who is responsible for what is behind: for a district goal the people the board named (or whom the plan
  itself names, which the card puts in the reader's words); for a goal every branch does, the branches
  behind on it and their chairs.
- Branches that have not reported: for the quarter (today's, or the plan year's nearest), on the goals every
  branch does, exactly as the quarter's reminders and the board's digest count it (report_gaps.py): the
  board reads the same branches and goals as not reported as the chairs were reminded of. "Since" is about
  what happened; a branch whose one report since then is a meeting of last quarter has still not reported
  this quarter.
- Prompts: those posted since then, and the coming ones with their owners.

The year's report: for each goal what the plan said, the year's result as `status` has it (periods met and
each period's figure; for goals every branch does, how many branches reached their target and each branch's
own figure; a metric's start and end), the reporters' comments as material to edit, then every goal in one
table and the year's prompts, each with its engagement as `historik` shows it (replies and people only where
they are counted, and saying so where they are not). A reporter is named only while they are still a member
of the district and have not asked to be forgotten; otherwise the comment is the branch's (or the
district's).

The dashboard: every goal against its target with its pace, every branch's figure per goal and period, the
year's course (the share of the plan done at each month's end) and the prompts posted.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING

from bot.i18n import fold
from bot.services import dates
from bot.services.goals import Goal, Period, Plan, TargetKind
from bot.services.people import PersonInfo, Role
from bot.services.progress import (
    GoalProgress,
    GoalStanding,
    Measure,
    Pace,
    Progress,
    Report,
    spans_of,
    told,
)
from bot.services.prompting import Schedule, SlotStatus
from bot.services.report_gaps import Gaps, Quarter, find_gaps

if TYPE_CHECKING:
    from bot.db.checkins import BranchInfo, CheckInRepository
    from bot.db.followups import ChangedReport, FollowUpRepository, PostedPrompt, ReportRow
    from bot.db.people import PeopleRepository
    from bot.db.prompts import PromptRepository
    from bot.services.prompting import PromptSlot

# Short of the goal: behind in the plan year, not reached once it is over.
SHORT = (Pace.BEHIND, Pace.NOT_REACHED)

# The slots still to come, as `kommande` lists them (bot/services/prompt_desk.py).
_COMING = [SlotStatus.PLANNED, SlotStatus.PAUSED, SlotStatus.POSTING]


def short_by(goal: Goal, progress: GoalProgress, periods: Sequence[Measure]) -> float | None:
    """How far behind a goal is today: whole units (counts, people; for a goal counted per period, what
    each period of `periods` lacks of its due), or the way to where a metric should be. 0 when it is not
    behind; None where a number says nothing (done / not done, and goals every branch does: the branches
    behind say it)."""
    if goal.target.kind is TargetKind.DONE or progress.in_branches:
        return None
    if progress.pace not in SHORT:
        return 0.0
    year = progress.year
    if goal.target.kind is TargetKind.METRIC:
        return abs(year.expected_by_now - year.done)
    if progress.periods_met is not None:
        return sum(max(0.0, math.floor(m.expected_by_now) - m.done) for m in periods)
    return max(0.0, math.floor(year.expected_by_now) - year.done)


@dataclass(frozen=True)
class NewReports:
    """The check-ins stored since the last follow-up on one goal from one branch (None: the district)."""

    goal: Goal
    branch: str | None
    count: int
    total: float  # the sum of their values (the latest value for a metric)


@dataclass(frozen=True)
class Moved:
    goal: Goal
    before: GoalProgress
    after: GoalProgress


@dataclass(frozen=True)
class Behind:
    goal: Goal
    progress: GoalProgress
    short_by: float | None  # see short_by()
    responsible: tuple[str, ...]  # people named (the card falls back on whom the plan's wording names)
    branches: tuple[tuple[str, tuple[str, ...]], ...]  # branches behind on it, with their chairs


@dataclass(frozen=True)
class FollowUp:
    plan: Plan
    since: datetime  # aware
    zone: tzinfo  # the district's, for the days users read
    today: date
    standings: list[GoalStanding]
    new_reports: list[NewReports]
    changed: list[tuple[Goal, ChangedReport]]  # reports the board saw before, corrected or withdrawn since
    moved: list[Moved]
    behind: list[Behind]
    branches: int  # how many the district has
    quarter: Gaps  # who has not reported for the quarter, as its reminders count it (branches only)
    posted: list[PostedPrompt]
    coming: list[PromptSlot]
    schedules: Mapping[int, Schedule] = field(default_factory=dict)  # the coming prompts' schedules, by id


@dataclass(frozen=True)
class Comment:
    text: str
    on: date
    by: str | None  # the reporter's name, where they may be named
    branch: str | None  # None: the district


@dataclass(frozen=True)
class GoalYear:
    goal: Goal
    progress: GoalProgress
    periods: list[Measure]  # each period of the year begun so far (goals counted per period)
    branches: list[tuple[str, GoalProgress]]  # each branch's own (goals every branch does)
    comments: list[Comment]
    responsible: tuple[str, ...]


@dataclass(frozen=True)
class AnnualReport:
    plan: Plan
    year: int
    today: date
    zone: tzinfo
    goals: list[GoalYear]
    prompts: list[PostedPrompt]
    reads_replies: bool  # replies to the posts are counted (the team's consent); otherwise reactions only

    def subjects(self) -> Counter[str]:
        """How many prompts of each subject (`subject_of`)."""
        return Counter(subject_of(p) for p in self.prompts)

    def discussions(self) -> int:
        """How many of the year's prompts started a discussion (bot/services/engagement.py)."""
        return sum(1 for p in self.prompts if p.engagement.started_discussion)


def subject_of(prompt: PostedPrompt) -> str:
    """A prompt's subject: a bank prompt's area or yearly day ("day:03-08"), "own" for a written one."""
    return prompt.area or (f"day:{prompt.day}" if prompt.day else "own")


@dataclass(frozen=True)
class Dashboard:
    plan: Plan
    zone: tzinfo
    today: date
    standings: list[GoalStanding]
    branches: list[BranchInfo]  # the one to show first, first
    grid: dict[tuple[int, int], list[Measure]]  # (goal id, branch id) -> each period's measure
    branch_standings: dict[int, list[GoalStanding]]  # branch id -> its own standings
    course: list[tuple[date, float]]  # month ends (and today) -> the plan's mean fraction done
    posted: list[PostedPrompt]


class PlanYearMismatch(ValueError):
    def __init__(self, plan_year: int) -> None:
        super().__init__(plan_year)
        self.plan_year = plan_year


class BoardReports:
    """The follow-up, the year's report and the dashboard; called from worker threads."""

    def __init__(
        self,
        progress: Progress,
        store: FollowUpRepository,
        checkins: CheckInRepository,
        people: PeopleRepository,
        prompts: PromptRepository,
    ) -> None:
        self.progress = progress
        self.store = store
        self.checkins = checkins
        self.people = people
        self.prompts = prompts

    def start_of(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.progress.zone)

    # --- the follow-up ----------------------------------------------------------------------------

    def follow_up(
        self, district: str, *, now: datetime, asked: str = "", start: datetime | None = None
    ) -> FollowUp | None:
        """What happened since the day the board `asked` for ("sedan vecka 45", read as parse_since reads
        it), the moment `start` (a document of a follow-up taken in chat), or the last follow-up; None
        without a plan, SinceError for words that are no day that has passed. Without a day or `start` it is
        recorded as the board's latest follow-up."""
        plan = self.progress.plan(district)
        if plan is None or not plan.goals:
            return None
        today = self.progress.today(now)
        year = plan.year or today.year
        since = parse_since(asked, today, year)
        record = since is None and start is None
        if since is not None:
            start = self.start_of(since)
        elif start is None:
            last = self.store.last(district, before=self.start_of(today))
            start = last if last is not None else self.start_of(date(year, 1, 1))
        standings = self.progress.standings(plan, now=now)
        before = {
            s.goal.id: s.progress for s in self.progress.standings_without_since(plan, then=start, now=now)
        }
        rows = self.store.reports(district, year=year, stored_after=start)
        goals = {goal.id: goal for goal in plan.goals}
        changed = self.store.changed(district, after=start)
        branches = self.checkins.branches(district)
        behind = self._behind(plan, standings, branches, now)
        schedules = {s.id: s for s in self.prompts.schedules(district)}  # those that can still post
        coming = self.prompts.slots(district=district, after=now, statuses=_COMING, limit=1000)
        result = FollowUp(
            plan=plan,
            since=start,
            zone=self.progress.zone,
            today=today,
            standings=standings,
            new_reports=_grouped(plan, rows, year, self._latest(plan, standings, rows, now)),
            changed=[(goals[c.goal_id], c) for c in changed if c.goal_id in goals],
            moved=[
                Moved(s.goal, before[s.goal.id], s.progress)
                for s in standings
                if s.goal.id in before and _figure(before[s.goal.id]) != _figure(s.progress)
            ],
            behind=behind,
            branches=len(branches),
            quarter=find_gaps(
                plan,
                self.progress.reports(plan, year=year),
                branches=branches,
                responsible={},
                quarter=Quarter.of(min(max(today, date(year, 1, 1)), date(year, 12, 31))),
            ),
            posted=self.store.posted(district, after=start, until=now),
            coming=[slot for slot in coming if slot.schedule_id in schedules],
            schedules=schedules,
        )
        if record:
            self.store.record(district, now=now)
        return result

    def _latest(
        self, plan: Plan, standings: list[GoalStanding], rows: Sequence[ReportRow], now: datetime
    ) -> dict[tuple[int, int | None], float]:
        """The latest reading of each metric goal with new reports, by (goal id, branch id), as `status` and
        `mål N` show it: the district's for a district goal, a branch's own for an every-branch goal (the
        board means the goal's reading, not the newest of the reports made since)."""
        metric = {s.goal.id: s.progress for s in standings if s.goal.target.kind is TargetKind.METRIC}
        own: dict[int, dict[int, float | None]] = {}
        result: dict[tuple[int, int | None], float] = {}
        for row in rows:
            progress = metric.get(row.goal_id)
            if progress is None:
                continue
            latest = progress.latest
            if progress.in_branches:
                if row.branch_id is None:
                    continue  # a district-wide report of a branch's goal counts for no branch
                if row.branch_id not in own:
                    own[row.branch_id] = {
                        s.goal.id: s.progress.latest
                        for s in self.progress.standings(plan, now=now, branch_id=row.branch_id)
                    }
                latest = own[row.branch_id].get(row.goal_id)
            if latest is not None:
                result[(row.goal_id, row.branch_id)] = latest
        return result

    def _behind(
        self, plan: Plan, standings: list[GoalStanding], branches: list[BranchInfo], now: datetime
    ) -> list[Behind]:
        named = self.checkins.responsible(plan.district)
        chairs: dict[str, list[str]] = defaultdict(list)
        for member in self.people.members(plan.district, Role.CHAIR):
            if member.branch:
                chairs[member.branch].append(member.name)
        per_branch: dict[int, dict[int, GoalProgress]] = {}
        periods = self.progress.periods(plan, now=now)
        result = []
        for standing in standings:
            goal = standing.goal
            if standing.progress.pace not in SHORT:
                continue
            people = tuple(name for _, name in named.get(goal.id, ()))
            lagging: list[tuple[str, tuple[str, ...]]] = []
            if goal.applies_to_branches:
                for branch in branches:
                    if branch.id not in per_branch:
                        per_branch[branch.id] = {
                            s.goal.id: s.progress
                            for s in self.progress.standings(plan, now=now, branch_id=branch.id)
                        }
                    own = per_branch[branch.id].get(goal.id)
                    if own is not None and own.pace in SHORT:
                        lagging.append((branch.name, tuple(sorted(chairs.get(branch.name, ())))))
            lag = short_by(goal, standing.progress, periods.get(goal.id, ()))
            result.append(Behind(goal, standing.progress, lag, people, tuple(lagging)))
        return result

    # --- the year's report ------------------------------------------------------------------------

    def annual(self, district: str, year: int | None, *, now: datetime) -> AnnualReport | None:
        """The year's report of the district's plan (`year` None: the plan's); None without a plan,
        PlanYearMismatch for another year than the plan's."""
        plan = self.progress.plan(district)
        if plan is None or not plan.goals:
            return None
        today = self.progress.today(now)
        plan_year = plan.year or today.year
        if year is None:
            year = plan_year
        if year != plan_year:
            raise PlanYearMismatch(plan_year)
        standings = self.progress.standings(plan, now=now)
        periods = self.progress.periods(plan, now=now)
        branches = self.checkins.branches(district)
        own = {b.id: self.progress.standings(plan, now=now, branch_id=b.id) for b in branches}
        named = self.checkins.responsible(district)
        comments: dict[int, list[Comment]] = defaultdict(list)
        for row in self.store.reports(district, year=year):
            if row.comment:
                comments[row.goal_id].append(
                    Comment(row.comment, row.happened_on, _nameable(row), row.branch)
                )
        goals = []
        for standing in standings:
            goal = standing.goal
            goals.append(
                GoalYear(
                    goal=goal,
                    progress=standing.progress,
                    periods=periods.get(goal.id, []),
                    branches=[
                        (b.name, next(s.progress for s in own[b.id] if s.goal.id == goal.id))
                        for b in branches
                    ]
                    if goal.applies_to_branches
                    else [],
                    comments=comments.get(goal.id, []),
                    responsible=tuple(name for _, name in named.get(goal.id, ())),
                )
            )
        posted = self._posted_in(district, year, now=now)
        return AnnualReport(
            plan, year, today, self.progress.zone, goals, posted, self.store.reads_replies(district)
        )

    def _posted_in(self, district: str, year: int, *, now: datetime) -> list[PostedPrompt]:
        """The prompts posted in the plan's `year` (Swedish time) by `now`: not the next year's, read
        after the plan's year is over."""
        until = min(now, self.start_of(date(year + 1, 1, 1)))
        return self.store.posted(district, after=self.start_of(date(year, 1, 1)), until=until)

    # --- the dashboard ----------------------------------------------------------------------------

    def chaired_branch(self, person: PersonInfo, district: str) -> int | None:
        """The branch whose dashboard a chair sees first: the first they chair, if any."""
        chaired = self.checkins.chair_of(person, district)
        return chaired[0].id if chaired else None

    def dashboard(self, district: str, *, now: datetime, first_branch: int | None = None) -> Dashboard | None:
        """The plan's progress as the dashboard draws it; `first_branch` (a chair's own) comes first."""
        plan = self.progress.plan(district)
        if plan is None or not plan.goals:
            return None
        today = self.progress.today(now)
        year = plan.year or today.year
        branches = sorted(self.checkins.branches(district), key=lambda b: (b.id != first_branch, b.name))
        grid: dict[tuple[int, int], list[Measure]] = {}
        branch_standings = {}
        for branch in branches:
            for goal_id, measures in self.progress.periods(plan, now=now, branch_id=branch.id).items():
                grid[(goal_id, branch.id)] = measures
            branch_standings[branch.id] = self.progress.standings(plan, now=now, branch_id=branch.id)
        days = [ends for _, ends in spans_of(Period.MONTH, year) if ends < today]
        if date(year, 1, 1) <= today and min(today, date(year, 12, 31)) not in days:
            days.append(min(today, date(year, 12, 31)))  # today, unless the year is over (its last day)
        course = [
            (day, _mean_fraction(rows))
            for day, rows in zip(days, self.progress.course(plan, now=now, days=days), strict=True)
        ]
        posted = self._posted_in(district, year, now=now)
        return Dashboard(
            plan,
            self.progress.zone,
            today,
            self.progress.standings(plan, now=now),
            branches,
            grid,
            branch_standings,
            course,
            posted,
        )


def _mean_fraction(standings: Sequence[GoalStanding]) -> float:
    # the bars' mean, each as the dashboard draws it beside its figure
    measured = [s.progress.fraction for s in standings if s.progress.year.pace is not Pace.NOT_MEASURED]
    return sum(measured) / len(measured) if measured else 0.0


def _figure(progress: GoalProgress) -> tuple[float | None, ...]:
    """The numbers `status` shows of a goal, to tell whether it moved: for a goal counted per period the
    current period's figure and the periods met (not the year's sum, which it does not show); a count's
    reports beyond its target too ("100 of 100 (110 reported)")."""
    period, told = (progress.period.done, progress.period.reported) if progress.period else (None, None)
    if progress.periods_met is not None and not progress.in_branches:
        return (period, told, progress.periods_met)
    return (progress.year.done, period, progress.year.reported)


def _grouped(
    plan: Plan, rows: Sequence[ReportRow], year: int, latest: Mapping[tuple[int, int | None], float]
) -> list[NewReports]:
    """New check-ins per goal (in the plan's order) and branch (the district's first, then by name); a
    count in all as progress counts it: one meeting both halves of a merged branch told of is one; a metric
    the goal's `latest` reading (else the newest of the new readings, by day)."""
    by_id = {goal.id: goal for goal in plan.goals}
    groups: dict[tuple[int, str | None], list[ReportRow]] = defaultdict(list)
    for row in rows:
        if row.goal_id in by_id:
            groups[(row.goal_id, row.branch)].append(row)
    result = []
    for (goal_id, branch), found in groups.items():
        goal = by_id[goal_id]
        if goal.target.kind is TargetKind.METRIC:
            newest = max(found, key=lambda r: (r.happened_on, r.stored_at))
            total = latest.get((goal_id, newest.branch_id), newest.value)
        else:
            total = told(
                [Report(r.value, r.happened_on, r.branch_id, None, None, r.first_branch_id) for r in found],
                year,
                amounts=goal.target.is_amount,
            )
        result.append(NewReports(goal, branch, len(found), total))
    result.sort(key=lambda r: (r.goal.number, r.branch is not None, (r.branch or "").casefold()))
    return result


def _nameable(row: ReportRow) -> str | None:
    """The reporter's name, only while they are a member of the district and not forgotten."""
    return row.reporter if row.reporter and row.reporter_belongs else None


# --- what the board writes ------------------------------------------------------------------------------

_SINCE_WORDS = {"sedan", "sen", "since", "fran", "from"}
# "sedan mötet 12/11", "since the meeting on 12 Nov": the day is what follows.
_MEETING_WORDS = {"motet", "styrelsemotet", "the", "meeting", "board", "on", "den"}
# "sedan förra mötet", "since the last meeting": the board means its last follow-up, as with no date.
_LAST_MEETING = re.compile(
    r"(?:(?:forra|senaste|sista)\s+(?:styrelse)?(?:motet|uppfoljningen|gangen)|sist|senast"
    r"|(?:the\s+)?(?:last|previous)\s+(?:board\s+)?(?:meeting|follow\s*up|followup|time))"
)


class SinceError(ValueError):
    """Not a date the follow-up can start from: `text` as written; `day`, the day read, when it has not
    happened yet."""

    def __init__(self, text: str, *, day: date | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.day = day


def names_a_day(text: str, today: date) -> bool:
    """Whether `text` is what a follow-up starts from: a day, a period or the last meeting ("sedan förra
    mötet", "Q3", "vecka 11"), written where it means nothing (`status Q3`)."""
    if not text.strip():
        return False
    try:
        parse_since(text, today)
    except SinceError as error:
        return error.day is not None
    return True


def parse_since(text: str, today: date, year: int | None = None) -> date | None:
    """The day a follow-up starts from: "sedan 12/3", "since March 12", "12 mars", "2027-03-12", "vecka 45",
    "kvartal 3", "förra kvartalet", "årsskiftet", "i våras", "mötet 12/11"; None for no date at all or
    "sedan förra mötet" (the last follow-up). The first day of what bot/services/dates.py reads ("mitten av
    oktober" the 15th, as a check-in stores it), with the
    plan's `year` as a check-in reads it: "vecka 48" in week 47 has not been yet, "vecka 50" in January is
    last December's."""
    words = text.split()
    if words and fold(words[0]) in _SINCE_WORDS:
        words = words[1:]
    if not words or _LAST_MEETING.fullmatch(fold(" ".join(words))):
        return None
    shown = " ".join(words)[:30]
    try:
        found = dates.read_whole(words, today, year, since=True)
        while found is None and len(words) > 1 and fold(words[0]) in _MEETING_WORDS:  # "mötet den 3:e"
            words = words[1:]
            found = dates.read_whole(words, today, year, since=True)
    except dates.DateError:
        raise SinceError(shown) from None
    if found is None:
        raise SinceError(shown)
    if found.first > today:
        raise SinceError(shown, day=found.first)
    return dates.reported_day(found, year)  # "sedan årsskiftet": 1 January of the plan's year
