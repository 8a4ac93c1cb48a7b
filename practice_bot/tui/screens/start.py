"""The start screen: the apprentice's name (remembered), the kind of session, topics for practice, what
scores the answers, and recent sessions (resume an unfinished one, or open a finished one's report).

The form draws from the prefs file and the settings, which are loaded before the app starts, so its
first frame is complete but for the recent sessions (its parts are in start_parts.py); those are read
from the transcripts folder in a thread.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, RadioSet, Static

from practice_bot.tui.screens import start_parts as parts
from practice_bot.tui.screens.base import AppScreen
from practice_bot.tui.widgets.header import Header
from practice_bot.tui.widgets.keys_line import KeysLine
from practice_bot.tui.widgets.toggles import TopicPicker

if TYPE_CHECKING:
    from practice_bot.records.listing import SessionRow

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class RecentLoaded(Message):
    def __init__(self, entries: list[SessionRow], problems: list[str]) -> None:
        super().__init__()
        self.entries = entries
        self.problems = problems


class StartScreen(AppScreen[None]):
    DEFAULT_CSS = """
    StartScreen #start { padding: 0 1; }
    StartScreen #choices { height: auto; }
    StartScreen #left { width: 34; height: auto; margin-right: 1; }
    StartScreen #right { width: 1fr; max-width: 60; height: auto; }
    StartScreen #recent-label { margin-top: 1; }
    StartScreen Label { text-style: bold; }
    StartScreen #mode { width: 100%; }
    StartScreen #mode-help { height: 2; color: $text-muted; }
    StartScreen #topics { height: auto; max-height: 13; }
    StartScreen #topics:disabled { opacity: 60%; }
    StartScreen #scoring { height: auto; color: $text-muted; }
    StartScreen #buttons { height: auto; margin-top: 1; }
    StartScreen #buttons Button { margin-right: 2; }
    StartScreen #recent { height: auto; max-height: 12; }
    """
    AUTO_FOCUS = "#name"  # straight to the name box (not first to the scrolling container)
    BINDINGS = [
        Binding("f2,ctrl+s", "start", "Start", key_display="F2/^S", priority=True),
        Binding("f3", "resume", "Resume", key_display="F3", priority=True),
        Binding("f4", "history", "History", key_display="F4", priority=True),
        Binding("f5", "recent", "Recent", key_display="F5", priority=True),
        Binding("f6", "review", "Tutor review", key_display="F6", priority=True),
    ]

    def __init__(self, *, mode: str | None = None) -> None:
        super().__init__()
        self.entries: list[SessionRow] = []
        self.shown: list[SessionRow] = []
        self._mode = mode
        self.built = False  # mounted: keys pressed now are not lost
        self.recent_listed = False  # the recent sessions are listed (the screen is complete)

    def compose(self) -> ComposeResult:
        app = self.practice_app
        mode = self._mode or app.prefs.mode
        yield Header()
        with VerticalScroll(id="start"):
            with Horizontal(id="choices"):
                with Vertical(id="left"):
                    yield Label("Your name (as on your report)")
                    yield Input(
                        app.prefs.name or app.settings.name,
                        placeholder="e.g. Sam Patel",
                        max_length=80,
                        id="name",
                    )
                    yield from parts.session_choice(mode, self._scoring_text())
                with Vertical(id="right"):
                    yield from parts.topic_column(app.prefs.topics, mode)
            with Horizontal(id="buttons"):
                yield from parts.buttons()
            yield from parts.recent_part()
        yield KeysLine()

    def on_mount(self) -> None:
        self.title = "practice-bot"
        self.sub_title = "rehearse the AM2 professional discussion"
        self.query_one("#name", Input).focus()
        self._highlight_chosen_mode()  # in the first frame, not a frame of its own after it
        self.built = True
        # The recent sessions are read when the screen is shown (on_screen_resume, which follows).

    def _highlight_chosen_mode(self) -> None:
        """The mode list's highlight starts on the chosen mode (RadioSet, mounted before the screen,
        starts it on the first), so Up or Down moves from what is chosen."""
        modes = self.query_one("#mode", RadioSet)
        modes._selected = modes.pressed_index

    def _scoring_text(self) -> Content:
        scorer = self.practice_app.scorer
        if scorer is not None:
            return Content(f"Scoring: {scorer.name} scorer.")
        settings = self.practice_app.settings
        if settings.scorer != "offline" and settings.llm_configured:
            from practice_bot.llm.consent import endpoint_key

            return Content(
                f"Scoring: {settings.model} at {endpoint_key(settings.base_url)} "
                "(you are asked before answers are sent)."
            )
        return Content("Scoring: offline (nothing sent).")

    # ----- recent sessions ------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="recent", exit_on_error=False)
    def _load_recent(self) -> None:
        from practice_bot.records.listing import list_rows, unfinished_elsewhere

        folder = self.practice_app.settings.transcripts
        entries, problems = list_rows(folder)  # without the transcript models: a row is enough
        entries += unfinished_elsewhere(folder)  # a rescued session, a class's folder: F3 finds it
        entries.sort(key=lambda e: e.started_at, reverse=True)
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
        name = self.apprentice
        mine = [e for e in self.entries if e.apprentice == name]
        self.shown = (mine or self.entries)[:20]
        parts.fill_table(self.query_one("#recent", DataTable), self.shown)
        if not self.recent_listed:
            # Complete: garbage collection resumes (cli.py) a moment after this is drawn, so that its
            # first pass, over everything made while starting, delays nothing on screen.
            self.set_timer(0.5, gc.enable)
        self.recent_listed = True

    def shown_again(self) -> None:
        self._load_recent()

    def on_screen_suspend(self) -> None:
        gc.enable()  # left before it was complete: garbage collection resumes all the same (cli.py)

    def on_screen_resume(self) -> None:
        """Back from a session, a report or history: the recent list is read again (a session may
        have finished, and its journal made way for the final file)."""
        self.shown_again()

    def action_recent(self) -> None:
        """F5: straight to the recent sessions (Enter resumes or opens one)."""
        if self.built:
            self.query_one("#recent").focus()

    # ----- state of the form ----------------------------------------------------------------------
    @property
    def apprentice(self) -> str:
        return _CONTROL.sub("", self.query_one("#name", Input).value).strip()

    @property
    def mode(self) -> str:
        pressed = self.query_one("#mode", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "practice"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.query_one("#topics", TopicPicker).disabled = self.mode != "practice"
        self.query_one("#mode-help", Static).update(Content(parts.MODE_HELP.get(self.mode, "")))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "name" and self.entries:
            self._fill_recent()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "start-button": self.action_start,
            "resume-button": self.action_resume,
            "history-button": self.action_history,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.practice_app.open_file(self.shown[int(str(event.row_key.value))].path)

    # ----- actions --------------------------------------------------------------------------------
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
        picker = self.query_one("#topics", TopicPicker)
        topics = list(picker.selected)
        if self.mode == "practice" and not topics:
            self.notify(
                "Choose at least one topic to practise (Space ticks one).",
                severity="warning",
                markup=False,
            )
            picker.focus()
            return
        app = self.practice_app
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

    def action_resume(self) -> None:
        table = self.query_one("#recent", DataTable)
        chosen = self.shown[table.cursor_row] if self.shown and table.has_focus else None
        if chosen is None or not chosen.in_progress:
            chosen = next((e for e in self.shown if e.in_progress), None)
        if chosen is None:
            self.notify("No unfinished session to resume.", markup=False)
            return
        if not chosen.path.exists():  # finished since the list was read
            self.shown_again()
            self.notify("That session has finished: the list is updated.", markup=False)
            return
        self.practice_app.resume(chosen.path)

    def action_history(self) -> None:
        from practice_bot.tui.screens.history import HistoryScreen

        name = self.apprentice
        if not name:
            self.notify("Type your name first to see your history.", markup=False)
            return
        self.app.push_screen(HistoryScreen(name))

    def action_review(self) -> None:
        self.practice_app.open_review()

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
        yield SystemCommand(
            "Recent sessions", "Go to the list of recent sessions (F5)", self.action_recent
        )
        yield SystemCommand(
            "Tutor review",
            "Review transcripts, override, blind marking, cohort (F6)",
            self.action_review,
        )
