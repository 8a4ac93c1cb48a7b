"""The crash-safe journal: one JSON record a line, appended and fsynced before anything else happens.

A transcript is rebuilt by replaying its journal with `apply_record`; the engine applies its own records
through the same function, so what is on disk and what is in memory cannot drift apart.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from practice_bot.errors import TranscriptError
from practice_bot.records.schema import Event, Transcript, Turn, Usage
from practice_bot.scoring.base import Judgment

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


class Journal:
    """Appends records to a journal file, fsyncing each one. The file must already exist."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)


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
            record = json.loads(raw.decode("utf-8"))
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            transcript = apply_record(transcript, record)
            good += len(raw)
        except (ValueError, KeyError, TypeError, ValidationError) as exc:
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
    transcript.notices.extend(notices)
    return transcript, notices, good


def truncate_torn_tail(path: Path, good_length: int) -> None:
    """Cut a torn last line off so the next record starts on a line of its own."""
    with path.open("r+b") as fh:
        if path.stat().st_size > good_length:
            fh.truncate(good_length)
        if good_length:
            fh.seek(good_length - 1)
            if fh.read(1) != b"\n":
                fh.seek(0, os.SEEK_END)
                fh.write(b"\n")
        fh.flush()
        os.fsync(fh.fileno())


def _describe(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        return f"{loc}: {first['msg']}"
    if isinstance(exc, KeyError):
        return f"missing key {exc}"
    return str(exc) or type(exc).__name__
