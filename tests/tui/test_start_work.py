"""The start screen does its work once: the recent sessions are read once when the app starts (not once
when the screen mounts and again when it is first shown), and again when the learner comes back to it.
Timings are in benchmarks/learner_speed.py, not here."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.config import Settings
from practice_bot.prefs import Prefs, save_prefs
from practice_bot.records import store
from tests.tui.test_snapshots import past_sessions
from tests.tui.tui_testkit import make_app, screen_name, screen_text, settle, wait_until


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders the recent list was read from, one per reading."""
    seen: list[Path] = []
    real = store.list_transcripts

    def counted(folder: Path) -> tuple[list[store.Entry], list[str]]:
        seen.append(folder)
        return real(folder)

    monkeypatch.setattr(store, "list_transcripts", counted)
    return seen


async def test_the_recent_sessions_are_read_once_at_start(
    settings: Settings, readings: list[Path]
) -> None:
    save_prefs(Prefs(name="Alex Doe"))
    past_sessions(settings)
    app = make_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: "UNFINISHED" in screen_text(app), what="recent list")
        await settle(pilot)
        assert readings == [settings.transcripts]
        await pilot.press("f4")  # history, then back: the list is read again
        await wait_until(pilot, lambda: screen_name(app) == "HistoryScreen")
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "StartScreen" and len(readings) > 1)
        assert "UNFINISHED" in screen_text(app)
