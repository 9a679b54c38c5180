"""What people write instead of a bare command, read as the command they mean. Framework-free.

A member asking "vad är mål 6?" or "visa mål 6" means `mål 6`; "hur går det för Sundsvall" means
`status Sundsvall`; `mål6` is `mål 6` typed without the space. "hej" and "tack" are not commands but
deserve a friendly word; a message of emoji alone is a reaction and gets no answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from bot.services.text import fold


class Social(Enum):
    GREETING = "greeting"
    THANKS = "thanks"


# Folded (bot/services/text.py) greetings and thanks, and the language each is in.
_SOCIAL: dict[str, tuple[Social, str]] = {
    fold(words): (kind, language)
    for kind, language, phrases in (
        (Social.GREETING, "sv", ("hej", "hejsan", "hallå", "tjena", "tja", "god morgon", "god kväll")),
        (Social.GREETING, "en", ("hi", "hello", "hey", "good morning", "good evening")),
        (Social.THANKS, "sv", ("tack", "tackar", "tack så mycket", "stort tack")),
        (Social.THANKS, "en", ("thanks", "thank you", "thx", "thank you very much", "many thanks")),
    )
    for words in phrases
}
# Words beside a greeting that change nothing: "hej boten", "tack så mycket!", "thanks a lot".
_SOCIAL_EXTRA = frozenset(("boten", "bot", "distriktsboten", "igen", "again", "a", "lot"))
# "hur går det för oss": the district itself.
_US = frozenset(("vi", "oss", "we", "us", "it", "things", "distriktet", "the district"))

# Leading words of a question whose rest is a command: "visa mål 6", "vad är mål 6", "what is goal 6".
# Each is folded; the language is the phrase's.
_LEADS: tuple[tuple[str, str], ...] = (
    ("kan du visa", "sv"),
    ("visa mig", "sv"),
    ("visa", "sv"),
    ("vad är", "sv"),
    ("vad ar", "sv"),
    ("vad handlar", "sv"),
    ("berätta om", "sv"),
    ("berätta", "sv"),
    ("vilka är", "sv"),
    ("can you show me", "en"),
    ("can you show", "en"),
    ("show me", "en"),
    ("show", "en"),
    ("what is", "en"),
    ("what s", "en"),
    ("whats", "en"),
    ("what are", "en"),
    ("tell me about", "en"),
)
# "hur går det för Sundsvall?" -> status Sundsvall; "how is Sundsvall doing?" -> status Sundsvall.
_HOW_SV = re.compile(r"^hur (?:går|gar) det(?: för| for| i| med)?(?P<rest>.*)$")
_HOW_EN = re.compile(
    r"^(?:how (?:is|are|s) (?P<who>.+?) (?:doing|going)|how (?:is|s) it going(?: (?:in|for) (?P<rest>.+))?)$"
)
_GLUED = re.compile(r"^(?P<word>[^\W\d_]{2,})(?P<number>\d+)$")


@dataclass(frozen=True)
class Reading:
    """The command a message means (`text`), and the language its own words were in, if they tell."""

    text: str
    language: str | None = None


def social(text: str) -> tuple[Social, str] | None:
    """A greeting or thanks (and its language) when that is all the message says."""
    folded = fold(text)
    if folded in _SOCIAL:
        return _SOCIAL[folded]
    words = folded.split()
    for length in (3, 2, 1):
        head = " ".join(words[:length])
        if head in _SOCIAL and all(word in _SOCIAL_EXTRA for word in words[length:]):
            return _SOCIAL[head]
    return None


def only_symbols(text: str) -> bool:
    """Emoji alone, perhaps with punctuation (👍, 🎉!): a reaction written as a message, nothing to answer.
    Punctuation alone ("...", "???") is not: that gets the usual hint."""
    categories = [unicodedata.category(ch) for ch in text if not ch.isspace()]
    return "So" in categories and all(category[0] not in "LN" for category in categories)


def unglue(word: str) -> tuple[str, str] | None:
    """`mål6` -> ("mål", "6"): a command word with its number written without a space."""
    match = _GLUED.match(word)
    return (match["word"], match["number"]) if match else None


def rephrase(text: str, is_command: Callable[[str], bool]) -> Reading | None:
    """The command a natural question means, or None. `is_command` tells whether a word is a command."""
    trimmed = text.strip().rstrip("?!. ")
    folded = " ".join(fold(trimmed).split())
    how = _HOW_SV.match(folded)
    if how is not None:
        return Reading(_status(trimmed, how["rest"]), "sv")
    how = _HOW_EN.match(folded)
    if how is not None:
        return Reading(_status(trimmed, how["who"] or how["rest"] or ""), "en")
    for lead, language in _LEADS:
        lead_folded = fold(lead)
        if folded.startswith(lead_folded + " "):
            rest = _after_words(trimmed, len(lead_folded.split()))
            first = rest.split(" ", 1)[0]
            glued = unglue(first)
            if is_command(first) or (glued is not None and is_command(glued[0])):
                return Reading(rest, language)
    return None


def _status(original: str, folded_name: str) -> str:
    """`status` with the branch named as written (its capitals and letters kept); the district's for
    "we", "vi", "oss", "distriktet"."""
    wanted = folded_name.split()
    if not wanted or " ".join(wanted) in _US:
        return "status"
    words = original.split()
    folded = [fold(word) for word in words]
    for start in range(len(words) - len(wanted) + 1):
        if folded[start : start + len(wanted)] == wanted:
            return "status " + " ".join(words[start : start + len(wanted)])
    return "status " + folded_name.strip()


def _after_words(text: str, count: int) -> str:
    """`text` without its first `count` words (as folding counts them)."""
    seen = 0
    position = 0
    for match in re.finditer(r"\w+", text):
        if seen == count:
            position = match.start()
            break
        seen += 1
    else:
        return ""
    return text[position:].strip()
