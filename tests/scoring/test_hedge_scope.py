"""Hedge scope (issue #13): a hedge ("I think", "maybe", "probably") weakens the clause it is in, not the
whole sentence. "I think the main lesson was X, so I set up Y": Y is the learner's practice; "I think
someone checked the bias" is never evidence."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring import scope
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.text import normalise, words

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def status(topic_id: str, answer: str, criterion_id: str) -> str:
    topic = RUBRIC.topic(topic_id)
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    return next(j.status for j in got.judgments if j.criterion_id == criterion_id)


# Each sentence: a hedged view, then what the learner did about energy (sustainability/pass-1).
LESSONS = (
    "I think the main lesson was that training was our biggest cost, so I measured the training "
    "energy of our demand forecasting model with CodeCarbon: 40 kWh a run. "
    "Probably the schedule mattered most, so I moved the nightly retrain to weekly and switched to a "
    "smaller model, which cut it to 6 kWh. "
    "I proposed that every new model logs its carbon in MLflow, and the head of data adopted it as "
    "our standard."
)


def test_a_hedge_weakens_its_own_clause_not_the_practice_after_it() -> None:
    assert status("sustainability", LESSONS, "sustainability/pass-1") == "evidenced"


def test_a_hedged_clause_is_not_evidence_when_nothing_else_says_it() -> None:
    hedged = (
        "I measured the training energy of our demand forecasting model with CodeCarbon, I think, "
        "maybe 40 kWh a run. We probably moved the nightly retrain to weekly to cut the kWh. "
        "I think the head of data adopted a rule that every model logs its carbon in MLflow."
    )
    assert status("sustainability", hedged, "sustainability/pass-1") != "evidenced"


BIAS = (
    "I deployed the shortlisting model on AKS in March, with a release gate in GitHub Actions. "
    "I checked the bias: the shortlist rate by age group and by gender on a test set of past "
    "applications, with Fairlearn, and the gate fails if any group's rate is 10% below the others. "
    "I also removed the postcode feature, because it was a proxy for ethnicity."
)


def test_i_think_someone_checked_the_bias_is_never_evidence() -> None:
    assert status("model-deployment", BIAS, "model-deployment/pass-5") == "evidenced"  # control
    someone = BIAS.replace("I checked the bias:", "I think someone checked the bias:").replace(
        "I also removed", "I think someone also removed"
    )
    assert status("model-deployment", someone, "model-deployment/pass-5") != "evidenced"


def hedged_marks(sentence: str) -> bool:
    topic = RUBRIC.topic("model-testing-improvement")
    (only,) = SCORER.outcome(sentence, topic, list(topic.criteria)).reading.sentences
    return only.marks.hedged


def test_i_thought_reports_a_past_view_and_is_not_a_hedge() -> None:
    assert not hedged_marks(
        "I wrote a note to the manager explaining why I thought the threshold should move."
    )
    # the control: doubt now still is
    assert hedged_marks("I think the drift check was enough.")
    assert hedged_marks("I wrote a note, I think, about the threshold.")


def test_a_hedge_inside_a_relative_clause_does_not_hedge_the_action_before_it() -> None:
    # "which I think landed better": the learner is unsure how well it landed, not that it happened
    norm = normalise(
        "I ran a ten minute session for the housing officers, which I think landed better than "
        "the e-learning."
    )
    tokens = words(norm)
    free = scope.open_clauses(norm, tokens, lambda a, b: "think" in tokens[a:b])
    assert free is not None
    assert " ".join(tokens[free[0][0] : free[0][1]]).startswith("i ran a ten minute session")


def test_a_model_unsure_of_its_answer_is_not_the_speaker_hedging() -> None:
    # "anything it's not sure about goes to a person" describes the system; "I'm not sure" is a hedge
    system = (
        "I trained a text classifier on eighteen months of enquiry emails in scikit-learn and it plugs "
        "into the ticketing tool the admissions team already use, and anything it's not sure about "
        "goes to a person."
    )
    doubt = system.replace("anything it's not sure about goes", "I'm not sure anything goes")
    topic = RUBRIC.topic("engineering-principles")
    hedges = SCORER.book.markers.hedges
    found = [
        SCORER.outcome(a, topic, list(topic.criteria)).reading.sentences[0].facts.found
        for a in (system, doubt)
    ]
    assert [not hedges.isdisjoint(f) for f in found] == [False, True]


def test_a_softened_negation_said_without_punctuation_is_a_hedge_whoever_its_subject() -> None:
    # "they weren't really my concern": the earlier stages are disowned, not secured (issue #20)
    said = (
        "so at the satellite imaging firm my bit was the inference api for the ship detection model "
        "i ran owasp zap against it and found the upload endpoint accepted any file type so i locked "
        "it to geotiff with a size limit and validated the headers and i moved the api keys out of "
        "the repo into secrets manager and i added rate limiting per customer um the earlier stages "
        "the training data and the labelling and that they {} my concern as well i checked who "
        "could see the labels"
    )
    criterion = "model-testing-improvement/pass-1"
    # the control: the same words, owned
    assert status("model-testing-improvement", said.format("were"), criterion) == "evidenced"
    assert status("model-testing-improvement", said.format("weren't really"), criterion) == "partly"
