"""The transcripts folder: safe file names, exclusive creation, atomic final files, loading and listing.

A session lives in `<name>.journal.jsonl` while it runs; when it ends, `<name>.json` is written atomically
and the journal removed. Files are 0600 and the folder 0700.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from practice_bot.errors import TranscriptError
from practice_bot.folders import make_private_folder
from practice_bot.paths import data_home
from practice_bot.records.files import (
    FINAL_SUFFIX,
    JOURNAL_SUFFIX,
    RESCUE_FOLDER,
    is_journal,
    own_private_folder,
    read_each,
    read_text,
    temp_rescue_name,
)
from practice_bot.records.files import (
    transcript_files as transcript_files,  # callers list files through the store
)
from practice_bot.records.journal import (
    FILE_MODE,
    Journal,
    JournalWriteError,
    check_references,
    replay,
)
from practice_bot.records.schema import Transcript
from practice_bot.textsafe import check_text, redact

DIR_MODE = 0o700
_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(10)),  # COM0 and LPT0 too, as Windows now documents
    *(f"lpt{i}" for i in range(10)),
}  # fmt: skip


def slug(name: str, limit: int = 40) -> str:
    """A file-name-safe slug: ASCII letters, digits and dashes, never empty, never a device name."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:limit].strip("-")
    if not text:
        text = "apprentice"
    if text in _RESERVED:
        text = f"{text}-x"
    return text


def ensure_folder(folder: Path) -> Path:
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise TranscriptError(
            f"{folder}: cannot create the transcripts folder: {exc.strerror or exc}"
        ) from None
    _tighten(folder)
    return folder


def _tighten(folder: Path) -> None:
    """The repository's `transcripts/` (kept in git by its `.gitkeep`, so 0755 in a fresh clone)
    becomes 0700 at its first use, while it holds nothing but hidden files. Any other folder that
    already exists is left as it is (a tutor may share a class folder on purpose)."""
    with contextlib.suppress(OSError):
        st = folder.stat()
        if not st.st_mode & 0o077 or st.st_uid != getattr(os, "getuid", lambda: st.st_uid)():
            return
        names = [p.name for p in folder.iterdir()]
        if ".gitkeep" in names and all(n.startswith(".") for n in names):
            folder.chmod(DIR_MODE)


