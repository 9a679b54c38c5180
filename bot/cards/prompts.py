"""Cards for scheduled discussion prompts: the post itself, the board's list, confirmations, notices."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time, get_day_names, get_timezone_location

from bot.cards import Reply, card, clock, day, facts, heading, listed, page_note, paragraph
from bot.db.prompts import PostRecord
from bot.i18n import Translator, genitive
from bot.services.engagement import COUNTING_DAYS, Engagement
from bot.services.prompt_bank import Record
from bot.services.prompting import MAX_PROMPT_LENGTH, Pause, PromptSlot, Schedule, SetAside, Setup, SlotStatus
from bot.services.schedule_rules import LAST, Holidays, ScheduleRule, holiday_name

Item = TypeVar("Item")
# A text quoted in a notice is cut to this many characters: the notice says whose and which, not all of it.
QUOTED = 300


def when(t: Translator, instant: datetime, zone: ZoneInfo) -> str:
    """A time as people in the district read it, in their language: "onsdag 23 december kl. 18.00",
    "Wednesday 23 December at 18:00". Prompts are planned within the coming months: no year."""
    local = instant.astimezone(zone)
    return t._("{day} at {time}").format(
        day=format_datetime(local, "EEEE d MMMM", locale=t.language),
        time=clock(t, local, zone),
    )


def rule_in_words(t: Translator, rule: ScheduleRule) -> str:
    """A rule in the reader's language, whatever language it was written in: "den 1 och 15 varje månad
    kl. 18.00", "every other Tuesday at 19:00"."""
    time = format_time(
        dt_time(rule.hour, rule.minute), "HH.mm" if t.language == "sv" else "HH:mm", locale=t.language
    )
    weekday = get_day_names("wide", locale=t.language)
    if rule.days_of_month:
        days = listed(t, [t._("the {day}").format(day=_day_of_month(t, d)) for d in rule.days_of_month])
        return t._("on {days} of each month at {time}").format(days=days, time=time)
    if rule.weekdays:
        ordinals = {
            1: t._("the first"),
            2: t._("the second"),
            3: t._("the third"),
            4: t._("the fourth"),
            5: t._("the fifth"),
            LAST: t._("the last"),
        }
        by_weekday: dict[int, list[str]] = {}  # "första och tredje måndagen", not "första måndagen och ..."
        for o, w in rule.weekdays:
            by_weekday.setdefault(w, []).append(ordinals[o])
        days = listed(
            t,
            [
                t._("{ordinal} {weekday}").format(ordinal=listed(t, which), weekday=weekday[w])
                for w, which in by_weekday.items()
            ],
        )
        return t._("on {days} of the month at {time}").format(days=days, time=time)
    every = {
        1: t._("every {weekday}"),
        2: t._("every other {weekday}"),
        3: t._("every third {weekday}"),
        4: t._("every fourth {weekday}"),
    }[rule.every_weeks]
    days = listed(t, [every.format(weekday=weekday[w]) for w in rule.week_days])
    return t._("{days} at {time}").format(days=days, time=time)


def _day_of_month(t: Translator, day: int) -> str:
    if t.language != "en":
        return str(day)
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def zone_name(t: Translator, timezone: str) -> str:
    """The zone as people say it: "svensk tid", not "Europe/Stockholm"."""
    if timezone == "Europe/Stockholm":
        return t._("Swedish time")
    return get_timezone_location(timezone, locale=t.language)


def channel_name(t: Translator, schedule: Schedule) -> str:
    """Which channel a schedule posts in, as the board knows it. Teams sends no channel names with
    messages; the General channel is the one whose id is the team's."""
    if schedule.general:
        return t._("General")
    return t._("the channel with prompts {rule}").format(rule=rule_in_words(t, schedule.rule))


def quoted(t: Translator, text: str) -> str:
    """A text quoted as the language quotes (”…” in Swedish), cut to QUOTED characters."""
    cut = text if len(text) <= QUOTED else text[: QUOTED - 1] + "…"
    return f"”{cut}”" if t.language == "sv" else f"“{cut}”"


def read_as(t: Translator, written: str, pause: Pause, command: str) -> str:
    """How a pause's loosely named days were read ("efter helgerna": to Epiphany), to be corrected."""
    days = f"{pause.starts_on.day}/{pause.starts_on.month} {pause.ends_on.day}/{pause.ends_on.month}"
    return t._("{written} is read as {period}. If you meant other days, write them: {command} {days}").format(
        written=quoted(t, written), period=period(t, pause), command=command, days=days
    )


def holidays_far(
    t: Translator, written: str, summer: bool, holidays: Pause, *, today: date, command: str
) -> str:
    """ "paus till efter helgerna" in May: which holidays? The next such are months away (Easter, Ascension
    or a long weekend may be meant), so nothing is paused; the answer says what it understood and what to
    write instead: a day to pause until, or the days of the holidays it would have read."""
    until, first, last = today + timedelta(days=14), holidays.starts_on, holidays.ends_on
    values = {
        "written": quoted(t, written[:40]),
        "period": period(t, holidays),
        "command": command,
        "days": f"{first.day}/{first.month} {last.day}/{last.month}",
        "day": f"{until.day}/{until.month}",
    }
    if summer:
        text = t._(
            "{written}: the summer holidays ({period}) are months away, so nothing was paused. Write the "
            "days, e.g. {command} until {day}, or {command} {days} for the summer holidays."
        )
    else:
        text = t._(
            "{written}: which holidays? The Christmas holidays ({period}) are months away, so nothing was "
            "paused. Write the days, e.g. {command} until {day}, or {command} {days} for the Christmas "
            "holidays."
        )
    return text.format(**values)


def after_far(t: Translator, written: str, pause: Pause, *, command: str) -> str:
    """ "paus till efter nyår" in May: a pause of most of a year, which a board almost never means by
    naming a holiday, so nothing is paused; the answer says how it was read and what to write for it."""
    last, soon = pause.ends_on, pause.starts_on + timedelta(days=14)
    return t._(
        "{written} would pause the prompts {period}, for months, so nothing was paused. If that is meant, "
        "write {command} until {day}; otherwise write the days, e.g. {command} until {soon}."
    ).format(
        written=quoted(t, written[:40]),
        period=period(t, pause),
        command=command,
        day=f"{last.day}/{last.month}",
        soon=f"{soon.day}/{soon.month}",
    )


def period(t: Translator, pause: Pause) -> str:
    """ "15 juni–15 aug. 2027": the year once, where both days are in it; the month once, where both days
    are in it ("1–31 juli 2027")."""
    starts, ends = pause.starts_on, pause.ends_on
    if (starts.year, starts.month) == (ends.year, ends.month) and starts != ends:
        return f"{starts.day}–{day(t, ends)}"
    start = format_date(starts, "d MMM", locale=t.language) if starts.year == ends.year else day(t, starts)
    return f"{start}–{day(t, ends)}"


def status_text(t: Translator, slot: PromptSlot, approval_required: bool) -> str:
    if slot.status is not SlotStatus.PLANNED:
        return {
            SlotStatus.SKIPPED: t._("skipped"),
            SlotStatus.PAUSED: t._("paused"),
            SlotStatus.POSTING: t._("being posted"),
            SlotStatus.POSTED: t._("posted"),
            SlotStatus.MISSED: t._("missed"),
            SlotStatus.UNCERTAIN: t._("may be missing"),
            SlotStatus.FAILED: t._("failed"),
            SlotStatus.CANCELLED: t._("cancelled"),
        }[slot.status]
    if not slot.text:
        return t._("no text yet")
    if approval_required and slot.approved_by is None:
        return t._("text written, awaiting approval")
    return t._("text ready")


