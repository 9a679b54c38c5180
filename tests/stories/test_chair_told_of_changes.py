"""Whoever made a report is told when someone else corrects or withdraws it.

Goal 4 is every branch's own here (a members' meeting a quarter); goal 6 the district's. The clock is set to
Sunday 22 November 2026, 10:00 UTC. Kim chairs Sundsvall and names Noa deputy; Megan is on the board.

What a chair (or deputy) expects: a branch's reports are the branch's, so the deputy may correct the chair's
report and the chair the deputy's, and the board any. But the one who made it answers for that figure: when
someone else changes it, they are told in their personal chat, in their own language, what it says now, what
it said and who changed it (a name the district's `roller` shows anyway; nothing else about anyone). Their
own changes, and a withdrawal of one already withdrawn, tell nobody.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from bot.app import SCHEDULER
from tests.fakes.chat import reply_text
from tests.stories.conftest import KIM, MEGAN, NOA, District, Someone

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def _notices(district: District, who: Someone, since: int) -> list[str]:
    """What the bot started in `who`'s personal chat after the first `since` posts (not answers)."""
    await asyncio.gather(*district.client.app[SCHEDULER].background)
    return [
        reply_text(p.body)
        for p in district.connector.posted[since:]
        if p.conversation_id == f"a:personal-{who.teams_id}" and "replyToId" not in p.body
    ]


async def test_the_chair_is_told_of_the_deputys_and_the_boards_changes(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert (await meetings.say(KIM, "rapportera 4 1 i går")).startswith("Sparat #1")
    await meetings.say(NOA, "help", locale="en-US")
    before = len(meetings.connector.posted)
    assert (await meetings.say(NOA, "correct 1 2", locale="en-US")).startswith("Corrected #1")
    assert await _notices(meetings, KIM, before) == [
        "Noa Holm har rättat din rapport #1 på mål 4: nu 2 medlemsmöten, 21 nov. 2026; tidigare 1 "
        "medlemsmöte, 21 nov. 2026. "
        "Dina rapporter: mina rapporter"
    ]
    before = len(meetings.connector.posted)
    assert (await meetings.say(MEGAN, "ångra 1")).startswith("Rapport #1")
    assert await _notices(meetings, KIM, before) == [
        "Megan Bowen har dragit tillbaka din rapport #1 på mål 4 (2 medlemsmöten, 21 nov. 2026); den räknas "
        "inte längre. "
        "Dina rapporter: mina rapporter"
    ]
    before = len(meetings.connector.posted)
    await meetings.say(MEGAN, "ångra 1")  # already withdrawn: nothing new to tell
    assert await _notices(meetings, KIM, before) == []


async def test_the_deputy_is_told_in_english_and_nobody_of_their_own_change(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert (await meetings.say(NOA, "report 4 1 yesterday", locale="en-US")).startswith("Stored #1")
    before = len(meetings.connector.posted)
    assert (await meetings.say(NOA, "correct 1 3", locale="en-US")).startswith("Corrected #1")
    assert (await meetings.say(KIM, "ändra 1 i förrgår")).startswith("Flyttade #1")
    assert await _notices(meetings, NOA, before) == [
        "Kim Berg corrected your report #1 on goal 4: now 3 members' meetings, 20 Nov 2026; it said 3 "
        "members' meetings, 21 Nov 2026. "
        "Your reports: my reports"
    ]
    assert await _notices(meetings, KIM, before) == []
