"""Check-ins read as people write them (issue 19): dates anywhere in the message, number words, a number in
the comment, `ändra` read as `rapportera`, repeats asked about, and errors that show this goal's example.

Today is Sunday 22 November 2026 in Stockholm. Megan is on the board; goal 20 is the district's two debate
articles a year, goal 12 Facebook followers (a metric), goal 8 the autumn conference (done or not).
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import KIM, MEGAN, District


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("i går", "2026-11-21"),
        ("igår", "2026-11-21"),
        ("i förrgår", "2026-11-20"),
        ("i måndags", "2026-11-16"),
        ("förra veckan", "2026-11-09"),
        ("12 mars", "2026-03-12"),
        ("12/3", "2026-03-12"),
        ("2026-03-12", "2026-03-12"),
        ("yesterday", "2026-11-21"),
        ("March 12", "2026-03-12"),
        ("12 March", "2026-03-12"),
    ],
)
async def test_a_date_anywhere_in_the_message_is_when_it_happened(
    district: District, written: str, day: str
) -> None:
    answer = await district.say(MEGAN, f"rapportera 20 1 debattartikel i ÖA {written} om vården")
    assert answer.startswith("Sparat #"), answer
    [stored] = district.reports()
    assert stored.happened_on.isoformat() == day
    assert stored.comment == "i ÖA om vården"  # "debattartikel" is the goal's unit, no comment
    english = await district.say(MEGAN, f"report 20 2 {written} op-ed", locale="en-US")
    if written == "12/3":  # far off, and 3 December month first: an English writer is asked which
        assert english.startswith("Is “12/3” 12 Mar 2026 (day first, as the bot reads it) or 3 Dec"), english
        return
    assert english.startswith("Stored #"), english
    assert district.reports()[-1].happened_on.isoformat() == day


async def test_a_short_date_still_to_come_is_refused_not_moved_to_last_year(district: District) -> None:
    answer = await district.say(MEGAN, "rapportera 20 1 12/12 debattartikel")
    assert answer.startswith("12 dec. 2026 har inte hänt än; rapportera det efteråt.")
    assert "Mål 20 räknar: minst 2 debattartiklar per år. Till exempel: rapportera 20 2" in answer
    english = await district.say(MEGAN, "report 20 1 December 12", locale="en-US")
    assert english.startswith("12 Dec 2026 has not happened yet")
    assert district.reports() == []


async def test_number_words_and_a_number_in_the_comment(district: District) -> None:
    assert "mål 20, 2 debattartiklar för distriktet" in await district.say(
        MEGAN, "rapportera 20 två artiklar i ÖA"
    )
    assert "goal 20, 1 opinion piece for the district" in await district.say(
        MEGAN, "report 20 one op-ed in the paper", locale="en-US"
    )
    # A count is never "1 100": the meeting had 100 participants.
    answer = await district.say(MEGAN, "rapportera 6 1 100 deltagare")
    assert "mål 6, 1 ordförandemöte för distriktet" in answer
    assert district.reports()[-1].comment == "100 deltagare"
    # A metric's reading may be grouped as Swedes write it.
    assert "mål 12, 1\xa0650 följare för distriktet" in await district.say(
        MEGAN, "rapportera 12 1 650 följare"
    )


async def test_correct_reads_values_and_dates_as_report_does(district: District) -> None:
    await district.say(MEGAN, "rapportera 20 1 debattartikel")
    [stored] = district.reports()
    answer = await district.say(MEGAN, f"ändra {stored.id} två i går två artiklar")
    assert answer == f"Rättat #{stored.id}: mål 20, nu 2 debattartiklar för distriktet, 21 nov. 2026."
    [corrected] = district.reports()
    assert (corrected.value, corrected.happened_on.isoformat(), corrected.comment) == (
        2,
        "2026-11-21",
        "två artiklar",
    )
    await district.say(MEGAN, "rapportera 8 klart")
    done = district.reports()[-1]
    assert await district.say(MEGAN, f"ändra {done.id} inte klart") == (
        f"Rättat #{done.id}: mål 8, nu inte klart för distriktet, 22 nov. 2026."
    )
    english = await district.say(MEGAN, f"correct {done.id} maybe", locale="en-US")
    assert english.startswith("This goal is done or not: write done or not done (not “maybe”).")
    assert english.endswith(f"For example: correct {done.id} done")


async def test_errors_say_what_the_goal_counts_with_an_example_for_it(district: District) -> None:
    answer = await district.say(MEGAN, "rapportera 8 kanske")
    assert answer == (
        "Det här målet är klart eller inte: skriv klart eller inte klart (inte ”kanske”). "
        "Mål 8 räknar: klart när det är genomfört. Till exempel: rapportera 8 klart"
    )
    answer = await district.say(MEGAN, "report 12 many", locale="en-US")
    assert answer == (
        "“many” is not a number. Goal 12 counts: from 1,500 to 2,000 followers. For example: report 12 2,000"
    )


async def test_the_same_report_twice_is_asked_about_and_stored_when_confirmed(district: District) -> None:
    assert (await district.say(KIM, "rapportera 3 1 Zetkin-grupp i går")).startswith("Sparat #1")
    asked = await district.say(KIM, "rapportera 3 1 i går")
    assert asked == (
        "#1 säger redan det: mål 3, 1 person för Sundsvall, 21 nov. 2026. Inget sparades. "
        "Om det hände två gånger, skriv: rapportera 3 1 2026-11-21 ja"
    )
    assert (await district.say(KIM, "rapportera 3 1 2026-11-21 ja")).startswith("Sparat #2")
    english = await district.say(KIM, "report 3 1 yesterday", locale="en-US")
    assert english.startswith(
        "#1 already says that: goal 3, 1 person for Sundsvall, 21 Nov 2026. Nothing was stored."
    )
    assert len(district.reports()) == 2


async def test_correcting_a_per_area_report_keeps_its_area_unless_another_is_named(
    district: District,
) -> None:
    await district.say(MEGAN, "rapportera 23 1 feminism debattartikel")
    [stored] = district.reports()
    assert (
        await district.say(MEGAN, f"ändra {stored.id} 2")
        == f"Rättat #{stored.id}: mål 23, nu 2 debattartiklar för distriktet, 22 nov. 2026."
    )
    assert district.reports()[0].area == "Feminism"
    await district.say(MEGAN, f"ändra {stored.id} 1 antirasism")
    assert district.reports()[0].area == "Antirasism"
