"""A judgment of what would have happened is not work left undone (issue #13, negation scope): "they
agreed to the hourly feed, which I don't think they would have done if I'd pushed for it in spring"
evaluates the learner's strategy; "I don't think we looked at it much" still says it was not done."""

from __future__ import annotations

import pytest

from practice_bot.scoring.markers import own_action
from practice_bot.scoring.text import normalise, words


def negated(sentence: str) -> bool:
    return own_action(words(normalise(sentence)))[2]


@pytest.mark.parametrize(
    "sentence",
    [
        "They agreed to the hourly feed, which I don't think they would have done if I'd pushed.",
        "I don't think the board would have signed it off without that table.",
        "I don't think they'd have trusted it otherwise.",
    ],
)
def test_what_would_have_happened_is_a_judgment(sentence: str) -> None:
    assert not negated(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "After that I don't think we looked at it much.",
        "I don't think anyone checked the drift.",
        "I don't remember anyone reviewing it.",
    ],
)
def test_what_was_not_done_is_still_negated(sentence: str) -> None:
    assert negated(sentence)


def hypothetical(sentence: str) -> bool:
    return own_action(words(normalise(sentence)))[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "The shadow run showed me, because I'd split the results by letter length, a gap of 17 "
        "points.",
        "I'd read the studio's sustainability report, which showed this service was our biggest "
        "item.",
        "The audit found we'd cut carbon per kilowatt-hour by about a quarter.",
    ],
)
def test_a_participle_spelt_like_its_verb_is_had_in_a_story_told_in_the_past(sentence: str) -> None:
    assert not hypothetical(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I'd split it by region next time.",
        "If I did it again I'd set the threshold lower.",
        "I'd read the logs first.",
    ],
)
def test_the_same_participle_is_would_in_a_plan(sentence: str) -> None:
    assert hypothetical(sentence)
