"""Where transcript files are: their names' endings, the transcript files in a folder, and every
folder this user's sessions live in (the transcripts folder, the folders sessions were started in, the
rescue folders).

Standard library only (no transcript models): the start screen lists recent sessions with it
(records/listing.py) before pydantic is imported.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from practice_bot.errors import TranscriptError
from practice_bot.paths import data_home

T = TypeVar("T")

JOURNAL_SUFFIX = ".journal.jsonl"  # a session while it runs
FINAL_SUFFIX = ".json"  # a session that has ended
RESCUE_FOLDER = "rescued-transcripts"


def transcript_files(folder: Path, *, links: bool = False) -> list[Path]:
    """The transcript files directly in a folder. A symlink may point out of the folder (another
    user's file), so links are left out unless asked for (purge lists them as left alone)."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    files = [
        p
        for p in folder.iterdir()
        if not p.name.startswith(".") and (links or not p.is_symlink()) and p.is_file()
    ]
    keep = [p for p in files if p.name.endswith(JOURNAL_SUFFIX)]
    keep += [p for p in files if p.suffix == FINAL_SUFFIX and not p.name.endswith(JOURNAL_SUFFIX)]
    return sorted(keep)


def is_journal(path: Path) -> bool:
    """Whether a transcript file is a running (or unfinished) session's journal."""
    return path.name.endswith(JOURNAL_SUFFIX)


def read_text(path: Path) -> str:
    """A transcript file's text; a file that cannot be read or is not UTF-8 is a TranscriptError
    naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TranscriptError(
            f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}"
        ) from None


def read_each(folder: Path, read: Callable[[Path], T]) -> tuple[list[T], list[str]]:
    """Each transcript file in a folder as `read` gives it, and a message per unreadable file (a
    journal that made way for its final file while we looked is skipped, not a problem)."""
    found: list[T] = []
    problems: list[str] = []
    for path in transcript_files(folder):
        try:
            found.append(read(path))
        except TranscriptError as exc:
            if not path.exists():
                continue  # a session finished (its journal made way for the final file) meanwhile
            problems.append(str(exc))
    return found, problems


def session_places(folder: Path) -> list[Path]:
    """Where this user's sessions live, `folder` first, each once: it, every folder a session was
    started in (class packs, --transcripts) and the rescue folders that exist (looked at, not made)."""
    from practice_bot.records.places import session_folders

    places: dict[Path, Path] = {}
    for place in [folder, *session_folders(), *existing_rescue_folders()]:
        places.setdefault(place.resolve(), place)
    return list(places.values())


def existing_rescue_folders() -> list[Path]:
    """The rescue folders that exist now, looked at without making anything: the temporary one only
    when it is this user's own private folder (never one someone else prepared)."""
    found = [data_home() / RESCUE_FOLDER]
    named = temp_rescue_name()
    with contextlib.suppress(OSError):
        if own_private_folder(named):
            found.append(named)
    return [f for f in found if f.is_dir()]


def temp_rescue_name() -> Path:
    """`<tmp>/practice-bot-<uid>-rescued-transcripts`: predictable, so never trusted unchecked."""
    import tempfile

    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"practice-bot-{uid}-{RESCUE_FOLDER}"


def own_private_folder(path: Path) -> bool:
    """A folder (not a link) of this user's, that nobody else can read. Raises OSError when it is
    not there."""
    info = os.lstat(path)
    return (
        stat.S_ISDIR(info.st_mode)
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
        and (not hasattr(os, "getuid") or info.st_uid == os.getuid())
    )
