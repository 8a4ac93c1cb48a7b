"""The shape of a question-bank file (the boundary), and how shape errors are worded for the user.

A bank file is TOML: a `topic` string, then `[[opening]]` and `[[probe]]` tables, each with `id`, `text`
and `targets` (a list of criterion ids). Nothing else is allowed, and no value is coerced: `id = 3` is
an error, not the string "3".
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, StrictStr, ValidationError

from practice_bot.banks.models import QuestionKind

KINDS: tuple[QuestionKind, ...] = ("opening", "probe")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


class QuestionEntry(BaseModel):
    """One `[[opening]]` or `[[probe]]` table."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    id: StrictStr
    text: StrictStr
    targets: list[StrictStr]


class BankFile(BaseModel):
    """A whole bank file."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    topic: StrictStr
    opening: list[QuestionEntry] = []
    probe: list[QuestionEntry] = []


def show(value: object, limit: int = 60) -> str:
    """A value from a user's file, quoted, escaped and shortened so it stays on one safe line."""
    if isinstance(value, str) and len(value) > limit:
        return repr(value[:limit]) + "…"
    text = repr(value)
    return text if len(text) <= limit + 2 else text[: limit + 2] + "…"


def clean_label(text: str) -> str:
    """A file name or path fit for one output line: control characters escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def key_path(loc: tuple[int | str, ...]) -> str:
    """('probe', 2, 'targets', 0) -> 'probe[2].targets[0]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        name = part if _PLAIN_KEY.fullmatch(part) else show(part)
        out += f".{name}" if out else name
    return out or "file"


def _type_name(value: object) -> str:
    names = {
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "an array",
        dict: "a table",
    }
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return "a date/time" if value.__class__.__module__ == "datetime" else type(value).__name__


def _message(error: Any) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    got = _type_name(error.get("input"))
    if kind == "missing":
        return "missing"
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "string_type":
        return f"expected text in quotes, got {got}"
    if kind == "list_type":
        if len(loc) == 1 and loc[0] in KINDS:
            return f"expected an array of tables ([[{loc[0]}]]), got {got}"
        return f"expected an array of strings, got {got}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a table, got {got}"
    return str(error.get("msg", "invalid value"))


def shape_problems(
    label: str, error: ValidationError, prefix: tuple[int | str, ...] = ()
) -> list[str]:
    """One `FILE: key.path: message` line per pydantic error."""
    return [
        f"{label}: {key_path(prefix + tuple(e['loc']))}: {_message(e)}"
        for e in error.errors(include_url=False)
    ]
