"""The proactive notifier against the app's SDK adapter (--bot-sdk) and the fake Bot Connector over loopback.

Time is fake: the notifier's clock and sleep are a FakeTime, so retries and pacing take no real time, and
the fake connector stamps every request with that clock.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot.cards import Reply, card, paragraph
from bot.config import Settings
from bot.notifier import (
    TEAMS_LIMITS,
    ConversationGone,
    Notifier,
    SendFailed,
    SendUncertain,
    SlidingWindows,
    channel_of,
)
from bot.sdk import Incoming, Message, Outbound, RetryPolicy, Sdk
from tests.fakes.connector import DROP, FakeConnector

RECORDINGS = Path(__file__).parent / "fixtures" / "playground"
ADAPTIVE = "application/vnd.microsoft.card.adaptive"


@dataclass
class FakeTime:
    """A monotonic clock that only moves when someone sleeps; every sleep is recorded."""

    now: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        self.sleeps.append(delay)
        until = self.now + delay
        await asyncio.sleep(0)
        # Concurrent sleepers each wake at their own deadline; the clock never runs backwards.
        self.now = max(self.now, until)


class Stamping:
    """The app's SDK adapter (bot/sdk), noting the fake time each send starts at (the pacer let it go)."""

    def __init__(self, outbound: Outbound, time: FakeTime) -> None:
        self.outbound = outbound
        self.started: list[tuple[str, float]] = []
        self._time = time

    async def send(self, reference: dict[str, Any], message: Message) -> str:
        self.started.append((reference["conversation"]["id"], self._time.now))
        return await self.outbound.send(reference, message)

    async def create_thread(
        self, channel_reference: dict[str, Any], message: Message, *, channel_id: str, tenant_id: str | None
    ) -> dict[str, Any]:
        return await self.outbound.create_thread(
            channel_reference, message, channel_id=channel_id, tenant_id=tenant_id
        )


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


@pytest.fixture
async def connector(time: FakeTime) -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector(clock=time.monotonic).start()
    yield fake
    await fake.close()


@pytest.fixture
def adapter(settings: Settings, time: FakeTime, sdks: Callable[[Settings], Sdk]) -> Stamping:
    assert not settings.has_credentials  # local development: auth disabled, nothing is signed
    return Stamping(sdks(settings).outbound, time)


@pytest.fixture
def notifier(adapter: Stamping, time: FakeTime) -> Notifier:
    """A notifier on the app's SDK adapter and transport, as create_app builds it."""
    return Notifier(adapter, monotonic=time.monotonic, sleep=time.sleep, random=lambda: 0.5)


app_notifier = notifier


def reference(name: str, service_url: str, **conversation: Any) -> dict[str, Any]:
    """A conversation reference stored the way bot/teams.py stores it, from a Playground recording."""
    recorded = json.loads((RECORDINGS / f"{name}.json").read_text(encoding="utf-8"))
    recorded["serviceUrl"] = service_url
    recorded["conversation"].update(conversation)
    return Incoming(recorded).reference()


def personal_chat(connector: FakeConnector) -> dict[str, Any]:
    return reference("personal_message", connector.url)


def assert_paced(times: list[float], limit: int, seconds: float) -> None:
    """No `seconds`-long stretch holds more than `limit` sends: any limit+1 of them span at least that."""
    ordered = sorted(times)
    for first, last in zip(ordered, ordered[limit:], strict=False):
        assert last - first >= seconds, (limit, seconds, ordered)


def reminder() -> Reply:
    return Reply("Dags för diskussionsfrågan", card([paragraph("Dags för diskussionsfrågan")], fallback="x"))


async def test_a_message_reaches_a_personal_chat(notifier: Notifier, connector: FakeConnector) -> None:
    chat = personal_chat(connector)
    chat_id = chat["conversation"]["id"]

    sent = await notifier.send(chat, Reply("Hej Megan"))

    [posted] = connector.posted
    assert posted.path == f"/v3/conversations/{chat_id}/activities"  # a new message, not a reply
    assert posted.body["text"] == "Hej Megan"
    assert posted.authorization is None  # no app id: local development, nothing to sign with
    assert sent.message_id == "reply-1"
    assert sent.conversation_id == chat_id
    assert sent.reference["conversation"]["id"] == chat_id
    assert sent.reference["activityId"] == "reply-1"


