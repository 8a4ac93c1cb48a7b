"""Project contracts: headless code never imports Textual, the README's commands are the ones CI runs,
and the wheel ships the question banks and prompts."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import practice_bot

ROOT = Path(__file__).resolve().parents[1]


def headless_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(practice_bot.__path__, "practice_bot."):
        if ".tui" in info.name or info.name == "practice_bot.__main__":
            continue
        names.append(info.name)
    return names


def test_headless_code_imports_without_textual():
    modules = headless_modules()
    assert len(modules) > 40
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('headless code imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_only_the_llm_adapter_imports_openai():
    offenders = []
    for path in (ROOT / "practice_bot").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("practice_bot/llm/") or rel == "practice_bot/commands/doctor.py":
            continue
        if re.search(r"^\s*(import openai|from openai)", path.read_text(encoding="utf-8"), re.M):
            offenders.append(rel)
    assert offenders == []


def test_readme_quick_start_and_ci_agree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    start = "python3 -m venv .venv && . .venv/bin/activate && pip install . && practice-bot"
    tests = "python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && python -m pytest -q"
    assert start in readme and tests in readme
    assert "\npython -m pytest -q\n" in ci
    assert "pip install --quiet '.[test]'" in ci
    assert "ruff check" in ci and "mypy" in ci and '"$code" -eq 5' in ci


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


def test_test_modules_have_unique_names():
    """pytest's default import mode cannot collect two test modules with one basename."""
    names = [p.name for p in (ROOT / "tests").rglob("test_*.py")]
    assert sorted({n for n in names if names.count(n) > 1}) == []
