"""The board's monthly digest of prompts reaches each board member in their own language, through the real
server (the world of tests/test_engagement.py: the sample plan, a schedule in the channel, Megan on the
board writing Swedish).

What a board member means: Adele, on the board, writes to the bot in English (her Teams speaks English);
every other message the bot starts to her (reminders, notices) is English, so the digest of November's
prompts must be too ("Prompts in November 2026: did they start discussions?"), with no Swedish in it, while
Megan still reads hers in Swedish.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app import SCHEDULER
from bot.services.people import Role
from bot.services.plan_import import SAMPLE_DISTRICT
from tests.test_engagement import ADELE, LEE, START, World, answer_text, person
from tests.test_engagement import world as board  # noqa: F401 - the fixture


async def test_each_board_member_reads_the_digest_in_their_language(board: World) -> None:  # noqa: F811
    world = board
    world.components.people.grant(person(ADELE), SAMPLE_DISTRICT, Role.BOARD, now=START)
    await world.say("help", who=ADELE, locale="en-US")  # her personal chat; her Teams speaks English
    first, _ = await world.post_a_prompt()
    await world.overheard("Ja!", thread=first, who=ADELE)
    await world.overheard("Nej!", thread=first, who=LEE)
    await world.post_a_prompt()
    digest = world.client.app[SCHEDULER].engagement
    assert digest is not None
    world.clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    before = len(world.connector.posted)
    assert await digest.run() == 2
    texts = [answer_text(posted.body) for posted in world.connector.posted[before:]]
    [swedish] = [
        text for text in texts if text.startswith("Inläggen i november 2026: startade de diskussioner?")
    ]
    [english] = [
        text for text in texts if text.startswith("Prompts in November 2026: did they start discussions?")
    ]
    assert "2 svar från 2 personer" in swedish and "Ingen diskussion" in swedish
    assert "2 replies from 2 people" in english and "No discussion" in english
    for swedish_word in ("svar", "diskussion", "inlägg", "nov.", "kl."):
        assert swedish_word not in english.lower(), (swedish_word, english)
