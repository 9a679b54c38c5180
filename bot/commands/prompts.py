"""Scheduled discussion prompts: the schedule, the rota, texts, and the prompt bank (board members)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from bot.cards import Reply, day, day_of_year
from bot.cards import prompts as cards
from bot.commands.people import strip_names
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, Translator, fold, genitive, translator
from bot.services.goals import number_in
from bot.services.people import Role
from bot.services.prompt_bank import AREA_NAMES, Area, choose_prompt
from bot.services.prompting import (
    MAX_PROMPT_LENGTH,
    Outcome,
    PauseError,
    PauseProblem,
    PromptSlot,
    Schedule,
    SlotStatus,
    local_day,
    pause_dates,
    pause_period,
)
from bot.services.schedule_rules import RuleError, RuleProblem, parse_rule
from schedules.desk import PromptDesk

# A bank listing shows this many prompts, each cut to one line: a chat message, not a document.
BANK_LISTED = 80
_SLOT = re.compile(r"^#?(\d{1,9})$")
# The slots a command may change (its owner, text, approval; skip it, post it), and those it may show.
_OPEN = frozenset({SlotStatus.PLANNED})
_SHOWN = frozenset({SlotStatus.PLANNED, SlotStatus.PAUSED, SlotStatus.SKIPPED})
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
        "schedule",
        usage=N_("schedule [RULE]"),
        summary=N_("when prompts are posted in this channel"),
        role=board,
    )
    async def schedule(request: Request, context: Context) -> Reply:
        """Set up (or show, or stop) the prompt schedule of the channel this is written in."""
        t, desk = request.t, _desk(context)
        if not request.args:
            return await _show(request, desk)
        rule_text, confirmed = _confirmed(request.args)
        if fold(rule_text) in ("stopp", "stop", "stoppa", "avsluta"):
            here = await _channel_schedule(request, desk)
            if here is None:
                return Reply(t._("There is no schedule in this conversation to stop."))
            assert request.user is not None
            stopped = await desk.stop(here, request.user, confirmed=confirmed)
            if not stopped.applied and stopped.written:
                return cards.set_aside_asked(
                    t, stopped.written, here, command=f"{request.command} {rule_text}"
                )
            answer = t._("The schedule in this channel is stopped; no more prompts will be posted here.")
            return Reply(f"{answer} {_told(t, stopped.written)}".strip())
        if request.conversation is None or request.conversation.kind != "channel":
            return Reply(
                t._("Write this in the channel where the prompts should appear (and @mention me there).")
            )
        try:
            rule = parse_rule(rule_text)
        except RuleError as error:
            return _rule_problem(t, error)
        assert request.user is not None
        setup = await desk.set_up(
            district=request.district,
            conversation_id=request.conversation.conversation_id,
            rule=rule,
            rule_text=rule_text,
            by=request.user,
            confirmed=confirmed,
        )
        if not setup.applied:
            return cards.schedule_change_asked(t, setup, command=f"{request.command} {rule_text}")
        return cards.schedule_set(t, setup, warn_few=rule.per_month() < 2)

    @router.command(
        "kommande",
        "upcoming",
        usage=N_("upcoming"),
        summary=N_("the coming prompts, their owners and texts"),
        role=board,
    )
    async def upcoming(request: Request, context: Context) -> Reply:
        """The next slots of every schedule in the district."""
        return await _show(request, _desk(context))

    @router.command(
        "byt",
        "swap",
        usage=N_("swap NUMBER NUMBER"),
        summary=N_("swap the owners of two prompts"),
        role=board,
    )
    async def swap(request: Request, context: Context) -> Reply:
        """Swap the owners of two slots."""
        t, desk = request.t, _desk(context)
        numbers = request.args.split()
        if len(numbers) != 2:
            return Reply(t._("Write two prompt numbers, e.g. swap 12 13 (see upcoming)."))
        slots = [await _slot(request, desk, number) for number in numbers]
        if isinstance(slots[0], Reply):
            return slots[0]
        if isinstance(slots[1], Reply):
            return slots[1]
        if slots[0].id == slots[1].id:
            return Reply(t._("Write two different prompt numbers (see upcoming)."))
        if slots[0].owner_id == slots[1].owner_id:  # trading nothing: say so rather than "swapped"
            return Reply(
                t._(
                    "#{first} and #{second} are both {whose} turn, so swapping changes nothing. "
                    "To give one to someone else: assign {first} @name"
                ).format(first=slots[0].id, second=slots[1].id, whose=_whose(t, slots[0].owner_name))
            )
        assert request.user is not None
        await desk.swap(slots[0], slots[1], request.user)
        return Reply(
            t._("Swapped: #{first} is now {first_whose} and #{second} is {second_whose}.").format(
                first=slots[0].id,
                first_whose=_whose(t, slots[1].owner_name),
                second=slots[1].id,
                second_whose=_whose(t, slots[0].owner_name),
            )
        )

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
        t, desk = request.t, _desk(context)
        if len(request.mentions) != 1:
            return Reply(t._("Write a prompt number and @mention one person, e.g. assign 12 @Megan."))
        person = request.mentions[0]
        slot = await _slot(request, desk, strip_names(request.args, request.mentions))
        if isinstance(slot, Reply):
            return slot
        assert request.user is not None
        if not await desk.assign(slot.id, person, request.district, request.user):
            return Reply(
                t._(
                    "{name} is not on the board; only board members take turns with prompts. "
                    "An administrator can add them with: role board @name"
                ).format(name=person.name)
            )
        return Reply(t._("#{id} is now {whose}.").format(id=slot.id, whose=genitive(t, person.name)))

    @router.command("hoppa", "skip", usage=N_("skip NUMBER"), summary=N_("skip one prompt"), role=board)
    async def skip(request: Request, context: Context) -> Reply:
        """Skip one slot (nothing is posted then)."""
        t, desk = request.t, _desk(context)
        args, confirmed = _confirmed(request.args)
        words = args.split(maxsplit=1)  # "hoppa över 12": "över" (or "over") may come first
        over = len(words) == 2 and fold(words[0]) == "over"
        slot = await _slot(request, desk, words[1] if over else args)
        if isinstance(slot, Reply):
            return slot
        assert request.user is not None
        skipped = await desk.skip(slot, request.user, confirmed=confirmed)
        if not skipped.applied and skipped.written:
            return cards.set_aside_asked(
                t, skipped.written, skipped.schedule, command=f"{request.command} {slot.id}"
            )
        if not skipped.applied:
            return Reply(t._("#{id} is not planned any more, so it cannot be skipped.").format(id=slot.id))
        channel = await _channel_to_name(request, desk, slot)
        if channel:
            answer = t._("#{id} in {channel} is skipped; nothing will be posted then.")
        else:
            answer = t._("#{id} is skipped; nothing will be posted then.")
        answer = answer.format(id=slot.id, channel=channel)
        return Reply(f"{answer} {_told(t, skipped.written)}".strip())

    @router.command(
        "paus",
        "pause",
        usage=N_("pause FROM TO"),
        summary=N_("no prompts in a period (e.g. the summer)"),
        role=board,
    )
    async def pause(request: Request, context: Context) -> Reply:
        """Pause a channel's prompts between two dates, both included; or lift the pause ("pause end")."""
        t, desk = request.t, _desk(context)
        args, confirmed = _confirmed(request.args)
        parts = args.split()
        target = await _target_schedule(request, desk)
        if isinstance(target, Reply):
            return target
        today = local_day(context.now, target.zone)
        if not parts:
            return cards.pauses(t, await asyncio.to_thread(desk.prompts.pauses, target.id), today)
        if len(parts) == 1 and fold(parts[0]) in _END_WORDS:
            return await _lift(t, desk, target)
        try:
            dates = pause_dates(args)
            period = pause_period(dates[0], dates[1], today) if len(dates) == 2 else None
        except PauseError as error:
            return _pause_problem(t, error, today)
        if period is None:
            return _pause_problem(t, PauseError(PauseProblem.NOT_TWO_DATES), today)
        assert request.user is not None
        paused = await desk.pause(target, period, request.user, confirmed=confirmed)
        if not paused.applied:
            return cards.set_aside_asked(t, paused.written, target, command=f"{request.command} {args}")
        answer = cards.paused_answer(t, paused.pause or period, paused.changed, joined=paused.joined)
        return Reply(f"{answer.text} {_told(t, paused.written)}".strip())

    @router.command(
        "återuppta", "resume", usage=N_("resume"), summary=N_("lift a pause (as pause end)"), role=board
    )
    async def resume(request: Request, context: Context) -> Reply:
        """Lift the pause in force, or the next one, of one channel's schedule."""
        target = await _target_schedule(request, _desk(context))
        if isinstance(target, Reply):
            return target
        return await _lift(request.t, _desk(context), target)

    @router.command(
        "skriv",
        "write",
        usage=N_("write NUMBER TEXT"),
        summary=N_("write the text of a prompt"),
        role=board,
        forms=(cards.OWNER_FORM,),
    )
    async def write(request: Request, context: Context) -> Reply:
        """Write (or rewrite) the text of a slot; or a tap on the owner's reminder."""
        if request.form is not None:
            return await owner_tapped(request, context, request.form)
        t, desk = request.t, _desk(context)
        number, _, text = request.args.partition(" ")
        text = text.strip()
        slot = await _slot(request, desk, number)
        if isinstance(slot, Reply):
            return slot
        if not text:
            return Reply(
                t._("Write the text after the number, e.g. write 12 What should we ask the region for?")
            )
        if len(text) > MAX_PROMPT_LENGTH:
            return Reply(
                t._("The text is too long ({length} characters; at most {limit}).").format(
                    length=len(text), limit=MAX_PROMPT_LENGTH
                )
            )
        assert request.user is not None
        replaced = await desk.write(slot.id, text, request.user)
        schedule = await asyncio.to_thread(desk.prompts.schedule, slot.schedule_id)
        if schedule is not None and schedule.approval_required:
            answer = t._("Saved the text for #{id}. Another board member approves it with: approve {id}")
        else:
            answer = t._("Saved the text for #{id}; it will be posted at its time.")
        answer = answer.format(id=slot.id)
        if replaced is not None:
            answer += " " + t._("It replaces the text by {writer}, who has been sent it.").format(
                writer=replaced or t._("someone no longer known")
            )
        return Reply(answer)

    async def owner_tapped(request: Request, context: Context, data: Mapping[str, Any]) -> Reply:
        """The owner's reminder answered with a tap: the text written in it, the bank, or a swap; each as
        its command does it (`skriv`, `visa`, `byt`). Someone else's card, or a slot no longer planned,
        changes nothing and says why."""
        t, desk = request.t, _desk(context)
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
            shown = await preview(replace(request, form=None, args=str(slot_id)), context)
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
            slot = await _slot(request, desk, str(slot_id))
            if isinstance(slot, Reply):
                return replace(slot, keeps_card=True)
            coming = await asyncio.to_thread(desk.upcoming, request.district, limit=20)
            others = [
                s
                for s in coming
                if s.schedule_id == slot.schedule_id
                and s.status is SlotStatus.PLANNED
                and s.owner_id not in (None, slot.owner_id)
            ][:6]
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
        t, desk = request.t, _desk(context)
        slot = await _slot(request, desk, request.args)
        if isinstance(slot, Reply):
            return slot
        if not slot.text:
            return Reply(t._("#{id} has no text to approve yet.").format(id=slot.id))
        assert request.user is not None
        me = await asyncio.to_thread(desk.people.person_id, request.user, now=context.now)
        if slot.text_by == me:
            return Reply(t._("Someone other than the writer approves a text."))
        await desk.approve(slot.id, request.user)
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
        t, desk = request.t, _desk(context)
        choice = fold(request.args)
        if choice not in ("pa", "on", "av", "off"):
            return Reply(t._("Write approval on or approval off."))
        target = await _target_schedule(request, desk)
        if isinstance(target, Reply):
            return target
        required = choice in ("pa", "on")
        waiting = await desk.set_approval(target, required)
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
                slots=", ".join(f"#{s.id} ({s.writer_name or t._('nobody yet')})" for s in waiting),
                id=waiting[0].id,
            )
        return Reply(answer)

    @router.command(
        "historik", "history", usage=N_("history"), summary=N_("the prompts posted so far"), role=board
    )
    async def history(request: Request, context: Context) -> Reply:
        """What was posted, when, and how it went."""
        t, desk = request.t, _desk(context)
        here = await _channel_schedule(request, desk)
        channel = request.conversation.conversation_id if here and request.conversation else None
        posts = await asyncio.to_thread(desk.prompts.posts, request.district, channel=channel)
        if not posts:
            return Reply(t._("Nothing has been posted yet."))
        schedules = {
            post.schedule_id: await asyncio.to_thread(desk.prompts.schedule, post.schedule_id)
            for post in posts
        }
        named = {sid: s for sid, s in schedules.items() if s is not None}
        several = here is None and len({s.conversation_id for s in named.values()}) > 1
        reads = await _reads_replies(request, context)
        return cards.history(t, posts, context.services.zone, named if several else None, reads_replies=reads)

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
        t, desk = request.t, _desk(context)
        slot = await _slot(request, desk, request.args, open_to=_SHOWN)
        if isinstance(slot, Reply):
            return slot
        schedule = await asyncio.to_thread(desk.prompts.schedule, slot.schedule_id)
        assert schedule is not None
        shown = await _preview(t, desk, slot, schedule, request.district)
        if await _channel_to_name(request, desk, slot):  # which channel, and when
            shown = cards.with_note(shown, cards.due_in(t, slot, schedule))
        if slot.status is SlotStatus.SKIPPED:
            shown = cards.with_note(
                shown, t._("#{id} is skipped: it is kept but not posted.").format(id=slot.id)
            )
        elif slot.status is SlotStatus.PAUSED:
            shown = cards.with_note(
                shown,
                t._("#{id} falls in a pause: it is posted only if the pause is lifted first.").format(
                    id=slot.id
                ),
            )
        return shown

    @router.command(
        "posta", "post", usage=N_("post [NUMBER]"), summary=N_("post the next prompt now"), role=board
    )
    async def post(request: Request, context: Context) -> Reply:
        """Post a slot now, ahead of its time: the given one, or the next planned one."""
        t, desk = request.t, _desk(context)
        args, confirmed = _confirmed(re.sub(r"^(nu|now)\b\s*", "", request.args, flags=re.IGNORECASE))
        if args:
            slot = await _slot(request, desk, args)
            if isinstance(slot, Reply):
                return slot
        else:
            schedule = await _channel_schedule(request, desk)
            coming = await asyncio.to_thread(desk.upcoming, request.district, limit=50)
            planned = [
                s
                for s in coming
                if s.status is SlotStatus.PLANNED and (schedule is None or s.schedule_id == schedule.id)
            ]
            if not planned:
                return Reply(t._("There is no planned prompt to post."))
            if schedule is None and len({s.schedule_id for s in planned}) > 1:
                return Reply(t._("Prompts are planned in more than one channel: write which, e.g. post 12."))
            slot = planned[0]
        # In a personal chat, with prompts in more than one channel: which channel this one goes to.
        channel = await _channel_to_name(request, desk, slot)
        ahead = slot.due_at - context.now
        if ahead > EARLY and not confirmed:
            zone = context.services.zone
            question = t._(
                "#{id} is due {when}, {days} days from now, and is {owner}'s turn. "
                "To post it now anyway: post {id} yes"
            ).format(
                id=slot.id,
                when=cards.when(t, slot.due_at, zone),
                days=(slot.due_at.astimezone(zone).date() - context.now.astimezone(zone).date()).days,
                owner=slot.owner_name or t._("nobody yet"),
            )
            if channel:
                question += " " + t._("It goes to {channel}.").format(channel=channel)
            return Reply(question)
        if desk.post_now is None or request.conversation is None:
            return Reply(t._("Posting needs the running bot, not the terminal chat."))
        answers = {
            Outcome.POSTED: t._("#{id} is posted."),
            Outcome.NOT_PLANNED: t._("#{id} was not posted: it is already posted, skipped or paused."),
            Outcome.NOTHING_TO_POST: t._("#{id} was not posted: it has no text and the bank is empty."),
            Outcome.GONE: t._("#{id} was not posted: I am no longer in that channel."),
            Outcome.FAILED: t._("#{id} was not posted: Teams would not take it."),
            Outcome.UNCERTAIN: t._(
                "#{id} may have been posted, but Teams did not confirm it; please check the channel. "
                "I will not post it again."
            ),
        }

        def answer(outcome: Outcome) -> Reply:
            return Reply(answers.get(outcome, answers[Outcome.NOT_PLANNED]).format(id=slot.id))

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
                return Reply(t._("Write the number of the bank prompt, e.g. bank remove 7."))
            if not await asyncio.to_thread(desk.prompts.retire_bank_prompt, request.district, number):
                return Reply(t._("There is no bank prompt {number}.").format(number=number))
            return Reply(t._("Bank prompt {number} is retired.").format(number=number))
        prompts = await asyncio.to_thread(desk.prompts.bank, request.district)
        if not prompts:
            return Reply(t._("The bank is empty. Add a prompt with: bank add feministisk: YOUR QUESTION"))
        records = await asyncio.to_thread(desk.prompts.bank_records, request.district)
        lines = [
            t._("The prompt bank ({count} prompts)").format(count=len(prompts)),
            t._(
                "When nobody has written a text, I post from the bank: first a prompt that started a "
                "discussion before, then from the areas that start discussions, never one posted within "
                "the year."
            ),
        ]
        for prompt in prompts[:BANK_LISTED]:
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
        return Reply("\n".join(lines))


