"""F1: the keys of this screen, the app's own first, then those of the focused box (cursor keys and
the like), which Textual's own help panel lists first. A side panel like Textual's, but a screen can
ask for it to float over its content instead (`KEYS_OVER_CONTENT`), so that a narrow conversation is
not squeezed into a sliver."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static


class KeysTable(Static):
    def render(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 0))
        table.add_column(justify="right", no_wrap=True)
        table.add_column()
        ours: dict[tuple[int, str], list[str]] = {}
        theirs: dict[tuple[int, str], list[str]] = {}
        described: dict[tuple[int, str], str] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.system or not (binding.description or binding.show):
                continue
            group = ours if isinstance(active.node, App | Screen) else theirs
            key = (id(active.node), binding.action)
            shown = self.app.get_key_display(binding)
            if shown not in group.setdefault(key, []):
                group[key].append(shown)
            described.setdefault(key, binding.description or binding.action)
        for title, group in (("This screen", ours), ("Focused box", theirs)):
            if not group:
                continue
            if table.row_count:
                table.add_row("", "")
            table.add_row("", Text(title, style="bold underline"))
            for key, keys in group.items():
                table.add_row(Text(" ".join(keys), style="bold"), Text(described[key]))
        return table


class KeysHelp(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    KeysHelp {
        split: right;
        width: 33%;
        min-width: 30;
        max-width: 50;
        height: 1fr;
        border-left: vkey $foreground 30%;
        padding: 0 1;
        background: $surface;
    }
    KeysHelp.-over-content {
        split: initial;
        dock: right;
        layer: keys-help;
        width: 36;
        height: 100%;
        margin: 1 0;
    }
    KeysTable { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        yield KeysTable()

    def on_mount(self) -> None:
        if getattr(self.screen, "KEYS_OVER_CONTENT", False):
            self.add_class("-over-content")
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def _changed(self, screen: Screen[object]) -> None:
        self.query_one(KeysTable).refresh()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)
