"""Who is asked to report a goal is asked because `status` says it is not reached (issue 19: reminders, the
digest and `status` agree on every goal).

What a board member responsible for goals means: "remind me of the goals still open, not of those `status`
calls done". Goal 23 is the district's: one opinion piece in each of the four priority areas. One piece on
feminism is one area of four: `status` says "1 of 4", so the quarter's reminder still asks for it (it used
to count one piece as the whole goal reached). Goal 2 is three people the board appoints: the board named
three responsible for it, `status` says "3 of 3 people named · done", so nobody is asked to report it, and the
board's digest says it is done for the year: not "reported", since nobody reported it.
"""

from __future__ import annotations

from tests.stories.conftest import ANNA, MEGAN, NOA, District
from tests.stories.test_chair_reminders import chats, reminders
from tests.stories.test_goal_progress import line


async def _name(district: District, *, english: bool = False) -> None:
    """Anna responsible for goal 23, and she, Noa and Megan for goal 2; Anna's one piece, in September."""
    command, locale = ("responsible", "en-US") if english else ("ansvarig", "sv-SE")
    await district.say(MEGAN, f"{command} 23 @Anna Lind", mentions=((ANNA, "Anna Lind"),), locale=locale)
    for who, name in ((ANNA, "Anna Lind"), (NOA, "Noa Holm"), (MEGAN, "Megan Bowen")):
        named = await district.say(MEGAN, f"{command} 2 @{name}", mentions=((who, name),), locale=locale)
        assert name in named
    if english:
        piece = await district.say(ANNA, "report 23 1 opinion piece on feminism 2026-09-10", locale=locale)
        assert piece.startswith("Stored #")
    else:
        piece = await district.say(ANNA, "rapportera 23 1 debattartikel om feminism 2026-09-10")
        assert piece.startswith("Sparat #")


async def test_one_area_of_four_is_still_asked_for_and_a_goal_done_is_not(district: District) -> None:
    await chats(district, MEGAN, ANNA, NOA)
    await _name(district)
    status = await district.say(NOA, "status")
    assert line(status, 23).endswith("1 av 4 debattartiklar i år · efter")
    assert line(status, 2).endswith("3 av 3 personer utsedda · klart")
    sent = await reminders(district)
    anna, _ = sent[ANNA.teams_id]  # her reminder, then the board's digest
    assert "23. Skriva minst en debattartikel" in anna and "2. Distriktsstyrelsen utser" not in anna
    assert NOA.teams_id not in sent  # Noa is responsible for goal 2 only, which is done
    [digest] = sent[MEGAN.teams_id]
    # Nobody reported goal 2: the board reads it as done, not as reported.
    assert "Anna Lind: mål 2 klart för året · inte rapporterat på mål 23" in digest
    assert "Noa Holm: mål 2 klart för året" in digest


async def test_the_same_in_english(district: District) -> None:
    await chats(district, MEGAN, ANNA, NOA, locale="en-US")
    await _name(district, english=True)
    status = await district.say(NOA, "status", locale="en-US")
    assert line(status, 23).endswith("1 of 4 opinion pieces this year · behind")
    assert line(status, 2).endswith("3 of 3 people named · done")
    sent = await reminders(district)
    anna, _ = sent[ANNA.teams_id]  # her reminder, then the board's digest
    assert "23. Write at least one opinion piece" in anna and "2. The district board appoints" not in anna
    assert NOA.teams_id not in sent
    [digest] = sent[MEGAN.teams_id]
    assert "Anna Lind: goal 2 done for the year · not reported on goal 23" in digest
    assert "Noa Holm: goal 2 done for the year" in digest
