"""What each check-in command asks of the database, in one call per turn (bot/commands/checkins.py).

Every method runs in a worker thread: it reads and writes through the repositories and returns a small
result for the handler to render. Roles come from the turn (the router read them with who wrote it).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING

from bot.cards import Notice, Reply
from bot.cards import goals as cards
from bot.db.checkins import AlreadyStored, BranchInfo, NotStored, Reporter, StoredCheckIn
from bot.db.people import DistrictRepository
from bot.i18n import DISTRICT_WORDS, OWN_BRANCH_WORDS, fold, status_word
from bot.services.branches import find_branch
from bot.services.checkins import (
    CheckInDraft,
    CheckInError,
    Example,
    Ready,
    Refused,
    Repeat,
    Reporting,
    TwoReadings,
    Unlikely,
    check,
    examples,
    far_below,
    moved_day,
    parse_check_in,
    unlikely,
)
from bot.services.goals import Goal, Plan, TargetKind
from bot.services.people import PersonInfo, Role
from bot.services.progress import GoalStanding, Pace, Progress

if TYPE_CHECKING:
    from bot.db.people import PeopleRepository

# Reads a check-in against the plan on the district's today: the goal and the draft, or raises
# CheckInError (TwoReadings where a value may be read two ways).
Reader = Callable[[Plan, date], tuple[Goal, CheckInDraft]]


class Closed(StrEnum):
    """Why the check-in form or dialog is not opened."""

    NO_PLAN = "no_plan"  # no plan with goals to report on
    NOT_A_REPORTER = "not_a_reporter"  # no chair, not the board, not responsible for any goal


@dataclass(frozen=True)
class Opened:
    """The check-in form or dialog opened: the plan, the district's today, the goals the sender may report
    and, for a goal asked about that they may not report, why; `branches`: those they must choose among for
    the goal asked about (for the form, for any of its goals), empty when the branch follows from who they
    are."""

    plan: Plan
    today: date
    goals: tuple[Goal, ...]
    refused: Refused | None = None
    branches: tuple[str, ...] = ()


@dataclass(frozen=True)
class Misread:
    """A check-in that does not read: what was wrong, and the plan it was read against."""

    plan: Plan
    today: date
    error: CheckInError | TwoReadings
    examples: tuple[Example, ...] = ()  # the goals the sender may report, for an example that works
    branches: tuple[str, ...] = ()  # those the sender must choose among (the form's, shown again)


@dataclass(frozen=True)
class SentBefore:
    """The submission (a form, a message Teams delivered again) was stored before, as `checkin_id`."""

    checkin_id: int


@dataclass(frozen=True)
class NotTaken:
    """The database could not take the check-in: nothing was stored."""

    reason: str


@dataclass(frozen=True)
class Filed:
    """What came of storing a check-in that reads: stored, refused, a repeat asked about, or not stored."""

    plan: Plan
    goal: Goal
    draft: CheckInDraft
    outcome: StoredCheckIn | Refused | Repeat | Unlikely | SentBefore | NotTaken
    still_done: StoredCheckIn | None = None  # a "not done" stored beside this report of it done


@dataclass(frozen=True)
class HelpExamples:
    """For `hjälp`'s examples: the plan (None: none), a report the sender may write (None: they may report
    nothing), and a branch of the district (None: it has none)."""

    plan: Plan | None
    report: Example | None
    branch: str | None
    districts: tuple[str, ...] = ()  # the deployment's, for `koppla`'s example
    latest: StoredCheckIn | None = None  # the sender's latest report, for `ändra`'s and `ångra`'s examples


@dataclass(frozen=True)
class Status:
    """`status`: every goal's standing, for the district or (`branch`) one branch's own goals."""

    plan: Plan
    standings: list[GoalStanding]
    branch: str | None
    today: date
    district_goals: int  # with `branch`: how many goals are the district's own, not shown
    example: Example | None = None  # a report on a goal shown that the reader may write
    about: str | None = None  # the words the goals shown mention ("hur går det med facebook?")
    whose: str | None = None  # the person whose goals are shown ("hur går det för Kim?")
    board: bool = False  # the goals shown are those the plan gives the board ("hur går det för styrelsen?")
    marked: str | None = None  # the status word (its msgid) the goals shown are marked with ("efter")
    # a chair of several branches: each one's own goals as it stands (`standings`: the first's)
    branches: tuple[tuple[str | None, list[GoalStanding]], ...] = ()


@dataclass(frozen=True)
class UnknownBranch:
    named: str
    branches: list[BranchInfo]


PAGE = 10  # reports shown at a time by `mina rapporter`


@dataclass(frozen=True)
class ReportFilter:
    """Which of one's reports `mina rapporter` shows: of a goal (its number), of a year, a page of PAGE."""

    goal: int | None = None
    year: int | None = None
    page: int = 1


