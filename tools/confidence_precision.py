"""How often the offline scorer's "evidenced" verdicts agree with the labels, per confidence (clear or
possible), on a calibration file: the check behind docs/scoring.md ("Confidence, quotes and reasons").

    python tools/confidence_precision.py                         # the dev split
    python tools/confidence_precision.py --ids='-[tu]\\d+'        # only the ids matching a pattern

For tuning the rules on dev only: the test split is measured by the lead (docs/calibration.md).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from practice_bot.rubric import load_rubric
from practice_bot.scoring.evaluate import load_items
from practice_bot.scoring.offline import OfflineScorer

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "calibration" / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEV, help="a calibration file (default: dev)")
    parser.add_argument("--ids", default="", help="a regular expression the item ids must match")
    args = parser.parse_args(argv)
    if args.file.name == "test.jsonl":
        print("the test split is not for tuning: measure dev", file=sys.stderr)
        return 2
    pattern = re.compile(args.ids)
    rubric = load_rubric()
    scorer = OfflineScorer()
    agreed: Counter[str] = Counter()
    credited: Counter[str] = Counter()
    for item in load_items(args.file):
        if not pattern.search(item.id):
            continue
        topic = rubric.topic(item.topic)
        assessment = scorer.score(item.answer, item.question, topic, topic.criteria)
        for judgment in assessment.judgments:
            label = item.labels.get(judgment.criterion_id)
            if label is None or judgment.status != "evidenced":
                continue
            credited[judgment.confidence] += 1
            agreed[judgment.confidence] += label == "evidenced"
    for confidence in ("clear", "possible"):
        n = credited[confidence]
        share = f"{agreed[confidence] / n:.3f}" if n else "-"
        print(
            f"evidenced, {confidence:8} {agreed[confidence]:4} of {n:4} agree with the labels ({share})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
