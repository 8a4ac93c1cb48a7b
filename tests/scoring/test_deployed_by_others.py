"""experiment-tracking/pass-3: "how THEY create and deploy models". A learner who trains the model and
hands it to another team to deploy has shown creating it, not deploying it (issue #13, own practice)."""

from __future__ import annotations

from tests.scoring import verdicts

DEPLOY = "experiment-tracking/pass-3"

BUILT = (
    "I built the churn model in Python with scikit-learn and LightGBM, and I log every training run "
    "to MLflow so each model artefact is versioned. "
)


def status(answer: str) -> str:
    return verdicts.status(DEPLOY, answer, "How do you deploy your models?")


def test_handing_the_model_to_another_team_to_deploy_is_not_deploying_it() -> None:
    for handover in (
        "For deployment I hand the model file over and the platform team deploy it on their "
        "Kubernetes cluster, I don't touch that side.",
        "Once it's trained I pass it over to the MLOps team and they deploy it to production.",
    ):
        assert status(BUILT + handover) != "evidenced", handover


def test_deploying_it_yourself_still_counts() -> None:
    own = (
        "I deployed it myself as a Docker container on Azure Kubernetes Service, with a nightly "
        "batch pipeline in Airflow that writes the scores into the CRM."
    )
    assert status(BUILT + own) == "evidenced"
