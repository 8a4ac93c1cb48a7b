"""model-scoping/pass-3: project methods "for the machine learning activities". Apprentices often name
the model by what it does (the forecast, the classifier), and that is the ML work the method was
adapted to (issue #13, missed credit in plain words)."""

from __future__ import annotations

from tests.scoring import verdicts

METHOD = "model-scoping/pass-3"

RUN = (
    "I ran the project as two-week sprints on a Jira board, and I did a MoSCoW list with the "
    "operations lead in the first week and a show-and-tell at the end of every sprint. "
)


def status(answer: str) -> str:
    return verdicts.status(METHOD, answer, "How do you manage your ML projects?")


def test_the_forecast_or_the_classifier_is_the_ml_work_the_method_was_adapted_to() -> None:
    for ml in (
        "I only had two years of call volumes, so I told them up front the forecast would be daily "
        "per site, not hourly.",
        "I put the first cut of the classifier into the second sprint so the team could see it early.",
    ):
        assert status(RUN + ml) == "evidenced", ml


def test_a_method_with_no_ml_work_stays_partly() -> None:
    assert status(RUN + "I also kept the risk log up to date for the steering group.") == "partly"
