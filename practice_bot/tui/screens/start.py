"""The start screen: the apprentice's name (remembered), the kind of session, topics for practice, what
scores the answers, and recent sessions (resume an unfinished one, or open a finished one's report).

It draws at once; the recent sessions are read from the transcripts folder in a thread afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    RadioSet,
    SelectionList,
    Static,
)

from practice_bot.textsafe import printable
from practice_bot.tui.app import the_app
from practice_bot.tui.widgets.toggles import MarkedRadioButton, TopicPicker

if TYPE_CHECKING:
    from practice_bot.records.store import Entry

MODES = (
    ("mock", "Mock exam (90 min)"),
    ("practice", "Practice with feedback"),
    ("drill", "Drill on weakest (15 min)"),
)
MODE_HELP = {
    "mock": "All 11 topics, timed, no feedback until the report at the end.",
    "practice": "Topics you tick, feedback after each answer, pause allowed.",
    "drill": "About 15 minutes on the criteria you have evidenced least.",
}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class RecentLoaded(Message):
    def __init__(self, entries: list[Entry], problems: list[str]) -> None:
        super().__init__()
        self.entries = entries
        self.problems = problems


class StartScreen(Screen[None]):
    BINDINGS = [
        Binding("f2,ctrl+s", "start", "Start", key_display="F2/^S", priority=True),
        Binding("f3", "resume", "Resume", key_display="F3", priority=True),
        Binding("f4", "history", "History", key_display="F4", priority=True),
    ]

    def __init__(self, *, mode: str | None = None) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self._mode = mode

    def compose(self) -> ComposeResult:
        from practice_bot.rubric import load_rubric

        prefs = the_app(self).prefs
        settings = the_app(self).settings
        mode = self._mode or prefs.mode
        yield Header()
        with VerticalScroll(id="start"):
            with Horizontal(id="choices"):
                with Vertical(id="left"):
                    yield Label("Your name")
                    yield Input(
                        prefs.name or settings.name,
                        placeholder="as it should appear on your report",
                        max_length=80,
                        id="name",
                    )
                    yield Label("Session")
                    with RadioSet(id="mode"):
                        for key, label in MODES:
                            yield MarkedRadioButton(label, value=key == mode, name=key)
                    yield Static(Content(MODE_HELP.get(mode, "")), id="mode-help")
                    yield Static(self._scoring_text(), id="scoring")
                with Vertical(id="right"):
                    yield Label("Topics (for practice)")
                    yield TopicPicker(
                        *((t.name, t.id, t.id in prefs.topics) for t in load_rubric().topics),
                        id="topics",
                    )
            with Horizontal(id="buttons"):
                yield Button("Start (F2)", id="start-button", variant="primary", compact=True)
                yield Button("Resume (F3)", id="resume-button", compact=True)
                yield Button("History (F4)", id="history-button", compact=True)
            yield Label("Recent sessions (Enter: resume or open the report)")
            yield DataTable(id="recent", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def _scoring_text(self) -> Content:
        settings = the_app(self).settings
        scorer = getattr(self.app, "scorer", None)
        if scorer is not None:
            return Content(f"Scoring: {scorer.name} scorer.")
        if settings.scorer != "offline" and settings.llm_configured:
            from practice_bot.llm.consent import endpoint_key

            return Content(
                f"Scoring: {settings.model} at {endpoint_key(settings.base_url)} "
                "(you are asked before answers are sent)."
            )
        return Content("Scoring: offline (nothing sent).")

    def on_mount(self) -> None:
        self.title = "practice-bot"
        self.sub_title = "rehearse the AM2 professional discussion"
        table = self.query_one("#recent", DataTable)
        table.add_columns("Started", "Name", "Mode", "Status", "Progress")
        self._sync_topics()
        self.query_one("#name", Input).focus()
        self.call_after_refresh(self._load_recent)

    @work(thread=True, exclusive=True, group="recent", exit_on_error=False)
    def _load_recent(self) -> None:
        from practice_bot.records.store import list_transcripts

        entries, problems = list_transcripts(the_app(self).settings.transcripts)
        self.post_message(RecentLoaded(entries, problems))

    def on_recent_loaded(self, message: RecentLoaded) -> None:
        self.entries = message.entries
        self._fill_recent()
        if message.problems:
            self.notify(
                f"{len(message.problems)} unreadable file(s) in the transcripts folder were skipped.",
                severity="warning",
                markup=False,
            )

    def _fill_recent(self) -> None:
        from practice_bot.records.store import started_stamp

        name = self.apprentice
        table = self.query_one("#recent", DataTable)
        table.clear()
        mine = [e for e in self.entries if e.transcript.apprentice == name]
        self.shown = (mine or self.entries)[:20]
        for i, e in enumerate(self.shown):
            t = e.transcript
            answers = sum(1 for turn in t.turns if turn.role == "apprentice")
            discussed = len({turn.topic for turn in t.turns if turn.kind == "question"})
            status = "UNFINISHED (F3)" if e.in_progress else t.status.replace("_", " ")
            name = printable(t.apprentice)
            table.add_row(
                Text(started_stamp(t.started_at)),
                Text(name if len(name) <= 12 else name[:11] + "…"),
                Text(t.mode),
                Text(status),
                Text(
                    f"{answers} answer{'s' if answers != 1 else ''}, {discussed}/{len(t.topics)} topics"
                ),
                key=str(i),
            )

    @property
    def apprentice(self) -> str:
        return _CONTROL.sub("", self.query_one("#name", Input).value).strip()

    @property
    def mode(self) -> str:
        pressed = self.query_one("#mode", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "practice"

    @on(RadioSet.Changed, "#mode")
    def _sync_topics(self) -> None:
        self.query_one("#topics", SelectionList).disabled = self.mode != "practice"
        self.query_one("#mode-help", Static).update(Content(MODE_HELP.get(self.mode, "")))

    @on(Input.Changed, "#name")
    def _name_changed(self) -> None:
        if self.entries:
            self._fill_recent()

    @on(Button.Pressed, "#start-button")
    def action_start(self) -> None:
        import secrets

        from practice_bot.session.plan import SessionConfig

        name = self.apprentice
        if not name:
            self.notify(
                "Type your name first: it goes on your report.", severity="warning", markup=False
            )
            self.query_one("#name", Input).focus()
            return
        topics = list(self.query_one("#topics", SelectionList).selected)
        if self.mode == "practice" and not topics:
            self.notify(
                "Choose at least one topic to practise (Space ticks one).",
                severity="warning",
                markup=False,
            )
            self.query_one("#topics", SelectionList).focus()
            return
        app = the_app(self)
        app.prefs.name, app.prefs.mode = name, self.mode
        if self.mode == "practice":
            app.prefs.topics = topics
        app.save_prefs()
        config = SessionConfig(
            mode=self.mode,
            apprentice=name,
            topics=topics if self.mode == "practice" else [],
            seed=secrets.randbelow(1_000_000),
        )
        app.begin(config)

    @on(Button.Pressed, "#resume-button")
    def action_resume(self) -> None:
        table = self.query_one("#recent", DataTable)
        chosen = self.shown[table.cursor_row] if self.shown and table.has_focus else None
        if chosen is None or not chosen.in_progress:
            chosen = next((e for e in self.shown if e.in_progress), None)
        if chosen is None:
            self.notify("No unfinished session to resume.", markup=False)
            return
        the_app(self).resume(chosen.path)

    @on(Button.Pressed, "#history-button")
    def action_history(self) -> None:
        from practice_bot.tui.screens.history import HistoryScreen

        name = self.apprentice
        if not name:
            self.notify("Type your name first to see your history.", markup=False)
            return
        self.app.push_screen(HistoryScreen(name))

    @on(DataTable.RowSelected, "#recent")
    def _open(self, event: DataTable.RowSelected) -> None:
        the_app(self).open_entry(self.shown[int(str(event.row_key.value))])

    def refresh_recent(self) -> None:
        self._load_recent()

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand(
            "Start session", "Start the session chosen here (F2 or Ctrl+S)", self.action_start
        )
        yield SystemCommand(
            "Resume", "Carry on with an unfinished session (F3)", self.action_resume
        )
        yield SystemCommand(
            "History", "Your past sessions and weakest criteria (F4)", self.action_history
        )
