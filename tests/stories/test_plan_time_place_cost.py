"""A board sends a plan whose goals carry a time, a place and a cost on their own line, and a goal that sends
something to the board (tests/services/test_plan_line_fields.py says what each means). Megan reads the
review and imports it; Noa asks about the goals. "Tid: 18.00" is no part of the meeting's goal and no
target of 18; "Budget: 20 000 kr" no target of 20 000 kronor; "Send a proposal to the board every
quarter" counts proposals, not the board.

The real server over HTTP, on 10 January 2027 (the plan's year), in Swedish and in English.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.stories.conftest import MEGAN, NOA, District
from tests.stories.test_plan_shapes import send_plan
from tests.test_plan_upload import files  # noqa: F401 (the loopback file server fixture)

IN_THE_YEAR = datetime(2027, 1, 10, 10, 0, tzinfo=UTC)

SWEDISH = """Verksamhetsplan 2027 för Vänsterpartiet Västernorrland

Organisation

• Medlemsmöte i Sundsvall varje kvartal. Tid: 18.00. Plats: Folkets hus
• Hålla en höstkonferens. Datum: 14 oktober. Budget: 20 000 kr
• Skicka ett förslag till styrelsen varje kvartal. Ansvarig: Kassören
• Ordna en utbildning i Zetkin, Tid: kl 19.00, Plats: Zoom, Kostnad: 500 kr

Kommunikation

• Skicka ett nyhetsbrev till medlemmarna varje månad. Tid: löpande
• Kvinnor på valbar plats: minst 50 procent
"""

ENGLISH = """Activity plan 2027 for the Left Party Västernorrland

Organisation

• Members' meeting in Sundsvall every quarter. Time: 6 pm. Place: the library
• Send a proposal to the board every quarter. Responsible: the treasurer
• Send 2 proposals to the board on study circles
• Hold an autumn conference. Date: 14 October. Budget: 20,000 SEK

Communication

• Send a newsletter to the members every month. Timing: ongoing
• Run 2 workshops on climate for members
"""


async def test_a_swedish_plans_time_place_and_cost_are_no_goal_words(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    district.clock.now = IN_THE_YEAR
    review = await send_plan(district, files, "plan.txt", SWEDISH.encode())
    assert "  1. Medlemsmöte i Sundsvall varje kvartal — minst 1 medlemsmöte per kvartal\n" in review
    assert "  2. Hålla en höstkonferens (14 oktober) — klart när det är genomfört\n" in review
    assert "— minst 1 förslag per kvartal · ansvarig: Kassören" in review
    assert "  4. Ordna en utbildning i Zetkin — klart när det är genomfört\n" in review
    assert "(löpande) — minst 1 nyhetsbrev per månad" in review
    assert "Kvinnor på valbar plats: minst 50 procent — minst 50 %" in review
    for field in ("18.00", "Folkets hus", "20 000", "Zoom", "500 kr", "Tid:", "Plats:", "Budget"):
        assert field not in review, field
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 6 mål")
    goal = await district.say(NOA, "mål 1")
    assert goal.startswith("Mål 1: Medlemsmöte i Sundsvall varje kvartal\n")
    assert "Klart när: minst 1 medlemsmöte per kvartal" in goal


async def test_an_english_plans_time_place_and_cost_and_a_proposal_to_the_board(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    district.clock.now = IN_THE_YEAR
    review = await send_plan(district, files, "plan.txt", ENGLISH.encode(), locale="en-US")
    first = "  1. Members' meeting in Sundsvall every quarter — at least 1 members' meeting per quarter\n"
    assert first in review
    assert "— at least 1 proposal per quarter · responsible: the treasurer" in review
    assert "  3. Send 2 proposals to the board on study circles — at least 2 proposals per year\n" in review
    assert "  4. Hold an autumn conference (14 October) — done once it has been carried out\n" in review
    assert "— at least 2 workshops per year" in review
    for wrong in ("board per", "styrelsen", "6 pm", "library", "20,000", "climate per"):
        assert wrong not in review, wrong
    assert (await district.say(MEGAN, "plan import", locale="en-US")).startswith("Imported 6 goals")
    goal = await district.say(NOA, "goal 2", locale="en-US")
    assert "Done when: at least 1 proposal per quarter" in goal
