"""The app tests' wait helper: it returns once a worker's result is on screen, and when it gives up it
says why, with the predicate's own last exception rather than a bare timeout."""

from __future__ import annotations

import threading

import pytest
from textual import work
from textual.app import App, ComposeResult
from textual.widgets import Static

from tests.tui.tui_testkit import settle, wait_until


class Slow(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.go = threading.Event()

    def compose(self) -> ComposeResult:
        yield Static("waiting", id="out")

    def on_mount(self) -> None:
        self.slow_work()

    @work(thread=True)
    def slow_work(self) -> None:
        self.go.wait(10)
        self.call_from_thread(self.query_one("#out", Static).update, "done")


async def test_waits_for_the_worker() -> None:
    app = Slow()
    async with app.run_test() as pilot:
        threading.Timer(0.3, app.go.set).start()
        await wait_until(pilot, lambda: "done" in str(app.query_one("#out", Static).render()))


async def test_gives_up_with_the_predicates_last_exception() -> None:
    app = Slow()
    async with app.run_test() as pilot:
        with pytest.raises(KeyError, match="nothing here") as caught:
            await wait_until(pilot, lambda: {}["nothing here"], timeout=0.3, what="a key")
        assert "while waiting for a key" in caught.value.__notes__
        with pytest.raises(AssertionError, match="timed out waiting for never"):
            await wait_until(pilot, lambda: False, timeout=0.3, what="never")
        app.go.set()


async def test_settle_fails_on_a_screen_that_keeps_changing() -> None:
    app = Slow()
    async with app.run_test() as pilot:
        app.go.set()
        ticks = iter(range(10**6))
        timer = app.set_interval(
            0.01, lambda: app.query_one("#out", Static).update(str(next(ticks)))
        )
        with pytest.raises(AssertionError, match=r"still changing after 0\.5 s"):
            await settle(pilot, timeout=0.5)
        # stopped before the app closes: a tick during teardown finds no "#out" and fails the app
        timer.stop()
