"""A suggestion for a mistyped command keeps all that was written after it, through the real server.

What a board member means by "pausa 15 juni - 15 augusti" is the pause from 15 June to 15 August; a hint
that drops the end ("Menade du paus 15 juni -?") suggests a command that is not what they wrote, and one
they cannot copy. The hint is the command word they nearly wrote with the whole rest of their message.
"""

from __future__ import annotations

from tests.stories.conftest import MEGAN, District


async def test_a_mistyped_pause_keeps_its_whole_period(district: District) -> None:
    answer = await district.say(MEGAN, "pasua 15 juni - 15 augusti")
    assert "Menade du pausa 15 juni - 15 augusti?" in answer, answer


async def test_in_english_a_mistyped_pause_keeps_its_whole_period(district: District) -> None:
    answer = await district.say(MEGAN, "puase from 20 December 2026 to 10 January 2027", locale="en-US")
    assert "Did you mean pause from 20 December 2026 to 10 January 2027?" in answer, answer
