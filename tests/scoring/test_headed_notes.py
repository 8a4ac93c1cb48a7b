"""A terse note after its heading, its "I" left out ("Gym chain membership churn: chose logistic
regression over a random forest"), is the learner's own action, as a note without the heading is
(issue #13, terse answers); a heading before a noun phrase or a passive is not one."""

from __future__ import annotations

import pytest

from practice_bot.scoring.markers import headed_note
from practice_bot.scoring.text import normalise
from tests.scoring.verdicts import status


@pytest.mark.parametrize(
    "sentence",
    [
        "Gym chain membership churn: chose logistic regression over a random forest.",
        "Energy use: measured the training runs with CodeCarbon.",
        "Monitoring: added PSI alerts on the top ten features.",
    ],
)
def test_a_note_after_its_heading_is_an_action(sentence: str) -> None:
    assert headed_note(normalise(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Tools: Python, pandas and LightGBM.",
        "Result: built by the vendor in 2022.",
        "Chose logistic regression over a random forest.",  # no heading: elided_subject's case
    ],
)
def test_other_lines_are_not_headed_notes(sentence: str) -> None:
    assert not headed_note(normalise(sentence))


CHURN = (
    "Gym chain membership churn: chose logistic regression over a random forest. "
    "The forest was two points better on AUC, but the retention team needed to see which factors "
    "drove each member's score."
)


def test_a_headed_terse_answer_is_own_practice() -> None:
    assert status("engineering-principles/pass-2", CHURN) == "evidenced"
