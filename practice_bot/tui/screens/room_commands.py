"""The discussion room's command-palette entries (each names its key) and its copy actions, which stand
in for mouse selection in terminals where that is awkward."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

if TYPE_CHECKING:
    from practice_bot.session.engine import Engine
    from practice_bot.tui.widgets.answer_box import AnswerBox

# (title, help, action, practice only)
ROOM_COMMANDS = (
    ("Send answer", "Send the answer in the box (F2 or Ctrl+S)", "submit", False),
    ("Skip question", "Move on without answering (F9)", "skip", False),
    ("Pause", "Stop the clock until you carry on (F5)", "pause", True),
    ("End session early", "Finish now and see the report (F10)", "end", False),
    ("Side panel", "Show or hide the clock and progress panel (F8)", "toggle_panel", False),
    ("Copy answer", "Copy the answer in the box to the clipboard", "copy_answer", False),
    ("Copy conversation", "Copy the conversation so far as text", "copy_conversation", False),
)
COPIED = "{what} copied to the clipboard (if your terminal allows it)."


class RoomCommands(Screen[None]):
    """The discussion screen's base: it provides `engine`, `box` and `practice`."""

    engine: Engine
    practice: bool

    @property
    def box(self) -> AnswerBox:
        raise NotImplementedError

    def palette_commands(self) -> Iterator[SystemCommand]:
        for title, help_text, action, practice_only in ROOM_COMMANDS:
            if practice_only and not self.practice:
                continue
            yield SystemCommand(title, help_text, partial(self.run_action, action))

    def action_copy_answer(self) -> None:
        self.app.copy_to_clipboard(self.box.text)
        self.notify(COPIED.format(what="Answer"), markup=False)

    def action_copy_conversation(self) -> None:
        lines = [
            f"{'You' if t.role == 'apprentice' else 'Assessor'}: {t.text}\n"
            for t in self.engine.transcript.turns
        ]
        self.app.copy_to_clipboard("\n".join(lines))
        self.notify(COPIED.format(what="Conversation"), markup=False)
