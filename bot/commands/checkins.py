"""Check-ins: chairs (and the board, and people responsible for a goal) report progress; everyone sees it."""

from __future__ import annotations

import asyncio
import difflib
import logging
import secrets
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from babel.dates import format_date

from bot.cards import Reply, day, day_first, day_or_time, listed, number, reminders
from bot.cards import goals as cards
from bot.cards.checkin_form import (
    CONFIRM,
    FORM,
    NO,
    PICK,
    READING,
    READING_FORM,
    YES,
    Entries,
    confirm_repeat,
    form,
    is_token,
    reading_question,
)
from bot.commands.people import strip_names, unknown_branch
from bot.commands.privacy import DATA_WORD, DATA_WORDS
from bot.commands.router import Context, Request, Router, no_district, note_turn, refusal
from bot.i18n import DISTRICT_WORDS, N_, Translator, fold, said_yes, status_word, whose_name
from bot.services import dates
from bot.services.branches import names as branch_names
from bot.services.checkin_desk import (
    PAGE,
    Candidate,
    CheckInDesk,
    Closed,
    Corrected,
    Filed,
    GoalGone,
    Misread,
    NoGoal,
    NoReport,
    NotTaken,
    NotYours,
    Opened,
    ReportFilter,
    SentBefore,
    Unchanged,
    UnknownBranch,
    Withdrawn,
)
from bot.services.checkins import (
    GOAL_WORDS,
    CheckInDraft,
    CheckInError,
    CheckInProblem,
    Example,
    Refusal,
    Refused,
    Repeat,
    TwoGoals,
    TwoReadings,
    Unlikely,
    WhichReport,
    delivery_token,
    parse_check_in,
    parse_goal_number,
    report_number,
    second_goal,
    which_report,
)
from bot.services.followup import names_a_day
from bot.services.goals import Goal, Plan, TargetKind, number_in
from bot.services.people import Role, allows
from bot.services.progress import quarter_key
from dialogs.checkin_entries import read_entries
from dialogs.readings import MAX_ARGS, Choice, Confirm, typed

log = logging.getLogger(__name__)

# The command words of the one-line report; alone (in a personal chat) they open the check-in form or dialog.
# The form is stateless: the card carries what was filled in, so a mistake is answered with it filled in.
REPORT_WORDS = ("rapportera", "report")
REPORT_USAGE = N_("report GOAL VALUE [COMMENT]")


def desk(context: Context) -> CheckInDesk:
    """The check-in commands' one service (each handler makes one call to it, in a worker thread)."""
    prompts = context.services.prompts  # its `tell`, set by the scheduler, sends notices in the background
    return CheckInDesk(context.progress, context.reporting, context.people, prompts.tell if prompts else None)