async def _bank_add(request: Request, context: Context, rest: str) -> Reply:
    t, desk = request.t, _desk(context)
    area_word, colon, text = rest.partition(":")
    area = _AREAS.get(fold(area_word)) if colon else None
    text = (text if colon and area else rest).strip()
    if not text:
        return Reply(
            t._("Write the prompt after the word add, e.g. bank add miljö: What should our municipality do?")
        )
    if len(text) > MAX_PROMPT_LENGTH:
        return Reply(
            t._("The text is too long ({length} characters; at most {limit}).").format(
                length=len(text), limit=MAX_PROMPT_LENGTH
            )
        )
    assert request.user is not None
    by = await asyncio.to_thread(desk.people.person_id, request.user, now=context.now)
    number = await asyncio.to_thread(
        desk.prompts.add_bank_prompt, request.district, text, area=area, by=by, now=context.now
    )
    return Reply(t._("Added to the bank as number {number}.").format(number=number))


async def _reads_replies(request: Request, context: Context) -> bool:
    """Whether replies to the district's posts are counted (its team lets the bot read its channels)."""
    counter = context.services.engagement
    return counter is not None and await asyncio.to_thread(counter.store.reads_channels, request.district)


def _desk(context: Context) -> PromptDesk:
    assert context.services.prompts is not None, "the prompt desk is part of every app built by bot.app"
    return context.services.prompts


