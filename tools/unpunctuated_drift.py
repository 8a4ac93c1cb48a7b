"""How the offline scorer's verdicts move when answers lose their punctuation (issue #20).

Every labelled item of a split file (not those already without punctuation) is scored twice: as
written, and as tools/unpunctuate_calibration.py prints it, lower case and without punctuation. The
labels are the same, so a verdict that changes is the segmentation's doing (or the scope and
own-practice rules it feeds). Prints precision and recall of "evidenced" for both readings and lists
the criteria the unpunctuated reading credits against the label while the written one does not,
the first place to look when tuning segmentation. Dev only: the test split is the lead's to measure.

    python tools/unpunctuated_drift.py                         # tests/data/calibration/dev.jsonl
    python tools/unpunctuated_drift.py path/to/set.jsonl --all  # also the credit it loses
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from practice_bot.errors import UserError
from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import Scorer
from practice_bot.scoring.evaluate import Confusion, Item, load_items, precision, recall
from practice_bot.scoring.offline import OfflineScorer
from tools.unpunctuate_calibration import COPY_STYLE, DATA, unpunctuate

DEV = DATA / "dev.jsonl"
# Items already without punctuation: nothing to take away.
SKIPPED_STYLES = frozenset({COPY_STYLE, "spoken-unpunctuated"})


@dataclass
class Drift:
    """The two readings' confusion counts, and the criteria whose verdict moved."""

    written: Confusion = field(default_factory=Confusion)
    unpunctuated: Confusion = field(default_factory=Confusion)
    gained: list[tuple[str, str]] = field(default_factory=list)  # credited against the label
    lost: list[tuple[str, str]] = field(
        default_factory=list
    )  # credit due, lost without punctuation


def _count(gold: bool, scored: bool) -> Confusion:
    return Confusion(
        tp=int(gold and scored),
        fp=int(scored and not gold),
        fn=int(gold and not scored),
        tn=int(not gold and not scored),
    )


def measure(items: list[Item], scorer: Scorer | None = None) -> Drift:
    """Score each item written and unpunctuated (with `scorer`, the offline one unless given), and
    compare the verdicts with its labels."""
    rubric, scorer = load_rubric(), scorer or OfflineScorer()
    drift = Drift()
    for item in items:
        if item.style in SKIPPED_STYLES:
            continue
        topic = rubric.topic(item.topic)
        verdicts = []
        for answer in (item.answer, unpunctuate(item.answer)):
            got = scorer.score(answer, item.question, topic, topic.criteria)
            verdicts.append({j.criterion_id: j.status == "evidenced" for j in got.judgments})
        written, bare = verdicts
        for criterion, label in item.labels.items():
            gold = label == "evidenced"
            was, now = written.get(criterion, False), bare.get(criterion, False)
            drift.written = drift.written + _count(gold, was)
            drift.unpunctuated = drift.unpunctuated + _count(gold, now)
            if now and not was and not gold:
                drift.gained.append((item.id, criterion))
            elif was and not now and gold:
                drift.lost.append((item.id, criterion))
    return drift


def _figures(name: str, c: Confusion) -> str:
    def show(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    return f"{name:13} precision {show(precision(c))}  recall {show(recall(c))}  ({c.n} labels)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEV)
    parser.add_argument("--all", action="store_true", help="also list the credit lost")
    args = parser.parse_args(argv)
    if args.file.name == "test.jsonl":
        print("unpunctuated_drift: the test split is not for tuning; use dev", file=sys.stderr)
        return 2
    try:
        drift = measure(load_items(args.file))
    except UserError as exc:
        print(f"unpunctuated_drift: {exc}", file=sys.stderr)
        return 2
    print(_figures("written", drift.written))
    print(_figures("unpunctuated", drift.unpunctuated))
    print(f"credited only without punctuation, against the label: {len(drift.gained)}")
    for item_id, criterion in drift.gained:
        print(f"  {item_id}  {criterion}")
    print(f"credit due, lost without punctuation: {len(drift.lost)}")
    if args.all:
        for item_id, criterion in drift.lost:
            print(f"  {item_id}  {criterion}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
