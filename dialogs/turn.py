"""What dialogs read from a turn besides botbuilder's own objects: the request and context the bot built.

DistrictBot parses each message once (mention stripped, language picked, district known); dialogs read that
from the turn's state instead of parsing the activity again.
"""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import TurnContext

from bot.commands.router import Context, Request

_KEY = "distriktsboten.turn"


@dataclass(frozen=True)
class Turn:
    request: Request
    context: Context


def attach(turn_context: TurnContext, request: Request, context: Context) -> None:
    turn_context.turn_state[_KEY] = Turn(request, context)


def current(turn_context: TurnContext) -> Turn:
    turn: Turn = turn_context.turn_state[_KEY]
    return turn
