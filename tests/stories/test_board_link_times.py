"""The time a link stops working, written as the reader writes times, through the real server (the sample
district of tests/stories/conftest.py on Sunday 22 November 2026, 11:00 in Stockholm).

What a board member means: the bot writes "kl. 18.00" for a prompt in Swedish, so a link that works "till
kl. 11.15" is written the same way, not "11:15"; in English "until 11:15". One way to write a time, in every
answer that has one (the follow-up, the export, the year's report, the dashboard, one's own data).
"""

from __future__ import annotations

from tests.stories.conftest import MEGAN, District


async def test_a_link_works_until_a_swedish_time(district: District) -> None:
    for command in ("uppföljning", "verksamhetsberättelse 2026", "översikt", "mina uppgifter"):
        answer = await district.say(MEGAN, command)
        assert "till kl. 11.15" in answer and "11:15" not in answer, (command, answer)


async def test_a_link_works_until_an_english_time(district: District) -> None:
    for command in ("follow-up", "annual report 2026", "dashboard", "my data"):
        answer = await district.say(MEGAN, command, locale="en-US")
        assert "until 11:15" in answer and "11.15" not in answer, (command, answer)
