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
    ],
)
def test_first_person_action_forms_are_own_practice(sentence: str) -> None:
    assert practice(sentence) == (True, False, False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I do think it matters.", (False, False, False)),
        ("I'd check the drift first.", (False, True, False)),
        ("I was fine with that.", (False, False, False)),
        ("I didn't do the analysis.", (False, False, True)),
        ("I'm going to retrain it next quarter.", (False, True, False)),
        ("We're going to move the model to Azure.", (False, True, False)),
    ],
)
def test_other_forms_stay_what_they_were(sentence: str, expected: tuple[bool, bool, bool]) -> None:
    assert practice(sentence) == expected