async def _show(request: Request, desk: PromptDesk) -> Reply:
    """The coming slots: of this channel's schedule in a channel, of every channel's in a personal chat."""
    here = await _channel_schedule(request, desk)
    coming = await desk.coming(request.district, here)
    if not coming.schedules:
        return Reply(
            request.t._(
                "No schedule yet. The plan asks for at least two prompts a month; in the channel where they "
                "should appear, write for example: schedule 1 and 15 at 18"
            )
        )
    return cards.upcoming(
        request.t,
        coming.slots[:10],
        coming.schedules,
        next_due=coming.next_due,
        name_channels=here is None and len(coming.schedules) > 1,
    )


async def _slot(
    request: Request, desk: PromptDesk, text: str, *, open_to: frozenset[SlotStatus] = _OPEN
) -> PromptSlot | Reply:
    """The slot a number names, if the command can act on it; otherwise why not, and which are open."""
    t = request.t
    match = _SLOT.match(text.strip())
    if not match:
        return Reply(t._("Write the prompt's number as upcoming shows it, e.g. 12."))
    slot = await asyncio.to_thread(desk.slot_in, request.district, int(match.group(1)))
    here = await _channel_schedule(request, desk)
    if slot is not None and here is not None and slot.schedule_id != here.id:
        return Reply(
            t._(
                "#{id} belongs to another channel's schedule: write this there, or in our personal chat."
            ).format(id=slot.id)
        )
    if slot is not None and slot.status in open_to:
        return slot
    if slot is None:
        why = t._("There is no prompt #{id}.").format(id=match.group(1))
    else:
        why = {
            SlotStatus.POSTED: t._("#{id} is already posted."),
            SlotStatus.POSTING: t._("#{id} is being posted right now."),
            SlotStatus.CANCELLED: t._(
                "#{id} was cancelled: its day left the schedule, or the schedule stopped."
            ),
            SlotStatus.SKIPPED: t._("#{id} is skipped."),
            SlotStatus.PAUSED: t._("#{id} falls in a pause."),
            SlotStatus.UNCERTAIN: t._(
                "#{id} may have been posted, but Teams did not confirm it; I will not post it again."
            ),
        }.get(slot.status, t._("#{id} is past; it was not posted.")).format(id=slot.id)
    coming = await desk.coming(request.district, here)
    open_ids = [f"#{s.id}" for s in coming.slots if s.status is SlotStatus.PLANNED][:8]
    if not open_ids:
        return Reply(why + " " + t._("No prompt is open now."))
    return Reply(why + " " + t._("Open prompts: {slots}.").format(slots=", ".join(open_ids)))


