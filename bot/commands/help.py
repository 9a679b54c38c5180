"""Help that fits the person: `hjälp` lists what this person can do (a member's commands, a chair's, the
board's, an administrator's), each with an example; `hjälp rapportera` explains one command. Built from the
routes, so it never drifts from the real commands."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.cards import Reply, card, facts, heading, paragraph
from bot.cards import goals as goal_cards
from bot.commands.checkins import REPORT_USAGE, desk, example_line, example_report
from bot.commands.router import Context, Request, Route, Router
from bot.i18n import LANGUAGES, N_, Translator, fold, status_word, translator
from bot.services.people import Role, allows, short_name


@dataclass(frozen=True)
class Guide:
    """What help says about one command, beyond its usage and summary: examples and a fuller account."""

    examples: tuple[str, ...]  # msgids: whole commands as someone would write them
    details: str  # msgid
    audience: Role | None = None  # whom the list shows it to, when not the route's role
    who: str | None = None  # msgid: who may use it, when the handler narrows the route's role


# By the route's English command word (the first word of its usage).
GUIDES: dict[str, Guide] = {
    "goals": Guide(
        (N_("goals 6"), N_("goals")),
        N_(
            "Without a number: every goal of the plan, by section. With a number: that goal in full, who is "
            "responsible for it and how far it has come."
        ),
    ),
    "search": Guide(
        (N_("search members"),),
        N_("Finds the goals whose text mentions the word, in any form of it."),
    ),
    "status": Guide(
        (N_("status Sundsvall"), N_("status")),
        N_(
            "How far the plan has come this year and whether each goal is on pace: for the district, or for "
            "one branch. What its words mean: help behind, help on pace."
        ),
    ),
    "roles": Guide(
        (N_("roles"), N_("roles Sundsvall")),
        N_("Who is on the board, who chairs each branch and who are their deputies; or one branch's."),
    ),
    "my": Guide(
        (N_("my reports"), N_("my goals")),
        N_(
            "Your own reports, with their numbers (to correct or withdraw one), or the goals you are "
            "responsible for."
        ),
    ),
    "my data": Guide(
        (N_("my data"),),
        N_("Everything I store about you, and a link to download it. Only in our personal chat."),
    ),
    "forget": Guide(
        (N_("forget me"),),
        N_("Erases everything I store about you. I ask first; reports you made stay, without your name."),
    ),
    "district": Guide(
        (N_("district"),),
        N_("Which district I answer about here. If you belong to several, choose one in our personal chat."),
    ),
    "language": Guide(
        (N_("language english"), N_("language swedish")),
        N_(
            "The language I write to you in, replies and reminders alike. Without a choice I follow your "
            "Teams. A command written in one language is always answered in it."
        ),
    ),
    "help": Guide(
        (N_("help"), N_("help report")),
        N_("What you can do, or more about one command."),
    ),
    "report": Guide(
        (N_("report 6 1 open meeting in Sundsvall"), N_("report 5 done")),
        N_(
            "Reports progress on a goal: its number, what was done (a count, a figure or done) and a comment "
            "if you like. Chairs report for their branch; whoever is responsible for a district goal reports "
            "it. Without anything after it, I ask one question at a time."
        ),
        Role.CHAIR,
    ),
    "correct": Guide(
        (N_("correct 12 2 two meetings"),),
        N_("Changes one of your reports: its number (see my reports), the right value and a comment."),
        Role.CHAIR,
    ),
    "withdraw": Guide(
        (N_("withdraw 12"),),
        N_("Withdraws one of your reports; it no longer counts, but is kept for the record."),
        Role.CHAIR,
    ),
    "responsible": Guide(
        (N_("responsible 6 @name"),),
        N_("Names who is responsible for a district goal; they may report on it."),
    ),
    "export": Guide(
        (N_("export 2026"), N_("export 2026-Q2 Sundsvall")),
        N_(
            "The reports as a spreadsheet (CSV) to download: for a year, a quarter or a month, a branch or "
            "a goal."
        ),
    ),
    "schedule": Guide(
        (N_("schedule 1 and 15 at 18"),),
        N_(
            "When discussion prompts go up in this channel; written in the channel itself. Without a rule: "
            "the schedule as it stands."
        ),
    ),
    "upcoming": Guide(
        (N_("upcoming"),),
        N_("The coming discussion prompts, whose turn each is and whether a text is written."),
    ),
    "swap": Guide(
        (N_("swap 3 4"), N_("swap with @name")),
        N_("Two board members trade turns: two prompts' numbers, or your next turn and someone's next."),
    ),
    "assign": Guide(
        (N_("assign 3 @name"), N_("assign 3 to me")),
        N_(
            "Gives one discussion prompt to someone else, or takes it yourself; also in your own words, "
            "such as: I'll take Adele's turn on 15 December. Whoever's turn it was is told."
        ),
    ),
    "skip": Guide((N_("skip 3"),), N_("Nothing is posted that time.")),
    "move": Guide(
        (N_("move 3"),),
        N_("A prompt's day follows the schedule: to move one, swap or skip it, or change the schedule."),
    ),
    "pause": Guide(
        (N_("pause 2027-06-15 2027-08-15"),),
        N_("No discussion prompts between two dates, both included, such as over the summer."),
    ),
    "write": Guide(
        (N_("write 3 What should the region do about public transport?"), N_("erase 3")),
        N_(
            "Writes the text of a discussion prompt, on anyone's turn; it is signed with your name only. "
            "Writing again replaces it. erase 3 takes a text off (a colleague who wrote it is sent it); "
            "without a text a prompt from the bank is posted. Instead of a number, my text is the next "
            "prompt with your text: erase my text."
        ),
    ),
    "approve": Guide((N_("approve 3"),), N_("Approves a text another board member wrote.")),
    "approval": Guide(
        (N_("approval on"),),
        N_("Whether a text needs another board member's approval before it is posted."),
    ),
    "history": Guide((N_("history"),), N_("The discussion prompts so far, and how each went.")),
    "preview": Guide((N_("preview 3"),), N_("Shows a discussion prompt as it will look in the channel.")),
    "post": Guide(
        (N_("post"), N_("post 3")),
        N_("Posts the next discussion prompt (or the one named) now instead of at its time."),
    ),
    "bank": Guide(
        (N_("bank"), N_("bank add feminism: How do we reach more young people?")),
        N_("The bank of ready discussion prompts I use when nobody wrote one in time."),
    ),
    "role": Guide(
        (N_("role board @name"), N_("role chair @name Sundsvall")),
        N_("Gives a role, or takes it away with: role remove board @name."),
    ),
    "link": Guide((N_("link Västernorrland"),), N_("Links this team (or group chat) to its district.")),
    "resume": Guide(
        (N_("resume"),),
        N_("Lifts the pause in force, or the next one, so that discussion prompts are posted as scheduled."),
    ),
    "deputy": Guide(
        (N_("deputy @name"), N_("deputy remove @name")),
        N_(
            "Names someone who reports for your branch, such as when you are away; remove takes it back. If "
            "you chair several branches, name the branch after the person."
        ),
        who=N_("A branch's chairs, for their own branch (an administrator with: role deputy @name BRANCH)"),
    ),
    "branches": Guide(
        (N_("branches"), N_("branches add Ånge"), N_("branches merge Ånge into Sundsvall")),
        N_(
            "The district's branches and who chairs each. The board adds, renames, merges and removes them; "
            "a branch's reports go with it when it is renamed or merged."
        ),
    ),
    "follow-up": Guide(
        (N_("follow-up"), N_("follow-up since 12/3")),
        N_(
            "For the board meeting: new reports, branches that have not reported and the discussion prompts "
            "since the last follow-up, or since a day. In our personal chat also as a Word document."
        ),
    ),
    "annual": Guide(
        (N_("annual report 2027"),),
        N_(
            "A draft of the year's annual report on the plan, as a Word document: the results of every goal, "
            "the reporters' comments and room for the board's own words. Only in our personal chat."
        ),
    ),
    "dashboard": Guide(
        (N_("dashboard"),),
        N_(
            "A link to the plan's dashboard: every goal against its target, each branch's reports and the "
            "discussion prompts posted. Only in our personal chat, and the link expires after a while."
        ),
    ),
    "plan": Guide(
        (N_("plan"), N_("plan import"), N_("plan cancel")),
        N_(
            "Send me the plan as a file in our personal chat: I read it and show you its goals. Correct what "
            "I read wrong, then import it, or cancel."
        ),
    ),
    "areas": Guide(
        (N_("areas Health, Housing, Climate"), N_("areas Vården = Health services")),
        N_(
            "Names the priority areas of the plan you are reviewing, before you import it. After an equals "
            "sign, an area's name in English replies; a goal's unit in English is set with: goal 6 english "
            "members' meetings"
        ),
    ),
    "snooze": Guide(
        (N_("snooze until next week"), N_("snooze off")),
        N_(
            "No reminders to you before that day, for at most a year. Snooze off brings them back; without a "
            "day I say whether you are snoozing."
        ),
    ),
    "escalate": Guide(
        (N_("escalate on"), N_("escalate off")),
        N_(
            "When on, a branch that has not reported a week after its chair's reminder is named to the "
            "board, and the chair is not reminded again. Without on or off: how it is set now."
        ),
    ),
}

# The sections of the list, most rights first, and their headings.
SECTIONS = (
    (Role.ADMIN, N_("For administrators")),
    (Role.BOARD, N_("For the board")),
    (Role.CHAIR, N_("For branch chairs")),
    (Role.MEMBER, N_("For everyone")),
)
# Lines of a card that fit one screen of Teams: the title, a line per command with its example or per section
# shown by its words alone, and the footer.
SCREEN_LINES = 26


def guide_of(route: Route) -> Guide | None:
    return GUIDES.get(route.usage) or GUIDES.get(route.usage.split()[0])


def audience(route: Route) -> Role:
    guide = guide_of(route)
    return guide.audience if guide is not None and guide.audience is not None else route.role


def register(router: Router) -> None:
    @router.command(
        "hjälp",
        "kommandon",
        "help",
        "commands",
        "?",
        usage=N_("help [COMMAND]"),
        summary=N_("this list"),
        scoped=False,
    )
    async def help_(request: Request, context: Context) -> Reply:
        """What this person can do, by role; or, with a command after it, that command explained."""
        route = _topic(router, request.args)
        guide = guide_of(route) if route is not None else None
        tailored = bool(guide and (_TAILORED | _CHECK_IN_COMMANDS) & set(guide.examples))
        shown = route is None or route.usage == REPORT_USAGE or tailored
        written = await _written(request, context) if shown else {}  # the district's, only where shown
        if route is not None:
            return explain(request.t, route, written)
        word = status_word(request.args)
        if word is not None:  # "hjälp efter": a word the cards show, not a command
            return goal_cards.status_meaning(request.t, word)
        roles = set(request.roles)
        note = _no_such_topic(router, request) if request.args else None
        return overview(request.t, [r for r in router.routes if allows(roles, r.role)], roles, written, note)


def _topic(router: Router, args: str) -> Route | None:
    """The command `hjälp …` asks about, by its longest name in either language: "mina data" is `mina
    data`, not `mina rapporter`; "annual report" and "verksamhetsberättelse" the year's report."""
    asked = fold(args)
    if not asked:  # "hjälp ?": "?" has no letters to fold
        return router.route_for(args.split()[0]) if args.strip() else None
    best: tuple[int, Route | None] = (0, None)
    for route in router.routes:
        names = {*(fold(word) for word in route.words), *(fold(name) for name in topic_names(route))}
        for name in names:
            if name and (asked == name or asked.startswith(name + " ")) and len(name) > best[0]:
                best = (len(name), route)
    return best[1] or router.route_for(args.split()[0].strip('!?.,:;"”“'))


