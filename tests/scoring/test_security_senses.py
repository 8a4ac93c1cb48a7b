"""Security words in other senses (rules/senses.toml): a forecast 'vulnerable' on bank holidays or to
missing sensor data, a leak on the customer's side of a water meter, are not a weakness an attacker could
use; the same words about the system itself still name the security slots (issue #13, word senses)."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer
from tests.scoring import verdicts

RUBRIC = load_rubric()
SCORER = OfflineScorer()
TOPIC = "model-testing-improvement"
ASSESSING = "assessing vulnerabilities"


def slots(sentence: str, topic_id: str = TOPIC) -> set[str]:
    """The labels of the slots one sentence names, over every criterion of the topic."""
    return verdicts.slots(topic_id, sentence)


def test_a_model_fragile_on_unusual_days_is_not_a_security_weakness() -> None:
    assert ASSESSING in slots("I assessed the vulnerabilities of the scoring API with a scan.")
    for sentence in (
        "The model is really vulnerable on bank holidays, so the error can double.",
        "I assess that vulnerability by looking at residual plots for those dates.",
        "I checked how vulnerable it is to missing sensor data by dropping sensors in testing.",
    ):
        assert ASSESSING not in slots(sentence), sentence


def test_a_water_leak_at_the_meter_is_not_a_data_leak() -> None:
    assert ASSESSING in slots("I found a leak of customer records in the training logs.")
    assert ASSESSING not in slots(
        "I built a model that spots likely leaks on the customer's side of the meter."
    )


def test_a_fragile_forecast_answer_earns_no_security_credit() -> None:
    answer = (
        "The biggest vulnerability in our footfall forecast is bank holidays. The model is really "
        "vulnerable on those days because they look like nothing in the training data. I assess "
        "that vulnerability by looking at residual plots for those dates, and I added a holiday "
        "calendar as a feature, which made it less exposed. I also check how vulnerable it is to "
        "missing counter data by dropping sensors at random in testing, and it holds up as long as "
        "fewer than three of the twelve doors are missing."
    )
    topic = RUBRIC.topic(TOPIC)
    got = SCORER.score(answer, "How do you assess vulnerabilities?", topic, topic.criteria)
    status = {j.criterion_id: j.status for j in got.judgments}
    assert status["model-testing-improvement/pass-1"] != "evidenced"


def test_security_as_the_heading_of_drift_monitoring_is_not_an_assessment() -> None:
    assert ASSESSING not in slots(
        "About security in development: I set up drift monitoring with PSI on every feature daily."
    )
    assert ASSESSING in slots("I ran a security review of the scoring API before launch.")


def test_stages_said_to_be_another_teams_are_not_security_across_the_lifecycle() -> None:
    lifecycle = "security throughout the lifecycle"
    assert lifecycle in slots("I checked who could read the training data before we trained.")
    assert lifecycle not in slots(
        "The training data and the labelling were not my concern, the research team owned that side."
    )


def test_theatre_tickets_are_not_a_change_ticket() -> None:
    record = "recording and managing the change"
    assert record in slots("I raised a ticket for the change and linked the pull request.")
    assert record not in slots("I own the ticket demand model for the theatre chain.")


def test_a_model_of_how_people_learn_is_not_a_continual_learning_model() -> None:
    answer = (
        "Continual learning is really important to me. I track my learning in a spreadsheet with "
        "every course I do, I test myself with quizzes, and I monitor my progress each month with "
        "my line manager. My models of learning, like spaced repetition, keep me fit for purpose "
        "and stable, and I've kept it going through the whole apprenticeship."
    )
    topic = RUBRIC.topic("model-deployment")
    got = SCORER.score(answer, "How do you monitor continual learning?", topic, topic.criteria)
    assert all(j.status != "evidenced" for j in got.judgments)
