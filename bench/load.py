"""The load generator: closed-loop senders posting Teams-shaped personal-chat messages with a channel token.

Each sender posts a message to /api/messages, waits for the HTTP answer and for the reply to reach the
Connector, then posts the next: at once (the server's throughput, every sender always waiting), or with a
`pace` (a sender writes about once per `pace` seconds, as people do: the latency they see). A latency runs
from the POST until the reply reached the Connector.
"""

from __future__ import annotations

import asyncio
import gc
import json
import math
import random
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bench.connector import Connector
from bench.entra import APP_ID, TENANT

BOT = {"id": f"28:{APP_ID}", "name": "Distriktsboten"}


def sender_aad(index: int) -> str:
    """The Entra object id of sender `index`: the same in every run, so roles can be given first."""
    return f"00000000-0000-4000-9000-{index:012d}"


def message(index: int, service_url: str, text: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": "",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-22T10:00:00.000Z",
        "localTimezone": "Europe/Stockholm",
        "from": {"id": f"29:bench-{index}", "name": f"Bench User {index}", "aadObjectId": sender_aad(index)},
        "conversation": {"id": f"a:bench-chat-{index}", "conversationType": "personal", "tenantId": TENANT},
        "recipient": BOT,
        "textFormat": "plain",
        "locale": "sv-SE",
        "text": text,
        "channelData": {"tenant": {"id": TENANT}},
    }


@dataclass
class Result:
    sent: int = 0  # activities posted, warm-up included
    delivered: int = 0  # of those, how many replies reached the Connector
    completed: int = 0  # replies that arrived in the measured window
    duration: float = 0.0  # of the measured window
    latencies: list[float] = field(default_factory=list)  # seconds, of the replies in the window
    http_errors: int = 0
    metered: dict[str, float] = field(default_factory=dict)  # how much each meter moved in the window

    @property
    def per_second(self) -> float:
        return self.completed / self.duration if self.duration else math.nan

    def percentile(self, q: float) -> float:
        """In ms, nearest rank; NaN without any."""
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))] * 1000

    def add(self, other: Result) -> None:
        self.sent += other.sent
        self.delivered += other.delivered
        self.completed += other.completed
        self.duration += other.duration
        self.latencies += other.latencies
        self.http_errors += other.http_errors
        for name, value in other.metered.items():
            self.metered[name] = self.metered.get(name, 0.0) + value


async def run_load(
    url: str,
    text: str,
    connector: Connector,
    token: str,
    *,
    senders: int,
    warmup: float,
    duration: float,
    meters: Mapping[str, Callable[[], float]] | None = None,
    pace: float = 0.0,
) -> Result:
    """The measured window opens after `warmup` seconds, and not before every sender had a reply (a slow
    server's replies take seconds); `meters` (e.g. CPU seconds) are read as it opens and closes. With a
    `pace`, each sender starts at a random moment within it and posts its next message a random 0.5 to 1.5
    paces after the last (so that senders do not march in step)."""
    tag = uuid.uuid4().hex[:8]
    connector.arrived.clear()  # earlier cases' replies
    gc.collect()
    warm_at = time.perf_counter() + warmup
    measure_at = stop_at = math.inf  # until the warm-up is over
    result = Result(duration=duration)
    measured: list[str] = []
    meters = meters or {}
    readings: list[dict[str, float]] = []
    answered = 0  # senders that had their first reply
    all_answered = asyncio.Event()

    async def meter() -> None:
        nonlocal measure_at, stop_at
        await asyncio.wait_for(all_answered.wait(), 60.0)
        await asyncio.sleep(max(0.0, warm_at - time.perf_counter()))
        measure_at = time.perf_counter()
        readings.append({name: read() for name, read in meters.items()})
        stop_at = measure_at + duration
        await asyncio.sleep(duration)
        readings.append({name: read() for name, read in meters.items()})

    headers = {"Content-Type": "application/json; charset=utf-8", "Authorization": f"Bearer {token}"}

    async def sender(session: aiohttp.ClientSession, index: int) -> None:
        nonlocal answered
        activity = message(index, connector.url, text)
        number = 0
        await asyncio.sleep(random.uniform(0, pace))
        while (posted := time.perf_counter()) < stop_at:
            number += 1
            activity["id"] = activity_id = f"{tag}-{index}-{number}"
            waiter = connector.expect(activity_id)
            ok = False
            try:
                body = json.dumps(activity, ensure_ascii=False).encode()
                async with session.post(url, data=body, headers=headers) as answer:
                    await answer.read()
                    ok = answer.status < 300
            except (aiohttp.ClientError, OSError):
                pass
            arrived = None
            if ok or waiter.done():
                try:
                    arrived = await asyncio.wait_for(waiter, 10.0)
                except TimeoutError:
                    pass
            connector.forget(activity_id)
            if number == 1:
                answered += 1
                if answered == senders:
                    all_answered.set()
            measured.append(activity_id)
            result.http_errors += not ok
            if arrived is not None and measure_at <= arrived < stop_at:
                result.latencies.append(arrived - posted)
            if pace:
                await asyncio.sleep(max(0.0, posted + random.uniform(0.5, 1.5) * pace - time.perf_counter()))

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=senders)) as session:
        await asyncio.gather(meter(), *(sender(session, i) for i in range(senders)))
    result.metered = {name: readings[1][name] - readings[0][name] for name in meters}
    await asyncio.sleep(0.05)
    result.sent = len(measured)
    result.delivered = sum(1 for activity_id in measured if activity_id in connector.arrived)
    result.completed = sum(
        1 for key, at in connector.arrived.items() if key.startswith(tag) and measure_at <= at < stop_at
    )
    return result


async def refused(url: str, service_url: str, token: str) -> bool:
    """Whether the server refuses a message carrying `token` (an error status: botbuilder answers a bad
    signature 500, the others 401)."""
    headers = {"Content-Type": "application/json; charset=utf-8", "Authorization": f"Bearer {token}"}
    activity = message(0, service_url, "mål") | {"id": f"forged-{uuid.uuid4().hex[:12]}"}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=activity, headers=headers) as answer,
    ):
        await answer.read()
        return answer.status >= 400


async def ask(url: str, text: str, connector: Connector, token: str, index: int = 0) -> tuple[float, str]:
    """One message from sender `index`: (seconds until its reply arrived, what the reply shows)."""
    from bench.connector import reply_text

    activity = message(index, connector.url, text)
    activity["id"] = activity_id = f"ask-{uuid.uuid4().hex[:12]}"
    waiter = connector.expect(activity_id)
    headers = {"Content-Type": "application/json; charset=utf-8", "Authorization": f"Bearer {token}"}
    started = time.perf_counter()
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=json.dumps(activity, ensure_ascii=False).encode(), headers=headers) as answer,
    ):
        body = await answer.text()
        if answer.status >= 300:
            raise RuntimeError(f"{url} answered {answer.status}: {body[:300]}")
    arrived = await asyncio.wait_for(waiter, 15.0)
    return arrived - started, reply_text(connector.last)
