"""Errors a user can cause: each carries a message for that user, shown without a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix (bad file, bad flag, missing folder); the message says what and where."""


class TranscriptError(UserError):
    """A transcript or journal that cannot be read or written."""
