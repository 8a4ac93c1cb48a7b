"""Disk trouble in the app, as in plain mode: a full disk at answer time keeps the answer in the box,
names the file and the problem, and moves the session to another folder where the answer is saved and
the session carries on; a final file that cannot be written still shows the report, with a notice; a
torn last line is announced on resume; a pasted lone surrogate is stored as U+FFFD."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from practice_bot.config import Settings
from practice_bot.records.journal import Journal, JournalWriteError
from practice_bot.session.clock import FakeClock
from practice_bot.session.factory import start_session
from practice_bot.session.plan import SessionConfig
from tests.conftest import TokenScorer
from tests.tui.tui_testkit import journal_lines, make_app, screen_name, screen_text, wait_until

PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)
MOCK = SessionConfig(mode="mock", apprentice="Alex", topics=["model-scoping"], seed=1)


def disk_full_in(monkeypatch: pytest.MonkeyPatch, full: Path) -> None:
    """Every journal record written into `full` fails as on a full disk (other folders are fine)."""
    real = Journal.write

    def write(self: Journal, record: dict[str, Any]) -> None:
        if self.path.parent == full:
            raise JournalWriteError(self.path, OSError(errno.ENOSPC, "No space left on device"))
        real(self, record)

    monkeypatch.setattr(Journal, "write", write)


@pytest.mark.parametrize("config", [PRACTICE, MOCK], ids=["practice", "mock"])
async def test_full_disk_at_answer_time_moves_the_session(
    settings: Settings,
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: SessionConfig,
) -> None:
    monkeypatch.setenv("PRACTICE_BOT_DATA_DIR", str(tmp_path / "data"))
    app = make_app(settings, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app), what="first question")
        room = app.screen
        old = app.session.journal_path
        disk_full_in(monkeypatch, folder)
        room.query_one("#answer").insert("My answer EVIDENCE:model-scoping/pass-1")
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "RescueScreen", what="rescue dialog")
        dialog = app.screen
        assert str(old) in dialog.problem and "No space left on device" in dialog.problem
        assert "could not be saved" in screen_text(app)
        assert "still in the box" in screen_text(app)
        # the default is plain mode's first rescue folder
        assert dialog.query_one("#folder").value == str(tmp_path / "data" / "rescued-transcripts")
        assert room.query_one("#answer").text == "My answer EVIDENCE:model-scoping/pass-1"
        assert not app.session.engine.transcript.answers()  # nothing half-recorded

        elsewhere = tmp_path / "elsewhere"
        dialog.query_one("#folder").value = str(elsewhere)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.session.journal_path.parent == elsewhere, what="moved")
        assert "My answer EVIDENCE:model-scoping/pass-1" in journal_lines(elsewhere)
        assert not old.exists()  # the out-of-date journal is removed
        assert any("carries on in" in n.message for n in app._notifications)
        if config.mode == "practice":
            await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
            await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        engine = app.session.engine
        await wait_until(pilot, lambda: engine.current_question is not None, what="next question")
        assert room.query_one("#answer").text == ""
        room.query_one("#answer").insert("a second answer")
        await pilot.press("f2")
        await wait_until(pilot, lambda: "a second answer" in journal_lines(elsewhere))
    replayed = [json.loads(line) for line in journal_lines(elsewhere).splitlines()]
    assert replayed[0]["kind"] == "header"
    assert [t.text for t in engine.transcript.answers()] == [
        "My answer EVIDENCE:model-scoping/pass-1",
        "a second answer",
    ]


async def test_not_now_keeps_the_answer_in_the_box(
    settings: Settings, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRACTICE_BOT_DATA_DIR", str(tmp_path / "data"))
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app), what="first question")
        room = app.screen
        disk_full_in(monkeypatch, folder)
        room.query_one("#answer").insert("keep me")
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "RescueScreen")
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert room.query_one("#answer").text == "keep me"
        assert not room.busy
        await pilot.press("f2")  # still full: asked again
        await wait_until(pilot, lambda: screen_name(app) == "RescueScreen")


async def test_final_save_failure_still_shows_the_report(
    settings: Settings, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import practice_bot.records.store as store

    def full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app), what="first question")
        journal = app.session.journal_path
        monkeypatch.setattr(store, "write_atomic", full)
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="report")
        notices = [n.message for n in app._notifications]
        assert any(
            "cannot save the transcript" in n and str(journal) in n and "resume" in n
            for n in notices
        ), notices
        await pilot.press("m")  # an export on the full disk: a notice naming the file
        await wait_until(
            pilot, lambda: any("Export failed" in n.message for n in app._notifications)
        )
        failed = [n.message for n in app._notifications if "Export failed" in n.message]
        assert "reports" in failed[0] and "No space left on device" in failed[0]
        assert screen_name(app) == "ReportScreen"
    assert journal.exists()  # every answer is still in the journal


async def test_torn_last_line_is_announced_on_resume(settings: Settings, folder: Path) -> None:
    clock = FakeClock()
    session = start_session(PRACTICE, settings, clock=clock, scorer=TokenScorer())
    session.engine.next_question()
    session.engine.submit_answer("an answer that was saved")
    session.engine.next_question()
    path = session.journal_path
    with path.open("ab") as fh:
        fh.write(b'{"kind": "turn", "turn": {"index": 9, "ro')  # killed mid-write
    lines = path.read_bytes().count(b"\n") + 1
    app = make_app(settings, clock, resume=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen", what="room")
        shown = f"line {lines} was cut"  # a line of its own in the conversation
        await wait_until(pilot, lambda: shown in screen_text(app), what="torn-line notice")
        assert any("cut off" in n.message for n in app._notifications)
        assert "an answer that was saved" in screen_text(app)


async def test_pasted_lone_surrogate_is_stored_as_replacement(
    settings: Settings, folder: Path
) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app), what="first question")
        box = app.screen.query_one("#answer")
        box.insert("bad \udcff byte")  # what a paste of non-UTF-8 bytes decodes to
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
        assert app.session.engine.transcript.answers()[0].text == "bad \ufffd byte"
    assert "bad \ufffd byte" in journal_lines(folder)