def check_folder_private(folder: Path) -> None:
    """Refuse a folder other users can write to (they could swap a session's files for their own),
    unless it is sticky and owned by this user or root, as /tmp is: then only a file's owner can
    rename or remove it. A tutor sharing a class folder makes it sticky (`chmod +t`)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: folders carry ACLs, not modes
        return
    try:
        info = os.stat(folder)
    except OSError as exc:
        raise TranscriptError(f"{folder}: cannot use this folder: {exc.strerror or exc}") from None
    shared = info.st_mode & stat.S_IWOTH or (
        info.st_mode & stat.S_IWGRP and not _private_group(info.st_gid, info.st_uid)
    )
    guarded = info.st_mode & stat.S_ISVTX and info.st_uid in (0, os.getuid())
    if shared and not guarded:
        raise TranscriptError(
            f"{folder}: other users can write to this folder (mode "
            f"{stat.S_IMODE(info.st_mode):04o}), so they could replace a session's files; make it "
            "private (chmod 700) or, to share it with a class, sticky (chmod +t)"
        )


def _private_group(gid: int, uid: int) -> bool:
    """A user's own group (named after them, no other members), as `umask 002` systems give every
    user: group-writable then means writable by that user alone."""
    try:
        import grp
        import pwd

        group = grp.getgrgid(gid)
        owner = pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return False
    return group.gr_name == owner and set(group.gr_mem) <= {owner}


def new_transcript_id() -> str:
    return secrets.token_hex(4)


def create_journal(folder: Path, transcript: Transcript) -> Journal:
    """Create `<slug>-<date>-<mode>-<id>.journal.jsonl` exclusively, holding its header record.

    The header is written to a hidden file first, which is then hard-linked into place: the link
    fails if the name is taken, and a journal is never seen (by a tutor listing the folder, or after
    a crash) without its header. Where links are not supported, the file is created with O_EXCL
    and the header written into it.
    """
    ensure_folder(folder)
    check_folder_private(folder)
    stamp = transcript.started_at.strftime("%Y%m%d-%H%M")
    base = f"{slug(transcript.apprentice)}-{stamp}-{transcript.mode}"
    for _ in range(20):
        path = folder / f"{base}-{transcript.id}{JOURNAL_SUFFIX}"
        final = folder / f"{base}-{transcript.id}{FINAL_SUFFIX}"
        if not final.exists():
            header = {"kind": "header", "transcript": transcript.model_dump(mode="json")}
            if _link_new(path, header):
                # A session of the same name may have finished between the check and the link (its
                # final file is written before its journal goes): then this name is its, not ours.
                if not final.exists():
                    return Journal(path)
                path.unlink(missing_ok=True)
        transcript.id = new_transcript_id()
    raise TranscriptError(f"{folder}: could not find a free file name for a new transcript")


def _link_new(path: Path, header: dict[str, Any]) -> bool:
    """Make `path` hold just the header record, if the name is free; False when it is taken."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(3)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except OSError as exc:
        raise TranscriptError(f"{path}: cannot create: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        try:
            Journal(tmp).write(header)
        except JournalWriteError as exc:
            raise TranscriptError(f"{path}: cannot create: {exc.reason}") from None
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here (some network and FAT file systems)
            return _create_new(path, header)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _create_new(path: Path, header: dict[str, Any]) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    except OSError as exc:
        raise TranscriptError(f"{path}: cannot create: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        Journal(path).write(header)
    except TranscriptError:
        path.unlink(missing_ok=True)  # an empty journal is no use to anyone
        raise
    return True


def rescue_folders() -> list[Path]:
    """Where a session goes when its own folder cannot take another record: the app's data folder
    (PRACTICE_BOT_DATA_DIR overrides it), then a private folder in the system's temporary folder."""
    return [data_home() / RESCUE_FOLDER, _private_temp_folder()]


def _private_temp_folder() -> Path:
    """The temporary rescue folder (`files.temp_rescue_name`) if it is this user's own private folder
    (made now if need be); if someone else made it first, or made it readable by others, a fresh
    folder with a random name instead: a predictable name in a shared folder is never trusted."""
    import tempfile

    named = temp_rescue_name()
    with contextlib.suppress(OSError):
        named.mkdir(mode=DIR_MODE)  # its parent is the system's: never made here
    try:
        if own_private_folder(named):
            return named
        return Path(tempfile.mkdtemp(prefix=f"{named.name}-"))
    except OSError:
        return named  # nothing can be made there: saving to it fails with a clear message


def move_journal(transcript: Transcript, folder: Path, old: Path | None = None) -> Journal:
    """Carry a running session on in a new journal in `folder`: its header record holds the whole
    transcript so far. The old journal, now out of date, is removed when that is possible."""
    from practice_bot.records.writer_lock import lock_journal, release_journal

    journal = create_journal(folder, transcript)
    lock_journal(journal.path)
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    if old is not None and old != journal.path:
        with contextlib.suppress(OSError):
            old.unlink()
        release_journal(old)
    return journal


def final_path(journal_path: Path) -> Path:
    name = journal_path.name
    if name.endswith(JOURNAL_SUFFIX):
        name = name[: -len(JOURNAL_SUFFIX)] + FINAL_SUFFIX
    return journal_path.with_name(name)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, fsync, then rename over `path` (any secret the
    app holds redacted)."""
    text = redact(text)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(3)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def save_final(journal_path: Path, transcript: Transcript) -> Path:
    """Write the finished transcript atomically beside its journal, then remove the journal."""
    path = final_path(journal_path)
    try:
        write_atomic(path, transcript.model_dump_json(indent=2))
    except OSError as exc:
        raise TranscriptError(
            f"{path}: cannot save the transcript: {exc.strerror or exc}; the journal "
            f"{journal_path} still holds every answer"
        ) from None
    from practice_bot.records.writer_lock import release_journal

    journal_path.unlink(missing_ok=True)
    release_journal(journal_path)
    return path


def save_transcript(path: Path, transcript: Transcript) -> None:
    """Rewrite a finished transcript file atomically (overrides, new judgment layers)."""
    try:
        write_atomic(path, transcript.model_dump_json(indent=2))
    except OSError as exc:
        raise TranscriptError(f"{path}: cannot save: {exc.strerror or exc}") from None


def load_transcript(path: Path) -> Transcript:
    """Load a finished transcript (.json) or an in-progress one (its journal)."""
    if is_journal(path):
        transcript, _ = replay(path)
        return transcript
    raw = read_text(path)
    try:
        data = json.loads(raw)
        check_text(raw, data)
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"{path}: line {exc.lineno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise TranscriptError(f"{path}: nested too deeply to be a transcript") from None
    except ValueError as exc:
        raise TranscriptError(f"{path}: {exc}") from None
    try:
        transcript = Transcript.model_validate(data)
    except ValidationError as exc:
        raise TranscriptError(f"{path}: {validation_summary(exc)}") from None
    problem = check_references(transcript)
    if problem:
        raise TranscriptError(f"{path}: {problem}")
    return transcript


def validation_summary(exc: ValidationError, most: int = 3) -> str:
    """`field.path: message` for the first few problems, and how many more there were."""
    errors = exc.errors()
    parts = [
        f"{'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}" for e in errors[:most]
    ]
    if len(errors) > most:
        parts.append(f"and {len(errors) - most} more problems")
    return "; ".join(parts)


@dataclass
class Entry:
    path: Path
    transcript: Transcript

    @property
    def in_progress(self) -> bool:
        return is_journal(self.path)


def list_transcripts(folder: Path) -> tuple[list[Entry], list[str]]:
    """Every readable transcript in a folder, newest first, and a message per unreadable file."""
    entries, problems = read_each(folder, lambda path: Entry(path, load_transcript(path)))
    entries.sort(key=lambda e: e.transcript.started_at, reverse=True)
    return entries, problems


def latest_in_progress(folder: Path, apprentice: str | None = None) -> Entry | None:
    entries, _ = list_transcripts(folder)
    for entry in entries:
        if entry.in_progress and (apprentice is None or entry.transcript.apprentice == apprentice):
            return entry
    return None
