"""Scheduled discussion prompts: the schedule, the rota, texts, and the prompt bank (board members).

Each command parses what was written, makes one call to the prompt desk (bot/services/prompt_desk.py) off
the event loop, and renders what it returns."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from bot.cards import Reply, day, day_of_year, listed, no_such_page, page_note
from bot.cards import prompts as cards
from bot.commands.people import strip_names
from bot.commands.router import Context, Request, Router
from bot.i18n import COURTESY, N_, Translator, fold, genitive, said_yes, translator
from bot.services import dates
from bot.services.goals import number_in
from bot.services.people import PersonInfo, Role
from bot.services.prompt_bank import AREA_NAMES, Area, BankPrompt
from bot.services.prompt_desk import Assigned, Coming, NoTarget, NotOpen, Paused, PromptDesk, Swapped
from bot.services.prompting import (
    MAX_PROMPT_LENGTH,
    Outcome,
    PauseError,
    PauseProblem,
    PromptSlot,
    Schedule,
    SlotStatus,
)
from bot.services.schedule_rules import RuleError, RuleProblem, parse_change
from dialogs.readings import Confirm

# A bank listing shows this many prompts, each cut to one line: a chat message, not a document.
BANK_LISTED = 80
UPCOMING_PAGE = 10  # coming prompts shown at a time by `kommande`
OPEN_NAMED = 8  # open prompts named where a number names none
HISTORY_PAGE = 20  # posts shown at a time by `historik`
_END_WORDS = ("slut", "end", "av", "off", "stopp", "stop", "upphav", "lyft", "lift")
# An area as people write it: its key, or its name in Swedish or English, or a word of the name.
_AREAS = {
    fold(word): area
    for area in Area
    for word in (
        area.value,
        area.value.replace("-", " "),
        AREA_NAMES[area],
        translator("sv")._(AREA_NAMES[area]),
    )
} | {
    "facklig": Area.FACKLIG_POLITISK,
    "union": Area.FACKLIG_POLITISK,
    "feministisk": Area.FEMINISTISK,
    "antirasistisk": Area.ANTIRASISTISK,
    "antiracist": Area.ANTIRASISTISK,
    "miljo": Area.MILJO_OCH_KLIMAT,
    "klimat": Area.MILJO_OCH_KLIMAT,
    "environment": Area.MILJO_OCH_KLIMAT,
    "climate": Area.MILJO_OCH_KLIMAT,
}


def register(router: Router) -> None:
    board = Role.BOARD

    @router.command(
        "schema",
        "schemalägg",  # the verb, as the plan says it ("schemalägga inlägg")
        "schemalägga",
        "schedule",
        usage=N_("schedule [RULE]"),
        summary=N_("when prompts are posted in this channel"),
        role=board,
    )
    async def schedule(request: Request, context: Context) -> Reply:
        """Set up (or show, or stop) the prompt schedule of the channel this is written in."""
        t, desk, channel = request.t, _desk(context), _channel(request)
        if not request.args:
            return _show(t, await asyncio.to_thread(desk.show, request.district, channel))
        rule_text, confirmed = _confirmed(request.args)
        assert request.user is not None
        if fold(rule_text) in ("stopp", "stop", "stoppa", "avsluta"):
            stopped = await asyncio.to_thread(desk.stop_here, channel, request.user, confirmed=confirmed)
            if stopped is None:
                return Reply(t._("There is no schedule in this conversation to stop."))
            if not stopped.applied and stopped.written:
                return _kept(t, cards.set_aside_asked, stopped, f"{request.command} {rule_text}")
            answer = t._("The schedule in this channel is stopped; no more prompts will be posted here.")
            return cards.set_aside_answer(t, answer, stopped)
        if channel is None:
            return Reply(
                t._("Write this in the channel where the prompts should appear (and @mention me there).")
            )
        try:
            rule = parse_change(rule_text)
        except RuleError as error:
            return _rule_problem(t, error)
        setup = await asyncio.to_thread(
            desk.set_up,
            district=request.district,
            conversation_id=channel,
            rule=rule,
            rule_text=rule_text,
            by=request.user,
            confirmed=confirmed,
        )
        if setup is None:  # only a time, and no schedule here whose days it could keep
            return _rule_problem(t, RuleError(RuleProblem.NO_DAYS))
        if not setup.applied:
            return _kept(t, cards.schedule_change_asked, setup, f"{request.command} {rule_text}")
        return cards.schedule_set(t, setup, warn_few=setup.schedule.rule.per_month() < 2)

    @router.command(
        "kommande",
        "upcoming",
        usage=N_("upcoming"),
        summary=N_("the coming prompts, their owners and texts"),
        role=board,
    )
    async def upcoming(request: Request, context: Context) -> Reply:
        """The next slots of every schedule in the district, ten at a time (`kommande sida 2`)."""
        t = request.t
        numbers = [n for n in map(number_in, request.args.split()) if n is not None]  # "sida 2", "page 2"
        page = numbers[0] if numbers else 1
        if page < 1:
            return Reply(t._("Write upcoming, or upcoming page 2 for the next ten."))
        coming = await asyncio.to_thread(
            _desk(context).show, request.district, _channel(request), request.user
        )
        return _show(t, coming, page=page)

    @router.command(
        "byt",
        "swap",
        usage=N_("swap NUMBER NUMBER"),
        summary=N_("swap the owners of two prompts"),
        role=board,
    )
    async def swap(request: Request, context: Context) -> Reply:
        """Swap the owners of two slots ("byt 12 13"), or one's next turn with someone's ("byt med @Anna")."""
        t = request.t
        numbers = _without_fillers(request.args)
        assert request.user is not None
        if len(request.mentions) == 1:
            swapped = await asyncio.to_thread(
                _desk(context).swap_with,
                request.district,
                _channel(request),
                request.user,
                request.mentions[0],
            )
        elif not request.mentions and _name_words(numbers):
            desk = _desk(context)
            swapped = await asyncio.to_thread(
                desk.swap_with_named, request.district, _channel(request), request.user, request.args
            )
            if swapped.named is not None:
                return _not_named(t, _name_words(numbers), swapped.named, t._("swap with @name"))
        elif len(numbers) != 2 or request.mentions:
            ids = await asyncio.to_thread(_desk(context).open_numbers, request.district, _channel(request))
            if len(ids) < 2:
                return Reply(
                    t._(
                        "Write two prompt numbers as upcoming shows them, or @mention whom to swap your next "
                        "turn with: swap with @name"
                    )
                )
            return Reply(
                t._(
                    "Write two prompt numbers, e.g. swap {first} {second} (see upcoming), or @mention whom "
                    "to swap your next turn with: swap with @name"
                ).format(first=ids[0], second=ids[1])
            )
        else:
            swapped = await asyncio.to_thread(
                _desk(context).swap_numbers,
                request.district,
                _channel(request),
                numbers[0],
                numbers[1],
                request.user,
            )
        if swapped.no_turn is not None:
            return _no_turn_to_swap(t, swapped, request.user)
        if swapped.missing is not None:
            return _not_open(t, swapped.missing)
        first, second = swapped.first, swapped.second
        assert first is not None and second is not None
        if first.id == second.id:
            return Reply(t._("Write two different prompt numbers (see upcoming)."))
        if not swapped.done:  # both the same person's turn: trading nothing, say so rather than "swapped"
            return Reply(
                t._(
                    "#{first} and #{second} are both {whose} turn, so swapping changes nothing. "
                    "To give one to someone else: assign {first} @name"
                ).format(first=first.id, second=second.id, whose=_whose(t, first.owner_name))
            )
        answer = t._("Swapped: #{first} is now {first_whose} and #{second} is {second_whose}.").format(
            first=first.id,
            first_whose=_whose(t, second.owner_name),
            second=second.id,
            second_whose=_whose(t, first.owner_name),
        )
        for slot, owner in ((first, second.owner_name), (second, first.owner_name)):
            if slot.text:  # a text belongs to its day, not its owner: say so, lest it seem to follow them
                answer += " " + t._(
                    "The text by {writer} stays with #{id} and is posted on {whose} turn."
                ).format(
                    writer=slot.writer_name or t._("someone no longer known"),
                    id=slot.id,
                    whose=_whose(t, owner),
                )
        return Reply(answer)

    @router.command(
        "ge",
        "assign",
        "give",
        usage=N_("assign NUMBER @name"),
        summary=N_("give a prompt to someone"),
        role=board,
    )
    async def assign(request: Request, context: Context) -> Reply:
        """Give a slot to the @mentioned person."""
        t = request.t
        assert request.user is not None
        words = _without_fillers(request.args)
        taking = _TO_ME.match(request.args.strip())
        if not request.mentions and taking is not None:  # "ge Adeles tur till mig", "jag tar tur 3"
            number, day, name = _taken(taking["what"], context.now.astimezone(context.services.zone).date())
            if number is None and day is None and not name:
                return Reply(
                    t._("Write which turn you take: a number, a day or whose, e.g. {example}").format(
                        example=t._("assign 3 to me")
                    )
                )
            desk = _desk(context)
            assigned = await asyncio.to_thread(
                desk.take,
                request.district,
                _channel(request),
                request.user,
                number=number,
                day=day,
                name=name,
            )
            if assigned.named is not None:
                return _not_named(t, name, assigned.named, t._("assign NUMBER @name"))
            return _assigned(t, assigned, request.user)
        if not request.mentions and _name_words(words):
            desk, written = _desk(context), " ".join(words)
            assigned = await asyncio.to_thread(
                desk.assign_named, request.district, _channel(request), written, request.user
            )
            if assigned.named is not None:
                ids = assigned.open_ids
                example = t._("assign {id} @name").format(id=ids[0]) if ids else t._("assign NUMBER @name")
                return _not_named(t, _name_words(words), assigned.named, example)
            return _assigned(t, assigned, assigned.to, asker=request.user)
        if len(request.mentions) != 1:
            ids = await asyncio.to_thread(_desk(context).open_numbers, request.district, _channel(request))
            if not ids:
                return Reply(
                    t._("Write a prompt number and @mention one person (upcoming shows the numbers).")
                )
            return Reply(
                t._("Write a prompt number and @mention one person, e.g. assign {id} @name.").format(
                    id=ids[0]
                )
            )
        assigned = await asyncio.to_thread(
            _desk(context).assign_number,
            request.district,
            _channel(request),
            " ".join(_without_fillers(strip_names(request.args, request.mentions, request.mentions_written))),
            request.mentions[0],
            request.user,
        )
        return _assigned(t, assigned, request.mentions[0], asker=request.user)

    @router.command("hoppa", "skip", usage=N_("skip NUMBER"), summary=N_("skip one prompt"), role=board)
    async def skip(request: Request, context: Context) -> Reply:
        """Skip one slot (nothing is posted then)."""
        t = request.t
        args, confirmed = _confirmed(request.args)
        first, _, rest = args.partition(" ")
        if fold(first) in ("inte", "not"):  # "hoppa inte 12"; "ångra hoppa 12", "unskip 12" read so
            return await unskip(request, context, rest)
        words = args.split(maxsplit=1)  # "hoppa över 12": "över" (or "over") may come first
        over = len(words) == 2 and fold(words[0]) == "over"
        assert request.user is not None
        skipped = await asyncio.to_thread(
            _desk(context).skip_number,
            request.district,
            _channel(request),
            words[1] if over else args,
            request.user,
            confirmed=confirmed,
        )
        found, done = skipped.found, skipped.set_aside
        named = fold(words[1] if over else args) not in ("", "over")  # "hoppa över julen": a period named
        if found.missing is not None and found.missing.no_number and named:
            period = t._("To skip a period, such as Christmas, pause it: pause 20/12 6/1")
            return Reply(f"{_not_open(t, found.missing).text} {period}")
        if found.missing is not None:
            return _not_open(t, found.missing)
        assert found.slot is not None and done is not None
        slot = found.slot
        if not done.applied and done.written:
            return _kept(t, cards.set_aside_asked, done, f"{request.command} {slot.id}")
        if not done.applied:
            return Reply(t._("#{id} is not planned any more, so it cannot be skipped.").format(id=slot.id))
        if found.named is not None:
            answer = t._(
                "#{id} in {channel} is skipped; nothing will be posted then. To post it after all: "
                "unskip {id}."
            )
        else:
            answer = t._("#{id} is skipped; nothing will be posted then. To post it after all: unskip {id}.")
        answer = answer.format(id=slot.id, channel=_named(t, found.named))
        return cards.set_aside_answer(t, answer, done)

    async def unskip(request: Request, context: Context, args: str) -> Reply:
        """A skip taken back: the prompt is planned again, with the text kept on it."""
        t = request.t
        first, _, rest = args.strip().partition(" ")
        written = rest if fold(first) == "over" and rest else args  # "hoppa inte över 12"
        assert request.user is not None
        back = await asyncio.to_thread(
            _desk(context).unskip_number, request.district, _channel(request), written.strip(), request.user
        )
        found = back.found
        if found.missing is not None:
            return _not_open(t, found.missing)
        assert found.slot is not None
        slot = found.slot
        if back.not_skipped:
            return Reply(t._("#{id} is not skipped; it is posted at its time.").format(id=slot.id))
        if back.too_late:
            return Reply(t._("#{id} was skipped and its time has passed.").format(id=slot.id))
        if back.stopped:
            return Reply(
                t._(
                    "#{id} was set aside when the schedule changed or stopped; its day is not in the "
                    "schedule now. See the coming prompts with: upcoming"
                ).format(id=slot.id)
            )
        if back.paused:
            return Reply(
                t._("#{id} falls in a pause; to post it, lift the pause first: pause end").format(id=slot.id)
            )
        answer = t._("#{id} is no longer skipped: it is posted {when}.").format(
            id=slot.id, when=cards.when(t, slot.due_at, context.services.zone)
        )
        if slot.text:
            answer += " " + t._("The text by {writer} goes out then.").format(
                writer=slot.writer_name or t._("someone no longer known")
            )
        else:
            answer += " " + t._("No text is written yet: write {id} YOUR TEXT").format(id=slot.id)
        return Reply(answer)

    @router.command(
        "flytta",
        "move",
        usage=N_("move NUMBER"),
        summary=N_("move a prompt: swap or skip it, or change the schedule"),
        role=board,
    )
    async def move(request: Request, context: Context) -> Reply:
        """ "Flytta inlägget till torsdag": a prompt's day is its schedule's, so one prompt does not move on
        its own; the answer says what does, with numbers that work here for the prompt named."""
        t = request.t
        number, _ = _number_and_text(request.args)
        assert request.user is not None
        moving = await asyncio.to_thread(
            _desk(context).moving, request.district, _channel(request), number, request.user
        )
        if moving.missing is not None:
            return _not_open(t, moving.missing)
        answer = t._("A single prompt cannot move to another day; the days follow the schedule.")
        if moving.slot is not None and moving.partner is not None:
            answer += " " + t._(
                "To let someone else take it, swap it: swap {first} {second}; not to post it: skip {first}."
            ).format(first=moving.slot.id, second=moving.partner.id)
        elif moving.slot is not None:
            answer += " " + t._("Not to post it: skip {id}.").format(id=moving.slot.id)
        days = t._(
            "To change the days of them all, write in the channel: schedule (e.g. schedule first and third "
            "Thursday at 19)."
        )
        return Reply(f"{answer} {days}")

    @router.command(
        "paus",
        "pausa",  # the verb, as "pausa 15/6 15/8" is said
        "pause",
        usage=N_("pause FROM TO"),
        summary=N_("no prompts in a period (e.g. the summer)"),
        role=board,
    )
    async def pause(request: Request, context: Context) -> Reply:
        """Pause a channel's prompts between two dates, both included; or lift the pause ("pause end")."""
        t = request.t
        args, confirmed = _confirmed(request.args)
        parts = args.split()
        assert request.user is not None
        paused = await asyncio.to_thread(
            _desk(context).pause_here,
            request.district,
            _channel(request),
            args,
            request.user,
            confirmed=confirmed,
            end=len(parts) == 1 and fold(parts[0]) in _END_WORDS,
        )
        target, today = paused.target, paused.today
        if isinstance(target, NoTarget):
            return _no_target(t, target)
        assert today is not None
        if paused.pauses is not None:
            return cards.pauses(t, paused.pauses, today)
        if paused.lifting:
            return _lifted(t, paused)
        if paused.problem is not None:
            return _pause_problem(t, paused.problem, today, request.command)
        done, period = paused.set_aside, paused.period
        assert done is not None and period is not None
        if not done.applied:
            return _kept(t, cards.set_aside_asked, done, f"{request.command} {args}")
        if done.already:
            return cards.pause_already(t, done.pause or period)
        answer = cards.paused_answer(t, done.pause or period, done.changed, joined=done.joined, today=today)
        text = answer.text
        if dates.read_loosely(parts):  # "efter helgerna", "mitten av december": how it was read, to correct
            text += "\n" + cards.read_as(t, args, period, request.command)
        return cards.set_aside_answer(t, text, done)

    @router.command(
        "återuppta", "resume", usage=N_("resume"), summary=N_("lift a pause (as pause end)"), role=board
    )
    async def resume(request: Request, context: Context) -> Reply:
        """Lift the pause in force, or the next one, of one channel's schedule."""
        resumed = await asyncio.to_thread(
            _desk(context).resume_here, request.district, _channel(request), request.user
        )
        if isinstance(resumed.target, NoTarget):
            return _no_target(request.t, resumed.target)
        return _lifted(request.t, resumed)

    @router.command(
        "skriv",
        "radera",  # "radera min text", "ta bort min text": the text taken off (`erase`), one help line
        "write",
        "erase",
        usage=N_("write NUMBER TEXT"),
        summary=N_("write the text of a prompt"),
        role=board,
        forms=(cards.OWNER_FORM,),
    )
    async def write(request: Request, context: Context) -> Reply:
        """Write (or rewrite) the text of a slot; or a tap on the owner's reminder."""
        if request.form is not None:
            return await owner_tapped(request, context, request.form)
        if fold(request.command) in ("radera", "erase"):
            return await erase(request, context)
        t = request.t
        number, text = _number_and_text(request.args)
        assert request.user is not None
        written = await asyncio.to_thread(
            _desk(context).write_number, request.district, _channel(request), number, text, request.user
        )
        if written.missing is not None:
            return _not_open(t, written.missing)
        assert written.slot is not None
        slot = written.slot
        if not written.saved and not text:
            return Reply(
                t._(
                    "Write the text after the number, e.g. write {id} What should we ask the region for?"
                ).format(id=slot.id)
            )
        if not written.saved:
            return Reply(
                t._("The text is too long ({length} characters; at most {limit}).").format(
                    length=len(text), limit=MAX_PROMPT_LENGTH
                )
            )
        if written.approval_required:
            answer = t._("Saved the text for #{id}.").format(id=slot.id)
        else:
            answer = t._("Saved the text for #{id}; it will be posted at its time.").format(id=slot.id)
        if written.replaced is not None:
            answer += " " + t._("It replaces the text by {writer}, who has been sent it.").format(
                writer=written.replaced or t._("someone no longer known")
            )
        if written.told:
            answer += " " + t._(
                "It is posted under your name only; {owner}, whose turn it is, is told."
            ).format(owner=written.told)
        if written.approval_required:  # last, so that the command ends the answer
            answer += " " + t._("Another board member approves it with: approve {id}").format(id=slot.id)
        return Reply(answer)

    async def erase(request: Request, context: Context) -> Reply:
        """ "radera min text", "ta bort min text", "delete my text": the text off a coming prompt, which
        then waits for a new one. Any board member's: a colleague's words are sent back to them."""
        t = request.t
        number, _ = _number_and_text(request.args)
        assert request.user is not None
        erased = await asyncio.to_thread(
            _desk(context).erase_number,
            request.district,
            _channel(request),
            number,
            request.user,
        )
        if erased.missing is not None:
            return _not_open(t, erased.missing)
        assert erased.slot is not None
        slot = erased.slot
        if not erased.done:
            return Reply(t._("#{id} has no text to take off.").format(id=slot.id))
        answer = t._(
            "The text for #{id} is taken off; it waits for a new one (write {id} YOUR TEXT), and without "
            "one a prompt from the bank is posted."
        ).format(id=slot.id)
        if erased.colleagues:
            answer += " " + t._("{writer}, who wrote it, is sent the text.").format(
                writer=slot.writer_name or t._("someone no longer known")
            )
        if erased.owner_told and slot.owner_name:
            answer += " " + t._("{owner}, whose turn it is, is told.").format(owner=slot.owner_name)
        return Reply(answer)

    async def owner_tapped(request: Request, context: Context, data: Mapping[str, Any]) -> Reply:
        """The owner's reminder answered with a tap: the text written in it, the bank, or a swap; each as
        its command does it (`skriv`, `visa`, `byt`). Someone else's card, or a slot no longer planned,
        changes nothing and says why."""
        t = request.t
        slot_id, other, do = data.get("slot"), data.get("with"), data.get("do")
        if request.user is None or data.get("for") != request.user.teams_user_id:
            return Reply(
                t._("This reminder is someone else's: only they can answer it with a tap."), keeps_card=True
            )
        if not isinstance(slot_id, int) or (other is not None and not isinstance(other, int)):
            return Reply(
                t._("This button no longer works. See the coming prompts with: upcoming"), keeps_card=True
            )
        if do == cards.WRITE:
            text = data.get("text")
            if not isinstance(text, str) or not text.strip():
                return Reply(t._("Write the text in the box, then tap the button again."), keeps_card=True)
            return await write(replace(request, form=None, args=f"{slot_id} {text.strip()}"), context)
        if do == cards.BANK:
            chosen = replace(request, form=None, args=str(slot_id))
            shown = await shown_as_posted(chosen, context, say_unwritten=False)
            return Reply(
                t._("Fine: unless someone writes a text, #{id} gets this prompt from the bank:").format(
                    id=slot_id
                )
                + "\n"
                + shown.text
            )
        if do == cards.SWAP and other is not None:
            return await swap(replace(request, form=None, args=f"{slot_id} {other}"), context)
        if do == cards.SWAP:
            slot, others = await asyncio.to_thread(
                _desk(context).swap_choices, request.district, _channel(request), str(slot_id)
            )
            if isinstance(slot, NotOpen):
                return replace(_not_open(t, slot), keeps_card=True)
            return cards.swap_choices(
                t, slot, others, context.services.zone, person=request.user.teams_user_id
            )
        return Reply(
            t._("This button no longer works. See the coming prompts with: upcoming"), keeps_card=True
        )

    @router.command(
        "godkänn",
        "approve",
        usage=N_("approve NUMBER"),
        summary=N_("approve another board member's text"),
        role=board,
    )
    async def approve(request: Request, context: Context) -> Reply:
        """Approve a slot's text (someone other than its writer)."""
        t = request.t
        assert request.user is not None
        approved = await asyncio.to_thread(
            _desk(context).approve_number, request.district, _channel(request), request.args, request.user
        )
        if approved.missing is not None:
            return _not_open(t, approved.missing)
        assert approved.slot is not None
        slot = approved.slot
        if not slot.text:
            return Reply(t._("#{id} has no text to approve yet.").format(id=slot.id))
        if approved.own:
            return Reply(t._("Someone other than the writer approves a text."))
        return Reply(t._("#{id} is approved.").format(id=slot.id))

    @router.command(
        "godkännande",
        "approval",
        usage=N_("approval on|off"),
        summary=N_("whether texts need approving"),
        role=board,
    )
    async def approval(request: Request, context: Context) -> Reply:
        """Turn approval of texts on or off for one channel's schedule (asked which, where it is unclear)."""
        t = request.t
        choice = fold(request.args)
        if choice not in ("pa", "on", "av", "off"):
            return Reply(t._("Write approval on or approval off."))
        required = choice in ("pa", "on")
        target, waiting = await asyncio.to_thread(
            _desk(context).approval_here, request.district, _channel(request), required
        )
        if isinstance(target, NoTarget):
            return _no_target(t, target)
        channel = cards.channel_name(t, target)
        if not required:
            return Reply(
                t._("Texts in {channel} are posted as written, without approval.").format(channel=channel)
            )
        answer = t._(
            "From now on another board member approves each text before it is posted in {channel}."
        ).format(channel=channel)
        if waiting:
            answer += " " + t._(
                "Texts already written now wait for approval: {slots}. Approve with: approve {id}"
            ).format(
                slots=", ".join(
                    f"#{s.id} ({s.writer_name or t._('someone no longer known')})" for s in waiting
                ),
                id=waiting[0].id,
            )
        return Reply(answer)

    @router.command(
        "historik", "history", usage=N_("history"), summary=N_("the prompts posted so far"), role=board
    )
    async def history(request: Request, context: Context) -> Reply:
        """What was posted, when, and how it went: twenty at a time (`historik sida 2`)."""
        t = request.t
        numbers = [n for n in map(number_in, request.args.split()) if n is not None]  # "sida 2", "page 2"
        page = max(numbers[0], 1) if numbers else 1
        found = await asyncio.to_thread(
            _desk(context).history,
            request.district,
            _channel(request),
            context.services.engagement,
            page=page,
            per_page=HISTORY_PAGE,
        )
        if not found.total:
            return Reply(t._("Nothing has been posted yet."))
        if not found.posts:
            total = found.total
            counted = t.ngettext("{total} prompt was posted", "{total} prompts were posted", total)
            return Reply(
                no_such_page(
                    t,
                    page=page,
                    counted=counted.format(total=total),
                    total=total,
                    per_page=HISTORY_PAGE,
                    command=lambda last: _page_command(t, t._("history"), t._("history page {number}"), last),
                )
            )
        return cards.history(
            t,
            found.posts,
            context.services.zone,
            found.named,
            reads_replies=found.reads_replies,
            total=found.total,
            page=page,
            per_page=HISTORY_PAGE,
        )

    @router.command(
        "visa",
        "preview",
        "show",
        usage=N_("preview NUMBER"),
        summary=N_("see a prompt as it will be posted"),
        role=board,
    )
    async def preview(request: Request, context: Context) -> Reply:
        """Show a slot as it would be posted now (its text, or the bank prompt it would get)."""
        return await shown_as_posted(request, context, say_unwritten=True)

    async def shown_as_posted(request: Request, context: Context, *, say_unwritten: bool) -> Reply:
        """`visa`; `say_unwritten`: a prompt without a text says the bank's goes out unless one is written
        (not to an owner who just chose the bank)."""
        t = request.t
        seen = await asyncio.to_thread(
            _desk(context).preview_number, request.district, _channel(request), request.args, request.user
        )
        found, schedule = seen.found, seen.schedule
        if found.missing is not None:
            return _not_open(t, found.missing)
        assert found.slot is not None and schedule is not None
        slot = found.slot
        shown = _as_posted(t, slot, schedule, seen.bank_choice)
        if found.named is not None:  # which channel, and when
            shown = cards.with_note(shown, cards.due_in(t, slot, schedule))
        if slot.status is SlotStatus.SKIPPED and slot.due_at <= context.now:
            shown = cards.with_note(
                shown, t._("#{id} was skipped and its time has passed.").format(id=slot.id)
            )
        elif slot.status is SlotStatus.SKIPPED:
            shown = cards.with_note(
                shown,
                t._("#{id} is skipped: it is kept but not posted. To post it after all: unskip {id}").format(
                    id=slot.id
                ),
            )
        elif slot.status is SlotStatus.PAUSED:
            shown = cards.with_note(
                shown,
                t._("#{id} falls in a pause: it is posted only if the pause is lifted first.").format(
                    id=slot.id
                ),
            )
        elif say_unwritten and not slot.text and seen.bank_choice is not None:  # not the owner's words
            shown = cards.with_note(
                shown,
                t._(
                    "No text is written yet, so this is the bank's prompt for it as things stand. To write "
                    "one: write {id} YOUR TEXT"
                ).format(id=slot.id),
            )
        return shown

    @router.command(
        "posta", "post", usage=N_("post [NUMBER]"), summary=N_("post the next prompt now"), role=board
    )
    async def post(request: Request, context: Context) -> Reply:
        """Post a slot now, ahead of its time: the given one, or the next planned one."""
        t, desk = request.t, _desk(context)
        # "posta nu!", "post now.": the sentence's stop is no prompt's number
        now_less = re.sub(r"^(nu|now)\b[\s.!?,;:]*", "", request.args, flags=re.IGNORECASE)
        args, confirmed = _confirmed(now_less)
        target = await asyncio.to_thread(
            desk.post_target, request.district, _channel(request), args, request.user
        )
        if target.none_planned:
            return Reply(t._("There is no planned prompt to post."))
        if target.several:
            which = [
                t._("post {id} (the next in {channel})").format(id=f.slot.id, channel=_named(t, f.named))
                for f in target.several
                if f.slot is not None
            ]
            return Reply(
                t._("Prompts are planned in more than one channel: write which, {choices}.").format(
                    choices=listed(t, which, either=True)
                )
            )
        found = target.found
        if found.missing is not None:
            return _not_open(t, found.missing)
        assert found.slot is not None
        slot = found.slot
        # In a personal chat, with prompts in more than one channel: which channel this one goes to.
        channel = _named(t, found.named)
        ahead = slot.due_at - context.now
        asked = []
        if target.unapproved:
            asked.append(
                t._(
                    "The text by {writer} for #{id} is not approved yet, so a prompt from the bank would go "
                    "out in its place and the text back to {writer}; another board member approves it "
                    "with: approve {id}."
                ).format(id=slot.id, writer=slot.writer_name or t._("someone no longer known"))
            )
        if ahead > EARLY:
            zone = context.services.zone
            asked.append(
                t._("#{id} is due {when}, {days} days from now, and is {owner}'s turn.").format(
                    id=slot.id,
                    when=cards.when(t, slot.due_at, zone),
                    days=(slot.due_at.astimezone(zone).date() - context.now.astimezone(zone).date()).days,
                    owner=slot.owner_name or t._("nobody yet"),
                )
            )
        if asked and not confirmed:
            question = " ".join([*asked, t._("To post it now anyway: post {id} yes").format(id=slot.id)])
            if channel:
                question += " " + t._("It goes to {channel}.").format(channel=channel)
            # kept, so that a typed "ja" posts it as the line does
            return Reply(question, waits=Confirm(line=f"{request.command} {slot.id} {t._('yes')}").as_json())
        if desk.post_now is None or request.conversation is None:
            return Reply(t._("Posting needs the running bot, not the terminal chat."))
        answers = {
            Outcome.POSTED: t._("#{id} is posted."),
            Outcome.NOT_PLANNED: t._("#{id} was not posted: it is already posted, skipped or paused."),
            Outcome.NOTHING_TO_POST: t._("#{id} was not posted: it has no text and the bank is empty."),
            Outcome.GONE: t._("#{id} was not posted: I am no longer in that channel."),
            Outcome.FAILED: t._("#{id} was not posted: Teams would not take it."),
            Outcome.NOT_NOW: t._(
                "#{id} was not posted: Teams did not take it just now. It stays planned for {when}; "
                "to try again later: post {id}"
            ),
            Outcome.UNCERTAIN: t._(
                "#{id} may have been posted, but Teams did not confirm it; please check the channel. "
                "I will not post it again."
            ),
        }

        due = cards.when(t, slot.due_at, context.services.zone)

        def answer(outcome: Outcome) -> Reply:
            return Reply(answers.get(outcome, answers[Outcome.NOT_PLANNED]).format(id=slot.id, when=due))

        # Posting waits for Teams, longer than a turn may take: the turn answers now, and the post goes on
        # in the background (its own calls off the loop), telling the outcome when it is known.
        desk.post_now(slot.id, request.conversation.reference, answer, request.user)
        if channel:
            return Reply(t._("Posting #{id} in {channel} …").format(id=slot.id, channel=channel))
        return Reply(t._("Posting #{id} …").format(id=slot.id))

    @router.command(
        "bank",
        "prompts",
        usage=N_("bank [add AREA: TEXT | remove NUMBER]"),
        summary=N_("the prompt bank"),
        role=board,
    )
    async def bank(request: Request, context: Context) -> Reply:
        """List, add to and retire from the district's prompt bank."""
        t, desk = request.t, _desk(context)
        action, _, rest = request.args.partition(" ")
        folded = fold(action)
        if folded in ("lagg", "add", "ny", "new"):
            return await _bank_add(request, context, re.sub(r"^till\s+", "", rest, flags=re.IGNORECASE))
        if folded in ("ta", "remove", "bort", "retire"):
            number = number_in(re.sub(r"^bort\s+", "", rest, flags=re.IGNORECASE))
            if number is None:
                numbers = await asyncio.to_thread(desk.bank_numbers, request.district)
                if not numbers:
                    return Reply(
                        t._("The bank is empty. Add a prompt with: bank add feminism: YOUR QUESTION")
                    )
                return Reply(
                    t._(
                        "Write the number of the bank prompt as bank shows it, e.g. bank remove {number}."
                    ).format(number=numbers[0])
                )
            if not await asyncio.to_thread(desk.retire_from_bank, request.district, number):
                return Reply(t._("There is no bank prompt {number}.").format(number=number))
            return Reply(t._("Bank prompt {number} is retired.").format(number=number))
        page = (number_in(rest) or 0) if folded in ("sida", "sidan", "page") else 1
        if page < 1:
            return Reply(t._("Write bank, or bank page 2 for the next prompts."))
        prompts, records = await asyncio.to_thread(desk.bank, request.district)
        if not prompts:
            return Reply(t._("The bank is empty. Add a prompt with: bank add feminism: YOUR QUESTION"))
        listed = prompts[(page - 1) * BANK_LISTED : page * BANK_LISTED]
        if not listed:
            total = len(prompts)
            counted = t.ngettext("the bank has {total} prompt", "the bank has {total} prompts", total)
            return Reply(
                no_such_page(
                    t,
                    page=page,
                    counted=counted.format(total=total),
                    total=total,
                    per_page=BANK_LISTED,
                    command=lambda last: _page_command(t, t._("bank"), t._("bank page {number}"), last),
                )
            )
        lines = [
            t.ngettext(
                "The prompt bank ({count} prompt)", "The prompt bank ({count} prompts)", len(prompts)
            ).format(count=len(prompts)),
            t._(
                "When nobody has written a text, I post from the bank: first a prompt that started a "
                "discussion before, then from the areas that start discussions, never one posted within "
                "the year."
            ),
        ]
        for prompt in listed:
            label = (
                t._(AREA_NAMES[prompt.area])
                if prompt.area
                else (day_of_year(t, prompt.day) if prompt.day else "")
            )
            text = prompt.text_en if t.language == "en" and prompt.text_en else prompt.text
            shown = text if len(text) <= 120 else text[:119] + "…"
            record = cards.bank_record(t, records.get(prompt.id))
            named = f"({label}) {shown}" if label else shown
            lines.append(f"{prompt.id}. {named} · {record}")
        paging = page_note(
            t,
            shown=len(listed),
            total=len(prompts),
            page=page,
            per_page=BANK_LISTED,
            next_page=t._("bank page {number}").format(number=page + 1),
        )
        if paging:
            lines.append(paging)
        return Reply("\n".join(lines))


