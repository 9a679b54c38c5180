"""Talking to the real app over HTTP, as Teams does: send a message from Megan, read the reply the app
POSTs to the fake Bot Connector."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from tests.fakes import activities
from tests.fakes.connector import FakeConnector


async def ask(
    client: TestClient, connector: FakeConnector, text: str, *, channel: bool = False, locale: str = "en-US"
) -> dict[str, Any]:
    """Send `text` from Megan and return the reply's body."""
    make = activities.channel_mention if channel else activities.personal_message
    before = len(connector.posted)
    response = await client.post("/api/messages", json=make(text, service_url=connector.url, locale=locale))
    assert response.status in (200, 201)
    posted = await connector.wait_for(before + 1)
    return posted[before].body


def card_of(body: dict[str, Any]) -> dict[str, Any]:
    [attachment] = body["attachments"]
    return dict(attachment["content"])


def reply_text(body: dict[str, Any]) -> str:
    if body.get("attachments"):
        return str(card_of(body)["fallbackText"])
    return str(body.get("text") or "")