def prompt_post(t: Translator, text: str, *, slot: PromptSlot, from_bank: bool) -> Reply:
    """The discussion prompt as it appears in the channel, signed by whoever wrote it."""
    title = t._("Discussion prompt")
    signature = _signature(t, slot, from_bank)
    body = [heading(title), paragraph(text), paragraph(signature, subtle=True)]
    plain = "\n\n".join((title, text, signature))
    # Where cards are not shown (notifications, thread previews): the question, and who wrote it.
    return Reply(plain, card(body, fallback=plain), summary=f"{text}\n\n{signature}")


def with_note(reply: Reply, note: str) -> Reply:
    """A reply with a note below it (in its card too)."""
    text = f"{reply.text}\n\n{note}"
    body = [*reply.card["body"], paragraph(note, subtle=True)] if reply.card else []
    return Reply(text, card(body, fallback=text) if reply.card else None, summary=reply.summary)


def due_in(t: Translator, slot: PromptSlot, schedule: Schedule) -> str:
    return t._("Due {when} in {channel}.").format(
        when=when(t, slot.due_at, schedule.zone), channel=channel_name(t, schedule)
    )


def awaiting_approval(t: Translator, slot: PromptSlot) -> Reply:
    """A written text as it would be posted, and that it waits for another board member's approval."""
    note = t._(
        "Waits for approval: another board member approves it with: approve {id}. "
        "Unapproved at its time, a prompt from the bank is posted instead."
    ).format(id=slot.id)
    return with_note(prompt_post(t, slot.text or "", slot=slot, from_bank=False), note)


def _signature(t: Translator, slot: PromptSlot, from_bank: bool) -> str:
    """Political text goes out under the name of the person who wrote it, and only theirs: whose turn it
    was is the rota's business, not the members' ("Skrivet av Lars för Jonas" reads as Jonas's words too).
    A bank prompt names no board member: none of them wrote it."""
    if from_bank:
        return t._("From the prompt bank")
    if slot.writer_name is None:  # the writer is no longer known (forgotten, or removed)
        return t._("From the district board")
    return t._("Written by {name}").format(name=slot.writer_name)


def upcoming(
    t: Translator,
    slots: Sequence[PromptSlot],
    schedules: dict[int, Schedule],
    *,
    next_due: dict[int, datetime | None],
    name_channels: bool,
    total: int | None = None,
    page: int = 1,
    per_page: int = 10,
    me: int | None = None,
    mine: PromptSlot | None = None,
    set_aside: Sequence[PromptSlot] = (),
) -> Reply:
    """The coming slots (a page of them: `total` in all); `name_channels` when they are of more than one
    channel (a personal chat). `next_due`: the schedules with no slot coming (all posted early, or set
    aside), and when their next one is due. The asker (`me`) reads when their next turn (`mine`, on this
    page or a later one) is, or that they have none yet, and the hints name that turn: "whose turn is
    it?" or "I can't take my turn" is answered with what to write for their own."""
    lines = [
        _nothing_coming(t, schedules[schedule_id], due, name_channels)
        for schedule_id, due in next_due.items()
    ]
    if not slots:
        text = "\n".join(lines)
        return Reply(text)
    title = t._("Coming discussion prompts")
    text_lines, body = [title], [heading(title)]
    grouped: list[tuple[Schedule | None, Sequence[PromptSlot]]] = [(None, slots)]
    if name_channels:  # the channel once, over its prompts: not a long name on every line
        grouped = [*by_channel(slots, schedules, lambda slot: slot.schedule_id)]
    for schedule, theirs in grouped:
        rows = [(f"#{slot.id}", coming_line(t, slot, schedules[slot.schedule_id])) for slot in theirs]
        if schedule is not None:
            name = capitalized(channel_name(t, schedule))
            text_lines.append(name)
            body.append(heading(name, size="Default"))
        text_lines += [f"{k} {v}" for k, v in rows]
        body.append(facts(rows))
    planned = [slot for slot in slots if slot.status is SlotStatus.PLANNED]
    # the hints are about one prompt, ready to copy: the asker's own turn, else the first open one, else the
    # first listed (skipped or paused: what can be done with it then)
    first = mine or next(iter(planned), None) or slots[0]
    # swapped with someone else's (never with itself: "swap 4 4" would be refused)
    partner = next((s for s in planned if s.owner_id != first.owner_id), None)
    yours = []
    if mine is not None:
        schedule = schedules[mine.schedule_id]
        when_mine = when(t, mine.due_at, schedule.zone)
        yours.append(t._("Your next turn: #{id}, {when}.").format(id=mine.id, when=when_mine))
    elif skipped := [s for s in set_aside if s.status is SlotStatus.SKIPPED]:  # no open turn: theirs skipped
        first_skipped = skipped[0]
        said = t.ngettext(
            "Your turn {ids} ({when}) is skipped; to post it after all: unskip {id}",
            "Your turns {ids} are skipped; to post one after all: unskip {id}",
            len(skipped),
        )
        yours.append(
            said.format(
                id=first_skipped.id,
                ids=listed(t, [f"#{s.id}" for s in skipped]),
                when=when(t, first_skipped.due_at, schedules[first_skipped.schedule_id].zone),
            )
        )
    elif set_aside:  # in a pause
        paused = set_aside[0]
        yours.append(
            t._(
                "Your turn #{id} ({when}) falls in a pause; to post it, lift the pause first: pause end"
            ).format(id=paused.id, when=when(t, paused.due_at, schedules[paused.schedule_id].zone))
        )
    elif me is not None:  # "när är min tur?" from someone the rota has not reached yet
        yours.append(t._("You have no turn among the upcoming prompts yet."))
    hint = change_hint(t, first, partner)
    notes = [*lines, times_are(t, slots, schedules), *yours, hint]
    paging = page_note(
        t,
        shown=len(slots),
        total=len(slots) if total is None else total,
        page=page,
        per_page=per_page,
        next_page=t._("upcoming page {number}").format(number=page + 1),
    )
    if paging:
        notes.insert(0, paging)
    text = "\n".join([*text_lines, "", *notes])
    body += [paragraph(note, subtle=True) for note in notes]
    return Reply(text, card(body, fallback=text))


def change_hint(t: Translator, slot: PromptSlot, partner: PromptSlot | None = None) -> str:
    """What can be done next with `slot`, as commands that work written as they stand: a planned prompt is
    swapped (with `partner`, someone else's), given away, skipped, written (its text taken off, if it has
    one) and previewed; a skipped one is planned again; a paused one waits for its pause to be lifted."""
    if slot.status is SlotStatus.SKIPPED:
        return t._("Change with: unskip {id}, preview {id}").format(id=slot.id)
    if slot.status is SlotStatus.PAUSED:
        return t._("Change with: pause end (to post it after all), preview {id}").format(id=slot.id)
    commands = [t._("assign {id} @name"), t._("skip {id}"), t._("write {id} TEXT")]
    if partner is not None:
        commands.insert(0, t._("swap {id} {other}"))
    if slot.text:
        commands.append(t._("erase {id}"))
    commands.append(t._("preview {id}"))
    return t._("Change with: {commands}").format(
        commands=", ".join(c.format(id=slot.id, other=partner.id if partner else "") for c in commands)
    )


def coming_line(t: Translator, slot: PromptSlot, schedule: Schedule) -> str:
    """A coming prompt as every list of them shows it: when (in the district's time), whose turn, and
    whether its text is written; and, where a colleague wrote it, whose name the post will carry (the
    owner's name alone would read as the post's author)."""
    parts = [
        when(t, slot.due_at, schedule.zone),
        slot.owner_name or t._("nobody yet"),
        status_text(t, slot, schedule.approval_required),
    ]
    if slot.text and slot.text_by != slot.owner_id:
        parts.append(t._("posted as written by {writer}").format(writer=slot.writer_name or t._("the board")))
    return " \u00b7 ".join(parts)


