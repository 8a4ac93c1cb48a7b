"""Project contracts: the README's commands are the ones CI runs, and the wheel ships the question banks
and prompts. The layer rules (headless code never imports Textual, only llm/ imports openai) are
import-linter contracts in pyproject.toml, checked by `lint-imports` in .ci/run."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_readme_quick_start_and_ci_agree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    start = "python3 -m venv .venv && . .venv/bin/activate && pip install . && practice-bot"
    tests = "python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && python -m pytest -q"
    assert start in readme and tests in readme
    assert "\npython -m pytest -q\n" in ci
    assert "pip install --quiet '.[test]'" in ci
    assert "ruff check" in ci and "mypy" in ci and '"$code" -eq 5' in ci
    assert "\nlint-imports\n" in ci  # the layer contracts in pyproject.toml


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source tree")
def test_wheel_ships_banks_and_prompts(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )  # fmt: skip
    if out.returncode != 0 and "hatchling" in out.stderr:
        pytest.skip("hatchling is not installed in this environment")
    assert out.returncode == 0, out.stderr
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    banks = [
        n
        for n in names
        if n.startswith("practice_bot/_data/question_banks/") and n.endswith(".toml")
    ]
    prompts = [
        n for n in names if n.startswith("practice_bot/_data/prompts/") and n.endswith(".md")
    ]
    assert len(banks) == 11 and len(prompts) >= 3
    assert "practice_bot/rubric/standard.json" in names
    assert "practice_bot/scoring/rules/model-scoping.toml" in names  # the offline scorer's rules
    # a plain pure-Python wheel: nothing compiled
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
