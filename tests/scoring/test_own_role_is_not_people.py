"""The learner's own role ("as the ML engineer on the project") is not people the work involved, so
it makes no sentence concrete (issue #13); speech without punctuation that runs a STAR answer's
"task" into its "action" ("...as the ml engineer on the project it was my responsibility to ensure
security ... action i assessed the vulnerabilities...") earns no more than the written one (#20)."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer
from tests.scoring.verdicts import status

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def names_people(sentence: str) -> bool:
    topic = RUBRIC.topic("model-testing-improvement")
    (only,) = SCORER.outcome(sentence, topic, list(topic.criteria)).reading.sentences
    return only.marks.people


def test_the_learners_own_role_is_not_people() -> None:
    assert not names_people("As the ML engineer on the project, I owned the security review.")
    assert not names_people("I joined as an analyst and checked the model's inputs.")


def test_people_the_work_involved_still_are() -> None:
    assert names_people("I reviewed the endpoint with the data engineers.")
    assert names_people("As the ML engineer, I walked the DPO through the threat model.")


STAR = (
    "situation at the building society i was developing a mortgage arrears model that uses "
    "sensitive customer financial data so security was critical task as the ml engineer on the "
    "project it was my responsibility to ensure security considerations were addressed "
    "throughout the lifecycle action i assessed the vulnerabilities at each stage from data "
    "collection through training to deployment and i put appropriate controls in place wherever "
    "risks were identified i worked closely with the information security team and made sure "
    "everything aligned with our policies result the model went live on schedule passed the "
    "internal audit with no security findings and the business was confident the data was "
    "protected"
)


def test_a_star_shape_without_substance_is_not_credited_without_punctuation() -> None:
    assert status("model-testing-improvement/pass-1", STAR) != "evidenced"
