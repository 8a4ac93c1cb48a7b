"""People rating something ("twelve regulars scoring each out of ten") is not a model scoring it
(issue #13, close off-topic answers): "scoring" in that sense does not make an answer ML or data
work, while a model's scoring still does."""

from __future__ import annotations

from tests.scoring.verdicts import names_ml_work, status

BREWERY = (
    "At the microbrewery I keep a proper log of every trial batch: the malt bill, hop additions, "
    "mash temperature and the yeast strain, all in a spreadsheet with a batch number. "
    "I tune one variable at a time, so last spring I ran four versions of the pale ale changing "
    "only the dry-hop timing, and we did blind tastings with twelve regulars scoring each out of ten. "
    "The version dry-hopped on day three won clearly, and it also held up better after six weeks "
    "in the keg, so it's robust on the shelf."
)


def test_a_tasting_panel_scoring_beers_is_not_ml_work() -> None:
    assert status("experiment-tracking/pass-5", BREWERY) != "evidenced"


def about(sentence: str) -> bool:
    """Whether a one-sentence answer names ML or data work, in that sense."""
    return names_ml_work("experiment-tracking", sentence)


def test_a_model_scoring_still_is() -> None:
    assert not about("We did blind tastings with twelve regulars scoring each out of ten.")
    assert about("Our scoring job ranked each batch overnight, in the same spreadsheet.")
