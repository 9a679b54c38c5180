"""Nudges people don't mute: `påminn mig inte före 15/8` / `snooze until Aug 15` (no reminders to the sender
before a day), and the board's `eskalera på|av` (name branches not reported to the board instead)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.cards import Reply, day
from bot.commands.router import Context, Request, Router
from bot.i18n import N_, fold
from bot.services.nudges import SnoozeProblem, escalation, snooze
from bot.services.people import Role


def register(router: Router) -> None:
    @router.command(
        "påminn",
        "snooze",
        usage=N_("snooze until DATE"),
        summary=N_("no reminders to you before a day"),
        scoped=False,  # the sender's own wish, whatever district they belong to
    )
    async def snoozing(request: Request, context: Context) -> Reply:
        t = request.t
        if request.user is None:
            return Reply(t._("Write the day reminders may come again, e.g. snooze until next week."))
        today = context.now.astimezone(context.services.zone).date()
        found = await asyncio.to_thread(
            snooze, context.people, context.checkins, request.user, request.args, today=today, now=context.now
        )
        error = found.problem
        if error is not None and error.problem is SnoozeProblem.PAST and error.day is not None:
            return Reply(
                t._(
                    "{day} has passed. Write a day ahead, with its year if it is next year, "
                    "e.g. snooze until {example}"
                ).format(day=day(t, error.day), example=f"{error.day.day}/{error.day.month} {today.year + 1}")
            )
        if error is not None and error.problem is SnoozeProblem.TOO_FAR:
            return Reply(t._("That is more than a year ahead: snooze at most a year at a time."))
        if error is not None:
            later = today + timedelta(days=30)  # a day that reads as ahead, whatever today is
            written = f"{later.day}/{later.month}" + (f" {later.year}" if later.year != today.year else "")
            return Reply(
                t._(
                    "Write the day reminders may come again, e.g. snooze until next week, "
                    "or snooze until {day}."
                ).format(day=written)
            )
        if found.until is None and found.changed:
            return Reply(t._("Reminders to you as usual again."))
        if found.until is None:
            return Reply(t._("You get reminders as usual. To pause them: snooze until next week"))
        if not found.changed:
            return Reply(t._("No reminders to you before {day}.").format(day=day(t, found.until)))
        if found.again:
            return Reply(
                t._(
                    "Fine: from {day} I remind you again of what is still not reported this quarter, and "
                    "send you no reminders before then. To have them as usual again: snooze off"
                ).format(day=day(t, found.until))
            )
        return Reply(
            t._("Fine: no reminders to you before {day}. To have them again: snooze off").format(
                day=day(t, found.until)
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
            on: bool | None = True
        elif word in ("av", "off", "nej", "no"):
            on = False
        elif not word:
            on = None
        else:
            return Reply(t._("Write escalate on or escalate off."))
        days = await asyncio.to_thread(escalation, context.checkins, request.district, on, now=context.now)
        if on is None and days is None:
            return Reply(
                t._(
                    "Chairs are reminded once a quarter, and the board sees who has reported. To have "
                    "branches that have not reported a week after the reminder named to the board: "
                    "escalate on"
                )
            )
        if on is None:
            return Reply(
                t._(
                    "Branches that have not reported {days} days after the reminder are named to the "
                    "board. To stop: escalate off"
                ).format(days=days)
            )
        if days is None:
            return Reply(t._("Escalation is off: chairs are reminded once a quarter, as before."))
        return Reply(
            t._(
                "Escalation is on: a branch that has not reported {days} days after its chair's reminder "
                "is named to the board, and the chair is not reminded again."
            ).format(days=days)
        )