def register(router: Router) -> None:
    @router.command(
        *REPORT_WORDS,
        usage=REPORT_USAGE,
        summary=N_("report progress on a goal"),
        forms=(FORM, READING_FORM, reminders.ANSWER_FORM),
    )
    async def report(request: Request, context: Context) -> Reply:
        """Store a check-in from the one-line form or the card form; alone, in a personal chat, open the
        form (a card, or where cards are not shown, a dialog asking one question at a time)."""
        if request.form is not None and request.form.get("form") == reminders.ANSWER_FORM:
            note_turn(command="report-tap")
            return await answer_reminder(request, context, request.form)
        if request.form is not None and request.form.get("form") == READING_FORM:
            note_turn(command="report-reading")
            return await answer_reading(request, context, request.form)
        if request.form is not None:
            note_turn(command="report-form")
            return await submit_form(request, context, request.form)
        if not request.args and request.conversation_kind == "personal":
            if not request.cards:
                return Reply("", opens_check_in_dialog=True)
            return await offer_form(request, context)
        return await report_line(request, context, request.args)

    @router.command(
        "mina",
        "my",
        "mine",
        usage=N_("my reports | my goals"),
        summary=N_("your reports, or the goals you are responsible for"),
        scoped=False,  # `mina data` needs no district; the rest is checked below
    )
    async def mine(request: Request, context: Context) -> Reply:
        """The sender's latest check-ins, or the goals they are responsible for with their progress."""
        t = request.t
        what = _mine(request.args)
        if what is None:
            return Reply(
                t._("Did you mean {reports}, {goals} or {data}?").format(
                    reports=t._("my reports"), goals=t._("my goals"), data=t._("my data")
                )
            )
        if what == "data":
            # `mina data` / `my data`: what the bot stores about them (bot/commands/privacy.py).
            data = router.route_for(DATA_WORD)
            if data is not None:
                return await data.handler(request, context)
        if not request.district:
            return no_district(request)
        assert request.user is not None
        if what == "goals":
            goals = await asyncio.to_thread(
                desk(context).my_goals, request.user, request.district, request.roles, now=context.now
            )
            if goals.plan is None or not goals.standings:
                return Reply(
                    t._(
                        "You are not responsible for any goal. "
                        "The board names people with: responsible 6 @name"
                    )
                )
            return cards.status(
                t,
                goals.plan,
                goals.standings,
                branch=None,
                today=goals.today,
                report=example_line(t, goals.plan, goals.example),
                mine=True,
                branches=goals.parts,
            )
        asked = report_filter(request.args, today_in_district(context))
        if asked is None:
            return Reply(
                t._(
                    "Write {all} for your latest reports, {goal} for one goal's, {year} for one year's, "
                    "and {page} for the next ten."
                ).format(
                    all=t._("my reports"),
                    goal=t._("my reports goal {number}").format(number=written_number(request.args)),
                    year=t._("my reports {year}").format(year=today_in_district(context).year),
                    page=t._("my reports page {number}").format(number=2),
                )
            )
        reports = await asyncio.to_thread(
            desk(context).my_reports, request.user, request.district, request.roles, asked
        )
        if reports.unknown_goal and reports.plan is not None:
            return Reply(
                t._("There is no goal {number}; the plan has goals 1–{last}.").format(
                    number=asked.goal, last=len(reports.plan.goals)
                )
            )
        return cards.mine(
            t,
            reports.check_ins,
            reports.plan,
            branches=reports.branches,
            goals=reports.goals,
            own=reports.own,
            made_by=reports.made_by,
            first_report=example_line(t, reports.plan, reports.example),
            total=reports.total,
            withdrawn=reports.withdrawn,
            goal=asked.goal,
            year=asked.year,
            page=asked.page,
            per_page=PAGE,
        )

    @router.command(
        "ändra",
        "rätta",
        "korrigera",
        "correct",
        "edit",
        "fix",
        usage=N_("correct NUMBER VALUE [DATE] [COMMENT] | correct NUMBER DATE"),
        summary=N_("correct one of your reports"),
    )
    async def correct(request: Request, context: Context) -> Reply:
        """Change the value (and comment) of a report of one's own or one's branch's; the old one is kept in
        its history."""
        return await correct_line(request, context, request.args)

    @router.command(
        *("ångra", "dra-tillbaka", "ta-tillbaka"),  # "dra tillbaka 3", as `mina rapporter` says it
        *("withdraw", "undo", "take-back"),
        usage=N_("withdraw NUMBER"),
        summary=N_("withdraw one of your reports"),
    )
    async def withdraw(request: Request, context: Context) -> Reply:
        """Withdraw a report of one's own or one's branch's (kept in history, no longer counted)."""
        t = request.t
        checkin_id, rest = report_number(request.args)
        if checkin_id is None:
            return await _which_report(request, context, withdraw=True)
        more = [n for n in map(number_in, rest.split()) if n is not None]
        if more:  # "ångra 6 och 7": each is named, none withdrawn on a half-read message
            return Reply(
                t._(
                    "One report at a time: write withdraw {first}, then withdraw {second}. "
                    "Nothing was withdrawn."
                ).format(first=checkin_id, second=more[0])
            )
        assert request.user is not None
        done = await asyncio.to_thread(
            desk(context).withdraw, request.user, request.district, request.roles, checkin_id, now=context.now
        )
        if isinstance(done, Unchanged):
            log.warning("a withdrawal could not be stored: %s", done.reason)
            return Reply(
                t._(
                    "Sorry, I could not withdraw #{id} just now, so it still counts. "
                    "Please send it again in a while."
                ).format(id=done.checkin_id)
            )
        if not isinstance(done, Withdrawn):
            return Reply(not_own(t, done))
        if done.already or done.found is None:
            return Reply(t._("#{id} was already withdrawn.").format(id=done.checkin_id))
        found = done.found  # named, so that a report number taken for a goal's shows (`ångra 4`)
        answer = t._("Withdrew #{id} (goal {number}, {value} for {who}, {day}); it no longer counts.").format(
            id=found.id,
            number=found.goal_number,
            who=cards.counted_for(t, done.goal, found.branch),
            value=cards.value_word(t, done.goal.target, found.value) if done.goal else number(t, found.value),
            day=day(t, found.happened_on),
        )
        return Reply(_made_by(t, answer, done.made_by))

    @router.command(
        "status", usage=N_("status [BRANCH]"), summary=N_("how the plan stands, for the district or a branch")
    )
    async def status(request: Request, context: Context) -> Reply:
        """Every goal with its progress and pace: for a chair their own branch, unless they ask for the
        district; with a branch's name, that branch's own."""
        t = request.t
        written = request.args
        words = written.split()
        if len(words) > 1 and fold(words[0]) in ("for", "i", "in", "of") and status_word(written) is None:
            written = written.split(maxsplit=1)[1]  # "status för distriktet", "status for Sundsvall"
        written = whose_name(written) or written  # "status Kims mål": Kim's goals, as "status Kim" shows them
        asked = fold(written)
        named = written if asked and asked not in DISTRICT_WORDS else None
        if named is not None and names_a_day(named, today_in_district(context)):
            if allows(request.roles, Role.BOARD):  # the follow-up is the board's
                return Reply(
                    t._(
                        "Status shows how the plan stands today. For what has happened since then, write: "
                        "follow-up {since}"
                    ).format(since=written)
                )
            return Reply(t._("Status shows how the plan stands today, whatever day you name: write status."))
        # a chair's own branch, as `status` alone shows it, unless they name another or the district
        own = asked not in DISTRICT_WORDS and not ({Role.BOARD, Role.ADMIN} & request.roles)
        shown = await asyncio.to_thread(
            desk(context).status,
            request.user,
            request.district,
            request.roles,
            named=named,
            own=own,
            now=context.now,
        )
        if shown is None:
            return Reply(t._("There is no plan to report on yet."))
        if isinstance(shown, UnknownBranch):
            answer = unknown_branch(t, shown.named, shown.branches)
            goal = number_in(shown.named, digits=4)
            if goal is not None:  # "status 12": a goal's number, not a branch's name
                answer += " " + t._("Write goal {number} to see one goal in full.").format(number=goal)
            return Reply(answer)
        return cards.status(
            t,
            shown.plan,
            shown.standings,
            branch=shown.branch,
            today=shown.today,
            district_goals=shown.district_goals,
            report=example_line(t, shown.plan, shown.example),
            about=shown.about,
            marked=shown.marked,
            branches=shown.branches,
            whose=shown.whose,
            board=shown.board,
        )

    @router.command(
        "ansvarig",
        "responsible",
        usage=N_("responsible GOAL @name"),
        summary=N_("name who is responsible for a goal"),
        role=Role.BOARD,
    )
    async def responsible(request: Request, context: Context) -> Reply:
        """Name the @mentioned people responsible for a goal (or, with "bort"/"remove", no longer)."""
        t = request.t
        words = strip_names(request.args, request.mentions, request.mentions_written).split()
        remove = any(fold(w) in ("bort", "remove") for w in words)
        numbers = [n for n in map(number_in, words) if n is not None]
        if not numbers or not request.mentions:
            return Reply(t._("Write a goal number and @mention the people, e.g. responsible 6 @Megan."))
        named = await asyncio.to_thread(
            desk(context).name_responsible,
            request.district,
            numbers[0],
            request.mentions,
            remove=remove,
            now=context.now,
        )
        if isinstance(named, NoGoal):
            return Reply(
                t._("There is no goal {number}; the plan has goals 1–{last}.").format(
                    number=named.number, last=named.last
                )
            )
        goal, changed, unchanged = named.goal, named.changed, named.unchanged
        lines = []
        if changed:
            lines.append(
                (
                    t.ngettext(
                        "{names} is no longer responsible for goal {number}.",
                        "{names} are no longer responsible for goal {number}.",
                        len(changed),
                    )
                    if remove
                    else t.ngettext(
                        "{names} is now responsible for goal {number}.",
                        "{names} are now responsible for goal {number}.",
                        len(changed),
                    )
                ).format(names=listed(t, changed), number=goal.number)
            )
        if unchanged:
            lines.append(
                (
                    t.ngettext(
                        "{names} was not responsible for goal {number}.",
                        "{names} were not responsible for goal {number}.",
                        len(unchanged),
                    )
                    if remove
                    else t.ngettext(
                        "{names} was responsible for goal {number} already.",
                        "{names} were responsible for goal {number} already.",
                        len(unchanged),
                    )
                ).format(names=listed(t, unchanged), number=goal.number)
            )
        return Reply(" ".join(lines))


