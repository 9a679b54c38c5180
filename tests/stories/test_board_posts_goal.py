"""The plan's goal for the board's posts counts the prompts the bot posted, through the real server (the
world of tests/test_engagement.py: the sample plan, whose goal 19 is "minst två inlägg i månaden", Megan on
the board, a schedule in the channel).

What a board member means: after the bot posted two prompts this month, "status" and "mål 19" say goal 19
has 2 of 2 posts this month, as the line "Inlägg som jag har publicerat: 2 den här månaden" under it does; not
"0 av 2 · efter" beside it. The follow-up shows the goal moving. One number, wherever it is read.
"""

from __future__ import annotations

from tests.test_engagement import World, answer_text
from tests.test_engagement import world as board  # noqa: F401 - the fixture

GOAL = 19  # the sample plan's goal for posts


async def test_two_prompts_posted_count_for_the_posts_goal_in_swedish(board: World) -> None:  # noqa: F811
    world = board
    assert " · 0 av 2 inlägg den här månaden" in await world.say("status")
    await world.post_a_prompt()
    await world.post_a_prompt()
    status = await world.say("status")
    assert f"{GOAL}. ▰▱▱▱▱▱▱▱▱▱ 1 av 12 månader klara i år · " in status, status
    assert " · 2 av 2 inlägg den här månaden\n" in status, status
    goal = await world.say(f"mål {GOAL}")
    assert " · 2 av 2 inlägg den här månaden" in goal, goal
    assert "Inlägg som jag har publicerat: 2 den här månaden, 2 i år" in goal, goal
    follow_up = await world.say("uppföljning")
    assert f"Mål {GOAL}: 0 av 12 månader klara → 1 av 12 månader klara" in follow_up, follow_up
    assert "2 inlägg publicerade" in follow_up


async def test_a_prompt_posted_counts_for_the_posts_goal_in_english(board: World) -> None:  # noqa: F811
    world = board
    await world.post_a_prompt()
    goal = await world.say(f"goal {GOAL}", locale="en-US")
    assert " · 1 of 2 posts this month" in goal, goal
    assert "Prompts I posted: 1 this month, 1 this year" in goal, goal
    assert " · 1 of 2 posts this month" in await world.say("status", locale="en-US")


async def _digest_and_status(world: World, locale: str) -> tuple[str, str]:
    """Megan (on the board) is named responsible for goal 19; on 17 December, two weeks before the quarter
    ends, the daily job sends the board its digest: that, and what `status` says the same morning."""
    from datetime import UTC, datetime

    from bot.app import SCHEDULER
    from bot.db.checkins import CheckInRepository
    from bot.services.plan_import import SAMPLE_DISTRICT
    from tests.test_engagement import MEGAN, person

    components = world.components
    plan = components.repository.plan(SAMPLE_DISTRICT)
    goal = plan.goal(GOAL) if plan else None
    assert goal is not None
    CheckInRepository(components.database).name_responsible(goal.id, person(MEGAN), now=world.clock.now)
    await world.post_a_prompt()
    await world.post_a_prompt()
    world.clock.now = datetime(2026, 12, 17, 9, 0, tzinfo=UTC)
    status = await world.say("status", locale=locale)
    before = len(world.connector.posted)
    reporting = world.client.app[SCHEDULER].reporting
    assert reporting is not None
    await reporting.run()
    [digest] = [answer_text(p.body) for p in world.connector.posted[before:]]
    return digest, status


async def test_the_digest_counts_the_posts_as_status_does_in_swedish(board: World) -> None:  # noqa: F811
    """The board's digest said "0 av 12 månader klara" of the posts goal while `status` said "1 av 12"
    (the digest counted only posts reported by hand), and told that nobody had reported on it."""
    digest, status = await _digest_and_status(board, "sv-SE")
    line = f"{GOAL}. ▰▱▱▱▱▱▱▱▱▱ 1 av 12 månader klara i år · efter · 0 av 2 inlägg den här månaden"
    assert line in status, status
    assert f"\n{line.replace('.', ':', 1)}" in digest, digest
    assert f"Megan Bowen: rapporterat på mål {GOAL}" in digest


async def test_the_digest_counts_the_posts_as_status_does_in_english(board: World) -> None:  # noqa: F811
    digest, status = await _digest_and_status(board, "en-US")
    line = f"{GOAL}. ▰▱▱▱▱▱▱▱▱▱ 1 of 12 months met this year · behind · 0 of 2 posts this month"
    assert line in status, status
    assert f"\n{line.replace('.', ':', 1)}" in digest, digest
    assert f"Megan Bowen: reported on goal {GOAL}" in digest