async def _bank_add(request: Request, context: Context, rest: str) -> Reply:
    t = request.t
    area_word, colon, text = rest.partition(":")
    area = _AREAS.get(fold(area_word)) if colon else None
    text = (text if colon and area else rest).strip()
    if not text:
        return Reply(
            t._(
                "Write the prompt after the word add, e.g. bank add climate: What should our municipality do?"
            )
        )
    if len(text) > MAX_PROMPT_LENGTH:
        return Reply(
            t._("The text is too long ({length} characters; at most {limit}).").format(
                length=len(text), limit=MAX_PROMPT_LENGTH
            )
        )
    assert request.user is not None
    number = await asyncio.to_thread(
        _desk(context).add_to_bank, request.district, text, area=area, by=request.user
    )
    return Reply(t._("Added to the bank as number {number}.").format(number=number))


def _desk(context: Context) -> PromptDesk:
    assert context.services.prompts is not None, "the prompt desk is part of every app built by bot.app"
    return context.services.prompts


def _channel(request: Request) -> str | None:
    """The channel this is written in (its schedule's slots are the ones a command there acts on)."""
    if request.conversation is None or request.conversation.kind != "channel":
        return None
    return request.conversation.conversation_id


def _show(t: Translator, coming: Coming, *, page: int = 1) -> Reply:
    """The coming slots, ten at a time: of this channel's schedule in a channel, of every channel's in a
    personal chat."""
    if not coming.schedules:
        return Reply(
            t._(
                "No schedule yet. The plan asks for at least two prompts a month; in the channel where they "
                "should appear, write for example: schedule 1 and 15 at 18"
            )
        )
    shown = coming.slots[(page - 1) * UPCOMING_PAGE : page * UPCOMING_PAGE]
    if not shown and coming.slots:
        total = len(coming.slots)
        counted = t.ngettext("{total} prompt is coming", "{total} prompts are coming", total)
        counted = counted.format(total=total)
        return Reply(
            no_such_page(
                t,
                page=page,
                counted=counted,
                total=total,
                per_page=UPCOMING_PAGE,
                command=lambda last: _page_command(t, t._("upcoming"), t._("upcoming page {number}"), last),
            )
        )
    return cards.upcoming(
        t,
        shown,
        coming.schedules,
        next_due=coming.next_due,
        name_channels=coming.here is None and len(coming.schedules) > 1,
        total=len(coming.slots),
        page=page,
        per_page=UPCOMING_PAGE,
        me=coming.me,
        mine=next(
            (s for s in coming.slots if s.status is SlotStatus.PLANNED and s.owner_id == coming.me), None
        )
        if coming.me is not None
        else None,
        set_aside=[
            s
            for s in coming.slots
            if s.status in (SlotStatus.SKIPPED, SlotStatus.PAUSED) and s.owner_id == coming.me
        ]
        if coming.me is not None
        else (),
    )


