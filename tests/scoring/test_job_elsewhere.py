"""An answer that opens by giving the learner's job as another field's ("I'm the fleet engineer for a
coach operator") is not machine-learning or data work through the words other fields use too
("30 older coach models", "the features that affected accuracy", "our air data test set"): only
the field's own words say it is (scoring/role.py; markers.toml `object_plain`, `object_jobs`)."""

from __future__ import annotations

import pytest

from practice_bot.scoring.base import Judgment
from practice_bot.scoring.role import states_job
from practice_bot.scoring.text import normalise, words
from tests.scoring import verdicts

LEGACY = "model-management/pass-4"  # decommissioning assets, current and legacy models, policy

BODY = (
    "We had 30 older coach models that we needed to retire before the low emission zone started. "
    "I wrote the decommissioning plan for each one under our disposal policy, with the routes, "
    "mileage and age, and we sold 18 and scrapped the rest, keeping the disposal records "
    "for the regulator. For the replacements I compared two platforms: battery-electric needed "
    "£1.2m of chargers, while hybrids used our existing fuel infrastructure, so we went electric "
    "on the town routes."
)


def judgment(answer: str, criterion: str = LEGACY) -> Judgment:
    return verdicts.judgment(criterion, answer, "Tell me about it.")


def job(sentence: str) -> bool:
    return states_job(words(normalise(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm the fleet engineer for a coach operator with 120 vehicles.",
        "So, um, I'm a casting coordinator at an online fashion retailer.",
        "I'm head of finance at a National League football club.",
        "I'm company stage manager on a touring musical.",  # a title without an article
        "I am second engineer on a 5,000 TEU container ship.",
        "I'm a B1 licensed engineer on ATR 72s for a regional airline.",
        "I'm an electrician by trade and I've always kept up.",
        "I teach chemistry at a comprehensive in Leicester.",
        "Right, so, er, I farm 420 acres in Lincolnshire.",
        "I manage a care home in Cumbria.",
        "I've been a paramedic for twelve years.",
        "My name's Jo and I'm a joiner at a housebuilder.",
        "As a paramedic with the ambulance service, I see it every shift.",
        "I work for the ambulance service as a paramedic.",
    ],
)
def test_a_job_stated_when_the_answer_opens_is_read(sentence: str) -> None:
    assert job(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm at a port authority on the Humber.",  # a workplace, not a job
        "So I'm the lead on the project for the client.",  # a part in the work
        "I'm working on a model for the planners.",
        "I'm responsible for the release of the model.",
        "I'm a natural collaborator and I enjoy it.",
        "I'm a big believer in stakeholder engagement.",
        "We had a workshop at the depot.",
        "I've been monitoring the model for a year.",
        "The model I'm the lead on is a classifier.",
        "I'm a stickler for detail.",
        "As a team we agreed the threshold.",
        "As a result of the audit, I rewrote it.",
    ],
)
def test_other_openings_are_not_a_job(sentence: str) -> None:
    assert not job(sentence)


def test_another_fields_job_makes_its_plain_words_not_ml_work() -> None:
    answer = "I'm the fleet engineer for a coach operator with 120 vehicles. " + BODY
    j = judgment(answer)
    assert j.status == "partly"
    assert "machine-learning or data work" in j.reason


def test_the_same_account_without_the_job_is_still_read_as_before() -> None:
    # the job is what tells the field: with no job stated, "models" keeps its usual reading
    assert judgment("I work at a coach operator with 120 vehicles. " + BODY).status == "evidenced"


@pytest.mark.parametrize(
    "opening",
    [
        "I'm the ML apprentice at a coach operator with 120 vehicles.",
        "I'm the only data scientist at a coach operator with 120 vehicles.",
        "I'm a junior analyst at a coach operator with 120 vehicles.",
    ],
)
def test_a_job_in_the_field_is_not_another_fields(opening: str) -> None:
    assert judgment(opening + " " + BODY).status == "evidenced"


def test_a_former_job_before_a_job_in_the_field_is_not_another_fields() -> None:
    answer = (
        "I was a coach driver for ten years. Now I'm the data apprentice at the same operator. "
        + BODY
    )
    assert judgment(answer).status == "evidenced"
    answer = (
        "I've been a coach driver for ten years. I'm the data apprentice at a coach firm. " + BODY
    )
    assert judgment(answer).status == "evidenced"


def test_the_fields_own_words_still_say_it_after_another_job() -> None:
    # a fleet engineer who did ML work says so in words only the field uses
    answer = (
        "I'm the fleet engineer for a coach operator with 120 vehicles. "
        + BODY
        + " I also trained a gradient boosting classifier in scikit-learn on the workshop records "
        "to predict which of the remaining coaches would fail their next inspection."
    )
    assert judgment(answer).status == "evidenced"
