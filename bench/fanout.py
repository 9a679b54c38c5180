"""`python -m bench.fanout [--channels N]`: one discussion prompt to N channels through the bot's Notifier.

The real Notifier (bot/notifier.py) starts a thread in every channel at once through a real CloudAdapter,
as the scheduler does when many channels' prompts fall due together, against a recording Bot Connector
(bench/connector.py, its own process on the other core, like the real one) that enforces Teams' limits
(7 sends per second per conversation, about 50 requests per second per app) and answers 429 with
Retry-After beyond them. Teams' limits make N / 50 seconds the least it can take.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from bench.connector import Limits
from bench.load import BOT, TENANT
from bench.servers import Server, free_port, split_cores
from bot.cards.prompts import prompt_post
from bot.i18n import translator
from bot.notifier import TEAMS_LIMITS, Notifier, RateLimits
from bot.services.prompting import PromptSlot, SlotStatus

TARGET_RATIO = 1.2
TEAMS = Limits()  # what the connector enforces: 7 / s per conversation, 50 / s per app
PROMPT = "Vilket av årets mål borde vår förening ta sig an först, och vad behöver vi för att lyckas?"
BENCH_SLOT = PromptSlot(
    1,
    1,
    datetime(2027, 3, 1, tzinfo=UTC),
    SlotStatus.PLANNED,
    owner_id=1,
    owner_name="Bench",
    text=PROMPT,
    text_by=1,
    writer_name="Bench",
)


class LocalDevelopment:
    """The SDK's settings without credentials (MultiTenant: the only mode that signs nothing)."""

    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


def channel_reference(index: int, service_url: str) -> dict[str, Any]:
    """A channel's conversation reference, as bot/teams.py stores it when the bot is added to a team."""
    return {
        "bot": BOT,
        "conversation": {
            "id": f"19:bench-channel-{index}@thread.tacv2",
            "conversationType": "channel",
            "isGroup": True,
            "tenantId": TENANT,
        },
        "channelId": "msteams",
        "locale": "sv-SE",
        "serviceUrl": service_url,
    }


@dataclass
class FanoutResult:
    channels: int
    delivered: int  # channels with a new thread
    duplicates: int  # threads beyond the first in a channel
    throttled: int  # 429s the connector answered
    failed: Counter[str] = field(default_factory=Counter)  # start_thread errors by type
    elapsed: float = 0.0
    minimum: float = 0.0  # what the app-wide limit alone makes necessary
    cpu: float = 0.0  # CPU seconds this process used (notifier, SDK and connector)

    @property
    def ratio(self) -> float:
        return self.elapsed / self.minimum

    def report(self) -> str:
        verdict = "PASS" if self.ratio <= TARGET_RATIO else "MISS"
        failed = ", ".join(f"{n} {name}" for name, n in self.failed.items()) or "none"
        return "\n".join(
            [
                f"channels        {self.channels}",
                f"delivered       {self.delivered}",
                f"duplicates      {self.duplicates}",
                f"failed          {failed}",
                f"429s received   {self.throttled}",
                f"elapsed         {self.elapsed:.2f} s",
                f"minimum         {self.minimum:.2f} s ({self.channels} requests at the app's limit)",
                f"ratio           {self.ratio:.2f} (target <= {TARGET_RATIO:g}): {verdict}",
                f"CPU             {self.cpu:.2f} s ({100 * self.cpu / self.elapsed:.0f} % of one core)",
            ]
        )


async def fanout(channels: int, *, limits: Limits = TEAMS, pacing: RateLimits = TEAMS_LIMITS) -> FanoutResult:
    """Start a thread with one prompt in each of `channels` channels, all at once; see the module docstring.

    `limits` are what the connector enforces, `pacing` what the Notifier paces itself to (Teams' own).
    """
    _, connector_core = split_cores()
    with tempfile.TemporaryDirectory(prefix="bench-fanout-") as tmp:
        port = free_port()
        connector = Server(
            "connector",
            "bench.connector",
            ["--port", str(port), "--per-conversation", str(limits.per_conversation)]
            + ["--overall", str(limits.overall), "--seconds", str(limits.seconds)],
            port,
            Path(tmp),
            ready_path="/stats",
        )
        connector.start(connector_core)
        try:
            await connector.wait_ready()
            service_url = f"http://127.0.0.1:{port}/"
            adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(LocalDevelopment()))
            notifier = Notifier(adapter, "", limits=pacing)
            post = prompt_post(translator("sv"), PROMPT, slot=BENCH_SLOT, from_bank=False)
            references = [channel_reference(i, service_url) for i in range(channels)]
            started, cpu = time.perf_counter(), time.process_time()
            outcomes = await asyncio.gather(
                *(notifier.start_thread(reference, post) for reference in references), return_exceptions=True
            )
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            async with aiohttp.ClientSession() as session, session.get(f"{service_url}stats") as response:
                stats = await response.json()
        finally:
            connector.stop()
    threads: dict[str, int] = stats["threads"]
    return FanoutResult(
        channels=channels,
        delivered=len(threads),
        duplicates=sum(n - 1 for n in threads.values()),
        throttled=stats["throttled"],
        failed=Counter(type(o).__name__ for o in outcomes if isinstance(o, BaseException)),
        elapsed=elapsed,
        minimum=channels / limits.overall * limits.seconds,
        cpu=cpu,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fanout", description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=1000, help="how many channels (default: %(default)s)")
    args = parser.parse_args(argv)
    # Each retry is counted as a 429 in the report; the notifier's line per retry would drown it.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("bot.notifier").setLevel(logging.ERROR)
    notifier_core, connector_core = split_cores()
    os.sched_setaffinity(0, {notifier_core})
    print(f"one prompt to {args.channels} channels through the Notifier, against Teams' limits ...")
    print(f"notifier on core {notifier_core}, connector on core {connector_core}")
    print(asyncio.run(fanout(args.channels)).report())


if __name__ == "__main__":
    main()
