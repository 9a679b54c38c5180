"""The check-in asked for one field at a time, where cards are not shown (the terminal chat).

The shape of BotBuilder-Samples' 05.multi-turn-prompt: a ComponentDialog around a WaterfallDialog of
TextPrompts. Every answer is read by the same rules as the one-line form and the card
(dialogs.checkin_entries), a wrong one is asked again with what was wrong, and the last step stores through
`store_check_in`.
"""

from __future__ import annotations

import asyncio
import textwrap
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import (
    ComponentDialog,
    DialogContext,
    DialogTurnResult,
    DialogTurnStatus,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.prompts import PromptOptions, PromptValidatorContext, TextPrompt

from bot.cards import Reply
from bot.cards.checkin_form import Entries, branch_goals_first, value_hint
from bot.commands.checkins import open_check_in, problem, store_check_in, today_in_district
from bot.i18n import Translator
from bot.services.checkins import CheckInError
from bot.services.goals import Plan
from bot.services.text import fold
from dialogs.checkin_entries import read_amount, read_entries, read_goal
from dialogs.turn import current

CANCEL_WORDS = frozenset({"avbryt", "cancel"})
NO_COMMENT_WORDS = frozenset({"-", "nej", "no"})
GOAL_LINE_LENGTH = 80  # the goal list in the first question: enough of each goal to recognise it

_STEPS = "checkin.steps"
_GOAL, _VALUE, _DAY, _COMMENT = "checkin.goal", "checkin.value", "checkin.day", "checkin.comment"
_PLAN = "checkin.plan"  # the plan, read once per turn

# Reads the answers so far (plan, answers, today) and raises CheckInError for the first thing wrong.
Reader = Callable[[Plan, Entries, date], object]


class CheckInDialog(ComponentDialog):
    """Which goal, what value, when, a comment; then store and confirm. "avbryt" / "cancel" stops it."""

    def __init__(self) -> None:
        super().__init__(CheckInDialog.__name__)
        self.add_dialog(
            WaterfallDialog(
                _STEPS,
                [self._ask_goal, self._ask_value, self._ask_day, self._ask_comment, self._store],
            )
        )
        self.add_dialog(TextPrompt(_GOAL, self._valid_goal))
        self.add_dialog(TextPrompt(_VALUE, self._valid_value))
        self.add_dialog(TextPrompt(_DAY, self._valid_day))
        self.add_dialog(TextPrompt(_COMMENT, self._valid_comment))
        self.initial_dialog_id = _STEPS

    async def on_begin_dialog(self, inner_dc: DialogContext, options: object) -> DialogTurnResult:
        turn = current(inner_dc.context)
        opened = await open_check_in(turn.request, turn.context)
        if isinstance(opened, Reply):  # no plan, or not someone who reports: say so, ask nothing
            await inner_dc.context.send_activity(opened.text)
            return DialogTurnResult(DialogTurnStatus.Complete)
        inner_dc.context.turn_state[_PLAN] = opened[0]
        return await super().on_begin_dialog(inner_dc, options)

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        turn = current(inner_dc.context)
        t = turn.request.t
        if fold(turn.request.text) in CANCEL_WORDS:
            await inner_dc.context.send_activity(t._("Cancelled; nothing was stored."))
            return await inner_dc.cancel_all_dialogs()
        if await _plan(inner_dc.context) is None:  # the plan was removed while the user answered
            await inner_dc.context.send_activity(t._("There is no plan to report on yet."))
            return await inner_dc.cancel_all_dialogs()
        return await super().on_continue_dialog(inner_dc)

    # --- the steps: each keeps the previous answer and asks the next question ------------------------

    async def _ask_goal(self, step: WaterfallStepContext) -> DialogTurnResult:
        t, plan = await _language_and_plan(step.context)
        lines = [t._("Which goal are you reporting on? Write its number, or cancel to stop.")]
        lines += [
            f"{goal.number}. {textwrap.shorten(goal.text_in(t.language), GOAL_LINE_LENGTH, placeholder=' …')}"
            for goal in branch_goals_first(plan)
        ]
        return await _ask(step, _GOAL, "\n".join(lines), t._("Which goal? Write its number."), Entries())

    async def _ask_value(self, step: WaterfallStepContext) -> DialogTurnResult:
        t, plan = await _language_and_plan(step.context)
        entries = Entries(goal=step.result)
        goal = read_goal(plan, entries.goal)  # valid: the prompt accepted it
        hint = value_hint(t, goal, plan)
        question = t._("Goal {number}: {text}\nWhat do you report? {hint}").format(
            number=goal.number, text=goal.text_in(t.language), hint=hint
        )
        return await _ask(
            step, _VALUE, question, t._("What do you report? {hint}").format(hint=hint), entries
        )

    async def _ask_day(self, step: WaterfallStepContext) -> DialogTurnResult:
        t = current(step.context).request.t
        entries = replace(_entries(step), value=step.result)
        question = t._("When did it happen? Write a date such as 12/3 or 12 March, or today.")
        return await _ask(step, _DAY, question, question, entries)

    async def _ask_comment(self, step: WaterfallStepContext) -> DialogTurnResult:
        t = current(step.context).request.t
        entries = replace(_entries(step), day=step.result)
        question = t._("Any comment? Write it, or no for none.")
        return await _ask(step, _COMMENT, question, question, entries)

    async def _store(self, step: WaterfallStepContext) -> DialogTurnResult:
        turn = current(step.context)
        t, plan = await _language_and_plan(step.context)
        entries = replace(_entries(step), comment=step.result)
        try:
            goal, draft = read_entries(plan, entries, today=today_in_district(turn.context))
        except CheckInError as error:  # valid when answered; only a day turning over can change that
            await step.context.send_activity(problem(t, error, plan, example=False))
            return await step.end_dialog()
        reply = await store_check_in(turn.request, turn.context, goal, draft)
        await step.context.send_activity(reply.text)
        return await step.end_dialog()

    # --- the prompts' validators: the answer so far must meet the one-line form's rules --------------

    async def _valid_goal(self, prompt: PromptValidatorContext) -> bool:
        return await _accept(prompt, "goal", lambda plan, entries, _today: read_goal(plan, entries.goal))

    async def _valid_value(self, prompt: PromptValidatorContext) -> bool:
        def read(plan: Plan, entries: Entries, _today: date) -> object:
            return read_amount(entries.value, read_goal(plan, entries.goal).target, plan.priority_areas)

        return await _accept(prompt, "value", read)

    async def _valid_day(self, prompt: PromptValidatorContext) -> bool:
        # The whole check-in so far (no comment yet): a date in the future or outside the plan's year fails.
        return await _accept(
            prompt, "day", lambda plan, entries, today: read_entries(plan, entries, today=today)
        )

    async def _valid_comment(self, prompt: PromptValidatorContext) -> bool:
        return await _accept(
            prompt, "comment", lambda plan, entries, today: read_entries(plan, entries, today=today)
        )


async def _ask(
    step: WaterfallStepContext, prompt_id: str, question: str, again: str, entries: Entries
) -> DialogTurnResult:
    """Ask `question`; the answers so far travel with the prompt, for its validator."""
    step.values["entries"] = entries.__dict__.copy()
    return await step.prompt(
        prompt_id,
        PromptOptions(
            prompt=MessageFactory.text(question),
            retry_prompt=MessageFactory.text(again),
            validations=entries.__dict__.copy(),
        ),
    )


def _entries(step: WaterfallStepContext) -> Entries:
    return Entries(**step.values["entries"])


async def _accept(prompt: PromptValidatorContext, field: str, read: Reader) -> bool:
    """Read the answer with the answers before it; if it is wrong, say what was wrong and ask again."""
    turn = current(prompt.context)
    t, plan = await _language_and_plan(prompt.context)
    text = turn.request.text  # the message as the bot read it (an @mention stripped), not the raw activity
    if field == "comment" and (text.strip() in NO_COMMENT_WORDS or fold(text) in NO_COMMENT_WORDS):
        text = ""
    entries = replace(Entries(**(prompt.options.validations or {})), **{field: text})
    try:
        read(plan, entries, today_in_district(turn.context))
    except CheckInError as error:
        # Having answered this turn, the prompt does not repeat itself: this one message asks again.
        again = prompt.options.retry_prompt.text
        await prompt.context.send_activity(f"{problem(t, error, plan, example=False)} {again}")
        return False
    prompt.recognized.value = text
    return True


async def _plan(turn_context: TurnContext) -> Plan | None:
    if _PLAN not in turn_context.turn_state:
        turn = current(turn_context)
        turn_context.turn_state[_PLAN] = await asyncio.to_thread(
            turn.context.repository.plan, turn.request.district
        )
    plan: Plan | None = turn_context.turn_state[_PLAN]
    return plan


async def _language_and_plan(turn_context: TurnContext) -> tuple[Translator, Plan]:
    plan = await _plan(turn_context)
    assert plan is not None  # checked when the dialog begins and on every answer
    return current(turn_context).request.t, plan
