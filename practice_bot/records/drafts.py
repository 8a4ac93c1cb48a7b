"""An answer typed but not sent yet, kept beside the session's journal so that closing the terminal
does not lose it: `.<journal name>.draft`, hidden (never listed as a transcript), 0600, written
atomically. It names the question it answers; a resumed session puts it back in the answer box when
that question is still waiting. It goes when the answer is sent or the session is saved.

Kept out of the journal and the transcript on purpose: what was never sent is not part of the record a
tutor reads.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from practice_bot.records.store import write_atomic


def draft_path(journal: Path) -> Path:
    return journal.with_name(f".{journal.name}.draft")


def save_draft(journal: Path, question: int, text: str) -> None:
    """Keep the draft (an empty one removes the file). Raises OSError when it cannot be written."""
    path = draft_path(journal)
    if not text.strip():
        path.unlink(missing_ok=True)
        return
    write_atomic(path, json.dumps({"question": question, "text": text}, ensure_ascii=False))


def load_draft(journal: Path) -> tuple[int, str] | None:
    """(question index, text), or None when there is none or it cannot be read."""
    try:
        data = json.loads(draft_path(journal).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    question, text = data.get("question"), data.get("text")
    if isinstance(question, int) and isinstance(text, str) and text.strip():
        return question, text
    return None


def clear_draft(journal: Path) -> None:
    with contextlib.suppress(OSError):
        draft_path(journal).unlink(missing_ok=True)


def move_draft(old_journal: Path, new_journal: Path) -> None:
    """Carry the draft along when a session moves (a rescue to another folder): written beside the new
    journal first, then removed from the old folder when that is possible. Nothing to move, or a draft
    that cannot be read, leaves everything as it was."""
    if old_journal == new_journal:
        return
    draft = load_draft(old_journal)
    if draft is None:
        return
    save_draft(new_journal, *draft)
    clear_draft(old_journal)
