"""The dashboard: one HTML page with its charts drawn by the server as inline SVG, so the browser asks for
nothing else (no script, no font, no CDN; the Content-Security-Policy in bot/app.py forbids it too).

Every chart has its numbers as text beside it, in tables a screen reader reads row by row; the bars are
pictures of those numbers (aria-hidden). Colours are never the only sign: pace is written in words and
each grid cell says its figure. Sections are landmarks with headings, and a skip link leads to the goals.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape

from babel.dates import format_date

from bot.cards import day, number
from bot.cards.followup import figure
from bot.cards.goals import beyond_target, pace_word, plan_title
from bot.documents.annual import period_label, subject
from bot.i18n import Translator
from bot.services.followup import Dashboard, subject_of
from bot.services.goals import Goal
from bot.services.progress import GoalProgress, Measure, Pace, spans_of

# Colours with at least 4.5:1 against white for text, 3:1 for shapes (WCAG 2.1 AA).
PACE_COLOURS = {
    Pace.DONE: "#1b6e34",
    Pace.AHEAD: "#1b6e34",
    Pace.ON_PACE: "#1f5fa8",
    Pace.BEHIND: "#b3261e",
    Pace.NOT_REACHED: "#b3261e",
    Pace.NOT_MEASURED: "#5f6368",
    Pace.NO_READING: "#5f6368",
    Pace.NOT_BEGUN: "#5f6368",
}
BAR_WIDTH, BAR_HEIGHT = 240, 18

STYLE = """
:root { color-scheme: light; font-family: "Segoe UI", system-ui, sans-serif; color: #1f1f1f; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; line-height: 1.45; }
a { color: #1f5fa8; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; outline: 3px solid #1f5fa8; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.lead { color: #444; margin-top: 0; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
caption { text-align: left; color: #444; padding: .2rem 0; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #e3e3e3; vertical-align: middle; }
th { font-weight: 600; background: #f5f5f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.goaltext { max-width: 26rem; }
.pace { font-weight: 600; white-space: nowrap; }
.cell { display: inline-block; min-width: 3.2rem; padding: .1rem .3rem; border-radius: 3px;
  text-align: center; }
.met { background: #d7eedc; color: #0e4a20; }
.part { background: #fdf0c8; color: #5c4200; }
.none { background: #f0f0f0; color: #444; }
.legend span { margin-right: 1rem; }
details { margin: .3rem 0 1rem; }
summary { cursor: pointer; color: #1f5fa8; }
:focus-visible { outline: 3px solid #1f5fa8; outline-offset: 2px; }
.scroll { overflow-x: auto; }
"""


def render(t: Translator, board: Dashboard, *, until: str | None) -> str:
    """The whole page, in the language of who asked; `until`: when its link stops working (None: shown in
    the Teams tab, signed in, no link)."""
    plan = board.plan
    title = t._("Dashboard: {plan}").format(plan=plan_title(t, plan))
    parts = [
        "<!doctype html>",
        f'<html lang="{escape(t.language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        '<a class="skip" href="#goals">' + escape(t._("Skip to the goals")) + "</a>",
        f"<header><h1>{escape(title)}</h1>",
        '<p class="lead">'
        + escape(
            t._(
                "As status shows it on {day}. This link works until {time}; ask me again in chat for a "
                "new one."
            ).format(day=day(t, board.today), time=until)
            if until is not None
            else t._("As status shows it on {day}.").format(day=day(t, board.today))
        )
        + "</p></header><main>",
        _goals(t, board),
        _grid(t, board),
        _course(t, board),
        _prompts(t, board),
        "</main></body></html>",
    ]
    return "\n".join(parts)


def _section(anchor: str, heading: str, body: str) -> str:
    return (
        f'<section id="{anchor}" aria-labelledby="{anchor}-h"><h2 id="{anchor}-h" tabindex="-1">'
        f"{escape(heading)}</h2>{body}</section>"
    )


def _bar(fraction: float, expected: float | None, colour: str) -> str:
    """A bar of `fraction` with a mark where the goal should be by now (`expected`); a picture only."""
    filled = round(max(0.0, min(1.0, fraction)) * BAR_WIDTH)
    mark = ""
    if expected is not None:
        x = round(max(0.0, min(1.0, expected)) * BAR_WIDTH)
        mark = f'<line x1="{x}" x2="{x}" y1="0" y2="{BAR_HEIGHT}" stroke="#1f1f1f" stroke-width="2"/>'
    return (
        f'<svg width="{BAR_WIDTH}" height="{BAR_HEIGHT}" viewBox="0 0 {BAR_WIDTH} {BAR_HEIGHT}" '
        f'aria-hidden="true" focusable="false">'
        f'<rect width="{BAR_WIDTH}" height="{BAR_HEIGHT}" fill="#e8e8e8" rx="3"/>'
        f'<rect width="{filled}" height="{BAR_HEIGHT}" fill="{colour}" rx="3"/>{mark}</svg>'
    )


def expected_fraction(measure: Measure) -> float:
    """Where the goal should be by now, as a share of the way to its target."""
    if measure.baseline is not None:
        way = measure.wanted - measure.baseline
        return 0.0 if way == 0 else (measure.expected_by_now - measure.baseline) / way
    return 0.0 if measure.wanted <= 0 else measure.expected_by_now / measure.wanted


def expected_periods(goal: Goal, progress: GoalProgress) -> float:
    """Where the bar should be by now, in the figure's own measure: for a goal per period the share of the
    year's periods that should be met (those ended, and what of the current one is due), as the bar shows
    the periods met; else `expected_fraction` of the year."""
    period, kind = progress.period, goal.target.period
    if progress.periods_met is None or not progress.periods or period is None or kind is None:
        return expected_fraction(progress.year)
    left = sum(1 for _, ends in spans_of(kind, period.starts.year) if ends >= period.ends)
    due_now = period.expected_by_now / period.wanted if period.wanted > 0 else 0.0
    return (progress.periods - left + due_now) / progress.periods


def _goals(t: Translator, board: Dashboard) -> str:
    rows = []
    for standing in board.standings:
        goal, progress = standing.goal, standing.progress
        pace = progress.pace
        rows.append(
            f'<tr data-goal="{goal.number}"><th scope="row">{goal.number}</th>'
            f'<td class="goaltext">{escape(goal.text_in(t.language))}</td>'
            f"<td>{_bar(progress.fraction, expected_periods(goal, progress), PACE_COLOURS[pace])}</td>"
            f'<td class="num" data-figure>{escape(figure(t, goal, progress))}</td>'
            f'<td class="pace" style="color:{PACE_COLOURS[pace]}">{escape(pace_word(t, pace))}</td></tr>'
        )
    head = "".join(
        f'<th scope="col">{escape(h)}</th>'
        for h in (t._("Goal"), t._("Text"), t._("This year"), t._("Done"), t._("Pace"))
    )
    legend = escape(t._("The line across a bar marks where the goal should be by today."))
    table = (
        f'<div class="scroll"><table><caption class="legend">{legend}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return _section("goals", t._("Every goal against its target"), table)


def _cell(t: Translator, measure: Measure) -> str:
    css = "met" if measure.done >= measure.wanted else "part" if measure.done > 0 else "none"
    # "1 of 1 (3 reported)", as status and goal N tell a period's reports beyond its target
    text = t._("{done} of {wanted}").format(done=number(t, measure.done), wanted=number(t, measure.wanted))
    text += beyond_target(t, measure)
    return f'<td><span class="cell {css}">{escape(text)}</span></td>'


def _grid(t: Translator, board: Dashboard) -> str:
    goals = [s.goal for s in board.standings if s.goal.applies_to_branches]
    if not goals or not board.branches:
        none = t._("No goal is one every branch does, or the district has no branches yet.")
        body = f"<p>{escape(none)}</p>"
        return _section("branches", t._("Branches"), body)
    blocks = []
    for branch in board.branches:
        own = {s.goal.id: s.progress for s in board.branch_standings.get(branch.id, [])}
        lead = {g.id: _before(board, g, board.grid.get((g.id, branch.id), [])) for g in goals}
        periods = max((lead[g.id] + len(board.grid.get((g.id, branch.id), [])) for g in goals), default=0)
        rows = []
        for goal in goals:
            measures = board.grid.get((goal.id, branch.id), [])
            cells = (
                "<td></td>" * lead[goal.id]
                + "".join(_cell(t, m) for m in measures)
                + "<td></td>" * (periods - lead[goal.id] - len(measures))
            )
            year = own.get(goal.id)
            total = escape(figure(t, goal, year)) if year is not None else ""
            rows.append(
                f'<tr data-branch="{escape(branch.name)}" data-goal="{goal.number}"><th scope="row">'
                f"{escape(t._('Goal {number}').format(number=goal.number))}</th>{cells}"
                f'<td class="num">{total}</td></tr>'
            )
        labels = _period_labels(t, goals, board)
        head = (
            f'<th scope="col">{escape(t._("Goal"))}</th>'
            + "".join(f'<th scope="col">{escape(label)}</th>' for label in labels[:periods])
            + "".join("<td></td>" for _ in range(periods - len(labels[:periods])))
            + f'<th scope="col">{escape(t._("This year"))}</th>'
        )
        blocks.append(
            f'<h3>{escape(branch.name)}</h3><div class="scroll"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    met, begun, nothing = t._("met"), t._("begun"), t._("nothing reported")
    legend = (
        '<p class="legend">'
        f'<span class="cell met">{escape(met)}</span> '
        f'<span class="cell part">{escape(begun)}</span> '
        f'<span class="cell none">{escape(nothing)}</span></p>'
    )
    return _section(
        "branches", t._("Who reported what: branches, goals and periods"), legend + "".join(blocks)
    )


def _before(board: Dashboard, goal: Goal, measures: list[Measure]) -> int:
    """How many of the goal's periods passed before a branch's first (one added during the year): its
    cells start under the month it began."""
    if not measures or goal.target.period is None:
        return 0
    year = board.plan.year or board.today.year
    return sum(1 for _, ends in spans_of(goal.target.period, year) if ends < measures[0].starts)


def _period_labels(t: Translator, goals: list[Goal], board: Dashboard) -> list[str]:
    """The periods' names of the first goal that has the most of them (from a branch there all year)."""
    best: list[str] = []
    for goal in goals:
        for branch in board.branches:
            measures = board.grid.get((goal.id, branch.id), [])
            if len(measures) > len(best):
                best = [period_label(t, goal.target.period, m.starts) for m in measures]
    return best


def _course(t: Translator, board: Dashboard) -> str:
    if not board.course:
        not_begun = t._("The plan year has not begun.")
        return _section("course", t._("The year so far"), f"<p>{escape(not_begun)}</p>")
    width, height, left, bottom = 640, 220, 44, 28
    inner_w, inner_h = width - left - 12, height - bottom - 12
    year = board.course[0][0].year
    start, end = date(year, 1, 1), date(year, 12, 31)
    span = (end - start).days or 1

    def x(day_: date) -> float:
        return left + inner_w * (day_ - start).days / span

    def y(fraction: float) -> float:
        return 12 + inner_h * (1 - fraction)

    grid = "".join(
        f'<line x1="{left}" x2="{width - 12}" y1="{y(f):.1f}" y2="{y(f):.1f}" stroke="#ddd"/>'
        f'<text x="{left - 6}" y="{y(f) + 4:.1f}" text-anchor="end" font-size="11">{round(f * 100)} %</text>'
        for f in (0, 0.25, 0.5, 0.75, 1)
    )
    months = "".join(
        f'<text x="{x(date(year, m, 15)):.1f}" y="{height - 8}" text-anchor="middle" font-size="11">'
        f"{escape(format_date(date(year, m, 1), 'LLL', locale=t.language))}</text>"
        for m in range(1, 13)
    )
    points = " ".join(f"{x(d):.1f},{y(f):.1f}" for d, f in board.course)
    dots = "".join(f'<circle cx="{x(d):.1f}" cy="{y(f):.1f}" r="3" fill="#1f5fa8"/>' for d, f in board.course)
    summary = t._("The share of the plan done, from {first} % to {last} %.").format(
        first=round(board.course[0][1] * 100), last=round(board.course[-1][1] * 100)
    )
    svg = (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(summary)}">{grid}{months}'
        f'<polyline points="{points}" fill="none" stroke="#1f5fa8" stroke-width="2.5"/>{dots}</svg>'
    )
    rows = "".join(
        f'<tr><th scope="row">{escape(day(t, d))}</th><td class="num">{round(f * 100)} %</td></tr>'
        for d, f in board.course
    )
    same, day_heading, done = t._("The same as a table"), t._("Day"), t._("Done")
    table = (
        f"<details><summary>{escape(same)}</summary><table><thead><tr>"
        f'<th scope="col">{escape(day_heading)}</th><th scope="col">{escape(done)}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )
    intro = escape(
        t._(
            "How much of the plan was done by the end of each month: the mean of every goal's share, from "
            "the reports as they stand today."
        )
    )
    return _section("course", t._("The year so far"), f"<p>{intro}</p>{svg}{table}")


def _prompts(t: Translator, board: Dashboard) -> str:
    posted = board.posted
    count = len(posted)
    year = board.plan.year or board.today.year
    if board.today.year == year:
        lead = t.ngettext(
            "{count} discussion prompt posted this year.",
            "{count} discussion prompts posted this year.",
            count,
        ).format(count=count)
    else:  # the plan's year, read after it (or before it)
        lead = t.ngettext(
            "The bot posted {count} discussion prompt in {year}.",
            "The bot posted {count} discussion prompts in {year}.",
            count,
        ).format(count=count, year=year)
    if not posted:
        return _section("prompts", t._("Discussion prompts"), f"<p>{escape(lead)}</p>")
    by_month = Counter(p.sent_at.astimezone(board.zone).month for p in posted)
    width, height, bar = 640, 120, 40
    peak = max(by_month.values())
    bars = "".join(
        f'<rect x="{20 + (m - 1) * 50}" y="{90 - 70 * by_month[m] / peak:.1f}" width="{bar}" '
        f'height="{70 * by_month[m] / peak:.1f}" fill="#1f5fa8"/>'
        f'<text x="{40 + (m - 1) * 50}" y="110" text-anchor="middle" font-size="11">'
        f"{escape(format_date(date(year, m, 1), 'LLL', locale=t.language))}</text>"
        for m in range(1, 13)
        if by_month.get(m)
    )
    svg = (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-hidden="true" '
        f'focusable="false">{bars}</svg>'
    )
    rows = "".join(
        f"<tr><td>{escape(day(t, p.sent_at.astimezone(board.zone).date()))}</td>"
        f"<td>{escape(subject(t, subject_of(p)))}</td>"
        f"<td>{escape(p.text.strip().splitlines()[0][:120] if p.text.strip() else '')}</td></tr>"
        for p in reversed(posted)
    )
    table = (
        f'<div class="scroll"><table><thead><tr><th scope="col">{escape(t._("Posted"))}</th>'
        f'<th scope="col">{escape(t._("Subject"))}</th>'
        f'<th scope="col">{escape(t._("Prompt"))}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
    return _section("prompts", t._("Discussion prompts"), f"<p>{escape(lead)}</p>{svg}{table}")


def configure_page(t: Translator, *, base_url: str) -> str:
    """The channel tab's configuration page: Teams's Save button adds the tab page (bot/data/teams-js)."""
    title = t._("The plan's dashboard")
    text = t._(
        "Save to add the tab. It tells everyone in the channel how to open the dashboard: each person asks "
        "me for their own link in our personal chat."
    )
    return (
        f'<!doctype html><html lang="{escape(t.language)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style>"
        f'<script src="{escape(base_url)}/tab/teams.js"></script>'
        f'<script src="{escape(base_url)}/tab/configure.js" defer></script></head>'
        f'<body data-base="{escape(base_url)}" data-name="{escape(title)}"><main>'
        f"<h1>{escape(title)}</h1><p>{escape(text)}</p></main></body></html>"
    )


def tab_page(t: Translator) -> str:
    """What a Teams tab shows: how to get one's own link. A tab's address is the same for everyone who
    opens it, so it carries no credential and shows no district's data."""
    title = t._("The plan's dashboard")
    text = t._(
        "The dashboard shows a district's own figures, so it opens only from a personal link. Write "
        "dashboard to me (Distriktsboten) in our personal chat: I answer with a link for you, which works "
        "for a while and shows your district, your branch first if you chair one."
    )
    return (
        f'<!doctype html><html lang="{escape(t.language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body><main>"
        f"<h1>{escape(title)}</h1><p>{escape(text)}</p></main></body></html>"
    )


def sign_in_page(t: Translator, *, base_url: str) -> str:
    """The Teams tab where the bot has an app registration: it signs the user in (bot/data/teams-js/sso.js,
    bot/tab.py) and becomes their district's dashboard; until then, or if that fails, it says why."""
    title = t._("The plan's dashboard")
    refused = t._(
        "The dashboard is for the district's board and the branches' chairs. If you are one of them, ask an "
        "administrator to give you your role; then open the tab again."
    )
    failed = t._(
        "Teams could not sign you in here. Write dashboard to me (Distriktsboten) in our personal chat: I "
        "answer with a link of your own."
    )
    waiting = t._("Signing you in…")
    return (
        f'<!doctype html><html lang="{escape(t.language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style>"
        f'<script src="{escape(base_url)}/tab/teams.js"></script>'
        f'<script src="{escape(base_url)}/tab/sso.js" defer></script></head>'
        f'<body data-dashboard="{escape(base_url)}/tab/dashboard?locale={escape(t.language)}" '
        f'data-refused="{escape(refused)}" data-failed="{escape(failed)}"><main>'
        f'<h1>{escape(title)}</h1><p id="sso-status" role="status">{escape(waiting)}</p>'
        "</main></body></html>"
    )