def _no_turn_to_swap(t: Translator, swapped: Swapped, me: PersonInfo) -> Reply:
    """ "Byt med @Anna" when the asker or Anna has no open turn coming (here, in a channel)."""
    if swapped.mine is None:
        return Reply(t._("You have no open turn coming. See the coming prompts with: upcoming"))
    assert swapped.no_turn is not None
    if swapped.no_turn.teams_user_id == me.teams_user_id:
        return Reply(t._("That is you: @mention someone else, e.g. swap with @name"))
    return Reply(
        t._(
            "{name} has no open turn coming to swap with your #{id}. To give yours to a board member "
            "instead: assign {id} @name"
        ).format(name=swapped.no_turn.name, id=swapped.mine.id)
    )


def _assigned(
    t: Translator, assigned: Assigned, person: PersonInfo | None = None, *, asker: PersonInfo | None = None
) -> Reply:
    """`ge`: given to `person` (the one @mentioned, else the one named), or why not."""
    if assigned.missing is not None:
        return _not_open(t, assigned.missing)
    if assigned.choices:  # "jag tar den 15:e" when two channels post that day: asked, not guessed
        where = [
            t._("#{id} in {channel}").format(id=s.id, channel=cards.channel_name(t, c))
            for s, c in assigned.choices
        ]
        return Reply(
            t._(
                "That day prompts are coming in more than one channel: {which}. Write which you take, "
                "e.g. {example}"
            ).format(
                which=listed(t, where), example=t._("assign {id} to me").format(id=assigned.choices[0][0].id)
            )
        )
    assert assigned.slot is not None
    slot = assigned.slot
    if assigned.not_theirs and assigned.to is not None:  # the day named is not the colleague named's turn
        return Reply(
            t._("#{id} is {whose}, not {other}. To take it anyway: assign {id} to me").format(
                id=slot.id, whose=_whose(t, slot.owner_name), other=genitive(t, assigned.to.name)
            )
        )
    if assigned.already:
        return Reply(t._("#{id} is your turn already.").format(id=slot.id))
    name = person.name if person else ""
    if not assigned.done:
        return Reply(
            t._(
                "{name} is not on the board; only board members take turns with prompts. "
                "An administrator can add them with: role board @name"
            ).format(name=name)
        )
    answer = t._("#{id} is now {whose}.").format(id=slot.id, whose=genitive(t, name))
    if slot.text and asker is not None and slot.writer_name == asker.name != name:  # one's own text given
        answer += " " + t._(
            "Your text stays with #{id} and goes out signed by you; to take it off: erase {id}"
        ).format(id=slot.id)
    elif slot.text and slot.writer_name != name:  # the words stay with the day, and so does their signature
        answer += " " + t._(
            "The text by {writer} stays with #{id} and goes out signed by them, unless another is written: "
            "write {id} YOUR TEXT"
        ).format(writer=slot.writer_name or t._("someone no longer known"), id=slot.id)
    return Reply(answer)


