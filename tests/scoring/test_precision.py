"""Precision first (issue #13): "evidenced" only for the criterion's core, shown firmly in the learner's
own practice about ML work; thin credit is "possible" and goes to a tutor; quotes lead with the core."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.cli import main
from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import Judgment
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def judgment(topic_id: str, answer: str, criterion_id: str) -> Judgment:
    topic = RUBRIC.topic(topic_id)
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    return next(j for j in got.judgments if j.criterion_id == criterion_id)


# A firm answer about reducing a model's energy use (sustainability/pass-1), the control for the traps.
ENERGY = (
    "I measured the training energy of our demand forecasting model with CodeCarbon: 40 kWh a run. "
    "I moved the nightly retrain to weekly and switched to a smaller model, which cut it to 6 kWh. "
    "I proposed that every new model logs its carbon in MLflow, and the head of data adopted it as "
    "our standard, as part of the company's net zero target."
)


def test_the_control_is_evidenced_clearly() -> None:
    j = judgment("sustainability", ENERGY, "sustainability/pass-1")
    assert (j.status, j.confidence, j.review) == ("evidenced", "clear", False)


def test_hedged_claims_are_not_evidence() -> None:
    hedged = (
        "We measured the training energy of the forecasting model with CodeCarbon, I think, maybe "
        "40 kWh a run. We moved the retrain to weekly when we have time, probably to save energy. "
        "I proposed a smaller model to the head of data, I believe, and it is more or less our "
        "standard now for the net zero target."
    )
    j = judgment("sustainability", hedged, "sustainability/pass-1")
    assert j.status != "evidenced"


def test_another_word_sense_names_nothing() -> None:
    # 'sustainable' meaning maintainable code is not the environmental impact
    code = (
        "When I joined, the pricing models were one enormous notebook, which is not sustainable. "
        "I refactored it into a Python package with unit tests at 80% coverage and a CI pipeline. "
        "I run a knowledge-sharing session every month so the codebase stays sustainable when "
        "people leave, and the team lead said it is the most sustainable codebase we have."
    )
    j = judgment("sustainability", code, "sustainability/pass-1")
    assert j.status != "evidenced"


def test_an_answer_about_something_other_than_ml_is_not_evidenced() -> None:
    # the adjacency of a forklift fleet: every slot named, but nothing about ML or data work
    forklifts = (
        "I led the switch from diesel to electric forklifts at our distribution centre. "
        "I put together the business case with the site manager, comparing fuel and lease costs. "
        "We decommissioned the old diesel fleet of fourteen trucks over six months. "
        "The site's diesel use has dropped by 40,000 litres a year, and it is in the company's "
        "sustainability report as part of our net zero strategy. "
        "There wasn't any machine learning in it, it was a straight equipment change."
    )
    j = judgment("sustainability", forklifts, "sustainability/pass-1")
    assert j.status == "partly"
    assert "machine-learning or data work" in j.reason


def test_thin_credit_is_possible_and_flagged_for_review() -> None:
    one = (
        "I measured the training energy of our demand forecasting model with CodeCarbon, 40 kWh a "
        "run. The head of data adopted the smaller model I proposed."
    )
    j = judgment("sustainability", one, "sustainability/pass-1")
    assert (j.status, j.confidence, j.review) == ("partly", "possible", True)
    assert "possible: an assessor may want more" in j.reason


def test_the_first_quote_carries_the_core() -> None:
    # the first sentence supports only a side slot ('advocating'); the core sentence comes later
    answer = (
        "I proposed a checklist for new models to the head of data, who adopted it as our standard. "
        "Later I measured the training energy of our forecasting model with CodeCarbon at 40 kWh. "
        "I then cut the training energy of the same model to 6 kWh by retraining it weekly."
    )
    j = judgment("sustainability", answer, "sustainability/pass-1")
    assert j.status == "evidenced"
    assert "energy" in j.evidence[0].quote
    for e in j.evidence:  # whole sentences, exactly as written
        assert answer[e.start : e.end] == e.quote and e.quote.endswith(".")


def test_judgments_saved_before_confidence_existed_load_as_clear() -> None:
    old = {"criterion_id": "x/pass-1", "status": "evidenced", "reason": "r", "review": False}
    assert Judgment.model_validate(old).confidence == "clear"


def test_explain_shows_the_new_steps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(
        "I think we measured the training energy of the model with CodeCarbon, maybe 40 kWh. "
        "I measured the energy of our forecasting model with CodeCarbon at 40 kWh a run. "
        "The head of data adopted the smaller model I proposed.",
        encoding="utf-8",
    )
    assert main(["explain", "--topic", "sustainability", str(answer)]) == 0
    out = capsys.readouterr().out
    assert "hedged" in out and "ML or data work" in out
    assert "carried by a first-person action in #2" in out
    assert "thin: the core in 1 own-practice sentence" in out


def test_evidenced_reasons_name_only_what_the_shown_quotes_show() -> None:
    # over the dev split: every slot an evidenced reason names is named by a quote the learner sees
    from practice_bot.scoring.evaluate import load_items

    items = load_items(Path(__file__).parent.parent / "data" / "calibration" / "dev.jsonl")
    checked = 0
    for item in items:
        topic = RUBRIC.topic(item.topic)
        outcome = SCORER.outcome(item.answer, topic, topic.criteria)
        for ci, verdict in enumerate(outcome.verdicts):
            if verdict.status != "evidenced":
                continue
            concepts = SCORER.book.concepts(topic.criteria[ci])
            shown = {e.start for e in verdict.judgment().evidence}
            quoted_slots = {
                k
                for s in outcome.reading.sentences
                if s.start in shown
                for c, ks in s.facts.named
                if c == ci
                for k in ks
            }
            named = {k for k, label in enumerate(concepts.labels) if label in verdict.reason}
            assert named <= quoted_slots, (item.id, verdict.criterion_id, verdict.reason)
            checked += 1
    assert checked >= 100
