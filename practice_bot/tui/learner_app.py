"""The learner's app for `practice-bot serve`: one named learner sits the class pack's mock, nothing more.

`practice-bot serve` starts one of these per browser (`python -m practice_bot.tui.learner_app --pack=P`,
no shell, the checked name in $PRACTICE_BOT_LEARNER_NAME); the server, not the browser, chooses every
argument. It is the tutor's app with the
doors closed: no start screen, review, history, overrides, exports, command palette, theme picker,
screenshots or quit key. Screens are pushed through an allow-list, so a screen added to the room later
stays out until it is let in here. Learner text is shown by the room's widgets, which never read it as
markup. The session resumes from its journal when one is in progress for this learner and pack; a
learner who has finished sees that they have. When the browser goes away the server sends SIGUSR1 and the
mock clock stops (an `away` event), SIGUSR2 when it is back (`resumed`); when the app ends an `away` event
is journaled if not already, and a resumed session counts time from the journal, so time away does not
count unless the pack says `clock_runs_while_away`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from practice_bot.session.factory import Session
from practice_bot.tui.app import PracticeApp
from practice_bot.tui.screens.discussion import DiscussionScreen
from practice_bot.tui.screens.report import ReportScreen
from practice_bot.tui.widgets.header import Header

# Sent by the server (practice_bot/serve/classroom.py) when the learner's browser goes and comes back.
BROWSER_AWAY, BROWSER_BACK = signal.SIGUSR1, signal.SIGUSR2

# App actions a learner may trigger (bindings of the allowed screens name their own actions).
LEARNER_APP_ACTIONS = frozenset({"toggle_keys", "show_help_panel", "hide_help_panel", "focus_next",
                                 "focus_previous", "bell", "notify", "simulate_key"})  # fmt: skip


class WaitingScreen(Screen[None]):
    """The bottom of the learner's stack: shown while the session starts, or with a final message."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static(Content(self.message), id="message")
        yield Footer()

    def show(self, message: str) -> None:
        self.message = message
        self.query_one("#message", Static).update(Content(message))


class LearnerReportScreen(ReportScreen, inherit_bindings=False):
    """The report at the end of the mock, without exports (files on the server) or history."""

    BINDINGS = [Binding("f2,escape", "done", "Done", key_display="F2/Esc")]

    def action_export(self, fmt: str) -> Path | None:
        return None

    def action_history(self) -> None:
        return None

    def action_done(self) -> None:
        self.notify("Your mock is finished and saved. You can close this tab.", markup=False)


