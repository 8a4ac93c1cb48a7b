"""Word senses and required parts in the technical topics' rules (issue #13): cloud cover is not a
platform, a machine's safety inspection is not an audit of models, an app's test library is not a
machine-learning library, data kept under a retention schedule is not a model decommissioned, and
model-management/pass-2 needs the kinds of data as well as the infrastructure."""

from __future__ import annotations

from tests.scoring.verdicts import slots, status


def test_cloud_cover_is_not_a_platform() -> None:
    label = "the platform architecture"
    assert label in slots(
        "model-management", "I moved the nightly scoring job to the cloud on AWS."
    )
    assert label not in slots(
        "model-management",
        "I drop any satellite tile with more than 30% cloud cover before scoring.",
    )
    assert label not in slots(
        "model-management", "About a fifth of each tile was lost to cloud in the winter months."
    )


def test_a_safety_inspection_is_not_an_audit_of_models() -> None:
    label = "the audit activities"
    assert label in slots("model-management", "Internal audit reviewed my model records in May.")
    assert label not in slots(
        "model-management", "Two of the old presses had failed their safety inspection in May."
    )


def test_an_apps_test_library_is_not_a_machine_learning_library() -> None:
    label = "machine learning libraries"
    assert label not in slots(
        "experiment-tracking",
        "I write the API tests for the banking app in Python with the pytest library.",
    )
    assert label in slots(
        "experiment-tracking",
        "I used a Python package to train the forecasting model on the GPU box.",
    )
    assert label in slots(
        "experiment-tracking", "I built the pipeline with scikit-learn in VS Code."
    )


def test_a_season_or_a_split_is_not_feature_work() -> None:
    topic = "experiment-tracking"
    assert "feature engineering" not in slots(
        topic, "I tested it on last season, because sales are seasonal."
    )
    assert "feature engineering" in slots(topic, "I added a seasonal flag for the school holidays.")
    assert "feature selection" not in slots(
        topic, "I split train and test by customer so nothing could leak between them."
    )
    assert "feature selection" in slots(
        topic, "I dropped a leaking field that was only filled in after the claim was paid."
    )


def test_data_deleted_under_a_retention_schedule_is_not_a_model_decommissioned() -> None:
    label = "decommissioning"
    assert label not in slots(
        "model-management", "The raw frames are deleted after 30 days under our retention schedule."
    )
    assert label in slots(
        "model-management", "I retired the old churn model and archived it in the registry."
    )


INFRASTRUCTURE = (
    "I chose an on-prem GPU server over the cloud for our demand forecasting model, because the "
    "cloud quote was three times the cost. I checked the security of the vendor contract and every "
    "open source package we depend on, pinning each version in a lock file. The supplier quoted a "
    "twelve-week lead time for the GPU, so I ordered it in March and kept the old server as a backup."
)


def test_data_types_are_a_part_of_model_management_pass_2() -> None:
    criterion = "model-management/pass-2"
    assert status(criterion, INFRASTRUCTURE) == "partly"
    data = (
        " The data is till transactions and loyalty-card records, personal data, about 40 GB a "
        "month, so I encrypted it at rest and partitioned it by store to scale."
    )
    assert status(criterion, INFRASTRUCTURE + data) == "evidenced"
