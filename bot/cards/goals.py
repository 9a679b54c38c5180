"""Cards for the plan's goals and how far they have come: the list, one goal, search results, the status of
every goal (bars and pace), and one's own reports."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Any

from babel.lists import format_list

from bot.cards import (
    Reply,
    card,
    day,
    facts,
    heading,
    listed,
    no_such_page,
    number,
    page_note,
    paragraph,
    say,
)
from bot.db.checkins import StoredCheckIn
from bot.i18n import N_, Translator, genitive
from bot.services.engagement import PostsTally
from bot.services.goals import Goal, Period, Plan, Target, TargetKind, named_in_plan
from bot.services.plan_corrections import Change, Field
from bot.services.progress import GoalInFull, GoalProgress, GoalStanding, Measure, Pace

BAR_WIDTH = 10
LATEST_CHANGES = 5  # a goal's latest corrections shown under it; the command line shows them all


def bar(fraction: float) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * BAR_WIDTH)
    return "\u25b0" * filled + "\u25b1" * (BAR_WIDTH - filled)


def pace_word(t: Translator, pace: Pace) -> str:
    return {
        Pace.DONE: t._("done"),
        Pace.AHEAD: t._("ahead"),
        Pace.ON_PACE: t._("on pace"),
        Pace.BEHIND: t._("behind"),
        Pace.NOT_MEASURED: t._("not measured"),
        Pace.NOT_BEGUN: t._("not begun"),
        Pace.NOT_REACHED: t._("not reached"),
        Pace.NO_READING: t._("no reading yet"),
    }[pace]


# What each word for where a goal stands means (bot/i18n.py STATUS_WORDS), for "vad betyder efter?".
_MEANINGS = {
    "done": N_("the goal is reached for the year, or carried out. It stays done for the year."),
    "not done": N_(
        "the goal has not been carried out yet. The word after it says whether that is late: on pace or "
        "behind."
    ),
    "ahead": N_("the goal has come further than the plan asks by today."),
    "on pace": N_("the goal has come as far as the plan asks by today: nothing due by now is missing."),
    "behind": N_(
        "the goal has come less far than the plan asks by today. A goal per quarter (month, week) is also "
        "behind when a quarter that has ended did not reach its share: one quarter does not make up for "
        "another."
    ),
    "not begun": N_("the plan's year has not begun yet, so nothing is due."),
    "not reached": N_(
        "the plan's year is over and the goal did not reach its target: that is the year's result."
    ),
    "no reading yet": N_(
        "nobody has reported a reading of the number this year, so where it stands is not known: it is not "
        "behind. Report the number (for example followers) and status compares it with the plan."
    ),
    "not measured": N_(
        "there is nothing to measure the goal against yet: it has no starting value or no target, and nobody "
        "has reported a reading."
    ),
}
# When something falls due, for the words that compare with today (progress.py's rules).
_DUE = N_(
    "Something falls due when three quarters of its time have passed: one meeting a quarter three quarters "
    "into the quarter, something done once a year from 1 October, people to name by the end of March, and a "
    "figure to reach step by step over the year."
)


def status_meaning(t: Translator, word: str) -> Reply:
    """What a status word (its msgid) means, and the others there are, for a member who asks."""
    text = t._("In status and goal N, \u201c{word}\u201d means that {meaning}").format(
        word=t._(word), meaning=t._(_MEANINGS[word])
    )
    if word in ("ahead", "on pace", "behind"):
        text += " " + t._(_DUE)
    others = t._("The words for how a goal stands: {words}.").format(
        words=", ".join(t._(other) for other in _MEANINGS)
    )
    return Reply(f"{text}\n\n{others}")


def this_period(t: Translator, period: Period | None) -> str:
    return {
        Period.WEEK: t._("this week"),
        Period.MONTH: t._("this month"),
        Period.QUARTER: t._("this quarter"),
        Period.HALF_YEAR: t._("this half-year"),
        Period.YEAR: t._("this year"),
        None: t._("this year"),
    }[period]


def periods_met(t: Translator, period: Period | None, met: int, count: int) -> str:
    """ "2 of 4 quarters met": the noun agrees with the last number, as Swedish has it ("0 av 1 vecka")."""
    text = {
        Period.WEEK: t.ngettext("{met} of {count} week met", "{met} of {count} weeks met", count),
        Period.MONTH: t.ngettext("{met} of {count} month met", "{met} of {count} months met", count),
        Period.QUARTER: t.ngettext("{met} of {count} quarter met", "{met} of {count} quarters met", count),
        Period.HALF_YEAR: t.ngettext(
            "{met} of {count} half-year met", "{met} of {count} half-years met", count
        ),
    }.get(
        period or Period.YEAR,
        t.ngettext("{met} of {count} period met", "{met} of {count} periods met", count),
    )
    return text.format(met=met, count=count)


def _periods_met(t: Translator, period: Period | None, met: int, count: int) -> str:
    text = {
        Period.WEEK: t.ngettext(
            "{met} of {count} week met this year", "{met} of {count} weeks met this year", count
        ),
        Period.MONTH: t.ngettext(
            "{met} of {count} month met this year", "{met} of {count} months met this year", count
        ),
        Period.QUARTER: t.ngettext(
            "{met} of {count} quarter met this year", "{met} of {count} quarters met this year", count
        ),
        Period.HALF_YEAR: t.ngettext(
            "{met} of {count} half-year met this year", "{met} of {count} half-years met this year", count
        ),
    }.get(period or Period.YEAR, t._("{met} of {count} met this year"))
    return text.format(met=met, count=count)


def branches_reached(t: Translator, done: float, wanted: float) -> str:
    """ "1 of 3 branches has reached its target", "2 of 3 branches have reached their target", "0 of 1 branch
    has reached its target": the noun agrees with the branches there are, the verb with those that did."""
    if int(wanted) == 1:
        text = t._("{done} of {wanted} branch has reached its target")
    else:
        text = t.ngettext(
            "{done} of {wanted} branches has reached its target",
            "{done} of {wanted} branches have reached their target",
            int(done),
        )
    return text.format(done=number(t, done), wanted=number(t, wanted))


