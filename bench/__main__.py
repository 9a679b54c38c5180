"""`python -m bench` (or bench/run): the bot's throughput and latency with credentials on, on botbuilder
(`bot`) and on the Microsoft 365 Agents SDK (`bot-agents`, BOT_SDK=agents), against the botbuilder SDK's
echo sample, the successor SDK's echo sample and a bare aiohttp handler (the protocol's limit), all on one
core; and `status` on a district with ten years of check-ins from 50 branches.

Every request carries an RS256 channel token signed by a loopback Entra stand-in (bench/entra.py) that the
servers' own code fetches the signing keys for and checks; every reply needs an access token from it, or the
loopback Bot Connector (bench/connector.py) refuses it. One load generator, `--senders` closed-loop senders,
runs with the stand-ins in this process on another core. Cases take turns in `--rounds` rounds, so a
machine that gets faster or slower during the run moves every figure alike. Throughput is measured with
every sender waiting (the next message posted as the reply arrives: p99 is then senders / throughput,
Little's law); the latency people see, with each of the senders writing about once per `--pace` seconds.
Budgets are checked and printed PASS/MISS; none fails the run. Linux: it pins with sched_setaffinity and
reads CPU time from /proc.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import profile, seed
from bench.connector import Connector
from bench.entra import Entra
from bench.load import Result, ask, refused, run_load
from bench.servers import Server, agents_missing, bot_server, core_busy_seconds, reference_servers

ECHO_TEXT = "mål"
CHECK_IN = "rapportera 3 1 test ja"  # goal 3 is every branch's; "ja": the same report again
BOT_COMMANDS = ("mål", "mål 6", "status", CHECK_IN)
MIN_X_BOTBUILDER, MIN_X_AGENTS, MAX_P99_MS, MAX_RSS_MB, MAX_STATUS_MS = 5.0, 1.0, 100.0, 150.0, 100.0
# The bot on the Agents SDK against that SDK's own echo bot (issue 22).
MIN_X_AGENTS_ON_AGENTS = 0.7
BOTS = ("bot", "bot-agents")


@dataclass
class Row:
    server: str
    text: str
    result: Result = field(default_factory=Result)
    tokens: int = 0  # token requests the Entra stand-in answered during its cases (warm-up included)
    sample: str = ""
    paced: Result | None = None  # the bots' commands: each sender writing about once per `--pace` seconds
    parts: dict[str, float] = field(default_factory=dict)  # bench/profile.py: where its Python time goes

    def cpu_ms(self) -> float:
        """The server's CPU time per activity, in ms: its cost whatever else shares the core."""
        return 1000 * self.result.metered.get("server", math.nan) / max(1, self.result.completed)


