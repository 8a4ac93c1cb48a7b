"""Negation scope within a sentence (issue #13): "we didn't monitor it, but I added alerts" credits the
clause saying what was done, not the one saying what was not."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring import scope
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.text import normalise, words

RUBRIC = load_rubric()
SCORER = OfflineScorer()

# Each sentence: what was not done about energy (the criterion), then something done about other work.
NOT_DONE = (
    "We didn't measure the training energy of our demand forecasting model with CodeCarbon, but I "
    "wrote the model card in Confluence. We never moved the nightly retrain to weekly or switched to "
    "a smaller model to cut the kWh, so I added unit tests in GitLab. We didn't get the head of data "
    "to adopt a rule that every new model logs its carbon in MLflow, and I presented the forecasts "
    "to the board."
)
DONE = (
    NOT_DONE.replace("We didn't measure", "We measured")
    .replace("We never moved", "We moved")
    .replace("We didn't get", "We got")
)


def status(answer: str) -> str:
    topic = RUBRIC.topic("sustainability")
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    return next(j.status for j in got.judgments if j.criterion_id == "sustainability/pass-1")


def test_slots_named_only_in_a_negated_clause_are_not_credited() -> None:
    assert status(DONE) == "evidenced"  # the control: the same clauses, not negated
    assert status(NOT_DONE) != "evidenced"


def clause_texts(sentence: str) -> list[tuple[bool, str]]:
    norm = normalise(sentence)
    tokens = words(norm)
    return [(scope.negated(tokens[a:b]), " ".join(tokens[a:b])) for a, b in scope.clauses(norm)]


def test_a_sentence_is_cut_at_a_contrast_and_only_the_negated_action_is_negated() -> None:
    assert clause_texts("We did not monitor it, but I set up alerts in Grafana.") == [
        (True, "we did not monitor it"),
        (False, "but i set up alerts in grafana"),
    ]
    assert clause_texts("There was no baseline; I built one from last year's data.") == [
        (True, "there was no baseline"),
        (False, "i built one from last year s data"),
    ]


def test_a_negation_describing_the_work_is_not_a_negated_clause() -> None:
    # a safeguard and a contrast, not something left undone
    for sentence in (
        "The pipeline won't release if the ratio is under 0.8, and I wrote that check.",
        "We used the condition of the property, not the tenant, which I agreed with the board.",
        "I not only retrained it but also documented it.",
        "We check the burndown chart, and when we're not on track, I move tickets to the next sprint.",
    ):
        norm = normalise(sentence)
        assert scope.open_clauses(norm, words(norm)) is None, sentence


def practice_whys(answer: str) -> list[str]:
    topic = RUBRIC.topic("model-management")
    outcome = SCORER.outcome(answer, topic, list(topic.criteria))
    return [s.why for s in outcome.reading.sentences]


def test_a_negation_after_the_main_clause_does_not_undo_a_statement_of_what_happened() -> None:
    done = (
        "I update the model inventory entry for each of my models on every release. "
        "Internal audit sampled two of my four models in May: no findings."
    )
    assert practice_whys(done)[1].startswith("a statement of what happened")
    not_done = done.replace("Internal audit sampled", "Internal audit never sampled")
    assert practice_whys(not_done)[1].startswith("negated")