def year_figure(t: Translator, goal: Goal, standing: GoalProgress) -> str:
    """The year's figure, without bar or pace, as `status` writes it and the year's report repeats: "1 of 3
    branches has reached its target", "1,700 (from 1,500, target 2,000)", "2 of 4 quarters met this year"
    (in the plan's year; after it, "2 of 4 quarters met"), "0 of 2 this year" ("0 of 2 in 2027"), "done"."""
    year, kind = standing.year, goal.target.kind
    if standing.in_branches:
        return branches_reached(t, year.done, year.wanted)
    if kind is TargetKind.METRIC:
        # The first number says what is measured ("1 650 följare"); the others stand beside it.
        if standing.latest is None:  # "1,500 (from 1,500 …)" would read as a reading of 1,500
            start = counted(t, goal.target, year.baseline if year.baseline is not None else year.done)
            if not standing.in_year:  # the plan's year by its number: "this year" is another year
                return t._("{start}, no reading in {year}, target {goal}").format(
                    start=start, year=year.starts.year, goal=number(t, year.wanted)
                )
            return t._("{start}, no reading this year, target {goal}").format(
                start=start, goal=number(t, year.wanted)
            )
        start = number(t, year.baseline if year.baseline is not None else year.done)
        return t._("{value} (from {baseline}, target {goal})").format(
            value=counted(t, goal.target, year.done), baseline=start, goal=number(t, year.wanted)
        )
    if kind is TargetKind.PEOPLE:
        return people_named(t, goal.target, year)
    if kind is TargetKind.DONE:
        return t._("done") if standing.pace is Pace.DONE else t._("not done")
    if standing.periods_met is not None and standing.periods is not None:
        if standing.period is None:  # outside its plan year: no current period
            return periods_met(t, goal.target.period, standing.periods_met, standing.periods)
        return _periods_met(t, goal.target.period, standing.periods_met, standing.periods)
    # The plan's year by its number when it is not this year (a plan for next year, or last year's).
    span = t._("this year") if standing.in_year else t._("in {year}").format(year=year.starts.year)
    return of_wanted(t, goal.target, year.done, year.wanted, span) + beyond_target(t, year)


def people_named(t: Translator, target: Target, year: Measure) -> str:
    """ "0 av 1 person utsedd", "1 av 5 kontaktpersoner utsedda", "3 of 3 people named (5 reported)": the
    words follow the number they stand beside."""
    named = t.ngettext("{done} of {wanted} {what} named", "{done} of {wanted} {what} named", int(year.wanted))
    what = unit_word(t, target, year.wanted)
    return named.format(done=number(t, year.done), wanted=number(t, year.wanted), what=what) + (
        beyond_target(t, year)
    )


def of_wanted(t: Translator, target: Target, done: float, wanted: float, span: str | None = None) -> str:
    """ "1 of 2 members' meetings this month", "15 000 av 50 000 kronor i år" ("3 of 4 opinion pieces"
    without a span): what a count counts, the word agreeing with the number it stands beside (as "av 1
    medlemsmöte", "av 2 medlemsmöten")."""
    shown, what = {"done": number(t, done), "wanted": number(t, wanted)}, unit_word(t, target, wanted)
    if what is None:  # a count of nothing named ("minst 3 gånger" read without a unit)
        if span is None:
            return t._("{done} of {wanted}").format(**shown)
        return t._("{done} of {wanted} {span}").format(**shown, span=span)
    if span is None:
        return t._("{done} of {wanted} {what}").format(**shown, what=what)
    return t._("{done} of {wanted} {what} {span}").format(**shown, what=what, span=span)


def beyond_target(t: Translator, measure: Measure) -> str:
    """ " (110 reported)" after a count's "100 of 100" (this year's, or this month's) or "3 of 3 named":
    what the reports tell of beyond the target, which the figure (capped at it) does not show; "" when they
    tell of no more."""
    reported = measure.reported
    if reported is None or reported <= measure.done:
        return ""
    text = t.ngettext("({count} reported)", "({count} reported)", 1 if reported == 1 else 2)
    return " " + text.format(count=number(t, reported))


def progress_line(t: Translator, goal: Goal, standing: GoalProgress) -> str:
    """One line: the bar, the year's figure and the one pace, which all three speak of the year, then the
    current period's figure where the goal has one.

    What the board member reads: the bar and the figure after it say how far the year has come, and the
    word after them whether that is as far as the plan asks by today. A full quarter beside "efter" read
    as "this quarter is done, and behind"; so the bar is the year's (the periods met) and the pace follows
    the year's figure; "1 av 1 det här kvartalet" comes after, as where the current period stands."""
    pace = pace_word(t, standing.pace)
    figure = year_figure(t, goal, standing)
    if goal.target.kind is TargetKind.DONE and not standing.in_branches:
        return figure if standing.pace is Pace.DONE else f"{figure} · {pace}"
    line = f"{bar(standing.fraction)} {figure} · {pace}"
    if standing.period is None:  # a yearly goal, a number or people to name, or outside the plan's year
        return line
    return f"{line} · {current_period(t, goal, standing)}"


def current_period(t: Translator, goal: Goal, standing: GoalProgress) -> str:
    """The current period's figure: "1 of 2 members' meetings this month (3 reported)", or of an every-branch
    goal "2 of 3 branches this quarter"."""
    period = standing.period
    assert period is not None
    span = this_period(t, goal.target.period)
    if standing.in_branches:
        return t.ngettext(
            "{done} of {wanted} branch {span}", "{done} of {wanted} branches {span}", int(period.wanted)
        ).format(done=number(t, period.done), wanted=number(t, period.wanted), span=span)
    return of_wanted(t, goal.target, period.done, period.wanted, span) + beyond_target(t, period)


def value_word(t: Translator, target: Target, value: float) -> str:
    """A reported value as the goal reads it: done / not done in words, never 1 or 0; a count or reading with
    what it counts, in the form its number asks for (`counted`)."""
    if target.kind is TargetKind.DONE:
        return t._("done") if value >= 1 else t._("not done")
    return counted(t, target, value)