async def test_a_card_arrives_as_an_adaptive_card_in_teams(
    notifier: Notifier, connector: FakeConnector
) -> None:
    await notifier.send(reference("group_mention_message", connector.url), reminder())

    [posted] = connector.posted
    [attachment] = posted.body["attachments"]
    assert attachment["contentType"] == ADAPTIVE
    assert "Dags för diskussionsfrågan" in json.dumps(attachment["content"], ensure_ascii=False)


async def test_a_card_becomes_text_where_cards_are_not_shown(
    notifier: Notifier, connector: FakeConnector
) -> None:
    chat = personal_chat(connector)
    chat["channelId"] = "chat"

    await notifier.send(chat, reminder())

    assert connector.texts() == ["Dags för diskussionsfrågan"]
    assert connector.cards() == []


async def test_a_new_thread_in_a_channel_can_be_replied_to(
    notifier: Notifier, connector: FakeConnector
) -> None:
    channel = reference("channel_install", connector.url)
    assert channel["conversation"]["id"] == "team-id"  # the Playground's General channel

    thread = await notifier.start_thread(channel, reminder())

    [created] = connector.created
    assert created.parameters["isGroup"] is True
    tenant = {"id": channel["conversation"]["tenantId"]}  # Teams needs it for a channel's new thread
    assert created.parameters["channelData"] == {"channel": {"id": "team-id"}, "tenant": tenant}
    assert created.parameters["activity"]["attachments"][0]["contentType"] == ADAPTIVE
    assert thread.conversation_id == created.conversation_id == "team-id;messageid=1"
    assert thread.message_id == created.activity_id == "1"
    assert thread.reference["conversation"]["id"] == "team-id;messageid=1"
    assert thread.reference["conversation"]["conversationType"] == "channel"
    assert thread.reference["bot"] == channel["bot"]
    assert thread.reference["serviceUrl"] == connector.url

    follow_up = await notifier.send(thread.reference, Reply("Glöm inte att svara i tråden"))

    first, second = connector.posted
    assert first.conversation_id == second.conversation_id == "team-id;messageid=1"
    assert second.path == "/v3/conversations/team-id;messageid=1/activities"
    assert second.body["text"] == "Glöm inte att svara i tråden"
    assert follow_up.conversation_id == "team-id;messageid=1"


async def test_a_thread_started_from_a_thread_reference_goes_to_its_channel(
    notifier: Notifier, connector: FakeConnector
) -> None:
    in_thread = reference("channel_thread_reply_mention", connector.url)
    assert in_thread["conversation"]["id"] == "team-id;messageid=1795312611790"

    thread = await notifier.start_thread(in_thread, Reply("Ny tråd"))

    assert connector.created[0].parameters["channelData"]["channel"]["id"] == "team-id"
    assert thread.conversation_id.startswith("team-id;messageid=")


async def test_a_thread_cannot_be_started_in_a_personal_chat(
    notifier: Notifier, connector: FakeConnector
) -> None:
    with pytest.raises(ValueError, match="personal"):
        await notifier.start_thread(personal_chat(connector), Reply("x"))
    assert connector.received == []


async def test_throttled_then_unavailable_then_delivered_once(
    notifier: Notifier, connector: FakeConnector, adapter: Stamping, time: FakeTime
) -> None:
    connector.failures.extend([(429, {"Retry-After": "2"}), (503, {})])

    sent = await notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert connector.statuses() == [429, 503, 200]
    assert len(connector.posted) == 1 and sent.message_id == "reply-1"
    first, second = time.sleeps
    assert first >= 2.0  # never sooner than Retry-After
    assert 1.0 <= second <= 2.0  # the second step of the backoff (base 1 s, doubled), equal jitter
    assert [r.at for r in connector.received] == [0.0, first, first + second]


