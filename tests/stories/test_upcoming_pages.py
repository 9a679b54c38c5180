"""`kommande` shows ten coming prompts at a time, `bank` eighty (the world of
tests/schedules/test_prompt_stories.py: the board, the General channel and the chairs' channel, 22 November
2026).

What the board means: a list that stops says how many there are in all and the line that shows the rest
(`kommande sida 2`, `upcoming page 2`, `bank sida 2`), and that line works; before, the list stopped at ten
(eighty) with nothing to say that more were there.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world  # the same district, board and channels


async def test_the_coming_prompts_are_shown_ten_at_a_time_with_how_many_in_all(world: World) -> None:
    await stories.two_channels(world)  # twice a month in General, once in the chairs' channel
    await world.say(MEGAN, "schema 1, 5, 10, 15, 20 och 25 kl 18", channel=GENERAL)
    total = len(world.slots())
    assert total > 10
    first = await world.say(MEGAN, "kommande")
    assert len([line for line in first.splitlines() if line.startswith("#")]) == 10
    assert f"Visar 1–10 av {total}. Nästa sida: kommande sida 2" in first
    second = await world.say(ADELE, "upcoming page 2", locale="en-US")
    assert f"Showing 11–{total} of {total}." in second and "Next:" not in second
    numbers = [line.split()[0] for line in (first + "\n" + second).splitlines() if line.startswith("#")]
    assert len(set(numbers)) == total
    pages = -(-total // 10)
    assert await world.say(MEGAN, "kommande sida 99") == (
        f"Sidan 99 finns inte: {total} inlägg är planerade, på {pages} sidor. Skriv: kommande sida {pages}"
    )


async def test_a_long_prompt_bank_is_shown_in_pages_with_how_many_in_all(world: World) -> None:
    """The bank listed its first 80 prompts and nothing more: with 82, the list says so and `bank sida 2`
    (`bank page 2`) shows the last two."""
    await stories.two_channels(world)  # seeds the bank with its 42 prompts
    for n in range(40):
        assert "banken" in await world.say(MEGAN, f"bank lägg till miljö: Fråga nummer {n} om träden?")
    first = (await world.say(MEGAN, "bank")).splitlines()
    assert "82" in first[0]
    assert first[-1] == "Visar 1–80 av 82. Nästa sida: bank sida 2"
    second = (await world.say(ADELE, "bank page 2", locale="en-US")).splitlines()
    assert second[-1] == "Showing 81–82 of 82."
    assert "Fråga nummer 39 om träden?" in "\n".join(second)


async def test_a_new_schedule_and_an_unknown_number_say_how_many_prompts_there_are(world: World) -> None:
    """Setting a schedule shows the first six of its coming prompts, and a prompt number that names none
    lists the first eight open ones: each says how many there are in all and where to see them."""
    answer = await world.say(MEGAN, "schema 1, 5, 10, 15, 20 och 25 kl 18", channel=GENERAL)
    total = len(world.slots())
    assert total > 8
    assert f"De 6 närmaste av de {total} inlägg som är planerade hittills; alla: kommande" in answer
    unknown = await world.say(ADELE, "skip 999", locale="en-US")
    assert unknown.endswith(f"And {total - 8} more: upcoming"), unknown


async def test_the_follow_up_counts_every_coming_prompt(world: World) -> None:
    """The follow-up listed at most the next ten coming prompts, so with more it said nothing of the rest:
    its card shows eight lines (the note on Swedish time and seven prompts) and says how many more the
    document has (which lists them all)."""
    await world.say(MEGAN, "schema 1, 4, 7, 10, 13, 16, 19, 22 och 28 kl 18", channel=GENERAL)
    coming = len(world.slots())
    assert coming > 10
    answer = await world.say(MEGAN, "uppföljning")
    assert f"… och {coming - 7} till i dokumentet" in answer
