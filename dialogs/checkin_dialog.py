"""The check-in asked for one field at a time, where cards are not shown (the terminal chat).

Which goal, what value, when, a comment; then store and confirm. Every answer is read by the same rules as
the one-line form and the card (dialogs.checkin_entries), a wrong one is asked again with what was wrong,
and the last step stores as every check-in is stored (CheckInDesk.file). "avbryt" / "cancel" stops it.
Between messages the dialog is a `Waiting`: the step, the answers so far and the question to repeat, kept
as JSON (dialogs/host.py). It knows no SDK: it answers through the turn (bot/sdk.Turn) on either.
"""

from __future__ import annotations

import asyncio
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from bot.cards import Reply, listed
from bot.cards.checkin_form import Entries, branch_goals_first, value_hint
from bot.commands.checkins import REPORT_USAGE, answer_filed, desk, open_check_in, problem, refused
from bot.commands.help import command_words
from bot.commands.router import Context, Request, Route, refusal
from bot.i18n import CANCEL_WORDS, LANGUAGES, NO_WORDS, Translator, fold, only_symbols, social, translator
from bot.sdk import Message, Turn
from bot.services.branches import BranchName, find_branch
from bot.services.checkin_desk import Misread, Opened
from bot.services.checkins import CheckInDraft, CheckInError, parse_goal_number
from bot.services.goals import Goal, Plan, number_in
from bot.services.people import Role
from dialogs.checkin_entries import read_amount, read_entries, read_goal

# "No" (NO_WORDS) to a question that asks for a goal or a day is no answer but a no to going on; to the
# comment it is none, and to a goal done or not it is "not done" (read_amount reads it).
NO_COMMENT_WORDS = frozenset(NO_WORDS) | frozenset(
    {"inget", "ingen", "ingenting", "ingen kommentar", "inga kommentarer", "no comment", "none", "nothing"}
    | {"ok", "okej", "okay", "tack", "thanks", "ok tack", "nej det ar bra", "nej det racker"}
)
GOAL_LINE_LENGTH = 80  # the goal list in the first question: enough of each goal to recognise it

STEPS = ("goal", "branch", "value", "day", "comment")  # the branch only where it must be named

# Reads the answers so far (plan, answers, today) and raises CheckInError for the first thing wrong.
Reader = Callable[[Plan, Entries, date], object]


def _read_value(plan: Plan, entries: Entries, _today: date) -> object:
    return read_amount(entries.value, read_goal(plan, entries.goal).target, plan.area_names())


READERS: dict[str, Reader] = {
    "goal": lambda plan, entries, _today: read_goal(plan, entries.goal),
    "branch": lambda plan, entries, _today: read_goal(plan, entries.goal),  # the branch is read with who asks
    "value": _read_value,
    # The whole check-in so far (no comment yet): a date in the future or outside the plan's year fails.
    # The comment, the last answer, is read with the rest as the check-in is stored (_store).
    "day": lambda plan, entries, today: read_entries(plan, entries, today=today),
}


@dataclass(frozen=True)
class Waiting:
    """A dialog waiting for the answer to `step`; `again` is its question asked again after a mistake."""

    step: str
    again: str
    entries: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {"step": self.step, "again": self.again, "entries": dict(self.entries)}

    @staticmethod
    def from_json(data: object) -> Waiting | None:
        """None for anything but a state this dialog wrote (e.g. one an earlier version stored)."""
        if (
            not isinstance(data, dict)
            or data.get("step") not in STEPS
            or not isinstance(data.get("again"), str)
        ):
            return None
        entries = data.get("entries")
        known = {f for f in Entries.__dataclass_fields__ if f != "submission"}
        if not isinstance(entries, dict) or not all(
            key in known and isinstance(value, str) for key, value in entries.items()
        ):
            return None
        return Waiting(data["step"], data["again"], entries)


async def begin(turn: Turn, request: Request, context: Context) -> Waiting | None:
    """Ask for the goal; None if the sender cannot report (told why) and nothing waits."""
    opened = await open_check_in(request, context)
    if isinstance(opened, Reply):  # no plan, or not someone who reports: say so, ask nothing
        await turn.send(Message(opened.text))
        return None
    t = request.t
    lines = [t._("Which goal are you reporting on? Write its number, or cancel to stop.")]
    lines += [
        f"{goal.number}. {textwrap.shorten(goal.text_in(t.language), GOAL_LINE_LENGTH, placeholder=' …')}"
        for goal in branch_goals_first(opened.goals)
    ]
    return await _ask(turn, "goal", "\n".join(lines), t._("Which goal? Write its number."), Entries())