def counted(t: Translator, target: Target, value: float) -> str:
    """A number with the goal's unit agreeing with it: "1 medlemsmöte", "2 medlemsmöten", "2 members'
    meetings", "1 700 följare"; a share in per cent "45 %" (never "45 procent procent"). Where the reader's
    language has no word for the unit, a count says "activities" (`unit_word`), else the bare number."""
    shown = number(t, value)
    unit = (target.unit or "").strip()
    if unit.startswith("%") or unit.lower() in ("procent", "percent"):
        return f"{shown} %"
    word = unit_word(t, target, value)
    return f"{shown} {word}" if word else shown


def unit_word(t: Translator, target: Target, count: float) -> str | None:
    """The goal's unit agreeing with `count` (Target.unit_in); a count whose unit has no word in the
    reader's language says "activity"/"activities", in every answer as in the target's words."""
    word = target.unit_in(t.language, count)
    many = int(count) if count == int(count) else 2
    if word is None and target.unit and target.kind is TargetKind.COUNT:
        return t.ngettext("activity", "activities", many)
    if word is None and target.kind is TargetKind.PEOPLE:  # people, whatever the plan called them
        return t.ngettext("person", "people", many)
    return word


def counted_for(t: Translator, goal: Goal | None, branch: str | None) -> str:
    """Whom a check-in counts for: its branch on a goal every branch has, else the district, with the branch
    it happened in (a district goal reported "för Sundsvall" is still the district's, counted once)."""
    if branch is None:
        return t._("the district")
    if goal is None or goal.applies_to_branches:
        return branch
    return t._("the district (in {branch})").format(branch=branch)


def report_corrected(
    t: Translator, *, was: StoredCheckIn, now: StoredCheckIn, goal: Goal, by: str, maker: str | None = None
) -> Reply:
    """To whoever made a report that someone else corrected: what it says now, and what it said. With
    `maker`, to the others who answer for it (the branch's chair when the board changed a deputy's)."""
    if maker is None:
        return Reply(
            t._(
                "{name} corrected your report #{id} on goal {number}: now {value}, {day}; it said {was}, "
                "{was_day}. Your reports: {command}"
            ).format(
                name=by,
                id=now.id,
                number=goal.number,
                value=value_word(t, goal.target, now.value),
                day=day(t, now.happened_on),
                was=value_word(t, goal.target, was.value),
                was_day=day(t, was.happened_on),
                command=t._("my reports"),
            )
        )
    said = t._(
        "{name} corrected report #{id} on goal {number} for {who}: now {value}, {day}; "
        "it said {was}, {was_day}."
    ).format(
        name=by,
        id=now.id,
        number=goal.number,
        who=counted_for(t, goal, now.branch),
        value=value_word(t, goal.target, now.value),
        day=day(t, now.happened_on),
        was=value_word(t, goal.target, was.value),
        was_day=day(t, was.happened_on),
    )
    return Reply(_answered_for(t, said, maker))


def report_withdrawn(
    t: Translator, *, found: StoredCheckIn, goal: Goal | None, by: str, maker: str | None = None
) -> Reply:
    """To whoever made a report that someone else withdrew (with `maker`, to the others who answer for it)."""
    value = value_word(t, goal.target, found.value) if goal else number(t, found.value)
    if maker is None:
        return Reply(
            t._(
                "{name} withdrew your report #{id} on goal {number} ({value}, {day}); it no longer counts. "
                "Your reports: {command}"
            ).format(
                name=by,
                id=found.id,
                number=found.goal_number,
                value=value,
                day=day(t, found.happened_on),
                command=t._("my reports"),
            )
        )
    said = t._(
        "{name} withdrew report #{id} on goal {number} for {who} ({value}, {day}); it no longer counts."
    ).format(
        name=by,
        id=found.id,
        number=found.goal_number,
        who=counted_for(t, goal, found.branch),
        value=value,
        day=day(t, found.happened_on),
    )
    return Reply(_answered_for(t, said, maker))


def _answered_for(t: Translator, said: str, maker: str) -> str:
    """A notice about a report someone answers for but did not make: who made it, and where to see it."""
    if maker:
        said += " " + t._("It was reported by {name}.").format(name=maker)
    return said + " " + t._("The reports you answer for: {command}").format(command=t._("my reports"))


def check_in_line(t: Translator, check_in: StoredCheckIn, goal: Goal | None, plan: Plan | None) -> str:
    who = counted_for(t, goal, check_in.branch)
    target = goal.target if goal else None
    value = value_word(t, target, check_in.value) if target else number(t, check_in.value)
    parts = [day(t, check_in.happened_on), who, value]
    if check_in.area:
        parts.append(plan.area_in(check_in.area, t.language) if plan else check_in.area)
    if check_in.comment:
        parts.append(check_in.comment)
    return " · ".join(parts)