def by_channel(
    items: Sequence[Item], schedules: Mapping[int, Schedule], schedule_of: Callable[[Item], int]
) -> list[tuple[Schedule, list[Item]]]:
    """Prompts (slots or posts) by channel: channels in the order of their first, each one's in order."""
    grouped: dict[int, list[Item]] = {}
    for item in items:
        grouped.setdefault(schedule_of(item), []).append(item)
    return [(schedules[schedule_id], theirs) for schedule_id, theirs in grouped.items()]


def times_are(t: Translator, slots: Sequence[PromptSlot], schedules: Mapping[int, Schedule]) -> str:
    """In which time the listed times are ("svensk tid"), as the schedule's answer says it."""
    zones = {schedules[slot.schedule_id].timezone for slot in slots} or {"Europe/Stockholm"}
    return t._("Times are {zone}.").format(zone=", ".join(zone_name(t, zone) for zone in sorted(zones)))


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _nothing_coming(t: Translator, schedule: Schedule, next_due: datetime | None, name: bool) -> str:
    channel = channel_name(t, schedule)
    if next_due is None and name:
        return t._(
            "Every prompt planned in {channel} is posted or set aside; none is due within a year."
        ).format(channel=channel)
    if next_due is None:
        return t._("Every prompt planned is posted or set aside; none is due within a year.")
    due = when(t, next_due, schedule.zone)
    if name:
        return t._(
            "Every prompt planned so far in {channel} is posted or set aside; the next is due {when}."
        ).format(channel=channel, when=due)
    return t._("Every prompt planned so far is posted or set aside; the next is due {when}.").format(when=due)


def schedule_set(t: Translator, setup: Setup, *, warn_few: bool) -> Reply:
    schedule, slots = setup.schedule, setup.upcoming
    title = t._("Prompts will be posted in this channel {rule}").format(rule=rule_in_words(t, schedule.rule))
    rows = []
    for slot in slots:
        parts = [when(t, slot.due_at, schedule.zone), slot.owner_name or t._("nobody yet")]
        if slot.status is not SlotStatus.PLANNED:  # skipped or paused: as `upcoming` says it
            parts.append(status_text(t, slot, schedule.approval_required))
        rows.append((f"#{slot.id}", " \u00b7 ".join(parts)))
    lines = [title, *(f"{k} {v}" for k, v in rows)]
    body = [heading(title), facts(rows)]
    notes = []
    if setup.coming_total > len(slots):  # the first few: how many in all, and where the rest are
        notes.append(
            t._("The next {shown} of {total} prompts laid out so far; all of them: {command}").format(
                shown=len(slots), total=setup.coming_total, command=t._("upcoming")
            )
        )
    change = setup.change
    if change is not None and (change.kept or change.dropped or change.touches_texts):
        notes.append(_change_summary(t, setup))
        notes += _text_moves(t, setup)
        parked = [slot for slot in setup.written if slot.id in change.parked]
        notes += _yours(t, parked, setup.actor)
    rule = schedule.rule
    for slot in slots:  # today's, whose new hour had passed when it changed: it keeps its own time
        local = slot.due_at.astimezone(schedule.zone)
        kept = change is not None and slot.id in change.kept
        if kept and (local.hour, local.minute) != (rule.hour, rule.minute):
            notes.append(
                t._("#{id} keeps its time today, {time}: the new hour had already passed.").format(
                    id=slot.id, time=clock(t, slot.due_at, schedule.zone)
                )
            )
    if setup.dealt:
        notes.append(dealt_anew(t, setup.dealt))
    notes.append(_holiday_note(t, schedule.rule.holidays, setup.holidays))
    if not setup.pauses:
        notes.append(t._("A summer break? Write for example: pause 15/6 15/8"))
    if warn_few:
        notes.append(t._("Note: the plan asks for prompts at least twice a month; this rule gives fewer."))
    elif setup.few:
        notes.append(_few_in_months(t, setup.few, holidays=True))
    if slots and all(slot.owner_id is None for slot in slots):
        notes.append(
            t._(
                "Nobody is on the rota yet: an administrator makes people board members with "
                "role board @name."
            )
        )
    notes.append(t._("Times are {zone}.").format(zone=zone_name(t, schedule.timezone)))
    for note in notes:
        body.append(paragraph(note, subtle=True))
    lines += ["", *notes]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def _change_summary(t: Translator, setup: Setup) -> str:
    """What the change did to the coming prompts, naming only what there is ("3 keep their day")."""
    change = setup.change
    assert change is not None
    counts = (
        (len(change.kept), t.ngettext("{count} keeps its day", "{count} keep their day", len(change.kept))),
        (
            len(change.moved),
            t.ngettext(
                "{count} written moves to another day",
                "{count} written move to other days",
                len(change.moved),
            ),
        ),
        (
            len(change.parked),
            t.ngettext("{count} written is set aside", "{count} written are set aside", len(change.parked)),
        ),
        (
            len(change.dropped),
            t.ngettext(
                "{count} without text falls away", "{count} without text fall away", len(change.dropped)
            ),
        ),
    )
    parts = [message.format(count=count) for count, message in counts if count]
    return t._("Of the coming prompts: {parts}.").format(parts=listed(t, parts))


def _holiday_note(t: Translator, holidays: Holidays, skipped: Sequence[date]) -> str:
    """What the rule does on holidays; the days it skips among those listed, named, lest the list look
    as if it had forgotten them ("den 24 och den 31" without 24 and 31 December). The days are what
    schedule_rules.is_holiday counts: the public holidays and three eves, not ordinary Sundays, which a
    Swede counts among "helgdagar" (and Saturdays are no weekday to move to)."""
    if holidays is Holidays.MOVE:
        return t._(
            "A prompt due on a public holiday, Midsummer Eve, Christmas Eve or New Year's Eve is posted on "
            "the next weekday (Monday to Friday) instead."
        )
    if holidays is Holidays.KEEP:
        return t._("Prompts are posted on public holidays too.")
    how = t._(
        "To post on the next weekday instead, add “move holidays” to the rule; "
        "to post anyway, “including holidays”."
    )
    if not skipped:
        skips = t._("No prompts on public holidays, Midsummer Eve, Christmas Eve or New Year's Eve.")
        return f"{skips} {how}"
    days = listed(t, [_holiday(t, each) for each in skipped])
    skips = t._(
        "No prompts on public holidays, Midsummer Eve, Christmas Eve or New Year's Eve, so none on {days}."
    )
    return skips.format(days=days) + " " + how


def _holiday(t: Translator, day: date) -> str:
    """A holiday and its day, "juldagen 25 december"; a name that says its day already stands alone
    ("första maj", not "första maj 1 maj")."""
    name = holiday_name(day, t.language)
    if format_date(day, "MMMM", locale=t.language).casefold() in name.casefold():
        return name
    return f"{name} {format_date(day, 'd MMMM', locale=t.language)}"


def schedule_change_asked(t: Translator, setup: Setup, *, command: str) -> Reply:
    """A new rule would move or set aside written texts: say how, and how to go ahead."""
    lines = [t._("The new schedule would move texts already written:"), *_text_moves(t, setup)]
    lines += [
        "",
        t._("Nothing is changed yet. To go ahead, write it again with yes at the end: {command} yes").format(
            command=command
        ),
    ]
    text = "\n".join(lines)
    return Reply(text)


def _text_moves(t: Translator, setup: Setup) -> list[str]:
    change, zone = setup.change, setup.schedule.zone
    if change is None:
        return []
    lines = []
    for slot in setup.written:
        # whose words they are, and whose turn: the writer's name goes out with them
        about = {
            "id": slot.id,
            "writer": slot.writer_name or t._("someone no longer known"),
            "turn": _turn(t, slot),
        }
        moved_to = change.moved.get(slot.id)
        if moved_to is not None:
            lines.append(
                t._("#{id} (text by {writer}, {turn}): from {old} to {new}").format(
                    old=when(t, slot.due_at, zone), new=when(t, moved_to, zone), **about
                )
            )
        else:
            lines.append(
                t._(
                    "#{id} (text by {writer}, {turn}): no free day outside a pause within two months; the "
                    "text is kept but not posted"
                ).format(**about)
            )
    return lines


