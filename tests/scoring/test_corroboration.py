"""Corroboration (issue #13): the core of a criterion shown in one own-practice sentence is thin,
unless the answer states the core firmly elsewhere too (the context the learner worked in: "model drift
was the whole job"). A hedged, negated or hypothetical statement of it does not corroborate.
And what an answer is about: once it uses "model" in another sense (building information models), a
common word such as "data" no longer says it is machine-learning work."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer
from tests.scoring import verdicts

RUBRIC = load_rubric()
SCORER = OfflineScorer()

DRIFT = (
    "Model drift was the whole job at the city air quality network, because the cheap sensors age and "
    "read high after about a year. The correction model maps each sensor's readings onto the nearest "
    "reference station. Every week I track the input distributions, humidity mostly, with a "
    "population stability score in Evidently, and the error against the reference stations. When a "
    "correction moves by more than ten per cent in a month, the sensor goes on a list for a field "
    "visit."
)


def status(criterion_id: str, answer: str) -> str:
    return verdicts.status(criterion_id, answer, "Tell me about it.")


def test_the_core_stated_firmly_in_context_corroborates_the_one_own_practice_sentence() -> None:
    assert status("model-management/pass-3", DRIFT) == "evidenced"


def test_a_hedged_statement_of_the_core_does_not_corroborate() -> None:
    hedged = DRIFT.replace(
        "Model drift was the whole job", "I think model drift was probably the job"
    )
    assert status("model-management/pass-3", hedged) == "partly"


BIM = (
    "So I'm at an architecture practice, and I maintain the building information models in Revit for "
    "our bigger jobs. For the new primary school I kept the model documentation up to date all "
    "through design: every revision logged with a date, the clash reports from Navisworks sent to the "
    "structural engineers each week, and a handover pack for the client with the asset data for "
    "every door and boiler. I also wrote a guide for the junior technicians on our Revit naming "
    "standards, and I update it whenever the standards change."
)


def test_data_alone_does_not_make_an_answer_about_other_models_ml_work() -> None:
    topic = RUBRIC.topic("collaborative-working-am1")
    outcome = SCORER.outcome(BIM, topic, list(topic.criteria))
    assert all(v.status != "evidenced" for v in outcome.verdicts)
    assert any("ML or data work" in step for v in outcome.verdicts for step in v.path)


STAR = (
    "Situation: our logistics firm wanted its machine learning to be greener. "
    "Task: my task was to make our forecasting models more sustainable. "
    "Action: I took action by identifying opportunities and embedding sustainability into our ML "
    "work in line with the strategy. "
    "Result: the result was a more sustainable outcome, with a clear improvement for the business. "
    "Reflection: I learned that sustainability matters and I championed it across the team."
)


def test_an_outcome_word_alone_is_not_concrete_evidence() -> None:
    # STAR shape without substance: no tool, figure or person, only "the result was an improvement"
    assert status("sustainability/pass-1", STAR) != "evidenced"
    measured = STAR.replace(
        "the result was a more sustainable outcome, with a clear improvement for the business",
        "I cut the retraining energy from 40 to 6 kWh a week, measured in CodeCarbon",
    )
    assert status("sustainability/pass-1", measured) == "evidenced"


def test_a_score_out_of_ten_is_not_ml_work() -> None:
    topic = RUBRIC.topic("model-testing-improvement")
    reading = SCORER.outcome(
        "I keep a logbook of every batch, scored out of ten by the bakery team, and the scores went "
        "from six to eight.",
        topic,
        list(topic.criteria),
    ).reading
    assert not any(s.marks.about for s in reading.sentences)


# One own-practice sentence carries the criterion; "data" (in "data protection") is the only word
# saying the answer is about data work at all: a club's membership list, not ML or data work.
CLUB = (
    "I'm the data protection lead for our running club. When we moved the members' list off paper I "
    "made sure it was kept in a password-protected spreadsheet that only two committee members could "
    "open, and I deleted the details of members who had left after a year, in line with the club's "
    "GDPR policy."
)


def test_one_sentence_and_only_a_common_word_for_the_object_is_not_evidenced() -> None:
    topic = RUBRIC.topic("model-deployment")
    outcome = SCORER.outcome(CLUB, topic, list(topic.criteria))
    verdict = next(v for v in outcome.verdicts if v.criterion_id == "model-deployment/pass-1")
    assert verdict.status == "partly"
    # (a topic about models: "data" alone, with nothing learning or predicting, is not its object,
    # tests/scoring/test_field.py; before that rule, the thin check below held it back)
    assert "names ML or data work" in verdict.path[-1] or (
        verdict.confidence == "possible" and "only common words" in verdict.path[-1]
    )
    # the control: the same sentence about a model's training data is ML work
    ml = CLUB.replace("running club", "churn model's training data").replace(
        "members' list", "churn model's training data"
    )
    assert status("model-deployment/pass-1", ml) == "evidenced"
