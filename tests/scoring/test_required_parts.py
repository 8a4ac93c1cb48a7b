"""A criterion's core parts (rules: `required`): the "and" of its wording. Half of a criterion is
"partly", naming the part that is missing, however well the other half is shown (issue #13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import Judgment
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.ruleset import check_rules

RUBRIC = load_rubric()
SCORER = OfflineScorer()
RULES = Path(__file__).parents[2] / "practice_bot" / "scoring" / "rules"


def judgment(answer: str, criterion_id: str) -> Judgment:
    topic = RUBRIC.topic(criterion_id.split("/")[0])
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    return next(j for j in got.judgments if j.criterion_id == criterion_id)


DRIFT = "model-management/pass-3"
FORECAST = "I look after the demand forecasting model at a bakery chain. "
OUTPUTS_AND_INPUTS = FORECAST + (
    "Every night I compute the population stability index on the main input features against the "
    "training data, and anything over 0.2 sends an alert to our Teams channel. I also track the mean "
    "absolute error per store on a Grafana dashboard once the real sales come in. In March the PSI "
    "on the promotion feature jumped after marketing changed how promotions were coded, so I "
    "retrained the model on the new coding before the error rose."
)
# accuracy tracked, and retraining when it falls: nothing checks the inputs
OUTPUTS_ONLY = FORECAST + (
    "I track the mean absolute error per store every week on a Grafana dashboard once the real "
    "sales come in, and if it goes over 12% I get an email alert. In March the error rose after a "
    "big promotion, so I retrained the model on the newer data and the error went back down. That "
    "is how I keep on top of drift."
)

HARDWARE = "model-management/pass-1"
LINE = (
    "I built the defect detection model for our bottling line, which has to classify 20 bottles a "
    "second. "
)
OUTCOME = (
    " I quantised the model to INT8 with TensorRT so it ran at 45 frames a second. It now catches "
    "about 400 faulty bottles a week that used to reach customers, which saved around 30,000 pounds "
    "in returns last year."
)
CHOSEN = LINE + (
    "I compared running it on a Jetson Orin at the line against sending images to a cloud GPU, and "
    "I chose the Jetson because the round trip to the cloud took 300 milliseconds, far too slow "
    "for the line." + OUTCOME
)
# the hardware came with the job: the model was fitted to it, nobody here selected it
GIVEN = LINE + (
    "The hardware was already decided when I joined: the line supplier provides a Jetson Orin "
    "board in their cabinet, so that is what we run on." + OUTCOME
)


STACK = "experiment-tracking/pass-4"
STACK_USED = (
    "On the churn model at the energy supplier I write everything in Python. I explore the data in "
    "Jupyter, but once something works I move it into a package in PyCharm, because I can run the "
    "debugger and the unit tests there. Pandas kept running out of memory on the 30 million meter "
    "readings, so I rewrote the joins in Polars, which does them in two minutes. The model itself "
    "is LightGBM from its scikit-learn interface."
)
# the stack listed, with how long it has been used: nothing on what each is for
STACK_LISTED = (
    "On the churn model at the energy supplier it was Python mainly. I use PyCharm and Jupyter, and "
    "the libraries were pandas, NumPy, scikit-learn, LightGBM and Polars, plus Matplotlib. There is "
    "some SQL as well, and Git. I have been using all of them for about two years now and I am "
    "comfortable with them."
)

TUNING = "experiment-tracking/pass-5"
SEARCH = (
    "For the invoice classifier at the wholesaler I tuned the regularisation strength and the "
    "n-gram range with GridSearchCV in scikit-learn, about 60 combinations, "
)
CHECKED = SEARCH + (
    "on the training data only. On the held-out test set the accuracy went from 0.86 to 0.91. The "
    "training accuracy was 0.99, so it was overfitting, and I raised the regularisation until the "
    "gap between training and test was under three points. I also tested it on invoices from two "
    "suppliers it had never seen, where it scored 0.88."
)
# tuned and tested for accuracy alone: nothing on fit, validity or robustness
ACCURACY_ONLY = SEARCH + (
    "and took the best. On the held-out test set the accuracy went from 0.86 to 0.91, so the "
    "tuning helped a lot. I also looked at the confusion matrix to see which categories were mixed "
    "up. My manager was happy with 0.91 so we put it live."
)


BIAS = "engineering-principles/pass-4"
HOUSING = "For the housing association's arrears model "
SOURCES = HOUSING + (
    "I looked for where its bias came from. The labels only covered arrears cases that an officer "
    "had written up, and officers on some patches wrote things up far more than others, so the "
    "model was partly learning which officer you had. Income was missing for about a third of "
    "under-25s, and filling it with the average turned into a penalty for young tenants. I changed "
    "the label to missed payments from the rent ledger, which is recorded the same way for "
    "everyone, and added a missing-income flag instead of the average. I used Fairlearn to check "
    "recall by age band, and the gap between under-25s and everyone else went from 19 points to 5."
)
# fairness measured and reported: nothing on where the bias came from
FIGURES_ONLY = HOUSING + (
    "I ran a full fairness assessment before release. I used Fairlearn to compute the selection "
    "rate and the false positive rate for tenants flagged to the support team, broken down by age "
    "band and by gender. The demographic parity difference across age bands was 0.12 and the "
    "equalised odds difference was 0.09; for gender both were under 0.03. I put these figures "
    "into the model card, and the fairness committee signed the model off."
)

AUTOMATION = "engineering-principles/pass-5"
NOTICED = (
    "At the depot I sat with the goods-in team for a day and noticed two clerks spent most "
    "mornings retyping supplier delivery notes into the warehouse system, about 22 hours a week "
    "between them. "
)
BUILT_IN = NOTICED + (
    "I built a demo with Azure Document Intelligence to pull out the supplier, the order number "
    "and the lines, and showed it to the shift manager. Then I built it into their process: a "
    "scanned note goes through the model and the lines are posted into the warehouse system as a "
    "draft receipt, with anything under 90% confidence highlighted for the clerk to check. "
    "Checking now takes about five hours a week."
)
# the idea written up and parked: nothing was built into the process
PARKED = NOTICED + (
    "I thought it was an obvious case for document AI, so I wrote a one-page proposal estimating "
    "it could save about 15 hours a week, and I presented it to the operations manager. They "
    "decided not to go ahead this year because the warehouse system is being replaced, so the "
    "idea is in the backlog for next year."
)


RETIRE = "model-management/pass-4"
REPLACED = "When the new churn model went live in March, I retired the old model: "
WITH_PROCESS = REPLACED + (
    "I followed the decommissioning checklist I wrote for our model risk policy. The owner signed "
    "it off, the replacement ran in parallel for a month, and the old version's artefacts went to "
    "the archive for seven years, as our retention policy says, before I deleted its endpoint."
)
# switched off and deleted cleanly: no process or policy it followed
JUST_DELETED = REPLACED + (
    "I deleted its endpoint, archived the old version in the MLflow registry and removed the "
    "scheduled scoring job. The registry now only shows the current model as in production. It "
    "took an afternoon and nobody noticed any difference."
)


@pytest.mark.parametrize(
    ("criterion", "whole", "half", "missing"),
    [
        (DRIFT, OUTPUTS_AND_INPUTS, OUTPUTS_ONLY, "data drift"),
        (HARDWARE, CHOSEN, GIVEN, "your selection and why"),
        (STACK, STACK_USED, STACK_LISTED, "how and why you use them"),
        (TUNING, CHECKED, ACCURACY_ONLY, "fit, validity and robustness"),
        (BIAS, SOURCES, FIGURES_ONLY, "sources of error"),
        (RETIRE, WITH_PROCESS, JUST_DELETED, "the process and policy"),
        (AUTOMATION, BUILT_IN, PARKED, "integrating an AI approach"),
    ],
)
def test_half_of_a_criterion_is_partly_and_names_the_missing_part(
    criterion: str, whole: str, half: str, missing: str
) -> None:
    whole_judgment = judgment(whole, criterion)
    assert whole_judgment.status == "evidenced"
    assert missing in whole_judgment.reason  # the part it turns on is among what the quotes show
    j = judgment(half, criterion)
    assert j.status == "partly"
    assert missing in j.reason


def test_a_required_slot_must_be_true_or_false(tmp_path: Path) -> None:
    assert check_rules(RULES) == []
    broken = tmp_path / "rules"
    broken.mkdir()
    for f in RULES.glob("*.toml"):
        text = f.read_text(encoding="utf-8")
        if f.name == "model-management.toml":
            assert "required = true" in text
            text = text.replace("required = true", 'required = "maybe"', 1)
        (broken / f.name).write_text(text, encoding="utf-8")
    problems = check_rules(broken)
    assert any("required" in str(p) for p in problems), problems
