"""A pause "till efter" a named holiday or season months away is asked about, not paused, through the real
server (the world of tests/schedules/test_prompt_stories.py), with the clock set to the day each is written.

What the board means, written down before reading the replies. A board member naming a holiday to pause until
("paus till efter nyår", "efter jul", "till efter sommaren", "until after New Year") means a holiday close
ahead; almost never a pause of most of a year. So, as "paus till efter helgerna" out of season is asked
about (test_dates_listed_glued_and_breaks.py), such a pause is asked about when it is months away: one
ending in the Christmas holidays before November, one ending in the summer before 1 March, any other that
would last more than half a year. The answer says how it was read (today to the day before the one after)
and what to write: "paus till 1/1" if that is meant, or days of their own. Close ahead it is paused as
before: "paus till efter nyår" on 1 December is to 1 January, "till efter sommaren" in May to 31 August,
"efter påsk" in December to Easter Monday.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world
DEC1, DEC7 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC), datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
MAY, NOV20 = datetime(2027, 5, 12, 9, 0, tzinfo=UTC), datetime(2027, 11, 20, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "words", "asked"),
    [
        (
            datetime(2027, 5, 12, 9, 0, tzinfo=UTC),
            "paus till efter nyår",
            "”till efter nyår” skulle pausa frågorna 12 maj 2027–1 jan. 2028, i flera månader, så inget "
            "pausades. Menar ni det, skriv paus till 1/1; annars skriv dagarna, t.ex. paus till 26/5.",
        ),
        (datetime(2027, 5, 12, 9, 0, tzinfo=UTC), "paus efter jul", "paus till 26/12;"),
        (datetime(2027, 5, 12, 9, 0, tzinfo=UTC), "Paus till efter julen!", "paus till 26/12;"),
        (datetime(2027, 5, 12, 9, 0, tzinfo=UTC), "paus efter trettondagen", "paus till 6/1;"),
        (datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "paus till efter sommaren", "paus till 31/8;"),
        (datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "paus tills efter sommaren", "paus till 31/8;"),
        (datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "paus till efter midsommar", "paus till 25/6;"),
        (datetime(2026, 9, 10, 9, 0, tzinfo=UTC), "paus till efter nyår", "paus till 1/1;"),
        (datetime(2027, 1, 15, 9, 0, tzinfo=UTC), "paus till efter nyår", "1 jan. 2028"),
    ],
)
async def test_a_pause_until_after_months_away_is_asked_in_swedish(
    world: World, now: datetime, words: str, asked: str
) -> None:
    world.clock.now = now
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, words, channel=GENERAL)
    written = answer.replace("Paus ", "paus ")  # the command as written: "Paus till efter julen!"
    assert "i flera månader, så inget pausades" in answer and asked in written, answer


@pytest.mark.parametrize(
    ("now", "words", "asked"),
    [
        (
            datetime(2027, 5, 12, 9, 0, tzinfo=UTC),
            "pause until after New Year",
            "“until after New Year” would pause the prompts 12 May 2027–1 Jan 2028, for months, so nothing "
            "was paused. If that is meant, write pause until 1/1; otherwise write the days, e.g. pause until "
            "26/5.",
        ),
        (datetime(2027, 5, 12, 9, 0, tzinfo=UTC), "pause until after Christmas", "pause until 26/12;"),
        (datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "pause till after the summer", "pause until 31/8;"),
        (datetime(2026, 12, 7, 9, 0, tzinfo=UTC), "pause after the summer please", "pause until 31/8;"),
    ],
)
async def test_a_pause_until_after_months_away_is_asked_in_english(
    world: World, now: datetime, words: str, asked: str
) -> None:
    world.clock.now = now
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    answer = await world.say(ADELE, words, channel=GENERAL, locale="en-US")
    assert "for months, so nothing was paused" in answer and asked in answer, answer


@pytest.mark.parametrize(
    ("now", "words", "meant"),
    [
        (DEC1, "paus till efter nyår", "Pausat från i dag, 1 dec., till 1 jan."),
        (MAY, "paus till efter sommaren", "Pausat från i dag, 12 maj, till 31 aug."),
        (DEC7, "paus efter påsk", "Pausat från i dag, 7 dec., till 29 mars"),
        (NOV20, "paus efter jul", "Pausat från i dag, 20 nov., till 26 dec."),
    ],
)
async def test_a_pause_until_after_close_ahead_is_paused(
    world: World, now: datetime, words: str, meant: str
) -> None:
    world.clock.now = now
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, words, channel=GENERAL)
    assert answer.startswith(meant), answer


async def test_the_written_answer_pauses(world: World) -> None:
    """What the answer says to write pauses as meant."""
    world.clock.now = datetime(2027, 5, 12, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    await world.say(MEGAN, "paus till efter nyår", channel=GENERAL)
    answer = await world.say(MEGAN, "paus till 1/1", channel=GENERAL)
    assert answer.startswith("Pausat från i dag, 12 maj, till 1 jan. 2028."), answer
