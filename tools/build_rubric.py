"""Regenerate practice_bot/rubric/standard.json from the shared rubric reference and the seed.

Developer tool only: the package never reads ../shared. Run from the project root:
    python tools/build_rubric.py ../shared
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SEED = "seed/L6-MLE-EPA-qualification-specification.txt"
KSB_LINE = re.compile(r"^(?:- )?([KSB]\d+):(?:\*\*)?\s*(.+?)\s*$")


def main(shared: Path) -> None:
    topics = json.loads((shared / "docs/rubric-reference.json").read_text(encoding="utf-8"))
    ksbs: dict[str, str] = {}
    for line in (shared / SEED).read_text(encoding="utf-8").splitlines():
        m = KSB_LINE.match(line)
        if m and m.group(1) not in ksbs:
            ksbs[m.group(1)] = m.group(2)
    order = {"K": 0, "S": 1, "B": 2}
    keys = sorted(ksbs, key=lambda k: (order[k[0]], int(k[1:])))
    data = {
        "source": {
            "standard": "ST1398 Machine Learning Engineer (Level 6)",
            "document": "Accelerate People L6 EPA for Machine Learning Engineer ST1398/V1.0, "
            "Qualification Specification v1.1 (May 2025)",
            "sections": "Knowledge, Skills and Behaviours; AM2: Professional Discussion; "
            "Assessment Criteria; Grading",
            "note": "Criterion texts quoted exactly as the specification has them, including its own "
            "grammar slips.",
        },
        "topics": [
            {k: t[k] for k in ("order", "id", "name", "method", "ksbs", "criteria")} for t in topics
        ],
        "ksbs": {k: ksbs[k] for k in keys},
    }
    out = Path(__file__).resolve().parent.parent / "practice_bot/rubric/standard.json"
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(data['topics'])} topics, {len(keys)} KSBs")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
