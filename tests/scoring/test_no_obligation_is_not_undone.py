"""No obligation left is not work left undone (issue #13): "so they didn't have to open anything new
... forty schools cut waste by a fifth" is what came of the learner's work, told after it, while
"they didn't check it" still says something was not done."""

from __future__ import annotations

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()
ACTION = "I put the meal forecast into the weekly ordering screen the cooks already use."


def second_is_practice(after: str) -> bool:
    topic = RUBRIC.topic("sustainability")
    reading = SCORER.outcome(f"{ACTION} {after}", topic, list(topic.criteria)).reading
    return reading.sentences[1].practice


@pytest.mark.parametrize(
    "after",
    [
        "So they didn't have to open anything new in the pilot forty schools cut waste by a fifth.",
        "The cooks don't need to count anything now and plate waste fell by 19% in the pilot.",
    ],
)
def test_no_obligation_left_is_what_came_of_the_work(after: str) -> None:
    assert second_is_practice(after)


@pytest.mark.parametrize(
    "after",
    [
        "They didn't check the forecast in the pilot and waste stayed at 19%.",
        "Nobody used it in the pilot, so waste stayed at 19%.",
    ],
)
def test_work_left_undone_is_still_not_own_practice(after: str) -> None:
    assert not second_is_practice(after)
