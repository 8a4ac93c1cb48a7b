"""Helpers for the app tests: build the app with test doubles, wait for a condition (on the app's
work, never a fixed pause), read what the screen shows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerState

from practice_bot.config import Settings
from practice_bot.session.clock import FakeClock
from tests.conftest import TokenScorer


def make_app(settings: Settings, clock: FakeClock | None = None, **kwargs: Any):  # type: ignore[no-untyped-def]
    from practice_bot.tui.app import PracticeApp

    return PracticeApp(
        settings, clock=clock or FakeClock(), scorer=kwargs.pop("scorer", TokenScorer()), **kwargs
    )


async def wait_until(
    pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 30.0, what: str = ""
) -> None:
    """Let the app run until `predicate()` is true. Between checks the app handles what is pending
    and, if workers are running (scoring, a question being written, a folder read), the wait is on
    them finishing, not on a clock. `timeout` only bounds a test that would otherwise hang; when it
    runs out, the predicate's last exception is raised (with what was awaited), else an
    AssertionError."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while True:
        await pilot.pause()
        try:
            if predicate():
                return
            last = None
        except Exception as exc:  # not mounted yet, screen switching: check again
            last = exc
        if time.monotonic() > deadline:
            if last is not None:
                last.add_note(f"while waiting for {what or predicate}")
                raise last
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await _workers_or_a_moment(pilot.app, deadline)


async def _workers_or_a_moment(app: Any, deadline: float) -> None:
    """Wait until one of the app's running workers finishes (bounded by `deadline`), or, with none
    running, for the next message or timer (a short pause)."""
    running = [w for w in app.workers if w.state == WorkerState.RUNNING and w._task is not None]
    if not running:
        await asyncio.sleep(0.01)
        return
    # asyncio.wait never cancels what it waits on: the workers carry on whatever happens here.
    await asyncio.wait(
        [w._task for w in running],
        timeout=max(deadline - time.monotonic(), 0.0),
        return_when=asyncio.FIRST_COMPLETED,
    )


def screen_text(app: Any) -> str:
    """What the current screen shows, as text (exactly the strips that would reach the terminal)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def screen_name(app: Any) -> str:
    return type(app.screen).__name__


def journal_lines(folder: Path) -> str:
    files = list(folder.glob("*.journal.jsonl"))
    return "".join(p.read_text(encoding="utf-8") for p in files)


async def settle(pilot: Pilot[Any], rounds: int = 3, timeout: float = 30.0) -> None:
    """Wait until the screen stops changing (for snapshots): the same text `rounds` polls running.
    A screen still changing when `timeout` runs out fails here, showing it, not as a snapshot diff."""
    deadline = time.monotonic() + timeout
    last, same = None, 0
    while same < rounds:
        if time.monotonic() > deadline:
            raise AssertionError(f"the screen was still changing after {timeout:g} s:\n{last}")
        await pilot.pause()
        await _workers_or_a_moment(pilot.app, deadline)
        now = screen_text(pilot.app)
        same = same + 1 if now == last else 0
        last = now