@dataclass(frozen=True)
class MyReports:
    """`mina`: a page of the reports one made and those made for the branches one chairs (or is deputy
    for) or on the goals one is responsible for, newest first."""

    check_ins: list[StoredCheckIn]
    plan: Plan | None
    branches: list[str]
    own: set[int]  # the shown ones the reader may correct and withdraw
    total: int = 0  # how many there are in all, as asked
    example: Example | None = None  # a report the reader may write
    unknown_goal: bool = False  # the goal asked for is no goal of the plan
    made_by: dict[int, str] = field(default_factory=dict)  # who made those shown that others made
    withdrawn: int = 0  # of `total`: they are listed, but no longer count
    goals: list[int] = field(default_factory=list)  # the numbers of the goals they are responsible for


@dataclass(frozen=True)
class Candidate:
    """`ändra`/`ångra` without a number: the latest report the reader may change that fits what they wrote
    (None: none does), how many fit, and its goal."""

    found: StoredCheckIn | None
    fitting: int
    goal: Goal | None = None
    made_by: str | None = None  # who made it, when not the reader


@dataclass(frozen=True)
class MyGoals:
    """`mina mål`: the goals one is responsible for (no plan, or none: `standings` empty)."""

    plan: Plan | None
    standings: list[GoalStanding]
    today: date
    example: Example | None = None  # a report on one of the goals that the reader may write
    # a chair of several branches: the district's goals they answer for (no name), then each branch's own
    parts: tuple[tuple[str | None, list[GoalStanding]], ...] = ()


@dataclass(frozen=True)
class NoReport:
    """No report of the district by that number."""

    checkin_id: int


@dataclass(frozen=True)
class NotYours:
    """A report the sender may not change: another branch's (`branch`), or the district's on a goal they are
    not responsible for (`branch` None); `chairs`: the branches the sender reports for."""

    checkin_id: int
    branch: str | None = None
    goal_number: int | None = None
    chairs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unchanged:
    """The database could not take the correction or withdrawal: the report is as it was."""

    checkin_id: int
    reason: str


@dataclass(frozen=True)
class GoalGone:
    """The report's goal is no longer in the plan."""


@dataclass(frozen=True)
class Corrected:
    """`ändra`: the report as it was found (withdrawn ones are not changed), and what came of it."""

    plan: Plan
    goal: Goal
    found: StoredCheckIn
    outcome: StoredCheckIn | Misread | Unlikely | None  # None: withdrawn, so not corrected
    made_by: str | None = None  # who made the report, when not the sender (None too once forgotten)
    moved: bool = False  # only its day was changed (`moved_day`)


@dataclass(frozen=True)
class Withdrawn:
    checkin_id: int
    already: bool
    found: StoredCheckIn | None = None  # the report withdrawn, so the answer names what it was
    goal: Goal | None = None  # its goal in the plan ("klart", not "1")
    made_by: str | None = None  # who made the report, when not the sender (None too once forgotten)


@dataclass(frozen=True)
class NoGoal:
    number: int
    last: int  # the plan's goals are 1..last


@dataclass(frozen=True)
class Named:
    """`ansvarig`: who was changed and who was already so."""

    goal: Goal
    changed: list[str]
    unchanged: list[str]


@dataclass(frozen=True)
class Tapped:
    """A reminder's button: the plan and the check-ins stored under the reminder's tokens, after storing
    the tapped one (`outcome`)."""

    plan: Plan
    goal: Goal
    outcome: StoredCheckIn | Refused | Repeat | Unlikely | SentBefore | NotTaken
    found: dict[str, StoredCheckIn]