async def report_line(
    request: Request,
    context: Context,
    args: str,
    *,
    grouped: bool | None = None,
    submission: str | None = None,
) -> Reply:
    """A one-line report (`args`: goal, value, ...). `grouped`: which reading of "1 100" was meant, when
    the answer to the question about it says; `submission`: the question's token, so a button tapped twice
    stores once (else the message's own)."""
    t = request.t
    if request.user is None:
        return await refusal(request, context, Role.CHAIR)
    words, confirmed = confirmed_args(args)
    if submission is None and request.activity_id and request.conversation is not None:
        submission = delivery_token(request.conversation.conversation_id, request.activity_id)

    def read(plan: Plan, today: date) -> tuple[Goal, CheckInDraft]:
        number, rest = parse_goal_number(words)
        goal = plan.goal(number)
        if goal is None:
            raise CheckInError(CheckInProblem.UNKNOWN_GOAL, str(number))
        # An English writer may write the month first: "3/10" far off read day first is asked, not guessed.
        if t.language.startswith("en") and (two := dates.two_readings(rest.split(), today, plan.year)):
            raise CheckInError(CheckInProblem.DAY_OR_MONTH, f"{two[0]} {two[1]} {two[2]}")
        draft = parse_check_in(
            rest,
            goal.target,
            goal_number=number,
            today=today,
            year=plan.year,
            areas=plan.area_names(),
            grouped=grouped,
        )
        second_goal(draft, plan.goal, today)
        return goal, replace(draft, confirmed=confirmed, submission=submission)

    filed = await asyncio.to_thread(
        desk(context).file, request.user, request.district, request.roles, read, now=context.now
    )
    if filed is None:
        return Reply(t._("There is no plan to report on yet."))
    if isinstance(filed, Misread):
        goal = _goal_named(filed.plan, words)
        if isinstance(filed.error, TwoReadings):
            assert goal is not None
            return ask_reading(request, "report", args, filed.error, goal)
        if isinstance(filed.error, TwoGoals):
            assert goal is not None
            return Reply(_one_goal_at_a_time(t, filed.error, goal, filed.plan, filed.today))
        return Reply(problem(t, filed.error, filed.plan, goal=goal, examples=filed.examples))
    return answer_filed(request, filed)


def _one_goal_at_a_time(t: Translator, two: TwoGoals, goal: Goal, plan: Plan, today: date) -> str:
    """The two lines that report what one message did, each on its goal (nothing was stored)."""
    first = two.first
    day = [] if first.happened_on == today else [first.happened_on.isoformat()]
    report = t._("report {number} {value}")
    lines = [
        " ".join(
            filter(
                None,
                [
                    report.format(number=goal.number, value=_typed(t, goal, first.value)),
                    first.area and plan.area_in(first.area, t.language),
                    *day,
                    two.before,
                ],
            )
        ),
        " ".join([report.partition(" ")[0], two.second, *day]),
    ]
    return "\n".join([t._("One goal at a time, so nothing was stored. Write each on its own:"), *lines])


def _goal_named(plan: Plan, words: str) -> Goal | None:
    """The goal a one-line report starts with, if the plan has it."""
    try:
        number, _ = parse_goal_number(words)
    except CheckInError:
        return None
    return plan.goal(number)


async def correct_line(
    request: Request, context: Context, args: str, *, grouped: bool | None = None
) -> Reply:
    """Change the value (and comment) of a report the sender may change, or only its day; the old one is
    kept in its history."""
    t = request.t
    written, confirmed = confirmed_args(args)  # "ändra 5 500 ja": a count asked about, confirmed
    checkin_id, rest = report_number(written)
    if checkin_id is None:
        return await _which_report(request, context, withdraw=False)
    assert request.user is not None
    done = await asyncio.to_thread(
        desk(context).correct,
        request.user,
        request.district,
        request.roles,
        checkin_id,
        rest,
        grouped=grouped,
        confirmed=confirmed,
        now=context.now,
    )
    if isinstance(done, GoalGone):
        return Reply(t._("That report's goal is no longer in the plan; it cannot be corrected."))
    if isinstance(done, Unchanged):
        log.warning("a correction could not be stored: %s", done.reason)
        return Reply(
            t._(
                "Sorry, I could not store your correction just now, so #{id} is unchanged. "
                "Please send it again in a while."
            ).format(id=done.checkin_id)
        )
    if not isinstance(done, Corrected):
        return Reply(not_own(t, done))
    plan, goal, found, outcome = done.plan, done.goal, done.found, done.outcome
    if outcome is None:  # withdrawn: a correction would not make it count again, so say how to
        # anew for the same day and branch (named unless a chair reports it, for their own), so that it
        # counts where the withdrawn one did
        chair = bool({Role.CHAIR, Role.DEPUTY} & request.roles)
        branch = found.branch if goal.applies_to_branches and not chair else None
        line = example_line(t, plan, Example(goal, branch))
        return Reply(
            t._(
                "#{id} is withdrawn and does not count. To count it again, report it anew, e.g.: {line}"
            ).format(id=found.id, line=f"{line} {found.happened_on.isoformat()}")
        )
    if isinstance(outcome, Unlikely):
        value = cards.value_word(t, goal.target, outcome.value)
        if outcome.below is not None:  # "ändra 7 2" where #7 says 1 800 följare
            answer = t._("{value}? #{id} says {reading}, so it is unchanged.").format(
                value=value, id=found.id, reading=cards.value_word(t, goal.target, outcome.below)
            )
        else:
            answer = t._(
                "Goal {number} asks for {target}; {value} is far more than that, so #{id} is unchanged."
            ).format(
                number=goal.number,
                target=cards.describe_target(t, goal.target, plan),
                value=value,
                id=found.id,
            )
        line = t._("correct {id} {value}").format(id=found.id, value=rest) + " " + t._("yes")
        # kept, so that a typed "ja" corrects it as the line does
        return Reply(
            answer + " " + t._("If {value} is right, write: {command}").format(value=value, command=line),
            waits=Confirm(line=line).as_json(),
        )
    if isinstance(outcome, Misread):
        if isinstance(outcome.error, TwoReadings):
            return ask_reading(request, "correct", args, outcome.error, goal)
        return Reply(problem(t, outcome.error, plan, goal=goal, correcting=found.id))
    if done.moved:  # `ändra 5 i går`: only the day
        answer = t._(
            "Moved #{id} to {day} (it said {was}): goal {number}, {value} for {who}; "
            "the value and comment are unchanged."
        ).format(
            id=outcome.id,
            day=day(t, outcome.happened_on),
            was=day(t, found.happened_on),
            number=goal.number,
            who=cards.counted_for(t, goal, outcome.branch),
            value=cards.value_word(t, goal.target, outcome.value),
        )
    else:
        answer = t._("Corrected #{id}: goal {number}, now {value} for {who}, {day}.").format(
            id=outcome.id,
            number=goal.number,
            who=cards.counted_for(t, goal, outcome.branch),
            value=cards.value_word(t, goal.target, outcome.value),
            day=day(t, outcome.happened_on),
        )
    return Reply(_made_by(t, answer, done.made_by))


def _made_by(t: Translator, answer: str, made_by: str | None) -> str:
    """The answer about a report someone else made, naming them (a branch's reports are its chair's and
    deputy's alike, so either may change the other's)."""
    if made_by is None:
        return answer
    return answer + " " + t._("It was reported by {name}.").format(name=made_by)


