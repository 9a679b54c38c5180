"""Cards for personal data: what the bot stores about you, forgetting you (asks first), and the receipt."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.cards import Reply, card, day, facts, heading, listed, paragraph, say
from bot.i18n import Translator
from bot.services.people import Role
from bot.services.privacy import ForgetResult, PersonalData, Summary

NONE = "\u2013"


def when(t: Translator, moment: datetime, zone: ZoneInfo) -> str:
    """An instant as the user reads it: day and time in the district's zone."""
    local = moment.astimezone(zone)
    return f"{day(t, local.date())} {local:%H:%M}"


def _language(t: Translator, chosen: str | None, locale: str | None) -> str:
    names = {"sv": t._("Swedish"), "en": t._("English")}
    shown = [t._("{language}, as you chose").format(language=names[chosen])] if chosen in names else []
    if locale:
        shown.append(t._("your Teams is set to {locale}").format(locale=locale))
    return "; ".join(shown) or NONE


def my_data(
    t: Translator,
    data: PersonalData,
    summary: Summary,
    *,
    zone: ZoneInfo,
    url: str | None,
    minutes: int,
    until: str,
    admin: bool,
    forget_command: str,
) -> Reply:
    """The readable summary of everything stored about someone, and the link to download all of it."""
    title = t._("What I store about you")
    person = data.person
    rows = [
        (t._("Name"), person.name or NONE),
        (t._("Teams user id"), person.teams_user_id or NONE),
        (t._("Microsoft Entra object id"), person.aad_object_id or NONE),
        (t._("Number in my database"), f"#{person.id}"),
        (t._("First seen"), when(t, person.created_at, zone)),
        (t._("Last seen"), when(t, person.last_seen_at, zone)),
        (t._("Language"), _language(t, person.language, person.locale)),
        # Belonging as the bot noted it (written in the district's team); roles show where else they are.
        (t._("Districts whose team you wrote in"), listed(t, [r.district for r in data.districts]) or NONE),
        (t._("Roles"), _roles(t, data)),
        (t._("Responsible for"), _goals(t, data)),
        (t._("Check-ins"), _checkins(t, summary)),
        (t._("Corrections and withdrawals"), str(summary.revisions) if summary.revisions else NONE),
        (t._("Discussion prompts"), _prompts(t, summary)),
        (t._("Conversations"), _conversations(t, summary)),
        (t._("Reminders sent"), str(summary.reminders) if summary.reminders else NONE),
        (t._("No reminders before"), day(t, summary.quiet_until) if summary.quiet_until else NONE),
        (
            t._("Replies counted in prompt threads (not what you wrote)"),
            str(summary.replies_counted) if summary.replies_counted else NONE,
        ),
    ]
    notes = []
    if admin:
        notes.append(
            t._("You are also an administrator: that is in the bot's settings (ADMINS), not in its database.")
        )
    if url is not None:
        notes.append(
            t._(
                "Download everything as a file (JSON). The link works for {minutes} minutes, until {time}, "
                "and only for your own data. Anyone who has it can download the file: do not pass it on."
            ).format(minutes=minutes, time=until)
        )
    else:
        notes.append(t._("Downloads are not available here."))
    notes.append(t._("To have all this erased, write: {command}").format(command=forget_command))
    text = "\n".join(
        [title, *(f"{key}: {value}" for key, value in rows), "", *notes, *([url] if url else [])]
    )
    actions = [{"type": "Action.OpenUrl", "title": t._("Download my data (JSON)"), "url": url}] if url else []
    return Reply(
        text,
        card(
            [heading(title), facts(rows), *(paragraph(note, subtle=True) for note in notes)],
            fallback=text,
            actions=actions or None,
        ),
    )


def nothing_stored(t: Translator) -> Reply:
    return Reply(t._("I store nothing about you."))


def confirm_forget(t: Translator, summary: Summary, *, command: str) -> Reply:
    """What forgetting will erase and keep, and the button (or the words) that goes ahead."""
    title = t._("Forget you?")
    parts = [
        t._(
            "I will erase your name and Teams ids, which districts you belong to, your roles, the goals you "
            "are responsible for, my reminders to you, the address of our chat, and the texts you wrote for "
            "prompts not yet posted. This cannot be undone."
        )
    ]
    if summary.checkins:
        parts.append(
            t.ngettext(
                "Your {count} check-in stays as its branch's or the district's, without your name.",
                "Your {count} check-ins stay as their branches' or the district's, without your name.",
                summary.checkins,
            ).format(count=summary.checkins)
        )
    if summary.texts_written or summary.slots_owned or summary.schedules or summary.bank_prompts:
        parts.append(t._("Prompts already posted, schedules and the prompt bank stay, without your name."))
    go_ahead = t._("To go ahead, write: {command}").format(command=command)
    text = "\n".join([title, *parts, go_ahead])
    return Reply(
        text,
        card(
            [heading(title), *(paragraph(part) for part in parts), paragraph(go_ahead, subtle=True)],
            fallback=text,
            actions=[say(t._("Yes, forget me"), command)],
        ),
    )


