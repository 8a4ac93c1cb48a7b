"""Reads one bank file and checks it on its own: bytes, TOML, shape, ids, texts and targets.

Every problem is one line, `FILE: key.path: what is wrong`. Nothing here raises on any input; the worst a
file can do is produce problems. Checks that need several files (duplicates, coverage) are in check.py.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from practice_bot.banks.models import QuestionKind
from practice_bot.banks.schema import KINDS, BankFile, QuestionEntry, shape_problems, show
from practice_bot.rubric.models import Rubric

MAX_FILE_BYTES = 1_000_000
MAX_TEXT_CHARS = 600
MAX_ID_CHARS = 64
QUOTE_WORDS = 5  # this many consecutive words shared with a criterion text is quoting it
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_WORD = re.compile(r"[a-z0-9]+")
_TOML_AT = re.compile(r"^(?P<msg>.*) \(at line (?P<line>\d+), column (?P<col>\d+)\)$", re.DOTALL)
# Control characters (Unicode Cc), line and paragraph separators, and bidirectional overrides.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Questions opening like this invite a yes or a no; an assessor asks open questions.
_CLOSED_OPENERS = frozenset(
    {
        *("do", "does", "did", "is", "are", "was", "were", "have", "has", "had"),
        *("will", "would", "should", "shall", "isn't", "aren't", "wasn't", "weren't"),
        *("didn't", "doesn't", "don't", "haven't", "hasn't", "wouldn't"),
    }
)


@dataclass(frozen=True)
class ParsedQuestion:
    kind: QuestionKind
    index: int
    entry: QuestionEntry

    @property
    def where(self) -> str:
        return f"{self.kind}[{self.index}]"


@dataclass
class ParsedFile:
    label: str  # how problems name the file
    name: str  # the file name, for Question.source
    topic: str | None  # a known topic id, or None when missing or unknown
    questions: list[ParsedQuestion] = field(default_factory=list)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class RubricIndex:
    """What the checks need from the rubric: topic ids, criteria by id, and the criteria's word runs."""

    def __init__(self, rubric: Rubric) -> None:
        self.topic_ids = rubric.topic_ids
        self.criteria = rubric.criteria_by_id()
        self._grams: dict[tuple[str, ...], str] = {}
        self._texts: dict[str, str] = {}
        for topic in rubric.topics:
            for criterion in topic.criteria:
                ws = words(criterion.text)
                self._texts[criterion.id] = " " + " ".join(ws) + " "
                for i in range(len(ws) - QUOTE_WORDS + 1):
                    self._grams.setdefault(tuple(ws[i : i + QUOTE_WORDS]), criterion.id)

    def find_quote(self, text: str) -> tuple[str, str] | None:
        """(criterion id, the shared words) for the first run of QUOTE_WORDS or more words a question
        shares with a criterion text, or None."""
        ws = words(text)
        for i in range(len(ws) - QUOTE_WORDS + 1):
            criterion_id = self._grams.get(tuple(ws[i : i + QUOTE_WORDS]))
            if criterion_id is None:
                continue
            end = i + QUOTE_WORDS
            source = self._texts[criterion_id]
            while end < len(ws) and " " + " ".join(ws[i : end + 1]) + " " in source:
                end += 1
            return criterion_id, " ".join(ws[i:end])
        return None


