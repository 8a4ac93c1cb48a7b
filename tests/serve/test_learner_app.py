"""The learner's app through Textual Pilot: no tutor's doors (bindings, palette, quit, screens,
exports, history), and typed markup shown as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from practice_bot.tui.learner_app import LearnerApp, LearnerReportScreen, WaitingScreen, build_app
from tests.serve.conftest import write_test_pack
from tests.tui.tui_testkit import screen_name, screen_text, wait_until

TUTOR_ACTIONS = {
    "quit", "command_palette", "history", "export", "review", "open_review", "override",
    "screenshot", "change_theme", "suspend_process", "help_quit", "copy_answer",
    "copy_conversation",
}  # fmt: skip
MARKUP = "[@click=app.quit]click me[/] [b]not bold[/b] [red]x"


def active_actions(app: Any) -> set[str]:
    return {b.binding.action.split("(")[0] for b in app.active_bindings.values()}


async def in_room(pilot: Any) -> None:
    await wait_until(
        pilot, lambda: screen_name(pilot.app) == "LearnerDiscussionScreen", 15, "the room"
    )
    await wait_until(pilot, lambda: "Type your answer" in screen_text(pilot.app), 10, "the box")


async def test_no_tutor_bindings_palette_or_quit(tmp_path: Path) -> None:
    app = build_app(write_test_pack(tmp_path), "Pat Learner")
    async with app.run_test(size=(110, 36)) as pilot:
        await in_room(pilot)
        actions = active_actions(app)
        assert "submit" in actions and "end" in actions  # the learner's own keys are there
        assert not actions & TUTOR_ACTIONS, actions & TUTOR_ACTIONS
        assert app.ENABLE_COMMAND_PALETTE is False
        for key in ("ctrl+q", "ctrl+p", "ctrl+c", "ctrl+z", "f4"):
            await pilot.press(key)
        await pilot.pause()
        await pilot.click("HeaderIcon")  # the header's icon opens the palette in other apps
        await pilot.pause()
        assert app.is_running and screen_name(app) == "LearnerDiscussionScreen"
        assert not app.query("CommandPalette")


async def test_tutor_screens_cannot_be_pushed(tmp_path: Path) -> None:
    from practice_bot.tui.screens.history import HistoryScreen
    from practice_bot.tui.screens.review_list import ReviewListScreen

    app = build_app(write_test_pack(tmp_path), "Pat Learner")
    async with app.run_test(size=(110, 36)) as pilot:
        await in_room(pilot)
        await app.push_screen(ReviewListScreen(tmp_path))
        await app.push_screen(HistoryScreen("Someone Else"))
        await pilot.pause()
        assert screen_name(app) == "LearnerDiscussionScreen"
        names = [type(s).__name__ for s in app.screen_stack]
        assert names == ["WaitingScreen", "LearnerDiscussionScreen"]


async def test_typed_markup_is_shown_literally_in_the_box_and_the_conversation(
    tmp_path: Path,
) -> None:
    app = build_app(write_test_pack(tmp_path), "Pat [b]Learner[/b]")
    async with app.run_test(size=(120, 40)) as pilot:
        await in_room(pilot)
        assert "Pat [b]Learner[/b]" in screen_text(app)
        await pilot.press(*MARKUP)
        await wait_until(pilot, lambda: "[red]x" in screen_text(app), 5, "the typed text")
        assert "[@click=app.quit]click me[/] [b]not bold[/b]" in screen_text(app)
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: "Type your answer" in screen_text(app), 10, "the next question"
        )
        assert "[@click=app.quit]click me[/] [b]not bold[/b] [red]x" in screen_text(app)
        assert app.is_running


async def test_the_report_has_no_exports_or_history_and_done_does_not_leave(
    tmp_path: Path,
) -> None:
    pack = write_test_pack(tmp_path)
    app = build_app(pack, "Pat Learner")
    async with app.run_test(size=(110, 36)) as pilot:
        await in_room(pilot)
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen", 5, "the confirm")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, LearnerReportScreen), 15, "report")
        assert not active_actions(app) & TUTOR_ACTIONS
        for key in ("m", "h", "j", "f4", "escape", "f2"):
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, LearnerReportScreen) and app.is_running
        written = [p.name for p in tmp_path.rglob("*") if p.suffix in (".md", ".html", ".csv")]
        assert written == []


async def test_a_learner_who_finished_is_told_so_and_nothing_starts(tmp_path: Path) -> None:
    pack = write_test_pack(tmp_path)
    first = build_app(pack, "Pat Learner")
    async with first.run_test(size=(110, 36)) as pilot:
        await in_room(pilot)
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(first) == "ConfirmScreen", 5, "confirm")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(first.screen, LearnerReportScreen), 15, "end")
    again = build_app(pack, "pat  LEARNER")  # the same learner, however they type it
    assert isinstance(again, LearnerApp)
    async with again.run_test(size=(110, 36)) as pilot:
        await wait_until(pilot, lambda: "finished this mock" in screen_text(again), 5, "message")
        await pilot.pause(0.3)
        assert isinstance(again.screen, WaitingScreen) and again.session is None


async def test_no_recording_or_reading_aloud_on_the_server(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """The learner's app runs on the tutor's machine: its microphone and speakers are the room's, not
    the learner's. F6 must not record the classroom, nor questions play out of the server."""
    pytest.importorskip("numpy")
    from practice_bot.voice import libs
    from tests.voice.fake_sounddevice import fake_sounddevice

    fixture = Path(__file__).parents[1] / "voice" / "fixtures" / "gaps.wav"
    opened: list[object] = []

    def microphone() -> object:
        opened.append(True)
        return fake_sounddevice(fixture)

    monkeypatch.setattr(libs, "sounddevice", microphone)  # the server has a microphone
    monkeypatch.setenv("PRACTICE_BOT_READ_ALOUD", "true")  # and the tutor's settings read aloud
    app = build_app(write_test_pack(tmp_path), "Pat Learner")
    async with app.run_test(size=(110, 36)) as pilot:
        await in_room(pilot)
        assert "Speak" not in screen_text(app)  # not offered in the footer
        assert not active_actions(app) & {"record", "retry_voice"}
        await pilot.press("f6")
        await pilot.pause(0.5)
        assert "Recording" not in screen_text(app)
        assert opened == [] and not list(tmp_path.rglob("*.wav"))
        assert app.screen.query_one("VoicePanel").voice.read_aloud is None  # type: ignore[attr-defined]
        assert app.is_running