async def _which_report(request: Request, context: Context, *, withdraw: bool) -> Reply:
    """`ångra` or `ändra` without a number ("ändra senaste 2", "ångra min förra", "ändra mål 6 till 3",
    "ångra rapporten från i går"): the latest report the writer may change that fits the goal and day they
    name is shown with the line that acts on it; nothing is changed without the report's number."""
    t = request.t
    which = which_report(request.args, today_in_district(context))
    if request.user is None:
        return Reply(t._("Write the report's number as my reports shows it."))
    found = await asyncio.to_thread(
        desk(context).which_report,
        request.user,
        request.district,
        request.roles,
        goal_number=which.goal,
        day=which.day,
    )
    narrowed = which.goal is not None or which.day is not None
    latest = found.found
    if latest is None and allows(request.roles, Role.BOARD):
        return Reply(_board_changes_any(t, which, today_in_district(context).year, withdraw=withdraw))
    if latest is None:
        if not narrowed:  # no number to give as an example: they have none to change
            return Reply(
                t._("I find no report that you can change; see {command}.").format(command=t._("my reports"))
            )
        return Reply(
            t._("I find no report {which} that you can change; see {command}.").format(
                which=_which_words(t, which), command=t._("my reports")
            )
        )
    value = cards.value_word(t, found.goal.target, latest.value) if found.goal else number(t, latest.value)
    if which.wrong in ("goal", "branch") and found.goal is not None:
        return Reply(_report_anew(t, which, found, board=allows(request.roles, Role.BOARD)))
    if narrowed:
        what = t._("The latest report {which} is #{id}: goal {number}, {value} for {who}, {day}.")
    elif found.made_by:  # a deputy's, say: not "yours"
        what = t._("The latest report is #{id}: goal {number}, {value} for {who}, {day}.")
    else:
        what = t._("Your latest report is #{id}: goal {number}, {value} for {who}, {day}.")
    what = what.format(
        which=_which_words(t, which) if narrowed else "",
        id=latest.id,
        number=latest.goal_number,
        who=cards.counted_for(t, found.goal, latest.branch),
        value=value,
        day=day(t, latest.happened_on),
    )
    what = _made_by(t, what, found.made_by)
    if found.fitting > 1 and narrowed:
        what += " " + t.ngettext(
            "{count} more fits; see {command}.", "{count} more fit; see {command}.", found.fitting - 1
        ).format(
            count=found.fitting - 1,
            command=" ".join([t._("my reports"), t._("goal {number}").format(number=latest.goal_number)]),
        )
    if which.wrong == "day":  # `ändra 5 2026-11-20` moves it, keeping the value
        how = t._("To move it to another day, write: correct {id} {day}").format(
            id=latest.id, day=which.value or t._("DATE")
        )
    else:
        how = (
            t._("To withdraw it, write: withdraw {id}")
            if withdraw
            else t._("To correct it, write: correct {id} {value}")
        ).format(id=latest.id, value=which.value or t._("VALUE"))
    return Reply(f"{what} {how}")


def _report_anew(t: Translator, which: WhichReport, found: Candidate, *, board: bool) -> str:
    """ "oops fel mål", "wrong branch": a correction changes a report's value and day, not what it counts for,
    so the report is named with the two lines that move it: withdraw it, then report it anew (for another
    branch only the board may; a chair is told who does)."""
    latest, goal = found.found, found.goal
    assert latest is not None and goal is not None
    what = t._("The latest report is #{id}: goal {number}, {value} for {who}, {day}.").format(
        id=latest.id,
        number=goal.number,
        value=cards.value_word(t, goal.target, latest.value),
        who=cards.counted_for(t, goal, latest.branch),
        day=day(t, latest.happened_on),
    )
    what = _made_by(t, what, found.made_by)
    asked = which.value
    if which.wrong == "goal":
        number_asked = next((n for n in map(number_in, asked.split()) if n is not None), None)
        line = t._("report {number} {value}").format(
            number=number_asked if number_asked is not None else t._("GOAL"),
            value=_typed(t, goal, latest.value),
        )
        if latest.branch is not None and goal.applies_to_branches:
            line = t._("{report} for {branch}").format(report=line, branch=latest.branch)
        how = t._(
            "A report cannot be moved to another goal: withdraw it ({withdraw}), then report it anew: {line}"
        )
    elif not board:
        return (
            what
            + " "
            + t._(
                "A report cannot be moved to another branch: withdraw it ({withdraw}); that branch's "
                "chair or a deputy reports it there."
            ).format(withdraw=t._("withdraw {id}").format(id=latest.id))
        )
    else:
        line = t._("{report} for {branch}").format(
            report=t._("report {number} {value}").format(
                number=goal.number, value=_typed(t, goal, latest.value)
            ),
            branch=asked or t._("BRANCH"),
        )
        how = t._(
            "A report cannot be moved to another branch: withdraw it ({withdraw}), "
            "then report it anew: {line}"
        )
    line = f"{line} {latest.happened_on.isoformat()}"
    return what + " " + how.format(withdraw=t._("withdraw {id}").format(id=latest.id), line=line)


def _day_or_month(t: Translator, detail: str) -> str:
    """Which day "3/10" is, asked of an English writer: day first (as Swedes write, 3 October) or month
    first (10 March), each to be written with the month in letters."""
    written, first, swapped = detail.split()
    days = [date.fromisoformat(first), date.fromisoformat(swapped)]
    return t._(
        "Is “{written}” {first} (day first, as the bot reads it) or {swapped} (month first)? Nothing was "
        "stored. Write the month in letters, e.g. {example}."
    ).format(
        written=written,
        first=day(t, days[0]),
        swapped=day(t, days[1]),
        example=format_date(days[1], "d MMM", locale=t.language),
    )


def _wrong_weekday(t: Translator, detail: str) -> str:
    """ "tisdag 4/11" when 4 November is a Wednesday: both days it may mean, nothing stored on either."""
    written_day, weekdays_day, written = detail.split(" ", 2)
    first, other = date.fromisoformat(written_day), date.fromisoformat(weekdays_day)
    return t._(
        "You wrote “{written}”, but {day} is a {weekday} (that week's {other_weekday} is {other}). Which "
        "day was it? Write it as {iso} or {other_iso}."
    ).format(
        written=written,
        day=day(t, first),
        weekday=format_date(first, "EEEE", locale=t.language),
        other_weekday=format_date(other, "EEEE", locale=t.language),
        other=day(t, other),
        iso=first.isoformat(),
        other_iso=other.isoformat(),
    )


def _board_changes_any(t: Translator, which: WhichReport, year: int, *, withdraw: bool) -> str:
    """The board may change any report, not only those it made: it is told to name the report by its number
    and where every report's number is (the export's ID column), not that there is none it may change."""
    line = (
        t._("withdraw {id}").format(id=t._("NUMBER"))
        if withdraw
        else t._("correct {id} {value}").format(id=t._("NUMBER"), value=which.value or t._("VALUE"))
    )
    export = (
        t._("export {period} goal {number}").format(period=year, number=which.goal)
        if which.goal is not None
        else t._("export {period}").format(period=year)
    )
    return t._(
        "The board may change any report: write its number, as in {line}. Every report's number is in "
        "the ID column of the file {export} gives."
    ).format(line=line, export=export)