async def test_a_post_the_bot_made_and_a_board_member_reports_counts_once(board: World) -> None:  # noqa: F811
    """What the board means by the goal is posts in the channel: one post is one, whoever tells of it. A
    board member who reports "rapportera 19 1" the day the bot posted a prompt tells of that post (the bot
    counts its own posts); a post they made themselves another day counts as well. In `status`, `mål 19`,
    the follow-up alike, in Swedish and English."""
    world = board
    await world.post_a_prompt()
    stored = await world.say(f"rapportera {GOAL} 1 inlägg i kanalen")
    assert stored.startswith("Sparat #") and "räknas en gång" in stored, stored
    status = await world.say("status")
    assert " · 1 av 2 inlägg den här månaden" in status, status
    assert " · 1 of 2 posts this month" in await world.say(f"goal {GOAL}", locale="en-US")
    # a post of her own, the day before: a second post
    assert (await world.say(f"report {GOAL} 1 my own post yesterday", locale="en-US")).startswith("Stored #")
    status = await world.say("status", locale="en-US")
    assert " · 2 of 2 posts this month" in status, status
    assert f"Mål {GOAL}: 0 av 12 månader klara → 1 av 12 månader klara" in await world.say("uppföljning")


async def _after_the_year(world: World, locale: str = "sv-SE") -> tuple[str, str]:
    """Two prompts posted in the plan's year (2026), read in February 2027 and on New Year's Eve at 23:30
    Swedish time (22:30 UTC)."""
    from datetime import UTC, datetime

    await world.post_a_prompt()
    await world.post_a_prompt()
    world.clock.now = datetime(2026, 12, 31, 22, 30, tzinfo=UTC)
    command = f"goal {GOAL}" if locale == "en-US" else f"mål {GOAL}"
    new_years_eve = await world.say(command, locale=locale)
    world.clock.now = datetime(2027, 2, 10, 10, 0, tzinfo=UTC)
    return new_years_eve, await world.say(command, locale=locale)


async def test_the_posts_line_counts_the_plans_year_not_todays_in_swedish(board: World) -> None:  # noqa: F811
    """Goal 19's line of posts counted the calendar year of today: in February 2027 the 2026 plan's goal
    said "0 den här månaden, 0 i år" beside "1 av 12 månader klara". The plan's year is what is counted,
    and February 2027 is no month of it."""
    new_years_eve, later = await _after_the_year(board)
    assert "Inlägg som jag har publicerat: 0 den här månaden, 2 i år" in new_years_eve, new_years_eve
    assert "Inlägg som jag har publicerat: 2 under 2026;" in later, later
    assert "1 av 12 månader klara" in later


async def test_the_posts_line_counts_the_plans_year_not_todays_in_english(board: World) -> None:  # noqa: F811
    new_years_eve, later = await _after_the_year(board, "en-US")
    assert "Prompts I posted: 0 this month, 2 this year" in new_years_eve, new_years_eve
    assert "Prompts I posted: 2 in 2026;" in later, later


async def _dashboard(world: World, text: str, locale: str) -> str:
    """The dashboard page the board's `översikt` / `dashboard` links to."""
    from yarl import URL

    from tests.fakes.chat import card_of

    before = len(world.connector.posted)
    activity_text = await world.say(text, locale=locale)
    assert activity_text
    [posted] = world.connector.posted[before:]
    [action] = card_of(posted.body)["actions"]
    response = await world.client.get(URL(action["url"]).path)
    assert response.status == 200
    return await response.text()


async def test_the_dashboard_counts_the_plans_year_of_prompts_after_it(board: World) -> None:  # noqa: F811
    """Read in February 2027, the 2026 plan's dashboard counted the prompts posted since 1 January 2026 up to
    today, 2027's too, as "posted this year". It counts 2026's and says which year."""
    from datetime import UTC, datetime

    await board.post_a_prompt()
    board.clock.now = datetime(2027, 1, 12, 17, 0, tzinfo=UTC)
    await board.post_a_prompt()  # a prompt of the next year
    board.clock.now = datetime(2027, 2, 10, 10, 0, tzinfo=UTC)
    page = await _dashboard(board, "översikt", "sv-SE")
    assert "Boten publicerade 1 diskussionsinlägg under 2026." in page, page
    english = await _dashboard(board, "dashboard", "en-US")
    assert "The bot posted 1 discussion prompt in 2026." in english
