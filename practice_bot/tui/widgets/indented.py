"""Lines with a hanging indent: a line too long for the width wraps onto rows that keep its indent,
where one Content indented with spaces would wrap back to the left margin. `IndentedText` shows them,
and the mouse selects and copies them as in any Static."""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from textual.content import Content
from textual.css.styles import RulesMap
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static


class IndentedLines(Visual):
    """A Textual Visual (what a Static shows) of (indent, line) pairs. The rows are wrapped once per
    width: layout asks for the height, then the same rows are drawn."""

    def __init__(self, lines: Iterable[tuple[int, Content]]) -> None:
        self.lines = list(lines)
        self._rows: tuple[int, list[tuple[int, int, int, Content]]] = (-1, [])

    @classmethod
    def from_text(cls, text: Content, indent: int = 0) -> IndentedLines:
        """Each line of `text` indented by `indent` plus its own leading spaces."""
        lines = []
        for line in text.split("\n", allow_blank=True):
            spaces = len(line.plain) - len(line.plain.lstrip(" "))
            lines.append((indent + spaces, line[spaces:]))
        return cls(lines)

    def __add__(self, other: IndentedLines) -> IndentedLines:
        return IndentedLines(self.lines + other.lines)

    def __str__(self) -> str:
        return "\n".join(" " * indent + line.plain for indent, line in self.lines)

    def rows(self, width: int) -> list[tuple[int, int, int, Content]]:
        """(indent, line number, where in the line the row starts, row) for each row drawn at
        `width`; the line number and start are where the mouse's selection finds the row's text."""
        if self._rows[0] != width:
            rows = []
            for y, (indent, line) in enumerate(self.lines):
                indent = min(indent, width // 2)  # a very narrow screen keeps room for words
                x = 0
                for row in line.wrap(max(width - indent, 1)):
                    x = max(line.plain.find(row.plain, x), x)  # the spaces a wrap dropped
                    rows.append((indent, y, x, row))
                    x += len(row.plain)
            self._rows = (width, rows)
        return self._rows[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((indent + line.cell_length for indent, line in self.lines), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.rows(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        selection, selected_style = options.selection, options.selection_style
        strips = []
        for indent, y, x, row in self.rows(width)[:height]:
            x += self.lines[y][0]  # where the row starts in its line of str(self)
            span = selection.get_span(y) if selection and selected_style else None
            if span is not None and selected_style is not None:
                start, end = span
                end = len(str(self.lines[y][1])) + self.lines[y][0] if end == -1 else end
                row = row.stylize(selected_style, max(start - x, 0), max(end - x, 0))
            segments = [Segment(" " * indent, style.rich_style)] if indent else []
            for text, part in row.render(style, end="", parse_style=options.get_style):
                segments.append(Segment(text, (style + part).rich_style_with_offset(x, y)))
                x += len(text)
            strips.append(Strip(segments, indent + row.cell_length))
        return strips


class IndentedText(Static):
    """A Static showing IndentedLines; selected text is copied as lines, without the wrapping."""

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract(str(self.visual)), "\n"
