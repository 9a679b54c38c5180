"""`status` for one branch shows that branch's own goals.

What a chair means by `status` (their own branch, Sundsvall): "how is my branch doing on what my branch is
asked to do?" The goals every branch has of its own (goal 3 of the sample plan: each branch starts a
sub-organisation) belong under "Så går det för Sundsvall", with Sundsvall's own figures. The district's own
goals (the board's training, the chairs' meeting, the Facebook followers) are not Sundsvall's: listed
under Sundsvall's heading they read as if Sundsvall were behind on them, with figures that are the
district's. So they are left out and the chair is told how many there are and how to see them
(`status distriktet`), where they stand with the district's figures. A board member asking
`status Sundsvall` reads the same.
"""

from __future__ import annotations

from dataclasses import replace

from bot.db.repository import Repository
from bot.services.plan import SectionDraft, load_sample_plan
from tests.conftest import NOW
from tests.stories.conftest import DISTRICT, KIM, MEGAN, District


def goal_lines(status: str) -> list[int]:
    """The goal numbers `status` lists (the plain-text fallback shows "  6. ...")."""
    return [int(row[:3]) for row in status.splitlines() if row[:3].strip().isdigit() and row[3:5] == ". "]


async def test_a_chair_sees_their_branchs_goals_and_is_pointed_to_the_districts(district: District) -> None:
    await district.say(KIM, "rapportera 3 1 Zetkin-grupp")
    await district.say(MEGAN, "rapportera 6 1 ordförandemöte")
    own = await district.say(KIM, "status")
    assert own.startswith("Så går det för Sundsvall")
    assert goal_lines(own) == [3]
    assert "  3. ▰▰▰▰▰▰▰▰▰▰ 1 av 1 person utsedd · klart" in own
    assert (
        "23 mål är distriktets egna, inte varje partiförenings: skriv status distriktet för att se dem."
    ) in own
    # The board reads the same, with an example that names the branch (a board member must).
    board = await district.say(MEGAN, "status Sundsvall")
    assert board == own.replace("rapportera 3 1 KOMMENTAR", "rapportera 3 1 för Sundsvall KOMMENTAR")

    english = await district.say(KIM, "status", locale="en-US")
    assert english.startswith("How Sundsvall stands")
    assert goal_lines(english) == [3]
    assert (
        "23 goals are the district's own, not each branch's: write status district to see them."
    ) in english

    whole = await district.say(KIM, "status distriktet")
    assert whole.startswith("Så går planen")
    assert goal_lines(whole) == list(range(1, 25))
    assert "distriktets egna" not in whole
    assert goal_lines(await district.say(KIM, "status district", locale="en-US")) == list(range(1, 25))


async def test_a_plan_with_no_branch_goals_says_so_for_a_branch(district: District) -> None:
    sample = load_sample_plan()
    sections = tuple(
        replace(section, goals=tuple(g for g in section.goals if not g.applies_to_branches))
        for section in sample.sections
    )
    assert all(isinstance(s, SectionDraft) for s in sections)
    Repository(district.db).save_plan(DISTRICT, replace(sample, year=2026, sections=sections), now=NOW)
    own = await district.say(KIM, "status")
    assert own.startswith("Så går det för Sundsvall")
    assert goal_lines(own) == []
    assert (
        "Inget mål i planen är varje partiförenings eget: skriv status distriktet för att se planen." in own
    )
    english = await district.say(KIM, "status", locale="en-US")
    assert "No goal in the plan is each branch's own: write status district to see the plan." in english