def topic_names(route: Route) -> list[str]:
    """What a command is called in both languages: "my data", "mina data"."""
    return [command_words(translator(language)._(route.usage)) for language in LANGUAGES]


def _no_such_topic(router: Router, request: Request) -> str:
    """`hjälp X` where X is no command: said so (with the likely one), before the list."""
    t, word = request.t, request.args[:40]
    suggestion, _ = router.suggestion(request.args, t.language, request.roles)
    if suggestion:
        return t._("I have no command \u201c{word}\u201d. Did you mean {suggestion}?").format(
            word=word, suggestion=f"{router.command_word(t, 'help')} {command_words(suggestion)}"
        )
    return t._("I have no command \u201c{word}\u201d. These are the ones you can use:").format(word=word)


# The examples `_written` gives as the district has them (besides the report's).
_TAILORED = frozenset(
    (
        *("goals 6", "status Sundsvall", "role chair @name Sundsvall", "link Västernorrland"),
        *("annual report 2027", "roles Sundsvall"),
    )
)


async def _written(request: Request, context: Context) -> dict[str, str]:
    """What the examples that name a goal, a branch or a report show in this district, so that copied
    they answer: "mål 6" in a plan of four goals, "status Sundsvall" in Skåne and "rapportera 6 1" (a
    district goal a chair is refused) would not. Example msgid (or the report's usage) -> what to show."""
    t = request.t
    if not request.district:  # a team not linked yet: the districts it may be linked to
        names = await asyncio.to_thread(context.services.directory.district_names)
        return {"link Västernorrland": _link(t, names[0], names)} if names else {}
    answers = desk(context)
    found = await asyncio.to_thread(answers.help_examples, request.user, request.district, request.roles)
    written = {
        "status Sundsvall": f"status {found.branch}" if found.branch else "status",
        "link Västernorrland": _link(t, request.district, found.districts),
    }
    roles = t._("roles")  # without a branch to name, the example is the command alone (shown once)
    written["roles Sundsvall"] = f"{roles} {found.branch}" if found.branch else roles
    written["role chair @name Sundsvall"] = t._("role chair @name {branch}").format(
        branch=found.branch or t._("BRANCH")
    )
    if found.plan is not None and found.plan.example_number is not None:
        written["goals 6"] = t._("goals {number}").format(number=found.plan.example_number)
    if found.plan is not None and found.plan.year is not None:  # the only year it is written for
        written["annual report 2027"] = t._("annual report {year}").format(year=found.plan.year)
    report = example_line(t, found.plan, found.report)
    if report is not None:
        written[REPORT_USAGE] = report
    else:  # a report, correction or withdrawal of theirs would be refused: no example, but who may
        written[CANNOT_REPORT] = t._(
            "You cannot report on any goal of the plan: a branch's chair, or a deputy the chair names, "
            "reports the goals every branch has; the board and the people it names responsible report the "
            "district's."
        )
    latest, plan = found.latest, found.plan
    goal = plan.goal_by_id(latest.goal_id) if plan is not None and latest is not None else None
    if latest is not None and plan is not None and goal is not None:  # their own report's number
        written["correct 12 2 two meetings"] = example_report(t, goal, plan, correcting=latest.id)
        written["withdraw 12"] = t._("withdraw {id}").format(id=latest.id)
    else:  # no report of theirs: a number would name someone else's, or none
        written["correct 12 2 two meetings"] = t._("correct {id} {value}").format(
            id=t._("NUMBER"), value=t._("VALUE")
        )
        written["withdraw 12"] = t._("withdraw {id}").format(id=t._("NUMBER"))
    return written


