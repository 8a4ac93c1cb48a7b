"""`practice-bot purge --older-than DAYS [--dry-run] [--transcripts DIR]`: delete transcripts older than
a retention period, only inside the transcripts folder. --dry-run lists and deletes nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("purge", help="delete transcripts older than a number of days")
    p.add_argument(
        "--older-than", type=float, required=True, metavar="DAYS",
        help="delete sessions that started more than DAYS days ago",
    )  # fmt: skip
    p.add_argument("--dry-run", action="store_true", help="list what would go; delete nothing")
    p.add_argument("--transcripts", type=Path, help="the folder (default: the configured one)")
    p.add_argument("--yes", action="store_true", help="do not ask before deleting")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from practice_bot.config import load_settings
    from practice_bot.textsafe import printable
    from practice_bot.tutor.retention import carry_out, plan_purge

    folder = args.transcripts or load_settings().transcripts
    plan = plan_purge(folder, args.older_than)
    verb = "Would delete" if args.dry_run else "Deleting"
    for item in plan.delete:
        state = " (unfinished)" if item.in_progress else ""
        print(
            f"{verb}: {printable(item.path.name)} - {printable(item.apprentice)}, "
            f"{item.started_at.strftime('%Y-%m-%d')}, {item.age_days:.0f} days old{state}"
        )
    for note in plan.skipped:
        print(f"Left alone: {printable(note)}")
    if args.dry_run or not plan.delete:
        print(
            f"{len(plan.delete)} transcript(s) older than {args.older_than:g} days"
            f"{' would be deleted' if args.dry_run else ''}; {plan.kept} kept. Nothing was deleted."
        )
        return 0
    if not args.yes and sys.stdin.isatty():
        print(f"Delete these {len(plan.delete)} transcript(s)? [yes/no]", flush=True)
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            print("Nothing was deleted.")
            return 0
    deleted, problems = carry_out(plan)
    for p in problems:
        print(f"Not deleted: {printable(p)}", file=sys.stderr)
    print(f"Deleted {len(deleted)} transcript(s); {plan.kept} kept.")
    return 1 if problems else 0
