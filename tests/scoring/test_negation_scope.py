"""Negation scope within a sentence (issue #13): "we didn't monitor it, but I added alerts" credits the
clause saying what was done, not the one saying what was not."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring import scope
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.segment import load_segmentation
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


def deployment_pass_2(answer: str) -> str:
    topic = RUBRIC.topic("model-deployment")
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    return next(j.status for j in got.judgments if j.criterion_id == "model-deployment/pass-2")


# Monitoring and retraining named only where someone else is said not to have done them.
OTHERS_UNDONE = (
    "I deployed the churn model as a FastAPI service on AKS in March. "
    "The platform team never monitored it in Grafana or retrained it after launch, so I wrote the "
    "handover notes in Confluence. "
    "Nobody tracked its drift or logged its versions in MLflow either, and I presented the churn "
    "figures to the board."
)


def test_someone_elses_action_left_undone_credits_nothing() -> None:
    done = OTHERS_UNDONE.replace("The platform team never monitored", "I monitored").replace(
        "Nobody tracked", "I tracked"
    )
    assert deployment_pass_2(done) == "evidenced"  # the control: the learner did them
    assert deployment_pass_2(OTHERS_UNDONE) != "evidenced"


def test_not_being_involved_does_not_credit_what_others_did() -> None:
    answer = (
        "I deployed the churn model as a FastAPI service on AKS in March. "
        "I wasn't involved in the monitoring, which the platform team ran in Grafana with alerts on "
        "drift. They retrained it every month on fresh data and logged each version in MLflow."
    )
    assert deployment_pass_2(answer) != "evidenced"


def test_someone_elses_undone_clause_is_negated_but_a_property_of_the_work_is_not() -> None:
    assert clause_texts("The data team never checked it for drift, so I set up a PSI check.") == [
        (True, "the data team never checked it for drift"),
        (False, "so i set up a psi check"),
    ]
    assert clause_texts("My manager didn't ask me to, but I set up drift alerts.") == [
        (True, "my manager didn t ask me to"),
        (False, "but i set up drift alerts"),
    ]
    assert clause_texts("I built the dashboard, but it hasn't been updated since.") == [
        (False, "i built the dashboard"),
        (True, "but it hasn t been updated since"),
    ]
    for sentence in (  # what the work is like, or why: not something left undone
        "I kept the features in one file, which means nobody quietly adds a proxy for age.",
        "I raised it, because the customers hadn't agreed to it.",
        "I set a gate, so the model doesn't ship if the ratio drops.",
    ):
        norm = normalise(sentence)
        assert scope.open_clauses(norm, words(norm)) is None, sentence


def test_a_negated_state_of_a_thing_is_not_work_left_undone() -> None:
    # what was found or meant, not something left undone: each is a clause of its own, not negated
    assert clause_texts("The addresses didn't match, so I flagged them.") == [
        (False, "the addresses didn t match"),
        (False, "so i flagged them"),
    ]
    assert clause_texts("The purpose wasn't to replace them, it was to help the analysts.") == [
        (False, "the purpose wasn t to replace them"),
        (False, "it was to help the analysts"),
    ]
    assert (
        clause_texts("Nobody had asked me to check bias, but I ran the flag rates.")[0][0] is False
    )
    # the control: an action left undone still is
    assert clause_texts("The model was not retrained, so I set up a schedule.")[0][0] is True
    assert clause_texts("It hasn't been properly updated since, so I retrained it.")[0][0] is True
    assert clause_texts("Nobody reviewed it, so I wrote a model card.")[0][0] is True


def test_speech_without_commas_is_cut_where_a_joining_word_brings_a_new_subject() -> None:
    # as a speech-to-text engine without punctuation prints it (issue #20): the negation and the
    # hedge stay with their own clause, as the comma would have kept them
    assert clause_texts("we did not monitor it and i set up alerts in grafana") == [
        (True, "we did not monitor it"),
        (False, "and i set up alerts in grafana"),
    ]
    assert clause_texts("nobody checked it for drift so i built a psi check") == [
        (True, "nobody checked it for drift"),
        (False, "so i built a psi check"),
    ]
    norm = normalise("i think the main lesson was the threshold so i set up a weekly review")
    tokens = words(norm)
    free = scope.open_clauses(norm, tokens, lambda a, b: "think" in tokens[a:b])
    assert free is not None
    assert [" ".join(tokens[a:b]) for a, b in free] == ["so i set up a weekly review"]


GLUE = load_segmentation().clause_glue


def spoken_clauses(sentence: str) -> list[tuple[bool, str]]:
    norm = normalise(sentence)
    tokens = words(norm)
    return [
        (scope.negated(tokens[a:b]), " ".join(tokens[a:b]))
        for a, b in scope.clauses(norm, glue=GLUE)
    ]


def test_without_commas_a_new_subject_after_a_clause_ends_it_and_keeps_its_negation() -> None:
    # speech printed without punctuation and without a joining word between the clauses (issue #20)
    assert spoken_clauses(
        "i move on to the next month's data i don't really look at how it's doing day to day "
        "nobody's set anything up for that"
    ) == [
        (False, "i move on to the next month s data"),
        (True, "i don t really look at how it s doing day to day"),
        (True, "nobody s set anything up for that"),
    ]
    # an object pronoun ends its clause before a subject: "...went with it | i haven't yet looked"
    assert spoken_clauses("so i went with it i haven't yet looked at what would make it drift") == [
        (False, "so i went with it"),
        (True, "i haven t yet looked at what would make it drift"),
    ]
    # a subject after a word that glues it to what comes before starts no clause
    for sentence in (
        "the model we built never drifted",
        "i think we didn't check it",
        "it failed because we never retrained it",
    ):
        assert len(spoken_clauses(sentence)) == 1, sentence
    # written with commas, the commas decide, as before
    assert len(spoken_clauses("I move on to the next data, I don't look at it")) == 2


def test_monitoring_said_not_done_without_commas_is_not_credited() -> None:
    topic = RUBRIC.topic("model-deployment")
    said = (
        "um so at the ferry port we've got the freight arrival model what i do is i version every "
        "retrain in dvc and the pipeline runs schema checks and it has to beat the current model's "
        "error on the last four weeks before it deploys to the live api that's my part done really "
        "i move on to the next month's data i {} look at how it's doing day to day {}"
    )
    not_done = said.format("don't really", "nobody's set anything up for that")
    done = said.format("also", "i set up an alert in grafana for that")

    def status(answer: str) -> str:
        got = SCORER.score(answer, "How do you deploy it?", topic, topic.criteria)
        return next(j.status for j in got.judgments if j.criterion_id == "model-deployment/pass-2")

    assert status(done) == "evidenced"  # the control: the same words, done
    assert status(not_done) == "partly"  # retraining and testing, but not monitoring
