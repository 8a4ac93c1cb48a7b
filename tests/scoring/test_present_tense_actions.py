"""Own practice told in the present tense, as non-native and spoken answers often tell it (issue
#13): "I register each version in Azure ML", "I produce the DPIA", "at collection stage I decide not
to take patient level data" are the learner's actions; a view or a wish beside them is not. And "My
judgement is that..." is the learner's view, not a definition."""

from __future__ import annotations

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.markers import own_action
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.text import normalise, words
from tests.scoring.verdicts import status


def practice(sentence: str) -> bool:
    return own_action(words(normalise(sentence)))[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "For each model version I register in Azure ML with a model card.",
        "I produce the DPIA and the registry history for the audit.",
        "At collection stage I decide not to take patient level data.",
        "I translate it to error in tonnes per hectare for the farm managers.",
        "We reach 0.35 on the last two harvests.",
        "I talk to the growers every week about the warnings.",
        "So I strip the GPS on upload.",
        "I send him an email with the results every Friday.",
    ],
)
def test_a_present_tense_action_is_own_practice(sentence: str) -> None:
    assert practice(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I think the model is fine.",
        "I hope to register it next year.",
        "I would produce a DPIA first.",
        "I'd like to translate it into tonnes one day.",
    ],
)
def test_a_view_or_a_wish_is_not(sentence: str) -> None:
    assert not practice(sentence)


VERSIONS = (
    "At the council I built the pothole model from bin-lorry dashcam video. "
    "For each model version I register it in Azure ML with a model card: training data dates, "
    "validation results and who approved it. "
    "Every repair order the model creates logs the model version and image ID. "
    "Last October internal audit picked our project for review. "
    "I produce the DPIA, the registry history and the trace of 20 sample repair orders they chose. "
    "The only finding was that approval was by email, so now I add an approval step in the "
    "pipeline."
)


def test_an_audit_told_in_the_present_tense_is_evidenced() -> None:
    assert status("model-management/pass-5", VERSIONS) == "evidenced"


def test_my_judgement_is_a_view_not_a_definition() -> None:
    topic = load_rubric().topic("experiment-tracking")
    sentence = "My judgement is that the region hold-out is what made the result trustworthy."
    (only,) = OfflineScorer().outcome(sentence, topic, list(topic.criteria)).reading.sentences
    assert not only.marks.generic
    definition = "Cross-validation is when the data is split into folds."
    (only,) = OfflineScorer().outcome(definition, topic, list(topic.criteria)).reading.sentences
    assert only.marks.generic
