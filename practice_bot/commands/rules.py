"""`practice-bot rules check [DIR]`: check the offline scorer's rules (TOML) for silent mistakes."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "rules",
        help="check the offline scorer's rules (concept slots, vocabulary, markers)",
        description="The offline scorer's rules are TOML files (docs/scoring.md). `rules check` names "
        "the file, key and problem for an unknown criterion id, a criterion with no rules, an empty "
        "slot, an unused vocabulary entry or a phrase the matcher cannot compile. Exit code 0: no "
        "problems; 1: problems listed; 2: the directory cannot be read.",
    )
    actions = p.add_subparsers(dest="rules_action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="check a rules directory (default: the installed rules)"
    )
    check.add_argument(
        "directory", nargs="?", metavar="DIR", help="a rules directory (default: the package's own)"
    )
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from practice_bot.scoring.ruleset import RULES_DIR, check_rules
    from practice_bot.textsafe import printable

    directory = Path(args.directory) if args.directory else RULES_DIR
    problems = check_rules(directory)
    for p in problems:
        print(printable(str(p)))
    if problems:
        print(f"{len(problems)} problem(s) in {directory}")
        return 1
    from practice_bot.scoring.ruleset import load_rules

    rules = load_rules(directory)
    slots = sum(len(c.slots) for c in rules.criteria.values())
    print(f"rules OK: {len(rules.criteria)} criteria, {slots} slots, in {directory}")
    return 0
