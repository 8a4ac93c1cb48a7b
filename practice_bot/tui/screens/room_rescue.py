"""Disk trouble in the discussion room, as in plain mode: when the journal stops taking records (a full
disk, a folder turned read-only) nothing is lost. The step that failed left no trace on disk or in memory
(the engine journals a record before applying it), a typed answer stays in the box, and a dialog names
the file and the problem and offers another folder. The session, whole in memory, moves there with
`move_journal` (plain mode's helper) and the step is tried again, so the answer is saved there."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from practice_bot.errors import TranscriptError
from practice_bot.records.store import move_journal, rescue_folders
from practice_bot.session.factory import Session
from practice_bot.textsafe import printable
from practice_bot.tui.messages import DiskTrouble
from practice_bot.tui.screens.room_commands import RoomCommands

Retry = Callable[[], Awaitable[Any]]

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


class RoomRescue(RoomCommands):
    """Base of the discussion screen, which provides `session`, `_set_busy` and `box`."""

    session: Session
    _trouble = False

    def _set_busy(self, busy: bool, label: str = "") -> None:
        raise NotImplementedError

    async def _saving(self, step: Retry, *, answer: bool = False) -> bool:
        """Run a step that writes to the journal; on disk trouble open the rescue dialog, which tries
        the step again once the session is saved elsewhere. True when the step went through."""
        try:
            await step()
        except TranscriptError as exc:
            self._disk_trouble(exc, step, answer=answer)
            return False
        return True

    def on_disk_trouble(self, message: DiskTrouble) -> None:
        self._disk_trouble(message.error, message.retry)

    def _disk_trouble(self, exc: TranscriptError, retry: Retry, *, answer: bool = False) -> None:
        """Also called with the error of a worker thread (posted back as a message)."""
        if self._trouble:
            return  # one dialog at a time; its retry covers the rest
        self._trouble = True
        self._set_busy(True, "not saved")
        self._ask_folder(str(exc), retry, {self.session.journal_path.parent}, answer)

    def _ask_folder(self, problem: str, retry: Retry, tried: set[Path], answer: bool) -> None:
        untried = [f for f in rescue_folders() if f not in tried]

        async def chosen(folder: Path | None) -> None:
            if folder is None:
                self._trouble = False
                self._set_busy(False)
                if answer:
                    self.notify(
                        "Not saved yet: your answer is still in the box. F2 tries again.",
                        severity="warning",
                        markup=False,
                    )
                    self.box.focus()
                else:
                    await self._saving(retry)
                return
            tried.add(folder)
            old = self.session.journal_path
            try:
                journal = move_journal(self.engine.transcript, folder, old)
            except TranscriptError as err:
                self._ask_folder(f"Could not save there either: {err}", retry, tried, answer)
                return
            self.engine.recorder = journal
            self.session.journal_path = journal.path
            stale = f" (the earlier file {old} is out of date now)" if old.exists() else ""
            self.notify(
                printable(f"Saved: the session carries on in {journal.path}{stale}."),
                title="Session moved",
                markup=False,
                timeout=12,
            )
            self._trouble = False
            self._set_busy(False)
            await self._saving(retry, answer=answer)

        self.app.push_screen(
            RescueScreen(problem, untried[0] if untried else None, answer=answer), chosen
        )
