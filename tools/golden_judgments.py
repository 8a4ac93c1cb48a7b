"""Golden judgments: what the offline scorer says about every calibration item, committed so that a
refactor of the scorer shows "output identical" by running the test suite.

    python tools/golden_judgments.py            # rewrite tests/data/calibration/golden-offline.json
    python tools/golden_judgments.py --check    # compare only; exit 1 listing the differences

The file is keyed by item id and records, per item, a hash of what was scored (topic, question and
answer), the answer's flags and notes, and each criterion's status, quotes, reason, flags, review
mark and confidence. tests/scoring/test_golden.py compares the scorer with it on the ids it holds whose hash still
matches, so items other people add to the calibration files later never break it; rewrite the file
(the first command) when items were added, or when a verdict change is intended, and then say which
verdicts changed and why in the commit. `floor_ids` lists the items the kappa floors of
test_golden.py are measured on; rewriting the file keeps it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from practice_bot.rubric import load_rubric
from practice_bot.scoring.evaluate import Item, load_items
from practice_bot.scoring.offline import OfflineScorer

ROOT = Path(__file__).resolve().parent.parent
CALIBRATION = ROOT / "tests" / "data" / "calibration"
GOLDEN_PATH = CALIBRATION / "golden-offline.json"
SPLITS = ("dev", "test")


def item_hash(item: Item) -> str:
    """What the scorer reads of an item: an item whose hash changed is no longer comparable."""
    text = "\x00".join((item.topic, item.question, item.answer))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_splits() -> dict[str, list[Item]]:
    return {name: load_items(CALIBRATION / f"{name}.jsonl") for name in SPLITS}


def judge_item(item: Item, scorer: OfflineScorer | None = None) -> dict[str, Any]:
    """The scorer's output for one item, as plain JSON data."""
    scorer = scorer or OfflineScorer()
    topic = load_rubric().topic(item.topic)
    a = scorer.score(item.answer, item.question, topic, topic.criteria)
    return {
        "flags": list(a.flags),
        "notes": list(a.notes),
        "judgments": [
            {
                "criterion": j.criterion_id,
                "status": j.status,
                "quotes": [[e.start, e.end, e.quote] for e in j.evidence],
                "reason": j.reason,
                "flags": list(j.flags),
                "review": j.review,
                "confidence": j.confidence,
            }
            for j in a.judgments
        ],
    }


def snapshot(splits: dict[str, list[Item]], floor_ids: list[str] | None = None) -> dict[str, Any]:
    """The golden data; `floor_ids`: the items the kappa floors are measured on (default: all)."""
    scorer = OfflineScorer()
    items: dict[str, Any] = {}
    for split, its in splits.items():
        for item in its:
            items[item.id] = {"split": split, "hash": item_hash(item), **judge_item(item, scorer)}
    return {
        "about": "offline scorer output per calibration item; regenerate: "
        "python tools/golden_judgments.py (see its docstring)",
        "floor_ids": sorted(items) if floor_ids is None else sorted(floor_ids),
        "items": items,
    }


def golden_text(data: dict[str, Any]) -> str:
    """The file's text: one line per item, sorted by id, so a changed verdict is a one-line diff."""
    lines = [
        f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
        for k, v in sorted(data["items"].items())
    ]
    head = f'"about": {json.dumps(data["about"])},\n"floor_ids": {json.dumps(data["floor_ids"])},\n'
    return "{\n" + head + '"items": {\n' + ",\n".join(lines) + "\n}\n}\n"


def load_golden(path: Path = GOLDEN_PATH) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def differences(golden: dict[str, Any], splits: dict[str, list[Item]]) -> tuple[list[str], int]:
    """(one line per difference, number of items compared) for the golden ids still comparable."""
    scorer = OfflineScorer()
    want = golden["items"]
    out: list[str] = []
    compared = 0
    for its in splits.values():
        for item in its:
            g = want.get(item.id)
            if g is None or g["hash"] != item_hash(item):
                continue
            compared += 1
            got = judge_item(item, scorer)
            for key in ("flags", "notes"):
                if got[key] != g[key]:
                    out.append(f"{item.id}: answer {key} {g[key]} -> {got[key]}")
            old = {j["criterion"]: j for j in g["judgments"]}
            new = {j["criterion"]: j for j in got["judgments"]}
            for cid in sorted(old.keys() | new.keys()):
                a, b = old.get(cid), new.get(cid)
                if a != b:
                    fields = sorted(
                        k
                        for k in (a or {}).keys() | (b or {}).keys()
                        if (a or {}).get(k) != (b or {}).get(k)
                    )
                    was = (a or {}).get("status")
                    now = (b or {}).get("status")
                    out.append(
                        f"{item.id} {cid}: {', '.join(fields)} differ (status {was} -> {now})"
                    )
    return out, compared


def main(argv: list[str]) -> int:
    splits = load_splits()
    if "--check" in argv:
        diffs, compared = differences(load_golden(), splits)
        for line in diffs:
            print(line)
        print(f"{compared} items compared, {len(diffs)} differences")
        return 1 if diffs else 0
    # the items the kappa floors are pinned on stay the same when the file is rewritten
    floor_ids = load_golden().get("floor_ids") if GOLDEN_PATH.exists() else None
    GOLDEN_PATH.write_text(golden_text(snapshot(splits, floor_ids)), encoding="utf-8")
    print(f"wrote {GOLDEN_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
