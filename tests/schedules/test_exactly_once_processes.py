"""Exactly once, proven on real server processes that are killed at the worst moments.

Each test runs `python -m bot` as a subprocess (its own process group, a scratch cwd so no .env is read, a
SQLite file or the session's PostgreSQL database) and drives it over HTTP with Teams-shaped activities:
the bot is installed in a team channel, the admin (Megan, named in ADMINS) chats with it once in
personal chat (so a board notice can reach her), makes herself a board member with `roll styrelse @Megan`,
sets up `schema 1 och 15 kl 18` in the channel and writes the text of the first slot with `skriv N ...`.
`posta N` then posts that slot now. The fake Bot Connector (tests/fakes/connector.py) runs in this
process on loopback; its `created` list is what Teams would show as new threads in the channel.

A server is killed with SIGKILL (no cleanup, no goodbye) between claiming a slot and sending it, after
sending it but before the answer, and after confirming it; then restarted on the same database. Two
servers race for one slot; two servers recover the same dead claim at once (the board is told once); the
Connector throttles; the bot comes back after a slot was due; the connection is lost after the Connector
took the post (the notifier must not send a new thread again: it cannot know Teams did not create it).

Every wait polls the database or the connector against a deadline; every process group is killed in
teardown.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import make_url

from bot.services.prompting import SlotStatus
from tests.fakes.connector import CreateMode, FakeConnector
from tests.fakes.processes import (
    RECOVERY_STARTS,
    SV,
    Bots,
    Db,
    abandon,
    eventually,
    has_status,
    in_channel,
    may_be_missing,
    not_posted_answer,
    notices,
    post_now,
    post_now_in_background,
    posted_answer,
    posting_again_is_refused,
    replies_to,
    send,
    set_up,
    threads_with,
    told,
    told_after,
    uncertain_answer,
)

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not hasattr(os, "killpg"),
    reason="needs SIGKILL and process groups (POSIX)",
)

# --- fixtures -----------------------------------------------------------------------------------------


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector(clock=time.monotonic).start()
    yield fake
    await fake.close()  # releases held requests first, so the server can shut down


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bot.db'}"


@pytest.fixture
def bots(tmp_path: Path, database_url: str) -> Iterator[Bots]:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    started = Bots(workdir, database_url)
    try:
        yield started
    finally:
        started.kill_all()


@pytest.fixture
def db(database_url: str) -> Iterator[Db]:
    handle = Db(database_url)
    yield handle
    handle.close()


# --- the tests ----------------------------------------------------------------------------------------


async def test_killed_between_claim_and_send_is_never_sent_and_the_board_is_told(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.create_mode = CreateMode.HANG_BEFORE_RECORDING

    request = await post_now_in_background(bot, connector, slot.id)
    await eventually(lambda: has_status(db, slot.id, SlotStatus.POSTING), "the claim", bots=bots)
    await eventually(lambda: connector.held == 1, "the create request to reach the Connector", bots=bots)
    bot.kill()
    await abandon(request)

    connector.create_mode = CreateMode.ANSWER
    notices_before = len(notices(connector))
    # Restarted at once, as a container is: same host, and in the image the same pid. The claim is still
    # within its lease at start-up; the running server sees it lapse.
    restarted = await bots.start("restarted")

    await eventually(lambda: has_status(db, slot.id, SlotStatus.UNCERTAIN), "the lapsed claim", bots=bots)
    assert await db.outcome(slot.id) == "uncertain"
    missing = may_be_missing(slot.id)
    await eventually(lambda: told(notices(connector)[notices_before:], missing) > 0, "the notice")
    assert told(notices(connector), may_be_missing(slot.id)) == 1
    await posting_again_is_refused(restarted, connector, slot, SlotStatus.UNCERTAIN)
    assert connector.created == []
    assert connector.create_requests == 1  # only the one the dead process sent, never answered


async def test_killed_after_the_connector_took_it_is_posted_exactly_once(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.create_mode = CreateMode.HANG_AFTER_RECORDING

    request = await post_now_in_background(bot, connector, slot.id)
    await eventually(lambda: len(threads_with(connector, slot.text)) == 1, "the thread", bots=bots)
    assert await db.status(slot.id) == SlotStatus.POSTING.value
    bot.kill()
    await abandon(request)
    await db.lapse_claim(slot.id)  # down for longer than the lease: start-up settles it

    connector.create_mode = CreateMode.ANSWER
    restarted = await bots.start("restarted")

    assert await db.status(slot.id) == SlotStatus.UNCERTAIN.value
    await eventually(lambda: told(notices(connector), may_be_missing(slot.id)) > 0, "the notice")
    assert told(notices(connector), may_be_missing(slot.id)) == 1, "the board was told more than once"
    await posting_again_is_refused(restarted, connector, slot, SlotStatus.UNCERTAIN)
    assert len(threads_with(connector, slot.text)) == 1
    assert connector.create_requests == 1


async def test_killed_after_confirming_is_not_posted_again(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)

    answer = await post_now(bot, connector, slot.id)
    assert answer == posted_answer(slot.id)
    [thread] = threads_with(connector, slot.text)
    bot.kill()

    restarted = await bots.start("restarted")

    await posting_again_is_refused(restarted, connector, slot, SlotStatus.POSTED)
    assert threads_with(connector, slot.text) == [thread]
    assert connector.create_requests == 1
    assert await db.status(slot.id) == SlotStatus.POSTED.value
    assert await db.outcome(slot.id) == "sent"
    assert await db.message_id(slot.id) == connector.created[0].activity_id
    assert not told(notices(connector), may_be_missing(slot.id))


@contextlib.contextmanager
def sqlite_write_lock(db: Db) -> Iterator[None]:
    """Hold the SQLite database's write lock (readers go on; writers wait on their busy timeout)."""
    assert db.database.is_sqlite
    connection = sqlite3.connect(make_url(db.database.url).database or "", isolation_level=None, timeout=10)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield
        connection.execute("ROLLBACK")
    finally:
        connection.close()


