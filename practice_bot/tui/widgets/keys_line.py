"""The footer as one line of text: the keys the screen's bindings show, each one clickable, and the
command palette's key at the right, drawn as Textual's Footer draws them.

Textual's Footer mounts a widget per key (seven on the start screen), styles each again whenever the
focus or the bindings change, and lays them out; on the start screen that was close to a tenth of
its CPU time until complete. One line of text, drawn again when the bindings change, costs a widget.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"
BORDER_STYLE = "$foreground 20%"


class KeysLine(Widget):
    DEFAULT_CSS = """
    KeysLine {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """
    ALLOW_SELECT = False

    def __init__(self) -> None:
        super().__init__()
        self.set_reactive(Widget.auto_links, False)  # the keys keep their colours, not a link's

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def _key(self, binding: Binding, enabled: bool, compact: bool = False) -> Content:
        """` F2 Start ` (`F2 Start` compact): a click presses the key; a disabled key is dimmed and
        a click on it rings."""
        click = f"@click=app.simulate_key({binding.key!r})" if enabled else "@click=app.bell()"
        dim = "" if enabled else " dim"
        key = self.app.get_key_display(binding)
        description = binding.description
        if description:
            description = f" {description}" if compact else f"{description} "
        return Content.assemble(
            (key if compact else f" {key} ", f"{KEY_STYLE}{dim} {click}"),
            (description, f"{DESCRIPTION_STYLE}{dim} {click}"),
        )

    def render(self) -> Content:
        bindings = self.screen.active_bindings
        shown: dict[str, Content] = {}  # one key an action, as Textual's Footer shows them
        for _, binding, enabled, _tooltip in bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = self._key(binding, enabled)
        left = Content.assemble(*shown.values())
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is None or not self.app.ENABLE_COMMAND_PALETTE:
            return left
        _, binding, enabled, _tooltip = palette
        right = Content.assemble(
            ("▏", BORDER_STYLE), self._key(binding, enabled, compact=True), " "
        )
        room = max(self.size.width - right.cell_length, 0)  # the palette's key stays in sight
        left = left.truncate(room)
        return Content.assemble(left, " " * (room - left.cell_length), right)
