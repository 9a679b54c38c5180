"""A recording Bot Connector: an aiohttp server standing in for Teams' Bot Connector, on loopback.

It answers the messages a bot POSTs to `/v3/conversations/{id}/activities[/{reply_to}]` with 200 and
`{"id": ...}`, and notes when the reply to each activity arrived: the activity the path names, or else the
one awaited in that conversation. It answers `POST /v3/conversations` (a new channel thread) like Teams.
With `limits` it enforces Teams' rate limits and answers 429 with Retry-After beyond them. `GET /stats`
tells what it has seen.

In-process (`await RecordingConnector().start()`) or as its own process, so that its clock and its answers
do not depend on how busy the sender's event loop is:

    python -m bench.connector --port 4000 [--per-conversation 7 --overall 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

JSON = {"Content-Type": "application/json; charset=utf-8"}


@dataclass(frozen=True)
class Limits:
    """Teams' limits as the connector enforces them: sends per conversation (a channel's threads count as
    the channel) and requests per app, each within any `seconds` long stretch."""

    per_conversation: int = 7
    overall: int = 50
    seconds: float = 1.0


class SlidingWindow:
    """Accepted request times per key; `wait` says how long until one more fits (0: now)."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._times: dict[str, deque[float]] = {}

    def wait(self, key: str, now: float) -> float:
        times = self._times.get(key)
        if times is None:
            return 0.0
        while times and times[0] <= now - self.seconds:
            times.popleft()
        return 0.0 if len(times) < self.limit else times[0] + self.seconds - now

    def take(self, key: str, now: float) -> None:
        self._times.setdefault(key, deque()).append(now)


@dataclass
class RecordingConnector:
    """A Bot Connector on loopback that records replies (see the module docstring)."""

    limits: Limits | None = None
    clock: Callable[[], float] = time.perf_counter
    arrived: dict[str, float] = field(default_factory=dict)  # reply_to activity id -> first reply's time
    duplicates: int = 0  # replies to an activity that already had one
    unaddressed: int = 0  # messages that answer no awaited activity (proactive sends)
    throttled: int = 0  # 429s answered
    threads: Counter[str] = field(default_factory=Counter)  # new threads per channel
    created: list[tuple[str, bytes]] = field(default_factory=list)  # each new thread: channel, first message
    last_body: bytes = b""  # the last message accepted, for a glance at what the bot answers
    _waiters: dict[str, asyncio.Future[float]] = field(default_factory=dict)
    _awaited_in: dict[str, str] = field(default_factory=dict)  # conversation id -> activity id
    _runner: web.ServerRunner | None = None
    _port: int = 0
    _count: int = 0
    _per_conversation: SlidingWindow | None = None
    _overall: SlidingWindow | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}/"

    async def start(self, port: int = 0) -> RecordingConnector:
        if self.limits is not None:
            self._per_conversation = SlidingWindow(self.limits.per_conversation, self.limits.seconds)
            self._overall = SlidingWindow(self.limits.overall, self.limits.seconds)
        self._runner = web.ServerRunner(web.Server(self._handle, access_log=None))
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self._port = self._runner.addresses[0][1]
        return self

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def expect(self, activity_id: str, conversation_id: str = "") -> asyncio.Future[float]:
        """A future that gets the arrival time of the reply to `activity_id` (in `conversation_id`)."""
        waiter = asyncio.get_running_loop().create_future()
        self._waiters[activity_id] = waiter
        if conversation_id:
            self._awaited_in[conversation_id] = activity_id
        return waiter

    def forget(self, activity_id: str, conversation_id: str = "") -> None:
        self._waiters.pop(activity_id, None)
        if self._awaited_in.get(conversation_id) == activity_id:
            del self._awaited_in[conversation_id]

    def stats(self) -> dict[str, Any]:
        return {
            "accepted": self._count,
            "replies": len(self.arrived),
            "duplicates": self.duplicates,
            "unaddressed": self.unaddressed,
            "throttled": self.throttled,
            "threads": dict(self.threads),
        }

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        now = self.clock()
        body = await request.read()
        parts = request.path.split("/")  # "", "v3", "conversations", id, "activities"[, reply_to]
        if request.method == "GET" and request.path == "/stats":
            return web.json_response(self.stats())
        if request.method != "POST" or parts[1:3] != ["v3", "conversations"]:
            return web.Response(status=404)
        if len(parts) == 3:
            return self._create(body, now)
        if len(parts) not in (5, 6) or parts[4] != "activities":
            return web.Response(status=404)
        throttled = self._throttle(parts[3].split(";")[0], now)
        if throttled is not None:
            return throttled
        self._accept(body)
        answered = parts[5] if len(parts) == 6 else self._awaited_in.pop(parts[3], None)
        if answered is None:
            self.unaddressed += 1
        else:
            self._arrive(answered, now)
        return web.Response(body=b'{"id":"reply-%d"}' % self._count, headers=JSON)

    def _create(self, body: bytes, now: float) -> web.Response:
        parameters = json.loads(body)
        channel = ((parameters.get("channelData") or {}).get("channel") or {}).get("id")
        if not parameters.get("isGroup") or not channel:
            return web.json_response({"error": {"code": "BadArgument"}}, status=400)
        throttled = self._throttle(channel, now)
        if throttled is not None:
            return throttled
        first = json.dumps(parameters.get("activity") or {}).encode()
        self._accept(first)
        self.threads[channel] += 1
        self.created.append((channel, first))
        return web.json_response({"id": f"{channel};messageid={self._count}", "activityId": str(self._count)})

    def _accept(self, body: bytes) -> None:
        self._count += 1
        self.last_body = body

    def _arrive(self, activity_id: str, now: float) -> None:
        if activity_id in self.arrived:
            self.duplicates += 1
            return
        self.arrived[activity_id] = now
        waiter = self._waiters.pop(activity_id, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(now)

    def _throttle(self, conversation: str, now: float) -> web.Response | None:
        """A 429 if one more request breaks a limit; otherwise the request is counted against them."""
        if self._per_conversation is None or self._overall is None:
            return None
        wait = max(self._per_conversation.wait(conversation, now), self._overall.wait("", now))
        if wait > 0:
            self.throttled += 1
            # Retry-After is whole seconds (RFC 9110 delta-seconds).
            return web.json_response(
                {"error": {"code": "TooManyRequests", "message": "rate limited"}},
                status=429,
                headers={"Retry-After": str(max(1, math.ceil(wait)))},
            )
        self._per_conversation.take(conversation, now)
        self._overall.take("", now)
        return None


def reply_text(body: bytes) -> str:
    """What a recorded message shows: its text, or the first text block of its card."""
    try:
        activity = json.loads(body)
    except ValueError:
        return body[:80].decode(errors="replace")
    if activity.get("text"):
        return str(activity["text"])
    for attachment in activity.get("attachments") or []:
        for element in (attachment.get("content") or {}).get("body") or []:
            if element.get("text"):
                return f"[card] {element['text']}"
    return "[empty]"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.connector", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--per-conversation", type=int, help="sends per conversation per window")
    parser.add_argument("--overall", type=int, help="requests per app per window")
    parser.add_argument("--seconds", type=float, default=1.0, help="the window (default: %(default)s s)")
    args = parser.parse_args()
    limits = None
    if args.per_conversation or args.overall:
        limits = Limits(args.per_conversation or 10**9, args.overall or 10**9, args.seconds)

    async def serve() -> None:
        await RecordingConnector(limits=limits).start(args.port)
        await asyncio.Event().wait()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
