"""Retention: find and delete transcripts older than a number of days, never outside their folder.

Age is measured from when the session started (`started_at` in the file), so reviewing a transcript does
not extend its life. Only transcript files (`.json`, `.journal.jsonl`) directly inside the folder are
candidates; sub-folders, hidden and temporary files, symbolic links and files that cannot be read as
transcripts are never deleted (unreadable ones are listed so a person can decide).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from practice_bot.errors import TranscriptError, UserError
from practice_bot.records.store import JOURNAL_SUFFIX, load_transcript, transcript_files


@dataclass
class PurgeItem:
    path: Path
    apprentice: str
    started_at: datetime
    age_days: float
    in_progress: bool


@dataclass
class PurgePlan:
    folder: Path
    older_than_days: float
    delete: list[PurgeItem] = field(default_factory=list)
    kept: int = 0
    skipped: list[str] = field(default_factory=list)  # why a file was left alone


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def inside(folder: Path, path: Path) -> bool:
    """True when `path` is a regular file directly inside `folder` (no link, no sub-folder)."""
    if path.is_symlink() or not path.is_file():
        return False
    return path.resolve().parent == folder.resolve()


def plan_purge(folder: Path, older_than_days: float, now: datetime | None = None) -> PurgePlan:
    """What a purge would delete; nothing is touched."""
    if not math.isfinite(older_than_days) or older_than_days < 0:
        raise UserError(f"--older-than: {older_than_days}: give a number of days, 0 or more")
    if not folder.is_dir():
        raise UserError(f"{folder}: not a transcripts folder")
    now = _aware(now or datetime.now(UTC))
    try:
        cutoff = now - timedelta(days=older_than_days)
    except OverflowError:  # longer ago than any date: nothing is that old
        cutoff = datetime.min.replace(tzinfo=UTC)
    plan = PurgePlan(folder, older_than_days)
    for path in transcript_files(folder, links=True):
        if not inside(folder, path):
            plan.skipped.append(f"{path}: not a regular file directly in the folder; left alone")
            continue
        try:
            transcript = load_transcript(path)
        except TranscriptError as exc:
            plan.skipped.append(f"{exc}; left alone")
            continue
        started = _aware(transcript.started_at)
        if started < cutoff:
            plan.delete.append(
                PurgeItem(
                    path,
                    transcript.apprentice,
                    started,
                    (now - started).total_seconds() / 86400,
                    path.name.endswith(JOURNAL_SUFFIX),
                )
            )
        else:
            plan.kept += 1
    plan.delete.sort(key=lambda i: i.started_at)
    return plan


def carry_out(plan: PurgePlan) -> tuple[list[Path], list[str]]:
    """Delete the planned files (checking each is still inside the folder); (deleted, problems)."""
    deleted: list[Path] = []
    problems: list[str] = []
    for item in plan.delete:
        if not inside(plan.folder, item.path):
            problems.append(f"{item.path}: no longer a file directly in {plan.folder}; left alone")
            continue
        leftovers = companions(plan.folder, item.path)
        try:
            item.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(f"{item.path}: cannot delete: {exc.strerror or exc}")
            continue
        for extra in leftovers:
            try:
                extra.unlink(missing_ok=True)
            except OSError as exc:
                problems.append(
                    f"{extra}: a copy of {item.path.name}; cannot delete: {exc.strerror or exc}"
                )
        deleted.append(item.path)
        if item.path.name.endswith(JOURNAL_SUFFIX):  # its unsent draft goes with it
            from practice_bot.records.drafts import clear_draft

            clear_draft(item.path)
    return deleted, problems


def companions(folder: Path, path: Path) -> list[Path]:
    """Files beside a transcript that hold (part of) the same session: the temporary copy a crash
    while saving leaves (`.<name>.<random>.tmp`, for the journal or the final file), the lines cut off
    a journal (`<journal>.cut-<time>`) and the note naming its writer (`.<journal>.owner`)."""
    journal, final = _names(path.name)
    patterns = [f".{journal}.*.tmp", f".{final}.*.tmp", f"{journal}.cut-*", f".{journal}.owner"]
    found = {p for pattern in patterns for p in folder.glob(pattern)}
    return sorted(p for p in found if inside(folder, p))


def _names(name: str) -> tuple[str, str]:
    stem = name[: -len(JOURNAL_SUFFIX)] if name.endswith(JOURNAL_SUFFIX) else name[: -len(".json")]
    return stem + JOURNAL_SUFFIX, stem + ".json"
