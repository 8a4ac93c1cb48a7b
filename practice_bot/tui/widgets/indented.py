"""Lines with a hanging indent: a line too long for the width wraps onto rows that keep its indent,
where one Content indented with spaces would wrap back to the left margin."""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class IndentedLines(Visual):
    """A Textual Visual (what a Static shows) of (indent, line) pairs. The rows are wrapped once per
    width: layout asks for the height, then the same rows are drawn."""

    def __init__(self, lines: Iterable[tuple[int, Content]]) -> None:
        self.lines = list(lines)
        self._rows: tuple[int, list[tuple[int, Content]]] = (-1, [])

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

    def rows(self, width: int) -> list[tuple[int, Content]]:
        """(indent, row) for each row drawn at `width`."""
        if self._rows[0] != width:
            rows = []
            for indent, line in self.lines:
                indent = min(indent, width // 2)  # a very narrow screen keeps room for words
                rows += [(indent, row) for row in line.wrap(max(width - indent, 1))]
            self._rows = (width, rows)
        return self._rows[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((indent + line.cell_length for indent, line in self.lines), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.rows(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips = []
        for indent, row in self.rows(width)[:height]:
            segments = [Segment(" " * indent, style.rich_style)] if indent else []
            segments += [
                Segment(text, (style + part).rich_style)
                for text, part in row.render(style, end="", parse_style=options.get_style)
            ]
            strips.append(Strip(segments, indent + row.cell_length))
        return strips
