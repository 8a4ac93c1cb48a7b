"""Close off-topic answers from other fields (issue #13): an aircraft's air data computer, railway
route setting, Euro V diesel models of a bus fleet and a carbon calculator's "models" are not ML or
data work, so an answer about them earns nothing; the same words beside real ML work still count."""

from __future__ import annotations

from tests.scoring.verdicts import names_ml_work


def about(sentence: str) -> bool:
    """Whether a one-sentence answer names ML or data work, in that sense."""
    return names_ml_work("engineering-principles", sentence)


def test_the_other_senses_name_no_ml_work() -> None:
    assert not about("The fault was a bias in the air data computer.")
    assert not about("We had 46 older Euro V diesel models to decommission.")
    assert not about("The agronomist ran one of those carbon calculator models.")
    assert not about("I proposed automatic route setting for the passing loop.")


def test_the_same_words_in_ml_work_still_do() -> None:
    assert about("I ran a leak check on our training data.")
    assert about("We had 46 older models to decommission.")
    assert about("I proposed automating the weekly retrain.")
