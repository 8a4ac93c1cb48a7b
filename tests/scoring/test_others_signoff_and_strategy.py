"""Issue #13, held-out x/y answers: a sign-off someone else obtained is not the learner's approval for
handover (collaborative-working-am1/pass-1), and the organisation's strategy, or an evaluation that
only sits beside a plain statement of the setting, is not the learner justifying their stakeholder
strategy (collaborative-working-am2/dist-1). Each test scores the near miss and the answer with the
missing part said, so it can fail both ways."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scoring.verdicts import status

DEV = Path(__file__).parents[1] / "data" / "calibration" / "dev.jsonl"


HANDOVER = (
    "I built the model that ranks which claims go to the fraud team at an insurer. "
    "I wrote a six-page report in Confluence on its accuracy by claim type and ran two workshops "
    "with the claims handlers on how to read the score. {approval}"
)


@pytest.mark.parametrize(
    "approval",
    [
        "My manager did the presentation to the claims director and got the approval, I gave her "
        "some charts.",
        "She presented it to the board and she got the approval; I just sent her my slides.",
        "The sign-off side was my manager really, he got it signed off by the director.",
    ],
)
def test_a_sign_off_someone_else_got_is_not_the_learner_s(approval: str) -> None:
    assert (
        status("collaborative-working-am1/pass-1", HANDOVER.format(approval=approval)) == "partly"
    )


def test_the_learner_s_own_sign_off_still_counts() -> None:
    mine = "I presented the report to the claims director and she signed it off in March."
    assert status("collaborative-working-am1/pass-1", HANDOVER.format(approval=mine)) == "evidenced"


def held_out_answer(item_id: str) -> str:
    """The answer of a dev calibration item (the labels say what an assessor credits in it)."""
    for line in DEV.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] == item_id:
            return str(item["answer"])
    raise AssertionError(f"{item_id} not in {DEV}")


def test_evaluation_beside_the_organisation_s_strategy_is_not_a_justified_stakeholder_strategy() -> (
    None
):
    # a spoken answer: the company strategy, a takeover (the setting), then one impartial decision
    answer = held_out_answer("collaborative-working-am2-x03")
    assert status("collaborative-working-am2/pass-3", answer) == "evidenced"
    assert status("collaborative-working-am2/dist-1", answer) == "partly"
    justified = (
        " and looking back showing both leads the same numbers early was the right approach because"
        " it stopped it getting personal and failed deliveries fell by twelve percent that quarter"
    )
    assert status("collaborative-working-am2/dist-1", answer + justified) == "evidenced"
