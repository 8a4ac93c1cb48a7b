"""Checks a folder of question banks: every file on its own, then duplicates and coverage across files.

`check_banks(directory, rubric)` never raises on what it finds; each problem is one line,
`FILE: key.path: what is wrong`. A folder is checked either as a *complete* set (the shipped banks:
every topic has a file, at least MIN_OPENINGS openings per topic and MIN_PROBES probes per criterion) or
as a *partial* one (a tutor's extension: only the topics it has files for, and every criterion of those
topics needs at least one probe). docs/question-banks.md states the rules for users.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from practice_bot.banks.parse import ParsedFile, ParsedQuestion, RubricIndex, read_bank_file, words
from practice_bot.banks.schema import clean_label, show
from practice_bot.resources import data_dir
from practice_bot.rubric.models import Rubric

MIN_OPENINGS = 4
MIN_PROBES = 3  # per criterion


@dataclass(frozen=True)
class TopicCoverage:
    topic: str
    files: tuple[str, ...]
    openings: int
    probes: int
    probes_per_criterion: dict[str, int]  # criterion id -> probes targeting it


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    summary: dict[str, TopicCoverage] = field(default_factory=dict)  # topic id -> coverage

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary_lines(self) -> list[str]:
        lines = []
        for cov in self.summary.values():
            lines.append(
                f"{cov.topic}: {cov.openings} openings, {cov.probes} probes ({', '.join(cov.files)})"
            )
            per = ", ".join(
                f"{cid.split('/', 1)[1]} {n}" for cid, n in cov.probes_per_criterion.items()
            )
            lines.append(f"  probes per criterion: {per}")
        return lines


def shipped_dir() -> Path:
    return data_dir("question_banks")


def is_shipped(directory: Path) -> bool:
    try:
        return directory.resolve() == shipped_dir().resolve()
    except (OSError, RuntimeError):
        return False


def bank_paths(directory: Path) -> list[Path]:
    try:
        return sorted(directory.glob("*.toml"))
    except OSError:
        return []


def scan_folder(
    directory: Path,
    index: RubricIndex,
    label: Callable[[Path], str] = lambda p: p.name,
) -> tuple[list[ParsedFile], list[str]]:
    """Every *.toml file in the folder (not its subfolders), read and checked on its own."""
    files: list[ParsedFile] = []
    problems: list[str] = []
    for path in bank_paths(directory):
        parsed, found = read_bank_file(path, clean_label(label(path)), index)
        problems += found
        if parsed is not None:
            files.append(parsed)
    return files, problems


def _where(q: ParsedQuestion, f: ParsedFile, here: ParsedFile) -> str:
    return q.where if f is here else f"{f.label} {q.where}"


def duplicate_problems(files: Iterable[ParsedFile]) -> list[str]:
    """Ids repeated within a topic, and question texts repeated anywhere (ignoring case and punctuation)."""
    problems: list[str] = []
    ids: dict[tuple[str, str], tuple[ParsedFile, ParsedQuestion]] = {}
    texts: dict[str, tuple[ParsedFile, ParsedQuestion]] = {}
    for f in files:
        scope = f.topic or f"file:{f.label}"
        for q in f.questions:
            if q.entry.id.strip():
                key = (scope, q.entry.id)
                if key in ids:
                    first_file, first_q = ids[key]
                    problems.append(
                        f"{f.label}: {q.where}.id: duplicate id {show(q.entry.id)}"
                        f" (also at {_where(first_q, first_file, f)})"
                    )
                else:
                    ids[key] = (f, q)
            norm = " ".join(words(q.entry.text))
            if norm:
                if norm in texts:
                    first_file, first_q = texts[norm]
                    problems.append(
                        f"{f.label}: {q.where}.text: duplicate question text"
                        f" (same as {_where(first_q, first_file, f)})"
                    )
                else:
                    texts[norm] = (f, q)
    return problems


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def coverage(
    files: Iterable[ParsedFile], rubric: Rubric, *, complete: bool
) -> tuple[list[str], dict[str, TopicCoverage]]:
    """Coverage problems and the per-topic summary of these files."""
    by_topic: dict[str, list[ParsedFile]] = {}
    for f in files:
        if f.topic is not None:
            by_topic.setdefault(f.topic, []).append(f)
    problems: list[str] = []
    summary: dict[str, TopicCoverage] = {}
    for topic in rubric.topics:
        topic_files = by_topic.get(topic.id, [])
        if not topic_files:
            if complete:
                problems.append(
                    f"{topic.id}.toml: file: missing; topic {topic.id!r} has no bank in this folder"
                )
            continue
        questions = [q for f in topic_files for q in f.questions]
        openings = [q for q in questions if q.kind == "opening"]
        probes = [q for q in questions if q.kind == "probe"]
        per = {c.id: sum(c.id in q.entry.targets for q in probes) for c in topic.criteria}
        summary[topic.id] = TopicCoverage(
            topic=topic.id,
            files=tuple(f.name for f in topic_files),
            openings=len(openings),
            probes=len(probes),
            probes_per_criterion=per,
        )
        label = topic_files[0].label
        if complete and len(openings) < MIN_OPENINGS:
            problems.append(
                f"{label}: opening: {_count(len(openings), 'opening question')}; "
                f"at least {MIN_OPENINGS} needed"
            )
        for criterion_id, n in per.items():
            if n == 0:
                problems.append(f"{label}: probe: no probe targets {criterion_id!r}")
            elif complete and n < MIN_PROBES:
                aimed = "probe targets" if n == 1 else "probes target"
                problems.append(
                    f"{label}: probe: {n} {aimed} {criterion_id!r}; at least {MIN_PROBES} needed"
                )
    return problems, summary


def check_banks(directory: Path, rubric: Rubric, *, complete: bool | None = None) -> CheckResult:
    """Check a folder of bank files. `complete` defaults to True only for the shipped folder."""
    if complete is None:
        complete = is_shipped(directory)
    try:
        is_dir = directory.is_dir()
    except (OSError, ValueError):
        is_dir = False
    if not is_dir:
        return CheckResult(problems=[f"{clean_label(str(directory))}: folder: not found"])
    files, problems = scan_folder(directory, RubricIndex(rubric))
    problems += duplicate_problems(files)
    covered, summary = coverage(files, rubric, complete=complete)
    problems += covered
    warnings = (
        [] if bank_paths(directory) else [f"{clean_label(str(directory))}: folder: no *.toml files"]
    )
    return CheckResult(problems=problems, warnings=warnings, summary=summary)
