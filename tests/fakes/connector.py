"""An in-process fake Bot Connector: records what the bot posts and can answer 429/503 on demand.

It serves what the bot calls: send and reply (`POST /v3/conversations/{id}/activities[/{reply_to}]`) and
create conversation (`POST /v3/conversations`, a new channel thread, answered like Teams with
`{"id": "<channel>;messageid=<n>", "activityId": "<n>"}`). An activity with a field sent as JSON null (its
own, or its accounts') is refused 400 BadArgument "Invalid input", as the Agents Playground refuses it (its
schema's fields are optional, not nullable; botbuilder never sends a null). `failures` holds answers to give,
one per request and to any endpoint, before succeeding again: `(status, headers)`, `(DROP, {})` to close the
connection without answering, or `(HANG, {})` to hold it unanswered until `release()` (then 503). An
error status is answered with a JSON error body, or, when `headers` give a non-JSON Content-Type (a
gateway's `text/html` 502, a `text/plain` 503), with a page of that type. A 2xx status is the request taken
(recorded as usual) with its answer replaced by such a page (text/html unless given), as a proxy in between
might.

`create_mode` fakes a Connector that dies mid-request on create conversation (a new channel thread):
`HANG_BEFORE_RECORDING` never answers and never records it (Teams never took it), `HANG_AFTER_RECORDING`
records it and never answers (Teams took it; the answer is lost), `DROP_AFTER_RECORDING` records it and
closes the connection unanswered. `create_requests` counts every create request that arrived, answered
or not; `release()` (and `close()`) lets held requests go, answering them 503 unrecorded (hung before
recording) or as created (hung after recording).
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from http import HTTPStatus
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

# A failure "status" that closes the connection without an answer (the bot sees a connection error).
DROP = 0
# A failure "status" that holds the request unanswered until release() or close() (then answers 503).
HANG = -1


class CreateMode(StrEnum):
    """How POST /v3/conversations is answered (see the module docstring)."""

    ANSWER = "answer"
    HANG_BEFORE_RECORDING = "hang_before_recording"
    HANG_AFTER_RECORDING = "hang_after_recording"
    DROP_AFTER_RECORDING = "drop_after_recording"


@dataclass
class Posted:
    """A message that now exists: a send, a reply, or the first message of a new thread."""

    path: str
    conversation_id: str
    body: dict[str, Any]
    authorization: str | None
    at: float | None = None  # the connector's clock when it arrived, if it was given one


@dataclass
class Created:
    """A conversation (a channel thread) the bot created."""

    conversation_id: str
    activity_id: str
    parameters: dict[str, Any]


@dataclass
class Received:
    """Any request that reached the connector, with what it was answered (DROP: nothing)."""

    method: str
    path: str
    status: int
    at: float | None
    peer: Any = None  # the client's address and port: one per connection it opened


@dataclass
class FakeConnector:
    posted: list[Posted] = field(default_factory=list)
    # Answers to give before succeeding again: (status, headers).
    failures: deque[tuple[int, dict[str, str]]] = field(default_factory=deque)
    # Only requests to this path get the failures, e.g. "/v3/conversations" (new threads); None: any.
    failing_path: str | None = None
    created: list[Created] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    # Stamps Posted.at and Received.at, e.g. a test's fake monotonic clock.
    clock: Callable[[], float] | None = None
    # Called after each failure is answered, e.g. to move a test's clock on as the sender waits to retry.
    after_failure: Callable[[], None] | None = None
    create_mode: CreateMode = CreateMode.ANSWER
    # Create-conversation requests that reached the handler, recorded or not, answered or held.
    create_requests: int = 0
    # Create-conversation requests held unanswered right now.
    held: int = 0
    _server: TestServer | None = None
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _released: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the connector first"
        return str(self._server.make_url("/"))

    async def start(self) -> FakeConnector:
        app = web.Application(middlewares=[self._middleware()])
        app.router.add_post("/v3/conversations", self._create)
        app.router.add_post("/v3/conversations/{conversation_id}/activities", self._activity)
        app.router.add_post("/v3/conversations/{conversation_id}/activities/{reply_to}", self._activity)
        self._server = TestServer(app, host="127.0.0.1")
        await self._server.start_server()
        return self

    def release(self) -> None:
        """Let every held request go (a held request blocks the server's shutdown)."""
        self._released.set()

    async def close(self) -> None:
        self.release()
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

    def statuses(self) -> list[int]:
        return [r.status for r in self.received]

    def connections(self) -> int:
        """How many connections the requests so far came on (a kept-alive connection carries several)."""
        return len({r.peer for r in self.received})

    async def wait_for(self, count: int, within: float = 10.0) -> list[Posted]:
        async def enough() -> None:
            while len(self.posted) < count:
                self._arrived.clear()
                await self._arrived.wait()

        await asyncio.wait_for(enough(), within)
        return self.posted

    async def reply_in(
        self, conversation_id: str, after: int, within: float = 10.0, *, to: str | None = None
    ) -> Posted:
        """The first message posted into a conversation after the first `after` posts: a turn's reply, which a
        notice the turn sends elsewhere may overtake. `to`: the reply to that activity, which a notice the
        turn sends into the same conversation may overtake too."""

        async def found() -> Posted:
            while True:
                for posted in self.posted[after:]:
                    if posted.conversation_id == conversation_id and (
                        to is None or posted.path.endswith(f"/activities/{to}")
                    ):
                        return posted
                self._arrived.clear()
                await self._arrived.wait()

        return await asyncio.wait_for(found(), within)

    def _now(self) -> float | None:
        return self.clock() if self.clock is not None else None

    def _middleware(self) -> Callable[..., Awaitable[web.StreamResponse]]:
        @web.middleware
        async def fail_or_record(
            request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
        ) -> web.StreamResponse:
            at = self._now()
            if self.failures and self.failing_path in (None, request.path):
                status, headers = self.failures.popleft()
                self.received.append(Received(request.method, request.path, status, at, _peer(request)))
                if self.after_failure is not None:
                    self.after_failure()
                if status == DROP:
                    assert request.transport is not None
                    request.transport.close()
                    return web.Response()
                if status == HANG:
                    await self._hold()
                    status = 503
                content_type = {k.lower(): v for k, v in headers.items()}.get("content-type")
                if 200 <= status < 300:
                    await handler(request)  # taken; the answer is lost behind a page
                    headers = {"Content-Type": "text/html", **headers}
                    return web.Response(status=status, body=_page(status, "text/html"), headers=headers)
                if content_type is not None and "json" not in content_type:
                    return web.Response(status=status, body=_page(status, content_type), headers=headers)
                return web.json_response(
                    {"error": {"code": str(status), "message": "injected failure"}},
                    status=status,
                    headers=headers,
                )
            response = await handler(request)
            self.received.append(Received(request.method, request.path, response.status, at, _peer(request)))
            return response

        return fail_or_record

    async def _activity(self, request: web.Request) -> web.Response:
        at = self._now()  # the same as the middleware's: nothing was awaited in between
        body = await request.json()
        if _nulls(body):
            return _invalid()
        self.posted.append(
            Posted(
                path=request.path,
                conversation_id=request.match_info["conversation_id"],
                body=body,
                authorization=request.headers.get("Authorization"),
                at=at,
            )
        )
        self._arrived.set()
        return web.json_response({"id": f"reply-{next(self._ids)}"})

    async def _create(self, request: web.Request) -> web.Response:
        at = self._now()
        parameters = await request.json()
        self.create_requests += 1
        mode = self.create_mode
        if mode is CreateMode.HANG_BEFORE_RECORDING:
            await self._hold()
            return web.json_response(
                {"error": {"code": "ServiceUnavailable", "message": "released unrecorded"}}, status=503
            )
        channel = ((parameters.get("channelData") or {}).get("channel") or {}).get("id")
        if _nulls(parameters.get("activity") or {}):
            return _invalid()
        if not parameters.get("isGroup") or not channel:
            # Only what the bot does is served here: a new thread in a channel.
            return web.json_response(
                {"error": {"code": "BadArgument", "message": "expected isGroup and channelData.channel.id"}},
                status=400,
            )
        message_id = str(next(self._ids))
        thread_id = f"{channel};messageid={message_id}"
        self.created.append(Created(thread_id, message_id, parameters))
        if parameters.get("activity"):
            self.posted.append(
                Posted(
                    path=request.path,
                    conversation_id=thread_id,
                    body=parameters["activity"],
                    authorization=request.headers.get("Authorization"),
                    at=at,
                )
            )
            self._arrived.set()
        if mode is CreateMode.HANG_AFTER_RECORDING:
            await self._hold()
        elif mode is CreateMode.DROP_AFTER_RECORDING:
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        return web.json_response({"id": thread_id, "activityId": message_id}, status=201)

    async def _hold(self) -> None:
        self.held += 1
        try:
            await self._released.wait()
        finally:
            self.held -= 1


def _nulls(activity: dict[str, Any]) -> list[str]:
    """The activity's fields sent as JSON null: its own and its accounts' (not a card's content)."""
    found = [key for key, value in activity.items() if value is None]
    for key in ("from", "recipient", "conversation"):
        account = activity.get(key)
        if isinstance(account, dict):
            found += [f"{key}.{name}" for name, value in account.items() if value is None]
    return found


def _invalid() -> web.Response:
    """The Playground's answer to an activity its schema refuses."""
    return web.json_response({"error": {"code": "BadArgument", "message": "Invalid input"}}, status=400)


def _peer(request: web.Request) -> Any:
    return request.transport.get_extra_info("peername") if request.transport is not None else None


def _page(status: int, content_type: str) -> bytes:
    """What a gateway or proxy answers: an HTML page, or a line of text."""
    reason = HTTPStatus(status).phrase
    if "html" in content_type:
        return f"<html><head><title>{status} {reason}</title></head><body>{reason}</body></html>".encode()
    return reason.encode()
