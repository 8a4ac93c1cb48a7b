"""Class packs: a TOML file fixing a mock exam's plan (topics, seed and so question order, minutes) and
the folder its transcripts go to, so a whole room sits an equivalent discussion.

The file is written by `pack_text` (every string escaped as a TOML basic string) and read back with
`tomllib`, validated by the `Pack` model; errors name the file and the field. A relative `transcripts`
folder is relative to the pack file's own folder, so a pack and its transcripts can travel together.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from practice_bot.errors import UserError
from practice_bot.records.store import slug, validation_summary

PACK_VERSION = 1
MAX_MINUTES = 240.0
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, max_length=120)
    mode: Literal["mock"] = "mock"
    seed: int = Field(ge=0, le=2**31 - 1)
    minutes: float = Field(gt=0, le=MAX_MINUTES, allow_inf_nan=False)
    topics: list[str] = []  # empty: every topic
    transcripts: str = Field(min_length=1)
    created_at: datetime | None = None
    # In `practice-bot serve`: whether the mock clock runs while a learner's browser is away.
    clock_runs_while_away: bool = False

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, topics: list[str]) -> list[str]:
        from practice_bot.rubric import load_rubric

        known = load_rubric().topic_ids
        for i, t in enumerate(topics):
            if t not in known:
                raise ValueError(f"item {i}: unknown topic {t!r}; known topics: {', '.join(known)}")
        if len(set(topics)) != len(topics):
            raise ValueError("a topic is listed twice")
        return [t for t in known if t in topics]  # the standard's order, as the plan uses

    @field_validator("name", "transcripts")
    @classmethod
    def _plain_text(cls, value: str) -> str:
        if any((ord(ch) < 0x20 and ch != "\t") or 0x7F <= ord(ch) <= 0x9F for ch in value):
            raise ValueError("control characters are not allowed")
        if any(0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069 for ch in value):
            raise ValueError("bidi override characters are not allowed (they disguise text)")
        if not value.strip():
            raise ValueError("must not be blank")
        return value


def toml_string(text: str) -> str:
    """`text` as a TOML basic string: quotes, backslashes and control characters escaped."""
    named = {
        '"': '\\"',
        "\\": "\\\\",
        "\b": "\\b",
        "\t": "\\t",
        "\n": "\\n",
        "\f": "\\f",
        "\r": "\\r",
    }
    out = []
    for ch in text:
        if ch in named:
            out.append(named[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            raise UserError("text with an unpaired surrogate cannot be written to a pack")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def pack_text(pack: Pack) -> str:
    """The pack as TOML, with a comment saying what it is and how to sit it."""
    lines = [
        "# practice-bot class pack: every apprentice who sits it gets the same plan.",
        "# Sit it with: practice-bot mock --pack THIS_FILE --name YOUR_NAME",
        f"version = {pack.version}",
        f"id = {toml_string(pack.id)}",
        f"name = {toml_string(pack.name)}",
        f"mode = {toml_string(pack.mode)}",
        f"seed = {pack.seed}",
        f"minutes = {float(pack.minutes)!r}",
        "topics = [" + ", ".join(toml_string(t) for t in pack.topics) + "]",
        "# Relative folders are relative to this file's folder.",
        f"transcripts = {toml_string(pack.transcripts)}",
    ]
    if pack.clock_runs_while_away:
        lines.append("clock_runs_while_away = true")
    if pack.created_at is not None:
        lines.append(
            f"created_at = {pack.created_at.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}"
        )
    return "\n".join(lines) + "\n"


def new_pack_id(name: str) -> str:
    return f"{slug(name, 40)}-{secrets.token_hex(3)}"


def make_pack(
    name: str,
    *,
    out: Path,
    seed: int | None = None,
    topics: list[str] | None = None,
    minutes: float = 90.0,
    transcripts: Path | None = None,
    pack_id: str | None = None,
    now: datetime | None = None,
) -> Pack:
    """A validated pack; `transcripts` (default `transcripts/<id>` beside the pack) is stored relative
    to the pack file's folder when it lies under it."""
    pid = pack_id or new_pack_id(name)
    if transcripts is None:
        folder = f"transcripts/{pid}"
    else:
        base = out.expanduser().absolute().parent
        target = transcripts.expanduser().absolute()
        try:
            folder = target.relative_to(base).as_posix() or "."
        except ValueError:
            raise UserError(
                f"--transcripts: {target} is not inside the pack's folder {base}; a pack's "
                "transcripts go beside it (apprentices' copies refuse any other place), so write "
                "the pack into the class folder"
            ) from None
    data = {
        "id": pid,
        "name": name,
        "seed": seed if seed is not None else secrets.randbelow(1_000_000),
        "minutes": minutes,
        "topics": topics or [],
        "transcripts": folder,
        "created_at": (now or datetime.now(UTC)).replace(microsecond=0),
    }
    try:
        return Pack.model_validate(data)
    except ValidationError as exc:
        problems = [f"--{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise UserError(f"pack new: {'; '.join(problems)}") from None


def write_pack(pack: Pack, out: Path, *, force: bool = False) -> Path:
    """Write the pack file (readable by the class: 0644 before the umask); refuses to overwrite
    unless `force`. The text is read back and checked before it replaces anything."""
    text = pack_text(pack)
    if load_pack_text(text, out) != pack:  # pragma: no cover - guards the writer itself
        raise UserError(f"{out}: the pack did not read back as written")
    if out.exists() and not force:
        raise UserError(f"{out}: already exists; choose another --out or add --force")
    from practice_bot.folders import make_private_folder

    try:
        make_private_folder(out.parent)
    except OSError as exc:
        raise UserError(f"{out.parent}: cannot create the folder: {exc.strerror or exc}") from None
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(3)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"{out}: cannot write: {exc.strerror or exc}") from None
    return out


def load_pack_text(text: str, path: Path) -> Pack:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: not valid TOML: {exc}") from None
    try:
        return Pack.model_validate(data)
    except ValidationError as exc:
        raise UserError(f"{path}: {validation_summary(exc)}") from None


def load_pack(path: Path) -> Pack:
    """Read and validate a pack file; every error names the file and the field."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such pack file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    return load_pack_text(text, path)


def pack_folder(pack: Pack, path: Path, also_inside: Path | None = None) -> Path:
    """The pack's transcripts folder, relative to the pack file's folder. A pack comes from someone
    else, so it may not send transcripts anywhere else (an absolute path, `..`, `~/.config`...):
    only inside the pack's own folder, or inside `also_inside` (the user's transcripts folder)."""
    base = path.expanduser().absolute().parent
    folder = base / Path(pack.transcripts).expanduser()
    real = folder.resolve()
    for root in (base, also_inside):
        if root is not None and real.is_relative_to(root.expanduser().resolve()):
            return folder
    raise UserError(
        f"{path}: transcripts: {pack.transcripts!r} is outside the pack's folder; a pack may only "
        "keep transcripts beside it. Choose the folder yourself with --transcripts FOLDER"
    )
