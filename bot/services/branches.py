"""Branches (partiföreningar) as the board keeps them: one list per district, matched as people type the
names. Framework-free.

"sundsvall", "SUNDSVALL" and "Sundsval" are Sundsvall: case and diacritics never matter, and a small
misspelling (difflib's ratio of at least 0.8 on the folded names, only when one branch is that close) is
still the branch. Anything else is a name the board has not added.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from bot.i18n import alphabetical, fold

# How alike a typed name and a branch's must be (difflib's ratio, folded) to be a small misspelling of it:
# "Sundsval"/"Sundsvall" 0.94, "Harnosnd"/"Harnosand" 0.94, "Umea"/"Timra" 0.44.
CLOSE = 0.8


class Named(Protocol):
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


@dataclass(frozen=True)
class BranchName:
    """A branch known only by its name (a role's, an export filter's)."""

    name: str


def find_branch(text: str, branches: Sequence[N]) -> N | None:
    """The branch `text` names: exactly but for case and diacritics, else the one branch it misspells."""
    wanted = fold(text)
    if not wanted:
        return None
    exact = [b for b in branches if fold(b.name) == wanted]
    if exact:
        return exact[0]
    close = [b for b in branches if difflib.SequenceMatcher(None, fold(b.name), wanted).ratio() >= CLOSE]
    return close[0] if len(close) == 1 else None


def leading_branch(words: Sequence[str], branches: Sequence[N]) -> tuple[N, int] | None:
    """The branch the words start with (the longest name first), and how many words it took."""
    longest = max((len(b.name.split()) for b in branches), default=0)
    for size in range(min(longest, len(words)), 0, -1):
        found = find_branch(" ".join(words[:size]), branches)
        if found is not None:
            return found, size
    return None


def names(branches: Sequence[Named]) -> str:
    """The branches' names for a message: "Härnösand, Sundsvall" (a dash when there are none)."""
    return ", ".join(sorted((b.name for b in branches), key=alphabetical)) or "\u2013"


def typed_names(text: str) -> list[str]:
    """The names in a list as people write one (and plans do): "Krokom, Åre och Strömsund", "A and B"."""
    parts = (" ".join(p.split()) for p in re.split(r"[,;]|\s(?:och|samt|and|&)\s", text, flags=re.IGNORECASE))
    return [p for p in parts if p]
