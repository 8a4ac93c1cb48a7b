"""Lines with a hanging indent (the practice feedback's text): a wrapped line keeps its indent, and the
mouse selects the text as written."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.style import Style
from textual.visual import RenderOptions

from practice_bot.tui.widgets.indented import IndentedLines, IndentedText

BODY = Content.assemble(
    ("✓ evidenced", "bold"),
    "  pass-2 Metrics from business needs (pass): Explains their use of performance metrics\n",
    "    “a quote long enough that it has to wrap onto a second row”",
)


def drawn(text: IndentedLines, width: int) -> list[str]:
    options = RenderOptions(Style.parse, {}, None, None)
    height = text.get_height({}, width)
    return [strip.text for strip in text.render_strips(width, height, Style(), options)]


def test_wrapped_rows_keep_the_indent_of_their_line() -> None:
    text = IndentedLines([(0, Content("Heading"))]) + IndentedLines.from_text(BODY, indent=2)
    assert drawn(text, 40) == [
        "Heading",
        "  ✓ evidenced  pass-2 Metrics from",
        "  business needs (pass): Explains their",
        "  use of performance metrics",
        "      “a quote long enough that it has",
        "      to wrap onto a second row”",
    ]
    assert text.get_height({}, 200) == 3  # wide enough: one row a line
    assert str(text).splitlines()[2].startswith("      “a quote")


def test_styles_survive_and_a_narrow_width_still_shows_every_word() -> None:
    text = IndentedLines.from_text(BODY, indent=2)
    options = RenderOptions(Style.parse, {}, None, None)
    first = text.render_strips(40, None, Style(), options)[0]
    assert any(seg.text == "✓ evidenced" and seg.style and seg.style.bold for seg in first)
    rows = drawn(text, 6)  # the indent gives way to keep room for words
    assert "".join(row.strip() for row in rows).replace(" ", "") == BODY.plain.replace(
        " ", ""
    ).replace("\n", "")


class Shown(App[None]):
    def compose(self) -> ComposeResult:
        text = IndentedLines([(0, Content("Heading"))]) + IndentedLines.from_text(BODY, indent=2)
        yield IndentedText(text)


async def test_the_mouse_selects_the_lines_as_written_and_highlights_them() -> None:
    app = Shown()
    async with app.run_test(size=(40, 10)) as pilot:
        shown = app.query_one(IndentedText)
        shown.text_select_all()
        await pilot.pause()
        assert app.screen.get_selected_text() == str(shown.visual)  # unwrapped, indents kept
        rows = shown.render_lines(Region(0, 0, 40, 6))
        assert all(seg.style and seg.style.bgcolor for seg in rows[4] if seg.text.strip())

        # A drag over the second row of the criterion line selects from there, in that line.
        await pilot.mouse_down(shown, offset=(2, 2))
        await pilot.hover(shown, offset=(9, 2))
        await pilot.mouse_up(shown, offset=(9, 2))
        await pilot.pause()
        assert app.screen.get_selected_text() == "business"