def _name_words(words: list[str]) -> str:
    """What is left of a command's words once numbers and "my turn" are taken out: a name, if anything."""
    return " ".join(w for w in words if not w.lstrip("#").isdigit() and fold(w) not in _TURN_WORDS)


def _not_named(t: Translator, written: str, named: Sequence[PersonInfo], example: str) -> Reply:
    """A name written without @ that fits no board member, or several."""
    if not named:
        return Reply(
            t._("No one on the board is called “{name}”. @mention whom you mean, e.g. {example}").format(
                name=written, example=example
            )
        )
    return Reply(
        t._("“{name}” could be {names}: @mention whom you mean, e.g. {example}").format(
            name=written,
            names=listed(t, [p.name for p in named], either=True),
            example=example,
        )
    )


def _not_open(t: Translator, missing: NotOpen) -> Reply:
    """Why a number names no slot the command can act on, and which are open."""
    slot = missing.slot
    if missing.no_text:
        return Reply(
            t._(
                "No coming prompt has a text of yours, and you have no open turn coming. See the coming "
                "prompts with: upcoming"
            )
        )
    if missing.none_yours:
        return Reply(t._("You have no open turn coming. See the coming prompts with: upcoming"))
    if missing.on_day is not None:
        why = t._("No prompt is coming on {day}.").format(day=day(t, missing.on_day))
        if not missing.open_ids:
            return Reply(why + " " + t._("No prompt is open now."))
        return Reply(why + " " + t._("See the coming prompts with: upcoming"))
    if missing.none_theirs:
        return Reply(
            t._("{name} has no open turn coming. See the coming prompts with: upcoming").format(
                name=missing.written
            )
        )
    if missing.no_number:
        if not missing.open_ids:
            return Reply(
                t._("Write the prompt's number as upcoming shows it.") + " " + t._("No prompt is open now.")
            )
        return Reply(
            t._("Write the prompt's number as upcoming shows it, e.g. {id}.").format(id=missing.open_ids[0])
        )
    if missing.elsewhere and slot is not None:
        return Reply(
            t._(
                "#{id} belongs to another channel's schedule: write this there, or in our personal chat."
            ).format(id=slot.id)
        )
    if slot is None:
        why = t._("There is no prompt #{id}.").format(id=missing.written)
    elif missing.past and slot.status is SlotStatus.SKIPPED:  # no skip to take back
        why = t._("#{id} was skipped and its time has passed.").format(id=slot.id)
    elif missing.past and slot.status is SlotStatus.PAUSED:  # no pause to lift for it
        why = t._("#{id} is past; it was not posted.").format(id=slot.id)
    else:
        why = {
            SlotStatus.POSTED: t._("#{id} is already posted."),
            SlotStatus.POSTING: t._("#{id} is being posted right now."),
            SlotStatus.CANCELLED: t._(
                "#{id} was cancelled: its day left the schedule, or the schedule stopped."
            ),
            SlotStatus.SKIPPED: t._("#{id} is skipped; to post it after all: unskip {id}."),
            SlotStatus.PAUSED: t._("#{id} falls in a pause; to post it, lift the pause first: pause end."),
            SlotStatus.UNCERTAIN: t._(
                "#{id} may have been posted, but Teams did not confirm it; I will not post it again."
            ),
        }.get(slot.status, t._("#{id} is past; it was not posted.")).format(id=slot.id)
    if not missing.open_ids:
        return Reply(why + " " + t._("No prompt is open now."))
    open_ids = ", ".join(f"#{number}" for number in missing.open_ids[:OPEN_NAMED])
    answer = why + " " + t._("Open prompts: {slots}.").format(slots=open_ids)
    if len(missing.open_ids) > OPEN_NAMED:  # the first few: how many more, and where they are
        answer += " " + t._("And {count} more: {command}").format(
            count=len(missing.open_ids) - OPEN_NAMED, command=t._("upcoming")
        )
    return Reply(answer)


