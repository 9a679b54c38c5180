"""Goal commands: list, one goal, search."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace

from bot.cards import Reply, listed
from bot.cards import goals as cards
from bot.commands import plans
from bot.commands.router import Context, Request, Router
from bot.i18n import COURTESY, N_, fold, someone_named, translator, without_genitive, without_symbols
from bot.services.checkins import report_in
from bot.services.goals import Goal, Plan, goal_number
from bot.services.people import Role, allows, reports
from bot.services.plan_corrections import Correction, Field
from bot.services.progress import WhoAnswers


def register(router: Router) -> None:
    @router.command(
        "mål",
        "goals",
        "goal",
        "#",  # "#6", as the lists number goals: the language of neither
        usage=N_("goals [number]"),
        summary=N_("the plan's goals, or one goal in full"),
    )
    async def goals(request: Request, context: Context) -> Reply:
        """The plan's goals by section; with a number, that goal in full; with words, a search."""
        number = goal_number(request.args)
        correction = None if number is not None else plans.correction_in(request)
        # a member's "mål 6 mål 7" asks for two goals; the board's may be that or a new target for goal 6
        board = allows(request.roles, Role.BOARD)
        listing = not board and len(_named_goals(request.args)) > 1
        bare = _BARE_TARGET.fullmatch(request.args) if board and correction is not None else None
        if bare is not None:
            return _which_meant(request, int(bare["goal"]), int(bare["other"]))
        if correction is not None and not listing and not _asks_about(request, correction):
            return await plans.correct(request, context, correction)
        word, _, after = request.args.partition(" ")
        said = goal_number(word) if number is None and after and not word[:1].isdigit() else None
        if said is not None and set(fold(after).split()) <= _ABOUT_A_GOAL:  # "goal six progress"
            request = replace(request, args=f"{said} {after}")
        # "mål 6 och 7", "mål sex och sju"; "mål 6 ansvarig" names one
        listed = _named_goals(request.args)
        numbers = listed or (_WHOLE.findall(request.args) if re.match(r"\d", request.args) else [])
        reporter = reports(request.roles)
        reported = report_in(request.text, context.progress.today(context.now)) if reporter else None
        # "6 och 7", "6 mål 7": goals; "4 2" may be a value
        joined = listed and re.search(rf"{_AND}|\b(?:mål|goals?)\b", request.args, re.IGNORECASE)
        if number is None and numbers and reported is not None and not joined:
            return _report_meant(request, router, reported)  # "mål 4: 2 möten", not goals 4 and 2
        if number is None and numbers:  # "mål 6 ansvarig", "mål 6 på engelska"
            if len(numbers) > 1:  # "mål 6 och 7", "mål 6-8": one card shows one goal
                t = request.t
                return Reply(
                    t._("One goal at a time: write {first}, then {second}.").format(
                        first=t._("goals {number}").format(number=numbers[0]),
                        second=t._("goals {number}").format(number=numbers[1]),
                    )
                )
            number = int(numbers[0])
            asked = next((_LANGUAGES[w] for w in fold(request.args).split() if w in _LANGUAGES), None)
            request = replace(request, t=translator(asked)) if asked else request
        if number is not None:
            return await _goal(request, context, number)
        lead, _, about = _searched(request.args).partition(" ")
        if fold(lead) in _WHO and _searched(about):  # "mål ansvarig facebook": who answers for those goals
            return await _who_answers(request, context, _searched(about))
        of = request.args.split(maxsplit=1)
        if len(of) == 2 and fold(of[0]) in _OF and someone_named(_searched(of[1])):
            # "mål för Kim", "goals of Kim": whose goals, if a person's, a branch's or the board's; else words
            # of the goals ("mål för medlemmar")
            return await _who_answers(request, context, "@" + _searched(of[1]).lstrip("@"), search=True)
        plan = await asyncio.to_thread(context.progress.plan, request.district)
        if plan is None or not plan.goals:
            return _no_plan(request)
        if not without_symbols(request.args):  # "mål", "mål 📋"
            return cards.goal_list(request.t, plan)
        words = _searched(request.args)
        found = plan.search(words) if words else []
        if not found and reported is not None:  # "mål vi hade 3 möten": a chair reporting, not searching
            return _report_meant(request, router, reported)
        if not found and someone_named(words):  # "mål Kim Berg": no goal's word, but perhaps whose goals
            whose = await asyncio.to_thread(context.progress.who_answers, request.district, "@" + words)
            if not whose.nobody:
                return _answered(request, whose, "@" + words)
        return _results(request, words, found)

    @router.command(
        "sök", "search", "find", usage=N_("search WORD"), summary=N_("find goals that mention a word")
    )
    async def search(request: Request, context: Context) -> Reply:
        """Goals that mention every word given, forgiving case and å/ä/ö."""
        if not request.args:
            return Reply(request.t._("Write a word to search for, e.g. \u201csearch facebook\u201d."))
        plan = await asyncio.to_thread(context.progress.plan, request.district)
        if plan is None or not plan.goals:
            return _no_plan(request)
        words = _searched(request.args)
        return _results(request, words, plan.search(words) if words else [])


