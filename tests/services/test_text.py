"""The one fold of case and diacritics that every match of typed words goes through."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import fold, fold_letters


def test_fold_letters_drops_case_and_diacritics_and_keeps_everything_else() -> None:
    assert fold_letters("Härnösand") == fold_letters("HARNOSAND") == "harnosand"
    assert fold_letters("Sön.") == "son."
    assert fold_letters("Café @ kl 18") == "cafe @ kl 18"
    assert fold_letters("Straße ﬁka") == "strasse fika"


def test_fold_also_makes_punctuation_space() -> None:
    assert fold("Sök: Å, Ä, Ö!") == "sok a a o"
    assert fold("  återkallade?  ") == "aterkallade"


@given(st.text())
def test_fold_letters_is_casefold_nfkd_without_combining_marks(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    assert fold_letters(text) == "".join(ch for ch in decomposed if not unicodedata.combining(ch))
