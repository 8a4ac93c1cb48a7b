"""Invariants of the calibration set (tests/data/calibration/dev.jsonl and test.jsonl): the yardstick
for both scorers, so its shape is pinned here. See docs/calibration.md for how it was written."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.evaluate import ADVERSARIAL_KINDS, KINDS, Item, load_items

DATA = Path(__file__).resolve().parents[1] / "data" / "calibration"
SPLITS = ("dev", "test")


@pytest.fixture(scope="module")
def splits() -> dict[str, list[Item]]:
    # load_items already checks each line's schema, that labels cover exactly the topic's criteria
    # and that ids are unique within a file.
    return {name: load_items(DATA / f"{name}.jsonl") for name in SPLITS}


@pytest.fixture(scope="module")
def items(splits: dict[str, list[Item]]) -> list[Item]:
    return [i for name in SPLITS for i in splits[name]]


def test_size_and_topic_coverage(items: list[Item]) -> None:
    rubric = load_rubric()
    assert len(items) >= 220
    per_topic = Counter(i.topic for i in items)
    assert set(per_topic) == set(rubric.topic_ids)
    assert min(per_topic.values()) >= 20, per_topic


def test_every_kind_present_overall_and_in_each_topic(items: list[Item]) -> None:
    assert set(Counter(i.kind for i in items)) == set(KINDS)
    for topic in load_rubric().topic_ids:
        kinds = {i.kind for i in items if i.topic == topic}
        assert kinds == set(KINDS), (topic, kinds)


def test_kind_mix_is_roughly_as_designed(items: list[Item]) -> None:
    share = {k: n / len(items) for k, n in Counter(i.kind for i in items).items()}
    assert 0.28 <= share["strong"] <= 0.42
    assert 0.18 <= share["partial"] <= 0.32
    assert 0.10 <= share["weak"] <= 0.20
    assert 0.07 <= share["gaming"] <= 0.15
    assert 0.05 <= share["injection"] <= 0.12
    assert 0.04 <= share["offtopic"] <= 0.11


def test_labels_cover_exactly_the_topic_criteria(items: list[Item]) -> None:
    rubric = load_rubric()
    for i in items:
        assert set(i.labels) == {c.id for c in rubric.topic(i.topic).criteria}, i.id


def test_adversarial_items_credit_nothing(items: list[Item]) -> None:
    for i in items:
        if i.kind in ADVERSARIAL_KINDS:
            assert set(i.labels.values()) == {"not_evidenced"}, i.id


def test_strong_items_evidence_something_and_every_criterion_has_positives(
    items: list[Item],
) -> None:
    for i in items:
        if i.kind == "strong":
            assert "evidenced" in i.labels.values(), i.id
    positives = Counter(c for i in items for c, v in i.labels.items() if v == "evidenced")
    every = {c.id for t in load_rubric().topics for c in t.criteria}
    assert set(positives) == every, sorted(every - set(positives))


def test_ids_unique_answers_not_duplicated_and_splits_disjoint(
    splits: dict[str, list[Item]], items: list[Item]
) -> None:
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))
    answers = [" ".join(i.answer.split()).lower() for i in items]
    assert len(answers) == len(set(answers))
    dev, test = ({i.id for i in splits[n]} for n in SPLITS)
    assert not dev & test
    assert {i.answer for i in splits["dev"]}.isdisjoint({i.answer for i in splits["test"]})


def test_split_is_about_half_and_stratified(splits: dict[str, list[Item]]) -> None:
    dev, test = splits["dev"], splits["test"]
    assert abs(len(dev) - len(test)) <= 0.1 * (len(dev) + len(test))
    for key in ("topic", "kind"):
        a = Counter(getattr(i, key) for i in dev)
        b = Counter(getattr(i, key) for i in test)
        assert set(a) == set(b), key
        for value in a:
            assert abs(a[value] - b[value]) <= 2, (key, value, a[value], b[value])


def test_answers_are_spoken_length_and_questions_present(items: list[Item]) -> None:
    for i in items:
        words = len(i.answer.split())
        assert 80 <= words <= 350, (i.id, words)
        assert i.question.strip(), i.id
