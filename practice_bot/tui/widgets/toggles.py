"""Radio buttons and a topic picker whose on/off state shows as a mark, not only as a colour."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist


class MarkedRadioButton(RadioButton):
    """● when chosen, blank when not."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button


class TopicPicker(SelectionList[str]):
    """The rubric's topics; ✓ beside ticked ones, blank beside the others. Filled when mounted."""

    def __init__(self, ticked: list[str], *, disabled: bool = False, id: str | None = None) -> None:
        super().__init__(disabled=disabled, id=id)
        self._ticked = set(ticked)

    def on_mount(self) -> None:
        from practice_bot.resources import topic_names

        self.add_options((name, tid, tid in self._ticked) for tid, name in topic_names())
        self.highlighted = 0

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        if len(segments) < 4:
            return line
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        mark = "✓" if option.value in self.selected else " "
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, line.cell_length)
