"""The load generator: Teams-shaped activities from closed-loop senders; bench/connector.py records replies.

`run_load` drives one server with closed-loop senders: each posts a Teams-shaped personal-chat message to
/api/messages, waits for the HTTP answer and for the bot's reply to reach the connector, and posts the next.
With `LoadPlan.replicas`, several servers of one bot share the load round-robin, as a load balancer would:
each activity, whichever sender posts it, goes to the next server in turn.
An activity's latency runs from its POST until its reply reached the connector, not until /api/messages
answered.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp

from bench.connector import JSON, RecordingConnector, reply_text

TENANT = "00000000-0000-4000-8000-000000000001"
BOT = {"id": "28:00000000-0000-4000-8000-0000000000b0", "name": "Distriktsboten"}


def sender_aad(index: int) -> str:
    """The Entra (AAD) object id of sender `index`; the same in every run, so roles can be granted first."""
    return f"00000000-0000-4000-8000-{index:012d}"


def personal_message(index: int, service_url: str) -> dict[str, Any]:
    """A message in sender `index`'s personal chat with the bot, shaped as Teams sends it (no id, no text)."""
    return {
        "type": "message",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-22T10:00:00.000Z",
        "localTimestamp": "2026-11-22T11:00:00.000+01:00",
        "localTimezone": "Europe/Stockholm",
        "from": {
            "id": f"29:bench-user-{index}",
            "name": f"Bench User {index}",
            "aadObjectId": sender_aad(index),
        },
        "conversation": {"id": f"a:bench-chat-{index}", "conversationType": "personal", "tenantId": TENANT},
        "recipient": BOT,
        "textFormat": "plain",
        "locale": "sv-SE",
        "entities": [
            {
                "type": "clientInfo",
                "locale": "sv-SE",
                "country": "SE",
                "platform": "Web",
                "timezone": "Europe/Stockholm",
            }
        ],
        "channelData": {"tenant": {"id": TENANT}},
    }


@dataclass(frozen=True)
class LoadPlan:
    url: str  # the server's /api/messages
    text: str
    senders: int = 32
    warmup: float = 3.0
    duration: float = 10.0
    reply_timeout: float = 10.0  # a reply later than this counts as missing
    replicas: tuple[str, ...] = ()  # more servers' /api/messages: activities go round-robin over url + these

    @property
    def urls(self) -> tuple[str, ...]:
        return (self.url, *self.replicas)


@dataclass
class LoadResult:
    sent: int  # activities posted in the measured window
    received: int  # of those, how many got their reply
    completed: int  # replies that arrived in the measured window, whenever their activity was posted
    duration: float
    latencies: list[float]  # seconds, of the measured activities that got their reply
    http_errors: int  # /api/messages answers that were not 2xx, or failed
    duplicates: int
    metered: dict[str, float]  # how much each meter moved in the measured window

    @property
    def throughput(self) -> float:
        return self.completed / self.duration

    @staticmethod
    def combined(results: list[LoadResult]) -> LoadResult:
        """Several measured stretches of one case (rounds) as one: counts, time and meters added up."""
        meters = {name for result in results for name in result.metered}
        return LoadResult(
            sent=sum(r.sent for r in results),
            received=sum(r.received for r in results),
            completed=sum(r.completed for r in results),
            duration=sum(r.duration for r in results),
            latencies=[latency for r in results for latency in r.latencies],
            http_errors=sum(r.http_errors for r in results),
            duplicates=sum(r.duplicates for r in results),
            metered={name: sum(r.metered.get(name, 0.0) for r in results) for name in meters},
        )

    def percentile(self, q: float) -> float:
        """The q-quantile of the latencies in ms (nearest rank); NaN without any."""
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))] * 1000


async def run_load(
    plan: LoadPlan, connector: RecordingConnector, *, meters: Mapping[str, Callable[[], float]] | None = None
) -> LoadResult:
    """Warm up, then measure for `plan.duration` seconds; see the module docstring.

    `meters` are read as the measured stretch starts and ends (e.g. CPU seconds); the result has the change.
    """
    tag = uuid.uuid4().hex[:8]
    start = time.perf_counter()
    measure_at = start + plan.warmup
    stop_at = measure_at + plan.duration
    measured: list[str] = []
    latencies: list[float] = []
    errors = 0
    duplicates = connector.duplicates
    meters = meters or {}
    readings: list[dict[str, float]] = []
    targets = itertools.cycle(plan.urls)

    async def meter() -> None:
        for at in (measure_at, stop_at):
            await asyncio.sleep(max(0.0, at - time.perf_counter()))
            readings.append({name: read() for name, read in meters.items()})

    async def sender(session: aiohttp.ClientSession, index: int) -> None:
        nonlocal errors
        template = personal_message(index, connector.url)
        template["text"] = plan.text
        conversation = template["conversation"]["id"]
        number = 0
        while (posted := time.perf_counter()) < stop_at:
            number += 1
            activity_id = template["id"] = f"{tag}-{index}-{number}"
            waiter = connector.expect(activity_id, conversation)
            ok = False
            try:
                async with session.post(
                    next(targets), data=json.dumps(template, ensure_ascii=False).encode(), headers=JSON
                ) as response:
                    await response.read()
                    ok = response.status < 300
            except (aiohttp.ClientError, OSError):
                pass
            arrived: float | None = None
            if ok or waiter.done():
                try:
                    arrived = await asyncio.wait_for(waiter, plan.reply_timeout)
                except TimeoutError:
                    pass
            connector.forget(activity_id, conversation)
            if posted >= measure_at:
                measured.append(activity_id)
                if not ok:
                    errors += 1
                if arrived is not None:
                    latencies.append(arrived - posted)

    connection_pool = aiohttp.TCPConnector(limit=plan.senders)
    async with aiohttp.ClientSession(connector=connection_pool) as session:
        metering = asyncio.create_task(meter())
        await asyncio.gather(*(sender(session, i) for i in range(plan.senders)))
        await metering
    await asyncio.sleep(0.05)  # a reply may reach the connector after /api/messages answered
    arrivals = connector.arrived
    return LoadResult(
        sent=len(measured),
        received=sum(1 for activity_id in measured if activity_id in arrivals),
        completed=sum(
            1
            for activity_id, at in arrivals.items()
            if activity_id.startswith(tag) and measure_at <= at < stop_at
        ),
        duration=plan.duration,
        latencies=latencies,
        http_errors=errors,
        duplicates=connector.duplicates - duplicates,
        metered={name: readings[1][name] - readings[0][name] for name in meters},
    )


async def probe(url: str, connector: RecordingConnector, text: str) -> str:
    """Post one message as sender 0 and return what its reply shows (checks a server answers at all)."""
    activity = personal_message(0, connector.url) | {"id": f"probe-{uuid.uuid4().hex[:8]}", "text": text}
    waiter = connector.expect(activity["id"])
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=json.dumps(activity, ensure_ascii=False).encode(), headers=JSON) as response,
    ):
        answer = await response.text()
        if response.status >= 300:
            raise RuntimeError(f"{url} answered {response.status}: {answer[:200]}")
    await asyncio.wait_for(waiter, 10.0)
    return reply_text(connector.last_body)
