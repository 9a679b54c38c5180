"""A goal done or not done reads "klart" / "inte klart" after a tap on the quarter's reminder, as it does in
`status`, `mål N` and `mina rapporter` (issue 19: never 1 or 0).

What a chair means by tapping "Ja, klart" under "every branch holds a study circle on the plan": the branch
has done it. The card then says what was stored in those words: "Sparat #1: klart, 17 dec. 2026", not
"Sparat #1: 1"; "Inte än" is "inte klart". Goal 4 is here every branch's, done or not done.
"""

from __future__ import annotations

from typing import Any

from bot.app import SCHEDULER
from bot.services.goals import Target, TargetKind
from tests.fakes.chat import card_of
from tests.stories.conftest import KIM, LEE, NOW, District, branch_meetings, shown
from tests.stories.test_chair_reminders import REMINDER_DAY, chats


async def _buttons(district: District) -> dict[str, list[dict[str, Any]]]:
    """The buttons on goal 4 of each reminder the daily job sends, by the Teams id of whom it went to."""
    district.clock.now = REMINDER_DAY
    before = len(district.connector.posted)
    await district.client.app[SCHEDULER].reporting.run()  # type: ignore[union-attr]
    return {
        p.conversation_id.removeprefix("a:personal-"): [
            a
            for e in card_of(p.body)["body"]
            if e.get("type") == "ActionSet"
            for a in e["actions"]
            if a["data"]["goal"] == 4
        ]
        for p in district.connector.posted[before:]
    }


async def test_a_tap_on_yes_done_reads_done_and_not_yet_reads_not_done(district: District) -> None:
    branch_meetings(district, Target(TargetKind.DONE), now=NOW)
    await chats(district, KIM)
    await chats(district, LEE, locale="en-US")
    buttons = await _buttons(district)
    kim, lee = buttons[KIM.teams_id], buttons[LEE.teams_id]
    assert [b["title"] for b in kim] == ["Ja, klart", "Inte än"]
    answer = shown(await district.tap(KIM, kim[0]["data"]))
    assert "Sparat #1: klart, 17 dec. 2026" in answer
    assert [b["title"] for b in lee] == ["Yes, done", "Not yet"]
    answer = shown(await district.tap(LEE, lee[1]["data"], locale="en-US"))
    assert "Stored #2: not done, 17 Dec 2026" in answer
