"""Rows of the review list: one per transcript, with what a tutor scans for, sortable and filterable.

`review_rows(folder, rubric)` reads a folder; `filter_rows` and `sort_rows` work on the rows; filters come
from `KEY=VALUE` strings (`parse_filters`) so the command line and the review screen share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from practice_bot.errors import UserError
from practice_bot.records.schema import Transcript
from practice_bot.records.store import list_transcripts
from practice_bot.rubric.grading import Grades
from practice_bot.rubric.models import Rubric
from practice_bot.textsafe import printable
from practice_bot.tutor.keys import FILTER_KEYS, SORT_NAMES
from practice_bot.tutor.overrides import doubted, grades_both_ways

GRADE_ORDER = {"fail": 0, "pass": 1, "merit": 2, "distinction": 3}


@dataclass
class ReviewRow:
    path: Path
    apprentice: str
    started_at: datetime
    mode: str
    status: str
    seconds: float  # session time used
    grades: Grades  # with tutor overrides
    grades_scorer_only: Grades
    flagged: int  # criteria with a judgment flagged for a tutor's eye (newest layer)
    flags: list[str]  # the kinds of flag seen
    overrides: int  # open overrides
    blind_marks: int
    pack_id: str | None
    in_progress: bool
    scorer: str  # the scorer of the newest judgment layer
    layers: int  # 1 + number of re-scorings

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "apprentice": self.apprentice,
            "started_at": self.started_at.isoformat(),
            "mode": self.mode,
            "status": self.status,
            "seconds": self.seconds,
            "grades": self.grades.model_dump(mode="json"),
            "grades_scorer_only": self.grades_scorer_only.model_dump(mode="json"),
            "flagged": self.flagged,
            "flags": self.flags,
            "overrides": self.overrides,
            "blind_marks": self.blind_marks,
            "pack_id": self.pack_id,
            "in_progress": self.in_progress,
            "scorer": self.scorer,
            "layers": self.layers,
        }


def session_seconds(transcript: Transcript) -> float:
    times = [t.elapsed for t in transcript.turns] + [e.elapsed for e in transcript.events]
    return round(max([*times, 0.0]), 1)


def review_row(
    path: Path, transcript: Transcript, rubric: Rubric, in_progress: bool = False
) -> ReviewRow:
    both = grades_both_ways(transcript, rubric)
    current = transcript.current_judgments()
    doubts = doubted(transcript)
    flagged = {j.criterion_id for j in current if j.review} | set(doubts)
    return ReviewRow(
        path=path,
        apprentice=transcript.apprentice,
        started_at=transcript.started_at,
        mode=transcript.mode,
        status=transcript.status,
        seconds=session_seconds(transcript),
        grades=both.with_overrides,
        grades_scorer_only=both.scorer_only,
        flagged=len(flagged),
        flags=sorted(
            {f for j in current for f in j.flags} | ({"tutor_doubt"} if doubts else set())
        ),
        overrides=sum(not o.blind and not o.doubt for o in transcript.overrides),
        blind_marks=sum(o.blind for o in transcript.overrides),
        pack_id=transcript.pack_id,
        in_progress=in_progress,
        scorer=transcript.rescores[-1].scorer if transcript.rescores else transcript.scorer,
        layers=1 + len(transcript.rescores),
    )


def review_rows(folder: Path, rubric: Rubric) -> tuple[list[ReviewRow], list[str]]:
    """A row per readable transcript in the folder (newest first) and a message per unreadable file."""
    entries, problems = list_transcripts(folder)
    return [review_row(e.path, e.transcript, rubric, e.in_progress) for e in entries], problems


def _stamp(when: datetime) -> float:
    try:
        return when.timestamp()
    except (OverflowError, OSError, ValueError):  # pragma: no cover - far-out dates
        return 0.0


SORT_KEYS: dict[str, Any] = {
    "date": lambda r: _stamp(r.started_at),
    "apprentice": lambda r: (r.apprentice.casefold(), -_stamp(r.started_at)),
    "mode": lambda r: (r.mode, -_stamp(r.started_at)),
    "duration": lambda r: r.seconds,
    "grade": lambda r: (GRADE_ORDER[r.grades.overall], -_stamp(r.started_at)),
    "flagged": lambda r: (r.flagged, _stamp(r.started_at)),
    "status": lambda r: (r.status, -_stamp(r.started_at)),
    "pack": lambda r: (r.pack_id or "", -_stamp(r.started_at)),
}
assert tuple(SORT_KEYS) == SORT_NAMES, "keep practice_bot/tutor/keys.py in step"
# Natural direction: newest, longest, most flagged first; names and grades ascending.
DESCENDING = {"date", "duration", "flagged"}


def sort_rows(
    rows: Iterable[ReviewRow], key: str = "date", reverse: bool = False
) -> list[ReviewRow]:
    """Rows sorted by `key` in its natural direction (`reverse` flips it)."""
    if key not in SORT_KEYS:
        raise UserError(f"--sort: unknown key {printable(key)!r}; choose {', '.join(SORT_KEYS)}")
    return sorted(rows, key=SORT_KEYS[key], reverse=(key in DESCENDING) != reverse)


def parse_filters(items: Sequence[str]) -> dict[str, str]:
    """`KEY=VALUE` strings into a filter dict; errors name the bad item."""
    filters: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep or key not in FILTER_KEYS:
            raise UserError(
                f"--filter {printable(item)!r}: use KEY=VALUE with KEY one of {', '.join(FILTER_KEYS)}"
            )
        filters[key] = value.strip()
    return filters


def _yes(value: str) -> bool:
    return value.lower() in ("yes", "y", "true", "1")


def matches(row: ReviewRow, filters: dict[str, str]) -> bool:
    for key, value in filters.items():
        v = value.casefold()
        if key == "apprentice" and v not in row.apprentice.casefold():
            return False
        if key == "mode" and row.mode != v:
            return False
        if key == "status" and row.status != v:
            return False
        if key == "grade" and row.grades.overall != v:
            return False
        if key == "pack" and (row.pack_id or "").casefold() != v:
            return False
        if key == "flagged" and (row.flagged > 0) != _yes(v):
            return False
        if key == "overridden" and (row.overrides > 0) != _yes(v):
            return False
        if key == "scorer" and row.scorer.casefold() != v:
            return False
    return True


def filter_rows(rows: Iterable[ReviewRow], filters: dict[str, str]) -> list[ReviewRow]:
    """Rows matching every filter: apprentice (part of the name, any case), mode, status, grade
    (overall, with overrides), pack, flagged=yes|no, overridden=yes|no, scorer."""
    return [r for r in rows if matches(r, filters)]
