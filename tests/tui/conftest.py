"""App test fixtures: deterministic sessions (synthetic banks, a fixed transcript id), a transcripts
folder and offline settings. Helpers live in tui_testkit.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.config import Settings
from practice_bot.rubric import load_rubric
from practice_bot.session.clock import FakeClock
from tests.conftest import synthetic_banks


@pytest.fixture(autouse=True)
def deterministic_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Synthetic banks (tests never depend on the shipped wording) and a fixed transcript id."""
    import practice_bot.session.factory as factory

    monkeypatch.setattr(factory, "_banks", lambda settings: synthetic_banks(load_rubric()))
    monkeypatch.setattr(factory, "new_transcript_id", lambda: "0000beef")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "transcripts"


@pytest.fixture
def settings(folder: Path) -> Settings:
    return Settings(transcripts=folder, scorer="offline")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
