"""The offline scorer's verdicts for an answer: the helpers the rule tests share."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import Judgment
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def judgments(topic_id: str, answer: str, question: str = "") -> list[Judgment]:
    """The offline judgments on every criterion of topic `topic_id` for `answer`."""
    topic = RUBRIC.topic(topic_id)
    return SCORER.score(answer, question, topic, topic.criteria).judgments


def statuses(topic_id: str, answer: str, question: str = "") -> dict[str, str]:
    """The offline verdict on each criterion of topic `topic_id` for `answer`, by criterion id."""
    return {j.criterion_id: j.status for j in judgments(topic_id, answer, question)}


def judgment(criterion_id: str, answer: str, question: str = "") -> Judgment:
    """The offline judgment on criterion `criterion_id` ("topic/criterion") for `answer`."""
    found = judgments(criterion_id.split("/")[0], answer, question)
    return next(j for j in found if j.criterion_id == criterion_id)


def status(criterion_id: str, answer: str, question: str = "") -> str:
    """The offline verdict on criterion `criterion_id` ("topic/criterion") for `answer`."""
    return judgment(criterion_id, answer, question).status
