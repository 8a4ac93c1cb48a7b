"""The tutor's live view of a class, read from the pack's transcripts folder (journals as they grow,
finished transcripts once saved) and, when the server runs in the same process, who is connected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from practice_bot.records.store import list_transcripts


@dataclass(frozen=True)
class LearnerRow:
    name: str
    connection: str  # "connected", "away 12s", or "" when not known / not seated
    answers: tuple[int, ...]  # answers given per topic of the plan, in its order
    topic_now: str | None
    used: float  # seconds of session time used
    idle: float  # seconds since the session last recorded anything
    status: str  # "in progress", "finished", "ended early", "timed out"...

    @property
    def finished(self) -> bool:
        return self.status not in ("in progress", "starting")


def class_rows(
    folder: Path,
    pack_id: str,
    topics: list[str],
    connections: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> tuple[list[LearnerRow], list[str]]:
    """A row per learner who has started the pack (their latest session), by name; and a message
    per file that could not be read."""
    now = now or datetime.now(UTC)
    connections = connections or {}
    entries, problems = list_transcripts(folder)
    latest: dict[str, LearnerRow] = {}
    for entry in reversed(entries):  # oldest first, so a later session replaces an earlier one
        t = entry.transcript
        if t.pack_id != pack_id:
            continue
        counts = {topic: 0 for topic in topics}
        for turn in t.turns:
            if turn.role == "apprentice" and turn.topic in counts:
                counts[turn.topic] += 1
        stamps = [turn.at for turn in t.turns] + [e.at for e in t.events] + [t.started_at]
        elapsed = [turn.elapsed for turn in t.turns] + [e.elapsed for e in t.events] + [0.0]
        questions = [turn for turn in t.turns if turn.role == "assessor"]
        latest[t.apprentice] = LearnerRow(
            name=t.apprentice,
            connection=connections.get(t.apprentice, ""),
            answers=tuple(counts[topic] for topic in topics),
            topic_now=questions[-1].topic if questions and entry.in_progress else None,
            used=max(elapsed),
            idle=max(0.0, (now - max(stamps)).total_seconds()),
            status="in progress" if entry.in_progress else t.status.replace("_", " "),
        )
    for name, state in connections.items():  # signed in, nothing journaled yet
        latest.setdefault(
            name, LearnerRow(name, state, (0,) * len(topics), None, 0.0, 0.0, "starting")
        )
    return sorted(latest.values(), key=lambda r: r.name.casefold()), problems


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60:d}:{seconds % 60:02d}"
