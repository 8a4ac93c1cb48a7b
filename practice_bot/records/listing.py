"""A list of sessions as the start screen shows it (who, when, which mode, how far it got), read from
the transcript files with the standard library alone.

The transcript models (pydantic: some 40 ms to import and build, a tenth of the app's start) are not
needed to show a row; they read a session in full when it is opened (`store.load_transcript`), and a
file that fails there is reported then, naming it. A file the rows cannot be read from (not JSON, no
header record, a shown field missing or of the wrong type) is a problem here, as when listing in full.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from practice_bot.errors import TranscriptError
from practice_bot.records.files import (
    is_journal,
    read_each,
    read_text,
    session_places,
    transcript_files,
)
from practice_bot.textsafe import check_text

MODES = ("mock", "practice", "drill")
STATUSES = ("in_progress", "finished", "ended_early", "timed_out")
RECORD_KINDS = ("turn", "judgments", "event", "status", "usage", "meta")  # after the header


@dataclass(frozen=True)
class SessionRow:
    path: Path
    apprentice: str
    mode: str
    status: str
    started_at: datetime  # with its UTC offset (a time written without one is read as UTC)
    topics: int  # how many topics the session covers
    answers: int
    discussed: int  # how many topics were asked about

    @property
    def in_progress(self) -> bool:
        return is_journal(self.path)


def list_rows(folder: Path) -> tuple[list[SessionRow], list[str]]:
    """A row per readable transcript in a folder, newest first, and a message per unreadable file."""
    rows, problems = read_each(folder, read_row)
    rows.sort(key=lambda r: r.started_at, reverse=True)
    return rows, problems


def unfinished_elsewhere(folder: Path) -> list[SessionRow]:
    """Unfinished sessions outside `folder` that this user may want back (a rescue folder, a class
    pack's folder: `files.session_places`). Only journals are read; unreadable ones are listed
    where they live."""
    rows: list[SessionRow] = []
    for other in session_places(folder)[1:]:
        for path in transcript_files(other):
            if is_journal(path):
                with contextlib.suppress(TranscriptError):
                    rows.append(read_row(path))
    return rows


def read_row(path: Path) -> SessionRow:
    """The row of one transcript file (a finished one, or a journal); raises TranscriptError."""
    raw = read_text(path)
    try:
        fields = _journal_fields(raw) if is_journal(path) else _json(raw)
        return _row(path, fields)
    except ValueError as exc:  # json.JSONDecodeError is one
        raise TranscriptError(f"{path}: {exc}") from None
    except RecursionError:
        raise TranscriptError(f"{path}: nested too deeply to be a transcript") from None


def _json(raw: str) -> dict[str, Any]:
    data = json.loads(raw)
    check_text(raw, data)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


def _journal_fields(raw: str) -> dict[str, Any]:
    """The transcript fields a journal's records add up to, as far as a row needs them: the header's
    transcript, its turns, status changes and changed fields. A last line cut off mid-write is left
    out, as replaying the journal does."""
    # Split at newlines alone, as replaying does: an answer may hold U+2028 or U+0085, which JSON
    # leaves unescaped and str.splitlines() would also split at.
    lines = [(n, line) for n, line in enumerate(raw.split("\n"), start=1) if line.strip()]
    fields: dict[str, Any] | None = None
    for n, line in lines:
        try:
            record = _json(line)
            kind = record.get("kind")
            if fields is None:
                if kind != "header" or not isinstance(record.get("transcript"), dict):
                    raise ValueError("journal does not start with a header record")
                fields = dict(record["transcript"])
                fields["turns"] = list(_typed(fields, "turns", list, []))
            elif kind == "turn":
                fields["turns"].append(record["turn"])
            elif kind == "status":
                fields["status"] = record["status"]
            elif kind == "meta":
                fields.update(_typed(record, "fields", dict))
            elif kind not in RECORD_KINDS:
                raise ValueError(f"unknown record kind {kind!r}")
        except (ValueError, KeyError, TypeError) as exc:
            if n == lines[-1][0] and fields is not None:
                break  # cut off mid-write: dropped
            raise ValueError(f"line {n}: {exc}") from None
    if fields is None:
        raise ValueError("empty journal (no header record)")
    return fields


def _row(path: Path, data: dict[str, Any]) -> SessionRow:
    turns = _typed(data, "turns", list, [])
    for i, turn in enumerate(turns):
        if not isinstance(turn, dict) or not isinstance(turn.get("topic"), str):
            raise ValueError(f"turns.{i}: not a turn with a topic")
    topics = _typed(data, "topics", list)
    if not all(isinstance(t, str) for t in topics):
        raise ValueError("topics: not a list of topic names")
    return SessionRow(
        path=path,
        apprentice=_typed(data, "apprentice", str),
        mode=_one_of(data, "mode", MODES),
        status=_one_of(data, "status", STATUSES, "in_progress"),
        started_at=_time(data, "started_at"),
        topics=len(topics),
        answers=sum(1 for t in turns if t.get("role") == "apprentice"),
        discussed=len({t["topic"] for t in turns if t.get("kind", "question") == "question"}),
    )


_MISSING = object()


def _typed(data: dict[str, Any], name: str, kind: type, default: Any = _MISSING) -> Any:
    value = data.get(name, default)
    if value is _MISSING:
        raise ValueError(f"{name}: missing")
    if not isinstance(value, kind):
        raise ValueError(f"{name}: not a {kind.__name__}")
    return value


def _one_of(
    data: dict[str, Any], name: str, allowed: tuple[str, ...], default: Any = _MISSING
) -> str:
    value = _typed(data, name, str, default)
    if value not in allowed:
        raise ValueError(f"{name}: {value[:40]!r} is not one of {', '.join(allowed)}")
    return str(value)


def _time(data: dict[str, Any], name: str) -> datetime:
    try:
        when = datetime.fromisoformat(_typed(data, name, str))
    except ValueError:
        raise ValueError(f"{name}: not a date and time") from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when
