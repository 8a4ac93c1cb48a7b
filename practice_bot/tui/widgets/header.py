"""The screens' header: Textual's, except that a title arriving while the header is being taken down
(a screen replaced the moment it appeared, the app closing just then) is dropped instead of ending the
app with an error. Textual's own header looks for its title widget then and finds it gone."""

from __future__ import annotations

import contextlib

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header as TextualHeader
from textual.widgets import Static


class Header(TextualHeader):
    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # instead of Textual's watchers, the same ones made safe
        super(TextualHeader, self)._on_mount(event)  # what every widget does on mount

        async def set_title() -> None:
            with contextlib.suppress(NoScreen, NoMatches):
                self.query_one("HeaderTitle", Static).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
