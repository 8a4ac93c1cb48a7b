"""Near misses on the professional topics (issue #13): half a criterion is "partly", and the other
half in plain words makes it "evidenced". Each test scores a pair of answers: the near miss and the
same answer with the missing part said."""

from __future__ import annotations

from tests.scoring.verdicts import RUBRIC, SCORER, status

HANDOVER = (
    "I built a model that predicts which boilers in our housing stock will fail this winter. "
    "I ran two workshops with the repairs supervisors and the planners to show them the weekly "
    "list and where it was wrong. I wrote a four-page report on the accuracy by area and presented "
    "it to the head of repairs. {approval}"
)


def test_handover_needs_its_approval_not_the_handover_alone_or_a_scoping_approval() -> None:
    criterion = "collaborative-working-am1/pass-1"
    signed = "She signed the handover form, and the planners have used the list since October."
    assert status(criterion, HANDOVER.format(approval=signed)) == "evidenced"
    handed = "After that the model was handed over to the IT support team in October."
    assert status(criterion, HANDOVER.format(approval=handed)) == "partly"
    scoping = "Before I started she approved the budget and the success measure we agreed."
    assert status(criterion, HANDOVER.format(approval=scoping)) == "partly"


CPD = (
    "I work on the crop yield models at an agritech firm. {find} I tried the method on our own "
    "field images that week and it cut the labelled images we needed from 4,000 to 1,500, so we now train that way."
)


def test_a_colleague_s_find_or_booked_training_is_not_the_learner_s_initiative() -> None:
    criterion = "continuous-professional-development/pass-1"
    mine = "In my own time I read a new paper on arXiv about self-supervised pretraining."
    assert status(criterion, CPD.format(find=mine)) == "evidenced"
    theirs = (
        "A senior colleague brought a new arXiv paper on self-supervised pretraining, and she "
        "tried it on our classifier. I helped her with the data loading."
    )
    assert (
        status(criterion, CPD.format(find=theirs).replace(" I tried the method", " We used it"))
        == "partly"
    )
    booked = (
        "My manager had booked the whole team onto a course on new self-supervised methods, "
        "and I completed the mandatory training modules the company rolled out."
    )
    assert status(criterion, booked) != "evidenced"


def negated(sentence: str) -> bool:
    """Whether the scorer reads `sentence` as the learner's own action negated."""
    topic = RUBRIC.topic("compliance-assurance")
    (only,) = SCORER.outcome(sentence, topic, list(topic.criteria)).reading.sentences
    return only.marks.negated


def test_a_stance_is_not_work_left_undone() -> None:
    # "I wasn't comfortable with that" is the learner's stance (integrity), not a negated action
    assert not negated("I wasn't comfortable with that, so I took it to the DPO.")
    assert not negated("I wasn't happy with the recall on rural roads, so I retrained it.")
    assert negated("I didn't check the consent for that data before training.")
    assert negated("I wasn't involved in the data protection assessment.")
    # a good outcome told as an absence is not work undone
    assert not negated("Since then we've had no complaints from the depot managers.")
    assert negated("We had no time to test it on the night shift.")


def test_in_a_way_that_is_a_manner_not_a_hedge() -> None:
    criterion = "compliance-assurance/pass-1"
    answer = (
        "At the insurer the security culture in the data team was relaxed {how} for our models. "
        "People installed any Python package a blog suggested into the shared training environment. "
        "I pointed out to my lead that this was a route for a malicious package into the fraud "
        "model. I set up an internal package mirror with an allowlist and ran a lunchtime session on "
        "typosquatting. After three months nobody installed straight from the public index."
    )
    assert status(criterion, answer.format(how="in a way that mattered")) == "evidenced"
    # the control: the hedge "in a way" leaves the culture unstated
    assert status(criterion, answer.format(how="in a way, and it mattered")) == "partly"


STAKEHOLDERS = (
    "My model forecasts parcel volumes for the regional hub, and two shift managers each wanted me "
    "to rebuild their area's forecast first, because both were short of agency staff. "
    "I met them separately and ran both options through a backtest on the last six weeks of "
    "volumes. {settled}"
)


def test_negotiating_needs_something_settled_not_only_the_evidence_shown() -> None:
    criterion = "collaborative-working-am2/pass-1"
    shown = (
        "I showed both managers the numbers side by side and let the operations director decide, "
        "and she picked the inbound forecast."
    )
    assert status(criterion, STAKEHOLDERS.format(settled=shown)) == "partly"
    deal = (
        "I showed both managers the numbers, and we agreed a compromise: inbound first, with a "
        "stopgap weekly forecast for outbound until the new one went live in four weeks."
    )
    assert status(criterion, STAKEHOLDERS.format(settled=deal)) == "evidenced"


