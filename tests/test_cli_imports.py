"""What each way in imports: a command's help needs neither the app nor an LLM or audio library, and
bare `practice-bot` reaches the app with its settings loaded but without the parser or anything the
start screen does not draw with. Checked in a fresh interpreter (`sys.modules`), as a learner's start
would be."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("textual", "openai", "httpx", "numpy", "sounddevice", "tiktoken", "pydantic")

HELP = """
import sys
from practice_bot.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
print(",".join(sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[1:]))) or "none")
"""

BARE = """
import sys
import practice_bot.tui.app as app_module
from practice_bot.cli import main

def fake_run(settings, **kwargs):
    names = {m.split(".")[0] for m in sys.modules} | set(sys.modules)
    print(type(settings).__name__, ",".join(sorted(names & set(sys.argv[1:]))) or "none")
    return 0

app_module.run = fake_run
main([])
"""


def run(code: str, *names: str, tmp: Path) -> str:
    env = {**os.environ, "PRACTICE_BOT_DATA_DIR": str(tmp)}
    done = subprocess.run(
        [sys.executable, "-c", code, *names], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip().splitlines()[-1]


def test_a_commands_help_imports_no_app_and_no_llm_or_audio_library(tmp_path: Path) -> None:
    assert run(HELP, *HEAVY, tmp=tmp_path) == "none"


def test_the_start_screen_path_loads_the_settings_but_no_parser_or_llm(tmp_path: Path) -> None:
    # (argparse itself comes with pydantic-settings; the parser is the command modules)
    unwanted = ("practice_bot.commands", "openai", "httpx", "numpy", "tiktoken")
    unwanted += ("practice_bot.records.schema",)
    # the app is handed its settings loaded (its first frame is complete), not a loader
    assert run(BARE, *unwanted, tmp=tmp_path) == "Settings none"
