"""A creed claimed instead of the work ("it's part of my DNA", "that's my motto", "my mantra") is
self-praise (issue #13), also when speech without punctuation runs it into a first-person verb
("...that's my motto i identify i advocate i embed every model..."): it earns nothing (issue #20)."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer
from tests.scoring.verdicts import status

CREED = (
    "lean by design green by default net zero by conviction that's my motto i identify i advocate "
    "i embed every model i touch is aligned to organisational strategy and environmental "
    "objectives sustainability isn't an extra for me it's part of my dna as an engineer smaller "
    "models fewer emissions more impact i champion sustainable outcomes environmental and "
    "operational and i make sure everyone knows it"
)


def test_a_creed_run_into_first_person_verbs_earns_nothing() -> None:
    assert status("sustainability/pass-1", CREED) != "evidenced"


def test_a_creed_sentence_is_generic_and_an_account_beside_it_is_not() -> None:
    topic = load_rubric().topic("sustainability")
    answer = (
        "Measuring energy is part of my DNA. "
        "I measured our forecasting model's training energy with CodeCarbon: 40 kWh a run."
    )
    first, second = OfflineScorer().outcome(answer, topic, list(topic.criteria)).reading.sentences
    assert first.marks.generic
    assert not second.marks.generic and second.practice
