"""The answer to "1 or 1 100?" (dialogs/readings.py): the report or correction made with the reading chosen,
through the same handler code as the one-line command, so it is checked and stored as that one is."""

from __future__ import annotations

from bot.commands.checkins import correct_line, report_line
from bot.commands.router import Context, Request
from bot.sdk import Message, Turn
from dialogs.readings import Answer, Choice, Confirm


async def answer(turn: Turn, request: Request, context: Context, choice: Choice | Confirm) -> bool:
    """Answer the question with this message; False if the message is no answer to it (the question is
    dropped either way: it is asked once)."""
    picked = choice.read(request.text)
    if picked is Answer.OTHER:
        return False
    t = request.t
    if picked is Answer.CANCEL and isinstance(choice, Confirm) and choice.line:  # "nej" to "hoppa 3 ja"
        await turn.send(Message(t._("Cancelled; nothing was changed.")))
        return True
    if picked is Answer.CANCEL:
        await turn.send(Message(t._("Cancelled; nothing was stored.")))
        return True
    if picked is Answer.UNCLEAR and isinstance(choice, Choice):  # "ja" to "1 or 1 100?": which one
        answer = t._("Answer {alone} or {joined}, or cancel. Nothing is stored until you answer.")
        await turn.send(Message(answer.format(alone=choice.alone, joined=choice.joined)))
        return True
    if isinstance(choice, Confirm):  # "ja" to "did it happen twice?": the line the question offered
        reply = await report_line(request, context, choice.args)
        await turn.send(Message(reply.text))
        return True
    make = report_line if choice.command == "report" else correct_line
    reply = await make(request, context, choice.args, grouped=picked is Answer.JOINED)
    await turn.send(Message(reply.text))
    return True
