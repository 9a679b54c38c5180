"""The board's follow-up from a week number, through the real server (the sample district of
tests/stories/conftest.py on Sunday 22 November 2026, week 47).

What a board member means: a board that meets every other week writes "uppföljning sedan vecka 45" (or
"v. 45", "week 45"): since the Monday of week 45, as a Swedish calendar numbers weeks. A week still to
come is refused as not having happened, a week number that does not exist as not a date.
"""

from __future__ import annotations

from tests.stories.conftest import ANNA, MEGAN, District


async def test_a_follow_up_since_a_week_in_swedish(district: District) -> None:
    for asked in ("uppföljning sedan vecka 45", "uppföljning v. 45", "uppföljning sedan v45"):
        answer = await district.say(MEGAN, asked)
        assert answer.startswith("Uppföljning sedan 2 nov. 2026\n"), (asked, answer)
    assert (await district.say(ANNA, "uppföljning sedan vecka 48")).startswith(
        "vecka 48 (23 nov. 2026) har inte varit än"
    )
    assert (await district.say(ANNA, "uppföljning sedan vecka 54")).startswith("”vecka 54” är inte ett datum")


async def test_a_follow_up_since_a_week_in_english(district: District) -> None:
    answer = await district.say(MEGAN, "follow-up since week 45", locale="en-US")
    assert answer.startswith("Follow-up since 2 Nov 2026\n"), answer
