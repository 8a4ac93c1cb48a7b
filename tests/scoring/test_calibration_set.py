"""Invariants of the calibration set (tests/data/calibration/dev.jsonl and test.jsonl): the yardstick
for both scorers, so its shape is pinned here. See docs/calibration.md for how it was written."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.evaluate import ADVERSARIAL_KINDS, KINDS, STYLES, Item, load_items

DATA = Path(__file__).resolve().parents[1] / "data" / "calibration"
SPLITS = ("dev", "test")
V1_PER_TOPIC = 25  # ids <topic>-01 .. -25 are the v1 items (no style); v2 items carry on from -26
COPY_SUFFIX = "-unpunct"  # tools/unpunctuate_calibration.py's copies
COPY_STYLE = "spoken-unpunctuated-copy"
# The styles issue #13 asks for, each present in every topic written for v2 (spoken: either spoken style).
V2_STYLES_PER_TOPIC = {
    "terse", "non-native", "adjacency-trap", "word-sense-trap", "negated-hedged", "close-offtopic",
}  # fmt: skip
SPOKEN_STYLES = {"spoken", "spoken-unpunctuated"}
# Words the copies say for symbols ("30%" -> "30 per cent", "0.5" -> "0 point 5", "£2m" -> "2m pounds")
SPOKEN_SYMBOLS = {"per", "cent", "and", "plus", "point", "pounds", "dollars", "euros"}
V2_MIN_PER_TOPIC = 50  # v1 and v2 items of a topic written for v2, not counting the copies
# Blind items added to dev only (ids <topic>-mNN, -nNN, -hNN and -kNN; docs/calibration.md): styled, outside the split balance.
BLIND_ID = re.compile(r"-[mnhkpqrstuvwxyzjgbcdefiola]\d+(?:" + re.escape(COPY_SUFFIX) + ")?")


def number(item: Item) -> int | None:
    """The item's number within its topic (sustainability-07 -> 7); None for copies and odd ids."""
    m = re.fullmatch(re.escape(item.topic) + r"-(\d+)", item.id)
    return int(m.group(1)) if m else None


def is_blind(item: Item) -> bool:
    """Version 3: a blind dev-only item (`sustainability-m01`, `model-scoping-n01`) or its unpunctuated copy."""
    return bool(re.fullmatch(re.escape(item.topic) + BLIND_ID.pattern, item.id))


def originals(items: list[Item]) -> list[Item]:
    return [i for i in items if i.style != COPY_STYLE]


def v2_topics(items: list[Item]) -> set[str]:
    return {i.topic for i in items if i.style is not None}


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
    assert len(originals(items)) >= 275 + 27 * len(v2_topics(items))  # v1, plus 27+ per v2 topic
    per_topic = Counter(i.topic for i in originals(items))
    assert set(per_topic) == set(rubric.topic_ids)
    assert min(per_topic.values()) >= V1_PER_TOPIC, per_topic
    # Every topic written for v2 has 50 or more items of its own (copies not counted).
    assert len(v2_topics(items)) == 11  # every topic has v2 items
    for topic in v2_topics(items):
        assert per_topic[topic] >= V2_MIN_PER_TOPIC, (topic, per_topic[topic])


def test_v1_items_have_no_style_and_v2_items_have_one(items: list[Item]) -> None:
    for i in originals(items):
        if is_blind(i):
            assert i.style is not None, i.id
            continue
        n = number(i)
        assert n is not None, i.id
        assert (i.style is None) == (n <= V1_PER_TOPIC), (i.id, i.style)
    for topic in v2_topics(items):
        styles = {i.style for i in items if i.topic == topic}
        assert styles >= V2_STYLES_PER_TOPIC, (topic, sorted(V2_STYLES_PER_TOPIC - styles))
        assert styles & SPOKEN_STYLES, topic
    assert set(STYLES) >= V2_STYLES_PER_TOPIC | SPOKEN_STYLES


def test_trap_styles_fit_their_kinds(items: list[Item]) -> None:
    for i in items:
        if i.style == "close-offtopic":
            assert i.kind == "offtopic", i.id
        if i.style in {"adjacency-trap", "word-sense-trap", "keyword-trap", "negated-hedged"}:
            # usually partial or weak; a trap is never a strong answer, nor an injection
            assert i.kind not in {"strong", "injection"}, (i.id, i.kind)


