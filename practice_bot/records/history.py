"""An apprentice's record across sessions: per criterion how often it was evidenced, and the weakest."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from practice_bot.records.schema import Transcript
from practice_bot.rubric.models import Rubric
from practice_bot.scoring.base import STATUS_RANK


@dataclass
class CriterionRecord:
    criterion_id: str
    sessions: int = 0  # sessions that covered this criterion (see covered_criteria)
    evidenced: int = 0
    partly: int = 0

    @property
    def rate(self) -> float:
        return self.evidenced / self.sessions if self.sessions else 0.0


def final_status(transcript: Transcript) -> dict[str, str]:
    """Best status per criterion in one transcript (newest judgment layer), after tutor overrides."""
    best: dict[str, str] = {}
    for j in transcript.current_judgments():
        if STATUS_RANK[j.status] >= STATUS_RANK.get(best.get(j.criterion_id, "not_yet"), 0):
            best[j.criterion_id] = j.status
    for o in sorted(transcript.overrides, key=lambda o: o.at):
        best[o.criterion_id] = "evidenced" if o.evidenced else "not_yet"
    return best


def covered_topics(transcript: Transcript) -> list[str]:
    """The session's topics it actually discussed (a question was asked, or something was credited),
    in plan order. A mock ended after one topic covered that one topic, not eleven."""
    asked = {t.topic for t in transcript.turns if t.kind in ("question", "retry")}
    judged = {
        j.criterion_id.split("/", 1)[0]
        for j in transcript.current_judgments()
        if j.status != "not_yet"
    } | {o.criterion_id.split("/", 1)[0] for o in transcript.overrides}
    return [t for t in transcript.topics if t in asked | judged]


def covered_criteria(transcript: Transcript, rubric: Rubric) -> list[str]:
    """The criteria a session covered: those of the topics it discussed, or a drill's targets among
    them. Only these count for or against an apprentice across sessions."""
    ids: list[str] = []
    for topic_id in covered_topics(transcript):
        try:
            topic = rubric.topic(topic_id)
        except KeyError:
            continue
        ids.extend(c.id for c in topic.criteria)
    if transcript.mode == "drill" and transcript.target_criteria:
        targets = set(transcript.target_criteria)
        ids = [c for c in ids if c in targets]
    return ids


def scorer_status(transcript: Transcript) -> dict[str, str]:
    """Status per criterion from the newest judgment layer alone, before any tutor override."""
    return final_status(transcript.model_copy(update={"overrides": []}))


def criterion_records(
    rubric: Rubric, transcripts: Sequence[Transcript]
) -> dict[str, CriterionRecord]:
    """Per criterion, across sessions: how many covered it, and how many of those evidenced it."""
    records = {c.id: CriterionRecord(c.id) for t in rubric.topics for c in t.criteria}
    for tr in transcripts:
        status = final_status(tr)
        for cid in covered_criteria(tr, rubric):
            rec = records[cid]
            rec.sessions += 1
            s = status.get(cid, "not_yet")
            rec.evidenced += s == "evidenced"
            rec.partly += s == "partly"
    return records


def weakest_criteria(
    rubric: Rubric, transcripts: Sequence[Transcript], count: int = 4, seed: int = 0
) -> list[str]:
    """The criteria evidenced least often (pass criteria first), ties broken by the seed."""
    records = criterion_records(rubric, transcripts)
    rng = random.Random(seed)
    tiebreak = {cid: rng.random() for cid in records}
    level = {c.id: c.level for t in rubric.topics for c in t.criteria}
    ranked = sorted(
        records.values(),
        key=lambda r: (
            r.rate,
            level[r.criterion_id] != "pass",
            -r.sessions,
            tiebreak[r.criterion_id],
        ),
    )
    return [r.criterion_id for r in ranked[:count]]


def topic_shares(
    rubric: Rubric, chronological: Sequence[Transcript]
) -> dict[str, list[tuple[int, int]]]:
    """Per topic, oldest session first: (criteria evidenced, criteria covered) in each session that
    covered it. Sessions that never reached a topic are left out, not counted as 0."""
    shares: dict[str, list[tuple[int, int]]] = {}
    for tr in chronological:
        status = final_status(tr)
        covered = covered_criteria(tr, rubric)
        for topic_id in covered_topics(tr):
            ids = [c for c in covered if c.startswith(topic_id + "/")]
            if ids:
                met = sum(status.get(c) == "evidenced" for c in ids)
                shares.setdefault(topic_id, []).append((met, len(ids)))
    return shares


def evidenced_of_covered(transcript: Transcript, rubric: Rubric) -> tuple[int, int]:
    """(criteria evidenced, criteria covered) in one session."""
    status = final_status(transcript)
    covered = covered_criteria(transcript, rubric)
    return sum(status.get(c) == "evidenced" for c in covered), len(covered)


def record_words(record: CriterionRecord) -> str:
    if not record.sessions:
        return "not practised yet"
    return f"evidenced in {record.evidenced} of {record.sessions} session" + (
        "s" if record.sessions != 1 else ""
    )
