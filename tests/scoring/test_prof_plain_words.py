"""Plain words for the parts of six topics' criteria (issue #13, round 6): answers written for these
tests, not taken from the calibration set. Each evidenced answer gives its parts in the words
apprentices use; each near miss beside it lacks one part and stays short of credit. Word senses: a
"parking" manager does not park an idea, an appeal "type" is not retyping, a "key" is not keying in."""

from __future__ import annotations

import pytest

from tests.scoring.verdicts import status

INTEGRATED_AT_THE_COUNCIL = (
    "At the council I noticed the licensing officers spent about six minutes a form working out "
    "which kind of application it was. I timed a morning of it and pitched the idea to the parking "
    "manager myself. I trained a text classifier on two years of applications that were already "
    "coded, and rather than a new tool I plugged it into their case system so it pre-fills the "
    "application type and an officer confirms it. It now saves them about an hour a day."
)


def test_integration_through_a_case_system_beside_parking_and_a_type() -> None:
    assert status("engineering-principles/pass-5", INTEGRATED_AT_THE_COUNCIL) == "evidenced"


def test_spotting_without_integrating_is_not_enough() -> None:
    answer = (
        "At the council I noticed the licensing officers spent about six minutes a form working "
        "out which kind of application it was. I timed a morning of it and wrote it up for my "
        "manager. I trained a text classifier on two years of coded applications and it got 88% "
        "on the held-out month."
    )
    assert status("engineering-principles/pass-5", answer) != "evidenced"


def test_a_gap_between_groups_is_bias_in_plain_words() -> None:
    answer = (
        "On the loan arrears model I compared the error for each region and the model "
        "underestimated arrears in the north by about 12%. I traced it to the training data, which "
        "was mostly from southern branches because the north joined the system late. I oversampled "
        "the northern accounts and retrained, and the gap between regions came down to 3%."
    )
    assert status("engineering-principles/pass-4", answer) == "evidenced"


def test_error_for_one_group_is_bias_and_a_no_show_model_is_not_a_negation() -> None:
    answer = (
        "Our patient no-show model was wrong more often for younger patients. When I dug in, the "
        "training data came mostly from the two city clinics, so the model never saw how the rural "
        "clinics work, and one site logged cancellations as no-shows. I fixed the labels with the "
        "clinic managers, reweighted the rural records, and the error for under-25s came down from "
        "18% to 9%."
    )
    assert status("engineering-principles/pass-4", answer) == "evidenced"


def test_a_comparison_of_methods_without_maths_is_not_the_maths() -> None:
    # "oddly" is not "odds", a parcel's "weight" is not a model's weights
    answer = (
        "For call routing I compared keyword rules, logistic regression on TF-IDF and a fine-tuned "
        "BERT model. The rules were easy to maintain but missed anything phrased oddly. Logistic "
        "regression got 84% and BERT 89%, but BERT needed a GPU and was harder to explain to the "
        "contact centre, so I chose logistic regression because the managers wanted to see which "
        "words drove each decision."
    )
    assert status("engineering-principles/pass-3", answer) != "evidenced"


def test_a_gap_in_the_data_is_not_bias() -> None:
    answer = (
        "For the energy forecast I found a gap between the smart meter data and the billing data: "
        "about 8% of readings were missing, mostly when meters lost signal. I filled the gaps with "
        "interpolation and the MAPE dropped from 12% to 9%."
    )
    assert status("engineering-principles/pass-4", answer) != "evidenced"


def test_detection_models_named_plainly_are_methods() -> None:
    answer = (
        "For the shelf-gap project I tried two approaches. I first trained a gradient boosted "
        "classifier on shelf sensor weights, which was cheap but couldn't say which product was "
        "missing. Then I fine-tuned a YOLO detector on 2,000 shelf photos, which was slower and "
        "needed a GPU, but could see the gap and the product. We went with the detector because "
        "store staff needed to know what to refill."
    )
    assert status("engineering-principles/pass-2", answer) == "evidenced"


@pytest.mark.parametrize(
    ("criterion", "answer"),
    [
        (
            "sustainability/pass-1",
            "At the farm cooperative our sustainability plan commits to cutting pesticide use by a "
            "third. I noticed the sprayers covered whole fields although pests showed up in patches, "
            "so I argued for a trap-camera model with the agronomy manager and trained it on 5,000 "
            "labelled trap photos. I got it into the spray planning system the agronomists already "
            "use, and on the pilot farms pesticide use fell 28% in one season.",
        ),
        (
            "compliance-assurance/pass-3",
            "The retail loss team wanted face matching on the store CCTV to spot repeat "
            "shoplifters. I refused to build it without a DPIA and a lawful basis and took it to "
            "the DPO, who agreed it was too intrusive, so the model work was dropped and I logged "
            "the decision.",
        ),
        (
            "continuous-professional-development/pass-1",
            "Saw a thread on LinkedIn about quantile regression forests. Read the paper in my own "
            "time, then added prediction intervals to our demand forecast myself. Planners now get a "
            "range for each store, not one number.",
        ),
    ],
)
def test_plain_words_evidence_the_criterion(criterion: str, answer: str) -> None:
    assert status(criterion, answer) == "evidenced"


def test_a_reported_agreement_settles_conflicting_priorities() -> None:
    answer = (
        "At the housing association, the repairs team wanted the damp-risk model to flag every "
        "home with any risk, and finance wanted fewer surveys because each one costs about £200. "
        "I got both into one meeting and showed them what three thresholds would catch and what "
        "each would cost. They agreed the middle threshold, and that we'd review it after a "
        "quarter. I chose one joint meeting because separately each side only heard its own case, "
        "and the review took twenty minutes."
    )
    assert status("collaborative-working-am2/pass-1", answer) == "evidenced"
