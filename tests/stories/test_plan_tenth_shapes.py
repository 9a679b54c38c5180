"""A board imports plans in the tenth round's shapes (tests/services/plan_corpus_ten.py): a Word table
`Mål | Ansvarig | Klart`, an e-mail with the thread quoted under it, and an English Markdown plan with
"*Lead: …*" after each goal.

What the board means by "the bot read our plan": "Ha 10 aktiva medlemmar" is ten active members to have (a
level, read off as it stands), not a thing done ten times; "Styrelsen utser minst 3 volontärer" is three
people to name; "Samla in 12 000 kr" is money raised over the year. An e-mail's quoted draft is what the
plan replaced, not more goals. Members then read the same goal and target in `mål N`, in Swedish or English.

The real server over HTTP: Megan (board) sends each file in her personal chat as Teams does, reviews and
imports; Noa (a member) asks about goals.
"""

from __future__ import annotations

from typing import Any

from tests.services.plan_corpus import FILES
from tests.services.plan_corpus_ten import lulea_table_docx
from tests.stories.conftest import MEGAN, NOA, District
from tests.stories.test_plan_shapes import send_plan
from tests.test_plan_upload import files  # noqa: F401 (the loopback file server fixture)


async def test_levels_people_and_money_in_a_word_table_in_swedish_and_english(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    review = await send_plan(district, files, "verksamhetsplan.docx", lulea_table_docx())
    assert (
        "2. Ha 10 aktiva medlemmar som regelbundet står på torget (Juni) — nå 10 aktiva medlemmar · "
        "ansvarig: Styrelsen"
    ) in review
    assert (
        "5. Styrelsen utser minst 3 volontärer till valstugan (Mars) — 3 volontärer utsedda · ansvarig: "
        "Valledaren"
    ) in review
    assert "7. Samla in 12 000 kr till valfonden (December) — minst 12\u00a0000 kronor per år" in review
    assert "Sara Nilsson" not in review and "8 mål i 1 avsnitt" in review
    english = await send_plan(district, files, "verksamhetsplan.docx", lulea_table_docx(), locale="en-US")
    assert "— reach 10 active members · responsible: Styrelsen" in english
    assert "— 3 volunteers named · responsible: Valledaren" in english
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 8 mål")

    goal = await district.say(NOA, "mål 2")
    assert "Klart när: nå 10 aktiva medlemmar" in goal and "mål 10" in goal
    goal = await district.say(NOA, "goal 5", locale="en-US")
    assert "Done when: 3 volunteers named" in goal and "0 of 3 volunteers named" in goal


async def test_an_email_with_its_thread_quoted_and_an_english_plan_with_leads(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """The quoted draft's "Mål 4 – Ha 15 aktiva …" and "Mål 6 – Starta en ungdomsgrupp" are what the sender
    replaced; "*Lead: Chair*" names whom; "Raise SEK 10,000" is ten thousand kronor over the year."""
    review = await send_plan(district, files, "plan.txt", (FILES / "haparanda_mejl.txt").read_bytes())
    assert "4. Ha 10 aktiva medlemmar som kan stå i valstugan. — nå 10 aktiva medlemmar" in review
    assert "ungdomsgrupp" not in review and "15 aktiva" not in review and "Maria" not in review
    assert "5 mål i 1 avsnitt" in review
    plan = (FILES / "london_international.md").read_bytes()
    english = await send_plan(district, files, "plan.md", plan, locale="en-US")
    assert (
        "3. Hold a members' meeting once a quarter."
        " — at least 1 members' meeting per quarter · responsible: Chair" in (english)
    )
    assert "6. Raise SEK 10,000 for the election fund. — at least 10,000 kronor per year" in english
    assert (
        "7. Appoint 3 volunteers to help Swedes in the UK register to vote. — 3 volunteers named" in english
    )
    assert "8 goals in 3 sections" in english
    assert (await district.say(MEGAN, "plan import", locale="en-US")).startswith("Imported 8 goals")
    goal = await district.say(NOA, "goal 2", locale="en-US")
    assert "Keep members active" in goal and "Responsible: Board" in goal
