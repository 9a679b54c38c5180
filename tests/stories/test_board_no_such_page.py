"""A page past the end of a list, in every list that has pages (the world of
tests/schedules/test_prompt_stories.py).

What a board member means by "kommande sida 2" when all fit on one page: show me the rest. The answer says
how many there are and on how many pages, each with its own plural ("7 inlägg … på 1 sida", not "på 1
sidor"; "on 1 page"), and the line that shows the last page: the plain command when there is one page.
"""

from __future__ import annotations

import pytest

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_upcoming_on_one_page(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    total = len(world.slots())
    assert 1 < total <= 10
    assert await world.say(MEGAN, "kommande sida 2") == (
        f"Sidan 2 finns inte: {total} inlägg är planerade, på 1 sida. Skriv: kommande"
    )
    assert await world.say(ADELE, "upcoming page 2", locale="en-US") == (
        f"There is no page 2: {total} prompts are coming, on 1 page. Write: upcoming"
    )


async def test_the_bank_and_the_history_on_one_page(world: World) -> None:
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    bank = await world.say(MEGAN, "bank sida 2")
    assert bank.startswith("Sidan 2 finns inte: banken har ") and bank.endswith(
        " inlägg, på 1 sida. Skriv: bank"
    )
    first = world.slot_at(1, 12, 18)
    assert (await world.say(MEGAN, f"posta {first.id} ja", channel=GENERAL)).startswith("Publicerar")
    await world.settle()
    assert await world.say(MEGAN, "historik sida 3") == (
        "Sidan 3 finns inte: 1 inlägg har publicerats, på 1 sida. Skriv: historik"
    )
    assert await world.say(ADELE, "history page 3", locale="en-US") == (
        "There is no page 3: 1 prompt was posted, on 1 page. Write: history"
    )


@pytest.mark.parametrize(
    ("asked", "locale", "expected"),
    [
        (
            "mina rapporter sida 2",
            "sv-SE",
            "Sidan 2 finns inte: det finns 1 rapport, på 1 sida. Skriv: mina rapporter",
        ),
        ("my reports page 2", "en-US", "There is no page 2: there is 1 report, on 1 page. Write: my reports"),
    ],
)
async def test_my_reports_on_one_page(world: World, asked: str, locale: str, expected: str) -> None:
    assert (await world.say(MEGAN, "rapportera 19 1 inlägg")).startswith("Sparat")
    assert await world.say(MEGAN, asked, locale=locale) == expected
