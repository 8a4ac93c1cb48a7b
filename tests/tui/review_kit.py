"""A small tutor's folder for the review-screen tests and snapshots: three finished practice sessions on
fixed dates, scored by the TokenScorer (one judgment flagged for review, one class pack), and a mock exam
one override away from a pass."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from practice_bot.records.schema import Transcript
from practice_bot.rubric import Rubric
from tests.tutor.kit import save, session

SAM = [
    "EVIDENCE:sustainability/pass-1 I measured the energy each training run used.",
    "EVIDENCE:model-scoping/pass-1 We agreed recall mattered; [bold red]x[/] stays literal.",
    "PARTLY:model-scoping/pass-2 precision, recall, F1, AUC.",
]
ANA = ["EVIDENCE:sustainability/pass-1 and more", "EVIDENCE:model-scoping/pass-2 as agreed"]
BO = ["I am not sure what to say here."]


def flag_keyword_list(t: Transcript, criterion_id: str) -> None:
    """Mark a judgment as the offline scorer would a bare keyword list: flagged for a tutor."""
    for j in t.judgments:
        if j.criterion_id == criterion_id and j.status != "not_yet":
            j.flags = ["keyword_list"]
            j.review = True


def tutor_folder(folder: Path, rubric: Rubric) -> dict[str, Path]:
    """Sam (pack march, one flagged judgment), Ana (no pack) and Bo (pack march, model scoping only)."""
    sam = session(rubric, SAM, apprentice="Sam Patel",
                  started=datetime(2026, 1, 5, 9, 0, tzinfo=UTC), pack_id="march")  # fmt: skip
    flag_keyword_list(sam, "model-scoping/pass-2")
    ana = session(
        rubric, ANA, apprentice="Ana Lee", started=datetime(2026, 1, 6, 10, 0, tzinfo=UTC)
    )
    bo = session(rubric, BO, apprentice="Bo Chen", topics=("model-scoping",),
                 started=datetime(2026, 1, 7, 11, 0, tzinfo=UTC), pack_id="march")  # fmt: skip
    return {"sam": save(folder, sam), "ana": save(folder, ana), "bo": save(folder, bo)}


def nearly_passing_mock(folder: Path, rubric: Rubric) -> Path:
    """A mock exam evidencing every pass criterion but model-scoping/pass-2: AM1 fails on that one."""
    ids = [c.id for t in rubric.topics for c in t.pass_criteria if c.id != "model-scoping/pass-2"]
    answer = " ".join(f"EVIDENCE:{i}" for i in ids)
    mock = session(rubric, [answer] * 80, apprentice="Kim Ode", topics=(), mode="mock",
                   started=datetime(2026, 1, 8, 14, 0, tzinfo=UTC))  # fmt: skip
    return save(folder, mock)