# What joins goals' numbers in a list of them: "6 och 7", "6,7", "6-8", "6/7", "6 eller 7".
_AND = r"(?:,|;|&|-|–|/|\+|\b(?:och|and|eller|or|samt|resp)\b)"
# Words after a goal's number written as a word that ask for nothing but the goal ("mål sex framsteg",
# "goal six in english"), folded: anything else is a search ("mål ett möte").
_ABOUT_A_GOAL = frozenset(
    (
        *("framsteg", "status", "ansvarig", "ansvariga", "detaljer", "pa", "engelska", "svenska", "tack"),
        *("progress", "responsible", "details", "in", "english", "swedish", "please", "thanks"),
    )
)
# Whole numbers in what follows `mål`: "mål 3.1" names no goal 3 and goal 1, but "mål 6,7" is goals 6 and 7
# (no goal has a decimal comma).
_WHOLE = re.compile(r"(?<![.\d])\d+(?!\.?\d)")


def _named_goals(args: str) -> list[str]:
    """The goals a list of their numbers in words names ("sex och sju", "six and seven"), as digits; none
    unless every part of it is a goal's number ("ett möte" is a search)."""
    parts = [p for p in re.split(rf"\s*{_AND}\s*|\s+", args.strip(), flags=re.IGNORECASE) if p]
    while parts and fold(parts[-1]) in COURTESY:  # "sex och sju tack"
        parts.pop()
    if parts and fold(parts[0]) in ("nr", "nummer", "no", "number"):  # "mål nr 6 och 7"
        parts.pop(0)
    parts = [p for p in parts if fold(p) not in ("mal", "goal", "goals")]  # "mål 6 och mål 7"
    numbers = [goal_number(part) for part in parts]
    if len(numbers) < 2 or None in numbers:
        return []
    return [str(number) for number in numbers]


# "6 mål 7": goals 6 and 7, or goal 6's target made 7 (the bot's own examples say "mål 6 mål 7 per år").
_BARE_TARGET = re.compile(r"\s*(?P<goal>\d{1,3})\s+(?:mål|goal)\s+(?P<other>\d{1,3})\s*[?.!]*", re.IGNORECASE)


def _which_meant(request: Request, first: int, second: int) -> Reply:
    """The board's "mål 6 mål 7": asked which it means, the plan unchanged."""
    t = request.t
    goal = t._("goals {number}")
    return Reply(
        t._(
            "Goals {first} and {second}, or a new target for goal {first}? Nothing was changed. To see them, "
            "write {see_first}, then {see_second}; to make goal {first}'s target {second} a year, write: "
            "{correct}"
        ).format(
            first=first,
            second=second,
            see_first=goal.format(number=first),
            see_second=goal.format(number=second),
            correct=t._("goal {number} target {value} per year").format(number=first, value=second),
        )
    )


# "mål 6 på engelska": the goal in the language named.
_LANGUAGES = {"engelska": "en", "english": "en", "svenska": "sv", "swedish": "sv"}


