"""Small modal dialogs: a yes/no confirmation (ending early, sending answers to an endpoint) and pause."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

DIALOG_CSS = """
ConfirmScreen, PauseScreen { align: center middle; }
ConfirmScreen > Vertical, PauseScreen > Vertical {
    width: 64; max-width: 95%; height: auto; max-height: 90%;
    border: thick $primary; background: $surface; padding: 1 2;
}
ConfirmScreen .title, PauseScreen .title { text-style: bold; margin-bottom: 1; }
ConfirmScreen Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
ConfirmScreen Button { margin-left: 2; }
"""


class ConfirmScreen(ModalScreen[bool]):
    """Asks a question; dismisses with True for yes. Keys: y, n, Esc (no)."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(
        self, title: str, message: str, *, yes: str = "Yes", no: str = "No", note: str = ""
    ) -> None:
        super().__init__()
        self._title = title
        self._message = message
        self._yes = yes
        self._no = no
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self._title), classes="title")
            yield Static(Content(self._message), id="message")
            if self._note:
                yield Static(Content(self._note), classes="note")
            with Horizontal():
                yield Button(f"{self._no} (n)", id="no")
                yield Button(f"{self._yes} (y)", id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PauseScreen(ModalScreen[None]):
    """Practice pause: the clock has stopped until the apprentice carries on."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [Binding("enter,escape,f5,space", "resume", "Carry on")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Paused"), classes="title")
            yield Static(
                Content(
                    "The clock has stopped. Take your time; your answer so far is kept.\n\n"
                    "Press Enter (or F5) to carry on."
                )
            )

    def action_resume(self) -> None:
        self.dismiss(None)
