"""The scoring benchmark runs and prints its figures (they are claims in the README, so the script
must keep working); the figures themselves are not asserted: they depend on the machine."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def test_speed_benchmark_prints_p50_and_p99_per_answer() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "offline_scoring.py"), "--answers", "20"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert re.search(
        r"20 answers of 300 words of unseen text \(\d+\.\d% of sentences unique\).*pure Python: "
        r"p50 \d+\.\d ms, p99 \d+\.\d ms per answer",
        done.stdout,
    ), done.stdout
