"""Small formatting helpers every layer may use (records, session, the front ends): standard library
only, importing nothing of the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime


def clock_text(seconds: float) -> str:
    """Minutes and seconds as a clock shows them: 125 -> "02:05" (negative times read "00:00")."""
    seconds = max(int(seconds), 0)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def started_stamp(when: datetime) -> str:
    """When a session started, as lists of sessions show it: "2026-01-02 14:30"."""
    return when.strftime("%Y-%m-%d %H:%M")
