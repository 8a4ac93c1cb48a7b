"""Stable pseudonyms for exports: `Apprentice-` and eight hex digits of a keyed hash of the name.

The key is what keeps a pseudonym from being reversed by hashing a class list: it is random, made once per
installation and kept in the app's data folder (`pseudonym.key`, mode 0600), so the same name gets the same
pseudonym on every run. A training provider whose tutors should share pseudonyms sets the same
PRACTICE_BOT_PSEUDONYM_KEY for all of them. Names are compared ignoring case and spacing.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from practice_bot.errors import UserError
from practice_bot.paths import data_home

KEY_FILE = "pseudonym.key"
KEY_ENV = "PRACTICE_BOT_PSEUDONYM_KEY"
PREFIX = "Apprentice-"


def key_path() -> Path:
    return data_home() / KEY_FILE


def _read_key(path: Path) -> bytes:
    try:
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read the pseudonym key: {exc}") from None
    if len(key) < 32:
        raise UserError(
            f"{path}: the pseudonym key is too short; delete the file to make a new one"
        )
    return key.encode("ascii")


def pseudonym_key() -> bytes:
    """The key from PRACTICE_BOT_PSEUDONYM_KEY, else the installation's key file (made on first use)."""
    shared = os.environ.get(KEY_ENV, "").strip()
    if shared:
        return shared.encode("utf-8")
    path = key_path()
    if path.is_file():
        return _read_key(path)
    try:
        from practice_bot.folders import make_private_folder

        make_private_folder(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return _read_key(path)
    except OSError as exc:
        raise UserError(
            f"{path}: cannot create the pseudonym key: {exc.strerror or exc}; set {KEY_ENV} instead"
        ) from None
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return key.encode("ascii")


def normalise(name: str) -> str:
    return " ".join(name.split()).casefold()


def pseudonym(name: str, key: bytes | None = None) -> str:
    """`Apprentice-1A2B3C4D`: the same for the same name (any case or spacing) and key; reveals nothing
    of the name without the key."""
    digest = hmac.new(key or pseudonym_key(), normalise(name).encode("utf-8"), hashlib.sha256)
    return PREFIX + digest.hexdigest()[:8].upper()
