"""Re-scoring: judge every answer of a finished transcript again with another scorer, as a new layer.

The session's own judgments (`Transcript.judgments`) and earlier layers stay exactly as they were; the
new layer is appended to `Transcript.rescores` and, being the newest, is what grades and reports use
(`Transcript.current_judgments`). Tutor overrides sit on top of whichever layer is newest.

Scoring runs before the file is locked (an LLM can take a while); only the append is done under the lock,
so a tutor's override made meanwhile is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from practice_bot.errors import UserError
from practice_bot.records.schema import JudgmentLayer, Transcript
from practice_bot.rubric.grading import Grades, predict_grades
from practice_bot.rubric.models import Rubric
from practice_bot.scoring.base import STATUS_RANK, Judgment, Scorer
from practice_bot.tutor.update import require_finished_file, update_transcript


def _prompts_of(scorer: Scorer) -> dict[str, str]:
    value = getattr(scorer, "prompt_hash", None)
    if callable(value):
        value = value()
    return {"scorer": value} if isinstance(value, str) and value else {}


def layer_grades(judgments: list[Judgment], rubric: Rubric, topics: list[str]) -> Grades:
    best: dict[str, str] = {}
    for j in judgments:
        if STATUS_RANK[j.status] >= STATUS_RANK[best.get(j.criterion_id, "not_yet")]:
            best[j.criterion_id] = j.status
    return predict_grades(rubric, {c: s == "evidenced" for c, s in best.items()}, topics)


def score_layer(
    transcript: Transcript,
    scorer: Scorer,
    rubric: Rubric,
    *,
    now: datetime | None = None,
    model: str | None = None,
) -> JudgmentLayer:
    """A new layer judging every answer of the transcript with `scorer` (not yet added to it)."""
    judgments: list[Judgment] = []
    notes: list[str] = []
    for answer in transcript.turns:
        if answer.role != "apprentice" or answer.kind != "answer":
            continue
        try:
            topic = rubric.topic(answer.topic)
        except KeyError:
            notes.append(
                f"turn {answer.index}: topic {answer.topic!r} is not in the standard; skipped"
            )
            continue
        question = ""
        if answer.answers is not None and 0 <= answer.answers < len(transcript.turns):
            question = transcript.turns[answer.answers].text
        try:
            assessment = scorer.score(answer.text, question, topic, topic.criteria)
        except UserError:
            raise
        except Exception as exc:
            raise UserError(
                f"rescore: the {scorer.name} scorer failed on turn {answer.index}: {exc}; "
                "nothing was changed"
            ) from None
        for j in assessment.judgments:
            judgments.append(j.model_copy(update={"turn": answer.index}))
        notes.extend(f"turn {answer.index}: {n}" for n in assessment.notes)
    return JudgmentLayer(
        id="",  # numbered when added
        scorer=scorer.name,
        model=model,
        at=now or datetime.now(UTC),
        prompts=_prompts_of(scorer),
        judgments=judgments,
        notes=notes,
        grades=layer_grades(judgments, rubric, transcript.topics),
    )


def append_layer(transcript: Transcript, layer: JudgmentLayer) -> JudgmentLayer:
    numbered = layer.model_copy(update={"id": f"rescore-{len(transcript.rescores) + 1}"})
    transcript.rescores = [*transcript.rescores, numbered]
    return numbered


def rescore_file(
    path: Path,
    scorer: Scorer,
    rubric: Rubric,
    *,
    now: datetime | None = None,
    model: str | None = None,
) -> JudgmentLayer:
    """Re-score a finished transcript file and save the new layer; returns the layer as saved."""
    from practice_bot.records.store import load_transcript

    require_finished_file(path)
    layer = score_layer(load_transcript(path), scorer, rubric, now=now, model=model)
    return update_transcript(path, lambda t: append_layer(t, layer))


@dataclass
class LayerInfo:
    """One layer of judgments as the review screen lists them; index 0 is the session's own."""

    index: int
    id: str
    scorer: str
    at: datetime | None
    judgments: list[Judgment]
    current: bool


def layers(transcript: Transcript) -> list[LayerInfo]:
    newest = len(transcript.rescores)
    out = [
        LayerInfo(
            0,
            "session",
            transcript.scorer,
            transcript.finished_at or transcript.started_at,
            transcript.judgments,
            newest == 0,
        )
    ]
    for i, layer in enumerate(transcript.rescores, start=1):
        out.append(LayerInfo(i, layer.id, layer.scorer, layer.at, layer.judgments, i == newest))
    return out