def _no_target(t: Translator, missing: NoTarget) -> Reply:
    """Why a command about one schedule has none to act on, and where to write it instead."""
    if missing.in_channel:
        return Reply(
            t._("There is no prompt schedule in this channel; set one up with: schedule 1 and 15 at 18")
        )
    if not missing.schedules:
        return Reply(t._("There is no schedule yet."))
    return Reply(
        t._(
            "Prompts are scheduled in {count} channels: {channels}. Write this in the channel it is for "
            "(and @mention me there)."
        ).format(
            count=len(missing.schedules),
            channels="; ".join(cards.channel_name(t, s) for s in missing.schedules),
        )
    )


def _page_command(t: Translator, command: str, paged: str, page: int) -> str:
    """The line that shows a list's `page`: the command alone for the first."""
    return command if page == 1 else paged.format(number=page)


def _named(t: Translator, schedule: Schedule | None) -> str | None:
    return cards.channel_name(t, schedule) if schedule is not None else None


def _as_posted(t: Translator, slot: PromptSlot, schedule: Schedule, choice: BankPrompt | None) -> Reply:
    """A slot as it would be posted now: its text, or the bank prompt it would get."""
    if slot.ready(schedule.approval_required) or (slot.text and slot.status is SlotStatus.SKIPPED):
        return cards.prompt_post(t, slot.text or "", slot=slot, from_bank=False)  # skipped: no bank either
    if slot.text:  # written, not approved yet: show what there is to approve
        return cards.awaiting_approval(t, slot)
    if choice is None:
        return Reply(
            t._("#{id} has no text and the bank is empty: nothing would be posted.").format(id=slot.id)
        )
    text = choice.text_en if t.language == "en" and choice.text_en else choice.text
    return cards.prompt_post(t, text, slot=slot, from_bank=True)


