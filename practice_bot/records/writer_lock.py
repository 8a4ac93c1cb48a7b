"""One live writer per session: a process holds an advisory lock on a journal while it runs the session.

Two processes appending to one journal (a second terminal resuming while the first still runs, or two
resumes at once) would interleave records that both think are the next turn. So starting or resuming a
session takes an exclusive `flock` on the journal file and keeps it until the session ends or the
process dies (the kernel lets go then, so a crash never leaves a session locked). Who holds it (pid,
host, since when) is written beside the journal in a hidden `.<journal>.owner` file, so the second
process can say which process it lost to. Within one process the lock is re-entrant: the app can leave
a session and resume it again. Where `fcntl` does not exist (Windows) nothing is locked.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

from practice_bot.errors import TranscriptError

_HELD: dict[tuple[int, int], int] = {}  # (device, inode) of a locked journal -> the fd holding it
_PATHS: dict[str, tuple[int, int]] = {}


class SessionInUse(TranscriptError):
    """Another process is running this session."""


def owner_path(journal: Path) -> Path:
    return journal.with_name(f".{journal.name}.owner")


def lock_journal(journal: Path) -> None:
    """Take the session's writer lock, or raise SessionInUse naming the process that holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        fd = os.open(journal, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise TranscriptError(f"{journal}: cannot open: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    key = (info.st_dev, info.st_ino)
    if key in _HELD:  # this process runs it already (the app resuming a session it left)
        os.close(fd)
        _PATHS[str(journal)] = key
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise SessionInUse(
            f"{journal}: this session is already running in {_describe_owner(journal)}; "
            "finish it there (or close that process) before resuming it here"
        ) from None
    _HELD[key] = fd
    _PATHS[str(journal)] = key
    _write_owner(journal)


def release_journal(journal: Path) -> None:
    """Let go of the lock (the session ended or moved to another journal) and remove the owner note."""
    key = _PATHS.pop(str(journal), None)
    if key is None:
        return
    if key not in _PATHS.values():
        fd = _HELD.pop(key, None)
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
    with contextlib.suppress(OSError):
        owner_path(journal).unlink()


def _write_owner(journal: Path) -> None:
    note = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    target = owner_path(journal)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):  # only informative: a session runs without it
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(note))
        os.replace(tmp, target)


def _describe_owner(journal: Path) -> str:
    try:
        fd = os.open(owner_path(journal), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            note = json.loads(fh.read(4096))
        pid, host, since = int(note["pid"]), str(note["host"])[:100], str(note["since"])[:40]
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"
    return f"another process (pid {pid} on host {host!r}, since {since})"
