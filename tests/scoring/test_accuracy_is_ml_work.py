"""The object of the criteria is ML or data work (rules/markers.toml `object`). A prototype whose
accuracy the learner measured is a model's work even when the answer never says "model"; "accuracy",
like "precision" and "recall", is a weak object: alone it does not make other work ML work when an
object word is used in another sense (issue #13, missed credit in plain words)."""

from __future__ import annotations

from tests.scoring import verdicts

LIVE = "model-deployment/pass-3"


def status(answer: str) -> str:
    return verdicts.status(LIVE, answer, "How did you take it live?")


def test_a_prototype_with_a_measured_accuracy_is_ml_work() -> None:
    answer = (
        "The prototype was a notebook that read scanned delivery notes and pulled out the supplier, "
        "the date and the total. To get it live I pulled the code out of the notebook into a "
        "package, wrote unit tests against three hundred notes with known answers, and wrapped it in "
        "a FastAPI service in a Docker container. For a month it ran in shadow in two depots while "
        "the clerks still typed the notes, and I compared the two: accuracy was 95 percent on the "
        "total, so I switched it on for every depot."
    )
    assert status(answer) == "evidenced"
