"""Helpers for the app tests: build the app with test doubles, wait for a condition (never a fixed
pause), read what the screen shows."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from practice_bot.config import Settings
from practice_bot.session.clock import FakeClock
from tests.conftest import TokenScorer


def make_app(settings: Settings, clock: FakeClock | None = None, **kwargs: Any):  # type: ignore[no-untyped-def]
    from practice_bot.tui.app import PracticeApp

    return PracticeApp(
        settings, clock=clock or FakeClock(), scorer=kwargs.pop("scorer", TokenScorer()), **kwargs
    )


async def wait_until(
    pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 5.0, what: str = ""
) -> None:
    """Let the app run until `predicate()` is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        try:
            if predicate():
                return
        except Exception:  # not mounted yet, screen switching: try again
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await pilot.pause(0.02)


def screen_text(app: Any) -> str:
    """What the current screen shows, as text (exactly the strips that would reach the terminal)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def screen_name(app: Any) -> str:
    return type(app.screen).__name__


def journal_lines(folder: Path) -> str:
    files = list(folder.glob("*.journal.jsonl"))
    return "".join(p.read_text(encoding="utf-8") for p in files)


async def settle(pilot: Pilot[Any], rounds: int = 3, timeout: float = 5.0) -> None:
    """Wait until the screen stops changing (for snapshots): the same text `rounds` polls running."""
    deadline = time.monotonic() + timeout
    last, same = None, 0
    while same < rounds and time.monotonic() < deadline:
        await pilot.pause(0.02)
        now = screen_text(pilot.app)
        same = same + 1 if now == last else 0
        last = now