async def test_retry_after_as_an_http_date_is_honoured(
    notifier: Notifier, connector: FakeConnector, time: FakeTime
) -> None:
    connector.failures.append(
        (429, {"Retry-After": "Sun, 22 Nov 2026 10:00:07 GMT", "Date": "Sun, 22 Nov 2026 10:00:00 GMT"})
    )

    await notifier.send(personal_chat(connector), Reply("Påminnelse"))

    [delay] = time.sleeps
    assert delay >= 7.0
    assert connector.statuses() == [429, 200]


@pytest.mark.parametrize("status", [412, 429, 502, 503, 504])
async def test_a_passing_failure_is_retried(
    notifier: Notifier, connector: FakeConnector, time: FakeTime, status: int
) -> None:
    connector.failures.append((status, {}))

    await notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert connector.statuses() == [status, 200]
    assert len(connector.posted) == 1
    [delay] = time.sleeps
    assert 0.5 <= delay <= 1.0


async def test_when_retries_run_out_the_last_status_is_reported(
    notifier: Notifier, connector: FakeConnector, time: FakeTime
) -> None:
    answers = [412, 502, 504, 503, 429, 502]
    connector.failures.extend((status, {}) for status in answers)

    with pytest.raises(SendFailed) as failed:
        await notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert failed.value.status == 502
    assert connector.statuses() == answers  # six attempts in all
    assert connector.posted == []
    # Exponential with equal jitter (random() = 0.5 here): 0.75 * 1, 2, 4, 8, 16 s.
    assert time.sleeps == [0.75, 1.5, 3.0, 6.0, 12.0]


async def test_the_backoff_is_capped(connector: FakeConnector, adapter: Stamping, time: FakeTime) -> None:
    notifier = Notifier(
        adapter,
        retry=RetryPolicy(attempts=10, max_delay=5.0),
        monotonic=time.monotonic,
        sleep=time.sleep,
        random=lambda: 1.0,
    )
    connector.failures.extend((503, {}) for _ in range(9))

    await notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert max(time.sleeps) == 5.0
    assert len(connector.posted) == 1


async def test_an_unreadable_retry_after_falls_back_to_the_backoff(
    notifier: Notifier, connector: FakeConnector, time: FakeTime
) -> None:
    connector.failures.append((503, {"Retry-After": "soon"}))

    await notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert time.sleeps == [0.75]


async def test_retries_and_give_ups_are_logged_without_the_message(
    notifier: Notifier, connector: FakeConnector, caplog: pytest.LogCaptureFixture
) -> None:
    connector.failures.extend((503, {}) for _ in range(6))

    with caplog.at_level(logging.INFO, logger="bot.notifier"), pytest.raises(SendFailed):
        await notifier.send(personal_chat(connector), Reply("Megans personnummer"))

    lines = [r.getMessage() for r in caplog.records if r.name == "bot.notifier"]
    assert len(lines) == 6  # five retries and one give-up
    assert all("status 503" in line for line in lines)
    assert "in 0.75 s" in lines[0]
    assert lines[-1].startswith("gave up")
    assert "personnummer" not in caplog.text


async def test_a_retry_after_longer_than_the_longest_wait_gives_up_at_once(
    notifier: Notifier, connector: FakeConnector, time: FakeTime
) -> None:
    connector.failures.append((429, {"Retry-After": "600"}))

    with pytest.raises(SendFailed) as failed:
        await notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert failed.value.status == 429
    assert time.sleeps == []


@pytest.mark.parametrize("status", [403, 404])
async def test_a_conversation_the_bot_was_removed_from_is_gone_at_once(
    notifier: Notifier, connector: FakeConnector, time: FakeTime, status: int
) -> None:
    chat = personal_chat(connector)
    connector.failures.append((status, {}))

    with pytest.raises(ConversationGone) as gone:
        await notifier.send(chat, Reply("Påminnelse"))

    assert gone.value.status == status
    assert gone.value.conversation_id == chat["conversation"]["id"]
    assert connector.statuses() == [status]
    assert time.sleeps == []


