"""A loopback Bot Connector that takes replies and notes when the reply to each activity arrived.

It answers `POST /v3/conversations/{id}/activities[/{reply_to}]` with 200 and `{"id": ...}` (the shape of
tests/fakes/connector.py), but only with a bearer token the Entra stand-in issued (`tokens`): anything else
is refused 401 and counted in `refused`, as the real Connector would refuse it.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Container
from typing import Any

from aiohttp import web


class Connector:
    def __init__(self, tokens: Container[str]) -> None:
        self.tokens = tokens
        self.arrived: dict[str, float] = {}  # activity id -> when its (first) reply arrived
        self.duplicates = 0
        self.refused = 0
        self.last: dict[str, Any] = {}  # the last reply taken, for a glance at what a server answers
        self._waiters: dict[str, asyncio.Future[float]] = {}
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> Connector:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self._activity)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._activity)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/"
        return self

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def expect(self, activity_id: str) -> asyncio.Future[float]:
        waiter = self._waiters[activity_id] = asyncio.get_running_loop().create_future()
        return waiter

    def forget(self, activity_id: str) -> None:
        self._waiters.pop(activity_id, None)

    async def _activity(self, request: web.Request) -> web.Response:
        now = time.perf_counter()
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme != "Bearer" or token not in self.tokens:
            self.refused += 1
            return web.json_response({"error": {"code": "Unauthorized"}}, status=401)
        body = await request.json()
        self.last = body
        answered = request.match_info.get("reply_to") or body.get("replyToId")
        if answered in self.arrived:
            self.duplicates += 1
        elif answered:
            self.arrived[answered] = now
            waiter = self._waiters.pop(answered, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(now)
        return web.json_response({"id": f"reply-{len(self.arrived)}"})


def reply_text(activity: dict[str, Any]) -> str:
    """What a reply shows: its text, or the first text block of its card."""
    if activity.get("text"):
        return " ".join(str(activity["text"]).split())
    for attachment in activity.get("attachments") or []:
        for element in (attachment.get("content") or {}).get("body") or []:
            if isinstance(element, dict) and element.get("text"):
                return f"[card] {element['text']}"
    return json.dumps(activity)[:80]
