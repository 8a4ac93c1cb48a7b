"""The crash-safe journal: one JSON record a line, appended and fsynced before anything else happens.

A transcript is rebuilt by replaying its journal with `apply_record`; the engine applies its own records
through the same function, so what is on disk and what is in memory cannot drift apart.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from practice_bot.errors import TranscriptError
from practice_bot.records.schema import Event, Transcript, Turn, Usage
from practice_bot.scoring.base import Judgment
from practice_bot.textsafe import check_text, redact

FILE_MODE = 0o600


def apply_record(transcript: Transcript | None, record: dict[str, Any]) -> Transcript:
    """Apply one journal record to a transcript (the header record creates it)."""
    kind = record.get("kind")
    if kind == "header":
        return Transcript.model_validate(record["transcript"])
    if transcript is None:
        raise ValueError("journal does not start with a header record")
    if kind == "turn":
        transcript.turns.append(Turn.model_validate(record["turn"]))
    elif kind == "judgments":
        transcript.judgments.extend(Judgment.model_validate(j) for j in record["judgments"])
    elif kind == "event":
        transcript.events.append(Event.model_validate(record["event"]))
    elif kind == "status":
        transcript.status = record["status"]
        if record.get("finished_at"):
            transcript.finished_at = record["finished_at"]
        if record.get("grades") is not None:
            from practice_bot.rubric.grading import Grades

            transcript.grades = Grades.model_validate(record["grades"])
    elif kind == "usage":
        transcript.usage = Usage.model_validate(record["usage"])
    elif kind == "meta":
        for key, value in record["fields"].items():
            setattr(transcript, key, value)
    else:
        raise ValueError(f"unknown record kind {kind!r}")
    return transcript


class JournalWriteError(TranscriptError):
    """A record could not be saved (disk full, folder read-only, file gone): nothing of it is on disk."""

    def __init__(self, path: Path, exc: OSError) -> None:
        self.path = path
        self.errno = exc.errno
        self.reason = exc.strerror or str(exc)
        super().__init__(f"{path}: cannot save: {self.reason}")


class Journal:
    """Appends records to a journal file, fsyncing each one. The file must already exist.

    A record is written whole or not at all: a short write is continued, and a write that fails part
    way (a full disk) is cut back off, so a later record never follows a torn line.

    Records written inside `sync_later()` are in the file at once (an app that crashes loses none of
    them) and reach the disk itself at `sync()` or the next record's fsync: only for records that can
    be worked out again from records synced before them (an answer's judgments, from the answer).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._later = False  # inside sync_later()
        self.unsynced = False  # records written without an fsync since the last one
        # The file this journal is: a file put in its place later (a classmate's, in a folder others
        # can write to) is never written to, nor is a symlink followed.
        try:
            info = os.lstat(path)
            self.identity: tuple[int, int] | None = (info.st_dev, info.st_ino)
        except OSError:
            self.identity = None

    def _open(self) -> int:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0))
        info = os.fstat(fd)
        if self.identity is None:
            self.identity = (info.st_dev, info.st_ino)
        elif (info.st_dev, info.st_ino) != self.identity or not stat.S_ISREG(info.st_mode):
            os.close(fd)
            raise OSError(errno.EEXIST, "the journal was replaced by another file")
        return fd

    def write(self, record: dict[str, Any]) -> None:
        line = redact(json.dumps(record, ensure_ascii=False, default=str))
        data = (line + "\n").encode("utf-8")
        try:
            fd = self._open()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                exc = OSError(exc.errno, "the journal was replaced by a symbolic link")
            raise JournalWriteError(self.path, exc) from None
        size: int | None = None
        try:
            size = os.fstat(fd).st_size
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                if written <= 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                view = view[written:]
            if self._later:
                self.unsynced = True
            else:
                os.fsync(fd)
                self.unsynced = False
        except OSError as exc:
            if size is not None:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)  # take back the part written: no torn line
            raise JournalWriteError(self.path, exc) from None
        finally:
            os.close(fd)

    @contextlib.contextmanager
    def sync_later(self) -> Iterator[None]:
        """Records written in this block are not fsynced until `sync()` (see the class)."""
        self._later = True
        try:
            yield
        finally:
            self._later = False

    def sync(self) -> None:
        """Force the records written under `sync_later()` to the disk; raises JournalWriteError."""
        if not self.unsynced:
            return
        try:
            fd = self._open()
        except OSError as exc:
            raise JournalWriteError(self.path, exc) from None
        try:
            os.fsync(fd)
        except OSError as exc:
            raise JournalWriteError(self.path, exc) from None
        finally:
            os.close(fd)
        self.unsynced = False


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as fh:
        yield from enumerate(fh, start=1)


