"""What counts as reflection for a distinction criterion (issue #13): weighing, judging the impact,
saying what would change; not a figure compared with a baseline ("better than the rule before"),
which is a result."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def reflects(sentence: str) -> bool:
    topic = RUBRIC.topic("model-testing-improvement")
    (only,) = SCORER.outcome(sentence, topic, list(topic.criteria)).reading.sentences
    return only.marks.reflection


def test_a_result_better_than_a_baseline_is_not_reflection() -> None:
    assert not reflects(
        "The new model caught twelve per cent more fraud, better than the rule before."
    )
    assert not reflects("The retrained model was worse than the old one on night shifts.")


def test_weighing_and_judging_the_impact_still_are() -> None:
    assert reflects("In hindsight I would have kept the rule as a fallback.")
    assert reflects("The trade-off was recall against the analysts' time.")
    assert reflects("Compared with the rule before, it cut the queue by a third.")


def evaluates(sentence: str) -> bool:
    topic = RUBRIC.topic("model-testing-improvement")
    (only,) = SCORER.outcome(sentence, topic, list(topic.criteria)).reading.sentences
    return only.marks.evaluation


def test_a_cause_found_and_a_judgment_of_what_mattered_are_evaluation() -> None:
    assert evaluates("The cause was months in current employment, which mostly measures age.")
    assert evaluates("The drop was caused by a new supplier's labels.")
    assert reflects("The check in CI mattered more than the fix itself.")
    assert reflects("Recall was more important than precision for the fraud team.")
    # the control: a plain report is neither
    assert not evaluates("The first run failed with under-25s at 74%.")


def test_reflection_as_people_say_it_aloud() -> None:
    # spoken answers evaluate in plain words: what they learned, the weak spot, how it compares
    assert reflects("The thing I learned though, most of my drift alerts were bad data.")
    assert reflects("I'd be honest, the weak spot is the error only arrives two days later.")
    assert reflects("Whereas before we had these checks, a bad feed went straight through.")
    assert evaluates("The evidence it works is the range check stopping the run last March.")


def test_weighing_another_way_is_reflection() -> None:
    assert reflects("I did think about going the other way, flagging only the sure ones.")
    assert reflects(
        "The alternative was a rule on the amount, which would have missed the small ones."
    )
    assert reflects(
        "On an earlier project the union blocked it, so this time I went to the reps first."
    )


def test_weights_and_biases_is_a_tool_not_weighing_up() -> None:
    assert not reflects("Every experiment was tracked in Weights & Biases and reviewed in a PR.")
    assert reflects("I weighed recall against the analysts' time before choosing the threshold.")


def test_a_comparison_never_made_is_not_evaluation() -> None:
    # "I didn't compare it with any other option": a distinction needs the weighing done
    from practice_bot.scoring.offline import _evaluation

    topic = RUBRIC.topic("model-testing-improvement")
    answer = (
        "I swapped the rule-based parser for a LayoutLM model fine-tuned on 1,200 of our invoices. "
        "I didn't compare it with any other option, and we never measured the time it saved."
    )
    sentences = SCORER.outcome(answer, topic, list(topic.criteria)).reading.sentences
    assert sentences[1].marks.evaluation
    assert _evaluation(sentences, [sentences[0]], []) == []
