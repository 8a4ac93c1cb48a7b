"""model-deployment/pass-3, "how they transition prototypes into the live environment": the prototype
may be told plainly before any "I" ("It started as a Colab prototype"); a pilot is a live trial, not the
prototype, so a bias answer that mentions a pilot and unit tests is no transition."""

from __future__ import annotations

from tests.scoring import verdicts

TRANSITION = "model-deployment/pass-3"


def status(answer: str) -> str:
    return verdicts.status(TRANSITION, answer, "How did you take it live?")


def test_a_prototype_stated_plainly_before_the_work_counts() -> None:
    answer = (
        "The stock-level image model started as a Colab prototype. I rewrote it as a FastAPI "
        "service, added unit tests and a test set of 300 shelf photos, containerised it and "
        "deployed it to the Kubernetes cluster through a GitLab pipeline. We piloted it in five "
        "stores for a month, fixed a problem with glare, and then rolled it out to 140 stores."
    )
    assert status(answer) == "evidenced"


def test_a_pilot_and_unit_tests_in_a_bias_answer_are_no_transition() -> None:
    answer = (
        "I built the model that decides which households are offered a safety visit first. I "
        "compared, ward by ward, who it would put at the top with where fires had happened, and I "
        "wrote that comparison as an automated check that runs with the unit tests in our build. "
        "A station manager went through the results with me before the pilot. In the pilot's "
        "first six months the share of visits to rented flats went from 18% to 31%."
    )
    assert status(answer) != "evidenced"


def test_switching_over_to_the_model_is_going_live() -> None:
    answer = (
        "The OCR for the request forms started as a notebook prototype on my laptop. I wrapped it "
        "in FastAPI and containerised it, and I ran it beside manual keying for four weeks. We "
        "switched over in May once field agreement held above 97%, and I rewrote the keying "
        "checks into the pipeline so the old process could be turned off."
    )
    assert status(answer) == "evidenced"


def test_a_disparity_told_in_figures_is_algorithmic_bias() -> None:
    answer = (
        "Before the size model went live I split validation error by size band, as complaints came from "
        "plus-size customers. Error for UK 20 and above was double the average. I reweighted the "
        "samples and put a per-band error check as a unit test in our CI, so any new version fails "
        "the build if one band is more than 1.3 times the average."
    )
    got = verdicts.statuses("model-deployment", answer, "How did you check for bias?")
    assert got["model-deployment/pass-5"] == "evidenced"


def test_a_bias_check_written_as_a_test_before_go_live_is_no_transition() -> None:
    # "tested" and "test set" are not tests of the code, and a fairness test in the build is
    # pass-5's validation: built, validated by group, went live is not moving a prototype on
    answer = (
        "At the university I built the prototype that sorts student support emails into queues. "
        "Before it went live I validated it by group: I split the test set by whether English was "
        "the student's first language. Recall on wellbeing emails was 74% against 90%. I added 600 "
        "relabelled examples and wrote the group check as a pytest test in the CI pipeline, so any "
        "retrain that widens the recall gap beyond five points fails the build. It delayed go-live "
        "by a month."
    )
    assert status(answer) != "evidenced"