def _which_words(t: Translator, which: WhichReport) -> str:
    """ "on goal 4", "of 21 Nov 2026", "on goal 4 of 21 Nov 2026": the report the writer described."""
    if which.goal is not None and which.day is not None:
        return t._("on goal {number} of {day}").format(number=which.goal, day=day(t, which.day))
    if which.goal is not None:
        return t._("on goal {number}").format(number=which.goal)
    assert which.day is not None
    return t._("of {day}").format(day=day(t, which.day))


def not_own(t: Translator, why: NoReport | NotYours) -> str:
    """Why a report cannot be changed by the sender, and what they can do."""
    if isinstance(why, NoReport):
        return t._("There is no report #{id}; see my reports.").format(id=why.checkin_id)
    if why.branch is None:
        return t._(
            "#{id} is the district's report on goal {number}: only the board and the people responsible "
            "for goal {number} can change it. Tell a board member what should change."
        ).format(id=why.checkin_id, number=why.goal_number)
    said = t._(
        "#{id} is a report for {branch}: only the chair or a deputy of {branch} and the board can change it."
    ).format(id=why.checkin_id, branch=why.branch)
    if why.chairs:
        return said + " " + t._("Your branch's reports: {command}").format(command=t._("my reports"))
    return (
        said
        + " "
        + t._("If you report for {branch}, ask its chair to name you deputy (deputy @name).").format(
            branch=why.branch
        )
    )


def ask_reading(request: Request, command: str, args: str, two: TwoReadings, goal: Goal) -> Reply:
    """Which of two readings of "1 100" was meant: on a card, a button for each; in a chat without cards,
    the next message answers (dialogs/readings.py). Nothing is stored until then."""
    t = request.t
    alone, joined = two.alone, two.joined
    # each reading with the goal's unit in the form its number asks for: "1 medlemsmöte", "1 100 medlemsmöten"
    first = cards.value_word(t, goal.target, alone.value)
    second = cards.value_word(t, goal.target, joined.value)
    if alone.comment:
        first = t._("{value} (with the comment “{comment}”)").format(value=first, comment=alone.comment[:80])
    question = t._("Goal {number}: did you mean {first} or {joined}?").format(
        number=goal.number, first=first, joined=second
    )
    choice = Choice(command, args[:MAX_ARGS], typed(alone.value), typed(joined.value))
    if request.cards:
        reading = {"command": command, "args": args[:MAX_ARGS], "submission": secrets.token_urlsafe(16)}
        asked = reading_question(
            t,
            question + " " + t._("Nothing is stored until you choose."),
            reading,
            [textwrap.shorten(first, 40, placeholder=" …"), second],
        )
        # kept too, so that a typed "avbryt" cancels it as its Cancel button does (bot/teams.py)
        return replace(asked, waits=choice.as_json())
    answer = t._("Answer {alone} or {joined}, or cancel. Nothing is stored until you answer.").format(
        alone=choice.alone, joined=choice.joined
    )
    return Reply(question + " " + answer, waits=choice.as_json())


async def answer_reading(request: Request, context: Context, data: Mapping[str, Any]) -> Reply:
    """A tap on a button of "1 or 1 100?": the report or correction made with that reading, once."""
    t = request.t
    reading, pick = data.get(READING), data.get(PICK)
    if (
        not isinstance(reading, dict)
        or reading.get("command") not in ("report", "correct")
        or not isinstance(reading.get("args"), str)
        or not is_token(reading.get("submission"))
        or pick not in ("alone", "joined", "cancel")
    ):
        return Reply(t._("This button no longer works. Report with: report GOAL VALUE"), keeps_card=True)
    if pick == "cancel":
        return Reply(t._("Cancelled; nothing was stored."))
    args = str(reading["args"])[:MAX_ARGS]
    if reading["command"] == "correct":
        return await correct_line(request, context, args, grouped=pick == "joined")
    return await report_line(
        request, context, args, grouped=pick == "joined", submission=str(reading["submission"])
    )


def answer_filed(request: Request, filed: Filed, *, entries: Entries | None = None) -> Reply:
    """What came of storing a check-in; confirmed only once it is committed. Where every way of reporting
    ends: the one-line command, the card form and the chat dialog. A report like one stored before, and a
    count far beyond the goal's target, are asked about: on the form (`entries`) with Yes/No buttons,
    elsewhere with the one line that stores it anyway."""
    t = request.t
    plan, goal, draft, stored = filed.plan, filed.goal, filed.draft, filed.outcome
    if isinstance(stored, SentBefore):  # a form sent twice, or a message Teams delivered again: stored once
        return Reply(
            t._(
                "This form was sent already and is stored as #{id}. Correct it with: correct {id} VALUE"
            ).format(id=stored.checkin_id)
        )
    if isinstance(stored, NotTaken):
        log.warning("a check-in could not be stored: %s", stored.reason)
        return Reply(
            t._(
                "Sorry, I could not store your report just now, so it does not count. "
                "Please send it again in a while."
            )
        )
    if isinstance(stored, Refused):
        return Reply(refused(t, stored, goal=goal))
    if isinstance(stored, Repeat | Unlikely):
        line = " ".join(  # the line that stores it anyway
            filter(
                None,
                [
                    t._("report {number} {value}").format(
                        number=goal.number, value=_typed(t, goal, draft.value)
                    ),
                    draft.area and plan.area_in(draft.area, t.language),
                    draft.happened_on.isoformat(),
                    draft.comment,
                    t._("yes"),
                ],
            )
        )
        if isinstance(stored, Repeat):
            same = stored.stored
            answer = t._(
                "#{id} already says that: goal {number}, {value} for {who}, {day}. Nothing was stored."
            ).format(
                id=same.id,
                number=goal.number,
                value=cards.value_word(t, goal.target, same.value),
                who=cards.counted_for(t, goal, same.branch),
                day=day(t, same.happened_on),
            )
            ask, stores = t._("Did it happen twice?"), t._("Yes stores it as well.")
            again = t._("If it happened twice, write: {command}").format(command=line)
        else:
            value = cards.value_word(t, goal.target, stored.value)
            if stored.below is not None:  # a reading far below the last one: digits left out, most likely
                reading = cards.value_word(t, goal.target, stored.below)
                if stored.from_plan:
                    answer = t._(
                        "{value}? Goal {number} starts from {reading}, so nothing was stored."
                    ).format(value=value, number=goal.number, reading=reading)
                else:
                    answer = t._("{value}? The last reading was {reading}, so nothing was stored.").format(
                        value=value, reading=reading
                    )
            else:
                answer = t._(
                    "Goal {number} asks for {target}; {value} is far more than that, so nothing was stored."
                ).format(number=goal.number, target=cards.describe_target(t, goal.target, plan), value=value)
            ask, stores = t._("Is {value} right?").format(value=value), t._("Yes stores it.")
            again = t._("If {value} is right, write: {command}").format(value=value, command=line)
        if entries is not None:
            return confirm_repeat(t, answer, entries, happened_on=draft.happened_on, ask=ask, stores=stores)
        # kept, so that a typed "ja" stores it as the line does, and "nej" is answered as a no
        return Reply(f"{answer} {again}", waits=Confirm(line.partition(" ")[2]).as_json())
    answer = t._(
        "Stored #{id}: goal {number}, {value} for {who}, {day}. Correct it with: correct {id} VALUE"
    ).format(
        id=stored.id,
        number=goal.number,
        value=cards.value_word(t, goal.target, stored.value)
        + (f" ({plan.area_in(stored.area, t.language)})" if stored.area else ""),
        who=cards.counted_for(t, goal, stored.branch),
        day=day(t, stored.happened_on),
    )
    if draft.loosely:  # "möte i mitten av november": read as the 15th, which the chair may correct
        answer += "\n" + t._(
            "“{written}” is read as {day}. If it was another day, write: correct {id} {value} DAY"
        ).format(
            written=draft.loosely,
            day=day(t, stored.happened_on),
            id=stored.id,
            value=_typed(t, goal, stored.value),
        )
    if draft.other_days:
        last = draft.other_days[-1]
        answer += "\n" + t._(
            "You wrote more than one day ({days}); it is stored on the first, as they count in the same "
            "period. To store it on {day} instead, write: correct {id} {value} {written}"
        ).format(
            days=_days(t, [stored.happened_on, *draft.other_days]),
            day=day(t, last),
            id=stored.id,
            value=_typed(t, goal, stored.value),
            written=last.isoformat(),
        )
        each = 1 + len(draft.other_days)
        if goal.target.kind is TargetKind.COUNT and not goal.target.is_amount and stored.value < each:
            # "1 möte 3/3 och 10/3": one in all, or one on each day? The value written is what counts.
            answer += "\n" + t._(
                "If there was one on each day, that makes {value}: correct {id} {number}"
            ).format(value=cards.value_word(t, goal.target, each), id=stored.id, number=each)
    if stored.value == 0 and goal.target.kind in (TargetKind.COUNT, TargetKind.PEOPLE):  # report_gaps.py
        answer += "\n" + t._(
            "0 says nothing was done: {who} has reported for the period, so no reminder asks for it, and it "
            "adds nothing toward goal {number}."
        ).format(who=cards.counted_for(t, goal, stored.branch), number=goal.number)
    if goal.target.kind is TargetKind.PEOPLE and (goal.target.count or 0) > 1 and stored.value > 0:
        # "2 nya", then "1 ny" reads as three; status shows the latest number (bot/services/progress.py)
        answer += "\n" + t._(
            "Goal {number} counts how many there are in all: the latest report counts, reports are not added "
            "up, so write the whole number each time."
        ).format(number=goal.number)
    if filed.still_done is not None:
        answer += "\n" + t._(
            "Goal {number} still counts as done: #{id} says it was done on {day}. "
            "If that was a mistake, write: withdraw {id}"
        ).format(number=goal.number, id=filed.still_done.id, day=day(t, filed.still_done.happened_on))
    if goal.counts_posts:  # bot/services/progress.py `once_a_post`
        answer += "\n" + t._(
            "I count the prompts I post in the channel myself: a post of mine reported for the day I posted "
            "it counts once."
        )
    return Reply(answer)


