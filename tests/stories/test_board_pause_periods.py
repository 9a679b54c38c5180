"""A board pauses the prompts for a period written as board members write periods anywhere, read by the one
date reader (bot/services/dates.py), through the real server (the world of tests/schedules/
test_prompt_stories.py), with the clock set to the day each is written.

What the board means, written down before reading the replies. On Monday 7 December 2026 a pause is ahead:
- "paus 1.7 15.8": 1 July to 15 August 2027 (this summer is over);
- "paus v. 28-32": weeks 28 to 32 of 2027, Monday 12 July to Sunday 15 August;
- "paus juli-augusti", "pause July to August": 1 July to 31 August 2027;
- "paus 20-12 6-1": 20 December 2026 to 6 January 2027, over the new year;
- "paus över julen", "pause over Christmas": Christmas Eve to Epiphany, 24 December 2026 to 6 January 2027;
- "paus 15 juni till 15 augusti", "pause from June 15 to August 15": 15 June to 15 August 2027;
- "paus i sommar", "paus under sommaren tack", "pause this summer", "pause over the summer please": next
  summer, 1 June to 31 August 2027 (written in December);
- "paus vecka 52-1", "pause weeks 52 to 1": week 52 of 2026 to week 1 of 2027 (2026 has a week 53), Monday
  21 December 2026 to Sunday 10 January 2027.
On Tuesday 2 March 2027 "paus i sommar" is this summer, 1 June to 31 August 2027, and "pause March" the rest
of the month under way, from today, as the answer says; so is "paus över julen" on 28 December, to Epiphany.
"paus till 10 januari" / "pause until January 10" is from today to that day (it was "Skriv perioden …").
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("paus 1.7 15.8", "1 juli–15 aug. 2027"),
        ("paus v. 28-32", "12 juli–15 aug. 2027"),
        ("paus juli-augusti", "1 juli–31 aug. 2027"),
        ("paus 20-12 6-1", "20 dec. 2026–6 jan. 2027"),
        ("paus över julen", "24 dec. 2026–6 jan. 2027"),
        ("paus 15 juni till 15 augusti", "15 juni–15 aug. 2027"),
        ("paus i sommar", "1 juni–31 aug. 2027"),
        ("paus vecka 52-1", "21 dec. 2026–10 jan. 2027"),
        ("Paus 15/6–15/8", "15 juni–15 aug. 2027"),
        ("paus v. 28–32", "12 juli–15 aug. 2027"),  # as the hint writes them
        ("paus juli–augusti", "1 juli–31 aug. 2027"),
        ("paus under sommaren tack", "1 juni–31 aug. 2027"),
    ],
)
async def test_a_period_written_in_swedish_is_the_one_ahead(world: World, words: str, meant: str) -> None:
    world.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, words, channel=GENERAL)
    assert answer.startswith(f"Paus {meant}:"), answer
    assert (await world.say(MEGAN, "paus slut", channel=GENERAL)).startswith(f"Pausen {meant} är hävd")


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("pause July to August", "1 Jul–31 Aug 2027"),
        ("pause over Christmas", "24 Dec 2026–6 Jan 2027"),
        ("pause from June 15 to August 15", "15 Jun–15 Aug 2027"),
        ("pause this summer", "1 Jun–31 Aug 2027"),
        ("pause weeks 52 to 1", "21 Dec 2026–10 Jan 2027"),
        ("pause 20/12 - 6/1", "20 Dec 2026–6 Jan 2027"),
        ("pause week 28-32", "12 Jul–15 Aug 2027"),  # as the hint writes them
        ("pause July–August", "1 Jul–31 Aug 2027"),
        ("pause over the summer please", "1 Jun–31 Aug 2027"),
    ],
)
async def test_a_period_written_in_english_is_the_one_ahead(world: World, words: str, meant: str) -> None:
    world.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    await world.say(ADELE, "schedule 1 and 15 at 18", channel=GENERAL, locale="en-US")
    answer = await world.say(ADELE, words, channel=GENERAL, locale="en-US")
    assert answer.startswith(f"Paused {meant}:"), answer


async def test_this_summer_in_spring_and_a_period_under_way(world: World) -> None:
    world.clock.now = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    summer = await world.say(MEGAN, "paus i sommar", channel=GENERAL)
    assert summer.startswith("Paus 1 juni–31 aug. 2027:"), summer
    under_way = await world.say(ADELE, "pause March", channel=GENERAL, locale="en-US")
    assert under_way.startswith("Paused from today, 2 Mar, to 31 Mar 2027."), under_way  # the rest of March
    world.clock.now = datetime(2027, 12, 28, 9, 0, tzinfo=UTC)
    christmas = await world.say(MEGAN, "paus över julen", channel=GENERAL)
    assert christmas.startswith("Pausat från i dag, 28 dec., till 6 jan. 2028."), christmas
    assert "Skriv perioden" in await world.say(MEGAN, "paus tills vidare", channel=GENERAL)


async def test_a_pause_until_a_day_is_from_today(world: World) -> None:
    world.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    answer = await world.say(MEGAN, "paus till 10 januari", channel=GENERAL)
    assert answer.startswith("Pausat från i dag, 7 dec., till 10 jan. 2027."), answer
    lifted = await world.say(MEGAN, "paus slut", channel=GENERAL)
    assert lifted.startswith("Pausen 7 dec. 2026–10 jan. 2027"), lifted
    answer = await world.say(ADELE, "pause until January 10", channel=GENERAL, locale="en-US")
    assert answer.startswith("Paused from today, 7 Dec, to 10 Jan 2027."), answer
