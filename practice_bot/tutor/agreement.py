"""Blind marking: how often a tutor's blind marks agree with the scorer, per criterion and over a folder.

A blind mark is an override with `blind=True` (made before the tutor saw the scorer's judgments). The
scorer's decision is the newest judgment layer's status before overrides, read as evidenced or not
(`partly` counts as not evidenced, because the tutor's mark is yes or no). Over many marks: exact agreement
(the share of marks where both said the same) and Cohen's kappa, which discounts the agreement two raters
would reach by chance: kappa = (p_o - p_e) / (1 - p_e).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from practice_bot.records.schema import Override, Transcript
from practice_bot.records.store import list_transcripts
from practice_bot.tutor.overrides import doubted, overrides_for, scorer_status


def cohen_kappa(rater_a: Sequence[Hashable], rater_b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa for two raters over the same items; None when it is undefined (no items, or
    both raters used one and the same category throughout, so chance agreement is already 1)."""
    if len(rater_a) != len(rater_b):
        raise ValueError("both raters must rate the same items")
    n = len(rater_a)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(rater_a, rater_b, strict=True)) / n
    categories = set(rater_a) | set(rater_b)
    expected = sum(
        (sum(a == c for a in rater_a) / n) * (sum(b == c for b in rater_b) / n) for c in categories
    )
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


@dataclass
class Agreement:
    """Agreement over a set of (tutor, scorer) decisions, each True for evidenced."""

    items: int = 0
    agreed: int = 0
    both_evidenced: int = 0
    tutor_only: int = 0  # tutor evidenced, scorer not
    scorer_only: int = 0  # scorer evidenced, tutor not
    neither: int = 0
    kappa: float | None = None

    @property
    def exact(self) -> float | None:
        return self.agreed / self.items if self.items else None

    def to_json(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "agreed": self.agreed,
            "exact_agreement": self.exact,
            "kappa": self.kappa,
            "confusion": {
                "both_evidenced": self.both_evidenced,
                "tutor_only": self.tutor_only,
                "scorer_only": self.scorer_only,
                "neither": self.neither,
            },
        }


def summarise(pairs: Iterable[tuple[bool, bool]]) -> Agreement:
    """Exact agreement, confusion counts and kappa for (tutor evidenced, scorer evidenced) pairs."""
    items = list(pairs)
    out = Agreement(items=len(items))
    for tutor, scorer in items:
        out.agreed += tutor == scorer
        out.both_evidenced += tutor and scorer
        out.tutor_only += tutor and not scorer
        out.scorer_only += scorer and not tutor
        out.neither += not tutor and not scorer
    out.kappa = cohen_kappa([t for t, _ in items], [s for _, s in items])
    return out


@dataclass
class CriterionAgreement:
    criterion_id: str
    tutor: str
    tutor_evidenced: bool
    scorer_status: str  # evidenced | partly | not_yet
    comment: str = ""

    @property
    def scorer_evidenced(self) -> bool:
        return self.scorer_status == "evidenced"

    @property
    def agrees(self) -> bool:
        return self.tutor_evidenced == self.scorer_evidenced

    def to_json(self) -> dict[str, Any]:
        return {
            "criterion_id": self.criterion_id,
            "tutor": self.tutor,
            "tutor_evidenced": self.tutor_evidenced,
            "scorer_status": self.scorer_status,
            "agrees": self.agrees,
            "comment": self.comment,
        }


def blind_marks(transcript: Transcript, tutor: str | None = None) -> list[Override]:
    """Each tutor's latest blind mark per criterion, in criterion order."""
    latest: dict[tuple[str, str], Override] = {}
    for o in overrides_for(transcript, tutor=tutor, blind=True):
        latest[(o.tutor, o.criterion_id)] = o
    return sorted(latest.values(), key=lambda o: (o.criterion_id, o.tutor))


def transcript_agreement(
    transcript: Transcript, tutor: str | None = None
) -> list[CriterionAgreement]:
    """Per criterion the tutor's blind mark beside the scorer's decision."""
    status = scorer_status(transcript)
    return [
        CriterionAgreement(
            criterion_id=o.criterion_id,
            tutor=o.tutor,
            tutor_evidenced=o.evidenced,
            scorer_status=status.get(o.criterion_id, "not_yet"),
            comment=o.comment,
        )
        for o in blind_marks(transcript, tutor)
    ]


@dataclass
class TranscriptAgreement:
    path: Path
    apprentice: str
    criteria: list[CriterionAgreement]
    summary: Agreement


@dataclass
class Doubt:
    """A credited criterion a tutor flagged as doubtful from the review screen."""

    path: Path
    apprentice: str
    criterion_id: str
    tutor: str
    comment: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "apprentice": self.apprentice,
            "criterion_id": self.criterion_id,
            "tutor": self.tutor,
            "comment": self.comment,
        }


@dataclass
class FolderAgreement:
    summary: Agreement
    transcripts: list[TranscriptAgreement] = field(default_factory=list)
    per_criterion: dict[str, Agreement] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    # Credited criteria tutors doubt: the scorer's credit questioned, not yet overruled.
    doubts: list[Doubt] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.summary.to_json(),
            "transcripts": [
                {
                    "path": str(t.path),
                    "apprentice": t.apprentice,
                    **t.summary.to_json(),
                    "criteria": [c.to_json() for c in t.criteria],
                }
                for t in self.transcripts
            ],
            "per_criterion": {cid: a.to_json() for cid, a in sorted(self.per_criterion.items())},
            "doubted": len(self.doubts),
            "doubts": [d.to_json() for d in self.doubts],
            "problems": self.problems,
        }


def agreement_of(
    entries: Iterable[tuple[Path, Transcript]], tutor: str | None = None
) -> FolderAgreement:
    """Agreement over several transcripts: overall, per transcript and per criterion."""
    everything: list[CriterionAgreement] = []
    result = FolderAgreement(summary=Agreement())
    for path, transcript in entries:
        for cid, o in sorted(doubted(transcript).items()):
            if tutor is None or o.tutor == tutor:
                result.doubts.append(Doubt(path, transcript.apprentice, cid, o.tutor, o.comment))
        criteria = transcript_agreement(transcript, tutor)
        if not criteria:
            continue
        everything.extend(criteria)
        result.transcripts.append(
            TranscriptAgreement(
                path,
                transcript.apprentice,
                criteria,
                summarise((c.tutor_evidenced, c.scorer_evidenced) for c in criteria),
            )
        )
    result.summary = summarise((c.tutor_evidenced, c.scorer_evidenced) for c in everything)
    by_criterion: dict[str, list[CriterionAgreement]] = {}
    for c in everything:
        by_criterion.setdefault(c.criterion_id, []).append(c)
    result.per_criterion = {
        cid: summarise((c.tutor_evidenced, c.scorer_evidenced) for c in cs)
        for cid, cs in by_criterion.items()
    }
    return result


def folder_agreement(folder: Path, tutor: str | None = None) -> FolderAgreement:
    """Agreement over every finished transcript in a folder (or one file) that has blind marks."""
    entries, problems = list_transcripts(folder)
    result = agreement_of(((e.path, e.transcript) for e in entries if not e.in_progress), tutor)
    result.problems = problems
    return result
