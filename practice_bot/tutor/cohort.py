"""The cohort view: apprentices x topics (share of criteria evidenced) and the criteria most often missed.

Per apprentice and criterion the status comes from the latest finished session that covered it (a session
covers the criteria of the topics it discussed, not every planned one; a drill only its target criteria), tutor overrides applied. A cell is
the share of a topic's covered criteria the apprentice has evidenced; "most often missed" ranks criteria by
the share of apprentices whose latest covering session did not evidence them. Apprentices are matched by
name, ignoring case and spacing. Filter by class pack with `pack_id`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from practice_bot.records.history import covered_criteria, final_status
from practice_bot.records.schema import Transcript
from practice_bot.records.store import list_transcripts
from practice_bot.rubric.models import Rubric


def apprentice_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class Cell:
    evidenced: int = 0
    criteria: int = 0  # covered criteria of the topic
    sessions: int = 0  # sessions that covered the topic

    @property
    def share(self) -> float | None:
        return self.evidenced / self.criteria if self.criteria else None


@dataclass
class MissedCriterion:
    criterion_id: str
    topic_id: str
    level: str
    text: str
    missed: int  # apprentices whose latest covering session did not evidence it
    apprentices: int  # apprentices with a session covering it
    missed_by: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.missed / self.apprentices if self.apprentices else 0.0


@dataclass
class Cohort:
    apprentices: list[str]  # display names, sorted
    topics: list[str]  # topic ids with any coverage, in rubric order
    cells: dict[tuple[str, str], Cell]  # (apprentice display name, topic id)
    missed: list[MissedCriterion]  # most often missed first
    transcripts: int
    pack_id: str | None = None
    problems: list[str] = field(default_factory=list)

    def cell(self, apprentice: str, topic_id: str) -> Cell | None:
        return self.cells.get((apprentice, topic_id))

    def topic_share(self, topic_id: str) -> float | None:
        """The cohort's share of the topic's covered criteria evidenced (all apprentices pooled)."""
        cells = [c for (_, t), c in self.cells.items() if t == topic_id]
        total = sum(c.criteria for c in cells)
        return sum(c.evidenced for c in cells) / total if total else None

    def to_json(self, missed: int | None = None) -> dict[str, Any]:
        return {
            "pack_id": self.pack_id,
            "transcripts": self.transcripts,
            "apprentices": self.apprentices,
            "topics": self.topics,
            "matrix": {
                a: {
                    t: {"evidenced": c.evidenced, "criteria": c.criteria, "share": c.share}
                    for t in self.topics
                    if (c := self.cells.get((a, t))) is not None
                }
                for a in self.apprentices
            },
            "topic_share": {t: self.topic_share(t) for t in self.topics},
            "most_missed": [
                {
                    "criterion_id": m.criterion_id,
                    "level": m.level,
                    "missed": m.missed,
                    "apprentices": m.apprentices,
                    "share": m.share,
                    "missed_by": m.missed_by,
                }
                for m in self.missed[:missed]
            ],
            "problems": self.problems,
        }


def pack_ids(transcripts: Iterable[Transcript]) -> list[str]:
    """The class packs seen in a set of transcripts (for a filter)."""
    return sorted({t.pack_id for t in transcripts if t.pack_id})


def cohort_view(
    transcripts: Sequence[Transcript], rubric: Rubric, pack_id: str | None = None
) -> Cohort:
    chosen = [
        t
        for t in transcripts
        if t.status != "in_progress" and (pack_id is None or t.pack_id == pack_id)
    ]
    chosen.sort(key=lambda t: t.started_at)
    names: dict[str, str] = {}  # key -> display name (the latest spelling)
    latest: dict[tuple[str, str], str] = {}  # (apprentice key, criterion) -> status, latest wins
    sessions: dict[tuple[str, str], int] = {}  # (apprentice key, topic) -> sessions covering it
    for t in chosen:
        key = apprentice_key(t.apprentice)
        names[key] = " ".join(t.apprentice.split()) or "(no name)"
        status = final_status(t)
        covered = covered_criteria(t, rubric)
        for cid in covered:
            latest[(key, cid)] = status.get(cid, "not_yet")
        for topic_id in {c.split("/", 1)[0] for c in covered}:
            sessions[(key, topic_id)] = sessions.get((key, topic_id), 0) + 1
    cells: dict[tuple[str, str], Cell] = {}
    for (key, cid), decided in latest.items():
        topic_id = cid.split("/", 1)[0]
        cell = cells.setdefault((names[key], topic_id), Cell())
        cell.criteria += 1
        cell.evidenced += decided == "evidenced"
    for (key, topic_id), n in sessions.items():
        if (names[key], topic_id) in cells:
            cells[(names[key], topic_id)].sessions = n
    missed = _most_missed(latest, names, rubric)
    seen_topics = {t for _, t in cells}
    return Cohort(
        apprentices=sorted(set(names.values()), key=str.casefold),
        topics=[t for t in rubric.topic_ids if t in seen_topics],
        cells=cells,
        missed=missed,
        transcripts=len(chosen),
        pack_id=pack_id,
    )


def _most_missed(
    latest: dict[tuple[str, str], str], names: dict[str, str], rubric: Rubric
) -> list[MissedCriterion]:
    order = {c.id: i for i, c in enumerate(c for t in rubric.topics for c in t.criteria)}
    info = {c.id: c for t in rubric.topics for c in t.criteria}
    rows: dict[str, MissedCriterion] = {}
    for (key, cid), status in latest.items():
        c = info.get(cid)
        if c is None:
            continue
        row = rows.setdefault(cid, MissedCriterion(cid, c.topic_id, c.level, c.text, 0, 0))
        row.apprentices += 1
        if status != "evidenced":
            row.missed += 1
            row.missed_by.append(names[key])
    for row in rows.values():
        row.missed_by.sort(key=str.casefold)
    ranked = sorted(
        (r for r in rows.values() if r.missed),
        key=lambda r: (-r.share, -r.missed, r.level != "pass", order[r.criterion_id]),
    )
    return ranked


def load_cohort(folder: Path, rubric: Rubric, pack_id: str | None = None) -> Cohort:
    """The cohort view of every finished transcript in a folder; unreadable files listed as problems."""
    entries, problems = list_transcripts(folder)
    cohort = cohort_view([e.transcript for e in entries if not e.in_progress], rubric, pack_id)
    cohort.problems = problems
    return cohort
