"""The board's follow-up in words: the sections the chat card and the Word document share, and the card."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from bot.cards import Reply, card, day, heading, number, paragraph
from bot.cards.goals import (
    beyond_target,
    branches_reached,
    counted,
    counted_for,
    current_period,
    doer_in_plan,
    of_wanted,
    pace_word,
    people_named,
    periods_met,
    progress_line,
    value_word,
    year_figure,
)
from bot.cards.prompts import by_channel, channel_name, coming_line, times_are
from bot.cards.reminders import branch_row
from bot.db.followups import ChangedReport
from bot.i18n import Translator
from bot.services.followup import Behind, FollowUp, Moved, NewReports
from bot.services.goals import Goal, Period, TargetKind
from bot.services.progress import GoalProgress, Pace, week_number

# The card shows this many lines a section at most; the document shows them all.
CARD_LINES = 8

Section = tuple[str, list[str]]


def title(t: Translator, follow_up: FollowUp) -> str:
    return t._("Follow-up since {day}").format(day=day(t, follow_up.since.astimezone(follow_up.zone).date()))


def goal_label(t: Translator, goal: Goal) -> str:
    return t._("Goal {number}").format(number=goal.number)


def new_report_line(t: Translator, found: NewReports) -> str:
    who = counted_for(t, found.goal, found.branch)
    reports = t.ngettext("{count} report", "{count} reports", found.count).format(count=found.count)
    if found.goal.target.kind is TargetKind.METRIC:
        amount = t._("latest {value}").format(value=value_word(t, found.goal.target, found.total))
    elif found.goal.target.kind is TargetKind.DONE:
        amount = value_word(t, found.goal.target, found.total)
    else:
        amount = t._("{value} in all").format(value=value_word(t, found.goal.target, found.total))
    return f"{goal_label(t, found.goal)} · {who}: {reports}, {amount}"


def changed_line(t: Translator, goal: Goal, report: ChangedReport) -> str:
    """A report the board saw last time and that was corrected or withdrawn since (so a figure that went
    down, or a branch that dropped out, has its reason beside it)."""
    who = counted_for(t, goal, report.branch)

    def reading(value: float, on: date) -> str:
        return t._("{value} on {day}").format(value=value_word(t, goal.target, value), day=day(t, on))

    if report.withdrawn:
        text = t._("report #{id} ({was}) withdrawn")
    else:
        text = t._("report #{id} corrected from {was} to {now}")
    what = text.format(id=report.checkin_id, was=reading(*report.was), now=reading(*report.now))
    return f"{goal_label(t, goal)} · {who}: {what}"


def figure(t: Translator, goal: Goal, progress: GoalProgress) -> str:
    """A goal's year figure as `status` counts it: "1 of 3 branches has reached its target", "2 of 4
    quarters met", "0 of 3 named", "3 of 4", "1,800 of 2,000", "done" / "not done"."""
    year = progress.year
    if goal.target.kind is TargetKind.DONE and not progress.in_branches:
        return t._("done") if year.pace is Pace.DONE else t._("not done")
    if progress.in_branches:
        return branches_reached(t, year.done, year.wanted)
    if progress.periods_met is not None and progress.periods is not None:
        return periods_met(t, goal.target.period, progress.periods_met, progress.periods)
    if goal.target.kind is TargetKind.PEOPLE:
        return people_named(t, goal.target, year)
    if year.pace is Pace.NOT_MEASURED:  # a change in per cent before its first reading: no "0 of 0"
        return t._("not measured")
    if goal.target.kind is TargetKind.METRIC and progress.latest is None:
        # "1,500 of 2,000" would read the starting value as this year's reading
        return year_figure(t, goal, progress)
    if goal.target.kind is TargetKind.METRIC:  # "1,800 of 2,000 followers", "40 of 45 %"
        wanted = counted(t, goal.target, year.wanted)
        return t._("{done} of {wanted}").format(done=number(t, year.done), wanted=wanted)
    return of_wanted(t, goal.target, year.done, year.wanted) + beyond_target(t, year)


def period_figure(t: Translator, goal: Goal, progress: GoalProgress) -> str | None:
    """The current period's figure as `status` has it ("1 of 2 this month"); None without one."""
    return None if progress.period is None else current_period(t, goal, progress)