def _days(t: Translator, days: Sequence[date]) -> str:
    """ "3 mars 2026 och 10 mars 2026", as every reply writes a day."""
    return listed(t, [day(t, one) for one in days])


def _typed(t: Translator, goal: Goal, value: float) -> str:
    """A value as the one-line report takes it back: "klart", "inte klart", "3"."""
    if goal.target.kind is TargetKind.DONE:
        return cards.value_word(t, goal.target, value)
    return str(int(value)) if value == int(value) else str(value)


def confirmed_args(args: str) -> tuple[str, bool]:
    """The arguments without a last "ja" / "yes" after the value, and whether it was there."""
    words, yes = said_yes(args.split())
    if yes and len(words) > 1:  # "4 ja" is a goal done, not a yes
        return " ".join(words), True
    return args, False


def refused(t: Translator, refusal: Refused, *, goal: Goal) -> str:
    """Why the sender may not report the check-in as written, and who may."""
    why = refusal.why
    if why is Refusal.NOT_OWN_BRANCH:
        if refusal.chairs:
            return t._(
                "You can only report for your own branch ({names}); that branch's chair reports for it."
            ).format(names=", ".join(branch.name for branch in refusal.chairs))
        return t._("You can only report for your own branch.")
    if why is Refusal.SEVERAL_BRANCHES:
        names = ", ".join(branch.name for branch in refusal.chairs)
        return t._(
            "You chair several branches ({names}); add which, e.g. report {number} 1 for {first}."
        ).format(names=names, number=goal.number, first=refusal.chairs[0].name)
    if why is Refusal.UNKNOWN_BRANCH:
        if not refusal.branches:
            return unknown_branch(t, refusal.named, ()) + " " + t._("Nothing was stored.")
        return t._(
            "There is no branch called “{name}”. Branches: {names}. Nothing was stored; "
            "the board adds a branch with: branches add NAME"
        ).format(name=refusal.named, names=branch_names(refusal.branches))
    if why is Refusal.NEED_BRANCH:
        if not refusal.branches:
            return t._(
                "Goal {number} is every branch's own, and the district has no branches yet: the board adds "
                "them with: branches add NAME. Nothing was stored."
            ).format(number=goal.number)
        first = refusal.branches[0].name
        return t._(
            "Goal {number} is every branch's own: say which branch, e.g. report {number} 1 for {first}. "
            "Branches: {names}"
        ).format(number=goal.number, first=first, names=branch_names(refusal.branches))
    if why is Refusal.DISTRICT_GOAL:
        if refusal.responsible:
            return t.ngettext(
                "Goal {number} is the district's own, not a branch's: the board and {names}, who is "
                "responsible for it, report it.",
                "Goal {number} is the district's own, not a branch's: the board and {names}, who are "
                "responsible for it, report it.",
                len(refusal.responsible),
            ).format(number=goal.number, names=listed(t, refusal.responsible))
        return t._(
            "Goal {number} is the district's own, not a branch's: the board reports it. "
            "Tell a board member what was done."
        ).format(number=goal.number)
    if goal.applies_to_branches:
        # Every branch's goal: its chair reports, or the deputy the chair names; nobody is named for it.
        return t._(
            "Goal {number} is every branch's own: its chair reports it, or a deputy the chair names. "
            "Ask your branch's chair to name you (deputy @name)."
        ).format(number=goal.number)
    return t._(
        "Only branch chairs, the board and people responsible for goal {number} can report on it. "
        "Ask the board to name you (responsible {number} @you)."
    ).format(number=goal.number)


def example_line(t: Translator, plan: Plan | None, example: Example | None) -> str | None:
    """The one-line report a hint shows, naming the branch where the reader must (None: no report)."""
    if plan is None or example is None:
        return None
    line = example_report(t, example.goal, plan)
    if example.branch is None:
        return line
    return t._("{report} for {branch}").format(report=line, branch=example.branch)


