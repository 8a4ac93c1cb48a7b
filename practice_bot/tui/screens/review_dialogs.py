"""The tutor's decision dialog: who decides (remembered in the prefs) and why, for an override, an
agreement with the scorer or a set of blind marks. Dismisses with (tutor, comment), or None if cancelled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

MAX_TUTOR = 80
MAX_COMMENT = 4000


class DecisionDialog(ModalScreen[tuple[str, str] | None]):
    """Keys: Enter moves on from the name and saves from the comment; F2 saves; Esc cancels."""

    DEFAULT_CSS = """
    DecisionDialog { align: center middle; }
    DecisionDialog > Vertical {
        width: 70; max-width: 95%; height: auto; max-height: 95%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    DecisionDialog .title { text-style: bold; }
    DecisionDialog Label { margin-top: 1; }
    DecisionDialog #problem { color: $error; height: auto; }
    DecisionDialog Horizontal { height: auto; align-horizontal: right; }
    DecisionDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("f2", "save", "Save", key_display="F2", priority=True),
        Binding("escape", "cancel", "Cancel", key_display="Esc"),
    ]

    def __init__(self, title: str, message: str, tutor: str, *, comment: bool = True) -> None:
        super().__init__()
        self._title = title
        self._message = message
        self._tutor = tutor
        self._comment = comment

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self._title), classes="title")
            yield Static(Content(self._message))
            yield Label("Your name (recorded with the decision)")
            yield Input(self._tutor, max_length=MAX_TUTOR, id="tutor")
            if self._comment:
                yield Label("Comment (why; optional)")
                yield Input(max_length=MAX_COMMENT, id="comment")
            yield Static(id="problem")
            with Horizontal():
                yield Button("Cancel (Esc)", id="cancel")
                yield Button("Save (F2)", id="save", variant="primary")

    def on_mount(self) -> None:
        tutor = self.query_one("#tutor", Input)
        if tutor.value and self._comment:
            self.query_one("#comment", Input).focus()
        else:
            tutor.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "tutor" and self._comment and event.value.strip():
            self.query_one("#comment", Input).focus()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        tutor = " ".join(self.query_one("#tutor", Input).value.split())
        if not tutor:
            self.query_one("#problem", Static).update(
                Content("Give your name: every decision is attributed.")
            )
            self.query_one("#tutor", Input).focus()
            return
        comment = self.query_one("#comment", Input).value if self._comment else ""
        self.dismiss((tutor, comment))

    def action_cancel(self) -> None:
        self.dismiss(None)
