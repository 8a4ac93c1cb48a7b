"""Issue #13: "impact" as a heading the options were weighed under ("a table: impact on waiting
times, impact on cost, effort") is the decision (collaborative-working-am2/pass-3), not the positive
effect the learner's stakeholder strategy had on the organisation (dist-1's required part)."""

from __future__ import annotations

from tests.scoring.verdicts import status

ANSWER = (
    "I work in the data team of a bus company, and my forecasting model tells the depots how many "
    "drivers to roster. Last spring the council changed the routes with two weeks notice. "
    "Operations wanted me to rebuild the model for the new routes, "
    "and finance wanted me to finish the cost dashboard first. I listened to both managers "
    "separately, then I made a simple table: impact on waiting times, impact on money, effort, "
    "and I shared it with both before I decided, because I wanted the choice to be open. "
    "The route model won because waiting times are our first priority, and the finance manager "
    "agreed after she saw the table.{effect}"
)


def test_impact_as_a_column_is_not_the_strategy_s_effect() -> None:
    assert status("collaborative-working-am2/dist-1", ANSWER.format(effect="")) == "partly"


def test_the_effect_it_had_said_as_a_result_counts() -> None:
    effect = (
        " Looking back, sharing the same table with both early was the right approach, because it "
        "kept it calm, and the impact was that missed buses fell by 15% that quarter, which saved "
        "the business about thirty thousand pounds."
    )
    assert status("collaborative-working-am2/dist-1", ANSWER.format(effect=effect)) == "evidenced"
