"""What the app remembers between runs (the apprentice's name, theme, last choices): a small JSON file.
Consent to send answers to an endpoint is kept apart, by practice_bot.llm.consent.

It lives in the platform data folder, or in the folder PRACTICE_BOT_DATA_DIR names (tests). The file is
0600 and its folder 0700; a missing or unreadable file just means nothing is remembered yet.

Standard library only (and platformdirs): the start screen reads it for its first frame, before the
settings (pydantic) are loaded.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from practice_bot.paths import data_home

PREFS_FILE = "prefs.json"


def prefs_path() -> Path:
    return data_home() / PREFS_FILE


@dataclass
class Prefs:
    name: str = ""
    theme: str = ""
    mode: str = "practice"
    topics: list[str] = field(default_factory=list)
    tutor: str = ""  # the review screens' tutor name, recorded with each override

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Prefs:
        """Keep only known fields of the right type: a hand-edited file never breaks the app."""
        prefs = cls()
        for f in fields(cls):
            value = data.get(f.name)
            default = getattr(prefs, f.name)
            if isinstance(default, str) and isinstance(value, str):
                setattr(prefs, f.name, value[:200])
            elif isinstance(default, list) and isinstance(value, list):
                setattr(prefs, f.name, [v for v in value if isinstance(v, str)][:100])
        return prefs


def load_prefs(path: Path | None = None) -> Prefs:
    path = path or prefs_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Prefs()
    return Prefs.from_dict(data) if isinstance(data, dict) else Prefs()


def save_prefs(prefs: Prefs, path: Path | None = None) -> bool:
    """Write the prefs atomically (0600); returns False if the folder cannot be written."""
    import secrets  # here: the start screen reads the prefs at once, and writes them only later

    path = path or prefs_path()
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(3)}.tmp")
    try:
        from practice_bot.folders import make_private_folder

        make_private_folder(path.parent)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(prefs), fh, indent=2, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True
