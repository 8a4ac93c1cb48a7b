"""model-testing-improvement/dist-1: "critically evaluates why they REFINE the model". A reason and a
figure with no change made to the model (a feature kept, a rule agreed) are not why the learner refined
it; the refinement has to be there too (issue #13, precision)."""

from __future__ import annotations

from tests.scoring import verdicts

WHY = "model-testing-improvement/dist-1"


def status(answer: str) -> str:
    return verdicts.status(WHY, answer, "Why do you refine your models?")


def test_a_reason_and_a_figure_without_a_refinement_are_not_enough() -> None:
    answer = (
        "I built the arrears model for a water company so the collections team could call early. "
        "I went through it stage by stage. Before collecting anything I checked with our data "
        "protection officer that we could use payment history, and we wrote a short assessment "
        "because it affects people who may be struggling. When cleaning I found duplicate accounts, "
        "and rather than pick one myself I agreed a rule with the data quality lead and logged it. "
        "At the feature stage I kept payment behaviour instead of postcode, which cost about two "
        "points of accuracy, because postcode tracked ethnicity in our tests."
    )
    assert status(answer) != "evidenced"


def test_a_refinement_with_its_reason_and_gain_is_evidenced() -> None:
    answer = (
        "I built the arrears model for a water company so the collections team could call early. "
        "The collections team told us it kept missing customers who had just lost their job, "
        "because the model only looked at the last year of payments. So I retrained it with a "
        "feature for a recent drop in payments, which took recall on new arrears from 61% to 78%, "
        "and I chose that over a bigger model because the team has to be able to explain a call."
    )
    assert status(answer) == "evidenced"


# The reason is often the problem found, told before any "I": a plain statement of it is the reason.
TOLD_FIRST = (
    "The chat moderation model at the studio was flagging too many harmless messages, and appeals "
    "showed a third of the mutes were wrong. I had two options: raise the threshold or retrain. I "
    "labelled 3,000 in-game messages with a moderator and retrained the model, rather than raising "
    "the threshold, which let real threats through. False flags went from 9% to 3% and recall on "
    "real abuse stayed at 0.92, so the trade-off was worth it."
)


def test_the_problem_told_before_the_learner_s_action_is_the_reason() -> None:
    assert status(TOLD_FIRST) == "evidenced"


def test_the_refinement_still_has_to_be_the_learner_s_own() -> None:
    told = TOLD_FIRST.replace("I labelled", "The vendor labelled").replace(
        "I had two options", "They had two options"
    )
    assert status(told) != "evidenced"
