"""Forms fresh answers use that the reading layers must take as what they say (issue #13, fifth
session): a person described by what they had never done is not work left undone; a terse note
opening with a verb spelt alike in present and past ("Read about it...") is told in the past when it
goes on in the past."""

from __future__ import annotations

import pytest

from practice_bot.scoring import scope
from practice_bot.scoring.markers import elided_subject, own_action
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.text import normalise, words
from tests.scoring.verdicts import RUBRIC, status


def left_undone(sentence: str) -> bool:
    tokens = words(normalise(sentence))
    return scope.negated(tokens)


@pytest.mark.parametrize(
    "sentence",
    [
        "In March, Tom, a data analyst who'd never touched it, retrained it on his own.",
        "A new starter who hadn't used git before deployed it from the README.",
        "Priya, who had never seen the pipeline, reran it from my runbook.",
    ],
)
def test_a_person_described_by_what_they_had_not_done_is_not_work_left_undone(
    sentence: str,
) -> None:
    assert not left_undone(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We handed it to ops, who never monitored it.",  # simple past: their work left undone
        "The data team never checked it for drift.",
        "It hasn't been updated since.",
    ],
)
def test_work_left_undone_is_still_negated(sentence: str) -> None:
    assert left_undone(sentence)


DOCS = (
    "I built a model that ranks our 6,000 homes by the risk of damp and mould. "
    "Before handover I presented it to the housing officers' monthly meeting. "
    "For the team I wrote a page in Confluence covering what data goes in, how each field is "
    "cleaned, how to retrain it and what the scores mean. "
    "In March, Tom, a data analyst who'd never touched it, retrained it on his own from that page "
    "while I was on leave."
)


def test_documentation_someone_new_used_on_their_own_is_credited() -> None:
    assert status("collaborative-working-am1/pass-2", DOCS) == "evidenced"
    # the control: the same documentation, with nobody using it, is only part of the criterion
    alone = DOCS[: DOCS.index(" In March")]
    assert status("collaborative-working-am1/pass-2", alone) != "evidenced"


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("Read about conformal prediction on a blog, tested it on our ETA model.", True),
        ("Set up alerts in Grafana, added a weekly PSI check.", True),
        ("Read the docs every week.", False),  # a habit, not a past note
        ("Set by the vendor, tested by us.", False),  # a passive
    ],
)
def test_a_note_opening_with_a_verb_spelt_alike_in_the_past(sentence: str, told: bool) -> None:
    assert elided_subject(words(normalise(sentence))) is told


CPD = (
    "Read about conformal prediction on a blog, tested it on our scaffold-delivery ETA model in my "
    "own time, showed the ops lead. ETA ranges from it now go out on the customer texts."
)


def test_a_terse_cpd_note_told_in_the_past_is_credited() -> None:
    assert status("continuous-professional-development/pass-1", CPD) == "evidenced"
    # the control: the same note as a habit, with nothing applied, is not
    habit = "Read about new methods on blogs in my own time."
    assert status("continuous-professional-development/pass-1", habit) != "evidenced"


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        ("The union rep worry we use data to judge individual pickers.", False),
        ("The nurses thought that we were replacing them.", False),
        ("I thought we should check it, so I ran the backtest.", True),  # the learner's own action
        ("Staff felt we were watching them, so I showed them the model only uses totals.", True),
    ],
)
def test_someone_elses_view_of_what_we_do_is_not_own_practice(sentence: str, own: bool) -> None:
    assert own_action(words(normalise(sentence)))[0] is own


TEAM = (
    "At the zoo, the visitor numbers model, we built a pipeline in Airflow that pulls the ticket "
    "sales every night, and then the model gets retrained and pushed to an endpoint on SageMaker. "
    "We used a CI pipeline in GitHub Actions so when we merge it deploys, and there was a staging "
    "environment first. It's been running about a year now. "
)


