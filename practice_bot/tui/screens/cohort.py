"""The cohort view: apprentices x topics (criteria evidenced of those covered, as numbers, from each
apprentice's latest finished session covering them, overrides applied), a cohort row, and the criteria
most often missed; `p` filters by class pack. The folder is read in a thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from practice_bot.records.schema import Transcript
from practice_bot.rubric import load_rubric
from practice_bot.rubric.models import Rubric
from practice_bot.textsafe import printable
from practice_bot.tui.screens.base import AppScreen
from practice_bot.tui.widgets.header import Header
from practice_bot.tutor.cohort import Cohort


def cell_text(cohort: Cohort, apprentice: str, topic_id: str) -> str:
    c = cohort.cell(apprentice, topic_id)
    return "-" if c is None or not c.criteria else f"{c.evidenced}/{c.criteria}"


def cohort_cell(cohort: Cohort, topic_id: str) -> str:
    share = cohort.topic_share(topic_id)
    return "-" if share is None else f"{100 * share:.0f}%"


def legend(cohort: Cohort, rubric: Rubric) -> str:
    return "   ".join(f"T{rubric.topic(t).order} {rubric.topic(t).name}" for t in cohort.topics)


def missed_lines(cohort: Cohort, limit: int = 10) -> str:
    if not cohort.missed:
        return "None: every criterion covered has been evidenced by everyone who covered it."
    return "\n".join(
        f"{m.criterion_id} ({m.level}): missed by {m.missed} of {m.apprentices}\n"
        f"    {m.text if len(m.text) <= 72 else m.text[:71] + '…'}"
        for m in cohort.missed[:limit]
    )


class CohortRead(Message):
    def __init__(self, transcripts: list[Transcript], problems: list[str]) -> None:
        super().__init__()
        self.transcripts = transcripts
        self.problems = problems


class CohortScreen(AppScreen[None]):
    BINDINGS = [
        Binding("p", "next_pack", "Class pack"),
        Binding("f5", "reload", "Reload", key_display="F5"),
        Binding("escape", "back", "Back", key_display="Esc"),
    ]
    DEFAULT_CSS = """
    CohortScreen VerticalScroll { padding: 0 1; }
    CohortScreen .heading { text-style: bold; color: $primary; margin-top: 1; }
    CohortScreen #matrix { height: auto; max-height: 16; }
    CohortScreen #legend, CohortScreen #pack { color: $text-muted; }
    """

    def __init__(self, folder: Path, pack_id: str | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.pack_id = pack_id
        self.rubric = load_rubric()
        self.transcripts: list[Transcript] = []
        self.packs: list[str] = []
        self.problems: list[str] = []
        self.cohort: Cohort | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="cohort"):
            yield Static(Content("Reading the transcripts..."), id="pack")
            yield Static(
                Content("Criteria evidenced of those covered, per apprentice and topic"),
                classes="heading",
            )
            yield DataTable(id="matrix", cursor_type="row", zebra_stripes=True)
            yield Static(id="legend")
            yield Static(Content("Criteria most often missed"), classes="heading")
            yield Static(id="missed")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Cohort"
        self.sub_title = printable(self.folder.name or str(self.folder))
        self.query_one("#matrix").focus()
        self._load()

    @work(thread=True, exclusive=True, group="cohort", exit_on_error=False)
    def _load(self) -> None:
        from practice_bot.records.store import list_transcripts

        entries, problems = list_transcripts(self.folder)
        self.post_message(
            CohortRead([e.transcript for e in entries if not e.in_progress], problems)
        )

    def on_cohort_read(self, message: CohortRead) -> None:
        from practice_bot.tutor.cohort import pack_ids

        self.transcripts, self.problems = message.transcripts, message.problems
        self.packs = pack_ids(self.transcripts)
        if self.pack_id is not None and self.pack_id not in self.packs:
            self.pack_id = None
        self.show()

    def show(self) -> None:
        from practice_bot.tutor.cohort import cohort_view

        self.cohort = cohort = cohort_view(self.transcripts, self.rubric, self.pack_id)
        pack = f"class pack {printable(self.pack_id)}" if self.pack_id else "all class packs"
        choices = f" (p: {len(self.packs)} pack(s) to choose from)" if self.packs else ""
        skipped = f"; {len(self.problems)} unreadable file(s) skipped" if self.problems else ""
        self.query_one("#pack", Static).update(
            Content(
                f"{pack.capitalize()}{choices}: {len(cohort.apprentices)} apprentice(s), "
                f"{cohort.transcripts} finished transcript(s){skipped}."
            )
        )
        table: DataTable[Text] = self.query_one("#matrix", DataTable)
        table.clear(columns=True)
        table.add_column("Apprentice", key="apprentice")
        for t in cohort.topics:
            table.add_column(f"T{self.rubric.topic(t).order}", key=t)
        for a in cohort.apprentices:
            name = printable(a)
            table.add_row(
                Text(name if len(name) <= 18 else name[:17] + "…"),
                *(Text(cell_text(cohort, a, t), justify="right") for t in cohort.topics),
                key=a,
            )
        if cohort.apprentices:
            table.add_row(
                Text("cohort", style="bold"),
                *(
                    Text(cohort_cell(cohort, t), justify="right", style="bold")
                    for t in cohort.topics
                ),
                key="(cohort)",
            )
        self.query_one("#legend", Static).update(
            Content(legend(cohort, self.rubric) if cohort.topics else "No finished sessions yet.")
        )
        self.query_one("#missed", Static).update(Content(missed_lines(cohort)))

    def action_next_pack(self) -> None:
        if not self.packs:
            self.notify("No class packs in this folder's transcripts.", markup=False)
            return
        choices: list[str | None] = [None, *self.packs]
        self.pack_id = choices[(choices.index(self.pack_id) + 1) % len(choices)]
        self.show()

    def action_reload(self) -> None:
        self._load()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit(0)

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand(
            "Next class pack",
            "Show one class pack's transcripts, or all (p)",
            self.action_next_pack,
        )
        yield SystemCommand("Reload", "Read the folder again (F5)", self.action_reload)
