"""Making folders: every folder the app creates is private (0700), its missing parents too, whatever
the umask. `Path.mkdir(parents=True, mode=...)` applies the mode to the last folder only and makes the
parents with the umask's default (0777 under `umask 000`). A folder that already exists is left as it
is (a tutor may share a class folder on purpose)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE = 0o700


def make_private_folder(folder: Path) -> Path:
    """Create `folder` and any missing parents as 0700; raises OSError as mkdir does."""
    missing: list[Path] = []
    current = folder
    while not os.path.lexists(current) and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE)
        except FileExistsError:
            continue  # made meanwhile by someone else: theirs to keep as it is
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE)  # the umask may have taken bits off even 0700
    if not folder.is_dir():
        raise NotADirectoryError(20, "not a folder", str(folder))
    return folder
