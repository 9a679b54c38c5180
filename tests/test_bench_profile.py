"""bench/profile.py: where a server's Python time goes, by the part of the stack each sample is in."""

from __future__ import annotations

import asyncio
import sys

import pytest

from bench.__main__ import Report, Row
from bench.load import Result
from bench.profile import part_of, py_spy, sample, shares

SDK_SEND = (
    "run (/srv/bot/__main__.py:3);_run (/py/asyncio/events.py:80);send (/srv/bot/sdk/bb.py:300);"
    "body (/venv/site-packages/msrest/serialization.py:600);deepcopy (/py/copy.py:128)"
)
QUERY = (
    "run (/py/threading.py:1);status (/srv/bot/services/checkin_desk.py:40);"
    "execute (/venv/site-packages/sqlalchemy/engine/base.py:1400)"
)
OWN = "run (/py/asyncio/events.py:8);standing (/srv/bot/services/progress.py:9);loads (/py/json.py:1)"


def test_each_sample_counts_for_the_innermost_part_it_is_in() -> None:
    assert part_of(SDK_SEND) == "SDK"  # copy.deepcopy counts for msrest, which called it
    assert part_of(QUERY) == "database"
    assert part_of(OWN) == "bot"
    assert part_of("_run (/py/asyncio/events.py:80);select (/py/selectors.py:1)") == "HTTP, loop"
    assert part_of("<module> (<string>:1)") is None


def test_the_shares_of_py_spys_raw_output_add_up() -> None:
    raw = f"{SDK_SEND} 6\n{QUERY} 2\n{OWN} 1\n<module> (<string>:1) 1\n"
    parts = shares(raw)
    assert parts == {"SDK": 0.6, "database": 0.2, "bot": 0.1, "HTTP, loop": 0.0, "other": 0.1}
    assert shares("") == {}


async def test_it_samples_a_running_process() -> None:
    if py_spy() is None:
        pytest.skip("py-spy is not installed (the bench and dev extras install it)")
    busy = await asyncio.create_subprocess_exec(sys.executable, "-c", "while True: sum(range(1000))")
    try:
        parts = await sample(busy.pid, 1)
    finally:
        busy.kill()
        await busy.wait()
    if not parts:
        pytest.skip("py-spy may not attach to a process here (ptrace not allowed)")
    assert sum(parts.values()) == pytest.approx(1.0) and parts["other"] > 0.9


def test_the_report_says_what_the_sdk_costs_each_turn() -> None:
    meters = {"server": 1.0, "load": 0.5, "server core": 1.0, "load core": 0.5}
    result = Result(sent=200, delivered=200, completed=200, duration=1.0, metered=meters)
    parts = {"SDK": 0.6, "database": 0.2, "bot": 0.1, "HTTP, loop": 0.1, "other": 0.0}
    row = Row("bot", "mål", result=result, parts=parts)
    report = Report([row], {}, [], 0, 0, [], [], 32, 1.0, False)
    assert "SDK  60%" in report.render() and "(SDK ~3.0 of 5.0 CPU ms/act)" in report.render()
