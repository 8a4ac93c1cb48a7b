"""The scoring benchmarks run and print their figure (their numbers are claims in the README, so the
scripts must keep working); the figures themselves are not asserted: they depend on the machine."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def test_speed_benchmark_prints_answers_per_second() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "offline_scoring.py"), "--answers", "20", "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert re.search(
        r"unseen text \(\d+\.\d% of sentences unique\).*[\d,]+ answers/second", done.stdout
    )
    assert "secondary, NOT the speed on real answers" in done.stdout


def test_instruction_benchmark_scores_its_answers_in_the_child() -> None:
    # The part valgrind counts: scoring N unseen answers. (valgrind itself is too slow for the suite.)
    done = subprocess.run(
        [sys.executable, str(BENCH / "scoring_instructions.py"), "--child", "3"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