def status(
    t: Translator,
    plan: Plan,
    standings: Sequence[GoalStanding],
    *,
    branch: str | None,
    today: date,
    district_goals: int = 0,
    report: str | None = None,
    mine: bool = False,
    about: str | None = None,
    marked: str | None = None,
    branches: Sequence[tuple[str | None, Sequence[GoalStanding]]] = (),
    whose: str | None = None,
    board: bool = False,
) -> Reply:
    """How the plan stands; for a `branch`, its own goals (`district_goals`: how many others, not shown).
    `report`: a report on a goal shown that the reader may write, for the hint (None: they may not);
    `mine`: the goals shown are those the reader is responsible for (`mina mål`); `about`: the goals shown
    are those that mention these words; `whose`: those this person answers for; `board`: those the plan
    gives the board; `marked`: those shown with
    this status word (its msgid);
    `branches`: a chair's several branches, each with its own goals under its name (`standings`: the first's;
    a part without a name: goals of the district's, listed first)."""
    plan_year = plan.year
    named = [name for name, _ in branches if name is not None]
    names = format_list(named, locale=t.language) if named and not mine else None
    if plan_year is not None and today.year < plan_year:
        title = t._("The plan is for {year} and begins on 1 January").format(year=plan_year)
    elif plan_year is not None and today.year > plan_year and names and not marked:
        title = t._("How {branches} did in {year}").format(branches=names, year=plan_year)
    elif plan_year is not None and today.year > plan_year:  # the year is over: its final result
        if (branch or names) and marked:
            title = t._("Goals marked \u201c{word}\u201d for {branch} in {year}").format(
                word=t._(marked), branch=branch or names, year=plan_year
            )
        elif marked:
            title = t._("Goals marked \u201c{word}\u201d in {year}").format(word=t._(marked), year=plan_year)
        elif branch:
            title = t._("How {branch} did in {year}").format(branch=branch, year=plan_year)
        else:
            title = t._("How the plan went in {year}").format(year=plan_year)
    elif (branch or names) and marked:
        title = t._("Goals marked \u201c{word}\u201d for {branch}, {day}").format(
            word=t._(marked), branch=branch or names, day=day(t, today)
        )
    elif names:
        title = t._("How {branches} stand, {day}").format(branches=names, day=day(t, today))
    elif branch:
        title = t._("How {branch} stands, {day}").format(branch=branch, day=day(t, today))
    elif marked:
        title = t._("Goals marked \u201c{word}\u201d, {day}").format(word=t._(marked), day=day(t, today))
    elif board:
        title = t._("How the board's goals stand, {day}").format(day=day(t, today))
    elif whose:
        title = t._("How the goals of {name} stand, {day}").format(name=whose, day=day(t, today))
    elif about:
        title = t._("How the goals that mention \u201c{words}\u201d stand, {day}").format(
            words=about, day=day(t, today)
        )
    elif mine:
        title = t._("Your goals, {day}").format(day=day(t, today))
    else:
        title = t._("How the plan stands, {day}").format(day=day(t, today))
    body = [heading(title, size="Large")]
    lines = [title]
    # a chair's branches, each name above its own goals, the district's above its (none to show: no names)
    for name, theirs in (branches if standings else ()) or [(None, standings)]:
        above = name if name is not None or not named else t._("The district")
        if above is not None:
            body.append(heading(above, size="Large"))
            lines += ["", above]
        _goal_rows(t, theirs, body, lines)
    if whose and not standings:  # "hur går det för Megan?": nobody named her for a goal
        none = t._("{name} is not named responsible for any goal").format(name=whose) + "."
        body.append(paragraph(none))
        lines += ["", none]
    if marked and not standings:
        none = t._("No goal is marked \u201c{word}\u201d.").format(word=t._(marked))
        body.append(paragraph(none))
        lines += ["", none]
    if (branch or names) and marked:  # a chair's own branch: the district's are a word away
        district = t._(
            "For the district's goals marked \u201c{word}\u201d, write: status {word} district"
        ).format(word=t._(marked))
        body.append(paragraph(district))
        lines += ["", district]
    if (branch or branches) and district_goals:
        if standings:
            others = t.ngettext(
                "One goal is the district's own, not each branch's: write status district to see it.",
                "{count} goals are the district's own, not each branch's: write status district to see them.",
                district_goals,
            ).format(count=district_goals)
        else:
            others = t._("No goal in the plan is each branch's own: write status district to see the plan.")
        body.append(paragraph(others))
        lines += ["", others]
    text = "\n".join(lines)
    if standings:  # examples of what is shown here, so that copying them works for the one reading
        number = standings[0].goal.number
        if report is None:
            hint = t._("Write goal {number} to see one goal in full.").format(number=number)
        else:
            hint = t._(
                "Write goal {number} to see one goal in full; report progress with: {report} COMMENT"
            ).format(number=number, report=report)
        body.append(paragraph(hint, subtle=True))
        text = "\n".join([*lines, "", hint])
    return _marked(t, plan, Reply(text, card(body, fallback=text)))


def _goal_rows(t: Translator, standings: Sequence[GoalStanding], body: list[Any], lines: list[str]) -> None:
    """Each goal's progress line under its section's heading, to the card's `body` and the text's `lines`."""
    section = None
    rows: list[tuple[str, str]] = []
    for standing in standings:
        goal = standing.goal
        if goal.section_in(t.language) != section:
            if rows:
                body.append(facts(rows))
                rows = []
            section = goal.section_in(t.language)
            body.append(heading(section))
            lines += ["", section]
        line = progress_line(t, goal, standing.progress)
        rows.append((str(goal.number), line))
        lines.append(f"{goal.number:>3}. {line}")
    if rows:
        body.append(facts(rows))