@dataclass
class Report:
    rows: list[Row]
    rss: dict[str, float]
    status_ms: list[float]
    seeded: int
    refused: int  # replies the Connector refused for want of a token from the stand-in
    accepted_forged: list[str]  # servers that took a message with a forged token
    notes: list[str]
    senders: int
    pace: float
    pinned: bool  # servers on one core, the load on another: what others took of each core means something

    def row(self, server: str) -> Row | None:
        return next((r for r in self.rows if r.server == server), None)

    def render(self) -> str:
        base = {name: self.row(name) for name in ("botbuilder", "agents")}
        rate = {name: row.result.per_second if row else math.nan for name, row in base.items()}
        cost = {name: row.cpu_ms() if row else math.nan for name, row in base.items()}
        head = f"{'server':11}{'command':24}{'act/s':>8}{'x bb':>7}{'x agents':>9}{'p99 ms':>8}"
        head += f"{'delivered':>14}{'peak RSS MB':>12}{'CPU ms/act':>11}{'tokens/reply':>13}{'p99 paced':>10}"
        lines = [head, "-" * len(head)]
        for row in self.rows:
            r = row.result
            lines.append(
                f"{row.server:11}{row.text:24}{r.per_second:8.1f}{_x(r.per_second, rate['botbuilder']):>7}"
                f"{_x(r.per_second, rate['agents']):>9}{r.percentile(0.99):8.1f}"
                f"{f'{r.delivered}/{r.sent}':>14}{self.rss.get(row.server, math.nan):12.1f}"
                f"{row.cpu_ms():11.2f}{row.tokens / max(1, r.delivered):13.2f}"
                + (f"{row.paced.percentile(0.99):10.1f}" if row.paced else f"{'-':>10}")
            )
        lines += ["", "replies:"] + [f"  {r.server} {r.text!r}: {r.sample[:90]}" for r in self.rows]
        lines += ["", "budgets (figures, not assertions):"]
        for row in self.rows:
            if row.server not in BOTS:
                continue
            r, paced = row.result, row.paced or Result()
            p99 = paced.percentile(0.99)
            if row.server == "bot":
                checks = [
                    _check(
                        f">={MIN_X_BOTBUILDER:g}x bb",
                        r.per_second / rate["botbuilder"],
                        MIN_X_BOTBUILDER,
                        cost["botbuilder"] / row.cpu_ms(),
                    ),
                    _check(
                        f">={MIN_X_AGENTS:g}x agents",
                        r.per_second / rate["agents"],
                        MIN_X_AGENTS,
                        cost["agents"] / row.cpu_ms(),
                    ),
                ]
            else:
                checks = [
                    _check(
                        f">={MIN_X_AGENTS_ON_AGENTS:g}x agents",
                        r.per_second / rate["agents"],
                        MIN_X_AGENTS_ON_AGENTS,
                        cost["agents"] / row.cpu_ms(),
                    )
                ]
            delivered, sent = r.delivered + paced.delivered, r.sent + paced.sent
            checks += [
                _verdict(f"p99<{MAX_P99_MS:g} ms paced", p99 < MAX_P99_MS, f"{p99:.1f}"),
                _verdict(
                    "delivered",
                    delivered == sent > 0 and not (r.http_errors or paced.http_errors),
                    f"{delivered}/{sent}",
                ),
            ]
            lines.append(f"  {row.server:10} {row.text:24}" + "  ".join(checks))
        for bot in BOTS:
            if bot in self.rss:
                rss = self.rss[bot]
                verdict = _verdict(f"peak RSS<{MAX_RSS_MB:g} MB", rss < MAX_RSS_MB, f"{rss:.1f}")
                lines.append(f"  {bot:10} {'memory':24}" + verdict)
        if self.status_ms:
            p99 = Result(latencies=[ms / 1000 for ms in self.status_ms]).percentile(0.99)
            median, worst = statistics.median(self.status_ms), max(self.status_ms)
            lines.append(
                f"  {'bot':10} {'status, 10 years':24}"
                + _verdict(
                    f"p99 of {len(self.status_ms)} < {MAX_STATUS_MS:g} ms",
                    p99 < MAX_STATUS_MS,
                    f"{p99:.1f}; median {median:.1f}, slowest {worst:.1f}",
                )
                + f"  ({self.seeded:,} check-ins from 50 branches; one sender; each right after a check-in)"
            )
        senders = self.senders
        lines.append(
            f"  note: p99 ms: {senders} senders each posting the next message as a reply arrives wait "
            f"{senders} / (activities/s) s on average (Little's law; under {MAX_P99_MS:g} ms needs over "
            f"{senders / MAX_P99_MS * 1000:.0f}/s); p99 paced: the same {senders} senders each writing about "
            f"once every {self.pace:g} s (about {senders / self.pace:.0f} messages a second in all)"
        )
        duration = sum(row.result.duration for row in self.rows)
        for meter, core in (("server", "servers' core"), ("load", "load's core")):
            others = sum(r.result.metered[f"{meter} core"] - r.result.metered[meter] for r in self.rows)
            if self.pinned:
                lines.append(f"  note: other processes took {max(0, others) / duration:.0%} of the {core}")
        if any(row.result.metered["load"] / row.result.duration > 0.9 for row in self.rows):
            lines.append(
                "  note: the load generator used its whole core in some case; that figure is a floor"
            )
        profiled = [row for row in self.rows if row.parts]
        if profiled:
            lines += ["", "where the server's Python time goes under load (bench/profile.py):"]
            lines += [
                f"  {row.server:10} {row.text:24}"
                + "  ".join(f"{part} {share:4.0%}" for part, share in row.parts.items())
                + f"  (SDK ~{row.parts['SDK'] * row.cpu_ms():.1f} of {row.cpu_ms():.1f} CPU ms/act)"
                for row in profiled
            ]
            lines.append(
                "  note: the SDK's share of the CPU time per activity is what that SDK costs this server's "
                "turn; where it alone is more than another server's whole turn, no work of the bot's own "
                "makes it as fast"
            )
        if self.accepted_forged:
            lines.append(
                f"  note: these took a message with a forged token: {', '.join(self.accepted_forged)}"
            )
        if self.refused:
            lines.append(f"  note: the Connector refused {self.refused} replies without a valid token")
        return "\n".join(lines + [f"  note: {note}" for note in self.notes])


