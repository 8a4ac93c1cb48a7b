"""experiment-tracking/pass-2: feature engineering, selection and pre-processing "and their
importance". The importance told in plain words ("that showed me the inputs mattered", "it took the
error from 19% to 12%") and rescaling as pre-processing count (issue #13, missed credit)."""

from __future__ import annotations

from tests.scoring import verdicts

FEATURES = "experiment-tracking/pass-2"


def status(answer: str) -> str:
    return verdicts.status(FEATURES, answer, "Tell me about your feature work.")


BUILT = (
    "On the bakery chain's daily sales forecast I did the pre-processing myself. "
    "I added bank-holiday flags and lags of seven and fourteen days. "
)


def test_importance_in_plain_words_completes_the_criterion() -> None:
    for why in (
        "That showed me the inputs mattered more than the algorithm.",
        "That took the error from about 19% to 12% on the last quarter.",
    ):
        assert status(BUILT + why) == "evidenced", why


def test_without_the_importance_it_stays_partly() -> None:
    assert status(BUILT + "I kept the code in a notebook on the shared drive.") == "partly"