def _lifted(t: Translator, paused: Paused) -> Reply:
    if paused.lifted is None:
        return Reply(t._("There is no pause to lift."))
    answer = cards.resumed(t, *paused.lifted)
    if not paused.dealt:
        return answer
    return Reply(f"{answer.text}\n{cards.dealt_anew(t, paused.dealt)}")


def _whose(t: Translator, name: str | None) -> str:
    return genitive(t, name) if name else t._("nobody's yet")


def _pause_problem(t: Translator, error: PauseError, today: date, command: str) -> Reply:
    if error.code is PauseProblem.HOLIDAYS_FAR and error.holidays is not None:
        return Reply(cards.holidays_far(t, error.detail, *error.holidays, today=today, command=command))
    if error.code is PauseProblem.AFTER_FAR and error.holidays is not None:
        return Reply(cards.after_far(t, error.detail, error.holidays[1], command=command))
    example = t._(
        "Write the period, e.g. pause 15/6 15/8, pause week 28-32 or pause July–August; "
        "to lift a pause: pause end."
    )
    messages = {
        PauseProblem.NOT_TWO_DATES: "",
        PauseProblem.NOT_A_DATE: t._("“{detail}” is not a date."),
        PauseProblem.PAST: t._("{detail} has passed; a pause starts today ({today}) or later."),
        PauseProblem.BACKWARDS: t._("The pause ends before it starts; write the earlier date first."),
        PauseProblem.TOO_LONG: t._("A pause is at most a year; to end the prompts, write: schedule stop"),
    }
    detail = error.detail
    if error.code is PauseProblem.PAST:
        detail = day(t, date.fromisoformat(error.detail))
    why = messages[error.code].format(detail=detail[:40], today=day(t, today))
    return Reply(f"{why} {example}".strip())


