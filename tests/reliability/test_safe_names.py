"""Apprentice names become safe file names: never a path outside the transcripts folder, never a
device name Windows reserves (with or without an extension), never too long, never empty."""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice_bot.records.schema import Transcript
from practice_bot.records.store import create_journal, slug

RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
            "conin$", "conout$"}  # fmt: skip
NASTY = [
    "../../etc/passwd", "..", ".", "...", "/", "\\", "C:\\Windows\\System32", "\\\\server\\share\\x",
    "a/b\\c", "~", "~root", "$HOME", "%APPDATA%", "CON", "con.txt", "Con.Journal.jsonl", "NUL", "nul.",
    "COM1", "com1.json", "COM¹", "LPT9", "lpt9.tar.gz", "AUX ", " PRN", "x" * 500, "é" * 500, "", "   ",
    "\x00", "\x1b[31mred\x1b[0m", "\u202eevil\u202c", "名前", "👩🏽‍💻", "Zoë Ørsted", "O'Brien-Smith",
    "name\nwith\nnewlines", "-leading-dash", "trailing.", "*?<>|\":",
]  # fmt: skip
NAMES = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=600),
    st.from_regex(r"(?i)(con|nul|aux|prn|com\d|lpt\d)(\.[a-z]{1,4}){0,2}", fullmatch=True),
)


def _safe_stem(name: str) -> None:
    s = slug(name)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s), s
    assert 1 <= len(s) <= 40
    assert s not in RESERVED
    # Windows reserves a device name before the first dot too: "con.txt" is CON.
    assert s.split(".")[0] not in RESERVED


@settings(max_examples=300, deadline=None)
@given(name=NAMES)
def test_any_name_becomes_a_safe_slug(name):
    _safe_stem(name)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES)
def test_the_journal_always_lands_inside_the_folder(name):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "transcripts"
        transcript = Transcript(
            id="0a1b2c3d", apprentice=name, mode="practice", topics=["model-scoping"], seed=1,
            minutes=30, started_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        )  # fmt: skip
        path = create_journal(folder, transcript).path
        assert path.resolve().parent == folder.resolve()
        assert re.fullmatch(
            r"[a-z0-9-]+-20260302-1000-practice-[0-9a-f]{8}\.journal\.jsonl", path.name
        )
        assert path.name.split(".")[0] not in RESERVED and len(path.name) < 100
        assert {p.name for p in Path(tmp).rglob("*")} == {"transcripts", path.name}


def test_reserved_names_and_traversal_examples():
    for name in NASTY:
        _safe_stem(name)
    assert slug("CON") != "con" and slug("con.txt") == "con-txt"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("COM¹") == "com1-x"  # NFKD folds the superscript: still a device name, so changed
