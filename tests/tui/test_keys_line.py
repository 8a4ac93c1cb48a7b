"""The start screen's line of keys: what Textual's Footer shows, in one widget; a click presses a key,
a disabled key is dimmed, and a change of bindings shows at once."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Footer

from practice_bot.tui.widgets.keys_line import KeysLine
from tests.tui.tui_testkit import screen_text


class Keys(App[None]):
    BINDINGS = [
        Binding("f2", "start", "Start", key_display="F2/^S"),
        Binding("f3", "resume", "Resume", key_display="F3"),
        Binding("f9", "hidden", "Hidden", show=False),
    ]

    def __init__(self, footer: type[Widget]) -> None:
        super().__init__()
        self.footer = footer
        self.can_resume = True
        self.started = 0

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield self.footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "resume" and not self.can_resume else True  # None: shown disabled

    def action_start(self) -> None:
        self.started += 1

    def action_resume(self) -> None: ...

    def action_hidden(self) -> None: ...


async def last_line(footer: type[Widget], width: int) -> str:
    app = Keys(footer)
    async with app.run_test(size=(width, 10)) as pilot:
        await pilot.pause()
        return screen_text(app).splitlines()[-1]


async def test_it_shows_what_textuals_footer_shows() -> None:
    for width in (60, 30):  # wide, and too narrow for every key: the palette's key stays
        ours = await last_line(KeysLine, width)
        assert ours == await last_line(Footer, width)
    assert "F2/^S Start  F3 Resume" in await last_line(KeysLine, 60)
    assert "Hidden" not in ours and ours.rstrip().endswith("^p palette")


async def test_a_click_presses_the_key_and_a_disabled_key_is_dimmed() -> None:
    app = Keys(KeysLine)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        line = app.query_one(KeysLine)
        await pilot.click(line, offset=(2, 0))  # on "F2/^S"
        await pilot.pause()
        assert app.started == 1

        app.can_resume = False
        app.refresh_bindings()
        await pilot.pause()
        strip = line.render_line(0)
        resume = [seg for seg in strip if seg.text.strip() in ("F3", "Resume")]
        start = [seg for seg in strip if seg.text.strip() in ("F2/^S", "Start")]
        assert resume and all(seg.style and seg.style.dim for seg in resume)
        assert start and not any(seg.style and seg.style.dim for seg in start)
        await pilot.click(line, offset=(15, 0))  # on "F3": disabled, nothing happens
        await pilot.pause()
        assert app.started == 1
