"""The start screen in a learner's first week (issue 15, items 5, 6, 14, 12): after a session and its
report the recent list is current, the mode list's highlight starts on the chosen mode, F5 reaches the
recent sessions, the name's placeholder fits, and quitting mid-session names the exact resume command."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import RadioSet

from practice_bot.config import Settings
from practice_bot.prefs import Prefs, save_prefs
from practice_bot.session.clock import FakeClock
from practice_bot.session.factory import start_session
from practice_bot.session.plan import SessionConfig
from tests.conftest import TokenScorer
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until


async def test_recent_list_is_current_after_the_report(settings: Settings, folder: Path) -> None:
    clock = FakeClock()
    config = SessionConfig(mode="practice", apprentice="Ana", topics=["model-scoping"], seed=4)
    session = start_session(config, settings, clock=clock, scorer=TokenScorer())
    session.engine.next_question()
    session.engine.submit_answer("an answer before the terminal closed")
    session.engine.next_question()

    app = make_app(settings, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "StartScreen")
        await pilot.press(*"Ana")
        await wait_until(pilot, lambda: "UNFINISHED" in screen_text(app), what="recent list")
        await pilot.press("f3")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert f"practice-bot resume {session.journal_path}" in app.exit_note
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="report")
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "StartScreen")
        await wait_until(pilot, lambda: "ended early" in screen_text(app), what="refreshed")
        assert "UNFINISHED" not in screen_text(app)
        await pilot.press("f3")
        await pilot.pause()
        assert screen_name(app) == "StartScreen"
        messages = [n.message for n in app._notifications]
        assert "No unfinished session to resume." in messages
        assert not any("No such file" in m for m in messages)


async def test_mode_highlight_starts_on_the_chosen_mode(settings: Settings) -> None:
    app = make_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.built, what="choices")
        modes = app.screen.query_one("#mode", RadioSet)
        assert app.screen.mode == "practice"
        assert modes._selected == modes.pressed_index == 1
        modes.focus()
        await pilot.press("up", "space")  # one up from Practice is Mock
        assert app.screen.mode == "mock"


async def test_f5_reaches_the_recent_sessions_and_the_placeholder_fits(settings: Settings) -> None:
    save_prefs(Prefs(mode="drill"))
    app = make_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.built, what="choices")
        assert "e.g. Sam Patel" in screen_text(app)  # the whole placeholder at 80 columns
        modes = app.screen.query_one("#mode", RadioSet)
        assert modes._selected == modes.pressed_index == 2
        await pilot.press("f5")
        assert app.focused is app.screen.query_one("#recent")
        assert "F5 Recent" in screen_text(app)