def mine(
    t: Translator,
    check_ins: Sequence[StoredCheckIn],
    plan: Plan | None,
    *,
    branches: Sequence[str] = (),
    goals: Sequence[int] = (),
    own: Collection[int],
    made_by: Mapping[int, str] | None = None,
    first_report: str | None = None,
    total: int | None = None,
    withdrawn: int = 0,
    goal: int | None = None,
    year: int | None = None,
    page: int = 1,
    per_page: int = 10,
) -> Reply:
    """A page of one's reports, newest first; a chair's also those made for their branches, and those on the
    `goals` one is responsible for (`own`: the ids
    the reader may change; `made_by`: who made those someone else made), of `goal` and `year` if asked;
    `total` of them in all (`withdrawn` of those withdrawn), and where the page cuts the list, how to see
    the rest. With none, how to report (`first_report`: a report they may write)."""
    total = len(check_ins) if total is None else total
    narrowed = goal is not None or year is not None
    everything = t._("my reports")
    if not check_ins and total and page > 1:  # past the last page
        counted = t.ngettext("there is {total} report", "there are {total} reports", total)
        counted = counted.format(total=total)
        return Reply(
            no_such_page(
                t,
                page=page,
                counted=counted,
                total=total,
                per_page=per_page,
                command=lambda last: _mine_command(t, goal, year, last),
            )
        )
    if not check_ins and narrowed:
        return Reply(
            t._("You have no reports {which}. All of yours: {command}").format(
                which=_narrowed(t, goal, year), command=everything
            )
        )
    if not check_ins:
        if first_report is None:
            return Reply(t._("You have not reported anything yet."))
        return Reply(
            t._("You have not reported anything yet. Report with: {example} COMMENT").format(
                example=first_report
            )
        )
    title = t._("Your latest reports")
    if branches:
        title = t._("The latest reports from you and {branches}").format(branches=listed(t, branches))
    if goals and goal is None:  # the goals they are responsible for: their reports too, whoever made them
        numbers = listed(t, [str(n) for n in goals])
        title = (
            t.ngettext(
                "The latest reports from you and {branches}, and on goal {numbers}",
                "The latest reports from you and {branches}, and on goals {numbers}",
                len(goals),
            )
            if branches
            else t.ngettext(
                "Your latest reports and those on goal {numbers}",
                "Your latest reports and those on goals {numbers}",
                len(goals),
            )
        ).format(branches=listed(t, branches), numbers=numbers)
    if narrowed:
        title += " " + _narrowed(t, goal, year)
    rows = []
    for check_in in check_ins:
        line = (
            t._("goal {number}").format(number=check_in.goal_number or "?")
            + " · "
            + check_in_line(t, check_in, plan.goal_by_id(check_in.goal_id) if plan else None, plan)
        )
        if made_by and check_in.id in made_by:  # a deputy's for the chair's branch, say
            line += " · " + t._("by {name}").format(name=made_by[check_in.id])
        if check_in.withdrawn:
            line += " · " + t._("withdrawn")
        rows.append((f"#{check_in.id}", line))
    notes = []
    paging = page_note(
        t,
        shown=len(check_ins),
        total=total,
        page=page,
        per_page=per_page,
        next_page=_mine_command(t, goal, year, page + 1),
    )
    if paging:
        notes.append(paging)
    if withdrawn:  # listed, so the count here is more than `status` and `mål N` count
        notes.append(
            t.ngettext(
                "{count} of them is withdrawn and no longer counts.",
                "{count} of them are withdrawn and no longer count.",
                withdrawn,
            ).format(count=withdrawn)
        )
    if paging:
        if not narrowed and plan is not None:
            shown_goal = check_ins[0].goal_number or plan.example_number
            notes.append(
                t._("By goal: {goal} · by year: {year}").format(
                    goal=_mine_command(t, shown_goal, None, 1),
                    year=_mine_command(t, None, check_ins[0].happened_on.year, 1),
                )
            )
    # the example is the latest report still counting that the reader may change, so copying it changes it
    example = next((c for c in check_ins if c.id in own and not c.withdrawn), None)
    if example is not None:
        notes.append(
            t._("Correct with: correct {number} VALUE [COMMENT] · withdraw with: withdraw {number}").format(
                number=example.id
            )
        )
    lines = [title, *(f"{k} {v}" for k, v in rows)]
    if notes:
        lines += ["", *notes]
    text = "\n".join(lines)
    return Reply(
        text,
        card([heading(title), facts(rows), *(paragraph(note, subtle=True) for note in notes)], fallback=text),
    )


def _narrowed(t: Translator, goal: int | None, year: int | None) -> str:
    """ "on goal 4", "in 2026", "on goal 4 in 2026": which of one's reports were asked for."""
    if goal is not None and year is not None:
        return t._("on goal {number} in {year}").format(number=goal, year=year)
    if goal is not None:
        return t._("on goal {number}").format(number=goal)
    return t._("in {year}").format(year=year)


def _mine_command(t: Translator, goal: int | None, year: int | None, page: int) -> str:
    """The `mina rapporter` line that shows that page of those reports."""
    words = [t._("my reports")]
    if goal is not None:
        words.append(t._("goal {number}").format(number=goal))
    if year is not None:
        words.append(str(year))
    if page > 1:
        words.append(t._("page {number}").format(number=page))
    return " ".join(words)


def plan_title(t: Translator, plan: Plan) -> str:
    """The plan's title for the reader: as the plan has it in Swedish; in English in the reader's words,
    since the title is Swedish ("Vänsterpartiet Västernorrlands verksamhetsplan 2026")."""
    if t.language == "sv":
        return plan.title or plan.district
    return t._("{whose} plan {year}").format(whose=genitive(t, plan.district), year=plan.year or "").strip()


def goal_list(t: Translator, plan: Plan) -> Reply:
    language = t.language
    title = plan_title(t, plan)
    count = t.ngettext("{count} goal", "{count} goals", len(plan.goals)).format(count=len(plan.goals))
    hint = t._(
        "Write \u201cgoal {number}\u201d to see one goal in full, or \u201csearch WORD\u201d to find goals."
    ).format(number=plan.example_number)  # a goal of this plan, so that the example answers
    body = [heading(title, size="Large"), paragraph(count, subtle=True)]
    lines = [f"{title} ({count})"]
    for section, goals in plan.by_section(language):
        body.append(heading(section))
        body.append(facts([(str(goal.number), goal.text_in(language)) for goal in goals]))
        lines.append("")
        lines.append(section)
        lines.extend(f"{goal.number:>3}. {goal.text_in(language)}" for goal in goals)
    body.append(paragraph(hint, subtle=True))
    lines += ["", hint]
    text = "\n".join(lines)
    return _marked(t, plan, Reply(text, card(body, fallback=text)))


def plan_year_note(t: Translator, plan: Plan, today: date) -> str | None:
    """Whether the plan's year has not begun or is over (None while it runs)."""
    if plan.year is not None and today.year < plan.year:
        return t._("The plan is for {year} and begins on 1 January").format(year=plan.year)
    if plan.year is not None and today.year > plan.year:
        return t._("The plan was for {year}; this is its final result").format(year=plan.year)
    return None


