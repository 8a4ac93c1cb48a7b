"""The Textual app: `run(settings, config=None, resume=None, review=None)` is what `practice-bot` and
`practice-bot review` call, with the settings already loaded (so the first frame is complete, and a
broken config file is reported before the app opens).

Kept light so the first screen appears fast: screens, the engine and the records are imported when first
needed, and nothing here imports an LLM library.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from practice_bot.prefs import Prefs, load_prefs, save_prefs
from practice_bot.tui.screens.base import AppScreen

if TYPE_CHECKING:
    from practice_bot.config import Settings
    from practice_bot.records.schema import Transcript
    from practice_bot.records.store import Entry
    from practice_bot.scoring.base import Scorer
    from practice_bot.session.clock import Clock
    from practice_bot.session.factory import Session
    from practice_bot.session.plan import SessionConfig

DEFAULT_THEME = "textual-dark"


@dataclass
class ReviewStart:
    """Open the app on the tutor's review list of `folder` (sort key, order and filter box text)."""

    folder: Path
    sort: str = "date"
    reverse: bool = False
    filter: str = ""


class PracticeApp(App[int]):
    TITLE = "practice-bot"
    BINDINGS = [Binding("f1", "toggle_keys", "Keys", key_display="F1")]

    def __init__(
        self,
        settings: Settings,
        *,
        config: SessionConfig | None = None,
        resume: Path | None = None,
        review: ReviewStart | None = None,
        clock: Clock | None = None,
        scorer: Scorer | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self._theme_chosen = False  # set on mount: a theme set after that was picked in the app
        self.prefs: Prefs = load_prefs()
        self.clock = clock
        self.scorer = scorer
        self._config = config
        self._resume = resume
        self._review = review
        self.session: Session | None = None  # the session in the discussion room, if any

    # ----- start-up ---------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        if self._review is not None:  # `practice-bot review` in a terminal
            from practice_bot.tui.screens.review_list import ReviewListScreen

            r = self._review
            return ReviewListScreen(r.folder, sort=r.sort, reverse=r.reverse, filter_text=r.filter)
        from practice_bot.tui.screens.start import StartScreen

        mode = self._config.mode if self._config is not None else None
        return StartScreen(mode=mode)

    def on_mount(self) -> None:
        from practice_bot.tui.theme import HIGH_CONTRAST

        self.register_theme(HIGH_CONTRAST)
        self.theme = self._wanted_theme()
        self._theme_chosen = True
        if self._resume is not None:
            self.resume(self._resume)
        elif self._config is not None:
            self.begin(self._config)

    def _wanted_theme(self) -> str:
        """The config's theme if it names one, else the one last picked, else the default."""
        s = self.settings
        wanted = s.theme if "theme" in s.model_fields_set else self.prefs.theme or s.theme
        return wanted if wanted in self.available_themes else DEFAULT_THEME

    def watch_theme(self, theme: str) -> None:
        """A theme picked in the app (not the config file's) is remembered as the last one picked."""
        if self._theme_chosen and theme != self.prefs.theme:
            self.prefs.theme = theme
            self.save_prefs()

    def save_prefs(self) -> None:
        save_prefs(self.prefs)

    # ----- sessions ---------------------------------------------------------------------------------
    def begin(self, config: SessionConfig) -> None:
        """Start a session (asking first if answers would go to an endpoint not agreed before)."""
        if config.mode == "practice" and not config.topics:  # `practice-bot practice` alone
            self.notify("Practice: tick the topics you want, then press F2.", markup=False)
            return
        self._with_consent(lambda llm: self._start(config, llm))

    def resume(self, path: Path) -> None:
        self._with_consent(lambda llm: self._resume_from(path, llm))

    def _with_consent(self, go: Callable[[bool], None]) -> None:
        """Call `go(llm)`: llm is whether this session may use the configured endpoint."""
        from practice_bot.session.llm_wiring import endpoint_wanted, needs_consent

        if self.scorer is not None or not endpoint_wanted(self.settings):
            go(False)
            return
        if not needs_consent(self.settings):
            go(True)
            return
        from practice_bot.session.llm_wiring import consent_question, give_consent
        from practice_bot.tui.screens.dialogs import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                give_consent(self.settings)
            go(bool(yes))

        self.push_screen(
            ConfirmScreen(
                "Where your answers go",
                consent_question(self.settings),
                yes="Send",
                no="Offline",
            ),
            decided,
        )

    def _start(self, config: SessionConfig, llm: bool) -> None:
        from practice_bot.session.factory import start_session

        try:
            session = start_session(
                config, self.settings, clock=self.clock, scorer=self.scorer, llm=llm
            )
        except Exception as exc:  # user-fixable (banks, folder, topics): say it, stay on screen
            self._failed("Could not start the session", exc)
            return
        self._enter(session)

    def _resume_from(self, path: Path, llm: bool) -> None:
        from practice_bot.session.factory import resume_session

        try:
            session = resume_session(
                path, self.settings, clock=self.clock, scorer=self.scorer, llm=llm
            )
        except Exception as exc:
            self._failed("Could not resume the session", exc)
            return
        self._enter(session)

    def _enter(self, session: Session) -> None:
        from practice_bot.tui.screens.discussion import DiscussionScreen

        self.session = session
        self.home()
        self.push_screen(DiscussionScreen(session))

    def _failed(self, what: str, exc: Exception) -> None:
        from practice_bot.errors import UserError
        from practice_bot.textsafe import printable

        if not isinstance(exc, UserError | OSError):
            raise exc
        self.notify(printable(str(exc)), title=what, severity="error", markup=False, timeout=15)

    def home(self) -> None:
        """Back to the start screen (the bottom of the stack), refreshing its recent sessions."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, AppScreen):
            self.screen.shown_again()

    def open_entry(self, entry: Entry) -> None:
        """A row of history: resume it if unfinished, else show its report."""
        if entry.in_progress:
            self.resume(entry.path)
        else:
            self._show_report(entry.transcript, entry.path)

    def open_file(self, path: Path) -> None:
        """A row of recent sessions (listed from a few of its fields): resume it if unfinished, else
        read it in full and show its report; a file that fails to read says why."""
        from practice_bot.records.files import JOURNAL_SUFFIX

        if path.name.endswith(JOURNAL_SUFFIX):
            self.resume(path)
            return
        from practice_bot.records.store import load_transcript

        try:
            transcript = load_transcript(path)
        except Exception as exc:  # a TranscriptError names the file and what is wrong in it
            self._failed("Could not open the session", exc)
            return
        self._show_report(transcript, path)

    def _show_report(self, transcript: Transcript, path: Path) -> None:
        from practice_bot.records.report import build_report
        from practice_bot.rubric import load_rubric
        from practice_bot.tui.screens.report import ReportScreen

        report = build_report(transcript, load_rubric())
        self.push_screen(ReportScreen(transcript, report, path))

    def open_review(self, folder: Path | None = None) -> None:
        """The tutor's review list of a transcripts folder (the configured one by default)."""
        from practice_bot.tui.screens.review_list import ReviewListScreen

        self.push_screen(ReviewListScreen(folder or Path(self.settings.transcripts)))

    # ----- keys and the command palette -------------------------------------------------------------
    async def action_quit(self) -> None:
        """Quit; if an answer is typed but not sent, ask first (everything sent is already saved)."""
        if not (isinstance(self.screen, AppScreen) and self.screen.has_unsent_answer):
            self.exit()
            return
        from practice_bot.tui.screens.dialogs import ConfirmScreen

        save_draft = getattr(self.screen, "save_draft", None)
        if save_draft is not None:
            save_draft()  # kept beside the journal: resuming puts it back in the box

        def decided(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmScreen(
                "Quit now?",
                "The answer in the box has not been sent; it is kept as a draft and comes back "
                "in the box when you resume. Everything sent so far is saved: "
                "`practice-bot resume` carries on from here.",
                yes="Quit",
                no="Stay",
            ),
            decided,
        )

    def action_toggle_keys(self) -> None:
        if self.screen.query("KeysHelp"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_show_help_panel(self) -> None:
        """The app's keys first, then the focused box's (Textual's panel lists those first)."""
        from practice_bot.tui.widgets.keys_help import KeysHelp

        if not self.screen.query(KeysHelp):
            self.screen.mount(KeysHelp())

    def action_hide_help_panel(self) -> None:
        self.screen.query("KeysHelp").remove()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title == "Keys":  # name the key, for terminals that keep F1 for themselves
                command = command._replace(help="Show every key of this screen (F1)")
            yield command
        yield SystemCommand(
            "High-contrast theme",
            "White on black with a yellow accent",
            lambda: setattr(self, "theme", "high-contrast"),
        )
        if isinstance(screen, AppScreen):
            yield from screen.palette_commands()

    @property
    def exit_note(self) -> str:
        s = self.session
        if s is None or s.engine.finished:
            return ""
        import shlex

        return (
            f"practice-bot: your answers so far are saved in {s.journal_path}.\n"
            f"Carry on later with: practice-bot resume {shlex.quote(str(s.journal_path))}"
        )


def run(
    settings: Settings,
    config: SessionConfig | None = None,
    resume: Path | None = None,
    review: ReviewStart | None = None,
) -> int:
    """Run the app with settings already loaded (`config.load_settings`); its exit code."""
    app = PracticeApp(settings, config=config, resume=resume, review=review)
    code = app.run()
    if app.exit_note:
        print(app.exit_note, file=sys.stderr)
    return code or 0
