"""The protocol's limit: a bare aiohttp handler that answers an activity the way a bot must, and no more.

It parses the activity, POSTs the reply to
`{serviceUrl}/v3/conversations/{conversation.id}/activities/{id}` through one pooled aiohttp ClientSession,
then answers /api/messages. No SDK, no auth, no state.

    python -m bench.bare --port 3980
"""

from __future__ import annotations

import argparse
import json
from collections.abc import AsyncIterator
from urllib.parse import quote

import aiohttp
from aiohttp import web

SESSION = web.AppKey("session", aiohttp.ClientSession)
JSON = {"Content-Type": "application/json; charset=utf-8"}


async def messages(request: web.Request) -> web.Response:
    activity = await request.json()
    if activity.get("type") != "message":
        return web.Response(status=200)
    conversation = activity["conversation"]
    reply = {
        "type": "message",
        "channelId": activity.get("channelId"),
        "serviceUrl": activity["serviceUrl"],
        "from": activity.get("recipient"),
        "recipient": activity.get("from"),
        "conversation": conversation,
        "replyToId": activity["id"],
        "text": f"Echo: {activity.get('text')}",
    }
    url = (
        f"{activity['serviceUrl'].rstrip('/')}/v3/conversations/{quote(conversation['id'], safe='')}"
        f"/activities/{quote(activity['id'], safe='')}"
    )
    session = request.app[SESSION]
    async with session.post(url, data=json.dumps(reply, ensure_ascii=False).encode(), headers=JSON) as sent:
        await sent.read()
        if sent.status >= 300:
            return web.Response(status=502)
    return web.Response(status=200)


async def _session(app: web.Application) -> AsyncIterator[None]:
    app[SESSION] = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100))
    yield
    await app[SESSION].close()


def create_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_session)
    app.router.add_post("/api/messages", messages)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=3980)
    port = parser.parse_args().port
    web.run_app(create_app(), host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
