"""Textual's Header, minus a race that can crash the app.

Textual's Header updates its title from an async watcher and guards it against `NoScreen` only. When a
screen closes (or the app quits) in the moment between a title change and that watcher running, the
header's parts are already gone and the watcher raises `NoMatches`, which ends the app. That happened
at the end of a mock, as the report screen replaced the room on a loaded machine. This header ignores
the update when there is no longer a title to update, and makes it at once rather than from a task
that an app closing may never run; otherwise it is Textual's own.
"""

from __future__ import annotations

from contextlib import suppress

from textual.css.query import NoMatches
from textual.events import Mount
from textual.widgets import Header as TextualHeader
from textual.widgets._header import HeaderTitle


class Header(TextualHeader):
    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # in place of Textual's handler, not as well as it

        def set_title() -> None:  # at once, not later as Textual's does (nothing left to await)
            if not self.is_attached:
                return
            # Closed between the change and this update: there is nothing left to show it in.
            with suppress(NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
