"""Message catalogues: every message in the code has a Swedish translation, and the catalogues are current."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LOCALES, pick_language, translator

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def messages_in_code() -> set[str | tuple[str, ...]]:
    found: set[str | tuple[str, ...]] = set()
    for package in ("bot", "dialogs", "schedules"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            found.add(message)
    return found


def catalogue(language: str) -> dict[str | tuple[str, ...], str | tuple[str, ...]]:
    with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return {m.id if isinstance(m.id, str) else tuple(m.id): m.string for m in read_po(po) if m.id}


def test_every_message_in_the_code_is_translated_to_swedish() -> None:
    swedish = catalogue("sv")
    missing = [
        m
        for m in messages_in_code()
        if not swedish.get(m) or (isinstance(swedish[m], tuple) and not all(swedish[m]))
    ]
    assert missing == [], "run scripts/messages and translate these in bot/locales/sv/LC_MESSAGES/messages.po"


def test_no_translation_is_left_fuzzy() -> None:
    """gettext skips a fuzzy entry (pybabel marks one when a message changes shape, e.g. gains a plural),
    so the user would read English."""
    for language in ("sv", "en"):
        with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
            fuzzy = [m.id for m in read_po(po) if m.id and m.fuzzy]
        assert fuzzy == [], f"{language}: check these and remove their fuzzy flag"


def test_the_catalogues_hold_no_stale_messages() -> None:
    in_code = messages_in_code()
    for language in ("sv", "en"):
        stale = set(catalogue(language)) - in_code
        assert stale == set(), f"{language}: run scripts/messages to drop messages no longer used"


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("sv-SE", "sv"),
        ("sv", "sv"),
        ("en-US", "en"),
        ("en_GB", "en"),
        ("de-DE", "sv"),
        (None, "sv"),
        ("", "sv"),
    ],
)
def test_pick_language(locale: str | None, language: str) -> None:
    assert pick_language(locale, "sv") == language


def test_translators_translate_and_keep_placeholders() -> None:
    assert translator("sv")._("Goal {number}").format(number=6) == "Mål 6"
    assert translator("en")._("Goal {number}").format(number=6) == "Goal 6"
    assert translator("sv").ngettext("{count} goal", "{count} goals", 2).format(count=2) == "2 mål"


def test_swedish_translations_keep_every_placeholder() -> None:
    import re

    for message_id, translated in catalogue("sv").items():
        ids = message_id if isinstance(message_id, tuple) else (message_id,)
        texts = translated if isinstance(translated, tuple) else (translated,)
        wanted = set(re.findall(r"\{\w+\}", ids[-1]))
        for text in texts:
            assert set(re.findall(r"\{\w+\}", text)) <= wanted | set(re.findall(r"\{\w+\}", ids[0])), (
                message_id
            )
            assert wanted - {"{count}"} <= set(re.findall(r"\{\w+\}", text)), message_id


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError):
        translator("de")


def test_catalogue_files_are_utf8() -> None:
    for language in ("sv", "en"):
        (LOCALES / language / "LC_MESSAGES" / "messages.po").read_bytes().decode("utf-8")


def test_every_message_marked_inside_an_f_string_is_in_the_catalogue() -> None:
    """Babel reads no call inside an f-string (on Python 3.11 an f-string is one token): a message marked
    only there never reaches the catalogue and shows in English on a Swedish page. Name it first, then
    format it in."""
    import re
    import tokenize

    from babel.messages.pofile import read_po

    with open("bot/locales/messages.pot", "rb") as pot:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot)}
    marked = re.compile(r"""(?<![\w.])(?:t\._|_|gettext)\((['"])(.+?)\1\)""")
    missing = []
    for folder in ("bot", "dialogs", "schedules"):
        for path in sorted(Path(folder).rglob("*.py")):
            with path.open("rb") as source:
                for token in tokenize.tokenize(source.readline):
                    prefix = token.string[: len(token.string) - len(token.string.lstrip("rRbBfFuU"))]
                    if token.type != tokenize.STRING or "f" not in prefix.lower():
                        continue
                    for match in marked.finditer(token.string):
                        if match[2] not in known:
                            missing.append(f"{path}:{token.start[0]}: {match[2]}")
    assert missing == []
