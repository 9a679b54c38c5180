"""A board imports plans as districts and branches publish them (tests/services/plan_corpus_nine.py): a Word
table `Mål | Ansvarig | Klart senast` beside a table of branches and a budget, a PDF of `Mål N:` goals with
a goal broken over a page, LibreOffice's PDF of an English Word table (`Goal | Responsible | Done by`), and
an English Markdown plan whose "Responsible:" stands under each area's list.

What the board means by "the bot read our plan": every goal, with the target the plan sets in the plan's
own terms ("minst 4 ggr/år" is four members' meetings a year; a board that meets eight times is "8 gånger",
not "8 distriktsstyrelsen"), and whom the plan names: in a column, on the line under the goal, or once
under a list for all of its goals. The branches' table and the budget are no goals; the introduction is
named as a section without goals, so that a goal missed there is seen. Members then read the same goal,
target and responsible in `mål N`, in Swedish or English.

The real server over HTTP: Megan (board) sends each file in her personal chat as Teams does, reviews and
imports; Noa (a member) asks about goals.
"""

from __future__ import annotations

from typing import Any

from tests.services.plan_corpus import FILES
from tests.services.plan_corpus_nine import jamtland_goals_pdf, sundsvall_deadline_docx
from tests.stories.conftest import MEGAN, NOA, District
from tests.stories.test_plan_shapes import send_plan
from tests.test_plan_upload import files  # noqa: F401 (the loopback file server fixture)


async def test_a_word_table_with_deadlines_beside_branches_and_a_budget_in_swedish(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    review = await send_plan(district, files, "verksamhetsplan.docx", sundsvall_deadline_docx())
    assert (
        "2. Hålla medlemsmöte minst 4 ggr/år (Löpande) — minst 4 medlemsmöten per år · ansvarig: Styrelsen"
    ) in review
    assert (
        "7. Ta fram en kommunikationsplan (28 februari) — klart när det är genomfört · ansvarig: Anna L"
        in (review)
    )
    assert "Partiföreningar i planen: Sundsvall Centrum, Skönsberg, Njurunda, Alnö." in review
    assert "Avsnitt där jag inte läste några mål: ”Inledning”." in review
    assert "Mål 6 är en förändring i procent: vad är siffran i dag? Skriv: mål 6 från VÄRDE" in review
    assert "Medlemsavgifter" not in review and "Lena Ek" not in review
    assert "7 mål i 1 avsnitt" in review
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 7 mål")

    goal = await district.say(NOA, "mål 2")
    assert "minst 4 medlemsmöten per år" in goal and "Ansvarig: Styrelsen" in goal


async def test_goals_over_a_page_break_and_who_meets_how_often_in_swedish_and_english(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """ "Mål 4: … en gång i månaden" / (next page) "med aktuella frågor …" / "Ansvarig: …" is one goal;
    "Distriktsstyrelsen ska sammanträda minst 8 ggr/år" counts the times the board meets."""
    review = await send_plan(district, files, "plan.pdf", jamtland_goals_pdf())
    assert (
        "1. Distriktsstyrelsen ska sammanträda minst 8 ggr/år. — minst 8 gånger per år · ansvarig: "
        "ordföranden" in review
    )
    assert (
        "4. Skicka ut ett digitalt nyhetsbrev till alla medlemmar en gång i månaden med aktuella frågor från "
        "regionen och kommunerna. — minst 1 nyhetsbrev per månad · ansvarig: kommunikationsgruppen"
    ) in review
    assert "Partiföreningar i planen: Östersund, Krokom, Åre, Berg, Strömsund." in review
    english = await send_plan(district, files, "plan.pdf", jamtland_goals_pdf(), locale="en-US")
    assert "— at least 8 times per year · responsible: ordföranden" in english
    assert "— at least 1 newsletter per month · responsible: kommunikationsgruppen" in english
    assert "7 goals in 3 sections" in english
    assert (await district.say(MEGAN, "plan import", locale="en-US")).startswith("Imported 7 goals")

    goal = await district.say(NOA, "goal 1", locale="en-US")
    assert "at least 8 times per year" in goal and "Responsible: ordföranden" in goal


async def test_an_english_word_table_printed_to_pdf_is_read_row_by_row_in_english_and_swedish(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """A Word table without borders, printed by LibreOffice: its header row "Goal | Responsible | Done by"
    names the columns (the plan was answered "no goals found" before); "by 10 %" is a change in percent."""
    pdf = (FILES / "lund_english_libreoffice.pdf").read_bytes()
    english = await send_plan(district, files, "action-plan.pdf", pdf, locale="en-US")
    assert (
        "2. Hold open meetings at least 4 times a year (Ongoing) — at least 4 meetings per year · "
        "responsible: Chair"
    ) in english
    assert "Goal 5 is a change in percent: what is the figure today? Write: goal 5 from VALUE" in english
    assert "6 goals in 1 section" in english
    swedish = await send_plan(district, files, "action-plan.pdf", pdf)
    assert (
        "1. Recruit 50 new members (31 December) — minst 50 medlemmar per år · ansvarig: Membership officer"
        in (swedish)
    )
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 6 mål")


async def test_responsible_under_a_list_names_each_of_its_goals(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """ "Responsible: Membership team" as a paragraph under "We will:" and its list: the team answers for
    each goal of the list (the review named it for the last goal only, and asked who for the others)."""
    plan = (FILES / "stockholm_international.md").read_bytes()
    review = await send_plan(district, files, "plan.md", plan, locale="en-US")
    assert "1. Welcome 50 new members — at least 50 members per year · responsible: Membership team" in review
    assert (
        "3. Call every member at least once during the year — at least 1 time per year · responsible: "
        in (review)
    )
    assert (
        "4. Run a stall at Medborgarplatsen every quarter — at least 1 stall per quarter · responsible: "
        "Anna L" in review
    )
    assert "names no one responsible" not in review
    swedish = await send_plan(district, files, "plan.md", plan)
    assert (
        "2. Hold a members' meeting twice a month"
        " — minst 2 medlemsmöten per månad · ansvarig: Membership team" in (swedish)
    )
    assert "ingen ansvarig" not in swedish
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 6 mål")
    goal = await district.say(NOA, "goal 5", locale="en-US")
    assert "Grow our mailing list by 10 %" in goal and "Responsible: Anna L" in goal
