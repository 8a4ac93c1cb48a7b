"""Honest confidence (issue #13): evidence resting on a single concrete sentence, or on one first-person
action and narrative carried from it, is "possible" (an assessor may want more; a tutor reviews it),
not "clear"."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import Judgment
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()

# Monitoring and retraining a live model (model-deployment/pass-2), each sentence a first-person action
# with a tool or a figure: the control.
FIRM = (
    "I set up drift monitoring for the churn model in Grafana in March. "
    "I set an alert for when the PSI of any input goes above 0.2. "
    "I retrained it twice after alerts, in May and in August, and logged each version in MLflow."
)


def judgment(answer: str) -> Judgment:
    topic = RUBRIC.topic("model-deployment")
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    return next(j for j in got.judgments if j.criterion_id == "model-deployment/pass-2")


def test_firm_concrete_first_person_evidence_is_clear() -> None:
    j = judgment(FIRM)
    assert (j.status, j.confidence, j.review) == ("evidenced", "clear", False)


def test_evidence_carried_from_one_first_person_action_is_possible() -> None:
    carried = FIRM.replace("I set an alert for when", "An alert fires when").replace(
        "I retrained it twice", "The model was retrained twice"
    )
    j = judgment(carried)
    assert (j.status, j.confidence, j.review) == ("evidenced", "possible", True)


def test_evidence_resting_on_one_concrete_sentence_is_possible() -> None:
    vague = (
        "I monitor the churn model and I retrain it when its performance degrades. "
        "I track each version and I test new versions before release. "
        "In March I set up Grafana alerts on drift for it."
    )
    j = judgment(vague)
    assert (j.status, j.confidence, j.review) == ("evidenced", "possible", True)
    assert "possible" in j.reason