@dataclass(frozen=True)
class Aside:
    """A message to the dialog that is a command, not an answer: the router answers it, and `after` follows
    its answer. `ends`: the dialog ends first (a one-line report stands in for the one being asked for)."""

    after: str
    ends: bool = False
    set_aside: str = ""  # what `after` says when the answer's own question takes the dialog's place

    def follow(self, reply: Reply) -> Reply:
        """The router's answer with `after` below it. An answer that asks a question of its own ("1 or
        1 100?") takes the dialog's place, and says so; a new check-in begun (`rapportera`) starts afresh."""
        if reply.opens_check_in_dialog or reply.forgot_sender:  # `glöm mig bekräfta` erased the dialog too
            return reply
        after = self.set_aside if reply.waits is not None and not self.ends else self.after
        if reply.quiet:  # "👍" is answered by nothing, so only by the question again
            return Reply(after)
        return replace(reply, text=f"{reply.text}\n\n{after}")


def aside(request: Request, waiting: Waiting, command_in: Callable[[str], Route | None]) -> Aside | None:
    """The message as a command (or a greeting) the chair wrote mid-report ("status", "mål 6", "hjälp",
    "mina rapporter", "hej!"), not an answer: the chair means the command, and the report stays where it was
    (a one-line report replaces it). None: an answer to read. A goal's number (`mål 4`) answers "which goal";
    the comment may be anything, so there only a command as commands are written is one ("status", "ångra
    3", "mina rapporter"), not a sentence that begins with a command's word ("visa filmen")."""
    t, text, step = request.t, request.text, waiting.step
    said = fold(text)  # "Glöm det!" -> "glom det"
    if said in CANCEL_WORDS or said in NO_WORDS or (step == "comment" and said in NO_COMMENT_WORDS):
        return None  # answer() reads them
    if step == "goal" and _number(text) is not None:
        return None
    route = command_in(text)
    if route is None:
        return Aside(_still(t, waiting)) if social(text) is not None else None  # "hej!", "tack"
    if step == "comment" and not _written_as_command(route, said):
        return None
    left = t._("The report I was asking you about is set aside; nothing of it was stored.")
    if route.usage == REPORT_USAGE and len(said.split()) > 1:
        return Aside(left, ends=True)
    return Aside(_still(t, waiting), set_aside=left)


def _still(t: Translator, waiting: Waiting) -> str:
    return t._("Your report is not finished: {question} Or write cancel to stop it.").format(
        question=waiting.again
    )


def _written_as_command(route: Route, said: str) -> bool:
    """Whether a comment is a command as written alone: its word alone ("status"), with a number after it
    ("ångra 3", "mål 6") or a whole command of the route's own words ("mina rapporter", "my goals")."""
    words = said.split()
    if len(words) == 1 or (len(words) > 1 and number_in(words[1]) is not None):
        return True
    forms = {
        fold(command_words(translator(language)._(form)))
        for language in LANGUAGES
        for form in route.usage.split(" | ")
    }
    return said in forms


async def answer(turn: Turn, request: Request, context: Context, waiting: Waiting) -> Waiting | None:
    """Read the message as the answer `waiting` asked for; the next question, or None when it is over."""
    t = request.t
    text = request.text  # the message as the bot read it (an @mention stripped), not the raw activity
    step = waiting.step
    said = fold(text)  # "Glöm det!" -> "glom det"
    if said in CANCEL_WORDS or (said in NO_WORDS and step in ("goal", "branch", "day")):
        await turn.send(Message(t._("Cancelled; nothing was stored.")))
        return None
    if step == "comment" and (text.strip() == "-" or said in NO_COMMENT_WORDS or only_symbols(text)):
        text = ""
    entries = replace(Entries(**waiting.entries), **{step: text})
    if step == STEPS[-1]:  # the last answer: read the whole check-in and store it
        return await _store(turn, request, context, waiting, entries)
    ahead = ""  # "4 2" to "which goal?": goal 4, and 2 answers "what do you report?" too
    if step == "goal" and (number := _number(text)) is not None:
        ahead = parse_goal_number(text)[1]
        entries = replace(entries, goal=str(number))
    opened: Opened | None = None
    plan: Plan | None
    if step in ("goal", "branch"):  # asked at once whether they may report it, not after every answer
        found = await open_check_in(request, context, goal=_number(entries.goal))
        if isinstance(found, Reply):  # the plan was removed, or their role, while they answered
            await turn.send(Message(found.text))
            return None
        opened, plan, today = found, found.plan, found.today
    else:
        plan, today = await asyncio.to_thread(desk(context).plan, request.district, now=context.now)
    if plan is None:  # the plan was removed while the user answered
        await turn.send(Message(t._("There is no plan to report on yet.")))
        return None
    try:
        READERS[step](plan, entries, today)
    except CheckInError as error:
        told = _value_and_day(plan, entries, today) if step == "value" else None
        if told is not None:  # "2 i går": the value and the day at once
            return await _ask_comment(turn, t, told)
        if said in NO_WORDS:  # "nej" to "how many?": not going on (to a goal done or not it is "not done")
            await turn.send(Message(t._("Cancelled; nothing was stored.")))
            return None
        await turn.send(Message(f"{problem(t, error, plan, example=False)} {waiting.again}"))
        return waiting
    if opened is not None:
        goal = read_goal(plan, entries.goal)
        if opened.refused is not None:
            await turn.send(Message(f"{refused(t, opened.refused, goal=goal)} {_yours(t, opened)}"))
            return waiting
        if step == "branch" or (opened.branches and not entries.branch):
            chosen = find_branch(text, [BranchName(n) for n in opened.branches]) if step == "branch" else None
            if chosen is None:  # the board's report on a goal every branch has: for which branch?
                if ahead:  # "4 2 i går": kept for after the branch
                    entries = replace(entries, value=ahead)
                entries = replace(entries, branch="")
                return await _ask_branch(turn, t, goal, opened.branches, entries, again=step == "branch")
            entries = replace(entries, branch=chosen.name)
            ahead, entries = entries.value, replace(entries, value="")
        hint = value_hint(t, goal, plan)
        again = t._("What do you report? {hint}").format(hint=hint)
        question = t._("Goal {number}: {text}\nWhat do you report? {hint}").format(
            number=goal.number, text=goal.text_in(t.language), hint=hint
        )
        if ahead:
            entries = replace(entries, value=ahead)
            told = _value_and_day(plan, entries, today)
            if told is not None:  # "4 2 i går"
                return await _ask_comment(turn, t, told)
            try:
                READERS["value"](plan, entries, today)
            except CheckInError as error:
                wrong = problem(t, error, plan, example=False)
                return await _ask(turn, "value", f"{question}\n{wrong}", again, replace(entries, value=""))
            return await _ask_day(turn, t, entries, before=f"{question.splitlines()[0]}\n")
        return await _ask(turn, "value", question, again, entries)
    if step == "value":
        return await _ask_day(turn, t, entries)
    return await _ask_comment(turn, t, entries)


