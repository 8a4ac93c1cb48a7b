"""model-scoping/pass-3, "how they apply project management methodologies and techniques for the ML
activities": a risk log is a technique, not the method; an iterative method shaped by the ML work is."""

from __future__ import annotations

from tests.scoring import verdicts

METHOD = "model-scoping/pass-3"


def status(answer: str) -> str:
    return verdicts.status(METHOD, answer, "How did you manage the project?")


def test_a_risk_log_offered_as_the_method_is_not_a_methodology() -> None:
    answer = (
        "For the claims triage model I wrote a risk log at the start of the project. It listed that "
        "the model might be biased and that the claims data held personal information. The risk log "
        "was reviewed by my line manager and attached to the project charter in Confluence, and "
        "every risk had a RAG rating against it."
    )
    assert status(answer) != "evidenced"


def test_an_iterative_method_shaped_by_the_ml_work_is_evidenced() -> None:
    answer = (
        "I ran the forecasting project in two-week sprints on a Jira board with the operations "
        "supervisor, with a demo at the end of each sprint. Because model experiments are hard to "
        "estimate, I made each one a spike with a three-day time box and a go or stop decision. "
        "I kept a risk log on the same board and reviewed it at every demo; that is how we dropped "
        "the weather features after one time box and delivered the first version a week early."
    )
    assert status(answer) == "evidenced"
