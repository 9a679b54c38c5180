"""Scheduled discussion prompts: the schedule, the rota, texts, and the prompt bank (board members)."""

from __future__ import annotations

import asyncio
import re
from datetime import date, timedelta

from bot.cards import Reply, day_of_year, days
from bot.cards import prompts as cards
from bot.commands.people import strip_names
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, Translator, translator
from bot.services.goals import number_in
from bot.services.people import Role, channel_of
from bot.services.prompt_bank import AREA_NAMES, Area, choose_prompt
from bot.services.prompting import MAX_PROMPT_LENGTH, Outcome, PromptSlot, Schedule, SlotStatus, local_day
from bot.services.schedule_rules import RuleError, RuleProblem, parse_rule
from bot.services.text import fold
from schedules.desk import PromptDesk

# A bank listing shows this many prompts, each cut to one line: a chat message, not a document.
BANK_LISTED = 80
_SLOT = re.compile(r"^#?(\d{1,9})$")
_DATE = re.compile(r"^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2}))$")
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
        words = fold(request.args)
        if not request.args:
            return await _show(request, desk)
        if words in ("stopp", "stop", "stoppa", "avsluta"):
            if request.conversation is None or not await desk.stop(request.conversation.conversation_id):
                return Reply(t._("There is no schedule in this conversation to stop."))
            return Reply(t._("The schedule in this channel is stopped; no more prompts will be posted here."))
        if request.conversation is None or request.conversation.kind != "channel":
            return Reply(
                t._("Write this in the channel where the prompts should appear (and @mention me there).")
            )
        rule_text, confirmed = _confirmed(request.args)
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
        await desk.swap(slots[0].id, slots[1].id)
        return Reply(
            t._("Swapped: {first_owner} now has #{first}, and {second_owner} has #{second}.").format(
                first=slots[0].id,
                first_owner=slots[1].owner_name or t._("nobody yet"),
                second=slots[1].id,
                second_owner=slots[0].owner_name or t._("nobody yet"),
            )
        )

    @router.command(
        "ge", "assign", usage=N_("assign NUMBER @name"), summary=N_("give a prompt to someone"), role=board
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
        if not await desk.assign(slot.id, person, request.district):
            return Reply(
                t._(
                    "{name} is not on the board; only board members take turns with prompts. "
                    "An administrator can add them with: role board @name"
                ).format(name=person.name)
            )
        return Reply(t._("{name} now has #{id}.").format(id=slot.id, name=person.name))

    @router.command("hoppa", "skip", usage=N_("skip NUMBER"), summary=N_("skip one prompt"), role=board)
    async def skip(request: Request, context: Context) -> Reply:
        """Skip one slot (nothing is posted then)."""
        t, desk = request.t, _desk(context)
        words = request.args.split(maxsplit=1)  # "hoppa över 12": "över" (or "over") may come first
        over = len(words) == 2 and fold(words[0]) == "over"
        slot = await _slot(request, desk, words[1] if over else request.args)
        if isinstance(slot, Reply):
            return slot
        if not await desk.skip(slot.id):
            return Reply(t._("#{id} is not planned any more, so it cannot be skipped.").format(id=slot.id))
        return Reply(t._("#{id} is skipped; nothing will be posted then.").format(id=slot.id))

    @router.command(
        "paus",
        "pause",
        usage=N_("pause FROM TO"),
        summary=N_("no prompts in a period (e.g. the summer)"),
        role=board,
    )
    async def pause(request: Request, context: Context) -> Reply:
        """Pause a channel's prompts between two dates, both included."""
        t, desk = request.t, _desk(context)
        parts = request.args.split()
        today = context.now.astimezone(context.services.zone).date()
        dates = [_day(part, today) for part in parts] if len(parts) == 2 else []
        if len(dates) != 2 or None in dates:
            return Reply(t._("Write two dates, e.g. pause 2027-06-15 2027-08-15 (or pause 15/6 15/8)."))
        starts, ends = dates[0], dates[1]
        assert starts is not None and ends is not None
        if ends < starts:
            return Reply(t._("The pause ends before it starts; write the earlier date first."))
        schedules = await asyncio.to_thread(desk.prompts.schedules, request.district)
        here = [
            s
            for s in schedules
            if request.conversation and s.conversation_id == channel_of(request.conversation.conversation_id)
        ]
        targets = here or schedules
        if not targets:
            return Reply(t._("There is no schedule to pause."))
        changed = 0
        for target in targets:
            changed += await desk.pause(target, starts, ends)
        return Reply(
            t.ngettext(
                "Paused {days}: {count} discussion prompt set aside.",
                "Paused {days}: {count} discussion prompts set aside.",
                changed,
            ).format(days=days(t, starts, ends), count=changed)
        )

    @router.command(
        "skriv", "write", usage=N_("write NUMBER TEXT"), summary=N_("write the text of a prompt"), role=board
    )
    async def write(request: Request, context: Context) -> Reply:
        """Write (or rewrite) the text of a slot."""
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
        if slot.status is not SlotStatus.PLANNED:
            return Reply(t._("#{id} is not planned any more; its text cannot change.").format(id=slot.id))
        assert request.user is not None
        await desk.write(slot.id, text, request.user)
        schedule = await asyncio.to_thread(desk.prompts.schedule, slot.schedule_id)
        if schedule is not None and schedule.approval_required:
            return Reply(
                t._("Saved the text for #{id}. Another board member approves it with: approve {id}").format(
                    id=slot.id
                )
            )
        return Reply(t._("Saved the text for #{id}; it will be posted at its time.").format(id=slot.id))

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
        """Turn approval of texts on or off for the district's schedules."""
        t, desk = request.t, _desk(context)
        choice = fold(request.args)
        if choice not in ("pa", "on", "av", "off"):
            return Reply(t._("Write approval on or approval off."))
        required = choice in ("pa", "on")
        count = await asyncio.to_thread(desk.prompts.set_approval, request.district, required)
        if not count:
            return Reply(t._("There is no schedule yet."))
        if required:
            answer = t._("From now on another board member approves each text before it is posted.")
            coming = await asyncio.to_thread(desk.upcoming, request.district, limit=50)
            waiting = [
                s for s in coming if s.text and s.approved_by is None and s.status is SlotStatus.PLANNED
            ]
            if waiting:
                answer += " " + t._(
                    "Texts already written now wait for approval: {slots}. Approve with: approve {id}"
                ).format(
                    slots=", ".join(f"#{s.id} ({s.writer_name or t._('nobody yet')})" for s in waiting),
                    id=waiting[0].id,
                )
            return Reply(answer)
        return Reply(t._("Texts are posted as written, without approval."))

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
        return cards.history(t, posts, context.services.zone)

    @router.command(
        "visa",
        "preview",
        usage=N_("preview NUMBER"),
        summary=N_("see a prompt as it will be posted"),
        role=board,
    )
    async def preview(request: Request, context: Context) -> Reply:
        """Show a slot as it would be posted now (its text, or the bank prompt it would get)."""
        t, desk = request.t, _desk(context)
        slot = await _slot(request, desk, request.args)
        if isinstance(slot, Reply):
            return slot
        schedule = await asyncio.to_thread(desk.prompts.schedule, slot.schedule_id)
        assert schedule is not None
        if slot.ready(schedule.approval_required):
            return cards.prompt_post(t, slot.text or "", slot=slot, from_bank=False)
        if slot.text:  # written, not approved yet: show what there is to approve
            return cards.awaiting_approval(t, slot)
        choice = choose_prompt(
            await asyncio.to_thread(desk.prompts.bank, request.district),
            local_day(slot.due_at, schedule.zone),
        )
        if choice is None:
            return Reply(
                t._("#{id} has no text and the bank is empty: nothing would be posted.").format(id=slot.id)
            )
        text = choice.text_en if t.language == "en" and choice.text_en else choice.text
        return cards.prompt_post(t, text, slot=slot, from_bank=True)

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
        ahead = slot.due_at - context.now
        if ahead > EARLY and not confirmed:
            zone = context.services.zone
            return Reply(
                t._(
                    "#{id} is due {when}, {days} days from now, and is {owner}'s turn. "
                    "To post it now anyway: post {id} yes"
                ).format(
                    id=slot.id,
                    when=cards.when(t, slot.due_at, zone),
                    days=ahead.days,
                    owner=slot.owner_name or t._("nobody yet"),
                )
            )
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

        desk.post_now(slot.id, request.conversation.reference, answer)
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
        lines = [t._("The prompt bank ({count} prompts)").format(count=len(prompts))]
        for prompt in prompts[:BANK_LISTED]:
            label = (
                t._(AREA_NAMES[prompt.area])
                if prompt.area
                else (day_of_year(t, prompt.day) if prompt.day else "")
            )
            text = prompt.text_en if t.language == "en" and prompt.text_en else prompt.text
            shown = text if len(text) <= 120 else text[:119] + "…"
            lines.append(f"{prompt.id}. ({label}) {shown}" if label else f"{prompt.id}. {shown}")
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


def _desk(context: Context) -> PromptDesk:
    assert context.services.prompts is not None, "the prompt desk is part of every app built by bot.app"
    return context.services.prompts


async def _show(request: Request, desk: PromptDesk) -> Reply:
    """The coming slots: of this channel's schedule in a channel, of every channel's in a personal chat."""
    slots = await asyncio.to_thread(desk.upcoming, request.district, limit=50)
    schedules = {s.id: s for s in await asyncio.to_thread(desk.prompts.schedules, request.district)}
    here = await _channel_schedule(request, desk)
    if here is not None:
        schedules = {here.id: here}
    slots = [slot for slot in slots if slot.schedule_id in schedules][:10]
    if not schedules:
        return Reply(
            request.t._(
                "No schedule yet. The plan asks for at least two prompts a month; in the channel where they "
                "should appear, write for example: schedule 1 and 15 at 18"
            )
        )
    return cards.upcoming(request.t, slots, schedules)


async def _slot(request: Request, desk: PromptDesk, text: str) -> PromptSlot | Reply:
    t = request.t
    match = _SLOT.match(text.strip())
    if not match:
        return Reply(t._("Write the prompt's number as upcoming shows it, e.g. 12."))
    slot = await asyncio.to_thread(desk.slot_in, request.district, int(match.group(1)))
    if slot is None:
        return Reply(t._("There is no prompt #{id}; see upcoming.").format(id=match.group(1)))
    here = await _channel_schedule(request, desk)
    if here is not None and slot.schedule_id != here.id:
        return Reply(
            t._(
                "#{id} belongs to another channel's schedule: write this there, or in our personal chat."
            ).format(id=slot.id)
        )
    return slot


async def _channel_schedule(request: Request, desk: PromptDesk) -> Schedule | None:
    """In a channel, the schedule of that channel (the slots a command there acts on); None elsewhere."""
    if request.conversation is None or request.conversation.kind != "channel":
        return None
    return await asyncio.to_thread(desk.prompts.channel_schedule, request.conversation.conversation_id)


def _day(text: str, today: date) -> date | None:
    match = _DATE.match(text)
    if not match:
        return None
    try:
        if match.group(1):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        day = date(today.year, int(match.group(5)), int(match.group(4)))
    except ValueError:
        return None
    return day if day >= today else day.replace(year=today.year + 1)


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