# What follows `mina` / `my` (folded) -> what it shows; nothing, or a number, is one's reports.
_MINE = {
    **dict.fromkeys(DATA_WORDS, "data"),
    **dict.fromkeys(("mal", "goals", "goal"), "goals"),
    **dict.fromkeys(("rapporter", "rapport", "reports", "report", "checkins"), "reports"),
}


_PAGE_WORDS = frozenset(("sida", "sidan", "page", "s", "p"))
_LATEST_WORDS = frozenset(("senaste", "alla", "latest", "last", "all", "recent"))
_THIS_YEAR = ("i ar", "this year", "arets")  # folded
# Words in `mina rapporter …` that narrow nothing (folded).
_ALL_WORDS = _LATEST_WORDS | frozenset(
    (
        *("mina", "my", "for", "pa", "on", "i", "in", "under", "fran", "from", "of"),
        *("rapporter", "rapport", "reports", "report", "checkins"),
    )
)


def written_number(args: str) -> int:
    """The number written ("mina rapporter 6" may mean goal 6), else 1, for an example."""
    return next((n for n in map(number_in, args.split()) if n is not None and n > 0), 1)


def report_filter(args: str, today: date) -> ReportFilter | None:
    """Which of one's reports `mina rapporter …` asks for: "mål 6", "2026" (or "i år"), "sida 2" in any
    order (None: a word that says none of these, e.g. a number alone, which may be a goal or a page)."""
    folded = " ".join(fold(w).strip("!?.,:;#") for w in args.split())
    year = None
    for phrase in _THIS_YEAR:
        if f" {phrase} " in f" {folded} ":
            folded, year = f" {folded} ".replace(f" {phrase} ", " ").strip(), today.year
    words = folded.split()
    if words and _mine(words[0]) == "reports" and any(ch.isalpha() for ch in words[0]):
        words = words[1:]  # "rapporter", "reports", "raporter"
    goal = None
    page = 1
    at = 0
    while at < len(words):
        word, after = words[at], words[at + 1] if at + 1 < len(words) else ""
        if word in GOAL_WORDS and number_in(after) is not None:
            goal, at = number_in(after), at + 2
        elif word in _PAGE_WORDS and number_in(after, digits=4):
            page, at = number_in(after, digits=4) or 1, at + 2
        elif len(word) == 4 and number_in(word) is not None and 2000 <= int(word) <= 2100:
            year, at = int(word), at + 1
        elif word in _ALL_WORDS or not word:
            at += 1
        else:
            return None
    return ReportFilter(goal, year, page)


def _mine(args: str) -> str | None:
    """What `mina …` asks for, forgiving a typo ("mina uppgifer", "my dta"), after "senaste" or "alla"
    ("mina senaste rapporter"); None: it cannot tell."""
    words = [w for w in fold(args).split() if w not in _LATEST_WORDS]
    first = (words or [""])[0]
    if not any(ch.isalpha() for ch in first):
        return "reports"
    close = difflib.get_close_matches(first, list(_MINE), n=1, cutoff=0.75)
    return _MINE[close[0]] if close else None


def example_report(t: Translator, goal: Goal, plan: Plan, *, correcting: int | None = None) -> str:
    """A one-line report (or correction) this goal takes."""
    target = goal.target
    if target.kind is TargetKind.DONE:
        value = t._("done")
    elif target.kind is TargetKind.METRIC:
        value = number(t, target.goal_value if target.goal_value is not None else 100)
    elif target.kind is TargetKind.PEOPLE:
        value = str(target.count or 1)
    else:
        value = str(target.count or 1)
        if target.per_area and plan.priority_areas:
            value += f" {plan.area_in(plan.priority_areas[0], t.language)}"
    if correcting is not None:
        return t._("correct {id} {value}").format(id=correcting, value=value)
    return t._("report {number} {value}").format(number=goal.number, value=value)


def problem(
    t: Translator,
    error: CheckInError,
    plan: Plan,
    *,
    example: bool = True,
    goal: Goal | None = None,
    correcting: int | None = None,
    examples: Sequence[Example] = (),
) -> str:
    """What was wrong with a check-in, what the goal counts, and (for a typed command) how to write it, as
    the sender may (`examples`: the goals they may report): on that goal, naming the branch where they must;
    without a goal, on one they may report; none on a goal they may not report (a correction keeps its
    goal and branch)."""
    messages = {
        CheckInProblem.NO_GOAL: t._("Start with the goal's number."),
        CheckInProblem.UNKNOWN_GOAL: t._("There is no goal {detail}; the plan has goals 1–{last}."),
        CheckInProblem.NO_VALUE: t._("Write a value after the goal's number."),
        CheckInProblem.NOT_A_NUMBER: t._("“{detail}” is not a number."),
        CheckInProblem.NOT_WHOLE: t._("Count whole times: “{detail}” has decimals."),
        CheckInProblem.NEGATIVE: t._("A value cannot be negative (“{detail}”)."),
        CheckInProblem.TOO_LARGE: t._("“{detail}” is far too large; check the number."),
        CheckInProblem.NOT_YES_NO: t._("This goal is done or not: write done or not done (not “{detail}”)."),
        CheckInProblem.BAD_DATE: t._("“{detail}” is not a date. Write the day as 12/3 or 12 March."),
        CheckInProblem.TWO_DAYS: t._(
            "You wrote days that count in different periods ({detail}); nothing was stored. "
            "Report each day on its own line."
        ),
        CheckInProblem.SPLIT_SPAN: t._(
            "The days you wrote ({detail}) count in different periods; nothing was stored. "
            "Write the day it happened, as 12/3 or 12 March."
        ),
        CheckInProblem.FUTURE_DATE: t._("{detail} has not happened yet; report it afterwards."),
        CheckInProblem.OUTSIDE_YEAR: t._(
            "{detail} is outside the plan's year: the plan is for {year}; report what happened that year."
        ),
        CheckInProblem.NEED_AREA: t._("Name the priority area after the value: {detail}."),
        CheckInProblem.COMMENT_TOO_LONG: t._("The comment is too long ({detail} characters; at most 500)."),
        CheckInProblem.TWO_GOALS: t._("One goal at a time, so nothing was stored."),
        CheckInProblem.WRONG_WEEKDAY: "",  # _wrong_weekday
        CheckInProblem.DAY_OR_MONTH: "",  # _day_or_month
    }
    detail = error.detail
    if error.code is CheckInProblem.NEED_AREA:
        detail = ", ".join(plan.areas_in(t.language))
    elif error.code in (CheckInProblem.FUTURE_DATE, CheckInProblem.OUTSIDE_YEAR):  # as every reply writes it
        detail = day(t, date.fromisoformat(error.detail))
    elif error.code is CheckInProblem.TWO_DAYS:
        detail = _days(t, [date.fromisoformat(written) for written in error.detail.split()])
    elif error.code is CheckInProblem.SPLIT_SPAN:
        first, last = (day(t, date.fromisoformat(written)) for written in error.detail.split())
        detail = t._("{first} to {last}").format(first=first, last=last)
    if error.code is CheckInProblem.NO_VALUE and correcting is not None:  # the number written is the report's
        messages[error.code] = t._("Write the new value after the report's number.")
    message = messages[error.code].format(detail=detail, last=len(plan.goals), year=plan.year)
    if error.code is CheckInProblem.BAD_DATE and (swapped := dates.day_first(error.detail)) is not None:
        message = day_first(t, error.detail, *swapped)
    if error.code is CheckInProblem.BAD_DATE and (hyphened := dates.day_hyphened(error.detail)) is not None:
        message = day_or_time(t, error.detail, *hyphened)
    if error.code is CheckInProblem.WRONG_WEEKDAY:
        message = _wrong_weekday(t, error.detail)
    if error.code is CheckInProblem.DAY_OR_MONTH:
        message = _day_or_month(t, error.detail)
    if goal is not None:
        message += " " + t._("Goal {number} counts: {what}.").format(
            number=goal.number, what=cards.describe_target(t, goal.target, plan)
        )
    if not example:
        return message
    if correcting is not None and goal is not None:
        line: str | None = example_report(t, goal, plan, correcting=correcting)
    else:
        wanted = [e for e in examples if goal is None or e.goal.id == goal.id]
        line = example_line(t, plan, wanted[0] if wanted else None)
    if line is None:
        return message
    return message + " " + t._("For example: {line}").format(line=line)