# A search for who is responsible ("vem ansvarar för facebook?" reads as "mål ansvarig facebook"), folded.
_WHO = frozenset(("ansvarig", "ansvariga", "responsible"))


# "mål för Kim", "goals of Kim": whose goals, folded.
_OF = frozenset(("for", "of", "till"))


# Several people named at once: "Anna och Kim", "Anna, Kim & Lee".
_SEVERAL = re.compile(r"\s*(?:,|&|\+|/|\boch\b|\band\b|\bsamt\b)\s*", re.IGNORECASE)


async def _who_answers(request: Request, context: Context, words: str, *, search: bool = False) -> Reply:
    answer = await asyncio.to_thread(context.progress.who_answers, request.district, words, search=search)
    return _answered(request, answer, words, search=search)


def _answered(request: Request, answer: WhoAnswers, words: str, *, search: bool = False) -> Reply:
    if answer.plan is None or not answer.plan.goals:
        return _no_plan(request)
    t = request.t
    name = words.lstrip("@")  # "@Kim": a person (or a branch) is meant
    if answer.unowned:  # "vilka mål har ingen ansvarig?"
        return cards.unowned_goals(t, answer.found)
    if answer.board:  # "styrelsens mål": the goals the plan gives the board
        return cards.person_goals(t, answer.plan, t._("The board"), answer.found, answer.named, ())
    if answer.branches:  # "vad gör partiföreningarna?": the goals every branch does
        count = len(answer.found)
        title = t.ngettext(
            "Every branch does {count} goal of the plan", "Every branch does {count} goals of the plan", count
        ).format(count=count)
        branches = t._("The branches")
        return cards.person_goals(t, answer.plan, branches, answer.found, answer.named, (), title=title)
    if answer.namesakes and answer.branch is not None:  # "vad ansvarar Lund för?": Eva Lund, or the branch
        command = t._("goals responsible {name}")
        return Reply(
            t._("\u201c{name}\u201d is {people} and a branch: write {commands}.").format(
                name=name,
                people=listed(t, answer.namesakes, either=True),
                commands=listed(
                    t,
                    [
                        *(command.format(name=person) for person in answer.namesakes),
                        t._("goals responsible the {branch} branch").format(branch=answer.branch),
                    ],
                    either=True,
                ),
            )
        )
    if answer.namesakes:  # "vad ansvarar Anna för?" with two Annas: which one
        command = t._("goals responsible {name}")
        return Reply(
            t._("{count} people are called {name}: write {commands}.").format(
                count=len(answer.namesakes),
                name=name,
                commands=listed(t, [command.format(name=name) for name in answer.namesakes], either=True),
            )
        )
    if answer.person is not None:  # "vad ansvarar Kim för?": the goals Kim answers for
        return cards.person_goals(t, answer.plan, answer.person, answer.found, answer.named, answer.chairs)
    if answer.branch is not None:  # "vad ansvarar Sundsvall för?": a branch's share of the plan
        return cards.branch_goals(t, answer.branch, answer.found, answer.every, answer.branch_chairs)
    several = [without_genitive(part) for part in _SEVERAL.split(name) if part]  # "Kims och Annas mål"
    if answer.nobody and len(several) > 1:  # "vilka mål har Anna och Kim?": one card shows one person's
        command = t._("goals responsible {name}")
        return Reply(
            t._("One person at a time: write {commands}.").format(
                commands=listed(t, [command.format(name=part) for part in several])
            )
        )
    if answer.nobody and search and answer.found:  # "mål för medlemmar": the goals that mention it
        return _results(request, name, answer.found)
    if answer.nobody and search:  # "mål för Pelle": no one, no branch, no goal's word
        return Reply(
            t._(
                "No goal mentions \u201c{name}\u201d, and nobody here is called so, nor any branch. For a "
                "person's goals write the name as roles shows it, e.g. {example}; to see every goal, write "
                "{goals}."
            ).format(
                name=name,
                example=t._("goals responsible {name}").format(name=t._("FIRSTNAME")),
                goals=t._("goals"),
            )
        )
    if answer.nobody:  # "Pelles mål": no one (and no branch) is called so
        return Reply(
            t._(
                "Nobody here is called \u201c{name}\u201d, and no branch is either. Write the name as roles "
                "shows it, e.g. {example} (write roles to see everyone)."
            ).format(name=name, example=t._("goals responsible {name}").format(name=t._("FIRSTNAME")))
        )
    return cards.search_results(t, words, answer.found, named=answer.named)


