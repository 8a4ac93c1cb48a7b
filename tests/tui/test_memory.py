"""A full 99-minute mock exam in the app (fake clock, offline scorer, shipped banks) stays under 150 MB
resident: runs benchmarks/memory.py in its own process so the figure is the app's alone."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "memory.py"


def test_full_mock_session_stays_under_150_mb() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCH)], capture_output=True, text=True, timeout=600, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "(timed_out)" in run.stdout and "99.0 session minutes" in run.stdout, run.stdout
    peak = float(re.search(r"peak resident memory: ([\d.]+) MB", run.stdout).group(1))  # type: ignore[union-attr]
    assert peak < 150
