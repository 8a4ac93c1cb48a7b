"""Word senses of shared phrases (issue #13, rules/vocabulary.toml [senses]): 'vulnerable' patients,
'monitoring' a patient, 'deploying' staff are not the criterion's subject; the slot's other phrases,
and the same word in its own sense, still name it."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer
from tests.scoring.verdicts import slots

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def credited(topic_id: str, answer: str, question: str = "") -> list[str]:
    """The criteria of topic `topic_id` that the offline scorer credits `answer` with."""
    topic = RUBRIC.topic(topic_id)
    got = SCORER.score(answer, question, topic, topic.criteria)
    return [j.criterion_id for j in got.judgments if j.status == "evidenced"]


def test_vulnerable_people_are_not_a_security_weakness() -> None:
    assert "security" in slots("model-management", "I fixed a vulnerability in the scoring API.")
    assert "security" not in slots(
        "model-management", "I built a model that flags vulnerable customers for a call back."
    )
    # another phrase of the slot still names it
    assert "security" in slots(
        "model-management", "I encrypted the data on vulnerable customers and ran a pen test."
    )


def test_monitoring_a_patient_is_not_monitoring_the_model() -> None:
    topic, label = "model-deployment", "monitoring the live model"
    assert label in slots(topic, "I set up monitoring of the live model's inputs every week.")
    assert label not in slots(topic, "I built a model that reads the patient monitoring data.")
    assert label not in slots(topic, "The ward nurses monitor the patients' vital signs hourly.")


def test_deploying_staff_is_not_deploying_a_model() -> None:
    topic, label = "model-deployment", "going live"
    assert label in slots(topic, "I deployed the model as an API on Azure in March.")
    assert label not in slots(
        topic, "The forecast tells the depot how to deploy its staff each day."
    )


def test_leakage_of_the_target_is_not_a_security_leak() -> None:
    assert "security" in slots("model-management", "I found a leak of customer records in a log.")
    assert "security" not in slots(
        "model-management", "I found the stock feature leaked the target into training."
    )


def test_common_words_do_not_name_a_shared_slot() -> None:
    # "it" is not the IT team; "tricky" is not a trick played on the model; "patchy" is not a patch
    assert slots("collaborative-working-am2", "I built it in March.") == set()
    assert slots("collaborative-working-am2", "I asked the IT team for access.") != set()
    assert "security" not in slots("model-management", "It was tricky: the data was patchy.")
    assert "security" in slots("model-management", "I patched the server and rotated the secrets.")


def test_a_stemmed_metric_or_tool_does_not_match_a_common_word() -> None:
    # "mape" would stem to "map"; "teams" (the tool) to "team"
    metrics = "the performance metrics you chose"
    assert metrics in slots("model-scoping", "I judged it on MAPE against last year's forecast.")
    assert metrics not in slots(
        "model-scoping", "I drew a map of the stakeholders and mapped them."
    )
    topic = RUBRIC.topic("model-scoping")
    outcome = SCORER.outcome(
        "Our team met the ward on Microsoft Teams. Our team met the ward.", topic, []
    )
    assert [s.marks.tool for s in outcome.reading.sentences] == [True, False]


def test_scoring_claims_is_running_the_model_not_a_measure_of_it() -> None:
    fit = "accuracy and fit"
    assert fit in slots("experiment-tracking", "I compared the scores of both models last month.")
    assert fit not in slots("experiment-tracking", "The scoring job scores every claim overnight.")
    # a named metric beside it still names the slot
    assert fit in slots("experiment-tracking", "The scoring job logs the F1 score every night.")


def test_a_phrasal_verb_split_by_its_object_still_names_approval() -> None:
    approval = "approval for handover"
    assert approval in slots("collaborative-working-am1", "The director signed it off in May.")
    assert approval in slots(
        "collaborative-working-am1", "She signed the model off for all stores."
    )
    assert approval not in slots("collaborative-working-am1", "It was significantly better off.")


def test_a_fashion_model_is_not_the_criteria_object() -> None:
    # senses apply to marker phrases too: "model*" names ML work only in its own sense
    topic = RUBRIC.topic("model-deployment")
    agency = "I was a booker at a modelling agency and tracked every model's bookings."
    ml = "I tracked every model's drift in Grafana."
    got = [
        SCORER.outcome(text, topic, list(topic.criteria)).reading.sentences[0].marks.about
        for text in (agency, ml)
    ]
    assert got == [False, True]


def test_a_career_move_into_data_does_not_make_other_work_data_work() -> None:
    answer = (
        "I was a stage manager in touring theatre for six years before I moved into data, so "
        "documentation was my whole job. I kept the prompt book for each show, every cue and every "
        "note, updated after every rehearsal, so any deputy could run the show from it. Before each "
        "transfer I presented the technical rider to the venue's crew and the producer, and the "
        "producer signed off the get-in once the technical manager had agreed it. I also wrote a "
        "plain-English version for the front-of-house staff."
    )
    topic = RUBRIC.topic("collaborative-working-am1")
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    assert [j.status for j in got.judgments] == ["partly", "partly"]
    assert slots("model-scoping", "I cleaned the data before I moved into modelling.") != set()


def test_a_word_used_in_another_sense_means_it_throughout_the_answer() -> None:
    # "a model railway society" sets the sense of "model" for the whole answer
    answer = (
        "I'm the stock secretary of a model railway society, so I manage current and legacy models. "
        "I wrote our process for decommissioning them: when a model can't run reliably it goes "
        "before the committee, we record it in the stock book, and it is sold or kept for spares, "
        "in line with the society's policy. I retired four of them in 2024 and archived their records."
    )
    assert credited("model-management", answer, "Tell me about it.") == []


def test_automating_machinery_is_not_data_work() -> None:
    answer = (
        "At my uncle's car wash I spotted the potential for automation: two staff spent every hour "
        "pre-rinsing. I visited two sites with automatic jet-wash arches and worked out the payback. "
        "We integrated the arch into the existing routine, and the Saturday queue went from forty "
        "minutes to fifteen."
    )
    assert credited("engineering-principles", answer, "Tell me about it.") == []


def test_a_committee_or_a_train_ticket_is_not_version_tracking() -> None:
    topic, label = "model-deployment", "tracking versions and runs"
    assert label in slots(topic, "I committed the model code to the repository.")
    assert label in slots(topic, "I logged the change in a ticket.")
    assert label not in slots(topic, "I presented the model to the risk committee.")
    assert label not in slots(topic, "I bought a train ticket for the model review.")


def test_customers_and_sales_as_data_are_not_the_business_need() -> None:
    topic, label = "model-scoping", "the business need behind them"
    assert label in slots(topic, "I agreed the metric with the customers who use it.")
    assert label not in slots(topic, "I chose the metric after joining the customer records.")
    assert label not in slots(topic, "I chose the metric from three years of sales history.")


def test_keeping_the_score_of_a_cricket_match_is_not_ml_work() -> None:
    topic = RUBRIC.topic("engineering-principles")
    reading = SCORER.outcome(
        "I score for my local cricket club every weekend.", topic, list(topic.criteria)
    ).reading
    assert not any(s.marks.about for s in reading.sentences)


def test_spreadsheet_models_and_a_sustainable_pace_are_other_senses() -> None:
    finance = (
        "In the finance team we had dozens of legacy Excel cash-flow models, some ten years old. "
        "I set up a register of every model with its owner and review date, moved the current ones "
        "into SharePoint with version history, and decommissioned the old ones by locking them "
        "read-only in an archive, in line with the finance procedures manual."
    )
    assert credited("model-management", finance) == []
    pace = (
        "Sustainability for me is about not burning out. I pushed for a sustainable pace in the data "
        "team: no deploys on Fridays and a proper on-call rota in PagerDuty, and overtime went down "
        "by a third."
    )
    assert credited("sustainability", pace) == []


def test_product_models_with_spare_parts_are_not_ml_models() -> None:
    answer = (
        "At the washing machine maker I manage our legacy models: the older product models we no "
        "longer sell but still support with spare parts for ten years. When a model reaches end of "
        "support I run the decommissioning process in SAP, notify the service engineers and sell the "
        "remaining spares to a wholesaler. Last year we decommissioned fourteen legacy models."
    )
    assert credited("model-management", answer) == []


def test_a_word_that_only_stems_or_starts_like_a_phrase_is_not_it() -> None:
    # "packaging" is waste, a Python package is not; "minuted" approval is not a forty-minute slot
    impact = "the environmental impact"
    assert impact in slots("sustainability", "I cut the plastic packaging on our parcels by 20%.")
    assert impact not in slots("sustainability", "I packaged the model as a Python package.")
    approval = "approval for handover"
    assert approval in slots(
        "collaborative-working-am1", "The board minuted its approval of the model in May."
    )
    assert approval not in slots(
        "collaborative-working-am1", "I presented the model to the buyers in a forty-minute slot."
    )
    # a demographic is not a demo
    assert "the reports, presentations and documents you produced" not in slots(
        "collaborative-working-am1", "I checked the model's errors by demographic group."
    )


def test_an_old_library_version_and_a_gateway_are_not_retraining_or_a_release_gate() -> None:
    topic = "model-deployment"
    retraining, testing = "continual learning and retraining", "testing new versions before release"
    assert retraining in slots(
        topic, "I kept the old version of the model as a fallback for a month."
    )
    assert retraining not in slots(
        topic, "The scan found an old version of a library with a known CVE, so I upgraded it."
    )
    assert testing in slots(topic, "I added a gate to the pipeline so a worse model cannot ship.")
    assert testing not in slots(topic, "I put the endpoint behind the API gateway with token auth.")


def test_pulling_a_models_records_is_fetching_them_not_taking_the_model_down() -> None:
    mm = "model-management"
    assert "decommissioning" not in slots(
        mm, "I pulled the pricing model's records and its change history for the auditor."
    )
    assert "decommissioning" not in slots(
        mm, "I pulled the model's logs to check last month's scores."
    )
    assert "decommissioning" in slots(mm, "I pulled the old model from production last March.")
    assert "decommissioning" in slots(mm, "We pulled it offline once the new model was signed off.")