STRATEGY = (
    "On the flood risk model I had the asset engineers, the contact centre and our drainage "
    "contractor, and they all wanted different things. I met each group separately first, because "
    "in a joint meeting the loudest team always won, and then agreed a compromise: a weekly list "
    "for the contractor and a daily urgent file for the engineers. I chose separate meetings on "
    "purpose, and looking back it was the right call because each group said what it needed. {impact}"
)


def test_a_justified_strategy_needs_its_impact_on_the_organisation() -> None:
    criterion = "collaborative-working-am2/dist-1"
    assert status(criterion, STRATEGY.format(impact="")) == "partly"
    impact = "Repeat flooding complaints dropped from 40 a month to 12 within the first quarter."
    assert status(criterion, STRATEGY.format(impact=impact)) == "evidenced"


BAKERY = (
    "I built the daily sales forecast that sets how much each of our forty shops bakes. "
    "{problem} I went to the operations director with the figures and proposed forecasting per "
    "shop per hour, so each shop bakes two smaller batches. I ran it in six shops for a month and "
    "it is now the default for all forty shops."
)


def test_sustainability_needs_the_environmental_side_not_only_cost() -> None:
    criterion = "sustainability/pass-1"
    cost = "Overtime for the bakers was costing us about £3,000 a month, and I noticed it."
    assert status(criterion, BAKERY.format(problem=cost)) == "partly"
    waste = (
        "We were binning about eleven per cent of the bread every night. I measured it for each "
        "shop, because food waste is the biggest part of our scope 3 emissions."
    )
    assert status(criterion, BAKERY.format(problem=waste)) == "evidenced"


def test_a_spare_machine_does_not_make_a_model_a_product_line() -> None:
    # "spares" (spare parts) is another sense of "model"; "a spare till" is not
    criterion = "continuous-professional-development/pass-1"
    answer = (
        "Nobody asked me to, but I kept seeing people on a GitHub issue tracker running small "
        "models on laptop CPUs after 4-bit quantisation. I spent two evenings reading "
        "the write-ups, then tried a 1B model on a spare till with our 300 most common customer "
        "questions, and it answered 84% acceptably. I wrote that up for my lead, and we now have "
        "a pilot in three cinemas."
    )
    assert status(criterion, answer) == "evidenced"
    assert (
        status(criterion, answer.replace("a spare till", "a till we keep for spares")) == "partly"
    )


def test_a_score_threshold_is_ml_work_and_a_named_method_is_concrete() -> None:
    criterion = "collaborative-working-am2/pass-3"
    answer = (
        "Card fraud team. Our analysts split over the {what} after the card scheme changed its "
        "rules mid-quarter. I replayed last quarter's transactions at both settings, shared losses "
        "and review hours with both camps, and we picked the higher one. It meets the bank's "
        "target of cutting manual reviews by a fifth."
    )
    assert status(criterion, answer.format(what="alert threshold")) == "evidenced"
    assert status(criterion, answer.format(what="review rota")) == "partly"
    method = (
        "Housing charity: my arrears model serves our strategic aim of preventing evictions. "
        "Our grant was cut mid-project, so I re-planned to a {how} we could maintain. Each region "
        "wanted to go first, so I heard both sides, then ranked the regions by eviction "
        "notices per tenancy and started with the higher one."
    )
    assert status(criterion, method.format(how="logistic regression")) == "evidenced"
    assert status(criterion, method.format(how="simpler approach")) == "partly"


def test_respecting_someone_else_s_decision_is_not_deciding_impartially() -> None:
    criterion = "collaborative-working-am2/pass-3"
    answer = (
        "My demand forecast supports our strategy to cut the cost per delivery by 8% this year. "
        "In March a new director arrived and suddenly said route optimisation mattered more. "
        "{decision}"
    )
    theirs = "My manager decided to pause my forecast and move me to routes, and I respected it."
    assert status(criterion, answer.format(decision=theirs)) != "evidenced"
    mine = (
        "I met both leads and compared the two options on the same figures, hours saved "
        "per week, and recommended routes first, which both accepted."
    )
    assert status(criterion, answer.format(decision=mine)) == "evidenced"