async def open_check_in(request: Request, context: Context, *, goal: int | None = None) -> Opened | Reply:
    """The plan to report on, today's date in the district and the goals the sender may report (with
    `goal`, why they may not report that one, if so), or why the sender cannot report."""
    if request.user is None:
        return await refusal(request, context, Role.CHAIR)
    opened = await asyncio.to_thread(
        desk(context).opening,
        request.user,
        request.district,
        request.roles,
        now=context.now,
        goal_number=goal,
    )
    if opened is Closed.NO_PLAN:
        return Reply(request.t._("There is no plan to report on yet."))
    if opened is Closed.NOT_A_REPORTER:
        return await refusal(request, context, Role.CHAIR, look_up=False)
    assert isinstance(opened, Opened)
    return opened


async def offer_form(request: Request, context: Context) -> Reply:
    """The empty form, the date set to today, offering the goals the sender may report."""
    opened = await open_check_in(request, context)
    if isinstance(opened, Reply):
        return opened
    return form(request.t, opened.plan, goals=opened.goals, today=opened.today, branches=opened.branches)


async def submit_form(request: Request, context: Context, data: Mapping[str, Any]) -> Reply:
    """Store a submitted form, or answer with what was wrong and the form again as it was filled in."""
    t = request.t
    if data.get(CONFIRM) == NO:  # the answer to a repeated report's question
        return Reply(t._("Nothing was stored."))
    if request.user is None:
        return await refusal(request, context, Role.CHAIR)
    entries = Entries.from_submit(data)
    confirmed = data.get(CONFIRM) == YES

    def read(plan: Plan, today: date) -> tuple[Goal, CheckInDraft]:
        goal, draft = read_entries(plan, entries, today=today)
        return goal, replace(draft, confirmed=confirmed)

    filed = await asyncio.to_thread(
        desk(context).file, request.user, request.district, request.roles, read, now=context.now
    )
    if filed is None:
        return Reply(t._("There is no plan to report on yet."))
    if isinstance(filed, Misread):
        assert isinstance(filed.error, CheckInError)  # a form's value is read one way (read_entries)
        wrong = problem(t, filed.error, filed.plan, example=False)
        goals = [e.goal for e in filed.examples]
        return form(
            t,
            filed.plan,
            goals=goals,
            today=filed.today,
            entries=entries,
            problem=wrong,
            branches=filed.branches,
        )
    return answer_filed(request, filed, entries=entries)


async def answer_reminder(request: Request, context: Context, data: Mapping[str, Any]) -> Reply:
    """A tap on a quarter-end reminder's answer: stored as `rapportera` stores it, the card redrawn with
    what was stored. A card of a past quarter, someone else's card, a plan changed since, or a second tap
    are answered as such, and nothing is stored twice (the button's submission token)."""
    t = request.t
    tapped = _tap(data)
    if tapped is None:
        return Reply(t._("This button no longer works. Report with: report GOAL VALUE"), keeps_card=True)
    one_tap, items, item, value = tapped
    if request.user is None or request.user.teams_user_id != one_tap.person:
        return Reply(
            t._("This reminder is someone else's: only they can answer it with a tap."), keeps_card=True
        )
    today = today_in_district(context)
    if one_tap.quarter != quarter_key(today):
        return Reply(
            t._(
                "This reminder is for a quarter that has ended, so nothing was stored. Report with: {example}"
            ).format(
                example=t._("report {number} VALUE for {branch}").format(
                    number=item.number, branch=item.branch
                )
            ),
            keeps_card=True,
        )
    draft = CheckInDraft(  # a tap is the chair's own yes: no question about a like report stored before
        item.number,
        value,
        today,
        None,
        f"för {item.branch}",
        submission=item.token,
        confirmed=True,
    )
    answered = await asyncio.to_thread(
        desk(context).tap,
        request.user,
        request.district,
        request.roles,
        item.number,
        draft,
        [i.token for i in items],
        lambda goal: bool(reminders.likely_answers(t, goal)),
        now=context.now,
    )
    if answered is None:
        return Reply(
            t._(
                "The plan has changed since this reminder, so nothing was stored. "
                "Report with: report GOAL VALUE"
            ),
            keeps_card=True,
        )
    stored = answered.outcome
    if isinstance(stored, NotTaken):
        log.warning("a tapped check-in could not be stored: %s", stored.reason)
        return Reply(
            t._("Sorry, I could not store your answer just now. Please tap again in a while."),
            keeps_card=True,
        )
    if isinstance(stored, Refused):
        return Reply(refused(t, stored, goal=answered.goal), keeps_card=True)
    # Stored, or a second tap (SentBefore): the card shows what the first one stored.
    return reminders.answered(t, answered.plan.goals, one_tap, items, answered.found)


def _tap(
    data: Mapping[str, Any],
) -> tuple[reminders.OneTap, list[reminders.Item], reminders.Item, float] | None:
    """A tapped button's data, checked: None if it is not what the reminder's buttons carry."""
    quarter, person, raw = data.get(reminders.QUARTER), data.get(reminders.FOR), data.get(reminders.ITEMS)
    if not isinstance(quarter, str) or not isinstance(person, str) or not isinstance(raw, list):
        return None
    items = [
        reminders.Item(entry[0], entry[1], entry[2])
        for entry in raw[:50]
        if isinstance(entry, list)
        and len(entry) == 3
        and isinstance(entry[0], str)
        and isinstance(entry[1], int)
        and is_token(entry[2])
    ]
    token, value = data.get(reminders.SUBMISSION), data.get(reminders.VALUE)
    item = next((i for i in items if i.token == token), None)
    if item is None or value not in ("0", "1"):
        return None
    return reminders.OneTap(quarter, person), items, item, float(value)


def today_in_district(context: Context) -> date:
    return context.progress.today(context.now)