async def _channel_schedule(request: Request, desk: PromptDesk) -> Schedule | None:
    """In a channel, the schedule of that channel (the slots a command there acts on); None elsewhere."""
    if request.conversation is None or request.conversation.kind != "channel":
        return None
    return await asyncio.to_thread(desk.prompts.channel_schedule, request.conversation.conversation_id)


async def _preview(
    t: Translator, desk: PromptDesk, slot: PromptSlot, schedule: Schedule, district: str
) -> Reply:
    """A slot as it would be posted now: its text, or the bank prompt it would get."""
    if slot.ready(schedule.approval_required):
        return cards.prompt_post(t, slot.text or "", slot=slot, from_bank=False)
    if slot.text:  # written, not approved yet: show what there is to approve
        return cards.awaiting_approval(t, slot)
    choice = choose_prompt(
        await asyncio.to_thread(desk.prompts.bank, district),
        local_day(slot.due_at, schedule.zone),
        records=await asyncio.to_thread(desk.prompts.bank_records, district),
    )
    if choice is None:
        return Reply(
            t._("#{id} has no text and the bank is empty: nothing would be posted.").format(id=slot.id)
        )
    text = choice.text_en if t.language == "en" and choice.text_en else choice.text
    return cards.prompt_post(t, text, slot=slot, from_bank=True)


