"""The question "1 or 1 100?" between two turns: what was asked and how an answer is read. Framework-free.

A one-line report or correction whose value is followed by a number that may be its thousands group, where
the goal allows both readings ("rapportera 6 1 100 deltagare" on a goal of a thousand participants), is not
stored but asked about. In Teams the question is a card with a button for each reading
(bot/commands/checkins.py `ask_reading`), kept too until a button answers it, so that a typed word that
leaves it ("avbryt", "nej") cancels it as the Cancel button does (the turn's writer call takes it:
bot/db/people.py); in a chat without cards the next message answers it: the one
number ("1"), the joined one ("1100" or "1 100"), a word that leaves a question ("avbryt", "stopp", "never
mind": bot.i18n.CANCEL_WORDS) or a no ("nej": neither reading, so nothing). Anything else is no answer: the
question is dropped and the message handled as any other, so a chair who moves on is not held by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.i18n import leaves_question, said_yes, says_yes

KIND = "reading"  # the stored state's "dialog": what tells it from the check-in dialog's (dialogs/host.py)
COMMANDS = ("report", "correct")
MAX_ARGS = 2000  # the command's words kept until the answer (a comment is at most 500 characters)
_SPACES = re.compile(r"[ \u00a0\u202f]")


class Answer(StrEnum):
    ALONE = "alone"  # the value alone, the number begins the comment
    JOINED = "joined"  # the number joined up
    CANCEL = "cancel"
    UNCLEAR = "unclear"  # "ja" to "1 or 1 100?": neither, so the question is asked again and kept
    OTHER = "other"  # not an answer to the question


@dataclass(frozen=True)
class Choice:
    """A report or correction (`command` and its words, `args`) waiting for which value was meant."""

    command: str
    args: str
    alone: str  # the values as the question offers them to be typed: "1", "1100"
    joined: str

    def as_json(self) -> dict[str, object]:
        return {
            "dialog": KIND,
            "command": self.command,
            "args": self.args,
            "alone": self.alone,
            "joined": self.joined,
        }

    @staticmethod
    def from_json(data: object) -> Choice | None:
        """None for anything but a state this question wrote."""
        if not isinstance(data, dict) or data.get("dialog") != KIND or data.get("command") not in COMMANDS:
            return None
        fields = [data.get(key) for key in ("args", "alone", "joined")]
        if not all(isinstance(value, str) for value in fields):
            return None
        args, alone, joined = (str(value) for value in fields)
        return Choice(str(data["command"]), args[:MAX_ARGS], alone, joined)

    def read(self, text: str) -> Answer:
        """Which reading an answer picks."""
        if leaves_question(text):
            return Answer.CANCEL
        if says_yes(text):
            return Answer.UNCLEAR
        typed = _SPACES.sub("", text.strip()).replace(",", ".").rstrip(".")
        if typed == self.alone:
            return Answer.ALONE
        if typed == self.joined:
            return Answer.JOINED
        return Answer.OTHER


CONFIRM = "confirm"  # the stored state of "did it happen twice?" (a report like one stored, or far beyond)


@dataclass(frozen=True)
class Confirm:
    """A one-line command asked about before it is done ("#1 already says that … If it happened twice,
    write: report 3 1 2026-06-10 yes"; "Nothing is changed yet. To go ahead, write it again with yes at the
    end: skip 3 yes"): `args` is a report's words after the command, its yes included, or `line` the whole
    line the question offered. A typed "ja" does what the line does; a word that leaves a question, or "nej",
    does nothing."""

    args: str = ""
    line: str = ""  # the whole line, yes included: a typed "ja" is handled as this line written (Retyped)

    def as_json(self) -> dict[str, object]:
        return {"dialog": CONFIRM, "args": self.args, **({"line": self.line} if self.line else {})}

    @staticmethod
    def from_json(data: object) -> Confirm | None:
        if (
            not isinstance(data, dict)
            or data.get("dialog") != CONFIRM
            or not isinstance(data.get("args"), str)
        ):
            return None
        line = data.get("line")
        return Confirm(str(data["args"])[:MAX_ARGS], str(line)[:MAX_ARGS] if isinstance(line, str) else "")

    def read(self, text: str) -> Answer:
        """Yes (ALONE: store it), no (CANCEL) or no answer."""
        if leaves_question(text):
            return Answer.CANCEL
        return Answer.ALONE if said_yes(text.split())[1] and len(text.split()) <= 2 else Answer.OTHER


@dataclass(frozen=True)
class Retyped:
    """A "ja" that answers a kept Confirm with a `line`: the message is handled as that line written, by the
    router as any message (the writer's roles checked again)."""

    line: str


def typed(value: float) -> str:
    """A value as the answer is typed: "1", "1100", "1650.5"."""
    return str(int(value)) if value == int(value) else str(value)