def replay(path: Path) -> tuple[Transcript, list[str]]:
    """Rebuild a transcript from its journal. A torn last line is dropped with a notice, not a crash."""
    transcript, notices, _ = replay_with_length(path)
    return transcript, notices


def replay_with_length(path: Path) -> tuple[Transcript, list[str], int]:
    """As `replay`, also giving the length in bytes of the journal's intact part."""
    transcript: Transcript | None = None
    notices: list[str] = []
    good = 0
    try:
        lines = list(_lines(path))
    except OSError as exc:
        raise TranscriptError(f"{path}: cannot read: {exc.strerror or exc}") from None
    for number, raw in lines:
        last = number == len(lines)
        if not raw.strip():
            good += len(raw) if raw.endswith(b"\n") else 0
            continue
        try:
            text = raw.decode("utf-8")
            record = json.loads(text)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            check_text(text, record)
            if _second_writer(transcript, record):
                assert transcript is not None
                notices.append(
                    f"{path.name}: line {number} repeats turn {record['turn']['index']}: two "
                    "processes wrote this session at once; everything before that line is kept, "
                    f"the {len(lines) - number + 1} line(s) from it on are not part of the session"
                )
                break
            transcript = apply_record(transcript, record)
            good += len(raw)
        except (
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            RecursionError,
            ValidationError,
        ) as exc:
            complete = raw.endswith(b"\n")
            if last and (not complete or transcript is not None):
                notices.append(
                    f"{path.name}: line {number} was cut off mid-write and has been dropped; "
                    "everything before it is intact"
                )
                break
            raise TranscriptError(f"{path}: line {number}: {_describe(exc)}") from None
    if transcript is None:
        raise TranscriptError(f"{path}: empty journal (no header record)")
    problem = check_references(transcript)
    if problem:
        raise TranscriptError(f"{path}: {problem}")
    transcript.notices.extend(notices)
    return transcript, notices, good


def _second_writer(transcript: Transcript | None, record: dict[str, Any]) -> bool:
    """A turn record numbered as a turn already there: another process appended to the same journal
    (before sessions were locked, or on a file system without locks). Replay stops there."""
    if (
        transcript is None
        or record.get("kind") != "turn"
        or not isinstance(record.get("turn"), dict)
    ):
        return False
    index = record["turn"].get("index")
    return type(index) is int and 0 <= index < len(transcript.turns)


def check_references(transcript: Transcript) -> str | None:
    """What in a transcript that parsed cannot be right (a topic not in the rubric, an answer to no
    turn), as `field.path: problem`; None when all is well."""
    from practice_bot.rubric import load_rubric

    known = set(load_rubric().topic_ids)
    for topic in transcript.topics:
        if topic not in known:
            return f"topics: unknown topic {_short(topic)}"
    for i, turn in enumerate(transcript.turns):
        if turn.index != i:  # answers and judgments refer to turns by index
            return f"turns.{i}.index: is {turn.index}, not its place in the list, {i}"
        if turn.topic not in known and not (turn.kind == "notice" and turn.topic == ""):
            return f"turns.{i}.topic: unknown topic {_short(turn.topic)}"
        if turn.answers is not None and not 0 <= turn.answers < i:
            return f"turns.{i}.answers: no earlier turn {turn.answers}"
    return None


def _short(text: str, limit: int = 60) -> str:
    return repr(text[:limit] + ("..." if len(text) > limit else ""))


def truncate_torn_tail(path: Path, good_length: int) -> Path | None:
    """Cut a torn last line (or the lines a second writer left) off so the next record starts on a
    line of its own. Whole lines cut off are first copied to `<journal>.cut-<time>` beside it, whose
    path is returned: nothing is thrown away."""
    kept: Path | None = None
    try:
        with path.open("r+b") as fh:
            if path.stat().st_size > good_length:
                fh.seek(good_length)
                tail = fh.read()
                if tail.count(b"\n") > 0:
                    kept = _keep_cut_lines(path, tail)
                fh.truncate(good_length)
            if good_length:
                fh.seek(good_length - 1)
                if fh.read(1) != b"\n":
                    fh.seek(0, os.SEEK_END)
                    fh.write(b"\n")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise JournalWriteError(path, exc) from None
    return kept


def _keep_cut_lines(path: Path, tail: bytes) -> Path:
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.cut-{stamp}")
    fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        os.write(fd, tail)
        os.fsync(fd)
    finally:
        os.close(fd)
    return kept


def _describe(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        return f"{loc}: {first['msg']}"
    if isinstance(exc, KeyError):
        return f"missing key {exc}"
    return str(exc) or type(exc).__name__