async def _channel_to_name(request: Request, desk: PromptDesk, slot: PromptSlot) -> str | None:
    """The slot's channel, where the reader needs it: in a personal chat, with more than one channel."""
    if request.conversation is not None and request.conversation.kind == "channel":
        return None
    schedules = await asyncio.to_thread(desk.prompts.schedules, request.district)
    mine = next((s for s in schedules if s.id == slot.schedule_id), None)
    return cards.channel_name(request.t, mine) if mine is not None and len(schedules) > 1 else None


async def _lift(t: Translator, desk: PromptDesk, schedule: Schedule) -> Reply:
    lifted = await desk.resume(schedule)
    if lifted is None:
        return Reply(t._("There is no pause to lift."))
    return cards.resumed(t, *lifted)


async def _target_schedule(request: Request, desk: PromptDesk) -> Schedule | Reply:
    """The one schedule a command acts on: the channel's in a channel; in a personal chat the district's
    only one, or, with several, the answer to write it in the channel it is for."""
    t = request.t
    if request.conversation is not None and request.conversation.kind == "channel":
        here = await _channel_schedule(request, desk)
        if here is None:
            return Reply(
                t._("There is no prompt schedule in this channel; set one up with: schedule 1 and 15 at 18")
            )
        return here
    schedules = await asyncio.to_thread(desk.prompts.schedules, request.district)
    if not schedules:
        return Reply(t._("There is no schedule yet."))
    if len(schedules) == 1:
        return schedules[0]
    return Reply(
        t._(
            "Prompts are scheduled in {count} channels: {channels}. Write this in the channel it is for "
            "(and @mention me there)."
        ).format(count=len(schedules), channels="; ".join(cards.channel_name(t, s) for s in schedules))
    )


