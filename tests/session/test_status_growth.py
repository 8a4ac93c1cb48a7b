"""The engine keeps each criterion's status incrementally: the work per answer does not grow with
the number of answers before it (it was quadratic: every answer walked every judgment four times),
and the status always equals a full recount, also after judgments are replaced or pre-loaded (resume).
Work is counted in calls to best_status, not timed (timings are in benchmarks/engine_growth.py)."""

from __future__ import annotations

import random

from practice_bot.scoring.base import Judgment, best_status
from practice_bot.session import engine as engine_module
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine


def _recount(engine) -> dict[str, str]:  # type: ignore[no-untyped-def]
    status = {c.id: "not_yet" for t in engine.rubric.topics for c in t.criteria}
    for j in engine.transcript.judgments:
        if j.criterion_id in status:
            status[j.criterion_id] = best_status(status[j.criterion_id], j.status)
    return status


def test_work_per_answer_does_not_grow_with_the_session(rubric, monkeypatch):
    calls = [0]

    def counting(a, b):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return best_status(a, b)

    monkeypatch.setattr(engine_module, "best_status", counting)
    engine = make_engine(rubric, SessionConfig(mode="practice", topics=["model-scoping"]))
    engine.next_question()
    per_block = []
    for _block in range(3):
        before = calls[0]
        for _ in range(100):
            engine.submit_answer("I compared the model with a baseline and measured recall.")
            engine.retry()
        per_block.append(calls[0] - before)
    assert per_block[0] > 0
    assert per_block[2] <= per_block[0] * 1.1, per_block  # flat, not growing with the answers


def test_status_always_equals_a_full_recount(rubric):
    engine = make_engine(rubric, SessionConfig(mode="practice", topics=["model-scoping"]))
    ids = [c.id for c in rubric.topic("model-scoping").criteria]
    rng = random.Random(3)
    statuses = ["not_yet", "partly", "evidenced"]
    engine.transcript.judgments.extend(  # judgments already there, as on resume
        Judgment(criterion_id=rng.choice(ids), status=rng.choice(statuses)) for _ in range(5)
    )
    assert engine.status_by_criterion() == _recount(engine)
    for step in range(40):
        engine.transcript.judgments.append(
            Judgment(criterion_id=rng.choice(ids), status=rng.choice(statuses))
        )
        if step == 20:  # the list replaced by a shorter one
            engine.transcript.judgments = engine.transcript.judgments[:3]
        if step == 30:  # and by another of the same length
            engine.transcript.judgments = [j.model_copy() for j in engine.transcript.judgments]
        assert engine.status_by_criterion() == _recount(engine)
    returned = engine.status_by_criterion()
    returned[ids[0]] = "evidenced"  # a caller's copy: changing it changes nothing inside
    assert engine.status_by_criterion() == _recount(engine)
