"""Another field's real work told in the topic's words is not machine-learning work, whether or not
the answer states the job: a booking website taken "live" through dev, staging and production, a
cider farm's pressing "trials" and "the feature driving it", a report estate "decommissioned" with
"data quality checks", "eleven models of loom", a "care model", a pricing "model" that is an Excel
workbook (field.py `about_object`; a criterion's `data_work` in its rules; markers.toml `object_bare`,
`object_signs`; senses.toml "model*"). An ML answer in the same plain words keeps its credit."""

from __future__ import annotations

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.field import about_object
from practice_bot.scoring.offline import OfflineScorer, Verdict
from practice_bot.scoring.role import states_job
from practice_bot.scoring.text import normalise, words

RUBRIC = load_rubric()
SCORER = OfflineScorer()
OFF_OBJECT = "nothing in the answer names ML or data work"

WEBSITE = (
    "I led the build of the leisure centre's new class booking app. The prototype was a clickable "
    "mock-up we tried with fifteen members at reception, and then I built the real thing in Laravel "
    "with a MySQL database. To take it live I set up dev, staging and production environments, with "
    "a GitLab pipeline so nothing reached production without passing the tests and a code review "
    "from Tom, our other developer. We kept member data encrypted at rest and I ran a vulnerability "
    "scan on every release. It took 9,000 bookings in the first month and phone calls to reception "
    "fell by half."
)
# the same account of a model that flags bookings likely to be missed
NO_SHOW_MODEL = (
    "I led the build of the leisure centre's no-show model, which flags bookings likely to be "
    "missed so reception can offer the place to the waiting list. The prototype was a notebook we "
    "tried on last year's bookings, and then I rebuilt it as a small Flask service with a MySQL "
    "database. To take it live I set up dev, staging and production environments, with a GitLab "
    "pipeline so nothing reached production without passing the tests and a code review from Tom, "
    "our other developer. We kept member data encrypted at rest and I ran a vulnerability scan on "
    "every release. It scored 9,000 bookings in the first month and empty places fell by half."
)
CIDER = (
    "At the cider farm I run pressing trials every week and log each one in a spreadsheet: apple "
    "mix, pressing time, yeast strain and cellar temperature. Last autumn the sweetness kept "
    "swinging between tanks, so I set out to identify which variables were doing it. I changed one "
    "thing at a time and found the real feature driving it was the apple mix: the bramleys from one "
    "orchard varied from 9% to 12% sugar. I tested each change on a small tank and tuned the blend "
    "for the sweeter batches."
)
REPORTS = (
    "When I joined the housing association we had about 300 Crystal Reports on an old SQL Server "
    "box. I built a process to decommission them under our records policy and archived the report "
    "files to SharePoint. For data quality I set up checks in the nightly load, row counts and "
    "blank tenancy references."
)


def verdict(answer: str, criterion: str) -> Verdict:
    topic = RUBRIC.topic(criterion.split("/")[0])
    out = SCORER.outcome(answer, topic, topic.criteria)
    return next(v for v in out.verdicts if v.criterion_id == criterion)


def about(answer: str, topic_id: str, *, data_work: bool = False) -> bool:
    topic = RUBRIC.topic(topic_id)
    reading = SCORER.outcome(answer, topic, topic.criteria).reading
    return about_object(reading, SCORER.book.markers, data_work=data_work)


def test_a_website_taken_live_is_not_a_model_taken_live() -> None:
    v = verdict(WEBSITE, "model-deployment/pass-3")
    assert v.status == "partly"
    assert any(OFF_OBJECT in step for step in v.path)
    assert "machine-learning or data work" in v.reason


def test_the_same_account_of_a_model_keeps_its_credit() -> None:
    v = verdict(NO_SHOW_MODEL, "model-deployment/pass-3")
    assert v.status == "evidenced"
    assert not any(OFF_OBJECT in step for step in v.path)


@pytest.mark.parametrize(
    ("answer", "topic"),
    [(CIDER, "experiment-tracking"), (REPORTS, "model-management"), (WEBSITE, "model-deployment")],
)
def test_words_every_business_uses_need_a_sign_of_learning(answer: str, topic: str) -> None:
    # "data", "features", "SQL", "tests": nothing learns from data or predicts anything
    assert not about(answer, topic)


