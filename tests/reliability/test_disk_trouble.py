"""Disk trouble: a full disk, a failing fsync or a read-only folder gives a clear message naming the
path, never a traceback; a record is written whole or not at all; in plain mode the session moves to
another folder (asked for at the keyboard, else the app's data folder, else the temporary folder) and
nothing typed is lost.

Tests run as root, where chmod does not stop writes, so a read-only folder is simulated by making
os.open fail with EROFS/EACCES for paths in it; a full disk by making os.write fail with ENOSPC."""

from __future__ import annotations

import errno
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from practice_bot.config import Settings
from practice_bot.errors import TranscriptError
from practice_bot.records import store
from practice_bot.records.journal import JournalWriteError, replay
from practice_bot.records.schema import Transcript
from practice_bot.records.store import create_journal, load_transcript, save_final
from practice_bot.session.factory import resume_session, start_session
from practice_bot.session.plan import SessionConfig

REAL_WRITE = os.write
REAL_OPEN = os.open
REAL_FSYNC = os.fsync

ANSWERS = [
    "I built the churn model's feature pipeline in Airflow and cut the run time from 3 hours to 40 "
    "minutes.",
    "I agreed the recall threshold with the retention manager after costing both kinds of error.",
    "I wrote the runbook for rolling back a bad model release and tested it with the on-call team.",
]


