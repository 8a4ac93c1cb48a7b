"""`practice-bot review [DIR]`: the tutor's review of a transcripts folder.

review [DIR] [--sort KEY] [--reverse] [--filter KEY=VALUE ...] [--json]   the review list (in a
                                                                         terminal: the review screen)
review list [DIR] [...]                                                  the review list as text
review show PATH [--json]                                                one transcript and its criteria
review override PATH CRITERION --evidenced yes|no --tutor NAME [--comment TEXT]
review agree PATH CRITERION --tutor NAME [--comment TEXT]
review blind PATH [--tutor NAME --mark CRITERION=yes|no ...]            mark before seeing the scorer
review agreement PATH|DIR [--tutor NAME] [--json]                        exact agreement and kappa
review cohort [DIR] [--pack ID] [--json]                                 apprentices x topics
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ACTIONS = ("list", "show", "override", "agree", "blind", "agreement", "cohort")


class _AnyWord:
    """argparse's choices for the actions: any word passes its check (a word that is not an action is
    a folder, routed to `list`); iterating lists the real actions for the help."""

    def __init__(self, actions: dict[str, argparse.ArgumentParser]) -> None:
        self.actions = actions

    def __contains__(self, key: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self.actions)


class _ListByDefault(argparse._SubParsersAction):  # type: ignore[type-arg,unused-ignore]
    """`review DIR ...` means `review list DIR ...`: a first word that is not an action is a folder."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = _AnyWord(self._name_parser_map)  # type: ignore[assignment]

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if values and values[0] not in self._name_parser_map:
            values = ["list", *values]
            namespace.list_implied = True  # no subcommand was given: a terminal gets the screen
        super().__call__(parser, namespace, values, option_string)


