"""A chair writes goal numbers and counts as words, and withdraws with the words the bot itself uses.

Goal 4 is every branch's own here (a members' meeting a quarter). The clock is set to Sunday 22 November
2026, 10:00 UTC. Kim chairs Sundsvall.

What a chair means:
- "rapportera mål fyra 1", "report goal four 1", "rapportera fyra 1": goal 4, one meeting. "mål fyra" in the
  question-at-a-time check-in is goal 4. "två möten", "two meetings" are two. But "rapportera två möten"
  names no goal: it is asked for, not read as goal 2.
- `mina rapporter` says "dra tillbaka med: ångra 3": "dra tillbaka 3", "ta tillbaka 3" and "take back 3"
  withdraw #3, as "ångra 3" and "undo 3" do.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import KIM, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_a_goals_number_as_a_word(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera mål fyra 1 i går")).startswith(
        "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026."
    )
    assert (await meetings.say(KIM, "report goal four two meetings", locale="en-US")).startswith(
        "Stored #2: goal 4, 2 members' meetings for Sundsvall, 22 Nov 2026."
    )
    assert (await meetings.say(KIM, "rapportera fyra 1 20/11")).startswith(
        "Sparat #3: mål 4, 1 medlemsmöte för"
    )
    assert (await meetings.say(KIM, "rapportera två möten")).startswith("Börja med målets nummer.")
    assert [(r.goal_number, r.value) for r in meetings.reports()] == [(4, 1), (4, 2), (4, 1)]
    await meetings.say(KIM, "rapportera", channel="test")
    assert (await meetings.say(KIM, "mål fyra", channel="test")).startswith("Mål 4:")
    assert (await meetings.say(KIM, "avbryt", channel="test")).startswith("Avbrutet")
    await meetings.say(KIM, "report", channel="test", locale="en-US")
    assert (await meetings.say(KIM, "four", channel="test", locale="en-US")).startswith("Goal 4:")


async def test_take_back_withdraws_as_undo_does(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    for day in (1, 2, 3):
        await meetings.say(KIM, f"rapportera 4 1 {day}/11")
    assert await meetings.say(KIM, "dra tillbaka 1") == (
        "Rapport #1 (mål 4, 1 medlemsmöte för Sundsvall, 1 nov. 2026) är tillbakadragen; den räknas inte "
        "längre."
    )
    assert (await meetings.say(KIM, "ta tillbaka 2")).startswith(
        "Rapport #2 (mål 4, 1 medlemsmöte för Sundsvall, 2 nov. 2026)"
    )
    assert await meetings.say(KIM, "take back 3", locale="en-US") == (
        "Withdrew #3 (goal 4, 1 members' meeting for Sundsvall, 3 Nov 2026); it no longer counts."
    )
    assert all(r.withdrawn for r in meetings.reports())
