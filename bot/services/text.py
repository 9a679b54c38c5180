"""How the bot compares words people type: one fold of case and diacritics for all of it. Framework-free.

"Härnösand", "harnosand" and "HÄRNÖSAND" are one branch, "sök" and "SOK" one command, "tis" and "tis."
the same Tuesday. Every place that matches typed words against known ones folds both sides here.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

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


# Tags after which Teams' HTML starts a new line (paragraphs, line breaks, list items, headings, ...).
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "hr"}
)


class _Flattener(HTMLParser):
    """Collects the text of Teams' message HTML: blocks as lines, list items as "- ", links as their text
    (their address when they have none), entities decoded; every other tag (formatting, <at>, <span>)
    leaves its text alone."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._link: str | None = None
        self._link_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")
        elif tag == "a":
            self._link = dict(attrs).get("href") or ""
            self._link_text = False
        elif tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "a" and self._link is not None:
            if not self._link_text:
                self.parts.append(self._link)
            self._link = None

    def handle_data(self, data: str) -> None:
        if data.strip():
            self._link_text = True
        self.parts.append(data)


_TAG_OR_ENTITY = re.compile(r"<[a-zA-Z/!]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def flatten_html(text: str) -> str:
    """The text of a message Teams sent as HTML (pasted or formatted): `<p>mål 6</p>` is "mål 6".

    Lines are kept (one per paragraph, break or list item), spaces within a line collapsed, and the
    non-breaking spaces Teams puts around mentions made plain. Text with neither tags nor entities is
    returned as it is ("1 < 2" stays).
    """
    if not _TAG_OR_ENTITY.search(text):
        return text
    parser = _Flattener()
    parser.feed(text)
    parser.close()
    lines = ("".join(parser.parts).replace("\xa0", " ")).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())
