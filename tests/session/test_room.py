"""The headless discussion room both front ends drive: its journal moves when a folder stops taking
records, an answer whose judgments were not saved is reported as saved, and the clock tick never
waits for (or runs alongside) a worker that is changing the engine."""

from __future__ import annotations

import errno
import threading
from pathlib import Path
from typing import Any

import pytest

from practice_bot.config import Settings
from practice_bot.errors import TranscriptError
from practice_bot.records.drafts import draft_path, load_draft, save_draft
from practice_bot.records.journal import Journal, JournalWriteError, replay
from practice_bot.session.clock import FakeClock
from practice_bot.session.factory import start_session
from practice_bot.session.plan import SessionConfig
from practice_bot.session.room import AnswerSaved, RescuingJournal, Room
from tests.conftest import TokenScorer

PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)
MOCK = SessionConfig(mode="mock", apprentice="Alex", topics=["model-scoping"], seed=1)


def room_for(tmp_path: Path, config: SessionConfig, clock: FakeClock | None = None) -> Room:
    settings = Settings(transcripts=tmp_path / "t", scorer="offline")
    return Room(start_session(config, settings, clock=clock or FakeClock(), scorer=TokenScorer()))


def fail_writes_in(monkeypatch: pytest.MonkeyPatch, full: Path, after: int = 0) -> None:
    """Journal records written into `full` fail as on a full disk, after `after` more succeed."""
    real = Journal.write
    left = [after]

    def write(self: Journal, record: dict[str, Any]) -> None:
        if self.path.parent == full:
            if left[0] <= 0:
                raise JournalWriteError(self.path, OSError(errno.ENOSPC, "No space left on device"))
            left[0] -= 1
        real(self, record)

    monkeypatch.setattr(Journal, "write", write)


def test_the_engine_records_through_the_rooms_journal(tmp_path: Path) -> None:
    room = room_for(tmp_path, PRACTICE)
    assert isinstance(room.engine.recorder, RescuingJournal)
    assert room.engine.recorder.path == room.journal_path


def test_an_unsaved_answer_leaves_no_trace_and_moves_with_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = room_for(tmp_path, PRACTICE)
    assert room.ask() is not None
    old = room.journal_path
    fail_writes_in(monkeypatch, old.parent)
    with pytest.raises(TranscriptError, match="No space left on device") as caught:
        room.record("my answer EVIDENCE:model-scoping/pass-1")
    assert not isinstance(caught.value, AnswerSaved)
    assert not room.transcript.answers()  # nothing half-recorded

    journal = room.move_to(tmp_path / "elsewhere")
    assert room.journal_path == journal.path != old and not old.exists()
    answer = room.record("my answer EVIDENCE:model-scoping/pass-1")
    outcome = room.apply(answer, room.score(answer))
    assert outcome.newly_evidenced == ["model-scoping/pass-1"]
    saved, _ = replay(journal.path)
    assert [a.text for a in saved.answers()] == ["my answer EVIDENCE:model-scoping/pass-1"]
    assert saved.judgments  # the judgments went to the new folder too


def test_an_answer_saved_without_its_judgments_is_judged_once_after_the_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = room_for(tmp_path, MOCK)  # mock: the answer is judged at once (offline scorer)
    room.ask()
    fail_writes_in(monkeypatch, room.journal_path.parent, after=1)  # the answer, not its judgments
    with pytest.raises(AnswerSaved) as caught:
        room.record("an answer EVIDENCE:model-scoping/pass-1")
    assert caught.value.answer.text == "an answer EVIDENCE:model-scoping/pass-1"
    assert not room.judged(caught.value.answer)
    room.move_to(tmp_path / "elsewhere")
    room.judge_again(caught.value.answer)
    room.judge_again(caught.value.answer)  # a second retry does not judge it twice
    criteria = room.engine.rubric.topic("model-scoping").criteria
    assert len(room.transcript.judgments) == len(criteria)  # one judgment per criterion, once
    assert {j.turn for j in room.transcript.judgments} == {caught.value.answer.index}


def test_a_rescue_saves_the_failed_record_in_the_new_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain mode's way: the rescue moves the session and the journal writes the record again."""
    settings = Settings(transcripts=tmp_path / "t", scorer="offline")
    session = start_session(PRACTICE, settings, clock=FakeClock(), scorer=TokenScorer())
    tried_folders: list[set[Path]] = []

    def rescue(exc: TranscriptError, record: dict[str, Any], tried: set[Path]) -> Journal:
        tried_folders.append(set(tried))
        return room.move_to(tmp_path / "rescued")

    room = Room(session, rescue=rescue)
    room.ask()
    fail_writes_in(monkeypatch, tmp_path / "t")
    answer = room.record("kept")
    assert tried_folders == [{tmp_path / "t"}]
    assert room.journal_path.parent == tmp_path / "rescued"
    saved, _ = replay(room.journal_path)
    assert [a.text for a in saved.answers()] == [answer.text] == ["kept"]


def test_the_tick_skips_a_beat_while_a_worker_holds_the_engine(tmp_path: Path) -> None:
    clock = FakeClock()
    room = room_for(tmp_path, MOCK, clock)
    room.ask()
    clock.advance(room.engine.config.session_minutes * 60 * 0.5)  # a time check is due
    held, release = threading.Event(), threading.Event()

    def worker() -> None:
        with room.lock:
            held.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    held.wait(5)
    try:
        assert room.try_time_checks() is None  # did not wait, changed nothing
        assert not any(e.kind == "time_check" for e in room.transcript.events)
    finally:
        release.set()
        thread.join(5)
    assert room.try_time_checks()  # the next beat gives the check


def test_warm_up_reads_what_the_first_feedback_needs(tmp_path: Path) -> None:
    """The tips behind the feedback's next probe are read before the first answer, not at it."""
    from practice_bot.feedback.tips import load_tips

    room = room_for(tmp_path, PRACTICE)
    load_tips.cache_clear()
    room.warm_up()
    assert load_tips.cache_info().currsize == 1
    assert room.transcript.judgments == []  # nothing of the made-up answer is on the record


def test_a_draft_moves_with_the_session(tmp_path: Path) -> None:
    """An answer typed but not sent goes along to the new folder and is not left behind."""
    room = room_for(tmp_path, PRACTICE)
    question = room.ask()
    assert question is not None
    old = room.journal_path
    save_draft(old, question.index, "half an answer about the scope")
    journal = room.move_to(tmp_path / "elsewhere")
    assert load_draft(journal.path) == (question.index, "half an answer about the scope")
    assert not draft_path(old).exists()
