"""A distinction's evaluation in plain words (issue #13): the aim said as "the point was to..." is
reasoning, and an option weighed by what it cost ("I tried reweighting too, but it cost more recall")
is reflection; a cost that is only a figure ("the error was costing more hours") and "the whole
point of it is the target" (what a job is for) are not."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer
from tests.scoring.verdicts import status

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def marks_of(sentence: str) -> tuple[bool, bool]:
    """(evaluation, reflection) of a one-sentence answer."""
    topic = RUBRIC.topic("model-testing-improvement")
    (only,) = SCORER.outcome(sentence, topic, list(topic.criteria)).reading.sentences
    return only.marks.evaluation, only.marks.reflection


def test_the_aim_said_plainly_is_reasoning() -> None:
    assert marks_of("The point was to stop chasing every new spelling.")[0]
    assert marks_of("They got fewer angry calls, which was the point.")[0]


def test_an_option_weighed_by_its_cost_is_reflection() -> None:
    assert marks_of("I tried reweighting as well, but it cost more recall.")[1]
    assert marks_of("Oversampling helped recall at the expense of precision.")[1]


def test_a_cost_as_a_figure_or_a_purpose_of_a_job_is_not_evaluation() -> None:
    assert marks_of("The inbound error was costing more, forty hours a week.") == (False, False)
    assert marks_of("The whole point of my job is the staffing target.") == (False, False)


REFINED = (
    "Our chat filter at the games studio caught slurs but let through coded abuse. "
    "I pulled 1,500 missed messages the moderators had reported, labelled them with two "
    "moderators and retrained the classifier. "
    "Recall on abuse went from 0.70 to 0.81 with precision about the same. "
    "I chose retraining on new labels over adding more blocked words, because word lists broke "
    "every time players invented a new spelling. "
    "The point was to stop chasing the players."
)


def test_a_refinement_with_its_reason_and_aim_is_evaluated() -> None:
    assert status("model-testing-improvement/dist-1", REFINED) == "evidenced"
    flat = REFINED.replace(" The point was to stop chasing the players.", "")
    assert status("model-testing-improvement/dist-1", flat) != "evidenced"


def test_options_named_and_one_ruled_out_or_judged_are_reflection() -> None:
    assert marks_of("I looked at three options: raise the threshold, or retrain on the misses.")[1]
    assert marks_of("Raising the threshold missed deep potholes, so I ruled it out.")[1]
    assert marks_of("It missed a few small ones, but I judged that acceptable.")[1]
    assert marks_of("Another round got it to 19 minutes, but two minutes weren't worth it.")[1]
    # the control: a plain report of the work is not
    assert not marks_of("I retrained it on 2,300 examples of covers and shadows.")[1]


POTHOLES = (
    "The council's highways team uses my model to spot potholes in bin-lorry camera footage. "
    "It was sending inspectors to too many false alarms, about 30% of alerts, mostly manhole "
    "covers. "
    "I looked at three options: raise the threshold, gather more footage, or retrain on the "
    "things it got wrong. "
    "Raising the threshold also missed deep potholes, which the council can be sued over, so I "
    "ruled it out. "
    "I collected 2,000 examples of covers and shadows and retrained the model with them. "
    "False alarms fell to 12%."
)


def test_a_refinement_chosen_between_options_is_evaluated() -> None:
    assert status("model-testing-improvement/dist-1", POTHOLES) == "evidenced"


SHORTLIST = (
    "At the recruitment agency I built a model that ranks CVs so consultants see the likeliest "
    "matches first. "
    "Before it went live, I ran six months of past vacancies through it and compared how often "
    "each age band made the top-twenty shortlist. "
    "Over-50s were shortlisted at about 0.6 times the rate of under-35s with similar experience. "
    "The cause was a 'years since graduation' input, which was age by another name. "
    "I took it out rather than reweighting, because the consultants could understand and check "
    "that. "
    "It cost about two points of precision. "
    "I then wrote the age-band comparison as an automated test in our build pipeline, so a model "
    "with a ratio below 0.8 can't be released."
)


def test_evaluation_two_sentences_from_the_practice_it_weighs_counts() -> None:
    # the weighing (#5) is two sentences before the test it led to (#7), its own practice
    assert status("model-deployment/dist-1", SHORTLIST) == "evidenced"
