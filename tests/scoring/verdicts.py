"""The offline scorer's verdict on one criterion for an answer: the helper the rule tests share."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def status(criterion_id: str, answer: str, question: str = "") -> str:
    """The offline verdict on criterion `criterion_id` ("topic/criterion") for `answer`."""
    topic = RUBRIC.topic(criterion_id.split("/")[0])
    got = SCORER.score(answer, question, topic, topic.criteria)
    return next(j.status for j in got.judgments if j.criterion_id == criterion_id)