@pytest.mark.parametrize(
    "sign",
    [
        "It now flags the tanks likely to come out too sweet.",
        "I retrained it on the new season's pressings.",
        "It got twelve of them wrong.",
        "The false alarms fell to one a month.",
        "I fitted a model to last year's pressing logs.",
    ],
)
def test_one_sign_of_learning_or_predicting_anywhere_makes_it_ml_work(sign: str) -> None:
    assert about(CIDER + " " + sign, "experiment-tracking")


def test_data_work_is_the_object_of_a_criterion_about_data() -> None:
    answer = (
        "I started a monthly data clinic for the warehouse supervisors, where they bring a question "
        "and we answer it together from the stock data."
    )
    assert about(answer, "collaborative-working-am2", data_work=True)
    assert not about(answer, "collaborative-working-am2", data_work=False)


def test_automation_alone_is_not_data_work() -> None:
    answer = (
        "I run the test automation for our mobile banking app, and I brought in silent sticky notes "
        "in the retrospectives so the quieter testers were heard."
    )
    assert not about(answer, "collaborative-working-am2", data_work=True)


@pytest.mark.parametrize(
    "sentence",
    [
        # versions of a product
        "At the mill we had nine legacy models of overlocker still on the floor.",
        # a way of organising people's work
        "We brought in a new care model for residents with dementia, with a key worker each.",
        "I rewrote the staffing model for the night shifts.",
        # what the model is said to be
        "I look after the rota model, which is a big Excel workbook with forty tabs.",
        "The budget model is basically a spreadsheet with a bit of VBA behind it.",
    ],
)
def test_a_model_in_another_sense_is_not_the_object(sentence: str) -> None:
    answer = sentence + " I reviewed it every month and updated it when the guidance changed."
    assert not about(answer, "model-management", data_work=True)


@pytest.mark.parametrize(
    "sentence",
    [
        "I built a model of which items are bought together, so fast movers sit near dispatch.",
        "I look after the claims fraud model, which scores every new claim.",
        "My churn model replaced the old Excel forecast last year.",
        "I retired three old mortgage models in March.",
    ],
)
def test_an_ml_model_in_plain_words_is_the_object(sentence: str) -> None:
    answer = sentence + " I reviewed it every month and updated it when the guidance changed."
    assert about(answer, "model-management")


@pytest.mark.parametrize(
    ("criterion", "data_work"),
    [
        ("model-deployment/pass-3", False),  # taking prototypes live: a model's
        ("experiment-tracking/pass-1", False),
        # a topic about models, though the wording names data: "...relevant to data management"
        ("model-deployment/pass-1", False),
        ("model-management/pass-2", False),  # "the implications of data types on security"
        ("collaborative-working-am2/pass-2", True),  # names neither: data work is its object too
        ("collaborative-working-am1/pass-1", False),  # "...documentation on the model development"
        (
            "collaborative-working-am1/pass-2",
            False,
        ),  # "machine learning and data science techniques"
        ("compliance-assurance/pass-1", False),  # "security risk for Machine Learning solutions"
        ("compliance-assurance/pass-3", True),  # "the use of data and machine learning models"
    ],
)
def test_whether_data_work_is_a_criterions_object_is_in_its_rules(
    criterion: str, data_work: bool
) -> None:
    topic = RUBRIC.topic(criterion.split("/")[0])
    found = next(c for c in topic.criteria if c.id == criterion)
    assert SCORER.book.concepts(found).data_work is data_work


@pytest.mark.parametrize(
    "sentence",
    [
        "My work is building the Power BI reporting, I am BI developer, I do not build any model.",
        "I am scrum master for the mobile banking app team, so I run the retrospectives.",
        "so im data engineer in a bank and I look after the nightly loads",
    ],
)
def test_a_job_title_without_an_article_anywhere_in_a_sentence_is_read(sentence: str) -> None:
    assert states_job(words(normalise(sentence)))


@pytest.mark.parametrize(
    "sentence",
    ["I am happy with it, so we kept it.", "I am responsible for the release of the model."],
)
def test_other_sentences_are_not_a_bare_job_title(sentence: str) -> None:
    assert not states_job(words(normalise(sentence)))


# A QA engineer's account, the job stated in its second sentence.
QA = (
    "Every day I write the API tests for our mobile banking app in Python with pytest. "
    "I am test engineer in the payments squad. When developers finish a feature, I write the test "
    "cases in Jira, and my automated regression suite runs in the GitLab pipeline before each "
    "release. Last month I found a bug in the new payee feature and we stopped the release."
)


