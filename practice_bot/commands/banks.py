"""`practice-bot banks check [DIR]` and `practice-bot banks list [--topic ID]`: the question banks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("banks", help="check or list the question banks")
    banks_sub = p.add_subparsers(dest="banks_command", metavar="ACTION", required=True)

    check = banks_sub.add_parser(
        "check",
        help="check a folder of question banks (default: the shipped banks)",
        description="Check question-bank files. Exit 0 and print the coverage summary when valid; "
        "otherwise exit 1 and print one line per problem: FILE: key.path: what is wrong.",
    )
    check.add_argument("dir", nargs="?", type=Path, help="folder of *.toml bank files")
    mode = check.add_mutually_exclusive_group()
    mode.add_argument(
        "--complete",
        dest="complete",
        action="store_true",
        default=None,
        help="treat DIR as a full set: every topic, minimum openings and probes (default for the shipped banks)",
    )
    mode.add_argument(
        "--partial",
        dest="complete",
        action="store_false",
        help="treat DIR as a tutor's extension (default for any other folder)",
    )
    check.set_defaults(func=run_check)

    show = banks_sub.add_parser(
        "list", help="print the questions (shipped banks plus any extra_banks folder)"
    )
    show.add_argument("--topic", metavar="ID", help="only this topic")
    show.add_argument("--extra", type=Path, metavar="DIR", help="a tutor's folder of extra banks")
    show.set_defaults(func=run_list)


def run_check(args: argparse.Namespace) -> int:
    from practice_bot.banks.check import check_banks, shipped_dir
    from practice_bot.rubric import load_rubric

    directory = args.dir if args.dir is not None else shipped_dir()
    result = check_banks(directory, load_rubric(), complete=args.complete)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.problems:
        for problem in result.problems:
            print(problem)
        return 1
    print(f"{directory}: valid")
    for line in result.summary_lines():
        print(line)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from practice_bot.banks.loader import load_banks
    from practice_bot.errors import UserError
    from practice_bot.rubric import load_rubric

    rubric = load_rubric()
    extra = args.extra
    if extra is None:
        from practice_bot.config import load_settings

        extra = load_settings().extra_banks
    if args.topic is not None and args.topic not in rubric.topic_ids:
        raise UserError(
            f"--topic: unknown topic {args.topic!r}; one of: {', '.join(rubric.topic_ids)}"
        )
    banks = load_banks(rubric, extra)
    for topic_id, bank in banks.items():
        if args.topic is not None and topic_id != args.topic:
            continue
        print(f"{rubric.topic(topic_id).name} [{topic_id}]")
        for q in bank.questions:
            print(f"  {q.id} ({q.kind}; {', '.join(q.targets)}; {q.source})")
            print(f"    {q.text}")
    return 0