# In `_written`: why someone may use none of the check-in commands (shown instead of their examples).
CANNOT_REPORT = "cannot report"
_CHECK_IN_COMMANDS = frozenset((REPORT_USAGE, "correct 12 2 two meetings", "withdraw 12"))


def _link(t: Translator, district: str, districts: Sequence[str]) -> str:
    return t._("link {district}").format(district=short_name(district, districts or [district]))


def overview(
    t: Translator,
    routes: list[Route],
    roles: set[Role],
    written: Mapping[str, str],
    note: str | None = None,
) -> Reply:
    """What this person can do, by section; `note` first (a topic asked about that is no command)."""
    title = t._("This is what I can do")
    by_section = {
        role: [route for route in routes if audience(route) is role]
        for role, _heading in SECTIONS
        if allows(roles, role)
    }
    body: list[dict[str, object]] = [heading(title)]
    lines = [title]
    present = [(role, section) for role, section in SECTIONS if by_section.get(role)]
    room = SCREEN_LINES - 2  # the title and the footer
    for index, (role, section) in enumerate(present):
        shown, name = by_section[role], t._(section)
        later = len(present) - index - 1  # the sections after this one take a line each at least
        if 1 + len(shown) <= room - later:  # most rights first: this person's own commands with examples
            rows = [(example(t, route, written), t._(route.summary)) for route in shown]
            room -= 1 + len(shown)
            body += [heading(name, size="Default"), facts(rows)]
            lines += ["", name, *(f"{command} \u2013 {summary}" for command, summary in rows)]
        else:  # no room left on the screen: the words alone, on one line
            words = ", ".join(dict.fromkeys(command_words(t._(route.usage)) for route in shown))
            room -= 1
            body.append(facts([(f"{name}:", words)]))
            lines += ["", f"{name}: {words}"]
    footer = t._(
        "More about one command: help COMMAND, e.g. help report. In a channel, @mention me first. "
        "I answer in the language you write in."
    )
    body.append(paragraph(footer, subtle=True))
    if note is not None:
        body.insert(0, paragraph(note))
        lines.insert(0, note)
    text = "\n".join([*lines, "", footer])
    return Reply(text, card(body, fallback=text), summary=note or title)


