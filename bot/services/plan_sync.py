"""Matching a re-imported plan's goals to the goals already stored, so edits update goals in place."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from bot.i18n import fold

# How alike an edited goal's text must be to its old text to count as the same goal.
SIMILAR_ENOUGH = 0.6


def match_goals(old_texts: Sequence[str], new_texts: Sequence[str]) -> list[int | None]:
    """For each new goal, the index of the old goal it continues, or None for a new goal.

    Same text (forgiving case, punctuation and spacing) first; then the most similar remaining pairs, so a
    reworded goal keeps its identity and whatever is linked to it. Each old goal is used at most once.
    """
    old_folded = [fold(text) for text in old_texts]
    new_folded = [fold(text) for text in new_texts]
    # Similarity is measured on words, not letters: two different goals share many letters.
    old_words = [text.split() for text in old_folded]
    result: list[int | None] = [None] * len(new_texts)
    free_old = set(range(len(old_texts)))

    by_text: dict[str, list[int]] = {}
    for i, text in enumerate(old_folded):
        by_text.setdefault(text, []).append(i)
    for j, text in enumerate(new_folded):
        candidates = by_text.get(text)
        if candidates:
            i = candidates.pop(0)
            result[j] = i
            free_old.discard(i)

    pairs = []
    for j, text in enumerate(new_folded):
        if result[j] is not None:
            continue
        words = text.split()
        for i in free_old:
            ratio = SequenceMatcher(None, old_words[i], words, autojunk=False).ratio()
            if ratio >= SIMILAR_ENOUGH:
                # Prefer the closest text, then the closest position in the plan.
                pairs.append((-ratio, abs(i - j), i, j))
    for _, _, i, j in sorted(pairs):
        if i in free_old and result[j] is None:
            result[j] = i
            free_old.discard(i)
    return result
