"""Terse answers (issue #13): a few notes whose one "I" carries them all. "Weekly retrain. Gate in the
pipeline... I retrained with a tariff flag." is own practice throughout; in a long answer a note still
needs a first-person action just before it."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.analysis import Reading
from practice_bot.scoring.base import FLAG_KEYWORDS
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()

NOTES = (
    "Weekly retrain of the churn model in Airflow. Drift check on the inputs every morning, alert above PSI "
    "0.25 in Grafana. In February a tariff change shifted the inputs, so I retrained with a tariff "
    "flag."
)


def practice(answer: str) -> list[bool]:
    topic = RUBRIC.topic("model-deployment")
    outcome = SCORER.outcome(answer, topic, list(topic.criteria))
    return [s.practice for s in outcome.reading.sentences]


def test_a_first_person_action_carries_to_every_note_of_a_terse_answer() -> None:
    assert practice(NOTES) == [True, True, True]


def test_in_a_long_answer_a_note_before_any_action_is_not_own_practice() -> None:
    preamble = (
        "The company sells broadband and mobile contracts to households across the north of England "
        "and Scotland, with about two million customers and a large call centre in Glasgow. "
    ) * 2
    got = practice(preamble + NOTES)
    assert got[-1] is True  # the action itself
    assert got[2] is False  # "Weekly retrain..." comes before it and is not carried back


# Terse notes for experiment-tracking: a list of features with their figures is a note, not a
# keyword list, so the bare "Python in PyCharm" beside it is not swept up as one either.
FEATURE_NOTES = (
    "Python in PyCharm; pandas for the joins and lags, LightGBM for the model. "
    "Features: sales lags at 7, 14 and 28 days, promo flags, holiday flags, rolling price. "
    "Dropped the stock-on-hand feature after it leaked the target. "
    "Tuned with Optuna on rolling time-series folds."
)


def reading_of(answer: str, topic_id: str = "experiment-tracking") -> Reading:
    topic = RUBRIC.topic(topic_id)
    return SCORER.outcome(answer, topic, list(topic.criteria)).reading


def test_a_list_of_figures_in_terse_notes_is_not_a_keyword_list() -> None:
    reading = reading_of(FEATURE_NOTES)
    assert FLAG_KEYWORDS not in reading.flags
    assert [s.practice for s in reading.sentences][:2] == [True, True]
    # the control: the same list without its figures is still a keyword list
    buzz = FEATURE_NOTES.replace("sales lags at 7, 14 and 28 days", "sales lags, weather")
    assert FLAG_KEYWORDS in reading_of(buzz).flags


def test_a_figure_spoken_as_words_is_a_figure() -> None:
    spoken = "so i tried it on a copy of the data and it ran in under a minute instead of twenty"
    (only,) = reading_of(spoken, "continuous-professional-development").sentences
    assert only.marks.number
    (plain,) = reading_of("so i tried it on one of the copies", "model-deployment").sentences
    assert not plain.marks.number


def practice_of(answer: str) -> list[bool]:
    return [s.practice for s in reading_of(answer, "model-testing-improvement").sentences]


def test_a_note_under_a_heading_is_judged_by_its_first_clause() -> None:
    # "Preparation:" is a heading; "consent didn't cover them" is the reason, not something undone
    notes = (
        "Care home falls model. Collection: the DPO agreed drug class only, so that is all I took. "
        "Preparation: dropped the night-shift free-text notes, consent didn't cover them."
    )
    assert practice_of(notes)[-1] is True


def test_an_acronym_or_named_method_in_lower_case_speech_is_a_name() -> None:
    # written, the capitals make each a name; spoken, the transcript prints them in lower case
    for written in (
        "I put the model behind an API and checked the AUC every week.",
        "I ran a PSI check on the inputs every week.",
    ):
        (w,) = reading_of(written, "model-deployment").sentences
        assert w.marks.tool, written
    for spoken in (
        "so i put the model behind an api and checked the auc every week",
        "so i tracked the inputs with a population stability score every week",
        "so i pen tested the endpoint before it went live",
    ):
        (s,) = reading_of(spoken, "model-deployment").sentences
        assert s.marks.tool, spoken
    (plain,) = reading_of("so i checked the inputs every week", "model-deployment").sentences
    assert not plain.marks.tool


def test_a_terse_answer_is_counted_in_words_as_written() -> None:
    # 78 words as written, more once "read-only" and "sign-off" are split: still a terse answer, so
    # the "I" of the fourth note carries to the second
    notes = (
        "Home-insurance claims triage for the counter-fraud team. "
        "Handlers could review 200 flagged claims a month, so target was precision within the top "
        "200 plus value of fraud caught. AUC only as a sanity check on the hold-out month. "
        "Before sign-off I compared flag rates by postcode area: rural postcodes flagged at twice the "
        "urban rate, traced to a distance-to-branch feature, removed it. "
        "Model reads claims through a read-only service-account, no write access, re-run monthly."
    )
    assert len(notes.split()) <= 80
    assert [s.practice for s in reading_of(notes, "model-scoping").sentences][1] is True


def test_a_terse_note_naming_an_ml_method_is_about_ml_work() -> None:
    notes = (
        "Recycling plant, sorting plastics by near-infrared spectra. "
        "Spectra differ in brightness with dirt and distance, so I scaled each to unit length and "
        "compared by angle (cosine), not Euclidean distance. "
        "PCA first: the 220 wavelengths are heavily correlated. "
        "12 components kept 98% of the variance. Mis-sorted bales fell from 9% to 4%."
    )
    topic = RUBRIC.topic("engineering-principles")
    outcome = SCORER.outcome(notes, topic, list(topic.criteria))
    assert any(s.marks.about for s in outcome.reading.sentences)


def test_a_negation_beside_the_ml_work_is_not_a_disclaimer() -> None:
    # "..., not AUC" contrasts two metrics; "There's no machine learning in it" disclaims ML work
    topic = RUBRIC.topic("model-scoping")

    def about(sentence: str) -> bool:
        (only,) = SCORER.outcome(sentence, topic, list(topic.criteria)).reading.sentences
        return only.marks.about

    assert about(
        "Handlers review 200 claims a week, so I scoped on precision in the top 200, not AUC."
    )
    assert not about("There's no machine learning in it at all, it's just a shop.")
    assert not about("We didn't use any machine learning for the rota.")


def test_a_state_the_work_brought_about_is_what_happened() -> None:
    # "it's now in our deployment checklist": carried from the note's "I", like a past tense
    notes = (
        "Measured our nightly retrain with CodeCarbon: about 40 kWh a month for no accuracy gain. "
        "Proposed weekly retraining with a drift trigger to the MLOps guild. "
        "It's now in our deployment checklist for every new model."
    )
    assert [s.practice for s in reading_of(notes, "sustainability").sentences][-1] is True
