"""model-testing-improvement/pass-4: refining the model "whilst recording, logging and managing change":
a record only in the learner's head or on their laptop is no record (issue #13, near misses)."""

from __future__ import annotations

from tests.scoring import verdicts

REFINE = "model-testing-improvement/pass-4"

IMPROVED = (
    "When I took over the missed-payment model it was about 81% accurate. I got another year of data "
    "from the billing team, retrained it and added features such as how often they had called us, "
    "and it went up to 88%. I then tuned the forest with a grid search, which took it to 89%. "
)


def status(answer: str) -> str:
    return verdicts.status(REFINE, answer, "How do you improve a model?")


def test_a_record_only_on_the_learners_machine_is_no_record() -> None:
    for aside in (
        "In terms of tracking it, it's all on my machine, so I know what I did.",
        "As for tracking the changes, they are in my head really.",
    ):
        assert status(IMPROVED + aside) == "partly", aside


def test_a_record_others_can_read_completes_the_criterion() -> None:
    record = "I logged every run in MLflow and the change went in through a pull request."
    assert status(IMPROVED + record) == "evidenced"
