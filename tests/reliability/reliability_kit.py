"""Shared helpers for the reliability tests: running the real CLI in a subprocess (optionally with the
kill shim), reading journals tolerantly, and checking output for terminal escape sequences."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHIM = Path(__file__).resolve().parent / "killshim"

# What must never reach a terminal from untrusted text: any C0 control but tab, newline and carriage
# return (ESC starts CSI/OSC/DCS sequences, BEL ends OSC), DEL, and the C1 controls (U+009B is CSI on
# its own, U+009D OSC, U+0090 DCS), also as a stray byte that is not UTF-8.
FORBIDDEN = frozenset(
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(0xDC00 + c) for c in range(0x80, 0xA0)]  # undecodable bytes 0x80-0x9f
)


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment for the CLI: no key or endpoint, config and data folders under `home`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("OPENAI_", "PRACTICE_BOT_", "PB_TEST_"))
    }
    env["PRACTICE_BOT_CONFIG"] = str(home / "no-config.toml")
    env["PRACTICE_BOT_DATA_DIR"] = str(home / "data")
    env["XDG_CONFIG_HOME"] = str(home / "xdg-config")
    env["XDG_DATA_HOME"] = str(home / "xdg-data")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def with_shim(env: dict[str, str], **extra: str) -> dict[str, str]:
    """`env` with the test shim (killshim/sitecustomize.py) loaded and its variables set."""
    out = dict(env, **extra)
    out["PYTHONPATH"] = os.pathsep.join(p for p in (str(SHIM), env.get("PYTHONPATH", "")) if p)
    return out


def run_cli(
    args: list[str],
    stdin: str | bytes,
    home: Path,
    *,
    kill: str | None = None,
    timeout: float = 60,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """`python -m practice_bot ARGS` with `stdin`; `kill` (KIND:N:HOW) loads the kill shim."""
    environ = env or cli_env(home)
    if kill:
        environ = with_shim(environ, PB_TEST_KILL=kill)
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "practice_bot", *args],
        input=data, capture_output=True, timeout=timeout, env=environ, cwd=home,
    )  # fmt: skip


def records(path: Path) -> list[dict[str, Any]]:
    """The journal's records, skipping a line that does not parse (a torn one)."""
    out = []
    for line in path.read_bytes().split(b"\n"):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict):
            out.append(rec)
    return out


def journal_answers(path: Path) -> list[str]:
    return [
        r["turn"]["text"]
        for r in records(path)
        if r.get("kind") == "turn" and r["turn"]["role"] == "apprentice"
    ]


def final_answers(data: dict[str, Any]) -> list[str]:
    return [t["text"] for t in data["turns"] if t["role"] == "apprentice"]


def one(folder: Path, suffix: str) -> Path:
    found = [p for p in folder.iterdir() if p.name.endswith(suffix)]
    assert len(found) == 1, f"expected one *{suffix} in {folder}: {found}"
    return found[0]


def finals(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith("."))


def escapes_in(data: bytes | str) -> list[str]:
    """The control characters in terminal output that could start or end an escape sequence."""
    text = data.decode("utf-8", "surrogateescape") if isinstance(data, bytes) else data
    return sorted({repr(ch) for ch in text if ch in FORBIDDEN})
