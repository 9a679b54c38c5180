"""Every number the board and the chairs read says what it counts, as the plan's goal does: a board that
finds one bare or wrong number stops trusting them all.

What a board member means, for a district whose plan (read from its text) has goals of each kind:
- "minst ett ordförandemöte varje kvartal": this quarter's figure is meetings, "1 av 1 ordförandemöte det här
  kvartalet" ("1 of 1 chairs' meeting this quarter"), beside "1 av 4 kvartal klara i år"; not "1 av 1".
- "minst 12 medlemsmöten under året" for Sundsvall: "2 av 12 medlemsmöten i år", "2 of 12 members' meetings".
- "minst en debattartikel per prioriterat område" (two areas): "1 av 2 debattartiklar i år".
- "värvar minst 5 nya kontaktpersoner": "2 av 5 kontaktpersoner utsedda"; in English "new contact
  people", the glossary's words, never the Swedish word and never a bare number.
- "tre valstugevärdar" (a word the glossary has no English for): "0 av 3 valstugevärdar utsedda", in English
  "0 of 3 people named" ("people" whatever the plan called them; before, a bare "0 of 3 named").
- "från 1 500 till 2 000 följare": "1 650 följare (från 1 500, mål 2 000)".
- "samla in 50 000 kronor": "15 000 av 50 000 kronor i år".
Each figure's word agrees with the number it stands beside ("av 1 ordförandemöte", "av 12 medlemsmöten";
"of 1 chairs' meeting", "of 2 opinion pieces"), and the check-in's confirmation says the same word.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.db.repository import Repository
from bot.services.goals import Target, TargetKind
from bot.services.plan import parse_plan
from tests.stories.conftest import ANNA, DISTRICT, KIM, MEGAN, District

PLAN = """# Verksamhetsplan 2026

## Organisering

- Varje partiförening håller minst 12 medlemsmöten under året.
- Distriktet samlar ordförandena till minst ett ordförandemöte varje kvartal.
- Skriva minst en debattartikel per prioriterat område under året.
- Distriktet värvar minst 5 nya kontaktpersoner.
- Få fler att följa distriktets Facebooksida: från 1 500 till 2 000 följare.
- Samla in 50 000 kronor till valfonden.
- Distriktet utser tre personer som värdar i valstugan.

## Prioriterade områden

