"""model-testing-improvement: "refine or re-engineer THE MODEL". Tuning a car, a motorbike or an
engine, told with the same words (improve, rebuild, log every change, a figure), is off-topic and
earns no credit; a model about cars still does (issue #13, close-wording off-topic answers)."""

from __future__ import annotations

from tests.scoring import verdicts

REFINE = "model-testing-improvement/pass-4"
WHY = "model-testing-improvement/dist-1"


def statuses(answer: str) -> dict[str, str]:
    return verdicts.statuses(REFINE.split("/")[0], answer, "How do you improve a model?")


def test_tuning_a_car_is_not_refining_a_model() -> None:
    for answer in (
        "I tune my track day car every winter. I had the ECU remapped and fitted a bigger turbo, which "
        "took it from 210 to 260 bhp on the dyno. I record every change in a spreadsheet with the "
        "date and the dyno printout, and after each event I go through the logged data to see where "
        "I lost time.",
        "I keep improving my motorbike. I rebuilt the gearbox and re-mapped the fuelling, and my lap "
        "times dropped by two seconds. I log each change in a notebook and I analyse the telemetry "
        "data after every race.",
    ):
        got = statuses(answer)
        assert got[REFINE] != "evidenced", answer
        assert got[WHY] != "evidenced", answer


def test_a_model_about_cars_is_still_a_model() -> None:
    answer = (
        "I look after the car insurance pricing model. I retrained it with another year of claims "
        "and added the driver's annual mileage as a feature, which cut the average error from 14% to "
        "11%. I logged every run in MLflow and the change went in through a pull request."
    )
    assert statuses(answer)[REFINE] == "evidenced"
