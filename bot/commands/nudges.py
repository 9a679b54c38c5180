"""Nudges people don't mute: `påminn mig inte före 15/8` / `snooze until Aug 15` (no reminders to the sender
before a day), and the board's `eskalera på|av` (name branches not reported to the board instead)."""

from __future__ import annotations

import asyncio

from bot.cards import Reply, day
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, fold
from bot.services.nudges import (
    ESCALATE_AFTER_DAYS,
    SnoozeError,
    SnoozeProblem,
    parse_until,
    wants_reminders_again,
)
from bot.services.people import Role


def register(router: Router) -> None:
    @router.command(
        "påminn",
        "snooze",
        usage=N_("snooze until DATE"),
        summary=N_("no reminders to you before a day"),
        scoped=False,  # the sender's own wish, whatever district they belong to
    )
    async def snooze(request: Request, context: Context) -> Reply:
        t = request.t
        if request.user is None:
            return Reply(t._("Write the day reminders may come again, e.g. snooze until 15/8."))
        today = context.now.astimezone(context.services.zone).date()
        if not request.args or request.args.strip().lower() in ("mig", "me"):
            until = await asyncio.to_thread(context.people.quiet_until, request.user)
            if until is None or until <= today:
                return Reply(t._("You get reminders as usual. To pause them: snooze until 15/8"))
            return Reply(t._("No reminders to you before {day}.").format(day=day(t, until)))
        if wants_reminders_again(request.args):
            await asyncio.to_thread(context.people.set_quiet, request.user, None, now=context.now)
            return Reply(t._("Reminders to you as usual again."))
        try:
            until = parse_until(request.args, today)
        except SnoozeError as error:
            if error.problem is SnoozeProblem.PAST and error.day is not None:
                return Reply(
                    t._(
                        "{day} has passed. Write a day ahead, with its year if it is next year, "
                        "e.g. snooze until {example}"
                    ).format(
                        day=day(t, error.day), example=f"{error.day.day}/{error.day.month} {today.year + 1}"
                    )
                )
            if error.problem is SnoozeProblem.TOO_FAR:
                return Reply(t._("That is more than a year ahead: snooze at most a year at a time."))
            return Reply(
                t._("Write the day reminders may come again, e.g. snooze until 15/8 (or 2027-08-15).")
            )
        await asyncio.to_thread(context.people.set_quiet, request.user, until, now=context.now)
        return Reply(
            t._("Fine: no reminders to you before {day}. To have them again: snooze off").format(
                day=day(t, until)
            )
        )

    @router.command(
        "eskalera",
        "escalate",
        usage=N_("escalate on|off"),
        summary=N_("name branches that have not reported to the board, instead of reminding again"),
        role=Role.BOARD,
    )
    async def escalate(request: Request, context: Context) -> Reply:
        t, word = request.t, fold(request.args)
        if word in ("pa", "on", "ja", "yes"):
            days: int | None = ESCALATE_AFTER_DAYS
        elif word in ("av", "off", "nej", "no"):
            days = None
        elif not word:
            days = await asyncio.to_thread(context.checkins.escalation, request.district)
            if days is None:
                return Reply(
                    t._(
                        "Chairs are reminded once a quarter, and the board sees who has reported. To have "
                        "branches that have not reported a week after the reminder named to the board: "
                        "escalate on"
                    )
                )
            return Reply(
                t._(
                    "Branches that have not reported {days} days after the reminder are named to the "
                    "board. To stop: escalate off"
                ).format(days=days)
            )
        else:
            return Reply(t._("Write escalate on or escalate off."))
        await asyncio.to_thread(context.checkins.set_escalation, request.district, days, now=context.now)
        if days is None:
            return Reply(t._("Escalation is off: chairs are reminded once a quarter, as before."))
        return Reply(
            t._(
                "Escalation is on: a branch that has not reported {days} days after its chair's reminder "
                "is named to the board, and the chair is not reminded again."
            ).format(days=days)
        )
