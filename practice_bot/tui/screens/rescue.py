"""The dialog the discussion room opens when the session could not be saved (a full disk, a folder
turned read-only): it names the file and the problem and asks for another folder to carry on in."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from practice_bot.textsafe import printable

RESCUE_CSS = """
RescueScreen { align: center middle; }
RescueScreen > Vertical {
    width: 76; max-width: 95%; height: auto; max-height: 90%;
    border: thick $error; background: $surface; padding: 1 2;
}
RescueScreen .title { text-style: bold; margin-bottom: 1; }
RescueScreen #folder { margin-top: 1; }
RescueScreen Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
RescueScreen Button { margin-left: 2; }
"""


class RescueScreen(ModalScreen[Path | None]):
    """Names the file and the problem; dismisses with the folder to save in, or None (Esc)."""

    DEFAULT_CSS = RESCUE_CSS
    BINDINGS = [Binding("escape", "cancel", "Not now")]

    def __init__(self, problem: str, default: Path | None, *, answer: bool) -> None:
        super().__init__()
        self.problem = problem
        self.default = default
        self.answer = answer

    def compose(self) -> ComposeResult:
        kept = (
            "Your answer is still in the box and nothing sent before is lost: the session is whole "
            "in memory."
            if self.answer
            else "Nothing is lost: the session is whole in memory."
        )
        later = "keep the answer in the box" if self.answer else "try the same folder again"
        with Vertical():
            yield Static(Content("The session could not be saved"), classes="title")
            yield Static(Content(printable(self.problem)), id="problem")
            yield Static(Content(f"{kept} Save it in another folder and carry on there:"))
            yield Input(str(self.default or ""), placeholder="a folder", id="folder")
            with Horizontal():
                yield Button(f"Not now: {later} (Esc)", id="cancel")
                yield Button("Save there (Enter)", id="save", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#folder", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        typed = self.query_one("#folder", Input).value.strip()
        if not typed:
            self.notify("Type a folder to save the session in.", markup=False)
            return
        self.dismiss(Path(typed).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
