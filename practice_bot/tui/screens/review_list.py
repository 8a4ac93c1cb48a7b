"""The tutor's review list: one row per transcript in a folder (apprentice, date, mode, time used,
predicted grade with overrides, criteria flagged for review, overrides), sortable and filterable, opening
a transcript's review or its blind marking, and the cohort view. Rows are read in a thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, Input, Label, Static

from practice_bot.errors import UserError
from practice_bot.formatting import clock_text
from practice_bot.textsafe import printable
from practice_bot.tui.display import GRADE_WORDS
from practice_bot.tui.screens.base import AppScreen
from practice_bot.tui.widgets.header import Header
from practice_bot.tutor.keys import SORT_NAMES
from practice_bot.tutor.listing import ReviewRow, filter_rows, parse_filters, sort_rows
from practice_bot.tutor.plain_views import grades_line

COLUMNS = ("Apprentice", "Date", "Mode", "Time", "Grade", "Flagged", "Ovr")
SORT_WORDS = {
    "date": "date (newest first)",
    "apprentice": "apprentice (A-Z)",
    "mode": "mode",
    "duration": "time used (longest first)",
    "grade": "grade (lowest first)",
    "flagged": "flagged (most first)",
    "status": "status",
    "pack": "class pack",
}


def parse_filter_text(text: str) -> dict[str, str]:
    """The filter box: `KEY=VALUE` terms (as `--filter`), any other words part of the apprentice's
    name. Raises UserError for an unknown key."""
    terms = text.split()
    filters = parse_filters([t for t in terms if "=" in t])
    words = " ".join(t for t in terms if "=" not in t)
    if words:
        filters["apprentice"] = words
    return filters


def row_cells(r: ReviewRow) -> tuple[Text, ...]:
    grade = GRADE_WORDS[r.grades.overall] + ("*" if r.grades != r.grades_scorer_only else "")
    name = printable(r.apprentice)
    return (
        Text(name if len(name) <= 16 else name[:15] + "…"),
        Text(r.started_at.strftime("%Y-%m-%d %H:%M")),
        Text(r.mode + (" …" if r.in_progress else "")),
        Text(clock_text(r.seconds)),
        Text(grade),
        Text(str(r.flagged) if r.flagged else "-"),
        Text(str(r.overrides) if r.overrides else "-"),
    )


class RowsLoaded(Message):
    def __init__(self, rows: list[ReviewRow], problems: list[str]) -> None:
        super().__init__()
        self.rows = rows
        self.problems = problems


class ReviewListScreen(AppScreen[None]):
    BINDINGS = [
        Binding("o", "open", "Open"),  # Enter on a row opens it too
        Binding("b", "blind", "Blind"),
        Binding("s", "sort", "Sort"),
        Binding("r", "reverse", "Reverse"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("c", "cohort", "Cohort"),
        Binding("f5", "reload", "Reload", key_display="F5", show=False),
        Binding("escape", "back", "Back", key_display="Esc"),
    ]
    DEFAULT_CSS = """
    ReviewListScreen #filter-row { height: 3; padding: 0 1; }
    ReviewListScreen #filter-row Label { width: auto; padding: 1 1 0 0; }
    ReviewListScreen #filter { width: 1fr; }
    ReviewListScreen #rows { height: 1fr; }
    ReviewListScreen #row-detail { height: auto; max-height: 5; padding: 0 1; color: $text-muted; }
    """

    def __init__(
        self, folder: Path, *, sort: str = "date", reverse: bool = False, filter_text: str = ""
    ) -> None:
        super().__init__()
        self.folder = folder
        self.sort_key = sort if sort in SORT_NAMES else "date"
        self.reverse = reverse
        self.filter_text = filter_text
        self.rows: list[ReviewRow] = []  # everything read from the folder
        self.shown: list[ReviewRow] = []  # filtered and sorted, as in the table
        self.problems: list[str] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filter-row"):
            yield Label("Filter")
            yield Input(
                self.filter_text,
                placeholder="part of a name, or KEY=VALUE: mode=mock flagged=yes grade=pass",
                id="filter",
            )
        table: DataTable[Text] = DataTable(id="rows", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(Content("Reading the transcripts..."), id="row-detail")
        yield Footer(compact=True)  # every key, F1 included, fits 80 columns

    def on_mount(self) -> None:
        self.title = "Tutor review"
        self.sub_title = printable(self.folder.name or str(self.folder))
        table = self.query_one("#rows", DataTable)
        for label in COLUMNS:
            table.add_column(label, key=label)
        table.focus()
        self._load()

    def on_screen_resume(self) -> None:
        if self.loaded:  # back from a transcript: its overrides may have changed the row
            self._load()

    @work(thread=True, exclusive=True, group="review-rows", exit_on_error=False)
    def _load(self) -> None:
        from practice_bot.rubric import load_rubric
        from practice_bot.tutor.listing import review_rows

        rows, problems = review_rows(self.folder, load_rubric())
        self.post_message(RowsLoaded(rows, problems))

    def on_rows_loaded(self, message: RowsLoaded) -> None:
        self.rows, self.problems = message.rows, message.problems
        self.loaded = True
        self.refill()

    # ----- the table ------------------------------------------------------------------------------
    def refill(self) -> None:
        table = self.query_one("#rows", DataTable)
        chosen = self.current_path()
        try:
            filters = parse_filter_text(self.filter_text)
        except UserError as exc:
            self.query_one("#row-detail", Static).update(Content(printable(str(exc))))
            return
        self.shown = sort_rows(filter_rows(self.rows, filters), self.sort_key, self.reverse)
        table.clear()
        for i, r in enumerate(self.shown):
            table.add_row(*row_cells(r), key=str(i))
        paths = [r.path for r in self.shown]
        if chosen in paths:
            table.move_cursor(row=paths.index(chosen))
        self.show_detail()

    def current(self) -> ReviewRow | None:
        table = self.query_one("#rows", DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def current_path(self) -> Path | None:
        row = self.current() if self.shown else None
        return row.path if row else None

    def show_detail(self) -> None:
        order = SORT_WORDS[self.sort_key] + (", reversed" if self.reverse else "")
        lines = [
            f"{len(self.shown)} of {len(self.rows)} transcripts, sorted by {order}. "
            "Grades: formative, with overrides (* differs from the scorer alone)."
        ]
        r = self.current()
        if r is not None:
            extra = [f"pack {printable(r.pack_id)}"] if r.pack_id else []
            extra += [f"flags: {', '.join(r.flags)}"] if r.flags else []
            extra += [f"{r.blind_marks} blind marks"] if r.blind_marks else []
            lines.append(
                f"{printable(r.path.name)}: {r.status.replace('_', ' ')}, scored by {r.scorer}"
                + (f"; {'; '.join(extra)}" if extra else "")
            )
            lines.append(
                f"With overrides: {grades_line(r.grades)}. Scorer alone: "
                f"{grades_line(r.grades_scorer_only)}."
            )
        elif self.loaded and not self.rows:
            lines = ["No transcripts in this folder yet."]
        if self.problems:
            lines.append(f"{len(self.problems)} unreadable file(s) skipped.")
        self.query_one("#row-detail", Static).update(Content("\n".join(lines)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = {"Apprentice": "apprentice", "Date": "date", "Mode": "mode", "Time": "duration",
               "Grade": "grade", "Flagged": "flagged"}.get(str(event.column_key.value))  # fmt: skip
        if key is not None:
            self.reverse = self.sort_key == key and not self.reverse
            self.sort_key = key
            self.refill()

    # ----- the filter -----------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        if self.loaded:
            self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#rows", DataTable).focus()

    # ----- actions --------------------------------------------------------------------------------
    def action_open(self) -> None:
        from practice_bot.tui.screens.review_transcript import TranscriptReviewScreen

        row = self.current()
        if row is not None:
            self.app.push_screen(TranscriptReviewScreen(row.path))

    def action_blind(self) -> None:
        from practice_bot.tui.screens.review_blind import BlindMarkingScreen

        row = self.current()
        if row is None:
            return
        if row.in_progress:
            self.notify("This session is unfinished: it cannot be marked yet.", markup=False)
            return
        self.app.push_screen(BlindMarkingScreen(row.path))

    def action_sort(self) -> None:
        names = list(SORT_NAMES)
        self.sort_key = names[(names.index(self.sort_key) + 1) % len(names)]
        self.reverse = False
        self.refill()
        self.notify(f"Sorted by {SORT_WORDS[self.sort_key]}.", markup=False, timeout=2)

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self.refill()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_cohort(self) -> None:
        from practice_bot.tui.screens.cohort import CohortScreen

        self.app.push_screen(CohortScreen(self.folder))

    def action_reload(self) -> None:
        self._load()

    def action_back(self) -> None:
        if self.query_one("#filter", Input).has_focus:  # Esc leaves the filter box first
            self.query_one("#rows", DataTable).focus()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit(0)

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand("Open transcript", "Review the highlighted transcript (Enter or o)",
                            self.action_open)  # fmt: skip
        yield SystemCommand(
            "Blind marking", "Mark it before seeing the scorer's judgments (b)", self.action_blind
        )
        yield SystemCommand("Sort by next key", "date, apprentice, mode, ... (s)", self.action_sort)
        yield SystemCommand("Reverse the order", "Flip the sort order (r)", self.action_reverse)
        yield SystemCommand("Filter", "Type part of a name or KEY=VALUE (/)", self.action_filter)
        yield SystemCommand(
            "Cohort view",
            "Apprentices x topics, criteria most often missed (c)",
            self.action_cohort,
        )
        yield SystemCommand("Reload", "Read the folder again (F5)", self.action_reload)