def goal_detail(
    t: Translator,
    plan: Plan,
    found: GoalInFull,
    *,
    today: date,
    posts: PostsTally | None = None,
    all_reports: str | None = None,
) -> Reply:
    """One goal in full. Of its reports the latest are shown; where there are more, how many in all and
    (`all_reports`) the line the reader may write to see them."""
    goal, standing, responsible = found.goal, found.progress, found.responsible
    language = t.language
    title = t._("Goal {number}").format(number=goal.number)
    year = plan_year_note(t, plan, today)
    rows = [
        *([(t._("Plan"), year)] if year else []),
        (t._("Section"), goal.section_in(language)),
        (t._("Done when"), done_when(t, goal.target, plan)),
        (t._("Responsible"), responsible_for(t, goal, responsible)),
        (t._("Progress"), progress_line(t, goal, standing)),
    ]
    if (areas := areas_left(t, plan, goal, standing)) is not None:
        rows.append((t._("Areas left"), areas))
    for branch, own in found.own:  # a chair's own branches, as their `status` shows them
        rows.append((branch, progress_line(t, goal, own)))
    if posts is not None:
        rows.append((t._("Prompts I posted"), posts_line(t, posts)))
    for check_in in found.latest:
        rows.append((t._("Reported"), check_in_line(t, check_in, goal, plan)))
    if found.reported > len(found.latest):
        more = t.ngettext(
            "the {shown} latest of {total} report in {year}",
            "the {shown} latest of {total} reports in {year}",
            found.reported,
        ).format(shown=len(found.latest), total=found.reported, year=plan.year or today.year)
        if all_reports:
            more += "; " + all_reports
        rows.append((t._("Reported"), more))
    shown = found.changes[-LATEST_CHANGES:]
    if earlier := len(found.changes) - len(shown):
        before = t.ngettext("{count} time before", "{count} times before", earlier)
        rows.append((t._("Changed"), before.format(count=earlier)))
    rows.extend((t._("Changed"), change_line(t, change, plan.priority_areas)) for change in shown)
    if goal.applies_to_branches:
        rows.insert(1, (t._("Applies to"), t._("every branch")))
    body = [heading(title, size="Large"), paragraph(goal.text_in(language)), facts(rows)]
    text = "\n".join([f"{title}: {goal.text_in(language)}", *(f"{k}: {v}" for k, v in rows)])
    actions = []
    if plan.goal(goal.number + 1):
        actions.append(say(t._("Next goal"), t._("goals {number}").format(number=goal.number + 1)))
    actions.append(say(t._("All goals"), t._("goals")))
    return _marked(t, plan, Reply(text, card(body, fallback=text, actions=actions)))


def areas_left(t: Translator, plan: Plan, goal: Goal, standing: GoalProgress) -> str | None:
    """Which priority areas a per-area count still wants, in the span its figure shows (the year, or this
    quarter): "Antirasism, Miljö och klimat" (a list in "and" would split "Miljö och klimat"); None where
    there is no such figure."""
    left = standing.areas_open
    yearly = goal.target.period in (None, Period.YEAR)
    if left is None or standing.in_branches or not (yearly or standing.period is not None):
        return None
    if not left:
        return t._("none: every area has its share")
    return ", ".join(plan.area_in(area, t.language) for area in left)


def change_line(t: Translator, change: Change, areas: Sequence[str]) -> str:
    """A correction in a goal's history: "3 Dec by Megan Bowen: target from ... to ...". Who made it is
    named only when the record may name them; otherwise it was the board."""
    before, after = change.before, change.after
    if isinstance(after, Target):
        if isinstance(before, Target) and before != after:
            what = t._("target from {before} to {after}").format(
                before=target_in_words(t, before, areas), after=target_in_words(t, after, areas)
            )
        else:
            what = t._("target {target}").format(target=target_in_words(t, after, areas))
    elif change.field is Field.TEXT:
        what = t._("text from \u201c{before}\u201d to \u201c{after}\u201d").format(before=before, after=after)
    elif change.field is Field.SECTION:
        what = t._("moved to the section {section}").format(section=after)
    elif change.field is Field.BRANCHES:
        what = (
            t._("every branch does it")
            if after
            else t._("the district\u2019s own goal, not every branch\u2019s")
        )
    elif change.field is Field.ADD:
        what = t._("added to the plan")
    elif change.field is Field.RETIRE:
        what = t._("retired")
    else:  # a correction the reader no longer takes: its words as written
        what = str(after)
    return t._("{day} by {who}: {what}").format(
        day=day(t, change.made_on), who=change.by or t._("the board"), what=what
    )


def example_note(t: Translator) -> str:
    return t._(
        "This is an example plan, not your district's own. A board member sends me the real plan as a "
        "file (PDF, Word or text) in a personal chat, and it replaces this one."
    )


def _marked(t: Translator, plan: Plan, reply: Reply) -> Reply:
    """The sample plan is marked as an example wherever it shows (issue 18): a line under the card's
    title and at the end of the text."""
    if not plan.example or reply.card is None:
        return reply
    note = example_note(t)
    body = list(reply.card["body"])
    body.insert(1, paragraph(note))
    text = f"{reply.text}\n\n{note}"
    return Reply(text, card(body, fallback=text, actions=reply.card.get("actions")), summary=reply.summary)


def posts_line(t: Translator, posts: PostsTally) -> str:
    """ "3 this month, 14 this year; 9 started a discussion" (by reactions alone where replies are unread)."""
    if posts.month is None:  # today is not in the plan's year
        made = t._("{count} in {year}").format(count=posts.year, year=posts.plan_year)
    else:
        made = t._("{month} this month, {year} this year").format(month=posts.month, year=posts.year)
    started = t.ngettext(
        "{count} started a discussion", "{count} started a discussion", posts.discussions
    ).format(count=posts.discussions)
    if not posts.reads_replies:
        started += " " + t._("(judged by reactions: replies are not counted)")
    return f"{made}; {started}"


