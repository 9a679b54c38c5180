"""A count's unit agrees with the number beside it, wherever the bot shows it (tests/services/test_units.py
says what a Swede expects: "1 ordförandemöte", "2 ordförandemöten", "0 av 1 utsedd").

The sample plan writes goal 6 as "minst 1 ordförandemöte per kvartal" (English "chairs' meeting") and goal
20 as "minst 2 debattartiklar per år" ("opinion pieces"); goal 2 names three people and goal 7 one. When
the board corrects the number, the goal's card, the correction's reply and its history line follow it.
"""

from __future__ import annotations

from tests.stories.conftest import ANNA, MEGAN, NOA, District


def line(text: str, start: str) -> str:
    return next(row for row in text.splitlines() if row.startswith(start))


async def test_a_corrected_count_takes_its_units_other_form_in_swedish_and_english(
    district: District,
) -> None:
    assert (
        line(await district.say(NOA, "mål 6"), "Klart när") == "Klart när: minst 1 ordförandemöte per kvartal"
    )
    assert (
        line(await district.say(NOA, "goal 6", locale="en-US"), "Done when")
        == "Done when: at least 1 chairs' meeting per quarter"
    )

    assert (await district.say(ANNA, "mål 6 mål 2 per termin")).endswith(
        "— minst 2 ordförandemöten per halvår"
    )
    assert (await district.say(ANNA, "mål 20 mål 1 per år")).endswith("— minst 1 debattartikel per år")

    swedish = await district.say(MEGAN, "mål 6")
    assert line(swedish, "Klart när") == "Klart när: minst 2 ordförandemöten per halvår"
    assert line(swedish, "Ändrat").endswith(
        "mål från minst 1 ordförandemöte per kvartal till minst 2 ordförandemöten per halvår"
    )
    english = await district.say(MEGAN, "goal 6", locale="en-US")
    assert line(english, "Done when") == "Done when: at least 2 chairs' meetings per half-year"
    assert line(english, "Changed").endswith(
        "target from at least 1 chairs' meeting per quarter to at least 2 chairs' meetings per half-year"
    )

    swedish = await district.say(MEGAN, "mål 20")
    assert line(swedish, "Klart när") == "Klart när: minst 1 debattartikel per år"
    assert line(swedish, "Ändrat").endswith(
        "mål från minst 2 debattartiklar per år till minst 1 debattartikel per år"
    )
    english = await district.say(MEGAN, "goal 20", locale="en-US")
    assert line(english, "Done when") == "Done when: at least 1 opinion piece per year"
    assert line(english, "Changed").endswith(
        "target from at least 2 opinion pieces per year to at least 1 opinion piece per year"
    )


async def test_status_names_people_in_the_form_their_number_asks_for(district: District) -> None:
    """In "X av Y utsedda" the word follows Y: one person to name is "0 av 1 utsedd"."""
    status = await district.say(NOA, "status")
    assert "0 av 3 personer utsedda" in line(status, "  2. ")
    assert "0 av 1 ansvarig utsedd ·" in line(status, "  7. ")
    english = await district.say(NOA, "status", locale="en-US")
    assert "0 of 3 people named" in line(english, "  2. ") and ("0 of 1 person responsible named") in line(
        english, "  7. "
    )
    goal = await district.say(NOA, "mål 7")
    assert line(goal, "Klart när") == "Klart när: 1 ansvarig utsedd"
    assert line(goal, "Framsteg").endswith("0 av 1 ansvarig utsedd · efter")
    assert line(await district.say(NOA, "mål 2"), "Klart när") == "Klart när: 3 personer utsedda"