class LearnerDiscussionScreen(DiscussionScreen):
    """The discussion room without voice. The app runs on the tutor's machine, so its microphone and
    speakers are the classroom's, not the learner's: F6 would record the room (build_app also turns
    reading questions aloud off). Learners type, as the browser's terminal sends only keys."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("record", "retry_voice"):
            return False
        return super().check_action(action, parameters)

    def action_record(self) -> None:
        return None

    def action_retry_voice(self) -> None:
        return None


def _allowed_screens() -> tuple[type[Screen[Any]], ...]:
    from practice_bot.tui.screens.dialogs import ConfirmScreen, PauseScreen
    from practice_bot.tui.screens.feedback import FeedbackScreen

    return (WaitingScreen, LearnerDiscussionScreen, FeedbackScreen, ConfirmScreen, PauseScreen,
            LearnerReportScreen)  # fmt: skip


class LearnerApp(PracticeApp, inherit_bindings=False):
    """One learner's mock: starts or resumes it at once and never leaves it."""

    TITLE = "practice-bot: mock exam"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("f1", "toggle_keys", "Keys", key_display="F1")]

    def __init__(self, settings: Any, *, finished_message: str | None = None, **kwargs: Any):
        super().__init__(settings, **kwargs)
        self._finished_message = finished_message
        self.on_session: Callable[[Session], object] | None = None  # called as the room opens
        self.clock_stops_while_away = True
        self._away = False  # the browser is away (as the server last said)

    def on_mount(self) -> None:
        """(Textual calls PracticeApp.on_mount as well: it starts or resumes the session.)"""
        if self.clock_stops_while_away:
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(BROWSER_AWAY, self.browser_away)
            loop.add_signal_handler(BROWSER_BACK, self.browser_back)

    def browser_away(self) -> None:
        """The server's word that the learner's browser went away: the mock clock stops."""
        self._away = True
        engine = self.session.engine if self.session is not None else None
        if engine is None or engine.finished or engine.paused:
            return  # not started yet: `_enter` stops the clock as the session opens
        engine._paused_at = engine.clock.monotonic()  # engine.pause() is for practice only
        engine.record_event("away")

    def browser_back(self) -> None:
        self._away = False
        engine = self.session.engine if self.session is not None else None
        if engine is not None and engine.paused:
            engine.unpause()  # journals "resumed"

    def get_default_screen(self) -> Screen[None]:
        return WaitingScreen(self._finished_message or "Starting your mock exam...")

    # ----- closed doors --------------------------------------------------------------------------
    def _gate(self, screen: Any) -> Any:
        """The screen to show instead of `screen`, or None if a learner may not see it at all."""
        if type(screen) is ReportScreen:
            return LearnerReportScreen(screen.transcript, screen.report, screen.path)
        if type(screen) is DiscussionScreen:
            return LearnerDiscussionScreen(screen.session)
        if isinstance(screen, _allowed_screens()):
            return screen
        return None

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        allowed = self._gate(screen)
        if allowed is None:
            return self._refused(screen)
        return super().push_screen(allowed, *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        allowed = self._gate(screen)
        if allowed is None:
            return self._refused(screen)
        return super().switch_screen(allowed)

    def _refused(self, screen: Any) -> Any:
        name = type(screen).__name__ if not isinstance(screen, str) else screen
        if name == "RescueScreen":  # disk trouble: the tutor, not the learner, picks a folder
            self.notify(
                "The server cannot save right now. Your answer is still in the box: tell your "
                "tutor, then send it again.",
                severity="error",
                markup=False,
                timeout=30,
            )
        from textual.await_complete import AwaitComplete

        async def nothing() -> None:
            return None

        return AwaitComplete(nothing())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action in LEARNER_APP_ACTIONS

    async def action_quit(self) -> None:
        self.notify("Your answers are saved as you go; close the tab when you are done.")

    def save_prefs(self) -> None:
        """Learners share the server's account: a learner's theme is not saved for the next."""

    def _enter(self, session: Session) -> None:
        if self.on_session is not None:
            self.on_session(session)
        super()._enter(session)
        if self._away:
            self.browser_away()

    def home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def _failed(self, what: str, exc: Exception) -> None:
        super()._failed(what, exc)
        if isinstance(self.screen, WaitingScreen):
            self.screen.show(f"{what}. Please tell your tutor.")


def _last_stamp(session: Session) -> datetime | None:
    t = session.engine.transcript
    # The last thing the learner's session did before this process resumed it.
    stamps = [x.at for x in t.turns] + [e.at for e in t.events if e.kind != "resumed_session"]
    return max(stamps) if stamps else None


def count_time_away(session: Session, now: datetime) -> float:
    """For a pack whose clock runs while a learner is away: add the time since the last record."""
    last = _last_stamp(session)
    if last is None:
        return 0.0
    away = max(0.0, (now - last).total_seconds())
    engine = session.engine
    engine._offset += away  # the engine counts time from the journal; away time is added to it
    engine.record_event("time_away_counted", f"{away:.0f} seconds")
    return away


def build_app(pack_path: Path, name: str) -> LearnerApp:
    """The learner app for `name` sitting the pack: resuming their unfinished session if any."""
    from practice_bot.config import load_settings
    from practice_bot.records.store import list_transcripts
    from practice_bot.serve.names import learner_key
    from practice_bot.session.plan import SessionConfig
    from practice_bot.tutor.packs import load_pack, pack_folder

    pack = load_pack(pack_path)
    folder = pack_folder(pack, pack_path)
    # read_aloud off: it would play out of the server's speakers (LearnerDiscussionScreen)
    settings = load_settings(transcripts=folder, scorer="offline", name=name, read_aloud=False)
    me = learner_key(name)  # the server's one-seat-per-learner key: "ann lee" is "Ann Lee"
    mine = [
        e
        for e in list_transcripts(folder)[0]
        if learner_key(e.transcript.apprentice) == me and e.transcript.pack_id == pack.id
    ]
    if any(not e.in_progress for e in mine):
        return LearnerApp(
            settings, finished_message=f"{name}, you have finished this mock. Well done."
        )
    unfinished = [e for e in mine if e.in_progress]
    if unfinished:
        app = LearnerApp(settings, resume=unfinished[0].path)
        if pack.clock_runs_while_away:
            app.on_session = lambda s: count_time_away(s, datetime.now(UTC))
            app.clock_stops_while_away = False
        return app
    config = SessionConfig(
        mode="mock",
        apprentice=name,
        topics=list(pack.topics),
        seed=pack.seed,
        minutes=pack.minutes,
        pack_id=pack.id,
    )
    app = LearnerApp(settings, config=config)
    app.clock_stops_while_away = not pack.clock_runs_while_away
    return app


def main(argv: list[str] | None = None) -> int:
    from practice_bot.errors import UserError
    from practice_bot.serve.classroom import NAME_VARIABLE
    from practice_bot.serve.names import clean_name

    parser = argparse.ArgumentParser(prog="practice_bot.tui.learner_app")
    parser.add_argument("--pack", type=Path, required=True)
    parser.add_argument(
        "--name", help=f"the learner (default: ${NAME_VARIABLE}, as the server sets)"
    )
    args = parser.parse_args(argv)
    name = args.name if args.name is not None else os.environ.get(NAME_VARIABLE, "")
    for sig in (BROWSER_AWAY, BROWSER_BACK):  # until the app handles them, they must not kill it
        signal.signal(sig, signal.SIG_IGN)
    try:
        app = build_app(args.pack, clean_name(name))
        app.run()
    except UserError as exc:
        print(f"practice-bot: {exc}", file=sys.stderr)
        return 2
    session = app.session
    if session is not None and not session.engine.finished and not session.engine.paused:
        session.engine.record_event("away")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
