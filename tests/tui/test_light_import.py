"""Importing the app stays light: no LLM libraries, and the screens load only when first shown."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openai", "tiktoken", "httpx")
LAZY = (
    "practice_bot.tui.screens.discussion",
    "practice_bot.tui.screens.report",
    "practice_bot.session.engine",
    "textual.widgets._markdown",
)


def test_importing_the_app_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, practice_bot.tui.app\n"
        f"print(','.join(m for m in {HEAVY + LAZY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"imported at start-up: {out}"


def test_screens_do_not_import_llm_libraries_either() -> None:
    code = (
        "import sys, practice_bot.tui.screens.start, practice_bot.tui.screens.discussion\n"
        "import practice_bot.tui.screens.report, practice_bot.tui.screens.history\n"
        "import practice_bot.tui.screens.review_list, practice_bot.tui.screens.review_transcript\n"
        "import practice_bot.tui.screens.review_blind, practice_bot.tui.screens.cohort\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"imported by the screens: {out}"
