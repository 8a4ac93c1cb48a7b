"""Errors a user can cause: each carries a message for that user, shown without a traceback."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A problem the user can fix (bad file, bad flag, missing folder); the message says what and where."""


class TranscriptError(UserError):
    """A transcript or journal that cannot be read or written."""


def read_user_text(path: Path, what: str) -> str:
    """A file the user named, as UTF-8 text; each way it can fail is a UserError naming the path
    (`what` says what the file should have been, e.g. "an answer file")."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a directory, not {what}") from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