class CheckInDesk:
    """The check-in commands' reads and writes; called in worker threads, one method per turn. A method's
    reads share one snapshot (bot/db/engine.py); a write comes after them, in a transaction of its own."""

    def __init__(
        self,
        progress: Progress,
        reporting: Reporting,
        people: PeopleRepository,
        tell: Callable[[set[int], Notice], None] | None = None,
    ) -> None:
        self.progress = progress
        self.reporting = reporting
        self.checkins = progress.checkins
        self.people = people
        self.db = progress.checkins.db
        # Notices to people in their personal chats, sent in the background (the scheduler's; None without).
        self.tell = tell

    def today(self, now: datetime) -> date:
        return self.progress.today(now)

    def plan(self, district: str, *, now: datetime) -> tuple[Plan | None, date]:
        """The district's plan and its today (the dialog's questions are read against them)."""
        return self.progress.plan(district), self.today(now)

    def opening(
        self,
        person: PersonInfo,
        district: str,
        roles: Collection[Role],
        *,
        now: datetime,
        goal_number: int | None = None,
    ) -> Opened | Closed:
        """The plan to report on (the form, the dialog) with the goals the sender may report, or why the
        sender cannot report; with `goal_number`, also why they may not report that goal (if so)."""
        today = self.today(now)
        with self.db.snapshot():
            plan = self.progress.plan(district)
            if plan is None or not plan.goals:
                return Closed.NO_PLAN
            if not self.reporting.may_report(person, district, roles):
                return Closed.NOT_A_REPORTER
            goals = [e.goal for e in self._examples(person, district, roles, plan.goals)]
            asked = plan.goal(goal_number) if goal_number is not None else None
            refused = None
            if asked is not None and asked not in goals:
                refused = self.reporting.refusal(person, district, roles, asked)
            choosing = [asked] if asked is not None and refused is None else goals
            branches = self.reporting.branch_choice(person, district, roles, choosing)
        return Opened(plan, today, tuple(goals), refused, tuple(branches))

    def help_examples(
        self, person: PersonInfo | None, district: str, roles: Collection[Role]
    ) -> HelpExamples:
        """What `hjälp`'s examples may name: a report the sender may write, the plan, and a branch."""
        with self.db.snapshot():
            plan = self.progress.plan(district)
            found = self._example(person, district, roles, plan.goals) if plan is not None else None
            names = [branch.name for branch in self.checkins.branches(district)]
            districts = tuple(DistrictRepository(self.db).names())
            latest = None
            if person is not None and found is not None:
                reporter = self.checkins.reporter(person, district)
                chairs = [b.id for b in reporter.chairs]
                shown, _, _ = self.checkins.seen_by(
                    person, district, chairs, goal_ids=reporter.responsible, standing=True, limit=1
                )
                latest = next(iter(shown), None)
        branch = "Sundsvall" if "Sundsvall" in names else next(iter(names), None)
        return HelpExamples(plan, found, branch, districts, latest)

    def file(
        self, person: PersonInfo, district: str, roles: Collection[Role], read: Reader, *, now: datetime
    ) -> Filed | Misread | None:
        """Read a check-in against the district's plan and store it (None: there is no plan with goals)."""
        today = self.today(now)
        with self.db.snapshot():
            plan = self.progress.plan(district)
            if plan is None or not plan.goals:
                return None
            try:
                goal, draft = read(plan, today)
            except (CheckInError, TwoReadings) as error:
                examples = tuple(self._examples(person, district, roles, plan.goals))
                branches = self.reporting.branch_choice(person, district, roles, [e.goal for e in examples])
                return Misread(plan, today, error, examples, tuple(branches))
            checked = self._check(person, district, roles, goal, draft)
        still_done = checked.done_by if isinstance(checked, Ready) else None
        return Filed(
            plan, goal, draft, self._add(person, district, goal, draft, checked, now=now), still_done
        )

    def tap(
        self,
        person: PersonInfo,
        district: str,
        roles: Collection[Role],
        number: int,
        draft: CheckInDraft,
        tokens: Sequence[str],
        answerable: Callable[[Goal], bool],
        *,
        now: datetime,
    ) -> Tapped | None:
        """Store a reminder's tapped answer on goal `number` (None: the plan changed so that the goal is
        gone, or no tap answers it any more), then read what the reminder's buttons have stored."""
        with self.db.snapshot():
            plan = self.progress.plan(district)
            goal = plan.goal(number) if plan else None
            if plan is None or goal is None or not answerable(goal):
                return None
            checked = self._check(person, district, roles, goal, draft)
        outcome = self._add(person, district, goal, draft, checked, now=now)
        return Tapped(plan, goal, outcome, self.checkins.by_submissions(tokens, district=district))

    def _check(
        self, person: PersonInfo, district: str, roles: Collection[Role], goal: Goal, draft: CheckInDraft
    ) -> Ready | Refused | Repeat | Unlikely | SentBefore:
        try:
            return self.reporting.check(person, district, roles, goal, draft)
        except AlreadyStored as repeat:
            return SentBefore(repeat.checkin_id)

    def _add(
        self,
        person: PersonInfo,
        district: str,
        goal: Goal,
        draft: CheckInDraft,
        checked: Ready | Refused | Repeat | Unlikely | SentBefore,
        *,
        now: datetime,
    ) -> StoredCheckIn | Refused | Repeat | Unlikely | SentBefore | NotTaken:
        """Store a check-in found ready (anything else is the answer as it is)."""
        if not isinstance(checked, Ready):
            return checked
        try:
            return self.reporting.add(person, district, goal, draft, checked, now=now)
        except AlreadyStored as repeat:  # the same message or form, stored a moment ago
            return SentBefore(repeat.checkin_id)
        except NotStored as error:
            return NotTaken(str(error))

    def status(
        self,
        person: PersonInfo | None,
        district: str,
        roles: Collection[Role],
        *,
        named: str | None,
        own: bool,
        now: datetime,
    ) -> Status | UnknownBranch | None:
        """The plan's standing (None: no plan with goals): for the branch `named` (no branch: the goals that
        mention those words), or with `own` for the branches the sender chairs (several: each under its
        name), else the district's. A branch's status holds the goals every branch has of its own, as that
        branch has done them; the district's own goals are counted, not shown."""
        with self.db.snapshot():
            plan = self.progress.plan(district)
            if plan is None or not plan.goals:
                return None
            branch: BranchInfo | None = None
            marked, named = _marked_in(named) if named is not None else (None, None)
            if marked in _SHORT_OF_THE_GOAL:  # the year over, a goal behind is not reached: the same question
                over = plan.year is not None and self.today(now).year > plan.year
                marked = "not reached" if over else "behind"
            if named is not None and fold(named) in OWN_BRANCH_WORDS:  # "… efter i min förening"
                named, own = None, True
            elif named is not None and fold(named) in DISTRICT_WORDS:  # "… efter i distriktet"
                named, own = None, False
            if marked is not None and named is None and not own:  # "vilka mål ligger efter?": so marked
                standings = [s for s in self.progress.standings(plan, now=now) if _marked(s, marked)]
                example = self._example(person, district, roles, [s.goal for s in standings])
                return Status(plan, standings, None, self.today(now), 0, example, marked=marked)
            if named is not None:
                branches = self.checkins.branches(district)
                branch = find_branch(named, branches)
                # a person's name: the goals they answer for, as `mål ansvarig NAME` lists them
                theirs = self.progress.who_answers(district, "@" + named) if branch is None else None
                if theirs is not None and theirs.board and marked is None:
                    # "hur går det för styrelsen?": the goals the plan gives the board, as "styrelsens mål"
                    standings = [s for s in self.progress.standings(plan, now=now) if s.goal in theirs.found]
                    example = self._example(person, district, roles, theirs.found)
                    return Status(plan, standings, None, self.today(now), 0, example, board=True)
                if theirs is not None and theirs.person is not None and theirs.found and marked is None:
                    standings = [s for s in self.progress.standings(plan, now=now) if s.goal in theirs.found]
                    example = self._example(person, district, roles, theirs.found)
                    return Status(plan, standings, None, self.today(now), 0, example, whose=theirs.person)
                if theirs is not None and theirs.person is not None and theirs.chairs:
                    branch = find_branch(theirs.chairs[0], branches)  # a chair named for none: their branch's
                elif theirs is not None and theirs.person is not None and marked is None:  # named for none
                    return Status(plan, [], None, self.today(now), 0, whose=theirs.person)
                about = plan.search(named) if branch is None and marked is None else []
                if branch is None and not about:
                    return UnknownBranch(named, branches)
                if about:  # no branch, but what goals are about: "hur går det med facebook?"
                    standings = [s for s in self.progress.standings(plan, now=now) if s.goal in about]
                    example = self._example(person, district, roles, about)
                    return Status(plan, standings, None, self.today(now), 0, example, about=named)
            reporter = self.checkins.reporter(person, district) if person is not None else None
            if named is None and own and person is not None and reporter is not None:
                chairs = reporter.chairs
                if len(chairs) > 1:  # "how do my branches stand?": each, as a chair of one sees theirs
                    return self._branches_status(person, district, roles, plan, reporter, marked, now=now)
                branch = chairs[0] if chairs else None
            standings = self.progress.standings(plan, now=now, branch_id=branch.id if branch else None)
            every = len(standings)
            if branch is not None:
                standings = [s for s in standings if s.goal.applies_to_branches]
            if marked is not None:  # "vilka mål ligger efter i Sundsvall?"
                standings = [s for s in standings if _marked(s, marked)]
            goals = [s.goal for s in standings]
            example = self._example(person, district, roles, goals, shown=branch, reporter=reporter)
        today = self.today(now)
        if branch is None:
            return Status(plan, standings, None, today, 0, example, marked=marked)
        others = every - len(standings) if marked is None else 0  # the district's own, not shown
        return Status(plan, standings, branch.name, today, others, example, marked=marked)

    def _branches_status(
        self,
        person: PersonInfo,
        district: str,
        roles: Collection[Role],
        plan: Plan,
        reporter: Reporter,
        marked: str | None,
        *,
        now: datetime,
    ) -> Status:
        """`status` for a chair of several branches: each branch's own goals with its own figures (those
        shown with the status word `marked`, if any)."""
        chairs = reporter.chairs
        parts = tuple(
            (branch.name, self.progress.standings(plan, now=now, branch_id=branch.id)) for branch in chairs
        )
        every = len(parts[0][1])
        parts = tuple(
            (
                name,
                [s for s in theirs if s.goal.applies_to_branches and (marked is None or _marked(s, marked))],
            )
            for name, theirs in parts
        )
        shown = parts[0][1]
        others = every - len(shown) if marked is None else 0  # the district's own, not shown
        goals = [s.goal for s in shown]
        example = self._example(person, district, roles, goals, shown=chairs[0], reporter=reporter)
        return Status(plan, shown, None, self.today(now), others, example, marked=marked, branches=parts)

    def _examples(
        self,
        person: PersonInfo | None,
        district: str,
        roles: Collection[Role],
        goals: Sequence[Goal],
        *,
        shown: BranchInfo | None = None,
        reporter: Reporter | None = None,
    ) -> list[Example]:
        """Reports on `goals` the reader may write, for hints that work when copied (`reporter`: who the
        reader is, if the caller has read it already)."""
        if person is None:
            return []
        reporter = reporter or self.checkins.reporter(person, district)
        return examples(goals, roles, reporter.chairs, reporter.responsible, reporter.branches, shown=shown)

    def _example(
        self,
        person: PersonInfo | None,
        district: str,
        roles: Collection[Role],
        goals: Sequence[Goal],
        *,
        shown: BranchInfo | None = None,
        reporter: Reporter | None = None,
    ) -> Example | None:
        return next(
            iter(self._examples(person, district, roles, goals, shown=shown, reporter=reporter)), None
        )

    def my_reports(
        self, person: PersonInfo, district: str, roles: Collection[Role], asked: ReportFilter
    ) -> MyReports:
        """A page of the reports the sender made and those made for the branches they report for (a chair's,
        a deputy's) or on the goals they are responsible for, whoever made them, as `asked` narrows them."""
        with self.db.snapshot():
            reporter = self.checkins.reporter(person, district)
            plan = self.progress.plan(district)
            example = self._example(person, district, roles, plan.goals if plan else (), reporter=reporter)
            goal = plan.goal(asked.goal) if plan and asked.goal is not None else None
            branches = [b.name for b in reporter.chairs]
            goals = sorted(g.number for g in plan.goals if g.id in reporter.responsible) if plan else []
            if asked.goal is not None and goal is None:
                return MyReports([], plan, branches, set(), 0, example, unknown_goal=True)
            shown, total, withdrawn = self.checkins.seen_by(
                person,
                district,
                [b.id for b in reporter.chairs],
                goal_ids=reporter.responsible,
                goal_id=goal.id if goal else None,
                year=asked.year,
                offset=(asked.page - 1) * PAGE,
                limit=PAGE,
            )
            mine = {c.id for c in shown if self._may_change(c, roles, reporter, plan)}
        others = {c.id: name for c in shown if (name := self._made_by(c, reporter))}
        return MyReports(
            shown, plan, branches, mine, total, example, made_by=others, withdrawn=withdrawn, goals=goals
        )

    def which_report(
        self,
        person: PersonInfo,
        district: str,
        roles: Collection[Role],
        *,
        goal_number: int | None,
        day: date | None,
    ) -> Candidate:
        """The latest report still counting that the sender made or made for their branches or goals, on that
        goal and day if given (for `ändra` or `ångra` without a number: named, never changed on a guess)."""
        with self.db.snapshot():
            reporter = self.checkins.reporter(person, district)
            plan = self.progress.plan(district)
            goal = plan.goal(goal_number) if plan and goal_number is not None else None
            if goal_number is not None and goal is None:
                return Candidate(None, 0)
            found, fitting, _ = self.checkins.seen_by(
                person,
                district,
                [b.id for b in reporter.chairs],
                goal_ids=reporter.responsible,
                goal_id=goal.id if goal else None,
                day=day,
                standing=True,
                limit=1,
            )
            latest = next(iter(found), None)
            made_by = self._made_by(latest, reporter) if latest else None
        shown = plan.goal_by_id(latest.goal_id) if plan and latest else None
        return Candidate(latest, fitting, shown, made_by)

    def my_goals(
        self, person: PersonInfo, district: str, roles: Collection[Role], *, now: datetime
    ) -> MyGoals:
        """The goals the sender is responsible for, with their progress: those the board named them for and,
        for a chair, the goals every branch does (each branch's chair answers for them), as their branch
        has done them when they chair one, or under each branch's name when several (as `status`)."""
        today = self.today(now)
        with self.db.snapshot():
            plan = self.progress.plan(district)
            ids = set(self.checkins.goals_of(person, district))
            chairs = self.checkins.chair_of(person, district)
            if plan is None or not (ids or chairs):
                return MyGoals(plan, [], today)
            standings = self.progress.standings(plan, now=now)
            if len(chairs) == 1:
                own = self.progress.standings(plan, now=now, branch_id=chairs[0].id)
                standings = [
                    mine if mine.goal.applies_to_branches else s
                    for s, mine in zip(standings, own, strict=True)
                ]
            parts: tuple[tuple[str | None, list[GoalStanding]], ...] = ()
            if len(chairs) > 1:
                theirs = [s for s in standings if s.goal.id in ids and not s.goal.applies_to_branches]
                parts = ((None, theirs),) if theirs else ()
                for branch in chairs:
                    own = self.progress.standings(plan, now=now, branch_id=branch.id)
                    parts += ((branch.name, [s for s in own if s.goal.applies_to_branches]),)
            standings = [s for s in standings if s.goal.id in ids or (chairs and s.goal.applies_to_branches)]
            example = self._example(person, district, roles, [s.goal for s in standings])
        return MyGoals(plan, standings, today, example, parts)

    def correct(
        self,
        person: PersonInfo,
        district: str,
        roles: Collection[Role],
        checkin_id: int,
        rest: str,
        *,
        grouped: bool | None,
        confirmed: bool = False,
        now: datetime,
    ) -> Corrected | NoReport | NotYours | GoalGone | Unchanged:
        """Change the value (and comment) of a check-in the sender may change (see _may_change), read from
        `rest` as a report of its goal, or only its day when `rest` is a day alone (`moved_day`); the old
        one is kept in its history. A new count far beyond the goal's target is asked about first, as a
        report of it would be (`unlikely`), unless `confirmed`."""
        today = self.today(now)
        with self.db.snapshot():
            reporter = self.checkins.reporter(person, district)
            plan = self.progress.plan(district)
            found = self._changeable(reporter, roles, checkin_id, district, plan)
            if isinstance(found, NoReport | NotYours):
                return found
            made_by = self._made_by(found, reporter)
            owners = self._owners(found, reporter, plan, district)
        goal = plan.goal_by_id(found.goal_id) if plan else None
        if goal is None or plan is None:
            return GoalGone()
        if found.withdrawn:  # a correction would not make it count again
            return Corrected(plan, goal, found, None, made_by)
        try:
            moved = moved_day(rest, goal.target, today, plan.year)
            if moved is not None:
                check(
                    value=found.value, happened_on=moved, comment=found.comment, today=today, year=plan.year
                )
                draft = CheckInDraft(goal.number, found.value, moved, found.area, found.comment)
            else:
                draft = parse_check_in(
                    rest,
                    goal.target,
                    goal_number=goal.number,
                    today=today,
                    year=plan.year,
                    areas=plan.area_names(),
                    default_day=found.happened_on,
                    default_area=found.area,
                    grouped=grouped,
                )
        except (CheckInError, TwoReadings) as error:
            return Corrected(plan, goal, found, Misread(plan, today, error), made_by)
        if not confirmed and unlikely(goal.target, draft.value) and draft.value != found.value:
            return Corrected(plan, goal, found, Unlikely(draft.value), made_by)
        if not confirmed and far_below(goal.target, draft.value, found.value):  # "ändra 7 2" for 1 800
            return Corrected(plan, goal, found, Unlikely(draft.value, below=found.value), made_by)
        try:
            stored = self.checkins.correct(
                found.id,
                by=person,
                value=draft.value,
                happened_on=draft.happened_on,
                comment=draft.comment,
                area=draft.area,
                now=now,
            )
        except NotStored as error:
            return Unchanged(found.id, str(error))
        self._tell(found, reporter, owners, partial(cards.report_corrected, was=found, now=stored, goal=goal))
        return Corrected(plan, goal, found, stored, made_by, moved=moved is not None)

    def withdraw(
        self, person: PersonInfo, district: str, roles: Collection[Role], checkin_id: int, *, now: datetime
    ) -> Withdrawn | NoReport | NotYours | Unchanged:
        """Withdraw a check-in the sender may change (see _may_change): kept in history, not counted."""
        with self.db.snapshot():
            reporter = self.checkins.reporter(person, district)
            plan = self.progress.plan(district)
            found = self._changeable(reporter, roles, checkin_id, district, plan)
            if isinstance(found, NoReport | NotYours):
                return found
            made_by = self._made_by(found, reporter)
            owners = self._owners(found, reporter, plan, district)
        try:
            done = self.checkins.withdraw(found.id, by=person, now=now)
        except NotStored as error:
            return Unchanged(found.id, str(error))
        goal = plan.goal_by_id(found.goal_id) if plan else None
        if done:
            self._tell(found, reporter, owners, partial(cards.report_withdrawn, found=found, goal=goal))
        return Withdrawn(found.id, already=not done, found=found, goal=goal, made_by=made_by)

    def _owners(self, found: StoredCheckIn, reporter: Reporter, plan: Plan | None, district: str) -> set[int]:
        """Who answers for a report besides whoever made it: a branch's reports are its chair's and deputies'
        alike; a district goal's, the people responsible for it."""
        if _branchs(found, plan):
            return {i for b in reporter.branches if b.name == found.branch for i in b.chair_ids}
        return {i for i, _ in self.checkins.responsible(district).get(found.goal_id, [])}

    def _tell(
        self, found: StoredCheckIn, reporter: Reporter, owners: set[int], notice: Callable[..., Reply]
    ) -> None:
        """Whoever made a report that someone else changed is told, naming who changed it: the report is
        theirs, and a figure changed unseen is one they stop trusting. So are the others who answer for it
        (`_owners`) when the change came from outside them (the board changing a deputy's report)."""
        if self.tell is None:
            return
        me = reporter.person.id if reporter.person else None
        by = reporter.person.name if reporter.person else ""
        maker = found.reporter_id
        if maker is not None and maker != me:
            self.tell({maker}, partial(notice, by=by))
        others = owners - {me, maker}
        if others and me not in owners:
            self.tell(others, partial(notice, by=by, maker=found.reporter or ""))

    def _changeable(
        self, reporter: Reporter, roles: Collection[Role], checkin_id: int, district: str, plan: Plan | None
    ) -> StoredCheckIn | NoReport | NotYours:
        # Only this district's: a number from another district's reports is as good as unknown.
        found = self.checkins.get(checkin_id, district=district)
        if found is None:
            return NoReport(checkin_id)
        if not self._may_change(found, roles, reporter, plan):
            chairs = tuple(b.name for b in reporter.chairs)
            branch = found.branch if _branchs(found, plan) else None
            return NotYours(found.id, branch, found.goal_number, chairs)
        return found

    @staticmethod
    def _may_change(
        found: StoredCheckIn, roles: Collection[Role], reporter: Reporter, plan: Plan | None
    ) -> bool:
        """A branch's reports are the branch's: whoever reports for it now (its chair, a deputy) may correct
        or withdraw any of them, whoever made it. The board (and an admin) may change any report, as it may
        report for any branch; the people responsible for a goal, its reports, as they may report it. Who
        made a report gives no right of its own: a chair who stepped down no longer changes the branch's. A
        district goal's report made "för Sundsvall" is the district's: a chair may not report it, nor change
        it."""
        if Role.BOARD in roles or Role.ADMIN in roles or found.goal_id in reporter.responsible:
            return True
        return _branchs(found, plan) and any(b.name == found.branch for b in reporter.chairs)

    def _made_by(self, found: StoredCheckIn, reporter: Reporter) -> str | None:
        """Who made the report, when that was not the sender (None too once they asked to be forgotten)."""
        me = reporter.person.id if reporter.person else None
        return None if me is not None and found.reporter_id == me else found.reporter

    def name_responsible(
        self, district: str, number: int, people: Sequence[PersonInfo], *, remove: bool, now: datetime
    ) -> Named | NoGoal:
        """Name `people` responsible for goal `number` (with `remove`, no longer)."""
        plan = self.progress.plan(district)
        goal = plan.goal(number) if plan else None
        if goal is None or plan is None:
            return NoGoal(number, len(plan.goals) if plan else 0)
        changed: list[str] = []
        unchanged: list[str] = []
        for person in people:
            if remove:
                done = self.checkins.unname_responsible(goal.id, person)
            else:
                done = self.checkins.name_responsible(goal.id, person, now=now)
            (changed if done else unchanged).append(person.name)
        return Named(goal, changed, unchanged)