def _asks_about(request: Request, correction: Correction) -> bool:
    """Whether words that read as a correction are a member asking about the goal: "mål 6 engelska", "mål 6
    text" change nothing (no value); only the board corrects the plan, and its words stay corrections."""
    board = allows(request.roles, Role.BOARD)
    return not board and not correction.value and correction.field is not Field.RETIRE


async def _goal(request: Request, context: Context, number: int) -> Reply:
    board = allows(request.roles, Role.BOARD)
    answer = await asyncio.to_thread(
        context.progress.goal_answer,
        request.district,
        number,
        now=context.now,
        changes=board,
        reader=request.user if {Role.CHAIR, Role.DEPUTY} & request.roles else None,  # their branch's figure
    )
    plan = answer.plan
    if plan is None or not plan.goals:
        return _no_plan(request)
    if answer.found is None:
        return Reply(
            request.t._(
                "There is no goal {number}. The plan has goals 1\u2013{last}; write goals to see them."
            ).format(number=number, last=len(plan.goals))
        )
    return cards.goal_detail(
        request.t,
        plan,
        answer.found,
        today=context.progress.today(context.now),
        posts=answer.posts,
        all_reports=_all_reports(request, plan, number, branches=len(answer.found.own)),
    )


def _all_reports(request: Request, plan: Plan, number: int, *, branches: int) -> str | None:
    """Where the reader may see every report of the goal: the board exports them all, a chair (or deputy)
    lists the branch's (a chair of several `branches`, theirs); a member has the figures above."""
    t = request.t
    if allows(request.roles, Role.BOARD):
        return t._("all of them: {command}").format(
            command=t._("export {period} goal {number}")
            .format(period=plan.year or "", number=number)
            .replace("  ", " ")
        )
    goal = plan.goal(number)
    if allows(request.roles, Role.CHAIR) and goal is not None and goal.applies_to_branches:
        mine = t._("your branches': {command}") if branches > 1 else t._("your branch's: {command}")
        return mine.format(command=t._("my reports goal {number}").format(number=number))
    return None


# Words between `sök` and what is searched for.
_ABOUT = frozenset(("efter", "pa", "om", "for", "about", "on"))


def _report_meant(request: Request, router: Router, reported: str) -> Reply:
    suggestion = f"{router.command_word(request.t, 'report')} {reported}"
    return Reply(request.t._("Did you mean {suggestion}? Nothing was stored.").format(suggestion=suggestion))


def _searched(args: str) -> str:
    """The words searched for, as written but without emoji, quotes, the question's mark or a leading
    "efter"/"for" ("sök "sociala medier"", "sök efter facebook", "sök klimat?")."""
    quotes = " \"'\u201c\u201d\u00ab\u00bb"
    words = without_symbols(args).rstrip("?!.").strip(quotes)
    first, _, rest = words.partition(" ")
    return rest.strip(quotes) if rest and fold(first) in _ABOUT else words


def _results(request: Request, words: str, found: list[Goal]) -> Reply:
    if not words:
        return Reply(request.t._("Write a word to search for, e.g. \u201csearch facebook\u201d."))
    return cards.search_results(request.t, words, found)


def _no_plan(request: Request) -> Reply:
    return Reply(
        request.t._(
            "{district} has no plan loaded yet. A board member sends it to me as a file (PDF, Word or "
            "text) in a personal chat, or an administrator imports it on the server: "
            'python -m bot plan import FILE --district "{district}"'
        ).format(district=request.district)
    )
