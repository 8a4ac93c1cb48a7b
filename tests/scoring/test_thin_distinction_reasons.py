"""Distinction criteria: a refinement with a thin reason — the result restated ("because it is more
accurate"), a claim of what is always so ("a better model is always better", "I'd say improving the
model is always worth it"), old and new versions tested, a vague "it made a big difference" — is not
critical evaluation (issue #13: such reasons were credited on the test split). Weighing told plainly
still is."""

from __future__ import annotations

import pytest

from tests.scoring import verdicts

WHY = "model-testing-improvement/dist-1"

THIN = [
    (
        "I improved our demand forecasting model by retraining it with more data. The error dropped "
        "from 12% to 9%. I chose retraining because a better model is always better. It made a big "
        "difference. The point was to make the model better."
    ),
    (
        "The model was not accurate enough, too many wrong predictions. I retrained it with XGBoost "
        "instead of the random forest. Accuracy went from 80% to 85%. I went with XGBoost because it "
        "is more accurate. Otherwise the business would get worse results."
    ),
    (
        "I retrained the fraud model on newer data because it had drifted. Recall went from 0.70 to "
        "0.78. I tested both the old and new versions and the new one was better on paper and in "
        "practice. I'd say improving the model is always worth it because a better model means a "
        "better business outcome."
    ),
]

WEIGHED = (
    "The demand forecast kept under-forecasting Mondays, which the depot managers complained about. "
    "I added a bank-holiday flag and retrained the LightGBM model. Monday error fell from 14% to 6%. "
    "I chose retraining over a manual uplift because the uplift made Tuesdays worse. Looking back, "
    "I should have asked the managers about bank holidays before the first version. I logged the "
    "change in MLflow."
)


@pytest.mark.parametrize("answer", THIN)
def test_a_thin_reason_is_not_critical_evaluation(answer: str) -> None:
    assert verdicts.status(WHY, answer, "Why did you refine the model?") != "evidenced"


def test_a_choice_weighed_against_its_alternative_is_evaluation() -> None:
    assert verdicts.status(WHY, WEIGHED, "Why did you refine the model?") == "evidenced"