def test_every_kind_present_overall_and_in_each_topic(items: list[Item]) -> None:
    assert set(Counter(i.kind for i in items)) == set(KINDS)
    for topic in load_rubric().topic_ids:
        kinds = {i.kind for i in items if i.topic == topic}
        assert kinds == set(KINDS), (topic, kinds)


def test_kind_mix_is_roughly_as_designed(items: list[Item]) -> None:
    mine = originals(items)
    share = {k: n / len(mine) for k, n in Counter(i.kind for i in mine).items()}
    assert 0.28 <= share["strong"] <= 0.45
    assert 0.18 <= share["partial"] <= 0.32
    assert 0.10 <= share["weak"] <= 0.22
    # The blind batches are weighted to near misses and close off-topic answers, so gaming and
    # injection shares have thinned as they joined dev; these floors still fail a set that lost them.
    assert 0.04 <= share["gaming"] <= 0.15
    assert 0.03 <= share["injection"] <= 0.12
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


def words(text: str) -> list[str]:
    """The answer's words, lower case, punctuation ignored: two answers that differ only in
    punctuation, capitals or spacing are the same answer."""
    return re.findall(r"[a-z0-9]+", re.sub(r"(?<=\d),(?=\d)", "", text.lower()))


def test_ids_unique_answers_not_duplicated_and_splits_disjoint(
    splits: dict[str, list[Item]], items: list[Item]
) -> None:
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))
    answers = [" ".join(words(i.answer)) for i in originals(items)]
    repeated = [a[:60] for a, n in Counter(answers).items() if n > 1]
    assert not repeated, repeated
    dev, test = ({i.id for i in splits[n]} for n in SPLITS)
    assert not dev & test
    assert {i.answer for i in splits["dev"]}.isdisjoint({i.answer for i in splits["test"]})


def test_blind_items_are_in_dev_only(splits: dict[str, list[Item]]) -> None:
    assert not [i.id for i in splits["test"] if is_blind(i)]


def test_split_is_about_half_and_stratified(splits: dict[str, list[Item]]) -> None:
    dev = [i for i in splits["dev"] if not is_blind(i)]  # the blind dev-only items are extra
    test = splits["test"]
    assert abs(len(dev) - len(test)) <= 0.1 * (len(dev) + len(test))
    for key in ("topic", "kind"):
        a = Counter(getattr(i, key) for i in dev)
        b = Counter(getattr(i, key) for i in test)
        assert set(a) == set(b), key
        for value in a:
            # within two items of even, or 5% of the slice for the larger slices of v2
            slack = max(2, round(0.05 * (a[value] + b[value])))
            assert abs(a[value] - b[value]) <= slack, (key, value, a[value], b[value])


def test_answers_are_spoken_length_and_questions_present(items: list[Item]) -> None:
    for i in items:
        n = len(i.answer.split())
        # v1 answers run 80-350 words; v2 answers 30-350, terse ones from 8
        low = 80 if i.style is None else 8 if i.style == "terse" else 30
        assert low <= n <= 350, (i.id, n)
        assert i.question.strip(), i.id


def test_unpunctuated_copies_match_their_spoken_source(splits: dict[str, list[Item]]) -> None:
    for name, split in splits.items():
        by_id = {i.id: i for i in split}
        copies = [i for i in split if i.style == COPY_STYLE]
        for copy in copies:
            assert copy.id.endswith(COPY_SUFFIX), copy.id
            source = by_id.get(copy.id.removesuffix(COPY_SUFFIX))
            assert source is not None and source.style == "spoken", (name, copy.id)
            assert (copy.topic, copy.question, copy.labels, copy.kind) == (
                source.topic, source.question, source.labels, source.kind,
            )  # fmt: skip
            added = iter(words(copy.answer))
            assert all(w in added for w in words(source.answer)), copy.id  # same words, in order
            extra = Counter(words(copy.answer)) - Counter(words(source.answer))
            assert set(extra) <= SPOKEN_SYMBOLS, (copy.id, extra)
            assert copy.answer == copy.answer.lower() and not re.search(
                r"[.,;:!?\"()]", copy.answer
            )
        spoken = {i.id for i in split if i.style == "spoken"}
        assert {c.id.removesuffix(COPY_SUFFIX) for c in copies} == spoken, name
