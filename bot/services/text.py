"""How the bot compares words people type: one fold of case and diacritics for all of it. Framework-free.

"Härnösand", "harnosand" and "HÄRNÖSAND" are one branch, "sök" and "SOK" one command, "tis" and "tis."
the same Tuesday. Every place that matches typed words against known ones folds both sides here.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")
# Characters that change how text around them looks without being seen (issue 17): C0/C1 controls but
# tab, newline and carriage return; the bidi embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069) and marks (U+200E, U+200F, U+061C), which can make "gpj.exe" read as "exe.jpg";
# zero-width space, word joiner and invisible operators, BOM; interlinear annotation; and lone UTF-16
# surrogates, which no UTF-8 store or log can hold. Zero-width (non-)joiners stay: emoji and some scripts
# need them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def strip_invisible(text: str) -> str:
    """`text` without invisible control characters (see _INVISIBLE); line breaks and tabs kept."""
    return _INVISIBLE.sub("", text)


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
