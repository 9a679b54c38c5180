"""An in-process fake Bot Connector: records what the bot posts and can answer 429/503 on demand."""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class Posted:
    path: str
    conversation_id: str
    body: dict[str, Any]
    authorization: str | None


@dataclass
class FakeConnector:
    posted: list[Posted] = field(default_factory=list)
    # Answers to give before succeeding again: (status, headers).
    failures: deque[tuple[int, dict[str, str]]] = field(default_factory=deque)
    _server: TestServer | None = None
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the connector first"
        return str(self._server.make_url("/"))

    async def start(self) -> FakeConnector:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation_id}/activities", self._activity)
        app.router.add_post("/v3/conversations/{conversation_id}/activities/{reply_to}", self._activity)
        self._server = TestServer(app, host="127.0.0.1")
        await self._server.start_server()
        return self

    async def close(self) -> None:
        if self._server is not None:
            await self._server.close()

    def texts(self) -> list[str]:
        return [p.body.get("text") or "" for p in self.posted]

    def cards(self) -> list[dict[str, Any]]:
        return [
            attachment["content"]
            for p in self.posted
            for attachment in p.body.get("attachments") or []
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]

    async def wait_for(self, count: int, within: float = 10.0) -> list[Posted]:
        async def enough() -> None:
            while len(self.posted) < count:
                self._arrived.clear()
                await self._arrived.wait()

        await asyncio.wait_for(enough(), within)
        return self.posted

    async def _activity(self, request: web.Request) -> web.Response:
        if self.failures:
            status, headers = self.failures.popleft()
            return web.json_response({"error": {"code": str(status)}}, status=status, headers=headers)
        self.posted.append(
            Posted(
                path=request.path,
                conversation_id=request.match_info["conversation_id"],
                body=await request.json(),
                authorization=request.headers.get("Authorization"),
            )
        )
        self._arrived.set()
        return web.json_response({"id": f"reply-{next(self._ids)}"})