async def _ask_branch(
    turn: Turn, t: Translator, goal: Goal, branches: Sequence[str], entries: Entries, *, again: bool
) -> Waiting:
    """Which branch a report on a goal every branch has counts for, from someone who reports for several."""
    names = listed(t, list(branches), either=True)
    question = t._("Goal {number} is every branch's own: which branch is it for? {names}").format(
        number=goal.number, names=names
    )
    if again:
        question = t._("That is none of the branches you can choose. {question}").format(question=question)
    return await _ask(turn, "branch", question, question, entries)


async def _ask_day(turn: Turn, t: Translator, entries: Entries, *, before: str = "") -> Waiting:
    question = t._("When did it happen? Write a date such as 12/3 or 12 March, or today.")
    return await _ask(turn, "day", before + question, question, entries)


async def _ask_comment(turn: Turn, t: Translator, entries: Entries) -> Waiting:
    question = t._("Any comment? Write it, or no for none.")
    return await _ask(turn, "comment", question, question, entries)


def _value_and_day(plan: Plan, entries: Entries, today: date) -> Entries | None:
    """A value answered with its day after it ("2 i går", "1 möte 12/3"): both read, or None."""
    words = entries.value.split()
    for cut in range(len(words) - 1, 0, -1):
        both = replace(entries, value=" ".join(words[:cut]), day=" ".join(words[cut:]))
        try:
            read_entries(plan, both, today=today)
        except CheckInError:
            continue
        return both
    return None


def _number(text: str) -> int | None:
    """The goal number answered, if it is one (read_goal says what is wrong with it otherwise)."""
    try:
        return parse_goal_number(text)[0]
    except CheckInError:
        return None


def _yours(t: Translator, opened: Opened) -> str:
    """The goals the sender may report, to choose among instead."""
    numbers = [str(goal.number) for goal in opened.goals]
    return t.ngettext(
        "You can report on goal {numbers}: write its number.",
        "You can report on goals {numbers}: write one's number.",
        len(numbers),
    ).format(numbers=listed(t, numbers))


async def _ask(turn: Turn, step: str, question: str, again: str, entries: Entries) -> Waiting:
    await turn.send(Message(question))
    answers = {key: value for key, value in asdict(entries).items() if key != "submission" and value}
    return Waiting(step, again, answers)


async def _store(
    turn: Turn, request: Request, context: Context, waiting: Waiting, entries: Entries
) -> Waiting | None:
    """Store the check-in the answers make, in one call; a mistake is asked about again."""
    t = request.t
    if request.user is None:
        await turn.send(Message((await refusal(request, context, Role.CHAIR)).text))
        return None

    def read(plan: Plan, today: date) -> tuple[Goal, CheckInDraft]:
        return read_entries(plan, entries, today=today)

    filed = await asyncio.to_thread(
        desk(context).file, request.user, request.district, request.roles, read, now=context.now
    )
    if filed is None:  # the plan was removed while the user answered
        await turn.send(Message(t._("There is no plan to report on yet.")))
        return None
    if isinstance(filed, Misread):
        assert isinstance(filed.error, CheckInError)  # the value is read one way (read_entries)
        await turn.send(Message(f"{problem(t, filed.error, filed.plan, example=False)} {waiting.again}"))
        return waiting
    await turn.send(Message(answer_filed(request, filed).text))
    return None