async def test_a_channel_the_bot_was_removed_from_is_gone_when_starting_a_thread(
    notifier: Notifier, connector: FakeConnector
) -> None:
    connector.failures.append((403, {}))

    with pytest.raises(ConversationGone) as gone:
        await notifier.start_thread(reference("channel_install", connector.url), Reply("Ny tråd"))

    assert gone.value.conversation_id == "team-id"
    assert connector.created == []


@pytest.mark.parametrize("status", [400, 401, 413, 500])
async def test_other_errors_fail_at_once(
    notifier: Notifier, connector: FakeConnector, time: FakeTime, status: int
) -> None:
    connector.failures.append((status, {}))

    with pytest.raises(SendFailed) as failed:
        await notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert failed.value.status == status
    assert connector.statuses() == [status]
    assert time.sleeps == []


async def test_a_new_thread_is_retried_like_a_message(
    notifier: Notifier, connector: FakeConnector, time: FakeTime
) -> None:
    connector.failures.extend([(429, {"Retry-After": "3"}), (502, {})])

    thread = await notifier.start_thread(reference("channel_install", connector.url), Reply("Ny tråd"))

    assert connector.statuses() == [429, 502, 201]
    assert [c.conversation_id for c in connector.created] == [thread.conversation_id]
    assert time.sleeps[0] >= 3.0


