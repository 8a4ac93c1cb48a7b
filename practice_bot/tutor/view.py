"""What the review screen shows of one transcript, as data: each criterion with its status before and
after overrides, the scorer, the quoted evidence and the answers it came from, and the evidence spans to
highlight in the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from practice_bot.records.history import final_status
from practice_bot.records.schema import Override, Transcript
from practice_bot.rubric.models import Rubric
from practice_bot.scoring.base import STATUS_RANK, Evidence
from practice_bot.tutor.overrides import overrides_for, scorer_status


@dataclass(frozen=True)
class Span:
    """Characters `start:end` of the answer in turn `turn` quoted as evidence for `criterion_id`."""

    turn: int
    start: int
    end: int
    criterion_id: str
    status: str


def evidence_spans(transcript: Transcript) -> dict[int, list[Span]]:
    """Evidence spans of the newest judgment layer per answer turn, in text order; spans that do not
    fit the answer (a damaged file) are left out."""
    spans: dict[int, list[Span]] = {}
    for j in transcript.current_judgments():
        if j.turn is None or j.status == "not_yet" or not 0 <= j.turn < len(transcript.turns):
            continue
        text = transcript.turns[j.turn].text
        for e in j.evidence:
            if 0 <= e.start < e.end <= len(text):
                spans.setdefault(j.turn, []).append(
                    Span(j.turn, e.start, e.end, j.criterion_id, j.status)
                )
    for turn in spans:
        spans[turn] = sorted(set(spans[turn]), key=lambda s: (s.start, s.end, s.criterion_id))
    return spans


def merged(spans: list[Span]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, for highlighting."""
    out: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: s.start):
        if out and s.start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], s.end))
        else:
            out.append((s.start, s.end))
    return out


def highlight(text: str, spans: list[Span], open_mark: str = "[[", close_mark: str = "]]") -> str:
    """The text with each evidence stretch wrapped in markers (for plain output)."""
    parts: list[str] = []
    pos = 0
    for start, end in merged(spans):
        parts += [text[pos:start], open_mark, text[start:end], close_mark]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass
class CriterionView:
    id: str
    topic_id: str
    level: str
    text: str
    ksbs: tuple[str, ...]
    status: str  # after overrides
    scorer_status: str  # newest layer, before overrides
    scorers: list[str]  # who judged it at that status (offline, llm, ...)
    evidence: list[tuple[int, Evidence]] = field(default_factory=list)  # (answer turn, quote)
    reason: str = ""
    flags: list[str] = field(default_factory=list)
    review: bool = False  # a judgment asked for a tutor's eye
    overrides: list[Override] = field(default_factory=list)  # oldest first, blind ones included

    @property
    def overridden(self) -> bool:
        return bool(self.overrides)

    @property
    def override(self) -> Override | None:
        return self.overrides[-1] if self.overrides else None


def criterion_views(transcript: Transcript, rubric: Rubric) -> list[CriterionView]:
    """Every criterion of the session's topics, in the standard's order."""
    after = final_status(transcript)
    before = scorer_status(transcript)
    judgments = transcript.current_judgments()
    views: list[CriterionView] = []
    for topic in rubric.topics:
        if topic.id not in transcript.topics:
            continue
        for c in topic.criteria:
            js = [j for j in judgments if j.criterion_id == c.id]
            status = before.get(c.id, "not_yet")
            at_status = [j for j in js if STATUS_RANK[j.status] == STATUS_RANK[status]]
            evidence: list[tuple[int, Evidence]] = []
            for j in at_status:
                for e in j.evidence:
                    item = (j.turn if j.turn is not None else -1, e)
                    if item not in evidence:
                        evidence.append(item)
            reason = next((j.reason for j in at_status if j.reason), "")
            if not js:
                reason = "Not discussed."
            views.append(
                CriterionView(
                    id=c.id,
                    topic_id=topic.id,
                    level=c.level,
                    text=c.text,
                    ksbs=c.ksbs,
                    status=after.get(c.id, "not_yet"),
                    scorer_status=status,
                    scorers=sorted({j.scorer for j in at_status}) if js else [],
                    evidence=evidence,
                    reason=reason,
                    flags=sorted({f for j in js for f in j.flags}),
                    review=any(j.review for j in js),
                    overrides=overrides_for(transcript, c.id),
                )
            )
    return views
