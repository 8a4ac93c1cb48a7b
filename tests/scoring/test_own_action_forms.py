"""First-person actions in the forms apprentices use (issue #13): "I did the analysis", a compound
verb ("I fine-tuned", "I pen tested"), "I go back over", "I thought I'd check". Each is own practice;
the plans and wishes beside them ("I'd check", "I'm going to retrain it") are not."""

from __future__ import annotations

import pytest

from practice_bot.scoring.markers import own_action
from practice_bot.scoring.text import normalise, words


def practice(sentence: str) -> tuple[bool, bool, bool]:
    return own_action(words(normalise(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "I did the analysis in a notebook.",
        "We do a weekly review of the alerts.",
        "I fine-tuned the model on our support tickets.",
        "I pen tested the endpoint before release.",
        "I spot checked fifty labels by hand.",
        "I go back over the logs every Monday.",
        "I thought I'd check the drift first, so I ran PSI.",
        # "only" narrows what was done, it does not negate it
        "I only used confirmed leaks from the field engineers, not customer complaints.",
        "we only retrained it on the last two years",
        # what was agreed, reported: "we'd" after an agreement is the decision, not a wish
        "We agreed we'd retrain it every quarter.",
        "They agreed the middle threshold, and that we'd review it after three months.",
    ],
)
def test_first_person_action_forms_are_own_practice(sentence: str) -> None:
    assert practice(sentence) == (True, False, False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I do think it matters.", (False, False, False)),
        ("I'd check the drift first.", (False, True, False)),
        # "no" as the first half of a noun is not a negation; "no" before a noun phrase still is
        ("Our team's no-show model was wrong for younger patients.", (False, False, False)),
        ("We built a no-show model for the clinics.", (True, False, False)),
        ("We had no baseline.", (False, False, True)),
        ("I hoped that we'd check the drift first.", (False, True, False)),
        ("I was fine with that.", (False, False, False)),
        ("I didn't do the analysis.", (False, False, True)),
        ("I'm going to retrain it next quarter.", (False, True, False)),
        ("We're going to move the model to Azure.", (False, True, False)),
    ],
)
def test_other_forms_stay_what_they_were(sentence: str, expected: tuple[bool, bool, bool]) -> None:
    assert practice(sentence) == expected


# Spoken and non-native forms of "I did it" (issue #13): a pseudo-cleft, a cleft, "me" as a subject,
# a personal role, "I'd" meaning "I had", and a terse note opening with "also"/"then".
@pytest.mark.parametrize(
    "sentence",
    [
        "The first thing I did was sit with the ward manager.",
        "So what I done was set up a drift check in Evidently.",
        "I was the one who built the pipeline.",
        "It was me who found the leak in the join.",
        "Me and Sarah built the pipeline in Airflow.",
        "So me and the data team retrained it on the new labels.",
        "Sarah and me built the feature store.",
        "My job was to build the dashboard for the fraud team.",
        "My role is to check the alerts every morning.",
        "I'd been following the llama.cpp discussions for a month.",
        "I'd already set up the alerts in Grafana.",
        "I'd noticed the drift in the March data.",
        "I came up with a feature for repeat callers.",
        "Also added alerts to Slack.",
        "Then retrained it monthly on Airflow.",
        "I did look at a deep learning model on the raw traces.",
        "I look into every alert the same morning.",
        "I basically rebuilt the features per door cycle.",
        # a verb with its particle hyphenated in front: "down-weighted", "up-sampled", "over-sampled"
        "So I- I down-weighted popular titles in the loss.",
        "I up-sampled the rare class before training.",
    ],
)
def test_spoken_and_non_native_forms_are_own_practice(sentence: str) -> None:
    assert practice(sentence) == (True, False, False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I'd need to retrain it every month.", (False, True, False)),
        ("I'd have used PSI for that.", (False, True, False)),
        ("They asked Sarah and me to build it.", (False, False, False)),
        ("People like me use it every day.", (False, False, False)),
        ("I look forward to the next release.", (False, False, False)),
        # "I don't think we looked": we didn't; "I didn't believe the numbers, so I reran it" did
        ("After that I don't think we looked at it much.", (False, False, True)),
        ("I don't think anyone checked the bias.", (False, False, True)),
        ("I didn't believe the first numbers so I reran the split.", (True, False, False)),
        ("Built by the vendor in 2019.", (False, False, False)),
    ],
)
def test_what_those_forms_do_not_cover(sentence: str, expected: tuple[bool, bool, bool]) -> None:
    assert practice(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Also I watch the journey times every week.",
        "I verify the labels against the source.",
        "I pull the extract every Monday and reconcile it with the ledger.",
    ],
)
def test_monitoring_and_data_verbs_are_actions(sentence: str) -> None:
    assert practice(sentence) == (True, False, False)


# Non-native English often tells the past in the present: "I suggest", "I try", "I go to".
@pytest.mark.parametrize(
    "sentence",
    [
        "I suggest we change to a short weekly call with the three biggest customers.",
        "I try it on one week of our camera footage at home first.",
        "I go to the PyData meetup in Southampton in my own time.",
        "I show the head of transport the emissions from the empty miles.",
        "I sit with two planners for a week to check the routes.",
        "I change the board for the ML work.",
    ],
)
def test_present_tense_actions_of_non_native_speakers(sentence: str) -> None:
    assert practice(sentence) == (True, False, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was asked to build a model to predict rent arrears.",
        "I was tasked with making our models greener.",
        "We were told to check the drift every week.",
    ],
)
def test_being_asked_to_do_it_is_not_doing_it(sentence: str) -> None:
    assert practice(sentence)[0] is False


def test_asking_is_an_action() -> None:
    assert practice("I asked the DPO to review the DPIA.") == (True, False, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "If I did it again I'd sample the chat straight after each patch.",
        "Looking back, if I had more time I would look at errors by supplier size.",
        "Unless we retrain it, the drift gets worse.",
    ],
)
def test_a_subject_in_a_condition_is_not_an_action(sentence: str) -> None:
    assert practice(sentence)[0] is False


def test_an_action_after_a_condition_is_one() -> None:
    assert practice("If the drift alert fires, I retrain the model that night.")[0] is True
    assert practice("If we retrain it, I check the drift first.")[0] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Tools-wise, I explore in Jupyter, then move the code into Python modules.",
        "I examine the residuals by region every month.",
        "We fit a gradient-boosted model on the last two years.",
        "I join the claims and policy tables in BigQuery.",
        "We ingest the sensor feed into Delta tables every hour.",
        "I wrap the model in a FastAPI service.",
        "I annotate a sample of the tickets myself.",
        "We backtest every new version against the last quarter.",
    ],
)
def test_everyday_ml_work_verbs_in_the_present_are_actions(sentence: str) -> None:
    assert practice(sentence) == (True, False, False)
