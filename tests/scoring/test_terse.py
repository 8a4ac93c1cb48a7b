"""Terse answers (issue #13): a few notes whose one "I" carries them all. "Weekly retrain. Gate in the
pipeline... I retrained with a tariff flag." is own practice throughout; in a long answer a note still
needs a first-person action just before it."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()

NOTES = (
    "Weekly retrain of the churn model in Airflow. Drift check on the inputs every morning, alert above PSI "
    "0.25 in Grafana. In February a tariff change shifted the inputs, so I retrained with a tariff "
    "flag."
)


def practice(answer: str) -> list[bool]:
    topic = RUBRIC.topic("model-deployment")
    outcome = SCORER.outcome(answer, topic, list(topic.criteria))
    return [s.practice for s in outcome.reading.sentences]


def test_a_first_person_action_carries_to_every_note_of_a_terse_answer() -> None:
    assert practice(NOTES) == [True, True, True]


def test_in_a_long_answer_a_note_before_any_action_is_not_own_practice() -> None:
    preamble = (
        "The company sells broadband and mobile contracts to households across the north of England "
        "and Scotland, with about two million customers and a large call centre in Glasgow. "
    ) * 2
    got = practice(preamble + NOTES)
    assert got[-1] is True  # the action itself
    assert got[2] is False  # "Weekly retrain..." comes before it and is not carried back
