"""model-scoping/pass-1, "Outlines the stages of the machine learning lifecycle": a walk through the
stages is evidenced; an answer about choosing a metric whose words happen to touch stages ("late-stage
blight", "a phased launch", "the maintenance planners", "my first model") is not an outline."""

from __future__ import annotations

from tests.scoring import verdicts

OUTLINE = "model-scoping/pass-1"


def status(answer: str) -> str:
    return verdicts.status(OUTLINE, answer, "Talk me through the lifecycle.")


def test_a_walk_through_the_stages_is_an_outline() -> None:
    answer = (
        "It started with framing the problem with the waste manager: what counts as a miss. Then I "
        "collected three years of missed collection reports and cleaned the free-text addresses. "
        "Then I trained a logistic regression and gradient boosting and evaluated them on the last "
        "six months. Then I deployed it as a nightly job that emails the supervisors a list. Then "
        "I monitor it weekly, and when the rounds changed in April I went back to the data stage "
        "and retrained, so it is more of a loop than a line."
    )
    assert status(answer) == "evidenced"


def test_a_metric_story_touching_stage_words_is_not_an_outline() -> None:
    answer = (
        "When I scoped it, the founders wanted 95 percent accuracy. I looked at last season's "
        "labelled fields and only three percent of tiles had blight, so accuracy was useless. I "
        "spent two weeks with the maintenance planners on what a miss costs. We agreed recall of "
        "at least 90 percent on early-stage blight, and I moved the phased launch back six weeks. "
        "My first model had the best AUC but the wrong top fifteen, so I weighed it against "
        "launching on late-stage blight only."
    )
    assert status(answer) != "evidenced"


def test_stages_told_in_order_in_plain_words_are_an_outline() -> None:
    answer = (
        "Project was predicting how many pallets arrive each day at goods-in, so the shift manager "
        "knows how many people to put. First I take data from the warehouse system, three years of "
        "bookings, and I clean it, many bookings are duplicate. Then I make features like day of "
        "week, supplier, bank holiday. Then I train the model, I try linear regression and random "
        "forest, forest was better. I test it on the last four months which the model never saw. "
        "Then we put it in a Power BI report that refreshes every night, and every month I check "
        "if the error is going up, and if yes I retrain with the new months."
    )
    assert status(answer) == "evidenced"


def test_standard_metrics_with_no_business_need_are_half_of_pass_2() -> None:
    answer = (
        "For the churn model I chose F1 score and AUC because they are the standard metrics for "
        "imbalanced classification problems. I set the target at F1 above 0.8 and AUC above 0.85, "
        "and the final model reached F1 0.83 and AUC 0.88 on the test set, so it passed."
    )
    judgment = verdicts.judgment("model-scoping/pass-2", answer, "How did you choose your metrics?")
    assert judgment.status == "partly"
    assert "business need" in judgment.reason
