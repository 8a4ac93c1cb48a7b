"""`practice-bot rubric [--json]`: the topics, criteria and KSBs of the standard."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("rubric", help="show the standard's topics, criteria and KSBs")
    p.add_argument("--json", action="store_true", help="print the rubric as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from practice_bot.rubric import load_rubric

    rubric = load_rubric()
    if args.json:
        print(json.dumps(rubric.to_public_json(), indent=2, ensure_ascii=False))
        return 0
    print(f"Source: {rubric.source.document}")
    for t in rubric.topics:
        print(f"\n{t.order}. {t.name} [{t.id}] {t.method} - {', '.join(t.ksbs)}")
        for c in t.criteria:
            print(f"  {c.id} ({c.level}; {', '.join(c.ksbs)}): {c.text}")
    return 0
