"""Members write to the bot in both languages, whatever language their Teams is in (many Swedes run Teams in
English, and many who run it in Swedish still type English words). A command word means the same in either
language, and the answer comes in the language of the word written.

Megan is on the board (and an administrator); Noa is a member. Goal 20 is the district's two debate articles
a year, which the board reports.
"""

from __future__ import annotations

import pytest

from bot.commands import build_router
from tests.stories.conftest import MEGAN, NOA, District


async def test_an_english_writer_lists_corrects_and_undoes_their_own_report(district: District) -> None:
    """`mine`, `edit` and `undo` are what an English writer types for "my reports", "correct one" and
    "take it back"; they do what `mina`, `ändra` and `ångra` do, answered in English even where Teams is
    Swedish."""
    await district.say(MEGAN, "report 20 1 op-ed", locale="en-US")
    [stored] = district.reports()
    for locale in ("en-US", "sv-SE"):
        mine = await district.say(MEGAN, "mine", locale=locale)
        assert f"#{stored.id}" in mine and "goal 20" in mine.lower(), mine
        assert "Mina" not in mine and "mål 20" not in mine
    edited = await district.say(MEGAN, f"edit {stored.id} 2 two op-eds", locale="sv-SE")
    assert edited.startswith(f"Corrected #{stored.id}: goal 20, now 2"), edited
    assert district.reports()[-1].value == 2
    undone = await district.say(MEGAN, f"undo {stored.id}", locale="sv-SE")
    assert (
        undone == f"Withdrew #{stored.id} (goal 20, 2 opinion pieces for the district, 22 Nov 2026); "
        "it no longer counts."
    )
    assert district.reports()[-1].withdrawn


async def test_the_swedish_words_still_answer_in_swedish_in_an_english_teams(district: District) -> None:
    """The same steps in Swedish: `mina`, `ändra`, `ångra` answer in Swedish, even where Teams is English."""
    await district.say(MEGAN, "rapportera 20 1 debattartikel", locale="en-US")
    [stored] = district.reports()
    assert f"#{stored.id}" in await district.say(MEGAN, "mina", locale="en-US")
    edited = await district.say(MEGAN, f"ändra {stored.id} 2", locale="en-US")
    assert edited.startswith(f"Rättat #{stored.id}: mål 20, nu 2"), edited
    assert await district.say(MEGAN, f"ångra {stored.id}", locale="en-US") == (
        f"Rapport #{stored.id} (mål 20, 2 debattartiklar för distriktet, 22 nov. 2026) är tillbakadragen; "
        "den räknas inte "
        f"längre."
    )


@pytest.mark.parametrize(
    ("written", "english", "swedish"),
    [
        # an English word a writer would naturally type, and the Swedish one it stands for
        ("overview", "The plan's dashboard", "översikt"),
        ("branch", "Branches in Vänsterpartiet Västernorrland:", "partiföreningar"),
        ("show 999", "There is no prompt #999.", "visa 999"),
        ("give 999", "Write a prompt number and @mention one person", "ge 999"),
        ("help mine", "my reports · my goals\n", "hjälp mina"),
        ("help undo", "withdraw\n", "hjälp ångra"),
    ],
)
async def test_each_english_word_does_what_its_swedish_word_does(
    district: District, written: str, english: str, swedish: str
) -> None:
    """An English word reaches the same command as the Swedish one, and is answered in English, whatever
    language Teams is in; the Swedish word in Swedish. Help about a command names its English word."""
    for locale in ("sv-SE", "en-US"):
        answer = await district.say(MEGAN, written, locale=locale)
        assert answer.startswith(english), answer
    in_swedish = await district.say(MEGAN, swedish, locale="en-US")
    assert not in_swedish.startswith(english) and in_swedish.strip(), in_swedish


def test_every_command_has_a_word_in_each_language() -> None:
    """Whoever writes English finds every command under an English word, and whoever writes Swedish under a
    Swedish one: each command has a word that is English or the same in both (`status`), and likewise a
    Swedish one. The English usage (what help shows in English) starts with one of its words."""
    for route in build_router().routes:
        languages = {route.language_of(word) for word in route.words}
        assert languages & {"en", None}, route.words
        assert languages & {"sv", None}, route.words
        assert route.usage.split()[0] in route.words or route.usage.startswith("my data"), route.usage


@pytest.mark.parametrize(
    ("written", "locale", "hint"),
    [
        # a typo of an English word: suggested in English, whatever Teams speaks
        ("reprot 3 1", "sv-SE", "I don't know the command “reprot”. Did you mean report 3 1?"),
        ("serach members", "sv-SE", "Did you mean search members?"),
        ("serach members", "en-US", "Did you mean search members?"),
        ("gaol6", "sv-SE", "Did you mean goal 6?"),
        ("mien", "en-US", "Did you mean mine?"),
        ("could I see goals 6", "sv-SE", "Did you mean goals 6?"),
        ("change language english", "sv-SE", "Did you mean language english?"),  # not a correction
        # a typo of a Swedish word: suggested in Swedish, whatever Teams speaks
        ("raportera 3 1", "en-US", "Jag känner inte till kommandot ”raportera”. Menade du rapportera 3 1?"),
        ("måll 6", "en-US", "Menade du mål 6?"),
        ("kan jag få se mål 6", "en-US", "Menade du mål 6?"),
        # a word that is both languages': the language the writer reads in
        ("statsu Sundsvall", "sv-SE", "Menade du status Sundsvall?"),
        ("statsu Sundsvall", "en-US", "Did you mean status Sundsvall?"),
    ],
)
async def test_a_typo_gets_the_likely_command_in_the_writers_language(
    district: District, written: str, locale: str, hint: str
) -> None:
    """Someone who mistypes a command means the command: they are told which, with what they wrote after
    it, in the language of the word they were typing."""
    assert hint in await district.say(NOA, written, locale=locale)


async def test_a_typo_of_a_board_command_is_suggested_to_the_board_only(district: District) -> None:
    """`upcoming` is the board's: Megan, on the board, is pointed to it; Noa, a member, would be refused
    it, so is not."""
    assert "Did you mean upcoming?" in await district.say(MEGAN, "upcomming", locale="sv-SE")
    assert "upcoming" not in await district.say(NOA, "upcomming", locale="sv-SE")


async def test_a_word_like_no_command_gets_the_plain_hint_in_the_readers_language(district: District) -> None:
    assert await district.say(NOA, "xyzzy", locale="en-US") == (
        "I don't know the command “xyzzy”. Write help to see what I can do."
    )
    assert await district.say(NOA, "xyzzy", locale="sv-SE") == (
        "Jag känner inte till kommandot ”xyzzy”. Skriv hjälp för att se vad jag kan göra."
    )
