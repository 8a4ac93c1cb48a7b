"""model-management/pass-1: "how they identify and SELECT platform architecture and hardware". A reason or
a comparison about something else (a retired model run side by side, a retention policy) is not the
learner choosing a platform; the options set side by side in plain words are (issue #13)."""

from __future__ import annotations

from tests.scoring import verdicts

PLATFORM = "model-management/pass-1"


def status(answer: str) -> str:
    return verdicts.status(PLATFORM, answer, "How did you choose where your model runs?")


# Retiring old models: a server is named, and "because" and "compare" are there, but nothing is chosen.
RETIRING = (
    "When I joined there were three old burst-prediction models running, one in SAS on a server "
    "nobody wanted to touch. I wrote a retirement process and got it agreed with the governance lead. "
    "The owner signs off that the replacement covers what the old one did, and we run both side by "
    "side for thirty days and compare. Then I archive the code and the training data, because our "
    "retention policy says seven years. We retired all three that way, and the SAS server was "
    "switched off in March, which saved the licence."
)

# The same kind of answer choosing where a model runs, in plain words.
CHOOSING = (
    "My model predicts milk quality from the spectrometer reading taken at each milking. The question "
    "was where to run it. Option one was to send all readings to the cloud, but many farms have bad "
    "internet. So I put a small gradient boosting model on a little CPU box in each farm, it needs "
    "40 milliseconds, no GPU. I train it in the cloud once a month on one virtual machine for about "
    "£60, and a GPU cluster would cost more than ten times that for this size of data. Farmers now "
    "get the warning while the cow is still in the parlour."
)


def test_a_reason_and_a_comparison_about_retiring_models_are_not_a_platform_choice() -> None:
    assert status(RETIRING) != "evidenced"


def test_the_options_set_side_by_side_in_plain_words_are_a_choice() -> None:
    assert status(CHOOSING) == "evidenced"


def test_options_tried_for_hyperparameters_on_hardware_chosen_by_others_are_not_a_choice() -> None:
    answer = (
        "At the insurer the model was already hosted on AWS SageMaker when I joined, on a GPU "
        "instance the platform team chose. I tuned the model so it fitted the instance memory, and I "
        "kept a log of the options I tried for the hyperparameters. It cut scoring time by 40% which "
        "saved money for the business."
    )
    assert status(answer) != "evidenced"
