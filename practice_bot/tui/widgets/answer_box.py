"""The multi-line answer box: a TextArea that never lets a pasted control character reach the terminal.

The document keeps the answer exactly as typed or pasted (it is journaled byte for byte); only the
drawing swaps control characters for visible symbols such as ␛, so an escape sequence shows as text.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import TextArea

from practice_bot.tui.display import words

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and bidi overrides


def visible(text: str) -> str:
    """Control characters replaced by visible one-cell symbols."""
    return _CONTROL.sub(_picture, text)


class AnswerBox(TextArea):
    """Where the apprentice writes; the screen's submit key sends the text to the engine."""

    DEFAULT_CSS = """
    AnswerBox { height: 7; min-height: 4; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            "",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder="Type your answer here. F2 or Ctrl+S sends it.",
            id=id,
        )
        self._count_timer: Timer | None = None

    def on_mount(self) -> None:
        self.border_title = "Your answer"
        self.border_subtitle = "0 words"

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Count words a moment after typing stops, so a huge paste never makes typing stutter."""
        if self._count_timer is not None:
            self._count_timer.stop()
        self._count_timer = self.set_timer(0.3, self._count_words)

    def _count_words(self) -> None:
        n = words(self.text)
        self.border_subtitle = f"{n} word{'s' if n != 1 else ''}"

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not _CONTROL.search(strip.text):
            return strip
        width = strip.cell_length
        segments = [
            Segment(visible(seg.text), seg.style, seg.control) if seg.text else seg for seg in strip
        ]
        return Strip(segments).adjust_cell_length(width)
