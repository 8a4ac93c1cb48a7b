"""Issue #13, a held-out terse sustainability note: training a model on GPUs is ML work (the criteria's
object), so a note that says so without the word "model" can be credited; the same note about the
office's printers cannot."""

from __future__ import annotations

import pytest

from tests.scoring.verdicts import status

NOTE = (
    "Measured our {what} emissions with a plug-in power meter: about 3 tonnes CO2 a year. "
    "Proposed to the facilities team moving the {jobs} to a low-carbon region and night hours; "
    "they adopted it as policy. Emissions down about half."
)


@pytest.mark.parametrize(
    ("what", "jobs"),
    [
        ("GPU training", "jobs"),
        ("nightly training", "training jobs"),
        ("A100", "GPU training runs"),
    ],
)
def test_gpu_training_names_ml_work(what: str, jobs: str) -> None:
    answer = NOTE.format(what=what, jobs=jobs)
    assert status("sustainability/pass-1", answer) == "evidenced"


def test_the_same_note_about_printers_is_not_ml_work() -> None:
    answer = NOTE.format(what="office printing", jobs="print jobs")
    assert status("sustainability/pass-1", answer) == "partly"
