"""The start screen does its work once: the recent sessions are read once when the app starts (not once
when the screen mounts and again when it is first shown), and again when the learner comes back to it.
Garbage collection, paused while bare `practice-bot` starts, resumes once the screen is complete.
Timings are in benchmarks/learner_speed.py, not here."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from practice_bot.config import Settings
from practice_bot.prefs import Prefs, save_prefs
from practice_bot.records import listing
from tests.tui.test_snapshots import past_sessions
from tests.tui.tui_testkit import make_app, screen_name, screen_text, settle, wait_until


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders the recent list was read from, one per reading."""
    seen: list[Path] = []
    real = listing.list_rows

    def counted(folder: Path) -> tuple[list[listing.SessionRow], list[str]]:
        seen.append(folder)
        return real(folder)

    monkeypatch.setattr(listing, "list_rows", counted)
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


@pytest.fixture
def collection_paused() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_bare_start_pauses_garbage_collection_while_the_app_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import practice_bot.tui.app as app_module
    from practice_bot.cli import main

    during: list[bool] = []

    def fake_run(settings: object, **kwargs: object) -> int:
        during.append(gc.isenabled())
        return 0

    monkeypatch.setattr(app_module, "run", fake_run)
    assert main([]) == 0
    assert during == [False]
    assert gc.isenabled()  # and on again once the app has closed, whatever happened in it


@pytest.mark.usefixtures("collection_paused")
async def test_the_start_screen_resumes_garbage_collection_once_complete(
    settings: Settings,
) -> None:
    past_sessions(settings)
    app = make_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, gc.isenabled, what="collection resumed")
        assert "UNFINISHED" in screen_text(app)  # the recent sessions are listed


@pytest.mark.usefixtures("collection_paused")
async def test_leaving_the_start_screen_resumes_garbage_collection(settings: Settings) -> None:
    from practice_bot.tui.screens.dialogs import ConfirmScreen

    app = make_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.recent_listed and gc.isenabled())
        gc.disable()  # as if the list were still being read
        await app.push_screen(ConfirmScreen("Quit now?", "Sure?", yes="Quit", no="Stay"))
        await wait_until(pilot, gc.isenabled, what="collection resumed")


async def test_the_name_box_is_focused_first_not_after_the_scrolling_container(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each focus change restyles the screen (:focus-within): the start focuses once, on the name."""
    from textual.screen import Screen

    focused: list[str] = []
    real = Screen.set_focus

    def spy(self: Screen[object], widget: object, *args: object, **kwargs: object) -> None:
        if widget is not None:
            focused.append(str(getattr(widget, "id", "")))
        real(self, widget, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "set_focus", spy)
    app = make_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.recent_listed)
        await settle(pilot)
        assert set(focused) == {"name"}
        assert app.focused is app.screen.query_one("#name")
