"""Hostile input against the real aiohttp app: refused with a 4xx, no traceback, no memory growth."""

from __future__ import annotations

import gc
import json
import logging
import tracemalloc
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlmodel import select

from bot import sdk
from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.db.models import Person
from bot.i18n import strip_invisible
from bot.services.export import neutralise
from tests.conftest import fixed_clock
from tests.fakes import activities
from tests.fakes.connector import FakeConnector


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(settings, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


class Bad(logging.Handler):
    """Counts log records that are errors or carry a traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR:
            self.count += 1


def _with(base: dict[str, Any], **changes: Any) -> bytes:
    return json.dumps({**base, **changes}).encode()


def hostile_bodies(service_url: str) -> Iterator[tuple[str, bytes]]:
    """(kind, body): each a request the server must refuse with a 4xx."""
    base = activities.personal_message("hjälp", service_url=service_url)
    base.pop("id")
    wrong_types: list[dict[str, Any]] = [
        {"entities": "x"},
        {"entities": [1, "x", None]},
        {"entities": {"type": "mention"}},
        {"from": "29:user"},
        {"from": [1]},
        {"attachments": "file"},
        {"attachments": [1]},
        {"timestamp": "yesterday"},
        {"timestamp": 170000},
        {"timestamp": []},
        {"membersAdded": "28:bot"},
        {"membersAdded": {"id": "28:bot"}},
        {"membersAdded": [1, 2]},
        {"recipient": True},
        {"conversation": {"id": "a:1", "isGroup": "maybe"}},
        {"text": {"a": 1}},
        {"text": 12},
        {"locale": ["sv"]},
        {"from": {"id": {"x": 1}, "name": "Kim"}},
        {"from": {"id": "29:kim", "name": 5}},
        {"conversation": {"id": ["a:1"]}},
        {"recipient": {"id": 28}},
    ]
    for changes in wrong_types:
        yield "wrong type", _with(base, **changes)
    for field in ("value", "channelData", "entities", "text"):
        deep = "[" * 3000 + "]" * 3000
        yield "deep", json.dumps(base)[:-1].encode() + f', "{field}": {deep}}}'.encode()
    for field in ("text", "locale", "id"):
        yield "surrogate", json.dumps(base)[:-1].encode() + f', "{field}": "a\\ud800b"}}'.encode()
        yield "nul", json.dumps(base)[:-1].encode() + f', "{field}": "a\\u0000b"}}'.encode()
    yield "surrogate key", json.dumps(base)[:-1].encode() + b', "channelData": {"\\udfff": 1}}'
    yield "not json", b"{" + b"x" * 1000
    yield "invalid utf-8", b'{"type": "message", "text": "\xff\xfe"}'
    yield "not an object", b"[1, 2, 3]"
    yield "missing", b'{"type": "message"}'
    yield "other host", _with(base, serviceUrl="https://attacker.example/")


async def test_thousands_of_hostile_requests_get_4xx_no_traceback_and_no_memory_growth(
    client: TestClient, connector: FakeConnector
) -> None:
    bodies = list(hostile_bodies(connector.url))
    headers = {"Content-Type": "application/json"}

    url = client.make_url("/api/messages")
    # A session of its own: the TestClient keeps every response it made, which would be counted as growth.
    session = aiohttp.ClientSession()

    async def round_() -> Counter[tuple[str, int]]:
        seen: Counter[tuple[str, int]] = Counter()
        for kind, body in bodies:
            async with session.post(url, data=body, headers=headers) as response:
                await response.read()
                seen[kind, response.status] += 1
        return seen

    # Counted, not kept: pytest's own capture would hold every record and grow with the requests.
    bad = Bad()
    logging.getLogger().addHandler(bad)
    for _ in range(5):  # warm up: caches, the SDK's lazy imports, the connection pool
        await round_()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    statuses: Counter[tuple[str, int]] = Counter()
    rounds = -(-3000 // len(bodies))
    for _ in range(rounds):
        statuses += await round_()
    gc.collect()
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()

    assert sum(statuses.values()) >= 3000
    assert all(400 <= status < 500 for _, status in statuses), statuses
    assert connector.received == []
    logging.getLogger().removeHandler(bad)
    await session.close()
    assert bad.count == 0
    assert grown < 4 * 1024 * 1024, f"grew {grown / 1e6:.1f} MB over {sum(statuses.values())} requests"


async def test_with_credentials_an_unsigned_request_is_refused_before_its_body_is_read(
    settings: Settings, connector: FakeConnector
) -> None:
    secured = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=settings.database_url,
        MicrosoftAppId="00000000-0000-0000-0000-00000000b07a",
        MicrosoftAppPassword="secret",
        MicrosoftAppTenantId="00000000-0000-0000-0000-0000000000aa",
    )
    client = TestClient(TestServer(create_app(secured, clock=fixed_clock), host="127.0.0.1"))
    await client.start_server()
    try:
        # Garbage a parser would answer with 400: the token is looked at first, so it is a 401.
        for body in (b"{" * 100_000, b"\xff" * 10, b'{"type": "message"}'):
            response = await client.post(
                "/api/messages", data=body, headers={"Content-Type": "application/json"}
            )
            assert response.status == 401
    finally:
        await client.close()
    assert connector.received == []


def test_nesting_is_measured_outside_strings() -> None:
    assert not sdk.too_deep(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')
    assert not sdk.too_deep(b'{"a": "\\"[[[["}', limit=2)
    assert sdk.too_deep(b"[[[1]]]", limit=2)
    assert not sdk.too_deep(b"[[1],[2],[3]]", limit=2)


@pytest.mark.parametrize(
    ("url", "known"),
    [
        ("https://smba.trafficmanager.net/emea/", True),
        ("https://europe.webchat.botframework.com/", True),
        ("http://127.0.0.1:3978/_connector", True),
        ("http://localhost:5000/", True),
        ("http://[::1]:5000/", True),
        ("http://smba.trafficmanager.net/emea/", False),
        ("https://evil.trafficmanager.net/", False),
        ("https://botframework.com.attacker.example/", False),
        ("https://attacker.example/?x=.botframework.com", False),
        ("https://10.0.0.1/", False),
        ("not a url", False),
        ("http://[::1", False),
    ],
)
def test_replies_without_credentials_go_only_to_loopback_and_the_service(url: str, known: bool) -> None:
    assert sdk.known_service_url(url) is known


async def test_without_credentials_an_unknown_service_url_gets_no_reply_and_is_logged(
    client: TestClient, connector: FakeConnector, caplog: pytest.LogCaptureFixture
) -> None:
    activity = activities.personal_message("hjälp", service_url="https://attacker.example/")
    response = await client.post("/api/messages", json=activity)
    assert response.status == 403
    assert connector.received == []
    assert "attacker.example" in caplog.text


async def test_replies_are_plain_text_so_what_a_user_wrote_is_not_rendered(
    client: TestClient, connector: FakeConnector
) -> None:
    activity = activities.personal_message(
        "[Logga in här](https://evil.example/) **hej**", service_url=connector.url
    )
    response = await client.post("/api/messages", json=activity)
    assert response.status == 201
    [reply] = connector.posted
    assert reply.body.get("textFormat") == "plain"


async def test_invisible_controls_are_removed_before_anything_is_stored(
    client: TestClient, connector: FakeConnector
) -> None:
    activity = activities.personal_message("hjälp\u2066", service_url=connector.url)
    activity["from"]["name"] = "Meg\u202ean\u200f Bowen\u0007"
    assert (await client.post("/api/messages", json=activity)).status == 201
    with client.app[COMPONENTS].database.read() as session:
        names = session.exec(select(Person.name)).all()
    assert names == ["Megan Bowen"]


def test_strip_invisible_keeps_what_is_seen() -> None:
    assert strip_invisible("a\u202egpj.exe\u200b\u2069\ufeff\x1b\ud800") == "agpj.exe"
    assert strip_invisible("rad 1\nrad 2\tflik 👩\u200d👩\u200d👧") == "rad 1\nrad 2\tflik 👩\u200d👩\u200d👧"


def test_a_csv_cell_cannot_hide_a_formula_or_reorder_text() -> None:
    assert neutralise("\u202e=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("Sundsvall\u200f") == "Sundsvall"