def _list_flags(p: argparse.ArgumentParser, default: Any) -> None:
    """The list's flags, on `review` itself and on `review list` (SUPPRESS there, so the values given
    before the folder are not reset by the sub-parser's defaults)."""
    from practice_bot.tutor.keys import FILTER_KEYS, SORT_NAMES

    p.add_argument(
        "--sort", choices=list(SORT_NAMES), default=default,
        help="order of the list (date: newest first)",
    )  # fmt: skip
    p.add_argument("--reverse", action="store_true", default=default, help="reverse the order")
    p.add_argument(
        "--filter", action="append", metavar="KEY=VALUE", default=default,
        help=f"keep matching rows; KEY one of {', '.join(FILTER_KEYS)} (repeatable)",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", default=default, help="print JSON")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "review",
        help="tutor review: list, show, override, blind marking, agreement, cohort",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _list_flags(p, None)
    p.set_defaults(func=run_list, folder=None)
    actions = p.add_subparsers(
        dest="action", metavar="ACTION", action=_ListByDefault, required=False
    )

    ls = actions.add_parser("list", help="the review list (the default)")
    ls.add_argument("folder", nargs="?", type=Path, help="transcripts folder")
    _list_flags(ls, argparse.SUPPRESS)
    ls.set_defaults(func=run_list)

    show = actions.add_parser(
        "show", help="a transcript with every criterion, evidence and override"
    )
    show.add_argument("path", type=Path)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    ov = actions.add_parser("override", help="record your decision on a criterion")
    ov.add_argument("path", type=Path)
    ov.add_argument("criterion", help="criterion id, e.g. model-scoping/pass-1")
    ov.add_argument("--evidenced", required=True, metavar="yes|no")
    ov.add_argument("--tutor", required=True, help="your name, recorded with the decision")
    ov.add_argument("--comment", default="")
    ov.set_defaults(func=run_override)

    ag = actions.add_parser("agree", help="record that you agree with the scorer on a criterion")
    ag.add_argument("path", type=Path)
    ag.add_argument("criterion")
    ag.add_argument("--tutor", required=True)
    ag.add_argument("--comment", default="")
    ag.set_defaults(func=run_agree)

    bl = actions.add_parser("blind", help="mark criteria without seeing the scorer's judgments")
    bl.add_argument("path", type=Path)
    bl.add_argument("--tutor", help="your name (needed with --mark)")
    bl.add_argument("--mark", action="append", default=[], metavar="CRITERION=yes|no")
    bl.set_defaults(func=run_blind)

    agr = actions.add_parser("agreement", help="blind marks against the scorer: agreement, kappa")
    agr.add_argument("path", nargs="?", type=Path, help="a transcript or a folder")
    agr.add_argument("--tutor", help="only this tutor's blind marks")
    agr.add_argument("--json", action="store_true")
    agr.set_defaults(func=run_agreement)

    co = actions.add_parser(
        "cohort", help="apprentices x topics and the criteria most often missed"
    )
    co.add_argument("folder", nargs="?", type=Path)
    co.add_argument("--pack", help="only transcripts of this class pack id")
    co.add_argument("--missed", type=int, default=10, help="how many most-missed criteria to list")
    co.add_argument("--json", action="store_true")
    co.set_defaults(func=run_cohort)


def _folder(path: Path | None) -> Path:
    if path is not None:
        return path
    from practice_bot.config import load_settings

    return load_settings().transcripts


def _dump(data: Any) -> None:
    from practice_bot.textsafe import json_text

    print(json_text(data, indent=2, default=str))


def _wants_screen(args: argparse.Namespace) -> bool:
    """`review [DIR]` without a subcommand or --json, in a terminal, opens the review screen."""
    import sys

    no_action = args.action is None or getattr(args, "list_implied", False)
    return no_action and not args.json and sys.stdin.isatty() and sys.stdout.isatty()


def run_list(args: argparse.Namespace) -> int:
    from practice_bot.errors import UserError
    from practice_bot.rubric import load_rubric
    from practice_bot.tutor.listing import filter_rows, parse_filters, review_rows, sort_rows
    from practice_bot.tutor.plain_views import list_text

    folder = _folder(args.folder)
    if not folder.exists():
        raise UserError(f"{folder}: no such transcripts folder")
    if _wants_screen(args):
        return _open_screen(args, folder)
    rows, problems = review_rows(folder, load_rubric())
    rows = filter_rows(rows, parse_filters(args.filter or []))
    rows = sort_rows(rows, args.sort or "date", bool(args.reverse))
    if args.json:
        _dump({"rows": [r.to_json() for r in rows], "problems": problems})
    else:
        print(list_text(rows, problems))
    return 0


def _open_screen(args: argparse.Namespace, folder: Path) -> int:
    """The review screen. The settings are loaded first, as bare `practice-bot` loads them: a broken
    config file is reported on one line (cli.py's `_run`, exit code 2) before the app opens."""
    from practice_bot.config import load_settings
    from practice_bot.tui.app import ReviewStart, run
    from practice_bot.tutor.listing import parse_filters

    filters = parse_filters(args.filter or [])  # a bad --filter is reported before the app opens
    name = filters.pop("apprentice", "")  # the screen's filter box reads plain words as a name
    text = " ".join([*(f"{k}={v}" for k, v in filters.items()), name]).strip()
    start = ReviewStart(folder, sort=args.sort or "date", reverse=bool(args.reverse), filter=text)
    code: int = run(load_settings(), review=start)
    return code


def run_show(args: argparse.Namespace) -> int:
    from practice_bot.records.store import load_transcript
    from practice_bot.rubric import load_rubric

    transcript = load_transcript(args.path)
    rubric = load_rubric()
    if args.json:
        from dataclasses import asdict

        from practice_bot.tutor.overrides import grades_both_ways
        from practice_bot.tutor.view import criterion_views

        both = grades_both_ways(transcript, rubric)
        _dump(
            {
                "transcript": transcript.model_dump(mode="json"),
                "grades": both.with_overrides.model_dump(mode="json"),
                "grades_scorer_only": both.scorer_only.model_dump(mode="json"),
                "criteria": [
                    asdict(v)
                    | {
                        "evidence": [{"turn": t, **e.model_dump()} for t, e in v.evidence],
                        "overrides": [o.model_dump(mode="json") for o in v.overrides],
                    }
                    for v in criterion_views(transcript, rubric)
                ],
            }
        )
        return 0
    from practice_bot.tutor.plain_views import show_text

    print(show_text(args.path, transcript, rubric))
    return 0


def _grades_after(path: Path) -> str:
    from practice_bot.records.store import load_transcript
    from practice_bot.rubric import load_rubric
    from practice_bot.tutor.overrides import grades_both_ways
    from practice_bot.tutor.plain_views import grades_line

    both = grades_both_ways(load_transcript(path), load_rubric())
    return (
        f"Predicted grades with overrides: {grades_line(both.with_overrides)}; "
        f"scorer alone: {grades_line(both.scorer_only)} (formative)"
    )


def run_override(args: argparse.Namespace) -> int:
    from practice_bot.rubric import load_rubric
    from practice_bot.textsafe import printable
    from practice_bot.tutor.overrides import add_override, parse_yes_no

    evidenced = parse_yes_no(args.evidenced)
    o = add_override(
        args.path, args.criterion, evidenced, args.tutor, args.comment, rubric=load_rubric()
    )
    verdict = "evidenced" if o.evidenced else "not evidenced"
    print(f"Recorded: {o.criterion_id} {verdict} by {printable(o.tutor)} at {o.at.isoformat()}")
    print(_grades_after(args.path))
    return 0


def run_agree(args: argparse.Namespace) -> int:
    from practice_bot.rubric import load_rubric
    from practice_bot.textsafe import printable
    from practice_bot.tutor.overrides import agree

    o = agree(args.path, args.criterion, args.tutor, args.comment, rubric=load_rubric())
    verdict = "evidenced" if o.evidenced else "not evidenced"
    print(f"Recorded: {printable(o.tutor)} agrees with the scorer on {o.criterion_id} ({verdict})")
    return 0


def run_blind(args: argparse.Namespace) -> int:
    from practice_bot.errors import UserError
    from practice_bot.records.store import load_transcript
    from practice_bot.rubric import load_rubric
    from practice_bot.tutor.overrides import add_blind_marks, parse_yes_no

    rubric = load_rubric()
    if not args.mark:
        from practice_bot.tutor.plain_views import blind_text

        print(blind_text(load_transcript(args.path), rubric))
        return 0
    if not args.tutor:
        raise UserError("blind marking: give --tutor NAME with --mark")
    marks: dict[str, bool] = {}
    for item in args.mark:
        cid, sep, value = item.partition("=")
        if not sep:
            raise UserError(f"--mark {item!r}: use CRITERION=yes|no")
        marks[cid.strip()] = parse_yes_no(value, f"--mark {cid.strip()}")
    recorded = add_blind_marks(args.path, marks, args.tutor, rubric=rubric)
    print(
        f"Recorded {len(recorded)} blind mark(s). When you have marked every criterion you mean "
        f"to, compare with the scorer: practice-bot review agreement {args.path}"
    )
    return 0


def run_agreement(args: argparse.Namespace) -> int:
    from practice_bot.errors import UserError
    from practice_bot.tutor.agreement import folder_agreement
    from practice_bot.tutor.plain_views import agreement_text

    target = _folder(args.path)
    if not target.exists():
        raise UserError(f"{target}: no such transcript or folder")
    result = folder_agreement(target, args.tutor)
    if args.json:
        _dump(result.to_json())
    else:
        print(agreement_text(result))
    return 0


def run_cohort(args: argparse.Namespace) -> int:
    from practice_bot.errors import UserError
    from practice_bot.rubric import load_rubric
    from practice_bot.tutor.cohort import load_cohort
    from practice_bot.tutor.plain_views import cohort_text

    folder = _folder(args.folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: no such transcripts folder")
    rubric = load_rubric()
    cohort = load_cohort(folder, rubric, args.pack)
    if args.json:
        _dump(cohort.to_json(args.missed))
    else:
        print(cohort_text(cohort, rubric, args.missed))
    return 0
