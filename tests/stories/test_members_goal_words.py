"""Members ask about the plan's goals in their own words: who answers for a goal, what the words on the
cards mean, what a search finds. A member expects the answer a board member would give them.

Noa is a member, Kim chairs Sundsvall. The sample plan (for 2026): goal 3 is every branch's own (each names
one person for its Zetkin group), goal 6 the district's (a chairs' meeting each quarter).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, NOA, District

MIDYEAR = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)


# --- who is responsible ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "locale", "answer"),
    [
        ("mål 3", "sv-SE", "Ansvarig: Varje partiförenings ordförande"),
        ("vem ansvarar för mål 3?", "en-US", "Ansvarig: Varje partiförenings ordförande"),
        ("goal 3", "en-US", "Responsible: Each branch's chair"),
        ("who is responsible for goal 3", "sv-SE", "Responsible: Each branch's chair"),
    ],
)
async def test_a_goal_every_branch_does_is_each_chairs(
    district: District, question: str, locale: str, answer: str
) -> None:
    """Goal 3 is every branch's: each branch's chair answers for their own branch's part. It read
    "Ansvarig: Ingen utsedd än" (nobody named yet), as if the goal had nobody to do it."""
    district.clock.now = MIDYEAR
    for who in (NOA, KIM):
        shown = await district.say(who, question, locale=locale)
        assert answer in shown.splitlines(), shown
    # the district's own goal still names whom the plan names
    district_goal = await district.say(NOA, "mål 6" if answer.startswith("Ansvarig") else "goal 6")
    assert ("Ansvarig: Distriktet" if answer.startswith("Ansvarig") else "Responsible: The district") in (
        district_goal.splitlines()
    ), district_goal
