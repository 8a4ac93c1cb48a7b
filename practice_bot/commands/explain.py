"""`practice-bot explain --topic T [--criterion C] [--rules DIR] [FILE|-]`: why the offline scorer
judged an answer as it did, sentence by sentence and criterion by criterion."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "explain",
        help="show why the offline scorer judged an answer as it did",
        description="Score an answer (a text file, or standard input with - or no FILE) with the "
        "offline scorer and print, per sentence, whether it counts as your own practice and what "
        "excluded it, the concept slots it names and what it shows; the defences that fired; and "
        "per criterion the steps to its verdict. docs/scoring.md explains the rules.",
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="the answer (default: -)")
    p.add_argument("--topic", required=True, help="topic id (see `practice-bot rubric`)")
    p.add_argument("--criterion", help="explain only this criterion (its id)")
    p.add_argument(
        "--rules", metavar="DIR", help="score with the rules in DIR (a copy you are editing)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from practice_bot.errors import UserError
    from practice_bot.rubric import load_rubric
    from practice_bot.scoring.explain import explain
    from practice_bot.scoring.offline import OfflineScorer

    rubric = load_rubric()
    try:
        topic = rubric.topic(args.topic)
    except KeyError:
        raise UserError(
            f"--topic: unknown topic {args.topic!r} (one of {', '.join(rubric.topic_ids)})"
        ) from None
    if args.criterion and args.criterion not in {c.id for c in topic.criteria}:
        known = ", ".join(c.id for c in topic.criteria)
        raise UserError(
            f"--criterion: {args.criterion!r} is not a criterion of {topic.id} ({known})"
        )
    answer = _read(args.file)
    scorer = OfflineScorer(Path(args.rules)) if args.rules else OfflineScorer()
    print(explain(scorer, answer, topic, only=args.criterion))
    return 0


def _read(name: str) -> str:
    from practice_bot.errors import read_user_text

    if name == "-":
        return sys.stdin.read()
    return read_user_text(Path(name), "an answer file")
