"""Loads the shipped question banks, plus a tutor's extra folder, into one Bank per topic.

The shipped folder must be a complete, valid set; the extra folder is checked as a partial set (the same
rules as `practice-bot banks check DIR`) and its questions join the shipped ones of the same topic. Ids and
question texts must stay unique across both. Any problem stops the load with a UserError listing them all.
"""

from __future__ import annotations

from pathlib import Path

from practice_bot.banks.check import coverage, duplicate_problems, scan_folder, shipped_dir
from practice_bot.banks.models import Bank, Question
from practice_bot.banks.parse import ParsedFile, RubricIndex
from practice_bot.errors import UserError
from practice_bot.rubric.models import Rubric


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _build(files: list[ParsedFile], rubric: Rubric) -> dict[str, Bank]:
    banks: dict[str, Bank] = {}
    for topic in rubric.topics:
        topic_files = [f for f in files if f.topic == topic.id]
        if not topic_files:
            continue
        questions = [
            Question(
                id=f"{topic.id}/{q.entry.id}",
                topic=topic.id,
                kind=q.kind,
                text=q.entry.text.strip(),
                targets=tuple(q.entry.targets),
                source=f"bank:{f.name}",
            )
            for f in topic_files
            for q in f.questions
        ]
        banks[topic.id] = Bank(
            topic=topic.id,
            openings=tuple(q for q in questions if q.kind == "opening"),
            probes=tuple(q for q in questions if q.kind == "probe"),
            files=tuple(f.name for f in topic_files),
        )
    return banks


def load_banks(rubric: Rubric, extra_dir: Path | None = None) -> dict[str, Bank]:
    """One Bank per topic, in the rubric's order: the shipped banks plus those in `extra_dir`."""
    shipped = shipped_dir()
    if not _is_dir(shipped):
        raise UserError(
            f"{shipped}: the shipped question banks are missing; reinstall practice-bot"
        )
    index = RubricIndex(rubric)
    files, problems = scan_folder(shipped, index)
    problems += coverage(files, rubric, complete=True)[0]
    if extra_dir is not None:
        extra = extra_dir.expanduser()
        if not _is_dir(extra):
            raise UserError(f"extra_banks: {extra}: not found or not a folder")
        extra_files, extra_problems = scan_folder(extra, index, label=str)
        problems += extra_problems
        problems += coverage(extra_files, rubric, complete=False)[0]
        files += extra_files
    problems += duplicate_problems(files)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise UserError(f"question banks: {count}:\n" + "\n".join(problems))
    return _build(files, rubric)
