"""The folders this user's sessions were started in (a class pack's folder, a --transcripts folder),
remembered so that `practice-bot resume` finds an unfinished session wherever it lives.

A small text file beside the prefs file, one folder a line (0600, its folder 0700); newest first, at most MOST folders.
Losing it loses nothing but that convenience, so it never stops a session: errors are ignored.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from practice_bot.paths import data_home

PLACES_FILE = "session-folders.txt"
MOST = 20


def places_path() -> Path:
    return data_home() / PLACES_FILE


def session_folders() -> list[Path]:
    """The remembered folders, newest first (an unreadable or hand-broken file: none)."""
    try:
        text = places_path().read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return []
    return [Path(line) for line in text.splitlines() if Path(line).is_absolute()][:MOST]


def remember_folder(folder: Path) -> None:
    """Put `folder` first in the list (absolute); best effort."""
    try:
        here = str(folder.resolve())
    except OSError:
        return
    if "\n" in here or "\r" in here:
        return  # a folder name no line can hold
    folders = [here] + [str(p) for p in session_folders() if str(p) != here]
    path = places_path()
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(3)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as fh:
            fh.write("".join(f"{f}\n" for f in folders[:MOST]))
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
