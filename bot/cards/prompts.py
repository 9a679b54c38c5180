"""Cards for scheduled discussion prompts: the post itself, the board's list, confirmations, notices."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from bot.cards import Reply, card, facts, heading, paragraph, zone_name
from bot.db.prompts import PostRecord
from bot.i18n import Translator
from bot.services.prompting import PromptSlot, Schedule, Setup, SlotStatus
from bot.services.schedule_rules import Holidays


def when(t: Translator, instant: datetime, zone: ZoneInfo) -> str:
    """A time as people in the district read it, in their language: "onsdag 23 december kl. 18.00",
    "Wednesday 23 December at 18:00". Prompts are planned within the coming months: no year."""
    local = instant.astimezone(zone)
    return t._("{day} at {time}").format(
        day=format_datetime(local, "EEEE d MMMM", locale=t.language),
        time=f"{local:%H.%M}" if t.language == "sv" else f"{local:%H:%M}",
    )


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


def awaiting_approval(t: Translator, slot: PromptSlot) -> Reply:
    """A written text as it would be posted, and that it waits for another board member's approval."""
    post = prompt_post(t, slot.text or "", slot=slot, from_bank=False)
    note = t._(
        "Waits for approval: another board member approves it with: approve {id}. "
        "Unapproved at its time, a prompt from the bank is posted instead."
    ).format(id=slot.id)
    body = [*post.card["body"], paragraph(note, subtle=True)] if post.card else []
    text = f"{post.text}\n\n{note}"
    return Reply(text, card(body, fallback=text))


def _signature(t: Translator, slot: PromptSlot, from_bank: bool) -> str:
    """Political text goes out under the name of the person who wrote it, never another's."""
    if from_bank:
        return t._("From the prompt bank")
    writer, owner = slot.writer_name, slot.owner_name
    if writer is None:  # the writer is no longer known (forgotten, or removed)
        return t._("From the district board")
    if owner and slot.text_by != slot.owner_id:
        return t._("Written by {writer} for {owner}").format(writer=writer, owner=owner)
    return t._("Written by {name}").format(name=writer)


def upcoming(t: Translator, slots: Sequence[PromptSlot], schedules: dict[int, Schedule]) -> Reply:
    if not slots:
        return Reply(
            t._(
                "No prompts are scheduled. A board member can set up a schedule in a channel: "
                "schedule 1 and 15 at 18"
            )
        )
    title = t._("Coming discussion prompts")
    rows = []
    for slot in slots:
        schedule = schedules[slot.schedule_id]
        owner = slot.owner_name or t._("nobody yet")
        rows.append(
            (
                f"#{slot.id}",
                " \u00b7 ".join(
                    (
                        when(t, slot.due_at, schedule.zone),
                        owner,
                        status_text(t, slot, schedule.approval_required),
                    )
                ),
            )
        )
    hint = t._("Change with: swap 12 13, assign 12 @name, skip 12, write 12 TEXT, preview 12")
    text = "\n".join([title, *(f"{k} {v}" for k, v in rows), "", hint])
    return Reply(text, card([heading(title), facts(rows), paragraph(hint, subtle=True)], fallback=text))


def schedule_set(t: Translator, setup: Setup, *, warn_few: bool) -> Reply:
    schedule, slots = setup.schedule, setup.upcoming
    title = t._("Prompts will be posted in this channel: {rule}").format(rule=schedule.rule_text)
    rows = [
        (
            f"#{slot.id}",
            f"{when(t, slot.due_at, schedule.zone)} \u00b7 {slot.owner_name or t._('nobody yet')}",
        )
        for slot in slots
    ]
    lines = [title, *(f"{k} {v}" for k, v in rows)]
    body = [heading(title), facts(rows)]
    notes = []
    change = setup.change
    if change is not None and (change.kept or change.dropped or change.touches_texts):
        notes.append(
            t._(
                "Of the coming prompts, {kept} keep their day, {moved} written moved to another day, "
                "{parked} written set aside and {dropped} without text fell away."
            ).format(
                kept=len(change.kept),
                moved=len(change.moved),
                parked=len(change.parked),
                dropped=len(change.dropped),
            )
        )
        notes += _text_moves(t, setup)
    notes.append(_holiday_note(t, schedule.rule.holidays))
    if not setup.pauses:
        notes.append(t._("A summer break? Write for example: pause 15/6 15/8"))
    if warn_few:
        notes.append(t._("Note: the plan asks for prompts at least twice a month; this rule gives fewer."))
    if slots and all(slot.owner_id is None for slot in slots):
        notes.append(
            t._(
                "Nobody is on the rota yet: an administrator makes people board members with "
                "role board @name."
            )
        )
    notes.append(t._("All times are {zone}.").format(zone=zone_name(t, schedule.timezone)))
    for note in notes:
        body.append(paragraph(note, subtle=True))
    lines += ["", *notes]
    text = "\n".join(lines)
    return Reply(text, card(body, fallback=text))


def _holiday_note(t: Translator, holidays: Holidays) -> str:
    if holidays is Holidays.MOVE:
        return t._("A prompt due on a public holiday is posted on the next weekday instead.")
    if holidays is Holidays.KEEP:
        return t._("Prompts are posted on public holidays too.")
    return t._(
        "No prompts on public holidays. To post on the next weekday instead, add “move holidays” to the "
        "rule; to post anyway, “including holidays”."
    )


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
        owner = slot.owner_name or t._("nobody yet")
        moved_to = change.moved.get(slot.id)
        if moved_to is not None:
            lines.append(
                t._("#{id} ({owner}): from {old} to {new}").format(
                    id=slot.id, owner=owner, old=when(t, slot.due_at, zone), new=when(t, moved_to, zone)
                )
            )
        else:
            lines.append(
                t._("#{id} ({owner}): no free day within two months; the text is kept but not posted").format(
                    id=slot.id, owner=owner
                )
            )
    return lines


def history(t: Translator, posts: Sequence[PostRecord], zone: ZoneInfo) -> Reply:
    """The prompts posted so far: when, from where, and how it went."""
    title = t._("Posted prompts")
    outcomes = {
        "sent": t._("posted"),
        "sending": t._("being posted"),
        "uncertain": t._("may be missing"),
        "failed": t._("failed"),
        "gone": t._("channel gone"),
    }
    rows = []
    for post in posts:
        moment = when(t, post.sent_at or post.claimed_at, zone)
        source = t._("from the bank") if post.source == "bank" else t._("the owner's text")
        rows.append(
            (
                f"#{post.slot_id}",
                f"{moment} \u00b7 {outcomes.get(post.outcome, post.outcome)} \u00b7 {source}",
            )
        )
    text = "\n".join([title, *(f"{k} {v}" for k, v in rows)])
    return Reply(text, card([heading(title), facts(rows)], fallback=text))
