"""A smoke test of bench/: the whole harness under a tiny load for a few seconds, so it cannot rot.
Functional checks only (every reply delivered, with a token the stand-in issued); no timing assertions."""

from __future__ import annotations

import pytest

from bench.__main__ import BOT_COMMANDS, main, measure
from bench.servers import agents_missing


async def test_the_harness_runs_every_case_with_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    args = argparse.Namespace(
        senders=2,
        warmup=0.2,
        duration=0.5,
        rounds=1,
        pace=0.2,
        paced=0.5,
        per_year=2,
        status_runs=2,
        settle=0,
        pin=False,
        profile=0,  # tests/test_bench_profile.py
    )

    report = await measure(args)

    servers = ["botbuilder", "bare"] if agents_missing() else ["botbuilder", "agents", "bare"]
    bots = ["bot"] if agents_missing() else ["bot", "bot-agents"]
    assert [row.server for row in report.rows] == servers + [b for b in bots for _ in BOT_COMMANDS]
    assert report.refused == 0  # every reply carried a token from the Entra stand-in
    assert report.accepted_forged == []  # every server checks the token's signature
    for row in report.rows:
        assert row.result.delivered == row.result.sent, row
        assert row.result.http_errors == 0, row
        # the bots' commands again with each sender writing at a pace: the latency people see
        assert (row.paced is not None) == (row.server in bots), row
        if row.paced is not None:
            assert row.paced.delivered == row.paced.sent > 0 and row.paced.latencies, row
    echoes = [row.sample for row in report.rows if not row.server.startswith("bot")]
    assert echoes == ["Echo: mål"] * len(echoes)
    assert "Sparat" in report.rows[-1].sample  # the chair's check-in was stored, not refused
    assert report.seeded == 50 * 2 * 10 and len(report.status_ms) == 2
    text = report.render()
    assert "budgets" in text and "peak RSS" in text and text.count("bot ") >= len(BOT_COMMANDS)


def test_the_command_line_knows_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--quick" in capsys.readouterr().out
