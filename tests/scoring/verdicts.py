"""The offline scorer's verdicts for an answer, and what it reads in one sentence: the helpers the rule
tests share."""

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


def slots(topic_id: str, sentence: str) -> set[str]:
    """The labels of the slots one sentence names, over every criterion of topic `topic_id`."""
    topic = RUBRIC.topic(topic_id)
    criteria = list(topic.criteria)
    labels = [k.labels for k in SCORER.book.batch(criteria).concepts]
    (only,) = SCORER.outcome(sentence, topic, criteria).reading.sentences
    return {labels[ci][k] for ci, ks in only.facts.named for k in ks}


def names_ml_work(topic_id: str, sentence: str) -> bool:
    """Whether a one-sentence answer to topic `topic_id` names ML or data work, in that sense."""
    topic = RUBRIC.topic(topic_id)
    reading = SCORER.outcome(sentence, topic, list(topic.criteria)).reading
    (only,) = reading.sentences
    return only.marks.about and not reading.other_sense & only.facts.found
