"""Roles the work involved make a sentence concrete (issue #13): "the designers released a patch",
"the moderators had reported", "two surveyors", as answers name them; a plain statement naming no
one, no figure and no tool is not concrete."""

from __future__ import annotations

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def concrete(sentence: str) -> bool:
    topic = RUBRIC.topic("experiment-tracking")
    (only,) = SCORER.outcome(sentence, topic, list(topic.criteria)).reading.sentences
    return only.marks.concrete


@pytest.mark.parametrize(
    "sentence",
    [
        "The first version jumped about every time the designers released a patch.",
        "I pulled the messages the moderators had reported.",
        "I checked the labels with the surveyors.",
        "The underwriters reviewed every flagged quote.",
    ],
)
def test_a_role_the_work_involved_is_concrete(sentence: str) -> None:
    assert concrete(sentence)


def test_a_plain_statement_is_not() -> None:
    assert not concrete("The first version jumped about every time something changed.")