def test_a_teams_we_is_the_teams_when_the_learner_says_their_part_was_elsewhere() -> None:
    criterion = "experiment-tracking/pass-3"
    mine = TEAM + "I wrote the Airflow DAG and the GitHub Actions workflow myself."
    assert status(criterion, mine) == "evidenced"  # the control: the learner's own part
    theirs = (
        TEAM + "The data engineers did a lot of that, to be honest, and I was mostly on the "
        "dashboard side at that point."
    )
    assert status(criterion, theirs) != "evidenced"


def test_cultures_grown_in_a_lab_are_not_a_security_culture() -> None:
    lab = (
        "Culture is central to our work at the microbiology lab. I built an image model that reads "
        "agar plates and flags cultures showing contamination. The main risk to the model was that "
        "cultures grown on a new supplier's plates looked different, so it flagged clean plates. I "
        "retrained it with 600 images and false alarms dropped from 12% to 3%."
    )
    assert status("compliance-assurance/pass-1", lab) != "evidenced"


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        ("Garage ID had 4,000 values, so I target-encoded it inside the folds.", True),
        ("I one-hot encoded the region codes.", True),
        ("We agree: fabric forecast two months ahead is the official one.", True),
        ("I agree that monitoring matters.", False),  # an opinion
        ("We agree with the auditors on most things.", False),
        ("The director had decided it before I even joined the project.", False),
        ("I feel stressed about the deadline.", False),
        # a subject and a word ending the sentence are no compound verb
        ("I'm planning to try it next quarter, and my manager is keen.", False),
        ("That is where we are.", False),
    ],
)
def test_compound_verbs_and_agreements_made_are_actions(sentence: str, own: bool) -> None:
    assert own_action(words(normalise(sentence)))[0] is own


NEGOTIATED = (
    "In the furniture factory I make forecast for demand of sofas. Sales team want forecast every "
    "week by model and colour, but warehouse team say they need it only by fabric and two months "
    "ahead, because fabric come from Turkey with long lead time. Their priorities was in conflict "
    "and both managers come to me separately. I organise one meeting with the two managers "
    "together, I show them forecast accuracy at each level, by colour weekly it was only 55% right, "
    "by fabric monthly 88%. "
)


def test_an_agreement_told_in_the_present_settles_the_conflict() -> None:
    criterion = "collaborative-working-am2/pass-1"
    settled = NEGOTIATED + (
        "We agree: fabric forecast two months ahead is the official one, sales get weekly view as "
        "guide only with big warning."
    )
    assert status(criterion, settled) == "evidenced"
    assert status(criterion, NEGOTIATED) != "evidenced"  # the conflict, nothing settled


def test_a_standard_named_in_lower_case_is_concrete() -> None:
    assurance = (
        "so i went through the companys ai assurance process which is built on the nist ai risk "
        "framework. so i filled in the risk register and the model card with the intended use and "
        "the output goes to the offers platform through the agreed json schema contract with a "
        "version number"
    )
    assert status("compliance-assurance/pass-2", assurance) == "evidenced"
    vague = (
        "so i went through the companys ai assurance process which is built on a risk framework. "
        "so i filled in the risk register with the intended use and the output goes to the offers "
        "platform through the agreed schema contract"
    )
    assert status("compliance-assurance/pass-2", vague) != "evidenced"


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        ("They agreed that we'd review it with the ward managers in March.", True),
        ("They agreed that we would review it with the ward managers in March.", True),  # the same
        ("They agreed that we'll review it in March.", False),  # decided, not yet done
        ("She said we'd need a notice on the ward.", False),  # what was said
        ("It went on the dashboard so that we'd see it every morning.", False),  # a purpose
        ("The manager decided we'd retrain it monthly.", True),
        ("We would retrain it monthly.", False),  # a plan
    ],
)
def test_a_modal_after_a_decision_or_a_report_is_read_one_way(sentence: str, own: bool) -> None:
    assert own_action(words(normalise(sentence)))[0] is own