def _decode(label: str, raw: bytes) -> tuple[str | None, list[str]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            f"{label}: line {line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        ]


def _parse_toml(label: str, text: str) -> tuple[dict[str, Any] | None, list[str]]:
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _TOML_AT.match(message)
        if at:
            return None, [
                f"{label}: line {at['line']}: not valid TOML: {at['msg']} (column {at['col']})"
            ]
        if "end of document" in message:
            line = text.count("\n") + 1
            return None, [f"{label}: line {line}: not valid TOML: {message}"]
        return None, [f"{label}: file: not valid TOML: {message}"]
    except RecursionError:
        return None, [f"{label}: file: arrays or tables nested too deeply"]


def _topic(
    label: str, path: Path, data: dict[str, Any], index: RubricIndex
) -> tuple[str | None, list[str]]:
    value = data.get("topic")
    if not isinstance(value, str):
        return None, []  # missing or wrong type: the shape check has said so
    known = index.topic_ids
    if value not in known:
        near = difflib.get_close_matches(value, known, n=1)
        hint = (
            f"; did you mean {near[0]!r}?"
            if near
            else "; `practice-bot rubric` lists the topic ids"
        )
        return None, [f"{label}: topic: unknown topic {show(value)}{hint}"]
    if path.stem in known and path.stem != value:
        return value, [
            f"{label}: topic: {value!r} does not match the file name, which names topic {path.stem!r}"
        ]
    return value, []


def _text_problems(text: str, index: RubricIndex) -> list[str]:
    if not text.strip():
        return ["empty text"]
    found = []
    if _CONTROL.search(text):
        found.append("contains control characters (tabs, newlines or escapes); keep it to one line")
    if len(text) > MAX_TEXT_CHARS:
        found.append(f"{len(text)} characters long; keep a question under {MAX_TEXT_CHARS}")
    first = text.split()[0].casefold().replace("’", "'").strip("\"'‘“(,")
    if first in _CLOSED_OPENERS:
        found.append(
            f"reads as a yes/no question (starts {text.split()[0]!r}); ask it open: "
            "'How…', 'Tell me about…', 'Walk me through…'"
        )
    quoted = index.find_quote(text)
    if quoted:
        criterion_id, run = quoted
        found.append(
            f"quotes the criterion text of {criterion_id} ({run!r}); ask in your own words"
        )
    return found


def question_problems(
    label: str, q: ParsedQuestion, topic: str | None, index: RubricIndex
) -> list[str]:
    """Problems with one well-shaped question on its own."""
    at = f"{label}: {q.where}"
    entry = q.entry
    found: list[str] = []
    if not entry.id.strip():
        found.append(f"{at}.id: empty id")
    elif len(entry.id) > MAX_ID_CHARS or not ID_PATTERN.fullmatch(entry.id):
        found.append(
            f"{at}.id: {show(entry.id)} is not a valid id; use letters, digits, '-', '_' or '.' "
            f"(at most {MAX_ID_CHARS}), starting with a letter or digit"
        )
    found += [f"{at}.text: {p}" for p in _text_problems(entry.text, index)]
    if not entry.targets:
        found.append(f"{at}.targets: no targets; list the criterion ids the question is aimed at")
    criteria = index.criteria
    seen: set[str] = set()
    for j, target in enumerate(entry.targets):
        where = f"{at}.targets[{j}]"
        criterion = criteria.get(target)
        if criterion is None:
            found.append(f"{where}: unknown criterion id {show(target)}")
        elif topic is not None and criterion.topic_id != topic:
            found.append(
                f"{where}: {target!r} is a criterion of topic {criterion.topic_id!r}, "
                f"not of this file's topic {topic!r}"
            )
        elif target in seen:
            found.append(f"{where}: {target!r} is listed twice")
        seen.add(target)
    return found


def _read_regular(path: Path) -> bytes | None:
    """At most MAX_FILE_BYTES + 1 bytes of a regular file; None for anything else. The size on disk
    is not trusted (a symlink to /dev/zero says 0), and a FIFO is opened without waiting for a
    writer."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(mode):
            return None
        chunks: list[bytes] = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bank_file(
    path: Path, label: str, index: RubricIndex
) -> tuple[ParsedFile | None, list[str]]:
    """The file's well-shaped questions and every problem found in it alone. Never raises."""
    try:
        raw = _read_regular(path)
    except OSError as exc:
        return None, [f"{label}: file: cannot be read ({exc.strerror or exc.__class__.__name__})"]
    if raw is None:
        return None, [f"{label}: file: not a regular file (a device or a pipe)"]
    if len(raw) > MAX_FILE_BYTES:
        return None, [f"{label}: file: larger than {MAX_FILE_BYTES // 1_000_000} MB"]
    text, problems = _decode(label, raw)
    if text is None:
        return None, problems
    data, problems = _parse_toml(label, text)
    if data is None:
        return None, problems
    try:
        BankFile.model_validate(data)
    except ValidationError as exc:
        problems += shape_problems(label, exc)
    topic, topic_problems = _topic(label, path, data, index)
    problems += topic_problems
    parsed = ParsedFile(label=label, name=path.name, topic=topic)
    for kind in KINDS:
        items = data.get(kind)
        if not isinstance(items, list):
            continue
        for position, item in enumerate(items):
            try:
                entry = QuestionEntry.model_validate(item)
            except ValidationError:
                continue  # reported by the whole-file check above
            q = ParsedQuestion(kind=kind, index=position, entry=entry)
            parsed.questions.append(q)
            problems += question_problems(label, q, topic, index)
    return parsed, problems