# Who the plan's own wording makes responsible (bot/services/goals.py, named_in_plan), in the reader's words.
_DOERS = {
    "distriktsstyrelsen": N_("The district board"),
    "distriktsstyrelsens ledamöter": N_("The district board's members"),
    "ledamöter i distriktsstyrelsen": N_("The district board's members"),
    "ledamöterna i distriktsstyrelsen": N_("The district board's members"),
    "distriktet": N_("The district"),
    "partiföreningarna": N_("The branches"),
    "partiföreningar": N_("The branches"),
    "styrelsen": N_("The board"),
    # An English plan's words for the same.
    "the district board": N_("The district board"),
    "the board": N_("The board"),
    "board members": N_("The district board's members"),
    "the board members": N_("The district board's members"),
    "district board members": N_("The district board's members"),
    "the district board members": N_("The district board's members"),
    "the district": N_("The district"),
    "the branches": N_("The branches"),
}


def responsible_for(t: Translator, goal: Goal, named: Sequence[str]) -> str:
    """Who answers for the goal: the people the board named, else whom the plan names; a goal every branch
    does is each branch's chair's for their branch (the board may name someone besides)."""
    if goal.applies_to_branches and not goal.responsible_in_plan:
        if named:
            return t._("{names} and each branch's chair").format(names=", ".join(named))
        return t._("Each branch's chair")
    return ", ".join(named) or doer_in_plan(t, goal) or t._("Nobody named yet")


def doer_in_plan(t: Translator, goal: Goal) -> str | None:
    """Whom the plan makes responsible: as it names them ("Ansvarig: Kassören"), or as its wording does
    ("Distriktsstyrelsen ska ..."), in the reader's words (None: nobody named)."""
    if goal.responsible_in_plan:
        return goal.responsible_in_plan
    who = named_in_plan(goal.text)
    if who is None:
        return None
    words = who.lower().removeprefix("alla ").removeprefix("representanter från ")
    doer = t._(_DOERS[words]) if words in _DOERS else who
    if who.lower().startswith("representanter från "):
        return t._("Representatives of {body}").format(body=doer[0].lower() + doer[1:])
    return doer


def search_results(
    t: Translator, query: str, hits: list[Goal], *, named: Mapping[int, Sequence[str]] | None = None
) -> Reply:
    """The goals found; with `named` (goal id -> the people the board named), who is responsible for each,
    for a member who asked who."""
    language = t.language
    if not hits and named is not None:  # "vem ansvarar för Sundsvall?": whoever holds a role, perhaps
        return Reply(
            t._(
                "No goal mentions \u201c{query}\u201d. Who is on the board and who chairs each branch: write "
                "roles."
            ).format(query=query)
        )
    if not hits:
        text = t._(
            "No goal mentions \u201c{query}\u201d. Try another word, or write goals to see them all."
        ).format(query=query)
        return Reply(text)
    title = t.ngettext(
        "{count} goal mentions \u201c{query}\u201d", "{count} goals mention \u201c{query}\u201d", len(hits)
    ).format(count=len(hits), query=query)
    rows = [(str(goal.number), goal.text_in(language)) for goal in hits]
    lines = [title, *(f"{goal.number:>3}. {goal.text_in(language)}" for goal in hits)]
    if named is not None:
        who = [
            t._("Responsible: {who}").format(who=responsible_for(t, goal, named.get(goal.id, ())))
            for goal in hits
        ]
        rows = [(number, f"{text} \u2014 {answer}") for (number, text), answer in zip(rows, who, strict=True)]
        lines = [
            title,
            *(
                f"{goal.number:>3}. {goal.text_in(language)}\n     {answer}"
                for goal, answer in zip(hits, who, strict=True)
            ),
        ]
    body = [heading(title), facts(rows)]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def person_goals(
    t: Translator,
    plan: Plan,
    person: str,
    goals: Sequence[Goal],
    named: Mapping[int, Sequence[str]],
    chairs: Sequence[str],
    *,
    title: str | None = None,
) -> Reply:
    """The goals a person answers for ("vad ansvarar Kim för?"), the reverse of who answers for a goal: those
    the board named them responsible for (with whoever shares each), and for a chair the goals every branch
    does, which `goals N` says each branch's chair answers for. `title`: another title than the person's."""
    language = t.language
    every = [str(goal.number) for goal in plan.goals if goal.applies_to_branches] if chairs else []
    if title is not None:
        pass
    elif goals:
        title = t.ngettext(
            "{name} is responsible for {count} goal", "{name} is responsible for {count} goals", len(goals)
        ).format(name=person, count=len(goals))
    else:
        title = t._("{name} is not named responsible for any goal").format(name=person)
    rows = []
    for goal in goals:
        others = [name for name in named.get(goal.id, ()) if name != person]
        text = goal.text_in(language)
        if others:
            text += " " + t._("(with {names})").format(names=listed(t, others))
        rows.append((str(goal.number), text))
    notes = []
    if every:
        notes.append(
            t._(
                "As chair of {branches}, {name} answers there for the goals every branch does: {goals}."
            ).format(
                branches=listed(t, chairs),
                name=person,
                goals=t.ngettext("goal {numbers}", "goals {numbers}", len(every)).format(
                    numbers=listed(t, every)
                ),
            )
        )
    shown = goals[0].number if goals else every[0] if every else None
    if shown is not None:
        notes.append(t._("Write goal {number} to see one goal in full.").format(number=shown))
    if not rows and not notes:
        return Reply(title + ".")
    lines = [title, *(f"{number:>3}. {text}" for number, text in rows), *notes]
    body = [heading(title), *([facts(rows)] if rows else []), *(paragraph(note) for note in notes)]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def unowned_goals(t: Translator, goals: Sequence[Goal]) -> Reply:
    """The goals nobody was named responsible for ("vilka mål har ingen ansvarig?"), each with whom the plan
    gives it to, if anyone; a goal every branch does is its chairs' and not among them."""
    if not goals:
        return Reply(t._("Every goal has someone responsible."))
    title = t.ngettext(
        "{count} goal has nobody named responsible", "{count} goals have nobody named responsible", len(goals)
    ).format(count=len(goals))
    rows = []
    for goal in goals:
        doer = doer_in_plan(t, goal)
        text = goal.text_in(t.language)
        rows.append(
            (str(goal.number), text + (" " + t._("(the plan: {who})").format(who=doer) if doer else ""))
        )
    note = t._("The board names who is responsible: {example}").format(
        example=t._("responsible {number} @name").format(number=goals[0].number)
    )
    lines = [title, *(f"{number:>3}. {text}" for number, text in rows), note]
    text = "\n".join(lines)
    return Reply(text, card([heading(title), facts(rows), paragraph(note)], fallback=text))


