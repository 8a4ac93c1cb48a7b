"""Strong answers in ordinary words (issue #13: recall on plain, spoken, terse and non-native answers):
each row of tests/data/plain-words/named.tsv is a sentence an apprentice might say without the
textbook term, and the slot of a technical topic's criterion it must name; each row of
not-named.tsv is another sense of one of those phrases, which must not name the slot."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.markers import own_action
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.text import normalise, words

DATA = Path(__file__).resolve().parents[1] / "data" / "plain-words"
RUBRIC = load_rubric()
SCORER = OfflineScorer()


def rows(name: str) -> list[tuple[str, str, str]]:
    found = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            criterion, label, sentence = line.split("\t")
            found.append((criterion, label, sentence))
    return found


def named(criterion_id: str, sentence: str) -> set[str]:
    """The labels of the slots of `criterion_id` that `sentence` names, read as a one-line answer."""
    topic = RUBRIC.topic(criterion_id.split("/")[0])
    criteria = list(topic.criteria)
    labels = [k.labels for k in SCORER.book.batch(criteria).concepts]
    outcome = SCORER.outcome(sentence, topic, criteria)
    return {
        labels[ci][k]
        for s in outcome.reading.sentences
        for ci, ks in s.facts.named
        if criteria[ci].id == criterion_id
        for k in ks
    }


def statuses(topic_id: str, answer: str) -> dict[str, str]:
    """The offline scorer's status for each criterion of topic `topic_id`, for `answer`."""
    topic = RUBRIC.topic(topic_id)
    return {
        j.criterion_id: j.status for j in SCORER.score(answer, "", topic, topic.criteria).judgments
    }


def test_every_row_names_a_real_slot() -> None:
    for criterion_id, label, _ in rows("named.tsv") + rows("not-named.tsv"):
        topic = RUBRIC.topic(criterion_id.split("/")[0])
        criteria = list(topic.criteria)
        index = [c.id for c in criteria].index(criterion_id)
        assert label in SCORER.book.batch(criteria).concepts[index].labels, (criterion_id, label)


@pytest.mark.parametrize(("criterion_id", "label", "sentence"), rows("named.tsv"))
def test_plain_words_name_the_slot(criterion_id: str, label: str, sentence: str) -> None:
    assert label in named(criterion_id, sentence)


@pytest.mark.parametrize(("criterion_id", "label", "sentence"), rows("not-named.tsv"))
def test_another_sense_does_not_name_the_slot(criterion_id: str, label: str, sentence: str) -> None:
    assert label not in named(criterion_id, sentence)


PROJECT_ONLY = (
    "I work on a model that predicts which patients might miss their appointments. We use five years "
    "of appointment data from the hospital system. I cleaned the data, removed duplicates and filled "
    "missing ages with the median. I trained an XGBoost model and it got an AUC of 0.78 on the test "
    "set. The clinic staff get a list every morning of the patients most likely not to attend, and "
    "they ring them the day before."
)


def test_a_plain_project_account_is_not_evidence_of_errors_and_bias_or_of_why_ml() -> None:
    # data cleaning and a named method are not the sources of algorithmic bias, nor why ML suits
    verdicts = statuses("engineering-principles", PROJECT_ONLY)
    assert verdicts["engineering-principles/pass-4"] == "partly"
    assert verdicts["engineering-principles/pass-1"] != "evidenced"


BAKERY = (
    "At the bakery I've been refining our sourdough for the café for about a year. I keep a logbook "
    "of every batch: flour blend, hydration, proving time, oven temperature and how the crumb came "
    "out, scored out of ten by the team. When customers said the crust was too hard, I re-engineered "
    "the bake, dropping the oven from 250 to 235 and adding steam for the first ten minutes. The "
    "scores went from six to eight, and I recorded every change in the logbook."
)


def test_refining_a_recipe_scored_out_of_ten_is_not_ml_work() -> None:
    # "scored out of ten" is not a scoring model: nothing says the work was ML or data work
    topic = RUBRIC.topic("model-testing-improvement")
    judgments = SCORER.score(BAKERY, "", topic, topic.criteria).judgments
    assert all(j.status != "evidenced" for j in judgments)


SPREADSHEETS = (
    "In the finance team at our building society we had dozens of legacy Excel cash-flow models, "
    "one for each scheme, some ten years old. I set up a register of every model with its owner and "
    "review date, moved the current ones into SharePoint with version history switched on, and "
    "decommissioned the old ones by locking them read-only in an archive folder, in line with our "
    "finance procedures."
)


def test_retiring_spreadsheet_models_is_not_decommissioning_ml_models() -> None:
    verdicts = statuses("model-management", SPREADSHEETS)
    assert verdicts["model-management/pass-4"] != "evidenced"


@pytest.mark.parametrize(
    "sentence",
    [
        "I rewrote it as a FastAPI service and added unit tests.",
        "When I dug into it, the errors were all on the night shift.",
        "I drew up a list of what could go wrong with the security lead.",
        "I held back the retrain for a month.",
        "I caught the drift two weeks before the users did.",
        "I did look at a deep learning model, but we'd only got ninety labelled faults.",
        "I'd already built the pipeline when the scope changed.",
    ],
)
def test_irregular_past_tenses_are_first_person_actions(sentence: str) -> None:
    assert own_action(words(normalise(sentence))) == (True, False, False)


@pytest.mark.parametrize(
    "sentence", ["I'd check the drift first.", "I'd have asked the engineer sooner."]
)
def test_would_is_still_a_plan(sentence: str) -> None:
    assert own_action(words(normalise(sentence))) == (False, True, False)


RELEASE_GATE = (
    "For the bias part I compare how often the model flags claims from each age group and each "
    "region, on a fixed test set, every time the model is retrained. I wrote that as a pytest check "
    "in our CI pipeline, so if any group is flagged more than one and a quarter times the overall "
    "rate the build fails. The first version failed it: claims from people over seventy were "
    "flagged twice as often, and it came from a feature about how many times they phoned us. I "
    "removed that feature and the ratio came down to 1.1 with almost no loss in fraud caught."
)


def test_a_fairness_gate_on_each_retrain_is_not_monitoring_the_live_model() -> None:
    verdicts = statuses("model-deployment", RELEASE_GATE)
    assert verdicts["model-deployment/pass-5"] == "evidenced"
    assert verdicts["model-deployment/pass-2"] != "evidenced"
