"""The screens' header drops a title that arrives while it is being taken down; Textual's own header
fails the app then (seen when a test closed the app the moment the report appeared)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Header as TextualHeader

from practice_bot.tui.widgets.header import Header


def app_with(header: type[Widget]) -> App[None]:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield header()

    return One()


async def retitle_while_taken_down(app: App[None]) -> None:
    async with app.run_test() as pilot:
        await app.query_one("HeaderTitle").remove()
        app.screen.title = "a new title"
        await pilot.pause()


async def test_a_late_title_is_dropped() -> None:
    app = app_with(Header)
    await retitle_while_taken_down(app)
    assert app.return_code in (0, None)


async def test_textuals_header_fails_there() -> None:
    with pytest.raises(NoMatches):
        await retitle_while_taken_down(app_with(TextualHeader))
