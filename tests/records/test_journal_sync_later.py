"""Records written under `Journal.sync_later()` are in the file at once (replay reads them) but wait
for `sync()`, or the next record's fsync, to reach the disk; nothing else changes how a record is
saved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from practice_bot.records.journal import replay
from practice_bot.records.store import create_journal
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine


@pytest.fixture
def fsynced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the files fsynced, one per fsync."""
    sizes: list[int] = []
    real = os.fsync

    def spy(fd: int) -> None:
        sizes.append(os.fstat(fd).st_size)
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return sizes


def _journal(rubric, tmp_path: Path):  # type: ignore[no-untyped-def]
    config = SessionConfig(mode="practice", topics=["model-scoping"], apprentice="Ada")
    engine = make_engine(rubric, config, FakeClock())
    journal = create_journal(tmp_path, engine.transcript)
    engine.recorder = journal
    engine.next_question()
    return engine, journal


def test_records_written_under_sync_later_wait_for_sync(
    rubric, tmp_path: Path, fsynced: list[int]
) -> None:
    engine, journal = _journal(rubric, tmp_path)
    fsynced.clear()
    with journal.sync_later():
        engine.record_event("note", "written, not yet synced")
    assert fsynced == [] and journal.unsynced
    transcript, _ = replay(journal.path)
    assert transcript.events[-1].detail == "written, not yet synced"  # in the file already

    journal.sync()
    assert fsynced == [journal.path.stat().st_size] and not journal.unsynced
    journal.sync()  # nothing left to sync: no fsync
    assert len(fsynced) == 1


def test_every_other_record_is_synced_as_it_is_written(
    rubric, tmp_path: Path, fsynced: list[int]
) -> None:
    engine, journal = _journal(rubric, tmp_path)
    with journal.sync_later():
        engine.record_event("note", "one")
    fsynced.clear()
    engine.record_event("note", "two")  # outside the block: synced, and the one before with it
    assert fsynced == [journal.path.stat().st_size] and not journal.unsynced


def test_sync_of_a_journal_that_is_gone_says_so(rubric, tmp_path: Path) -> None:
    from practice_bot.records.journal import JournalWriteError

    engine, journal = _journal(rubric, tmp_path)
    with journal.sync_later():
        engine.record_event("note", "one")
    journal.path.unlink()
    with pytest.raises(JournalWriteError, match="cannot save"):
        journal.sync()