def _whose(t: Translator, name: str | None) -> str:
    return genitive(t, name) if name else t._("nobody's yet")


def _told(t: Translator, written: Sequence[PromptSlot]) -> str:
    """That the texts set aside are kept, and their owners and writers told."""
    if not written:
        return ""
    return t.ngettext(
        "{count} written text is set aside, kept; its owner and writer are told.",
        "{count} written texts are set aside, kept; their owners and writers are told.",
        len(written),
    ).format(count=len(written))


def _pause_problem(t: Translator, error: PauseError, today: date) -> Reply:
    example = t._(
        "Write two dates, e.g. pause 2027-06-15 2027-08-15 (or pause 15/6 15/8); to lift a pause: pause end."
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
            "“{detail}” is in the night hours when clocks change; pick a time outside 00–01 and 02–03."
        ),
        RuleProblem.MIXED: t._("Use either days of the month or weekdays, not both (“{detail}”)."),
        RuleProblem.NO_WEEKDAY: t._("“{detail}” needs a weekday after it, e.g. first tuesday."),
        RuleProblem.NO_ORDINAL: t._("“{detail}”: say which one of the month, e.g. first and third tuesday."),
        RuleProblem.MANY_TIMES: t._("One time per schedule, please (“{detail}”)."),
        RuleProblem.UNKNOWN_WORD: t._("I don't understand “{detail}” in the schedule."),
    }
    return Reply(messages[error.code].format(detail=error.detail[:40]) + " " + example)


_YES = ("ja", "yes", "bekräfta", "confirm")
# Posting a slot further ahead than this takes an owner's turn: the board is asked first.
EARLY = timedelta(days=3)


def _confirmed(args: str) -> tuple[str, bool]:
    """The arguments without a last word "ja" / "yes", and whether the board said it."""
    words = args.split()
    if words and fold(words[-1]) in _YES:
        return " ".join(words[:-1]), True
    return args, False
