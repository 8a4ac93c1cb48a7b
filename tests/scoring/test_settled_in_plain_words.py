"""Issue #13, a held-out spoken answer: what the learner settled with the side that lost out is said in
plain words ("put her request into the backlog as the first thing for her team and she was fine with
it"), and is the settled part of negotiating conflicting priorities (collaborative-working-am2/pass-1)."""

from __future__ import annotations

import pytest

from tests.scoring.verdicts import status

ANSWER = (
    "I build the demand forecast for our chain of garden centres. Two area managers both wanted "
    "the new forecast in their area first, and both were pushing hard for it. I wrote down three "
    "criteria with my sponsor, the stock wasted, how clean the sales data was and staff capacity, "
    "and scored both areas, and the south came out ahead on data quality. I went and explained the "
    "scores to the other manager in person and listened to her points about her small sites. "
    "{settled}"
)


@pytest.mark.parametrize(
    "settled",
    [
        "I put a small-site adjustment into the backlog as the first thing for her area, and she "
        "was fine with it in the end.",
        "I put her small-site fix top of the backlog for her area and she was okay with that.",
    ],
)
def test_what_was_settled_said_plainly_counts(settled: str) -> None:
    assert status("collaborative-working-am2/pass-1", ANSWER.format(settled=settled)) == "evidenced"


def test_without_anything_settled_it_is_partly() -> None:
    answer = ANSWER.format(settled="The south went live in June.")
    assert status("collaborative-working-am2/pass-1", answer) == "partly"