def command_words(usage: str) -> str:
    """The words of a usage before its first placeholder: "my reports | my goals" -> "my reports",
    "snooze until DATE" -> "snooze"."""
    words = []
    for word in usage.split():
        if word != word.lower() or any(mark in word for mark in "[|@<"):
            break
        words.append(word)
    while len(words) > 1 and words[-1] in _BEFORE_A_DATE:
        words.pop()
    return " ".join(words) or usage.split()[0]


# Words that lead to a usage's placeholder and name nothing: "snooze until DATE", "påminn mig inte före".
_BEFORE_A_DATE = frozenset(("until", "före", "since", "sedan"))


def title_of(t: Translator, route: Route) -> str:
    """A command's name as its reader writes it: "annual report", "verksamhetsberättelse", "my reports ·
    my goals" (each form a usage offers by name)."""
    usage = t._(route.usage)
    forms = usage.split(" | ") if "[" not in usage else [usage]
    return " \u00b7 ".join(dict.fromkeys(command_words(form) for form in forms))


def examples(t: Translator, route: Route, written: Mapping[str, str]) -> list[str]:
    """The route's examples, as `written` has them for this district (the report's: the reader's own)."""
    if route.usage in written:
        return [written[route.usage]]
    guide = guide_of(route)
    if guide is None:
        return [t._(route.usage)]
    return list(dict.fromkeys(written.get(each) or t._(each) for each in guide.examples))  # once each


