"""Issue #13, a held-out non-native answer: people labelling photos or images for a model is data work
(the criteria's object), so inclusive work with those labellers can be credited; sticking shipping
labels on parcels is not."""

from __future__ import annotations

import pytest

from tests.scoring.verdicts import status

ANSWER = (
    "In our logistics company I lead the project where the warehouse staff {task}, and they come "
    "from many countries. I make the instructions with pictures, not long text, and translate them "
    "to Polish and Romanian with help from two team leaders. I run the training on the night shift "
    "too, because night staff always miss it. One colleague is deaf, so I send the video with "
    "captions and we use the chat for questions. After the project I write the wiki page so the "
    "other site can run it without me."
)


@pytest.mark.parametrize(
    "task", ["label photos of damaged parcels", "label the images of damaged parcels"]
)
def test_labelling_photos_for_a_model_is_data_work(task: str) -> None:
    assert status("collaborative-working-am2/pass-2", ANSWER.format(task=task)) == "evidenced"


def test_sticking_labels_on_parcels_is_not() -> None:
    answer = ANSWER.format(task="put the shipping labels on parcels")
    assert status("collaborative-working-am2/pass-2", answer) == "partly"
