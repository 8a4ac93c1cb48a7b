"""Reasons that do not overclaim (issue #13): every slot an evidenced or partly reason says the learner
showed is named by one of the sentences it quotes, and a reason never names more slots than its quotes
may support (`per_sentence` each: one keyword-dense sentence does not show six lifecycle stages).
Checked over every dev calibration item."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.evaluate import Item, load_items
from practice_bot.scoring.offline import OfflineScorer

DEV = Path(__file__).parents[1] / "data" / "calibration" / "dev.jsonl"
RUBRIC = load_rubric()
SCORER = OfflineScorer()
# Where a reason stops saying what was shown and starts saying what is missing.
_MISSING = re.compile(
    r"; also cover |,? but not |, but in general| but didn't evaluate|, but nothing"
)


def claimed(reason: str, labels: list[str]) -> list[str]:
    """The slot labels the part of `reason` saying what was shown names (longest labels first, so a
    label inside a longer one is not counted twice)."""
    shown = _MISSING.split(reason, maxsplit=1)[0]
    found = []
    for label in sorted(set(labels), key=len, reverse=True):
        if label in shown:
            found.append(label)
            shown = shown.replace(label, "")
    return found


def overclaims(item: Item) -> list[str]:
    topic = RUBRIC.topic(item.topic)
    criteria = list(topic.criteria)
    outcome = SCORER.outcome(item.answer, topic, criteria)
    concepts = SCORER.book.batch(criteria).concepts
    out = []
    for ci, v in enumerate(outcome.verdicts):
        if v.status == "not_yet":
            continue
        labels = list(concepts[ci].labels)
        quoted = {labels[k] for s in v.quoted for c, ks in s.facts.named if c == ci for k in ks}
        named = claimed(v.reason, labels)
        for label in named:
            if label not in quoted:
                out.append(f"{item.id} {v.criterion_id} {v.status}: {label!r} in {v.reason!r}")
        if v.quoted and len(named) > concepts[ci].per_sentence * len(v.quoted):
            out.append(
                f"{item.id} {v.criterion_id}: {len(named)} slots from {len(v.quoted)} quotes"
            )
    return out


def test_claimed_finds_only_the_shown_part() -> None:
    labels = ["monitoring", "retraining", "versions"]
    got = claimed("You described monitoring from your own work; also cover retraining.", labels)
    assert got == ["monitoring"]


@pytest.mark.parametrize("half", [0, 1])
def test_every_slot_a_reason_names_is_named_by_a_quote(half: int) -> None:
    problems = [p for item in load_items(DEV)[half::2] for p in overclaims(item)]
    assert problems == [], "\n".join(problems[:20])
