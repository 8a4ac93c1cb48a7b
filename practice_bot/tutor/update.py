"""Changing a finished transcript on disk: under a folder lock, reload, change, write atomically.

Tutors may review the same folder at once (a shared drive, two terminals); the lock makes each change a
read-modify-write that cannot lose another's. It is advisory (`fcntl.flock` on the folder) and only held
for the few milliseconds of the update; where `fcntl` does not exist the update is still atomic.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from practice_bot.errors import TranscriptError
from practice_bot.records.schema import Transcript
from practice_bot.records.store import JOURNAL_SUFFIX, load_transcript, save_transcript

T = TypeVar("T")


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def require_finished_file(path: Path) -> None:
    if path.name.endswith(JOURNAL_SUFFIX):
        raise TranscriptError(
            f"{path}: this session is still in progress; finish or resume it before reviewing it"
        )
    if not path.is_file():
        raise TranscriptError(f"{path}: no such transcript file")


def update_transcript(path: Path, change: Callable[[Transcript], T]) -> T:
    """Apply `change` to the transcript at `path` and save it atomically; returns what `change` did."""
    require_finished_file(path)
    with folder_lock(path.parent):
        transcript = load_transcript(path)
        result = change(transcript)
        save_transcript(path, transcript)
    return result
