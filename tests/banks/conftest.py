"""Helpers for the question-bank tests: bank files written to a temporary folder, the real CLI run."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from practice_bot.rubric import Rubric, load_rubric


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    return load_rubric()


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs `python -m practice_bot ARGS` with no user config and a clean PRACTICE_BOT_* environment."""

    def run(
        *args: str | Path, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        clean = {k: v for k, v in os.environ.items() if not k.startswith("PRACTICE_BOT_")}
        clean["PRACTICE_BOT_CONFIG"] = str(tmp_path / "no-config.toml")
        clean.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "practice_bot", *map(str, args)],
            capture_output=True,
            text=True,
            env=clean,
            timeout=60,
        )

    return run