def history(
    t: Translator,
    posts: Sequence[PostRecord],
    zone: ZoneInfo,
    channels: dict[int, Schedule] | None = None,
    *,
    reads_replies: bool,
    total: int | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Reply:
    """The prompts posted so far (a page of them: `total` in all): when, from where, how it went and
    whether it started a discussion; in which channel, given `channels` (each post's schedule, where they
    are of more than one)."""
    title = t._("Posted prompts")
    outcomes = {
        "sent": t._("posted"),
        "sending": t._("being posted"),
        "uncertain": t._("may be missing"),
        "failed": t._("failed"),
        "gone": t._("channel gone"),
    }
    lines, body = [title], [heading(title)]
    grouped = by_channel(posts, channels, lambda post: post.schedule_id) if channels else [(None, posts)]
    for schedule, theirs in grouped:
        rows = [_history_row(t, post, zone, outcomes, reads_replies=reads_replies) for post in theirs]
        if schedule is not None:  # the channel once, over its posts
            lines.append(capitalized(channel_name(t, schedule)))
            body.append(heading(lines[-1], size="Default"))
        lines += [f"{k} {v}" for k, v in rows]
        body.append(facts(rows))
    paging = page_note(
        t,
        shown=len(posts),
        total=len(posts) if total is None else total,
        page=page,
        per_page=per_page,
        next_page=t._("history page {number}").format(number=page + 1),
    )
    notes = [paging] if paging else []
    if not reads_replies:
        notes.append(replies_not_counted(t))
    if notes:
        lines += ["", *notes]
        body += [paragraph(note, subtle=True) for note in notes]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def _history_row(
    t: Translator, post: PostRecord, zone: ZoneInfo, outcomes: Mapping[str, str], *, reads_replies: bool
) -> tuple[str, str]:
    """One post of `history`: when, how it went, whose text, and how it was received."""
    moment = when(t, post.sent_at or post.claimed_at, zone)
    if post.source == "bank":
        source = t._("from the bank")
    elif post.writer_name:
        source = t._("{whose} text").format(whose=genitive(t, post.writer_name))
    else:
        source = t._("the board’s text")
    parts = [moment, outcomes.get(post.outcome, post.outcome), source]
    if post.outcome == "sent":
        parts.append(engagement_text(t, post.engagement, reads_replies=reads_replies))
    return f"#{post.slot_id}", " \u00b7 ".join(parts)


def engagement_text(t: Translator, engagement: Engagement, *, reads_replies: bool) -> str:
    """ "3 replies from 2 people · 4 reactions · started a discussion" (replies only where they are read)."""
    parts = []
    if reads_replies:
        replies = t.ngettext("{count} reply", "{count} replies", engagement.replies).format(
            count=engagement.replies
        )
        people = t.ngettext("from {count} person", "from {count} people", engagement.people).format(
            count=engagement.people
        )
        parts.append(f"{replies} {people}" if engagement.replies else replies)
    parts.append(
        t.ngettext("{count} reaction", "{count} reactions", engagement.reactions).format(
            count=engagement.reactions
        )
    )
    parts.append(t._("started a discussion") if engagement.started_discussion else t._("no discussion"))
    return " \u00b7 ".join(parts)


def replies_not_counted(t: Translator) -> str:
    return t._(
        "Only reactions are counted: I see only the channel messages that @mention me, until a team owner "
        "lets the app read the team's channel messages (asked when the app is installed or updated). "
        "Then replies and the people replying are counted too, never what they wrote."
    )


def bank_record(t: Translator, record: Record | None) -> str:
    """ "posted 3 times, 2 started a discussion", or "never posted"."""
    if record is None or not record.posts:
        return t._("never posted")
    posted = t.ngettext("posted {count} time", "posted {count} times", record.posts).format(
        count=record.posts
    )
    started = t.ngettext(
        "{count} started a discussion", "{count} started a discussion", record.discussions
    ).format(count=record.discussions)
    return f"{posted}, {started}"


def engagement_digest(
    t: Translator, posts: Sequence[PostRecord], *, month: date, zone: ZoneInfo, reads_replies: bool
) -> Reply:
    """The board's monthly digest: last month's prompts that started a discussion, and those that did not."""
    title = t._("Prompts in {month}: did they start discussions?").format(
        month=format_date(month, "LLLL y", locale=t.language)
    )
    started = [p for p in posts if p.engagement.started_discussion]
    quiet = [p for p in posts if not p.engagement.started_discussion]
    body = [heading(title, size="Large")]
    lines = [title]
    for section, chosen in ((t._("Started a discussion"), started), (t._("No discussion"), quiet)):
        if not chosen:
            continue
        rows = [
            (
                f"#{post.slot_id}",
                f"{when(t, post.sent_at or post.claimed_at, zone)} \u00b7 "
                + engagement_text(t, post.engagement, reads_replies=reads_replies),
            )
            for post in chosen
        ]
        body += [heading(section), facts(rows)]
        lines += ["", section, *(f"{k} {v}" for k, v in rows)]
    note = t._("Counted so far: replies and reactions count for {days} days after a post.").format(
        days=COUNTING_DAYS
    )
    notes = [note] if reads_replies else [note, replies_not_counted(t)]
    for line in notes:
        body.append(paragraph(line, subtle=True))
    lines += ["", *notes]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


# The owner's reminder answers with one tap (Action.Execute): its buttons' data name this form.
OWNER_FORM = "owner-reminder"
WRITE, BANK, SWAP = "write", "bank", "swap"


def owner_reminder(t: Translator, slot: PromptSlot, schedule: Schedule, *, person: str | None) -> Reply:
    """The owner's reminder of their turn (which prompt, when, in which channel): write the text here, let
    the bank post one, or swap turns."""
    if schedule.approval_required:  # writing it is not enough: unapproved, the bank's is posted
        text = t._(
            "Your turn: the discussion prompt #{id} is posted {when} in {channel}. "
            "Write it here with: write {id} YOUR TEXT, and another board member approves it. "
            "Without an approved text by then, I will post one from the bank."
        )
    else:
        text = t._(
            "Your turn: the discussion prompt #{id} is posted {when} in {channel}. "
            "Write it here with: write {id} YOUR TEXT. If you don't, I will post one from the bank."
        )
    text = text.format(
        id=slot.id, when=when(t, slot.due_at, schedule.zone), channel=channel_name(t, schedule)
    )
    if person is None:
        return Reply(text)
    data = {"form": OWNER_FORM, "slot": slot.id, "for": person}
    body: list[dict[str, Any]] = [
        paragraph(text),
        {
            "type": "Input.Text",
            "id": "text",
            "label": t._("The prompt's text"),
            "isMultiline": True,
            "maxLength": MAX_PROMPT_LENGTH,
        },
    ]
    actions = [
        {"type": "Action.Execute", "title": label, "verb": OWNER_FORM, "data": {**data, "do": do}}
        for label, do in (
            (t._("Write the text"), WRITE),
            (t._("Use the bank"), BANK),
            (t._("Swap with someone"), SWAP),
        )
    ]
    return Reply(text, card(body, fallback=text, actions=actions))


def swap_choices(
    t: Translator, slot: PromptSlot, others: Sequence[PromptSlot], zone: ZoneInfo, *, person: str
) -> Reply:
    """Whose coming turn to take instead: one button per slot of another owner."""
    if not others:
        return Reply(t._("Nobody else has a coming prompt to swap with; ask the board."), keeps_card=True)
    title = t._("Swap #{id} with:").format(id=slot.id)
    labels = [f"#{other.id} {when(t, other.due_at, zone)} \u00b7 {other.owner_name}" for other in others]
    actions = [
        {
            "type": "Action.Execute",
            "title": label,
            "verb": OWNER_FORM,
            "data": {"form": OWNER_FORM, "slot": slot.id, "for": person, "do": SWAP, "with": other.id},
        }
        for label, other in zip(labels, others, strict=True)
    ]
    lines = [title, *labels]
    text = "\n".join(lines)
    return Reply(text, card([heading(title), {"type": "ActionSet", "actions": actions}], fallback=text))


# --- notices and questions: texts set aside, slots changing hands -------------------------------------


def set_aside_asked(t: Translator, asked: SetAside, *, command: str) -> Reply:
    """Before a skip, stop or pause sets aside texts someone wrote: whose, for which slot, who will be told,
    and how to go ahead."""
    written = asked.written
    lines = [
        t.ngettext(
            "This sets aside a text already written; it will not be posted:",
            "This sets aside texts already written; they will not be posted:",
            len(written),
        )
    ]
    lines += [_written_line(t, slot, asked.schedule) for slot in written]
    lines.append("")
    names = _told_names(written, asked.actor)
    if names:
        lines.append(
            t.ngettext("{names} will be told.", "{names} will be told.", len(names)).format(
                names=listed(t, names)
            )
        )
    lines.append(
        t._("Nothing is changed yet. To go ahead, write it again with yes at the end: {command} yes").format(
            command=command
        )
    )
    return Reply("\n".join(lines))


def set_aside_done(t: Translator, done: SetAside) -> str:
    """After a skip, stop or pause: the texts set aside, who is told (not whoever did it), and, but for a
    pause (which keeps them for its end), the texts they wrote themselves, so that nothing is lost."""
    if not done.written:
        return ""
    lines = [
        t.ngettext(
            "{count} written text is set aside and kept.",
            "{count} written texts are set aside and kept.",
            len(done.written),
        ).format(count=len(done.written))
    ]
    names = _told_names(done.written, done.actor)
    if names and done.pause is not None:
        told = t.ngettext(
            "{names} is told in a personal chat.", "{names} are told in a personal chat.", len(names)
        )
        lines[0] += " " + told.format(names=listed(t, names))
    elif names:
        told = t.ngettext(
            "The text is sent to {names} in a personal chat.",
            "The texts are sent to {names} in a personal chat.",
            len(done.written),
        )
        lines[0] += " " + told.format(names=listed(t, names))
    if done.pause is None:
        lines += _yours(t, done.written, done.actor)
    return "\n".join(lines)


def set_aside_answer(t: Translator, answer: str, done: SetAside) -> Reply:
    """The answer to a skip, stop or pause that was done: what it did to written texts and to the turns."""
    lines = [f"{answer} {set_aside_done(t, done)}".strip()]
    if done.few:
        lines.append(_few_in_months(t, done.few, skipped=done.pause is None))
    if done.dealt:
        lines.append(dealt_anew(t, done.dealt))
    return Reply("\n".join(lines))


def _few_in_months(
    t: Translator, few: Sequence[tuple[date, int]], *, holidays: bool = False, skipped: bool = False
) -> str:
    months = [
        (
            t.ngettext("{count} prompt in {month}", "{count} prompts in {month}", count)
            if count
            else t._("no prompt in {month}")
        ).format(count=count, month=format_date(month, "LLLL yyyy", locale=t.language))
        for month, count in few
    ]
    if holidays:  # the rule's own months, holidays skipped
        note = t._(
            "Note: the plan asks for prompts at least twice a month; with the holidays skipped this channel "
            "gets {months}."
        )
    elif skipped:
        note = t._(
            "Note: the plan asks for prompts at least twice a month; with this one skipped this channel gets "
            "{months}."
        )
    else:
        note = t._(
            "Note: the plan asks for prompts at least twice a month; with the pause this channel gets "
            "{months}."
        )
    return note.format(months=listed(t, months))


def dealt_anew(t: Translator, dealt: Sequence[tuple[PromptSlot, str]]) -> str:
    """The coming turns a change gave someone else: who has each now, and whose it was."""
    slots = ", ".join(
        t._("#{id} {owner} (instead of {was})").format(
            id=slot.id, owner=slot.owner_name or t._("nobody yet"), was=was
        )
        for slot, was in dealt
    )
    return t._("Turns dealt anew so that everyone has theirs in order: {slots}.").format(slots=slots)


def _told_names(written: Sequence[PromptSlot], actor: int | None) -> list[str]:
    """The owners and writers of these slots whom a change tells of it: everyone but who made it."""
    names: list[str] = []
    for slot in written:
        for person, name in ((slot.owner_id, slot.owner_name), (slot.text_by, slot.writer_name)):
            if person is not None and person != actor and name and name not in names:
                names.append(name)
    return names


def _yours(t: Translator, written: Sequence[PromptSlot], actor: int | None) -> list[str]:
    """The texts whoever set them aside wrote: nobody else sends them theirs."""
    return [
        t._("Your text for #{id}, kept here: {text}").format(id=slot.id, text=quoted(t, slot.text or ""))
        for slot in written
        if actor is not None and slot.text_by == actor
    ]


def _written_line(t: Translator, slot: PromptSlot, schedule: Schedule) -> str:
    return t._("#{id} {when}, {owner}: text by {writer}").format(
        id=slot.id,
        when=when(t, slot.due_at, schedule.zone),
        owner=t._("{whose} turn").format(whose=genitive(t, slot.owner_name))
        if slot.owner_name
        else t._("nobody's turn"),
        writer=slot.writer_name or t._("someone no longer known"),
    )


def skipped(t: Translator, slot: PromptSlot, schedule: Schedule, actor: str) -> Reply:
    return Reply(
        t._(
            "{actor} skipped #{id} ({when}, {channel}), so the text by {writer} will not be posted. "
            "Here it is, kept: {text}"
        ).format(**_about(t, slot, schedule, actor))
    )


def unskipped(t: Translator, slot: PromptSlot, schedule: Schedule, actor: str) -> Reply:
    """To the owner and the writer of a skipped prompt planned again."""
    if slot.text:
        said = t._(
            "{actor} took back the skip of #{id} ({when}, {channel}): it is posted at its time after all, "
            "with the text by {writer}: {text}"
        )
    else:
        said = t._(
            "{actor} took back the skip of #{id} ({when}, {channel}): it is posted at its time after all. "
            "No text is written yet: write {id} YOUR TEXT"
        )
    return Reply(said.format(**_about(t, slot, schedule, actor)))


def stopped(t: Translator, slot: PromptSlot, schedule: Schedule, actor: str) -> Reply:
    return Reply(
        t._(
            "{actor} stopped the prompt schedule in {channel}, so the text by {writer} for #{id} ({when}) "
            "will not be posted. Here it is, kept: {text}"
        ).format(**_about(t, slot, schedule, actor))
    )


def paused(t: Translator, slot: PromptSlot, schedule: Schedule, pause: Pause, actor: str) -> Reply:
    return Reply(
        t._(
            "{actor} paused the prompts in {channel} {period}, so the text by {writer} for #{id} ({when}) "
            "waits: it is posted at its time if the pause is lifted first (pause end). "
            "Here it is, kept: {text}"
        ).format(period=period(t, pause), **_about(t, slot, schedule, actor))
    )


def text_moved(
    t: Translator, slot: PromptSlot, schedule: Schedule, moved_to: datetime | None, *, actor: str
) -> Reply:
    about = _about(t, slot, schedule, actor)
    if moved_to is None:
        return Reply(
            t._(
                "{actor} changed the prompt schedule in {channel}: #{id} ({when}) has no day left, "
                "so the text by {writer} will not be posted. Here it is, kept: {text}"
            ).format(**about)
        )
    return Reply(
        t._(
            "{actor} changed the prompt schedule in {channel}: #{id}, with the text by {writer}, moves from "
            "{when} to {new}."
        ).format(new=when(t, moved_to, schedule.zone), **about)
    )


def time_changed(t: Translator, slot: PromptSlot, schedule: Schedule, was: datetime, *, actor: str) -> Reply:
    """To the owner of a turn, already reminded of it at its old time: the time it now has."""
    return Reply(
        t._(
            "{actor} changed the time of the prompts in {channel}: your turn #{id} is now {new}, not {old}."
        ).format(
            actor=actor,
            channel=channel_name(t, schedule),
            id=slot.id,
            new=when(t, slot.due_at, schedule.zone),
            old=clock(t, was.astimezone(schedule.zone), schedule.zone),
        )
    )


def _about(t: Translator, slot: PromptSlot, schedule: Schedule, actor: str) -> dict[str, object]:
    return {
        "actor": actor,
        "id": slot.id,
        "when": when(t, slot.due_at, schedule.zone),
        "channel": channel_name(t, schedule),
        "writer": slot.writer_name or t._("someone no longer known"),
        "text": quoted(t, slot.text or ""),
    }


def text_returned(t: Translator, slots: Sequence[tuple[PromptSlot, Schedule]]) -> Reply:
    """To a writer no longer on the board: their texts for coming prompts, which are not posted."""
    lines = [
        t.ngettext(
            "You are no longer on the board, so your text for a coming prompt will not be posted. "
            "Here it is, kept:",
            "You are no longer on the board, so your texts for coming prompts will not be posted. "
            "Here they are, kept:",
            len(slots),
        )
    ]
    lines.extend(
        t._("#{id} ({when}, {channel}): {text}").format(**_about(t, slot, schedule, ""))
        for slot, schedule in slots
    )
    return Reply("\n".join(lines))


def text_withdrawn(t: Translator, slot: PromptSlot, schedule: Schedule) -> Reply:
    """To the owner of a prompt whose text's writer left the board: the prompt waits for a text."""
    return Reply(
        t._(
            "{writer} is no longer on the board, so the text {writer} wrote for your prompt #{id} ({when}, "
            "{channel}) will not be posted. Write one here with: write {id} YOUR TEXT; without one, a prompt "
            "from the bank is posted."
        ).format(**_about(t, slot, schedule, ""))
    )


def text_gone(t: Translator, slot: PromptSlot, schedule: Schedule) -> Reply:
    """To a prompt's owner: the text a colleague wrote for it went when its writer asked to be forgotten
    (whom the bot no longer names)."""
    return Reply(
        t._(
            "The text written for your prompt #{id} ({when}, {channel}) was withdrawn by the one who "
            "wrote it and will not be posted. Write one here with: write {id} YOUR TEXT; without one, "
            "a prompt from the bank is posted."
        ).format(**_about(t, slot, schedule, ""))
    )


def approval_gone(t: Translator, slot: PromptSlot, schedule: Schedule) -> Reply:
    """To a prompt's owner and writer: its approval went with the board member who gave it."""
    return Reply(
        t._(
            "The text for #{id} ({when}, {channel}) is no longer approved: the board member who approved "
            "it is no longer known to me. Another board member approves it with: approve {id}; unapproved "
            "at its time, a prompt from the bank is posted instead."
        ).format(**_about(t, slot, schedule, ""))
    )


def approval_wanted(t: Translator, slot: PromptSlot, schedule: Schedule) -> Reply:
    """To the board members who may approve a text (all but its writer), days before its time."""
    return Reply(
        t._(
            "The text by {writer} for {which} is not approved yet. See it with: preview {id}, and approve "
            "it with: approve {id}. Unapproved at its time, a prompt from the bank is posted instead."
        ).format(
            writer=slot.writer_name or t._("someone no longer known"),
            which=which(t, slot, schedule),
            id=slot.id,
        )
    )


def approval_pending(
    t: Translator, slot: PromptSlot, schedule: Schedule, *, asked: bool, snoozed: bool = False
) -> Reply:
    """To a text's writer, days before its time: nobody has approved it yet (`asked`: the rest of the
    board was asked to; `snoozed`: all who could approve it have snoozed reminders, so none was asked)."""
    if not asked and snoozed:
        text = t._(
            "Your text for {which} is not approved yet, and the rest of the board has snoozed reminders, so "
            "I have asked nobody to approve it. Unapproved at its time, a prompt from the bank is posted "
            "instead, and you get your text back."
        )
    elif asked:
        text = t._(
            "Your text for {which} is not approved yet; I have asked the rest of the board to approve it. "
            "Unapproved at its time, a prompt from the bank is posted instead, and you get your text back."
        )
    else:
        text = t._(
            "Your text for {which} is not approved yet, and I can reach nobody else on the board to "
            "approve it. Unapproved at its time, a prompt from the bank is posted instead, and you get your "
            "text back."
        )
    return Reply(text.format(which=which(t, slot, schedule)))


def written_for(t: Translator, slot: PromptSlot, schedule: Schedule, writer: str) -> Reply:
    """To a prompt's owner: a colleague wrote the text for their turn, which goes out under the writer's
    name alone (the turn stays the owner's in the rota)."""
    return Reply(
        t._(
            "{writer} wrote the text for your prompt #{id} ({when}, {channel}); it is posted as “Written by "
            "{writer}”, under their name only. See it with: preview {id}"
        ).format(**_about(t, slot, schedule, "") | {"writer": writer})
    )


def erased(t: Translator, slot: PromptSlot, schedule: Schedule, actor: str) -> Reply:
    """To a prompt's owner and its text's writer: the text was taken off (the writer reads it, kept)."""
    if slot.writer_name == actor:  # its writer took it back: to the owner
        return Reply(
            t._(
                "{actor} took their text off {which}; it waits for a new text, and without one a prompt "
                "from the bank is posted."
            ).format(actor=actor, which=which(t, slot, schedule))
        )
    return Reply(
        t._(
            "{actor} took the text by {writer} off {which}; it waits for a new text, and without one a "
            "prompt from the bank is posted. The text, kept: {text}"
        ).format(
            actor=actor,
            writer=slot.writer_name or t._("someone no longer known"),
            which=which(t, slot, schedule),
            text=quoted(t, slot.text or ""),
        )
    )


def replaced(t: Translator, slot: PromptSlot, schedule: Schedule, actor: str) -> Reply:
    """To the writer of a text another board member replaced: their text back."""
    return Reply(
        t._(
            "{actor} wrote a new text for #{id} ({when}, {channel}) in place of yours. "
            "Yours, kept here: {text}"
        ).format(**_about(t, slot, schedule, actor))
    )


def given(t: Translator, slot: PromptSlot, schedule: Schedule, *, actor: str) -> Reply:
    """To a slot's new owner, whom another board member gave it to (or swapped it with): write it, or, with
    a text written already, that it is posted as it is."""
    if slot.text and slot.text_by is not None and slot.text_by == slot.owner_id:  # they wrote it themselves
        text = t._(
            "{actor} gave you the discussion prompt #{id}, posted {when} in {channel}. You wrote its text "
            "already, and it is posted as it is; see it with: preview {id}"
        )
    elif slot.text:
        text = t._(
            "{actor} gave you the discussion prompt #{id}, posted {when} in {channel}. Its text by {writer} "
            "is written and is posted as it is; see it with: preview {id}"
        )
    else:
        text = t._(
            "{actor} gave you the discussion prompt #{id}, posted {when} in {channel}. "
            "Write it here with: write {id} YOUR TEXT"
        )
    return Reply(
        text.format(
            id=slot.id,
            actor=actor,
            when=when(t, slot.due_at, schedule.zone),
            channel=channel_name(t, schedule),
            writer=slot.writer_name or t._("someone no longer known"),
        )
    )


def swapped(
    t: Translator,
    mine: tuple[PromptSlot, Schedule],
    theirs: tuple[PromptSlot, Schedule],
    *,
    actor: str,
    other: str | None,
) -> Reply:
    """To a board member whose turn a swap traded: the prompt now theirs, and theirs before, now `other`'s
    (None: the actor's, who swapped with them). A swap is no gift: the reader gave a turn too."""
    slot, schedule = mine
    was, was_schedule = theirs
    if other is None:
        head = t._(
            "{actor} swapped turns with you: #{id} ({when}, {channel}) is now yours, and #{was} "
            "({was_when}, {was_channel}) is {whose}."
        )
    else:
        head = t._(
            "{actor} swapped your turn with {other}: #{id} ({when}, {channel}) is now yours, and #{was} "
            "({was_when}, {was_channel}) is {whose}."
        )

    if slot.text:
        tail = t._("Its text by {writer} is written and is posted as it is; see it with: preview {id}")
    else:
        tail = t._("Write it here with: write {id} YOUR TEXT")
    fields = _about(t, slot, schedule, actor) | {
        "other": other,
        "whose": genitive(t, other or actor),
        "was": was.id,
        "was_when": when(t, was.due_at, was_schedule.zone),
        "was_channel": channel_name(t, was_schedule),
    }
    return Reply(f"{head.format(**fields)} {tail.format(**fields)}")


def text_stays(t: Translator, slot: PromptSlot, schedule: Schedule, *, actor: str, owner: str) -> Reply:
    """To the writer of a text whose prompt a swap gave someone else: the text stays with its day."""
    return Reply(
        t._(
            "{actor} swapped turns: #{id} ({when}, {channel}) is now {whose} turn. The text you wrote "
            "for it stays with it and is posted then, under your name; to write one for another prompt: "
            "write NUMBER YOUR TEXT"
        ).format(whose=genitive(t, owner), **_about(t, slot, schedule, actor))
    )


def taken(t: Translator, slot: PromptSlot, schedule: Schedule, *, actor: str) -> Reply:
    """To a slot's former owner, when a colleague took their turn ("jag tar Adeles tur")."""
    if slot.text and slot.text_by is not None and slot.text_by == slot.owner_id:  # they wrote it already
        said = t._(
            "{actor} took your turn #{id}, posted {when} in {channel}. The text you wrote stays with it and "
            "is posted then, signed by you; to take it off: erase {id}"
        )
    else:
        said = t._(
            "{actor} took your turn #{id}, posted {when} in {channel}: you need not write it, and it is "
            "posted under the name of whoever writes it."
        )
    return Reply(
        said.format(
            id=slot.id,
            actor=actor,
            when=when(t, slot.due_at, schedule.zone),
            channel=channel_name(t, schedule),
        )
    )


def given_away(t: Translator, slot: PromptSlot, schedule: Schedule, *, actor: str, owner: str) -> Reply:
    """To a slot's former owner, reminded to write it or told it was theirs, when another board member gave
    it to someone else."""
    if slot.text and slot.text_by is not None and slot.text_by == slot.owner_id:  # they wrote it already
        said = t._(
            "{actor} gave the discussion prompt #{id}, posted {when} in {channel}, to {owner}. The text you "
            "wrote stays with it and is posted then, signed by you; to take it off: erase {id}"
        )
    else:
        said = t._(
            "{actor} gave the discussion prompt #{id}, posted {when} in {channel}, to {owner}: "
            "you need not write it."
        )
    return Reply(
        said.format(
            id=slot.id,
            actor=actor,
            owner=owner,
            when=when(t, slot.due_at, schedule.zone),
            channel=channel_name(t, schedule),
        )
    )


def handed_over(t: Translator, slots: Sequence[tuple[PromptSlot, Schedule, str | None]]) -> Reply:
    """To the new owner of slots whose owner left the board."""
    lines = [
        t.ngettext(
            "A discussion prompt is now yours, as its owner left the board:",
            "Discussion prompts are now yours, as their owners left the board:",
            len(slots),
        )
    ]
    for slot, schedule, former in slots:
        fields = {
            "id": slot.id,
            "when": when(t, slot.due_at, schedule.zone),
            "channel": channel_name(t, schedule),
            "former": former,
            "writer": slot.writer_name or t._("someone no longer known"),
        }
        # The text stays and is posted, signed by its writer; one who asked to be forgotten is not named.
        if slot.text and slot.text_by == slot.owner_id:  # its writer takes the turn they wrote for
            line = (
                t._("#{id} {when} in {channel} (was {former}; you wrote its text, posted under your name)")
                if former
                else t._("#{id} {when} in {channel} (you wrote its text, posted under your name)")
            )
        elif slot.text and former:
            line = t._("#{id} {when} in {channel} (was {former}; the text by {writer} is written and posted)")
        elif slot.text:
            line = t._("#{id} {when} in {channel} (the text by {writer} is written and posted)")
        elif former:
            line = t._("#{id} {when} in {channel} (was {former})")
        else:
            line = t._("#{id} {when} in {channel}")
        lines.append(line.format(**fields))
    unwritten = [slot for slot, _, _ in slots if not slot.text]
    if unwritten:
        lines.append(t._("Write one here with: write {id} YOUR TEXT").format(id=unwritten[0].id))
    return Reply("\n".join(lines))


def dealt_to_you(
    t: Translator,
    slots: Sequence[tuple[PromptSlot, Schedule, str | None]],
    *,
    why: Callable[[Translator], str],
) -> Reply:
    """To a board member whose turns changed when someone joined or left the board or a schedule changed
    (`why`: who changed what, as `changed_by` and `board_changed_by` say it): the ones now theirs."""
    said = t.ngettext(
        "{why}, so the turns were dealt again; a discussion prompt is now yours:",
        "{why}, so the turns were dealt again; discussion prompts are now yours:",
        len(slots),
    ).format(why=why(t))
    lines = [said]
    for slot, schedule, former in slots:
        fields = {
            "id": slot.id,
            "when": when(t, slot.due_at, schedule.zone),
            "channel": channel_name(t, schedule),
        }
        line = t._("#{id} {when} in {channel} (was {former})") if former else t._("#{id} {when} in {channel}")
        lines.append(line.format(former=former, **fields))
    unwritten = [slot for slot, _, _ in slots if not slot.text]
    if unwritten:
        lines.append(t._("Write one here with: write {id} YOUR TEXT").format(id=unwritten[0].id))
    return Reply("\n".join(lines))


def changed_by(
    t: Translator, *, change: str, actor: str | None, schedule: Schedule, pause: Pause | None = None
) -> str:
    """Who changed which schedule how, as a notice of its consequences begins: "Megan Bowen stopped the
    prompt schedule in General"."""
    said = {
        "new": t._("{actor} set up prompts in {channel}"),
        "rule": t._("{actor} changed the prompt schedule in {channel}"),
        "stop": t._("{actor} stopped the prompt schedule in {channel}"),
        "pause": t._("{actor} paused the prompts in {channel} {period}"),
        "resume": t._("{actor} lifted the pause in {channel}"),
    }[change]
    return said.format(
        actor=actor or t._("A board member"),
        channel=channel_name(t, schedule),
        period=period(t, pause) if pause else "",
    )


def board_changed_by(
    t: Translator, *, joined: Sequence[str] = (), left: Sequence[str] = (), actor: str | None
) -> str:
    """Who changed the board how, as a notice of its consequences begins: "Megan Bowen added Lee Gu to the
    board"."""
    who = actor or t._("A board member")
    if joined:
        return t._("{actor} added {names} to the board").format(actor=who, names=listed(t, joined))
    return t._("{actor} took {names} off the board").format(actor=who, names=listed(t, left))


def dealt_away(
    t: Translator,
    slots: Sequence[tuple[PromptSlot, Schedule, str | None]],
    *,
    why: Callable[[Translator], str],
) -> Reply:
    """To a board member reminded to write prompts, or told they are theirs, that a change to a schedule
    or the board (`why`: who changed what) dealt to others in the rota."""
    lines = [
        t.ngettext(
            "{why}, so the turns were dealt again; a discussion prompt is no longer yours:",
            "{why}, so the turns were dealt again; discussion prompts are no longer yours:",
            len(slots),
        ).format(why=why(t))
    ]
    for slot, schedule, owner in slots:
        fields = {
            "id": slot.id,
            "when": when(t, slot.due_at, schedule.zone),
            "channel": channel_name(t, schedule),
            "owner": owner or t._("nobody yet"),
        }
        if slot.text and slot.text_by is not None and slot.text_by == slot.owner_id:  # written by them
            line = t._(
                "#{id} {when} in {channel} (now {owner}; the text you wrote stays and is posted signed by "
                "you)"
            )
        else:
            line = t._("#{id} {when} in {channel} (now {owner})")
        lines.append(line.format(**fields))
    written = [slot for slot, _, _ in slots if slot.text and slot.text_by == slot.owner_id]
    if len(written) < len(slots):
        lines.append(
            t.ngettext(
                "You need not write it. See your coming turns with: upcoming",
                "You need not write them. See your coming turns with: upcoming",
                len(slots) - len(written),
            )
        )
    if written:
        lines.append(t._("To take a text of yours off: erase {id}").format(id=written[0].id))
    return Reply("\n".join(lines))


def posted(
    t: Translator,
    slot: PromptSlot,
    schedule: Schedule,
    *,
    reader: int,
    actor: str | None,
    actor_id: int | None,
    from_bank: bool,
) -> Reply:
    """To the board, the owner and the writer: who posted which prompt (`actor`, ahead of its time, or the
    bot at its time), whose turn it was, what went out and whose name signs it. The owner reads of "your
    prompt"; a writer whose text was set aside (not approved) reads it, kept."""
    about = _about(t, slot, schedule, actor or t._("A board member"))
    about["turn"] = _turn(t, slot)
    mine = reader == slot.owner_id
    if actor is None:
        what = t._("I posted your prompt #{id} ({when}, {channel}).")
        theirs = t._("I posted #{id} ({when}, {channel}, {turn}).")
    elif reader == actor_id:
        what = t._("You posted your prompt #{id} ({when}, {channel}) now, ahead of its time.")
        theirs = t._("You posted #{id} ({when}, {channel}, {turn}) now, ahead of its time.")
    else:
        what = t._("{actor} posted your prompt #{id} ({when}, {channel}) now, ahead of its time.")
        theirs = t._("{actor} posted #{id} ({when}, {channel}, {turn}) now, ahead of its time.")
    what = what if mine else theirs
    about["signature"] = _signature(t, slot, from_bank)
    if not from_bank:
        how = (
            t._("It went out with your text, signed “{signature}”.")
            if reader == slot.text_by
            else t._("It went out with the text by {writer}, signed “{signature}”.")
        )
    elif not slot.text:
        how = t._("No text was written, so it went out with a prompt from the bank, signed “{signature}”.")
    elif reader == slot.text_by:
        how = t._(
            "Your text was not approved, so a prompt from the bank went out in its place, signed "
            "“{signature}”. Your text, kept here: {text}"
        )
    else:
        how = t._(
            "The text by {writer} was not approved, so a prompt from the bank went out in its place, signed "
            "“{signature}”."
        )
    return Reply(f"{what.format(**about)} {how.format(**about)}")


def which(t: Translator, slot: PromptSlot, schedule: Schedule) -> str:
    """A prompt as a notice to the board names it: "#3 (tisdag 1 december kl. 18.00, Allmänt, Megan
    Bowens tur)"."""
    return t._("#{id} ({when}, {channel}, {turn})").format(
        id=slot.id,
        when=when(t, slot.due_at, schedule.zone),
        channel=channel_name(t, schedule),
        turn=_turn(t, slot),
    )


def _turn(t: Translator, slot: PromptSlot) -> str:
    """ "Megan Bowens tur", "Megan Bowen’s turn", "nobody's turn"."""
    if not slot.owner_name:
        return t._("nobody's turn")
    return t._("{whose} turn").format(whose=genitive(t, slot.owner_name))


def text_not_posted(t: Translator, slot: PromptSlot, schedule: Schedule) -> Reply:
    """To a writer whose text was not posted at its time (the bot was down too long, or Teams refused)."""
    return Reply(
        t._(
            "#{id} ({when}, {channel}) was not posted, so your text for it was not used. "
            "Here it is, kept: {text}"
        ).format(**_about(t, slot, schedule, ""))
    )


def pause_already(t: Translator, pause: Pause) -> Reply:
    return Reply(
        t._(
            "The prompts here are already paused {period}; nothing changed. To lift the pause: pause end"
        ).format(period=period(t, pause))
    )


def paused_answer(
    t: Translator, pause: Pause, changed: int, *, joined: bool = False, today: date | None = None
) -> Reply:
    """`today`: a pause from today says so, as a month named while under way is paused from today."""
    if pause.starts_on == today:
        return _paused_from_today(t, pause, changed, joined=joined)
    if joined and not changed:
        return Reply(
            t._(
                "The pause now runs {period}, joined with the one already planned. "
                "To lift the pause: pause end"
            ).format(period=period(t, pause))
        )
    if joined:
        return Reply(
            t.ngettext(
                "The pause now runs {period}, joined with the one already planned; {count} more prompt set "
                "aside. To lift the pause: pause end",
                "The pause now runs {period}, joined with the one already planned; {count} more prompts set "
                "aside. To lift the pause: pause end",
                changed,
            ).format(period=period(t, pause), count=changed)
        )
    if not changed:
        return Reply(
            t._(
                "Paused {period}: none of the prompts planned so far falls in it. "
                "To lift the pause: pause end"
            ).format(period=period(t, pause))
        )
    return Reply(
        t.ngettext(
            "Paused {period}: {count} prompt set aside. To lift the pause: pause end",
            "Paused {period}: {count} prompts set aside. To lift the pause: pause end",
            changed,
        ).format(period=period(t, pause), count=changed)
    )


def _paused_from_today(t: Translator, pause: Pause, changed: int, *, joined: bool) -> Reply:
    days = {"today": format_date(pause.starts_on, "d MMM", locale=t.language), "end": day(t, pause.ends_on)}
    if joined:
        text = t._("The pause now runs from today, {today}, to {end}, joined with the one already planned.")
    else:
        text = t._("Paused from today, {today}, to {end}.")
    told = (
        t.ngettext("{count} prompt set aside.", "{count} prompts set aside.", changed).format(count=changed)
        if changed
        else t._("None of the prompts planned so far falls in it.")
    )
    lift = t._("To lift the pause: pause end")
    return Reply(f"{text.format(**days)} {told} {lift}")


def resumed(t: Translator, pause: Pause, back: int) -> Reply:
    if not back:
        return Reply(t._("The pause {period} is lifted.").format(period=period(t, pause)))
    return Reply(
        t.ngettext(
            "The pause {period} is lifted: {count} prompt is planned again.",
            "The pause {period} is lifted: {count} prompts are planned again.",
            back,
        ).format(period=period(t, pause), count=back)
    )


def pauses(t: Translator, found: Sequence[Pause], today: date) -> Reply:
    """The pauses not over yet, and how to lift one."""
    coming = [p for p in found if p.ends_on >= today]
    if not coming:
        return Reply(t._("No pause is planned. Write the period, e.g. pause 15/6 15/8 or pause July–August."))
    return Reply(
        t.ngettext(
            "Pause: {periods}. To lift it: pause end",
            "Pauses: {periods}. To lift the first: pause end",
            len(coming),
        ).format(periods=", ".join(period(t, p) for p in coming))
    )