def _x(value: float, reference: float) -> str:
    return "-" if math.isnan(reference) or not reference else f"{value / reference:.1f}"


def _check(name: str, ratio: float, needed: float, by_cpu: float) -> str:
    """A throughput ratio's verdict, with the ratio of CPU per activity beside it."""
    if math.isnan(ratio):
        return f"{name}: not measured"
    return _verdict(name, ratio >= needed, f"{ratio:.1f}x; CPU/act {by_cpu:.1f}x")


def _verdict(name: str, ok: bool, value: str) -> str:
    return f"{name}: {'PASS' if ok else 'MISS'} ({value})"


async def measure(args: argparse.Namespace) -> Report:
    cores = sorted(os.sched_getaffinity(0))
    server_core, load_core = cores[0], cores[min(1, len(cores) - 1)]
    if args.pin:
        os.sched_setaffinity(0, {load_core})
    notes = [] if len(cores) > 1 else ["one core only: the servers and the load share it"]
    if (missing := agents_missing()) is not None:
        notes.append(f"no successor SDK's echo bot, no bot on it: {missing}")
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        tmp = Path(folder)
        entra = await Entra(tmp).start()
        connector = await Connector(entra.issued).start()
        env = entra.environment()
        seed.prepare(f"sqlite:///{tmp / 'bot.db'}", args.senders).dispose()
        if missing is None:
            seed.prepare(f"sqlite:///{tmp / 'bot-agents.db'}", args.senders).dispose()
        seeded, took = seed.ten_years(f"sqlite:///{tmp / 'ten.db'}", per_year=args.per_year)
        print(f"seeded {seeded:,} check-ins (ten years, 50 branches) in {took:.1f} s", flush=True)
        servers = reference_servers(tmp, env) + [
            bot_server("bot", tmp, f"sqlite:///{tmp / 'bot.db'}", env),
            bot_server("bot-10y", tmp, f"sqlite:///{tmp / 'ten.db'}", env),
        ]
        if missing is None:
            servers.append(
                bot_server("bot-agents", tmp, f"sqlite:///{tmp / 'bot-agents.db'}", env, sdk="agents")
            )
        try:
            for server in servers:
                server.start(server_core if args.pin else None)
            await asyncio.gather(*(server.wait_ready() for server in servers))
            by_name = {server.name: server for server in servers}
            token = entra.channel_token(connector.url)
            rows = [Row(s.name, ECHO_TEXT) for s in servers if s.name not in (*BOTS, "bot-10y")]
            rows += [Row(bot, text) for bot in BOTS if bot in by_name for text in BOT_COMMANDS]
            for row in rows:
                _, row.sample = await ask(by_name[row.server].url, row.text, connector, token)
            forged = entra.channel_token(connector.url, forged=True)
            accepted = [s.name for s in servers if not await refused(s.url, connector.url, forged)]
            # Before the load (what the load leaves behind is not in it), once start-up work has settled.
            await asyncio.sleep(args.settle)
            status_ms = await status_at_scale(by_name["bot-10y"], connector, token, args.status_runs)
            print(
                f"{args.senders} senders; {args.rounds} round(s) of {args.warmup:g} s warm-up + "
                f"{args.duration / args.rounds:g} s per case; servers on core {server_core}, "
                f"load generator and stand-ins on core {load_core}",
                flush=True,
            )
            for _ in range(args.rounds):
                for row in rows:
                    server = by_name[row.server]
                    before = entra.token_requests
                    meters = {
                        "server": server.cpu_seconds,
                        "load": time.process_time,
                        "server core": lambda: core_busy_seconds(server_core),
                        "load core": lambda: core_busy_seconds(load_core),
                    }
                    result = await run_load(
                        by_name[row.server].url,
                        row.text,
                        connector,
                        token,
                        senders=args.senders,
                        warmup=args.warmup,
                        duration=args.duration / args.rounds,
                        meters=meters,
                    )
                    row.result.add(result)
                    row.tokens += entra.token_requests - before
            for row in rows:
                if row.server in BOTS:
                    row.paced = await run_load(
                        by_name[row.server].url,
                        row.text,
                        connector,
                        token,
                        senders=args.senders,
                        warmup=args.warmup + args.pace,
                        duration=args.paced,
                        pace=args.pace,
                    )
            if args.profile and profile.py_spy() is None:
                notes.append("no profile: py-spy is not installed here (the `bench` extra installs it)")
            elif args.profile:
                for row in rows:
                    row.parts = await _profiled(by_name[row.server], row.text, connector, token, args)
            rss = {server.name: server.peak_rss_mb() for server in servers}
        finally:
            for server in servers:
                server.stop()
            await connector.close()
            await entra.close()
    return Report(
        rows, rss, status_ms, seeded, connector.refused, accepted, notes, args.senders, args.pace, args.pin
    )


