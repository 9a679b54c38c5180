"""A board imports a plan whose goals carry their fields on their own line, and reads what each goal counts
(tests/services/plan_corpus_nine.py: ange_faltrader.pdf, boras_english_fields.txt).

What a board member reads, written down before the reader was run: "Skicka nyhetsbrev till medlemmarna varje
kvartal. Klart senast: löpande" is a newsletter each quarter, ongoing: the review shows the goal with its
when in brackets, as it shows a table's "Klart senast" column, and "Klart senast" is none of the goal's words;
"Följare på Instagram – öka med 10 %" is followers up 10 %, and the review asks for today's number of
followers, not for "the figure"; "Ha öppet hus två gånger per år" is two open houses a year, not "2 öppet";
the branches' table printed without rules ("Förening   Kontakt") names the branches and is no section.

The real server over HTTP: Megan (board) sends each file in her personal chat as Teams does, reviews and
imports; Noa (a member) asks about goals.
"""

from __future__ import annotations

from typing import Any

from tests.services.plan_corpus import FILES
from tests.services.plan_corpus_nine import ange_fields_pdf
from tests.stories.conftest import MEGAN, NOA, District
from tests.stories.test_plan_shapes import send_plan
from tests.test_plan_upload import files  # noqa: F401 (the loopback file server fixture)


async def test_fields_on_the_goals_line_in_swedish_and_english(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    review = await send_plan(district, files, "verksamhetsplan.pdf", ange_fields_pdf())
    assert (
        "2. Skicka nyhetsbrev till medlemmarna varje kvartal (löpande) — minst 1 nyhetsbrev per kvartal"
    ) in review
    assert "3. Ha öppet hus två gånger per år (våren och hösten) — minst 2 öppet hus per år" in review
    assert "— minst 1 middag per halvår" in review and "— minst 1 möte per månad" in review
    assert (
        "5. Följare på Instagram – öka med 10 %. — följare upp 10 % från årets första mätning · ansvarig: "
        "kommunikatören"
    ) in review
    assert (
        "Mål 5 är en förändring i procent: hur många följare har ni i dag? Skriv: mål 5 från ANTAL" in review
    )
    assert "Partiföreningar i planen: Ånge centrum, Ljungaverk, Torpshammar." in review
    assert "Klart senast" not in review and "Tidpunkt" not in review and "Förening Kontakt" not in review
    assert "Avsnitt där jag inte läste några mål" not in review
    english = await send_plan(district, files, "verksamhetsplan.pdf", ange_fields_pdf(), locale="en-US")
    assert "— at least 2 open houses per year" in english and "— at least 1 dinner per half-year" in english
    assert "— followers up 10 %, from the year's first reading · responsible: kommunikatören" in english
    assert "Goal 5 is a change in percent: how many followers are there today? Write: goal 5 from NUMBER" in (
        english
    )
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 6 mål")

    goal = await district.say(NOA, "mål 3")
    assert "Mål 3: Ha öppet hus två gånger per år (våren och hösten)" in goal
    assert "Klart när: minst 2 öppet hus per år" in goal
    goal = await district.say(NOA, "goal 5", locale="en-US")
    assert "Done when: followers up 10 %, from the year's first reading" in goal
    assert "figure" not in goal
    answer = await district.say(MEGAN, "mål 5 från 1200")
    assert "från 1\u00a0200 till 1\u00a0320 följare" in answer


async def test_an_english_plans_fields_on_the_goals_line(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    plan = (FILES / "boras_english_fields.txt").read_bytes()
    review = await send_plan(district, files, "plan.txt", plan, locale="en-US")
    assert (
        "1. Recruit 30 new members (31 December) — at least 30 members per year · responsible: the board"
        in (review)
    )
    assert "3. Send a newsletter every quarter (ongoing) — at least 1 newsletter per quarter" in review
    assert (
        "2. Hold an open house twice a year (spring and autumn) — at least 2 open houses per year" in review
    )
    assert "Deadline" not in review and "Timing" not in review and "Done by" not in review
    assert (
        "— followers up 10 %, from the year's first reading · responsible: communications officer" in review
    )
    swedish = await send_plan(district, files, "plan.txt", plan)
    assert "— minst 2 öppet hus per år" in swedish
    assert "— följare upp 10 % från årets första mätning · ansvarig: communications officer" in swedish
    assert "Mål 4 är en förändring i procent: hur många följare har ni i dag?" in swedish