def period_name(t: Translator, period: Period, starts: date) -> str:
    """The plan's period beginning on `starts` by its name: "december", "Q4", "week 49", "second
    half-year"."""
    if period is Period.QUARTER:
        return t._("Q{number}").format(number=(starts.month - 1) // 3 + 1)
    if period is Period.WEEK:
        return t._("week {number}").format(number=week_number(starts))
    if period is Period.HALF_YEAR:
        return t._("first half-year") if starts.month == 1 else t._("second half-year")
    return format_date(starts, "LLLL", locale=t.language)


def moved_line(t: Translator, moved: Moved, *, since: date) -> str:
    """What moved: the year's figure, or (where only the current period moved) the period's. Both sides are
    today's period (with and without the reports since `since`); where the board last looked in an earlier
    period, "this month" would read as last month's figure, so the period is named."""
    goal = moved.goal
    before, after = figure(t, goal, moved.before), figure(t, goal, moved.after)
    period = goal.target.period
    if before == after and period is not None and moved.after.period is not None:
        if since < moved.after.period.starts:  # the plan's period: 22-31 December in a year of 52 weeks
            before = f"{period_name(t, period, moved.after.period.starts)}: {_share(t, goal, moved.before)}"
            after = _share(t, goal, moved.after)
        else:
            before = period_figure(t, goal, moved.before) or before
            after = period_figure(t, goal, moved.after) or after
        # the pace is the year's: it follows the year's figure, not the period's ("1 of 1 this quarter ·
        # behind" read as a quarter both met and behind)
        after += f" · {figure(t, goal, moved.after)}"
    return f"{goal_label(t, goal)}: {before} \u2192 {after} · {pace_word(t, moved.after.pace)}"


def _share(t: Translator, goal: Goal, progress: GoalProgress) -> str:
    """The current period's figure without its span, with what it counts: "1 of 2 posts", "1 of 3
    branches"."""
    assert progress.period is not None
    done, wanted = number(t, progress.period.done), number(t, progress.period.wanted)
    if progress.in_branches:
        return t.ngettext(
            "{done} of {wanted} branch", "{done} of {wanted} branches", int(progress.period.wanted)
        ).format(done=done, wanted=wanted)
    period = progress.period
    return of_wanted(t, goal.target, period.done, period.wanted) + beyond_target(t, period)


def behind_line(t: Translator, behind: Behind, *, ended: int | None = None) -> str:
    """A goal behind and by how much; `ended`: the plan year, when it is over (what is missing was missing
    in that year, not "so far")."""
    goal = behind.goal
    parts = [f"{goal_label(t, goal)}: {progress_line(t, goal, behind.progress)}"]
    lag = round(behind.short_by or 0)  # None: done / not done and every branch's goals say it otherwise
    if lag > 0:  # less than one whole meeting or person behind says no number ("0 short")
        amount = counted(t, goal.target, lag)
        if goal.target.kind is TargetKind.PEOPLE:  # people are named, not caught up with
            text = t._("{amount} not named in {year}") if ended else t._("{amount} still to be named")
        elif behind.progress.periods_met is not None:
            # A period never lends to another: a quarter gone without its meeting is not caught up later.
            text = t._("{amount} missing in {year}") if ended else t._("{amount} missing so far")
        elif ended:
            text = t._("{amount} short of the target at the end of {year}")
        else:
            text = t._("{amount} short of where it should be by now")
        parts.append(text.format(amount=amount, year=ended))
    responsible = behind.responsible or tuple(filter(None, [doer_in_plan(t, goal)]))
    if responsible:
        parts.append(
            t.ngettext("responsible: {names}", "responsible: {names}", len(responsible)).format(
                names=", ".join(responsible)
            )
        )
    if behind.branches:
        no_chair = t._("no chair")
        branches = ", ".join(f"{name} ({', '.join(chairs) or no_chair})" for name, chairs in behind.branches)
        # once the year is over they did not reach it ("inte nått"), as the figure beside says
        if ended:
            parts.append(t._("branches that did not reach it: {branches}").format(branches=branches))
        else:
            parts.append(t._("branches behind: {branches}").format(branches=branches))
    if not responsible and not behind.branches:
        parts.append(t._("nobody named responsible"))
    return " · ".join(parts)


def sections(t: Translator, follow_up: FollowUp) -> list[Section]:
    """Headings and their lines, in the order the board reads them."""
    zone = follow_up.zone
    new = [new_report_line(t, found) for found in follow_up.new_reports] or [t._("No new reports.")]
    changed = [changed_line(t, goal, report) for goal, report in follow_up.changed]
    since = follow_up.since.astimezone(zone).date()
    moved = [moved_line(t, m, since=since) for m in follow_up.moved]
    moved = moved or [t._("No goal has moved.")]
    year = follow_up.plan.year or follow_up.today.year
    ended = year if follow_up.today > date(year, 12, 31) else None
    behind = [behind_line(t, b, ended=ended) for b in follow_up.behind]
    if not behind:
        behind = [t._("Every goal was reached.") if ended else t._("No goal is behind.")]
    gaps = follow_up.quarter
    silent = [": ".join(branch_row(t, gaps, branch)) for branch in gaps.branches if not branch.reported]
    if not follow_up.branches:
        silent = [t._("The district has no branches yet.")]
    elif not gaps.branch_goals:
        silent = [t._("No goal of the plan is every branch's to report.")]
    elif not silent:
        silent = [t._("Every branch has reported.")]
    posted = [
        f"{day(t, post.sent_at.astimezone(zone).date())}: {first_line(post.text)}"
        for post in follow_up.posted
    ] or [t._("No prompts posted.")]
    schedules = follow_up.schedules
    groups = by_channel(follow_up.coming, schedules, lambda slot: slot.schedule_id)
    coming: list[Section] = [  # as `kommande` lists them: a channel's name once, over its prompts
        (
            t._("Upcoming prompts in {channel}").format(channel=channel_name(t, schedule))
            if len(groups) > 1
            else t._("Upcoming prompts"),
            # the note first: a card cut short hides prompts, not it
            ([times_are(t, follow_up.coming, schedules)] if index == 0 else [])
            + [f"#{slot.id} {coming_line(t, slot, schedule)}" for slot in theirs],
        )
        for index, (schedule, theirs) in enumerate(groups)
    ] or [(t._("Upcoming prompts"), [t._("No prompts scheduled.")])]
    return [
        (t._("New reports"), new),
        *([(t._("Reports corrected or withdrawn"), changed)] if changed else []),
        (t._("Goals that moved"), moved),
        (t._("Goals not reached in {year}").format(year=ended) if ended else t._("Goals behind"), behind),
        (
            t._("Branches that have not reported for the quarter ending {day}").format(
                day=day(t, gaps.quarter.ends)
            ),
            silent,
        ),
        (
            # none: the line says so, not a heading "0 prompts posted" over it too
            t.ngettext("{count} prompt posted", "{count} prompts posted", len(follow_up.posted)).format(
                count=len(follow_up.posted)
            )
            if follow_up.posted
            else t._("Prompts posted"),
            posted,
        ),
        *coming,
    ]


def first_line(text: str, limit: int = 80) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"


def follow_up_card(
    t: Translator, follow_up: FollowUp, *, url: str | None, minutes: int, until: str, note: str | None = None
) -> Reply:
    """The follow-up as a card, with a link to the same as a Word document (or a `note` where there is
    none)."""
    heading_text = title(t, follow_up)
    body = [heading(heading_text, size="Large")]
    lines = [heading_text]
    for name, rows in sections(t, follow_up):
        shown = rows[:CARD_LINES]
        if len(rows) > CARD_LINES and (url is not None or note is not None):  # a document to ask for
            shown.append(t._("… and {count} more in the document").format(count=len(rows) - CARD_LINES))
        elif len(rows) > CARD_LINES:  # no documents in this deployment: where the rest is written out
            shown.append(
                t._("… and {count} more: an administrator writes them all out with: {command}").format(
                    count=len(rows) - CARD_LINES, command="python -m bot followup --out uppfoljning.docx"
                )
            )
        body += [heading(name), paragraph("\n\n".join(shown))]
        lines += ["", name, *shown]
    actions = []
    if url is not None:
        note = t._(
            "The document's link works for {minutes} minutes, until {time}. Anyone who has it can download "
            "the file: do not pass it on."
        ).format(minutes=minutes, time=until)
        body.append(paragraph(note, subtle=True))
        lines += ["", url, note]
        actions.append({"type": "Action.OpenUrl", "title": t._("Download as Word"), "url": url})
    elif note is not None:
        body.append(paragraph(note, subtle=True))
        lines += ["", note]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text, actions=actions))
