"""Every reply in the writer's language, whoever else in the district chose another.

What a board member means: "My Teams is in Swedish and I write Swedish: answer me in Swedish." Anna wrote
`export` and was answered in English. Not because Noa had chosen English (each turn takes its language from
who wrote it), but because the router took `export` for an English command word, and a command word's
language goes before the person's. `export` is a Swedish word as much as an English one (so is `post`):
written alone it does not tell, and the reply follows the writer: the language they chose, else their
Teams client's; unless a later word tells (`export goal 6` is English). A word of one language only
(`exportera`) still answers in that language.
"""

from __future__ import annotations

from tests.stories.conftest import ANNA, KIM, LEE, NOA, District

NOTHING_SV = "Det finns inga rapporter"  # "att exportera än", or "för Härnösand, så ..." for a chair
NOTHING_EN = "There are no reports"


async def test_a_swedish_board_member_reads_swedish_after_someone_else_chose_english(
    district: District,
) -> None:
    before = [await district.say(ANNA, text) for text in ("export", "exportera", "kommande", "post")]
    assert before[:2] == ["Det finns inga rapporter att exportera än."] * 2

    chosen = await district.say(NOA, "language english")
    assert chosen == "From now on I write to you in English, reminders and notices too."
    assert (await district.say(NOA, "export")).startswith("Only branch chairs, the board and administrators")

    after = [await district.say(ANNA, text) for text in ("export", "exportera", "kommande", "post")]
    assert after == before
    assert after[3].startswith("Det finns inget planerat inlägg")


async def test_a_word_both_languages_write_follows_the_writer(district: District) -> None:
    assert (await district.say(LEE, "export", locale="en-US")).startswith(
        NOTHING_EN
    )  # an English Teams client
    assert (await district.say(KIM, "export", locale="sv-SE")).startswith(NOTHING_SV)
    await district.say(KIM, "språk engelska")
    assert (await district.say(KIM, "export", locale="sv-SE")).startswith(NOTHING_EN)  # as he chose
    assert (await district.say(KIM, "exportera", locale="sv-SE")).startswith(
        NOTHING_SV
    )  # Swedish only: as written


async def test_the_words_after_a_shared_word_may_tell(district: District) -> None:
    """`export goal 6` is English and `export mål 6` Swedish, whoever writes it."""
    assert (await district.say(ANNA, "export goal 6")).startswith(NOTHING_EN)
    assert (await district.say(LEE, "export mål 6", locale="en-US")).startswith(NOTHING_SV)
    assert (await district.say(ANNA, "export Sundsvall")).startswith(NOTHING_SV)