def enospc(*_: Any) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class Disk:
    """Switches a simulated fault on and off: os.write/os.fsync failing, or os.open failing (EROFS)
    for paths under chosen folders."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        self.fsync_fails = False
        self.read_only: list[Path] = []
        self.writes = 0
        monkeypatch.setattr(os, "write", self._write)
        monkeypatch.setattr(os, "fsync", self._fsync)
        monkeypatch.setattr(os, "open", self._open)
        for name in ("unlink", "mkdir", "replace", "rename"):
            monkeypatch.setattr(os, name, self._guard(getattr(os, name)))

    def _blocked(self, path: Any) -> bool:
        p = Path(os.fsdecode(path)).absolute()
        return any(f in p.parents for f in self.read_only)  # an entry in a read-only folder

    def _guard(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(path: Any, *args: Any, **kwargs: Any) -> Any:
            if self._blocked(path) or (
                args and isinstance(args[0], (str, os.PathLike)) and self._blocked(args[0])
            ):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))
            return real(path, *args, **kwargs)

        return guarded

    def _write(self, fd: int, data: Any) -> int:
        self.writes += 1
        if self.full:
            return enospc()
        return REAL_WRITE(fd, data)

    def _fsync(self, fd: int) -> None:
        if self.full:  # buffered writes (write_atomic) meet a full disk at fsync at the latest
            enospc()
        if self.fsync_fails:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        REAL_FSYNC(fd)

    def _open(self, path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if writing and self._blocked(path):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))
        return REAL_OPEN(path, flags, *args, **kwargs)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


def _transcript(name: str = "Ada") -> Transcript:
    from datetime import UTC, datetime

    return Transcript(
        id="abcd1234",
        apprentice=name,
        mode="practice",
        topics=["model-scoping"],
        seed=1,
        minutes=30,
        started_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
    )


def _event(i: int) -> dict[str, Any]:
    return {"kind": "event", "event": {"kind": f"e{i}", "at": "2026-03-02T10:00:00Z"}}


# ----- the journal: whole records or none ------------------------------------------------------------


def test_full_disk_is_a_clear_error_naming_the_journal_and_leaves_no_torn_line(tmp_path, disk):
    j = create_journal(tmp_path, _transcript())
    before = j.path.read_bytes()
    disk.full = True
    with pytest.raises(JournalWriteError) as info:
        j.write(_event(1))
    assert isinstance(info.value, TranscriptError)
    assert str(j.path) in str(info.value) and "No space left on device" in str(info.value)
    assert j.path.read_bytes() == before
    disk.full = False
    j.write(_event(2))
    transcript, notices = replay(j.path)
    assert notices == [] and [e.kind for e in transcript.events] == ["e2"]


def test_a_write_failing_part_way_is_taken_back(tmp_path, monkeypatch):
    j = create_journal(tmp_path, _transcript())
    before = j.path.read_bytes()
    calls = {"n": 0}

    def half_then_full(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            return REAL_WRITE(fd, bytes(data[: len(data) // 2]))
        return enospc()

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(JournalWriteError):
        j.write(_event(1))
    assert j.path.read_bytes() == before  # the half line was cut back off
    monkeypatch.setattr(os, "write", REAL_WRITE)
    j.write(_event(2))
    transcript, notices = replay(j.path)
    assert notices == [] and [e.kind for e in transcript.events] == ["e2"]


def test_short_writes_are_continued_until_the_record_is_whole(tmp_path, monkeypatch):
    j = create_journal(tmp_path, _transcript())
    monkeypatch.setattr(os, "write", lambda fd, data: REAL_WRITE(fd, bytes(data[:7])))
    big = "é" * 5000 + "\x00\x1b[31m"
    j.write({"kind": "event", "event": {"kind": "x", "at": "2026-03-02T10:00:00Z", "detail": big}})
    monkeypatch.setattr(os, "write", REAL_WRITE)
    transcript, _ = replay(j.path)
    assert transcript.events[0].detail == big


def test_failing_fsync_is_a_clear_error_and_the_record_is_taken_back(tmp_path, disk):
    j = create_journal(tmp_path, _transcript())
    before = j.path.read_bytes()
    disk.fsync_fails = True
    with pytest.raises(JournalWriteError, match="Input/output error"):
        j.write(_event(1))
    assert j.path.read_bytes() == before


def test_journal_gone_or_read_only_is_a_clear_error(tmp_path, disk):
    j = create_journal(tmp_path, _transcript())
    disk.read_only.append(tmp_path)
    with pytest.raises(JournalWriteError, match=r"Read-only file system"):
        j.write(_event(1))
    disk.read_only.clear()
    j.path.unlink()
    with pytest.raises(JournalWriteError, match=str(j.path)):
        j.write(_event(1))


def test_creating_a_journal_in_a_read_only_or_full_folder(tmp_path, disk):
    disk.read_only.append(tmp_path / "ro")
    (tmp_path / "ro").mkdir()
    with pytest.raises(TranscriptError, match=r"ro/ada-.*cannot create: Read-only file system"):
        create_journal(tmp_path / "ro", _transcript())
    disk.full = True
    with pytest.raises(TranscriptError, match=r"full/ada-.*cannot create: No space left"):
        create_journal(tmp_path / "full", _transcript())
    assert list((tmp_path / "full").iterdir()) == []  # no empty journal left behind


def test_cutting_a_torn_tail_on_a_read_only_folder_is_a_clear_error(tmp_path, disk):
    j = create_journal(tmp_path, _transcript())
    with j.path.open("ab") as fh:
        fh.write(b'{"kind": "ev')
    disk.read_only.append(tmp_path)
    with pytest.raises(TranscriptError, match="Read-only"):
        resume_session(j.path, Settings(transcripts=tmp_path))


def test_final_file_that_cannot_be_written_keeps_the_journal(tmp_path, disk):
    j = create_journal(tmp_path, _transcript())
    disk.full = True
    with pytest.raises(TranscriptError) as info:
        save_final(j.path, _transcript())
    message = str(info.value)
    assert "No space left" in message and str(j.path) in message and ".json" in message
    disk.full = False
    assert j.path.exists() and load_transcript(j.path).apprentice == "Ada"
    assert [p.name for p in tmp_path.iterdir()] == [j.path.name]  # no temporary file left


# ----- plain mode: the session moves instead of being lost ----------------------------------------------


class Keyboard(io.StringIO):
    """stdin with someone at the keyboard."""

    def isatty(self) -> bool:
        return True


def _plain(
    tmp_path: Path,
    stdin: io.StringIO,
    trouble: Callable[[int], None],
    mode: str = "practice",
) -> tuple[int | None, str, BaseException | None]:
    """Run a plain session; `trouble(n)` is called before the n-th answer is read, to break the disk."""
    from practice_bot.plain import PlainRunner

    settings = Settings(transcripts=tmp_path / "t", scorer="offline")
    topics = ["model-scoping"] if mode == "practice" else []
    config = SessionConfig(mode=mode, apprentice="Noor", seed=3, topics=topics)  # type: ignore[arg-type]
    session = start_session(config, settings)
    out = io.StringIO()
    runner = PlainRunner(session, stdin, out)
    real_read = runner.read_block
    count = {"n": 0}

    def read_block() -> tuple[str, bool]:
        count["n"] += 1
        trouble(count["n"])
        return real_read()

    runner.read_block = read_block  # type: ignore[method-assign]
    try:
        return runner.run(), out.getvalue(), None
    except TranscriptError as exc:
        return None, out.getvalue(), exc


def _answers(path: Path) -> list[str]:
    return [t.text for t in load_transcript(path).answers()]


def _one_final(folder: Path) -> Path:
    found = [p for p in folder.iterdir() if p.suffix == ".json"]
    assert len(found) == 1, list(folder.iterdir())
    return found[0]


def test_disk_full_mid_session_moves_it_to_the_data_folder(tmp_path, disk):
    stdin = io.StringIO("".join(f"{a}\n\n\n" for a in ANSWERS))

    def trouble(n: int) -> None:
        disk.full = n == 2  # the disk fills while the second answer is typed

    def trouble_once(n: int) -> None:
        trouble(n)
        if n == 2:
            # The data folder is another disk: writes fail only in the transcripts folder.
            disk.full = False
            disk.read_only.append(tmp_path / "t")

    code, out, exc = _plain(tmp_path, stdin, trouble_once)
    assert exc is None and code == 0, out
    assert f"Problem: {tmp_path / 't'}" in out and "Read-only file system" in out
    assert "Nothing is lost" in out
    rescued = tmp_path / "data" / "rescued-transcripts"
    assert f"carries on in {rescued}" in out
    final = _one_final(rescued)
    assert f"Transcript saved: {final}" in out
    assert _answers(final) == ANSWERS  # the answer being saved when it failed, and the rest
    data = json.loads(final.read_text("utf-8"))
    assert {j["turn"] for j in data["judgments"]} >= {
        t["index"] for t in data["turns"] if t["role"] == "apprentice"
    }


def test_at_the_keyboard_the_apprentice_chooses_the_folder(tmp_path, disk):
    elsewhere = tmp_path / "usb stick"
    broken = tmp_path / "also-broken"
    disk.read_only.append(broken)
    typed = f"{ANSWERS[0]}\n\n\n{ANSWERS[1]}\n\n{broken}\n{elsewhere}\n\n{ANSWERS[2]}\n\n\n"

    def trouble(n: int) -> None:
        if n == 2:
            disk.read_only.append(tmp_path / "t")

    code, out, exc = _plain(tmp_path, Keyboard(typed), trouble)
    assert exc is None and code == 0, out
    assert "Type a folder to save this session in" in out
    assert f"Could not save there either: {broken}" in out
    final = _one_final(elsewhere)
    assert _answers(final) == ANSWERS
    # The earlier journal could not be removed (read-only): the app says it is out of date.
    assert "is out of date now" in out


def test_mock_mode_background_scoring_survives_the_move(tmp_path, disk):
    stdin = io.StringIO("".join(f"{a}\n\n" for a in ANSWERS))

    def trouble(n: int) -> None:
        if n == 3:
            disk.read_only.append(tmp_path / "t")

    code, out, exc = _plain(tmp_path, stdin, trouble, mode="mock")
    assert exc is None and code == 0, out
    final = _one_final(tmp_path / "data" / "rescued-transcripts")
    assert _answers(final) == ANSWERS
    assert list((tmp_path / "t").glob("*.json")) == []


def test_nowhere_to_save_prints_the_answers_and_says_so(tmp_path, disk, monkeypatch):
    monkeypatch.setattr(store, "rescue_folders", lambda: [tmp_path / "r1", tmp_path / "r2"])
    stdin = io.StringIO("".join(f"{a}\n\n\n" for a in ANSWERS))

    def trouble(n: int) -> None:
        disk.full = n >= 2

    code, out, exc = _plain(tmp_path, stdin, trouble)
    assert code is None and isinstance(exc, TranscriptError)
    assert "could not save the session there or in any other folder" in str(exc)
    assert out.count("Could not save there either") == 2
    assert ANSWERS[0] in out.split("here they are to copy:")[1]


def test_final_file_failing_at_the_end_prints_the_report_and_keeps_the_journal(tmp_path, disk):
    from practice_bot.plain import PlainRunner

    settings = Settings(transcripts=tmp_path / "t", scorer="offline")
    config = SessionConfig(mode="practice", apprentice="Noor", seed=3, topics=["model-scoping"])
    session = start_session(config, settings)
    out = io.StringIO()
    runner = PlainRunner(session, io.StringIO(f"{ANSWERS[0]}\n\n\n"), out)
    real_save = store.write_atomic

    def no_room(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(store, "write_atomic", no_room)
    try:
        assert runner.run() == 1
    finally:
        monkeypatch.undo()
    text = out.getvalue()
    assert "Report for Noor" in text and "No space left on device" in text
    assert f"practice-bot resume {session.journal_path}" in text
    assert store.write_atomic is real_save
    # Resuming later saves the finished transcript.
    again = resume_session(session.journal_path, settings)
    assert PlainRunner(again, io.StringIO(""), io.StringIO()).run() == 0
    assert _answers(_one_final(tmp_path / "t")) == [ANSWERS[0]]


def test_cli_on_a_read_only_transcripts_folder_is_a_clear_message(
    tmp_path, disk, monkeypatch, capsys
):
    from practice_bot.cli import main

    disk.read_only.append(tmp_path / "ro")
    monkeypatch.setattr(sys, "stdin", io.StringIO("an answer\n\n"))
    code = main(
        [
            "practice",
            "--plain",
            "--topics",
            "model-scoping",
            "--transcripts",
            str(tmp_path / "ro"),
            "--name",
            "Jo",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"practice-bot: {tmp_path / 'ro'}") and "Read-only file system" in err
    assert "Traceback" not in err


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="running as root: chmod 0500 does not stop root writing (simulated above instead)",
)
def test_real_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(TranscriptError, match="Permission denied"):
            create_journal(folder, _transcript())
    finally:
        os.chmod(folder, 0o700)


def test_a_record_too_big_for_any_folder_ends_instead_of_looping(tmp_path, disk, monkeypatch):
    """A nearly full disk takes each new journal's header but not the 1 MB answer: every folder is
    tried once, then the answers (the big one too) are printed and the session stops."""
    monkeypatch.setattr(store, "rescue_folders", lambda: [tmp_path / "r1", tmp_path / "r2"])
    big = "I profiled the batch job. " * 40_000

    def small_writes_only(fd: int, data: Any) -> int:
        if len(data) > 200_000:
            return enospc()
        return REAL_WRITE(fd, data)

    def trouble(n: int) -> None:
        if n == 2:
            monkeypatch.setattr(os, "write", small_writes_only)

    stdin = io.StringIO(f"{ANSWERS[0]}\n\n\n{big}\n\n\n")
    code, out, exc = _plain(tmp_path, stdin, trouble)
    assert code is None and isinstance(exc, TranscriptError)
    assert out.count("Saved: the session carries on in") == 2  # r1, then r2, each once
    shown = out.split("here they are to copy:")[1]
    assert ANSWERS[0] in shown and big.strip() in shown
