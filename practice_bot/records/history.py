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
    sessions: int = 0  # sessions whose topics included this criterion's topic
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


def scorer_status(transcript: Transcript) -> dict[str, str]:
    """Status per criterion from the newest judgment layer alone, before any tutor override."""
    return final_status(transcript.model_copy(update={"overrides": []}))


def criterion_records(
    rubric: Rubric, transcripts: Sequence[Transcript]
) -> dict[str, CriterionRecord]:
    records = {c.id: CriterionRecord(c.id) for t in rubric.topics for c in t.criteria}
    for tr in transcripts:
        status = final_status(tr)
        for topic_id in tr.topics:
            try:
                topic = rubric.topic(topic_id)
            except KeyError:
                continue
            for c in topic.criteria:
                rec = records[c.id]
                rec.sessions += 1
                s = status.get(c.id, "not_yet")
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