def example(t: Translator, route: Route, written: Mapping[str, str]) -> str:
    return examples(t, route, written)[0]


def explain(t: Translator, route: Route, written: Mapping[str, str]) -> Reply:
    """One command: how to write it, what it does, examples, and who may use it."""
    guide = guide_of(route)
    usage = t._(route.usage)
    rows = [(t._("Write"), usage)]
    cannot = written.get(CANNOT_REPORT)
    check_in = guide is not None and bool(_CHECK_IN_COMMANDS & {route.usage, *guide.examples})
    if cannot is not None and check_in:
        rows.append((t._("Note"), cannot))
    elif guide is not None:
        rows += [(t._("For example"), each) for each in examples(t, route, written)]
    who = {
        Role.MEMBER: t._("Everyone"),
        Role.CHAIR: t._("Branch chairs, the board and administrators"),
        Role.BOARD: t._("The board and administrators"),
        Role.ADMIN: t._("Administrators"),
    }[audience(route)]
    if check_in:  # deputies and the people responsible for a goal report too
        who = t._(
            "Branch chairs and their deputies, the people responsible for a goal, the board and "
            "administrators"
        )
    if guide is not None and guide.who is not None:
        who = t._(guide.who)
    rows.append((t._("Who"), who))
    about = t._(guide.details) if guide is not None else t._(route.summary)
    title = title_of(t, route)
    text = "\n".join([title, about, "", *(f"{key}: {value}" for key, value in rows)])
    return Reply(text, card([heading(title), paragraph(about), facts(rows)], fallback=text), summary=about)
