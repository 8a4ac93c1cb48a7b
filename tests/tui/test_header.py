"""The app's header survives a screen that closes while its title is changing (Textual's own Header
raises NoMatches there and ends the app; it ended a mock as the report replaced the room)."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Header as TextualHeader
from textual.widgets import Static

from practice_bot.tui.widgets.header import Header


class Titled(Screen[None]):
    def __init__(self, header: type[TextualHeader]) -> None:
        super().__init__()
        self.header = header

    def compose(self) -> ComposeResult:
        yield self.header()
        yield Static("report")

    def on_mount(self) -> None:
        self.title = "Report"


async def close_while_retitling(header: type[TextualHeader]) -> None:
    app = App[None]()
    async with app.run_test() as pilot:
        app.push_screen(Titled(header))
        await asyncio.sleep(0)
        app.sub_title = "changed"  # the header's watcher is now queued...
        app.pop_screen()  # ...and its screen goes before it runs
        await pilot.pause()


@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited")
async def test_textuals_header_has_the_race_ours_does_not() -> None:
    with pytest.raises(Exception, match="HeaderTitle"):
        await close_while_retitling(TextualHeader)
    await close_while_retitling(Header)


async def test_the_header_still_shows_title_changes() -> None:
    app = App[None]()
    async with app.run_test() as pilot:
        await app.push_screen(Titled(Header))
        await pilot.pause()
        app.screen.title = "Report - Alex"
        await pilot.pause()
        title = app.screen.query_one("HeaderTitle")
        assert "Report - Alex" in str(title.render())