def _branchs(found: StoredCheckIn, plan: Plan | None) -> bool:
    """Whether a report is its branch's: made for a branch on a goal every branch has (a district goal
    reported "för Sundsvall" says where, and is the district's)."""
    goal = plan.goal_by_id(found.goal_id) if plan else None
    return found.branch is not None and (goal is None or goal.applies_to_branches)


# The status words (bot/i18n.py) by the pace they show; "not done" is a goal to carry out, not yet done.
_PACES = {
    "done": Pace.DONE,
    "ahead": Pace.AHEAD,
    "on pace": Pace.ON_PACE,
    "behind": Pace.BEHIND,
    "not begun": Pace.NOT_BEGUN,
    "not reached": Pace.NOT_REACHED,
    "not measured": Pace.NOT_MEASURED,
    "no reading yet": Pace.NO_READING,
}


# A goal short of where the plan should be: "behind" during the plan's year, "not reached" after it.
_SHORT_OF_THE_GOAL = frozenset(("behind", "not reached"))


def _marked_in(named: str) -> tuple[str | None, str | None]:
    """The status word `named` begins with (its msgid) and the branch after it, if any: "efter i
    Sundsvall" -> ("behind", "Sundsvall"), "efter i distriktet" -> ("behind", "distriktet"), "efter" ->
    ("behind", None); "Sundsvall" -> (None, "Sundsvall")."""
    words = named.split()
    for count in (2, 1):
        word = status_word(" ".join(words[:count])) if len(words) >= count else None
        if word is not None:
            rest = words[count:]
            if rest[:1] and fold(rest[0]) in ("i", "for", "in", "of"):
                rest = rest[1:]
            branch = " ".join(rest)
            return word, branch or None
    return None, named


def _marked(standing: GoalStanding, word: str) -> bool:
    """Whether `status` shows the goal with the status word `word`."""
    pace = standing.progress.pace
    if word == "not done":
        return standing.goal.target.kind is TargetKind.DONE and pace is not Pace.DONE
    return pace is _PACES[word]
