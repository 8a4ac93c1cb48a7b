"""The start screen: the apprentice's name (remembered), the kind of session, topics for practice, what
scores the answers, and recent sessions (resume an unfinished one, or open a finished one's report).

The name field draws first, from the prefs file alone; the choices are built one frame later
(start_parts.py). Bare `practice-bot` loads the settings in a thread after the first frame: until they
arrive the scoring line says so, and then it, the name (if none was remembered) and the recent sessions
(read from the transcripts folder in a thread) are filled in. Keys pressed before then wait for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, RadioSet, Static

from practice_bot.tui.app import the_app

if TYPE_CHECKING:
    from practice_bot.records.store import Entry

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
        Binding("f5", "recent", "Recent", key_display="F5", priority=True),
        Binding("f6", "review", "Tutor review", key_display="F6", priority=True),
    ]

    def __init__(self, *, mode: str | None = None) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self._mode = mode
        self.built = False

    def compose(self) -> ComposeResult:
        app = the_app(self)
        settings = app.loaded_settings
        yield Header()
        with VerticalScroll(id="start"):
            with Horizontal(id="choices"):
                with Vertical(id="left"):
                    yield Label("Your name (as on your report)")
                    yield Input(
                        app.prefs.name or (settings.name if settings else ""),
                        placeholder="e.g. Sam Patel",
                        max_length=80,
                        id="name",
                    )
                    yield Vertical(id="session-choice")
                yield Vertical(id="right")
            yield Horizontal(id="buttons")
            yield Vertical(id="lower")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "practice-bot"
        self.sub_title = "rehearse the AM2 professional discussion"
        self.query_one("#name", Input).focus()
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        if not self.is_attached:
            return
        from practice_bot.tui.screens import start_parts as parts

        app = the_app(self)
        mode = self._mode or app.prefs.mode
        await self.query_one("#session-choice").mount_all(
            parts.session_choice(mode, self._scoring_text())
        )
        modes = self.query_one("#mode", RadioSet)
        modes._selected = modes.pressed_index  # the highlight starts on the chosen mode
        await self.query_one("#right").mount_all(parts.topic_column(app.prefs.topics, mode))
        await self.query_one("#buttons").mount_all(parts.buttons())
        await self.query_one("#lower").mount_all(parts.recent_part())
        self.built = True
        if app.loaded_settings is not None:
            self._with_settings()

    def settings_arrived(self) -> None:
        """The app's settings have loaded (bare `practice-bot`): fill in what depends on them."""
        settings = the_app(self).settings
        name = self.query_one("#name", Input)
        if not name.value and settings.name:
            name.value = settings.name
        if self.built:
            self._with_settings()

    def _with_settings(self) -> None:
        self.query_one("#scoring", Static).update(self._scoring_text())
        self._load_recent()

    def _scoring_text(self) -> Content:
        scorer = the_app(self).scorer
        if scorer is not None:
            return Content(f"Scoring: {scorer.name} scorer.")
        settings = the_app(self).loaded_settings
        if settings is None:
            return Content("Scoring: reading the settings...")
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
        from practice_bot.tui.screens.start_parts import fill_table

        name = self.apprentice
        mine = [e for e in self.entries if e.transcript.apprentice == name]
        self.shown = (mine or self.entries)[:20]
        fill_table(self.query_one("#recent"), self.shown)  # type: ignore[arg-type]

    def refresh_recent(self) -> None:
        if self.built:
            self._load_recent()

    def on_screen_resume(self) -> None:
        """Back from a session, a report or history: the recent list is read again (a session may
        have finished, and its journal made way for the final file)."""
        if the_app(self).loaded_settings is not None:
            self.refresh_recent()

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
        pressed = self.query_one("#mode").pressed_button  # type: ignore[attr-defined]
        return pressed.name if pressed is not None and pressed.name else "practice"

    def on_radio_set_changed(self, event: Any) -> None:
        from practice_bot.tui.screens.start_parts import MODE_HELP

        self.query_one("#topics").disabled = self.mode != "practice"
        self.query_one("#mode-help").update(Content(MODE_HELP.get(self.mode, "")))  # type: ignore[attr-defined]

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "name" and self.entries:
            self._fill_recent()

    def on_button_pressed(self, event: Any) -> None:
        actions = {
            "start-button": self.action_start,
            "resume-button": self.action_resume,
            "history-button": self.action_history,
        }
        action = actions.get(event.button.id)
        if action is not None:
            action()

    def on_data_table_row_selected(self, event: Any) -> None:
        the_app(self).open_entry(self.shown[int(str(event.row_key.value))])

    def _waiting_for_settings(self, action: Any) -> bool:
        """True (and `action` queued) if the settings are still loading."""
        app = the_app(self)
        if app.loaded_settings is not None:
            return False
        app.when_settings(action)
        return True

    # ----- actions --------------------------------------------------------------------------------
    def action_start(self) -> None:
        import secrets

        from practice_bot.session.plan import SessionConfig

        if not self.built or self._waiting_for_settings(self.action_start):
            return
        name = self.apprentice
        if not name:
            self.notify(
                "Type your name first: it goes on your report.", severity="warning", markup=False
            )
            self.query_one("#name", Input).focus()
            return
        picker = self.query_one("#topics")
        topics = list(picker.selected)  # type: ignore[attr-defined]
        if self.mode == "practice" and not topics:
            self.notify(
                "Choose at least one topic to practise (Space ticks one).",
                severity="warning",
                markup=False,
            )
            picker.focus()
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

    def action_resume(self) -> None:
        if not self.built or self._waiting_for_settings(self.action_resume):
            return
        table = self.query_one("#recent")
        chosen = self.shown[table.cursor_row] if self.shown and table.has_focus else None  # type: ignore[attr-defined]
        if chosen is None or not chosen.in_progress:
            chosen = next((e for e in self.shown if e.in_progress), None)
        if chosen is None:
            self.notify("No unfinished session to resume.", markup=False)
            return
        if not chosen.path.exists():  # finished since the list was read
            self.refresh_recent()
            self.notify("That session has finished: the list is updated.", markup=False)
            return
        the_app(self).resume(chosen.path)

    def action_history(self) -> None:
        from practice_bot.tui.screens.history import HistoryScreen

        if self._waiting_for_settings(self.action_history):
            return
        name = self.apprentice
        if not name:
            self.notify("Type your name first to see your history.", markup=False)
            return
        self.app.push_screen(HistoryScreen(name))

    def action_review(self) -> None:
        if not self._waiting_for_settings(self.action_review):
            the_app(self).open_review()

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