def forgotten(t: Translator, result: ForgetResult, *, admin: bool) -> Reply:
    """The receipt: what was erased, what was kept without a name, and what happens if they write again."""
    title = t._("I have forgotten you")
    erased = t._(
        "Erased: your name and Teams ids, which districts you belong to, your roles, the goals you were "
        "responsible for, my reminders to you and the address of our chat."
    )
    if result.texts_deleted:
        erased += " " + t.ngettext(
            "Also {count} text you wrote for a prompt not yet posted.",
            "Also {count} texts you wrote for prompts not yet posted.",
            result.texts_deleted,
        ).format(count=result.texts_deleted)
    kept = _kept(t, result)
    parts = [erased]
    if kept:
        parts.append(t._("Kept without your name: {items}.").format(items=listed(t, kept)))
    parts.append(
        t._(
            "Messages in Teams itself (this chat, prompts posted under your name) are kept by Teams, not by "
            "me."
        )
    )
    if admin:
        parts.append(
            t._(
                "You are also an administrator in the bot's settings (ADMINS): ask whoever runs the bot to "
                "remove you there."
            )
        )
    parts.append(
        t._(
            "If you write to me again, I will store your Teams ids and name anew, as for anyone new, and "
            "nothing from before."
        )
    )
    text = "\n".join([title, *parts])
    return Reply(text, card([heading(title), *(paragraph(part) for part in parts)], fallback=text))


def _kept(t: Translator, result: ForgetResult) -> list[str]:
    counts = [
        (
            result.checkins,
            t.ngettext(
                "{count} check-in (it stays as its branch's or the district's)",
                "{count} check-ins (they stay as their branches' or the district's)",
                result.checkins,
            ),
        ),
        (
            result.revisions,
            t.ngettext(
                "{count} correction or withdrawal", "{count} corrections or withdrawals", result.revisions
            ),
        ),
        (result.texts_kept, t.ngettext("{count} posted prompt", "{count} posted prompts", result.texts_kept)),
        (
            result.slots_unowned,
            t.ngettext(
                "{count} prompt slot you owned (those to come go to others in the rota)",
                "{count} prompt slots you owned (those to come go to others in the rota)",
                result.slots_unowned,
            ),
        ),
        (result.schedules, t.ngettext("{count} schedule", "{count} schedules", result.schedules)),
        (
            result.bank_prompts,
            t.ngettext("{count} prompt in the bank", "{count} prompts in the bank", result.bank_prompts),
        ),
    ]
    return [message.format(count=count) for count, message in counts if count]


def _roles(t: Translator, data: PersonalData) -> str:
    names = []
    for role in data.roles:
        match role.kind:
            case Role.CHAIR:
                text = t._("chair of {branch} ({district})")
            case Role.DEPUTY:
                text = t._("deputy for the chair of {branch} ({district})")
            case Role.BOARD:
                text = t._("board member in {district}")
            case _:  # a role added later is shown by its stored name, never as another role
                text = "{kind} ({district})"
        names.append(text.format(branch=role.branch or NONE, district=role.district, kind=role.kind))
    return "; ".join(names) or NONE


def _goals(t: Translator, data: PersonalData) -> str:
    names = [
        t._("goal {number}").format(number=goal.goal_number)
        if goal.goal_number is not None
        else t._("a goal no longer in the plan")
        for goal in data.goals
    ]
    return ", ".join(names) or NONE


def _checkins(t: Translator, summary: Summary) -> str:
    if not summary.checkins or summary.latest is None:
        return NONE
    latest = summary.latest
    parts = [
        t.ngettext("{count} check-in", "{count} check-ins", summary.checkins).format(count=summary.checkins),
        t._("the latest #{id}: goal {number}, {day}").format(
            id=latest.id, number=latest.goal_number or "?", day=day(t, latest.happened_on)
        ),
    ]
    if summary.withdrawn:
        parts.append(
            t.ngettext("{count} withdrawn", "{count} withdrawn", summary.withdrawn).format(
                count=summary.withdrawn
            )
        )
    return "; ".join(parts)


def _prompts(t: Translator, summary: Summary) -> str:
    parts = []
    if summary.slots_owned:
        owned = t.ngettext("owner of {count} prompt", "owner of {count} prompts", summary.slots_owned).format(
            count=summary.slots_owned
        )
        if summary.slots_upcoming:
            owned += " (" + t._("{count} still to come").format(count=summary.slots_upcoming) + ")"
        parts.append(owned)
    counts = [
        (
            summary.texts_written,
            t.ngettext("wrote {count} text", "wrote {count} texts", summary.texts_written),
        ),
        (summary.approvals, t.ngettext("approved {count} text", "approved {count} texts", summary.approvals)),
        (
            summary.schedules,
            t.ngettext("set up {count} schedule", "set up {count} schedules", summary.schedules),
        ),
        (
            summary.bank_prompts,
            t.ngettext(
                "added {count} prompt to the bank", "added {count} prompts to the bank", summary.bank_prompts
            ),
        ),
    ]
    parts.extend(message.format(count=count) for count, message in counts if count)
    return "; ".join(parts) or NONE


def _conversations(t: Translator, summary: Summary) -> str:
    kinds = {"personal": t._("personal chat"), "groupChat": t._("group chat"), "channel": t._("channel")}
    listed = ", ".join(f"{kinds.get(kind, kind)} ({count})" for kind, count in summary.conversations.items())
    return listed or NONE