def test_a_job_stated_mid_answer_is_read_and_python_is_not_ml_work_there() -> None:
    assert not about(QA, "experiment-tracking")
    # the same account by the ML engineer of the squad is the field's
    ml = QA.replace("I am test engineer", "I am the ML engineer").replace(
        "Last month", "I also retrained our fraud classifier, and last month"
    )
    assert about(ml, "experiment-tracking")


def test_a_job_sentence_naming_only_words_other_fields_use_is_another_fields() -> None:
    answer = (
        "I'm an audiologist in a hearing service, and last year I piloted a remote fine-tuning "
        "app with twenty patients from our rural clinics; eighteen preferred it."
    )
    assert not about(answer, "continuous-professional-development")


# Infusion pumps retired: "models" of a product, with serial numbers, and nothing learns or predicts.
PUMPS = (
    "When the trust replaced its infusion pumps I wrote the process to decommission the 600 old "
    "ones. Every pump was checked against the asset register, wiped of its drug library, tagged, "
    "and sent back to the manufacturer with a certificate for each serial number. The newer models "
    "were rolled out ward by ward, and I kept the legacy models in two wards until March."
)


def test_models_that_have_serial_numbers_are_products() -> None:
    assert not about(PUMPS, "model-management")


def test_models_that_have_serial_numbers_and_predict_are_ml_models() -> None:
    answer = PUMPS + " The newer models' alarms are also flagged by my model of likely occlusions."
    assert about(answer, "model-management")


# A traffic engineer's simulation: "the junction model", its "forecast year".
TRAFFIC = (
    "I moved our junction model for the high street to the new version of the traffic software. "
    "I checked the flows against the counts from March and kept the base year and the forecast "
    "year scenarios in separate folders with a version log. Journey times in the model were within "
    "15% of the observed times on every route."
)


def test_a_simulation_model_and_its_forecast_are_not_ml_work() -> None:
    # the model in another sense tells the field: "forecast" is that model's word too
    assert not about(TRAFFIC, "model-deployment")


def test_the_same_words_with_a_trained_model_are_ml_work() -> None:
    answer = TRAFFIC.replace("our junction model", "our journey-time model").replace(
        "traffic software", "scoring service, retrained on last year's journeys,"
    )
    assert about(answer, "model-deployment")


@pytest.mark.parametrize(
    ("sign", "learns"),
    [
        ("The new app flags any loop that misses the one-millimetre tolerance.", False),
        ("The big risk of the change was the Monday peak.", False),
        ("One group was flagged at twice the average rate, so I dropped the postcode.", True),
        ("It flags the tanks likely to come out too sweet.", True),
    ],
)
def test_a_check_that_flags_is_not_a_model_that_predicts(sign: str, learns: bool) -> None:
    assert about(CIDER + " " + sign, "experiment-tracking") is learns


def test_a_recommender_is_ml_work_however_short_the_answer() -> None:
    answer = (
        "Library book recommender. Marketing wanted children's loans in it; I refused, citing "
        "the Children's Code, and took it to the DPO."
    )
    assert about(answer, "compliance-assurance")


@pytest.mark.parametrize(
    "said",
    [
        "It's, er, it's a big Excel workbook really, a tab for each stop.",
        "It is basically a spreadsheet with a few formulas.",
        "Honestly the model is just a 3D drawing in the planning software.",
        "It's our biggest dbt model, forty minutes every morning.",
    ],
)
def test_a_model_said_to_be_a_spreadsheet_is_not_a_trained_model(said: str) -> None:
    answer = "I scoped the patronage model for the new route with the council. " + said
    assert not about(answer, "model-scoping")


@pytest.mark.parametrize(
    "said",
    [
        "It's fed by a weekly spreadsheet the depot sends.",
        "It is a gradient-boosted model that replaced the old Excel workbook.",
        "The model is a big improvement on the spreadsheet we had.",
    ],
)
def test_a_model_beside_a_spreadsheet_is_still_a_model(said: str) -> None:
    answer = "I scoped the patronage model for the new route with the council. " + said
    assert about(answer, "model-scoping")