async def test_a_connection_dropped_after_sending_may_have_delivered_it_so_it_is_not_sent_again(
    notifier: Notifier, connector: FakeConnector, time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    # The request went out and no answer came: Teams may have posted it. A second try could post it twice,
    # so the notice, reminder or digest is reported as "may not have arrived" and not repeated.
    connector.failures.append((DROP, {}))
    with pytest.raises(SendUncertain) as uncertain:
        await notifier.send(personal_chat(connector), Reply("Påminnelse"))
    assert uncertain.value.status is None
    assert connector.statuses() == [DROP]
    assert time.sleeps == []
    assert "may not have arrived" in caplog.text
    # What the Connector answered with a refusal certainly did not arrive: retried.
    connector.failures.extend([(429, {}), (503, {})])
    await notifier.send(personal_chat(connector), Reply("Påminnelse"))
    assert connector.statuses() == [DROP, 429, 503, 200]
    assert len(connector.posted) == 1


async def test_a_burst_to_one_conversation_is_spread_out(
    notifier: Notifier, connector: FakeConnector, adapter: Stamping
) -> None:
    chat = personal_chat(connector)

    await asyncio.gather(*(notifier.send(chat, Reply(f"Meddelande {n}")) for n in range(20)))

    assert len(connector.posted) == 20
    times = [at for _, at in adapter.started]
    assert_paced(times, 7, 1.0)
    assert_paced(times, 8, 2.0)
    assert sorted(times)[:7] == [0.0] * 7  # nothing waits while the windows have room
    assert max(times) <= 5.0  # and the burst takes no longer than the windows make it


async def test_a_channel_and_its_threads_share_one_budget(
    notifier: Notifier, connector: FakeConnector
) -> None:
    channel = reference("channel_install", connector.url)
    thread = reference("channel_thread_reply_mention", connector.url)

    for n in range(8):
        await notifier.send(channel if n % 2 else thread, Reply(f"Meddelande {n}"))

    assert [p.at for p in connector.posted] == [0.0] * 7 + [1.0]
    assert channel_of(thread["conversation"]["id"]) == "team-id"


async def test_a_fan_out_keeps_to_the_apps_overall_limit(
    notifier: Notifier, connector: FakeConnector, adapter: Stamping
) -> None:
    chats = [personal_chat(connector) for _ in range(60)]
    for n, chat in enumerate(chats):
        chat["conversation"]["id"] = f"a:chat-{n}"

    await asyncio.gather(*(notifier.send(chat, Reply("Månadens rapport")) for chat in chats + chats))

    assert len(connector.posted) == 120
    times = sorted(at for _, at in adapter.started)
    assert_paced(times, 50, 1.0)
    assert times == [0.0] * 50 + [1.05] * 50 + [2.1] * 20  # 5 % under the limit (TEAMS_LIMITS)


def test_idle_conversations_are_forgotten() -> None:
    windows = SlidingWindows(TEAMS_LIMITS.per_conversation)
    for n in range(100):
        windows.record(f"a:chat-{n}", float(n))
    assert len(windows) == 100

    windows.record("a:chat-0", 3650.0)

    assert len(windows) == 1 + sum(1 for n in range(100) if n > 3650.0 - 3600.0)
    assert windows.ready_at("a:chat-1", 3650.0) == 3650.0


def test_a_conversation_gets_1800_sends_an_hour() -> None:
    windows = SlidingWindows(TEAMS_LIMITS.per_conversation)
    for n in range(5000):
        windows.record("a:busy", n * 2.0)  # one every 2 s: within every window but the hour's

    # The 1800th most recent send was at 6400 s: the next may go when it leaves the hour.
    assert windows.ready_at("a:busy", 9998.0) == 10_000.0


# --- answers that are not JSON: a gateway's page, a proxy's ------------------------------------------------

TEXT = {"Content-Type": "text/plain; charset=utf-8"}
HTML = {"Content-Type": "text/html"}


@pytest.mark.parametrize("page", [TEXT, HTML], ids=["text", "html"])
async def test_an_unavailable_connector_answering_a_page_is_retried(
    app_notifier: Notifier, connector: FakeConnector, time: FakeTime, page: dict[str, str]
) -> None:
    connector.failures.append((503, page))

    sent = await app_notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert connector.statuses() == [503, 200]
    assert len(connector.posted) == 1 and sent.message_id == "reply-1"
    assert time.sleeps == [0.75]  # the first backoff step, as for any 503


async def test_retry_after_is_honoured_on_a_text_answer(
    app_notifier: Notifier, connector: FakeConnector, time: FakeTime
) -> None:
    connector.failures.append((429, {**TEXT, "Retry-After": "4"}))

    await app_notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert connector.statuses() == [429, 200]
    [delay] = time.sleeps
    assert delay >= 4.0


@pytest.mark.parametrize("status", [502, 504])
async def test_a_gateway_page_when_starting_a_thread_is_retried_like_a_message(
    app_notifier: Notifier, connector: FakeConnector, time: FakeTime, status: int
) -> None:
    # A status is an answer: the thread was not created, so trying again cannot post it twice.
    connector.failures.append((status, HTML))

    thread = await app_notifier.start_thread(reference("channel_install", connector.url), Reply("Ny tråd"))

    assert connector.statuses() == [status, 201]
    assert [c.conversation_id for c in connector.created] == [thread.conversation_id]
    assert time.sleeps == [0.75]


@pytest.mark.parametrize("status", [400, 404, 500])
async def test_other_error_pages_are_classified_by_their_status(
    app_notifier: Notifier, connector: FakeConnector, status: int
) -> None:
    connector.failures.append((status, HTML))

    with pytest.raises((SendFailed, ConversationGone)) as failed:
        await app_notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert type(failed.value) is (ConversationGone if status == 404 else SendFailed)
    assert failed.value.status == status
    assert connector.statuses() == [status]


async def test_a_success_answer_that_cannot_be_read_is_uncertain_and_not_sent_again(
    app_notifier: Notifier, connector: FakeConnector, time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    # The Connector took it (posted), but a proxy's page replaced its answer: no message id.
    connector.failures.append((200, HTML))

    with pytest.raises(SendUncertain) as uncertain:
        await app_notifier.send(personal_chat(connector), Reply("Påminnelse"))

    assert uncertain.value.status is None
    assert "could not be read" in str(uncertain.value)
    assert connector.statuses() == [200] and len(connector.posted) == 1
    assert time.sleeps == []
    assert "not sent again" in caplog.text


async def test_a_new_thread_whose_answer_cannot_be_read_is_uncertain_and_not_created_again(
    app_notifier: Notifier, connector: FakeConnector, time: FakeTime
) -> None:
    connector.failures.append((201, HTML))

    with pytest.raises(SendUncertain):
        await app_notifier.start_thread(reference("channel_install", connector.url), Reply("Ny tråd"))

    assert connector.create_requests == 1 and len(connector.created) == 1
    assert time.sleeps == []