def branch_goals(
    t: Translator, branch: str, goals: Sequence[Goal], every: Sequence[int], chairs: Sequence[str]
) -> Reply:
    """What a branch answers for ("vad ansvarar Sundsvall för?"): the goals every branch does, the goals
    that name it, who chairs it, and where to see how far it has come."""
    language = t.language
    title = t._("{branch} is a branch").format(branch=branch)
    notes = []
    if every:
        numbers = [str(number) for number in every]
        notes.append(
            t._("It answers for the goals every branch does: {goals}.").format(
                goals=t.ngettext("goal {numbers}", "goals {numbers}", len(numbers)).format(
                    numbers=listed(t, numbers)
                )
            )
        )
    if chairs:
        notes.append(t._("Its chair: {names}.").format(names=listed(t, chairs)))
    rows = [(str(goal.number), goal.text_in(language)) for goal in goals]
    if rows:
        notes.append(
            t.ngettext("{count} goal names {branch}:", "{count} goals name {branch}:", len(rows)).format(
                count=len(rows), branch=branch
            )
        )
    after = t._("How far {branch} has come: write {command}.").format(
        branch=branch, command=f"status {branch}"
    )
    lines = [title, *notes, *(f"{number:>3}. {text}" for number, text in rows), after]
    body = [heading(title), *(paragraph(note) for note in notes), *([facts(rows)] if rows else [])]
    text = "\n".join(lines)
    return Reply(text, card([*body, paragraph(after)], fallback=text))


def _per_period(t: Translator, period: Period | None) -> str:
    return {
        Period.WEEK: t._("per week"),
        Period.MONTH: t._("per month"),
        Period.QUARTER: t._("per quarter"),
        Period.HALF_YEAR: t._("per half-year"),
        Period.YEAR: t._("per year"),
        None: t._("during the plan year"),
    }[period]


def done_when(t: Translator, target: Target, plan: Plan) -> str:
    """What completes the goal, after "Klart när": a goal done or not done reads "Klart när: det är
    genomfört", not "Klart när: klart när det är genomfört"."""
    if target.kind is TargetKind.DONE:
        return t._("it has been carried out")
    return describe_target(t, target, plan)


def describe_target(t: Translator, target: Target, plan: Plan) -> str:
    """What counts as done, in words."""
    return target_in_words(t, target, plan.priority_areas)


def target_in_words(t: Translator, target: Target, areas: Sequence[str]) -> str:
    """A target in words ("at least 2 medlemsträffar per half-year"), for a stored goal or one read from
    a plan under review. Every count shown with its unit is shown here, the unit agreeing with the number
    beside it (Target.unit_in)."""
    if target.kind is TargetKind.COUNT:
        word = unit_word(t, target, target.count or 0)  # a unit nobody has given English for: "activities"
        what = f" {word}" if word else ""
        text = t._("at least {count}{what} {period}").format(
            count=number(t, target.count or 0), what=what, period=_per_period(t, target.period)
        )
        if target.per_area:
            text += " " + (
                t.ngettext(
                    "in each of the {count} priority area",
                    "in each of the {count} priority areas",
                    len(areas),
                ).format(count=len(areas))
                if areas
                else t._("in each priority area")
            )
        return text
    if target.kind is TargetKind.PEOPLE:
        people = target.unit_in(t.language)
        if people:
            named = t.ngettext("{count} {what} named", "{count} {what} named", target.count or 0)
            return named.format(count=target.count, what=people)
        return t.ngettext(
            "{count} person named responsible", "{count} people named responsible", target.count or 0
        ).format(count=target.count)
    if target.kind is TargetKind.METRIC:
        measured = target.unit_in(t.language)
        unit = f" {measured}" if measured else ""
        if target.goal_value is None and target.change_by is not None:
            change = number(t, abs(target.change_by))
            if target.baseline is None:
                text = (
                    t._("{unit} up by {change}, from the year's first reading")
                    if target.change_by > 0
                    else t._("{unit} down by {change}, from the year's first reading")
                )
                return text.format(unit=(measured or t._("the figure")), change=change).strip()
            goal = target.baseline + target.change_by
            measured = target.unit_in(t.language, count=goal)
            return t._("from {baseline} to {goal}{unit}").format(
                baseline=number(t, target.baseline),
                goal=number(t, goal),
                unit=f" {measured}" if measured else "",
            )
        if target.goal_value is None and target.change_percent is not None:
            change = number(t, abs(target.change_percent))
            if target.baseline is None:
                # as progress measures it: from the year's first reading
                text = (
                    t._("{unit} up {change} %, from the year's first reading")
                    if target.change_percent > 0
                    else t._("{unit} down {change} %, from the year's first reading")
                )
                return text.format(unit=(measured or t._("the figure")), change=change).strip()
            goal = target.baseline * (1 + target.change_percent / 100)
            measured = target.unit_in(t.language, count=goal)
            return t._("from {baseline} to {goal}{unit}").format(
                baseline=number(t, target.baseline),
                goal=number(t, goal),
                unit=f" {measured}" if measured else "",
            )
        if target.baseline is None:
            if target.unit and target.unit.startswith("%"):
                return t._("at least {goal}{unit}").format(goal=number(t, target.goal_value or 0), unit=" %")
            return t._("reach {goal}{unit}").format(goal=number(t, target.goal_value or 0), unit=unit)
        return t._("from {baseline} to {goal}{unit}").format(
            baseline=number(t, target.baseline),
            goal=number(t, target.goal_value or 0),
            unit=unit,
        )
    return t._("done once it has been carried out")
