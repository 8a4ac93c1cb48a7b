"""History: this apprentice's past sessions, a trend per topic, the weakest criteria, and a drill on them."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from practice_bot.records.store import Entry
from practice_bot.rubric.models import Rubric
from practice_bot.textsafe import printable
from practice_bot.tui.display import GRADE_WORDS, bar
from practice_bot.tui.screens.base import AppScreen
from practice_bot.tui.widgets.header import Header
from practice_bot.wording import criterion_label

SPARK = "▁▂▃▄▅▆▇█"


def trend_lines(rubric: Rubric, chronological: list[Entry]) -> list[str]:
    """Per topic: share evidenced in each session that covered it (oldest first), as marks and
    numbers, and a word. Sessions that never reached a topic are left out, not counted as 0."""
    from practice_bot.records.history import topic_shares

    by_topic = topic_shares(rubric, [e.transcript for e in chronological])
    lines = []
    for topic in rubric.topics:
        shares = by_topic.get(topic.id)
        if not shares:
            continue
        marks = "".join(
            SPARK[min(int(m / n * (len(SPARK) - 1)), len(SPARK) - 1)] for m, n in shares
        )
        first, last = shares[0][0] / shares[0][1], shares[-1][0] / shares[-1][1]
        word = "up" if last > first else "down" if last < first else "level"
        numbers = " ".join(f"{m}/{n}" for m, n in shares[-6:])
        lines.append(f"{topic.name[:35]:<35} {marks[-12:]:<12} {numbers}  ({word})")
    return lines


class HistoryLoaded(Message):
    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries


class HistoryScreen(AppScreen[None]):
    BINDINGS = [
        Binding("f2,d", "drill", "Drill on weakest", key_display="F2/d"),
        Binding("escape", "back", "Back", key_display="Esc"),
    ]
    DEFAULT_CSS = """
    HistoryScreen VerticalScroll { padding: 0 1; }
    HistoryScreen .heading { text-style: bold; color: $primary; margin-top: 1; }
    HistoryScreen DataTable { height: auto; max-height: 12; }
    """

    def __init__(self, apprentice: str) -> None:
        super().__init__()
        self.apprentice = apprentice
        self.entries: list[Entry] = []
        self.weakest: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(Content("Sessions (newest first; Enter opens one)"), classes="heading")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(
                Content("Trend per topic (criteria evidenced, oldest to newest)"), classes="heading"
            )
            yield Static(Content("Loading..."), id="trend")
            yield Static(Content("Weakest criteria"), classes="heading")
            yield Static(Content("Loading..."), id="weakest")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"History - {printable(self.apprentice)}"
        table = self.query_one(DataTable)
        table.add_columns("Started", "Mode", "Status", "Mock AM2/AM1/all", "Evidenced/covered")
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        from practice_bot.records.store import list_transcripts

        entries, _ = list_transcripts(self.practice_app.settings.transcripts)
        self.post_message(
            HistoryLoaded([e for e in entries if e.transcript.apprentice == self.apprentice])
        )

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        from practice_bot.formatting import started_stamp
        from practice_bot.records.history import (
            criterion_records,
            evidenced_of_covered,
            record_words,
            weakest_criteria,
        )
        from practice_bot.rubric import load_rubric

        rubric = load_rubric()
        self.entries = message.entries
        table = self.query_one(DataTable)
        table.clear()
        for i, e in enumerate(self.entries):
            t = e.transcript
            g = t.grades
            grades = (
                f"{GRADE_WORDS[g.am2]}/{GRADE_WORDS[g.am1]}/{GRADE_WORDS[g.overall]}"
                if g and t.mode == "mock"
                else "-"
            )
            met, covered = evidenced_of_covered(t, rubric)
            status = "in progress" if e.in_progress else t.status.replace("_", " ")
            table.add_row(
                Text(started_stamp(t.started_at)), Text(t.mode), Text(status), Text(grades),
                Text(f"{met}/{covered}"), key=str(i),
            )  # fmt: skip
        chronological = list(reversed(self.entries))
        trend = trend_lines(rubric, chronological)
        self.query_one("#trend", Static).update(
            Content("\n".join(trend) if trend else "No sessions yet: your trend appears here.")
        )
        transcripts = [e.transcript for e in chronological]
        self.weakest = weakest_criteria(rubric, transcripts) if transcripts else []
        records = criterion_records(rubric, transcripts)
        lines = []
        for cid in self.weakest:
            r = records[cid]
            c = rubric.criterion(cid)
            lines.append(
                f"{bar(r.rate, 8)} {rubric.topic(c.topic_id).name}, {criterion_label(cid)}: "
                f"{record_words(r)}\n         {c.text}"
            )
        self.query_one("#weakest", Static).update(
            Content("\n".join(lines) + "\n\nF2 or d: start a drill on these.")
            if lines
            else Content("No sessions yet. A drill picks your weakest criteria once you have some.")
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        entry = self.entries[int(str(event.row_key.value))]
        self.practice_app.open_entry(entry)

    def action_drill(self) -> None:
        import secrets

        from practice_bot.session.plan import SessionConfig

        if not self.entries:
            self.notify("No past sessions yet: a drill needs some history.", markup=False)
            return
        config = SessionConfig(
            mode="drill",
            apprentice=self.apprentice,
            seed=secrets.randbelow(1_000_000),
            target_criteria=self.weakest,
        )
        self.app.pop_screen()
        self.practice_app.begin(config)

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand(
            "Drill on weakest criteria",
            "Start a drill on the criteria listed (F2)",
            self.action_drill,
        )
