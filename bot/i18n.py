"""User-facing text: gettext catalogues in bot/locales (msgids in English, Swedish translations).

Translate first, format after: `t._("Goal {number}").format(number=6)`.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("sv", "en")
DOMAIN = "messages"


class Translator:
    """The messages of one language."""

    def __init__(self, language: str, translations: gettext.NullTranslations) -> None:
        self.language = language
        self._translations = translations

    def _(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._translations.ngettext(singular, plural, n)


@cache
def translator(language: str) -> Translator:
    """The catalogue for `language` ("sv" or "en"), compiled from its .po file once per process."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translator(language, gettext.GNUTranslations(compiled))


def pick_language(locale: str | None, default: str) -> str:
    """The language for a Teams locale such as "sv-SE" or "en-US"; the district's default otherwise."""
    return language_of_locale(locale) or default


def language_of_locale(locale: str | None) -> str | None:
    """ "sv" for "sv-SE", "en" for "en_GB"; None for a locale the bot does not speak."""
    if locale:
        primary = locale.replace("_", "-").split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return None


def person_language(chosen: str | None, locale: str | None, default: str) -> str:
    """The language to write to someone in: the one they chose (`språk svenska`), else their Teams
    client's, else the district's. A command word in one language decides a reply before this does
    (bot/commands/router.py)."""
    if chosen in LANGUAGES:
        return chosen
    return language_of_locale(locale) or default


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


def genitive(t: Translator, name: str) -> str:
    """A name's possessive as the language writes it: "Megan Bowens", "Jonas" (sv); "Jonas's" (en)."""
    if t.language == "sv":
        return name if name[-1:].lower() in ("s", "x", "z") else f"{name}s"
    return f"{name}\u2019s"
