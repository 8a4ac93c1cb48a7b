"""Where the shipped data lives: inside the wheel (practice_bot/_data) or at the top of a source checkout."""

from __future__ import annotations

import json
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
RUBRIC_FILE = _PACKAGE / "rubric" / "standard.json"


def data_dir(name: str) -> Path:
    """The folder of shipped data called `name` (question_banks or prompts)."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def topic_names() -> list[tuple[str, str]]:
    """(id, name) of the standard's topics, in order, read without the rubric's models: the start
    screen lists them in its first frame, before pydantic is imported."""
    data = json.loads(RUBRIC_FILE.read_text(encoding="utf-8"))
    return [(t["id"], t["name"]) for t in data["topics"]]
