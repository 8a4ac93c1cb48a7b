"""`practice-bot rescore PATH|DIR --scorer offline|llm`: judge finished transcripts again as a new
judgment layer; the earlier judgments stay in the file and the newest layer is what reports use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("rescore", help="re-score transcripts with another scorer (keeps the old)")
    p.add_argument("path", type=Path, help="a transcript (.json) or a folder of them")
    p.add_argument("--scorer", choices=["offline", "llm"], required=True)
    p.add_argument(
        "--accept-endpoint", action="store_true",
        help="agree up front to send the answers to the configured LLM endpoint",
    )  # fmt: skip
    p.set_defaults(func=run)


def _check_consent(accept: bool) -> None:
    """Answers go to a remote endpoint only once the user has agreed to that endpoint."""
    from practice_bot.config import load_settings
    from practice_bot.errors import UserError
    from practice_bot.llm.consent import consent_needed, describe_endpoint, remember_consent

    settings = load_settings()
    if not consent_needed(settings.base_url):
        return
    if accept:
        remember_consent(settings.base_url)
        return
    where = describe_endpoint(settings)
    if sys.stdin.isatty():
        print(f"Re-scoring with the LLM: {where}. Continue? [yes/no]", flush=True)
        if sys.stdin.readline().strip().lower() in ("y", "yes"):
            remember_consent(settings.base_url)
            return
    raise UserError(f"rescore --scorer llm: {where}; add --accept-endpoint to agree")


def run(args: argparse.Namespace) -> int:
    from practice_bot.config import load_settings
    from practice_bot.errors import UserError
    from practice_bot.llm.factory import make_scorer
    from practice_bot.records.store import JOURNAL_SUFFIX, transcript_files
    from practice_bot.rubric import load_rubric
    from practice_bot.textsafe import printable
    from practice_bot.tutor.rescore import rescore_file

    if not args.path.exists():
        raise UserError(f"{args.path}: no such transcript or folder")
    files = transcript_files(args.path)
    settings = load_settings()
    scorer = make_scorer(args.scorer, settings)
    if args.scorer == "llm":
        _check_consent(args.accept_endpoint)
    rubric = load_rubric()
    done = failed = 0
    for path in files:
        if path.name.endswith(JOURNAL_SUFFIX):
            print(f"Skipped {printable(path.name)}: still in progress")
            continue
        try:
            layer = rescore_file(
                path, scorer, rubric, model=settings.model if scorer.name == "llm" else None
            )
        except UserError as exc:
            print(f"Not re-scored: {printable(str(exc))}", file=sys.stderr)
            failed += 1
            continue
        done += 1
        grades = layer.grades
        grade = f", predicted overall {grades.overall} (formative)" if grades else ""
        fellback = sum(j.scorer != scorer.name for j in layer.judgments)
        note = f"; {fellback} judgments fell back to another scorer" if fellback else ""
        print(f"Re-scored {printable(path.name)}: {layer.id} by {layer.scorer}{grade}{note}")
    print(f"{done} transcript(s) re-scored, {failed} not.")
    return 1 if failed else 0
