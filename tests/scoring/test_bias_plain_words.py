"""model-deployment: the algorithmic bias a validation found, told in plain words — the group served
worse (English as a second language, an accent), the gap between the two groups a build check
guards, training data drawn mostly from one kind of case (issue #13, recall on fresh writing)."""

from __future__ import annotations

from tests.scoring import verdicts

BIAS = "model-deployment/pass-5"


def status(answer: str) -> str:
    return verdicts.status(BIAS, answer, "How did you validate the model for bias?")


GROUPS = (
    "At the housing charity I built a text classifier that sorts support requests so urgent ones "
    "reach a caseworker the same day. Before it went live, I split the validation results by who "
    "was writing. Recall on urgent cases was 0.81 for fluent English but 0.62 for people writing "
    "in English as a second language. I added 900 labelled examples and made the comparison a "
    "pytest test in the CI pipeline: a new version fails the build if the gap between the two "
    "groups is over five points."
)

# The same validation with no group in it: overall figures are not a bias found.
OVERALL = (
    "At the housing charity I built a text classifier that sorts support requests so urgent ones "
    "reach a caseworker the same day. Before it went live, I validated it on a held-out month. "
    "Recall on urgent cases was 0.81. I added 900 labelled examples and made the check a pytest "
    "test in the CI pipeline: a new version fails the build if recall drops by five points."
)


def test_a_group_served_worse_told_plainly_is_the_bias() -> None:
    assert status(GROUPS) == "evidenced"


def test_overall_figures_without_a_group_are_no_bias() -> None:
    assert status(OVERALL) != "evidenced"
