"""A count far beyond what a goal could need is asked about before it is stored.

Goal 4 is every branch's own here (one members' meeting a quarter), goal 3 too (one person named to start
a youth group); goal 12 is a reading (the Facebook page's followers). The clock is set to Sunday 22 November
2026, 10:00 UTC. Kim chairs Sundsvall.

What a chair means: `rapportera 4 500 möten` on a goal of one meeting a quarter, or 500 people on a goal of
one person, is a typo (a slipped key, a year, a sum of something else), not 500 meetings. Stored as it
stands it would make the branch's and the district's figures absurd, and the board would stop trusting
them. So a count more than ten times the goal's target for its period is not stored at once: the answer
names the goal's target, says nothing was stored, and gives the line that stores it anyway (the same line
with "ja", as a report sent twice is asked about); on the card, Ja and Nej buttons. Ten times or less is
stored as usual. Money and readings (members, followers) have no such bound: any amount may be right.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.stories.conftest import KIM, MEGAN, District, shown

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def _submit(token: str, **fields: str) -> dict[str, Any]:
    return {"form": "checkin", "submission": token, "date": "2026-11-21", "comment": "", **fields}


async def test_a_count_far_beyond_the_goal_is_asked_about_and_stored_on_yes(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    asked = await meetings.say(KIM, "rapportera 4 500 möten")
    assert asked == (
        "Mål 4 kräver minst 1 medlemsmöte per kvartal; 500 medlemsmöten är långt mer än så, så inget "
        "sparades. Om 500 medlemsmöten stämmer, skriv: rapportera 4 500 2026-11-22 ja"
    )
    assert meetings.reports() == []
    stored = await meetings.say(KIM, "rapportera 4 500 2026-11-22 möten ja")
    assert stored.startswith("Sparat #1: mål 4, 500 medlemsmöten för Sundsvall")
    english = await meetings.say(KIM, "report 4 500 meetings", locale="en-US")
    assert english == (
        "Goal 4 asks for at least 1 members' meeting per quarter; 500 members' meetings is far more than "
        "that, so nothing was stored. If 500 members' meetings is right, write: report 4 500 2026-11-22 yes"
    )
    assert len(meetings.reports()) == 1
    # Ten times the target is still a count a chair may mean, stored at once.
    assert (await meetings.say(KIM, "rapportera 4 10 i går")).startswith("Sparat #2: mål 4, 10")


async def test_people_far_beyond_the_goal_from_the_card_are_asked_with_yes_and_no(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    asked = await meetings.tap(KIM, _submit("formone", goal="3", value="500"))
    assert shown(asked).startswith("Mål 3 kräver 1 person")
    assert (
        "500 personer är långt mer än så, så inget sparades. Stämmer 500 personer? Ja sparar den."
        in shown(asked)
    )
    yes, no = asked["value"]["actions"]
    assert (yes["title"], no["title"]) == ("Ja, spara den", "Nej")
    assert meetings.reports() == []
    assert shown(await meetings.tap(KIM, no["data"])) == "Inget sparades."
    assert shown(await meetings.tap(KIM, yes["data"])).startswith("Sparat #1: mål 3, 500")
    english = await meetings.tap(KIM, _submit("formtwo", goal="3", value="500"), locale="en-US")
    assert (
        "500 people is far more than that, so nothing was stored. Is 500 people right? Yes stores it."
        in shown(english)
    )
    assert len(meetings.reports()) == 1


async def test_readings_have_no_such_bound(meetings: District) -> None:
    """Followers (a reading) may be any number: 1 700 is stored at once."""
    meetings.clock.now = SUNDAY
    assert (await meetings.say(MEGAN, "rapportera 12 1 700")).startswith("Sparat #1: mål 12, 1\xa0700")


async def test_a_correction_to_a_count_far_beyond_the_goal_is_asked_about_too(meetings: District) -> None:
    """`ändra 1 500` is the same typo as a report of 500: #1 is left as it was until the chair confirms."""
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera 4 1 i går")).startswith("Sparat #1")
    asked = await meetings.say(KIM, "ändra 1 500")
    assert asked == (
        "Mål 4 kräver minst 1 medlemsmöte per kvartal; 500 medlemsmöten är långt mer än så, så #1 har inte "
        "ändrats. Om 500 medlemsmöten stämmer, skriv: ändra 1 500 ja"
    )
    assert meetings.reports()[0].value == 1
    english = await meetings.say(KIM, "correct 1 500 meetings", locale="en-US")
    assert english.endswith(
        "so #1 is unchanged. If 500 members' meetings is right, write: correct 1 500 meetings yes"
    )
    assert (await meetings.say(KIM, "ändra 1 500 ja")).startswith("Rättat #1: mål 4, nu 500")
    assert meetings.reports()[0].value == 500
