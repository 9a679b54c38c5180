"""Issue 16 for the question-at-a-time check-in: each answer does the dialog's own database work in one call
off the event loop (the plan to read it against, or at the end the check-in stored), besides the router's
call for who wrote it and the dialog's place read and written (dialogs/host.py)."""

from __future__ import annotations

import pytest

from bot.teams import DistrictBot
from tests.dialogs.conftest import chat
from tests.fakes.calls import off_loop_calls

# The turn's other work: who wrote it, the conversation remembered, the dialog's place between messages.
MACHINERY = ("DistrictRepository.writer", "Directory.remember", "DialogStates.")


@pytest.mark.parametrize(
    ("locale", "script"),
    [
        ("sv-SE", ("rapportera", "99", "6", "många", "2", "i morgon", "20/11", "nej")),
        ("en-US", ("report", "6", "2", "today", "chairs' meeting")),
    ],
)
async def test_each_answer_makes_one_call_of_its_own(
    bot: DistrictBot, locale: str, script: tuple[str, ...]
) -> None:
    adapter = chat(bot, channel="test", locale=locale)
    for said in script:
        with off_loop_calls() as calls:
            reply = await adapter.ask(said)
        own = [call for call in calls if not call.startswith(MACHINERY)]
        assert reply.text
        assert len(own) <= 1, (said, calls)
    assert reply.text.startswith(("Sparat #1", "Stored #1"))
