"""The app's footer is rebuilt only when the keys it shows change (Textual's rebuilds on every focus
change or mount), and still shows every change: a key added, removed or disabled."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button
from textual.widgets import Footer as TextualFooter

from practice_bot.tui.widgets.footer import Footer


class Keys(App[None]):
    BINDINGS = [Binding("f2", "start", "Start"), Binding("f3", "resume", "Resume")]

    def __init__(self, footer: type[TextualFooter]) -> None:
        super().__init__()
        self.footer = footer
        self.can_resume = True

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield self.footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "resume" and not self.can_resume else True  # None: shown disabled

    def action_start(self) -> None: ...

    def action_resume(self) -> None: ...


async def keys_after_focus_changes(footer: type[TextualFooter]) -> tuple[int, list[str]]:
    """How many times the footer's keys were rebuilt over three focus changes, and what it shows
    after resuming is disabled."""
    app = Keys(footer)
    async with app.run_test() as pilot:
        await pilot.pause()
        first = set(app.query("FooterKey"))
        built = 1
        for target in ("#two", "#one", "#two"):
            app.query_one(target).focus()
            await pilot.pause()
            now = set(app.query("FooterKey"))
            built += now != first
            first = now
        app.can_resume = False
        app.refresh_bindings()
        await pilot.pause()
        shown = [
            f"{k.key}:{'off' if k.has_class('-disabled') else 'on'}"
            for k in app.query("FooterKey")
            if "-command-palette" not in k.classes
        ]
    return built, shown


async def test_textuals_footer_rebuilds_on_focus_changes_ours_does_not() -> None:
    built, _ = await keys_after_focus_changes(TextualFooter)
    assert built > 1  # what this footer is for; if Textual stops doing it, ours can go
    built, _ = await keys_after_focus_changes(Footer)
    assert built == 1


async def test_the_footer_still_shows_a_key_disabled() -> None:
    _, shown = await keys_after_focus_changes(Footer)
    assert shown == ["f2:on", "f3:off"]
    _, textuals = await keys_after_focus_changes(TextualFooter)
    assert textuals == shown
