"""Corroboration in terse answers (issue #13): a note-like answer says each thing once, so the core of
a criterion sits in one sentence. In an answer of at most TERSE_ANSWER_WORDS words, a second concrete
own-practice sentence showing another of the criterion's slots, as the learner's own action or as a
measured result, corroborates it; a vague second sentence does not, nor does the same evidence in a
long answer. And "the travel agency" is a business, not journeys made (sustainability)."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer, Verdict

RUBRIC = load_rubric()
SCORER = OfflineScorer()

SHIPPED = (
    "Council housing repairs triage model. "
    "Took my Jupyter prototype, wrapped it in FastAPI, containerised it and ran it in shadow beside "
    "the call handlers for three weeks. "
    "Switched over only once agreement with the handlers held above 95%."
)

FEATURES = (
    "Bus ridership forecast. "
    "Built lag and school-holiday features from ticket taps, imputed gaps under two hours, dropped "
    "9 of 30 features by permutation importance. "
    "Validation MAE fell 7%, and training took half the time."
)


def verdict(topic_id: str, answer: str, criterion_id: str) -> Verdict:
    topic = RUBRIC.topic(topic_id)
    outcome = SCORER.outcome(answer, topic, list(topic.criteria))
    return next(v for v in outcome.verdicts if v.criterion_id == criterion_id)


def test_a_second_concrete_action_corroborates_a_terse_answer() -> None:
    got = verdict("model-deployment", SHIPPED, "model-deployment/pass-3")
    assert got.status == "evidenced", got.path


def test_a_vague_second_sentence_leaves_a_terse_answer_thin() -> None:
    vague = SHIPPED.replace(
        "Switched over only once agreement with the handlers held above 95%.",
        "Switched over once it looked fine.",
    )
    got = verdict("model-deployment", vague, "model-deployment/pass-3")
    assert got.status == "partly"
    assert got.confidence == "possible"


def test_a_measured_result_corroborates_a_terse_answer() -> None:
    got = verdict("experiment-tracking", FEATURES, "experiment-tracking/pass-2")
    assert got.status == "evidenced", got.path


def test_an_unmeasured_result_does_not_corroborate() -> None:
    unmeasured = FEATURES.replace(
        "Validation MAE fell 7%, and training took half the time.",
        "Results were better after that.",
    )
    got = verdict("experiment-tracking", unmeasured, "experiment-tracking/pass-2")
    assert got.status == "partly"


def test_in_a_long_answer_the_core_said_once_stays_thin() -> None:
    preamble = (
        "The council owns about twelve thousand homes across the district, from tower blocks to "
        "bungalows, and the repairs line takes several hundred calls on a busy Monday morning. "
    ) * 2
    got = verdict("model-deployment", preamble + SHIPPED, "model-deployment/pass-3")
    assert got.status == "partly"
    assert any(step.startswith("thin") for step in got.path)


CLOUD = (
    "I cut the cloud bill for our recommendation engine at the travel agency by about 60%. "
    "I moved training to spot instances and set the dev environments to shut down at 7pm."
)


def supported(got: Verdict) -> str:
    return next(step for step in got.path if step.startswith("slots supported")).split("(")[0]


def test_a_travel_agency_is_not_travel() -> None:
    got = verdict("sustainability", CLOUD, "sustainability/pass-1")
    assert "the environmental impact" not in supported(got)


def test_staff_travel_still_names_the_environmental_impact() -> None:
    travel = CLOUD.replace("at the travel agency", "and cut staff travel to the data centre")
    got = verdict("sustainability", travel, "sustainability/pass-1")
    assert "the environmental impact" in supported(got)


def test_a_second_sentence_naming_only_people_does_not_corroborate() -> None:
    adopted = SHIPPED.replace(
        "Switched over only once agreement with the handlers held above 95%.",
        "Switched over once the repairs manager signed it off.",
    )
    got = verdict("model-deployment", adopted, "model-deployment/pass-3")
    assert got.status == "partly"


def marks_of(answer: str) -> list[bool]:
    topic = RUBRIC.topic("collaborative-working-am2")
    outcome = SCORER.outcome(answer, topic, list(topic.criteria))
    return [s.marks.concrete for s in outcome.reading.sentences]


def test_a_named_method_is_concrete_as_a_tool_is() -> None:
    # a terse note names the method in place of a tool, in lower case as it is written
    assert marks_of("The grant was cut, so I re-planned to logistic regression.") == [True]
    assert marks_of("The grant was cut, so I re-planned to something simpler.") == [False]


def outcomes_of(answer: str) -> list[bool]:
    topic = RUBRIC.topic("experiment-tracking")
    outcome = SCORER.outcome(answer, topic, list(topic.criteria))
    return [s.marks.outcome for s in outcome.reading.sentences]


def test_a_change_written_as_notes_write_it_is_a_measured_result() -> None:
    for result in ("Night recall 0.71 to 0.88.", "Night recall 0.71 -> 0.88.", "Cloud cost -30%."):
        assert outcomes_of(result) == [True], result


def test_a_range_or_a_figure_alone_is_not_a_change() -> None:
    for result in ("Trained on 3-4 GPUs.", "Night recall 0.88.", "Version 2 of the model."):
        assert outcomes_of(result) == [False], result


def test_a_figure_in_words_is_a_figure() -> None:
    assert marks_of("The grant was cut, so I halved the team's cloud spend.") == [True]


def notes_read_as_practice(*notes: str) -> list[bool]:
    topic = RUBRIC.topic("model-testing-improvement")
    return [
        SCORER.outcome(n, topic, list(topic.criteria)).reading.sentences[0].marks.practice
        for n in notes
    ]


def test_a_note_opening_with_a_hyphenated_verb_is_own_practice() -> None:
    assert notes_read_as_practice(
        "Re-ran the backtest on 2023 data.",
        "Shadow-tested it beside the old rules for four weeks.",
        "Fine-tuned BERT on 5k support tickets.",
        "Hand-labelled 2,000 images for the night set.",
    ) == [True, True, True, True]


def test_a_hyphenated_past_participle_that_is_not_a_note_is_not_own_practice() -> None:
    assert notes_read_as_practice(
        "Fine-tuned by the vendor last year.",
        "Cross-validated models are usually better.",
    ) == [False, False]
