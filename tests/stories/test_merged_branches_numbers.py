"""Two branches merged by the board (`partiföreningar slå ihop Timrå med Sundsvall`) keep their numbers true.

What the board means by a merge: Timrå's reports are Sundsvall's from now on, and the merged branch has
done what the two did, each event once:
- Totals are the sum of distinct events. Sundsvall and Timrå both reported "1 möte" on 10 November about
  the meeting they held together: one meeting, before the merge and after it. A meeting Timrå held alone
  on another day is one more. Two meetings Sundsvall itself reported for one day are two, as before.
- The district's own goal reported "för Sundsvall" and "för Timrå" on one day is one event told twice,
  and stays one when the two branches become one.
- A reading (followers, members) is the merged branch's latest, whichever branch read it; never a sum.
- Done stays done: a goal either branch had done is done for the merged branch.
- A rename changes no number.
"""

from __future__ import annotations

import pytest

from bot.services.goals import Period, Target, TargetKind
from tests.stories.conftest import ANNA, KIM, MEGAN, NOA, SAM, District, branch_meetings
from tests.stories.test_goal_progress import line


@pytest.fixture
def twice(district: District) -> District:
    """The sample plan with goal 4 every branch's, two members' meetings a quarter."""
    target = Target(TargetKind.COUNT, 2, Period.QUARTER, "medlemsmöten", unit_en="members' meetings")
    return branch_meetings(district, target, now=district.clock.now)


async def _joint_meeting_and_posts(district: District) -> None:
    for chair in (KIM, SAM):  # the meeting Sundsvall and Timrå held together
        assert (await district.say(chair, "rapportera 4 1 2026-11-10 ja")).startswith("Sparat")
    for branch in ("Sundsvall", "Timrå"):  # one post, told for each branch
        assert (await district.say(MEGAN, f"rapportera 19 1 2026-11-10 för {branch} ja")).startswith("Sparat")


async def test_a_joint_meeting_is_one_meeting_after_the_merge_in_swedish(twice: District) -> None:
    await _joint_meeting_and_posts(twice)
    before = await twice.say(NOA, "status")
    assert line(before, 19).endswith("0 av 12 månader klara i år · efter · 1 av 2 inlägg den här månaden")
    merged = await twice.say(ANNA, "partiföreningar slå ihop Timrå med Sundsvall")
    assert merged.startswith("Slog ihop Timrå med Sundsvall: 2 rapporter")
    after = await twice.say(NOA, "status")
    assert line(after, 19) == line(before, 19)  # the one post is still one post
    assert line(after, 4).endswith("efter · 0 av 2 partiföreningar det här kvartalet")
    sundsvall = line(await twice.say(NOA, "status Sundsvall"), 4)
    assert "1 av 2 medlemsmöten det här kvartalet" in sundsvall, sundsvall
    assert " · 1 av 2 medlemsmöten det här kvartalet" in await twice.say(KIM, "mål 4")
    follow_up = await twice.say(ANNA, "uppföljning")
    assert "Mål 4 · Sundsvall: 2 rapporter, 1 medlemsmöte sammanlagt" in follow_up, (
        follow_up
    )  # two told of one
    # A meeting the old Timrå held alone on another day is one more; renaming changes nothing.
    assert (await twice.say(SAM, "rapportera 4 1 2026-11-12 ja")).startswith("Sparat")
    renamed = await twice.say(ANNA, "partiföreningar byt namn Sundsvall till Sundsvall-Timrå")
    assert renamed.startswith("Sundsvall heter nu Sundsvall-Timrå")
    assert "2 av 2 medlemsmöten det här kvartalet" in line(await twice.say(NOA, "status Sundsvall-Timrå"), 4)
    met = "efter · 1 av 2 partiföreningar det här kvartalet"
    assert line(await twice.say(NOA, "status"), 4).endswith(met)


async def test_a_joint_meeting_is_one_meeting_after_the_merge_in_english(twice: District) -> None:
    await _joint_meeting_and_posts(twice)
    # Two meetings Sundsvall itself held on one day are two.
    assert (await twice.say(KIM, "report 4 1 2026-11-10 yes", locale="en-US")).startswith("Stored")
    merged = await twice.say(ANNA, "branches merge Timrå into Sundsvall", locale="en-US")
    assert merged.startswith("Merged Timrå into Sundsvall: 2 reports")
    status = await twice.say(NOA, "status", locale="en-US")
    assert line(status, 19).endswith("0 of 12 months met this year · behind · 1 of 2 posts this month")
    follow_up = await twice.say(ANNA, "follow-up", locale="en-US")
    assert "Goal 4 · Sundsvall: 3 reports, 2 members' meetings in all" in follow_up, follow_up
    goal = await twice.say(KIM, "goal 4", locale="en-US")
    assert " · 2 of 2 members' meetings this quarter" in goal, goal


async def test_a_reading_is_the_latest_and_done_stays_done_after_a_merge(district: District) -> None:
    assert (await district.say(MEGAN, "mål 12 föreningar ja")).startswith("Rättade mål 12")
    assert (await district.say(MEGAN, "mål 1 föreningar ja")).startswith("Rättade mål 1")
    assert (await district.say(SAM, "rapportera 1 klart")).startswith("Sparat")
    assert (await district.say(KIM, "rapportera 12 1900 2026-11-01 följare")).startswith("Sparat")
    assert (await district.say(SAM, "rapportera 12 1700 2026-11-10 följare")).startswith("Sparat")
    await district.say(ANNA, "partiföreningar slå ihop Timrå med Sundsvall")
    sundsvall = line(await district.say(KIM, "status"), 12)
    assert sundsvall.endswith("1\xa0700 följare (från 1\xa0500, mål 2\xa0000) · efter"), (
        sundsvall
    )  # not 3 600
    assert line(await district.say(KIM, "status"), 1).endswith("klart")
    english = line(await district.say(KIM, "status", locale="en-US"), 12)
    assert english.endswith("1,700 followers (from 1,500, target 2,000) · behind"), english