def _rule_problem(t: Translator, error: RuleError) -> Reply:
    example = t._("For example: schedule 1 and 15 at 18, or schedule first and third tuesday at 19.")
    messages = {
        RuleProblem.EMPTY: t._("Write when the prompts should be posted."),
        RuleProblem.NO_DAYS: t._("Say which days of the month."),
        RuleProblem.NO_TIME: t._("Say at what time, e.g. at 18."),
        RuleProblem.BAD_DAY: t._("“{detail}” is not a day of the month (1–31)."),
        RuleProblem.BAD_ORDINAL: t._("“{detail}”: a month has at most five of each weekday."),
        RuleProblem.BAD_TIME: t._("“{detail}” is not a time of day."),
        RuleProblem.NIGHT_TIME: t._(
            "“{detail}” is in the night, at an hour I cannot keep on the nights the clocks change; "
            "pick a time outside 00:00–00:59 and 02:00–02:59."
        ),
        RuleProblem.MIXED: t._("Use either days of the month or weekdays, not both (“{detail}”)."),
        RuleProblem.NO_WEEKDAY: t._("“{detail}” needs a weekday after it, e.g. first tuesday."),
        RuleProblem.NO_ORDINAL: t._("“{detail}”: say which one of the month, e.g. first and third tuesday."),
        RuleProblem.MANY_TIMES: t._("One time per schedule, please (“{detail}”)."),
        RuleProblem.UNKNOWN_WORD: t._("I don't understand “{detail}” in the schedule."),
    }
    return Reply(messages[error.code].format(detail=error.detail[:40]) + " " + example)