TERSE_DOCS = (
    "Seed bank, X-ray viability classifier. Wrote a model card for the curators and a README with "
    "retraining steps. "
)


def test_a_dated_event_corroborates_a_terse_answer() -> None:
    criterion = "collaborative-working-am1/pass-2"
    dated = TERSE_DOCS + "Our other analyst reran it alone in March."
    assert status(criterion, dated) == "evidenced"
    undated = TERSE_DOCS + "Our other analyst reran it alone."
    assert status(criterion, undated) != "evidenced"  # a claim an assessor would probe


def test_a_word_with_the_head_of_ops_and_locked_exports_answer_a_culture() -> None:
    culture = (
        "so at the recruitment agency i built a model that ranks cvs for the warehouse jobs. the "
        "other thing was the culture the consultants were used to downloading cvs to their laptops "
        "and emailing them round and that included the training exports i'd made so i had a word "
        "with the head of ops. we locked the exports to the azure workspace and i did a ten minute "
        "slot at the monday meeting about why a leaked training set is worse than one leaked cv"
    )
    assert status("compliance-assurance/pass-1", culture) == "evidenced"
    unanswered = culture[: culture.index(" so i had a word")] + "."
    assert status("compliance-assurance/pass-1", unanswered) != "evidenced"


@pytest.mark.parametrize(
    "sentence",
    [
        "We agreed up front with the union rep, in writing, that it was an editing tool.",
        "I ran weekly sessions with the curators and the volunteers.",
    ],
)
def test_staff_representatives_and_front_line_roles_are_people_named(sentence: str) -> None:
    topic = RUBRIC.topic("collaborative-working-am2")
    reading = OfflineScorer().outcome(sentence, topic, list(topic.criteria)).reading
    assert reading.sentences[0].marks.people


SUBSTITUTES = (
    "At the online grocer I own the model that picks substitutes when an item is out of stock. "
    "Offline it looked fine, top-3 accuracy of 0.81, but 22% of substitutes were still being "
    "rejected at the door, and each rejection is a refund. I went through 500 rejections and found "
    "60% were dietary. {weighing}So I re-engineered the ranking: a hard filter on dietary "
    "attributes from the product catalogue, then a re-ranker using price difference. {stop}Every "
    "change went through a pull request with a model change note, data versioned in DVC and runs "
    "in MLflow. Rejections fell to 16% in a four-week A/B test."
)


def test_an_option_judged_by_what_it_would_not_have_done_is_evaluation() -> None:
    criterion = "model-testing-improvement/dist-1"
    weighed = SUBSTITUTES.format(
        weighing="Retraining with more data would not fix that, because the history barely "
        "contained those cases. ",
        stop="I stopped there deliberately. ",
    )
    assert status(criterion, weighed) == "evidenced"
    plain = SUBSTITUTES.format(weighing="", stop="")
    assert status(criterion, plain) != "evidenced"  # the practice without the weighing


def sentence_marks(answer: str, topic_id: str = "collaborative-working-am2") -> list[bool]:
    topic = RUBRIC.topic(topic_id)
    reading = OfflineScorer().outcome(answer, topic, list(topic.criteria)).reading
    return [s.marks.evaluation for s in reading.sentences]


@pytest.mark.parametrize(
    ("sentence", "evaluation"),
    [
        (
            "I choose this strategy because it is the best way, and the company was very happy.",
            False,
        ),
        ("One ticket staff found the model confuse two zebras because of mud, good catch.", False),
        ("It went really well because everyone could see it.", False),
        (
            "I chose weekly demos because the manager could see progress without a full release.",
            True,
        ),
        (
            "It worked well: complaints fell from 40 to 12 a month because the labels were clearer.",
            True,
        ),
    ],
)
def test_praise_is_not_evaluation(sentence: str, evaluation: bool) -> None:
    assert sentence_marks(sentence) == [evaluation]


