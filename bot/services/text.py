"""How the bot compares words people type: one fold of case and diacritics for all of it. Framework-free.

"Härnösand", "harnosand" and "HÄRNÖSAND" are one branch, "sök" and "SOK" one command, "tis" and "tis."
the same Tuesday. Every place that matches typed words against known ones folds both sides here.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def fold_letters(text: str) -> str:
    """Lower case without diacritics, nothing else changed: "Sön" -> "son", "Café" -> "cafe", "@" -> "@".

    Case folded (`str.casefold`: "ß" -> "ss"), then decomposed (NFKD: "ä" is "a" and a combining
    diaeresis, "ﬁ" is "fi") and stripped of combining marks.
    """
    folded = text.casefold()
    if folded.isascii():  # ASCII has nothing to decompose
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """`fold_letters`, with punctuation become space, so "Sök", "sok" and "SÖK:" all match."""
    return _NOT_WORD.sub(" ", fold_letters(text)).strip()