async def _profiled(
    server: Server, text: str, connector: Connector, token: str, args: argparse.Namespace
) -> dict[str, float]:
    """Each part's share of the server's samples while the senders wait for each reply (once warm)."""
    load = run_load(
        server.url,
        text,
        connector,
        token,
        senders=args.senders,
        warmup=0.5,
        duration=args.profile + 1.5,
    )

    async def sampled() -> dict[str, float]:
        await asyncio.sleep(1.5)
        return await profile.sample(server.pid, args.profile)

    _, parts = await asyncio.gather(load, sampled())
    return parts


async def status_at_scale(server: Server, connector: Connector, token: str, runs: int) -> list[float]:
    """`status` for the ten-year district, each right after a check-in (so no kept answer serves it)."""
    url = server.url
    await ask(url, "status", connector, token, index=1)  # warm
    timings = []
    for _ in range(runs):
        _, stored = await ask(url, CHECK_IN, connector, token, index=0)
        if not stored.startswith("Sparat"):
            raise RuntimeError(f"the check-in before `status` was not stored: {stored}")
        seconds, _ = await ask(url, "status", connector, token, index=1)
        timings.append(seconds * 1000)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round, 0.5 s warm-up + 2 s per case")
    parser.add_argument("--senders", type=int, default=32)
    parser.add_argument("--warmup", type=float, default=None, help="seconds per case and round (1)")
    parser.add_argument("--duration", type=float, default=None, help="seconds measured per case (10)")
    parser.add_argument("--rounds", type=int, default=None, help="rounds over all cases (5)")
    parser.add_argument(
        "--pace", type=float, default=1.0, help="seconds between a paced sender's messages (1)"
    )
    parser.add_argument("--paced", type=float, default=None, help="seconds measured per paced case (20)")
    parser.add_argument("--per-year", type=int, default=100, help="check-ins a year from each branch (100)")
    parser.add_argument("--status-runs", type=int, default=100, help="timed `status` runs at scale (100)")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds before measuring (2)")
    parser.add_argument(
        "--profile", type=float, default=None, help="seconds py-spy samples each case, 0: none (3)"
    )
    parser.add_argument("--no-pin", dest="pin", action="store_false", help="leave the cores to the kernel")
    args = parser.parse_args(argv)
    args.warmup = args.warmup if args.warmup is not None else (0.5 if args.quick else 1.0)
    args.duration = args.duration if args.duration is not None else (2.0 if args.quick else 10.0)
    args.rounds = args.rounds if args.rounds is not None else (1 if args.quick else 5)
    args.paced = args.paced if args.paced is not None else (4.0 if args.quick else 20.0)
    args.profile = args.profile if args.profile is not None else (1.0 if args.quick else 3.0)
    print(asyncio.run(measure(args)).render())


if __name__ == "__main__":
    main()