# Posting a slot further ahead than this takes an owner's turn: the board is asked first.
EARLY = timedelta(days=3)


# Words people put between a command's numbers and names: "byt 12 med 13", "swap 12 and 13", "ge 12 till
# @Anna", "give 12 to @Anna".
_FILLERS = frozenset({"med", "och", "mot", "till", "at", "and", "with", "for", "to"})
# The words of "min (nästa) tur", "my (next) turn", "byt över": not a name.
_TURN_WORDS = frozenset(
    {"min", "mitt", "nasta", "tur", "turen", "inlagg", "my", "next", "turn", "prompt", "over"}
)


def _without_fillers(args: str) -> list[str]:
    """The words of `args` without commas and the words between numbers and names."""
    words = [word.rstrip(".!?;:") for word in re.split(r"[\s,&]+", args)]  # "byt 2 och 3.": 3
    return [word for word in words if word and fold(word) not in _FILLERS and fold(word) not in COURTESY]


# "min tur", "min nästa tur", "mitt inlägg", "my (next) turn", "my prompt": the writer's own next turn.
_MY_TURN = (
    r"(?:min|my)\s+(?:(?:nästa|nasta|next)\s+)?(?:tur|turn)|mitt\s+inl(?:ä|a)gg|my\s+prompt"
    r"|(?:min|my)\s+text"  # "min text": the next prompt whose text is theirs (bot.i18n.OWN_TEXT)
)


# "Adeles tur till mig", "3 till mig", "den 15:e till mig", "Adele's turn on 15 December to me": a turn
# taken by the writer.
_TO_ME = re.compile(r"^(?P<what>.+?)\s+(?:till|to)\s+(?:mig|me)[.!]?$", re.IGNORECASE)
# The words that say a turn is meant, not whose: "tur 3", "Adeles tur", "prompt #3".
_TURN_NOUNS = frozenset(
    {"tur", "turen", "turn", "inlagg", "inlagget", "prompt", "post", "nummer", "number", "nr"}
)


def _taken(what: str, today: date) -> tuple[str | None, date | None, str]:
    """What `ge … till mig` takes: a prompt's number ("tur 3", "#3"), a day ("den 15:e", "on 15 December":
    the next such, read by bot/services/dates.py), and whose turn ("Adeles", genitive and all), each if
    written."""
    written = what.split()
    words = [  # without "tur", "the prompt": what is left names a number, a day or whose
        w
        for at, w in enumerate(written)
        if fold(w) not in _TURN_NOUNS
        and not (fold(w) == "the" and at + 1 < len(written) and fold(written[at + 1]) in _TURN_NOUNS)
    ]
    if len(words) == 1 and _SLOT_NUMBER.match(words[0]):
        return words[0], None, ""
    for at in range(len(words)):  # the day ends the words: "Adeles den 15 december"
        if (day := dates.read_ahead(words[at:], today)) is not None:
            return None, day, " ".join(words[:at])
    return None, None, " ".join(words)


_SLOT_NUMBER = re.compile(r"^#?\d{1,9}[.!?,;:]*$")


def _number_and_text(args: str) -> tuple[str, str]:
    """ "12 TEXT", also "#12: TEXT", "12 - TEXT" and "min tur: TEXT": the number as written (or the words
    for one's own next turn), and the text."""
    found = re.match(rf"\s*(#?\d+|{_MY_TURN})\s*(?:[:\-\u2013\u2014]\s+|:|\s|$)(.*)", args, re.DOTALL | re.I)
    if found is None:
        number, _, text = args.partition(" ")
        return number, text.strip()
    return found.group(1), found.group(2).strip()


def _kept(t: Translator, ask: Callable[..., Reply], asked: Any, command: str) -> Reply:
    """The question `ask` puts ("To go ahead, write it again with yes at the end: hoppa 3 ja"), kept, so
    that a typed "ja" does what the line with yes does (dialogs/host.py)."""
    return replace(ask(t, asked, command=command), waits=Confirm(line=f"{command} {t._('yes')}").as_json())


def _confirmed(args: str) -> tuple[str, bool]:
    """The arguments without a last word "ja" / "yes" (nor "tack", "please" around it), and whether the
    board said it."""
    words, yes = said_yes(args.split())
    return " ".join(_courteous_less(words)), yes


def _courteous_less(words: list[str]) -> list[str]:
    """ "posta nu tack", "skip 12 please": the words without the thanks at the end."""
    while words and fold(words[-1]) in COURTESY:
        words = words[:-1]
    return words
