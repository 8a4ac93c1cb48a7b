"""`practice-bot report PATH --format md|html|json|csv`: the report of a finished or in-progress transcript."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("md", "html", "json", "csv", "text")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="print or save a transcript's report")
    p.add_argument(
        "path", type=Path, help="a transcript (.json) or an in-progress journal (.journal.jsonl)"
    )
    p.add_argument("--format", choices=FORMATS, default="md")
    p.add_argument(
        "--output",
        "-o",
        type=Path,
        help="write to this file instead of stdout (HTML to a terminal goes to a file in the "
        "transcript's reports/ folder)",
    )
    p.add_argument(
        "--anonymise", action="store_true", help="replace the name with a stable pseudonym"
    )
    p.set_defaults(func=run)


def render(path: Path, fmt: str, anonymise: bool = False) -> str:
    from practice_bot.records.report import build_report
    from practice_bot.records.store import load_transcript
    from practice_bot.rubric import load_rubric

    if path.is_symlink():
        from practice_bot.errors import UserError

        raise UserError(f"{path}: a symbolic link; give the transcript file itself")
    transcript = load_transcript(path)
    if anonymise:
        from practice_bot.records.anonymise import pseudonym

        transcript = transcript.model_copy(update={"apprentice": pseudonym(transcript.apprentice)})
    report = build_report(transcript, load_rubric())
    if fmt == "json":
        from practice_bot.records.render import render_json

        return render_json(transcript, report)
    if fmt == "text":
        from practice_bot.records.render import render_text

        return render_text(report)
    if fmt == "html":
        from practice_bot.records.html import render_html

        html: str = render_html(transcript, report)
        return html
    if fmt == "csv":
        from practice_bot.records.csv_sheet import render_csv

        sheet: str = render_csv(transcript, report)
        return sheet
    from practice_bot.records.render import render_markdown

    return render_markdown(report)


def html_path(transcript: Path) -> Path:
    """Where `report --format html` writes when stdout is a terminal: the transcript's folder's
    reports/ (as the app's exports), named after the transcript."""
    return transcript.parent / "reports" / f"{transcript.name.split('.', 1)[0]}.html"


def run(args: argparse.Namespace) -> int:
    from practice_bot.errors import UserError

    text = render(args.path, args.format, args.anonymise)
    if args.output is None and args.format == "html" and sys.stdout.isatty():
        args.output = html_path(args.path)  # a page of markup is no use poured into a terminal
        from practice_bot.records.store import ensure_folder

        ensure_folder(args.output.parent)
    if args.output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    from practice_bot.records.store import write_atomic
    from practice_bot.textsafe import output_safe

    if args.format in ("md", "text"):  # (JSON escapes itself; HTML and CSV quote every field)
        text = output_safe(text)  # a file is read in a terminal too: as safe as stdout
    try:
        write_atomic(args.output, text)
    except OSError as exc:
        raise UserError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    print(f"Report written: {args.output}")
    return 0