- Feminism
- Miljö och klimat
"""
EN = "en-US"


def _day(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=UTC)


def _row(answer: str, number: int) -> str:
    return next(row for row in answer.splitlines() if row.lstrip().startswith(f"{number}. "))


async def _reported(district: District) -> District:
    draft = parse_plan(PLAN)
    [section] = draft.sections
    hosts = replace(section.goals[6], target=Target(TargetKind.PEOPLE, 3, unit="valstugevärdar"))
    goals = (*section.goals[:6], hosts)
    plan = replace(draft, sections=(replace(section, goals=goals),))
    Repository(district.db).save_plan(DISTRICT, plan, now=_day(1, 1))
    for when, who, text in (
        (_day(1, 10), KIM, "rapportera 1 1 medlemsmöte i går"),
        (_day(1, 20), KIM, "rapportera 1 1"),
        (_day(2, 14), ANNA, "rapportera 2 1"),
        (_day(2, 14), ANNA, "rapportera 3 1 Feminism"),
        (_day(2, 14), ANNA, "rapportera 4 2"),
        (_day(2, 14), ANNA, "rapportera 5 1650"),
        (_day(2, 14), ANNA, "rapportera 6 12000"),
        (_day(2, 15), ANNA, "rapportera 6 3000"),
    ):
        district.clock.now = when
        assert (await district.say(who, text)).startswith("Sparat"), text
    district.clock.now = _day(2, 16)
    return district


async def test_status_says_what_each_figure_counts_in_swedish(district: District) -> None:
    reported = await _reported(district)
    status = await reported.say(MEGAN, "status")
    assert _row(status, 2).endswith(
        "1 av 4 kvartal klara i år · i fas · 1 av 1 ordförandemöte det här kvartalet"
    )
    assert _row(status, 3).endswith("1 av 2 debattartiklar i år · i fas")
    assert _row(status, 4).endswith("2 av 5 kontaktpersoner utsedda · i fas")
    assert _row(status, 5).endswith("1\xa0650 följare (från 1\xa0500, mål 2\xa0000) · före")
    assert _row(status, 6).endswith("15\xa0000 av 50\xa0000 kronor i år · före")
    assert _row(status, 7).endswith("0 av 3 valstugevärdar utsedda · i fas")
    own = await reported.say(MEGAN, "status Sundsvall")
    assert _row(own, 1).endswith("2 av 12 medlemsmöten i år · i fas")
    assert " · 1 av 1 ordförandemöte det här kvartalet" in await reported.say(MEGAN, "mål 2")


async def test_status_says_what_each_figure_counts_in_english(district: District) -> None:
    reported = await _reported(district)
    status = await reported.say(MEGAN, "status", locale=EN)
    assert _row(status, 2).endswith(
        "1 of 4 quarters met this year · on pace · 1 of 1 chairs' meeting this quarter"
    )
    assert _row(status, 3).endswith("1 of 2 opinion pieces this year · on pace")
    assert _row(status, 4).endswith("2 of 5 contact people named · on pace")
    assert _row(status, 5).endswith("1,650 followers (from 1,500, target 2,000) · ahead")
    assert _row(status, 6).endswith("15,000 of 50,000 kronor this year · ahead")
    assert _row(status, 7).endswith("0 of 3 people named · on pace")
    own = await reported.say(MEGAN, "status Sundsvall", locale=EN)
    assert _row(own, 1).endswith("2 of 12 members' meetings this year · on pace")
    assert "Progress: ▰▰▰▰▱▱▱▱▱▱ 2 of 5 contact people named" in await reported.say(
        MEGAN, "goal 4", locale=EN
    )


async def test_a_people_goal_is_confirmed_with_its_word(district: District) -> None:
    """A check-in for "5 nya kontaktpersoner" (the plan reader keeps "kontaktpersoner"): "1 kontaktperson", "2
    contact people"; never "2"."""
    reported = await _reported(district)
    assert (await reported.say(ANNA, "rapportera 4 1")).startswith("Sparat #9: mål 4, 1 kontaktperson för")
    english = await reported.say(ANNA, "report 4 2", locale=EN)
    assert english.startswith("Stored #10: goal 4, 2 contact people for the district"), english
    assert (await reported.say(ANNA, "report 7 1", locale=EN)).startswith("Stored #11: goal 7, 1 person for")
    assert (await reported.say(ANNA, "rapportera 7 2")).startswith("Sparat #12: mål 7, 2 valstugevärdar för")


async def test_money_is_not_behind_in_the_years_first_days(district: District) -> None:
    """On 5 January nothing raised is no more behind than no members' meeting held yet: the board expects
    "i fas" for both (it read "0 av 50 000 kronor i år · efter" beside "i fas"). Money falls due a twelfth at
    a time, as twelve meetings a year do: 15 000 kronor by mid-February is ahead, by 30 June behind."""
    Repository(district.db).save_plan(DISTRICT, parse_plan(PLAN), now=_day(1, 1))
    district.clock.now = _day(1, 5)
    status = await district.say(MEGAN, "status")
    assert _row(status, 6).endswith("0 av 50\xa0000 kronor i år · i fas"), status
    assert _row(await district.say(MEGAN, "status", locale=EN), 6).endswith(
        "0 of 50,000 kronor this year · on pace"
    )
    district.clock.now = _day(2, 14)
    await district.say(ANNA, "rapportera 6 15000")
    assert _row(await district.say(MEGAN, "status"), 6).endswith("15\xa0000 av 50\xa0000 kronor i år · före")
    district.clock.now = _day(6, 30)
    assert _row(await district.say(MEGAN, "status"), 6).endswith("15\xa0000 av 50\xa0000 kronor i år · efter")


async def test_a_people_goals_report_says_the_latest_number_counts(district: District) -> None:
    """Anna reports "2" kontaktpersoner, later "1": she may mean one more (three in all), while status shows
    the latest number, "1 av 5". The confirmation says how the goal counts, so the board's figure is no
    surprise: write the whole number each time."""
    reported = await _reported(district)
    swedish = await reported.say(ANNA, "rapportera 4 3")
    assert swedish.endswith(
        "Mål 4 räknar hur många det är sammanlagt: den senaste rapporten gäller, "
        "rapporterna läggs inte ihop, så skriv hela antalet varje gång."
    ), swedish
    assert _row(await reported.say(MEGAN, "status"), 4).endswith("3 av 5 kontaktpersoner utsedda · i fas")
    english = await reported.say(ANNA, "report 4 4", locale=EN)
    assert english.endswith(
        "the latest report counts, reports are not added up, so write the whole number each time."
    )