async def test_two_processes_recovering_at_once_tell_the_board_once(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.create_mode = CreateMode.HANG_BEFORE_RECORDING
    request = await post_now_in_background(bot, connector, slot.id)
    await eventually(lambda: connector.held == 1, "the create request to reach the Connector", bots=bots)
    bot.kill()
    await abandon(request)
    await db.lapse_claim(slot.id)
    connector.create_mode = CreateMode.ANSWER

    # Hold SQLite's write lock while both start: each reads the open claims, then queues for the lock to
    # settle the claim, so both have seen it before either has settled it.
    with sqlite_write_lock(db):
        both = [bots.spawn("first"), bots.spawn("second")]
        await eventually(
            lambda: all(RECOVERY_STARTS in p.log() for p in both), "both to start recovering", bots=bots
        )
        await asyncio.sleep(0.3)  # reading the claims takes milliseconds; the busy timeout is 10 s
    assert all([await bots.healthy(p) for p in both]), bots.logs()

    assert await db.status(slot.id) == SlotStatus.UNCERTAIN.value
    assert told(notices(connector), may_be_missing(slot.id)) == 1, "the board was told more than once"
    assert connector.created == []


@pytest.fixture(params=["sqlite", "postgresql"])
def race_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Like tests/db/conftest.py: a fresh SQLite file, or the session's PostgreSQL database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'race.db'}"
    from tests.postgres import reset_schema

    url = str(request.getfixturevalue("postgres_url"))  # skipped (or failed under CI) without PostgreSQL
    reset_schema(url)
    return url


async def test_two_processes_racing_for_one_slot_post_it_once(
    race_database_url: str, tmp_path: Path, connector: FakeConnector
) -> None:
    workdir = tmp_path / "race"
    workdir.mkdir()
    bots = Bots(workdir, race_database_url)
    db = Db(race_database_url)
    try:
        first = await bots.start("first")
        slot = await set_up(first, connector, db)
        second = await bots.start("second")

        posts = [in_channel(f"posta {slot.id} ja", connector) for _ in range(2)]
        before = len(connector.posted)
        statuses = await asyncio.gather(send(first, posts[0]), send(second, posts[1]))

        assert all(status in (200, 201) for status in statuses), statuses
        # The loser either started too and is told it was not posted, or saw the winner's claim and was
        # refused at once ("being posted right now", "already posted").
        refusals = tuple(
            SV._(why).format(id=slot.id)
            for why in ("#{id} is being posted right now.", "#{id} is already posted.")
        )

        def outcomes() -> list[str]:
            refused = [a for post in posts for a in replies_to(connector, post) if a.startswith(refusals)]
            return told_after(connector, posts[0], before) + refused

        await eventually(lambda: len(outcomes()) == 2, "both outcomes", bots=bots)
        [lost] = [answer for answer in outcomes() if answer != posted_answer(slot.id)]
        assert lost == not_posted_answer(slot.id) or lost.startswith(refusals), lost
        assert len(threads_with(connector, slot.text)) == 1
        assert connector.create_requests == 1
        assert await db.status(slot.id) == SlotStatus.POSTED.value
    finally:
        bots.kill_all()
        db.close()


async def test_throttling_and_an_outage_are_retried_and_posted_once(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.failing_path = "/v3/conversations"  # the new thread's requests, not the answers in chat
    connector.failures.extend([(429, {"Retry-After": "1"}), (503, {})])
    start = len(connector.received)

    answer = await post_now(bot, connector, slot.id)

    assert answer == posted_answer(slot.id)
    attempts = [r for r in connector.received[start:] if r.path == "/v3/conversations"]
    assert [r.status for r in attempts] == [429, 503, 201]
    assert attempts[1].at is not None and attempts[0].at is not None
    assert attempts[1].at - attempts[0].at >= 1.0  # Retry-After was honoured
    assert len(threads_with(connector, slot.text)) == 1
    assert await db.status(slot.id) == SlotStatus.POSTED.value
    assert await db.outcome(slot.id) == "sent"


async def test_after_downtime_a_slot_within_grace_is_posted_late_and_one_past_it_is_missed(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    await set_up(bot, connector, db)
    bot.kill()

    # While no server runs: one slot was due an hour ago, one seven hours ago (the grace is six hours).
    now = datetime.now(UTC)
    schedule_id, writer = await db.schedule_id(), await db.admin_person_id()
    late, too_late = now - timedelta(hours=1), now - timedelta(hours=7)
    await asyncio.to_thread(
        db.prompts.add_slots,
        schedule_id,
        [(late, SlotStatus.PLANNED), (too_late, SlotStatus.PLANNED)],
        now=now,
    )
    ids = {
        due: int(
            await db.scalar(
                "SELECT id FROM occurrence WHERE schedule_id = :s AND status = 'planned'"
                " ORDER BY due_at LIMIT 1 OFFSET :n",
                s=schedule_id,
                n=n,
            )
        )
        for n, due in enumerate((too_late, late))
    }
    texts = {due: f"Late start {uuid.uuid4().hex}" for due in ids}
    for due, slot_id in ids.items():
        await asyncio.to_thread(db.prompts.set_text, slot_id, texts[due], by=writer, now=now)
    created_before = len(connector.created)

    await bots.start("restarted")  # healthy only once start-up recovery has run

    assert await db.status(ids[late]) == SlotStatus.POSTED.value
    assert await db.status(ids[too_late]) == SlotStatus.MISSED.value
    assert len(threads_with(connector, texts[late])) == 1
    assert threads_with(connector, texts[too_late]) == []
    assert len(connector.created) == created_before + 1
    missed = SV._("I was not running when {which} was due, and it is now too late, so it was skipped.").split(
        "{which}"
    )[0]
    await eventually(
        lambda: told(notices(connector), f"{missed}#{ids[too_late]} (") > 0, "the notice of the missed slot"
    )
    assert not told(notices(connector), f"{missed}#{ids[late]} (")
    late_told = SV._("{which} was posted late, {when}: I was not running when it was due.").split("{when}")[1]
    await eventually(
        lambda: any(n.startswith(f"#{ids[late]} (") and n.endswith(late_told) for n in notices(connector)),
        "the notice of the late post",
    )


async def test_a_connection_lost_after_the_connector_took_it_is_not_sent_again(
    bots: Bots, connector: FakeConnector, db: Db
) -> None:
    bot = await bots.start()
    slot = await set_up(bot, connector, db)
    connector.create_mode = CreateMode.DROP_AFTER_RECORDING

    answer = await post_now(bot, connector, slot.id)

    assert answer == uncertain_answer(slot.id), answer
    assert len(threads_with(connector, slot.text)) == 1, "the notifier sent the new thread again"
    assert connector.create_requests == 1
    assert await db.status(slot.id) == SlotStatus.UNCERTAIN.value
    broke = SV._(
        "The prompt for {which} may be missing: I sent it, but could not tell whether Teams took it. "
        "Please check the channel; I will not post it again."
    ).split("{which}")[0]
    await eventually(lambda: told(notices(connector), f"{broke}#{slot.id} (") > 0, "the notice")