def test_a_prototype_tested_against_past_cases_with_known_answers_is_ml_work() -> None:
    answer = (
        "The prototype was a notebook that read the repair requests tenants type into the portal "
        "and put the urgent ones at the top of the queue. To take it live I moved the code into a "
        "small service and wrote tests against 400 past requests with the right answers."
    )
    assert about(answer, "model-deployment")


def test_a_service_scoring_claims_is_ml_work() -> None:
    answer = (
        "I moved the scoring of our fraud alerts from a laptop to a small virtual machine, which "
        "scores a day's claims in four minutes, and I compared its cost with a managed service."
    )
    assert about(answer, "model-management")


@pytest.mark.parametrize(
    ("answer", "topic"),
    [
        (
            "Our squad's training data from the GPS vests showed the wingers were over their weekly "
            "load, so I refined the plan and capped high-speed running at 110% of each player's "
            "average. Soft tissue injuries fell from nine to four.",
            "model-testing-improvement",
        ),
        (
            "The weather model we run for the airport is the one the Met Office supplies; I chose "
            "to run its hourly update in the cloud, which was 30% cheaper than our servers.",
            "model-management",
        ),
    ],
)
def test_training_an_athlete_and_a_weather_model_are_not_ml_work(answer: str, topic: str) -> None:
    assert not about(answer, topic)


def test_training_data_of_a_model_is_ml_work() -> None:
    answer = (
        "The training data for the injury model came from two seasons of match records, and I "
        "capped the high-speed running features at the 99th percentile."
    )
    assert about(answer, "model-testing-improvement")


def test_a_databases_data_model_is_not_ml_work() -> None:
    answer = (
        "I wrote the page on the data model, which explains how an employee, a pay period and a "
        "pay element link together, because new developers kept asking about it."
    )
    assert not about(answer, "collaborative-working-am1")
    # "data, modelling" columns on a board are an ML project's stages
    board = "I ran the churn project on a Trello board with columns for backlog, data, modelling and done."
    assert about(board, "model-scoping")


def test_a_software_developer_building_a_model_is_in_the_field_but_a_bi_developer_is_not() -> None:
    ml = (
        "I'm a software developer at a bank, and I built the fraud model that flags card payments "
        "likely to be stolen."
    )
    assert about(ml, "model-scoping")
    bi = (
        "My work is the Power BI reporting, I am BI developer, and I built the model of the depot "
        "figures that predicts nothing, it only shows the dashboard."
    )
    assert not about(bi, "model-scoping")


def test_a_terse_feature_note_measured_on_unseen_months_is_ml_work() -> None:
    note = (
        "Features: sales lags at 7, 14 and 28 days, promo flags, school holidays. Dropped store "
        "ID, it leaked the answer. Accuracy on the last quarter up from 84% to 91%."
    )
    assert about(note, "experiment-tracking")


@pytest.mark.parametrize(
    ("answer", "topic"),
    [
        (
            "I built the features from the raw till data, dropped the loyalty tier because it was "
            "set using the very thing we wanted to know, and the version with the 30-day spend did "
            "best on the months I kept back.",
            "experiment-tracking",
        ),
        (
            "The Python code went into a container and a nightly job that sorts the day's "
            "complaints into five queues, and for two weeks it ran beside the complaints team.",
            "model-deployment",
        ),
    ],
)
def test_learning_told_in_plain_words_is_ml_work(answer: str, topic: str) -> None:
    assert about(answer, topic)


@pytest.mark.parametrize(
    ("answer", "topic", "learns"),
    [
        (
            "I split the data by date and tested it on 2023, cases it hadn't seen; it was right "
            "nine times out of ten there.",
            "experiment-tracking",
            True,
        ),
        (
            "I moved the Python for the invoice matching into a container and tested it on 500 "
            "invoices we had already matched by hand.",
            "model-deployment",
            True,
        ),
        (
            "I tested the new payroll in staging and checked 200 payslips by hand; the new one got "
            "every payslip right, and the employee data is encrypted at rest.",
            "model-deployment",
            False,
        ),
        (
            "I agreed the metric with the operations director and worked out which shifts will be "
            "short each week from last year's call data.",
            "model-scoping",
            False,
        ),
    ],
)
def test_plain_words_for_testing_on_unseen_cases_are_signs_a_payroll_check_is_not(
    answer: str, topic: str, learns: bool
) -> None:
    assert about(answer, topic) is learns
