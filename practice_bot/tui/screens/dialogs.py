"""Small modal dialogs: a yes/no confirmation (ending early, sending answers to an endpoint) and pause."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key
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


class PauseScreen(ModalScreen[str]):
    """Practice pause: the clock has stopped until the apprentice carries on (Enter, Esc or F5).
    Anything typed meanwhile is kept, shown, and handed back to go into the answer box: a key is
    never lost to the dialog, and Space is text, not "carry on"."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [Binding("enter,escape,f5", "resume", "Carry on")]

    def __init__(self) -> None:
        super().__init__()
        self.typed = ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Paused"), classes="title")
            yield Static(
                Content(
                    "The clock has stopped. Take your time; your answer so far is kept.\n\n"
                    "Press Enter (or F5) to carry on. Anything you type now goes into your answer."
                )
            )
            yield Static(id="typed")

    def on_key(self, event: Key) -> None:
        if event.key == "backspace" and self.typed:
            self.typed = self.typed[:-1]
        elif event.is_printable and event.character:
            self.typed += event.character
        else:
            return
        event.stop()
        event.prevent_default()
        self.query_one("#typed", Static).update(
            Content(f"\nKept for your answer: {self.typed}") if self.typed else Content("")
        )

    def action_resume(self) -> None:
        self.dismiss(self.typed)