@pytest.mark.parametrize(
    ("sentence", "own", "plan"),
    [
        ("We plan to add drift alerts next quarter.", False, True),
        ("I'm planning to add alerts in Grafana.", False, True),
        ("We aim to retrain it monthly.", False, True),
        ("I planned the sprints in Jira.", True, False),  # planning is work done
        ("I was involved in setting up the drift monitoring.", False, False),
        ("I was kept in the loop on the retraining.", False, False),
        ("I was seconded to the data team and built the pipeline.", True, False),
        ("I was responsible for monitoring it.", True, False),
    ],
)
def test_plans_and_being_involved_are_not_actions(sentence: str, own: bool, plan: bool) -> None:
    practice, hypothetical, _ = own_action(words(normalise(sentence)))
    assert (practice, hypothetical) == (own, plan)


def test_a_team_answer_with_the_learner_only_involved_earns_nothing() -> None:
    team = (
        "At the housing association we built a damp and mould risk model in Azure ML. We set up "
        "PSI alerts on the top ten features and a weekly precision check against surveyor visits, "
        "and we retrained it in March when the drift alert fired. {part}"
    )
    criterion = "model-management/pass-3"
    assert status(criterion, team.format(part="I wrote the PSI alert job myself.")) == "evidenced"
    involved = team.format(part="I was involved in the monitoring side.")
    assert status(criterion, involved) != "evidenced"


@pytest.mark.parametrize(
    ("sentence", "plan"),
    [
        ("A parish council complaint we'd had just went away.", False),  # "had had"
        ("I'd had three alerts that week, so I retrained it.", False),
        ("We'd add a second check next time.", True),
    ],
)
def test_d_had_is_had_not_would(sentence: str, plan: bool) -> None:
    assert own_action(words(normalise(sentence)))[1] is plan


def test_would_ve_reflects_as_would_have_does() -> None:
    marks = sentence_marks(
        "Without it the live system would've sent the crews mostly to town.", "model-deployment"
    )
    assert marks == [True]


POTHOLES = (
    "So I'm on the highways team at the council, and the model spots potholes from the dashcam "
    "footage on the bin lorries. When I validated the prototype I didn't just look at overall "
    "recall, I split it by ward, and rural roads were at 0.62 against 0.84 in town, because the "
    "training frames were mostly lit urban streets. So I got two thousand rural frames labelled, "
    "retrained, and the gap came down to four points. The ward report goes to the highways "
    "manager every month. {later}"
)


def test_what_the_learner_would_change_two_sentences_on_is_evaluation() -> None:
    topic = RUBRIC.topic("model-deployment")
    answer = POTHOLES.format(
        later="If I did it again I'd stratify the labelling from the start rather than find it at "
        "the end, because that cost us five weeks."
    )
    outcome = OfflineScorer().outcome(answer, topic, list(topic.criteria))
    verdict = next(v for v in outcome.verdicts if v.criterion_id == "model-deployment/dist-1")
    step = next(p for p in verdict.path if p.startswith("distinction"))
    assert "#5" in step.split("(needs 2)")[0]  # the looking-back sentence counts as evaluation


FERRY = (
    "At the ferry port, the operations manager wanted arrival-time predictions for every sailing "
    "within a month, while the finance lead wouldn't fund more than the freight routes until she'd "
    "seen savings. They'd stopped replying to each other's emails. I booked one meeting with both, "
    "brought a one-page sheet showing what each route cost us in idle dock crews when ferries ran "
    "late, and proposed doing the two busiest freight routes first, with a date in week six to "
    "decide on passenger routes based on the figures. Ops got something live in five weeks, "
    "finance got a go/no-go point, and I sent both of them the same weekly three-line update."
)


def test_a_conflict_told_plainly_and_settled_is_negotiation() -> None:
    assert status("collaborative-working-am2/pass-1", FERRY) == "evidenced"
    settled_only = FERRY[FERRY.index("I booked") :]
    assert status("collaborative-working-am2/pass-1", settled_only) != "evidenced"
