"""The check-in form and the question-at-a-time dialog offer a chair only the goals they may report.

Goal 4 is every branch's own here (one members' meeting a quarter), as is goal 3; goal 6 (the chairs'
meetings) is the district's own. The clock is set to Sunday 22 November 2026, 10:00 UTC. Kim chairs
Sundsvall; Megan is on the board.

What a chair means: the list of goals they are offered is the list of goals they can report. Offering the
district's own goals and refusing only after the value, the day and the comment wastes the answers and
says the bot did not know who they are. So the card's goal choice and the dialog's list hold only the goals
the asker may report (the board is offered every goal); a chair who names another goal in the dialog is
told at once why not and which goals they may report, and is asked for the goal again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.fakes.chat import reply_text
from tests.stories.conftest import KIM, MEGAN, District, Someone, message

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def _say_in_text_chat(district: District, who: Someone, text: str, *, locale: str = "sv-SE") -> str:
    """What `who` reads in a chat that shows no cards (the terminal chat's channel), as the dialog runs."""
    before = len(district.connector.posted)
    body = message(who, text, service_url=district.connector.url, locale=locale)
    body["channelId"] = "test"
    response = await district.client.post("/api/messages", json=body)
    assert response.status in (200, 201)
    return reply_text((await district.connector.reply_in(body["conversation"]["id"], before)).body)


def _goal_choices(card: dict[str, Any]) -> list[str]:
    body = card["attachments"][0]["content"]["body"] if "attachments" in card else card["body"]
    [choices] = [item["choices"] for item in body if item.get("id") == "goal"]
    return [choice["value"] for choice in choices]


async def test_the_dialog_offers_a_chair_their_goals_and_refuses_another_at_once(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    asked = await _say_in_text_chat(meetings, KIM, "rapportera")
    listed = [line.split(".")[0] for line in asked.splitlines()[1:]]
    assert listed == ["3", "4"]
    refused = await _say_in_text_chat(meetings, KIM, "6")
    assert refused.startswith("Mål 6 är distriktets eget, inte en partiförenings:")
    assert refused.endswith(
        "Berätta för någon i styrelsen vad som har gjorts. "
        "Du kan rapportera mål 3 och 4: skriv numret på ett av dem."
    )
    assert (await _say_in_text_chat(meetings, KIM, "4")).startswith("Mål 4:")
    assert (await _say_in_text_chat(meetings, KIM, "avbryt")).startswith("Avbrutet")

    english = await _say_in_text_chat(meetings, KIM, "report", locale="en-US")
    assert [line.split(".")[0] for line in english.splitlines()[1:]] == ["3", "4"]
    refused = await _say_in_text_chat(meetings, KIM, "goal 6", locale="en-US")
    assert refused.startswith("Goal 6 is the district's own, not a branch's:")
    assert refused.endswith("You can report on goals 3 and 4: write one's number.")


async def test_the_card_offers_a_chair_their_goals_and_the_board_every_goal(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    posted = len(meetings.connector.posted)
    await meetings.say(KIM, "rapportera")
    card = meetings.connector.posted[posted].body
    assert _goal_choices(card) == ["3", "4"]
    posted = len(meetings.connector.posted)
    await meetings.say(MEGAN, "report", locale="en-US")
    assert len(_goal_choices(meetings.connector.posted[posted].body)) == 24
